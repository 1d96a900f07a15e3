"""Target mentions: where a draft's text states an entry of the county target table.

A stored text says "新能源发电总装机容量⟦t3@2025|达到⟧" where the parent said
"新能源发电总装机容量达到100万千瓦以上". The token names the entry (t3), the year
and the words before the number as this sentence writes them; the entry holds
the value, so one indicator reads the same everywhere. Rendering a text turns
each token into the county's words: its value, "确保完成…下达任务", or, for a
dropped target, removes the clause that stated it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.core.draft.model import CountyTarget, Draft, TargetYear
from app.core.text.county import CountyContext
from app.core.text.rules import adapt_rules

TOKEN = re.compile(r"⟦(?P<target>t\d+)@(?P<year>\d{4})\|(?P<lead>[^⟧|]*)⟧")
_SEPARATORS = "，；,;"
_YEAR_ONLY = re.compile(
    r"(?:^|(?<=[。；;]))\s*(?:到|至|在)?\s*(?:20\d\d\s*年(?:前|底|末)?|[“\"]?十[四五六]五[”\"]?(?:时期|期间|末)?)"
    r"[，,]?\s*(?=[。；;]|$)[。；;]?"
)


@dataclass(frozen=True)
class Mention:
    target: str
    year: int
    lead: str
    start: int
    end: int


def make_token(target_id: str, year: int, lead: str) -> str:
    return f"⟦{target_id}@{year}|{lead.replace('⟧', '').replace('|', '')}⟧"


def mentions(text: str) -> Iterator[Mention]:
    for m in TOKEN.finditer(text):
        yield Mention(m.group("target"), int(m.group("year")), m.group("lead"), m.start(), m.end())


def has_mentions(text: str) -> bool:
    return "⟦" in text and TOKEN.search(text) is not None


def assigned_words(year: TargetYear, county: CountyContext) -> str:
    if year.assigned_text:
        return year.assigned_text
    return county.fill(adapt_rules().assigned_text)


BLANK = "【待定】"
"""What an undecided value prints as: a visible blank, never the parent's figure."""


def phrase(
    target: CountyTarget, year: TargetYear | None, lead: str, county: CountyContext
) -> str | None:
    """The words a mention stands for; None when the county dropped the target.

    A value the county has not decided prints as a blank with its unit
    ("达到【待定】%"): the parent's figure is the parent's, and a reviewer who
    read it in the county's draft would take it for the county's commitment.
    """
    if year is None:
        return None
    if year.decision == "dropped":
        return None
    if year.decision == "value" and year.value:
        return f"{lead}{year.value}{target.unit}{year.after}"
    if year.decision == "pending" and year.parent_value:
        return f"{lead}{BLANK}{target.unit}"
    kept = lead if lead in adapt_rules().keep_verbs_when_assigned else ""
    return kept + assigned_words(year, county)


def _drop_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch to cut for a dropped mention: its clause and one separator."""
    left = start
    while left > 0 and text[left - 1] not in _SEPARATORS + "。！？":
        left -= 1
    right = end
    while right < len(text) and text[right] not in _SEPARATORS + "。！？":
        right += 1
    if left > 0 and text[left - 1] in _SEPARATORS:
        return left - 1, right  # "…，X达到⟦⟧" : cut the comma before
    if right < len(text) and text[right] in _SEPARATORS:
        return left, right + 1  # first clause of a sentence: cut the comma after
    return left, right


def _merged(spans) -> list[tuple[int, int]]:
    """Spans of the original text, overlapping ones joined: two dropped mentions in one
    clause cut that clause once (cutting twice used positions of text already gone)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def without_mentions(text: str, target_ids: set[str]) -> str:
    """The stored text with the clauses stating these targets cut out (a separator with each)."""
    spans = [_drop_span(text, m.start, m.end) for m in mentions(text) if m.target in target_ids]
    for start, end in reversed(_merged(spans)):
        text = text[:start] + text[end:]
    return text


class TextRenderer:
    """Renders many texts of one draft: the target table is indexed once, not per text."""

    def __init__(self, draft: Draft, county: CountyContext | None = None) -> None:
        self.county = county or CountyContext(draft.meta.county, draft.meta.city, draft.meta.region)
        self.targets = {t.id: t for t in draft.targets}

    def _resolve(self, target_id: str, year: int, lead: str) -> str | None:
        target = self.targets.get(target_id)
        if target is None:
            return None
        return phrase(target, target.year(year), lead, self.county)

    def __call__(self, text: str) -> str:
        if "⟦" not in text:
            return text
        # Dropped targets first, right to left, so the clauses around them can be cut.
        dropped = [m for m in mentions(text) if self._resolve(m.target, m.year, m.lead) is None]
        for cut_start, cut_end in reversed(
            _merged(_drop_span(text, m.start, m.end) for m in dropped)
        ):
            text = text[:cut_start] + text[cut_end:]
        if dropped:
            text = _YEAR_ONLY.sub("", text)
        return TOKEN.sub(
            lambda m: self._resolve(m.group("target"), int(m.group("year")), m.group("lead")) or "",
            text,
        )


def render(text: str, draft: Draft, county: CountyContext | None = None) -> str:
    """The text as it will print: every mention replaced by the county's words."""
    if "⟦" not in text:
        return text
    return TextRenderer(draft, county)(text)


def plain(text: str) -> str:
    """The text with each token shown as a placeholder, for places without a draft."""
    return TOKEN.sub(lambda m: f"{m.group('lead')}〔{m.group('target')}〕", text)


def editable(text: str, draft: Draft) -> tuple[str, list[str]]:
    """The text as the measure editor shows it: each mention as ⟦its words⟧, plus the tokens.

    The user edits words, never token syntax; stored() puts the tokens back.
    """
    renderer = TextRenderer(draft)
    tokens: list[str] = []

    def show(m: re.Match[str]) -> str:
        tokens.append(m.group(0))
        words = renderer._resolve(m.group("target"), int(m.group("year")), m.group("lead"))
        return f"⟦{words or '（不列此目标）'}⟧"

    return TOKEN.sub(show, text), tokens


SHOWN = re.compile(r"⟦[^⟦⟧]*⟧")
"""A mention as the user edits it: ⟦its words⟧."""


def stored(shown: str, tokens: list[str]) -> str:
    """The edited text with its mentions back: the k-th ⟦…⟧ is the k-th token.

    A ⟦…⟧ the user deleted takes its mention with it; one typed by hand
    beyond the original count stays as plain words.
    """
    index = 0

    def back(m: re.Match[str]) -> str:
        nonlocal index
        if index < len(tokens):
            index += 1
            return tokens[index - 1]
        return m.group(0)[1:-1]

    return SHOWN.sub(back, shown)
