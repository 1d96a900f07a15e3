"""Several targets stated in one clause, all set to 不列此目标 (a normal edit in the demo).

check and export ended with “程序内部错误（IndexError）”, and the saved draft could no
longer be opened: each dropped mention cut its clause using positions of the text
before the previous cut.
"""

from __future__ import annotations

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.mentions import render
from app.core.draft.store.files import load_draft, save_draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.export.word.document import word_document

STORAGE = ("t15", "t16", "t17")  # 储能容量, 储能时长, 需求侧响应: one clause of the demo


def _dropped():
    draft = load_demo()
    for target in STORAGE:
        draft = ops.set_target_cell(draft, target, 2025, "不列此目标")
    return draft


def test_the_clause_stating_three_dropped_targets_is_cut_once():
    draft = _dropped()
    node = next(n for n in draft.walk() if any("t15" in p for p in n.paragraphs))
    text = next(p for p in node.paragraphs if "t15" in p)
    printed = render(text, draft)
    assert "储能设施容量" not in printed and "连续储能时长" not in printed
    assert "需求侧响应能力达到" not in printed
    assert printed.endswith("到2030年，新型储能建设取得显著成果，需求侧响应能力稳步提升。")
    assert "，；" not in printed and "；；" not in printed and "。。" not in printed


def test_check_export_save_and_open_work(tmp_path):
    draft = _dropped()
    assert check_draft(draft, PlanResolver.library()) is not None
    assert word_document(draft).data
    path = tmp_path / "储能.peakplan"
    save_draft(draft, path)
    assert load_draft(path).target("t15").year(2025).decision == "dropped"
