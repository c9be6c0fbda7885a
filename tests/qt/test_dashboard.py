"""The dashboard draws the store's numbers and saves each chart as PNG and CSV."""

from __future__ import annotations

import csv

from PySide6.QtCharts import QPieSeries, QStackedBarSeries
from PySide6.QtGui import QImage

from gui.core.model import Span, Status
from gui.qt.dashboard import DashboardDialog, install_dashboard


def test_dashboard_shows_and_saves_the_numbers(qtbot, store, tmp_path):
    a = store.add_article("aa bb cc dd", "A")
    store.add_article("ee ff", "B")
    store.set_status(a, Status.DONE)
    store.add_span(Span(a, 0, 2, "CLAIM", "ana", created="2026-11-20T10:00:00.000+00:00"))
    store.add_span(Span(a, 3, 5, "CLAIM", "ben", created="2026-11-22T10:00:00.000+00:00"))
    store.add_span(Span(a, 6, 8, "STATISTIC", "ana", created="2026-11-22T11:00:00.000+00:00"))
    dialog = DashboardDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    assert dialog.summary.text().startswith("2 articles (1 done), 3 spans by 2 editor(s)")

    labels = dialog.panels["spans_by_label"]
    (bars,) = labels.view.chart().series()
    assert isinstance(bars, QStackedBarSeries)
    heights = {s.label(): max(s.at(i) for i in range(s.count())) for s in bars.barSets()}
    assert heights == {"CLAIM": 2, "THREAT": 0, "DENIAL": 0, "STATISTIC": 1}
    claim = next(s for s in bars.barSets() if s.label() == "CLAIM")
    assert claim.color().name().upper() == next(l.color for l in store.labels() if l.name == "CLAIM").upper()
    (pie,) = dialog.panels["articles_by_status"].view.chart().series()
    assert isinstance(pie, QPieSeries) and sorted(s.value() for s in pie.slices()) == [1, 1]
    (line,) = dialog.panels["spans_by_day"].view.chart().series()
    assert [(p.x(), p.y()) for p in line.points()] == [(0, 1), (1, 0), (2, 2)]  # 21 Nov: no spans
    assert dialog.panels["suggestions_by_label"].empty.text() == "no data yet"

    labels.save_csv(tmp_path / "labels.csv")
    with open(tmp_path / "labels.csv", newline="") as f:
        assert list(csv.reader(f)) == [["label", "spans"], ["CLAIM", "2"], ["THREAT", "0"], ["DENIAL", "0"],
                                       ["STATISTIC", "1"]]
    assert labels.save_png(tmp_path / "labels.png")
    image = QImage(str(tmp_path / "labels.png"))
    assert not image.isNull() and image.width() >= 300

    # the numbers follow the store after a refresh
    store.add_span(Span(a, 0, 5, "DENIAL", "carla", created="2026-11-23T10:00:00.000+00:00"))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.refresh()
    assert dialog.stats.spans_by_label["DENIAL"] == 1 and "carla" in dialog.stats.spans_by_annotator


def test_installs_on_the_main_window(qtbot, main_window):
    action = install_dashboard(main_window)
    action.trigger()
    dialog = main_window.findChild(DashboardDialog, "dashboardDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.stats is not None, timeout=10_000)
    assert dialog.stats.articles == main_window.store.article_count()
