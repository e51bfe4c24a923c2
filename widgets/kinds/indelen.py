"""Sort items into categories with a dropdown per item; optionally a check with a score."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.indelen import IndelenAnswer


class IndelenWidget(ExerciseWidget):
    """One labelled dropdown per item (keyboard: Tab to it, arrow keys to pick)."""

    def build(self) -> list[w.Widget]:
        self.categories = list(self.spec["categories"])
        self.items = self.spec["items"]
        options = [(labels.SORT_PICK, ""), *((self.words(c), c) for c in self.categories)]
        self.pickers = []
        for item in self.items:
            picker = make(
                w.Dropdown,
                options=options,
                value="",
                description=self.words(item["text"]),
                style={"description_width": "60%"},
                layout=dict(width="100%"),
            )
            picker.add_class("wb-sort-item")
            picker.observe(self._on_pick, "value")
            self.pickers.append(picker)
        parts: list[w.Widget] = [make(w.VBox, self.pickers)]
        self.feedback = make(w.HTML, "")
        self.checked = False
        if self.spec["checkable"]:
            self.check = make(
                w.Button, description=labels.CHECK, tooltip=labels.CHECK_TIP, button_style="primary"
            )
            self.check.on_click(self._on_check)
            parts += [self.check, self.feedback]
        return parts

    def controls(self) -> list[w.Widget]:
        return [*self.pickers, *([self.check] if self.spec["checkable"] else [])]

    def placed(self) -> dict[str, str]:
        return {
            item["text"]: p.value
            for item, p in zip(self.items, self.pickers, strict=False)
            if p.value
        }

    def value(self) -> IndelenAnswer:
        return IndelenAnswer(placed=self.placed(), checked=self.checked)

    def restore(self, value: Any) -> None:
        placed = value.get("placed", {}) if isinstance(value, dict) else {}
        placed = placed if isinstance(placed, dict) else {}
        for item, picker in zip(self.items, self.pickers, strict=False):
            category = placed.get(item["text"], "")
            picker.value = category if category in self.categories else ""
        self.checked = (
            bool(value.get("checked")) and bool(placed) if isinstance(value, dict) else False
        )
        self.feedback.value = self.feedback_html() if self.checked else ""

    def _on_pick(self, _change: object) -> None:
        if not self._restoring:
            self.checked = False
            self.feedback.value = ""
        self.changed()

    def _on_check(self, _button: object) -> None:
        self.checked = bool(self.placed())
        self.feedback.value = self.feedback_html()
        self.changed()

    def score(self) -> int:
        return sum(
            1
            for item, p in zip(self.items, self.pickers, strict=False)
            if p.value == item["category"]
        )

    def feedback_html(self) -> str:
        if not self.placed():
            return f'<p class="wb-feedback" role="status">{labels.SORT_NOTHING}</p>'
        total, right = len(self.items), self.score()
        css = "wb-good" if right == total else ("wb-partly" if right else "wb-wrong")
        rows = []
        for item, picker in zip(self.items, self.pickers, strict=False):
            ok = picker.value == item["category"]
            text = escape(self.words(item["text"]))
            if not picker.value:
                rows.append(f'<li class="wb-sort-open"><b>{labels.SORT_OPEN}</b> {text}</li>')
                continue
            mark = labels.SORT_RIGHT if ok else labels.SORT_WRONG
            belongs = labels.SORT_BELONGS.format(category=self.words(item["category"]))
            extra = "" if ok else " " + escape(belongs)
            note = f" {escape(self.words(item['feedback']))}" if item["feedback"] else ""
            rows.append(
                f'<li class="{"wb-sort-right" if ok else "wb-sort-wrong"}">'
                f"<b>{mark}</b> {text}.{extra}{note}</li>"
            )
        score = escape(labels.SORT_SCORE.format(n=right, total=total))
        return (
            f'<div class="wb-feedback {css}" role="status"><p><b>{score}</b></p>'
            f'<ul class="wb-sort-feedback">{"".join(rows)}</ul></div>'
        )
