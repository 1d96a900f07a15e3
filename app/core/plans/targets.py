"""Quantitative targets in plan text: "到2025年，…达到100万千瓦以上", "…下降18%".

A target belongs to the year its sentence names ("到2025年", "2030年前",
"“十五五”期间"); base years ("较2020年") are not target years. Besides numbers,
a plan may promise to "完成上级下达任务": that is a target too, of kind
"assigned", with no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.core.plans.model import Target, chapter_role
from app.core.text.rules import adapt_rules, level_words
from app.core.text.unit_lists import split_top_level

_FIVE_YEAR = {"十四五": 2025, "十五五": 2030, "十六五": 2035}

_YEAR = re.compile(
    r"(?P<five>[“\"]?(?P<plan>十四五|十五五|十六五)[”\"]?(?:时期|期间|末)?)"
    r"|(?P<to>(?:到|至|在)?(?:(?<!\s)\s++)?(?P<year>20[2-6]\d)\s*+年(?:前|底|末)?)"
)
"""Blanks before the year are taken from where they start only: tried from every blank of a
long run, the pattern would read the rest of the run each time (quadratic on a line of tabs)."""
_BASE_YEAR_BEFORE = ("较", "比", "与", "相比", "对比", "从", "自", "基于", "以")

_VERB = (
    r"提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|减少到|减少至|增加到|增加至|增长到|"
    r"控制在|稳定在|保持在|维持在|达到|超过|突破|不低于|不高于|不少于|不低|不超过|低于|高于|小于|大于|"
    r"下降|降低|减少|增加|增长|提高|提升|达"
)
_UNIT = (
    r"%|‰|个百分点|百分点|"
    r"(?:(?:万亿|[万亿千百])?(?:千瓦时|千瓦|吨标准?煤|吨|立方米|平方米|平方公里|公里|亩|公顷|辆|台|家|个|座|处|项|"
    r"人|元|户|套|所|条|栋|张|千伏安|伏|GW|MW|kW|km))(?:/(?:千瓦时|年|吨|小时|天))?|"
    r"克(?:标准?煤)?/千瓦时|兆瓦|小时|倍|次"
)
_AFTER = r"以上|左右|以内|以下|及以上|及以下"
_VALUE = re.compile(
    rf"(?P<verb>{_VERB})?(?:(?<!\s)\s++)?(?:(?P<before>力争|确保|约|超过|不低于|不高于)\s*+)?"
    rf"(?P<value>\d+(?:\.\d+)?(?:\s*[-~～—至]\s*\d+(?:\.\d+)?)?)\s*"
    rf"(?P<unit>{_UNIT})?(?P<after>{_AFTER})?"
)
_ASSIGNED = re.compile(
    r"(?:确保|力争)?(?:完成|落实)(?>[^，。；]*?(?:下达|分解))(?>[^，。；]*?(?:目标任务|任务|目标|指标))"
)
"""Atomic groups: the first 下达 after 完成 and the first 任务 after it decide; later ones
could not succeed where they failed, and trying them made the pattern quadratic."""
_MEETS = re.compile(r"达到(?:国家|省|市|自治区)(?:上|级|里)?(?:下达的?)?(?:要求|目标)")
"""“单位国内生产总值二氧化碳排放降低达到省上要求”: in a 主要目标, a task from above too."""
_ASSIGNED_START = re.compile(r"(?:确保|力争)?(?:完成|落实)")
_CLAUSE = re.compile(r"[^，。；]+")


_ADVERBS = re.compile(r"(?:全面|确保|力争|均|全部|总体|并|要)*")
_NAMED_AFTER = re.compile(
    r"(?:下达|分解)(?:的|给[^，。；]{1,6}的)(?P<names>[^，。；]{4,}?)(?:目标任务|任务|目标|指标)$"
)
_REDUCED = re.compile(r"(?:下降|降低|减少)$")
_PER_OUTPUT = re.compile(r"(?:单位|万元)(?:地区|国内)?(?:生产总值|GDP)")


def _assigned_names(indicator: str, goals: bool = False) -> list[str]:
    """The indicators a 下达 promise names: "单位地区生产总值能耗、…二氧化碳排放、非化石能源消费比重"
    are three; in a 主要目标 (stated again name by name), "单位地区生产总值能源消耗和单位地区
    生产总值二氧化碳排放下降" two, both 下降 (in a measure one phrase is one mention: one row)."""
    names = [n.strip() for n in split_top_level(indicator, "、")]
    joined = len(names) < 2 and goals
    if joined:
        names = [n.strip() for n in indicator.split("和")]
    if len(names) < 2 or not all(len(n) >= 4 for n in names):
        return [indicator] if indicator else []
    head = _PER_OUTPUT.match(names[0])
    if joined and head:  # "单位地区生产总值能源消耗和二氧化碳排放": both per unit of output
        names = [names[0]] + [n if _PER_OUTPUT.match(n) else head.group() + n for n in names[1:]]
    reduced = _REDUCED.search(names[-1])
    if reduced and not any(_REDUCED.search(n) for n in names[:-1]):
        names = [n + reduced.group() for n in names[:-1]] + [names[-1]]
    return names


def _assigned(body: str) -> re.Match[str] | None:
    """`_ASSIGNED.search(body)` in linear time: only the first 完成/落实 of each clause is
    tried, since a later one in the same clause cannot match where the first did not."""
    for clause in _CLAUSE.finditer(body):
        start = _ASSIGNED_START.search(body, clause.start(), clause.end())
        if start:
            found = _ASSIGNED.match(body, start.start(), clause.end())
            if found:
                return found
    return None


@dataclass(frozen=True)
class TargetSpan:
    """A target and where its value phrase sits in the paragraph.

    `start:end` covers the words that state the value — "达到100万千瓦以上",
    "下降18%", "确保完成自治区、石嘴山市下达任务" — which is what a county rewrites
    when it sets its own value; the indicator before it stays as written.
    `lead` is the part before the number (verb and words like 力争), `after`
    the qualifier behind the unit (以上, 左右, 以内).
    """

    target: Target
    start: int
    end: int
    lead: str = ""
    after: str = ""


def _sentences(text: str) -> list[tuple[int, str]]:
    return [
        (m.start(), m.group())
        for m in re.finditer(r"[^。！？]*[。！？]?", text)
        if m.group().strip()
    ]


LAST_PAST_YEAR = 2020
"""The plans read are of 2021 and after: a year up to this one, not said as "到2020年" (an older
plan's target), states a fact of the past (现状与形势), which a county must not take as a target."""
PAST = 0
"""The scope of such a year: no targets in it, and no year carried on from it."""


def _year_scopes(sentence: str) -> list[tuple[int | None, int, int]]:
    """The sentence cut at each year phrase: (year spoken of, start, end)."""
    cuts: list[tuple[int, int]] = []
    for m in _YEAR.finditer(sentence):
        if m.group("year"):
            before = sentence[max(0, m.start() - 2) : m.start()]
            if any(before.endswith(word) for word in _BASE_YEAR_BEFORE):
                continue
            after = sentence[m.end() : m.end() + 4]
            if after.startswith(("以来", "的", "相比", "水平", "基础上", "的基础上", "基数")):
                continue
            year = int(m.group("year"))
            if year <= LAST_PAST_YEAR and not m.group("to").startswith(("到", "至")):
                year = PAST  # "2020年全国碳排放总量约100亿吨": what was, not a target
            elif before.endswith("国家"):
                year = PAST  # "对标国家2030年碳强度下降65%目标": the nation's, quoted
            cuts.append((m.start(), year))
        else:
            cuts.append((m.start(), _FIVE_YEAR[m.group("plan")]))
    if not cuts:
        return [(None, 0, len(sentence))]
    scopes: list[tuple[int | None, int, int]] = []
    if cuts[0][0] > 0:
        scopes.append((None, 0, cuts[0][0]))
    for i, (start, year) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(sentence)
        scopes.append((year, start, end))
    # A year phrase right after another ("到2025年，“十四五”末") belongs to the same scope.
    merged: list[tuple[int | None, int, int]] = []
    for year, start, end in scopes:
        if merged and merged[-1][0] is not None:
            _, prev_start, prev_end = merged[-1]
            if len(sentence[prev_start:prev_end].strip("，、 “”")) <= 8:
                merged[-1] = (year, prev_start, end)
                continue
        merged.append((year, start, end))
    return merged


def _clean_scope(text: str) -> tuple[int, str]:
    """The scope without surrounding blanks and end punctuation, and its offset."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    return offset, stripped.rstrip("，；;,。 ")


def _indicator(text: str) -> str:
    text = _YEAR.sub("", text, count=1) if _YEAR.match(text.lstrip("，、 ")) else text
    text = text.strip("，、；：: ")
    text = re.sub(r"^(?:到|至|在)\s*", "", text)
    return text.strip("，、 ")


_ACTION = re.compile(
    r"^(?:争取|力争|累计|新|规划)?(?:创建|建设|建成|培育|打造|开发|完成|实施|推广|新增|建立|发展|推动|认定|形成)"
)
_BOUND_VERBS = (
    "超过",
    "不低于",
    "不高于",
    "不少于",
    "不低",
    "不超过",
    "突破",
    "低于",
    "高于",
    "小于",
    "大于",
)
_GRADED = re.compile(
    r"^\s*(?P<grade>\d+(?:\.\d+)?\s*千伏)(?:、\s*\d+\s*[个座条项处]\s*\d+(?:\.\d+)?\s*千伏)*"
    r"(?P<noun>[\u4e00-\u9fff]{2,16}?)(?=[，。；、]|$)"
)
_WHOLE = re.compile(r"(?:全部|全面|均|都|总体)$")
_SHARE_AFTER = re.compile(r"(?:以上|以下|左右)?的(?P<who>[\u4e00-\u9fff（）]{2,30}?)(?=[，。；]|$)")
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff（）]{2,16}?(?=[，。；、]|[和及与]\s*\d|$)")
"""The things a count names after its number, up to the next count (…100个康养社区和100个康养村落)."""


def _object_name(head: str, after_value: str, unit: str) -> str:
    """The indicator of "争取创建35家绿色工厂" is 绿色工厂, of "建设公共充电桩4000台" 公共充电桩.

    A count names its things after the number; an action before it is not
    the indicator. "新建居住建筑全部达到75%节能要求" is about 新建居住建筑节能要求.
    """
    stripped = _ACTION.sub("", head)
    name = (stripped if len(stripped) >= 2 else "") if _ACTION.match(head) else head
    name = _WHOLE.sub("", name)
    graded = _GRADED.match(after_value)
    if graded and not name:  # "8个500千伏、50个220千伏输变电项目": 500千伏输变电项目
        return re.sub(r"\s+", "", graded.group("grade")) + graded.group("noun")
    share = _SHARE_AFTER.match(after_value)
    if share and not name and unit in ("%", "％"):  # "80%以上的县级及以上党政机关达到…要求"
        return share.group("who") + "的比例"
    noun = _NOUN_AFTER.match(after_value)
    if noun and not name:
        return noun.group()
    if noun and unit in ("%", "％") and not re.search(r"(?:率|比|比重|比例|占比|系数|效率)$", name):
        return name + noun.group()
    return name


_HALF_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


def locate_targets(
    paragraph: str, paragraph_index: int = 0, *, goals: bool = False
) -> list[TargetSpan]:
    """Every target stated in one paragraph, in reading order, with its value span.

    `goals`: the paragraph is a 主要目标 one ("到2025年，…。…。到2030年，…"), where a
    year holds for every sentence up to the next year named.
    """
    spans: list[TargetSpan] = []
    paragraph = paragraph.translate(_HALF_WIDTH)  # 到２０２５年…３４％: one for one, spans hold
    # "到2025年，…取得明显进展。非化石能源消费比重达到8%以上；…": a sentence that names
    # the year but no figure lends it to the next one; after one stating its own
    # figures, a sentence without a year stands alone.
    carried: int | None = None
    for sentence_start, sentence in _sentences(paragraph):
        found_before = len(spans)
        lent, carried = carried, (carried if goals else None)
        for year, scope_start, scope_end in _year_scopes(sentence):
            if year is None and scope_start == 0 and (goals or scope_end == len(sentence)):
                year = lent
            if year == PAST:
                carried = None
                continue
            if year is None:
                continue
            carried = year
            inner, scope_text = _clean_scope(sentence[scope_start:scope_end])
            offset = sentence_start + scope_start + inner
            # "推动具备条件的园区2025年底前全部实施…": the clause the year phrase cuts
            lead_in = re.split(r"[，,；;：]", sentence[:scope_start])[-1]
            for piece in split_top_level(scope_text, "，,；;"):
                spans.extend(
                    _targets_in_piece(
                        piece, year, scope_text, paragraph_index, offset, goals, lead_in
                    )
                )
                offset += len(piece) + 1
                lead_in = ""
        if len(spans) > found_before and not goals:
            carried = None
    return spans


def extract_targets(
    paragraph: str, paragraph_index: int = 0, *, goals: bool = False
) -> list[Target]:
    """Every target stated in one paragraph, in reading order (`goals`: see locate_targets)."""
    return [span.target for span in locate_targets(paragraph, paragraph_index, goals=goals)]


_GOALS_TITLE = re.compile(r"(?:主要|工作|发展|总体|行动|规划|具体|创建|年度)?目标(?:指标|要求)?")
"""The goals section's titles in the corpus: 主要目标 (43 plans), 总体目标, 发展目标, 创建目标, 工作目标,
规划目标, 行动目标, 目标要求, 具体目标, 年度目标, 目标指标 (not 目标导向, a principle)."""


def is_goals_title(title: str) -> bool:
    """二、主要目标, or (二)主要目标 / (三)工作目标 under 总体要求: where a plan sets its indicators."""
    title = title.strip("。．.： ")
    return chapter_role(title) == "goals" or _GOALS_TITLE.fullmatch(title) is not None


def _targets_in_piece(
    piece: str,
    year: int,
    sentence: str,
    paragraph: int,
    offset: int,
    goals: bool = False,
    lead_in: str = "",
) -> list[TargetSpan]:
    found: list[TargetSpan] = []
    lead_blank = len(piece) - len(piece.lstrip())
    year_phrase = _YEAR.match(piece, lead_blank)
    body_start = year_phrase.end() if year_phrase else 0
    body = piece[body_start:]
    base = offset + body_start
    assigned = _assigned(body) or (_MEETS.search(body) if goals else None)
    if assigned:
        indicator = noun_phrase(_indicator(body[: assigned.start()]))
        if goals and _ADVERBS.fullmatch(indicator):
            # "全面完成国家下达的能耗强度下降、碳排放强度下降、主要污染物减排目标任务": in a
            # 主要目标 (stated again name by name); in a measure the names would be lost
            inner = _NAMED_AFTER.search(assigned.group())
            indicator = noun_phrase(inner.group("names")) if inner else ""
        for name in _assigned_names(indicator, goals):
            target = Target(
                indicator=name,
                year=year,
                value=None,
                kind="assigned",
                qualifier="完成上级下达任务",
                text=body.strip("，、 "),
                sentence=sentence,
                paragraph=paragraph,
            )
            found.append(TargetSpan(target, base + assigned.start(), base + assigned.end()))
        return found
    last_indicator = ""
    consumed = 0
    respective = _Respective()
    for m in _VALUE.finditer(body):
        value = m.group("value")
        unit = m.group("unit") or ""
        verb = m.group("verb") or ""
        tail = body[m.end("value") : m.end("value") + 1]
        if tail == "年" or re.fullmatch(r"(?:19|20)\d\d", value):
            continue  # a year, not a value
        if unit in ("千伏", "伏", "千伏安"):
            consumed = m.end()  # a voltage says what is built (500千伏输变电项目), not how much
            continue
        if not unit and not verb:
            continue
        if not unit and verb and tail and re.match(r"[A-Za-z\u4e00-\u9fff]", tail):
            continue  # "达到5G…": a number inside a word
        head = body[consumed : m.start()]
        head, base_year = _base_year(head)
        head, bound = _share_of(_indicator(head))
        adverb = next((w for w in ("力争", "确保") if w in head), "")
        named = noun_phrase(head)
        if named in _CONNECTORS and unit not in ("%", "％", "‰", "个百分点", "百分点"):
            named = ""  # "…康养社区和100个康养村落": a count after 和 names its own things
        indicator = noun_phrase(_object_name(named, body[m.end() :], unit))
        if not indicator or (indicator in _CONNECTORS and last_indicator):
            indicator = respective.next() or last_indicator
        else:
            found = respective.close(found)
            if _RESPECTIVELY.search(head):
                indicator = respective.open(indicator, len(found))
        if not indicator:
            continue
        after = m.group("after") or ""
        before = m.group("before") or ""
        if verb in _BOUND_VERBS:
            before = verb + before
        qualifier = ("" if adverb in before else adverb) + before + bound + after
        target = Target(
            indicator=indicator,
            year=year,
            value=re.sub(r"\s+", "", value),
            unit=unit,
            qualifier=qualifier,
            verb=verb,
            base_year=base_year,
            text=body[max(0, consumed) : m.end()].strip("，、 "),
            sentence=sentence,
            paragraph=paragraph,
        )
        start = m.start()
        while start < m.end() and body[start].isspace():
            start += 1
        found.append(
            TargetSpan(
                target,
                base + start,
                base + m.end(),
                lead=body[start : m.start("value")],
                after=after,
            )
        )
        last_indicator = indicator
        consumed = m.end()
        if body.startswith(indicator, consumed):
            consumed += len(indicator)  # "3条美丽公路、12个绿色机场": the next count names its own
    found = respective.close(found)
    if goals and not found:
        found = _directions(body, year, sentence, paragraph, base)
    if not found:
        found = _qualitative(body, year, sentence, paragraph, base, goals, lead_in)
    return found


_TABLE_YEAR = re.compile(r"(20[2-6]\d)\s*年\s*(?:目标值|目标|规划值)")
_TABLE_ROW = re.compile(
    r"(?:^|(?<=性))\s*\d{1,2}\s*(?P<name>[^（）\d\s][^（）]{1,30}?)\s*（(?P<unit>[^（）]{1,6})）\s*"
    r"(?:（[\d.]+）|—|-|[\d.]+)?\s*(?P<bound>≥|≤|＞|＜|>|<)?\s*(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?:约束性|预期性)"
)
_BOUNDS = {"≥": "以上", ">": "以上", "＞": "以上", "≤": "以下", "<": "以下", "＜": "以下"}


def table_year(paragraph: str) -> int | None:
    """The year a 指标表's head gives its targets: "2020年现状值2025年目标值属性" → 2025."""
    found = _TABLE_YEAR.search(paragraph)
    return int(found.group(1)) if found else None


def table_targets(paragraph: str, year: int, paragraph_index: int = 0) -> list[TargetSpan]:
    """The rows of a 规划's 指标表 as its text layer runs them together ("6新建建筑绿色建筑占比（%）
    —100约束性7…"): name, unit, base value, target value, 约束性/预期性."""
    spans: list[TargetSpan] = []
    for m in _TABLE_ROW.finditer(paragraph):
        name = re.sub(r"\s+", "", m.group("name"))
        verb = next((w for w in ("降低", "下降", "减少") if name.endswith(w)), "")
        name = name[: -len(verb)] if verb else name
        after = _BOUNDS.get(m.group("bound") or "", "")
        target = Target(
            indicator=name,
            year=year,
            value=m.group("value"),
            unit=m.group("unit").strip(),
            qualifier=after,
            verb=verb,
            text=m.group().strip(),
            sentence=m.group().strip(),
            paragraph=paragraph_index,
        )
        lead = verb or "达到"
        spans.append(TargetSpan(target, m.start("value"), m.end("value"), lead=lead, after=after))
    return spans


def _directions(body: str, year: int, sentence: str, paragraph: int, base: int) -> list[TargetSpan]:
    """ "碳排放强度明显降低、碳汇水平持续提升": in a 主要目标, an indicator a county must state set by
    its direction only is a target, the direction its parent value (碳汇水平 is no such one)."""
    rules = adapt_rules()
    directions = "|".join(map(re.escape, rules.directions))
    if not directions:
        return []
    musts = (*rules.direction_indicators, *rules.allocated_indicators)
    found: list[TargetSpan] = []
    for name, how, start, text in _listed_directions(body, directions):
        name = noun_phrase(_indicator(name))
        if not any(word in re.sub(r"\s+", "", name) for word in musts):
            continue
        target = Target(
            indicator=name,
            year=year,
            value=how,
            text=text,
            sentence=sentence,
            paragraph=paragraph,
        )
        found.append(TargetSpan(target, base + start, base + start + len(how)))
    return found


def _listed_directions(body: str, directions: str) -> list[tuple[str, str, int, str]]:
    """(name, direction, where the direction starts, words stated) for each item of a 、 list:
    "非化石能源消费比重、森林覆盖率持续提升" sets both by the one direction after the last
    item — a name standing alone before a directed item shares its direction."""
    found: list[tuple[str, str, int, str]] = []
    waiting: list[re.Match[str]] = []
    for part in re.finditer(r"[^、]+", body):
        m = re.fullmatch(rf"\s*(?P<name>.+?)(?P<how>{directions})\s*", part.group())
        if m is None:
            waiting.append(part)
            continue
        start = part.start() + m.start("how")
        text = body[waiting[0].start() if waiting else part.start() : part.end()].strip()
        for alone in waiting:
            found.append((alone.group(), m.group("how"), start, text))
        found.append((m.group("name"), m.group("how"), start, part.group().strip()))
        waiting = []
    return found


_SYSTEMS = re.compile(r"(?:体系|制度|机制|政策|模式|格局|体制)$")
"""基本建立…体系/制度: a system set up is a task, not an indicator a county states."""
_SETTING = re.compile(r"(?:^|[，、])\s*在[^，。；]{2,40}?(?:中|上|进程里)\s*$")
"""在全面建设社会主义现代化国家新征程中 (走在全国前列): the words before a standing say where it
stands, not what: a vision of the parent's, which a county does not set as an indicator."""
_SUB_LEVELS = re.compile(r"^(?:实现)?(?:各|所有)(?:县|市|区|旗)[^，。；]{0,8}?(?:（[^（）]*）)?")


def _qualitative(
    body: str, year: int, sentence: str, paragraph: int, base: int, goals: bool, lead_in: str = ""
) -> list[TargetSpan]:
    """ "具备条件的省级以上园区全部实施循环化改造", "垃圾分类全覆盖", "数据中心绿色等级普遍达到4A以上":
    a target stated as an action or a standing is an indicator too, its words the parent's
    value (the county's 待定); the indicator is the words around them."""
    for find, stands in adapt_rules().qualitative:
        m = re.search(find, body)
        if m is None:
            continue
        if _SETTING.search(body[: m.start()]):
            return []  # "在…新征程中走在全国前列": a vision in a setting, no indicator named
        before = body[: m.start()].strip().removeprefix("前") or lead_in.strip()  # 年底前
        before = noun_phrase(_indicator(_SUB_LEVELS.sub("", before)))
        before = _ACTION.sub("", before) if len(_ACTION.sub("", before)) >= 2 else before
        before = _SUB_LEVELS.sub("", before)
        after = body[m.end() :].strip("，、。； ")
        if len(after) > 16 or len(before) < 2:
            return []  # not a short clause naming one thing: no indicator to read
        whole = before + stands + after
        if _SYSTEMS.search(whole):
            return []
        # "《…企业和项目…》": a title is one name
        names = _assigned_names(whole, goals) if not after and "《" not in whole else []
        names = names or [whole]
        value = re.sub(r"\s+", "", m.group())
        spans = []
        for name in names:
            target = Target(
                indicator=name,
                year=year,
                value=value,
                text=body.strip("，、 "),
                sentence=sentence,
                paragraph=paragraph,
            )
            spans.append(TargetSpan(target, base + m.start(), base + m.end()))
        return spans
    return []


_RESPECTIVELY = re.compile(r"分别\s*$")
_COMPLETE = re.compile(
    r"(?:率|比重|比例|占比|量|能耗|程度|系数|面积|规模|容量|装机|强度|指数|天数|水平|个数|数量)$"
)


def respective_names(indicator: str) -> list[str]:
    """The indicators a 分别 sentence names, in order: "城市公交车、出租汽车新能源汽车比例"
    (分别达到72%、35%) → 城市公交车新能源汽车比例, 出租汽车新能源汽车比例.

    The words the last item ends with are shared by the items before it unless
    those already name a complete indicator (…覆盖率和统防统治覆盖率).
    """
    # each 、 splits here, even between level words: 市、县污泥无害化处理率 are two rates
    parts = [p for p in split_top_level(indicator.replace("、", "\x00"), "\x00") if p.strip()]
    if len(parts) < 2:
        parts = [p for p in re.split(r"[和及与]", indicator) if p.strip()]
    if len(parts) < 2:
        return [indicator]
    parts = [p.strip() for p in parts]
    last = parts[-1]
    closed = _closed_by_deng(parts)
    if closed:
        return closed
    if all(_COMPLETE.search(p) for p in parts[:-1]):
        return parts
    cut = _shared_from(parts[:-1], last)
    suffix = last[cut:]
    if not cut or len(suffix) < 2:
        return parts
    return [p if _COMPLETE.search(p) else p + suffix for p in parts[:-1]] + [last]


_DENG = re.compile(r"等(?!级|同|量齐|待)")


def _closed_by_deng(parts: list[str]) -> list[str]:
    """A list closed by 等 and its category: "化学需氧量、氨氮、…、挥发性有机物等主要污染物重点工程
    减排量" → 化学需氧量重点工程减排量, …: every member (化学需氧量 too, though it ends in 量) takes
    the shared words from where they start after the category (主要污染物), the category dropped."""
    last = parts[-1]
    deng = _DENG.search(last)
    if deng is None or deng.start() < 2:
        return []
    members = [*parts[:-1], last[: deng.start()]]
    shared = last[deng.end() :]
    starts = [at for w in adapt_rules().shared_suffix_starts if (at := shared.find(w)) >= 0]
    suffix = shared[min(starts) :] if starts else shared
    if len(suffix) < 2:
        return []
    return [member + suffix for member in members]


def _shared_from(items: list[str], last: str) -> int:
    """Where the words the items share begin in the last item: after its own noun, found by
    the end of an item (公交车 → 出租汽车|新能源汽车比例), by a word that starts a shared part
    (煤制甲醇|能效…), else after one character for one-character items (大、中、小|型…) or two."""
    ends = [last.find(item[-1], 1) for item in items]
    ends = [end + 1 for end in ends if 1 <= end <= len(last) - 3]
    if ends:
        return min(ends)
    if min(len(item) for item in items) == 1:
        return 1
    starts = [last.find(word, 2) for word in adapt_rules().shared_suffix_starts]
    starts = [start for start in starts if 2 <= start <= len(last) - 2]
    if starts:
        return min(starts)
    return 2 if len(last) > 4 else 0


class _Respective:
    """A 分别 list being read: its names, and where its values start among the found spans."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.whole = ""
        self.start = 0
        self.taken = 0

    def open(self, indicator: str, start: int) -> str:
        names = respective_names(indicator)
        if len(names) < 2:
            return indicator
        self.names, self.whole, self.start, self.taken = names, indicator, start, 1
        return names[0]

    def next(self) -> str:
        if not self.names or self.taken >= len(self.names):
            return ""
        self.taken += 1
        return self.names[self.taken - 1]

    def close(self, found: list[TargetSpan]) -> list[TargetSpan]:
        """The spans, with the list's own names if it had a value for each, else the whole name."""
        if not self.names:
            return found
        if self.taken != len(self.names) or len(found) - self.start != len(self.names):
            whole = self.whole
            found = found[: self.start] + [
                replace(span, target=span.target.model_copy(update={"indicator": whole}))
                for span in found[self.start :]
            ]
        self.names = []
        return found


_IN_BASE_YEAR = re.compile(
    r"(?:在|较|比|与|相对|相比)\s*(20[0-6]\d)\s*年(?:末|底|度)?(?:的)?(?:基础上|水平上|相比|水平)?"
)
_LEADING = re.compile(
    r"^(?:力争|确保|争取|努力|累计|基本|全面|持续|进一步|逐步|起|要|将|其中|同时|并|实现|"
    + level_words().pattern()
    + ")"
)
_TRAILING = re.compile(
    r"(?:力争|确保|争取|要|将|均|都|全部|累计|分别|基本|总体|持续|稳步|逐步|进一步|并|"
    r"持续(?:降低|下降|提高|提升|减少))$"
)
_INNER = re.compile(r"(?:力争|确保)(?:实现)?")
_CONNECTORS = ("和", "及", "与", "、", "或")


def _base_year(head: str) -> tuple[str, int | None]:
    """ "单位地区生产总值能耗在2020年基础上" → ("单位地区生产总值能耗", 2020)."""
    found = list(_IN_BASE_YEAR.finditer(head))
    if not found:
        return head, None
    match = found[-1]
    if match is None:
        return head, None
    return head[: match.start()] + head[match.end() :], int(match.group(1))


_SHARE = re.compile(
    r"^(?P<what>.+?)(?P<bound>不低于|不少于|不高于|不超过|低于|高于|达到)(?P<of>.{2,}?)的$"
)


def _share_of(head: str) -> tuple[str, str]:
    """ "储能设施容量不低于新能源装机规模的" (10%) → 储能设施容量占新能源装机规模比例, 不低于."""
    head_text = head.strip()
    # Without the final 的 no match is possible; tried anyway, each 不低于 would read to the end.
    match = _SHARE.match(head_text) if head_text.endswith("的") else None
    if match is None:
        return head, ""
    bound = match.group("bound")
    return f"{match.group('what')}占{match.group('of')}比例", "" if bound == "达到" else bound


def noun_phrase(indicator: str) -> str:
    """The thing measured, without the adverbs and verbs around it: 力争…覆盖率 → …覆盖率."""
    text = indicator.strip("，、；： ")
    previous = None
    while text != previous:
        previous = text
        stripped = _LEADING.sub("", text).lstrip("，、 ")
        if len(stripped) >= 2:
            text = stripped
        stripped = _TRAILING.sub("", text).rstrip("，、 ")
        if len(stripped) >= 2:
            text = stripped
    inner = _INNER.sub("", text)
    return inner if len(inner) >= 2 else text


_BASE_YEAR = re.compile(r"(?P<word>较|比|与)(?P<year>20[0-6]\d)年(?:相比)?$")


def split_base_year(indicator: str) -> tuple[str, int | None]:
    """ "单位面积建筑能耗比2020年" → ("单位面积建筑能耗", 2020): the base year is not part of the name."""
    match = _BASE_YEAR.search(indicator.strip())
    if match is None:
        return indicator.strip(), None
    return indicator[: match.start()].strip(), int(match.group("year"))


def target_sentence(
    indicator: str,
    year: int,
    *,
    lead: str = "达到",
    value: str,
    unit: str = "",
    after: str = "",
    base_year: int | None = None,
) -> str:
    """A target written the way the plans write one: 到2025年，森林覆盖率达到10.6%。"""
    base = f"较{base_year}年" if base_year else ""
    return f"到{year}年，{indicator}{base}{lead}{value}{unit}{after}。"
