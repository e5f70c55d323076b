"""Plans as entities: which documents are one plan, which copy counts, which documents are
progress reports of it, and how consecutive plans of an institution link up.

A plan is one institution's action plan for one period. Its documents have roles:
  plan             the copy that counts (the preferred document)
  rendering        another copy of the same plan (a DOCX and its PDF, a scan, a web copy):
                   `duplicate_of` names the preferred document
  progress_report  a dated status update of the plan (its rows carry RAG statuses or
                   progress updates): `reports_on` names the plan; never a duplicate
The preferred copy: a text layer over OCR, the original over a web copy, then the most
complete and best-read copy (thresholds and name tokens in models/links.yaml `plans`).

Then, per plan: progress-report rows get `plan_row_id` (tcpipe.dataset.links.attach_progress),
and consecutive plans of one institution are linked action by action (link_plans). Pure:
rows in, rows out; the batch's assembly step calls `assemble` and the writer writes.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .links import ActionRef, Attachment, CycleLinks, LinksConfig, PassageRef, attach_progress, completion_note, \
    default_embedder, link_plans, load_config

READ = ("success", "partial")


@dataclass(frozen=True)
class PlanDoc:
    document_id: str
    source_file: str
    institution: str | None
    period_start: int | None
    period_end: int | None
    plan_title: str | None
    ocr: bool
    web_copy: bool
    n_actions: int
    quality: float
    progress_share: float          # rows with a RAG status or a progress update
    texts: frozenset[str]

    progress_threshold: float = 0.5
    update_share: float = 0.0      # rows with a written progress update (not a status word)
    names_report: bool = False     # its title names a report ("... Progress Report")

    @property
    def is_progress_report(self) -> bool:
        return self.progress_share >= self.progress_threshold

    @property
    def says_report(self) -> bool:
        """A progress report by its own evidence, not only a plan printed with its statuses
        (a tracker): written updates on most rows, or a title naming a report."""
        return self.is_progress_report and (self.update_share >= self.progress_threshold or self.names_report)


@dataclass
class Plan:
    plan_id: str
    institution: str | None
    period_start: int | None
    period_end: int | None
    plan_title: str | None
    preferred: PlanDoc
    renderings: list[PlanDoc] = field(default_factory=list)
    progress_reports: list[PlanDoc] = field(default_factory=list)
    previous_plan_id: str | None = None
    next_plan_id: str | None = None

    @property
    def documents(self) -> list[PlanDoc]:
        return [self.preferred, *self.renderings, *self.progress_reports]


@dataclass(frozen=True)
class Role:
    plan_id: str | None
    plan_role: str | None          # plan / rendering / progress_report
    duplicate_of: str | None       # document_id of the preferred copy (renderings)
    reports_on: str | None         # plan_id (progress reports)


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _is_web_copy(doc: dict, name_tokens: Sequence[str]) -> bool:
    """An HTML input (its notes say it was converted), or a file whose name says it is the
    web version (a page printed from a browser carries no other mark in the dataset)."""
    if Path(doc["source_file"]).suffix.lower() in (".html", ".htm"):
        return True
    if any("html converted" in (n or "").lower() for n in doc.get("notes") or []):
        return True
    tokens = set(re.split(r"[^a-z0-9]+", Path(doc["source_file"]).stem.lower()))
    return bool(tokens & set(name_tokens))


def names_report(title: str | None, terms: Sequence[str]) -> bool:
    """The title names a report on a plan ("Action Plan 2023–2026: Progress Report")."""
    text = f" {_norm(re.sub(r'[^A-Za-z0-9]+', ' ', title or ''))} "
    return any(f" {_norm(t)} " in text for t in terms)


def plan_docs(documents: Sequence[dict], actions: Sequence[dict], cfg: LinksConfig | None = None) -> list[PlanDoc]:
    """The documents that gave actions, with what grouping needs to know of them."""
    cfg = cfg or load_config()
    rows: dict[str, list[dict]] = {}
    for a in actions:
        rows.setdefault(a["document_id"], []).append(a)
    out = []
    for d in documents:
        mine = rows.get(d["document_id"], [])
        if d.get("status") not in READ or not mine:
            continue
        q = [a.get("extraction_quality") for a in mine if a.get("extraction_quality") is not None]
        out.append(PlanDoc(
            d["document_id"], d["source_file"], d.get("institution"), d.get("period_start"), d.get("period_end"),
            d.get("plan_title"), bool(d.get("ocr")), _is_web_copy(d, cfg.plans.web_copy_name_tokens), len(mine),
            sum(q) / len(q) if q else 0.0,
            sum(bool(a.get("rag_status") or a.get("progress")) for a in mine) / len(mine),
            frozenset(_norm(a.get("action_text")) for a in mine), cfg.plans.progress_share,
            sum(len((a.get("progress") or "").split()) >= cfg.plans.update_min_words for a in mine) / len(mine),
            names_report(d.get("plan_title"), cfg.plans.report_title_terms)))
    return out


def preference(doc: PlanDoc) -> tuple:
    """Sort key, best copy first: text layer, not a web copy, a PDF given as such (the
    pages are the institution's), most rows, best read, then the name (deterministic)."""
    converted = Path(doc.source_file).suffix.lower() != ".pdf"
    return (doc.ocr, doc.web_copy, converted, -doc.n_actions, -round(doc.quality, 3), doc.source_file)


def _conflict(a, b) -> bool:
    return a is not None and b is not None and a != b


def _same_key(a: PlanDoc, b: PlanDoc) -> bool:
    return not any(_conflict(getattr(a, k), getattr(b, k)) for k in ("institution", "period_start", "period_end"))


def shared(a: PlanDoc, b: PlanDoc) -> float:
    """Share of the smaller document's action texts found in the other."""
    if not a.texts or not b.texts:
        return 0.0
    return len(a.texts & b.texts) / min(len(a.texts), len(b.texts))


def plan_id_of(institution: str | None, start: int | None, end: int | None, salt: str = "") -> str:
    key = f"plan|{institution or ''}|{start or ''}|{end or ''}|{salt}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def group_plans(docs: Sequence[PlanDoc], cfg: LinksConfig | None = None) -> list[Plan]:
    """Documents to plans: copies sharing most action texts (and no conflicting
    institution or period) are one plan; progress reports go to the plan of their
    institution they share most text with (same period preferred)."""
    cfg = cfg or load_config()
    plans: list[Plan] = []
    for doc in sorted((d for d in docs if not d.is_progress_report), key=preference):
        home = next((p for p in plans if _same_key(doc, p.preferred)
                     and shared(doc, p.preferred) >= cfg.plans.same_plan_share), None)
        if home is not None:
            home.renderings.append(doc)
            continue
        plans.append(Plan("", doc.institution, doc.period_start, doc.period_end, doc.plan_title, doc))
    reports = sorted((d for d in docs if d.is_progress_report), key=lambda d: d.source_file)
    for rep in reports:
        cands = [p for p in plans if not _conflict(rep.institution, p.institution)]
        # the same institution and period place a report without shared text only when both
        # institutions are known: an unread name matches every plan of the period, and the
        # report would go to whichever sorts first (another institution's plan)
        scored = sorted(((not _same_key(rep, p.preferred), -shared(rep, p.preferred), p.preferred.source_file), p)
                        for p in cands if shared(rep, p.preferred) >= cfg.plans.report_share
                        or (_same_key(rep, p.preferred) and rep.institution is not None
                            and p.institution is not None))
        if scored:
            scored[0][1].progress_reports.append(rep)
        else:   # the plan itself is not in the dataset: the report stands for it
            plans.append(Plan("", rep.institution, rep.period_start, rep.period_end, rep.plan_title, rep))
    seen: dict[str, int] = {}
    for p in sorted(plans, key=lambda p: preference(p.preferred)):
        base = plan_id_of(p.institution, p.period_start, p.period_end)
        n = seen.get(base, 0)
        seen[base] = n + 1
        p.plan_id = base if n == 0 else plan_id_of(p.institution, p.period_start, p.period_end, p.preferred.document_id)
    by_inst: dict[str, list[Plan]] = {}
    for p in plans:
        if p.institution and p.period_start and not p.preferred.is_progress_report:
            by_inst.setdefault(p.institution, []).append(p)
    for group in by_inst.values():
        group.sort(key=lambda p: (p.period_start, p.period_end or 0, p.plan_id))
        for a, b in zip(group, group[1:]):
            if b.period_start > a.period_start:
                a.next_plan_id, b.previous_plan_id = b.plan_id, a.plan_id
    return sorted(plans, key=lambda p: (p.institution or "~", p.period_start or 0, p.plan_id))


def roles(plans: Sequence[Plan]) -> dict[str, Role]:
    """document_id -> its plan and role. A plan's preferred copy is its `plan`, even when its
    rows carry statuses (a tracker: the plan printed with its progress, no other copy in the
    dataset): a document never reports on itself, and the plan counts once, from it. A
    document that says it is a report (written updates on most rows, or a title naming a
    report) is a `progress_report` of its plan even when the plan itself is not in the
    dataset: the plan (institution and period) is still named by `reports_on`."""
    out: dict[str, Role] = {}
    for p in plans:
        if p.preferred.says_report:
            out[p.preferred.document_id] = Role(p.plan_id, "progress_report", None, p.plan_id)
        else:
            out[p.preferred.document_id] = Role(p.plan_id, "plan", None, None)
        for r in p.renderings:
            out[r.document_id] = Role(p.plan_id, "rendering", p.preferred.document_id, None)
        for r in p.progress_reports:
            out[r.document_id] = Role(p.plan_id, "progress_report", None, p.plan_id)
    return out


# ---------------------------------------------------------------- the whole dataset

def status_words(evidence: str | None) -> str | None:
    """The status cell's words from rag_evidence ("text: Complete"), or the name of its fill
    colour ("fill rgb(0,112,192) blue" -> "blue": a BRAG scale's complete)."""
    if not evidence:
        return None
    if evidence.startswith("text: "):
        return evidence[len("text: "):]
    fill = re.fullmatch(r"fill rgb\([\d,]+\) ([a-z]+)", evidence)
    return fill.group(1) if fill else None


def status_says_complete(evidence: str | None, cfg: LinksConfig | None = None) -> bool | None:
    """Whether a row's status cell says the action is complete ("Complete", "Done",
    "Achieved", a BRAG "Blue" or a blue fill), by the rule the fates read a status with
    (links.says_completed on the status words alone): rag_status reads such a cell as green,
    like one on track, and this tells the two apart. None when the row has no status."""
    from .links import says_completed
    words = status_words(evidence)
    if words is None:
        return None
    return says_completed(words, (cfg or load_config()).fates)


def passages_of(doc: dict | None) -> list[PassageRef]:
    """A document's passages (documents.passages) as the linker reads them: each list item
    with the text of the paragraph it sits under."""
    ps = (doc or {}).get("passages") or []
    return [PassageRef(p["text"], p.get("page"),
                       ps[p["lead"]]["text"] if p.get("lead") is not None and p["lead"] < len(ps) else None)
            for p in ps]


def _ref(a: dict) -> ActionRef:
    # the aim gives a terse action its subject; a plan without aims has its theme (section)
    pillars = a.get("pillars") or a.get("pillars_document") or ()
    return ActionRef(a["row_id"], a.get("action_text") or "", a.get("action_id"), a.get("aim") or a.get("section"),
                     a.get("rag_status"), a.get("progress"), status_words(a.get("rag_evidence")), tuple(pillars),
                     a.get("owner"), a.get("recurrence"))


@dataclass
class Assembly:
    plans: list[Plan]
    roles: dict[str, Role]                       # document_id -> role
    attachments: dict[str, Attachment]           # progress-report row_id -> its plan action
    cycles: list[tuple[Plan, Plan, CycleLinks]]  # consecutive plans and their links
    fates: dict[str, str]                        # plan row_id -> continued / completed / dropped
    new: dict[str, bool]                         # plan row_id -> new (True) or carried forward (False)
    fate_evidence: dict[str, str] = field(default_factory=dict)   # plan row_id -> why its fate


def assemble(documents: Sequence[dict], actions: Sequence[dict], cfg: LinksConfig | None = None,
             decisions: dict[tuple[str, str], bool] | None = None, embed=None) -> Assembly:
    """Group the documents into plans, attach progress-report rows to their plan's
    actions, and link consecutive plans of each institution."""
    cfg = cfg or load_config()
    embed = embed if embed is not None else (default_embedder() if cfg.similarity.weights.embedding else None)
    plans = group_plans(plan_docs(documents, actions, cfg), cfg)
    rows: dict[str, list[dict]] = {}
    for a in actions:
        rows.setdefault(a["document_id"], []).append(a)
    for group in rows.values():
        group.sort(key=lambda a: (a.get("table_index") or 0, a.get("row_index") or 0, a["row_id"]))
    attachments: dict[str, Attachment] = {}
    latest_note: dict[str, str | None] = {}
    for p in plans:
        plan_rows = [] if p.preferred.is_progress_report else rows.get(p.preferred.document_id, [])
        for rep in sorted(p.progress_reports, key=lambda r: r.source_file):
            rep_rows = rows.get(rep.document_id, [])
            for r, att in zip(rep_rows, attach_progress([_ref(a) for a in rep_rows], [_ref(a) for a in plan_rows],
                                                        cfg, embed)):
                attachments[r["row_id"]] = att
                note = completion_note(_ref(r))
                if att.plan_row_id and note:
                    latest_note[att.plan_row_id] = note
    by_id = {p.plan_id: p for p in plans}
    docs_by_id = {d["document_id"]: d for d in documents}
    cycles = []
    fates: dict[str, str] = {}
    evidence: dict[str, str] = {}
    new: dict[str, bool] = {}
    for p in plans:
        if not p.next_plan_id:
            continue
        q = by_id[p.next_plan_id]
        earlier, later = rows.get(p.preferred.document_id, []), rows.get(q.preferred.document_id, [])
        res = link_plans([_ref(a) for a in earlier], [_ref(a) for a in later], cfg, embed, latest_note, decisions,
                         passages_of(docs_by_id.get(q.preferred.document_id)))
        cycles.append((p, q, res))
        fates.update(res.fates)
        evidence.update(res.fate_evidence)
        fresh = set(res.new)
        new.update({a["row_id"]: a["row_id"] in fresh for a in later})
    # a plan with no successor in the dataset: an action is 'completed' when its progress
    # report says so; otherwise its fate is unknown (null)
    from .links import says_completed
    for p in plans:
        if p.next_plan_id or p.preferred.is_progress_report:
            continue
        for a in rows.get(p.preferred.document_id, []):
            if says_completed(latest_note.get(a["row_id"]), cfg.fates):
                fates[a["row_id"]] = "completed"
                evidence[a["row_id"]] = f"progress report: {latest_note[a['row_id']]}"
    return Assembly(plans, roles(plans), attachments, cycles, fates, new, evidence)


def plan_rows(assembly: Assembly) -> list[dict]:
    """The plans table: one row per plan."""
    out = []
    for p in assembly.plans:
        out.append(dict(
            plan_id=p.plan_id, institution=p.institution, period_start=p.period_start, period_end=p.period_end,
            plan_title=p.plan_title, preferred_document_id=p.preferred.document_id,
            preferred_source_file=p.preferred.source_file, n_actions=p.preferred.n_actions,
            documents=[d.source_file for d in p.documents],
            renderings=[d.source_file for d in p.renderings],
            progress_reports=[d.source_file for d in p.progress_reports],
            previous_plan_id=p.previous_plan_id, next_plan_id=p.next_plan_id))
    return out


def link_rows(assembly: Assembly) -> list[dict]:
    """The action_links table: one row per link between consecutive plans."""
    from .links import score_table
    out = []
    for p, q, res in assembly.cycles:
        for row in score_table(res.links):
            out.append(dict(from_plan_id=p.plan_id, to_plan_id=q.plan_id, **row))
    return out


def apply_plans(documents, actions, decisions: dict[tuple[str, str], bool] | None = None):
    """The batch's assembly step on Arrow tables: (documents, actions, plans,
    action_links) with the plan columns filled (documents: plan_id, plan_role,
    duplicate_of, reports_on, and a same_plan warning on each rendering; actions:
    plan_row_id, plan_match, plan_match_score, fate, is_new, fate_evidence, and status_complete:
    whether the row's status says the action is complete)."""
    import pyarrow as pa

    from extract.issues import IssueCode, warning

    from .schema import ACTION_LINKS, PLANS

    docs = documents.to_pylist()
    wanted = ["row_id", "document_id", "action_text", "action_id", "aim", "section", "rag_status", "rag_evidence",
              "progress", "extraction_quality", "table_index", "row_index", "pillars", "pillars_document", "owner",
              "recurrence"]
    rows = actions.select([c for c in wanted if c in actions.schema.names]).to_pylist()
    asm = assemble(docs, rows, decisions=decisions)
    files = {d["document_id"]: d["source_file"] for d in docs}
    texts = {p.preferred.document_id: p.preferred for p in asm.plans}
    for d in docs:
        role = asm.roles.get(d["document_id"])
        d.update(plan_id=role.plan_id if role else None, plan_role=role.plan_role if role else None,
                 duplicate_of=role.duplicate_of if role else None, reports_on=role.reports_on if role else None)
        if role and role.plan_role == "rendering":
            first = files[role.duplicate_of]
            mine = next(x for p in asm.plans for x in p.renderings if x.document_id == d["document_id"])
            issue = warning(IssueCode.SAME_PLAN, f"same plan as {first} ({shared(mine, texts[role.duplicate_of]):.0%} of "
                            f"the action texts are identical): a rendering, counted once, from {first}", "dataset")
            d["warnings"] = list(d["warnings"]) + [issue.message]
            d["issues"] = list(d["issues"]) + [issue.as_record()]
    documents = pa.Table.from_pylist(docs, schema=documents.schema)
    confirmed = {k for k, v in (decisions or {}).items() if v}
    att = asm.attachments
    ids = actions.column("row_id").to_pylist()
    cfg = load_config()
    cols = {
        "status_complete": pa.array([status_says_complete(r.get("rag_evidence"), cfg) for r in rows], pa.bool_()),
        "plan_row_id": pa.array([att[i].plan_row_id if i in att else None for i in ids], pa.string()),
        "plan_match": pa.array([att[i].how if i in att else None for i in ids], pa.string()),
        "plan_match_score": pa.array([att[i].score if i in att else None for i in ids], pa.float64()),
        "fate": pa.array([asm.fates.get(i) for i in ids], pa.string()),
        "is_new": pa.array([asm.new.get(i) for i in ids], pa.bool_()),
        "fate_evidence": pa.array([asm.fate_evidence.get(i) if i in asm.fates else None for i in ids], pa.string()),
    }
    for name, arr in cols.items():
        actions = actions.set_column(actions.schema.get_field_index(name), actions.schema.field(name), arr)
    plans = pa.Table.from_pylist(plan_rows(asm), schema=PLANS)
    links = [dict(r, reviewer_decision="confirmed" if (r["from_row_id"], r["to_row_id"]) in confirmed else None)
             for r in link_rows(asm)]
    return documents, actions, plans, pa.Table.from_pylist(links, schema=ACTION_LINKS)


def read_link_decisions(path: Path | None) -> dict[tuple[str, str], bool]:
    """Reviewer decisions on links from the overrides file's `links:` section:

        links:
          - {from: <row_id>, to: <row_id>, confirm: true}    # keep, whatever its score
          - {from: <row_id>, to: <row_id>, confirm: false}   # never link these two
    """
    if path is None or not Path(path).exists() or Path(path).suffix.lower() not in (".yaml", ".yml"):
        return {}
    from extract.vocabulary import read_yaml
    data = read_yaml(Path(path))
    if not isinstance(data, dict):
        return {}
    from .overrides import link_entry_problem
    out = {}
    links = data.get("links") or []
    for e in links if isinstance(links, list) else []:
        # an unusable entry is skipped here and noted by the overrides reader (the run
        # summary's override notes); the others apply
        if link_entry_problem(e) is None:
            out[(str(e["from"]), str(e["to"]))] = e["confirm"]
    return out
