"""What an export writes, as the export dialog's boxes and `peakplan export`'s options say it:
one record from the front ends through the task (app/tasks/export.py) to the writers of the
pair (files.py) and the 送审 package (package/package.py). Light: no writer is imported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExportChoice:
    """Which files, and how they print."""

    word: bool = True
    excel: bool = True
    comments: bool = True
    """Open questions as Word comments (off: `--clean`)."""
    crosswalk: bool = False
    """The 上级方案任务承接对照表 on its own (the package holds it too)."""
    package: bool = False
    """The 送审 package: 承接对照表, 意见采纳情况表 (.docx, .xlsx), 修改对照表 and 修订稿
    (between the last two versions), 起草说明."""
    layout: Mapping[str, object] = field(default_factory=dict)
    """Layout fields chosen for this export (measure_titles, page_numbers, committee_page,
    attachment); the draft's own otherwise."""
    other_name: str = ""
    """After the title in every file name (（2）: 改名保存, `--new-name`), so that files open
    in Word/WPS stay as they are; empty: the usual names."""

    def anything(self) -> bool:
        return self.word or self.excel or self.crosswalk or self.package


THE_PAIR = ExportChoice()
"""The Word draft and the 任务分工表, open questions as comments."""
