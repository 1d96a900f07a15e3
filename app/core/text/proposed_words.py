"""The change a unit asks for in words: "“不低47%”改为“不低于47%”", "建议删除“…”",
"在“…”后增加“…”", "增加“…”" (a 反馈意见表 row), and a Word comment on some words:
"建议改为：…", "建议删除", "建议增加：…". Read into the original and proposed words
采纳 puts in the text (app/feedback/forms.py places a row's; a comment's are its
commented words, ops.adopt_opinion)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_Q = r"[“\"「『‘']([^”\"」』’']+)[”\"」』’']"
_ADD = r"(?:增加|增补|补充|加上|添加|增写|加入)"
_REPLACE = re.compile(rf"(?:将|把)?{_Q}(?:一词|等字|字样|表述)?(?:修改|改|调整|替换|更改)为{_Q}")
_REPLACE_BARE = re.compile(
    r"^(?:建议)?(?:将|把)?(.{1,40}?)(?:修改|改|调整|替换)为(.{1,80}?)[。；;]?$"
)
_DELETE = re.compile(rf"(?:删除|删去|去掉|删掉){_Q}")
_AFTER = re.compile(rf"在{_Q}(?:之后|后面|后)(?:面)?{_ADD}{_Q}")
_BEFORE = re.compile(rf"在{_Q}(?:之前|前面|前){_ADD}{_Q}")
_ADD_ONLY = re.compile(rf"{_ADD}(?:一段|一条|内容)?[:：]?{_Q}")
_DELETE_ALL = re.compile(r"^(?:建议)?(?:删除|删去)(?:此|该|本)(?:句|段|条|内容)")

_HERE = (
    r"(?:此处|此句|该句|本句|这句|这里|这一句|此段|该段|本段|这段|上述内容|该内容|此内容|这部分)?"
)
_END = r"[\s。；;！!]*$"
_COMMENT_REPLACE = re.compile(
    rf"^(?:建议)?(?:将|把)?{_HERE}(?:修改|改|调整|更改|表述)(?:为|成)[:：]?\s*(.+?){_END}", re.S
)
_COMMENT_DELETE = re.compile(rf"^(?:建议)?(?:删除|删去|删掉|去掉){_HERE}{_END}")
_COMMENT_ADD = re.compile(
    rf"^(?:建议)?(?:在)?{_HERE}(?:后面|之后|后)?{_ADD}[:：]\s*(.+?){_END}", re.S
)
_QUOTES = "“”\"「」『』‘’'"


@dataclass(frozen=True)
class Change:
    original: str = ""
    proposed: str = ""
    new_paragraph: bool = False
    """增加“…” with nowhere named: a new paragraph at the end of the measure the row names."""


def parse_change(said: str, original: str = "", proposed: str = "") -> Change:
    """The change a row asks for; Change() when it asks none in words the text can take."""
    said = said.strip()
    if original and proposed:
        return Change(original, proposed)
    quoted = _quoted(said)
    if quoted is not None:
        return quoted
    if original and _DELETE_ALL.search(said):
        return Change(original, "")
    m = _ADD_ONLY.search(said)
    if m:
        return Change("", m.group(1), new_paragraph=True)
    m = _REPLACE_BARE.match(said)
    if m and not re.search(r"[“”\"]", said):
        return Change(m.group(1).strip(), m.group(2).strip())
    if original and proposed == "" and said.startswith(("修改为", "改为")):
        return Change(original, said.split("为", 1)[1].strip('：:“”"。'))
    return Change()


def _quoted(said: str) -> Change | None:
    """A change naming its words in quotes: A改为B, 在A后增加B, 在A前增加B, 删除A."""
    m = _REPLACE.search(said)
    if m:
        return Change(m.group(1), m.group(2))
    m = _AFTER.search(said)
    if m:
        return Change(m.group(1), m.group(1) + m.group(2))
    m = _BEFORE.search(said)
    if m:
        return Change(m.group(1), m.group(2) + m.group(1))
    m = _DELETE.search(said)
    if m:
        return Change(m.group(1), "")
    return None


def comment_change(said: str, commented: str) -> Change | None:
    """The change a Word comment proposes on the words it is attached to (`commented`):
    quoted words anywhere ("建议将“A”改为“B”"), or the commented words themselves
    ("建议改为：B", "建议删除", "建议增加：B" after them). None: the comment asks
    for something without saying the words (建议补充具体指标) — the team writes them."""
    said = said.strip()
    quoted = _quoted(said)
    if quoted is not None:
        return quoted
    commented = commented.strip()
    if not commented:
        return None
    m = _COMMENT_REPLACE.match(said)
    if m:
        words = m.group(1).strip().strip(_QUOTES).strip()
        return Change(commented, words) if words and words != commented else None
    if _COMMENT_DELETE.match(said):
        return Change(commented, "")
    m = _COMMENT_ADD.match(said) or _ADD_ONLY.search(said)
    if m:
        words = m.group(1).strip().strip(_QUOTES).strip()
        return Change(commented, commented + words) if words else None
    m = _REPLACE_BARE.match(said)  # 建议将严控改为严格控制: the words within those commented
    if m and m.group(1).strip() in commented and not re.search(r"[“”\"]", said):
        return Change(m.group(1).strip(), m.group(2).strip())
    return None
