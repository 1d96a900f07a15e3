"""Consistency checks: what a reviewer at the 发改局 would catch, found before they do.

Each finding has a severity (error / warning / info), the place (node id and
heading), a message in Chinese and a hint what to do. `peakplan check` prints
them and exits 1 when there is an error; the GUI lists them and jumps to the
place on double-click.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from app.core.adapt.level_words import in_book_title
from app.core.adapt.targets import indicator_key, is_allocated
from app.core.adapt.whole_words import cuts_a_word
from app.core.draft.gc_pause import collections_paused
from app.core.draft.mentions import assigned_words, mentions, phrase
from app.core.draft.model import Draft, Node, work_row_units
from app.core.plans.resolver import PlanResolver
from app.core.readout.findings import CheckContext, Finding
from app.core.readout.parent_checks import check_parents
from app.core.readout.questions import open_questions
from app.core.text.rules import adapt_rules

_Context = CheckContext


def _task_nodes(ctx: _Context) -> Iterator[Node]:
    """Nodes that make rows of the task table: measures, and actions with no measures."""
    for node in ctx.draft.walk():
        if not ctx.in_tasks(node):
            continue
        if node.level == 3 or (node.level == 2 and not node.children and node.responsibility):
            yield node


def check_lead_units(ctx: _Context) -> Iterator[Finding]:
    for node in _task_nodes(ctx):
        has_clause = node.responsibility is not None or any(
            c.responsibility is not None for c in node.children
        )
        if not has_clause:
            yield Finding(
                "error",
                "no-lead-unit",
                "措施没有责任单位（牵头单位）",
                "在措施编辑中填写牵头单位",
                node.id,
                ctx.where(node),
            )
        for i, row in enumerate(node.work_rows, 1):
            if not work_row_units(row, node):
                yield Finding(
                    "error",
                    "work-row-no-lead",
                    f"任务分工第 {i} 项工作没有牵头单位",
                    "在任务分工中填写牵头单位",
                    node.id,
                    ctx.where(node),
                )


def check_units_in_catalogue(ctx: _Context) -> Iterator[Finding]:
    catalogue = ctx.draft.catalogue
    known = catalogue.names()
    parents = {e.parent for e in catalogue.mapping}
    mapping: dict[str, tuple[str, ...]] = {}
    for entry in catalogue.mapping:
        mapping.setdefault(entry.parent, entry.county)  # the first entry wins, as in map_unit
    reported: set[tuple[str, str]] = set()
    for node in ctx.draft.walk():
        units = list(node.responsibility.units) if node.responsibility else []
        for row in node.work_rows:
            units.extend(row.units)
        for unit in dict.fromkeys(units):
            if unit in known or (node.id, unit) in reported:
                continue
            reported.add((node.id, unit))
            mapped = mapping.get(unit)
            if mapped is not None or unit in parents:
                message = f"“{unit}”是上级单位，应改为县单位：{'、'.join(mapped or ())}"
            else:
                message = f"单位“{unit}”不在县单位目录中（上级单位未能对应到县单位）"
            yield Finding(
                "error",
                "unit-not-in-catalogue",
                message,
                "在单位目录中添加对应关系，或改为县单位目录中的单位",
                node.id,
                ctx.where(node),
                {"unit": unit},
            )


def _texts(ctx: _Context, node: Node) -> Iterator[tuple[str, str]]:
    yield "标题", node.title
    for i, paragraph in enumerate(node.paragraphs, 1):
        yield f"第 {i} 段", ctx.render(paragraph)
    for i, row in enumerate(node.work_rows, 1):
        yield f"任务分工第 {i} 项", ctx.render(row.work)


_LEADING_LOOKBEHIND = re.compile(r"^\(\?<[!=](?:\\.|\[[^\]]*\]|[^()\[\]\\])*\)")


def _prefilter(rules: list) -> re.Pattern[str]:
    """One pattern matching wherever any rule might: the rules' patterns as alternatives.

    A leading lookbehind is left out of each (the pattern then matches more, never
    less), so that the search can skip ahead to the words: most texts have none, and
    only a text where this matches is searched rule by rule.
    """
    return re.compile("|".join(f"(?:{_LEADING_LOOKBEHIND.sub('', r.find.pattern)})" for r in rules))


def check_parent_wording(ctx: _Context) -> Iterator[Finding]:
    if ctx.draft.meta.level != "county":
        return
    word = ctx.county.level_word
    rules = [r for r in adapt_rules().leftover if r.unless_county_word != word]
    if not rules:
        return
    anywhere = _prefilter(rules)
    for node in ctx.draft.walk():
        for part, text in _texts(ctx, node):
            if anywhere.search(text) is None:
                continue
            for rule in rules:
                match = next(
                    (
                        m
                        for m in rule.find.finditer(text)
                        if not in_book_title(text, m.start())
                        and not cuts_a_word(text, m.start(), m.end())  # 资本市场 is not 本市
                    ),
                    None,
                )
                if match:
                    context = text[max(0, match.start() - 8) : match.end() + 8]
                    yield Finding(
                        "warning",
                        "parent-wording",
                        f"{part}仍有上级用语“{match.group()}”：…{context}…",
                        "改为县级用语，或确认此处确指上级",
                        node.id,
                        ctx.where(node),
                        {"words": match.group()},
                    )


def check_open_questions(ctx: _Context) -> Iterator[Finding]:
    """What adaptation left to the county and the words are still there, quoted.

    A unit without a county counterpart is the catalogue check's, a target
    still 待定 the target check's: each is reported once.
    """
    reported: set[tuple[str, str, str]] = set()
    for found in open_questions(ctx.draft):
        question = found.question
        key = (found.node.id, question.kind, question.quote)
        computed = found.stored is None and question.kind != "deadline"  # targets: their check
        if computed or question.kind == "unit" or key in reported:
            continue  # the 附件 row restating a paragraph's words is the same question
        reported.add(key)
        answers = "、".join(s.label for s in question.suggestions)
        yield Finding(
            "warning",
            "open-question",
            f"{question.title}（{question.message}）",
            f"可选：{answers}" if answers else "",
            found.node.id,
            ctx.where(found.node),
            {
                "kind": question.kind,
                "quote": question.quote,
                "place": question.where,
                "index": question.index,
                "question": found.stored,
            },
        )


def _stating_node(ctx: _Context) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for node in ctx.draft.walk():
        for text in (*node.paragraphs, *(r.work for r in node.work_rows)):
            for m in mentions(text):
                out.setdefault(m.target, node)
    return out


def check_targets(ctx: _Context) -> Iterator[Finding]:
    stating = _stating_node(ctx)
    by_indicator: dict[tuple[str, str, int], list[tuple[str, str]]] = defaultdict(list)
    for target in ctx.draft.targets:
        node = stating.get(target.id)
        for year in target.years:
            if year.decision == "pending":
                parent = (
                    f"；上级为 {year.parent_value}{target.unit}{year.parent_after}，仅供参考"
                    if year.parent_value
                    else ""
                )
                hint = "在主要目标指标表中填写县目标值，或选择“完成上级下达任务”或不列此目标"
                if is_allocated(target.indicator):
                    words = assigned_words(year, ctx.county)
                    hint = f"上级分解下达的指标，县级方案一般写“{words}”：在主要目标指标表中选“完成上级下达任务”，或填写县目标值"
                yield Finding(
                    "warning",
                    "target-pending",
                    f"目标“{target.indicator}”（{year.year}年）尚未确定县的目标值，"
                    f"文中印作“{phrase(target, year, '', ctx.county)}”{parent}",
                    hint,
                    node.id if node else "",
                    ctx.where(node) if node else "主要目标指标表",
                    {"target": target.id, "year": year.year},
                )
            words = phrase(target, year, "", ctx.county)
            if year.decision == "pending" and year.parent_value:
                words = f"上级{year.parent_value}{target.unit}{year.parent_after}"  # a blank prints
            if words is not None:
                by_indicator[(indicator_key(target.indicator), target.unit, year.year)].append(
                    (target.id, words)
                )
    for (indicator, _unit, year), stated in by_indicator.items():
        values = {words for _id, words in stated}
        # "单位电石、甲醇生产综合能耗分别下降10%、6%" names several indicators at once.
        if len(values) > 1 and "分别" not in indicator:
            first = stating.get(stated[0][0])
            yield Finding(
                "error",
                "target-two-values",
                f"同一指标“{indicator}”（{year}年）有不同的值：{'；'.join(sorted(values))}",
                "统一为一个值（在指标表中合并或修改）",
                first.id if first else "",
                ctx.where(first) if first else "主要目标指标表",
                {"targets": [t for t, _w in stated], "year": year},
            )


def check_duplicate_titles(ctx: _Context) -> Iterator[Finding]:
    seen: dict[str, Node] = {}
    for node in _task_nodes(ctx):
        if node.level != 3:
            continue
        if node.title in seen:
            yield Finding(
                "warning",
                "duplicate-title",
                f"措施标题与 {ctx.where(seen[node.title])} 重复",
                "修改标题或合并两条措施",
                node.id,
                ctx.where(node),
            )
        else:
            seen[node.title] = node


def check_empty_actions(ctx: _Context) -> Iterator[Finding]:
    tasks = ctx.draft.chapter("tasks")
    if tasks is None:
        yield Finding("warning", "no-tasks", "方案没有“重点任务”一章", "添加重点任务并采纳上级行动")
        return
    for action in tasks.children:
        if not action.children and action.responsibility is None:
            yield Finding(
                "warning",
                "empty-action",
                "行动下没有任何措施",
                "采纳或添加措施，或删除此行动",
                action.id,
                ctx.where(action),
            )


def check_draft(draft: Draft, plans: PlanResolver) -> list[Finding]:
    """All findings, errors first, each group in document order; parent plans from `plans`."""
    with collections_paused():
        return _check_draft(draft, plans)


def _check_draft(draft: Draft, plans: PlanResolver) -> list[Finding]:
    ctx = _Context(draft)
    findings: list[Finding] = []
    for check in (
        check_lead_units,
        check_units_in_catalogue,
        check_parent_wording,
        check_open_questions,
        check_targets,
        check_duplicate_titles,
        check_empty_actions,
    ):
        findings.extend(check(ctx))
    findings.extend(check_parents(ctx, plans))
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order[f.severity])
