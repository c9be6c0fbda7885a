"""Help -> Guidelines: every label with its colour, hotkey, description and examples."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gui.core.model import Label


def guidelines_html(labels: list[Label]) -> str:
    parts = ["<h2>Tagging guidelines</h2>",
             "<p>Select text and press the label's key. Spans snap to whole tokens; "
             "hold Alt while selecting to keep exact characters.</p>"]
    for label in labels:
        examples = "".join(f"<li>{html.escape(e)}</li>" for e in label.examples)
        parts.append(
            f"<h3><span style='color:{html.escape(label.color)}'>&#9679;</span> "
            f"{html.escape(label.name)} <small>(key {html.escape(label.hotkey)})</small></h3>"
            f"<p>{html.escape(label.description)}</p>"
            + (f"<p><i>Examples</i></p><ul>{examples}</ul>" if examples else ""))
    return "".join(parts)


class GuidelinesDialog(QDialog):
    def __init__(self, labels: list[Label], parent=None):
        super().__init__(parent)
        self.setObjectName("guidelinesDialog")
        self.setWindowTitle("Tagging guidelines")
        self.resize(640, 620)
        self.browser = QTextBrowser()
        self.browser.setHtml(guidelines_html(labels))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
