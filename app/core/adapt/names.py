"""The names pass: the parent's own institutions, programmes, brands and pilots are not the county's.

A province's plan names things of its own: "组建省碳中和研究中心", "实施“双千计划”",
"打造“桂字号”农业品牌", "指导建龙钢铁集团制定…", "开展“绿盾2021”专项行动". Taken up
for a county they read as the county's own, and no list can hold every province's
names. What finds them (measured on a hand-labelled set, docs/benchmarks.md (the parent's own names)):

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
from app.core.adapt.common_words import (
    Span,
    common_pairs,
    common_words_only,
    county_campaign,
    is_common,
    is_layout,
    literary_name,
    phrase_not_name,
    term_of,
)
from app.core.adapt.exchanges import exchange_serving
from app.core.adapt.level_words import in_book_title
from app.core.adapt.places import place_rules
from app.core.adapt.powers import sentence_start
from app.core.draft.adaptation import Suggestion
from app.core.text.places import gazetteer, is_han

MESSAGE = "上级方案自己的机构、计划、品牌或试点名称：本县不能照搬。请删去、改为本县参与的表述，或在本县确实参与时保留"


@dataclass(frozen=True)
class NameRules:
    quote_min: int
    quote_max: int
    slogan_item_max: int
    own_prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    programme: frozenset[str]
    suffix_generic: re.Pattern[str]
    stops: tuple[str, ...]
    company: re.Pattern[str]
    used_by_county: UsedByCounty


@dataclass(frozen=True)
class UsedByCounty:
    suffixes: tuple[str, ...]
    followed_by: tuple[str, ...]
    gap: int


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    data = json.loads(paths.resource("adapt", "names.json").read_text(encoding="utf-8"))
    finance = data["finance_kinds"]  # kinds of financial firm and fund: no names

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
        re.compile(f"(?:{alternatives(data['suffix_generic'] + finance['words'])})+"),
        tuple(
            sorted({*place_rules().stops, *data["stops"], *finance["stops"]}, key=len, reverse=True)
        ),
        re.compile(f"[\u4e00-\u9fff]{{2}}(?:{alternatives(data['companies']['words'])})"),
        UsedByCounty(
            tuple(data["used_by_county"]["suffixes"]),
            tuple(data["used_by_county"]["followed_by"]),
            data["used_by_county"]["gap"],
        ),
    )


def quoted(text: str) -> list[Span]:
    """“…” terms of a name's length (not whole quoted sentences, nor slogans of principles)."""
    rules = name_rules()
    out: list[Span] = []
    for m in re.finditer(r"“([^“”\n]*)”", text):
        inner = m.group(1).strip()
        items = re.split("[、，,—－+＋]", inner)
        short = all(len(item) <= rules.slogan_item_max for item in items)
        if len(items) > 1 and short and not is_layout(inner):
            continue  # “谁生产、谁提供、谁负责”, “前引导+后支持”: principles, not a name
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
        ending = max((len(w) for w in rules.stops if head.endswith(w)), default=0)
        joins = ("以及", "并且", "或者", "同时")
        if 2 <= ending < len(head) and cut == len(head) and head[-ending:] not in joins:
            # 设立…绿色低碳发展基金: a stop word next to the suffix is the name's own word, where
            # another stop before it shows where the name begins
            cut = _after_stops(head[:-ending], rules.stops) or len(head)
        head = head[cut:]
        start += cut
        if head.startswith("”"):
            head, start = head[1:], start + 1
        start = _word_start(text, start, m.start())
        if start < 0:
            continue
        head = text[start : m.start()]
        if len(head) < 2:
            continue
        own = rules.own_prefix.match(head)
        bare = head[own.end() :] if own else head
        generic = not bare.strip("“”") or rules.suffix_generic.fullmatch(re.sub("[“”]", "", bare))
        if generic and not own:
            continue  # 科研基地, 技术中心: kinds of things, not names
        marked = own or "”" in head or literary_name(head) or gazetteer().find(head)
        if m.group() in rules.programme and not marked:
            continue  # 新能源惠民工程: a programme is a name where the parent marks it one
        out.append((start, m.end()))
    return _longest_first(out)


def companies(text: str) -> list[Span]:
    """A company named by two characters and its trade (龙净环保, 龙马环卫): the two are no
    common words (节能环保, 秸秆环保 are kinds of things)."""
    pairs = common_pairs()
    return [
        (m.start(), m.end())
        for m in name_rules().company.finditer(text)
        if m.group()[:2] not in pairs and not in_book_title(text, m.start())
    ]


def _word_start(text: str, start: int, end: int) -> int:
    """Where a name before end may begin, at start or later, on a word's first character:
    a name inside quotes begins at the opening “ (“人人成园丁、处处成花园”行动, not
    处处成花园”行动); one whose head was cut in the middle of words begins at its quotes
    (国家绿色技术创新“十百千”行动 → “十百千”行动); -1 where there is no such start."""
    head = text[start:end]
    closing, opening = head.find("”"), head.find("“")
    if closing >= 0 and (opening < 0 or closing < opening):
        back = text.rfind("“", max(0, start - 20), start)
        if back < 0 or "”" in text[back:start]:
            return -1
        return back
    if start > 0 and is_han(text[start - 1]) and end - start >= 12:
        return start + opening if opening >= 0 else start
    return start


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


Method = Callable[[str], list[Span]]
METHODS: dict[str, Method] = {"quotes": quoted, "suffixes": suffixed, "companies": companies}


def own_names(
    text: str, province: str, methods: tuple[str, ...] = ("quotes", "suffixes", "companies")
) -> list[Span]:
    """The parent's own names in text: candidates of the methods not in common use."""
    spans = _longest_first([s for name in methods for s in METHODS[name](text)])
    return [
        s
        for s in spans
        if not is_common(term_of(text, s), province)
        and not county_campaign(text, s, province)
        and not phrase_not_name(text, s, province)
        and not used_by_county(text, s)
        and not (
            re.fullmatch("“[^“”]+”", text[s[0] : s[1]])
            and common_words_only(term_of(text, s), province)
        )
    ]


def used_by_county(text: str, span: Span) -> bool:
    """A market of the parent the county's firms go to (到云南省股权交易中心挂牌融资): a place
    the county uses, not a name it copies (resources/adapt/names.json, used_by_county)."""
    rule = name_rules().used_by_county
    words = text[span[0] : span[1]]
    after = text[span[1] : span[1] + rule.gap + 2]
    return words.endswith(rule.suffixes) and any(
        after.find(w) in range(rule.gap + 1) for w in rule.followed_by
    )


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
            named=True,
        )
        for start, end, single in per_sentence(
            text,
            [
                s
                for s in free(own_names(text, context.county.region_short), taken or [])
                if not exchange_serving(text, s[0], context.county)  # 广州碳排放权交易中心
            ],
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
