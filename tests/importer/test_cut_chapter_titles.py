"""Chapter titles the layout broke (issue 25's artifacts): printed without their number (龙岩
354, "组织保障措施"), or run on at the end of a body line and cut by the line end (定西 360,
"七、健全绿" / "色法规政策体系"). Each lost a chapter and glued its title to a measure."""

from __future__ import annotations

from app.importer import import_plan
from tests.importer.test_reflow import body_page, line, texts

LONGYAN = (
    "龙岩市加快建立健全绿色低碳循环发展经济体系实施方案\n\n一、总体要求\n坚持绿色发展。\n"
    "七、完善绿色低碳循环发展的政策支撑体系\n"
    "（二十三）健全绿色交易市场机制。积极参与国家、省资源环境权益的市场交易，进一步完善排污权"
    "综合交易模式。鼓励各类社会资本积极参与森林碳汇减排行动。\n"
    "组织保障措施\n"
    "（二十四）加强统筹协调。各县（市、区）要充分认识建立健全绿色低碳循环发展经济体系的重要性"
    "和紧迫性，切实增强主体责任意识。\n"
    "（二十五）强化法治保障。落实国家、省各项绿色标准。\n"
)


def test_a_chapter_title_printed_without_its_number_is_a_chapter(write_txt):
    result = import_plan(write_txt(LONGYAN), plan_id="ly", level="city")
    chapters = result.plan.sections
    assert [(c.label, c.title) for c in chapters][-1] == ("八、", "组织保障措施")
    assert [c.title for c in chapters[-1].children] == ["加强统筹协调", "强化法治保障"]
    trade = chapters[-2].children[-1]
    assert trade.title == "健全绿色交易市场机制"
    assert not any("组织保障措施" in p for p in trade.paragraphs)
    assert any("组织保障措施" in n.message and "八、" in n.message for n in result.notes)


def test_a_heading_cut_at_the_end_of_a_body_line_is_joined_again():
    lines = body_page(
        2,
        "融入丝绸之路“科技走廊”建设，加快建设“两港两中心”物流枢纽。",
        "支持企业、高校、科研机构建立绿色技术创新创业示范基地。 七、健全绿",
    )
    lines.append(line("色法规政策体系 ", 2, 14, end=170))
    lines.append(
        line("（十七）加大立法执法力度。认真执行《甘肃省固体废物污染环境防治条", 2, 15, indent=True)
    )
    lines.append(line("例》等法规规章。", 2, 16, end=200))
    assert texts(lines)[-3:] == [
        "融入丝绸之路“科技走廊”建设，加快建设“两港两中心”物流枢纽。支持企业、高校、科研机构"
        "建立绿色技术创新创业示范基地。",
        "七、健全绿色法规政策体系",
        "（十七）加大立法执法力度。认真执行《甘肃省固体废物污染环境防治条例》等法规规章。",
    ]
