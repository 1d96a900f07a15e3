"""The house style: every size, font and indent of the exports, as data.

The default (resources/styles/gbt9704.json) follows GB/T 9704 as county offices
apply it; a house style of one's own goes in the per-user styles/ folder under
the same name and is used instead.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from app import paths
from app.core.errors import PeakPlanError
from app.core.validation import describe_validation_error

DEFAULT_STYLE = "gbt9704"


class StyleError(PeakPlanError):
    """A house-style file is damaged."""


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


class AttachmentStyle(_Model):
    column_widths_mm: tuple[float, float, float, float, float, float]
    line_spacing: float = 1.0


class SheetStyle(_Model):
    title_font: str
    title_size: float
    header_font: str
    header_size: float
    body_font: str
    body_size: float
    column_widths: tuple[float, float, float, float, float, float]
    line_height_pt: float


class HouseStyle(_Model):
    format: Literal["peakplan-house-style"]
    version: Literal[1]
    name: str
    page: PageStyle
    latin_font: str
    text: dict[str, TextStyle]
    attachment: AttachmentStyle
    sheet: SheetStyle

    def of(self, name: str) -> TextStyle:
        return self.text[name]


def style_path(name: str = DEFAULT_STYLE) -> Path:
    own = paths.user_data_dir() / "styles" / f"{name}.json"
    return own if own.is_file() else paths.resource("styles", f"{name}.json")


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> HouseStyle:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        data.pop("_doc", None)
        return HouseStyle.model_validate(data)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            raise StyleError(
                f"版式文件 {Path(path).name} 内容有误", problems=describe_validation_error(exc)
            ) from exc
        raise StyleError(f"版式文件 {Path(path).name} 无法读取或已损坏") from exc


def house_style(name: str = DEFAULT_STYLE) -> HouseStyle:
    path = style_path(name)
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise StyleError(f"找不到版式文件 {path.name}") from exc
    return _load(str(path), mtime)
