"""The targets pass: each target a parent sentence states becomes a mention of an
entry of the county target table (pending the county's decision)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from app.core.adapt.changes import ChangeKind, Edit, Question
from app.core.adapt.facilities import facilities
from app.core.adapt.figures import figure_rules
from app.core.adapt.self_reference import of_the_county
from app.core.draft.mentions import make_token
from app.core.draft.model import CountyTarget, TargetYear
from app.core.plans.targets import TargetSpan, locate_targets
from app.core.text.normalise import compact
from app.core.text.rules import adapt_rules


def indicator_key(indicator: str) -> str:
    """The indicator without the words that differ between sentences stating it."""
    rules = adapt_rules()
    key = compact(indicator)
    key = re.sub(r"(?:较|比)20\d\d年$|较$", "", key)
    key = re.sub(r"(?:累计)?(?:下降|降低|减少)$", "", key)  # the table writes a reduction's name so
    changed = True
    while changed:
        changed = False
        for prefix in rules.indicator_strip_prefixes:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
        for suffix in rules.indicator_strip_suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key


REDUCTION_VERBS = ("下降", "降低", "减少")


def is_national_standard(indicator: str) -> bool:
    """新建居住建筑节能要求, 执行绿色建筑标准 …: a standard, not a parent's own total."""
    return any(word in indicator for word in adapt_rules().national_standards)


def is_allocated(indicator: str) -> bool:
    """能耗强度, 单位GDP二氧化碳排放下降 …: allocated down from above, customarily "确保完成…下达任务"."""
    name = compact(indicator)
    return any(word in name for word in adapt_rules().allocated_indicators)


def display_indicator(indicator: str, verb: str = "") -> str:
    """The indicator as the target table shows it: 森林覆盖率, not 全区森林覆盖率力争.

    A reduction keeps its verb: 单位地区生产总值二氧化碳排放下降, 14%.
    """
    key = indicator_key(indicator) or compact(indicator)
    reduction = verb if verb in REDUCTION_VERBS else ""  # 降低到300克: a level, not a reduction
    if not verb:  # "能耗强度下降、碳排放强度下降完成国家下达目标任务": the name says it
        reduction = next((w for w in REDUCTION_VERBS if compact(indicator).endswith(w)), "")
    return key + reduction if reduction and not key.endswith(reduction) else key


@dataclass
class TargetBook:
    """The county target table while an operation adds mentions to it."""

    targets: list[CountyTarget]
    next_id: int
    added: list[str] = field(default_factory=list)
    as_written: bool = False
    """True when opening a plan as it is: its values are the county's own decisions."""

    def _new_id(self) -> str:
        target_id = f"t{self.next_id}"
        self.next_id += 1
        return target_id

    def entry_for(
        self, span: TargetSpan, source: str, written: str = ""
    ) -> tuple[CountyTarget, int]:
        """The entry a parent target belongs to, created or extended as needed."""
        target = span.target
        year = target.year or 0
        key = indicator_key(target.indicator)
        for index, entry in enumerate(self.targets):
            if indicator_key(entry.indicator) != key or entry.unit != target.unit:
                continue
            existing = entry.year(year)
            if existing is not None and not self._same(existing, span, written):
                continue  # another value for the same words: a separate entry, flagged by checks
            sources = (
                entry.sources if source in entry.sources or not source else (*entry.sources, source)
            )
            years = entry.years
            if existing is None:
                years = tuple(sorted((*years, self._year(span, written)), key=lambda y: y.year))
            updated = entry.model_copy(update={"years": years, "sources": sources})
            self.targets[index] = updated
            return updated, year
        entry = CountyTarget(
            id=self._new_id(),
            indicator=display_indicator(target.indicator, target.verb or span.lead),
            unit=target.unit,
            sources=(source,) if source else (),
            years=(self._year(span, written),),
        )
        self.targets.append(entry)
        self.added.append(entry.id)
        return entry, year

    def _year(self, span: TargetSpan, written: str) -> TargetYear:
        target = span.target
        year = target.year or 0
        if not self.as_written:
            if target.value and is_national_standard(target.indicator):
                # a national standard: the county keeps the level the parent states
                return TargetYear(
                    year=year,
                    decision="value",
                    value=target.value,
                    after=span.after,
                    parent_value=target.value,
                    parent_after=span.after,
                )
            return TargetYear(year=year, parent_value=target.value, parent_after=span.after)
        if target.kind == "assigned":
            return TargetYear(year=year, decision="assigned", assigned_text=written)
        return TargetYear(year=year, decision="value", value=target.value, after=span.after)

    def _same(self, existing: TargetYear, span: TargetSpan, written: str) -> bool:
        """Does this statement say what the entry's year already says?"""
        candidate = self._year(span, written)
        if not self.as_written:
            # "湿地保护率达到85%以上" and "…提高到85%": one indicator, one row
            return (existing.parent_value, existing.decision) == (
                candidate.parent_value,
                candidate.decision,
            )
        return (
            existing.parent_value,
            existing.parent_after,
            existing.value,
            existing.after,
            existing.decision,
            existing.assigned_text,
        ) == (
            candidate.parent_value,
            candidate.parent_after,
            candidate.value,
            candidate.after,
            candidate.decision,
            candidate.assigned_text,
        )


def _defines_a_kind(text: str, span: TargetSpan) -> bool:
    """A figure with no goal verb that says which things are meant, not how many the county
    reaches: 单机30万千瓦及以上 (a class of unit), 全区12个盟市 (the parent's count of its own
    sub-levels)."""
    if span.lead:
        return False
    defining = figure_rules().defining
    before = text[max(0, span.start - 2) : span.start]
    if any(before.endswith(word) for word in defining["single"]):
        return True
    return text[span.end : span.end + 6].startswith(tuple(defining["sub_levels_after"]))


ELSEWHERE = ("place", "sub_level")
"""Question kinds saying words are about other places than the county (or things it may lack)."""
_CLAUSE_MARKS = "，。；：,;:"


def elsewhere_question(
    text: str, span: TargetSpan, questions: Sequence[Question]
) -> Question | None:
    """The question that makes a target someone else's: "直管市、神农架林区农村生活垃圾分类覆盖率
    不低于60%", "盟市政府（行政公署）所在地公交一卡通覆盖率达到100%" (other places or another
    level asked before the value, in its clause), "12个绿色机场" (a facility the county is asked
    whether it has, named by the indicator). Such a figure is not the county's to set: it stays the
    parent's, under the question about the sentence."""
    clause = max(text.rfind(mark, 0, span.start) for mark in _CLAUSE_MARKS) + 1
    for question in questions:
        if question.kind not in ELSEWHERE or of_the_county(question.message):
            continue
        if clause <= question.start and question.end <= span.start:
            return question
        if question.start <= span.start < question.end and any(
            f.message == question.message and f.find.search(span.target.indicator)
            for f in facilities()
        ):
            return question
    return None


def target_edits(
    text: str, book: TargetBook, source: str, questions: Sequence[Question] = ()
) -> list[Edit]:
    """One edit per target the text states, each a mention of the book's entry; not the
    targets of other places the questions ask about (`elsewhere_question`)."""
    edits: list[Edit] = []
    stated: set[tuple[int, int]] = set()
    for span in locate_targets(text):
        if _defines_a_kind(text, span) or elsewhere_question(text, span, questions):
            continue
        if (span.start, span.end) in stated:
            continue  # "A、B完成上级下达任务": one phrase, one mention (the 主要目标 lists both)
        if book.as_written and span.target.value and not span.target.value[0].isdigit():
            continue  # a plan opened as it is keeps its own words (全覆盖): no figure to track
        stated.add((span.start, span.end))
        entry, year = book.entry_for(span, source, text[span.start : span.end])
        edits.append(
            Edit(
                span.start,
                span.end,
                make_token(entry.id, year, standing_lead(text, span)),
                f"目标：{entry.indicator}",
                ChangeKind.TARGET,
            )
        )
    return edits


_MEASURE_NOUN = re.compile(r"(?:率|比例|比重|占比)$")


def standing_lead(text: str, span: TargetSpan) -> str:
    """The words a mention prints before its value. A standing stated with no indicator noun
    ("实现…强制责任险全覆盖", whose indicator is …覆盖率) loses its predicate when the blank
    takes its place ("…强制责任险【待定】"): the noun the standing stands for and 达到 go
    before the value, so the sentence reads "…强制责任险覆盖率达到【待定】" (and, once the
    county sets it, "覆盖率达到100%")."""
    value = span.target.value
    if span.lead or not value or value[0].isdigit():
        return span.lead
    for find, noun in adapt_rules().qualitative:
        if not re.fullmatch(find, value) or not _MEASURE_NOUN.search(noun):
            continue
        if text[: span.start].rstrip().endswith(noun):
            return span.lead  # "覆盖率全覆盖" is not written; the noun is there already
        return f"{noun}达到"
    return span.lead


def kept_figures_noted(text: str, questions: list[Question], edits: list[Edit]) -> list[Question]:
    """The questions that keep a parent's figure (see `elsewhere_question`), saying so: the
    figure is the parent's for those places, to go with the words or become the county's own.
    No second question asks the county's value of that figure; a question on a clause that
    holds a county target too ("打造3条美丽公路、12个绿色机场") is put on the kept figure's part."""
    kept: dict[int, list[TargetSpan]] = {}
    for span in locate_targets(text):
        question = elsewhere_question(text, span, questions)
        if question is None or _defines_a_kind(text, span):
            continue
        # and the questions of those kinds on the whole clause (滨海湿地…180公顷: the sea's),
        # which may be the one printed
        for q in questions:
            if q is question or (
                q.kind in ELSEWHERE and q.start <= span.start and span.end <= q.end
            ):
                kept.setdefault(id(q), []).append(span)
    if not kept:
        return questions
    spans = [span for listed in kept.values() for span in listed]
    targets = [(e.start, e.end) for e in edits if e.kind is ChangeKind.TARGET]
    out: list[Question] = []
    for q in questions:
        if q.kind == "figure" and any(q.start < s.end and s.start < q.end for s in spans):
            continue
        if id(q) in kept:
            listed = kept[id(q)]
            figures = "、".join(text[s.start + len(s.lead) : s.end].strip() for s in listed)
            q = replace(q, message=q.message + KEPT_FIGURE.format(figures))
            if any(q.start < end and start < q.end for start, end in targets):
                part = max(text.rfind(mark, q.start, listed[0].start) for mark in "、，,") + 1
                q = replace(q, start=max(q.start, part))
        out.append(q)
    return out


KEPT_FIGURE = (
    "。句中“{}”是上级方案的数值，不是本县目标值：删去时一并删去，改为本县表述时请改为本县数值"
)
