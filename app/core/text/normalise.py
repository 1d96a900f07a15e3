"""Text normalisation shared by the importer and the drafts.

Published plans reach us through PDF-to-text and web copies: half-width
punctuation next to Chinese, stray spaces around digits, non-breaking spaces.
These helpers bring such text to the form a county office would type, without
touching numbers ("1.2", "2-3", "300克/千瓦时") or Latin words ("LNG 液化气站").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Ideographs and the CJK punctuation blocks: what counts as "Chinese context".
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019"
_CJK_CHAR = re.compile(f"[{_CJK}]")

SENTENCE_ENDINGS = "。！？；…"
CLOSERS = "”’）」』】》"


def is_cjk(ch: str) -> bool:
    """True for an ideograph or a full-width/CJK punctuation mark."""
    return bool(ch) and bool(_CJK_CHAR.match(ch))


def has_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_NUMBER_END = re.compile(r"(?:^|[^A-Za-z0-9.])[0-9][0-9.]*[%‰]?$")


def _joins(left: str, right: str) -> bool:
    """Is the space between these two words a copy artefact inside Chinese text?"""
    a, b = left[-1], right[0]
    if is_cjk(a) and (is_cjk(b) or b.isdigit()):
        return True
    # "2025 年", "75% 节能" — but not "CO2 捕集" or "5G 基站".
    return is_cjk(b) and bool(_NUMBER_END.search(left))


def squeeze_spaces(text: str) -> str:
    """Drop spaces between Chinese characters and between Chinese and numbers.

    "到 2025 年" becomes "到2025年"; "LNG 液化气站" and "CO2 捕集" keep their
    space, as Chinese typesetting does around Latin words.
    """
    words = _SPACES.split(text.strip())
    if len(words) <= 1:
        return words[0] if words else ""
    out = [words[0]]
    for word in words[1:]:
        if not word:
            continue
        out.append(word if out[-1] and _joins(out[-1], word) else " " + word)
    return "".join(out)


def _fold_paren_groups(text: str) -> str:
    """Turn ( ) into （ ） where the group or its neighbour is Chinese."""
    out = list(text)
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            start = stack.pop()
            inner = text[start + 1 : i]
            before = text[start - 1] if start > 0 else ""
            if has_cjk(inner) or is_cjk(before) or not inner.strip():
                out[start] = "（"
                out[i] = "）"
    # Unbalanced half-width parentheses next to Chinese (split clauses) fold too.
    for i, ch in enumerate(out):
        if ch in "()":
            prev = out[i - 1] if i > 0 else ""
            nxt = out[i + 1] if i + 1 < len(out) else ""
            if is_cjk(prev) or is_cjk(nxt) or prev == "" or nxt == "":
                out[i] = "（" if ch == "(" else "）"
    return "".join(out)


_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")
_COLON = re.compile(r"(?<![0-9]):|:(?![0-9])")


def fold_punctuation(text: str) -> str:
    """Half-width , ; : ( ) in Chinese text become their full-width forms.

    Digits keep theirs: "1,000" and "17:43" stay as they are.
    """
    if not has_cjk(text):
        return text
    text = _COMMA.sub("，", text)
    text = text.replace(";", "；")
    text = _COLON.sub("：", text)
    text = text.replace("?", "？") if "?" in text and has_cjk(text) else text
    return _fold_paren_groups(text)


_IDEOGRAPH = r"\u3400-\u4dbf\u4e00-\u9fff"
_FULL_STOP = re.compile(
    rf"(?<=[{_IDEOGRAPH}”’）》」』】%‰])[ \t\u00a0]*\.(?=\s|$|[0-9{_IDEOGRAPH}“‘（《「『【])"
)
"""A half-width full stop ending a Chinese sentence ("制定本规划." "…有效管控.２０２０年", "达到
８０％ ."); not a decimal point or a number's dot (1.2, "1.严控"), which have a digit before them."""
_TIGHT_STOP = re.compile(rf"(?<=[{_IDEOGRAPH}”’）》」』】])\.(?=[{_IDEOGRAPH}“‘（《「『【])")
""""落实海洋生态红线制度.组织实施…": a dot between two Chinese words is a full stop in any
document (no contents leader or number is written so)."""
_CIRCLE_ZERO = re.compile(r"(?<=[一二三四五六七八九〇])\s*○\s*(?=[一二三四五六七八九十〇○])")
""""二 ○ 三五年": a circle glyph for the numeral 〇."""
_LABEL_DOT = re.compile(r"^\s*[（(]?[一二三四五六七八九十百零〇]{1,4}[）)]?\.")
""""一.总体要求": a heading's label with a dot, which the outline reads as 一、."""
_DOUBLE_HYPHEN = re.compile(rf"(?:^|(?<=[{_IDEOGRAPH}。，；：]))\s*-{{2}}(?=\s*[{_IDEOGRAPH}“（])")
""""--生态环境质量稳定改善": the dash (——) that opens a 分目标 item, typed as two hyphens."""
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WIDE_NUMBER = re.compile(r"[0-9０-９][０-９．％]|[０-９][0-9.%]|[０-９]")


def fold_text_layer(text: str, *, full_stops: bool = False) -> str:
    """What a PDF's text layer or a web copy writes its own way, in the form the rest of the
    importer reads: 。 for a half-width full stop after Chinese, ！ for !, —— for a leading
    "--", 《》 for «», and Arabic numerals, % and decimal points half-width ("２０２５年" "３４．５％").

    `full_stops`: the document writes its full stops as "." (`writes_full_stops`); in one
    that does not, only a dot between two Chinese words is one: " ." may end a contents
    entry's dot leader ("…新格局 ." then "16").
    Kept out of `fold_punctuation` (and so of `compact`): compared text keeps its own forms.
    """
    if not has_cjk(text):
        return text
    if _WIDE_NUMBER.search(text):
        text = text.translate(_WIDE_DIGITS)
        text = re.sub(r"(?<=[0-9])％", "%", text)
        text = re.sub(r"(?<=[0-9])．(?=[0-9])", ".", text)
    label = _LABEL_DOT.match(text)
    head, rest = (text[: label.end()], text[label.end() :]) if label else ("", text)
    rest = (_FULL_STOP if full_stops else _TIGHT_STOP).sub("。", rest)
    rest = re.sub(rf"(?<=[{_IDEOGRAPH}])!", "！", rest)
    rest = _DOUBLE_HYPHEN.sub(lambda m: m.group().replace("-", "—"), rest)
    rest = rest.replace("«", "《").replace("»", "》")  # a font's guillemets for 《》
    rest = _CIRCLE_ZERO.sub("〇", _CIRCLE_ZERO.sub("〇", rest))  # 二○○五: twice, overlapping
    text = head + rest
    return text


_HALF_MARKS = ",;:()!?.-«»○"
_WIDE_MARKS = "０１２３４５６７８９％．"
_SPACED_NUMBER = re.compile(
    rf"[{_IDEOGRAPH}][ \t\u00a0\u3000]+[0-9]|[0-9%][ \t\u00a0\u3000]+[{_IDEOGRAPH}]"
)


@dataclass
class Folded:
    """How much `normalise_text` changed in a text: for the import's notes."""

    marks: int = 0
    """half-width punctuation made full-width (, ; : ( ) . ! and the like)"""
    digits: int = 0
    """full-width digits, % and decimal points made half-width"""
    spaces: int = 0
    """blanks between a number and Chinese removed ("到 2025 年")"""

    def add(self, before: str, after: str) -> None:
        self.marks += sum(max(0, before.count(c) - after.count(c)) for c in _HALF_MARKS)
        self.digits += sum(max(0, before.count(c) - after.count(c)) for c in _WIDE_MARKS)
        self.spaces += max(
            0, len(_SPACED_NUMBER.findall(before)) - len(_SPACED_NUMBER.findall(after))
        )

    def note(self) -> str:
        """ "" when nothing was changed."""
        parts = []
        if self.marks:
            parts.append(f"{self.marks} 处半角标点（, ; : ( ) . 等）已按中文改为全角")
        if self.digits:
            parts.append(f"{self.digits} 处全角数字、％已改为半角")
        if self.spaces:
            parts.append(f"{self.spaces} 处数字与汉字之间的空格已去除")
        return "文字：" + "，".join(parts) if parts else ""


def writes_full_stops(texts: list[str]) -> bool:
    """Does this document end its Chinese sentences with "." more often than with 。?"""
    dots = sum(len(_FULL_STOP.findall(fold_punctuation(t))) for t in texts)
    return dots > sum(t.count("。") for t in texts)


def normalise_text(text: str, *, full_stops: bool = False) -> str:
    """The normal form of a line of plan text: NFC, folded punctuation, squeezed spaces
    (`full_stops`: see `fold_text_layer`)."""
    text = unicodedata.normalize("NFC", text)
    return squeeze_spaces(fold_text_layer(fold_punctuation(text), full_stops=full_stops))


def ends_sentence(text: str) -> bool:
    """Does this text end a sentence (so the next block starts a new paragraph)?

    A closing quote or parenthesis after the full stop still ends it:
    "……（责任单位：县发改局）" and "……“双碳”。" both do.
    """
    stripped = text.rstrip()
    if not stripped:
        return True
    last = stripped[-1]
    if last in SENTENCE_ENDINGS or last in ".!?":
        return True
    if last in "）)":
        return True
    if last in CLOSERS and len(stripped) > 1:
        return stripped[-2] in SENTENCE_ENDINGS
    return False


def compact(text: str) -> str:
    """Text with every space removed and punctuation folded: for comparing, not for showing."""
    return re.sub(r"\s+", "", fold_punctuation(unicodedata.normalize("NFC", text)))
