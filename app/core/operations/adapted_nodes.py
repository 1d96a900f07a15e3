"""County nodes from parent sections: adapted text, units and rows, with what changed and
what is left to decide (the records a node keeps), sharing one target book and id counter.

take_up.py decides where the nodes go in the draft; this module makes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.adapt.changes import AdaptedText, TextChange, TextQuestion, UnitChange
from app.core.adapt.duties import Proposal, propose_units
from app.core.adapt.targets import TargetBook
from app.core.adapt.text import adapt_text
from app.core.adapt.units import adapt_units
from app.core.draft.adaptation import AdaptChange, OpenQuestion, Suggestion, TextPlace
from app.core.draft.model import (
    ChapterRole,
    Draft,
    Node,
    Responsibility,
    SourceRef,
    WorkRow,
    county_of,
)
from app.core.draft.units_printed import LEADS_BEFORE_COMMA
from app.core.operations.work_summary import summary_work
from app.core.plans.model import Plan, Section, TableRow, UnitClause, fingerprint


@dataclass(frozen=True)
class NodeChanges:
    """What adaptation changed in one new node: title, paragraphs, units."""

    node_id: str
    source: str
    title: tuple[TextChange, ...] = ()
    paragraphs: tuple[tuple[TextChange, ...], ...] = ()
    units: tuple[UnitChange, ...] = ()

    @property
    def unmapped(self) -> list[str]:
        return [u.parent for u in self.units if u.status == "unmapped"]


@dataclass
class TakeUpReport:
    node_id: str = ""
    nodes: list[NodeChanges] = field(default_factory=list)
    targets_added: list[str] = field(default_factory=list)

    @property
    def unmapped_units(self) -> list[str]:
        return list(dict.fromkeys(u for n in self.nodes for u in n.unmapped))


class NodeBuilder:
    """Turns parent sections into county nodes, sharing one target book and id counter."""

    def __init__(self, draft: Draft, plan: Plan, *, adapt: bool = True) -> None:
        self.draft = draft
        self.plan = plan
        self.adapt = adapt
        self.county = county_of(draft)
        self.book = TargetBook(list(draft.targets), draft.next_id, as_written=not adapt)
        self.report = TakeUpReport()
        self.rows_by_measure: dict[str, list[TableRow]] = {}
        for row in plan.task_table:
            if row.measure_id:
                self.rows_by_measure.setdefault(row.measure_id, []).append(row)

    def _id(self) -> str:
        node_id = f"n{self.book.next_id}"
        self.book.next_id += 1
        return node_id

    def text(self, text: str, source: str) -> AdaptedText:
        if not self.adapt:
            return adapt_text(
                text,
                level="",
                county=self.county,
                catalogue=self.draft.catalogue,
                book=self.book,
                source="",
            )
        return adapt_text(
            text,
            level=self.plan.level,
            county=self.county,
            catalogue=self.draft.catalogue,
            book=self.book,
            source=source,
        )

    def title(self, text: str) -> AdaptedText:
        level = self.plan.level if self.adapt else ""
        return adapt_text(text, level=level, county=self.county, catalogue=self.draft.catalogue)

    def units(
        self, names: list[str], groups: list[int]
    ) -> tuple[list[str], list[int], list[UnitChange]]:
        if not self.adapt:
            return names, groups, [UnitChange(n, (n,), "same") for n in names]
        return adapt_units(names, groups, self.draft.catalogue, self.county)

    def node(
        self,
        section: Section,
        *,
        role: ChapterRole = "other",
        shell: bool = False,
        in_tasks: bool = False,
    ) -> Node:
        node_id = self._id()
        title = self.title(section.title)
        paragraphs = [self.text(p, section.id) for p in section.paragraphs]
        responsibility = None
        unit_changes: list[UnitChange] = []
        if section.clause is not None:
            names = [u.name for u in section.clause.units]
            groups = [u.group for u in section.clause.units]
            names, groups, unit_changes = self.units(names, groups)
            # a joint plan opened as it is keeps its governments' lists; a county's own
            # draft names the county's units, the other government's are flagged
            joint = not self.adapt and section.clause.joint
            note = section.clause.note if joint else _kept_note(section.clause.note)
            if self.adapt and not section.clause.joint:
                names, groups, note = self._several_leads(section.clause, names, groups, note)
            responsibility = Responsibility(
                units=tuple(names),
                groups=tuple(groups) if any(groups) else (),
                duty=section.clause.duty,
                labelled=section.clause.labelled,
                note=note,
                deadline=section.clause.deadline,
                sides=tuple(u.side for u in section.clause.units) if joint else (),
            )
        texts = [p.text for p in paragraphs]
        proposed: tuple[OpenQuestion, ...] = ()
        if responsibility is not None and self.adapt:
            responsibility, proposed = self._county_lead(responsibility, title.text, texts)
            if not proposed:
                responsibility, proposed = self._lead_for_a_kept_lead(
                    responsibility, unit_changes, title.text, texts
                )
        lead = responsibility.lead if responsibility is not None else ""
        changes, questions = (
            _records(title, paragraphs, unit_changes, lead) if self.adapt else ((), ())
        )
        questions += proposed
        if responsibility is None and self._proposes(section, in_tasks=in_tasks):
            responsibility, asked = self._proposed(title.text, texts)
            questions += asked
        children: tuple[Node, ...] = ()
        if not shell:
            children = tuple(
                self.node(child, in_tasks=in_tasks or role == "tasks") for child in section.children
            )
        self.report.nodes.append(
            NodeChanges(
                node_id,
                section.id,
                title.changes,
                tuple(p.changes for p in paragraphs),
                tuple(unit_changes),
            )
        )
        node = Node(
            id=node_id,
            level=section.level,
            numbered=bool(section.label),
            title=title.text,
            title_style=section.title_style,
            role=role if section.level == 1 else "other",
            paragraphs=tuple(p.text for p in paragraphs),
            sources=(SourceRef(node=section.id, fingerprint=fingerprint(section)),)
            if self.adapt
            else (),
            responsibility=responsibility,
            changes=changes,
            questions=questions,
            children=children,
        )
        rows, asked = self.work_rows(section, node, in_tasks=in_tasks)
        # a published task table words its rows itself: they are asked about on their own
        row_questions = asked or _row_questions(rows, questions)
        return node.model_copy(update={"work_rows": rows, "questions": questions + row_questions})

    def _several_leads(
        self, clause: UnitClause, names: list[str], groups: list[int], note: str
    ) -> tuple[list[str], list[int], str]:
        """Several clauses of one parent measure, read as one (山西's clauses ending each
        sentence): the leads of each lead the county's, listed before the comma, and the
        clause says so; a body the county lacks never leads. (A parent's single clause with
        several leads, 成都's 逗号前为牵头单位, takes the county's 列首位 rule instead.)"""
        parents = [u.name for u in clause.units if u.lead]
        if len(parents) < 2 or not clause.merged:
            return names, groups, note
        known = self.draft.catalogue.names()
        mapped, _, _ = self.units(parents, [0] * len(parents))
        leads = [n for n in mapped if n in known and n in names]
        rest = [n for n in names if n not in leads]
        if len(leads) < 2 or not rest:
            return names, groups, note
        note = "；".join(n for n in (LEADS_BEFORE_COMMA, note) if n)
        return [*leads, *rest], [0] * len(leads) + [1] * len(rest), note

    def _proposes(self, section: Section, *, in_tasks: bool) -> bool:
        """A measure of the tasks chapter with no clause of its own or of its items."""
        if not (self.adapt and in_tasks):
            return False
        # a parent's chapter with no measures (大连's 三、…消费体系) is an action of the county's
        # 重点任务 and its own measure: it is led too
        is_measure = section.level == 3 or (section.level < 3 and not section.children)
        return is_measure and not any(c.clause for c in section.walk() if c is not section)

    def _proposed(
        self, title: str, paragraphs: list[str]
    ) -> tuple[Responsibility | None, tuple[OpenQuestion, ...]]:
        """Units proposed from the measure's subject, asked to be confirmed (duties.json)."""
        proposal = propose_units(title, paragraphs, self.draft.catalogue, self.county)
        if proposal is None:
            return None, ()
        return Responsibility(units=proposal.units), (_proposal_question(proposal),)

    def _county_lead(
        self, responsibility: Responsibility, title: str, paragraphs: list[str]
    ) -> tuple[Responsibility, tuple[OpenQuestion, ...]]:
        """A clause naming only parent bodies the county lacks (省机场集团, 铁路局) gets a
        county lead proposed from the measure's subject, put first: such bodies never
        lead county work, so the task table and their comment agree."""
        known = self.draft.catalogue.names()
        if not responsibility.units or any(u in known for u in responsibility.units):
            return responsibility, ()
        proposal = propose_units(title, paragraphs, self.draft.catalogue, self.county)
        if proposal is None:
            return responsibility, ()
        units = (proposal.lead, *responsibility.units)
        groups = (0, *responsibility.groups) if responsibility.groups else ()
        changed = responsibility.model_copy(update={"units": units, "groups": groups})
        why = "上级方案所列单位本县没有对应机构，不作牵头单位"
        asked = _proposal_question(Proposal(units[:1], proposal.subject, why), deletable=False)
        return changed, (asked,)

    def _lead_for_a_kept_lead(
        self,
        responsibility: Responsibility,
        changes: list[UnitChange],
        title: str,
        paragraphs: list[str],
    ) -> tuple[Responsibility, tuple[OpenQuestion, ...]]:
        """The parent's lead is a body the county lacks (人民银行广州分行, 省地方金融监管局's
        regulators): the first county unit named after it is no lead by right (县发改局 for a
        finance measure). The county body whose duty the measure's subject is leads —
        moved first where the clause names it, proposed where it does not — and is asked
        to be confirmed."""
        known = self.draft.catalogue.names()
        units = responsibility.units
        if not changes or changes[0].status != "unmapped" or not units or units[0] not in known:
            return responsibility, ()
        proposal = propose_units(
            title, paragraphs, self.draft.catalogue, self.county, changes[0].duty
        )
        if proposal is None or proposal.lead == units[0] or proposal.lead not in known:
            return responsibility, ()
        moved = (proposal.lead, *(u for u in units if u != proposal.lead))
        groups = (0,) * len(moved) if responsibility.groups else ()
        changed = responsibility.model_copy(update={"units": moved, "groups": groups})
        why = f"上级方案的牵头单位{changes[0].parent}本县没有对应机构"
        asked = _proposal_question(
            Proposal((proposal.lead,), proposal.subject, why), deletable=False
        )
        return changed, (asked,)

    def work_rows(
        self, section: Section, node: Node, *, in_tasks: bool
    ) -> tuple[tuple[WorkRow, ...], tuple[OpenQuestion, ...]]:
        """The node's task rows, and what adaptation asks about a published table's words."""
        if self.rows_by_measure.get(section.id):
            return self._table_rows(section, node)
        return self._summary_rows(node, in_tasks=in_tasks), ()

    def _table_rows(
        self, section: Section, node: Node
    ) -> tuple[tuple[WorkRow, ...], tuple[OpenQuestion, ...]]:
        """The parent's published 任务分工 rows for this measure, adapted."""
        out: list[WorkRow] = []
        asked: list[OpenQuestion] = []
        for row in self.rows_by_measure[section.id]:
            for work_row in row.work_rows:
                names = [work_row.lead, *work_row.cooperating_units]
                groups = [0] + [
                    1 if _after_comma(work_row.cooperating, u) else 0
                    for u in work_row.cooperating_units
                ]
                names, groups, _ = self.units(names, groups)
                names, groups = self._row_lead(names, groups, node)
                same_as_clause = (
                    node.responsibility is not None and tuple(names) == node.responsibility.units
                )
                adapted = self.text(work_row.work, section.id)
                asked += [_stored(q, "work", len(out)) for q in adapted.questions]
                out.append(
                    WorkRow(
                        work=adapted.text,
                        units=() if same_as_clause else tuple(names),
                        groups=() if same_as_clause or not any(groups) else tuple(groups),
                    )
                )
        return tuple(out), tuple(asked)

    def _row_lead(
        self, names: list[str], groups: list[int], node: Node
    ) -> tuple[list[str], list[int]]:
        """A published row naming only bodies the county lacks is led by the measure's county
        lead (proposed where the clause had none either), as its clause is."""
        known = self.draft.catalogue.names()
        lead = node.responsibility.lead if node.responsibility else ""
        if not self.adapt or not names or any(n in known for n in names) or lead not in known:
            return names, groups
        return [lead, *names], [0, *groups]

    def _summary_rows(self, node: Node, *, in_tasks: bool) -> tuple[WorkRow, ...]:
        """Rows made from the measure's own text where the parent has no task table."""
        if not in_tasks or self.plan.task_table:
            return ()
        is_measure = node.level == 3 or (node.level < 3 and not node.children)
        if not is_measure:
            return ()
        if node.responsibility is not None:
            return (WorkRow(work=summary_work(node.paragraphs)),)
        sub_rows = [
            WorkRow(
                work=summary_work(child.paragraphs, child.title),
                units=child.responsibility.units,
                groups=child.responsibility.groups,
            )
            for child in node.children
            if child.responsibility is not None
        ]
        return tuple(sub_rows)

    def finish(self, draft: Draft) -> Draft:
        self.report.targets_added = list(self.book.added)
        return draft.model_copy(
            update={"targets": tuple(self.book.targets), "next_id": self.book.next_id}
        )


_LEAD_NOTE = re.compile(r"(?:列首位|排在第一|排名第一|逗号前|首位)[^；;]*?牵头单位")
_LATER_CLAUSES = re.compile(r"以下均|不再列出|下同")
"""A note about the parent's later clauses (天津 "以下均需各区人民政府落实，不再列出"): it
speaks of the parent's document and its sub-levels, not of this county measure."""


def _kept_note(note: str) -> str:
    """The parent clause's note without its own lead rule: the county's clause writes
    "列首位的为牵头单位，下同" once by position; a second rule would contradict it. Nor a
    note on the parent's later clauses: the county's clauses are its own."""
    return "" if _LEAD_NOTE.search(note) or _LATER_CLAUSES.search(note) else note


def _stored(question: TextQuestion, where: TextPlace, index: int) -> OpenQuestion:
    """A question of the adapted text as the node keeps it."""
    return OpenQuestion(
        kind=question.kind,
        quote=question.quote,
        where=where,
        index=index,
        message=question.message,
        suggestions=question.suggestions,
    )


def _proposal_question(proposal: Proposal, *, deletable: bool = True) -> OpenQuestion:
    """A proposed lead, asked to be confirmed: 确认 keeps it, 删去 takes it out — except
    where it is the only county unit: without it a body the county lacks would lead."""
    delete = (Suggestion(label="从责任单位中删去", replacement=""),) if deletable else ()
    return OpenQuestion(
        kind="proposed_unit",
        quote=proposal.lead,
        where="clause",
        message=proposal.message,
        suggestions=(Suggestion(label="确认"), *delete),
    )


def _unmapped_message(unit: UnitChange, lead: str) -> str:
    """Says what the task table does with the unit: it never leads while a county unit is
    named beside it; where it is the only unit left, it leads until the county names one.
    The naming rule's reason follows (no county 支行 since the 2023 reform …)."""
    why = f"。{unit.note}" if unit.note else ""  # the naming rule's reason (机构改革 …)
    if unit.parent == lead:
        return (
            f"上级单位在本县单位目录中没有对应单位，已原样保留，暂列为牵头单位：请改为本县单位{why}"
        )
    return f"上级单位在本县单位目录中没有对应单位，已原样保留（不作牵头单位）{why}"


def _records(
    title: AdaptedText, paragraphs: list[AdaptedText], units: list[UnitChange], lead: str = ""
) -> tuple[tuple[AdaptChange, ...], tuple[OpenQuestion, ...]]:
    """What adaptation changed in a node and what it asks, as the node keeps them."""
    texts: list[tuple[TextPlace, int, AdaptedText]] = [("title", 0, title)]
    texts += [("paragraph", i, p) for i, p in enumerate(paragraphs)]
    changes = tuple(
        AdaptChange(where=where, index=index, old=c.old, new=c.new, kind=c.kind, reason=c.reason)
        for where, index, text in texts
        for c in text.changes
    )
    questions = [_stored(q, where, index) for where, index, text in texts for q in text.questions]
    questions += [
        OpenQuestion(
            kind="unit",
            quote=u.parent,
            where="clause",
            message=_unmapped_message(u, lead),
            suggestions=(
                Suggestion(label="从责任单位中删去", replacement=""),
                *(Suggestion(label=f"改为{o}", replacement=o) for o in u.offers),
                Suggestion(label="保留"),
            ),
        )
        for u in units
        if u.status == "unmapped"
    ]
    return changes, _as_often_as_written(questions, texts)


def _as_often_as_written(
    questions: list[OpenQuestion], texts: list[tuple[TextPlace, int, AdaptedText]]
) -> tuple[OpenQuestion, ...]:
    """At most as many questions on the same words as the words stand in their text."""
    written = {(where, index): text.text for where, index, text in texts}
    seen: dict[tuple[str, int, str], int] = {}
    kept: list[OpenQuestion] = []
    for question in questions:
        key = (question.where, question.index, question.quote)
        seen[key] = seen.get(key, 0) + 1
        text = written.get((question.where, question.index))
        if text is None or seen[key] <= text.count(question.quote):
            kept.append(question)
    return tuple(kept)


def _row_questions(
    rows: tuple[WorkRow, ...], questions: tuple[OpenQuestion, ...]
) -> tuple[OpenQuestion, ...]:
    """The task table restates the text: a question's words there are asked about there too."""
    out: list[OpenQuestion] = []
    for k, row in enumerate(rows):
        asked: dict[str, int] = {}
        for question in questions:
            if question.where not in ("paragraph", "title") or question.quote not in row.work:
                continue
            asked[question.quote] = asked.get(question.quote, 0) + 1
            if asked[question.quote] <= row.work.count(question.quote):
                out.append(question.model_copy(update={"where": "work", "index": k}))
    return tuple(out)


def _after_comma(cooperating: str, unit: str) -> bool:
    """Is this unit written after the comma that starts a second lead group?"""
    comma = cooperating.find("，")
    position = cooperating.find(unit)
    return comma >= 0 and position > comma
