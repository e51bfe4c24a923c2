"""The sociogram exercise: enter, draw or import a class, see the target drawing and the analysis."""

from __future__ import annotations

import copy
import pathlib
from typing import Any

import anywidget
import ipywidgets as w
import traitlets

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.entry import EntryForm, field
from widgets.shared import make
from widgets.sociogram.panels import analysis_html, edges_for, problems_html
from widgets.sociogram.seating_panel import SeatingPanel
from workbook.errors import ImportDataError
from workbook.kinds.sociogram import SociogramAnswer, clean_extras
from workbook.kinds.sociogram import read as read_sociogram
from workbook.sociogram.analysis import POSITIVE, analyse, layout, standard_questions
from workbook.sociogram.io import (
    class_from_dict,
    class_to_dict,
    looks_like_real_name,
    nominations_csv,
    parse_nominations,
    parse_roster,
)

MAX_NAME = 20


class SociogramCanvas(anywidget.AnyWidget):
    """The SVG drawing; positions come from Python, clicks and drags come back as messages."""

    _esm = pathlib.Path(__file__).parent / "sociogram.js"
    _css = pathlib.Path(__file__).parent / "sociogram.css"
    pupils: traitlets.List[Any] = traitlets.List([]).tag(sync=True)
    edges: traitlets.List[Any] = traitlets.List([]).tag(sync=True)
    show_negative = traitlets.Bool(True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    words = traitlets.Dict({}).tag(sync=True)


def empty_class(sector: str = "") -> dict[str, Any]:
    """A class without pupils, with the sector's standard questions."""
    qs = [{"id": q.id, "text": q.text, "valence": q.valence} for q in standard_questions(sector)]
    return {"pupils": [], "questions": qs, "nominations": []}


class SociogramWidget(ExerciseWidget):
    """One class: pupils (pseudonyms), positions, nominations per question, and teacher marks."""

    def build(self) -> list[w.Widget]:
        self.data = empty_class(self._pupil_words.sector)
        self._pending: tuple[str, Any] | None = None
        wide = {"description_width": "initial"}
        self.privacy = make(w.HTML, f'<p class="wb-hint">{escape(labels.SOCIO_PRIVACY)}</p>')
        self.entry = EntryForm(
            [field("name", labels.SOCIO_NAME, placeholder=labels.SOCIO_NAME_PLACEHOLDER)],
            self.words(labels.SOCIO_ADD),
        )
        self.entry.on_submit(lambda values: self._add_pupil(values["name"]))
        self.message = make(w.HTML, "")
        self.confirm = make(
            w.Button,
            description=labels.SOCIO_CONFIRM,
            tooltip=labels.SOCIO_CONFIRM,
            button_style="warning",
        )
        self.cancel = make(w.Button, description=labels.SOCIO_CANCEL, tooltip=labels.SOCIO_CANCEL)
        self.confirm.on_click(self._confirmed)
        self.cancel.on_click(lambda _b: self._clear_pending())
        self.confirm_box = make(
            w.HBox, [self.confirm, self.cancel], layout=w.Layout(display="none")
        )
        # One checkbox per classmate, reused on every refresh (new ones would pile up as models).
        self._tick_boxes: list[w.Checkbox] = []
        self._tick_targets: list[str] = []
        self._filling_ticks = False
        self.question = make(w.Dropdown, description=labels.SOCIO_QUESTION, style=wide)
        self.chooser = make(w.Dropdown, description=labels.SOCIO_CHOOSER, style=wide)
        self.question.observe(lambda _c: self._refresh_ticks(), "value")
        self.chooser.observe(lambda _c: self._refresh_ticks(), "value")
        self.ticks_title = make(w.HTML, "")
        self.ticks = make(w.VBox)
        self.canvas = SociogramCanvas(
            words={k: self.words(v) for k, v in labels.SOCIO_CANVAS.items()}
        )
        self.canvas.on_msg(self._on_canvas)
        self.show_negative = make(
            w.Checkbox, value=True, description=labels.SOCIO_SHOW_NEGATIVE, indent=False
        )
        self.show_negative.observe(
            lambda c: setattr(self.canvas, "show_negative", c["new"]), "value"
        )
        self.arrange = make(
            w.Button, description=labels.SOCIO_ARRANGE, tooltip=self.words(labels.SOCIO_ARRANGE_TIP)
        )
        self.arrange.on_click(lambda _b: self._arrange(all_pupils=True))
        self.table = make(w.HTML, "")
        self._build_import_export()
        self.seating = SeatingPanel(self)
        self._refresh()
        return [
            self.privacy,
            self.entry,
            self.message,
            self.confirm_box,
            make(w.HBox, [self.question, self.chooser]),
            self.ticks_title,
            self.ticks,
            make(w.HBox, [self.show_negative, self.arrange]),
            self.canvas,
            self.table,
            self.seating.box,
            self.import_box,
            self.export_box,
            self.delete_box,
        ]

    def _build_import_export(self) -> None:
        area = {"description_width": "initial"}
        self.import_noms = make(
            w.Textarea,
            description=labels.SOCIO_IMPORT_NOMS,
            style=area,
            layout=dict(width="95%", height="7em"),
        )
        self.import_roster = make(
            w.Textarea,
            description=self.words(labels.SOCIO_IMPORT_ROSTER),
            style=area,
            layout=dict(width="95%", height="5em"),
        )
        self.import_button = make(
            w.Button, description=labels.SOCIO_IMPORT, tooltip=labels.SOCIO_IMPORT_TIP
        )
        self.import_button.on_click(lambda _b: self._import())
        self.import_result = make(w.HTML, "")
        self.import_box = make(
            w.VBox,
            [
                make(w.HTML, f"<h4>{labels.SOCIO_IMPORT_TITLE}</h4>"),
                self.import_noms,
                self.import_roster,
                self.import_button,
                self.import_result,
            ],
        )
        self.export_names = make(
            w.Checkbox, value=False, description=labels.SOCIO_EXPORT_NAMES, indent=False
        )
        self.export_button = make(
            w.Button, description=labels.SOCIO_EXPORT, tooltip=labels.SOCIO_EXPORT_TIP
        )
        self.export_text = make(
            w.Textarea,
            description=labels.SOCIO_EXPORT_TEXT,
            disabled=True,
            layout=w.Layout(width="95%", height="7em", display="none"),
        )
        self.export_button.on_click(lambda _b: self._export())
        self.export_box = make(
            w.VBox, [make(w.HBox, [self.export_button, self.export_names]), self.export_text]
        )
        self.delete = make(
            w.Button, description=labels.SOCIO_DELETE, tooltip=self.words(labels.SOCIO_DELETE_TIP)
        )
        self.delete_yes = make(
            w.Button,
            description=labels.SOCIO_DELETE_CONFIRM,
            button_style="danger",
            tooltip=labels.SOCIO_DELETE_CONFIRM,
            layout=w.Layout(display="none"),
        )
        self.delete_msg = make(w.HTML, "")
        self.delete.on_click(lambda _b: self._ask_delete())
        self.delete_yes.on_click(lambda _b: self._delete())
        self.delete_box = make(
            w.VBox, [make(w.HBox, [self.delete, self.delete_yes]), self.delete_msg]
        )

    # -- data changes ---------------------------------------------------------------------------
    def _say(self, text: str, css: str = "wb-hint") -> None:
        self.message.value = f'<p class="{css}">{escape(text)}</p>' if text else ""

    def _add_pupil(self, raw: str, confirmed: bool = False) -> None:
        name = raw.strip()
        taken = {p["id"] for p in self.data["pupils"]}
        if not name:
            return self._say(labels.SOCIO_NAME_EMPTY, "wb-error")
        if len(name) > MAX_NAME:
            return self._say(labels.SOCIO_NAME_LONG, "wb-error")
        if name in taken:
            return self._say(labels.SOCIO_NAME_TAKEN.format(name=name), "wb-error")
        if looks_like_real_name(name) and not confirmed:
            return self._ask(labels.SOCIO_REAL_NAME.format(name=name), ("pupil", name))
        self.data["pupils"].append({"id": name, "label": "", "present": True, "marks": []})
        self.entry.clear("name")
        self._say("")
        self._arrange(all_pupils=False)

    def _ask(self, text: str, pending: tuple[str, Any]) -> None:
        self._pending = pending
        self.message.value = f'<p class="wb-warning" role="alert">{escape(text)}</p>'
        self.confirm_box.layout.display = "flex"

    def _clear_pending(self) -> None:
        self._pending = None
        self.confirm_box.layout.display = "none"
        self._say("")

    def _confirmed(self, _b: object) -> None:
        pending, self._pending = self._pending, None
        self.confirm_box.layout.display = "none"
        if pending and pending[0] == "pupil":
            self._add_pupil(pending[1], confirmed=True)
        elif pending and pending[0] == "import":
            self._apply_import(pending[1])

    def _set_nomination(self, src: str, dst: str, question: str, on: bool) -> None:
        noms = self.data["nominations"]
        exists = {"from": src, "to": dst, "question": question} in noms
        if on and not exists and src != dst:
            noms.append({"from": src, "to": dst, "question": question})
        elif not on and exists:
            noms.remove({"from": src, "to": dst, "question": question})
        else:
            return
        self._refresh()
        self.changed()

    def _on_canvas(self, _widget: object, content: dict[str, Any], _buffers: object) -> None:
        if self.canvas.disabled or not isinstance(content, dict):
            return
        ids = {p["id"] for p in self.data["pupils"]}
        kind = content.get("type")
        if kind == "add" and content.get("from") in ids and content.get("to") in ids:
            self._set_nomination(content["from"], content["to"], self.question.value, True)
        elif kind == "remove":
            valence = {q["id"]: q["valence"] for q in self.data["questions"]}
            negative = bool(content.get("negative"))
            keep = [
                n
                for n in self.data["nominations"]
                if not (
                    n["from"] == content.get("from")
                    and n["to"] == content.get("to")
                    and (valence.get(n["question"]) != POSITIVE) == negative
                )
            ]
            self.data["nominations"] = keep
            self._refresh()
            self.changed()
        elif kind == "move" and content.get("id") in ids:
            for p in self.data["pupils"]:
                if p["id"] == content["id"]:
                    p["x"] = round(min(1.0, max(0.0, float(content.get("x", 0.5)))), 4)
                    p["y"] = round(min(1.0, max(0.0, float(content.get("y", 0.5)))), 4)
            self._refresh()
            self.changed()

    def _arrange(self, all_pupils: bool) -> None:
        """Put pupils in the target layout (all of them, or only those without a place yet)."""
        data = class_from_dict(self.data)
        spots = layout(data, analyse(data))
        for p in self.data["pupils"]:
            if all_pupils or "x" not in p:
                p["x"], p["y"] = spots.get(p["id"], (0.5, 0.5))
        self._refresh()
        self.changed()

    # -- import, export, delete -----------------------------------------------------------------
    def _import(self) -> None:
        try:
            roster = None
            problems: list[str] = []
            if self.import_roster.value.strip():
                roster, problems = parse_roster(self.import_roster.value)
            data, more = parse_nominations(self.import_noms.value, roster)
        except ImportDataError as exc:
            self.import_result.value = problems_html(
                labels.SOCIO_NOT_IMPORTED.format(reason=exc), []
            )
            return
        result = (data, problems + more)
        names = [p.id for p in data.pupils] + [p.label for p in data.pupils]
        suspect = next((n for n in names if looks_like_real_name(n)), None)
        if suspect:
            self._ask(labels.SOCIO_REAL_NAME.format(name=suspect), ("import", result))
            return
        self._apply_import(result)

    def _apply_import(self, result: tuple[Any, list[str]]) -> None:
        data, problems = result
        kept = {p["id"]: p.get("marks", []) for p in self.data["pupils"]}
        extras = clean_extras(self.data)
        self.data = {**class_to_dict(data), **extras}
        for p in self.data["pupils"]:
            p["marks"] = list(kept.get(p["id"], []))
        self.import_result.value = problems_html(
            self.words(labels.SOCIO_IMPORTED).format(
                pupils=len(data.pupils), noms=len(data.nominations)
            ),
            problems,
        )
        self._arrange(all_pupils=True)

    def _export(self) -> None:
        texts = nominations_csv(class_from_dict(self.data), anonymise=not self.export_names.value)
        self.export_text.value = "\n".join(texts[k] for k in ("leerlingen", "vragen", "nominaties"))
        self.export_text.layout.display = "flex"

    def _ask_delete(self) -> None:
        self.delete_msg.value = (
            f'<p class="wb-warning" role="alert">{escape(self.words(labels.SOCIO_DELETE_ASK))}</p>'
        )
        self.delete_yes.layout.display = "inline-flex"

    def _delete(self) -> None:
        self.data = empty_class(self._pupil_words.sector)
        self.delete_yes.layout.display = "none"
        self.export_text.value = ""
        self.delete_msg.value = (
            f'<p class="wb-hint" role="status">{escape(labels.SOCIO_DELETED)}</p>'
        )
        self._refresh()
        self.changed()

    # -- showing --------------------------------------------------------------------------------
    def _refresh(self) -> None:
        data = class_from_dict(self.data)
        result = analyse(data)
        status = {r["id"]: r["status"] for r in result["pupils"]}
        self.canvas.pupils = [
            {
                "id": p["id"],
                "x": p.get("x", 0.5),
                "y": p.get("y", 0.5),
                "present": p.get("present", True),
                "status": status.get(p["id"]),
            }
            for p in self.data["pupils"]
        ]
        self.canvas.edges = edges_for(data)
        questions = [(q["text"], q["id"]) for q in self.data["questions"]]
        if [o[1] for o in self.question.options] != [q[1] for q in questions]:
            self.question.options = questions
        if self.question.value is None and questions:
            self.question.value = questions[0][1]
        ids = [p["id"] for p in self.data["pupils"]]
        if list(self.chooser.options) != ids:
            current = self.chooser.value
            self.chooser.options = ids
            self.chooser.value = current if current in ids else (ids[0] if ids else None)
        self.table.value = analysis_html(result, self._pupil_words)
        self._refresh_ticks()
        self.seating.refresh(data, result)

    def _refresh_ticks(self) -> None:
        src, q = self.chooser.value, self.question.value
        if not src or not q:
            self.ticks_title.value = (
                f'<p class="wb-hint">{escape(self.words(labels.SOCIO_NO_PUPILS))}</p>'
            )
            self._show_ticks([], set())
            return
        self.ticks_title.value = f"<p>{escape(labels.SOCIO_TICKS.format(name=src))}</p>"
        chosen = {
            n["to"] for n in self.data["nominations"] if n["from"] == src and n["question"] == q
        }
        self._show_ticks([p["id"] for p in self.data["pupils"] if p["id"] != src], chosen)

    def _show_ticks(self, targets: list[str], chosen: set[str]) -> None:
        """One checkbox per classmate: reuse the boxes there are, make or close the difference."""
        boxes = self._tick_boxes
        for index in range(len(boxes), len(targets)):
            box = make(w.Checkbox, value=False, description="", indent=False)
            box.observe(lambda c, k=index: self._ticked(k, c["new"]), "value")
            boxes.append(box)
        surplus = boxes[len(targets) :]
        del boxes[len(targets) :]
        self._tick_targets = list(targets)
        self._filling_ticks = True
        try:
            for box, dst in zip(boxes, targets, strict=True):
                box.description = dst
                box.value = dst in chosen
                box.disabled = self.canvas.disabled
        finally:
            self._filling_ticks = False
        self.ticks.children = tuple(boxes)
        for box in surplus:
            box.close()

    def _ticked(self, index: int, on: bool) -> None:
        src, q = self.chooser.value, self.question.value
        if self._filling_ticks or not src or not q or index >= len(self._tick_targets):
            return
        self._set_nomination(src, self._tick_targets[index], q, on)

    def set_enabled(self, enabled: bool) -> None:
        super().set_enabled(enabled)
        self.canvas.disabled = not enabled
        for box in self.ticks.children:
            box.disabled = not enabled

    def controls(self) -> list[w.Widget]:
        return [
            self.entry,
            self.confirm,
            self.cancel,
            self.question,
            self.chooser,
            self.arrange,
            self.import_noms,
            self.import_roster,
            self.import_button,
            self.export_button,
            self.export_names,
            self.delete,
            self.delete_yes,
            *self.seating.controls(),
        ]

    def value(self) -> SociogramAnswer:
        return copy.deepcopy(self.data)  # type: ignore[return-value]

    def restore(self, value: Any) -> None:
        if not isinstance(value, dict) or not isinstance(value.get("pupils"), list):
            return
        self.data = dict(read_sociogram(value))
        self._refresh()
