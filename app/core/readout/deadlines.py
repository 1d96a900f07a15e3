"""Deadlines already past when the draft is written: "到2024年", "2023年底前".

A parent of 2022 sets its milestones for 2023 and 2024; the county's draft, written later,
would print them as its own plans for a time already gone. Which years are past depends on
the draft's date (its 成稿年月, else today), so the question is made when the draft is read
(export, `check`, the editor), never stored: changing the date changes what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from app.core.draft.adaptation import OpenQuestion
from app.core.draft.model import Draft, Node

_BEFORE = r"(?:前|以前|之前)(?![一二三四五六七八九十两半])"
DEADLINE = re.compile(
    rf"(?:(?<![截])(?:到|至)\s*(?P<y1>20\d\d)\s*年(?:底|末)?(?:{_BEFORE})?"
    rf"|(?<![较比与自从和—\-~～至到])(?P<y2>20\d\d)\s*年(?:底|末)?{_BEFORE})"
    r"(?![\d月—\-~～以的])"
)
"""到2024年, 至2023年底, 2023年底前, 2024年前; not a base year (较2020年), a range's start
(2021—2025年), a date (2021年10月), 2020年以来, the first months of a year (2024年前三季度), nor a
state of things (截至2022年底, 2022年底全县…: what was, not what is to be done)."""
MESSAGE = (
    "时限已过：本稿成稿于{now}年，“{words}”已是过去的时间。"
    "请改为本县今后的时限，已完成的写明完成情况，或删去"
)
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")


def draft_year(draft: Draft, today: date | None = None) -> int:
    """The year the draft is written: its 成稿年月 (meta.date), else today's."""
    if draft.meta.date:
        return int(draft.meta.date[:4])
    return (today or date.today()).year


def past_deadlines(text: str, now: int) -> Iterator[str]:
    """The first past deadline of each sentence of the text, as it is written there."""
    for sentence in _SENTENCE.finditer(text):
        for m in DEADLINE.finditer(sentence.group()):
            if int(m.group("y1") or m.group("y2")) < now:
                yield m.group()
                break


def deadline_questions(node: Node, now: int) -> Iterator[OpenQuestion]:
    """A question for each sentence of the node that names a deadline before the draft's year."""
    for index, paragraph in enumerate(node.paragraphs):
        for words in past_deadlines(paragraph, now):
            yield OpenQuestion(
                kind="deadline",
                quote=words,
                where="paragraph",
                index=index,
                message=MESSAGE.format(now=now, words=words),
            )
