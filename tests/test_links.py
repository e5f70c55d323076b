"""Cross-cycle links, fates and progress-report attachment (tcpipe/dataset/links.py).
The figures against the full gold are printed by `make evaluate-links`; these tests pin
the behaviour on small cases and keep the gold files consistent with the plans."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from tcpipe.dataset.links import (ActionRef, attach_progress, f1, link_plans, load_config, norm_id,
                                  says_completed)

ROOT = Path(__file__).resolve().parent.parent
LINKS = ROOT / "tests" / "links"


def ref(rid: str, text: str, aim: str | None = None, action_id: str | None = None, **kw) -> ActionRef:
    return ActionRef(rid, text, action_id, aim, **kw)


EARLIER = [
    ref("e1", "Hold informal coffee mornings for technicians every month.", "Build a technician community."),
    ref("e2", "Create a central training fund that technicians can apply to.", "Time and money to develop."),
    ref("e3", "Reduce single-use plastics in teaching labs.", "Greener labs."),
    ref("e4", "Secure technician membership of each Faculty Research Committee.", "A voice in decisions."),
    ref("e5", "Survey technicians each year on their involvement in committees.", "A voice in decisions."),
    ref("e6", "Thank technicians publicly in the Vice-Chancellor's annual address.", "Celebrate technicians."),
]
LATER = [
    ref("l1", "Continue the monthly informal coffee mornings for technical staff.", "Community."),
    ref("l2", "Run two rounds a year of the central training fund for technicians.", "Development."),
    ref("l3", "Open the central training fund to apprentices and part-time technicians.", "Development."),
    ref("l4", "Secure technician membership of every faculty committee and survey technicians each year on "
        "their involvement.", "Representation."),
    ref("l5", "Install energy meters in the research workshops.", "Research facilities."),
]


def test_config_loads_and_thresholds_are_ordered():
    cfg = load_config()
    assert 0 < cfg.links.continued <= cfg.links.extra and 0 < cfg.links.min_score < 1
    assert 0 < cfg.attach.assigned <= cfg.attach.text < 1
    assert "completed" in cfg.fates.completed_terms and "not" in cfg.fates.negations


def test_reworded_split_and_merged_links_and_fates():
    res = link_plans(EARLIER, LATER)
    got = {(l.from_row_id, l.to_row_id): l.kind for l in res.links}
    assert got.get(("e1", "l1")) == "continued"
    assert got.get(("e2", "l2")) == "split" and got.get(("e2", "l3")) == "split"
    assert got.get(("e4", "l4")) == "merged" and got.get(("e5", "l4")) == "merged"
    assert not any(f in ("e3", "e6") for f, _ in got), "unrelated actions must not be linked"
    assert res.fates["e3"] == "dropped" and res.fates["e1"] == "continued"
    assert res.new == ["l5"]
    link = next(l for l in res.links if (l.from_row_id, l.to_row_id) == ("e1", "l1"))
    # "coffee mornings" reads as the sector's informal gathering (models/link_equivalents.yaml)
    assert "informal-gathering" in link.shared_terms and 0 < link.score <= 1
    assert set(link.similarity) >= {"words", "context_words", "context_chars", "aim"}


def test_completed_fate_comes_from_the_progress_report():
    res = link_plans(EARLIER, LATER, progress={"e6": "Completed: thanks given in the 2022 address.",
                                               "e3": "Not yet complete: plastic use down by a third."})
    assert res.fates["e6"] == "completed"
    assert res.fates["e3"] == "dropped"
    assert "progress report" in res.fate_evidence["e6"]


def test_reviewer_decisions_confirm_and_reject_links():
    res = link_plans(EARLIER, LATER, decisions={("e1", "l1"): False, ("e6", "l5"): True})
    got = {(l.from_row_id, l.to_row_id) for l in res.links}
    assert ("e1", "l1") not in got
    assert ("e6", "l5") in got and res.fates["e6"] == "continued"


def test_links_are_deterministic():
    a = link_plans(EARLIER, LATER)
    b = link_plans(list(EARLIER), list(LATER))
    assert a == b


@pytest.mark.parametrize("text,done", [
    ("Completed in March 2022; 412 staff now carry the tag.", True),
    ("Completed: the lead was appointed in January 2022.", True),
    ("Not yet complete: only two mentors have volunteered.", False),
    ("Partially achieved: one workshop a year so far.", False),
    ("On track; workshops held each June and December.", False),
    (None, False),
])
def test_says_completed(text, done):
    assert says_completed(text, load_config().fates) is done


def test_attach_by_id_and_by_text_and_keep_unmatched():
    plan = [ref("p1", "Publish technician case studies on the website each term.", action_id="V1.1"),
            ref("p2", "Create apprenticeship posts in two departments.", action_id="CD2.3"),
            ref("p3", "Join the regional technician network and attend its meetings.", action_id="S2.6")]
    report = [ref("r1", "Publish technician case studies on the website.", action_id="V 1.1"),
              # a blank reference cell read as the row above: the id repeats, so text decides
              ref("r2", "Apprentice posts in two departments.", action_id="V1.1"),
              ref("r3", "Regional technician network membership.", action_id=None),
              ref("r4", "Support for laboratory reopening after the building works.", action_id=None)]
    att = {a.report_row_id: a for a in attach_progress(report, plan)}
    assert att["r2"].plan_row_id == "p2" and att["r2"].how == "text"
    assert att["r3"].plan_row_id == "p3" and att["r3"].how == "text"
    assert att["r1"].plan_row_id == "p1"
    assert att["r4"].plan_row_id is None and att["r4"].how == "unmatched"


def test_id_match_is_vetoed_when_the_texts_disagree():
    plan = [ref("p1", "Publish technician case studies on the website each term.", action_id="1"),
            ref("p2", "Create apprenticeship posts in two departments.", action_id="2")]
    report = [ref("r1", "Apprenticeship posts created in two departments.", action_id="1")]
    (a,) = attach_progress(report, plan)
    assert a.plan_row_id == "p2" and a.how == "text"


def test_norm_id():
    assert norm_id(" v1 .2 ") == "V1.2" and norm_id("CD2-10") == "CD2.10" and norm_id("") is None


def _ids_of_yaml_plan(path: Path) -> list[str]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    if spec.get("layout") == "ref_column":
        return [a[0] for s in spec["sections"] for a in s["actions"]]
    return [a[0] for s in spec["sections"] for aim in s["aims"] for a in aim["actions"]]


def test_gold_files_are_complete_and_consistent():
    essex = yaml.safe_load((LINKS / "essex-2020-23_2024-27.yaml").read_text(encoding="utf-8"))
    ids = {s: [a["action_id"] for a in json.loads((ROOT / "tests" / "expected" / f"{s}.json").read_text())["actions"]]
           for s in (essex["from_plan"], essex["to_plan"])}
    pairs = [(essex, ids[essex["from_plan"]], ids[essex["to_plan"]])]
    names = sorted(p.parent.name for p in LINKS.glob("*/gold.yaml"))
    assert {"northbridge", "glenmoray", "ardlow"} <= set(names)
    for name in names:
        gold = yaml.safe_load((LINKS / name / "gold.yaml").read_text(encoding="utf-8"))
        a_ids, b_ids = (_ids_of_yaml_plan(LINKS / name / gold[k]) for k in ("from_plan", "to_plan"))
        assert len(a_ids) >= 30, "a fictional earlier plan has some 30 to 40 actions"
        assert set(gold["new"]) == set(b_ids) - {l["to"] for l in gold["links"]}
        report = yaml.safe_load((LINKS / name / gold["progress_report"]).read_text(encoding="utf-8"))
        attached = [r[4] if len(r) > 4 else r[0] for r in report["rows"]]
        # every report row attaches to an action of the plan or to none (a stray); a report may
        # leave an action out (merrow's TC39 has no row), most it covers
        reported = set(a for a in attached if a)
        assert reported <= set(a_ids) and None in attached, "report rows attach to the plan's actions, one stray"
        assert len(reported) >= 0.9 * len(a_ids), "the report covers most of the plan"
        pairs.append((gold, a_ids, b_ids))
    for gold, a_ids, b_ids in pairs:
        assert all(l["kind"] in ("continued", "split", "merged") and l["reason"].strip() for l in gold["links"])
        assert {l["from"] for l in gold["links"]} <= set(a_ids) and {l["to"] for l in gold["links"]} <= set(b_ids)
        fated = set(gold["fates"]["completed"]) | set(gold["fates"]["dropped"])
        linked = {l["from"] for l in gold["links"]}
        assert not fated & linked and fated | linked == set(a_ids), "every earlier action has exactly one fate"
        outs = {}
        ins = {}
        for l in gold["links"]:
            outs[l["from"]] = outs.get(l["from"], 0) + 1
            ins[l["to"]] = ins.get(l["to"], 0) + 1
        for l in gold["links"]:
            want = "split" if outs[l["from"]] > 1 else "merged" if ins[l["to"]] > 1 else "continued"
            assert l["kind"] == want, l


def test_essex_expected_rows_link_above_floor():
    """The Essex pair on its hand-checked rows (owners, the document's pillars, the shipped
    embeddings, as the batch reads them): a floor under the figure make evaluate-links
    prints (0.567, P 0.633 R 0.513, with the MiniLM-taught static vectors of d0cc13d; 0.588
    with the previous ones), so a regression fails. models/links.yaml 2026.12.13 lowered
    `continued` to 3.0 (refitted on seven pairs, where the blind pairs lacked recall): Essex
    0.587, P 0.579 R 0.595 here, so the precision floor is 0.55 (was 0.62)."""
    from tcpipe.dataset.links import default_embedder
    essex = yaml.safe_load((LINKS / "essex-2020-23_2024-27.yaml").read_text(encoding="utf-8"))
    rows = {s: json.loads((ROOT / "tests" / "expected" / f"{s}.json").read_text())["actions"]
            for s in (essex["from_plan"], essex["to_plan"])}
    a, b = ([ref(r["action_id"], r["action_text"], r["aim"], owner=r.get("owner"),
                 pillars=tuple(r.get("pillars_document") or ())) for r in rows[k]]
            for k in (essex["from_plan"], essex["to_plan"]))
    res = link_plans(a, b, embed=default_embedder())
    pred = {(l.from_row_id, l.to_row_id) for l in res.links}
    gold = {(l["from"], l["to"]) for l in essex["links"]}
    p, r, f = f1(len(pred & gold), len(pred - gold), len(gold - pred))
    assert f >= 0.55 and p >= 0.55, (p, r, f)


def test_a_status_word_complete_makes_the_fate_completed_and_weak_links_of_done_actions_go():
    # e6 shares the plan's words with no later action closely: its report status "Complete"
    # (no update text saying so) makes it completed
    done = [ref("e6", EARLIER[5].text, EARLIER[5].aim, status="Complete", progress="Thanks given in 2022.")]
    res = link_plans(EARLIER[:5] + done, LATER)
    assert res.fates["e6"] == "completed" and "Complete" in res.fate_evidence["e6"]
    # a weak match of an action its report calls complete is not a continuation...
    later = LATER + [ref("l6", "Thank technical teams in the annual staff awards ceremony.", "Celebrate.")]
    plain = link_plans(EARLIER, later)
    reported = link_plans(EARLIER, later, progress={"e6": "Complete: thanks given in the 2022 address."})
    weak = [l for l in plain.links if l.from_row_id == "e6"]
    assert weak and all(l.score < load_config().fates.completed_link_min for l in weak)
    assert not [l for l in reported.links if l.from_row_id == "e6"] and reported.fates["e6"] == "completed"
    # ...but a close one is (a completed item the later plan keeps doing)
    again = link_plans(EARLIER, LATER, progress={"e1": "Complete: held monthly since 2021."})
    assert again.fates["e1"] == "continued"


def test_the_later_plan_saying_an_action_was_completed():
    later = LATER + [ref("l6", "Reduce single-use plastics in teaching labs.", "Greener labs.", status="Completed",
                         progress="Achieved in 2023.")]
    res = link_plans(EARLIER, later)
    assert res.fates["e3"] == "completed" and res.fate_evidence["e3"].startswith("later plan:")
    assert "l6" not in res.new          # a row about the past is not a new action


def test_relative_score_stands_out_from_the_rest_of_the_row_and_column():
    from tcpipe.dataset.links import relative
    s = np.array([[0.40, 0.05, 0.04, 0.06], [0.05, 0.30, 0.28, 0.04], [0.03, 0.04, 0.05, 0.06]])
    r = relative(s, 0.03)
    assert r[0, 0] > 3 and r[2].max() < 1.5            # a clear match stands out; a flat row does not
    assert relative(np.zeros((0, 3)), 0.03).shape == (0, 3)


def test_sector_equivalents_meet_and_the_file_is_consistent():
    from tcpipe.dataset.links import canonical, load_equivalents, similarity
    groups = load_equivalents()
    forms = [f for canon, rest in groups for f in (canon,) + rest]
    assert len(forms) == len(set(forms)), "a form belongs to one group only"
    assert canonical("Discuss training at every appraisal", groups) == canonical(
        "Discuss training at every PDR", groups)
    assert "onboard" not in canonical("Onboarding of new technicians", groups)
    # "appraisal" and "PDRs" share no word: only the equivalence makes them meet
    a = [ref("a", "Line managers discuss training ambitions in appraisals.")]
    b = [ref("b", "Monitor that PDRs take place annually for every technician."),
         ref("c", "Line managers approve training budgets for conferences.")]
    cfg = load_config()
    plain = similarity(a, b, cfg, equivalents=()).score[0]
    meet = similarity(a, b, cfg).score[0]
    assert meet[0] > plain[0] and meet[0] - meet[1] > plain[0] - plain[1]


def test_the_owner_part_counts_only_when_both_plans_name_owners():
    from tcpipe.dataset.links import similarity
    cfg = load_config()
    a = [ref("a", "Run a survey of technician training needs.", owner="Organisational Development"),
         ref("b", "Hold a technician showcase each June.", owner="Technical Services Manager")]
    b = [ref("x", "Survey technicians every two years on wellbeing.", owner="Organisational Development"),
         ref("y", "Survey technicians on their training needs.", owner="Deputy Vice-Chancellor"),
         ref("z", "Keep the June showcase.", owner="Technical Services Manager")]
    with_owner = similarity(a, b, cfg)
    assert "owner" in with_owner.parts and with_owner.parts["owner"][0, 0] > 0.9
    assert with_owner.parts["owner"][0, 1] == 0
    unnamed = [ActionRef(r.row_id, r.text) for r in b]
    assert "owner" not in similarity(a, unnamed, cfg).parts, "no owners on one side: no owner part"
