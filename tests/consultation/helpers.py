"""A demo draft with two versions and an edit between them, and opinions of every kind."""

from __future__ import annotations

from dataclasses import dataclass

from app.core import operations as ops
from app.core.draft.consultation import Opinion
from app.core.draft.demo import load_demo
from app.core.draft.model import Draft

SAVED_AT = "2023-08-15T10:00:00"
NEW_MEASURE = "推进绿色低碳园区建设"


@dataclass(frozen=True)
class Edits:
    changed_chapter: str
    removed: str
    removed_title: str
    added: str


def two_versions() -> tuple[Draft, Edits]:
    """征求意见稿 2023-08-15, then a paragraph of 总体要求 changed, the second measure
    removed and a measure added, then 送审稿 2023-09-20."""
    draft = ops.save_version(load_demo(), "征求意见稿", "2023-08-15", saved_at=SAVED_AT)
    general = draft.chapters[0]
    text = general.paragraphs[0]
    draft = ops.set_paragraphs(draft, general.id, (text.replace("碳达峰", "碳达峰碳中和", 1),))
    measures = list(draft.measures())
    removed = measures[1]
    draft = ops.remove(draft, removed.id)
    action = draft.chapter("tasks").children[0]
    draft, added = ops.add_measure(
        draft, action.id, NEW_MEASURE, paragraphs=("建设绿色低碳示范园区。",), units=("县发改局",)
    )
    draft = ops.save_version(draft, "送审稿", "2023-09-20", saved_at="2023-09-20T10:00:00")
    return draft, Edits(general.id, removed.id, removed.title, added)


def with_opinions(draft: Draft) -> Draft:
    """Two units with opinions of every decision, one unit that replied 无意见."""
    first = next(iter(draft.measures()))
    opinions = (
        Opinion(
            id="o1",
            unit="县住建局",
            kind="comment",
            node_id=first.id,
            comment="建议补充建筑领域煤改电内容",
            decision="adopted",
            reason="已补充",
        ),
        Opinion(
            id="o2",
            unit="县住建局",
            kind="edit",
            node_id=first.id,
            original="严控",
            proposed="严格控制",
            decision="partly",
            reason="部分文字调整",
        ),
        Opinion(
            id="o3",
            unit="县交通局",
            kind="deletion",
            node_id=first.id,
            original="遏制煤炭消费快速增长趋势",
            decision="rejected",
            reason="与上级方案表述一致",
        ),
        Opinion(
            id="o4",
            unit="县交通局",
            kind="insertion",
            node_id="",
            proposed="新能源公交",
            decision="elsewhere",
            reason="见第1条",
        ),
        Opinion(id="o5", unit="县财政局", kind="none"),
    )
    return draft.model_copy(update={"opinions": opinions})
