"""Chinese numerals, heading labels (一、（一）1.（1）) and dates (二〇二三年九月)."""

from __future__ import annotations

import re

_DIGITS = "〇一二三四五六七八九"
_VALUES = {ch: i for i, ch in enumerate(_DIGITS)} | {"零": 0, "两": 2}
CHINESE_NUMERAL = "零〇一二三四五六七八九十百两"


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 28 → 二十八, 105 → 一百零五 (as heading labels count)."""
    if n <= 0 or n >= 1000:
        raise ValueError(f"heading number out of range: {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def from_chinese(text: str) -> int | None:
    """The value of a Chinese numeral as labels write it, or None if it is not one."""
    if not text or any(ch not in CHINESE_NUMERAL for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES[ch]
    total += current
    return total or None


def label_for(level: int, number: int) -> str:
    """The canonical label of a heading: 三、 （三） 3. （3）."""
    if level == 1:
        return f"{to_chinese(number)}、"
    if level == 2:
        return f"（{to_chinese(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    raise ValueError(f"no label style for level {level}")


def number_value(level: int, number: str) -> int | None:
    """The integer a label's number stands for (三 → 3, 12 → 12)."""
    if level in (1, 2):
        return from_chinese(number)
    return int(number) if number.isdigit() else None


# Heading label at the start of a line, in every spelling the seeds use.
LABEL_PATTERNS: dict[int, re.Pattern[str]] = {
    1: re.compile(r"^(?P<num>[一二三四五六七八九十百]{1,4})\s*[、，,.．]\s*"),
    2: re.compile(r"^[（(]\s*(?P<num>[一二三四五六七八九十百]{1,4})\s*[）)]\s*[、.．]?\s*"),
    3: re.compile(r"^(?P<num>\d{1,2})\s*(?:[.．、](?!\d)|\t)\s*"),
    4: re.compile(r"^[（(]\s*(?P<num>\d{1,2})\s*[）)]\s*[、.．]?\s*"),
}


def parse_label(text: str) -> tuple[int, str, str] | None:
    """(level, number, rest) when the text starts with a heading label."""
    for level in (2, 4, 1, 3):
        m = LABEL_PATTERNS[level].match(text)
        if m:
            return level, m.group("num"), text[m.end() :]
    return None


# ---------------------------------------------------------------- dates

_YEAR_DIGITS = {ch: str(i) for i, ch in enumerate(_DIGITS)} | {"零": "0", "○": "0", "O": "0"}


def chinese_month(year: int, month: int) -> str:
    """2023, 9 → 二〇二三年九月, as a cover writes the date."""
    digits = "".join(_DIGITS[int(d)] for d in str(year))
    return f"{digits}年{to_chinese(month)}月"


_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?"
)
_NUM_DATE = re.compile(
    r"(20\d\d|19\d\d)\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(?:(\d{1,2})\s*日?)?)?"
)


def parse_date(text: str) -> str | None:
    """ISO form ("2023-09" or "2023-11-01") of the first date written in the text."""
    m = _CN_DATE.search(text)
    if m:
        year = "".join(_YEAR_DIGITS[ch] for ch in m.group(1))
        month = from_chinese(m.group(2))
        if month and 1 <= month <= 12:
            day = from_chinese(m.group(3)) if m.group(3) else None
            return f"{year}-{month:02d}" + (f"-{day:02d}" if day and day <= 31 else "")
    m = _NUM_DATE.search(text)
    if m:
        month = int(m.group(2))
        if 1 <= month <= 12:
            day = int(m.group(3)) if m.group(3) else None
            return f"{m.group(1)}-{month:02d}" + (f"-{day:02d}" if day and 1 <= day <= 31 else "")
    return None
