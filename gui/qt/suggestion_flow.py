"""``SuggestionFlow``: pending suggestions in the workspace.

It shows the open article's pending suggestions in the article view, suggests for an
article in the background when it has none yet, and gives the Suggestions menu: Tab /
Shift+Tab to the next / previous suggestion, Enter or A accepts, X rejects, bulk
review, "Suggest for all articles" and "Learn from my tags". Accepting and rejecting go
through the controller, so each is one undoable command on the window's stack. spaCy,
suggesting and training run in ``Task``s on a one-thread pool, each with its own Store.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from gui.qt.suggestion_layer import key_of
from gui.qt.workers import Task

ON_OPEN = "suggest/on_open"  # QSettings: suggest for an article with none when it opens (default on)


def _suggest(path, article_ids, force: bool, progress):
    """Worker: suggest for ``article_ids`` (None: all). Without ``force``, an article that
    already has suggestions (pending or decided) is left alone."""
    from gui.core.suggest.review import suggest_articles
    from gui.store import Store

    with Store(path) as store:
        if article_ids is not None and not force:
            article_ids = [a for a in article_ids if not store.has_suggestions(a)]
            if not article_ids:
                return None
        return suggest_articles(store, article_ids, progress=progress)


def _learn(path, progress):
    """Worker: train the model on the articles marked done. Too few tags: the message why."""
    from gui.core.suggest.learned import TooFewTags, train_model
    from gui.core.suggest.registry import models_dir
    from gui.core.suggest.training_data import tagged_texts
    from gui.store import Store

    with Store(path) as store:
        items, labels = tagged_texts(store), [label.name for label in store.labels()]
    try:
        return train_model(items, models_dir(), labels, progress=progress)
    except TooFewTags as exc:
        return str(exc)


class SuggestionFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.view = window.article_view
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one suggester at a time: spaCy pipelines are not shared across threads
        self._tasks: list[Task] = []
        QCoreApplication.instance().aboutToQuit.connect(self._on_quit)
        self.learn_task: Task | None = None
        self.actions = self._build_menu()
        self.count_label = QLabel(objectName="pendingCount")
        self.count_label.setToolTip("Pending suggestions in this article (Tab goes to the next)")
        window.statusBar().addPermanentWidget(self.count_label)
        self.view.suggestion_selected.connect(self._on_suggestion_selected)
        self._on_suggestion_selected(None)

    def _action(self, text: str, slot, keys=(), name: str = "", on_view: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _=False: slot())
        if on_view:  # plain keys (Tab, A, X) act only while the article has the focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        else:
            self.window.addAction(action)
        return action

    def _build_menu(self) -> dict[str, QAction]:
        a = {
            "next": self._action("&Next suggestion", lambda: self.step(1), ["Tab"], "nextSuggestion", True),
            "prev": self._action("&Previous suggestion", lambda: self.step(-1), ["Shift+Tab", "Backtab"],
                                 "prevSuggestion", True),
            "accept": self._action("&Accept suggestion", self.accept, ["Return", "Enter", "A"],
                                   "acceptSuggestion", True),
            "reject": self._action("Re&ject suggestion", self.reject, ["X"], "rejectSuggestion", True),
            "bulk": self._action("&Bulk accept or reject…", self.open_bulk, ["Ctrl+B"], "bulkReview"),
            "article": self._action("Suggest for this a&rticle", self.suggest_current, [], "suggestArticle"),
            "all": self._action("Suggest for a&ll articles", self.suggest_all, [], "suggestAll"),
            "learn": self._action("&Learn from my tags", self.learn, [], "learnFromTags"),
            "on_open": self._action("Suggest when an article &opens", self._on_toggle_on_open, [], "suggestOnOpen"),
        }
        a["on_open"].setCheckable(True)
        a["on_open"].setChecked(QSettings().value(ON_OPEN, True, type=bool))
        bar = self.window.menuBar()
        menu = QMenu("S&uggestions", bar)
        menu.setObjectName("suggestionsMenu")
        help_menu = next((m for m in bar.actions() if m.text().replace("&", "") == "Help"), None)
        bar.insertMenu(help_menu, menu) if help_menu else bar.addMenu(menu)
        for group in (("next", "prev"), ("accept", "reject"), ("bulk",), ("article", "all", "learn", "on_open")):
            menu.addActions([a[k] for k in group])
            menu.addSeparator()
        return a

    # -- the open article ---------------------------------------------------------------

    def article_opened(self, controller) -> None:
        controller.spans_changed.connect(self._on_spans_changed)
        self.reload()
        if self.actions["on_open"].isChecked() and not self.window.store.has_suggestions(controller.article.id):
            # after the article is painted (spaCy loads in the worker; first paint comes first)
            QTimer.singleShot(300, controller, lambda: self._suggest_opened(controller))

    def _suggest_opened(self, controller) -> None:
        if self.window.controller is controller and self.window.isVisible():
            self._start(_suggest, [controller.article.id], False, "Suggesting", self._on_suggested, show=False)

    def _on_spans_changed(self, changes) -> None:
        if changes.suggestions:  # a tag, relabel or delete leaves the pending suggestions as they are
            self.reload()

    def reload(self, *_args) -> None:
        c = self.window.controller
        pending = self.window.store.suggestions(c.article.id) if c is not None else []
        self.view.set_suggestions(pending)
        self.count_label.setText(f"{len(pending)} suggestion{'s' if len(pending) != 1 else ''}" if pending else "")

    def _on_toggle_on_open(self) -> None:
        QSettings().setValue(ON_OPEN, self.actions["on_open"].isChecked())

    def _on_suggested(self, report) -> None:
        if report is not None and self.window.isVisible():  # a closed window's store may be closed
            self.reload()

    def _on_suggestion_selected(self, suggestion) -> None:
        for name in ("accept", "reject"):
            self.actions[name].setEnabled(suggestion is not None)
        if suggestion is not None:
            self.window.show_message(f"{suggestion.label} suggestion (score {suggestion.score:.2f}, "
                                     f"{suggestion.suggester}): Enter or A accepts, X rejects.")

    def step(self, direction: int) -> None:
        items = self.view.suggestions.ordered()
        if not items:
            self.window.show_message("No pending suggestions in this article.")
            return
        keys = [key_of(s) for s in items]
        current = self.view.suggestions.selected
        if current in keys:
            i = (keys.index(current) + direction) % len(keys)
        else:
            cursor = self.view.to_cp(self.view.textCursor().position())
            after = [k for k, s in enumerate(items) if s.start >= cursor]
            i = (after[0] if after else 0) if direction > 0 else ((after[0] if after else len(items)) - 1)
        self.view.select_suggestion(keys[i], reveal=True)

    def accept(self) -> None:
        from gui.core.suggest.edits import AcceptSuggestion, Decision

        self._decide(lambda s, c: AcceptSuggestion(s.article_id, Decision.of(s), c.annotator))

    def reject(self) -> None:
        from gui.core.suggest.edits import Decision, RejectSuggestion

        self._decide(lambda s, c: RejectSuggestion(s.article_id, Decision.of(s)))

    def _decide(self, make_edit) -> None:
        c = self.window.controller
        s = self.view.suggestions.items.get(self.view.suggestions.selected)
        if c is None or s is None:
            self.window.show_message("Select a suggestion first: Tab goes to the next one.")
            return
        if c.apply(make_edit(s, c)):  # a store error shows a message and pushes nothing
            after = [x for x in self.view.suggestions.ordered() if x.start >= s.start]
            if after:
                self.view.select_suggestion(key_of(after[0]), reveal=True)

    # -- bulk -----------------------------------------------------------------------

    def open_bulk(self) -> None:
        from gui.qt.bulk_review_dialog import BulkReviewDialog

        c = self.window.controller
        selected = self.view.suggestions.items.get(self.view.suggestions.selected)
        dialog = BulkReviewDialog(self.window.store, [label.name for label in self.window.labels],
                                  c.article.id if c else None, self.window.editor, self.window)
        if selected is not None:
            dialog.label_box.setCurrentText(selected.label)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_bulk_confirmed(dialog))
        dialog.open()

    def _on_bulk_confirmed(self, dialog) -> None:
        edit = dialog.edit()
        if edit is not None:
            self.window.perform_edit(edit)
            self.window.show_message(edit.describe() + ".")
            self.window.refresh_article_rows()

    # -- background work --------------------------------------------------------------

    def _start(self, fn, article_ids, force: bool, name: str, on_finished, show: bool = True) -> Task:
        path = self.window.store.path
        task = Task(lambda progress: fn(path, article_ids, force, progress), name)
        task.finished.connect(on_finished)
        task.failed.connect(self.window.show_error)
        self.window.task_started(task, show=show)
        self._tasks.append(task)
        task.done.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        task.start(self.pool)
        return task

    def _on_quit(self) -> None:
        """Stop suggesting at the next batch and let the worker finish its transaction,
        so the process does not exit under a thread that is still writing."""
        for task in list(self._tasks):
            task.cancel()
        self.pool.waitForDone(15_000)

    def suggest_current(self) -> None:
        c = self.window.controller
        if c is not None:
            self._start(_suggest, [c.article.id], True, "Suggesting for this article", self._on_suggested)

    def suggest_all(self) -> None:
        self.actions["all"].setEnabled(False)
        task = self._start(_suggest, None, True, "Suggesting for all articles", self._on_suggested_all)
        task.cancelled.connect(lambda: self.window.show_message(
            "Suggesting stopped; what was suggested so far is kept."))
        task.cancelled.connect(self.reload)
        task.done.connect(lambda: self.actions["all"].setEnabled(True))

    def _on_suggested_all(self, report) -> None:
        self.window.show_message(report.line()[:1].upper() + report.line()[1:] + ".")
        self.reload()

    def learn(self) -> None:
        if self.learn_task is not None:
            return
        path = self.window.store.path
        self.learn_task = task = Task(lambda progress: _learn(path, progress), "Learning from your tags")
        task.finished.connect(self._on_learned)
        task.failed.connect(self.window.show_error)
        task.cancelled.connect(lambda: self.window.show_message("Learning stopped; no model was saved."))
        task.done.connect(self._on_learn_done)
        self.window.task_started(task)
        task.start()

    def _on_learn_done(self) -> None:
        self.learn_task = None

    def _on_learned(self, result) -> None:
        if isinstance(result, str):  # too few tags: how many more it needs
            self._tell("Learn from my tags", result)
            return
        from gui.core.suggest.registry import forget_suggesters

        forget_suggesters()  # the next suggestions use the new model
        lines = [(f"Model {result.version} learned from {result.train_articles} article(s), measured on "
                  f"{result.heldout_articles} held back:")]
        lines += [f"{s.label}: P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}" for s in result.scores.values()]
        self._tell("Learn from my tags", "\n".join(lines + ["", "New suggestions now use it alongside the rules."]))

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("learnMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
