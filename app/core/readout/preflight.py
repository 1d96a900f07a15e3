"""Before an export: what is still wrong or open, counted the way the pre-flight dialog says it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.draft.model import Draft
from app.core.fonts import FontStatus, font_report, missing_line
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.findings import Finding


@dataclass(frozen=True)
class Preflight:
    errors: tuple[Finding, ...]
    pending_targets: tuple[Finding, ...]
    open_questions: tuple[Finding, ...]
    fonts: tuple[FontStatus, ...] = ()
    """The style's official fonts on this computer; a missing one is said among the lines,
    but alone does not stop the export (the draft is right; this computer lacks the font)."""

    @property
    def clear(self) -> bool:
        return not (self.errors or self.pending_targets or self.open_questions)

    def lines(self) -> list[str]:
        """One line per kind that is not clear, in Chinese."""
        out = []
        if self.errors:
            out.append(f"错误 {len(self.errors)} 项（如：{self.errors[0].message}）")
        if self.pending_targets:
            out.append(f"尚未确定的目标 {len(self.pending_targets)} 处")
        if self.open_questions:
            out.append(f"待定事项 {len(self.open_questions)} 处（导出时可作为批注标在文稿中）")
        fonts = missing_line(self.fonts)
        if fonts:
            out.append(fonts)
        return out

    @property
    def first_node(self) -> str:
        """Where 查看 goes: the first error's measure, else the first open item's."""
        for finding in (*self.errors, *self.pending_targets, *self.open_questions):
            if finding.node_id:
                return finding.node_id
        return ""


def preflight(draft: Draft, plans: PlanResolver, fonts: Iterable[str] = ()) -> Preflight:
    """The findings, and `fonts` (the house style's) looked for on this computer."""
    findings = check_draft(draft, plans)
    return Preflight(
        errors=tuple(f for f in findings if f.severity == "error"),
        pending_targets=tuple(f for f in findings if f.code.startswith("target-pending")),
        open_questions=tuple(f for f in findings if f.code == "open-question"),
        fonts=tuple(font_report(fonts)) if fonts else (),
    )
