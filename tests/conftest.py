"""Shared fixtures: the real pipeline run once per session on the real sample PDFs."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
EXPECTED = ROOT / "tests" / "expected"
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"


def pytest_configure(config):
    """One temporary root per checkout: pytest keeps only the last three numbered roots of
    a user, so several checkouts testing at once (worktrees, CI beside a developer) would
    delete each other's files mid-run."""
    if not config.option.basetemp:
        import hashlib
        import tempfile
        tag = hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]
        config.option.basetemp = str(Path(tempfile.gettempdir()) / f"tcplans-pytest-{tag}")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.json from the current pipeline output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


def run_pipeline(inputs, out: Path):
    from tcpipe.run.batch import run_batch
    report = run_batch(list(inputs), out, workers=2, progress=False)
    actions = pq.read_table(out / "actions.parquet").to_pylist()
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    return report, actions, documents


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("samples-out")
    return run_pipeline([RAW], out)


@pytest.fixture(scope="session")
def fixture_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixtures-out")
    return run_pipeline([FIXTURES], out)


def load_expected(path: Path) -> dict:
    """Expected rows; `source_file` is stored repo-relative, the dataset keeps the file name."""
    exp = json.loads(path.read_text(encoding="utf-8"))
    exp["source_file"] = Path(exp["source_file"]).name
    return exp


def norm_ws(text):
    return " ".join(text.split()) if isinstance(text, str) else text


@pytest.fixture(scope="session")
def scorer():
    """../shared/tools/score.py (the product's scorer) as a module; skips when it is absent."""
    from tests.generator.zoo.evaluate import find_scorer, load_scorer
    try:
        return load_scorer(find_scorer())
    except SystemExit as e:
        pytest.skip(str(e))
