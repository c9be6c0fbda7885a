"""Where the editor left off in each article: scroll, text selection and selected span,
kept in QSettings under ``articles/<id>/`` and restored when the article is opened again."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer


def save_position(settings: QSettings, article_id: int, view) -> None:
    key = f"articles/{article_id}"
    settings.setValue(f"{key}/scroll", view.verticalScrollBar().value())
    selection = view.selection_range()
    settings.setValue(f"{key}/selection", list(selection) if selection else [])
    settings.setValue(f"{key}/span", view.selected_span_id or 0)


def restore_position(settings: QSettings, article_id: int, view, text_length: int, span_ids) -> None:
    """``span_ids``: the article's spans now (a span deleted since is not selected)."""
    key = f"articles/{article_id}"
    selection = settings.value(f"{key}/selection") or []
    if len(selection) == 2 and int(selection[1]) <= text_length:
        view.set_selection(int(selection[0]), int(selection[1]))
    span_id = int(settings.value(f"{key}/span") or 0)
    if span_id in span_ids:
        view.select_span(span_id)
    scroll = settings.value(f"{key}/scroll")
    if scroll is not None:
        bar = view.verticalScrollBar()
        QTimer.singleShot(0, lambda: bar.setValue(int(scroll)))  # again once the layout has settled
        bar.setValue(int(scroll))
