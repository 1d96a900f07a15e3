"""A parent revised while the county drafts: take up the new text, or keep the county's.

A county node remembers each parent clause it took up and a fingerprint of how it read
(SourceRef). When the plan's current version reads otherwise (app/core/plans/revisions.py
keeps the earlier versions), the county chooses:

- take_revised_text (采用新文字): the new parent text adapted for the county, merged with the
  county's own edits — a three-way merge per paragraph, then per sentence (base: the old
  parent text adapted, mine: the county's text now, theirs: the new text adapted). Where
  both changed the same words the county's stay and an open question says so;
- keep_despite_revision (保留 / 已核对): the county's text stays, the clause counts as read;
- rebase: take_revised_text for every revised clause of one parent (or all), with a report
  of what needs the user (conflicts, removed clauses, an old version not kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.draft.adaptation import AdaptChange, OpenQuestion, Suggestion
from app.core.draft.model import Draft, Node, SourceRef
from app.core.draft.tree import EditError, existing_node, parent_of, update_node
from app.core.operations.adapted_nodes import NodeBuilder
from app.core.operations.revised_parent.merge3 import merge_paragraphs, merge_text, three
from app.core.plans.model import Plan, Section, fingerprint
from app.core.plans.revisions import old_section

CONFLICT_MESSAGE = "上级已修订，与本县修改冲突"


@dataclass(frozen=True)
class Revision:
    """A parent clause a county node took up that reads otherwise in the plan's current version."""

    node_id: str
    source: SourceRef
    plan: Plan
    old: Section | None
    """The clause as taken up (None: that version is not kept in the library)."""
    new: Section | None
    """The clause now (None: removed in the current version)."""

    @property
    def removed(self) -> bool:
        return self.new is None


@dataclass
class RebaseReport:
    applied: list[str] = field(default_factory=list)
    """County nodes that took up the new text in full."""
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    """(node id, parent clause): new text taken where it did not meet a county edit; the rest
    is an open question."""
    removed: list[tuple[str, str]] = field(default_factory=list)
    """(node id, parent clause): the clause is gone in the current version."""
    unknown_base: list[tuple[str, str]] = field(default_factory=list)
    """(node id, parent clause): the version taken up is not kept, nothing to merge against."""

    @property
    def complete(self) -> bool:
        return not (self.conflicts or self.removed or self.unknown_base)


def revisions(draft: Draft, plans, plan_id: str | None = None) -> list[Revision]:
    """Every revised or removed parent clause the draft's nodes took up (of one plan, or all)."""
    out: list[Revision] = []
    for node in draft.walk():
        out.extend(_node_revisions(node, plans, plan_id))
    return out


def revision_of(draft: Draft, node_id: str, plans) -> Revision | None:
    """The first revised or removed source of one node, or None when its sources read as taken up."""
    node = draft.find(node_id)
    found = _node_revisions(node, plans, None) if node is not None else []
    return found[0] if found else None


def _node_revisions(node: Node, plans, plan_id: str | None) -> list[Revision]:
    out: list[Revision] = []
    for source in node.sources:
        if plan_id is not None and source.plan_id != plan_id:
            continue
        plan = plans(source.plan_id)
        if plan is None:
            continue
        new = plan.find(source.node)
        if new is not None and fingerprint(new) == source.fingerprint:
            continue
        old = old_section(plan, source.node, source.fingerprint, plans)
        out.append(Revision(node.id, source, plan, old, new))
    return out


# ---------------------------------------------------------------- the choices


def keep_despite_revision(draft: Draft, node_id: str, plans) -> Draft:
    """保留 / 已核对: the county's text stays; each revised clause counts as read (its
    fingerprint now the current text's); a clause removed upstream is no longer a source."""
    node = existing_node(draft, node_id)
    found = {r.source.node: r for r in _node_revisions(node, plans, None)}
    if not found:
        raise EditError(f"“{node.title}”的上级条款没有修订")
    sources = tuple(
        _reread(source, found[source.node].new) if source.node in found else source
        for source in node.sources
        if source.node not in found or not found[source.node].removed
    )
    return update_node(draft, node_id, lambda n: n.model_copy(update={"sources": sources}))


def take_revised_text(draft: Draft, node_id: str, plans) -> Draft:
    """采用新文字: the node's revised clauses' new text, adapted and merged with the county's
    edits; where both changed the same words the county's stay, with an open question."""
    draft, _conflicted = _take(draft, node_id, plans, strict=True)
    return draft


def rebase(draft: Draft, plans, plan_id: str | None = None) -> tuple[Draft, RebaseReport]:
    """take_revised_text for every revised clause (of plan_id, or of every parent)."""
    report = RebaseReport()
    done: set[str] = set()
    for revision in revisions(draft, plans, plan_id):
        pair = (revision.node_id, revision.source.node)
        if revision.removed:
            report.removed.append(pair)
            continue
        if revision.old is None:
            report.unknown_base.append(pair)
            continue
        if revision.node_id in done:
            continue
        done.add(revision.node_id)
        draft, conflicted = _take(draft, revision.node_id, plans, strict=False, only=plan_id)
        for clause in conflicted:
            report.conflicts.append((revision.node_id, clause))
        if not conflicted:
            report.applied.append(revision.node_id)
    return draft, report


def _take(
    draft: Draft, node_id: str, plans, *, strict: bool, only: str | None = None
) -> tuple[Draft, list[str]]:
    node = existing_node(draft, node_id)
    found = [r for r in _node_revisions(node, plans, only) if not r.removed and r.old is not None]
    if not found:
        missing = _node_revisions(node, plans, only)
        if not missing:
            raise EditError(f"“{node.title}”的上级条款没有修订")
        if strict and missing[0].removed:
            raise EditError(f"上级已删去“{node.title}”所承接的条款，没有新文字可采用")
        if strict:
            raise EditError("采纳时的上级文字版本未保存在方案库中，无法合并；请对照后手工修改")
        return draft, []
    conflicted: list[str] = []
    for revision in found:
        draft, clash = _merge_one(draft, node_id, revision)
        if clash:
            conflicted.append(revision.source.node)
    return draft, conflicted


# ---------------------------------------------------------------- the merge


def _reread(source: SourceRef, section: Section | None) -> SourceRef:
    return (
        source if section is None else SourceRef(node=source.node, fingerprint=fingerprint(section))
    )


def _in_tasks(draft: Draft, node_id: str) -> bool:
    current = parent_of(draft, node_id)
    while current is not None and current.level > 1:
        current = parent_of(draft, current.id)
    node = current or draft.find(node_id)
    return node is not None and node.role == "tasks"


def _adapted(draft: Draft, plan: Plan, section: Section, *, in_tasks: bool) -> tuple[Node, Draft]:
    builder = NodeBuilder(draft, plan)
    made = builder.node(section, in_tasks=in_tasks)
    return made, builder.finish(draft)


def _merge_one(draft: Draft, node_id: str, revision: Revision) -> tuple[Draft, bool]:
    assert revision.old is not None and revision.new is not None
    in_tasks = _in_tasks(draft, node_id)
    # the old clause adapted as the current version's plan reads (same id, level and table)
    base, _ = _adapted(draft, revision.plan, revision.old, in_tasks=in_tasks)
    theirs, draft = _adapted(draft, revision.plan, revision.new, in_tasks=in_tasks)
    mine = existing_node(draft, node_id)
    merged = _merge_nodes(base, mine, theirs, revision)
    return update_node(draft, node_id, lambda _n: merged.node), merged.conflict


@dataclass
class _Merged:
    node: Node
    conflict: bool


def _merge_nodes(base: Node, mine: Node, theirs: Node, revision: Revision) -> _Merged:
    questions: list[OpenQuestion] = []
    changes: list[AdaptChange] = []
    conflict = False

    title, title_from, clash = merge_text(base.title, mine.title, theirs.title)
    if clash:
        conflict = True
        questions.append(_conflict("title", 0, mine.title, theirs.title))
    _carry(questions, changes, title_from, "title", 0, 0, mine, theirs)

    paragraphs, origins, clashes = merge_paragraphs(
        base.paragraphs, mine.paragraphs, theirs.paragraphs
    )
    for index, (origin, mine_index, theirs_index) in enumerate(origins):
        _carry(
            questions, changes, origin, "paragraph", index, mine_index, mine, theirs, theirs_index
        )
    for index, replacement in clashes:
        conflict = True
        if index is None:  # the county deleted what the parent revised: asked on the title
            questions.append(_conflict("title", 0, title, None))
        else:
            questions.append(_conflict("paragraph", index, paragraphs[index], replacement))

    responsibility, from_, clash = three(
        base.responsibility, mine.responsibility, theirs.responsibility
    )
    _carry(questions, changes, from_, "clause", 0, 0, mine, theirs)
    if clash and mine.responsibility is not None:
        conflict = True
        questions.append(_conflict("clause", 0, mine.responsibility.units[0], None))

    rows, from_, clash = three(base.work_rows, mine.work_rows, theirs.work_rows)
    for i in range(len(rows)):
        _carry(questions, changes, from_, "work", i, i, mine, theirs)
    if clash and rows:
        conflict = True
        questions.append(_conflict("work", 0, rows[0].work, None))

    sources = tuple(
        _reread(s, revision.new) if s.node == revision.source.node else s for s in mine.sources
    )
    node = mine.model_copy(
        update={
            "title": title,
            "paragraphs": tuple(paragraphs),
            "responsibility": responsibility,
            "work_rows": rows,
            "sources": sources,
        }
    )
    node = node.model_copy(
        update={
            "questions": _still_open(node, questions),
            "changes": tuple(dict.fromkeys(changes)),
        }
    )
    return _Merged(node, conflict)


# ---------------------------------------------------------------- questions and changes


def _carry(questions, changes, origin, where, index, mine_index, mine, theirs, theirs_index=None):
    """The questions and change records of a merged text, from the side(s) it came from."""
    theirs_index = mine_index if theirs_index is None else theirs_index
    sides = {"mine": ((mine, mine_index),), "theirs": ((theirs, theirs_index),)}.get(
        origin, ((mine, mine_index), (theirs, theirs_index))
    )
    for node, at in sides:
        for question in node.questions:
            if question.where == where and (where == "clause" or question.index == at):
                questions.append(question.model_copy(update={"index": index}))
        for change in node.changes:
            if change.where == where and (where == "clause" or change.index == at):
                changes.append(change.model_copy(update={"index": index}))


def _conflict(where, index: int, quote: str, replacement: str | None) -> OpenQuestion:
    suggestions = [Suggestion(label="保留本县文字")]
    if replacement:
        suggestions.insert(0, Suggestion(label="采用上级新文字", replacement=replacement))
    return OpenQuestion(
        kind="revision",
        quote=quote or "（空）",
        where=where,
        index=index,
        message=CONFLICT_MESSAGE,
        suggestions=tuple(suggestions),
    )


def _still_open(node: Node, questions: list[OpenQuestion]) -> tuple[OpenQuestion, ...]:
    """The questions whose words stand in the merged text, each once (as readout/questions.py
    reads them: rewritten words close a question)."""

    def stands(question: OpenQuestion) -> bool:
        if question.where == "clause":
            return question.quote in (node.responsibility.units if node.responsibility else ())
        if question.where == "title":
            return question.quote in node.title
        texts = (
            node.paragraphs if question.where == "paragraph" else [r.work for r in node.work_rows]
        )
        return question.index < len(texts) and question.quote in texts[question.index]

    return tuple(q for q in dict.fromkeys(questions) if stands(q))
