"""Ranking: put items in order with 'higher' and 'lower' buttons (full keyboard use, no dragging needed)."""

from __future__ import annotations

import random
from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.rangschikken import RangschikkenAnswer


class RangschikkenWidget(ExerciseWidget):
    """A list the participant orders; with ordered: true, a check against the right order."""

    def build(self) -> list[w.Widget]:
        self.items = [self.words(i) for i in self.spec["items"]]
        order = list(range(len(self.items)))
        if self.spec["ordered"]:
            # A fixed shuffle per exercise, so every participant starts from the same mixed order.
            rng = random.Random(self.exercise.id)
            while order == sorted(order):
                rng.shuffle(order)
        self.order = order
        self.list_box = make(w.VBox)
        self.buttons: list[w.Button] = []
        parts: list[w.Widget] = [self.list_box]
        self.feedback = make(w.HTML, "")
        if self.spec["ordered"]:
            self.check = make(
                w.Button,
                description=labels.CHECK_ORDER,
                button_style="primary",
                tooltip=labels.CHECK_TIP,
            )
            self.check.on_click(self._on_check)
            parts += [self.check, self.feedback]
        self.checked = False
        self._draw()
        return parts

    def _draw(self) -> None:
        """Show the current order. Rows are made once and then updated, so keyboard focus survives."""
        if not self.buttons:
            rows = []
            for pos in range(len(self.order)):
                up = make(w.Button, description=labels.UP, layout=dict(width="90px"))
                down = make(w.Button, description=labels.DOWN, layout=dict(width="90px"))
                up.on_click(lambda _b, p=pos: self.move(p, -1))
                down.on_click(lambda _b, p=pos: self.move(p, +1))
                rows.append(
                    make(w.HBox, [up, down, make(w.HTML)], layout=dict(align_items="center"))
                )
                self.buttons += [up, down]
            self.list_box.children = rows
        enabled = self._answers is not None
        for pos, (idx, row) in enumerate(zip(self.order, self.list_box.children, strict=True)):
            text = self.items[idx]
            up, down, label = row.children
            up.tooltip = labels.UP_TIP.format(item=text)
            down.tooltip = labels.DOWN_TIP.format(item=text)
            up.disabled = not enabled or pos == 0
            down.disabled = not enabled or pos == len(self.order) - 1
            label.value = f'<span class="wb-rank-item"><b>{pos + 1}.</b> {escape(text)}</span>'

    def controls(self) -> list[w.Widget]:
        extra = [self.check] if self.spec["ordered"] else []
        return [*self.buttons, *extra]

    def set_enabled(self, enabled: bool) -> None:
        super().set_enabled(enabled)
        if enabled:
            self._draw()  # restores the first/last buttons' own disabled state

    def move(self, pos: int, step: int) -> None:
        target = pos + step
        if not 0 <= target < len(self.order):
            return
        self.order[pos], self.order[target] = self.order[target], self.order[pos]
        self.checked = False
        self.feedback.value = ""
        self._draw()
        # Keep focus with the item that moved: same button if it can go further, else the other one.
        up, down = self.buttons[2 * target], self.buttons[2 * target + 1]
        same, other = (up, down) if step < 0 else (down, up)
        (same if not same.disabled else other).focus()
        self.changed()

    def value(self) -> RangschikkenAnswer:
        return RangschikkenAnswer(
            order=[self.spec["items"][i] for i in self.order], checked=self.checked
        )

    def restore(self, value: Any) -> None:
        saved = value.get("order", []) if isinstance(value, dict) else []
        known = list(self.spec["items"])
        if sorted(saved) == sorted(known):
            self.order = [known.index(item) for item in saved]
        self.checked = bool(value.get("checked")) if isinstance(value, dict) else False
        self.feedback.value = self.feedback_html() if self.checked else ""
        self._draw()

    def is_correct(self) -> bool:
        return self.order == sorted(self.order)

    def _on_check(self, _b: object) -> None:
        self.checked = True
        self.feedback.value = self.feedback_html()
        self.changed()

    def feedback_html(self) -> str:
        if self.is_correct():
            css, text = "wb-good", self.spec["feedback_correct"]
        else:
            css, text = "wb-wrong", self.spec["feedback_wrong"]
        return f'<div class="wb-feedback {css}" role="status">{escape(self.words(text))}</div>'
