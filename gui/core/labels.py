"""The default label set, read from ``resources/labels.json``."""

from __future__ import annotations

import json

from gui.core.model import Label
from gui.core.paths import resources_dir


def default_labels() -> list[Label]:
    data = json.loads((resources_dir() / "labels.json").read_text(encoding="utf-8"))
    return [
        Label(
            name=item["name"],
            color=item["color"],
            hotkey=item.get("hotkey", ""),
            description=item.get("description", ""),
            examples=tuple(item.get("examples", ())),
            position=i,
        )
        for i, item in enumerate(data["labels"])
    ]
