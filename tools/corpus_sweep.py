"""Import every PDF of a folder and say how well each one was read.

    uv run python tools/corpus_sweep.py [DIR] [--labels FILE] [--only TEXT] [--repeat N] [-v]

DIR defaults to ../shared/corpus/pdf (the public collection of real plans). For
each file: imported or refused (and why), the outline's headings against the
heading lines of the PDF's text layer, clauses against the clauses (责任单位,
牵头单位, 责任部门 … after a bracket) in the text, targets, level, title, the
figures of the text layer (digits with %, 万, 亿, 吨, 千瓦, 公顷 …) that are not
in the imported plan, and the time. Then the totals the issue asks of the
importer. With a labels file (tests/importer/corpus_labels.json by default)
level, title and hand-counted outlines (chapters/actions) are checked against
the hand-read answers. -v lists the lost figures and, for an outline outside
10%, the heading lines the text layer was counted with.

The text layer's heading lines are counted as a reader sees them, apart from
the importer: lines starting 第X章/第X节/第X篇, 一、 or （一） whose number goes
on (1, or not less than the last of its style); a heading the layer ran onto
the end of the line before ("…支撑。 二、工作目标") and one behind a stray page
number ("9 五、保障措施") count; a contents page (its entries come again), a
table row ("一、可再生能源 1373 3114 18%"), the items of a 专栏 box, the points of
a 印发 notice before the plan's title, attachments (附件…) and a second plan
printed in the same file (its title, then its outline from 第一章/一、 again)
do not.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.errors import PlanImportError  # noqa: E402
from app.core.text.numbering import from_chinese  # noqa: E402
from app.importer import import_plan  # noqa: E402
from app.importer.readers.pdf_reader import pdf_lines  # noqa: E402
from app.importer.readers.reflow import PRIVATE_GLYPHS  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "pdf"
DEFAULT_LABELS = ROOT / "tests" / "importer" / "corpus_labels.json"

_CN = "一二三四五六七八九十"
_LABEL = rf"(?:第[{_CN}]{{1,3}}[章节篇部分]|[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[）)])"
_HEADING = re.compile(rf"^\s*{_LABEL}")
_STYLE = re.compile(
    rf"^\s*(?:第(?P<part>[{_CN}]{{1,3}})(?P<kind>[章节篇部分])|(?P<chapter>[{_CN}]{{1,3}})、"
    rf"|[（(](?P<action>[{_CN}]{{1,3}})[）)])"
)
_LEADER_OR_PAGE = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|[\U00100000-\U0010ffff]{2,}|\s\d{1,3}\s*$)")
_ATTACHMENT = re.compile(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[：:].*)?$")
"""附件 / 附件2 alone, or the list of attachments (附件：1.…) that closes a plan's text."""
_PAGE_NUMBER = re.compile(r"^\s*[-—－]?\s*\d{1,3}\s*[-—－]?\s*$")
_BOX = re.compile(r"^\s*专栏\s*[0-9０-９一二三四五六七八九十]*")
_BOX_ITEM = re.compile(rf"^\s*(?:[（(]([{_CN}]{{1,3}})[）)]|([{_CN}]{{1,3}})、)")
_TABLE_ROW = re.compile(r"\d[%％]?\s+[-—－]?\d")
"""Two figures side by side: a table row ("一、可再生能源 1373 3114 18%"), not a heading."""
_RUN_ON = re.compile(rf"(?<=[。；！？］）\]])\s+(?={_LABEL})")
"""A heading the text layer put at the end of the line before it ("…支撑。 二、工作目标")."""
_STRAY_DIGITS = re.compile(rf"^\s*\d{{1,2}}\s*(?={_LABEL})")
"""A small page or line number printed before a heading ("9 五、保障措施")."""
_NOTICE_END = re.compile(r"印发给你们|现予印发|请认真(?:贯彻|组织)|请结合实际")
_PLAN_TITLE = re.compile(
    r"^\s*\S{4,60}(?:实施方案|行动方案|工作方案|规划|实施意见|若干措施|意见|办法|计划)"
    r"(?:[（(][^）)]*[）)])?\s*$"
)
UNITS = ("%", "‰", "万", "亿", "吨", "千瓦", "公顷", "亩", "立方米", "平方米", "公里", "千米")
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:" + "|".join(map(re.escape, UNITS)) + ")")
_UNIT_WORDS = re.compile(
    r"(?:(?<=[（(［\[【])|(?<=。))(?:责任单位|责任部门|责任处室|牵头单位|牵头部门)[：:∶]"
)
"""A clause's first label, after its bracket or a full stop: "（牵头单位：…；责任单位：…）" once."""


def squash(text: str) -> str:
    """Text as compared: NFKC (full-width digits), no blanks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass
class Layer:
    headings: int
    unit_words: int
    figures: list[str]
    text: str
    heading_lines: list[str] = field(default_factory=list)


def text_layer(path: Path) -> Layer:
    """What a reader sees in the PDF: heading lines, 责任单位 count and figures."""
    lines, _ = pdf_lines(path.read_bytes())
    texts: list[str] = []
    for line in lines:
        text = line.text.translate(PRIVATE_GLYPHS)
        if not _PAGE_NUMBER.match(text):
            texts.extend(_RUN_ON.split(_STRAY_DIGITS.sub("", text)))
    joined = squash("".join(texts))
    skip = _contents(texts)
    start = _after_notice(texts, skip)
    end = _body_end(texts, skip, start)
    counted = _count_headings(texts, skip, start, end)
    body = [t for i, t in enumerate(texts) if i not in skip]
    figures = [f for text in body for f in _FIGURE.findall(squash(text))]
    return Layer(
        len(counted), len(_UNIT_WORDS.findall(joined)), figures, joined, [texts[i] for i in counted]
    )


def _heading(text: str) -> tuple[str, int] | None:
    """(style, number) of a heading line: 第一章 ("章", 1), 三、 ("、", 3), （二） ("（）", 2)."""
    m = _STYLE.match(text)
    if not m or _LEADER_OR_PAGE.search(text) or _TABLE_ROW.search(text):
        return None
    rest = text[m.end() :].lstrip()
    if rest[:1] in tuple("。，；、：:,.）)"):
        return None  # "（二）。水环境…": a reference wrapped onto a line start, not a heading
    if m.group("kind"):
        return m.group("kind"), from_chinese(m.group("part"))
    if m.group("chapter"):
        return "、", from_chinese(m.group("chapter"))
    return "（）", from_chinese(m.group("action"))


def _after_notice(texts: list[str], skip: range) -> int:
    """Where the plan starts after a 印发 notice with its own numbered points: at the plan's
    title line after the notice's "印发给你们"."""
    early = len(texts) // 3
    notice = next((i for i in range(early) if _NOTICE_END.search(texts[i])), None)
    if notice is None:
        return 0
    for i in range(notice + 1, early):
        if i not in skip and _PLAN_TITLE.match(squash(texts[i])):
            return i + 1
    return 0


def _body_end(texts: list[str], skip: range, start: int) -> int:
    """The end of the plan's own text: its attachments, or a second plan in the same file
    (a title line, then its outline from the first heading again)."""
    top: str | None = None
    for i in range(start, len(texts)):
        if i in skip:
            continue
        heading = _heading(texts[i])
        if heading and top is None:
            top = heading[0]
            continue
        if top is None:
            continue
        if _ATTACHMENT.match(texts[i]):
            return i
        if _PLAN_TITLE.match(squash(texts[i])) and not heading:
            after = (_heading(t) for t in texts[i + 1 : i + 25])
            if any(h == (top, 1) for h in after):
                return i
    return len(texts)


def _count_headings(texts: list[str], skip: range, start: int, end: int) -> list[int]:
    """Heading lines of the plan's text whose numbers go on (1, or not less than the last of their
    style: "（二）中附表9。" after （五） is a wrapped reference), outside a contents page and
    the items of 专栏 boxes."""
    region = range(start, end)
    entries = {i: _entry(texts[i]) if _HEADING.match(texts[i]) else "" for i in region}
    last = {entry: i for i, entry in entries.items() if entry}
    early = start + (end - start) // 5  # a contents page is at the front
    repeated = [i for i in range(start, early) if entries[i] and last[entries[i]] != i]
    if repeated and not skip:  # a contents page without 目录: its entries come again later
        skip = range(repeated[0], repeated[-1] + 2)
    headings: list[int] = []
    box_next = 0
    last_value: dict[str, int] = {}
    for index in region:
        text = texts[index]
        if index in skip or (entries[index] and last[entries[index]] != index):
            continue  # a contents line: the same heading comes again in the body
        if _BOX.match(text):
            box_next = 1
        item = _BOX_ITEM.match(text)
        if box_next and item and from_chinese(item.group(1) or item.group(2)) == box_next:
            box_next += 1  # an item of a 专栏 box: text of its node, not a heading
            continue
        if item or _HEADING.match(text):
            box_next = 0  # the plan's own numbering again
        heading = _heading(text)
        if heading is None:
            continue
        style, value = heading
        if value == 1 or value >= last_value.get(style, 0):
            last_value[style] = value
            headings.append(index)
    return headings


def _entry(text: str) -> str:
    text = re.sub(r"[.…·\s\d]+$", "", squash(text))
    return text


def _contents(texts: list[str]) -> range:
    """The lines of a contents page: from 目录 to the body's repeat of its first heading."""
    start = next((i for i, t in enumerate(texts) if squash(t) == "目录"), None)
    if start is None:
        return range(0)
    first = next((i for i in range(start + 1, len(texts)) if _HEADING.match(texts[i])), None)
    if first is None:
        return range(0)
    key = _entry(texts[first])

    def again(text: str) -> bool:  # a contents entry cut short ("第一章 开启") comes again whole
        entry = _entry(text)
        return bool(entry) and (entry.startswith(key) or key.startswith(entry))

    end = next((j for j in range(first + 1, len(texts)) if again(texts[j])), None)
    return range(start, end) if end is not None else range(0)


def plan_text(plan) -> str:
    """Every string of the imported plan, squashed."""
    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(plan.model_dump())
    return squash("".join(out))


def outline_headings(plan) -> tuple[int, dict[str, int]]:
    """Headings in the outline at the label styles the text layer counts, and per depth."""
    count = 0
    per_depth: dict[str, int] = {}
    for section in plan.walk() if hasattr(plan, "walk") else _walk(plan.sections):
        per_depth[str(section.level)] = per_depth.get(str(section.level), 0) + 1
        label = section.label
        if re.match(rf"^(?:第[{_CN}]+[章节篇部分]|[{_CN}]+、|（[{_CN}]+）)", label):
            count += 1
    return count, per_depth


def _walk(sections):
    for section in sections:
        yield section
        yield from _walk(section.children)


@dataclass
class Row:
    name: str
    ok: bool
    reason: str = ""
    seconds: float = 0.0
    headings: int = 0
    layer_headings: int = 0
    clauses: int = 0
    unit_words: int = 0
    targets: int = 0
    level: str = ""
    title: str = ""
    lost: list[str] = field(default_factory=list)
    layer_lines: list[str] = field(default_factory=list)
    depths: dict[str, int] = field(default_factory=dict)
    chapters: int = 0
    actions: int = 0
    untitled: int = 0
    footnotes: int = 0

    @property
    def outline_ok(self) -> bool:
        if self.layer_headings == 0:
            return self.headings == 0
        return abs(self.headings - self.layer_headings) <= 0.1 * self.layer_headings


def sweep_file(path: Path, repeat: int = 1) -> Row:
    layer = text_layer(path)
    seconds = float("inf")
    for _ in range(max(1, repeat)):  # the best of N: other work on the machine only adds
        start = time.perf_counter()
        try:
            result = import_plan(path)
        except PlanImportError as exc:
            return Row(path.name, False, exc.one_line()[:200], time.perf_counter() - start)
        seconds = min(seconds, time.perf_counter() - start)
    plan = result.plan
    text = plan_text(plan)
    sections = list(_walk(plan.sections))
    count, depths = outline_headings(plan)
    return Row(
        path.name,
        True,
        seconds=seconds,
        headings=count,
        layer_headings=layer.headings,
        layer_lines=layer.heading_lines,
        clauses=sum(1 for s in sections if s.clause is not None),
        unit_words=layer.unit_words,
        targets=sum(len(s.targets) for s in sections),
        level=plan.level,
        title=plan.title,
        lost=_lost(layer.figures, text),
        depths=depths,
        chapters=len(plan.sections),
        untitled=sum(1 for s in sections if s.label and not s.title),
        footnotes=len(plan.footnotes),
        actions=sum(len(s.children) for s in plan.sections),
    )


def _lost(figures: list[str], text: str) -> list[str]:
    """Figures the plan has fewer times than the text layer (front matter has none to speak of)."""
    return [f for f, n in sorted(Counter(figures).items()) if text.count(f) < n]


def is_guihua(name: str) -> bool:
    return "规划" in name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the lost figures")
    parser.add_argument("--json", type=Path, help="write the rows to this file")
    parser.add_argument("--repeat", type=int, default=1, help="time each import N times (best)")
    args = parser.parse_args(argv)
    files = sorted(
        p for p in args.folder.rglob("*") if p.suffix.lower() == ".pdf" and args.only in p.name
    )
    labels = json.loads(args.labels.read_text("utf-8")) if args.labels.exists() else {}
    rows = []
    for path in files:
        row = sweep_file(path, args.repeat)
        rows.append(row)
        print(_line(row, labels.get(row.name)), flush=True)
        if args.verbose and row.ok and not row.outline_ok:
            for line in row.layer_lines:
                print("      heading:", squash(line)[:40])
        if args.verbose and row.lost:
            print("      lost:", " ".join(row.lost[:20]))
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1), "utf-8"
        )
    _totals(rows, labels)
    return 0


def _line(row: Row, label: dict | None) -> str:
    if not row.ok:
        return f"REFUSED {row.name}  {row.seconds:.2f}s  {row.reason}"
    mark = "" if row.outline_ok else " OUTLINE?"
    checks = ""
    if label:
        if label.get("level") and label["level"] != row.level:
            checks += f" LEVEL≠{label['level']}"
        if label.get("title") and label["title"] != row.title:
            checks += " TITLE≠"
        if "chapters" in label and (label["chapters"], label["actions"]) != (
            row.chapters,
            row.actions,
        ):
            checks += (
                f" OUTLINE≠{label['chapters']}/{label['actions']}({row.chapters}/{row.actions})"
            )
    return (
        f"ok      {row.name}  {row.seconds:.2f}s  headings {row.headings}/{row.layer_headings}{mark}"
        f"  clauses {row.clauses}/{row.unit_words}  targets {row.targets}  lost {len(row.lost)}"
        f"  {row.level}{checks}  《{row.title}》"
    )


def _totals(rows: list[Row], labels: dict) -> None:
    if not rows:
        print("no PDF found")
        return
    done = [r for r in rows if r.ok]
    plans = [r for r in rows if not labels.get(r.name, {}).get("not_a_plan")]
    gh = [r for r in plans if is_guihua(r.name)]
    other = [r for r in plans if not is_guihua(r.name)]
    times = [r.seconds for r in rows]

    def share(part: list[Row]) -> str:
        good = sum(1 for r in part if r.ok)
        return f"{good}/{len(part)} ({100 * good / len(part):.0f}%)" if part else "0/0"

    print("-" * 60)
    print(f"files {len(rows)}; imported {share(rows)}")
    print(f"  non-规划 plans imported {share(other)}; 规划 imported {share(gh)}")
    outline = sum(1 for r in done if r.outline_ok)
    print(f"  outline within 10% of the text layer: {outline}/{len(done)}")
    lost = [r for r in done if r.lost]
    print(f"  plans with lost figures: {len(lost)} ({sum(len(r.lost) for r in lost)} figures)")
    print(f"  headings without a title: {sum(r.untitled for r in done)}")
    print(f"  lines set aside as footnotes: {sum(r.footnotes for r in done)}")
    print(
        f"  clauses {sum(r.clauses for r in done)}; 责任单位/牵头单位/责任部门 clauses in text "
        f"{sum(r.unit_words for r in done)}; targets {sum(r.targets for r in done)}"
    )
    labelled = [r for r in done if r.name in labels and not labels[r.name].get("not_a_plan")]
    if labelled:
        level = sum(1 for r in labelled if labels[r.name].get("level") == r.level)
        title = sum(1 for r in labelled if labels[r.name].get("title") == r.title)
        print(f"  labelled {len(labelled)}: level right {level}, title right {title}")
        counted = [r for r in labelled if "chapters" in labels[r.name]]
        same = sum(
            1
            for r in counted
            if (labels[r.name]["chapters"], labels[r.name]["actions"]) == (r.chapters, r.actions)
        )
        print(f"  hand-counted outlines (chapters/actions): {same}/{len(counted)} match")
    wrong = [
        r for r in rows if not r.ok and r.name in labels and not labels[r.name].get("not_a_plan")
    ]
    refused_right = sum(1 for r in rows if not r.ok and labels.get(r.name, {}).get("not_a_plan"))
    print(f"  refused that are plans: {len(wrong)}; refused that are not plans: {refused_right}")
    print(
        f"  time: median {statistics.median(times):.2f}s, max {max(times):.2f}s"
        f" ({max(rows, key=lambda r: r.seconds).name})"
    )
    reasons: dict[str, int] = {}
    for r in rows:
        if not r.ok:
            key = re.sub(r"节点编号 \S+", "节点编号 …", r.reason.split("（另有")[0])
            key = re.sub(r"第 \d+ 行：《[^》]*》", "第 N 行：《…》", key)[:60]
            reasons[key] = reasons.get(key, 0) + 1
    for key, n in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  refused {n}: {key}")


if __name__ == "__main__":
    raise SystemExit(main())
