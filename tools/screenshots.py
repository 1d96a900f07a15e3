"""Screenshots of the desktop app for the README, at 1366×768, offscreen.

    QT_QPA_PLATFORM=offscreen uv run python tools/screenshots.py [--out docs/screenshots]

Uses a throw-away per-user folder, opens the demo, selects a measure taken
up from the 宁夏 plan, and grabs the main window, the measure editor and the
export dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PEAKPLAN_DATA_DIR"] = tempfile.mkdtemp(prefix="peakplan-shots-")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui.app import build_window, install_translations  # noqa: E402
from app.gui.dialogs.export_dialog import ExportDialog  # noqa: E402
from app.gui.dialogs.wizard import NewDraftWizard  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def over_window(window, dialog, path: Path) -> None:
    """The window with a dialog over its middle, as the user sees it (offscreen, a grab of the
    window leaves out its top-level dialogs)."""
    from PySide6.QtGui import QPainter

    picture = window.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    x = (picture.width() - shot.width()) // 2
    y = (picture.height() - shot.height()) // 2
    painter.fillRect(x + 4, y + 4, shot.width(), shot.height(), Qt.GlobalColor.darkGray)
    painter.drawPixmap(x, y, shot)
    painter.end()
    picture.save(str(path))


def opinions_shot(window, app: QApplication, path: Path) -> None:
    """The 意见处理 page of the demo holding a few opinions sent back on the 征求意见稿: two
    units changing the same words (a conflict), a comment, a 无意见, some decided."""
    from app.core.draft.consultation import Opinion
    from app.gui.commands import push

    draft = window.doc.draft
    coal, solar, grid = (
        next(m for m in draft.measures() if m.title.startswith(t))
        for t in ("推进煤炭消费替代", "大力发展新能源", "加快建设新型电力系统")
    )
    sent = "征求意见稿 2023-08-15"
    opinions = (
        Opinion(
            id="o1",
            unit="县发改局",
            kind="edit",
            node_id=coal.id,
            source="县发改局.docx",
            original="严控煤炭消费增量",
            proposed="严格合理控制煤炭消费增量",
            version=sent,
            decision="adopted",
            reason="与自治区方案表述一致",
        ),
        Opinion(
            id="o2",
            unit="县工信局",
            kind="insertion",
            node_id=coal.id,
            original="严控煤炭消费增量",
            proposed="严控煤炭消费增量和总量",
            source="县工信局.docx",
            author="王伟",
            version=sent,
        ),
        Opinion(
            id="o3",
            unit="县自然资源局",
            kind="comment",
            node_id=solar.id,
            comment="光伏园区用地须符合国土空间规划，建议补充“依法依规”",
            author="李娜",
            original="进一步整合土地资源",
            source="县自然资源局.docx",
            version=sent,
        ),
        Opinion(
            id="o4",
            unit="国网平罗供电公司",
            kind="deletion",
            node_id=grid.id,
            original="巩固小康电示范县建设成果，",
            source="供电公司.docx",
            version=sent,
            decision="rejected",
            reason="小康电示范县建设成果仍需巩固，保留原文",
        ),
        Opinion(
            id="o5",
            unit="县住建局",
            kind="table",
            node_id=solar.id,
            place="paragraph",
            original="鼓励大型工商企业",
            proposed="鼓励大型工商企业、公共机构",
            comment="公共机构屋顶光伏已纳入整县推进",
            source="反馈意见表.xlsx",
            version=sent,
            decision="partly",
            reason="公共机构另见第（六）部分",
        ),
        Opinion(
            id="o6",
            unit="县水务局",
            kind="none",
            place="draft",
            source="县水务局.docx",
            version=sent,
        ),
    )
    push(window.doc, "导入反馈", lambda d: d.model_copy(update={"opinions": opinions}))
    window.pages.setCurrentWidget(window.opinions)
    window.opinions.select_opinion("o1")
    settle(app)
    window.grab().save(str(path))


def screen_sizes(app: QApplication, out: Path) -> int:
    """The demo's window on a common office screen and on a small one (a 600-pixel screen
    less the task bar and the title bar leaves about 530)."""
    window = build_window()
    window.show()
    for width, height, name in (
        (1366, 768, "window-1366x768.png"),
        (1024, 530, "window-1024x600.png"),
    ):
        window.resize(width, height)
        settle(app)
        window.checks.refresh()
        settle(app)
        window.grab().save(str(out / name))
        print(out / name)
    window.shutdown()
    window.doc.stack.clear()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--sizes-only",
        action="store_true",
        help="only the window at 1366×768 and at 1024×600 (window-1366x768.png, window-1024x600.png)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translations(app)
    if args.sizes_only:
        return screen_sizes(app, args.out)
    window = build_window()
    window.resize(1366, 768)
    window.show()
    # a 宁夏 measure 平罗 did not take up, taken up now: its adapted words show
    tree = window.parents.tree("ningxia-region")
    tree.take("ningxia-region:三.二.4")
    measure = next(
        n
        for n in window.doc.draft.walk()
        if any(s.node == "ningxia-region:三.二.4" for s in n.sources)
    )
    window.outline.select(measure.id)
    window.select(measure.id)
    settle(app)
    window.preview.refresh()
    window.checks.refresh()  # the panel refreshes on a timer; show it up to date
    settle(app)
    window.grab().save(str(args.out / "main-window.png"))
    window.editor.grab().save(str(args.out / "measure-editor.png"))
    dialog = ExportDialog(window.doc.draft, str(Path.home()), window.plans, window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(args.out / "export-dialog.png"))
    dialog.close()
    names = ["main-window.png", "measure-editor.png", "export-dialog.png"]
    for page, name in (
        (window.targets, "target-table.png"),
        (window.tasks, "task-page.png"),
        (window.catalogue, "unit-catalogue.png"),
    ):
        window.pages.setCurrentWidget(page)
        settle(app)
        window.grab().save(str(args.out / name))
        names.append(name)
    # the checks panel with findings: a unit the catalogue does not know
    window.pages.setCurrentWidget(window.editor)
    window.editor.new_unit.setText("市发改委")
    window.editor._add_unit()
    window.checks.refresh()
    window.checks_dock.raise_()
    settle(app)
    window.grab().save(str(args.out / "checks-panel.png"))
    names.append("checks-panel.png")
    # a draft taken up from 宁夏 for 永宁县: what adaptation left open, in the editor
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.gui.document import DraftDocument

    yongning, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("ningxia-region")
    )
    window.set_document(DraftDocument(yongning, None, window))
    asked = next(
        n for n in yongning.walk() if any(q.quote == "组建自治区新能源研究院" for q in n.questions)
    )
    window.select_and_show(asked.id)
    window.editor.side.setCurrentWidget(window.editor.questions)
    window.checks.refresh()
    settle(app)
    window.grab().save(str(args.out / "open-questions.png"))
    names.append("open-questions.png")
    # 导出前检查 for that draft: what is still open, before the export dialog
    from app.core.readout.preflight import preflight

    box, _buttons = window.files.preflight_box(preflight(window.doc.draft, window.plans))
    box.show()
    settle(app)
    over_window(window, box, args.out / "preflight.png")
    box.close()
    names.append("preflight.png")
    # 查找与替换 (Ctrl+H): a parent's place name, every place it stands
    window.edits.find(True)
    finder = window.edits.find_dialog
    finder.needle.setText("自治区")
    finder.replacement.setText("")
    finder.find_all()
    settle(app)
    over_window(window, finder, args.out / "find-replace.png")
    finder.close()
    names.append("find-replace.png")
    # 帮助 › 使用说明 (F1) and the first-start welcome
    guide = window.view_help.show_guide()
    settle(app)
    over_window(window, guide, args.out / "help-guide.png")
    guide.close()
    names.append("help-guide.png")
    window.files.open_demo()
    from app.gui.actions.view_help import show_welcome

    welcome = show_welcome(window)
    settle(app)
    over_window(window, welcome, args.out / "welcome.png")
    welcome.close()
    names.append("welcome.png")
    wizard = NewDraftWizard(window)
    wizard.county.setText("永宁县")
    wizard.city.setText("银川市")
    wizard.commissioned.setText("永宁县发展和改革局")
    wizard.show()
    settle(app)
    wizard.grab().save(str(args.out / "new-draft-wizard.png"))
    names.append("new-draft-wizard.png")
    wizard.close()
    opinions_shot(window, app, args.out / "opinions-page.png")
    names.append("opinions-page.png")
    for name in names:
        print(args.out / name)
    window.shutdown()
    window.doc.stack.clear()
    window.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
