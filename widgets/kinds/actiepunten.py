"""'Mijn actiepunten': the participant's own next steps, which the report gathers into a plan van aanpak.

Each action point is a card of labelled fields, one under the other (it fits a phone): what
(required), why, for whom (a pyramid layer and/or a group), who with whom, by when, how you will
know it worked, and "voor onze school". The 'why' offers the signals of the participant's own
pyramid and scans (workbook.output.plan.why_suggestions) and takes free text too.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.actiepunten import (
    VERSION,
    ActiepuntenAnswer,
    ActionItem,
    is_empty,
    layer_label,
    new_item,
    upgrade,
)
from workbook.pyramid import PYRAMID_LAYERS
from workbook.words import Words

FULL = {"width": "100%"}
LABEL_ABOVE = {"description_width": "initial"}


class ActionRow:
    """The controls of one action point, shown as one card; `box` is what the page shows."""

    def __init__(self, n: int, reasons: list[str], words: Words) -> None:
        def text(label: str, placeholder: str) -> w.Text:
            return make(
                w.Text,
                description=label,
                placeholder=placeholder,
                continuous_update=True,
                style=LABEL_ABOVE,
                layout=FULL,
            )

        self.what = text(labels.ACTION_TEXT.format(n=n), labels.ACTION_PLACEHOLDER)
        self.why = make(
            w.Combobox,
            options=reasons,
            ensure_option=False,
            description=labels.ACTION_WHY,
            placeholder=labels.ACTION_WHY_PLACEHOLDER,
            continuous_update=True,
            style=LABEL_ABOVE,
            layout=FULL,
        )
        self.layer = make(
            w.Dropdown,
            options=[(labels.ACTION_LAYER_NONE, "")]
            + [(layer_label(layer, words), layer) for layer in PYRAMID_LAYERS],
            value="",
            description=labels.ACTION_LAYER,
            style=LABEL_ABOVE,
            layout=FULL,
        )
        self.group = text(labels.ACTION_GROUP, labels.ACTION_GROUP_PLACEHOLDER)
        self.who = text(labels.ACTION_WHO, labels.ACTION_WHO_PLACEHOLDER)
        self.when = text(labels.ACTION_WHEN, labels.ACTION_WHEN_PLACEHOLDER)
        self.measure = text(labels.ACTION_MEASURE, labels.ACTION_MEASURE_PLACEHOLDER)
        self.school = make(w.Checkbox, value=False, description=labels.ACTION_SCHOOL, indent=False)
        self.remove = make(
            w.Button,
            description=labels.REMOVE_ACTION,
            tooltip=labels.REMOVE_ACTION_TIP.format(n=n),
            layout=dict(width="auto"),
        )
        self.note = make(w.HTML, "")
        self.box = make(w.VBox, [*self.controls(), self.note])
        self.box.add_class("wb-action")

    @property
    def texts(self) -> tuple[w.Text | w.Combobox, ...]:
        return (self.what, self.why, self.group, self.who, self.when, self.measure)

    def controls(self) -> list[w.Widget]:
        return [
            self.what,
            self.why,
            self.layer,
            self.group,
            self.who,
            self.when,
            self.measure,
            self.school,
            self.remove,
        ]

    def number(self, n: int) -> None:
        self.what.description = labels.ACTION_TEXT.format(n=n)
        self.remove.tooltip = labels.REMOVE_ACTION_TIP.format(n=n)

    def item(self) -> ActionItem:
        return new_item(
            text=self.what.value.strip(),
            why=self.why.value.strip(),
            layer=self.layer.value or "",
            group=self.group.value.strip(),
            who=self.who.value.strip(),
            when=self.when.value.strip(),
            measure=self.measure.value.strip(),
            for_school=bool(self.school.value),
        )

    def show(self, item: ActionItem) -> None:
        self.what.value = item["text"]
        self.why.value = item["why"]
        self.layer.value = item["layer"]
        self.group.value = item["group"]
        self.who.value = item["who"]
        self.when.value = item["when"]
        self.measure.value = item["measure"]
        self.school.value = item["for_school"]

    def close(self) -> None:
        """Close a card that is no longer shown; its Layout and Style are shared, so they stay."""
        for widget in (*self.controls(), self.note, self.box):
            widget.close()


class ActiepuntenWidget(ExerciseWidget):
    """A growing list of action points, each a card with what, why, for whom, who, when and how."""

    def build(self) -> list[w.Widget]:
        self.rows_box = make(w.VBox)
        self.rows: list[ActionRow] = []
        self.reasons: list[str] = []
        self.hint = make(w.HTML, "")
        self.add = make(w.Button, description=labels.ADD_ACTION, tooltip=labels.ADD_ACTION)
        self.add.on_click(lambda _b: self._add_row(new_item(), focus_save=True))
        self.limit = make(w.HTML, "")
        self._add_row(new_item())
        return [self.hint, self.rows_box, self.add, self.limit]

    # -- the 'why' suggestions -------------------------------------------------------------------
    def bind(self, answers: Any) -> None:
        self._answers = answers
        self.refresh_reasons()
        super().bind(answers)

    def refresh_reasons(self, *_: object) -> None:
        """Offer the signals of the participant's pyramids and scans as it has them now.

        Called on binding and while the 'what' is typed, so a pyramid filled in higher up on the
        same page is offered by the time the participant gets to 'Waarom?'."""
        from workbook.output.plan import why_suggestions

        if self._answers is None:
            return
        reasons = why_suggestions(self._answers.all(), None, self._pupil_words)
        if reasons == self.reasons:
            return
        self.reasons = reasons
        for row in self.rows:
            row.why.options = reasons
        self.hint.value = (
            f'<p class="wb-hint">{escape(labels.ACTION_WHY_HINT)}</p>' if reasons else ""
        )

    # -- rows ------------------------------------------------------------------------------------
    def _add_row(self, item: ActionItem, focus_save: bool = False) -> None:
        if len(self.rows) >= self.spec["max_items"]:
            self.limit.value = (
                f'<p class="wb-hint">{labels.MAX_ACTIONS.format(n=self.spec["max_items"])}</p>'
            )
            return
        row = ActionRow(len(self.rows) + 1, self.reasons, self._pupil_words)
        row.show(item)
        row.remove.on_click(lambda _b, r=row: self._remove_row(r))
        for control in row.texts:
            control.observe(self._typed, "value")
        row.what.observe(self.refresh_reasons, "value")
        row.layer.observe(self.changed, "value")
        row.school.observe(self.changed, "value")
        self.rows.append(row)
        self._redraw()
        if focus_save:
            self.changed()

    def _typed(self, *_: object) -> None:
        self._notes()
        self.changed_soon()

    def _remove_row(self, row: ActionRow) -> None:
        self.rows.remove(row)
        if not self.rows:
            self._add_row(new_item())
        self.limit.value = ""
        self._redraw()
        row.close()
        self.changed()

    def _redraw(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            row.number(n)
        self.rows_box.children = tuple(r.box for r in self.rows)
        self._notes()

    def _notes(self) -> None:
        """Under a card that has details but no 'what': it does not count in the plan yet."""
        for n, row in enumerate(self.rows, start=1):
            item = row.item()
            draft = not item["text"] and not is_empty(item)
            note = (
                f'<p class="wb-hint">{escape(labels.ACTION_DRAFT.format(n=n))}</p>' if draft else ""
            )
            if row.note.value != note:
                row.note.value = note

    def controls(self) -> list[w.Widget]:
        return [c for row in self.rows for c in row.controls()] + [self.add]

    def value(self) -> ActiepuntenAnswer:
        items = [row.item() for row in self.rows]
        return ActiepuntenAnswer(version=VERSION, items=[i for i in items if not is_empty(i)])

    def restore(self, value: Any) -> None:
        items = upgrade(value)["items"][: self.spec["max_items"]] or [new_item()]
        # Reuse the rows there are (new ones would pile up as models); filling them is no change.
        was_restoring, self._restoring = self._restoring, True
        try:
            for row, item in zip(self.rows, items, strict=False):
                row.show(item)
            for item in items[len(self.rows) :]:
                self._add_row(item)
        finally:
            self._restoring = was_restoring
        surplus = self.rows[len(items) :]
        del self.rows[len(items) :]
        self._redraw()
        for row in surplus:
            row.close()
