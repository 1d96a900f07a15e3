"""Lineage between plans: 银川's measures found in 宁夏's, checked against pairs judged by hand
(lineage_yinchuan_ningxia.json, each with how it was judged); no links across provinces;
the user's links kept; each link with its score and shared words; imports linked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.plans.library import load_plan
from app.core.plans.lineage import (
    link_plan,
    links,
    plan_division,
    plans_above,
    set_link,
    user_said_none,
)
from app.importer import import_plan, import_to_library
from tests.conftest import ROOT, SEEDS, SOURCES

PAIRS = Path(__file__).with_name("lineage_yinchuan_ningxia.json")
BUILTIN = ("ningxia-region", "yinchuan-city", "ningdong-base", "pingluo-county")


@pytest.fixture(scope="module")
def library():
    return {pid: load_plan(ROOT / "reference_plans" / f"{pid}.json") for pid in BUILTIN}


@pytest.fixture(scope="module")
def yinchuan_linked(library):
    return link_plan(library["yinchuan-city"], [library["ningxia-region"]])


def _number(node: str) -> str:
    return node.split(":", 1)[1]


def test_hand_checked_pairs_found(yinchuan_linked):
    data = json.loads(PAIRS.read_text(encoding="utf-8"))
    pairs = data["pairs"]
    assert len([p for p in pairs if p["child"].count(".") >= 2]) >= 30  # measures, sub-items
    misses = []
    for pair in pairs:
        section = yinchuan_linked.find(f"yinchuan-city:{pair['child']}")
        assert section is not None, pair["child"]
        found = [_number(link.node) for link in section.lineage]
        # A judged source: the best link is one of them; judged none: no link at all.
        ok = found[:1] != [] and found[0] in pair["parents"] if pair["parents"] else not found
        if not ok:
            misses.append(
                f"{pair['child']}: judged {pair['parents'] or '无'}, found {found or '无'}"
            )
    rate = 1 - len(misses) / len(pairs)
    assert rate >= 0.9, f"{rate:.0%} of {len(pairs)} pairs; missed:\n" + "\n".join(misses)


def test_links_carry_score_and_words(yinchuan_linked):
    section = yinchuan_linked.find("yinchuan-city:三.二.1")
    (link,) = section.lineage
    assert link.node == "ningxia-region:三.二.1"
    assert link.by == "auto"
    assert link.score >= 80
    assert "全面提升节能管理能力" in link.words
    assert "完善重点用能单位能耗在线监测系统" in link.words
    # A merged measure keeps both sources, best first.
    merged = yinchuan_linked.find("yinchuan-city:三.一.2")
    assert [_number(x.node) for x in merged.lineage][:2] == ["三.一.3", "三.一.4"]
    assert merged.lineage[0].score > merged.lineage[1].score
    # Level words neutralised: 区属 → 市属 still matches almost fully.
    assert yinchuan_linked.find("yinchuan-city:三.九.3").lineage[0].score >= 90


def test_builtin_plans_above(library):
    plans = list(library.values())
    above = {pid: [p.id for p in plans_above(plan, plans)] for pid, plan in library.items()}
    assert above == {
        "ningxia-region": [],
        "yinchuan-city": ["ningxia-region"],
        "ningdong-base": ["ningxia-region"],  # a zone of the region, under no city
        "pingluo-county": ["ningxia-region"],  # 平罗 is 石嘴山's, not 银川's
    }
    assert plan_division(library["ningdong-base"]).short == "宁夏"


def test_builtin_library_is_linked(library):
    """tools/build_library.py links the shipped plans (its --check keeps them current)."""
    yinchuan = library["yinchuan-city"]
    assert yinchuan.find("yinchuan-city:三.二.1").lineage[0].node == "ningxia-region:三.二.1"
    pingluo = library["pingluo-county"]
    linked = [s for s in pingluo.walk() if s.lineage]
    assert linked and all(link.plan_id == "ningxia-region" for s in linked for link in s.lineage)


def test_chengdu_never_links_to_ningxia(library):
    chengdu = import_plan(SOURCES / "chengdu_energy_structure_2022.txt").plan
    assert plan_division(chengdu).name == "成都市"
    assert plans_above(chengdu, list(library.values())) == []
    linked = link_plan(chengdu, plans_above(chengdu, list(library.values())))
    assert not any(s.lineage for s in linked.walk())


def test_user_link_survives_relinking(library, yinchuan_linked):
    ningxia = library["ningxia-region"]
    plan = set_link(
        yinchuan_linked, "yinchuan-city:三.三.2.#2", "ningxia-region:三.三.6", above=[ningxia]
    )
    (link,) = plan.find("yinchuan-city:三.三.2.#2").lineage
    assert (link.node, link.by) == ("ningxia-region:三.三.6", "user")
    assert link.score > 0 and link.words
    plan = set_link(plan, "yinchuan-city:三.四.2.#2", None)
    section = plan.find("yinchuan-city:三.四.2.#2")
    assert user_said_none(section) and links(section) == []

    relinked = link_plan(plan, [ningxia])
    assert relinked.find("yinchuan-city:三.三.2.#2").lineage == [link]
    assert user_said_none(relinked.find("yinchuan-city:三.四.2.#2"))
    # Other sections are linked afresh as before, and nothing above means no automatic links.
    assert (
        relinked.find("yinchuan-city:三.二.1").lineage
        == yinchuan_linked.find("yinchuan-city:三.二.1").lineage
    )
    bare = link_plan(plan, [])
    assert bare.find("yinchuan-city:三.二.1").lineage == []
    assert bare.find("yinchuan-city:三.三.2.#2").lineage == [link]


def test_user_links_add_and_replace(library, yinchuan_linked):
    ningxia = library["ningxia-region"]
    node = "yinchuan-city:三.一.1"
    plan = set_link(yinchuan_linked, node, "ningxia-region:三.一.1", above=[ningxia])
    plan = set_link(plan, node, "ningxia-region:三.一.2", above=[ningxia], add=True)
    assert [x.node for x in plan.find(node).lineage] == [
        "ningxia-region:三.一.2",
        "ningxia-region:三.一.1",
    ]
    plan = set_link(plan, node, "ningxia-region:三.一.4")  # not added: replaces; no text, score 0
    (only,) = plan.find(node).lineage
    assert (only.node, only.score, only.by) == ("ningxia-region:三.一.4", 0, "user")
    with pytest.raises(KeyError):
        set_link(plan, "yinchuan-city:九.九", None)


def test_import_to_library_links_to_plans_above():
    result, saved = import_to_library(SEEDS["yinchuan-city"])
    stored = load_plan(saved)
    assert stored.find(f"{stored.id}:三.二.1").lineage[0].node == "ningxia-region:三.二.1"
    assert result.plan.find(f"{stored.id}:三.二.1").lineage
