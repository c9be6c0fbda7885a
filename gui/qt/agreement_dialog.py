"""``AgreementDialog``: the agreement report of ``tagdesk agreement``, in a window.

Pick the editors (all by default); the report is computed in a worker with its own
``Store`` and shown as plain text. Double-clicking one of the articles that disagree
most opens it (``open_span_requested`` with the whole article).

    install_agreement_dialog(window)   # Review -> Agreement… (Ctrl+Shift+K)
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from gui.core.agreement import AgreementReport, agreement_report, report_lines
from gui.qt.review_menu import review_menu, span_opener
from gui.qt.workers import Task
from gui.store import Store
from gui.store.review_queries import annotators

ArticleRole = Qt.ItemDataRole.UserRole + 50


class AgreementDialog(QDialog):
    computed = Signal(object)  # AgreementReport
    open_span_requested = Signal(int, int, int)

    def __init__(self, store, parent=None):
        super().__init__(parent, windowTitle="Agreement")
        self.store = store
        self.report: AgreementReport | None = None
        self._task: Task | None = None
        self.editors = QListWidget(objectName="editors")
        self.report_view = QPlainTextEdit(objectName="agreementReport", readOnly=True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.worst = QListWidget(objectName="worstArticles")
        self.worst.itemDoubleClicked.connect(self._on_open)
        run = QPushButton("Compare", objectName="compareButton", clicked=self.compute)
        left = QVBoxLayout()
        left.addWidget(QLabel("Editors"))
        left.addWidget(self.editors, 1)
        left.addWidget(run)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.report_view)
        right.addWidget(self.worst)
        right.setSizes([420, 160])
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(right, 1)
        self.resize(980, 640)
        self.fill_editors()

    def fill_editors(self) -> None:
        self.editors.clear()
        for name in annotators(self.store):
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Checked)
            self.editors.addItem(item)

    def chosen(self) -> list[str]:
        return [self.editors.item(i).text() for i in range(self.editors.count())
                if self.editors.item(i).checkState() == Qt.CheckState.Checked]

    def compute(self) -> None:
        names, path = self.chosen(), self.store.path
        if len(names) < 2:
            self.report_view.setPlainText("Tick at least two editors who have made spans.")
            return

        def work(progress):
            with Store(path) as worker_store:
                return agreement_report(worker_store, names)

        self.report_view.setPlainText("Comparing…")
        self._task = Task(work, "Comparing", self)
        self._task.finished.connect(self._on_computed)
        self._task.failed.connect(self.report_view.setPlainText)
        self._task.start()

    def _on_computed(self, report: AgreementReport) -> None:
        self.report = report
        self.report_view.setPlainText("\n".join(report_lines(report)))  # plain text, never HTML
        self.worst.clear()
        for w in report.worst_articles:
            item = QListWidgetItem(f"{w.title or w.article_id}: {w.unmatched} unmatched span(s), "
                                   f"{w.token_disagreement:.0%} of tokens differ")
            item.setData(ArticleRole, w.article_id)
            self.worst.addItem(item)
        self.computed.emit(report)

    def _on_open(self, item: QListWidgetItem) -> None:
        self.open_span_requested.emit(item.data(ArticleRole), 0, 0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.compute()


def install_agreement_dialog(window: QMainWindow) -> QAction:
    """Review -> Agreement… (Ctrl+Shift+K) on ``window`` (which has ``.store``)."""
    holder: dict[str, AgreementDialog] = {}

    def show() -> None:
        if "dialog" not in holder:
            holder["dialog"] = AgreementDialog(window.store, window)
            holder["dialog"].setObjectName("agreementDialog")
            holder["dialog"].open_span_requested.connect(span_opener(window))
        else:
            holder["dialog"].fill_editors()
        holder["dialog"].show()
        holder["dialog"].raise_()

    action = QAction("A&greement…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+K"))
    action.triggered.connect(show)
    review_menu(window).addAction(action)
    return action


__all__ = ["AgreementDialog", "install_agreement_dialog"]
