"""Issue #13, found on the blind seventh link pair (a Welsh conservatoire): institution names
were read only with the heads University / Institute / College, so every document of
"Caerwen Conservatoire of Music and Drama" came out with no institution, its two plans were
not linked as consecutive, and its progress report - placed by period alone, since an
unknown institution conflicts with none - went to another institution's plan of the same
period (whichever file sorted first). Now the heads are data (models/meta.yaml: a
conservatoire anywhere; a laboratory, centre or school only where the document names
itself), and a report is placed without shared text only when both institutions are known."""
from __future__ import annotations

from normalise.meta import resolve_institution
from tcpipe.dataset.plans import assemble


def test_a_conservatoire_names_itself():
    text = ("Caerwen Conservatoire of Music and Drama\nTechnician Commitment Action Plan 2023–2026\n"
            "Caerwen Conservatoire of Music and Drama trains some 850 musicians, actors and designers.")
    name, _ = resolve_institution(text, "plan.pdf", ["Caerwen Conservatoire of Music and Drama | Action Plan"])
    assert name == "Caerwen Conservatoire of Music and Drama"


def test_a_laboratory_counts_where_it_names_itself_and_a_school_in_passing_does_not_win():
    lab, _ = resolve_institution("Technician Commitment Action Plan 2024-2027\nThe Ashworth Laboratory\n"
                                 "We work with the School of Chemistry.", "plan.pdf")
    assert lab == "Ashworth Laboratory"
    uni, _ = resolve_institution("University of Kelmscott\nTechnician Commitment Action Plan 2024-2027\n"
                                 "School of Chemistry\nSchool of Chemistry", "plan.pdf")
    assert uni == "University of Kelmscott"
    nothing, why = resolve_institution("Technician Commitment Action Plan\nWe thank the School of Chemistry "
                                       "for hosting the Bioimaging Centre open day.\n" + "x\n" * 20
                                       + "The School of Chemistry and the Bioimaging Centre", "plan.pdf")
    assert nothing is None and why == "institution not found"


def _doc(doc_id, name, inst, start, end):
    return dict(document_id=doc_id, source_file=name, status="success", institution=inst, period_start=start,
                period_end=end, plan_title="Technician Commitment Action Plan", ocr=False, notes=[])


def test_a_report_of_an_unread_institution_is_not_given_to_another_institutions_plan():
    docs = [_doc("a", "ardlow-2023-26-action-plan.pdf", "University of Ardlow", 2023, 2026),
            _doc("r", "caerwen-2023-26-progress-report.pdf", None, 2023, 2026)]
    acts = [dict(row_id=f"a{i}", document_id="a", action_text=f"Ardlow action number {i} on careers")
            for i in range(5)]
    acts += [dict(row_id=f"r{i}", document_id="r", action_text=f"Stage crew action {i}", rag_status="green",
                  progress="on track") for i in range(5)]
    asm = assemble(docs, acts)
    # a plan of its own (its only document: the plan, never a report on itself)
    assert asm.roles["r"].plan_id != asm.roles["a"].plan_id and asm.roles["r"].plan_role == "plan"
    assert asm.roles["r"].reports_on != asm.roles["a"].plan_id
    # with both institutions known and the same, period and institution still place it
    docs[1]["institution"] = "University of Ardlow"
    asm = assemble(docs, acts)
    assert asm.roles["r"].reports_on == asm.roles["a"].plan_id
