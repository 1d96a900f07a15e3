"""The built-in demo: the 平罗县 送审稿 as a draft drawn from the 宁夏 region plan."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli import main
from app.core.draft.demo import load_demo
from app.core.plans.library import find_plan
from app.core.readout.render import rendered_nodes
from app.importer import import_plan
from tests.conftest import ROOT, SEEDS

LINKS = json.loads((ROOT / "resources" / "demo" / "links.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo():
    return load_demo()


@pytest.fixture(scope="module")
def seed():
    """The 平罗 seed read fresh from its published text, not from the library."""
    return import_plan(SEEDS["pingluo-county"], plan_id="pingluo-county").plan


def test_outline_equals_the_pingluo_seed(demo, seed):
    assert (
        [c.title for c in demo.chapters]
        == [s.title for s in seed.sections]
        == [
            "总体要求",
            "主要目标",
            "重点任务",
            "保障措施",
        ]
    )
    tasks, seed_tasks = demo.chapter("tasks"), seed.key_tasks()
    assert [a.title for a in tasks.children] == [a.title for a in seed_tasks.children]
    assert len(tasks.children) == 10
    assert [s.title for s in demo.chapter("safeguards").children] == [
        s.title for s in seed.sections[3].children
    ]
    assert len(demo.chapter("safeguards").children) == 5
    measures = list(demo.measures())
    seed_measures = [m for a in seed_tasks.children for m in a.children]
    assert len(measures) == 40
    assert [m.title for m in measures] == [m.title for m in seed_measures]
    for measure, seed_measure in zip(measures, seed_measures, strict=True):
        assert list(measure.responsibility.units) == seed_measure.clause.names, measure.title


def test_clauses_and_cover_read_as_in_the_seed(demo, seed):
    clauses = [r.clause for r in rendered_nodes(demo) if r.clause]
    assert clauses == [s.clause.text for s in seed.walk() if s.clause]
    assert demo.meta.stage == "送审稿" and demo.meta.date == "2023-09"
    assert demo.meta.commissioned_by == "平罗县发展和改革局"
    assert len(demo.meta.committee) == 12


def test_every_link_points_at_a_real_ningxia_clause(demo):
    ningxia = find_plan("ningxia-region")
    linked = {s.node for n in demo.walk() for s in n.sources}
    assert linked and all(ningxia.find(node) is not None for node in linked)
    assert demo.parents[0].id == "ningxia-region"


def test_check_demo_has_no_errors_and_the_coverage_line_is_right(capsys):
    assert main(["check", "--demo", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 0
    (coverage,) = [f for f in report["findings"] if f["code"] == "coverage"]
    ningxia = find_plan("ningxia-region")
    parent_measures = [m.id for a in ningxia.key_tasks().children for m in a.children]
    linked = {p for link in LINKS["links"] for p in link["parent"]}
    taken = [m for m in parent_measures if m in linked]
    assert coverage["data"]["measures"] == 43
    assert coverage["data"]["taken_up"] == len(taken)
    assert coverage["data"]["not_taken_up"] == [m for m in parent_measures if m not in linked]
    assert f"已采纳 {len(taken)} 条" in coverage["message"]


def test_demo_file_is_built_from_its_sources():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_demo.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
