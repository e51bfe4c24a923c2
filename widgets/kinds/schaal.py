"""A scale with labelled points, for one statement or several; optionally sums up where concerns lie."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.schaal import SchaalAnswer


class SchaalWidget(ExerciseWidget):
    """One row of radio buttons per statement, each point with its label."""

    def build(self) -> list[w.Widget]:
        points = self.spec["points"]
        self.options = [f"{i} – {self.words(p)}" for i, p in enumerate(points, start=1)]
        statements = [self.words(s) for s in self.spec["statements"]] or [
            self.words(self.exercise.title)
        ]
        self.statements = statements
        self.rows = []
        parts: list[w.Widget] = []
        for text in statements:
            radio = make(
                w.RadioButtons,
                options=self.options,
                value=None,
                description=text,
                style={"description_width": "initial"},
                layout=dict(width="auto"),
            )
            radio.add_class("wb-scale-row")
            radio.observe(self._on_change, "value")
            self.rows.append(radio)
            parts.append(radio)
        self.summary = make(w.HTML, "")
        if self.spec["concern_max"] is not None:
            parts.append(self.summary)
            self.summary.value = self.summary_html()
        return parts

    def controls(self) -> list[w.Widget]:
        return list(self.rows)

    def scores(self) -> list[int | None]:
        return [None if r.index is None else r.index + 1 for r in self.rows]

    def value(self) -> SchaalAnswer:
        return SchaalAnswer(scores=self.scores())

    def restore(self, value: Any) -> None:
        scores = value.get("scores", []) if isinstance(value, dict) else []
        for row, score in zip(self.rows, scores, strict=False):
            row.index = (
                score - 1 if isinstance(score, int) and 1 <= score <= len(self.options) else None
            )
        if self.spec["concern_max"] is not None:
            self.summary.value = self.summary_html()

    def _on_change(self, _change: object) -> None:
        if self.spec["concern_max"] is not None:
            self.summary.value = self.summary_html()
        self.changed()

    def concerns(self) -> list[str]:
        limit = self.spec["concern_max"]
        return [
            s
            for s, v in zip(self.statements, self.scores(), strict=True)
            if v is not None and v <= limit
        ]

    def summary_html(self) -> str:
        title = escape(self.spec["summary_title"])
        if all(s is None for s in self.scores()):
            text = labels.SCALE_SUMMARY_EMPTY
        elif self.concerns():
            text = labels.SCALE_SUMMARY.format(items=", ".join(self.concerns()))
        else:
            text = labels.SCALE_SUMMARY_NONE
        return f'<div class="wb-summary" role="status"><b>{title}</b>: {escape(text)}</div>'
