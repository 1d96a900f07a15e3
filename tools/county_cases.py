"""Make every labelled county draft and print its counts (issues 24 and 25).

    uv run python tools/county_cases.py [-v] [--only SLUG] [--read SLUG]

For each folder of tests/cases/counties/: import parent.pdf into a fresh plan library,
`new … --all`, export Word and Excel, `check`; then count against case.json (the hand
labels): measures, 任务分工表 rows, proposed units and where they are marked, parent
indicators listed in 主要目标 and the target table, parent figures printed as the
county's, unflagged residues, noise and unjudged comments, artifacts, half-word comments.
-v lists what each count is made of; --read prints a draft's Word text with its comments
inline (【words】〔comment〕), to read it in full as a reviewer does.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.cases.measure import Counts, Made, case_dirs, make, measure  # noqa: E402

COLUMNS = (
    ("case", 20),
    ("措施", 4),
    ("缺行", 4),
    ("拟定", 4),
    ("四处", 4),
    ("指标", 4),
    ("列出", 4),
    ("上级数", 6),
    ("残留", 4),
    ("未标", 4),
    ("噪声", 4),
    ("未判", 4),
    ("断字", 4),
    ("错字", 4),
    ("批注", 4),
    ("附重", 4),
)


def row(c: Counts) -> list[str]:
    return [
        c.slug,
        str(c.measures),
        str(len(c.missing_rows)),
        str(c.proposed),
        str(c.marked_all),
        str(c.indicators),
        str(c.indicators - len(c.unlisted)),
        str(len(c.printed)),
        str(c.residues),
        str(len(c.unflagged)),
        str(len(c.noise)),
        str(len(c.unjudged)),
        str(len(c.half_words)),
        str(len(c.artifacts)),
        str(c.comments),
        str(c.repeats),
    ]


def table(all_counts: list[Counts]) -> str:
    lines = ["| " + " | ".join(name for name, _ in COLUMNS) + " |"]
    lines.append("|" + "|".join("---" for _ in COLUMNS) + "|")
    for c in all_counts:
        lines.append("| " + " | ".join(row(c)) + " |")
    totals = ["total"] + [
        str(sum(int(row(c)[i]) for c in all_counts)) for i in range(1, len(COLUMNS))
    ]
    lines.append("| " + " | ".join(totals) + " |")
    return "\n".join(lines)


def details(c: Counts) -> list[str]:
    out = []
    for name, items in (
        ("没有任务分工表行的措施", c.missing_rows),
        ("上级数值印作本县的", c.printed),
        ("未列出的上级指标", c.unlisted),
        ("未标出的残留", c.unflagged),
        ("噪声批注", c.noise),
        ("未判断的批注", c.unjudged),
        ("断字批注", c.half_words),
        ("错字", c.artifacts),
    ):
        if items:
            out.append(f"  {name}（{len(items)}）：" + "；".join(items))
    for place, titles in c.unmarked.items():
        if titles:
            out.append(f"  拟定单位未在{place}标出（{len(titles)}）：" + "；".join(titles))
    return out


def read_out(made: Made) -> str:
    """The Word text with each comment inline after its words."""
    lines = []
    for para in made.word.paras:
        text = para.text
        for comment in sorted(made.word.comments_in(para.index), key=lambda c: -c.end):
            note = comment.text.replace("\n", " / ")
            text = (
                text[: comment.start]
                + f"【{text[comment.start : comment.end]}】〔{note}〕"
                + text[comment.end :]
            )
        if text.strip():
            mark = "附" if para.attachment else ("表" if para.in_table else "")
            lines.append(f"{para.index:4}{mark:1} {text}")
    return "\n".join(lines)


def run(folder: Path) -> tuple[Made, Counts]:
    with tempfile.TemporaryDirectory(prefix="county-case-") as tmp:
        os.environ["PEAKPLAN_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["PEAKPLAN_CACHE_DIR"] = str(Path(tmp) / "cache")
        made = make(folder, Path(tmp) / "out")
        return made, measure(made)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--only", help="one case folder name")
    parser.add_argument("--read", metavar="SLUG", help="print this draft's text with comments")
    args = parser.parse_args(argv)
    folders = case_dirs()
    pick = args.read or args.only
    if pick:
        folders = [f for f in folders if f.name == pick]
    if args.read:
        made, _ = run(folders[0])
        print(read_out(made))
        return 0
    all_counts = []
    for folder in folders:
        _, counts = run(folder)
        all_counts.append(counts)
        if args.verbose:
            print(counts.slug)
            print("\n".join(details(counts)))
    print(table(all_counts))
    print(
        "措施 measures; 缺行 measures without an Excel row; 拟定 measures with proposed units;"
        " 四处 of them marked in editor, check, Word and Excel; 指标 labelled parent indicators;"
        " 列出 of them in the target table and 主要目标; 上级数 parent figures printed as the"
        " county's in 主要目标; 残留 labelled residues; 未标 residues printed with no comment;"
        " 噪声 noise comments; 未判 comments nobody judged; 断字 comments on half a word;"
        " 错字 artifacts; 批注 Word comments;"
        " 附重 of them 附件 comments repeating a body comment (proposals aside)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
