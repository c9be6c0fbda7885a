"""Paints keyword-in-context cells: the span's sentence with the span highlighted.

The text is drawn with ``QPainter.drawText`` as plain text, so user text is never
read as HTML. The model gives ``(before, match, after, colour)`` under ``KwicRole``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

KwicRole = Qt.ItemDataRole.UserRole + 40


def _flat(text: str) -> str:
    return " ".join(text.split())


class KwicDelegate(QStyledItemDelegate):
    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        value = index.data(KwicRole)
        if value is None:
            return super().paint(painter, option, index)
        before, match, after, color = value
        before, match, after = _flat(before), _flat(match), _flat(after)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = option.rect.adjusted(4, 0, -4, 0)
        bold = QFont(option.font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(option.font), QFontMetrics(bold)
        match_w = min(bold_metrics.horizontalAdvance(match) + 6, int(rect.width() * 0.6))
        side = max((rect.width() - match_w) // 2, 0)  # the span sits in the middle of the cell
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = option.palette.highlightedText().color() if selected else option.palette.text().color()
        painter.setPen(pen)
        painter.setFont(option.font)
        left = QRect(rect.left(), rect.top(), side, rect.height())
        painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         plain_metrics.elidedText(before, Qt.TextElideMode.ElideLeft, side))
        mid = QRect(rect.left() + side, rect.top() + 3, match_w, rect.height() - 6)
        fill = QColor(color or "#888888")
        fill.setAlpha(70)
        painter.fillRect(mid, fill)
        painter.fillRect(QRect(mid.left(), mid.bottom() - 1, mid.width(), 2), QColor(color or "#888888"))
        painter.setFont(bold)
        painter.setPen(pen)
        painter.drawText(mid, Qt.AlignmentFlag.AlignCenter,
                         bold_metrics.elidedText(match, Qt.TextElideMode.ElideMiddle, match_w - 4))
        painter.setFont(option.font)
        right = QRect(mid.right() + 1, rect.top(), rect.right() - mid.right(), rect.height())
        painter.drawText(right, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         plain_metrics.elidedText(after, Qt.TextElideMode.ElideRight, right.width()))
        painter.restore()
