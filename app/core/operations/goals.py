"""The county's 主要目标: one chapter stating every indicator its parents set.

A parent states its indicators in a 主要目标 chapter (二、主要目标) or in a
sub-section of its 总体要求 ((二)主要目标, (三)工作目标). Wherever it is, each
indicator becomes an entry of the county target table (the parent's value as
reference, the county's 待定) and a statement of the county's 主要目标 — never
a second 主要目标 chapter: taking a parent's goals section up merges it into
the county's, and giving it back takes its statements out again.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

import re

from app.core.adapt.targets import TargetBook, indicator_key
from app.core.draft.mentions import make_token, mentions, without_mentions
from app.core.draft.model import CountyTarget, Draft, Node, SourceRef
from app.core.draft.tree import EditError, update_node
from app.core.errors import PeakPlanError
from app.core.operations.adapted_nodes import TakeUpReport
from app.core.operations.targets import prune_targets
from app.core.plans.model import Plan, Section, chapter_role, fingerprint
from app.core.plans.targets import (
    TargetSpan,
    is_goals_title,
    locate_goals_targets,
    table_targets,
    table_year,
)

YEARS = (2025, 2030, 2035)
"""The years a county's 主要目标 template states in its own sentences."""
FIRST_YEAR, LAST_YEAR = 2021, 2060
"""Other years a 主要目标 states, each in a sentence of its own: a 2021–2023 plan's 2022 before
the others, 碳中和's 2060 after them."""


def stated_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def is_goals_section(section: Section) -> bool:
    """二、主要目标, or (二)主要目标 / (三)工作目标 under 总体要求."""
    return is_goals_title(section.title)


def goals_sections(plan: Plan) -> list[Section]:
    """The sections where a plan states its main indicators, outermost only."""
    found: list[Section] = []
    for chapter in plan.sections:
        if is_goals_section(chapter):
            found.append(chapter)
        elif chapter_role(chapter.title) != "tasks":
            found.extend(c for c in chapter.children if is_goals_section(c))
    return found


Statements = dict[int, list[str]]


def _state(
    book: TargetBook, section: Section, statements: Statements, *, only_new: bool = False
) -> None:
    """Each indicator a goals section states, as an entry of the book and a statement.

    `only_new`: an indicator the table has for that year already (from a nearer
    parent) keeps its entry: one row, the nearer parent's value as reference.
    """
    for part in section.walk():
        table: int | None = None  # the year of a 指标表 under way
        for paragraph, located in zip(
            part.paragraphs, locate_goals_targets(part.paragraphs), strict=True
        ):
            lead, base_year = "", None
            spans = list(located)
            table = table_year(paragraph) or table
            if table is not None:
                spans += [s for s in table_targets(paragraph, table) if not _restated(book, s)]
            for span in spans:
                # "A、B较2020年分别下降13.5%、15%": B is led as A is
                if span.lead.strip() or not span.target.text[:1].isdigit():
                    lead, base_year = span.lead, span.target.base_year
                year = span.target.year or 0
                if not stated_year(year):
                    continue  # a base year read as a target (2020 in a 规划's table)
                key = (indicator_key(span.target.indicator), span.target.unit)
                held = (
                    next(
                        (
                            t
                            for t in book.targets
                            if (indicator_key(t.indicator), t.unit) == key and t.year(year)
                        ),
                        None,
                    )
                    if only_new
                    else None
                )
                if held is not None:
                    entry = held
                else:
                    written = paragraph[span.start : span.end]
                    entry, year = book.entry_for(span, section.id, written)
                statement = _statement(entry, year, lead, base_year)
                listed = statements.setdefault(year, [])
                if all(_stated_target(s) != entry.id for s in listed):
                    listed.append(statement)


def _restated(book: TargetBook, span: TargetSpan) -> bool:
    """A 指标表 row restating a figure the text set already (单位GDP能耗降低 15.5 beside
    单位地区生产总值能耗下降15.5%): one row, the text's."""
    target = span.target
    return any(
        entry.unit == target.unit
        and (stated := entry.year(target.year or 0)) is not None
        and stated.parent_value == target.value
        for entry in book.targets
    )


def _statement(entry: CountyTarget, year: int, lead: str, base_year: int | None = None) -> str:
    """ "单位GDP能耗较2020年⟦t5@2025|下降⟧": the entry stated for a year, as its sentence led it."""
    # a reduction's name ends in 下降 and so does its lead, a standing's name in 覆盖率 and its
    # lead starts so (覆盖率达到, see standing_lead): say it once
    name, words = entry.indicator, lead.strip()
    overlap = next((k for k in range(len(words), 1, -1) if name.endswith(words[:k])), 0)
    if words and name.endswith(words):
        overlap = len(words)
    if overlap:
        name = name[:-overlap]
    base = f"较{base_year}年" if base_year else ""
    return f"{name}{base}{make_token(entry.id, year, lead)}"


_ELSEWHERE = ("place", "sub_level")
"""Questions saying the words are about other places than the county."""


def state_table_targets(draft: Draft) -> Draft:
    """The 主要目标 stating every entry of the table it does not state yet: the targets the
    parents set in their measures ("到2025年，…达到90%以上") are the county's indicators too,
    led as the measure leads them. A target of other places ("直管市、神农架林区农村生活垃圾分类
    覆盖率", questioned in its measure) is not the county's: its measure asks about it."""
    chapter = draft.chapter("goals")
    if chapter is None:
        return draft
    stated = {(m.target, m.year) for p in chapter.paragraphs for m in mentions(p)}
    leads: dict[tuple[str, int], str] = {}
    elsewhere: set[str] = set()
    for node in draft.walk():
        places = [q.quote for q in node.questions if q.kind in _ELSEWHERE and len(q.quote) >= 2]
        for paragraph in node.paragraphs:
            for m in mentions(paragraph):
                leads.setdefault((m.target, m.year), m.lead)
                entry = draft.target(m.target)
                if entry is not None and any(p in entry.indicator for p in places):
                    elsewhere.add(entry.id)
    added: Statements = {}
    for entry in draft.targets:
        if entry.id in elsewhere:
            continue
        for year in entry.years:
            key = (entry.id, year.year)
            if key in stated or not stated_year(year.year):
                continue
            lead = leads.get(key, "达到" if year.parent_value else "")
            added.setdefault(year.year, []).append(_statement(entry, year.year, lead))
    if not added:
        return draft
    return update_node(draft, chapter.id, lambda n: _with_statements(draft, n, added))


def _stated_target(statement: str) -> str:
    found = next(mentions(statement), None)
    return found.target if found else ""


def parent_goals(
    draft: Draft, plan: Plan, farther: tuple[Plan, ...] = ()
) -> tuple[Draft, Statements, tuple[SourceRef, ...]]:
    """Every indicator the parents' goals sections set, nearest parent first, as table
    entries; the statements per year and the sections they came from."""
    book = TargetBook(list(draft.targets), draft.next_id)
    statements: Statements = {year: [] for year in YEARS}
    sources: list[SourceRef] = []
    for index, parent in enumerate((plan, *farther)):
        for section in goals_sections(parent):
            _state(book, section, statements, only_new=index > 0)
            sources.append(SourceRef(node=section.id, fingerprint=fingerprint(section)))
    draft = draft.model_copy(update={"targets": tuple(book.targets), "next_id": book.next_id})
    return draft, statements, tuple(sources)


def template_statements(draft: Draft, chapter: Node) -> Statements:
    """The statements a 主要目标 holds now, by year, in order, each as its clause reads
    ("单位GDP能耗较2020年⟦t5@2025|下降⟧"): what its template would be given to write it again."""
    statements: Statements = {year: [] for year in YEARS}
    for paragraph in chapter.paragraphs:
        for m in mentions(paragraph):
            if draft.target(m.target) is None:
                continue
            start = max(paragraph.rfind(mark, 0, m.start) for mark in "，。；：") + 1
            statement = paragraph[start : m.end].strip()
            statement = re.sub(r"^(?:到|至)?20\d\d年(?:前|底|末)?", "", statement).lstrip("，")
            if statement and stated_year(m.year):
                statements.setdefault(m.year, []).append(statement)
    return statements


def _rendered(draft: Draft, chapter: Node, statements: Statements) -> Node:
    from app.core.draft.boilerplate import context_for, render_template
    from app.core.draft.model import county_of

    context = context_for(county_of(draft), [p.title for p in draft.parents], draft.catalogue)
    rendered = render_template(chapter.template, {**context, "targets": statements})
    return chapter.model_copy(update={"paragraphs": tuple(rendered.paragraphs)})


def _as_template_made(draft: Draft, chapter: Node) -> bool:
    """Does the chapter still read as its template writes it (no user edit to keep)?"""
    if not chapter.template:
        return False
    try:
        again = _rendered(draft, chapter, template_statements(draft, chapter))
    except PeakPlanError:  # the user's own template fails: append, never lose their words
        return False
    return again.paragraphs == chapter.paragraphs


def _with_statements(draft: Draft, chapter: Node, added: Statements) -> Node:
    """The chapter stating the added indicators too: written again by its template when the
    user has not edited it, else a sentence per year appended (nothing of theirs is lost)."""
    if _as_template_made(draft, chapter):
        statements = template_statements(draft, chapter)
        for year, listed in added.items():
            statements.setdefault(year, []).extend(listed)
        return _rendered(draft, chapter, statements)
    sentences = [f"到{year}年，{'，'.join(listed)}。" for year, listed in added.items() if listed]
    if not sentences:
        return chapter
    return chapter.model_copy(update={"paragraphs": (*chapter.paragraphs, "".join(sentences))})


def take_up_goals(draft: Draft, plan: Plan, section: Section) -> tuple[Draft, TakeUpReport]:
    """A parent's goals section merged into the county's 主要目标: its indicators become
    table entries stated there; no second 主要目标 is made."""
    chapter = draft.chapter("goals")
    if chapter is None:
        raise EditError("本方案没有“主要目标”一章，无法并入上级的主要目标")
    book = TargetBook(list(draft.targets), draft.next_id)
    stated = {m.target for p in chapter.paragraphs for m in mentions(p)}
    added: Statements = {}
    _state(book, section, added, only_new=True)
    added = {
        year: [s for s in listed if _stated_target(s) not in stated]
        for year, listed in added.items()
    }
    draft = draft.model_copy(update={"targets": tuple(book.targets), "next_id": book.next_id})
    source = SourceRef(node=section.id, fingerprint=fingerprint(section))
    merged = _with_statements(draft, chapter, added)
    merged = merged.model_copy(update={"sources": (*chapter.sources, source)})
    draft = update_node(draft, chapter.id, lambda _n: merged)
    report = TakeUpReport(node_id=chapter.id, targets_added=list(book.added))
    return draft, report


def release_goals(draft: Draft, section_id: str) -> Draft:
    """A parent's goals section given back: the county's 主要目标 stops stating the
    indicators only it set (the chapter and everything else stay)."""
    chapter = next(
        (c for c in draft.chapters if any(s.node == section_id for s in c.sources)), None
    )
    if chapter is None:
        raise EditError("上级的这一主要目标尚未并入本方案")
    only_there = {t.id for t in draft.targets if t.sources and set(t.sources) == {section_id}}

    kept = tuple(s for s in chapter.sources if s.node != section_id)
    updated = chapter.model_copy(
        update={
            "paragraphs": tuple(without_mentions(p, only_there) for p in chapter.paragraphs),
            "sources": kept,
        }
    )
    return prune_targets(update_node(draft, chapter.id, lambda _n: updated))
