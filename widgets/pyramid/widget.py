"""The ondersteuningspiramide exercise: a drag-and-drop (and keyboard) board, live analysis and picture."""

from __future__ import annotations

import copy
import pathlib
from typing import Any

import anywidget
import ipywidgets as w
import traitlets
import yaml

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.errors import WorkbookError
from workbook.kinds.piramide import PiramideAnswer
from workbook.pyramid import (
    LAYER_NAMES,
    analyse_pyramid,
    empty_pyramid,
    parse_pyramid,
    pyramid_svg,
    validate_pyramid,
)

__all__ = ["PyramidBoard", "PyramidWidget"]

HERE = pathlib.Path(__file__).parent


class PyramidBoard(anywidget.AnyWidget):
    """The front end: layers drawn as a pyramid; `value` has the same structure as the file format."""

    _esm = HERE / "pyramid.js"
    _css = HERE / "pyramid.css"
    value = traitlets.Dict().tag(sync=True)
    layers = traitlets.List(traitlets.Unicode()).tag(sync=True)
    names = traitlets.Dict().tag(sync=True)
    words = traitlets.Dict().tag(sync=True)
    export_text = traitlets.Unicode("").tag(sync=True)
    export_name = traitlets.Unicode("piramide.yaml").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)


class PyramidWidget(ExerciseWidget):
    """Place activities in the layers of the pyramid; see the analysis and picture update live."""

    def build(self) -> list[w.Widget]:
        self.layers = list(self.spec["layers"])
        pupils = self._pupil_words[1]
        words = {k: v.replace("{pupils}", pupils) for k, v in labels.PYRAMID.items()}
        if self.layers == ["foundation"]:
            words["name_placeholder"] = labels.PYRAMID_TEAM_PLACEHOLDER
        self.board = PyramidBoard(
            value=empty_pyramid(),
            layers=self.layers,
            names={k: LAYER_NAMES[k] for k in self.layers},
            words=words,
            export_name=self.exercise.id.split("/")[-1] + ".yaml",
        )
        self.board.observe(self._on_board, "value")
        self.analysis = make(w.HTML, "")
        self.analysis.add_class("wb-pyramid-analysis")
        self.import_box = self._build_import()
        self._refresh()
        return [self.board, self.analysis, self.import_box]

    def _build_import(self) -> w.Widget:
        self.upload = w.FileUpload(
            accept=".yaml,.yml,.json", multiple=False, description=labels.PYRAMID_UPLOAD
        )
        self.upload.observe(self._on_upload, "value")
        self.paste = make(
            w.Textarea,
            description=labels.PYRAMID_PASTE,
            placeholder="school: ...\nlayers:\n  base:\n    - {name: ..., hours_per_week: 2}",
            style={"description_width": "initial"},
            layout=dict(width="95%", height="7em"),
        )
        self.load = make(w.Button, description=labels.PYRAMID_LOAD, tooltip=labels.PYRAMID_LOAD_TIP)
        self.load.on_click(lambda _b: self.import_text(self.paste.value))
        self.import_message = make(w.HTML, "")
        box = w.Accordion(
            [
                make(
                    w.VBox,
                    [
                        make(
                            w.HTML, f'<p class="wb-hint">{escape(labels.PYRAMID_IMPORT_HELP)}</p>'
                        ),
                        self.upload,
                        self.paste,
                        self.load,
                        self.import_message,
                    ],
                )
            ]
        )
        box.set_title(0, labels.PYRAMID_IMPORT_TITLE)
        box.selected_index = None
        return box

    def controls(self) -> list[w.Widget]:
        return [self.board, self.upload, self.paste, self.load]

    # -- value ------------------------------------------------------------------------------------
    def value(self) -> PiramideAnswer:
        return copy.deepcopy(self.board.value)  # type: ignore[return-value]

    def restore(self, value: Any) -> None:
        try:
            data = validate_pyramid(value)
        except WorkbookError:
            return  # an old or damaged answer: start empty rather than fail the page
        self.board.value = self._only_own_layers(data)[0]
        self._refresh()

    def import_text(self, text: str, where: str = "De geplakte tekst") -> bool:
        """Load a pyramid file's text; on a problem show a Dutch message and change nothing."""
        try:
            data = parse_pyramid(text, where)
        except WorkbookError as exc:
            self._message(labels.PYRAMID_NOT_LOADED.format(reason=exc), "wb-error", "alert")
            return False
        data, dropped = self._only_own_layers(data)
        count = sum(len(items) for items in data["layers"].values())
        note = " " + labels.PYRAMID_DROPPED.format(n=dropped) if dropped else ""
        self._message(labels.PYRAMID_LOADED.format(n=count) + note, "wb-hint", "status")
        self.board.value = data  # triggers _on_board: refresh and save
        return True

    def _only_own_layers(self, data: dict[str, Any]) -> tuple[dict[str, Any], int]:
        dropped = sum(len(v) for k, v in data["layers"].items() if k not in self.layers)
        kept = {k: (v if k in self.layers else []) for k, v in data["layers"].items()}
        return {"school": data.get("school", ""), "layers": kept}, dropped

    # -- events -----------------------------------------------------------------------------------
    def _on_board(self, _change: object) -> None:
        self.changed()  # save first: when the page sees the new analysis, the answer is stored
        self._refresh()

    def _on_upload(self, _change: object) -> None:
        files = self.upload.value
        if not files:
            return
        f = files[0]
        try:
            text = bytes(f["content"]).decode("utf-8")
        except UnicodeDecodeError:
            self._message(
                labels.PYRAMID_NOT_LOADED.format(reason=f"{f['name']} is geen UTF-8-tekst."),
                "wb-error",
                "alert",
            )
            return
        finally:
            self.upload.value = ()
        self.import_text(text, f["name"])

    def _message(self, text: str, css: str, role: str) -> None:
        self.import_message.value = f'<p class="{css}" role="{role}">{escape(text)}</p>'

    def _refresh(self) -> None:
        data = validate_pyramid(self.board.value)
        self.board.export_text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        result = analyse_pyramid(data, self._pupil_words[1], self.layers)
        signals = "".join(f"<li>{escape(s)}</li>" for s in result.signals)
        self.analysis.value = (
            f'<div class="wb-summary" role="status" aria-live="polite">'
            f"<b>{escape(labels.PYRAMID_ANALYSIS)}</b> {escape(result.verdict)}"
            f"<ul>{signals}</ul></div>"
            f'<div class="wb-pyramid-picture">{pyramid_svg(data, result)}</div>'
        )
