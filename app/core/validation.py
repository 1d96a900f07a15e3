"""Pydantic's validation errors as Chinese lines with the field path.

A damaged plan or draft file must say where it is damaged: "sections.2.children.0.level：
应为 1 到 4 之间的整数", not a Python traceback.
"""

from __future__ import annotations

from pydantic import ValidationError

_MESSAGES = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的多余项",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "bool_type": "应为 true 或 false",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不对",
    "json_invalid": "不是有效的 JSON",
    "model_attributes_type": "应为对象",
}


def _path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "（整个文件）"


def describe_validation_error(error: ValidationError) -> list[str]:
    """One line per problem: field path, then the reason in Chinese."""
    lines: list[str] = []
    for item in error.errors(include_url=False):
        kind = item.get("type", "")
        ctx = item.get("ctx") or {}
        if kind == "value_error":
            reason = str(ctx.get("error", item.get("msg", "")))
        elif kind == "literal_error":
            reason = f"取值应为 {ctx.get('expected', '')}"
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            reason = f"数值超出范围（{item.get('msg', '')}）"
        elif kind == "json_invalid":
            reason = f"不是有效的 JSON（{ctx.get('error', '')}）"
        else:
            reason = _MESSAGES.get(kind, item.get("msg", kind))
        lines.append(f"{_path(item.get('loc', ()))}：{reason}")
    return lines
