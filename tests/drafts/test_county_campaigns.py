"""A province's campaigns, reforms and brands that each of its counties carries out itself are
the county's too: they are not asked as the parent's own names (issue 25, noise of the
labelled county set). Sentences are a few lines of published pages (the parents of
tests/cases/counties/).
"""

from __future__ import annotations

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext


def _asked(sentence: str, county: CountyContext, level: str = "province") -> list[str]:
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return [q.quote for q in adapted.questions if q.kind == "place"]


LIANPING = CountyContext("连平县", "河源市", "广东省")
KAIHUA = CountyContext("开化县", "衢州市", "浙江省")
NONGAN = CountyContext("农安县", "长春市", "吉林省")
BINCHUAN = CountyContext("宾川县", "大理白族自治州", "云南省")
JIZHOU = CountyContext("蓟州区", "", "天津市")

RUN_BY_EVERY_COUNTY = [
    (LIANPING, "province", "加快建设美丽乡村，实施“五美”专项行动，因地制宜推进农房建设。"),
    (KAIHUA, "province", "加强高标准农田建设，提升耕地质量，深化“肥药两制”改革。"),
    (KAIHUA, "province", "深入实施数字经济“一号工程”，推动数字技术与实体经济深度融合。"),
    (NONGAN, "province", "持续开展村庄清洁行动，重点实施“三清一改一建”工作任务。"),
    (BINCHUAN, "province", "结合聚力打造“三张牌”，积极争取国家绿色金融改革创新试验区。"),
    (BINCHUAN, "province", "持续建设“美丽县城”，推动城镇绿色发展。"),
    (JIZHOU, "city", "深入实施“海河英才”行动计划，精准引进节能环保领域人才。"),
]


def test_a_provinces_campaign_each_county_runs_is_not_asked_as_the_parents_name():
    for county, level, sentence in RUN_BY_EVERY_COUNTY:
        assert _asked(sentence, county, level) == [], sentence


def test_the_parents_own_programmes_and_layouts_are_still_asked():
    # named with 工程/计划 after the quotes, naming the parent, or a layout
    assert _asked("深入实施“双尖双领”计划。", KAIHUA) == ["“双尖双领”计划"]
    assert _asked("深入实施“气化吉林”工程，依据规划推进管网建设。", NONGAN) != []
    assert _asked("逐步形成“两横三纵一中心”的油气管网。", NONGAN) != []
    assert _asked("打造“长白山人参”等“吉字号”品牌。", NONGAN) != []
