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
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "frozen_set_type": "应为列表",
    "string_unicode": "应为文字",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "none_required": "应为空",
    "enum": "取值不在允许的范围内",
    "union_tag_invalid": "类型不对",
    "recursion_loop": "内容循环引用",
    "date_parsing": "应为日期",
    "date_type": "应为日期",
    "datetime_parsing": "应为日期时间",
    "frozen_instance": "不能修改",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "不能小于"),
    "less_than_equal": ("le", "不能大于"),
    "greater_than": ("gt", "应大于"),
    "less_than": ("lt", "应小于"),
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
        elif kind in _BOUNDS:
            key, words = _BOUNDS[kind]
            reason = f"数值超出范围（{words} {ctx.get(key, '')}）"
        elif kind in ("too_long", "string_too_long"):
            reason = f"过长（最多 {ctx.get('max_length', '')}）"
        elif kind == "json_invalid":
            reason = "不是有效的 JSON"
        else:
            # pydantic's own words are English: never shown, the kind says enough to a support desk
            reason = _MESSAGES.get(kind, f"内容不符合要求（{kind}）")
        lines.append(f"{_path(item.get('loc', ()))}：{reason}")
    return lines
