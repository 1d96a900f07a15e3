"""文件 › 新建: the new-draft wizard. Same answers, same draft as `peakplan new`.

County and cover, the 编制委员会, the parent plan (from the library, or
imported on the spot in a worker) and the unit catalogue, then the parent
actions to take up to start with.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app import paths
from app.core.draft.catalogue_files import catalogue_title
from app.core.draft.model import CommitteeMember, Draft
from app.core.errors import PeakPlanError
from app.core.operations.new_draft import nearest_first
from app.core.plans.library import find_plan, list_plans
from app.core.plans.model import LEVEL_NAMES, Plan
from app.core.text.county_home import (
    CountyHome,
    county_homes,
    nearest_plans_first,
    other_province_note,
    plan_place,
)
from app.core.text.numbering import parse_date
from app.gui.actions.plan_import import ask_level, settle_level
from app.gui.task_runner import run_task
from app.gui.workers import Job
from app.importer.readers.by_type import PLAN_SUFFIXES
from app.tasks.drafts import new_from_parents
from app.tasks.plans import PlanImported, import_plan_file


class _ActionsPage(QWizardPage):
    """Lists the chosen parent plan's actions when the page is shown."""

    def __init__(self, wizard: NewDraftWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def initializePage(self) -> None:
        self._wizard._fill_actions()


def plan_label(title: str, level: str, stage: str) -> str:
    """A plan as users know it: its title, level and stage (never its library id)."""
    level_name = LEVEL_NAMES.get(level, level)
    return f"{title}（{level_name}级{'，' + stage if stage else ''}）"


def catalogue_ids() -> list[str]:
    """Built-in catalogues and the user's own (exported from an earlier draft)."""
    ids = [p.stem for p in sorted(paths.resource("units", "catalogues").glob("*.json"))]
    own = paths.user_data_dir() / "catalogues"
    if own.is_dir():
        ids += [p.stem for p in sorted(own.glob("*.json")) if p.stem not in ids]
    if "generic-county" in ids:
        ids.remove("generic-county")
        ids.insert(0, "generic-county")
    return ids


class NewDraftWizard(QWizard):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建起草文件"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # --- page 1: county and cover
        self.county = QLineEdit()
        self.city = QLineEdit()
        self.region = QLineEdit()
        self.home = QComboBox()
        self.home.setToolTip(self.tr("同名的县（区、旗）不止一处时，在此选择本县所在地"))
        self.home.hide()
        self._filled = ("", "")
        self.county.textChanged.connect(self._place_county)
        self.home.currentIndexChanged.connect(lambda _i: self._home_chosen())
        self.stage = QComboBox()
        self.stage.addItems(["征求意见稿", "送审稿"])
        self.date = QLineEdit()
        self.date.setPlaceholderText("2024-03")
        self.commissioned = QLineEdit()
        self.drafted = QLineEdit()
        first = QWizardPage()
        first.setTitle(self.tr("县情与封面"))
        form = QFormLayout(first)
        for label, widget in (
            ("县名", self.county),
            ("所在地", self.home),
            ("所属市", self.city),
            ("所属自治区/省", self.region),
            ("稿本", self.stage),
            ("日期", self.date),
            ("委托单位", self.commissioned),
            ("编制单位", self.drafted),
        ):
            form.addRow(self.tr(label), widget)
        first.registerField("county*", self.county)
        self.addPage(first)
        # --- page 2: committee
        self.committee = QTableWidget(0, 3)
        self.committee.setHorizontalHeaderLabels(
            [self.tr("职务"), self.tr("姓名"), self.tr("单位")]
        )
        self.committee.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("添加成员"))
        add.clicked.connect(lambda: self.add_member("成员", "", self.drafted.text()))
        second = QWizardPage()
        second.setTitle(self.tr("编制委员会（可留空）"))
        layout = QVBoxLayout(second)
        layout.addWidget(self.committee)
        layout.addWidget(add)
        self.addPage(second)
        # --- page 3: parent plan and catalogue
        self.plan = QComboBox()
        self._places = {}
        self._plan_chosen = False
        self.plan.activated.connect(self._plan_activated)
        self.other_province = QLabel()
        self.other_province.setWordWrap(True)
        self.other_province.setStyleSheet("color: #a15c00")
        self.other_province.hide()
        for entry in list_plans():
            if not entry.problem and entry.level in ("region", "province", "city"):
                self._places[entry.id] = plan_place(entry.issuer, entry.title)
                self.plan.addItem(plan_label(entry.title, entry.level, entry.stage), entry.id)
        self.plan.currentIndexChanged.connect(lambda _i: self._note_other_province())
        self.import_button = QPushButton(self.tr("从文件导入上级方案…"))
        self.import_button.clicked.connect(self._import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.farther = QListWidget()
        self.farther.setToolTip(
            self.tr("本县方案同时对照的较远上级方案（如市方案之上的自治区、省方案）：")
            + self.tr("措施仍从最近的上级采纳，较远上级用于对照、统计承接和补充采纳")
        )
        self.farther.setMaximumHeight(96)
        self.plan.currentIndexChanged.connect(lambda _i: self._fill_farther())
        self._fill_farther()
        self.catalogue = QComboBox()
        for catalogue_id in catalogue_ids():
            self.catalogue.addItem(catalogue_title(catalogue_id), catalogue_id)
        third = QWizardPage()
        third.setTitle(self.tr("上级方案与单位目录"))
        form3 = QFormLayout(third)
        form3.addRow(self.tr("上级方案"), self.plan)
        form3.addRow("", self.other_province)
        form3.addRow("", self.import_button)
        form3.addRow("", self.progress)
        form3.addRow(self.tr("同时对照"), self.farther)
        form3.addRow(self.tr("单位目录"), self.catalogue)
        self.addPage(third)
        # --- page 4: actions
        self.actions = QListWidget()
        fourth = _ActionsPage(self)
        fourth.setTitle(self.tr("先采纳哪些行动"))
        layout4 = QVBoxLayout(fourth)
        layout4.addWidget(
            QLabel(self.tr("勾选的行动连同其下全部措施采纳进来，文字按本县改写；以后可随时增减。"))
        )
        layout4.addWidget(self.actions)
        self.addPage(fourth)
        self.resize(640, 480)

    def chosen_home(self) -> CountyHome | None:
        """The county's place as the gazetteer has it (None while unknown or not chosen)."""
        home = self.home.currentData()
        return home if isinstance(home, CountyHome) else None

    def _place_county(self, text: str) -> None:
        """The typed county placed by the gazetteer; several places are offered to choose."""
        homes = county_homes(text)
        self.home.blockSignals(True)
        self.home.clear()
        if len(homes) > 1:
            self.home.addItem(self.tr("同名{}处，请选择所在地…").format(len(homes)), None)
        for home in homes:
            self.home.addItem(home.label, home)
        self.home.setVisible(bool(homes))
        self.home.blockSignals(False)
        self._home_chosen()

    def _home_chosen(self) -> None:
        """Fill city and province from the place, never over what the user typed there."""
        home = self.chosen_home()
        city, region = (home.city, home.province) if home else ("", "")
        for field, old, new in (
            (self.city, self._filled[0], city),
            (self.region, self._filled[1], region),
        ):
            if field.text() in ("", old):
                field.setText(new)
        self._filled = (city, region)
        self._order_plans()

    def _order_plans(self) -> None:
        """The county's city's and province's plans first; the nearest chosen unless the
        user chose one."""
        chosen = self.plan.currentData()
        items = [(self.plan.itemText(i), self.plan.itemData(i)) for i in range(self.plan.count())]
        ordered = nearest_plans_first(
            items, lambda item: self._places.get(item[1]), self.chosen_home()
        )
        self.plan.blockSignals(True)
        self.plan.clear()
        for text, plan_id in ordered:
            self.plan.addItem(text, plan_id)
        keep = self.plan.findData(chosen) if self._plan_chosen else 0
        self.plan.setCurrentIndex(max(keep, 0))
        self.plan.blockSignals(False)
        self._fill_farther()
        self._note_other_province()

    def _plan_activated(self, _index: int) -> None:
        self._plan_chosen = True

    def _note_other_province(self) -> None:
        note = other_province_note(self._places.get(self.plan.currentData()), self.chosen_home())
        self.other_province.setText(note)
        self.other_province.setVisible(bool(note))

    def add_member(self, role: str, name: str, unit: str) -> None:
        row = self.committee.rowCount()
        self.committee.insertRow(row)
        for col, value in enumerate((role, name, unit)):
            self.committee.setItem(row, col, QTableWidgetItem(value))

    def _fill_farther(self) -> None:
        """The library's plans above the chosen one's level, to be checked as farther parents."""
        chosen = self.plan.currentData()
        kept = {p.id for p in self.farther_plans()}
        self.farther.clear()
        rank = {"zone": 0, "county": 1, "city": 2, "province": 3, "region": 3, "national": 4}
        level = next((e.level for e in list_plans() if e.id == chosen), "city")
        for entry in list_plans():
            if entry.problem or entry.id == chosen:
                continue
            if rank.get(entry.level, 5) <= rank.get(level, 5):
                continue
            item = QListWidgetItem(plan_label(entry.title, entry.level, entry.stage))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setCheckState(
                Qt.CheckState.Checked if entry.id in kept else Qt.CheckState.Unchecked
            )
            self.farther.addItem(item)

    def farther_plans(self) -> list[Plan]:
        if not hasattr(self, "farther"):
            return []
        return [
            find_plan(self.farther.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.farther.count())
            if self.farther.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_plan(self) -> Plan:
        return find_plan(self.plan.currentData())

    def _fill_actions(self) -> None:
        self.actions.clear()
        for action in self.chosen_plan().task_areas():
            item = QListWidgetItem(action.heading)
            item.setData(Qt.ItemDataRole.UserRole, action.number)
            item.setCheckState(Qt.CheckState.Checked)
            self.actions.addItem(item)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("导入上级方案"),
            str(Path.home()),
            self.tr("方案文件 ({})").format(" ".join("*" + suffix for suffix in PLAN_SUFFIXES)),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Job:
        """Import a plan in a worker (the task `peakplan import-plan` runs), add it to the
        library, and choose it."""
        self.progress.show()
        self.import_button.setEnabled(False)
        self.job = run_task(
            self,
            self.tr("导入上级方案"),
            lambda: import_plan_file(path),
            lambda done: self._imported_at(path, done),
            lambda message: self._import_failed(path, message.removeprefix(f"{path}：")),
        )
        return self.job

    def _imported_at(self, path: Path, done: PlanImported) -> None:
        """The level confirmed where the file leaves it open, then the plan chosen."""
        try:
            result = settle_level(path, done.imported, done.stored, lambda *a: ask_level(self, *a))
        except PeakPlanError as exc:
            self._import_failed(path, exc.one_line())
            return
        self._imported(result.plan)

    def _imported(self, plan: Plan) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
        self._places[plan.id] = plan_place(plan.issuer, plan.title)
        self._plan_chosen = True
        self.plan.addItem(plan_label(plan.title, plan.level, plan.stage), plan.id)
        self.plan.setCurrentIndex(self.plan.count() - 1)

    def _import_failed(self, path: Path, message: str) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("无法导入"), f"{path.name}：{message}")

    def answers(self) -> dict:
        committee = []
        for row in range(self.committee.rowCount()):
            cells = [
                self.committee.item(row, c).text().strip() if self.committee.item(row, c) else ""
                for c in range(3)
            ]
            if cells[1]:
                committee.append(
                    CommitteeMember(role=cells[0] or "成员", name=cells[1], unit=cells[2])
                )
        checked = [
            self.actions.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.actions.count())
            if self.actions.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "county": self.county.text().strip(),
            "city": self.city.text().strip(),
            "region": self.region.text().strip(),
            "plan": self.chosen_plan(),
            "farther": tuple(nearest_first(self.farther_plans())),
            "actions": checked if self.actions.count() else None,
            "stage": self.stage.currentText(),
            "date": parse_date(self.date.text()) or "",
            "commissioned_by": self.commissioned.text().strip(),
            "drafted_by": self.drafted.text().strip(),
            "committee": tuple(committee),
            "catalogue_id": self.catalogue.currentData(),
        }

    def draft(self) -> Draft:
        """The draft `peakplan new` makes from the same answers (app/tasks/drafts.py)."""
        answers = self.answers()
        result = new_from_parents(
            county=answers["county"],
            city=answers["city"],
            region=answers["region"],
            sources=[answers["plan"].id, *(p.id for p in answers["farther"])],
            actions=answers["actions"],
            stage=answers["stage"],
            date=answers["date"],
            commissioned_by=answers["commissioned_by"],
            drafted_by=answers["drafted_by"],
            committee=answers["committee"],
            catalogue_id=answers["catalogue_id"],
            keep_first=True,
        )
        assert result.draft is not None
        return result.draft
