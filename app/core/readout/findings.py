"""A finding of `check`, and what every check reads of the draft (labels, places, renderer)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from app.core.draft.mentions import TextRenderer
from app.core.draft.model import Draft, Node, county_of
from app.core.readout.render import labels

Severity = Literal["error", "warning", "info"]
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message: str
    hint: str = ""
    node_id: str = ""
    where: str = ""
    data: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        """The finding as `check --json` prints it: `kind` repeats `code` (issue 17's name)."""
        return {**asdict(self), "kind": self.code}

    def line(self) -> str:
        place = f"{self.where}：" if self.where else ""
        hint = f"（{self.hint}）" if self.hint else ""
        return f"[{SEVERITY_NAMES[self.severity]}] {place}{self.message}{hint}"


class CheckContext:
    """What every check reads of one draft: labels, the county, the renderer, parents."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.labels = labels(draft)
        self.county = county_of(draft)
        self.render = TextRenderer(draft, self.county)
        """The draft's texts as they print, the target table indexed once for all of them."""
        self.parent: dict[str, Node] = {}
        for node in draft.walk():
            for child in node.children:
                self.parent[child.id] = node

    def where(self, node: Node) -> str:
        """The node's place as a reader finds it: （九）4.强化能力建设培训."""
        parts: list[str] = []
        current: Node | None = self.parent.get(node.id)
        while current is not None and current.level > 1:
            parts.append(self.labels.get(current.id, ""))
            current = self.parent.get(current.id)
        title = node.title if len(node.title) <= 24 else node.title[:24] + "…"
        return "".join(reversed(parts)) + f"{self.labels.get(node.id, '')}{title}"

    def in_tasks(self, node: Node) -> bool:
        current: Node | None = node
        while current is not None and current.level > 1:
            current = self.parent.get(current.id)
        return current is not None and current.role == "tasks"
