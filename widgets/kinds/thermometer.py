"""The gevoelsthermometer: a mark 1-10 on a coloured scale, and the group's anonymous spread."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.thermometer import MARKS, ThermometerAnswer, mark_of
from workbook.store.group import Spread, visible_spread

BAR_HEIGHT = 80  # pixels of the tallest column in the group's spread


class ThermometerWidget(ExerciseWidget):
    """Ten labelled radio buttons between a low and a high label; below, 'Zo scoort de groep'."""

    def build(self) -> list[w.Widget]:
        self.radio = make(
            w.RadioButtons,
            options=[str(m) for m in MARKS],
            value=None,
            description=labels.THERMO_MARK,
            layout=dict(width="auto"),
        )
        self.radio.add_class("wb-thermo-scale")
        self.radio.observe(self._on_mark, "value")
        ends = make(
            w.HTML,
            '<div class="wb-thermo-ends">'
            f"<span>1 = {escape(self.words(self.spec['low_label']))}</span>"
            f"<span>10 = {escape(self.words(self.spec['high_label']))}</span></div>",
        )
        self.refresh = make(
            w.Button,
            description=labels.GROUP_REFRESH,
            tooltip=labels.GROUP_REFRESH_TIP,
            layout=dict(width="auto"),
        )
        self.refresh.on_click(lambda _b: self.show_group())
        self.group = make(w.HTML, self._group_html(None))
        box = make(w.VBox, [self.group, self.refresh])
        box.add_class("wb-group")
        return [self.radio, ends, box]

    def controls(self) -> list[w.Widget]:
        return [self.radio, self.refresh]

    def mark(self) -> int | None:
        return None if self.radio.index is None else self.radio.index + 1

    def value(self) -> ThermometerAnswer:
        return ThermometerAnswer(mark=self.mark())

    def restore(self, value: Any) -> None:
        mark = mark_of(value)
        self.radio.index = None if mark is None else mark - 1

    def bind(self, answers: Any) -> None:
        super().bind(answers)
        self.show_group()

    def _on_mark(self, _change: object) -> None:
        self.changed()
        if not self._restoring:
            self.show_group()

    def show_group(self) -> None:
        """Fetch the group's counts again (the store decides what may be shown)."""
        if self._answers is None:
            return
        spread = visible_spread(self._answers, self.exercise.id, self.spec["group_minimum"])
        self.group.value = self._group_html(spread)

    def _group_html(self, spread: Spread | None) -> str:
        head = f"<h4>{labels.GROUP_TITLE}</h4>"
        if spread is None:
            return f'<div role="status">{head}<p>{labels.GROUP_NOT_JOINED}</p></div>'
        if spread.counts is None:
            text = labels.GROUP_TOO_FEW.format(total=spread.total, minimum=spread.minimum)
            return f'<div role="status">{head}<p>{escape(text)}</p></div>'
        return f'<div role="status">{head}{spread_html(spread.counts)}</div>'


def spread_html(counts: dict[int, int]) -> str:
    """Columns per mark with their count, plus the number of answers and the average."""
    total = sum(counts.values())
    top = max(counts.values()) or 1
    columns = []
    for mark in MARKS:
        n = counts.get(mark, 0)
        height = round(BAR_HEIGHT * n / top)
        hidden = escape(labels.GROUP_COLUMN.format(mark=mark, n=n))
        columns.append(
            f'<li><span class="wb-spread-count" aria-hidden="true">{n}</span>'
            f'<span class="wb-spread-bar wb-mark-{mark}" style="height:{height}px"></span>'
            f'<span class="wb-spread-mark" aria-hidden="true">{mark}</span>'
            f'<span class="wb-sr-only">{hidden}</span></li>'
        )
    average = sum(m * n for m, n in counts.items()) / total
    summary = labels.GROUP_SUMMARY.format(total=total, average=f"{average:.1f}".replace(".", ","))
    return (
        f'<ul class="wb-spread" aria-label="{escape(labels.GROUP_TITLE)}">{"".join(columns)}</ul>'
        f"<p>{escape(summary)}</p>"
    )
