"""A consultation round as units return it, made by LibreOffice (uno_driver.py): each file
with the opinions a reader should find in it, as (kind, node id, place). The tests read
them; benchmarks/feedback_recall.py counts recall and precision over them."""

from __future__ import annotations

from pathlib import Path

N_COAL = "n9"  # 三、（一）1 推进煤炭消费替代和转型升级
N_SOLAR = "n12"  # 三、（一）2 大力发展新能源
N_FARM = "n84"  # two paragraphs, the second with the 责任单位 clause
N_ENERGY = "n8"  # （一）能源绿色低碳转型行动, its lead paragraph
N_HYDROGEN, N_GRID = "n13", "n14"  # 三、（一）3 and 4
N_SAVING, N_WORKS, N_DEVICES = "n19", "n20", "n23"  # 三、（二）1, 2, 3


TRACK = {"op": "track"}
XLSX_ROWS = [
    ["县工信局反馈意见表", "", "", "", ""],
    ["反馈单位：县工信局", "", "", "", ""],
    ["", "", "", "", ""],
    ["序号", "章节", "原文", "修改意见", "理由"],
    ["1", "三、（一）1", "遏制煤炭消费快速增长趋势", "“遏制”改为“坚决遏制”", ""],
    ["2", "三、（一）2", "", "", "建议删除“，打造高仁乡光伏产业园区”"],
    ["3", "第五部分", "", "建议加强宣传", ""],
]
WRITER_ROWS = [
    ["县住建局关于碳达峰实施方案的反馈意见表", "", "", "", "", ""],
    ["序号", "条款", "页码", "原文内容", "修改建议", "备注"],
    ["1", "（一）2", "5", "", "在“加大新能源产业项目招商引资力度”后增加“，推广分布式光伏”", ""],
    ["2", "推进煤炭消费替代和转型升级", "4", "", "无", ""],
    ["3", "", "6", "严控煤炭消费增量", "修改为“严格控制煤炭消费增量”", "表述规范"],
]
MORE_ROWS = [  # 原文 and 修改后 columns, a blank row, a 填表人 footer merged across
    ["《平罗县碳达峰实施方案》修改意见表", "", "", "", ""],
    ["序号", "条款", "原文", "修改后", "说明"],
    ["", "", "", "", ""],
    ["1", "三、（二）2", "推行绿色社区试点", "推行绿色社区创建", "与上级方案一致"],
    ["2", "三、（二）3", "", "", "建议删除“，综合运用税收、价格等政策”"],
    ["3", "三、（二）3", "全力推进能效相关标准实施", "全面推进能效相关标准实施", ""],
    ["填表人：王五   联系电话：0952-1234567", "", "", "", ""],
]
MERGED_ROWS = [  # the 章节 of rows 1 and 2 merged down (B3:B4)
    ["县林草局反馈意见", "", "", ""],
    ["序号", "章节", "意见", "理由"],
    ["1", "三、（一）4", "建议将“建设坚强智能电网”改为“建设坚强智能电网和微电网”", ""],
    ["2", "", "建议增加“推进源网荷储一体化”", "补充内容"],
    ["3", "六、其他", "建议附上名词解释", ""],
]


def _replace(find: str, words: str) -> dict:
    return {"op": "replace", "find": find, "with": words}


def _comment(find: str, text: str) -> dict:
    return {"op": "comment", "find": find, "text": text}


def _edited(sent: Path, out: Path, name: str, author: str, *steps: dict, window=False) -> dict:
    """A job: the sent draft opened, edited by `author`, saved as `name`."""
    return {
        "source": str(sent),
        "out": str(out / name),
        "author": author,
        "window": window,
        "steps": list(steps),
    }


def _changes(s: Path, o: Path) -> list[dict]:
    """Tracked changes and comments, in .docx and .doc."""
    return [
        _edited(
            s,
            o,
            "县住建局.docx",
            "张三",
            TRACK,
            _replace("遏制煤炭消费快速增长趋势", "坚决遏制煤炭消费增长"),
            _comment("加大新能源产业项目招商引资力度", "建议补充分布式光伏"),
            {"op": "delete", "find": "，推进绿色电力交易"},
        ),
        _edited(
            s,
            o,
            "县交通局.doc",
            "李四",
            TRACK,
            _comment("加大新能源产业项目招商引资力度", "无意见。"),
            _comment("严格合理控制煤炭消费", "建议写明煤炭消费控制目标"),
            _replace("遏制煤炭消费快速增长趋势", "坚决遏制煤炭消费增长"),
        ),
        _edited(
            s,
            o,
            "县财政局.docx",
            "县财政局",
            TRACK,
            {
                "op": "new_paragraph",
                "find": "对接自治区氢能产业发展规划布局",
                "text": "积极争取中央预算内资金支持氢能项目建设。",
            },
            {"op": "delete", "find": "，建设坚强智能电网"},
        ),
        _edited(
            s,
            o,
            "返回稿.doc",
            "县市场监管局",
            TRACK,
            _replace("逐步建立用能预算管理体系", "加快建立用能预算管理体系"),
        ),
        _edited(
            s,
            o,
            "县卫健局.docx",
            "县卫健局",
            _comment("强化固定资产投资项目节能审查", "建议补充公共机构节能内容"),
        ),
        _edited(
            s,
            o,
            "县科技局.doc",
            "县科技局",
            TRACK,  # the first occurrence: the 目录
            _replace("能源绿色低碳转型行动", "能源绿色转型行动"),
            {"op": "insert_after", "find": "大力实施可再生能源替代", "text": "和储能建设"},
        ),
    ]


def _reshaped(s: Path, o: Path) -> list[dict]:
    """Paragraphs split, merged and deleted; accept-all leaving untracked edits."""
    split = {"op": "split", "find": "加大新能源产业项目招商引资力度，"}
    merge = {"op": "merge", "find": "综合利用率达到90%以上；"}
    accept = {"op": "accept_all"}
    return [
        _edited(
            s,
            o,
            "修改稿.docx",
            "县发改局",
            TRACK,
            split,
            {"op": "merge", "find": "加快构建清洁低碳安全高效的能源体系。"},
            accept,
            window=True,
        ),
        _edited(s, o, "县能源局拆分.docx", "县能源局", TRACK, split),
        _edited(s, o, "县农业农村局合并.docx", "县农业农村局", TRACK, merge),
        _edited(s, o, "县自然资源局.docx", "县自然资源局", TRACK, merge, accept, window=True),
        _edited(
            s,
            o,
            "县水务局.docx",
            "县水务局",
            TRACK,
            {"op": "delete_paragraph", "find": "到2030年，化肥、农药利用率持续提高"},
        ),
        _edited(
            s,
            o,
            "县教体局.docx",
            "县教体局",
            TRACK,
            _replace("推行绿色社区试点", "推进绿色社区创建"),
            accept,
            window=True,
        ),
    ]


def _forms(o: Path) -> list[dict]:
    """反馈意见表 in Calc and Writer (.xlsx, .docx, .doc) as units fill them, and a letter."""

    def table(rows, merge=(), before=()):
        return {"op": "table", "rows": rows, "merge": list(merge), "before": list(before)}

    def cells(rows, merge):
        return {"op": "cells", "rows": rows, "merge": list(merge)}

    doc_rows = [
        ["序号", "页码", "条款", "修改意见", "备注"],
        ["1", "7", "三、（二）1", "“逐步推进”改为“加快推进”", ""],
    ]
    letter = ["县统计局关于平罗县碳达峰实施方案的反馈意见", "经研究，我局对该方案无意见。"]
    return [
        {
            "calc": True,
            "out": str(o / "县工信局反馈意见表.xlsx"),
            "steps": [cells(XLSX_ROWS, ["A1:E1", "A2:E2"])],
        },
        {
            "out": str(o / "县住建局反馈意见表.docx"),
            "steps": [table(WRITER_ROWS, ["A1:F1"], ["附件", "反馈意见表"])],
        },
        {
            "calc": True,
            "out": str(o / "县商务局.xlsx"),
            "steps": [cells(MORE_ROWS, ["A1:E1", "A7:E7"])],
        },
        {"out": str(o / "县林草局.docx"), "steps": [table(MERGED_ROWS, ["A1:D1", "B3:B4"])]},
        {"out": str(o / "县应急局.doc"), "steps": [table(doc_rows, (), ["县应急局反馈意见表"])]},
        {"out": str(o / "县统计局.docx"), "steps": [{"op": "text", "lines": letter}]},
    ]


def jobs(sent: Path, out: Path) -> list[dict]:
    """The returned files, made from the exported draft `sent` into folder `out`."""
    return [*_changes(sent, out), *_reshaped(sent, out), *_forms(out)]


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
