"""The places pass: other places, parks, fields, plants and programmes in taken-up text are
open questions; the county's own name, its city and province where the text speaks of them,
and titles in 《》 are not."""

from __future__ import annotations

import pytest

from app.core.adapt.changes import PassContext
from app.core.adapt.places import place_questions
from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.plans.library import find_plan
from app.core.text.county import CountyContext

YONGNING = CountyContext("永宁县", "银川市", "宁夏回族自治区")
WUYUAN = CountyContext("婺源县", "上饶市", "江西省")


def _context(level: str = "region", county: CountyContext = YONGNING) -> PassContext:
    return PassContext(level, county, Catalogue())


def _quotes(text: str, context: PassContext | None = None) -> list[str]:
    return [text[q.start : q.end] for q in place_questions(text, context or _context())]


def _paragraph(plan_id: str, words: str) -> str:
    """The paragraph of a shipped plan that holds the words."""
    plan = find_plan(plan_id)
    return next(p for s in plan.walk() for p in s.paragraphs if words in p)


def test_places_pass_asks_about_fields_sites_and_other_cities_in_the_region_plan():
    gas = _paragraph("ningxia-region", "青石峁")
    assert {"青石峁、定北两个千亿级气田", "石嘴山", "盐池"} <= set(_quotes(gas))
    computing = _paragraph("ningxia-region", "算力网络枢纽节点")
    assert "中卫国家一体化算力网络枢纽节点" in _quotes(computing)
    pumped = _paragraph("ningxia-region", "抽水蓄能电站")
    assert "牛首山、中宁等抽水蓄能电站" in _quotes(pumped)


def test_places_pass_asks_about_the_cities_a_region_sets_tasks_for():
    """In the region's plan the county's own city is one of the region's actors too: the
    sentence pacing 银川市、吴忠市、固原市 is the region's, and a county reviewer strikes it."""
    pace = _paragraph("ningxia-region", "力争率先实现达峰")
    quotes = _quotes(pace)
    assert "银川市、吴忠市、固原市" in quotes


def test_the_countys_city_as_the_government_it_answers_to_is_not_asked_about():
    context = _context("region")
    for sentence in (
        "确保完成自治区、银川市下达任务。",
        "按照银川市要求推进。",
        "报银川市人民政府审定。",
    ):
        assert _quotes(sentence, context) == []


def test_places_pass_asks_about_parks_barriers_and_programmes_in_the_city_plan():
    context = _context("city")
    park = _paragraph("yinchuan-city", "鼓励银川经济技术开发区")
    assert "银川经济技术开发区" in _quotes(park, context)
    barrier = _paragraph("yinchuan-city", "加快白芨滩生态屏障")
    assert "白芨滩生态屏障" in _quotes(barrier, context)
    roads = _paragraph("yinchuan-city", "九横十九纵")
    assert "“九横十九纵”" in _quotes(roads, context)


@pytest.mark.parametrize(
    "sentence",
    [
        "确保完成银川市下达任务。",
        "永宁县要加快推进，永宁的光伏产业园区要率先达峰。",
        "按照自治区要求，推进永宁工业园区绿色化改造。",
        "严格落实《宁夏回族自治区碳达峰实施方案》和《银川经济技术开发区发展规划》。",
        "完成“十四五”目标，积极参与“一带一路”建设。",
        "建设绿色工厂、绿色工业园区，推进虚拟电厂、储能电站和民用运输机场建设。",
        "省、市和县各级政府要加强领导。",
    ],
)
def test_places_pass_leaves_the_countys_own_names_and_generic_words(sentence: str):
    assert _quotes(sentence) == []


def test_places_pass_for_a_county_of_another_province():
    context = _context("province", WUYUAN)
    sentence = "支持赣州、景德镇建设，确保完成省、上饶市下达任务，打造婺源生态文化旅游示范区。"
    assert _quotes(sentence, context) == ["赣州、景德镇"]
    assert _quotes("严格落实《赣州市碳达峰实施方案》。", context) == []
    assert _quotes("推进“2+6+N”产业高质量跨越式发展。", context) == ["“2+6+N”"]


def test_places_pass_suggests_delete_the_countys_wording_or_keep():
    def offered(sentence: str) -> dict[str, tuple[tuple[str, str | None], ...]]:
        return {
            sentence[q.start : q.end]: tuple((s.label, s.replacement) for s in q.suggestions)
            for q in place_questions(sentence, _context())
        }

    asked = offered("中卫市建设大数据中心，积极推进石嘴山煤层气开发，加强与湖南合作。")
    assert asked["中卫市"] == (("删去", ""), ("改为本县表述", "永宁县"), ("保留", None))
    assert asked["石嘴山"] == (("删去", ""), ("改为本县表述", "永宁"), ("保留", None))
    assert asked["湖南"] == (("删去", ""), ("保留", None))  # no county wording for a province
    asked = offered("鼓励银川经济技术开发区建设分布式能源，加快青石峁、定北两个千亿级气田开发。")
    assert asked["银川经济技术开发区"][1] == ("改为本县表述", "永宁县工业园区")
    assert asked["青石峁、定北两个千亿级气田"] == (("删去", ""), ("保留", None))
    assert all(q.kind == "place" for q in place_questions("吴忠市", _context()))


def test_places_pass_runs_inside_adapt_text_and_asks_only_with_a_level():
    text = "到2025年，全区加快青石峁、定北两个千亿级气田开发。"
    adapted = adapt_text(text, level="region", county=YONGNING, catalogue=Catalogue())
    places = [q for q in adapted.questions if q.kind == "place"]
    assert [q.quote for q in places] == ["青石峁、定北两个千亿级气田"]
    assert adapted.text[places[0].start : places[0].end] == places[0].quote
    as_is = adapt_text(text, level="", county=YONGNING, catalogue=Catalogue())
    assert as_is.questions == ()


@pytest.mark.parametrize("plan_id", ["yinchuan-city", "ningdong-base"])
def test_places_pass_never_asks_about_the_countys_own_city_or_province_names(plan_id: str):
    """In the city's own plan (and the zone's) the city is the parent speaking, never a place."""
    plan = find_plan(plan_id)
    context = _context(plan.level)
    own = {"永宁县", "永宁", "银川市", "银川", "宁夏回族自治区", "宁夏"}
    asked = [
        q
        for s in plan.walk()
        for p in [s.title, *s.paragraphs]
        for q in _quotes(p, context)
        if q in own
    ]
    assert asked == []


@pytest.mark.parametrize("text", ["构建五纵四横的生态廊道网络体系。", "形成三横两纵的交通网络。"])
def test_a_parents_layout_programme_is_asked_about_without_quotation_marks(text):
    """银川 writes 五纵四横 bare, where it writes “九横十九纵” quoted: both are its own layout."""
    assert _quotes(text, _context("city")) == [text[2:6]]


@pytest.mark.parametrize(
    "text",
    ["增强电厂调峰灵活性，建设燃机调峰电厂。", "利用现有气田开发储气库。", "建设专用换电站。"],
)
def test_generic_words_before_a_site_word_are_no_place(text):
    """A second reader found 增强电厂, 现有气田, 专用换电站 asked as other places."""
    assert _quotes(text, _context("city")) == []


def test_fields_listed_before_a_generic_word_are_asked_about():
    text = "利用平落坝、洛带、灌口、白马庙、邛西等现有气田建设储气库。"
    assert _quotes(text, _context("city")) == ["平落坝、洛带、灌口、白马庙、邛西等现有气田"]


OTHER_DIVISIONS = "上级方案点名的其他市县"


@pytest.mark.parametrize(
    ("county", "sentence", "city"),
    [
        (
            CountyContext("准格尔旗", "鄂尔多斯市", "内蒙古自治区"),
            "支持鄂尔多斯建设国家现代能源经济示范区，推动包头、乌海发展。",
            "鄂尔多斯",
        ),
        (
            CountyContext("阳朔县", "桂林市", "广西壮族自治区"),
            "支持桂林建设世界级旅游城市，推动柳州、梧州发展。",
            "桂林",
        ),
    ],
)
def test_the_countys_own_city_named_short_is_never_called_another_place(county, sentence, city):
    """Issue 24: 鄂尔多斯 for 准格尔旗, 桂林 for 阳朔县 were "上级方案点名的其他市县"."""
    for level in ("region", "province", "city"):
        questions = place_questions(sentence, _context(level, county))
        for q in questions:
            if sentence[q.start : q.end] == city:
                assert OTHER_DIVISIONS not in q.message
                assert "本县所属市" in q.message
    others = place_questions(sentence, _context("region", county))
    assert any(OTHER_DIVISIONS in q.message for q in others)  # 包头、乌海 / 柳州、梧州 still are


def test_a_place_inside_the_county_named_after_its_city_is_not_elsewhere():
    """石家庄正定空港 is 正定县's own: neither it nor its 石家庄 is asked about."""
    zhengding = CountyContext("正定县", "石家庄市", "河北省")
    sentence = "加快石家庄正定空港经济区建设。"
    for level in ("province", "city"):
        assert _quotes(sentence, _context(level, zhengding)) == []
    gaocheng = CountyContext("藁城区", "石家庄市", "河北省")
    assert _quotes(sentence, _context("city", gaocheng)) != []  # another county's site still is
