"""Mutation fuzz of the PDF loader: bytes of a real plan with random byte ranges flipped,
deleted, duplicated, zeroed or cut off, each fed to tcpipe.pipeline.process_bytes, which
must always return a DocumentResult (failed with a clear error code, or success, partial,
skipped) and never raise.

    pytest tests/test_fuzz.py                              # the short run (~30 cases)
    TCPLANS_FUZZ_CASES=2000 pytest tests/test_fuzz.py      # the long run (make fuzz)
    TCPLANS_FUZZ_SEED=7 TCPLANS_FUZZ_CASES=2000 ...        # another stream of cases

Every case is derived from (seed, case number) alone, so a failure names the case and
`TCPLANS_FUZZ_ONLY=<case>` replays it. Hypothesis property tests drive the same
contract with edits it chooses and shrinks (a tenth as many examples as cases, at least
20; derandomized, so a run is repeatable). Property tests of the parsers are in
tests/test_parsers.py; this file only attacks the loader with damaged files.
"""
from __future__ import annotations

import os
import random
import re
import signal
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tcpipe.pipeline import DocumentResult, process_bytes
from tcpipe.dataset.schema import ACTIONS, DOCUMENTS, STATUSES

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
CASES = int(os.environ.get("TCPLANS_FUZZ_CASES", "30"))
SEED = int(os.environ.get("TCPLANS_FUZZ_SEED", "20261122"))
ONLY = os.environ.get("TCPLANS_FUZZ_ONLY")
CASE_SECONDS = int(os.environ.get("TCPLANS_FUZZ_CASE_SECONDS", "60"))   # a case running longer is a hang
CODE = re.compile(r"^(?P<code>[a-z][a-z0-9_]*): (?P<message>\S.*)$", re.S)


@lru_cache(maxsize=1)
def seed_pdf() -> tuple[str, bytes]:
    """The smallest real sample plan (fewest pages keeps each case quick); a small plan
    drawn by bench when data/raw has none yet."""
    override = os.environ.get("TCPLANS_FUZZ_PDF")
    if override:
        return Path(override).name, Path(override).read_bytes()
    samples = sorted(RAW.glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name)) if RAW.is_dir() else []
    if samples:
        return samples[0].name, samples[0].read_bytes()
    from bench.run import plan_spec, render_plan
    data, _, _ = render_plan(plan_spec(0, seed=1), 2)
    return "bench-plan.pdf", data


def _span(rng: random.Random, n: int) -> tuple[int, int]:
    """A byte range: mostly short (a token, a number), sometimes a large slab."""
    length = rng.choice([1, 1, 2, 4, 8, 16, 64, 512]) if rng.random() < 0.85 else rng.randint(1, max(1, n // 10))
    start = rng.randrange(max(1, n))
    return start, min(n, start + length)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """One to four random edits; returns the bytes and what was done (for the report)."""
    buf = bytearray(data)
    done: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 3, 4])):
        if not buf:
            break
        op = rng.choice(["flip", "flip", "delete", "duplicate", "zero", "junk", "truncate", "digit"])
        a, b = _span(rng, len(buf))
        if op == "flip":
            for i in range(a, b):
                buf[i] ^= 1 << rng.randrange(8)
        elif op == "delete":
            del buf[a:b]
        elif op == "duplicate":
            at = rng.randrange(len(buf) + 1)
            buf[at:at] = buf[a:b]
            op += f"@{at}"
        elif op == "zero":
            buf[a:b] = bytes(b - a)
        elif op == "junk":
            buf[a:b] = bytes(rng.randrange(256) for _ in range(b - a))
        elif op == "truncate":
            a, b = rng.randrange(len(buf)), len(buf)
            del buf[a:]
        elif op == "digit":
            # numbers drive PDF structure (lengths, offsets, object ids, counts)
            digits = [m.start() for m in re.finditer(rb"\d", bytes(buf[:200_000]))]
            if digits:
                a = rng.choice(digits)
                b = a + 1
                buf[a] = ord(rng.choice("0123456789"))
        done.append(f"{op}[{a}:{b}]")
    return bytes(buf), done


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def run_case(source: bytes, case: int) -> tuple[DocumentResult, list[str]]:
    rng = random.Random(f"{SEED}:{case}")
    data, edits = mutate(source, rng)
    return run_bytes(data, case, edits)


def run_bytes(data: bytes, case: int | str, edits: list[str]) -> tuple[DocumentResult, list[str]]:
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        result = process_bytes(data, f"fuzz-{case}.pdf")
    except _Hang:
        pytest.fail(f"case {case} ({', '.join(edits)}) ran longer than {CASE_SECONDS} s: "
                    f"replay with TCPLANS_FUZZ_ONLY={case} TCPLANS_FUZZ_SEED={SEED}")
    except BaseException as exc:  # noqa: BLE001 - the point of the test
        pytest.fail(f"case {case} ({', '.join(edits)}) raised {type(exc).__name__}: {exc}; "
                    f"replay with TCPLANS_FUZZ_ONLY={case} TCPLANS_FUZZ_SEED={SEED}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return result, edits


def check_result(result, case: int, edits: list[str]) -> str:
    """The contract of process_bytes on any input; returns the status or failure code."""
    where = f"case {case} ({', '.join(edits)})"
    assert isinstance(result, DocumentResult), where
    assert isinstance(result.document, pa.Table) and isinstance(result.actions, pa.Table), where
    assert result.document.schema == DOCUMENTS and result.document.num_rows == 1, where
    assert result.actions.schema == ACTIONS, where
    doc = result.document.to_pylist()[0]
    assert doc["status"] in STATUSES, where
    assert doc["n_actions"] == result.actions.num_rows, where
    if doc["status"] == "failed":
        assert result.actions.num_rows == 0, where
        assert doc["errors"], where
        m = CODE.match(doc["errors"][0])
        assert m, f"{where}: unclear error {doc['errors'][0]!r}"
        return m.group("code")
    return doc["status"]


def test_damaged_pdfs_never_raise():
    name, source = seed_pdf()
    cases = [int(ONLY)] if ONLY else range(CASES)
    seen: Counter[str] = Counter()
    internal: list[str] = []
    for case in cases:
        result, edits = run_case(source, case)
        outcome = check_result(result, case, edits)
        seen[outcome] += 1
        if outcome == "internal_error":
            internal.append(f"case {case} ({', '.join(edits)}): {result.document.column('errors')[0][0]}")
    print(f"\nfuzz: {sum(seen.values())} cases of {name} (seed {SEED}): "
          + ", ".join(f"{k} {v}" for k, v in sorted(seen.items())))
    for line in internal:
        print("  internal_error:", line)
    # "internal_error" is still failure as data (the batch goes on), but it means a parser
    # raised something the loader did not turn into a clear code: a bug to fix.
    assert not internal, f"{len(internal)} cases ended as internal_error:\n" + "\n".join(internal)


def test_mutations_are_deterministic():
    _, source = seed_pdf()
    a = [mutate(source, random.Random(f"{SEED}:{i}")) for i in range(5)]
    b = [mutate(source, random.Random(f"{SEED}:{i}")) for i in range(5)]
    assert a == b and any(data != source for data, _ in a)


# -- hypothesis: edits chosen (and shrunk on failure) by hypothesis -------------------------

HYP_EXAMPLES = int(os.environ.get("TCPLANS_FUZZ_HYPOTHESIS", str(max(20, CASES // 10))))
HYP_SETTINGS = settings(max_examples=HYP_EXAMPLES, deadline=None, derandomize=True, database=None,
                        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_EDIT = st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 600), st.binary(max_size=48))


def _contract_holds(data: bytes, label: str, edits: list[str]) -> None:
    result, _ = run_bytes(data, label, edits)
    outcome = check_result(result, label, edits)
    assert outcome != "internal_error", f"{label} {edits}: {result.document.column('errors')[0][0]}"


@HYP_SETTINGS
@given(st.lists(_EDIT, min_size=1, max_size=4))
def test_spliced_pdfs_keep_the_contract(edits):
    """Byte ranges of the real plan replaced by other bytes (shorter, longer, empty)."""
    _, source = seed_pdf()
    buf = bytearray(source)
    done = []
    for where, length, junk in edits:
        a = int(where * (len(buf) + 1))
        buf[a:a + length] = junk
        done.append(f"splice[{a}:{a + length}]={junk!r}")
    _contract_holds(bytes(buf), "hypothesis-splice", done)


@HYP_SETTINGS
@given(st.binary(max_size=2048), st.sampled_from([b"", b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]))
def test_arbitrary_bytes_keep_the_contract(body, head):
    """Bytes that are not a plan at all, with and without a PDF header."""
    _contract_holds(head + body, "hypothesis-bytes", [f"{len(head + body)} bytes"])
