"""起草说明: the skeleton of the note that goes with the 送审稿, from the draft's data.

一、工作背景 and the closing parts are template text the team fills in
(templates/drafting_note.txt.j2, run in the project's sandbox like every boilerplate
template; a user's own template of that name is used instead). The parts in between come
from the data:

- 起草过程: the versions saved, with their dates, and the consultation (units, opinions,
  decisions: opinions_doc.py counts them);
- 主要内容: the outline, its chapters and the 重点任务's actions with their measure counts;
- 与上级方案衔接情况: each parent plan's measures taken up (app/core/readout/crosswalk.py),
  by manner, and those left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.core.draft.boilerplate import context_for, render_template
from app.core.draft.model import Draft, county_of
from app.core.plans.resolver import PlanResolver
from app.core.readout.crosswalk import crosswalk, short_plan_name
from app.core.readout.render import labels
from app.core.text.numbering import label_for
from app.export.files import file_stem
from app.export.package.opinions_doc import opinion_summary
from app.export.package.package_doc import start, title
from app.export.style import HouseStyle

SUFFIX = "起草说明"
TEMPLATE = "drafting_note.txt.j2"
FIRST = "工作背景"
"""The template's part that goes first; its others follow the parts from the data."""


@dataclass
class NotePart:
    title: str
    paragraphs: list[str] = field(default_factory=list)


def note_title(draft: Draft) -> str:
    """关于《平罗县碳达峰实施方案（送审稿）》的起草说明."""
    return f"关于《{draft.meta.document_title}（{draft.meta.stage}）》的{SUFFIX}"


def note_path(draft: Draft, folder: Path) -> Path:
    return Path(folder) / f"{file_stem(draft)}{SUFFIX}.docx"


def _date(value: str) -> str:
    """2023-08-15 → 2023年8月15日; 2023-09 → 2023年9月."""
    parts = [int(p) for p in value.split("-") if p.isdigit()]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日", strict=False))


def process_part(draft: Draft) -> NotePart:
    """二、起草过程: the versions and the consultation."""
    part = NotePart("起草过程")
    title = draft.meta.document_title
    steps = [
        f"{_date(v.date) + '，' if v.date else ''}形成《{title}（{v.stage}）》"
        for v in draft.versions
    ]
    if steps:
        part.paragraphs.append(
            "起草组在梳理上级方案部署要求、调研本地实际的基础上，" + "；".join(steps) + "。"
        )
    else:
        part.paragraphs.append("（请填写：调研、起草、修改的主要过程和时间。）")
    summary = opinion_summary(draft)
    if summary.units:
        sentence = f"方案征求了有关单位意见，{summary.line}"
        if summary.no_opinion_units:
            sentence += f"其中{len(summary.no_opinion_units)}家单位回复无意见。"
        sentence += "意见采纳情况详见《意见采纳情况表》。"
        part.paragraphs.append(sentence)
    else:
        part.paragraphs.append("（请填写：征求意见的范围、方式和收到意见的情况。）")
    return part


def content_part(draft: Draft) -> NotePart:
    """三、主要内容: the chapters, and the actions with their measures."""
    part = NotePart("主要内容")
    label_of = labels(draft)
    chapters = "、".join(c.title for c in draft.chapters)
    part.paragraphs.append(f"方案共{len(draft.chapters)}个部分：{chapters}。")
    tasks = draft.chapter("tasks")
    if tasks is not None and tasks.children:
        measures = sum(len(a.children) for a in tasks.children)
        actions = "；".join(
            f"{label_of[a.id]}{a.title}（{len(a.children)}项措施）" for a in tasks.children
        )
        part.paragraphs.append(
            f"{tasks.title}部分提出{len(tasks.children)}项行动、{measures}项措施：{actions}。"
        )
    if draft.targets:
        part.paragraphs.append(f"方案列出主要目标指标{len(draft.targets)}项。")
    return part


def linkage_part(draft: Draft, plans: PlanResolver) -> NotePart:
    """四、与上级方案衔接情况: 承接《银川市碳达峰实施方案》措施34条中的31条 …"""
    part = NotePart("与上级方案衔接情况")
    for table in crosswalk(draft, plans):
        name = f"《{table.parent.title}》"
        if not table.found:
            part.paragraphs.append(f"{name}不在方案库中，未能统计承接情况。")
            continue
        manners = Counter(row.manner for row in table.rows)
        how = "，".join(
            f"{word}{manners[key]}条"
            for key, word in (
                ("direct", "直接承接"),
                ("adjusted", "调整承接"),
                ("merged", "合并承接"),
            )
            if manners[key]
        )
        via = [row for row in table.rows if row.manner == "via"]
        if via:
            how += f"{'，' if how else ''}经{short_plan_name(via[0].via)}等承接{len(via)}条"
        sentence = f"承接{name}措施{len(table.rows)}条中的{table.taken}条"
        sentence += f"（{how}）" if how else ""
        missing = [row for row in table.rows if not row.taken_up]
        if missing:
            given = sum(1 for row in missing if row.reason)
            sentence += f"；未承接{len(missing)}条，已说明理由{given}条"
        part.paragraphs.append(sentence + "。")
    if not part.paragraphs:
        part.paragraphs.append("（本方案未记录上级方案。请填写与上级方案的衔接情况。）")
    part.paragraphs.append("逐条承接情况详见《上级方案任务承接对照表》。")
    return part


def note_parts(draft: Draft, plans: PlanResolver) -> list[NotePart]:
    """The parts in order: 工作背景 (template), the three from the data, the template's others."""
    context = context_for(county_of(draft), [p.title for p in draft.parents], draft.catalogue)
    rendered = render_template(TEMPLATE, context)
    own = [NotePart(s.title, list(s.paragraphs)) for s in rendered.sections]
    first = [p for p in own if p.title == FIRST] or [NotePart(FIRST, list(rendered.paragraphs))]
    rest = [p for p in own if p.title != FIRST]
    return [*first, process_part(draft), content_part(draft), linkage_part(draft, plans), *rest]


def note_bytes(draft: Draft, plans: PlanResolver, style: HouseStyle | None = None) -> bytes:
    doc = start(draft, style)
    styles = doc.styles
    doc.add(title(styles, note_title(draft)))
    for index, part in enumerate(note_parts(draft, plans), 1):
        doc.add(styles.text("heading1", f"{label_for(1, index)}{part.title}"))
        for paragraph in part.paragraphs:
            doc.add(styles.text("body", paragraph))
    return doc.docx()
