"""Which provinces' published documents use each candidate name: resources/adapt/name_spread.json.

    uv run python tools/build_name_spread.py [DIR]

DIR defaults to ../shared/corpus/pdf (published dual-carbon policy documents, national,
provincial and city, from the public repository yeahqiona/Dual-carbon-policies, folder
`Source data/`). Each document is given to its province by the first division named in
its file name (or, failing that, in its title line); a document naming none is national
(全国). Every candidate the names pass can find (app/core/adapt/names.py: quoted terms
and proper names before a name's last word; app/core/adapt/geography.py: the last words of
rivers, corridors and belts) in any document is then looked up, without
quotes and spaces, in the text of every document, itself without quotes: the provinces using it are stored. The
names pass takes a term that another province or a national document uses as common
policy language, not the parent's own name. Every pair of Han characters used by
PAIRS_MIN provinces or more is stored with how many: a candidate made only of common
pairs is a description in common words, not a name.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.adapt.common_words import NATIONAL, term_of  # noqa: E402
from app.core.adapt.geography import feature_candidates, feature_tails  # noqa: E402
from app.core.adapt.names import quoted, suffixed  # noqa: E402
from app.core.text.places import gazetteer, is_han  # noqa: E402
from app.importer.readers.pdf_reader import pdf_lines  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "pdf"
OUT = ROOT / "resources" / "adapt" / "name_spread.json"
PAIRS_MIN = 3
"""Character pairs used by fewer provinces are not stored (the names pass asks for 5 or more)."""


def province_of(name: str, head: str) -> str:
    """The province short name of the first division named in the file name, else in the head."""
    gaz = gazetteer()
    provinces = {d.code: d for d in gaz.divisions if d.level == "province"}
    for text in (name, head):
        for place in gaz.find(text):
            code = place.divisions[0].code[:2]
            if code in provinces:
                province = provinces[code]
                return province.short or province.name
    return NATIONAL


def unquoted(text: str) -> str:
    """The text as candidates are spelt (app/core/adapt/common_words.py, term_of): no quotes. A
    candidate that holds quotes (能效“领跑者”行动) is otherwise found in no document, not even
    its own, and passes for nobody's common language."""
    return re.sub("[“”]", "", text)


def document_text(path: Path) -> str:
    lines, _pages = pdf_lines(path.read_bytes())
    return "".join(line.text.strip() for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[2])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() == ".pdf")
    texts: dict[str, str] = {}
    provinces: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in files:
        text = re.sub(r"\s+", "", document_text(path))
        digest.update(path.read_bytes())
        texts[path.stem] = text
        provinces[path.stem] = province_of(path.stem, text[:30])
    terms: set[str] = set()
    for text in texts.values():
        for method in (quoted, suffixed):
            terms.update(term_of(text, span) for span in method(text))
        for start, suffix, end in feature_candidates(text):
            terms.update(feature_tails(text, start, suffix, end))
    # looked up as term_of spells it, without quotes: 能效“领跑者”行动 is 能效领跑者行动
    plain = {doc: unquoted(text) for doc, text in texts.items()}
    spread = {}
    for term in sorted(terms):
        if len(term) < 2:
            continue
        where = sorted({provinces[doc] for doc, text in plain.items() if term in text})
        spread[term] = where
    pairs: dict[str, set[str]] = {}
    for doc, text in texts.items():
        for pair in {text[k : k + 2] for k in range(len(text) - 1)}:
            if is_han(pair[0]) and is_han(pair[1]):
                pairs.setdefault(pair, set()).add(provinces[doc])
    data = {
        "source": {
            "about": "各候选名称在已发布政策文件中的使用范围（使用它的省份；全国=国家层面文件），供“上级方案自己的名称”判断使用。由 tools/build_name_spread.py 生成，请勿手改。",
            "corpus": "yeahqiona/Dual-carbon-policies, folder Source data/ (a random half, 151 PDFs, as kept in the project's shared corpus)",
            "documents": len(files),
            "sha256": digest.hexdigest(),
            "made": datetime.date.today().isoformat(),
            "regenerate": "uv run python tools/build_name_spread.py ../shared/corpus/pdf",
        },
        "provinces": dict(sorted(provinces.items())),
        "terms": spread,
        "pairs": {
            pair: len(where) for pair, where in sorted(pairs.items()) if len(where) >= PAIRS_MIN
        },
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(spread)} terms from {len(files)} documents → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
