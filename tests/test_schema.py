"""The output schema is executable and documented."""
from __future__ import annotations

import re

import pyarrow as pa
import pytest

from tests.conftest import ROOT
from tcpipe.dataset.schema import ACTIONS, DOCUMENTS, SchemaError, check_actions, validate


def _documented_columns() -> set[str]:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    cols = set()
    for cell in re.findall(r"^\| (`[^|]+`) \|", text, flags=re.M):
        cols.update(re.findall(r"`([a-z_]+)`", cell))
    return cols


def test_every_column_is_in_the_data_dictionary():
    documented = _documented_columns()
    missing = [f.name for f in list(ACTIONS) + list(DOCUMENTS) if f.name not in documented]
    assert not missing, f"columns missing from docs/data-dictionary.md: {missing}"


def test_dataset_from_samples_validates(sample_run):
    _, actions, documents = sample_run
    validate(pa.Table.from_pylist(actions, schema=ACTIONS), pa.Table.from_pylist(documents, schema=DOCUMENTS))


def test_every_failure_is_reported_at_once(sample_run):
    _, actions, documents = sample_run
    rows = [dict(r) for r in actions[:3]]
    rows[1]["row_id"] = rows[0]["row_id"]
    rows[2]["pillars_document"] = ["X"]
    rows[2]["talent_document"] = ["R99"]
    rows[0]["page_end"] = 0
    fails = check_actions(pa.Table.from_pylist(rows, schema=ACTIONS))
    assert any("row_id" in f for f in fails)
    assert any("pillar" in f for f in fails)
    assert any("TALENT" in f for f in fails)
    assert any("page" in f for f in fails)


def test_orphan_actions_are_rejected(sample_run):
    _, actions, _ = sample_run
    with pytest.raises(SchemaError, match="no documents record"):
        validate(pa.Table.from_pylist(actions[:2], schema=ACTIONS), DOCUMENTS.empty_table())
