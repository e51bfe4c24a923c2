"""An open reflection question: a text area whose every change is saved."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget
from widgets.shared import make
from workbook.kinds.open import OpenAnswer


class OpenWidget(ExerciseWidget):
    """One free-text answer."""

    def build(self) -> list[w.Widget]:
        self.text = make(
            w.Textarea,
            value="",
            placeholder=self.words(self.spec["placeholder"]),
            description=labels.YOUR_ANSWER,
            rows=self.spec["lines"],
            continuous_update=True,
            style={"description_width": "initial"},
            layout=dict(width="95%"),
        )
        self.text.observe(self.changed_soon, "value")
        return [self.text]

    def controls(self) -> list[w.Widget]:
        return [self.text]

    def value(self) -> OpenAnswer:
        return self.text.value

    def restore(self, value: Any) -> None:
        self.text.value = value if isinstance(value, str) else ""
