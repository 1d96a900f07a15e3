"""Build resources/demo/pingluo.peakplan, the built-in demo draft.

The 平罗县 送审稿 opened as it is (its wording, units, targets, cover and
编制委员会), with the 平罗 unit catalogue, the 宁夏 region plan as its parent,
and every node linked to the 宁夏 clause(s) it takes up as recorded by hand in
resources/demo/links.json. Targets the 宁夏 clause states for the same
indicator and year carry the 宁夏 value as the parent value.

    uv run python tools/build_demo.py          # write the demo
    uv run python tools/build_demo.py --check  # fail if the demo is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.adapt.targets import indicator_key  # noqa: E402
from app.core.draft.catalogue_files import load_catalogue  # noqa: E402
from app.core.draft.model import Draft, Node, ParentPlan, SourceRef  # noqa: E402
from app.core.draft.store.files import draft_json  # noqa: E402
from app.core.operations.new_draft import as_is  # noqa: E402
from app.core.plans.library import find_plan  # noqa: E402
from app.core.plans.model import Plan, fingerprint  # noqa: E402
from app.core.plans.targets import locate_targets  # noqa: E402
from app.core.text.county import CountyContext  # noqa: E402

DEMO = ROOT / "resources" / "demo" / "pingluo.peakplan"
LINKS = ROOT / "resources" / "demo" / "links.json"


def build() -> Draft:
    county_plan = find_plan("pingluo-county")
    parent = find_plan("ningxia-region")
    county = CountyContext("平罗县", "石嘴山市", "宁夏回族自治区")
    catalogue = load_catalogue("pingluo", county, [parent.id])
    draft = as_is(county_plan, catalogue=catalogue, region=county.region, city=county.city)
    draft = draft.model_copy(
        update={
            "meta": draft.meta.model_copy(update={"level": "county"}),
            "parents": (ParentPlan(id=parent.id, title=parent.title, level=parent.level),),
            # as the 平罗 送审稿 itself: measure titles on their own lines, no 附件
            "layout": draft.layout.model_copy(update={"attachment": False}),
        }
    )
    links = json.loads(LINKS.read_text(encoding="utf-8"))
    by_county = {link["county"]: link["parent"] for link in links["links"]}
    county_sections = list(county_plan.walk())
    nodes = list(draft.walk())
    assert len(nodes) == len(county_sections)
    sources: dict[str, tuple[SourceRef, ...]] = {}
    for node, section in zip(nodes, county_sections, strict=True):
        refs = []
        for parent_id in by_county.get(section.id, []):
            parent_section = parent.find(parent_id)
            if parent_section is None:
                raise SystemExit(f"links.json: {parent_id} 不在宁夏方案中")
            refs.append(SourceRef(node=parent_id, fingerprint=fingerprint(parent_section)))
        sources[node.id] = tuple(refs)

    def link(node: Node) -> Node:
        return node.model_copy(
            update={"sources": sources[node.id], "children": tuple(link(c) for c in node.children)}
        )

    draft = draft.model_copy(update={"chapters": tuple(link(c) for c in draft.chapters)})
    return _parent_values(draft, parent, county_plan, by_county)


def _parent_values(draft: Draft, parent: Plan, county_plan: Plan, by_county: dict) -> Draft:
    """Each target's 宁夏 value, where a linked 宁夏 clause states the same indicator and year."""
    parent_targets: dict[tuple[str, str, int], tuple[str, str]] = {}
    linked = {p for ids in by_county.values() for p in ids}
    for section in parent.walk():
        if section.id not in linked:
            continue
        for paragraph in section.paragraphs:
            for span in locate_targets(paragraph):
                target = span.target
                if target.kind == "value" and target.year:
                    key = (indicator_key(target.indicator), target.unit, target.year)
                    parent_targets.setdefault(key, (target.value or "", span.after))
    targets = []
    for entry in draft.targets:
        years = []
        for year in entry.years:
            found = parent_targets.get((indicator_key(entry.indicator), entry.unit, year.year))
            if found:
                year = year.model_copy(update={"parent_value": found[0], "parent_after": found[1]})
            years.append(year)
        targets.append(entry.model_copy(update={"years": tuple(years)}))
    return draft.model_copy(update={"targets": tuple(targets)})


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = draft_json(build())
    if args.check:
        if not DEMO.is_file() or DEMO.read_text(encoding="utf-8") != text:
            print(
                "resources/demo/pingluo.peakplan 已过期：请运行 uv run python tools/build_demo.py"
            )
            return 1
        print("示例起草文件与来源一致")
        return 0
    DEMO.write_text(text, encoding="utf-8")
    print(f"已写入 {DEMO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
