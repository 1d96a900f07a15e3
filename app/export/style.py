"""The house style: every size, font, width, margin, border and table title of the exports, as data.

The default (resources/styles/gbt9704.json) follows GB/T 9704 as county offices
apply it. A house style of one's own goes in the per-user styles/ folder under
the same name and is used instead; it need only say what differs, the rest is
taken from the default, so the default file stays the one place of every value.
The Word draft, the Excel workbook and the preview all read it.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from string import Formatter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app import paths
from app.core.errors import PeakPlanError
from app.core.files import FileReadError, read_limited, set_aside
from app.core.validation import describe_validation_error

log = logging.getLogger(__name__)

DEFAULT_STYLE = "gbt9704"

Six = tuple[float, float, float, float, float, float]
"""One number for each column of the task table (序号 … 配合单位)."""


class StyleError(PeakPlanError):
    """A house-style file is damaged."""


class DamagedStyleFile(StyleError):
    """The style file cannot be read at all (not JSON, a special file, too deep)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageStyle(_Model):
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    footer_mm: float
    header_mm: float
    lines_per_page: int
    line_pitch_pt: float
    chars_per_line: int
    char_spacing_pt: float = 0.0

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm


class TextStyle(_Model):
    east_asia: str
    latin: str = ""
    size: float
    indent_chars: float = 2
    left_chars: float = 0
    align: Literal["left", "center", "right", "justify"] = "justify"
    bold: bool = False
    keep_with_next: bool = False
    space_before_lines: float = 0
    space_after_lines: float = 0
    line_pt: float = 0
    """An exact line height of its own (tables); 0: whole lines of the page grid."""

    def line_height_pt(self, line_pitch_pt: float) -> float:
        """The exact line height: its own, or as many grid lines as the size needs (Word and preview)."""
        if self.line_pt:
            return self.line_pt
        lines = max(1, -(-int(self.size * 1.25 * 100) // int(line_pitch_pt * 100)))
        return line_pitch_pt * lines


class BorderStyle(_Model):
    """A table's ruled lines, drawn on every cell edge."""

    width_pt: float = Field(gt=0, le=6)
    color: str = Field(pattern=r"^[0-9A-Fa-f]{6}$")


class TaskTableStyle(_Model):
    """The 任务分工 table, titled and ruled alike as the Word 附件 and the Excel sheet."""

    title: str
    """The title above the table; {title} stands for the document's title."""
    border: BorderStyle

    @field_validator("title")
    @classmethod
    def _only_the_title_field(cls, value: str) -> str:
        fields = {
            name for _text, name, _spec, _conv in Formatter().parse(value) if name is not None
        }
        if fields - {"title"}:
            raise ValueError("只能使用 {title}（文件标题）")
        return value

    def title_for(self, document_title: str) -> str:
        return self.title.format(title=document_title)


class FrontStyle(_Model):
    """Headings and widths of the pages before the body: 编制委员会 and 目录."""

    committee_heading: str
    committee_widths_mm: tuple[float, float]
    """职务 and 姓名; the unit takes the rest of the line."""
    toc_heading: str


class AttachmentStyle(_Model):
    label: str
    column_widths_mm: Six
    line_spacing: float = 1.0


class SheetStyle(_Model):
    title_font: str
    title_size: float
    header_font: str
    header_size: float
    body_font: str
    body_size: float
    column_widths: Six
    target_widths: tuple[float, float, float, float]
    """指标表: 序号, 指标, 单位, and each year's column."""
    source_widths: tuple[float, float, float, float]
    """对照表: 本县条目, 上级方案, 上级条款, 上级条款标题."""
    line_height_pt: float
    margin_side_in: float
    margin_end_in: float
    """Printed margins in inches: left and right, top and bottom."""
    footer: str
    """The printed footer, in Excel's codes (&P this page, &N pages)."""


class PreviewStyle(_Model):
    """The preview pane: the printed page's sizes at a scale, with fonts a screen has."""

    scale: float = Field(gt=0, le=2)
    fonts: dict[str, tuple[str, ...]]
    """Font names → families to fall back on where the official font is not installed."""


class HouseStyle(_Model):
    format: Literal["peakplan-house-style"]
    version: Literal[1]
    name: str
    page: PageStyle
    latin_font: str
    text: dict[str, TextStyle]
    front: FrontStyle
    task_table: TaskTableStyle
    attachment: AttachmentStyle
    sheet: SheetStyle
    preview: PreviewStyle

    def of(self, name: str) -> TextStyle:
        return self.text[name]

    def east_asia_fonts(self) -> list[str]:
        """Every Chinese font the Word draft and the sheet name, once each, body first
        (what the pre-export check and 关于 look for on this computer: core/fonts.py)."""
        names = [t.east_asia for t in self.text.values()]
        names += [self.sheet.title_font, self.sheet.header_font, self.sheet.body_font]
        return list(dict.fromkeys(names))


def style_path(name: str = DEFAULT_STYLE) -> Path:
    """The style file of a name: the user's own, else the built-in one. A name that is a
    path (../../x, C:\\x, a/b) names no style: a draft from elsewhere cannot point out of
    the styles folder."""
    if not name or Path(name).name != name or name in (".", "..") or "\\" in name or ":" in name:
        raise StyleError(f"版式名称“{name[:40]}”无效")
    own = paths.user_data_dir() / "styles" / f"{name}.json"
    return own if own.is_file() else paths.resource("styles", f"{name}.json")


def _read(path: Path) -> dict:
    try:
        data = json.loads(read_limited(path, "settings").decode("utf-8-sig"))
    except (FileReadError, RecursionError, UnicodeDecodeError) as exc:
        raise ValueError("unreadable") from exc
    if not isinstance(data, dict):
        raise ValueError("not an object")
    data.pop("_doc", None)
    return data


def _over(base: dict, own: dict) -> dict:
    """own's values over base's, object by object: a house style says only what differs."""
    merged = dict(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _over(base[key], value)
        else:
            merged[key] = value
    return merged


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> HouseStyle:
    default = paths.resource("styles", f"{DEFAULT_STYLE}.json")
    try:
        data = _read(Path(path))
        if Path(path) != default:
            data = _over(_read(default), data)
        return HouseStyle.model_validate(data)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            raise StyleError(
                f"版式文件 {Path(path).name} 内容有误", problems=describe_validation_error(exc)
            ) from exc
        raise DamagedStyleFile(f"版式文件 {Path(path).name} 无法读取或已损坏") from exc


def house_style(name: str = DEFAULT_STYLE) -> HouseStyle:
    """The house style; a user's own style file that cannot be read is moved to damaged/
    beside it (never deleted) and the built-in one used, so preview and export go on."""
    path = style_path(name)
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise StyleError(f"找不到版式文件 {path.name}") from exc
    try:
        return _load(str(path), mtime)
    except DamagedStyleFile as exc:  # a style saying something wrong is reported, not moved
        if paths.user_data_dir() not in path.parents:
            raise
        moved = set_aside(path)
        log.warning("%s（%s）", exc.one_line(), f"已移到 {moved}" if moved else "未能移动")
        if moved is None:
            raise
        return house_style(name)


def usable_style(name: str = DEFAULT_STYLE) -> HouseStyle:
    """The draft's style, or the built-in house style when that one cannot be used (a
    missing file, a name that is a path): the draft still opens, previews and exports;
    `style_problem` says what was wrong, for the window's status bar and the export."""
    try:
        return house_style(name)
    except StyleError:
        if name == DEFAULT_STYLE:
            raise
        log.warning("版式 %r 无法使用，改用默认版式", name[:40])
        return house_style(DEFAULT_STYLE)


def style_problem(name: str = DEFAULT_STYLE) -> str:
    """Why the draft's style is not used ("" when it is), in one line for the user."""
    try:
        house_style(name)
    except StyleError as exc:
        return f"{exc.one_line()}，已改用默认版式"
    return ""
