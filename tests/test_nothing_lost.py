"""Nothing silently lost: text coverage per document, and a document whose tables cannot be
read is `partial` with the reason, never an empty success. Real PDFs (the samples, and
small ruled tables drawn with reportlab here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tcpipe.pipeline import process_bytes


def _docs(run):
    return {d["source_file"]: d for d in run[2]}


@pytest.mark.parametrize("name", ["essex-2024-27-action-plan.pdf", "essex-2020-23-action-plan-unruled.pdf",
                                  "portsmouth-action-plan.pdf", "essex-2020-23-action-plan-scan.pdf"])
def test_page_text_is_accounted_for(sample_run, name):
    d = _docs(sample_run)[name]
    # every printed character of an action lies in a row's box, so the text counted as
    # boilerplate or other prose leaves room for all of it
    printed = sum(len("".join(a["action_text"].split())) for a in sample_run[1] if a["source_file"] == name)
    assert d["chars_in_rows"] >= printed > 0
    assert 0 <= d["chars_boilerplate"] + d["chars_other"] <= d["chars_total"] - printed
    if not d["ocr"]:   # the total is the page text pdfium itself reads (its line-end hyphen is U+0002)
        import pypdfium2

        from tests.conftest import RAW
        pdf = pypdfium2.PdfDocument(str(RAW / name))
        on_pages = sum(len("".join(pg.get_textpage().get_text_range().split()).replace("\x02", "-")) for pg in pdf)
        assert d["chars_total"] == on_pages
    assert d["share_in_rows"] >= 0.6, d


def test_intro_prose_and_running_headers_are_counted_apart(sample_run):
    d = _docs(sample_run)["essex-2024-27-action-plan.pdf"]
    assert d["chars_other"] > 2000          # three pages of introduction before the table
    assert d["chars_boilerplate"] > 0       # running header and "Page N of M" footers


def test_a_page_without_actions_has_nothing_in_rows(sample_run):
    d = _docs(sample_run)["essex-technician-commitment-webpage.pdf"]
    assert d["chars_in_rows"] == 0 and d["chars_total"] > 0 and d["status"] == "skipped"


def _ruled_pdf(path: Path, header: list[str], rows: list[list[str]], extra: tuple | None = None) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.lib.styles import getSampleStyleSheet
    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph("University of Exampleton Technician Commitment Action Plan 2025-2028", style), Spacer(1, 12)]
    for head, body in [(header, rows)] + ([extra] if extra else []):
        data = [head] + body
        t = Table(data, colWidths=[60] + [220] * (len(head) - 1))
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story += [t, Spacer(1, 18)]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1)
    doc.build(story)
    return path


UNREADABLE = (["Code", "Vorhaben", "Frist"],
              [["V1", "Technikerprofile im Intranet veröffentlichen", "2026"],
               ["V2", "Jährliche Technikerkonferenz ausrichten", "2027"],
               ["R1", "Registrierungsgebühren übernehmen", "2026"]])


def test_unreadable_action_table_makes_the_document_partial(tmp_path):
    path = _ruled_pdf(tmp_path / "unreadable.pdf", *UNREADABLE)
    result = process_bytes(path.read_bytes(), path.name)
    doc = result.document.to_pylist()[0]
    assert doc["status"] == "partial" and doc["n_actions"] == 0
    assert any("could not be read" in w and "Code | Vorhaben | Frist" in w for w in doc["warnings"]), doc["warnings"]


def test_partial_when_one_table_is_read_and_another_is_not(tmp_path):
    path = _ruled_pdf(tmp_path / "mixed.pdf", ["Ref", "Action", "Timeframe"],
                      [["V1", "Publish technician profiles on the intranet.", "2026"],
                       ["V2", "Hold an annual technician conference.", "2027"]], UNREADABLE)
    result = process_bytes(path.read_bytes(), path.name)
    doc = result.document.to_pylist()[0]
    assert [a["action_text"] for a in result.actions.to_pylist()] == [
        "Publish technician profiles on the intranet.", "Hold an annual technician conference."]
    assert doc["status"] == "partial", doc
    assert any(w.startswith("partial:") and "could not be read" in w for w in doc["warnings"])


def test_a_key_table_is_skipped_not_partial(tmp_path):
    path = _ruled_pdf(tmp_path / "key.pdf", ["Status", "Meaning"],
                      [["Red", "Not started or off track"], ["Amber", "Started, at risk"], ["Green", "On track"]])
    doc = process_bytes(path.read_bytes(), path.name).document.to_pylist()[0]
    assert doc["status"] == "skipped" and any("not an action table" in s for s in doc["tables_skipped"])


def test_a_scan_without_tesseract_fails_with_the_reason(monkeypatch, tmp_path):
    """No OCR engine on the machine: the scan is failed with a reason naming the fix, never an
    empty success (PATH without tesseract stands for a machine where apt-get was not possible)."""
    from tests.conftest import RAW
    monkeypatch.setenv("PATH", str(tmp_path))
    data = (RAW / "essex-2020-23-action-plan-scan.pdf").read_bytes()
    result = process_bytes(data, "essex-2020-23-action-plan-scan.pdf")
    doc = result.document.to_pylist()[0]
    assert doc["status"] == "failed" and result.actions.num_rows == 0
    assert doc["errors"][0].startswith("ocr_unavailable") and "tesseract" in doc["errors"][0], doc["errors"]


def test_a_plan_given_twice_is_flagged_on_its_renderings(sample_run):
    """A copy of a plan (DOCX and PDF, scan, web copy) is flagged as a rendering of the copy
    that counts (dataset.plans); the progress report is not a copy."""
    docs = _docs(sample_run)
    flagged = {name: w for name, d in docs.items() for w in d["warnings"] if w.startswith("same plan as")}
    assert flagged["essex-2024-27-action-plan.docx"].startswith("same plan as essex-2024-27-action-plan.pdf (100%")
    assert flagged["portsmouth-action-plan-web.html"].startswith("same plan as portsmouth-action-plan.pdf")
    assert flagged["essex-2020-23-action-plan-scan.pdf"].startswith("same plan as essex-2020-23-action-plan.pdf")
    assert "essex-2024-27-action-plan.pdf" not in flagged          # the copy that counts is not
    assert "essex-2024-27-progress-report.pdf" not in flagged      # a progress report is no duplicate
    assert docs["essex-2024-27-progress-report.pdf"]["plan_role"] == "progress_report"
    assert not any(d["warnings"] and "same plan" in " ".join(d["warnings"])
                   for n, d in docs.items() if n.startswith("essex-technician"))


def test_same_plan_needs_matching_institution_and_period():
    from tcpipe.dataset.plans import assemble
    docs = [dict(document_id=f, source_file=f, status="success", institution=i, period_start=p, period_end=p + 3,
                 ocr=False, notes=[])
            for f, i, p in (("a.pdf", "X", 2020), ("b.pdf", "X", 2023), ("c.pdf", "X", 2020), ("d.pdf", "Y", 2020))]
    actions = [dict(row_id=f + t, document_id=f, action_text=t) for f in ("a.pdf", "b.pdf", "c.pdf", "d.pdf")
               for t in ("Run a network.", "Fund registration.", "Publish profiles.")]
    roles = assemble(docs, actions).roles
    assert roles["c.pdf"].plan_role == "rendering" and roles["c.pdf"].duplicate_of == "a.pdf"
    assert {roles[f].plan_role for f in ("a.pdf", "b.pdf", "d.pdf")} == {"plan"}
