"""A draft of thousands of measures: what is read out of it is read once, not once a node.

A 9,801-measure draft took 77 s to check and over two minutes to open: the
checks compared parent clauses by re-reading the parent plan for every county
node, and the preview laid out the whole draft after each edit. These tests
hold the shape of the work (each parent clause fingerprinted once; the
preview of a big draft is the part around the measure edited, numbered as
in the whole draft), not its speed — benchmarks/ measures that.
"""

from __future__ import annotations

import gc
import threading

from app.core.draft.gc_pause import collections_paused
from app.core.plans.library import find_plan
from app.core.plans.resolver import PlanResolver
from app.core.readout import checks
from app.core.readout.render import LEAD_NOTE, labels, rendered_nodes
from benchmarks.drafts import synthetic, taken_up


def test_each_parent_clause_is_fingerprinted_once_however_many_measures_take_it_up(
    monkeypatch,
):
    draft = taken_up(400)
    taken = {source.node for node in draft.walk() for source in node.sources}
    calls: list[str] = []
    from app.core.readout import parent_checks

    real = parent_checks.fingerprint

    def counted(section):
        calls.append(section.id)
        return real(section)

    monkeypatch.setattr(parent_checks, "fingerprint", counted)
    findings = checks.check_draft(draft, PlanResolver.of([find_plan("ningxia-region")]))
    assert len(calls) == len(set(calls)) <= len(taken)
    assert len(taken) < 400 < sum(len(node.sources) for node in draft.walk())
    assert any(f.code == "coverage" for f in findings)


def test_a_check_of_a_repeated_draft_reports_every_copy():
    """Indexing the parent and the target table changes no finding: each copy is reported."""
    small, big = taken_up(100), taken_up(400)
    plans = PlanResolver.of([find_plan("ningxia-region")])

    def per_node(draft):
        found: dict[str, int] = {}
        for finding in checks.check_draft(draft, plans):
            if finding.node_id and not finding.code.startswith("target-"):  # per node, not target
                found[finding.code] = found.get(finding.code, 0) + 1
        return found

    few, many = per_node(small), per_node(big)
    assert few.keys() == many.keys() and "open-question" in few
    for code, count in few.items():
        assert many[code] > count, code


def test_rendering_part_of_a_draft_numbers_and_words_it_as_the_whole():
    draft = synthetic(600)
    whole = {item.node.id: item for item in rendered_nodes(draft)}
    measures = list(draft.measures())
    wanted = {m.id for m in measures[300:320]}
    part = list(rendered_nodes(draft, only=wanted))
    assert [item.node.id for item in part] == [m.id for m in measures[300:320]]
    for item in part:
        assert item == whole[item.node.id]
        assert item.label == labels(draft)[item.node.id]
    first_clause = next(item for item in whole.values() if item.clause)
    assert LEAD_NOTE in first_clause.clause
    assert not any(LEAD_NOTE in item.clause for item in part)


def test_the_preview_of_a_big_draft_is_the_part_around_the_measure_edited():
    from app.export.html import draft_html
    from app.gui.views.preview import AFTER, preview_html, shown_part

    small = synthetic(200)
    assert shown_part(small, "") is None
    assert preview_html(small, "") == draft_html(small)

    draft = synthetic(2000)
    measures = list(draft.measures())
    current = measures[1000]
    label = labels(draft)
    html = preview_html(draft, current.id)
    assert f'<a name="{current.id}"></a>' in html
    assert f"{label[current.id]}{current.title}" in html
    assert f'<a name="{measures[1000 + AFTER + 50].id}"></a>' not in html
    assert f'<a name="{measures[0].id}"></a>' not in html
    ids, at_start, at_end = shown_part(draft, current.id)
    assert not at_start and not at_end
    assert current.id in ids and len(ids) < 1000
    tasks = draft.chapter("tasks")
    assert tasks.id in ids  # the headings above the part are shown with it


def test_collection_paused_while_a_draft_is_built_or_checked_comes_back_after():
    """Pauses nest and overlap across threads (the checks worker); the last one ends them."""
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collections_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=worker)
    with collections_paused():
        thread.start()
        inside.wait(10)
        assert not gc.isenabled()
    assert not gc.isenabled()  # the worker's pause still holds
    release.set()
    thread.join(10)
    assert gc.isenabled()
    checks.check_draft(taken_up(50), PlanResolver.of([find_plan("ningxia-region")]))
    assert gc.isenabled()
