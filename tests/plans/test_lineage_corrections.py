"""The user's lineage corrections: applied to the plan from the library, kept apart from it."""

from __future__ import annotations

from app.core.plans.library import find_plan, list_plans
from app.core.plans.lineage import links, user_said_none
from app.core.plans.lineage_corrections import corrections_path, save_correction


def test_a_correction_applies_to_the_built_in_plan_and_survives_listing():
    save_correction("yinchuan-city", "yinchuan-city:三.一.3", ["ningxia-region:三.一.5"])
    save_correction("yinchuan-city", "yinchuan-city:三.一.2", [])
    list_plans()  # moves damaged plan files aside: the corrections are no plan file
    plan = find_plan("yinchuan-city")
    assert [link.node for link in links(plan.find("yinchuan-city:三.一.3"))] == [
        "ningxia-region:三.一.5"
    ]
    assert user_said_none(plan.find("yinchuan-city:三.一.2"))
    assert corrections_path().is_file()


def test_a_damaged_corrections_file_is_kept_and_replaced_on_the_next_correction():
    path = corrections_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{broken", encoding="utf-8")
    assert links(find_plan("yinchuan-city").find("yinchuan-city:三.一.3"))  # the found links
    save_correction("yinchuan-city", "yinchuan-city:三.一.3", [])
    assert path.with_name("lineage.json.damaged").read_text(encoding="utf-8") == "{broken"
    assert user_said_none(find_plan("yinchuan-city").find("yinchuan-city:三.一.3"))
