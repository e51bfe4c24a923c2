"""A table to fill in: a row label and a free-text cell per column; saved as a list of rows."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.tabel import TabelAnswer


class TabelWidget(ExerciseWidget):
    """A grid of text cells; each cell's hidden label reads '<row> – <column>'."""

    def build(self) -> list[w.Widget]:
        self.columns = list(self.spec["columns"])
        count = self.spec["rows"]
        self.row_labels = [self.words(r) for r in self.spec["row_labels"]] or [
            labels.TABLE_ROW.format(n=n) for n in range(1, count + 1)
        ]
        cells: list[w.Widget] = [make(w.HTML, '<div class="wb-table-corner"></div>')]
        cells += [
            make(w.HTML, f'<div class="wb-table-head">{escape(self.words(c))}</div>')
            for c in self.columns
        ]
        self.cells: list[list[w.Textarea]] = []
        for row in self.row_labels:
            cells.append(make(w.HTML, f'<div class="wb-table-row">{escape(row)}</div>'))
            line = []
            for column in self.columns:
                cell = make(
                    w.Textarea,
                    value="",
                    rows=2,
                    continuous_update=True,
                    description=f"{row} – {self.words(column)}",
                    layout=dict(width="auto"),
                )
                cell.add_class("wb-table-cell")
                cell.observe(self.changed_soon, "value")
                line.append(cell)
                cells.append(cell)
            self.cells.append(line)
        first = "minmax(7em, 12em)" if self.spec["row_labels"] else "minmax(4em, 6em)"
        grid = make(
            w.GridBox,
            cells,
            layout=dict(
                grid_template_columns=f"{first} repeat({len(self.columns)}, minmax(8em, 1fr))",
                grid_gap="4px 8px",
                width="100%",
            ),
        )
        grid.add_class("wb-table")
        return [grid]

    def controls(self) -> list[w.Widget]:
        return [cell for line in self.cells for cell in line]

    def value(self) -> TabelAnswer:
        return TabelAnswer(
            rows=[
                {c: cell.value for c, cell in zip(self.columns, line, strict=True)}
                for line in self.cells
            ]
        )

    def restore(self, value: Any) -> None:
        rows = value.get("rows", []) if isinstance(value, dict) else []
        for i, line in enumerate(self.cells):
            saved = rows[i] if i < len(rows) and isinstance(rows[i], dict) else {}
            for column, cell in zip(self.columns, line, strict=False):
                text = saved.get(column, "")
                cell.value = text if isinstance(text, str) else ""
