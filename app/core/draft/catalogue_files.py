"""Unit catalogues and parent→county unit mappings, from resources/units/.

A catalogue file lists a county's units (the generic one writes the county's
name as {county}/{short}); a mapping file says which county unit each unit of a
parent plan becomes. A draft keeps its own filled-in copy of both, so a county
can edit them and the next draft can reuse them.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app import paths
from app.core.draft.model import Catalogue, CatalogueUnit, UnitMapEntry
from app.core.draft.named_units import regional_names
from app.core.errors import PeakPlanError
from app.core.files import FileReadError, read_limited, set_aside
from app.core.text.county import CountyContext
from app.core.validation import describe_validation_error

log = logging.getLogger(__name__)

GENERIC_CATALOGUE = "generic-county"


class CatalogueFileError(PeakPlanError):
    """A catalogue or mapping file is missing or damaged."""


class _UnitFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str = Field(pattern="^peakplan-units$")
    version: int = Field(ge=1, le=1)
    id: str
    name: str
    description: str = ""
    units: list[CatalogueUnit]


class _MappingFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str = Field(pattern="^peakplan-unit-mapping$")
    version: int = Field(ge=1, le=1)
    parent: str
    description: str = ""
    map: list[UnitMapEntry]


def read_unit_file(path: Path, model: type[BaseModel], kind: str = "单位目录文件") -> BaseModel:
    """A unit data file (catalogue, mapping, the pattern rules) read and validated;
    a CatalogueFileError naming the file and what is wrong with it otherwise."""
    if not path.exists():
        raise CatalogueFileError(f"找不到{kind} {path.name}")
    try:
        data = json.loads(read_limited(path, "settings").decode("utf-8-sig"))
    except FileReadError as exc:
        raise CatalogueFileError(f"{kind} {path.name} 无法读取", problems=exc.problems) from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CatalogueFileError(f"{kind} {path.name} 已损坏，无法读取") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CatalogueFileError(
            f"{kind} {path.name} 内容有误", problems=describe_validation_error(exc)
        ) from exc


def _read_own_or_builtin(path: Path, model: type[BaseModel], kind: str = "单位目录文件"):
    """A user's own file that cannot be read is moved to damaged/ beside it (never deleted)
    and the built-in one of the same name is read instead; the rest of the app works on."""
    own_folder = paths.user_data_dir()
    if own_folder not in path.parents:
        return read_unit_file(path, model, kind)
    try:
        return read_unit_file(path, model, kind)
    except CatalogueFileError as exc:
        moved = set_aside(path)
        log.warning("%s（%s）", exc.one_line(), f"已移到 {moved}" if moved else "未能移动")
        builtin = paths.resource("units", path.parent.name, path.name)
        return read_unit_file(builtin, model, kind) if builtin.is_file() else None


def catalogue_path(catalogue_id: str) -> Path:
    """A user's own catalogue shadows the built-in one of the same id."""
    own = paths.user_data_dir() / "catalogues" / f"{catalogue_id}.json"
    if own.is_file():
        return own
    return paths.resource("units", "catalogues", f"{catalogue_id}.json")


def catalogue_for_county(catalogue_id: str, county: CountyContext) -> Path:
    """The generic catalogue in the county's level's names (旗发改委, 区生态环境局; generated
    by tools/build_units.py), unless the user keeps an own catalogue of that id."""
    path = catalogue_path(catalogue_id)
    if catalogue_id != GENERIC_CATALOGUE or paths.user_data_dir() in path.parents:
        return path
    by_level = paths.resource("units", "catalogues", "by-level", f"{county.kind}.json")
    return by_level if by_level.is_file() else path


def catalogue_title(catalogue_id: str) -> str:
    """The name a catalogue gives itself (县级通用单位目录), shown instead of its file name."""
    try:
        unit_file = read_unit_file(catalogue_path(catalogue_id), _UnitFile)
    except CatalogueFileError:
        return catalogue_id
    return getattr(unit_file, "name", "") or catalogue_id


def mapping_path(parent_plan_id: str) -> Path | None:
    own = paths.user_data_dir() / "mappings" / f"{parent_plan_id}.json"
    if own.is_file():
        return own
    builtin = paths.resource("units", "mappings", f"{parent_plan_id}.json")
    return builtin if builtin.is_file() else None


def _fill_unit(unit: CatalogueUnit, county: CountyContext) -> CatalogueUnit:
    return CatalogueUnit(
        name=county.fill(unit.name),
        full_name=county.fill(unit.full_name),
        kind=unit.kind,
        aliases=tuple(county.fill(a) for a in unit.aliases),
    )


def load_catalogue(
    catalogue_id: str, county: CountyContext, parent_plan_ids: list[str] = ()
) -> Catalogue:
    """A catalogue filled in for the county, with the mappings for its parent plans."""
    units_path = catalogue_for_county(catalogue_id, county)
    unit_file = _read_own_or_builtin(units_path, _UnitFile)
    assert isinstance(unit_file, _UnitFile)
    mapping: list[UnitMapEntry] = []
    seen: set[str] = set()
    for plan_id in parent_plan_ids:
        path = mapping_path(plan_id)
        if path is None:
            continue
        mapping_file = _read_own_or_builtin(path, _MappingFile, "单位对应文件")
        if mapping_file is None:
            continue
        assert isinstance(mapping_file, _MappingFile)
        for entry in mapping_file.map:
            if entry.parent in seen:
                continue
            seen.add(entry.parent)
            mapping.append(
                UnitMapEntry(
                    parent=entry.parent,
                    county=tuple(county.fill(c) for c in entry.county),
                    note=entry.note,
                )
            )
    units = tuple(_fill_unit(u, county) for u in unit_file.units)
    if catalogue_id == GENERIC_CATALOGUE and paths.user_data_dir() not in units_path.parents:
        units = regional_names(units, county)  # a user's own catalogue is named their way
    return Catalogue(id=unit_file.id, name=unit_file.name, units=units, mapping=tuple(mapping))


def catalogue_file_text(catalogue: Catalogue) -> str:
    """A draft's catalogue as a catalogue file, for reuse by the next draft."""
    data = {
        "format": "peakplan-units",
        "version": 1,
        "id": catalogue.id,
        "name": catalogue.name,
        "units": [u.model_dump() for u in catalogue.units],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
