"""Which government's plan this is: its level, issuer and, for a joint plan, its governments.

The evidence, strongest first: the issuing notice's document number
(国发 → national, 沪府发/赣府发/渝府办发 → a province, 石政发/成府发 → a city),
the government named by the issuer or at the start of the title (上饶市人民政府,
成都市…方案, 宁夏回族自治区…), a zone's words (基地, 园区, 开发区); then, weaker,
the level words of the text (全省, 全市, 本市) and the prefixes of its
responsibility clauses (省发展改革委, 市经信局). 北京, 上海, 天津 and 重庆 are
province-level cities: their plans are "province", their districts counties,
and their units are written with 市. A plan of two governments (两省市, 成渝)
is joint: both are kept. When only weak evidence is found, or none, the
result says so, so that the caller can ask rather than assume.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from app.core.text.places import Division, gazetteer
from app.core.text.rules import level_words
from app.importer.blocks import ImportNote

_PROVINCE_ABBREVIATIONS = {
    **dict.fromkeys("京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青", "province"),
    **dict.fromkeys("蒙桂藏宁新", "region"),
}
_DOC_NUMBER = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=文件))(?P<org>[\u4e00-\u9fff]{1,6}?)(?:政|府|委|厅)?(?:办|办公厅)?(?:发|函|字|规|文)"
    r"\s*[〔\[［(（]\s*(?P<year>20\d\d)\s*[〕\]］)）]\s*\d+\s*号"
)
_ZONE_WORDS = ("基地", "园区", "开发区", "高新区", "示范区", "经开区", "新区")
_NATIONAL_ISSUERS = ("国务院", "国家", "中共中央", "中央", "生态环境部", "工业和信息化部")
_MINISTRY = re.compile(
    r"^(?:农业农村|住房和城乡建设|住房城乡建设|教育|财政|科技|科学技术|自然资源|交通运输|商务"
    r"|水利|民政|人力资源社会保障|人力资源和社会保障|文化和旅游|应急管理|司法|公安|外交)部"
    r"|^(?:中国人民银行|国务院国资委|市场监管总局|银保监会|中国银保监会|证监会|中国证监会)"
    r"(?![\u4e00-\u9fff]{0,8}(?:分行|支行|局))"
)
"""A national ministry opening an issuer or title: 农业农村部, 住房和城乡建设部等15部门, 教育部."""
_JOINT_WORDS = ("两省市", "两省区", "两省")


@dataclass
class LevelGuess:
    """The level found, the words it rests on, and whether they suffice."""

    level: str | None = None
    evidence: str = ""
    certain: bool = False
    place: Division | None = None
    governments: list[str] = field(default_factory=list)

    @property
    def home_prefix(self) -> str | None:
        """The prefix of the plan's own units: 市 for a province-level city (上海市发展改革委)."""
        if self.place is not None and self.place.level == "province":
            return "市" if self.place.name.endswith("市") else None
        return None


def _level_of(division: Division) -> str:
    if division.level == "province":
        return "region" if division.name.endswith("自治区") else "province"
    return division.level


def level_of_document_number(text: str) -> tuple[str, str] | None:
    """(level, number) from an issuing number such as 沪府发〔2022〕7号 or 国发〔2021〕23号."""
    for m in _DOC_NUMBER.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if "》" in before or "（" in before[-1:]:
            continue  # a cited document, not this one
        org = m.group("org")
        number = re.sub(r"\s+", "", m.group(0))
        if org.startswith("国") or org in ("中", "中办", "厅字"):
            return "national", number
        if len(org) == 1 and org in _PROVINCE_ABBREVIATIONS:
            return _PROVINCE_ABBREVIATIONS[org], number
        return "city", number
    return None


def leading_place(text: str) -> Division | None:
    """The division a name starts with: 上饶市人民政府 → 上饶市, 宁夏回族自治区… → 宁夏."""
    text = re.sub(r"^(?:中共|中国共产党)", "", re.sub(r"\s+", "", text))
    found = gazetteer().find(text)
    if not found or found[0].start != 0:
        return None
    divisions = found[0].divisions
    return divisions[0] if len(divisions) == 1 else None


def guess_plan_level(*, title: str, issuer: str, front: list[str], body: list[str]) -> LevelGuess:
    """The plan's level from everything that tells it, strongest evidence first."""
    guess = LevelGuess()
    text = "\n".join(body)
    number = level_of_document_number("\n".join(front))
    for name, source in ((issuer, "发文机关"), (title, "标题")):
        if not name:
            continue
        if (
            name.startswith(_NATIONAL_ISSUERS) or _MINISTRY.match(re.sub(r"\s+", "", name))
        ) and not leading_place(name):
            return LevelGuess("national", f"{source}“{name}”", True)
        if _names_a_zone(name):
            return LevelGuess("zone", f"{source}“{name}”", True)
        place = leading_place(name)
        two = _opening_governments(name)
        if len(two) >= 2:  # 重庆市、四川省关于…: a joint plan names its governments first
            guess.governments = two
            guess.level, guess.certain = "province", True
            guess.evidence = "联合方案：" + "、".join(two)
            return guess
        if place is not None:
            guess.place = place
            guess.level, guess.certain = _level_of(place), True
            guess.evidence = f"{source}中的“{place.name}”"
            if number and number[0] == "national":
                break
            return guess
    national = _national_front(front)
    if national:
        return LevelGuess("national", national, True)
    # A government named by the issuer or the title issues alone; a plan of none may be joint.
    guess.governments = _joint_governments(title, text)
    if guess.governments:
        guess.level, guess.certain = "province", True
        guess.evidence = "联合方案：" + "、".join(guess.governments)
        return guess
    for name, source in ((title, "标题"), (issuer, "发文机关")):
        suffix = _suffix_level(name)
        if suffix and not (number and number[0] == "national"):
            return LevelGuess(suffix, f"{source}“{name}”", True)
    if number is not None:
        guess.level, guess.certain = number[0], True
        guess.evidence = f"文号“{number[1]}”"
        return guess
    if title.startswith("自治区"):
        return LevelGuess("region", "标题中的“自治区”", True)
    return _from_words(guess, text)


_TO_PROVINCES = re.compile(r"各(?:有关)?省[、（(]\s*(?:自治区|区)[、，]\s*(?:直辖市|市)")
"""A notice sent to 各省、自治区、直辖市 (or 各有关省（区、市）) comes from the nation."""


def _national_front(front: list[str]) -> str:
    """The evidence that the front matter is a national body's: its first lines open with a
    national issuer (中共中央办公厅、国务院办公厅印发…, 生态环境部), or it is sent to the
    provinces."""
    for line in [t for t in front if t.strip()][:3]:
        name = re.sub(r"\s+", "", line)
        if (name.startswith(_NATIONAL_ISSUERS) or _MINISTRY.match(name)) and not leading_place(
            name
        ):
            return f"发文机关“{name[:20]}”"
    for line in front[:12]:
        if _TO_PROVINCES.search(line):
            return "主送“各省、自治区、直辖市”"
    return ""


_UNIT_PREFIX = re.compile(
    r"(?:责任单位|牵头单位)[：:]\s*(自治区|省|市|县)|[（(［](自治区|省|市|县)(?!场|政)[^（）()、]{1,14}[局厅委办]、"
)
_PREFIX_LEVEL = {"自治区": "region", "省": "province", "市": "city", "县": "county"}


def _from_words(guess: LevelGuess, text: str) -> LevelGuess:
    """Weak evidence: the level words of the text and the prefixes of its clauses' units."""
    counts: Counter[str] = Counter()
    words = level_words().by_level
    for word, level in words:
        counts[level] += text.count(word)
    for m in _UNIT_PREFIX.finditer(text):
        counts[_PREFIX_LEVEL[m.group(1) or m.group(2)]] += 1
    if "自治区" not in text and counts["region"]:
        counts["county"] += counts.pop("region")  # 全区 of a district, not of a region
    if any(n for level, n in counts.items() if level != "national"):
        counts.pop("national", None)  # a plan below the nation also speaks of 全国
    best = [(level, n) for level, n in counts.most_common() if n]
    if not best:
        return guess
    guess.level = best[0][0]
    found = [w for w, level in words if level == guess.level and w in text]
    guess.evidence = "正文用语“" + "、".join(found[:3]) + "”" if found else "责任单位的前缀"
    return guess


def _suffix_level(name: str) -> str | None:
    """The level a place the gazetteer does not know names by its ending: 某市碳达峰… → city."""
    place = re.split(r"碳达峰|关于|碳中和|“双碳”|人民政府|发展和改革|发展改革", name)[0]
    if not place or len(place) > 10:
        return None
    if place.endswith("自治区"):
        return "region"
    if place.endswith(("县", "旗", "区")):
        return "county"
    if place.endswith(("市", "州", "盟")):
        return "city"
    if place.endswith("省"):
        return "province"
    return None


def _names_a_zone(name: str) -> bool:
    """基地, 园区, 开发区 … before 碳达峰 or 关于, other than in a division's name (浦东新区)."""
    head = re.split(r"碳达峰|关于|印发", name)[0]
    for place in gazetteer().find(head):
        if not place.short:
            head = head.replace(place.text, "")
    return any(w in head for w in _ZONE_WORDS)


def _opening_governments(name: str) -> list[str]:
    """The province-level governments a title or issuer opens with, one after another
    (重庆市、四川省…, 重庆市 四川省…): two or more make a joint plan."""
    text = re.sub(r"\s+", "、", name.strip())
    names: list[str] = []
    position = 0
    for place in gazetteer().find(text):
        if place.start != position:
            break
        province = next((d for d in place.divisions if d.level == "province"), None)
        if province is None:
            break
        names.append(province.name)
        position = place.end
        while position < len(text) and text[position] in "、，和与及":
            position += 1
    return names


def _joint_governments(title: str, text: str) -> list[str]:
    """The governments of a joint plan (两省市, 成渝), named at the start of the title or text."""
    head = title + "\n" + text[:400]
    if not any(w in head for w in _JOINT_WORDS):
        return []
    names: list[str] = []
    for place in gazetteer().find(head):
        for division in place.divisions:
            if division.level == "province" and division.name not in names:
                names.append(division.name)
    return names if len(names) >= 2 else []


def level_notes(guess: LevelGuess) -> list[ImportNote]:
    """What the level rests on, when it is not certain: the user is asked to confirm."""
    from app.core.plans.model import LEVEL_NAMES

    if guess.level is None:
        return [
            ImportNote(
                None,
                "无法判断方案层级（标题、发文机关、文号和正文用语都没有说明），暂按县级读取，"
                "请确认层级（命令行用 --level 指定）",
            )
        ]
    if not guess.certain:
        name = LEVEL_NAMES.get(guess.level, guess.level)
        return [ImportNote(None, f"方案层级依据不足，按{guess.evidence}判断为{name}级，请确认")]
    return []
