"""Undo and redo of typing, through the keys a user presses in the boxes they type in.

Issue 27: Ctrl+Z in 本县文本 undid the box's own keystrokes, which the typing
pause pushed as a new edit: an empty 编辑正文 step, the title never undone,
and the undone text never redone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.draft.demo import load_demo
from app.gui.document import DraftDocument
from tests.gui.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_measure(window, title: str = "大力发展新能源") -> str:
    measure = next(m for m in window.doc.draft.measures() if m.title == title)
    window.outline.select(measure.id)
    window.select(measure.id)
    return measure.id


def _click_into(widget, end_key=Qt.Key.Key_End, modifier=Qt.KeyboardModifier.NoModifier):
    """Click into a box and put the cursor at its end, as a user does before typing on."""
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    QTest.mouseClick(target, Qt.MouseButton.LeftButton)
    widget.setFocus()
    QTest.keyClick(widget, end_key, modifier)


def _key(combo: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget(), combo, CTRL)


def _wait_burst_out(editor) -> None:
    """A long pause: the short pause pushes the typing, then the burst ends."""
    if editor.burst.pause.isActive():
        editor.burst.pause.stop()
        editor.burst._pause()
    if editor.burst.gap.isActive():
        editor.burst.end()


def test_undo_twice_then_redo_twice_brings_back_title_and_text(window, qtbot):
    editor = window.editor
    node_id = _open_measure(window)
    before = window.doc.draft.find(node_id)
    _click_into(editor.title)
    type_text(editor.title, "甲")
    QTest.keyClick(editor.title, Qt.Key.Key_Tab)
    _click_into(editor.text, Qt.Key.Key_End, CTRL)
    type_text(editor.text, "乙。")
    qtbot.wait(50)
    _wait_burst_out(editor)  # the issue waited 6 s
    typed = editor.text.toPlainText()
    assert window.doc.stack.count() == 2

    _key(Qt.Key.Key_Z)
    assert window.doc.draft.find(node_id).paragraphs == before.paragraphs
    assert not editor.text.toPlainText().endswith("乙。")
    _key(Qt.Key.Key_Z)
    assert window.doc.draft.find(node_id).title == before.title
    assert editor.title.text() == before.title
    assert window.edits.redo_action.isEnabled()

    _key(Qt.Key.Key_Y)
    assert editor.title.text() == before.title + "甲"
    _key(Qt.Key.Key_Y)
    assert editor.text.toPlainText() == typed
    assert window.doc.draft.find(node_id).paragraphs[-1].endswith("乙。")
    qtbot.wait(600)  # nothing pushed behind the user's back after the redo
    assert window.doc.stack.count() == 2 and window.doc.stack.index() == 2
    assert window.edits.undo_action.text() == "撤销 编辑正文"


def test_typing_back_to_where_it_started_leaves_no_step(window, qtbot):
    editor = window.editor
    _open_measure(window)
    _click_into(editor.text, Qt.Key.Key_End, CTRL)
    type_text(editor.text, "ab")
    editor.burst.pause.stop()
    editor.burst._pause()  # the short pause pushes "ab"
    assert window.doc.stack.count() == 1
    QTest.keyClick(editor.text, Qt.Key.Key_Backspace)
    QTest.keyClick(editor.text, Qt.Key.Key_Backspace)
    _wait_burst_out(editor)
    assert window.doc.stack.count() == 0
    assert not window.edits.undo_action.isEnabled()


def test_ctrl_z_in_the_title_before_leaving_it_undoes_the_typing_and_redo_restores_it(
    window, qtbot
):
    editor = window.editor
    node_id = _open_measure(window)
    title = editor.title.text()
    _click_into(editor.title)
    type_text(editor.title, "丙")
    _key(Qt.Key.Key_Z)
    assert editor.title.text() == title
    _key(Qt.Key.Key_Y)
    assert editor.title.text() == title + "丙"
    assert window.doc.draft.find(node_id).title == title + "丙"


# ------------------------------------------------------------ the property


@dataclass
class Model:
    """What a user expects: each burst one step; undo goes back a step, redo forward."""

    history: list[dict[str, str]]
    index: int = 0
    live: dict[str, str] = field(default_factory=dict)
    open_field: str | None = None

    def close(self) -> None:
        if self.live != self.history[self.index]:
            del self.history[self.index + 1 :]
            self.history.append(dict(self.live))
            self.index += 1
        self.open_field = None


FIELDS = ("title", "text")
TYPED = st.text(alphabet="ab乙丙。", min_size=1, max_size=3)
ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), st.sampled_from(FIELDS), TYPED),
        st.tuples(st.just("backspace"), st.sampled_from(FIELDS), st.just("")),
        st.tuples(st.sampled_from(["short pause", "long pause", "undo", "redo"])),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=ACTIONS)
def test_any_typing_undo_and_redo_ends_with_what_the_user_expects(window, qtbot, actions):
    window.set_document(DraftDocument(load_demo()))
    editor = window.editor
    node_id = _open_measure(window)
    boxes = {"title": editor.title, "text": editor.text}
    shown = {"title": editor.title.text, "text": editor.text.toPlainText}
    start = {name: shown[name]() for name in FIELDS}
    model = Model(history=[dict(start)], live=dict(start))
    for action in actions:
        kind = action[0]
        if kind in ("type", "backspace"):
            name = action[1]
            if kind == "backspace" and len(model.live[name]) <= len(start[name]):
                continue  # only what was typed is erased (the title may not go empty)
            if model.open_field != name:
                if model.open_field is not None:
                    model.close()
                _click_into(boxes[name], Qt.Key.Key_End, CTRL)
            if kind == "type":
                type_text(boxes[name], action[2])
                model.live[name] += action[2]
            else:
                QTest.keyClick(boxes[name], Qt.Key.Key_Backspace)
                model.live[name] = model.live[name][:-1]
            model.open_field = name
        elif kind == "short pause":
            if editor.burst.pause.isActive():
                editor.burst.pause.stop()
                editor.burst._pause()
                if model.open_field is not None and model.live != model.history[model.index]:
                    # the pause pushes the typing: like any new edit it ends what could be redone
                    del model.history[model.index + 1 :]
        elif kind == "long pause":
            _wait_burst_out(editor)
            if model.open_field == "text":
                model.close()
        else:
            focus = QApplication.focusWidget() or editor.text
            QTest.keyClick(focus, Qt.Key.Key_Y if kind == "redo" else Qt.Key.Key_Z, CTRL)
            # with nothing to redo 重做 is greyed out: the key does nothing, the typing goes on
            if kind == "undo" or model.index < len(model.history) - 1:
                model.close()
                step = 1 if kind == "redo" else -1
                model.index = min(max(model.index + step, 0), len(model.history) - 1)
                model.live = dict(model.history[model.index])
        for name in FIELDS:
            assert shown[name]() == model.live[name], (action, name)
    window.doc.flush()
    model.close()
    node = window.doc.draft.find(node_id)
    assert node.title == model.live["title"]
    assert editor.text.toPlainText() == model.live["text"]
    # no empty steps, none lost: the draft's history is the user's
    assert window.doc.stack.count() == len(model.history) - 1
    assert window.doc.stack.index() == model.index
    # and redo brings back every step undone
    while window.doc.stack.canUndo():
        window.edits.undo_action.trigger()
    assert shown["title"]() == start["title"] and shown["text"]() == start["text"]
    while window.doc.stack.canRedo():
        window.edits.redo_action.trigger()
    assert {name: shown[name]() for name in FIELDS} == model.history[-1]
