"""Outline shapes of real plans whose headings the importer lost or doubled (issue 26).

Each fixture is a few lines of a real page of the public corpus (the file is named
in a comment), shortened; tools/corpus_sweep.py checks the whole corpus.
"""

from __future__ import annotations

import pytest

from app.core.errors import PlanImportError
from app.importer import import_plan
from app.importer.readers.pdf_reader import _page_lines
from app.importer.readers.reflow import PdfLine, reflow


def _plan(tmp_path, text: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return import_plan(path)


def _line(text, top, x0=72.0, x1=486.0, size=15.6, page=0):
    return PdfLine(text, page, x0, x1, top, top + size, size, 595.0, 842.0)


def test_a_stray_number_printed_before_a_heading_does_not_hide_it():
    # 488 农业农村减排固碳实施方案: a small "9" before 五、保障措施, "5" before （四）
    lines = [
        _line("业农村绿色低碳的科技短板。发布农业农村减排固碳技术", 100),
        _line("的推广应用。", 138, x1=156),
        _line("9 五、保障措施", 176, x1=175),
        _line("（一）加强组织领导。农业农村部、国家发展改革委加", 214, x0=81, x1=454),
        _line("强统筹协调，审议农业农村减排固碳的总体部署、重要规划，", 252),
    ]
    blocks, notes = reflow(lines)
    assert blocks[1].text == "五、保障措施"
    assert blocks[2].text.startswith("（一）加强组织领导。")
    assert any("孤立数字" in str(n) for n in notes)


def test_words_balloons_of_tracked_changes_are_not_plan_text():
    # 177 海南省“十四五”海洋生态环境保护规划: "域代码已更改" printed in the margin
    lines = [
        _line("第五节 推动新污染物治理", 100, x1=300),
        _line("域代码已更改", 130, x0=500, x1=560, size=9.0),
        _line("域代码已更改", 142, x0=500, x1=560, size=9.0),
        _line("开展海洋微塑料试点监测、调查评估。", 160, x0=104, x1=400),
    ]
    blocks, notes = reflow(lines)
    assert "域代码已更改" not in "".join(b.text for b in blocks)
    assert any("修订批注框" in str(n) for n in notes)


def test_a_heading_cut_after_its_first_numeral_is_joined():
    # 578 上海市…实施意见: "…信息共享。 十" / "一、健全法规标准和统计监测体系"
    lines = [
        _line("协同、碳排放权交易市场和绿色金融发展等方面的交流合作和信息共享。 十", 100),
        _line("一、健全法规标准和统计监测体系", 130, x0=104, x1=330),
        _line("（二十四）健全法规制度。全面清理各类法规制度中与碳达峰、碳中和工作", 160, x0=104),
    ]
    blocks, _ = reflow(lines)
    assert blocks[0].text.endswith("信息共享。")
    assert blocks[1].text == "十一、健全法规标准和统计监测体系"


class _TextPage:
    def __init__(self, chars):
        self.chars = chars

    def count_chars(self):
        return len(self.chars)

    def get_text_range(self):
        return "".join(ch for ch, _ in self.chars)

    def get_charbox(self, i):
        return self.chars[i][1]

    def close(self):
        pass


class _Page:
    def __init__(self, chars):
        self.chars = chars

    def get_size(self):
        return 595.0, 842.0

    def get_textpage(self):
        return _TextPage(self.chars)

    def close(self):
        pass


def test_the_quote_mark_of_a_large_heading_stays_on_its_line():
    # 463 大同市“十四五”生态环境保护规划: "第一章 “十三五”规划实施情况" in 21 pt, body in 15 pt;
    # the “ sits high in the line, and the heading was cut into "第一章" and "“"
    def box(x, bottom, top, width=20.0):
        return (x, bottom, x + width, top)

    heading = [
        ("第", box(133, 718, 739)),
        ("一", box(155, 727, 730)),
        ("章", box(177, 718, 739)),
        (" ", (615.0, 722.0, 615.0, 722.0)),
        ("“", box(233, 733, 739, 8)),
        ("十", box(243, 718, 739)),
        ("三", box(265, 720, 738)),
        ("五", box(287, 719, 738)),
        ("”", box(310, 733, 739, 8)),
        ("规", box(331, 718, 739)),
        ("划", box(353, 718, 739)),
        ("\r", (879.0, 722.0, 879.0, 722.0)),
        ("\n", (879.0, 722.0, 879.0, 722.0)),
    ]
    body = [
        (ch, box(110 + 15 * i, 678, 691, 14)) for i, ch in enumerate("环境保护规划指标完成情况")
    ]
    body += [
        (ch, box(110 + 15 * i, 650, 663, 14)) for i, ch in enumerate("总量减排目标根据山西省下达")
    ]
    lines = _page_lines([_Page(heading + body)], 0)
    assert lines[0].text.replace(" ", "") == "第一章“十三五”规划"


CHAPTERS_OF_ONE_LEVEL = """
关于加快建立健全绿色低碳循环发展经济体系的实施方案
一、总体要求
坚持绿色发展。
专栏 1 重点工程
二、重点任务
大力发展光伏。
"""


BOX_ITEMS = """
商洛市“十四五”生态环境保护规划
第一章 推动发展全面绿色转型
第一节 推动绿色低碳循环发展
一、准确定位绿色低碳循环发展
始终围绕秦岭生态环境保护，推动绿色发展。
二、打造绿色循环发展典型
围绕建设总目标，促进经济社会发展全面绿色转型。
专栏 1 发展绿色转型工程
一、绿色低碳循环发展工程
电网升级改造工程：主要包括镇安县330千伏输变电站等工程。
二、“三线一单”编制项目：系统评价全市生态环境，划定环境管控单元。
第二节 实施生态环境分区管控
一、系统评价区域生态环境
充分调查我市的经济社会发展概况。
"""


def test_items_of_a_box_numbered_like_sections_stay_text_of_their_node(tmp_path):
    # 454 商洛 / 451 德州: a 专栏's items numbered 一、 in a 第X章/第X节 plan
    plan = _plan(tmp_path, BOX_ITEMS).plan
    first = plan.sections[0].children[0]
    assert [c.title for c in first.children] == ["准确定位绿色低碳循环发展", "打造绿色循环发展典型"]
    assert any(p.startswith("一、绿色低碳循环发展工程") for p in first.children[1].paragraphs)
    assert [c.title for c in plan.sections[0].children[1].children] == ["系统评价区域生态环境"]
    # a plan whose chapters are 一、 keeps them after a box
    plan = _plan(tmp_path, CHAPTERS_OF_ONE_LEVEL, "one_level.txt").plan
    assert [s.title for s in plan.sections] == ["总体要求", "重点任务"]


CONTENTS_WITH_PREFACE = """
“十四五”土壤、地下水和农村生态环境保护规划
二〇二一年十二月
目 录
（一）工作进展
（二）形势研判
（三）主要目标
（四）提升生态环境监管能力
土壤、地下水和农业农村生态环境保护关系米袋子、菜篮子、水缸子安全，关系美丽中国建设。
一、规划背景
（一）工作进展
“十三五”以来，各地区各有关部门深入贯彻习近平生态文明思想。
二、总体要求
（一）指导思想
以习近平新时代中国特色社会主义思想为指导。
"""


def test_a_contents_page_run_into_the_preface_is_dropped_and_the_preface_kept(tmp_path):
    # 390 “十四五”土壤、地下水和农村生态环境保护规划: its 一、 entries lost in leader lines
    result = _plan(tmp_path, CONTENTS_WITH_PREFACE)
    plan = result.plan
    assert [s.label + s.title for s in plan.sections] == ["一、规划背景", "二、总体要求"]
    assert any("米袋子" in p for p in plan.preamble)
    assert plan.title == "“十四五”土壤、地下水和农村生态环境保护规划"


CONTENTS_LINE_NOT_TITLE = """
济南市“十四五”绿色建筑高质量发展规划
2021年12月
目 录
一
、
规划背景
（九）绿色校园试点创建行动
（十）
绿色生活创建行动
一、规划背景
为推动我市城乡建设向绿色低碳方向转型，制定本规划。
二、总体要求
坚持绿色发展。
"""


def test_a_contents_line_is_never_the_title(tmp_path):
    # 533 济南市“十四五”绿色建筑高质量发展规划
    plan = _plan(tmp_path, CONTENTS_LINE_NOT_TITLE).plan
    assert plan.title == "济南市“十四五”绿色建筑高质量发展规划"


PARTS_WITH_CONTENTS = """
南充市“十四五”生态环境保护规划
目 录
第一篇 生态环境保护形势
第一章 生态环境保护取得明显成效..........
3
第二章 “十四五”面临问题与挑战..........
8
第二篇 指导思想与目标指标.................... 12
第一章 指导思想..........
12
第二章 基本原则..........
13
第一篇 生态环境保护形势
第一章 生态环境保护取得明显成效
“十三五”时期，南充市生态环境质量持续提升。
第二章 “十四五”面临问题与挑战
生态环境结构性问题突出。
第二篇 指导思想与目标指标
第一章 指导思想
以习近平新时代中国特色社会主义思想为指导。
第二章 基本原则
绿色发展，生态强市。
"""


def test_a_contents_page_of_parts_and_chapters_is_skipped(tmp_path):
    # 437 南充: 第X篇 holds 第X章 (each 篇 numbers its chapters from one); 篇 is level 1
    plan = _plan(tmp_path, PARTS_WITH_CONTENTS).plan
    assert [s.label + s.title for s in plan.sections] == [
        "第一篇生态环境保护形势",
        "第二篇指导思想与目标指标",
    ]
    assert [c.label for c in plan.sections[1].children] == ["第一章", "第二章"]
    assert plan.sections[1].children[0].paragraphs == ["以习近平新时代中国特色社会主义思想为指导。"]


SEVERAL_PLANS = """
福建省工业和信息化厅关于印发冶金、建材行业“十四五”节能降碳实施方案的通知
各设区市工信局：
现将《福建省冶金行业“十四五”节能降碳实施方案》《福建省建材行业“十四五”节能降碳实施方案》印发给你们，请抓好组织实施。
福建省工业和信息化厅
2022年3月7日
福建省冶金行业“十四五”节能降碳实施方案
为持续推进我省冶金工业节能降碳和绿色转型，制定本实施方案。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
二、重点任务
（一）严格项目建设管理。严格控制新增钢铁、电解铝产能。
福建省建材行业“十四五”节能降碳实施方案
为持续推进我省建材重点行业绿色低碳转型，特制定本行动方案。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
二、重点任务
（一）严格项目建设管理。严格执行水泥熟料、平板玻璃产能置换。
"""


def test_each_further_plan_of_a_file_is_kept_apart(tmp_path):
    # 224 福建省冶金、建材、石化化工行业“十四五”节能降碳实施方案 (three plans in one file)
    result = _plan(tmp_path, SEVERAL_PLANS)
    plan = result.plan
    assert plan.title == "福建省冶金行业“十四五”节能降碳实施方案"
    assert [s.label + s.title for s in plan.sections] == ["一、总体要求", "二、重点任务"]
    assert [c.title for c in plan.sections[1].children] == ["严格项目建设管理"]
    assert plan.provenance.notes[-1].startswith("福建省建材行业“十四五”节能降碳实施方案")
    assert "水泥熟料" in plan.provenance.notes[-1]
    assert any("还有 1 份方案" in str(n) for n in result.notes)


GUIDE = """
上海市科学技术委员会
沪科指南〔2022〕18号
关于发布上海市2022年度
“科技创新行动计划”科技支撑
碳达峰碳中和专项项目申报指南的通知
各有关单位：
为深入实施创新驱动发展战略，加快建设具有全球影响力的科技创新中心，特发布本指南。
一、征集范围
专题一、绿色低碳技术研究
"""


def test_a_call_for_applications_is_refused_naming_why(tmp_path):
    # 315 关于发布上海市2022年度“科技创新行动计划”…项目申报指南的通知: not a plan to adopt
    with pytest.raises(PlanImportError) as caught:
        _plan(tmp_path, GUIDE)
    message = caught.value.one_line()
    assert "第 3 行" in message and "申报指南（通知），不是实施方案" in message


LEAD_AND_RESPONSIBLE = """
武汉市二氧化碳排放达峰评估工作方案
一、工作任务
（一）核算排放数据。全面摸清能源消费量、能源消费结构、经济社会发展等基础数据，报送温室气体排放清单数据。（牵头单位：市发改委、市统计局；责任单位：市经信局、市生态环境局）
（二）编制区级碳达峰评估报告。各区参照市级碳达峰评估工作有关要求，开展区级碳达峰评估工作。（责任单位：市经信局、市发改委、市统计局；牵头单位：市发改委）
"""


def test_a_clause_naming_leads_and_responsible_units_keeps_both(tmp_path):
    # 546 武汉市二氧化碳排放达峰评估工作方案: the 责任单位 after 牵头单位 were lost
    plan = _plan(tmp_path, LEAD_AND_RESPONSIBLE).plan
    first, second = plan.sections[0].children
    assert [(u.written, u.lead) for u in first.clause.units] == [
        ("市发改委", True),
        ("市统计局", True),
        ("市经信局", False),
        ("市生态环境局", False),
    ]
    assert [(u.written, u.lead) for u in second.clause.units] == [
        ("市发改委", True),
        ("市经信局", False),
        ("市统计局", False),
    ]


DEPARTMENT_CLAUSES = """
黑龙江关于2021-2023年推动碳达峰、碳中和工作滚动实施方案
一、推动重点领域绿色低碳循环发展
（四）协同推进减碳与大气污染防治。深入推进散煤污染治理“三重一改”，哈尔滨、绥化等重点城市完成削减替代燃煤140万吨(责任部门：大气环境处，完成期限：2021年四季度)。积极推进燃煤锅炉和小热电关停整合(责任部门：大气环境处，完成期限：持续推进)。鼓励生物天然气开发利用项目建设(责任处室：环评处，完成期限：持续推进)。
（十九）加大宣传力度。在黑龙江生态环境政务微信微博平台、网站开设“碳达峰、碳中和”专栏，提高公众低碳意识(责任部门：宣教处、气候处，完成期限：持续推进)。
黑龙江省生态环境厅办公室
2021年10月27日
"""


def test_each_department_clause_closes_its_own_sub_item(tmp_path):
    # 73 黑龙江…滚动实施方案: several (责任部门：…，完成期限：…) in one paragraph
    plan = _plan(tmp_path, DEPARTMENT_CLAUSES).plan
    action = plan.sections[0].children[0]
    written = [[u.written for u in c.clause.units] for c in action.children]
    assert written == [["大气环境处"], ["大气环境处"], ["环评处"]]
    assert [c.clause.deadline for c in action.children] == ["2021年四季度", "持续推进", "持续推进"]
    assert action.children[1].paragraphs == ["积极推进燃煤锅炉和小热电关停整合"]


def test_the_issuers_sign_off_is_not_text_of_the_last_measure(tmp_path):
    # 73 黑龙江: "黑龙江省生态环境厅办公室" / "2021年10月27日" under the last measure
    result = _plan(tmp_path, DEPARTMENT_CLAUSES)
    last = result.plan.sections[0].children[-1]
    assert last.paragraphs[-1].endswith("提高公众低碳意识")
    assert last.clause is not None
    assert [u.written for u in last.clause.units] == ["宣教处", "气候处"]
    assert "2021年10月27日" not in " ".join(last.paragraphs)
    assert any("文末落款" in str(n) and "黑龙江省生态环境厅办公室" in str(n) for n in result.notes)


RUN_ON_SIGN_OFF = """
广东省关于加快建立健全绿色低碳循环发展经济体系的实施意见
一、加强组织实施
（三十）加大宣传力度。加强绿色低碳循环发展宣传，营造良好氛围。广东省人民政府 2021年12月3日
"""


def test_a_sign_off_run_onto_the_last_sentence_is_cut_off(tmp_path):
    # 241 广东省…实施意见: the sign-off at the end of the last paragraph
    result = _plan(tmp_path, RUN_ON_SIGN_OFF)
    last = result.plan.sections[0].children[-1]
    assert last.paragraphs == ["加强绿色低碳循环发展宣传，营造良好氛围。"]
    assert any("广东省人民政府" in str(n) for n in result.notes)


PHRASE_ENDING_IN_PLAN = """
某市碳达峰实施方案
一、总体要求
坚持绿色发展。
二、重点任务
强化规划引领，做好与各类规划的衔接。
加快编制国土空间规划
一、城市更新工程
实施老旧小区改造。
三、保障措施
加强组织领导。
"""


def test_a_line_ending_in_a_plan_word_is_not_a_further_plan(tmp_path):
    result = _plan(tmp_path, PHRASE_ENDING_IN_PLAN)
    assert [s.title for s in result.plan.sections] == ["总体要求", "重点任务", "保障措施"]
    assert not any("份方案" in str(n) for n in result.notes)


def test_a_headings_number_is_not_cut_off_where_small_type_sets_the_pages_em():
    # 542 青海省“十四五”生态文明建设规划, page 35: boxes in small type make the page's em 9.8 pt
    # while "一、 全面实施碳达峰碳中和行动" is 13.5 pt; its thin "一" and low "、" sat more than
    # half that em from the row, so the heading came out as "一", "、" and its title, and the
    # measure was lost into the paragraph before.
    def run(text, x, bottom, top, width=14.0):
        return [
            (ch, (x + i * (width + 1.5), bottom, x + i * (width + 1.5) + width, top))
            for i, ch in enumerate(text)
        ]

    box_text = [
        char
        for row in range(3)
        for char in run(
            "中华水塔保护工程：推进水资源涵养功能稳固、冰川冻土雪山预防保护、退化湿地修",
            105.1,
            520.0 + 16 * row,
            529.8 + 16 * row,
            9.8,
        )
    ]
    before = run("峰碳中和先行区创建工作。", 79.4, 345.6, 359.4)
    heading = [
        ("一", (110.4, 321.6, 123.2, 323.1)),
        ("、", (126.7, 314.6, 131.1, 318.9)),
        (" ", (132.6, 316.9, 132.6, 316.9)),
        *run("全面实施碳达峰碳中和行动", 141.4, 315.9, 329.0, 13.5),
    ]
    after = run("制定出台《青海省２０３０年前碳达峰行动方案》", 110.6, 284.0, 298.0)
    lines = _page_lines([_Page(box_text + before + heading + after)], 0)
    texts = [line.text.replace(" ", "") for line in lines]
    assert "一、全面实施碳达峰碳中和行动" in texts
    assert "一" not in texts and "、" not in texts
