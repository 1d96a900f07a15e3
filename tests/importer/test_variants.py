"""Each way a plan may be written, in a small plan of its own."""

from __future__ import annotations

from app.importer import import_plan


def plan_of(write_txt, body: str, title: str = "某县碳达峰实施方案"):
    return import_plan(write_txt(f"{title}\n\n{body}"), plan_id="t").plan


def test_four_heading_levels_own_line_and_run_in(write_txt):
    plan = plan_of(
        write_txt,
        "为深入贯彻落实……制定本方案。\n"
        "一、重点任务\n"
        "(一)能源绿色低碳转型行动。坚持节约优先。\n"
        "1.大力发展新能源。坚持集中开发和分布开发并举。\n"
        "（1）光伏\n"
        "建设一批光伏基地。\n"
        "2. 推进煤炭消费替代\n"
        "严控煤炭消费增量。\n",
    )
    assert plan.preamble == ["为深入贯彻落实……制定本方案。"]
    chapter = plan.sections[0]
    action = chapter.children[0]
    assert (action.label, action.title, action.title_style) == (
        "（一）",
        "能源绿色低碳转型行动",
        "run_in",
    )
    assert action.paragraphs == ["坚持节约优先。"]
    first, second = action.children
    assert (first.label, first.title, first.paragraphs) == (
        "1.",
        "大力发展新能源",
        ["坚持集中开发和分布开发并举。"],
    )
    item = first.children[0]
    assert (item.level, item.label, item.title, item.id) == (4, "（1）", "光伏", "t:一.一.1.1")
    assert (second.title, second.title_style) == ("推进煤炭消费替代", "own_line")


def test_half_width_punctuation_is_normalised(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n(一)节能降碳增效行动\n1.全面提升节能管理能力。按照国家统一要求,逐步建立用能预算管理制。"
        "(责任单位:县发改局、财政局)\n",
    )
    measure = plan.sections[0].children[0].children[0]
    assert measure.paragraphs == ["按照国家统一要求，逐步建立用能预算管理制。"]
    assert measure.clause.text == "（责任单位：县发改局、财政局）"
    assert measure.clause.names == ["县发改局", "县财政局"]


def test_markdown_markers_are_stripped(write_txt):
    plan = plan_of(
        write_txt,
        "### 一、重点任务\n#### **（一）城乡建设行动**\n##### 1. 推进<b>农村</b>建设\n"
        "推进 CO<sub>2</sub> 捕集。**（责任单位：县住建局）**\n",
        title="# 某县碳达峰实施方案",
    )
    assert plan.title == "某县碳达峰实施方案"
    measure = plan.sections[0].children[0].children[0]
    assert measure.title == "推进农村建设"
    assert measure.paragraphs == ["推进 CO2 捕集。"]
    assert measure.clause.names == ["县住建局"]


def test_page_break_fragments_are_rejoined_but_not_into_headings(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）能源行动\n1. 发展新能源\n"
        "积极推进光伏\n\n与设施农业一体化发展，建设 2\n\n小时储能。（责任单位：县发改局、\n\n工信局、科技局）\n"
        "2. 加快建设新型电力系统\n构建新型电力系统。（责任单位：县发改局）\n",
    )
    first, second = plan.sections[0].children[0].children
    assert first.paragraphs == ["积极推进光伏与设施农业一体化发展，建设2小时储能。"]
    assert first.clause.names == ["县发改局", "县工信局", "县科技局"]
    assert second.title == "加快建设新型电力系统"


def test_fragment_that_looks_like_a_label_continues_the_paragraph(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）能源行动\n1. 发展新能源\n到2025年，储能容量达到\n\n3.新建通道以外的规模。\n"
        "2. 加快建设新型电力系统\n构建新型电力系统。\n",
    )
    measures = plan.sections[0].children[0].children
    assert [m.title for m in measures] == ["发展新能源", "加快建设新型电力系统"]
    assert measures[0].paragraphs == ["到2025年，储能容量达到3.新建通道以外的规模。"]


def test_table_of_contents_is_skipped(write_txt):
    toc = (
        "目 录\n一、重点任务 .....\t- 1 -\n(一) 能源行动 .....\t- 1 -\n1. 发展新能源 .....\t- 2 -\n"
    )
    plan = import_plan(
        write_txt(
            toc + "某县碳达峰实施方案\n一、重点任务\n（一）能源行动\n1. 发展新能源\n推进。\n"
        ),
        plan_id="t",
    ).plan
    assert len(plan.sections) == 1
    assert plan.sections[0].children[0].children[0].paragraphs == ["推进。"]


def test_clause_spellings(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）行动\n"
        "1.甲。正文。(责任单位:县发改局、工信局按照职责分工分别负责)\n"
        "2.乙。正文。（责任单位：各县（市）区人民政府、党校（行政学院））\n"
        "3.丙。正文。（县发改局、财政局、工信局）\n"
        "4.丁。正文。（责任单位：县委组织部、宣传部、党校、县发改局、人社局）\n"
        "5.戊。正文。（责任单位：县住建局、市生态环境局平罗分局、机关事务服务中心）\n"
        "6.己。正文。（责任单位：市委宣传部，发改委、教育局）\n"
        "7.庚。正文。（责任单位：县科技局、工信局、）\n"
        "8.辛。按要求报送领导小组办公室（县发改局）。\n",
    )
    m = {s.number: s for s in plan.sections[0].children[0].children}
    assert m["1"].clause.duty == "按照职责分工分别负责"
    assert m["1"].clause.names == ["县发改局", "县工信局"]
    assert m["2"].clause.written_names == ["各县（市）区人民政府", "党校（行政学院）"]
    assert not m["3"].clause.labelled and m["3"].clause.names == [
        "县发改局",
        "县财政局",
        "县工信局",
    ]
    assert m["4"].clause.names == ["县委组织部", "县委宣传部", "县委党校", "县发改局", "县人社局"]
    assert m["5"].clause.names == ["县住建局", "市生态环境局平罗分局", "县机关事务服务中心"]
    assert [u.group for u in m["6"].clause.units] == [0, 1, 1]
    assert m["6"].clause.names == ["市委宣传部", "县发改委", "县教育局"]
    assert m["7"].clause.names == ["县科技局", "县工信局"]
    assert m["8"].clause is None  # a parenthesis inside a sentence is no clause


def test_note_after_the_units(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）行动\n1.甲。正文。（责任单位：县发改局、财政局；列首位的为牵头单位，下同）\n",
    )
    clause = plan.sections[0].children[0].children[0].clause
    assert clause.note == "列首位的为牵头单位，下同"
    assert clause.names == ["县发改局", "县财政局"]


def test_run_in_sub_items_each_with_a_clause(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）工业行动\n1.推动工业绿色低碳发展\n"
        "构建绿色低碳产业体系。加快优化工业结构。（责任单位：市工信局、发改委）\n"
        "实施重点行业清洁生产。着力推进企业清洁生产。（责任单位：市生态环境局、工信局）\n"
        "2.推进清洁能源开发利用。加快推动清洁能源发展，构建绿色能源体系。\n"
        "稳步有序发展太阳能。规划发展集中式光伏项目。\n"
        "合理开发利用风能。科学规划风电场布局。（责任单位：市发改委）\n",
    )
    first, second = plan.sections[0].children[0].children
    assert first.clause is None
    assert [(c.title, c.clause.lead, c.id) for c in first.children] == [
        ("构建绿色低碳产业体系", "市工信局", "t:一.一.1.#1"),
        ("实施重点行业清洁生产", "市生态环境局", "t:一.一.1.#2"),
    ]
    assert first.children[0].paragraphs == ["加快优化工业结构。"]
    assert second.children == [] and second.clause.lead == "市发改委"
    assert len(second.paragraphs) == 3


def test_numbering_that_continues_across_chapters(write_txt):
    body = "一、总体要求\n（一）指导思想。坚持。\n（二）工作原则。坚持。\n二、主要任务\n"
    body += "".join(f"（{n}）任务{n}。推进。\n" for n in "三四五六七八九十")
    body += "三、保障措施\n（十一）加强组织领导。加强。\n"
    body += "".join(f"（{n}）保障{n}。加强。\n" for n in ["十二", "二十", "二十八"])
    plan = plan_of(
        write_txt, body, title="关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见"
    )
    assert [len(s.children) for s in plan.sections] == [2, 8, 4]
    last = plan.sections[2].children[-1]
    assert (last.label, last.id) == ("（二十八）", "t:三.二十八")


def test_targets_in_measure_text(write_txt):
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）行动\n1.甲。到2025年，一般工业固废综合利用率达到57%；"
        "到 2030 年，水泥熟料产能控制在 160 万吨以内，单位电石生产综合能耗下降10%。"
        "营运车辆单位运输周转量二氧化碳排放较2020年下降4%左右。\n",
    )
    targets = plan.sections[0].children[0].children[0].targets
    found = [(t.year, t.indicator, t.value, t.unit, t.qualifier) for t in targets]
    assert found == [
        (2025, "一般工业固废综合利用率", "57", "%", ""),
        (2030, "水泥熟料产能", "160", "万吨", "以内"),
        (2030, "单位电石生产综合能耗", "10", "%", ""),
    ]


def test_task_table_in_a_text_copy(write_txt):
    table = (
        "某县碳达峰实施方案任务分工\n"
        "序号\t重点领域\t行动措施\t主要工作\t牵头单位\t配合单位\n"
        "1\t\t发展新能源\t推进光伏，\t县发改局\t县工信局\n"
        "序号\t重点领域\t行动措施\t主要工作\t牵头单位\t配合单位\n"
        "\t一、能源行动\t\t建设储能。\t\t\n"
        "2\t\t建设电网\t建设智能电网。\t县发改局\t县工信局、国网公司\n"
        "\t\t\t推进需求响应。\t县工信局\t/\n"
        "3\t二、节能行动\t提升节能管理\t节能审查。\t县发改局\t县财政局、\n"
        "序号\t重点领域\t行动措施\t主要工作\t牵头单位\t配合单位\n"
        "\t\t\t\t\t市场监管局\n"
    )
    plan = plan_of(
        write_txt,
        "一、重点任务\n（一）能源行动\n1.发展新能源。推进。\n2.建设电网。建设。\n"
        "（二）节能行动\n1.提升节能管理。审查。\n" + table,
    )
    rows = plan.task_table
    assert [r.number for r in rows] == [1, 2, 3]
    assert rows[0].work_rows[0].work == "推进光伏，建设储能。"
    assert [w.lead for w in rows[1].work_rows] == ["县发改局", "县工信局"]
    assert rows[1].work_rows[1].cooperating == ""
    assert rows[2].work_rows[0].cooperating_units == ["县财政局", "县市场监管局"]
    assert [r.area for r in rows] == ["一、能源行动", "一、能源行动", "二、节能行动"]
    assert [r.measure_id for r in rows] == ["t:一.一.1", "t:一.一.2", "t:一.二.1"]


def test_gbk_encoded_text(write_txt):
    path = write_txt("某县碳达峰实施方案\n一、总体要求\n坚持系统观念。\n", encoding="gb18030")
    assert import_plan(path, plan_id="t").plan.sections[0].title == "总体要求"


def test_front_matter_stage_issuer_and_date(write_txt):
    text = (
        "某市碳达峰实施方案\n(征求意见稿)\n某市发展和改革委员会\n二〇二三年八月\n"
        "某市碳达峰实施方案\n为深入贯彻……\n一、总体要求\n坚持。\n"
    )
    plan = import_plan(write_txt(text), plan_id="t").plan
    assert (plan.title, plan.level, plan.stage) == ("某市碳达峰实施方案", "city", "征求意见稿")
    assert (plan.issuer, plan.date) == ("某市发展和改革委员会", "2023-08")
    assert plan.preamble == ["为深入贯彻……"]
