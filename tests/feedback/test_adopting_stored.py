"""`feedback --adopt-all` adopts what it says it adopts: the changes of a file imported before
(still 待处理) as well as new ones, and, with no file, the changes the draft already holds
(`peakplan feedback DRAFT --adopt-all [--unit U]`). A comment that asks without giving the
words is left 待处理 and named, never counted as adopted."""

from __future__ import annotations

from pathlib import Path

from app.cli import main
from app.core.draft.consultation import Opinion
from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, save_draft
from tests.tasks.alike import returned_file


def _draft_and_file(tmp_path: Path) -> tuple[Path, Path, str]:
    draft = load_demo()
    path = tmp_path / "d.peakplan"
    save_draft(draft, path)
    returned = returned_file(draft, tmp_path / "县发改局.docx")
    return path, returned, draft.meta.preamble[0]


def test_adopt_all_on_a_file_imported_before_adopts_its_stored_changes(tmp_path, capsys):
    path, returned, preamble = _draft_and_file(tmp_path)
    assert main(["feedback", str(path), str(returned)]) == 0
    assert [o.decision for o in load_draft(path).opinions] == ["pending"]
    capsys.readouterr()
    assert main(["feedback", str(path), str(returned), "--adopt-all"]) == 0
    out = capsys.readouterr().out
    saved = load_draft(path)
    assert [o.decision for o in saved.opinions] == ["adopted"]
    assert saved.meta.preamble[0] != preamble  # the unit's edit is in the text
    assert "已全部采纳，共 1 条" in out and "已采纳此前导入的意见" in out


def test_adopt_all_without_a_file_adopts_the_stored_changes_of_the_unit_named(tmp_path, capsys):
    path, returned, preamble = _draft_and_file(tmp_path)
    assert main(["feedback", str(path), str(returned)]) == 0
    draft = load_draft(path)
    measure = next(iter(draft.measures()))
    other = Opinion(
        id="o2",
        unit="县交通局",
        kind="comment",
        node_id=measure.id,
        comment="建议补充公交电动化的年度目标",
    )
    save_draft(draft.model_copy(update={"opinions": (*draft.opinions, other)}), path)
    capsys.readouterr()
    assert main(["feedback", str(path), "--adopt-all", "--unit", "县交通局", "--json"]) == 0
    said = capsys.readouterr()
    assert said.out.strip() == "[]" and "未采纳：o2" in said.err
    assert main(["feedback", str(path), "--adopt-all", "--unit", "县交通局"]) == 0
    out = capsys.readouterr().out
    saved = load_draft(path)
    assert [o.decision for o in saved.opinions] == ["pending", "pending"]
    assert "o2" in out and "未写出修改文字" in out and "已全部采纳" not in out
    assert main(["feedback", str(path), "--adopt-all"]) == 0
    out = capsys.readouterr().out
    saved = load_draft(path)
    assert [o.decision for o in saved.opinions] == ["adopted", "pending"]
    assert saved.meta.preamble[0] != preamble
    assert "已采纳 1 条，1 条无法采纳，仍为待处理" in out


def test_feedback_without_files_or_adopt_all_says_what_to_give(tmp_path, capsys):
    path, _returned, _preamble = _draft_and_file(tmp_path)
    before = path.read_bytes()
    assert main(["feedback", str(path)]) == 2
    assert "--adopt-all" in capsys.readouterr().err
    assert path.read_bytes() == before
