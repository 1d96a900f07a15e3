"""What a 反馈意见表 row asks, in words units write: "“不低47%”改为“不低于47%”", "建议删除
“…”", "在“…”后增加“…”", "增加“…”", or a 原文 column with a 修改后 column; read into the
original and proposed words 采纳 puts in the text (feedback_table places them)."""

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
