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
    return [
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
