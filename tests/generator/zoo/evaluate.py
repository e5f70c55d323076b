"""Score the pipeline's output on the zoo, family by family, with the product's scorer
(shared/tools/score.py, run as a program with --json on each family's gold folder), and
compare documents.parquet's institution, period and title with the gold metadata.

  python -m tests.generator.zoo.evaluate --zoo build/zoo --dataset build/zoo/dataset \
      --out metrics/extraction.json

Prints one table per family against the bars of issue #10 (a measurement: missing a bar
does not fail the run) and writes the figures as JSON."""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd

from .families import FAMILIES

REPO = Path(__file__).resolve().parents[3]
BARS_BORN_DIGITAL = {"recall": 0.98, "precision": 0.98, "word_fidelity": 0.999}
BARS_SCANS = {"recall": 0.90}
TITLE_MATCH = 0.90   # normalised similarity at which a title counts as read right


def find_scorer(explicit: str | None = None) -> Path:
    """score.py: --score, $TCPLANS_SCORE, or shared/tools/score.py beside the repository or
    beside one of its parents (a worktree lives one level deeper than the checkout)."""
    cands = [explicit, os.environ.get("TCPLANS_SCORE")]
    cands += [str(p / "shared" / "tools" / "score.py") for p in REPO.parents]
    for c in cands:
        if c and Path(c).is_file():
            return Path(c)
    raise SystemExit("score.py not found: pass --score PATH (it is ../shared/tools/score.py in CI)")


def load_scorer(path: Path):
    """score.py as a module (the slice test uses its functions directly)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("tc_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def norm(s) -> str:
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    s = unicodedata.normalize("NFKC", str(s)).lower().replace("–", "-")
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def inst_key(s) -> str:
    return re.sub(r"^the ", "", norm(s))


def title_similarity(pred, gold) -> float:
    from rapidfuzz import fuzz
    a, b = norm(pred), norm(gold)
    if not a or not b:
        return 0.0
    return fuzz.ratio(a, b) / 100.0


def metadata(documents: pd.DataFrame, gold: dict[str, dict]) -> tuple[dict, list[dict]]:
    """Per family: institution, period (start and end both right) and title accuracy."""
    docs = {Path(str(s)).name.lower(): r for s, r in zip(documents["source_file"], documents.to_dict("records"))}
    per = []
    for g in gold.values():
        d = docs.get(g["source_file"].lower(), {})
        ts = title_similarity(d.get("plan_title"), g.get("title"))
        ps, pe = d.get("period_start"), d.get("period_end")
        per.append({
            "file": g["source_file"], "status": d.get("status", "missing"),
            "institution_ok": bool(d) and inst_key(d.get("institution")) == inst_key(g.get("institution")),
            "period_ok": bool(d) and _int(ps) == g.get("period_start") and _int(pe) == g.get("period_end"),
            "title_similarity": round(ts, 3), "title_ok": ts >= TITLE_MATCH,
            "pred": {"institution": d.get("institution"), "period": [_int(ps), _int(pe)], "title": d.get("plan_title")},
        })
    n = len(per) or 1
    summary = {
        "institution": round(sum(p["institution_ok"] for p in per) / n, 4),
        "period": round(sum(p["period_ok"] for p in per) / n, 4),
        "title": round(sum(p["title_ok"] for p in per) / n, 4),
        "title_similarity": round(sum(p["title_similarity"] for p in per) / n, 4),
        "status": {s: sum(p["status"] == s for p in per) for s in sorted({p["status"] for p in per})},
        "issues": _issue_counts([docs.get(g["source_file"].lower(), {}) for g in gold.values()]),
    }
    return summary, per


def _issue_counts(docs: list[dict]) -> dict[str, int]:
    """How many of the family's documents carry each issue code the pipeline reported
    (documents.parquet `issues`), most frequent first."""
    from collections import Counter
    n: Counter = Counter()
    for d in docs:
        codes = {i.get("code") for i in (d.get("issues") if d.get("issues") is not None else [])
                 if isinstance(i, dict)}
        n.update(c for c in codes if c)
    return dict(sorted(n.items(), key=lambda kv: (-kv[1], kv[0])))   # ties by code: the same file every run


def _int(v):
    try:
        return None if v is None or pd.isna(v) else int(v)
    except (TypeError, ValueError):
        return None


def bars_for(family: str, s: dict) -> dict:
    """Each bar of the family with the figure and whether it is met."""
    if family == "not_actions":
        return {"false_rows": {"bar": 0, "value": s["pred_rows"], "met": s["pred_rows"] == 0}}
    bars = BARS_SCANS if family == "scans" else BARS_BORN_DIGITAL
    out = {}
    for k, bar in bars.items():
        v = s.get(k)
        out[k] = {"bar": bar, "value": v, "met": v is not None and v >= bar}
    return out


def run(zoo: Path, dataset: Path, scorer: Path, families: list[str]) -> dict:
    actions = dataset / "actions.parquet"
    documents = pd.read_parquet(dataset / "documents.parquet")
    result: dict = {"zoo": str(zoo), "dataset": str(dataset), "scorer": scorer.name, "families": {}}
    manifest = json.loads((zoo / "manifest.json").read_text()) if (zoo / "manifest.json").exists() else {}
    result["seed"] = manifest.get("seed")
    pooled = {"born_digital": [0, 0, 0], "scans": [0, 0, 0]}
    for fam in families:
        gdir = zoo / "gold" / fam
        if not gdir.is_dir():
            continue
        out = subprocess.run([sys.executable, str(scorer), "--pred", str(actions), "--gold", str(gdir), "--json"],
                             check=True, capture_output=True, text=True)
        sc = json.loads(out.stdout)
        s = sc["overall"]
        gold = {f.name: json.loads(f.read_text()) for f in sorted(gdir.glob("*.gold.json"))}
        meta, per_doc = metadata(documents, gold)
        files = {k: {x: v[x] for x in ("gold_rows", "pred_rows", "matched", "recall", "precision", "word_fidelity")}
                 for k, v in sc["files"].items()}
        result["families"][fam] = {"documents": len(gold), "score": s, "metadata": meta, "bars": bars_for(fam, s),
                                   "files": files, "metadata_per_document": per_doc}
        if fam != "not_actions":
            p = pooled["scans" if fam == "scans" else "born_digital"]
            p[0] += s["gold_rows"]
            p[1] += s["pred_rows"]
            p[2] += s["matched"]
    result["pooled"] = {k: {"gold_rows": g, "pred_rows": p, "matched": m,
                            "recall": round(m / g, 4) if g else None, "precision": round(m / p, 4) if p else None}
                        for k, (g, p, m) in pooled.items()}
    return result


def fmt(v, w=6) -> str:
    return ("%.3f" % v).rjust(w) if isinstance(v, (int, float)) and v is not None else "-".rjust(w)


def print_table(result: dict) -> None:
    cols = ("family", "docs", "gold", "pred", "match", "recall", "prec", "words", "id", "owner", "tf",
            "page", "pilF1", "inst", "period", "title")
    print("%-21s %4s %5s %5s %5s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s" % cols)
    print("-" * 124)
    for fam, f in result["families"].items():
        s, m = f["score"], f["metadata"]
        print("%-21s %4d %5d %5d %5d %s %s %s %s %s %s %s %s %s %s %s" % (
            fam, f["documents"], s["gold_rows"], s["pred_rows"], s["matched"], fmt(s["recall"]), fmt(s["precision"]),
            fmt(s["word_fidelity"]), fmt(s["action_id_exact"]), fmt(s["owner_similarity"]),
            fmt(s["timeframe_similarity"]), fmt(s["page_start_exact"]), fmt(s["pillar_micro_f1"]),
            fmt(m["institution"]), fmt(m["period"]), fmt(m["title"])))
    print("-" * 124)
    for k, p in result["pooled"].items():
        print(f"pooled {k:13s} gold {p['gold_rows']:5d} pred {p['pred_rows']:5d} matched {p['matched']:5d}  "
              f"recall {fmt(p['recall'])}  precision {fmt(p['precision'])}")
    print()
    print("bars (issue #10; a measurement, not a gate):")
    for fam, f in result["families"].items():
        bits = []
        for k, b in f["bars"].items():
            op = "==" if k == "false_rows" else ">="
            bits.append(f"{k} {fmt(b['value'], 0) if k != 'false_rows' else b['value']} "
                        f"({op} {b['bar']}: {'met' if b['met'] else 'MISSED'})")
        st = ", ".join(f"{k} {v}" for k, v in f["metadata"]["status"].items())
        print(f"  {fam:21s} " + "; ".join(bits) + f"   [documents: {st}]")
        top = ", ".join(f"{k} {v}" for k, v in list(f["metadata"]["issues"].items())[:4])
        if top:
            print(f"  {'':21s} issues (documents): {top}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.generator.zoo.evaluate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zoo", default="build/zoo")
    ap.add_argument("--dataset", default="build/zoo/dataset")
    ap.add_argument("--out", default="metrics/extraction.json")
    ap.add_argument("--score", default=None, help="path of score.py (default: shared/tools/score.py found above the repo)")
    ap.add_argument("--families", default="", help="comma-separated subset of: " + ", ".join(FAMILIES)
                    + " (default: all; a subset is for working on a few families, the committed figures use all)")
    a = ap.parse_args(argv)
    scorer = find_scorer(a.score)
    families = [f for f in a.families.split(",") if f] or list(FAMILIES)
    unknown = sorted(set(families) - set(FAMILIES))
    if unknown:
        ap.error("unknown families: " + ", ".join(unknown))
    result = run(Path(a.zoo), Path(a.dataset), scorer, families)
    print_table(result)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    slim = json.loads(json.dumps(result))
    for f in slim["families"].values():     # per-document detail stays out of the committed file
        f.pop("files", None)
        f.pop("metadata_per_document", None)
    slim["zoo"], slim["dataset"] = "build/zoo", "build/zoo/dataset"
    out.write_text(json.dumps(slim, indent=1) + "\n", encoding="utf-8")
    detail = Path(a.dataset) / "extraction-detail.json"
    detail.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {out} (per-document detail: {detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
