"""The main window wires the article list, the article view and the menus."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
)

from gui import __version__
from gui.qt.article_list import ArticleIdRole, ArticleListModel
from gui.qt.dataset_actions import DatasetActions
from gui.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(f"Tagdesk — {store.path.name}")
        self.settings = QSettings()

        self.article_model = ArticleListModel(self)
        self.article_list = QListView()
        self.article_list.setObjectName("articleList")
        self.article_list.setModel(self.article_model)
        self.article_list.setUniformItemSizes(True)
        self.article_list.setWordWrap(True)
        self.article_list.selectionModel().currentChanged.connect(self._on_article_changed)

        self.article_view = QPlainTextEdit()
        self.article_view.setObjectName("articleView")
        self.article_view.setReadOnly(True)
        self.article_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.article_view.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.article_view.setFont(font)

        splitter = QSplitter()
        splitter.addWidget(self.article_list)
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])
        self.setCentralWidget(splitter)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

        self._build_menus()
        DatasetActions(self)
        self.reload_articles()
        self._restore_state()

    # -- building -----------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction(qta.icon("mdi6.exit-to-app"), "&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(qta.icon("mdi6.information-outline"), "&About Tagdesk", self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def reload_articles(self) -> None:
        current = self.current_article_id()
        self.article_model.set_articles(self.store.article_summaries())
        if current is not None:
            self.select_article(current)

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = self.settings.value("window/last_article")
        if not (last is not None and self.select_article(int(last))) and self.article_model.rowCount():
            self.article_list.setCurrentIndex(self.article_model.index(0))

    # -- queries ------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        index = self.article_list.currentIndex()
        return index.data(ArticleIdRole) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        row = self.article_model.row_of(article_id)
        if row < 0:
            return False
        self.article_list.setCurrentIndex(self.article_model.index(row))
        return True

    # -- handlers -----------------------------------------------------------------

    def _on_article_changed(self, current, _previous) -> None:
        if not current.isValid():
            self.article_view.clear()
            return
        article = self.store.article(current.data(ArticleIdRole))
        self.article_view.setPlainText(article.text)  # plain text: never interpreted as HTML
        self.setWindowTitle(f"{article.title} — Tagdesk")
        self.status_label.setText(f"{len(article.text):,} characters · {article.status.title}")
        self.settings.setValue("window/last_article", article.id)

    def _on_about(self) -> None:
        QMessageBox.about(self, "About Tagdesk",
                          f"Tagdesk {__version__}\nTag claims, threats, denials and statistics "
                          f"in news articles.\n\nDatabase: {self.store.path}")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
