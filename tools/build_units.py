"""Generate the built-in unit catalogues, the duty table and the grid table from one source.

Source: resources/units/source/county_bodies.json — the bodies a county-level
government has after the 2018–2019 institutional reform, their names by level
(县, 旗, 县级市, 市辖区, a 直辖市's 区/县) and what each leads or supports.
Nothing here is written per county: a draft fills {county}, {short}, … in.

Writes (each says its source, date and this script):
- resources/units/catalogues/generic-county.json   县、自治县 (the one the wizard lists)
- resources/units/catalogues/by-level/<level>.json  旗, 县级市, 市辖区, 直辖市的区县
- resources/units/duties.json                        proposed leads by a measure's subject
- resources/units/grids.json                         the power company by province
- resources/units/named.json                         each body's name by level, for templates,
                                                     and the province variants of body names

    uv run python tools/build_units.py          # write the files
    uv run python tools/build_units.py --check  # exit 1 if a committed file would change
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "resources" / "units"
SOURCE = UNITS / "source" / "county_bodies.json"
SCRIPT = "tools/build_units.py"
FIELDS = ("name", "full_name", "kind", "aliases")
LEVEL_FILES = {"county": "catalogues/generic-county.json"} | {
    level: f"catalogues/by-level/{level}.json"
    for level in ("banner", "county_city", "district", "metro")
}


def _stamp(source: dict) -> str:
    return (
        f"由 resources/units/source/county_bodies.json（{source['date']}）"
        f"经 {SCRIPT} 生成，请勿手改：改来源文件后重新运行脚本。"
    )


def _w(text: str, word: str) -> str:
    return text.replace("{w}", word)


def _available(body: dict, level: str) -> bool:
    return level in body.get("levels", [level])


def _unit(body: dict, level: str, word: str) -> dict:
    """One catalogue unit of a level: the body's own fields, a level's override on top.

    Where a level names a body its own way (旗发改委), the county's names of it
    (旗发改局) stay as aliases, so a clause or a mapping rule written the usual
    way still finds it."""
    base = {f: body.get(f, [] if f == "aliases" else "") for f in FIELDS}
    override = body.get("by_level", {}).get(level, {})
    unit = {**base, **override}
    aliases = list(unit["aliases"])
    if override:
        aliases += [base["name"], base["full_name"], *base["aliases"]]
    names = [_w(a, word) for a in aliases]
    own = {_w(unit["name"], word)}
    unit["aliases"] = [a for a in dict.fromkeys(names) if a and a not in own]
    unit["name"] = _w(unit["name"], word)
    unit["full_name"] = _w(unit["full_name"], word)
    return unit


def catalogue(source: dict, level: str) -> dict:
    info = source["levels"][level]
    word = info["w"]
    title = "县级通用单位目录" + ("" if level == "county" else f"（{info['title']}）")
    return {
        "format": "peakplan-units",
        "version": 1,
        "id": "generic-county",
        "name": title,
        "description": (
            f"{info['title']}常用的责任单位（政府工作部门、党委部门、群团组织、上级部门驻本级机构、"
            "供电和邮政企业、乡镇、园区），名称按责任单位条款的写法；{county}、{short} 等在新建"
            "起草文件时换成本县名称。" + _stamp(source)
        ),
        "units": [_unit(b, level, word) for b in source["bodies"] if _available(b, level)],
    }


def _spellings(body: dict) -> list[str]:
    """A body's names at every level, the county's first: the first one a catalogue has wins."""
    names = [body["name"]] + [v["name"] for v in body.get("by_level", {}).values() if "name" in v]
    return list(dict.fromkeys(names))


def duties(source: dict) -> dict:
    bodies = {b["id"]: b for b in source["bodies"]}
    out = []
    for subject in source["subjects"]:
        name = subject["subject"]
        leads = [s for b in source["bodies"] if name in b.get("leads", []) for s in _spellings(b)]
        supporting = [_spellings(b) for b in source["bodies"] if name in b.get("supports", [])]
        if not leads:
            raise SystemExit(f"{SOURCE.name}: 事项“{name}”没有牵头单位")
        out.append(
            {
                "subject": name,
                "keywords": subject["keywords"],
                "lead": leads,
                "supporting": supporting,
            }
        )
    fallback = source["fallback"]
    return {
        "format": "peakplan-unit-duties",
        "version": 2,
        "source": source["source"],
        "generated": _stamp(source),
        "about": (
            "上级方案的措施没有责任单位时，按措施标题和正文中的关键词拟定本县的牵头单位和配合单位。"
            "先比标题中关键词出现的次数，相同时比正文中的次数，最多的一条生效，仍相同取靠前的一条；"
            "都不匹配时用 fallback。lead 和 supporting 的每一项是同一单位在各层级的写法，"
            "取本县单位目录中有的第一个；目录中没有的不用。"
        ),
        "fallback": {
            "lead": _spellings(bodies[fallback["lead"]]),
            "supporting": [_spellings(bodies[b]) for b in fallback["supporting"]],
        },
        "duties": out,
    }


def grids(source: dict) -> dict:
    return {
        "format": "peakplan-power-grids",
        "version": 1,
        "generated": _stamp(source),
        "about": "县里的供电企业按省份（内蒙古按盟市）取第一条相符的；regions 为空的是其余省份。",
        "grids": source["grids"],
    }


def named(source: dict) -> dict:
    """Each body's name by level under its id, so a template names a unit as the clauses
    and the task table do (领导小组办公室设在旗发改委, not a fixed 县发改局)."""
    by_level = {}
    for level, info in source["levels"].items():
        units = {
            b["id"]: _unit(b, level, info["w"])["name"]
            for b in source["bodies"]
            if _available(b, level)
        }
        by_level[level] = units
    return {
        "format": "peakplan-named-units",
        "version": 1,
        "generated": _stamp(source),
        "about": (
            "模板中的 units.<id>（如 units.fgw）按本县层级取 levels 中的名称，再换成本县单位目录中"
            "该单位的写法（目录中改过名的以目录为准）；目录中没有的仍用这里的名称。regional："
            "某些省份的县级写法，新建起草文件时替换通用目录中该单位的名称（通用名称留作别名）。"
        ),
        "levels": by_level,
        "regional": [
            {
                "body": v["body"],
                "regions": v["regions"],
                "name": v["name"],
                "full_name": v["full_name"],
                "why": v["why"],
                "source": v["source"],
            }
            for v in source.get("regional", {}).get("variants", [])
        ],
    }


def outputs(source: dict) -> dict[Path, str]:
    files = {UNITS / path: catalogue(source, level) for level, path in LEVEL_FILES.items()}
    files[UNITS / "duties.json"] = duties(source)
    files[UNITS / "grids.json"] = grids(source)
    files[UNITS / "named.json"] = named(source)
    return {p: json.dumps(d, ensure_ascii=False, indent=1) + "\n" for p, d in files.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="只检查生成的文件是否最新")
    args = parser.parse_args(argv)
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    stale = []
    for path, text in outputs(source).items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(("过期：" if args.check else "已生成：") + str(path))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
