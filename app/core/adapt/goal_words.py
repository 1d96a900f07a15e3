"""The words of the 主要目标's statements, asked about as the measures' words are.

The county's 主要目标 states each indicator by the name its parent gave it:
"市、县生活垃圾无害化处理率" (the city's rate for itself and its counties),
"入海河流消劣成果巩固提升" (天津's sea-bound rivers, for an inland district). The figure is
the target table's to decide; the name is words, and what the passes ask of it in a
measure (市、县…率, the sea for an inland county …) they ask here too, so the 主要目标
never prints the parent's world as the county's with nothing asking.
"""

from __future__ import annotations

from app.core.adapt.powers import powers
from app.core.adapt.text import adapt_text
from app.core.draft.adaptation import OpenQuestion
from app.core.draft.mentions import mentions
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

_STATEMENT_START = "，。；："
_LEFT_TO_THE_TABLE = ("figure",)
"""The figure of a statement is its token's: the target table decides it."""


def _power_messages() -> frozenset[str]:
    """What the powers pass asks is an action (制定, 建设, 打造 …); an indicator's name is a
    noun, and a count of designations ("省级创新平台【待定】个") is the county's aim to win them."""
    return frozenset(
        message
        for p in powers().powers
        for message in (p.message, *([p.autonomous[1]] if p.autonomous else []))
    )


def statement_words(paragraph: str) -> list[str]:
    """The words of each statement before its target's token ("市、县污水处理率" of
    "…，市、县污水处理率⟦t7@2025|达到⟧，…")."""
    out: list[str] = []
    for m in mentions(paragraph):
        start = max(paragraph.rfind(mark, 0, m.start) for mark in _STATEMENT_START) + 1
        words = paragraph[start : m.start]
        if words and "⟦" not in words:
            out.append(words)
    return out


def goal_questions(
    paragraphs: tuple[str, ...], *, level: str, county: CountyContext, catalogue: Catalogue
) -> tuple[OpenQuestion, ...]:
    """What the passes ask of the statements' words, each on its paragraph: one question per
    statement and kind, as in a sentence; each statement is an indicator of its own.

    A question quotes its whole statement ("市、县污水处理率"), its answers the statement
    reworded: the paragraph says 自治区 in a target's own words too (确保完成自治区…下达任务),
    and a comment marks the first place its quote stands."""
    if not level:
        return ()
    out: list[OpenQuestion] = []
    for index, paragraph in enumerate(paragraphs):
        for words in statement_words(paragraph):
            adapted = adapt_text(words, level=level, county=county, catalogue=catalogue)
            kinds: set[str] = set()
            for q in adapted.questions:
                start = q.start if adapted.text == words else words.find(q.quote)
                if q.kind in _LEFT_TO_THE_TABLE or q.kind in kinds or start < 0:
                    continue  # rewritten words are not what the 主要目标 prints
                if q.message in _power_messages():
                    continue
                kinds.add(q.kind)
                end = start + len(q.quote)
                out.append(
                    OpenQuestion(
                        kind=q.kind,
                        quote=words,
                        where="paragraph",
                        index=index,
                        message=q.message,
                        suggestions=tuple(
                            s
                            if s.replacement is None
                            else s.model_copy(
                                update={"replacement": words[:start] + s.replacement + words[end:]}
                            )
                            for s in q.suggestions
                        ),
                    )
                )
    return tuple(out)
