"""Common policy language or a name of the parent's own: one test for the names, places and
geography passes.

A term another province's plans or national documents also use (resources/adapt/
name_spread.json, made by tools/build_name_spread.py from the published corpus), or one
made only of pairs of characters many provinces use, is common usage ("“双碳”", "燃煤自备
电厂", "外送通道"); a term naming the parent (省…, 广西, 桂) is the parent's whatever the
corpus says. The rules are resources/adapt/names.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.text.places import gazetteer, is_han

NATIONAL = "全国"
"""The spread's key for national documents (no province)."""

Span = tuple[int, int]


@dataclass(frozen=True)
class _Commonness:
    generic: frozenset[str]
    own_prefix: re.Pattern[str]
    abbreviations: dict[str, str]
    pairs_min: int
    literary: dict[str, str]
    campaign_after: tuple[str, ...]
    campaign_ending: tuple[str, ...]
    county_words: tuple[str, ...]
    layouts: tuple[re.Pattern[str], ...]
    example_kinds: tuple[str, ...]
    example_gap: int
    phrase_chars: str
    descriptor_endings: tuple[str, ...]
    call_verbs: tuple[str, ...]
    curb_verbs: tuple[str, ...]
    numerals: dict[str, int]


@lru_cache(maxsize=1)
def _rules() -> _Commonness:
    data = json.loads(paths.resource("adapt", "names.json").read_text(encoding="utf-8"))
    places = json.loads(paths.resource("places", "patterns.json").read_text(encoding="utf-8"))
    phrases, layouts = data["phrases"], data["layouts"]
    return _Commonness(
        # the national slogans are listed once, for the places pass's programmes (三改联动)
        frozenset(data["generic"])
        | frozenset(places["programmes"]["national"])
        | frozenset(k for k in data["national_terms"] if not k.startswith("_"))
        | frozenset(data["finance_kinds"]["terms"]),
        re.compile(data["own_prefix"]),
        data["province_abbreviations"],
        data["common_pairs_min"],
        {k: v for k, v in data["province_literary_names"].items() if not k.startswith("_")},
        tuple(data["county_campaigns"]["after"]),
        tuple(data["county_campaigns"]["ending"]),
        tuple(data["county_campaigns"]["county_words"]),
        (re.compile(layouts["numbered"]), re.compile(layouts["directions"])),
        tuple(phrases["example_kinds"]),
        phrases["example_gap"],
        phrases["phrase_chars"],
        tuple(phrases["descriptor_endings"]),
        tuple(phrases["call_verbs"]),
        tuple(phrases["curb_verbs"]),
        phrases["numerals"],
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
    least = _rules().pairs_min
    return frozenset(pair for pair, count in _spread_data()["pairs"].items() if count >= least)


def term_of(text: str, span: Span) -> str:
    """The words of a candidate as the corpus spells them: no quotes, no spaces."""
    return re.sub(r"[\s“”]", "", text[span[0] : span[1]])


def is_common(term: str, province: str) -> bool:
    """Common policy language: listed as generic, used by another province's or by national
    documents, or made only of pairs of characters many provinces use — unless it names the
    parent. A layout of the parent (“一区两带”) is made of common pairs and still its own."""
    rules = _rules()
    if term in rules.generic:
        return True
    if names_parent(term, province) or re.search(r"20\d\d", term):
        return False  # the parent's own, or a campaign of one year (“绿盾2021”)
    where = name_spread().get(term)
    if where and any(p != province for p in where):
        return True
    if is_layout(term):
        return False
    pairs = common_pairs()
    found = [
        run[k : k + 2] for run in re.findall(r"[\u4e00-\u9fff]+", term) for k in range(len(run) - 1)
    ]
    return bool(found) and all(pair in pairs for pair in found)


def county_campaign(text: str, span: Span, province: str) -> bool:
    """A province's campaign, reform or brand each of its counties carries out itself
    (“五美”专项行动, “肥药两制”改革, 打好“三张牌”, “美丽县城”): the county keeps it, so it is
    no name to ask about — unless it names the parent (“气化内蒙古”行动)."""
    rules = _rules()
    words = text[span[0] : span[1]]
    m = _quote_not_naming_parent(words, province, whole=False)
    if m is None:
        return False
    inner = m.group(1)
    following = words[m.end() :] + text[span[1] : span[1] + 4]
    return (
        following.startswith(rules.campaign_after)
        or inner.endswith(rules.campaign_ending)
        or any(w in inner for w in rules.county_words)
    )


def literary_name(words: str) -> bool:
    """Do the words hold a province's classical name (荆楚, 八桂, 齐鲁)?"""
    names = "|".join(_rules().literary.values())
    return bool(names) and re.search(names, words) is not None


def abbreviation_of(province: str) -> str:
    """The province's one-character names (滇, 鄂; 陕秦): the parent's own parts are named by them
    (滇东北, 鄂西)."""
    return _rules().abbreviations.get(province, "")


def names_parent(term: str, province: str) -> bool:
    """Does the term name the parent: its level word first (省碳中和研究中心), its province or a
    place in it (“美丽广西”, 陕西环保集团), or the province's abbreviation (“桂字号”, “黔药”)?"""
    rules = _rules()
    if rules.own_prefix.match(term):
        return True
    if any(ch in term for ch in rules.abbreviations.get(province, "")):
        return True
    literary = rules.literary.get(province)
    if literary and re.search(literary, term):
        return True  # 碳惠荆楚
    gaz = gazetteer()
    return any(
        (gaz.division(place.divisions[0].code[:2]) or place.divisions[0]).short == province
        for place in gaz.find(term)
    )


def common_words_only(term: str, province: str) -> bool:
    """A quoted phrase made of common two-character words end to end (“全科网格” = 全科 网格,
    “一网多源” = 一网 多源), naming no place of the parent: a policy phrase, not a name. The
    all-pairs test of is_common fails on it at the pairs across two words (科网, 网多)."""
    if len(term) < 4 or len(term) % 2 or not all(is_han(ch) for ch in term) or is_layout(term):
        return False
    if names_parent(term, province) or gazetteer().find(term):
        return False
    pairs = common_pairs()
    return all(term[k : k + 2] in pairs for k in range(0, len(term), 2))


def is_layout(term: str) -> bool:
    """A spatial layout of the parent (一区两带, 三屏两带多点, 东联、西进、南向、北拓)?"""
    return any(p.fullmatch(term) for p in _rules().layouts)


def phrase_not_name(text: str, span: Span, province: str) -> bool:
    """Quoted words that are no name (resources/adapt/names.json, phrases): a description or
    metaphor (“耕地中的大熊猫”), a kind or a process (“宜机化”, “兜底式”), a call to act
    (“崇尚集约建房”), a practice the plan curbs (严格管理“两头在外”, 严禁“贴边”、“贴线”开发),
    practices named as examples of a kind (“农区寄养”“牧羊农养”等…模式), or a numbered summary
    of the items listed just before it (产业链、人才链、创新链“三链融合”)."""
    rules = _rules()
    m = _quote_not_naming_parent(text[span[0] : span[1]], province, whole=True)
    if m is None:
        return False
    inner = m.group(1)
    return (
        any(ch in inner for ch in rules.phrase_chars)
        or inner.endswith(rules.descriptor_endings)
        or inner.startswith(rules.call_verbs)
        or _curbed(text, span[0], rules.curb_verbs)
        or _examples_of_a_kind(text, span[1])
        or _numbered_summary(text, span[0], inner)
    )


def _quote_not_naming_parent(words: str, province: str, *, whole: bool) -> re.Match[str] | None:
    """The quotes the words are (whole) or start with, unless what they quote names the
    parent (“气化内蒙古”, “美丽广西”): those are asked whatever else they look like."""
    m = (re.fullmatch if whole else re.match)(r"“([^“”]+)”", words)
    return None if m is None or names_parent(m.group(1), province) else m


def _examples_of_a_kind(text: str, end: int) -> bool:
    """“农区寄养”“牧羊农养”等农牧业综合发展模式: the quotes read together, then 等 and a kind."""
    rules = _rules()
    while (more := re.match(r"[、和]?“[^“”]{1,16}”", text[end:])) is not None:
        end += more.end()
    after = text[end : end + 1 + rules.example_gap]
    return after.startswith("等") and any(k in after for k in rules.example_kinds)


def _numbered_summary(text: str, start: int, inner: str) -> bool:
    """产业链、人才链、创新链“三链融合”: a count first, as many items just before, each sharing a
    word of the summary."""
    count = _rules().numerals.get(inner[0])
    if count is None or count < 2:
        return False
    clause = re.split(r"[，。；：,;:！？\n]", text[: _first_of_quotes(text, start)])[-1]
    items = re.split(r"[、和与及]", clause)
    return len(items) == count and all(set(item) & set(inner[1:]) for item in items)


def _first_of_quotes(text: str, start: int) -> int:
    """Where a run of quotes listed before the one at start begins (“贴边”、“贴线”)."""
    while (less := re.search(r"“[^“”]{1,16}”[、和]?$", text[:start])) is not None:
        start = less.start()
    return start


def _curbed(text: str, start: int, verbs: tuple[str, ...]) -> bool:
    """Do the quotes at start follow a verb of curbing, alone or listed after other quotes
    (严禁“贴边”、“贴线”开发)? What a plan curbs is a kind of bad practice, not a name."""
    return text[: _first_of_quotes(text, start)].endswith(verbs)
