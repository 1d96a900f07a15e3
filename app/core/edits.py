"""The edits a county makes to its draft, each a pure function: old draft in, new draft out.

The GUI's undo commands keep the draft before and after; the command line
calls the same functions. Taking up parent text lives in take_up.py, tree
moves in tree.py; this module holds the rest.
"""

from __future__ import annotations

from app.core.draft import (
    CountyTarget,
    Decision,
    Draft,
    DraftMeta,
    Node,
    Responsibility,
    TargetYear,
    WorkRow,
)
from app.core.mentions import mentions
from app.core.take_up import summary_work
from app.core.tree import EditError, insert_node, move_node, parent_of, remove_node, update_node


def _node(draft: Draft, node_id: str) -> Node:
    node = draft.find(node_id)
    if node is None:
        raise EditError(f"找不到节点 {node_id}")
    return node


def mentioned_targets(draft: Draft) -> set[str]:
    """Ids of the target entries some text of the draft states."""
    found: set[str] = set()
    texts = [*draft.meta.preamble]
    for node in draft.walk():
        texts.extend(node.paragraphs)
        texts.extend(row.work for row in node.work_rows)
    for text in texts:
        found.update(m.target for m in mentions(text))
    return found


def prune_targets(draft: Draft) -> Draft:
    """Drop target entries no text states any more (after removing a measure)."""
    used = mentioned_targets(draft)
    kept = tuple(t for t in draft.targets if t.id in used)
    if len(kept) == len(draft.targets):
        return draft
    return draft.model_copy(update={"targets": kept})


# ---------------------------------------------------------------- structure


def rename(draft: Draft, node_id: str, title: str) -> Draft:
    """A new title (平罗 renamed 生态碳汇建设行动 to 碳汇能力巩固提升行动)."""
    title = title.strip()
    if not title:
        raise EditError("标题不能为空")
    return update_node(draft, node_id, lambda n: n.model_copy(update={"title": title}))


def remove(draft: Draft, node_id: str) -> Draft:
    """Remove a node and everything under it; targets only it stated go too."""
    _node(draft, node_id)
    return prune_targets(remove_node(draft, node_id))


def move(draft: Draft, node_id: str, new_parent_id: str | None, index: int | None) -> Draft:
    return move_node(draft, node_id, new_parent_id, index)


def reorder(draft: Draft, node_id: str, index: int) -> Draft:
    """Move a node among its siblings."""
    parent = parent_of(draft, node_id)
    return move_node(draft, node_id, parent.id if parent else None, index)


def add_measure(
    draft: Draft,
    action_id: str,
    title: str,
    *,
    paragraphs: tuple[str, ...] = (),
    units: tuple[str, ...] = (),
    index: int | None = None,
) -> tuple[Draft, str]:
    """A county-only measure (taken up from no parent clause) under an action."""
    action = _node(draft, action_id)
    if action.level >= 4:
        raise EditError("不能在第四级标题下再添加措施")
    title = title.strip()
    if not title:
        raise EditError("措施标题不能为空")
    node_id = f"n{draft.next_id}"
    node = Node(
        id=node_id,
        level=action.level + 1,
        title=title,
        title_style=action.children[0].title_style if action.children else "own_line",
        paragraphs=paragraphs,
        responsibility=Responsibility(units=units) if units else None,
        work_rows=(WorkRow(work=summary_work(paragraphs, title)),),
    )
    draft = draft.model_copy(update={"next_id": draft.next_id + 1})
    return insert_node(draft, action_id, index, node), node_id


def add_action(
    draft: Draft, chapter_id: str, title: str, *, index: int | None = None
) -> tuple[Draft, str]:
    """A county-only action (or chapter section) under a chapter."""
    chapter = _node(draft, chapter_id)
    title = title.strip()
    if not title:
        raise EditError("标题不能为空")
    node_id = f"n{draft.next_id}"
    node = Node(id=node_id, level=chapter.level + 1, title=title)
    draft = draft.model_copy(update={"next_id": draft.next_id + 1})
    return insert_node(draft, chapter_id, index, node), node_id


def merge(draft: Draft, keep_id: str, other_id: str) -> Draft:
    """Two measures as one county measure: keep's title, both texts, sources, units and rows."""
    if keep_id == other_id:
        raise EditError("不能把措施与自身合并")
    keep = _node(draft, keep_id)
    other = _node(draft, other_id)
    if any(n.id == keep_id for n in other.walk()) or any(n.id == other_id for n in keep.walk()):
        raise EditError("不能合并上下级节点")
    units = list(keep.responsibility.units) if keep.responsibility else []
    for unit in other.responsibility.units if other.responsibility else ():
        if unit not in units:
            units.append(unit)
    responsibility = None
    if units:
        base = keep.responsibility or other.responsibility
        assert base is not None
        responsibility = base.model_copy(update={"units": tuple(units), "groups": ()})
    sources = keep.sources + tuple(s for s in other.sources if s not in keep.sources)
    merged = keep.model_copy(
        update={
            "paragraphs": keep.paragraphs + other.paragraphs,
            "sources": sources,
            "responsibility": responsibility,
            "work_rows": keep.work_rows + other.work_rows,
            "children": keep.children
            + tuple(c.model_copy(update={"level": keep.level + 1}) for c in other.children),
        }
    )
    draft = remove_node(draft, other_id)
    return update_node(draft, keep_id, lambda _n: merged)


# ---------------------------------------------------------------- content


def set_paragraphs(draft: Draft, node_id: str, paragraphs: tuple[str, ...]) -> Draft:
    """New text for a node; target entries no text states any more are dropped."""
    cleaned = tuple(p for p in (p.strip() for p in paragraphs) if p)
    draft = update_node(draft, node_id, lambda n: n.model_copy(update={"paragraphs": cleaned}))
    return prune_targets(draft)


def set_units(
    draft: Draft, node_id: str, units: tuple[str, ...], *, groups: tuple[int, ...] = ()
) -> Draft:
    """The node's responsibility units, lead first (empty: no clause)."""
    units = tuple(dict.fromkeys(u.strip() for u in units if u.strip()))

    def change(node: Node) -> Node:
        if not units:
            return node.model_copy(update={"responsibility": None})
        base = node.responsibility or Responsibility(units=units)
        kept_groups = groups if groups and len(groups) == len(units) else ()
        return node.model_copy(
            update={
                "responsibility": base.model_copy(update={"units": units, "groups": kept_groups})
            }
        )

    return update_node(draft, node_id, change)


def set_work_rows(draft: Draft, node_id: str, rows: tuple[WorkRow, ...]) -> Draft:
    draft = update_node(draft, node_id, lambda n: n.model_copy(update={"work_rows": tuple(rows)}))
    return prune_targets(draft)


def set_meta(draft: Draft, **fields: object) -> Draft:
    """Cover fields: county, stage, date, 委托单位, 编制单位, committee …"""
    meta = DraftMeta.model_validate({**draft.meta.model_dump(), **fields})
    return draft.model_copy(update={"meta": meta})


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


def set_target(
    draft: Draft,
    target_id: str,
    year: int,
    *,
    decision: Decision,
    value: str | None = None,
    after: str | None = None,
) -> Draft:
    """The county's decision for one indicator and year; every sentence stating it follows."""
    target = draft.target(target_id)
    if target is None:
        raise EditError(f"找不到目标 {target_id}")
    current = target.year(year)
    if current is None:
        raise EditError(f"目标“{target.indicator}”没有 {year} 年的值")
    if decision == "value":
        value = (value or "").strip()
        if not value:
            raise EditError("请填写目标值")
    updated = current.model_copy(
        update={
            "decision": decision,
            "value": value if decision == "value" else current.value,
            "after": current.after if after is None else after,
        }
    )
    TargetYear.model_validate(updated.model_dump())
    years = tuple(updated if y.year == year else y for y in target.years)
    return _replace_target(draft, target.model_copy(update={"years": years}))


def set_target_indicator(
    draft: Draft, target_id: str, indicator: str, unit: str | None = None
) -> Draft:
    target = draft.target(target_id)
    if target is None:
        raise EditError(f"找不到目标 {target_id}")
    indicator = indicator.strip()
    if not indicator:
        raise EditError("指标名称不能为空")
    update: dict[str, object] = {"indicator": indicator}
    if unit is not None:
        update["unit"] = unit.strip()
    return _replace_target(draft, target.model_copy(update=update))


def _replace_target(draft: Draft, target: CountyTarget) -> Draft:
    targets = tuple(target if t.id == target.id else t for t in draft.targets)
    return draft.model_copy(update={"targets": targets})


def add_target(
    draft: Draft,
    node_id: str,
    indicator: str,
    year: int,
    *,
    value: str,
    unit: str = "",
    lead: str = "达到",
    after: str = "",
    base_year: int | None = None,
) -> tuple[Draft, str]:
    """A county's own target: a table entry, and a sentence stating it at the end of a node's text."""
    from app.core.mentions import make_token
    from app.core.targets import target_sentence

    indicator = indicator.strip()
    if not indicator or not value.strip():
        raise EditError("请填写指标名称和目标值")
    node = _node(draft, node_id)
    target_id = f"t{draft.next_id}"
    entry = CountyTarget(
        id=target_id,
        indicator=indicator,
        unit=unit,
        years=(TargetYear(year=year, decision="value", value=value.strip(), after=after),),
    )
    sentence = target_sentence(indicator, year, lead="", value="", base_year=base_year)
    sentence = sentence[:-1] + make_token(target_id, year, lead) + "。"
    paragraphs = (
        (*node.paragraphs, sentence)
        if not node.paragraphs
        else (*node.paragraphs[:-1], node.paragraphs[-1] + sentence)
    )
    draft = draft.model_copy(
        update={"targets": (*draft.targets, entry), "next_id": draft.next_id + 1}
    )
    return update_node(
        draft, node_id, lambda n: n.model_copy(update={"paragraphs": paragraphs})
    ), target_id


# ---------------------------------------------------------------- unit catalogue


def add_unit(draft: Draft, name: str, *, full_name: str = "", kind: str = "other") -> Draft:
    """A unit added to the county catalogue."""
    from app.core.draft import CatalogueUnit

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
    from app.core.draft import UnitMapEntry

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


def add_parent(draft: Draft, plan_id: str, title: str, level: str) -> Draft:
    """A plan of the library made a parent of the draft (its measures can then be taken up)."""
    from app.core.draft import ParentPlan

    if any(p.id == plan_id for p in draft.parents):
        return draft
    return draft.model_copy(
        update={"parents": (*draft.parents, ParentPlan(id=plan_id, title=title, level=level))}
    )


def reset_to_template(draft: Draft, chapter_id: str) -> Draft:
    """A boilerplate chapter's text back to what its template gives for this county.

    Sub-sections are rewritten too; targets stated in 主要目标 keep their
    table entries (the same mentions are stated again).
    """
    from app.core.boilerplate import GOALS, context_for, render_template, template_nodes
    from app.core.mentions import mentions
    from app.core.render import county_of

    chapter = _node(draft, chapter_id)
    if not chapter.template:
        raise EditError(f"“{chapter.title}”不是由模板生成的")
    context = context_for(county_of(draft), [p.title for p in draft.parents])
    if chapter.template == GOALS:
        statements: dict[int, list[str]] = {2025: [], 2030: [], 2035: []}
        for paragraph in chapter.paragraphs:
            for m in mentions(paragraph):
                target = draft.target(m.target)
                if target is not None and m.year in statements:
                    statements[m.year].append(f"{target.indicator}{paragraph[m.start : m.end]}")
        context["targets"] = statements
    rendered = render_template(chapter.template, context)
    children, next_id = template_nodes(rendered, chapter.level, draft.next_id)
    updated = chapter.model_copy(
        update={"paragraphs": tuple(rendered.paragraphs), "children": children}
    )
    draft = draft.model_copy(update={"next_id": next_id})
    return prune_targets(update_node(draft, chapter_id, lambda _n: updated))
