"""Shapes of real published plans the importer once refused or mangled (issue 26).

Each fixture is a few lines of a real page of the public corpus, shortened; the
whole corpus is swept by tools/corpus_sweep.py.
"""

from __future__ import annotations

from app.importer import import_plan
from app.importer.readers.reflow import PdfLine, reflow


def _plan(tmp_path, text: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return import_plan(path)


CHAPTERS = """
南充市“十四五”生态环境保护规划
第一章 发展基础
一、取得的成效
“十三五”时期，南充市生态环境质量持续提升。
二、面临的形势
生态环境保护结构性压力依然较大。
第二章 总体要求
一、指导思想
以习近平新时代中国特色社会主义思想为指导。
二、主要目标
到2025年，空气质量优良天数比率达到90%以上。
"""


def test_chapter_outline_holds_its_numbered_sections(tmp_path):
    plan = _plan(tmp_path, CHAPTERS).plan
    assert [s.label + s.title for s in plan.sections] == ["第一章发展基础", "第二章总体要求"]
    assert [c.title for c in plan.sections[1].children] == ["指导思想", "主要目标"]
    assert plan.sections[1].children[1].targets  # 90%以上 read under its chapter


CONTENTS_WITHOUT_LEADERS = """
浙江省可再生能源发展“十四五”规划
目 录
一、发展基础
二、总体要求
三、重点任务
一、发展基础
截至2020年底，全省可再生能源装机容量达到3114万千瓦。
二、总体要求
坚持绿色发展。
三、重点任务
大力发展光伏。
"""


def test_contents_without_leader_dots_is_skipped_not_refused(tmp_path):
    result = _plan(tmp_path, CONTENTS_WITHOUT_LEADERS)
    assert [s.title for s in result.plan.sections] == ["发展基础", "总体要求", "重点任务"]
    assert "3114万千瓦" in result.plan.sections[0].paragraphs[0]
    assert any("目录" in str(n) for n in result.notes)


TABLE_ROWS = """
浙江省可再生能源发展“十四五”规划
一、发展基础
全省可再生能源装机容量达到3114万千瓦。
表1 “十三五”可再生能源发展情况
一、可再生能源 1373 3114 18%
二、非水可再生能源 371 1943 39%
二、总体要求
坚持绿色发展。
"""


def test_table_rows_numbered_like_chapters_stay_text(tmp_path):
    plan = _plan(tmp_path, TABLE_ROWS).plan
    assert [s.title for s in plan.sections] == ["发展基础", "总体要求"]
    assert "1943 39%" in " ".join(plan.sections[0].paragraphs)


RESTART = """
关于严格能效约束推动重点领域节能降碳的若干意见
一、总体要求
坚持系统观念。
二、重点任务
突出抓好重点行业。
一、二星级评价标识的建筑项目中，绿色建材应用比例达到30%。
三、保障措施
完善技改支持政策。
"""


def test_a_number_that_starts_again_is_kept_as_text_with_a_hint(tmp_path):
    result = _plan(tmp_path, RESTART)
    assert [s.title for s in result.plan.sections] == ["总体要求", "重点任务", "保障措施"]
    assert "二星级评价标识" in " ".join(result.plan.sections[1].paragraphs)
    assert any("提示" in str(n) and "第 6 行" in str(n) for n in result.notes)


ATTACHMENTS = """
关于严格能效约束推动重点领域节能降碳的若干意见
一、总体要求
坚持系统观念。
二、保障措施
加强政策宣传解读。
附件 1
冶金、建材重点行业严格能效约束推动节能降碳行动方案
一、行动目标
到2025年，能效达到标杆水平的产能比例超过30%。
附件 2
石化化工重点行业严格能效约束推动节能降碳行动方案
一、行动目标
到2025年，炼油领域能效标杆水平以上产能比例达到30%。
"""


def test_attachments_are_kept_apart_not_read_as_chapters(tmp_path):
    result = _plan(tmp_path, ATTACHMENTS)
    plan = result.plan
    assert [s.title for s in plan.sections] == ["总体要求", "保障措施"]
    assert len(plan.provenance.notes) == 2
    assert "超过30%" in plan.provenance.notes[0]
    assert plan.provenance.notes[1].startswith("附件2")


def _line(text, top, x0=80.0, x1=516.0, size=15.5, page=0):
    return PdfLine(text, page, x0, x1, top, top + size, size, 595.0, 842.0)


def test_heading_in_body_type_is_not_glued_to_its_paragraph_when_boxes_are_small():
    # 科技支撑碳达峰碳中和实施方案: the 专栏 boxes in 12 pt outnumber the 15.5 pt body lines
    boxes = [
        _line(f"专栏文字第{i}行煤炭清洁高效利用技术研究", 400 + 14 * i, size=12.0)
        for i in range(20)
    ]
    lines = [
        _line("化碳排放比2005年下降65%以上，单位GDP能源消耗持续大幅", 100),
        _line("下降。", 120, x1=115, size=14.4),
        _line("一、能源绿色低碳转型科技支撑行动", 140, x0=111, x1=359, size=14.8),
        _line("聚焦国家能源发展战略任务，立足以煤为主的资源禀赋，抓", 160, x0=112, size=15.3),
        *boxes,
    ]
    blocks, _ = reflow(lines)
    assert [b.text for b in blocks[:3]] == [
        "化碳排放比2005年下降65%以上，单位GDP能源消耗持续大幅下降。",
        "一、能源绿色低碳转型科技支撑行动",
        "聚焦国家能源发展战略任务，立足以煤为主的资源禀赋，抓",
    ]


def test_figure_ending_a_sentence_at_the_page_foot_is_not_a_footnote():
    # “十四五”工业绿色发展规划: "71%。" alone on the last line of a page, digits are short
    lines = [_line(f"正文第{i}行绿色制造体系基本构建研究制定标准", 100 + 20 * i) for i in range(10)]
    lines += [
        _line("太阳能电池组件在全球市场份额占比达", 700),
        _line("71%。", 722, x1=120, size=10.0),
    ]
    blocks, _ = reflow(lines)
    assert blocks[-1].text.endswith("占比达71%。")


def test_punctuation_printed_as_yi_syllables_is_read_as_printed():
    # 青海省“十四五”生态文明建设规划: the font maps ， and 。 to ꎬ and ꎮ
    lines = [_line("到2025年ꎬ全省清洁能源装机总量达到8226万千瓦ꎮ", 100)]
    blocks, _ = reflow(lines)
    assert blocks[0].text == "到2025年，全省清洁能源装机总量达到8226万千瓦。"


MINISTRY_NOTICE = """
农业农村部 国家发展改革委关于印发《农业农村减排固碳实施方案》的通知
农科教发〔2022〕2 号
各省、自治区、直辖市农业农村（农牧）厅（局、委）：
为贯彻落实碳达峰碳中和重大决策部署，制定了《农业农村减排固碳实施方案》，现印发你们。
农业农村部 国家发展改革委
2022 年 5 月 7 日
农业农村减排固碳实施方案
一、总体要求
推进农业农村减排固碳。
二、重点任务
全国农作物秸秆综合利用率保持在86%以上。
"""


def test_plan_of_national_ministries_is_national(tmp_path):
    assert _plan(tmp_path, MINISTRY_NOTICE).plan.level == "national"


def test_title_from_file_name_drops_the_collections_list_number(tmp_path):
    text = "一、总体要求\n坚持系统观念。\n二、重点任务\n加强建设。"
    plan = _plan(tmp_path, text, "221、重庆市环境应急能力建设“十四五”规划（2021—2025年）.txt").plan
    assert plan.title == "重庆市环境应急能力建设“十四五”规划（2021—2025年）"
    assert plan.level == "province"  # 重庆 is a 直辖市


WRAPPED_TITLE = """
中共杭州市委 杭州市人民政府关于完整准确全面贯彻新发展理念
做好碳达峰碳中和工作的实施意见
为贯彻落实党中央、国务院关于碳达峰、碳中和的重大战略决策，现提出如下实施意见。
一、主要目标
到2025年，碳达峰、碳中和政策体系基本建立。
"""


def test_title_wrapped_over_two_lines_keeps_its_issuers(tmp_path):
    plan = _plan(tmp_path, WRAPPED_TITLE).plan
    assert plan.title == (
        "中共杭州市委杭州市人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见"
    )


DATED_TITLE = """
中共中央、国务院关于深入打好污染防治攻坚战的意见
（2021年11月2日）
一、总体要求
坚持系统观念。
"""


def test_day_of_issue_is_not_part_of_the_title(tmp_path):
    text = DATED_TITLE.replace("意见\n（", "意见（")
    plan = _plan(tmp_path, text).plan
    assert plan.title == "中共中央、国务院关于深入打好污染防治攻坚战的意见"


SENT_TO_PROVINCES = """
关于加强自由贸易试验区生态环境保护推动高质量发展的指导意见
各有关省（区、市）生态环境厅（局）、商务主管部门、发展改革委：
为深入贯彻习近平生态文明思想，现提出以下意见。
一、总体要求
全市推进生态环境保护。
"""


def test_plan_sent_to_the_provinces_is_national(tmp_path):
    # the text's own 全市 would make it a city's plan
    assert _plan(tmp_path, SENT_TO_PROVINCES).plan.level == "national"


CENTRAL_OFFICES = """
中共中央办公厅、国务院办公厅印发《关于推动城乡建设绿色发展的意见》
近日，中共中央办公厅、国务院办公厅印发了《关于推动城乡建设绿色发展的意见》。
一、总体要求
全区推动城乡建设绿色发展。
"""


def test_plan_printed_by_the_central_offices_is_national(tmp_path):
    assert _plan(tmp_path, CENTRAL_OFFICES).plan.level == "national"


COVER_IN_PIECES = """
安徽省“十四五”重点流域水生态环境
保护规划
安徽省生态环境厅
二〇二二年三月
安徽省
“
十四五
”
重点流域水生态环境保护规划
一、总体要求
坚持系统治理。
"""


def test_cover_title_set_in_pieces_is_read_whole(tmp_path):
    plan = _plan(tmp_path, COVER_IN_PIECES).plan
    assert plan.title == "安徽省“十四五”重点流域水生态环境保护规划"


NOTICE_NAMES_THE_WHOLE_TITLE = """
南充市人民政府
关于印发《南充市“十四五”生态环境
保护规划》的通知
各县（市、区）人民政府，市政府各部门：
《南充市“十四五”生态环境保护规划》已经市政府同意，现印发给你们，请认真贯彻执行。
南充市人民政府
2022年8月1日
南充市
“
十四五
”
生态环境保护规划
一、总体要求
坚持系统治理。
"""


def test_title_cut_to_its_last_line_takes_the_notices_whole_title(tmp_path):
    plan = _plan(tmp_path, NOTICE_NAMES_THE_WHOLE_TITLE).plan
    assert plan.title == "南充市“十四五”生态环境保护规划"


def test_numbered_table_row_at_the_page_foot_is_not_a_footnote():
    # 合肥市“十四五”绿色建筑发展规划: the indicator table runs to the page foot in small type
    lines = [
        _line(f"正文第{i}行绿色建筑高质量发展规划目标指标如下表", 100 + 20 * i) for i in range(10)
    ]
    lines.append(_line("7 装配式建筑面积占新建建筑面积比例 % 30 预期性", 760, size=10.0))
    blocks, _ = reflow(lines)
    assert blocks[-1].text.startswith("7 装配式建筑面积")  # kept as text, in its place


def test_footnote_with_its_marker_in_the_text_is_set_aside():
    lines = [
        _line(f"正文第{i}行长江经济带发展是党中央作出的重大决策", 100 + 20 * i) for i in range(10)
    ]
    lines.append(_line("长江经济带¹覆盖上海、江苏等11省市。", 320))
    lines.append(_line("1 长江经济带覆盖上海、江苏、浙江、安徽等 11 省市。", 760, size=10.0))
    blocks, _ = reflow(lines)
    assert blocks[-1].text.startswith("¹")


CONTENTS_RUN_TOGETHER = """
内蒙古自治区“十四五”可再生能源发展规划
第一章 发展基础
.....................................................................................
2一、发展现状..........................................................................................
第二章 总体要求
.....................................................................................
7一、指导思想..........................................................................................
“十四五”时期是内蒙古可再生能源高质量发展的关键期。
第一章 发展基础
一、发展现状
全区可再生能源装机达到5500万千瓦。
第二章 总体要求
一、指导思想
坚持生态优先、绿色发展。
"""


def test_contents_with_leaders_run_together_is_dropped_and_the_foreword_kept(tmp_path):
    plan = _plan(tmp_path, CONTENTS_RUN_TOGETHER).plan
    assert [s.label + s.title for s in plan.sections] == ["第一章发展基础", "第二章总体要求"]
    assert any("关键期" in p for p in plan.preamble)
    assert "5500万千瓦" in plan.sections[0].children[0].paragraphs[0]


def test_contents_entry_with_private_use_leaders_and_page_in_brackets_is_skipped():
    # 青海省“十四五”生态文明建设规划: leader dots are U+1001BA glyphs, pages "(６)"
    leader = "\U001001ba" * 12
    lines = [_line(f"第二章 总体要求 {leader} (６)", 100, x1=300)]
    blocks, _ = reflow(lines)
    from app.importer.cleanup import clean_blocks

    kept, _, notes = clean_blocks(blocks)
    assert kept == [] and any("目录" in str(n) for n in notes)


def test_targets_written_in_full_width_digits_are_read():
    from app.core.plans.targets import extract_targets

    targets = extract_targets("到２０２５年，全省非化石能源消费比重达到３４％以上。")
    assert [(t.year, t.value, t.unit, t.qualifier) for t in targets] == [(2025, "34", "%", "以上")]


TITLE_IN_TWO_PHRASES = """
天津市生态环境保护“十四五”规划
一、总体要求
坚持系统观念。
二、强化风险管控，防治土壤污染
坚持保护优先、预防为主，加强土壤、地下水污染协同防治。
"""


def test_heading_title_with_a_comma_is_a_title_not_glued_to_its_paragraph(tmp_path):
    section = _plan(tmp_path, TITLE_IN_TWO_PHRASES).plan.sections[1]
    assert section.title == "强化风险管控，防治土壤污染"
    assert section.paragraphs == ["坚持保护优先、预防为主，加强土壤、地下水污染协同防治。"]


def test_centred_chapter_title_is_not_joined_to_the_section_heading_below():
    # 济宁市“十四五”生态环境保护规划: 第二章 … centred, then 第一节 centred below it
    body = [
        _line(f"正文第{i}行济宁市生态环境保护规划编制依据和范围说明", 300 + 20 * i)
        for i in range(10)
    ]
    lines = [
        _line("第二章 “十四五”时期总体要求和主要目标", 100, x0=144, x1=457, size=15.7),
        _line("第一节 指导思想", 130, x0=239, x1=362, size=14.7),
        *body,
    ]
    blocks, _ = reflow(lines)
    assert [b.text for b in blocks[:2]] == [
        "第二章 “十四五”时期总体要求和主要目标",
        "第一节 指导思想",
    ]


CONTENTS_WITH_SUB_ENTRIES = """
贵州省能源科技创新发展“十四五”规划
目 录
一、能源科技发展现状及趋势
（一）我省能源科技现状
二、总体要求
（一）指导思想
（二）基本原则
能源科技创新是推动能源革命的重要支撑。
一、能源科技发展现状及趋势
（一）我省能源科技现状
全省能源科技创新能力持续提升。
二、总体要求
（一）指导思想
坚持创新驱动。
（二）基本原则
坚持需求导向。
"""


def test_contents_with_sub_entries_is_dropped_and_the_foreword_kept(tmp_path):
    plan = _plan(tmp_path, CONTENTS_WITH_SUB_ENTRIES).plan
    assert [len(s.children) for s in plan.sections] == [1, 2]
    assert any("重要支撑" in p for p in plan.preamble)


TABLE_NOTE = """
广东省生态文明建设“十四五”规划
一、主要目标
到2025年，生态文明建设取得新进步。
表1 主要指标
注：1.[ ]内为五年累计值。
2.带*指标数据为2020年初步数据，后续将根据国家核定情况调整。
二、重点任务
（一）优化国土空间开发保护格局
1.强化国土空间规划引领。坚持陆海统筹。
"""


def test_numbered_items_of_a_table_note_are_text_not_measures(tmp_path):
    plan = _plan(tmp_path, TABLE_NOTE).plan
    first, second = plan.sections
    assert first.children == []
    assert first.paragraphs[-1].startswith("2.带*指标数据")
    assert [c.title for c in second.children[0].children] == ["强化国土空间规划引领"]


BOX = """
土壤、地下水和农村生态环境保护规划
一、主要任务
（一）持续推进土壤污染防治
严格土壤污染源头管控。
专栏 2 土壤污染防治领域重点工程
（一）土壤污染源头管控工程
（二）土壤风险管控与修复工程
（二）扎实推进地下水环境保护
开展地下水环境状况调查评估。
"""


def test_items_of_a_box_are_text_of_their_node_not_actions(tmp_path):
    chapter = _plan(tmp_path, BOX).plan.sections[0]
    assert [c.title for c in chapter.children] == ["持续推进土壤污染防治", "扎实推进地下水环境保护"]
    assert "（二）土壤风险管控与修复工程" in chapter.children[0].paragraphs


BOX_IN_MEASURE = """内蒙古自治区应对气候变化规划
一、推动重点领域低碳发展
（五）控制重点工业领域二氧化碳排放。控制火电机组二氧化碳排放。深挖存量煤电节能降碳潜力。
专栏3火电机组节能低碳改造各类型机组（含燃煤自备电厂）改造后供电煤耗标准：
1．非循环流化床机组在纯凝工况点下：
100万千瓦级超超临界机组供电煤耗低于285克标准煤/千瓦时。
2．循环流化床低热值煤发电机组在纯凝工况点下：
60万千瓦级湿冷、空冷机组供电煤耗分别不高于306、325克标准煤/千瓦时。
（六）控制城乡建设领域二氧化碳排放。推进城镇建筑低碳化。
"""


def test_items_of_a_box_in_a_measure_are_its_text_not_sub_measures(tmp_path):
    """A 专栏 box inside a measure numbers its items 1. 2. (内蒙古): they are the measure's
    text, not sub-measures that take its place in the 任务分工表."""
    chapter = _plan(tmp_path, BOX_IN_MEASURE).plan.sections[0]
    measure = chapter.children[0]
    assert [c.title for c in chapter.children] == [
        "控制重点工业领域二氧化碳排放",
        "控制城乡建设领域二氧化碳排放",
    ]
    assert not measure.children
    assert any(p.startswith("2．循环流化床低热值煤发电机组") for p in measure.paragraphs)
