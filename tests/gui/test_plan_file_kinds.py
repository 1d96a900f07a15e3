"""PDFs and saved web pages are taken by the window's drop and offered by the wizard's chooser."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from app.gui.actions.plan_import import plan_files
from tests.conftest import ROOT
from tests.gui.helpers import type_text

FIXTURES = ROOT / "tests" / "importer" / "fixtures"


def test_drop_takes_pdfs_and_web_pages():
    names = ["a.PDF", "b.html", "c.htm", "d.mhtml", "e.mht", "f.docx", "g.xlsx", "h.png"]
    urls = [QUrl.fromLocalFile(f"/tmp/{name}") for name in names]
    assert [p.name for p in plan_files(urls)] == names[:6]


def test_dropped_pdf_is_imported_with_what_was_mended(window, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(
        window.imports,
        "ask_add_parent",
        lambda title, notes: offered.append((title, notes)) or True,
    )
    window.imports.import_file(FIXTURES / "pdf" / "ningdong_excerpt.pdf")
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    title, notes = offered[0]
    assert title == "宁东能源化工基地碳达峰实施方案"
    assert "PDF：删去了页码 23 处" in notes


def test_wizard_chooser_offers_pdf_and_web_pages(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from app.gui.dialogs.wizard import NewDraftWizard

    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: asked.append(args[3]) or ("", "")
    )
    wizard = NewDraftWizard()
    qtbot.addWidget(wizard)
    wizard._import()
    assert all(kind in asked[0] for kind in ("*.pdf", "*.html", "*.htm", "*.mhtml", "*.docx"))


def test_wizard_offers_the_task_chapters_of_a_plan_without_a_key_tasks_chapter(qtbot, monkeypatch):
    """梧州's 实施方案 numbers its items through its chapters: the 行动 page was empty."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QWizard

    from app.gui.dialogs.wizard import NewDraftWizard

    pdf = FIXTURES / "pdf" / "wuzhou_green_circular_economy_plan.pdf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(pdf), ""))
    wizard = NewDraftWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(wizard.county, "苍梧县")
    QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    before = wizard.plan.count()
    QTest.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan.count() == before + 1, timeout=20000)
    QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    offered = [wizard.actions.item(i).text() for i in range(wizard.actions.count())]
    assert offered[0] == "二、健全绿色低碳循环发展的生产体系"
    assert len(offered) == 6


def test_the_wizard_names_plans_and_catalogues_as_users_know_them(qtbot):
    """No library ids (yinchuan-city, generic-county) on screen (issue 16)."""
    from app.gui.dialogs.wizard import NewDraftWizard

    wizard = NewDraftWizard()
    qtbot.addWidget(wizard)
    plans = [wizard.plan.itemText(i) for i in range(wizard.plan.count())]
    catalogues = [wizard.catalogue.itemText(i) for i in range(wizard.catalogue.count())]
    assert "银川市碳达峰实施方案（市级，征求意见稿）" in plans
    assert not any("-" in text and text.isascii() for text in plans + catalogues)
    assert catalogues[0] == "县级通用单位目录"
    assert wizard.catalogue.currentData() == "generic-county"
