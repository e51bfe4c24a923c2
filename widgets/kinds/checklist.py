"""A checklist: tick what applies; an optional reflection appears below."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget, paragraph
from widgets.shared import make
from workbook.kinds.checklist import ChecklistAnswer


class ChecklistWidget(ExerciseWidget):
    """One checkbox per item."""

    def build(self) -> list[w.Widget]:
        self.boxes = [
            make(
                w.Checkbox,
                value=False,
                description=self.words(text),
                indent=False,
                layout=dict(width="auto"),
            )
            for text in self.spec["items"]
        ]
        for box in self.boxes:
            box.observe(self.changed, "value")
        parts: list[w.Widget] = [make(w.VBox, self.boxes)]
        if self.spec["reflection"]:
            parts.append(paragraph(self.words(self.spec["reflection"]), "wb-hint"))
        return parts

    def controls(self) -> list[w.Widget]:
        return list(self.boxes)

    def value(self) -> ChecklistAnswer:
        return ChecklistAnswer(
            checked=[i for i, b in zip(self.spec["items"], self.boxes, strict=True) if b.value]
        )

    def restore(self, value: Any) -> None:
        checked = set(value.get("checked", [])) if isinstance(value, dict) else set()
        for item, box in zip(self.spec["items"], self.boxes, strict=True):
            box.value = item in checked
