"""Acting on a sociogram: mark pupils, propose and adjust a seating, compare a new measurement."""

from __future__ import annotations

import datetime
from typing import Any, Protocol

import ipywidgets as w

from widgets import labels
from widgets.base import escape
from widgets.shared import make
from widgets.sociogram.seating_view import classroom_html, comparison_html
from workbook.sociogram.analysis import ClassData
from workbook.sociogram.io import class_from_dict, class_to_dict
from workbook.sociogram.seating import (
    MARKS,
    desk_reasons,
    fit_seating,
    propose_seating,
    seating_conflicts,
    swap_pupils,
)

NARROW = {"width": "16em"}


class Owner(Protocol):
    data: dict[str, Any]

    def changed(self, *_: object) -> None: ...

    def _refresh(self) -> None: ...

    def words(self, text: str) -> str: ...


def _heading(title: str, hint: str) -> str:
    return f'<h4>{escape(title)}</h4><p class="wb-hint">{escape(hint)}</p>'


class SeatingPanel:
    """The part below the sociogram; its state is in the owner's data: marks, seating, earlier."""

    def __init__(self, owner: Owner) -> None:
        self.owner = owner
        self._showing = False
        wide = {"description_width": "initial"}
        self.mark_pupil = make(
            w.Dropdown, description=owner.words(labels.SEAT_MARK_PUPIL), style=wide, layout=NARROW
        )
        self.mark_pupil.observe(lambda _c: self._show_marks(), "value")
        self.mark_boxes = {
            mark: make(
                w.Checkbox,
                description=labels.SEAT_MARK_WORDS[mark],
                indent=False,
                layout={"width": "auto"},
            )
            for mark in MARKS
        }
        for mark, box in self.mark_boxes.items():
            box.observe(lambda c, m=mark: self._set_mark(m, c["new"]), "value")
        self.marked = make(w.HTML, "")
        self.propose = make(
            w.Button,
            description=labels.SEAT_PROPOSE,
            tooltip=labels.SEAT_PROPOSE_TIP,
            layout=dict(width="auto"),
        )
        self.propose.on_click(lambda _b: self._propose())
        self.plan = make(w.HTML, "")
        self.swap_a = make(w.Dropdown, description=labels.SEAT_SWAP_A, style=wide, layout=NARROW)
        self.swap_b = make(w.Dropdown, description=labels.SEAT_SWAP_B, style=wide, layout=NARROW)
        self.swap = make(
            w.Button, description=labels.SEAT_SWAP, tooltip=owner.words(labels.SEAT_SWAP_TIP)
        )
        self.swap.on_click(lambda _b: self._swap())
        self.message = make(w.HTML, "")
        self.new_measure = make(
            w.Button, description=labels.MEASURE_NEW, tooltip=labels.MEASURE_NEW_TIP
        )
        self.new_measure.on_click(lambda _b: self._ask_new())
        self.measure_yes = make(
            w.Button,
            description=labels.MEASURE_YES,
            tooltip=labels.MEASURE_YES,
            button_style="warning",
            layout=w.Layout(display="none", width="auto"),
        )
        self.measure_yes.on_click(lambda _b: self._new_measurement())
        self.measure_msg = make(w.HTML, "")
        self.compare = make(w.HTML, "")
        self.box = make(
            w.VBox,
            [
                make(
                    w.HTML,
                    _heading(
                        owner.words(labels.SEAT_MARKS_TITLE), owner.words(labels.SEAT_MARKS_HINT)
                    ),
                ),
                self.mark_pupil,
                *self.mark_boxes.values(),
                self.marked,
                make(w.HTML, _heading(labels.SEAT_TITLE, owner.words(labels.SEAT_HINT))),
                make(w.HBox, [self.propose]),
                self.plan,
                make(w.HBox, [self.swap_a, self.swap_b, self.swap]),
                self.message,
                make(w.HTML, _heading(labels.MEASURE_TITLE, owner.words(labels.MEASURE_HINT))),
                make(w.HBox, [self.new_measure, self.measure_yes]),
                self.measure_msg,
                self.compare,
            ],
        )
        self.box.add_class("wb-seating")

    def controls(self) -> list[w.Widget]:
        return [
            self.mark_pupil,
            *self.mark_boxes.values(),
            self.propose,
            self.swap_a,
            self.swap_b,
            self.swap,
            self.new_measure,
            self.measure_yes,
        ]

    # -- state in the owner's data --------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return self.owner.data

    def marks(self) -> dict[str, list[str]]:
        return {p["id"]: list(p.get("marks", [])) for p in self.data["pupils"] if p.get("marks")}

    def desks(self) -> list[list[str]]:
        return [list(d) for d in self.data.get("seating") or []]

    # -- marks ----------------------------------------------------------------------------------
    def _show_marks(self) -> None:
        pupil = self._pupil(self.mark_pupil.value)
        self._showing = True
        try:
            for mark, box in self.mark_boxes.items():
                box.value = pupil is not None and mark in pupil.get("marks", [])
        finally:
            self._showing = False

    def _pupil(self, pid: str | None) -> dict[str, Any] | None:
        return next((p for p in self.data["pupils"] if p["id"] == pid), None)

    def _set_mark(self, mark: str, on: bool) -> None:
        pupil = self._pupil(self.mark_pupil.value)
        if self._showing or pupil is None:
            return
        marks = [m for m in pupil.get("marks", []) if m != mark]
        pupil["marks"] = [*marks, mark] if on else marks
        self.owner.changed()
        self.refresh()

    # -- seating --------------------------------------------------------------------------------
    def _propose(self) -> None:
        if not self.data["pupils"]:
            self._say(self.owner.words(labels.SOCIO_NO_PUPILS), "wb-error")
            return
        data = class_from_dict(self.data)
        self.data["seating"] = propose_seating(data, self._analysis(data), self.marks())["desks"]
        self._say("")
        self.owner.changed()
        self.refresh()

    def _swap(self) -> None:
        a, b = self.swap_a.value, self.swap_b.value
        if not a or not b or a == b:
            self._say(self.owner.words(labels.SEAT_SWAP_SAME), "wb-error")
            return
        self.data["seating"] = swap_pupils(self.desks(), a, b)
        self._say(labels.SEAT_SWAPPED.format(a=a, b=b))
        self.owner.changed()
        self.refresh()

    def _say(self, text: str, css: str = "wb-hint") -> None:
        self.message.value = f'<p class="{css}" role="status">{escape(text)}</p>' if text else ""

    # -- a new measurement ----------------------------------------------------------------------
    def _ask_new(self) -> None:
        self.measure_msg.value = (
            f'<p class="wb-warning" role="alert">{escape(labels.MEASURE_ASK)}</p>'
        )
        self.measure_yes.layout.display = "inline-flex"

    def _new_measurement(self) -> None:
        self.measure_yes.layout.display = "none"
        old = class_to_dict(class_from_dict(self.data))
        old["datum"] = datetime.date.today().isoformat()
        self.data["earlier"] = [*self.data.get("earlier", []), old]
        self.data["nominations"] = []
        self.measure_msg.value = (
            f'<p class="wb-hint" role="status">{escape(labels.MEASURE_STARTED)}</p>'
        )
        self.owner._refresh()
        self.owner.changed()

    # -- showing --------------------------------------------------------------------------------
    @staticmethod
    def _analysis(data: ClassData) -> dict[str, Any]:
        from workbook.sociogram.analysis import analyse

        return analyse(data)

    def refresh(
        self, data: ClassData | None = None, analysis: dict[str, Any] | None = None
    ) -> None:
        """Bring every control in line with the owner's data (after any change or a restore)."""
        data = data or class_from_dict(self.data)
        analysis = analysis or self._analysis(data)
        ids = [p["id"] for p in self.data["pupils"]]
        self._set_options(self.mark_pupil, ids)
        self._show_marks()
        marks = self.marks()
        listed = "; ".join(f"{pid}: {', '.join(m)}" for pid, m in marks.items())
        text = labels.SEAT_MARKED.format(list=listed) if listed else labels.SEAT_MARKED_NONE
        self.marked.value = f'<p class="wb-hint">{escape(text)}</p>'
        desks = fit_seating(self.desks(), ids) if self.data.get("seating") else []
        if desks:
            self.data["seating"] = desks
        reasons = desk_reasons(desks, data, analysis, marks)
        conflicts = seating_conflicts(desks, data)
        self.plan.value = classroom_html(desks, reasons, conflicts, marks, self.owner.words)
        seated = [p for d in desks for p in d]
        self._set_options(self.swap_a, seated)
        self._set_options(self.swap_b, seated, second=True)
        self.compare.value = comparison_html(
            self.data.get("earlier", []), data, analysis, self.owner.words
        )

    @staticmethod
    def _set_options(dropdown: w.Dropdown, ids: list[str], second: bool = False) -> None:
        if list(dropdown.options) == ids:
            return
        current = dropdown.value
        dropdown.options = ids
        fallback = ids[1] if second and len(ids) > 1 else (ids[0] if ids else None)
        dropdown.value = current if current in ids else fallback
