"""'Mijn actiepunten': the participant's own next steps, which the report gathers into a plan."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget
from widgets.shared import make
from workbook.kinds.actiepunten import ActiepuntenAnswer, ActionItem


class ActiepuntenWidget(ExerciseWidget):
    """A growing list of action points, each a 'what' and a 'when'."""

    def build(self) -> list[w.Widget]:
        self.rows_box = make(w.VBox)
        self.rows: list[tuple[w.Text, w.Text, w.Button]] = []
        self._boxes: dict[tuple[w.Text, w.Text, w.Button], w.HBox] = {}  # one HBox per row
        self.add = make(w.Button, description=labels.ADD_ACTION, tooltip=labels.ADD_ACTION)
        self.add.on_click(lambda _b: self._add_row("", "", focus_save=True))
        self.limit = make(w.HTML, "")
        self._add_row("", "")
        return [self.rows_box, self.add, self.limit]

    def _add_row(self, what: str, when: str, focus_save: bool = False) -> None:
        if len(self.rows) >= self.spec["max_items"]:
            self.limit.value = (
                f'<p class="wb-hint">{labels.MAX_ACTIONS.format(n=self.spec["max_items"])}</p>'
            )
            return
        n = len(self.rows) + 1
        text = make(
            w.Text,
            value=what,
            description=labels.ACTION_TEXT.format(n=n),
            placeholder=labels.ACTION_PLACEHOLDER,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=dict(width="60%"),
        )
        due = make(
            w.Text,
            value=when,
            description=labels.ACTION_WHEN,
            placeholder=labels.ACTION_WHEN_PLACEHOLDER,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=dict(width="30%"),
        )
        remove = make(
            w.Button,
            description=labels.REMOVE_ACTION,
            tooltip=labels.REMOVE_ACTION_TIP.format(n=n),
            layout=dict(width="auto"),
        )
        row = (text, due, remove)
        remove.on_click(lambda _b, r=row: self._remove_row(r))
        text.observe(self.changed_soon, "value")
        due.observe(self.changed_soon, "value")
        self.rows.append(row)
        self._boxes[row] = make(w.HBox, list(row))
        self._redraw()
        if focus_save:
            self.changed()

    def _remove_row(self, row: tuple[w.Text, w.Text, w.Button]) -> None:
        self.rows.remove(row)
        if not self.rows:
            self._add_row("", "")
        self.limit.value = ""
        self._redraw()
        self._close_row(row)
        self.changed()

    def _close_row(self, row: tuple[w.Text, w.Text, w.Button]) -> None:
        """Close a row that is no longer shown; its Layout and Style are shared, so they stay."""
        box = self._boxes.pop(row, None)
        for widget in (*row, box):
            if widget is not None:
                widget.close()

    def _redraw(self) -> None:
        for n, (text, _due, remove) in enumerate(self.rows, start=1):
            text.description = labels.ACTION_TEXT.format(n=n)
            remove.tooltip = labels.REMOVE_ACTION_TIP.format(n=n)
        self.rows_box.children = tuple(self._boxes[r] for r in self.rows)

    def controls(self) -> list[w.Widget]:
        return [c for row in self.rows for c in row] + [self.add]

    def value(self) -> ActiepuntenAnswer:
        return ActiepuntenAnswer(
            items=[
                ActionItem(text=t.value.strip(), when=d.value.strip())
                for t, d, _ in self.rows
                if t.value.strip() or d.value.strip()
            ]
        )

    def restore(self, value: Any) -> None:
        found = value.get("items") if isinstance(value, dict) else None
        items = [i for i in found if isinstance(i, dict)] if isinstance(found, list) else []
        items = items[: self.spec["max_items"]] or [{}]  # at least one (empty) row
        # Reuse the rows there are (new ones would pile up as models); filling them is no change.
        was_restoring, self._restoring = self._restoring, True
        try:
            for row, item in zip(self.rows, items, strict=False):
                row[0].value = str(item.get("text", ""))
                row[1].value = str(item.get("when", ""))
            for item in items[len(self.rows) :]:
                self._add_row(str(item.get("text", "")), str(item.get("when", "")))
        finally:
            self._restoring = was_restoring
        surplus = self.rows[len(items) :]
        del self.rows[len(items) :]
        self._redraw()
        for row in surplus:
            self._close_row(row)
