"""The house rules of docs/architecture.md, checked on the code itself: the import graph
of the runtime packages (every import, module-level or inside a function) has no cycle,
the floors import downwards only, and the runtime never imports benchmark or training
code. Parsed with ast, nothing is imported."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ("extract", "normalise", "tcpipe")
# What each floor may import from the project (itself always).
ALLOWED = {
    "extract": {"extract"},
    "normalise": {"extract", "normalise"},
    "tcpipe": {"extract", "normalise", "tcpipe"},
}
NOT_SHIPPED = ("bench", "training", "tests")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in RUNTIME for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Project modules `name` imports, resolved to the longest known module name."""
    is_pkg = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [f"{mod}.{a.name}" for a in node.names] + [mod]
        for t in targets:
            parts = t.split(".")
            for n in range(len(parts), 0, -1):
                cand = ".".join(parts[:n])
                if cand in known or cand.split(".")[0] in NOT_SHIPPED:
                    out.add(cand)
                    break
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {m: _imports(m, p, known) for m, p in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_graph_is_read():
    graph = _graph()
    # A few edges that exist, so a parser that finds nothing cannot pass the tests below.
    assert "tcpipe.pipeline" in graph["tcpipe.run.local"]
    assert "extract.issues" in graph["extract.pdf"]
    assert "extract.model" in graph["extract.text"]


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("floor", RUNTIME)
def test_floors_import_downwards_only(floor):
    bad = {(m, i) for m, imps in _graph().items() if m.split(".")[0] == floor
           for i in imps if i.split(".")[0] not in ALLOWED[floor]}
    assert bad == set()


def test_runtime_never_imports_benchmark_or_training_code():
    bad = {(m, i) for m, imps in _graph().items() for i in imps if i.split(".")[0] in NOT_SHIPPED}
    assert bad == set()


def test_pipeline_declares_its_stages_in_order():
    from tcpipe import pipeline
    assert pipeline.STAGES == ("read", "segment", "extract", "interpret", "label", "validate")
    body = ast.unparse(next(n for n in ast.parse(Path(pipeline.__file__).read_text()).body
                            if isinstance(n, ast.FunctionDef) and n.name == "process_bytes"))
    calls = [body.index(f"{name}(") for name in ("read", "segment", "extract_tables", "interpret", "label",
                                                  "validate")]
    assert calls == sorted(calls)


def test_no_status_is_derived_from_message_text():
    """Status and summaries read issue codes; no code path tests a message's wording."""
    suspicious = []
    for pkg in RUNTIME:
        for path in (ROOT / pkg).rglob("*.py"):
            text = path.read_text()
            for needle in ('.startswith("partial', '"no header" in', '"could not be read" in',
                           'startswith("same plan', 'startswith("no action'):
                if needle in text:
                    suspicious.append((path.name, needle))
    assert suspicious == []
