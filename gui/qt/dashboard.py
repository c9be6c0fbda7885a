"""``DashboardDialog``: the corpus at a glance, drawn with QtCharts.

Spans per label (in label colours), progress (articles by status), spans per editor,
spans per day, and what editors did with the suggestions per label and per rule. Each
chart saves as PNG and its data as CSV. The numbers are ``gui.core.stats.CorpusStats``,
the same ones ``tagdesk stats`` prints, read in a worker with its own ``Store``.

    install_dashboard(window)   # Review -> Dashboard… (Ctrl+Shift+D)
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
)

from gui.core.stats import CorpusStats, corpus_stats
from gui.qt.review_menu import review_menu
from gui.qt.workers import Task
from gui.store import Store

STATUS_COLORS = {"todo": "#B0B7C3", "in_progress": "#F0A202", "done": "#2E9E5B", "skipped": "#6C7A89"}
OUTCOME_COLORS = {"accepted": "#2E9E5B", "rejected": "#DC3D43", "pending": "#B0B7C3"}
EDITOR_COLOR = "#5B6CC9"
TITLES = {
    "spans_by_label": "Spans per label", "articles_by_status": "Progress: articles by status",
    "spans_by_annotator": "Spans per editor", "spans_by_day": "Spans per day",
    "suggestions_by_label": "Suggestions per label", "suggestions_by_rule": "Suggestions per rule",
}


def _chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _small(axis):
    font = QFont(axis.labelsFont())
    font.setPointSizeF(8.5)
    axis.setLabelsFont(font)
    return axis


def _value_axis(chart, series, maximum: float, horizontal=False) -> None:
    axis = _small(QValueAxis())
    axis.setLabelFormat("%d")
    axis.setRange(0, max(maximum, 1) * 1.1)
    axis.applyNiceNumbers()
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)


def _category_axis(chart, series, categories, vertical=False) -> None:
    axis = _small(QBarCategoryAxis())
    axis.append(categories)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft if vertical else Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)


def _coloured_bars(chart, names, values, colors) -> None:
    """One bar per category, each in its own colour (a stacked series, one set per bar)."""
    series = QStackedBarSeries()
    for i, (name, color) in enumerate(zip(names, colors)):
        bar = QBarSet(name)
        bar.append([float(v) if j == i else 0.0 for j, v in enumerate(values)])
        bar.setColor(QColor(color))
        bar.setBorderColor(QColor(color))
        series.append(bar)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    _category_axis(chart, series, names)
    _value_axis(chart, series, max(values, default=0))
    chart.legend().hide()


def _days_line(chart, per_day: dict[str, int]) -> None:
    """Spans per day as a line, with the days without spans as zeros."""
    days = sorted(per_day)
    line = QLineSeries()
    line.setPointsVisible(True)
    line.setPen(QPen(QColor(EDITOR_COLOR), 2.5))
    axis = _small(QCategoryAxis())
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    if days:
        first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
        span = (last - first).days
        step = -(-(span + 1) // 5)  # at most 5 labels: they stay readable
        for i in range(span + 1):
            day = first + timedelta(days=i)
            line.append(QPointF(i, per_day.get(day.isoformat(), 0)))
            if i % step == 0:
                axis.append(day.strftime("%d %b"), i)
        axis.setRange(-0.3, span + 0.3)
    chart.addSeries(line)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    line.attachAxis(axis)
    _value_axis(chart, line, max(per_day.values(), default=0))
    chart.legend().hide()


def _outcome_bars(chart, table) -> None:
    """Accepted / rejected / pending per key, the accept rate next to the key (first key on top)."""
    table = dict(reversed(list(table.items())))
    series = QHorizontalStackedBarSeries()
    for outcome, color in OUTCOME_COLORS.items():
        bar = QBarSet(outcome)
        bar.append([float(getattr(o, outcome)) for o in table.values()])
        bar.setColor(QColor(color))
        bar.setBorderColor(QColor(color))
        series.append(bar)
    series.setBarWidth(0.65)
    chart.addSeries(series)
    keys = [f"{k} · {o.accept_rate:.0%}" if o.accept_rate is not None else k for k, o in table.items()]
    _category_axis(chart, series, keys, vertical=True)
    _value_axis(chart, series, max((o.accepted + o.rejected + o.pending for o in table.values()), default=0),
                horizontal=True)


def _status_pie(chart, by_status: dict[str, int]) -> None:
    pie = QPieSeries()
    pie.setHoleSize(0.45)
    order = list(STATUS_COLORS)
    for status, n in sorted(by_status.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99):
        piece = pie.append(f"{status.replace('_', ' ')}: {n}", n)
        piece.setColor(QColor(STATUS_COLORS.get(status, "#888888")))
        piece.setBorderColor(QColor("white"))
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)


def build_chart(name: str, stats: CorpusStats) -> QChart:
    chart = _chart()
    if name == "spans_by_label":
        names = list(stats.spans_by_label)
        _coloured_bars(chart, names, list(stats.spans_by_label.values()),
                       [stats.label_colors.get(n, "#888888") for n in names])
    elif name == "articles_by_status":
        _status_pie(chart, stats.articles_by_status)
    elif name == "spans_by_annotator":
        names = list(stats.spans_by_annotator)
        _coloured_bars(chart, names, list(stats.spans_by_annotator.values()), [EDITOR_COLOR] * len(names))
    elif name == "spans_by_day":
        _days_line(chart, stats.spans_by_day)
    else:
        _outcome_bars(chart, stats.suggestions_by_label if name == "suggestions_by_label"
                      else stats.suggestions_by_rule)
    return chart


class ChartPanel(QFrame):
    """One chart with its title and its Save PNG / Save CSV buttons."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"chart_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header, self.rows = [], []
        title = QLabel(TITLES[name])
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        self.empty = QLabel("")
        self.empty.setStyleSheet("color: #6C7A89")
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(360, 220)
        png = QPushButton("PNG…", clicked=self._on_save_png, toolTip="Save the chart as a PNG image")
        data = QPushButton("CSV…", clicked=self._on_save_csv, toolTip="Save the chart's numbers as CSV")
        for button in (png, data):
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.empty, 1)
        top.addWidget(png)
        top.addWidget(data)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_stats(self, stats: CorpusStats) -> None:
        self.header, self.rows = stats.tables()[self.name]
        old = self.view.chart()
        self.view.setChart(build_chart(self.name, stats))
        if old is not None:
            old.deleteLater()
        has_data = any(isinstance(v, int) and v for row in self.rows for v in row[1:])
        self.empty.setText("" if has_data else "no data yet")

    def save_png(self, path: str | Path) -> bool:
        return self.view.grab().save(str(path), "PNG")

    def save_csv(self, path: str | Path) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(self.header)
            writer.writerows(self.rows)

    def _on_save_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save chart", f"{self.name}.png", "PNG image (*.png)")
        if path:
            self.save_png(path)

    def _on_save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save data", f"{self.name}.csv", "CSV (*.csv)")
        if path:
            self.save_csv(path)


class DashboardDialog(QDialog):
    loaded = Signal(object)  # CorpusStats

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Dashboard")
        self.store = store
        self.stats: CorpusStats | None = None
        self.summary = QLabel(objectName="dashboardSummary")
        refresh = QPushButton("Refresh", clicked=self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        grid = QGridLayout()
        self.panels = {name: ChartPanel(name, self) for name in TITLES}
        for i, panel in enumerate(self.panels.values()):
            grid.addWidget(panel, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.resize(1360, 820)
        self._task: Task | None = None

    def refresh(self) -> None:
        """Read the numbers in a worker (its own connection), draw them when they arrive."""
        path = self.store.path

        def work(progress):
            with Store(path) as worker_store:
                return corpus_stats(worker_store)

        self.summary.setText("Counting…")
        self._task = Task(work, "Counting", self)
        self._task.finished.connect(self.show_stats)
        self._task.failed.connect(self.summary.setText)
        self._task.start()

    def show_stats(self, stats: CorpusStats) -> None:
        self.stats = stats
        decided = sum(o.accepted + o.rejected for o in stats.suggestions_by_label.values())
        accepted = sum(o.accepted for o in stats.suggestions_by_label.values())
        rate = f", {accepted / decided:.0%} of {decided:,} decided suggestions accepted" if decided else ""
        done = stats.articles_by_status.get("done", 0)
        self.summary.setText(f"{stats.articles:,} articles ({done:,} done), {stats.spans:,} spans by "
                             f"{len(stats.spans_by_annotator):,} editor(s){rate}")
        for panel in self.panels.values():
            panel.show_stats(stats)
        self.loaded.emit(stats)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()


def install_dashboard(window: QMainWindow) -> QAction:
    """Review -> Dashboard… (Ctrl+Shift+D) on ``window`` (which has ``.store``)."""
    holder: dict[str, DashboardDialog] = {}

    def show() -> None:
        if "dialog" not in holder:
            holder["dialog"] = DashboardDialog(window.store, window)
            holder["dialog"].setObjectName("dashboardDialog")
        holder["dialog"].show()
        holder["dialog"].raise_()

    action = QAction("&Dashboard…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    action.triggered.connect(show)
    review_menu(window).addAction(action)
    return action
