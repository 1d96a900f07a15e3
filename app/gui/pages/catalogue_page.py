"""单位目录 page: the county's units and the parent→county mapping, saved with the draft.

Renaming a unit changes every clause and task row that names it; a mapping
added here can be applied to the clauses still naming the parent unit; the
catalogue can be exported for the next draft.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.core import operations as ops
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, catalogue_file_text
from app.core.draft.changes import Part
from app.core.draft.tree import EditError
from app.core.files import write_text_atomic
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument
from app.gui.models.catalogue_models import MappingModel, UnitsModel


class CataloguePage(QWidget, DocumentView):
    shows = frozenset({Part.CATALOGUE})

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.units = QTableView()
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mapping = QTableView()
        self.units_model: UnitsModel | None = None
        self.mapping_model: MappingModel | None = None
        unit_buttons = QHBoxLayout()
        for text, slot, tip in (
            (self.tr("添加单位"), self.add_unit, self.tr("在县单位目录中添加一个单位")),
            (
                self.tr("合并到…"),
                self.merge_unit,
                self.tr("把选中的单位并入另一个单位，所有责任单位随之修改"),
            ),
            (self.tr("删除单位"), self.remove_unit, self.tr("从目录中删除选中的单位")),
            (
                self.tr("导出目录…"),
                self.export_catalogue,
                self.tr("把本目录存为文件，供下一份方案使用"),
            ),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            unit_buttons.addWidget(button)
        map_buttons = QHBoxLayout()
        add_map = QPushButton(self.tr("添加对应"))
        add_map.setToolTip(self.tr("指定一个上级单位在本县由哪个单位承担"))
        add_map.clicked.connect(self.add_mapping)
        map_buttons.addWidget(add_map)
        map_buttons.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("县单位目录（改名会同步修改所有责任单位和任务分工）")))
        left_layout.addWidget(self.units)
        left_layout.addLayout(unit_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(
            QLabel(self.tr("上级单位 → 县单位（填好后，方案中仍写上级单位的地方一并改过来）"))
        )
        right_layout.addWidget(self.mapping)
        right_layout.addLayout(map_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.set_document(doc)

    def set_document(self, doc: DraftDocument) -> None:
        for view, model_type, attribute in (
            (self.units, UnitsModel, "units_model"),
            (self.mapping, MappingModel, "mapping_model"),
        ):
            old = getattr(self, attribute)
            model = model_type(doc, self)
            model.refused.connect(
                lambda message: QMessageBox.warning(self, self.tr("单位目录"), message)
            )
            view.setModel(model)
            setattr(self, attribute, model)
            if old is not None:
                old.deleteLater()
        self.units.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        super().set_document(doc)

    def refresh(self) -> None:
        for model in (self.units_model, self.mapping_model):
            if model is not None:
                model.follow()

    def _selected_unit(self) -> str:
        index = self.units.currentIndex()
        return self.units_model.rows[index.row()][0] if index.isValid() else ""

    def rename_unit(self, old: str, new: str) -> None:
        push(self.doc, "单位改名", ops.rename_unit, old, new)

    def map_unit(self, parent: str, county: tuple[str, ...]) -> None:
        """Set a mapping and apply it where the parent unit is still named: one undo step."""
        push(self.doc, "单位对应", ops.map_parent_unit, parent, county)

    def add_unit(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("添加单位"), self.tr("单位名称（如 县发改局）")
        )
        if ok and name.strip():
            try:
                push(self.doc, "添加单位", ops.add_unit, name.strip())
            except EditError as exc:
                QMessageBox.warning(self, self.tr("添加单位"), exc.one_line())

    def merge_unit(self) -> None:
        old = self._selected_unit()
        names = [u.name for u in self.doc.draft.catalogue.units if u.name != old]
        if not old or not names:
            return
        into, ok = QInputDialog.getItem(
            self, self.tr("合并单位"), self.tr("把“{}”合并到").format(old), names, 0, False
        )
        if ok:
            push(self.doc, "合并单位", ops.merge_units, old, into)

    def remove_unit(self) -> None:
        name = self._selected_unit()
        if name:
            push(self.doc, "删除单位", ops.remove_unit, name)

    def add_mapping(self) -> None:
        parent, ok = QInputDialog.getText(
            self, self.tr("添加对应"), self.tr("上级单位（如 市发改委）")
        )
        if not ok or not parent.strip():
            return
        county, ok = QInputDialog.getItem(
            self,
            self.tr("添加对应"),
            self.tr("对应的县单位"),
            [u.name for u in self.doc.draft.catalogue.units],
            0,
            True,
        )
        if ok and county.strip():
            self.map_unit(parent.strip(), (county.strip(),))

    def export_catalogue(self) -> None:
        folder = paths.user_data_dir() / "catalogues"
        folder.mkdir(parents=True, exist_ok=True)
        catalogue = self.doc.draft.catalogue
        if catalogue.id in ("", GENERIC_CATALOGUE):
            # filled in for this county: saved as the generic one it would replace the
            # generic catalogue of every level (旗, 区 …) for every later draft
            county = self.doc.draft.meta.county or "county"
            catalogue = catalogue.model_copy(update={"id": county, "name": f"{county}单位目录"})
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出单位目录"), str(folder / f"{catalogue.id}.json"), "JSON (*.json)"
        )
        if path:
            write_text_atomic(Path(path), catalogue_file_text(catalogue))
