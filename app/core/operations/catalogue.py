"""The county unit catalogue and the parent→county mapping: every clause and row follows a rename, merge or mapping.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

from app.core.draft.model import (
    Draft,
    Node,
)
from app.core.draft.tree import (
    EditError,
)


def _swapped(units: tuple[str, ...], old: str, replacement: tuple[str, ...]) -> tuple[str, ...]:
    """units with old replaced by the replacement unit(s), each unit once, order kept."""
    return tuple(
        dict.fromkeys(name for unit in units for name in (replacement if unit == old else (unit,)))
    )


def replace_unit(draft: Draft, old: str, replacement: tuple[str, ...]) -> Draft:
    """Every clause and work row naming old names the replacement unit(s) instead."""

    def fix(node: Node) -> Node:
        update: dict[str, object] = {"children": tuple(fix(c) for c in node.children)}
        if node.responsibility is not None and old in node.responsibility.units:
            units = _swapped(node.responsibility.units, old, replacement)
            update["responsibility"] = node.responsibility.model_copy(
                update={"units": units, "groups": ()}
            )
        if any(old in row.units for row in node.work_rows):
            update["work_rows"] = tuple(
                row.model_copy(
                    update={"units": _swapped(row.units, old, replacement), "groups": ()}
                )
                if old in row.units
                else row
                for row in node.work_rows
            )
        return node.model_copy(update=update)

    return draft.model_copy(update={"chapters": tuple(fix(c) for c in draft.chapters)})


def rename_unit(draft: Draft, old: str, new: str) -> Draft:
    """A unit renamed everywhere: catalogue, mapping, every clause and work row.

    Renaming onto a unit the catalogue already has merges the two.
    """
    new = new.strip()
    if not new:
        raise EditError("单位名称不能为空")
    catalogue = draft.catalogue
    if new in {u.name for u in catalogue.units}:
        units = tuple(u for u in catalogue.units if u.name != old)
    else:
        units = tuple(
            u.model_copy(update={"name": new}) if u.name == old else u for u in catalogue.units
        )
    mapping = tuple(
        e.model_copy(update={"county": _swapped(e.county, old, (new,))}) if old in e.county else e
        for e in catalogue.mapping
    )
    draft = replace_unit(draft, old, (new,))
    return draft.model_copy(
        update={"catalogue": catalogue.model_copy(update={"units": units, "mapping": mapping})}
    )


# ---------------------------------------------------------------- targets


def add_unit(draft: Draft, name: str, *, full_name: str = "", kind: str = "other") -> Draft:
    """A unit added to the county catalogue."""
    from app.core.draft.model import CatalogueUnit

    name = name.strip()
    if not name:
        raise EditError("单位名称不能为空")
    if name in draft.catalogue.names():
        raise EditError(f"单位目录中已有“{name}”")
    unit = CatalogueUnit(name=name, full_name=full_name.strip(), kind=kind)
    catalogue = draft.catalogue.model_copy(update={"units": (*draft.catalogue.units, unit)})
    return draft.model_copy(update={"catalogue": catalogue})


def remove_unit(draft: Draft, name: str) -> Draft:
    """A unit taken out of the catalogue; clauses still naming it are reported by the checks."""
    units = tuple(u for u in draft.catalogue.units if u.name != name)
    if len(units) == len(draft.catalogue.units):
        raise EditError(f"单位目录中没有“{name}”")
    mapping = tuple(
        e.model_copy(update={"county": tuple(c for c in e.county if c != name)})
        for e in draft.catalogue.mapping
        if e.county != (name,)
    )
    catalogue = draft.catalogue.model_copy(update={"units": units, "mapping": mapping})
    return draft.model_copy(update={"catalogue": catalogue})


def merge_units(draft: Draft, old: str, into: str) -> Draft:
    """Two catalogue units as one: every clause, row and mapping naming old names into."""
    if old == into:
        raise EditError("不能把单位与自身合并")
    if into not in {u.name for u in draft.catalogue.units}:
        raise EditError(f"单位目录中没有“{into}”")
    return rename_unit(draft, old, into)


def set_mapping(draft: Draft, parent: str, county: tuple[str, ...], note: str = "") -> Draft:
    """Which county unit(s) a parent unit becomes (empty: remove the mapping)."""
    from app.core.draft.model import UnitMapEntry

    parent = parent.strip()
    county = tuple(c.strip() for c in county if c.strip())
    entries = [e for e in draft.catalogue.mapping if e.parent != parent]
    if county:
        position = next(
            (i for i, e in enumerate(draft.catalogue.mapping) if e.parent == parent), len(entries)
        )
        entries.insert(position, UnitMapEntry(parent=parent, county=county, note=note))
    catalogue = draft.catalogue.model_copy(update={"mapping": tuple(entries)})
    return draft.model_copy(update={"catalogue": catalogue})


def apply_mapping(draft: Draft, parent: str) -> Draft:
    """Replace a parent unit still named in clauses and rows by its mapped county unit(s)."""
    mapped = draft.catalogue.map_unit(parent)
    return replace_unit(draft, parent, mapped) if mapped else draft


def map_parent_unit(draft: Draft, parent: str, county: tuple[str, ...]) -> Draft:
    """A parent unit's county counterpart, applied where the draft still names the parent unit."""
    return apply_mapping(set_mapping(draft, parent, county), parent)
