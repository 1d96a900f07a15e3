"""A consultation round as units return it, made by LibreOffice (uno_driver.py): each file
with the opinions a reader should find in it, as (kind, node id, place). The tests read
them; benchmarks/feedback_recall.py counts recall and precision over them."""

from __future__ import annotations

from pathlib import Path

FORM_HEADER = ["序号", "章节", "原文", "修改意见", "理由"]
N_COAL = "n9"  # 三、（一）1 推进煤炭消费替代和转型升级
N_SOLAR = "n12"  # 三、（一）2 大力发展新能源
N_FARM = "n84"  # two paragraphs, the second with the 责任单位 clause
N_ENERGY = "n8"  # （一）能源绿色低碳转型行动, its lead paragraph
N_HYDROGEN, N_GRID = "n13", "n14"  # 三、（一）3 and 4
N_SAVING, N_WORKS, N_DEVICES = "n19", "n20", "n23"  # 三、（二）1, 2, 3


def jobs(sent: Path, out: Path) -> list[dict]:
    """The returned files, made from the exported draft `sent` into folder `out`."""
    d = str(sent)

    def o(name: str) -> str:
        return str(out / name)

    xlsx_rows = [
        ["县工信局反馈意见表", "", "", "", ""],
        ["反馈单位：县工信局", "", "", "", ""],
        ["", "", "", "", ""],
        FORM_HEADER,
        ["1", "三、（一）1", "遏制煤炭消费快速增长趋势", "“遏制”改为“坚决遏制”", ""],
        ["2", "三、（一）2", "", "", "建议删除“，打造高仁乡光伏产业园区”"],
        ["3", "第五部分", "", "建议加强宣传", ""],
    ]
    writer_rows = [
        ["县住建局关于碳达峰实施方案的反馈意见表", "", "", "", "", ""],
        ["序号", "条款", "页码", "原文内容", "修改建议", "备注"],
        ["1", "（一）2", "5", "", "在“加大新能源产业项目招商引资力度”后增加“，推广分布式光伏”", ""],
        ["2", "推进煤炭消费替代和转型升级", "4", "", "无", ""],
        ["3", "", "6", "严控煤炭消费增量", "修改为“严格控制煤炭消费增量”", "表述规范"],
    ]
    more_rows = [
        ["《平罗县碳达峰实施方案》修改意见表", "", "", "", ""],
        ["序号", "条款", "原文", "修改后", "说明"],
        ["", "", "", "", ""],
        ["1", "三、（二）2", "推行绿色社区试点", "推行绿色社区创建", "与上级方案一致"],
        ["2", "三、（二）3", "", "", "建议删除“，综合运用税收、价格等政策”"],
        ["3", "三、（二）3", "全力推进能效相关标准实施", "全面推进能效相关标准实施", ""],
        ["填表人：王五   联系电话：0952-1234567", "", "", "", ""],
    ]
    merged_rows = [
        ["县林草局反馈意见", "", "", ""],
        ["序号", "章节", "意见", "理由"],
        ["1", "三、（一）4", "建议将“建设坚强智能电网”改为“建设坚强智能电网和微电网”", ""],
        ["2", "", "建议增加“推进源网荷储一体化”", "补充内容"],
        ["3", "六、其他", "建议附上名词解释", ""],
    ]
    return [
        {
            "source": d,
            "out": o("县财政局.docx"),
            "author": "县财政局",
            "steps": [
                {"op": "track"},
                {
                    "op": "new_paragraph",
                    "find": "对接自治区氢能产业发展规划布局",
                    "text": "积极争取中央预算内资金支持氢能项目建设。",
                },
                {"op": "delete", "find": "，建设坚强智能电网"},
            ],
        },
        {
            "out": o("县统计局.docx"),
            "steps": [
                {
                    "op": "text",
                    "lines": [
                        "县统计局关于平罗县碳达峰实施方案的反馈意见",
                        "经研究，我局对该方案无意见。",
                    ],
                }
            ],
        },
        {
            "source": d,
            "out": o("返回稿.doc"),
            "author": "县市场监管局",
            "steps": [
                {"op": "track"},
                {
                    "op": "replace",
                    "find": "逐步建立用能预算管理体系",
                    "with": "加快建立用能预算管理体系",
                },
            ],
        },
        {
            "source": d,
            "out": o("县教体局.docx"),
            "window": True,
            "author": "县教体局",
            "steps": [
                {"op": "track"},
                {"op": "replace", "find": "推行绿色社区试点", "with": "推进绿色社区创建"},
                {"op": "accept_all"},
            ],
        },
        {
            "source": d,
            "out": o("县卫健局.docx"),
            "author": "县卫健局",
            "steps": [
                {
                    "op": "comment",
                    "find": "强化固定资产投资项目节能审查",
                    "text": "建议补充公共机构节能内容",
                },
            ],
        },
        {
            "calc": True,
            "out": o("县商务局.xlsx"),
            "steps": [{"op": "cells", "rows": more_rows, "merge": ["A1:E1", "A7:E7"]}],
        },
        {
            "out": o("县林草局.docx"),
            "steps": [
                {
                    "op": "table",
                    "rows": merged_rows,
                    "merge": ["A1:D1", "B3:B4"],
                }
            ],
        },
        {
            "out": o("县应急局.doc"),
            "steps": [
                {
                    "op": "table",
                    "before": ["县应急局反馈意见表"],
                    "rows": [
                        ["序号", "页码", "条款", "修改意见", "备注"],
                        ["1", "7", "三、（二）1", "“逐步推进”改为“加快推进”", ""],
                    ],
                }
            ],
        },
        {
            "source": d,
            "out": o("县住建局.docx"),
            "author": "张三",
            "steps": [
                {"op": "track"},
                {
                    "op": "replace",
                    "find": "遏制煤炭消费快速增长趋势",
                    "with": "坚决遏制煤炭消费增长",
                },
                {
                    "op": "comment",
                    "find": "加大新能源产业项目招商引资力度",
                    "text": "建议补充分布式光伏",
                },
                {"op": "delete", "find": "，推进绿色电力交易"},
            ],
        },
        {
            "source": d,
            "out": o("县交通局.doc"),
            "author": "李四",
            "steps": [
                {"op": "track"},
                {
                    "op": "comment",
                    "find": "加大新能源产业项目招商引资力度",
                    "text": "无意见。",
                    "author": "李四",
                },
                {
                    "op": "comment",
                    "find": "严格合理控制煤炭消费",
                    "text": "建议写明煤炭消费控制目标",
                    "author": "李四",
                },
                {
                    "op": "replace",
                    "find": "遏制煤炭消费快速增长趋势",
                    "with": "坚决遏制煤炭消费增长",
                },
            ],
        },
        {
            "source": d,
            "out": o("修改稿.docx"),
            "window": True,
            "author": "县发改局",
            "steps": [
                {"op": "track"},
                {"op": "split", "find": "加大新能源产业项目招商引资力度，"},
                {"op": "merge", "find": "加快构建清洁低碳安全高效的能源体系。"},
                {"op": "accept_all"},
            ],
        },
        {
            "source": d,
            "out": o("县能源局拆分.docx"),
            "author": "县能源局",
            "steps": [{"op": "track"}, {"op": "split", "find": "加大新能源产业项目招商引资力度，"}],
        },
        {
            "source": d,
            "out": o("县农业农村局合并.docx"),
            "author": "县农业农村局",
            "steps": [{"op": "track"}, {"op": "merge", "find": "综合利用率达到90%以上；"}],
        },
        {
            "source": d,
            "out": o("县自然资源局.docx"),
            "window": True,
            "author": "县自然资源局",
            "steps": [
                {"op": "track"},
                {"op": "merge", "find": "综合利用率达到90%以上；"},
                {"op": "accept_all"},
            ],
        },
        {
            "source": d,
            "out": o("县水务局.docx"),
            "author": "县水务局",
            "steps": [
                {"op": "track"},
                {"op": "delete_paragraph", "find": "到2030年，化肥、农药利用率持续提高"},
            ],
        },
        {
            "source": d,
            "out": o("县科技局.doc"),
            "author": "县科技局",
            "steps": [
                {"op": "track"},
                {"op": "replace", "find": "能源绿色低碳转型行动", "with": "能源绿色转型行动"},
                {"op": "insert_after", "find": "大力实施可再生能源替代", "text": "和储能建设"},
            ],
        },
        {
            "calc": True,
            "out": o("县工信局反馈意见表.xlsx"),
            "steps": [{"op": "cells", "rows": xlsx_rows, "merge": ["A1:E1", "A2:E2"]}],
        },
        {
            "out": o("县住建局反馈意见表.docx"),
            "steps": [
                {
                    "op": "table",
                    "before": ["附件", "反馈意见表"],
                    "rows": writer_rows,
                    "merge": ["A1:F1"],
                }
            ],
        },
    ]


EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "县财政局.docx": [("insertion", N_HYDROGEN, "paragraph"), ("deletion", N_GRID, "paragraph")],
    "县统计局.docx": [("none", "", "draft")],
    "返回稿.doc": [("edit", N_SAVING, "paragraph")],
    "县教体局.docx": [("edit", N_WORKS, "paragraph")],
    "县卫健局.docx": [("comment", N_SAVING, "paragraph")],
    "县商务局.xlsx": [
        ("table", N_WORKS, "paragraph"),
        ("table", N_DEVICES, "paragraph"),
        ("table", N_DEVICES, "paragraph"),
    ],
    "县林草局.docx": [
        ("table", N_GRID, "paragraph"),
        ("table", N_GRID, "paragraph"),
        ("table", "", "draft"),
    ],
    "县应急局.doc": [("table", N_SAVING, "paragraph")],
    "县住建局.docx": [
        ("edit", N_COAL, "paragraph"),
        ("comment", N_SOLAR, "paragraph"),
        ("deletion", N_ENERGY, "paragraph"),
    ],
    "县交通局.doc": [
        ("none", "", "draft"),
        ("comment", N_ENERGY, "paragraph"),
        ("edit", N_COAL, "paragraph"),
    ],
    "修改稿.docx": [("edit", N_SOLAR, "paragraph")],
    "县能源局拆分.docx": [("edit", N_SOLAR, "paragraph")],
    "县农业农村局合并.docx": [("edit", N_FARM, "paragraph")],
    "县自然资源局.docx": [("edit", N_FARM, "paragraph")],
    "县水务局.docx": [("deletion", N_FARM, "paragraph")],
    "县科技局.doc": [("insertion", N_ENERGY, "paragraph")],
    "县工信局反馈意见表.xlsx": [
        ("table", N_COAL, "paragraph"),
        ("table", N_SOLAR, "paragraph"),
        ("table", "", "draft"),
    ],
    "县住建局反馈意见表.docx": [
        ("table", N_SOLAR, "paragraph"),
        ("none", "", "draft"),
        ("table", N_COAL, "paragraph"),
    ],
}


def score(found: dict[str, list[tuple[str, str, str]]]) -> tuple[int, int, int]:
    """(expected, found, right): an opinion is right when one expected has its kind, node
    and place (each expected one matched once)."""
    expected = sum(len(v) for v in EXPECTED.values())
    total = sum(len(v) for v in found.values())
    right = 0
    for name, wanted in EXPECTED.items():
        left = list(wanted)
        for item in found.get(name, []):
            if item in left:
                left.remove(item)
                right += 1
    return expected, total, right
