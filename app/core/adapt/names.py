"""The names pass: the parent's own institutions, programmes, brands and pilots are not the county's.

A province's plan names things of its own: "组建省碳中和研究中心", "实施“双千计划”",
"打造“桂字号”农业品牌", "指导建龙钢铁集团制定…", "开展“绿盾2021”专项行动". Taken up
for a county they read as the county's own, and no list can hold every province's
names. What finds them (measured on a hand-labelled set, docs/notes/names.md):

- a quoted term “…” or a proper name before a name's last word (研究中心, 集团,
  计划, 品牌, 示范区 …, resources/adapt/names.json) — the candidates;
- how widely the published plans use it (resources/adapt/name_spread.json, made by
  tools/build_name_spread.py from the corpus): a term that another province's documents
  or national documents also use is common policy language ("“双碳”", "“三线一单”",
  "燃煤自备电厂"), not the parent's name, and is not asked.

One question per sentence: a sentence naming three of the parent's programmes is one
thing for the county to decide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.adapt.level_words import in_book_title
from app.core.adapt.powers import sentence_start
from app.core.draft.adaptation import Suggestion
from app.core.text.places import gazetteer, is_han

MESSAGE = "上级方案自己的机构、计划、品牌或试点名称：本县不能照搬。请删去、改为本县参与的表述，或在本县确实参与时保留"
NATIONAL = "全国"
"""The spread's key for national documents (no province)."""

Span = tuple[int, int]


@dataclass(frozen=True)
class NameRules:
    quote_min: int
    quote_max: int
    slogan_item_max: int
    own_prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    programme: frozenset[str]
    suffix_generic: re.Pattern[str]
    generic: frozenset[str]
    stops: tuple[str, ...]
    abbreviations: dict[str, str]
    pairs_min: int


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    from app.core.adapt.places import place_rules

    data = json.loads(paths.resource("adapt", "names.json").read_text(encoding="utf-8"))

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return NameRules(
        data["quote_min"],
        data["quote_max"],
        data["slogan_item_max"],
        re.compile(data["own_prefix"]),
        re.compile(
            f"(?:{alternatives(data['suffixes'] + data['programme_suffixes'])})"
            f"(?!{alternatives(data['not_followed_by'])})"
        ),
        frozenset(data["programme_suffixes"]),
        re.compile(f"(?:{alternatives(data['suffix_generic'])})+"),
        frozenset(data["generic"]),
        tuple(sorted({*place_rules().stops, *data["stops"]}, key=len, reverse=True)),
        data["province_abbreviations"],
        data["common_pairs_min"],
    )


@lru_cache(maxsize=1)
def _spread_data() -> dict:
    return json.loads(paths.resource("adapt", "name_spread.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def name_spread() -> dict[str, frozenset[str]]:
    """Term → the provinces (and 全国) whose published documents use it."""
    return {term: frozenset(where) for term, where in _spread_data()["terms"].items()}


@lru_cache(maxsize=1)
def common_pairs() -> frozenset[str]:
    """Pairs of characters the documents of many provinces use: the stuff of common words."""
    least = name_rules().pairs_min
    return frozenset(pair for pair, count in _spread_data()["pairs"].items() if count >= least)


def quoted(text: str) -> list[Span]:
    """“…” terms of a name's length (not whole quoted sentences, nor slogans of principles)."""
    rules = name_rules()
    out: list[Span] = []
    for m in re.finditer(r"“([^“”\n]*)”", text):
        inner = m.group(1).strip()
        items = re.split("[、，,]", inner)
        if len(items) > 1 and all(len(item) <= rules.slogan_item_max for item in items):
            continue  # “谁生产、谁提供、谁负责”: principles, not a name
        if rules.quote_min <= len(inner) <= rules.quote_max and not in_book_title(text, m.start()):
            out.append((m.start(), m.end()))
    return out


def suffixed(text: str) -> list[Span]:
    """A proper name before a name's last word: 省碳中和研究中心, 建龙钢铁集团, “桂字号”农业品牌."""
    rules = name_rules()
    out: list[Span] = []
    for m in rules.suffix.finditer(text):
        if in_book_title(text, m.start()):
            continue
        start = m.start()
        while (
            start > 0
            and m.start() - start < 12
            and (is_han(text[start - 1]) or text[start - 1] in "“”")
        ):
            start -= 1
        head = text[start : m.start()]
        cut = _after_stops(head, rules.stops)
        head = head[cut:]
        start += cut
        if head.startswith("”"):
            head, start = head[1:], start + 1
        if len(head) < 2:
            continue
        own = rules.own_prefix.match(head)
        bare = head[own.end() :] if own else head
        generic = not bare.strip("“”") or rules.suffix_generic.fullmatch(re.sub("[“”]", "", bare))
        if generic and not own:
            continue  # 科研基地, 技术中心: kinds of things, not names
        if m.group() in rules.programme and not (own or "”" in head or gazetteer().find(head)):
            continue  # 新能源惠民工程: a programme is a name where the parent marks it one
        out.append((start, m.end()))
    return _longest_first(out)


def _after_stops(words: str, stops: tuple[str, ...]) -> int:
    cut = 0
    for stop in stops:
        at = words.rfind(stop)
        if at >= 0:
            cut = max(cut, at + len(stop))
    return cut


def _longest_first(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def term_of(text: str, span: Span) -> str:
    """The words of a candidate as the corpus spells them: no quotes, no spaces."""
    return re.sub(r"[\s“”]", "", text[span[0] : span[1]])


def is_common(term: str, province: str, *, loose: bool = False) -> bool:
    """Common policy language: listed as generic, used by another province's or by national
    documents, or made only of common pairs of characters — unless it names the parent.

    loose: made of common words, each character inside some common pair (特高压 外送 通道:
    the pairs across two words, 压外, do not count) — for rivers, corridors and kinds of
    things, where a description must not pass for a name; names measured better strict."""
    rules = name_rules()
    if term in rules.generic:
        return True
    if names_parent(term, province) or re.search(r"20\d\d", term):
        return False  # the parent's own, or a campaign of one year (“绿盾2021”)
    where = name_spread().get(term)
    if where and any(p != province for p in where):
        return True
    if loose:
        return in_common_words(term)
    pairs = common_pairs()
    found = [
        run[k : k + 2] for run in re.findall(r"[\u4e00-\u9fff]+", term) for k in range(len(run) - 1)
    ]
    return bool(found) and all(pair in pairs for pair in found)


def in_common_words(term: str) -> bool:
    """Is every character of the term inside a pair of characters many provinces use? Then it is
    common words put together (特高压 外送 通道, 科研 基地), not a name: a name holds a pair
    nobody else writes (建龙, 罗霄, 入赣, 一干七支's 干七)."""
    pairs = common_pairs()
    runs = re.findall(r"[\u4e00-\u9fff]+", term)
    if not any(len(run) >= 2 for run in runs):
        return False
    for run in runs:
        covered = [False] * len(run)
        for k in range(len(run) - 1):
            if run[k : k + 2] in pairs:
                covered[k] = covered[k + 1] = True
        if not all(covered):
            return False
    return True


def names_parent(term: str, province: str) -> bool:
    """Does the term name the parent: its level word first (省碳中和研究中心), its province or a
    place in it (“美丽广西”, 陕西环保集团), or the province's abbreviation (“桂字号”, “黔药”)?"""
    rules = name_rules()
    if rules.own_prefix.match(term):
        return True
    if any(ch in term for ch in rules.abbreviations.get(province, "")):
        return True
    gaz = gazetteer()
    return any(
        (gaz.division(place.divisions[0].code[:2]) or place.divisions[0]).short == province
        for place in gaz.find(term)
    )


Method = Callable[[str], list[Span]]
METHODS: dict[str, Method] = {"quotes": quoted, "suffixes": suffixed}


def own_names(
    text: str, province: str, methods: tuple[str, ...] = ("quotes", "suffixes")
) -> list[Span]:
    """The parent's own names in text: candidates of the methods not in common use."""
    spans = _longest_first([s for name in methods for s in METHODS[name](text)])
    return [s for s in spans if not is_common(term_of(text, s), province)]


def name_questions(
    text: str, context: PassContext, taken: list[Span] | None = None
) -> list[Question]:
    """One question for each sentence naming the parent's own institutions or programmes
    (leaving out the words in taken: another pass asks about them)."""
    if context.level not in ("region", "province", "city"):
        return []
    keep = Suggestion(label="保留")
    return [
        Question(
            start,
            end,
            "place",
            MESSAGE,
            (Suggestion(label="删去", replacement=""), keep) if single else (keep,),
        )
        for start, end, single in per_sentence(
            text, free(own_names(text, context.county.region_short), taken or [])
        )
    ]


def free(spans: list[Span], taken: list[Span]) -> list[Span]:
    """The spans no taken span overlaps."""
    return [(s, e) for s, e in spans if not any(s < te and ts < e for ts, te in taken)]


def per_sentence(text: str, spans: list[Span]) -> list[tuple[int, int, bool]]:
    """The spans of each sentence as one: from the first to the last, and whether it is one
    span only (删去 then takes those words, not the words between two names)."""
    by_sentence: dict[int, list[Span]] = {}
    for span in sorted(set(spans)):
        by_sentence.setdefault(sentence_start(text, span[0]), []).append(span)
    return [
        (min(s for s, _e in group), max(e for _s, e in group), len(_longest_first(group)) == 1)
        for group in by_sentence.values()
    ]
