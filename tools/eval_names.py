"""Precision and recall of the ways to find the parent's own names, on the hand-labelled set.

    uv run python tools/eval_names.py [--labels tests/core/names_labels.json]
    uv run --with jieba python tools/eval_names.py      # adds jieba's nt/nz tags

Each label is a span of a real sentence, marked own (a name the county must be asked
about) or not (common policy language). A method finds a label when one of the spans
it finds in the sentence overlaps it. "+spread" drops what other provinces' or national
documents also use (resources/adapt/name_spread.json; the label's own province does not
count, so a label's own document never vouches for it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.adapt.common_words import is_common, term_of  # noqa: E402
from app.core.adapt.names import own_names, quoted, suffixed  # noqa: E402
from app.core.adapt.text import adapt_text  # noqa: E402
from app.core.draft.model import Catalogue  # noqa: E402
from app.core.text.county import CountyContext  # noqa: E402
from app.core.text.places import gazetteer  # noqa: E402

LABELS = ROOT / "tests" / "core" / "names_labels.json"
Finder = Callable[[str, str], list[tuple[int, int]]]


def _jieba() -> Callable[[str], list[tuple[int, int]]] | None:
    try:
        import jieba
        import jieba.posseg as pseg
    except ImportError:
        return None
    jieba.setLogLevel(60)

    def tagged(text: str) -> list[tuple[int, int]]:
        out, position = [], 0
        for word in pseg.cut(text):
            if word.flag in ("nt", "nz"):
                out.append((position, position + len(word.word)))
            position += len(word.word)
        return out

    return tagged


def methods() -> dict[str, Finder]:
    """Each way alone, and with the corpus spread as a filter."""
    raw: dict[str, Callable[[str], list[tuple[int, int]]]] = {
        "quotes": quoted,
        "suffixes": suffixed,
    }
    segmenter = _jieba()
    if segmenter is not None:
        raw["jieba nt/nz"] = segmenter
    combos = {"quotes+suffixes": ("quotes", "suffixes")}
    if segmenter is not None:
        combos["quotes+suffixes+jieba"] = ("quotes", "suffixes", "jieba nt/nz")
    out: dict[str, Finder] = {}
    for name, find in raw.items():
        out[name] = lambda text, _province, find=find: find(text)
    for name, parts in combos.items():
        out[name] = lambda text, _province, parts=parts: [s for p in parts for s in raw[p](text)]
    for name in list(out):
        out[f"{name} +spread"] = lambda text, province, find=out[name]: [
            s for s in find(text, province) if not is_common(term_of(text, s), province)
        ]
    out["the names pass (+spread, phrases, layouts)"] = lambda text, province: own_names(
        text, province, ("quotes", "suffixes")
    )
    out["the app (names, geography, places passes)"] = asked_by_the_app
    return out


def asked_by_the_app(text: str, province: str) -> list[tuple[int, int]]:
    """What a draft asks as not the county's (kind place), for a county of the province: the
    words of each question, and the words of the sentence's other names it stands for."""
    adapted = adapt_text(text, level="province", county=_a_county(province), catalogue=Catalogue())
    spans = []
    for question in adapted.questions:
        if question.kind != "place":
            continue
        for words in (question.quote, *(other.quote for other in question.also)):
            at = text.find(words)
            if at >= 0:
                spans.append((at, at + len(words)))
    return spans


def _a_county(province: str) -> CountyContext:
    """The first county (县) of the province in the gazetteer."""
    gaz = gazetteer()
    top = next(d for d in gaz.divisions if d.level == "province" and d.short == province)
    for city in gaz.children(top.code):
        for county in gaz.children(city.code):
            if county.name.endswith("县"):
                return CountyContext(county.name, city.name, top.name)
    for county in gaz.children(top.code):  # 海南: counties straight under the province
        if county.name.endswith("县"):
            return CountyContext(county.name, "", top.name)
    raise ValueError(province)


def score(labels: list[dict], find: Finder) -> tuple[float, float, int, int, int]:
    """Precision, recall, true positives, found, own labels."""
    found = hits = 0
    for label in labels:
        start = label["sentence"].find(label["span"])
        end = start + len(label["span"])
        spans = find(label["sentence"], label["province"])
        if any(s < end and start < e for s, e in spans):
            found += 1
            hits += label["own"]
    own = sum(label["own"] for label in labels)
    return (hits / found if found else 0.0, hits / own if own else 0.0, hits, found, own)


def load(path: Path = LABELS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["labels"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    labels = load(args.labels)
    provinces = len({label["province"] for label in labels})
    own = sum(label["own"] for label in labels)
    print(f"{len(labels)} labels ({own} own names) from {provinces} provinces")
    print(f"{'method':42} {'precision':>9} {'recall':>7} {'found':>6}")
    for name, find in methods().items():
        precision, recall, hits, found, _own = score(labels, find)
        print(f"{name:42} {precision:9.2f} {recall:7.2f} {hits:>3}/{found:<3}")


if __name__ == "__main__":
    main()
