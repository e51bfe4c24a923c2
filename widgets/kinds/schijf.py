"""The Schijf van Zeven: rate each segment with labelled radio buttons; the wheel fills in."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.schijf import SchijfAnswer
from workbook.kinds.wheel import wheel_svg


class SchijfWidget(ExerciseWidget):
    """One row of radio buttons per segment (its name is the row's label) beside the drawn wheel."""

    def build(self) -> list[w.Widget]:
        self.segments = [s["name"] for s in self.spec["segments"]]
        self.points = [self.words(p) for p in self.spec["points"]]
        options = [f"{i} – {p}" for i, p in enumerate(self.points, start=1)]
        self.rows: list[w.RadioButtons] = []
        parts: list[w.Widget] = []
        for seg in self.spec["segments"]:
            radio = make(
                w.RadioButtons,
                options=options,
                value=None,
                description=self.words(seg["name"]),
                style={"description_width": "initial"},
                layout=dict(width="auto"),
            )
            radio.add_class("wb-scale-row")
            radio.observe(self._on_change, "value")
            self.rows.append(radio)
            about = make(
                w.HTML,
                f'<p class="wb-hint wb-segment-about">{escape(self.words(seg["description"]))}</p>',
            )
            segment = make(w.VBox, [radio, about])
            segment.add_class("wb-segment")
            parts.append(segment)
        self.wheel = make(w.HTML, self.wheel_html())
        self.wheel.add_class("wb-wheel-box")
        layout = w.Layout(flex_flow="row wrap", align_items="flex-start", width="100%")
        ratings = make(w.VBox, parts, layout=dict(flex="1 1 26em"))
        return [
            make(
                w.Box,
                [ratings, make(w.Box, [self.wheel], layout=dict(flex="1 1 22em"))],
                layout=layout,
            )
        ]

    def controls(self) -> list[w.Widget]:
        return list(self.rows)

    def scores(self) -> list[int | None]:
        return [None if r.index is None else r.index + 1 for r in self.rows]

    def value(self) -> SchijfAnswer:
        return SchijfAnswer(
            scores={
                name: s
                for name, s in zip(self.segments, self.scores(), strict=False)
                if s is not None
            }
        )

    def restore(self, value: Any) -> None:
        saved = value.get("scores", {}) if isinstance(value, dict) else {}
        saved = saved if isinstance(saved, dict) else {}
        for name, row in zip(self.segments, self.rows, strict=False):
            score = saved.get(name)
            ok = (
                isinstance(score, int)
                and not isinstance(score, bool)
                and 1 <= score <= len(self.points)
            )
            row.index = score - 1 if ok and score is not None else None
        self.wheel.value = self.wheel_html()

    def _on_change(self, _change: object) -> None:
        self.wheel.value = self.wheel_html()
        self.changed()

    def wheel_html(self) -> str:
        names = [self.words(n) for n in self.segments]
        svg = wheel_svg(names, self.scores(), len(self.points), self.words(self.exercise.title))
        return f'<figure class="wb-wheel-figure">{svg}</figure>'
