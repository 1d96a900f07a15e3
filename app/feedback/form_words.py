"""What a 反馈意见表 row asks, in words units write: "“不低47%”改为“不低于47%”", "建议删除
“…”", "在“…”后增加“…”", "增加“…”", or a 原文 column with a 修改后 column. The phrases are
the core's (app/core/text/proposed_words.py), shared with a Word comment's proposal."""

from __future__ import annotations

from app.core.text.proposed_words import Change, parse_change

__all__ = ["Change", "parse_change"]
