"""Pick one answer (radio buttons) or several (checkboxes) from a list: for meerkeuze and keuze."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from widgets.shared import make


class Choices:
    """The controls for picking from options, and the chosen option indices."""

    def __init__(self, texts: list[str], multiple: bool, on_change: Callable[..., None]) -> None:
        self.multiple = multiple
        self.count = len(texts)
        self.boxes: list[w.Checkbox] = []
        self.radio: w.RadioButtons | None = None
        if multiple:
            self.boxes = [
                make(
                    w.Checkbox,
                    value=False,
                    description=text,
                    indent=False,
                    layout=dict(width="auto"),
                )
                for text in texts
            ]
            for box in self.boxes:
                box.observe(on_change, "value")
            self.widget: w.Widget = make(w.VBox, self.boxes)
        else:
            self.radio = make(
                w.RadioButtons, options=texts, value=None, description="", layout=dict(width="auto")
            )
            self.radio.observe(on_change, "value")
            self.widget = self.radio

    def controls(self) -> list[w.Widget]:
        return list(self.boxes) if self.multiple else [self.radio]

    def chosen(self) -> list[int]:
        """Indices of the chosen options, in option order."""
        if self.multiple:
            return [i for i, box in enumerate(self.boxes) if box.value]
        if self.radio is None or self.radio.index is None:
            return []
        return [self.radio.index]

    def select(self, indices: list[int]) -> None:
        """Show these options as chosen (indices out of range are ignored)."""
        wanted = {i for i in indices if isinstance(i, int) and 0 <= i < self.count}
        if self.multiple:
            for i, box in enumerate(self.boxes):
                box.value = i in wanted
        elif self.radio is not None:
            self.radio.index = min(wanted) if wanted else None
