"""The issuer's sign-off at the end of a plan: not text of its last measure.

A plan printed as a document ends with who issued it and when ("黑龙江省生态环境厅办公室
2021年10月27日", "广东省人民政府 2021年12月3日", "（此件公开发布）", "（新华社北京2021年
10月24日电）", "…办公室 2021年12月31日印发"). Read as body text it became a paragraph of the
last measure, or the end of its last sentence; it is cut off there and named in a note.
"""

from __future__ import annotations

import re

_ISSUER = r"(?:委员会|人民政府|管委会|党工委|办公室|办公厅|文电处|总局|局|厅|委|部|院|处|署|行|会)"
_DATE = r"(?:\d{4}\s*年?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)"
_PUBLIC = r"(?:[（(]此件[^（）()]{0,8}[）)])"
_SIGN_OFF = re.compile(
    rf"^(?:"
    rf"[（(]新华社[^（）()]{{0,20}}电[）)]"  # （新华社北京2021年10月24日电）
    rf"|(?:[^，。；：,;:！？]{{2,120}}?{_ISSUER})?{_DATE}(?:印发)?{_PUBLIC}?"  # issuer and date
    rf"|[^，。；：,;:！？]{{2,120}}?{_ISSUER}"  # issuers alone (the date on a line of its own)
    rf"|{_PUBLIC}"
    rf"|(?:{_DATE})?相关解读[：:].*"  # a web page's links under the text
    rf")$"
)
MAX_SIGN_OFF = 160


def is_sign_off(text: str) -> bool:
    """Is this paragraph (spaces aside) an issuer's name, a date of issue, or both?"""
    compact = re.sub(r"\s+", "", text)
    return 0 < len(compact) <= MAX_SIGN_OFF and bool(_SIGN_OFF.match(compact))


def split_trailing_sign_off(text: str) -> tuple[str, str]:
    """(the sentence text, a sign-off run onto its end) of a last paragraph: "…良好氛围。
    黑龙江省生态环境厅 2021年10月27日" → ("…良好氛围。", "黑龙江省生态环境厅 2021年10月27日")."""
    stop = max(text.rfind("。"), text.rfind("！"), text.rfind("；"))
    if stop == -1 or stop == len(text) - 1:
        return text, ""
    tail = text[stop + 1 :]
    # the tail must carry a date: a name alone after a sentence may be the sentence's own
    if is_sign_off(tail) and re.search(_DATE, re.sub(r"\s+", "", tail)):
        return text[: stop + 1], tail.strip()
    return text, ""
