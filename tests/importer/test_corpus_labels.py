"""The corpus sweep's hand-checked answers (corpus_labels.json: level, title, and for some
plans the count of chapters and actions) held on the corpus PDFs this repository carries:
the parents of the labelled county cases and the published plans among the PDF fixtures.
The whole corpus is swept by tools/corpus_sweep.py; these files keep the answers honest in CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.importer import import_plan

HERE = Path(__file__).parent
LABELS = json.loads((HERE / "corpus_labels.json").read_text(encoding="utf-8"))
FIXTURES = {  # fixture file → its corpus file (tests/importer/fixtures/pdf/README.md)
    "chengdu_energy_structure_action_plan.pdf": "186、",
    "ningxia_urban_rural_green_opinions.pdf": "319、",
    "shangrao_green_circular_economy_plan.pdf": "355、",
    "wuzhou_green_circular_economy_plan.pdf": "234、",
}


def _carried() -> list[tuple[Path, str]]:
    out = []
    for case in sorted((HERE.parent / "cases" / "counties").glob("*/case.json")):
        source = Path(json.loads(case.read_text(encoding="utf-8"))["source"]).name
        out.append((case.parent / "parent.pdf", source))
    for fixture, prefix in FIXTURES.items():
        name = next(n for n in LABELS if n.startswith(prefix))
        out.append((HERE / "fixtures" / "pdf" / fixture, name))
    return out


CARRIED = _carried()


def test_every_carried_corpus_pdf_has_its_label():
    assert len(CARRIED) >= 14
    assert all(name in LABELS for _path, name in CARRIED)


@pytest.mark.parametrize(("path", "name"), CARRIED, ids=[n.split("、")[0] for _p, n in CARRIED])
def test_level_title_and_outline_are_the_hand_checked_ones(path, name, tmp_path):
    label = LABELS[name]
    published = tmp_path / name  # as the user has it: a title not found falls back on the name
    published.write_bytes(path.read_bytes())
    plan = import_plan(published).plan
    assert plan.level == label["level"]
    assert plan.title == label["title"]
    if "chapters" in label:
        actions = sum(len(s.children) for s in plan.sections)
        assert (len(plan.sections), actions) == (label["chapters"], label["actions"])
