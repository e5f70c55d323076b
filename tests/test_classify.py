"""Labelling: taxonomies load and validate; one contract test suite over every classifier;
the shipped model loads from models/ and reproduces its stored predictions; the
labeller's rules (plan tags final, model kept, sources, no forced guess)."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from normalise.classify import LabelInput, LabelOutput, load_labeller
from normalise.classify.base import Classifier, Prediction
from normalise.classify.keywords import KeywordClassifier
from normalise.classify.taxonomy import Taxonomy, load_taxonomy, load_taxonomies, taxonomy_version
from normalise.classify.text import blank_pipeline, clean_text, input_text

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
TAXONOMY_FILES = sorted((MODELS / "taxonomy").glob("*.yaml"))
CLASSIFIER = MODELS / "classifier"


def item(text: str, aim: str | None = None, pillars=(), talent=()) -> LabelInput:
    return LabelInput(text, aim, None, tuple(pillars), tuple(talent))


# --- taxonomies ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", TAXONOMY_FILES, ids=lambda p: p.name)
def test_every_committed_taxonomy_loads_and_validates(path):
    tax = load_taxonomy(path)
    assert isinstance(tax, Taxonomy)
    assert re.fullmatch(r"\d+\.\d+\.\d+", tax.version)
    for c in tax.concepts:
        assert c.definition and c.keywords and c.provenance.confidence in {"high", "medium", "low"}
        assert c.provenance.text_status


def test_taxonomies_hold_the_expected_concepts_and_provenance():
    t = load_taxonomies(MODELS)
    assert t["pillars"].ids == ("V", "R", "CD", "S", "EI")
    assert t["pillars"].predictable_ids == ("V", "R", "CD", "S")   # EI is the optional fifth theme
    assert t["pillars"].concept("EI").optional
    assert t["talent"].ids == tuple(f"R{i}" for i in range(1, 17))
    ref = yaml.safe_load(Path("/work/shared/reference/talent_recommendations.yaml").read_text()) \
        if Path("/work/shared/reference/talent_recommendations.yaml").exists() else None
    for c in t["talent"].concepts:
        assert c.provenance.text_status.startswith("paraphrase")   # nobody has the report's own words yet
        assert c.provenance.confidence in {"medium", "low"} and c.provenance.source_urls
        if ref:
            r = next(x for x in ref["recommendations"] if x["id"] == c.id)
            assert (c.provenance.confidence, c.provenance.text_status) == (r["confidence"], r["text_status"])
            assert c.definition == " ".join(r["summary"].split())
    # topics the reference marks as guesses are scored, never predicted
    assert "R14" not in t["talent"].predictable_ids and "R16" not in t["talent"].predictable_ids


def test_invalid_taxonomy_is_rejected(tmp_path):
    data = yaml.safe_load((MODELS / "taxonomy" / "pillars.yaml").read_text())
    data["concepts"][1]["id"] = data["concepts"][0]["id"]
    bad = tmp_path / "pillars.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(ValueError, match="duplicate concept ids"):
        load_taxonomy(bad)
    data = yaml.safe_load((MODELS / "taxonomy" / "talent.yaml").read_text())
    data["concepts"][0]["provenance"]["confidence"] = "certain"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(ValueError):
        load_taxonomy(bad)


def test_verbatim_text_makes_a_guessed_concept_predictable(tmp_path):
    """Replacing the TALENT paraphrases with the report's words is an edit to one file."""
    data = yaml.safe_load((MODELS / "taxonomy" / "talent.yaml").read_text())
    r14 = next(c for c in data["concepts"] if c["id"] == "R14")
    r14["definition"] = "The report's own words for recommendation 14 would go here, verbatim."
    r14["provenance"]["text_status"] = "verbatim"
    path = tmp_path / "talent.yaml"
    path.write_text(yaml.safe_dump(data))
    tax = load_taxonomy(path)
    assert "R14" in tax.predictable_ids and tax.concept("R14").provenance.is_verbatim


# --- input text -----------------------------------------------------------------------------

def test_input_text_drops_ids_and_citations_that_would_leak_labels():
    assert clean_text("V2 – Ensure representation on committees. [TCR - R12]") == "Ensure representation on committees."
    assert clean_text("CD3.2 - Provide training [T-PIKE WP2]") == "Provide training"
    assert clean_text("a) Review the membership annually") == "Review the membership annually"
    assert input_text(item("Run a survey", "S1 – Monitor progress [TCR - R1 and R3]")) == "Monitor progress . Run a survey"
    assert input_text(item("Same", "Same")) == "Same"


# --- one contract suite over every classifier -------------------------------------------------

@pytest.fixture(scope="module")
def labeller():
    return load_labeller(MODELS)


@pytest.fixture(scope="module")
def classifiers(labeller) -> dict[str, Classifier]:
    nlp = blank_pipeline()
    tax = load_taxonomies(MODELS)
    out: dict[str, Classifier] = {}
    for task in ("pillars", "talent"):
        comb = labeller.classifiers[task]
        out[f"keywords-{task}"] = KeywordClassifier(tax[task], nlp)
        out[f"textcat-{task}"] = comb.textcat
        out[f"combined-{task}"] = comb
    return out


CLASSIFIER_NAMES = [f"{k}-{t}" for t in ("pillars", "talent") for k in ("keywords", "textcat", "combined")]
RELEVANT = {
    "pillars": ("Support technicians to apply for professional registration (RSciTech) with the Science Council.", "R"),
    "talent": ("Ensure technical staff are represented on University committees and decision-making boards.", "R12"),
}
ITEMS = [
    item("Publish technician case studies in the staff newsletter and on the website."),
    item("Develop a career pathway and job family framework for technical staff.", aim="Clear career pathways"),
    item("Introduce apprenticeships as new entry routes into technical roles."),
    item("Book the room."),
    item(""),
    item("Support technicians to gain professional registration.", pillars=("R",), talent=("R10",)),
]


@pytest.mark.parametrize("name", CLASSIFIER_NAMES)
class TestClassifierContract:
    def test_id_is_deterministic_and_well_formed(self, name, classifiers, labeller):
        clf = classifiers[name]
        assert re.fullmatch(r"[a-z]+:[0-9a-f]{10}", clf.id)
        assert clf.id.split(":")[0] == clf.kind
        if name.startswith("keywords"):
            again = KeywordClassifier(clf.taxonomy, blank_pipeline())
            assert again.id == clf.id
        else:   # a second load of the shipped files gives the same id
            from normalise.classify.labeller import _load
            fresh = _load.__wrapped__(str(MODELS.resolve()))
            other = fresh.classifiers[clf.task]
            assert (other.textcat.id if name.startswith("textcat") else other.id) == clf.id

    def test_predict_returns_one_prediction_per_item_with_every_label_scored(self, name, classifiers):
        clf = classifiers[name]
        preds = clf.predict(ITEMS)
        assert len(preds) == len(ITEMS)
        for p in preds:
            assert isinstance(p, Prediction)
            assert tuple(p.scores) == clf.labels
            assert all(0.0 <= s <= 1.0 for s in p.scores.values())
            assert set(p.labels) <= set(clf.predictable)
            assert list(p.labels) == [lab for lab in clf.labels if lab in p.labels]   # taxonomy order

    def test_empty_input_and_no_label(self, name, classifiers):
        clf = classifiers[name]
        assert clf.predict([]) == []
        empty, = clf.predict([item("")])
        assert empty.labels == ()                     # "no label" is possible, never forced
        off_topic, = clf.predict([item("Book the room.")])
        if not name.startswith("textcat"):   # the model alone is a component: the shipped ones say nothing here
            assert off_topic.labels == ()

    def test_finds_an_obvious_label(self, name, classifiers):
        clf = classifiers[name]
        text, label = RELEVANT[clf.task]
        p, = clf.predict([item(text)])
        assert label in p.labels, (name, p)

    def test_deterministic_and_independent_of_the_batch(self, name, classifiers):
        """(Actions of one aim may be pooled; ITEMS share no aim, so none is.)"""
        aims = [i.aim for i in ITEMS if i.aim]
        assert len(set(aims)) == len(aims)
        clf = classifiers[name]
        batch = clf.predict(ITEMS)
        assert clf.predict(ITEMS) == batch
        assert [clf.predict([i])[0] for i in ITEMS] == batch
        assert clf.predict(list(reversed(ITEMS))) == list(reversed(batch))

    def test_ignores_the_plans_own_tags(self, name, classifiers):
        """Classifiers read text only; the labeller decides what plan tags mean."""
        clf = classifiers[name]
        a, b = clf.predict([item("Run a technician survey"), item("Run a technician survey", pillars=("V",),
                                                                         talent=("R3",))])
        assert a == b

    def test_scores_threshold_consistency(self, name, classifiers):
        clf = classifiers[name]
        for p in clf.predict(ITEMS):
            for lab in p.labels:
                assert p.scores[lab] >= clf.threshold_for(lab)


def test_pool_takes_the_mean_or_max_of_each_group_and_leaves_singletons_alone():
    import numpy as np
    from normalise.classify.combine import group_index, pool_rows

    gidx = group_index(["a", "a", None, "b", None])
    assert gidx.tolist() == [0, 0, 1, 2, 3]            # every None is a group of its own
    X = np.array([[0.2, 1.0], [0.6, 0.0], [0.9, 0.5], [0.4, 0.3], [0.1, 0.7]])
    assert pool_rows(X, gidx, "none") is X
    assert np.allclose(pool_rows(X, gidx, "mean"), [[0.4, 0.5], [0.4, 0.5], [0.9, 0.5], [0.4, 0.3], [0.1, 0.7]])
    assert pool_rows(X, gidx, "max").tolist() == [[0.6, 1.0], [0.6, 1.0], [0.9, 0.5], [0.4, 0.3], [0.1, 0.7]]
    with pytest.raises(ValueError):
        pool_rows(X, gidx, "median")


AIM = "Ensure technicians are recognised for their contributions to research and teaching"
SIBLINGS = [
    item("Encourage nominations for the University teaching awards.", aim=AIM),
    item("Hold termly coffee mornings for technical staff.", aim=AIM),
]


def test_actions_of_one_aim_are_labelled_together_as_the_shipped_pooling_says(labeller):
    """Plans tag aims: with pooling on, an aim's actions share scores and labels; an action
    alone (or in a batch with other aims) keeps its own."""
    cal = json.loads((CLASSIFIER / "calibration.json").read_text())
    together = labeller.label(SIBLINGS)
    alone = [labeller.label([i])[0] for i in SIBLINGS]
    for task, scores, labels in (("pillars", "pillar_scores", "pillars_model"), ("talent", "talent_scores", "talent_model")):
        mode = cal[task]["aim_pooling"]
        assert labeller.classifiers[task].aim_pooling == mode
        a, b = (getattr(o, scores) for o in alone)
        if mode == "none":
            assert [getattr(o, scores) for o in together] == [a, b]
            continue
        assert getattr(together[0], scores) == getattr(together[1], scores)
        assert getattr(together[0], labels) == getattr(together[1], labels)
        for lab in a:
            expect = (a[lab] + b[lab]) / 2 if mode == "mean" else max(a[lab], b[lab])
            assert getattr(together[0], scores)[lab] == pytest.approx(expect, abs=2e-4)
    # different aims, or a narrative action whose aim is its own statement: no pooling
    other = item("Hold termly coffee mornings for technical staff.", aim="Build a technical community")
    assert labeller.label([SIBLINGS[0], other])[0] == alone[0]
    narrative = item(SIBLINGS[1].action_text, aim=SIBLINGS[1].action_text)
    assert labeller.label([SIBLINGS[0], narrative])[0] == alone[0]


def test_shipped_pooling_rule_is_the_best_of_its_out_of_fold_candidates():
    cal = json.loads((CLASSIFIER / "calibration.json").read_text())
    cfg = (CLASSIFIER / "config.cfg").read_text()
    for task in ("pillars", "talent"):
        f1 = cal[task]["aim_pooling_oof_micro_f1"]
        assert set(f1) == {"none", "mean", "max"} and all(c in cfg for c in ('"none"', '"mean"', '"max"'))
        best = max(f1.values())
        # ties go to the first candidate in config order (none, mean, max)
        assert cal[task]["aim_pooling"] == next(m for m in ("none", "mean", "max") if f1[m] == best)


def test_keyword_layer_lemmatises_and_negative_labels_suppress():
    tax = load_taxonomies(MODELS)["pillars"]
    kw = KeywordClassifier(tax, blank_pipeline())
    hit, = kw.predict([item("Nominate technicians for a THE award")])
    miss, = kw.predict([item("Significant grant award from EPSRC")])
    assert "R" in hit.labels and ("R", "award") in hit.evidence
    assert "R" not in miss.labels
    lem, = kw.predict([item("Fair REPRESENTATION ON COMMITTEES")])   # lemmatised, case-folded
    assert "V" in lem.labels


# --- the labeller ---------------------------------------------------------------------------

def test_labeller_loads_fast_from_models_and_reports_versions(labeller):
    import time
    from normalise.classify.labeller import _load
    t = time.perf_counter()
    _load.__wrapped__(str(MODELS.resolve()))
    assert time.perf_counter() - t < 5.0
    manifest = json.loads((CLASSIFIER / "manifest.json").read_text())
    assert labeller.model_version == manifest["model_version"]
    assert re.fullmatch(r"tc-labeller-\d+\.\d+\.\d+\+[0-9a-f]{10}", labeller.model_version)
    assert labeller.taxonomy_version == taxonomy_version(load_taxonomies(MODELS)) == manifest["taxonomy_version"]
    assert load_labeller(MODELS) is labeller                     # cached per process


def test_shipped_artifacts_match_the_manifest_and_are_small():
    manifest = json.loads((CLASSIFIER / "manifest.json").read_text())
    files = {p.relative_to(CLASSIFIER).as_posix(): p for p in CLASSIFIER.rglob("*") if p.is_file()}
    for rel, sha in manifest["artifacts"].items():
        assert hashlib.sha256(files[rel].read_bytes()).hexdigest() == sha, rel
    assert sum(p.stat().st_size for p in files.values()) < 20 * 1024 * 1024
    data = manifest["training_data"]
    assert data["n_rows"] > 0 and data["documents"] and len(data["rows_sha256"]) == 64
    assert all(len(d["rows_sha256"]) == 64 for d in data["documents"])
    # one document per plan: duplicates of a plan are listed but never trained on
    used = {d["document_id"] for d in data["documents"]}
    assert len(data["plans"]) == data["n_documents"] == len(used)
    for plan in data["plans"]:
        assert [d["document_id"] for d in plan["documents"] if d["used"]] == \
            [d["document_id"] for d in plan["documents"] if d["document_id"] in used]
        assert sum(d["used"] for d in plan["documents"]) == 1
    assert not used & {d["document_id"] for d in data["excluded_duplicate_documents"]}
    assert sum(d["rows"] for d in data["documents"]) == data["n_rows"]


def test_shipped_model_reproduces_its_stored_predictions(labeller):
    stored = json.loads((CLASSIFIER / "samples.json").read_text())
    assert stored["model_version"] == labeller.model_version
    inputs = [LabelInput(s["input"]["action_text"], s["input"]["aim"], s["input"]["section"],
                         tuple(s["input"]["pillars_document"]), tuple(s["input"]["talent_document"]))
              for s in stored["samples"]]
    outs = labeller.label(inputs)
    assert len(outs) == len(stored["samples"]) >= 10
    for s, o in zip(stored["samples"], outs):
        exp = s["output"]
        for key in ("pillars", "talent", "pillars_model", "talent_model"):
            assert list(getattr(o, key)) == exp[key], (s["input"]["action_text"], key)
        for key in ("pillars_source", "talent_source", "label_source"):
            assert getattr(o, key) == exp[key]
        for key in ("pillar_scores", "talent_scores"):
            got = getattr(o, key)
            assert set(got) == set(exp[key])
            assert all(abs(got[k] - exp[key][k]) <= 1e-4 for k in got)


def test_plan_tags_are_final_and_the_model_is_kept(labeller):
    untagged, tagged, pillars_only, talent_only = labeller.label([
        item("Publish technician case studies in the staff newsletter."),
        item("Publish technician case studies in the staff newsletter.", pillars=("CD",), talent=("R9",)),
        item("Publish technician case studies in the staff newsletter.", pillars=("CD",)),
        item("Publish technician case studies in the staff newsletter.", talent=("R9",)),
    ])
    assert isinstance(untagged, LabelOutput)
    assert untagged.pillars == untagged.pillars_model and "V" in untagged.pillars
    assert (untagged.pillars_source, untagged.talent_source, untagged.label_source) == ("model", "model", "model")
    assert tagged.pillars == ("CD",) and tagged.talent == ("R9",)
    assert (tagged.pillars_source, tagged.talent_source, tagged.label_source) == ("document", "document", "document")
    assert tagged.pillars_model == untagged.pillars_model        # the model's view is stored anyway
    assert tagged.talent_model == untagged.talent_model
    assert tagged.pillar_scores == untagged.pillar_scores
    # a plan that tags only pillars: TALENT comes from the model, and vice versa
    assert pillars_only.pillars == ("CD",) and pillars_only.talent == untagged.talent_model
    assert (pillars_only.pillars_source, pillars_only.talent_source, pillars_only.label_source) == \
        ("document", "model", "document")
    assert talent_only.talent == ("R9",) and talent_only.pillars == untagged.pillars_model
    assert (talent_only.pillars_source, talent_only.talent_source) == ("model", "document")


def test_every_output_scores_every_label_and_may_be_empty(labeller):
    tax = load_taxonomies(MODELS)
    outs = labeller.label([item(""), item("Book the room.")])
    for o in outs:
        assert set(o.pillar_scores) == set(tax["pillars"].ids)
        assert set(o.talent_scores) == set(tax["talent"].ids)
        assert o.talent == () and o.talent_model == ()
    assert outs[0].pillars == () and outs[0].label_source == "model"
    assert labeller.label([]) == []


def test_labeller_is_deterministic_across_batches(labeller):
    aims = [i.aim for i in ITEMS if i.aim]
    assert len(set(aims)) == len(aims)   # (siblings of one aim would be pooled: see the aim tests)
    batch = labeller.label(ITEMS)
    assert labeller.label(ITEMS) == batch
    assert [labeller.label([i])[0] for i in ITEMS] == batch


def test_stale_model_is_refused_when_the_taxonomy_changed(tmp_path):
    import shutil
    from normalise.classify import StaleModelError
    from normalise.classify.labeller import _load
    shutil.copytree(MODELS / "taxonomy", tmp_path / "taxonomy")
    shutil.copytree(CLASSIFIER, tmp_path / "classifier")
    path = tmp_path / "taxonomy" / "pillars.yaml"
    path.write_text(path.read_text().replace("      - newsletter\n", "      - newsletters and bulletins\n"))
    with pytest.raises(StaleModelError, match="make train"):
        _load.__wrapped__(str(tmp_path))
