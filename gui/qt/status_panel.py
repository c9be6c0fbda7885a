"""The permanent part of the status bar: whether the work is saved, and the spans per label."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from gui.core.model import Label
from gui.qt.icons import static_icon
from gui.qt.rich_text import literal


DOT, GAP = 8, 14  # a label's dot, and the space between two labels


class LabelCounts(QWidget):
    """"● CLAIM 3   ● THREAT 1 …", painted: a rich-text QLabel laid out an HTML document
    and asked the status bar for a new layout on every tag."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._given: list[tuple[str, str]] = []
        self._items: list[tuple[QColor, QStaticText]] = []
        self._width = 0  # grows, never shrinks: a count losing a digit must not shift the bar
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        # It fills its own background: a new count repaints this widget alone, not the status
        # bar and the window beneath it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def text(self) -> str:
        return "  ".join(text for _, text in self._given)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """(colour, text) per label."""
        if items == self._given:
            return
        self._given = items
        cache = {text.text(): text for _, text in self._items}  # one count changed: lay out only its text
        self._items = [(QColor(color), cache.get(text) or QStaticText(text)) for color, text in items]
        metrics = self.fontMetrics()
        width = sum(DOT + 4 + metrics.horizontalAdvance(text) for _, text in items) + GAP * len(items)
        if width > self._width:
            self._width = width
            self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._width, self.fontMetrics().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        x = 0.0
        for color, text in self._items:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(QRectF(x, (self.height() - DOT) / 2, DOT, DOT))
            x += DOT + 4
            painter.setPen(text_color)
            size = text.size()  # laid out once, when the count changed
            painter.drawStaticText(QPointF(x, (self.height() - size.height()) / 2), text)
            x += size.width() + GAP
        painter.end()


class StatusPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.saved_icon = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.counts_label = LabelCounts()
        self.counts_label.setObjectName("countsLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.counts_label)
        layout.addSpacing(12)
        layout.addWidget(self.saved_icon)
        layout.addWidget(self.saved_label)
        self._labels: list[Label] = []

    def set_labels(self, labels: list[Label]) -> None:
        self._labels = labels

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts_label.set_items([(label.color, f"{label.name} {counts.get(label.name, 0)}")
                                     for label in self._labels])

    def set_saved(self, detail: str = "") -> None:
        self.saved_label.setToolTip(literal(f"Saved to disk: {detail}" if detail else "Everything is on disk"))
        if self.saved_label.text() == "Saved":
            return
        self.saved_icon.setPixmap(static_icon("mdi6.content-save-check", "#2e9d5b").pixmap(16, 16))
        self.saved_label.setText("Saved")

    def set_failed(self, message: str) -> None:
        self.saved_icon.setPixmap(static_icon("mdi6.alert-circle", "#DC3D43").pixmap(16, 16))
        self.saved_label.setText("Not saved")
        self.saved_label.setToolTip(literal(message))
