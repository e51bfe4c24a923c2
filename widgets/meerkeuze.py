"""Multiple choice with feedback per option, including the variant with more than one right answer."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape


class MeerkeuzeWidget(ExerciseWidget):
    """Radio buttons (one right answer) or checkboxes (several), a check button and feedback."""

    def build(self) -> list[w.Widget]:
        options = [self.words(o["text"]) for o in self.spec["options"]]
        self.multiple = self.spec["multiple"]
        if self.multiple:
            self.boxes = [
                w.Checkbox(value=False, description=text, indent=False, layout=w.Layout(width="auto"))
                for text in options
            ]
            for box in self.boxes:
                box.observe(self._on_choice, "value")
            choice: w.Widget = w.VBox(self.boxes)
            hint = labels.CHOOSE_ALL
        else:
            self.radio = w.RadioButtons(
                options=options, value=None, description="", layout=w.Layout(width="auto")
            )
            self.radio.observe(self._on_choice, "value")
            choice = self.radio
            hint = labels.CHOOSE_ONE
        self.check = w.Button(description=labels.CHECK, tooltip=labels.CHECK_TIP, button_style="primary")
        self.check.on_click(self._on_check)
        self.feedback = w.HTML("")
        self.checked = False
        return [w.HTML(f'<p class="wb-hint">{hint}</p>'), choice, self.check, self.feedback]

    def controls(self) -> list[w.Widget]:
        return [*(self.boxes if self.multiple else [self.radio]), self.check]

    def chosen(self) -> list[int]:
        if self.multiple:
            return [i for i, b in enumerate(self.boxes) if b.value]
        return [] if self.radio.index is None else [self.radio.index]

    def value(self) -> Any:
        return {"chosen": self.chosen(), "checked": self.checked}

    def restore(self, value: Any) -> None:
        chosen = [i for i in value.get("chosen", []) if 0 <= i < len(self.spec["options"])]
        if self.multiple:
            for i, box in enumerate(self.boxes):
                box.value = i in chosen
        else:
            self.radio.index = chosen[0] if chosen else None
        self.checked = bool(value.get("checked")) and bool(chosen)
        self.feedback.value = self.feedback_html() if self.checked else ""

    def _on_choice(self, _change: object) -> None:
        if not self._restoring:
            self.checked = False
            self.feedback.value = ""
        self.changed()

    def _on_check(self, _button: object) -> None:
        self.checked = bool(self.chosen())
        self.feedback.value = self.feedback_html()
        self.changed()

    def is_correct(self) -> bool:
        right = {i for i, o in enumerate(self.spec["options"]) if o["correct"]}
        return set(self.chosen()) == right

    def feedback_html(self) -> str:
        chosen = self.chosen()
        if not chosen:
            return f'<p class="wb-feedback" role="status">{labels.NOTHING_CHOSEN}</p>'
        options = self.spec["options"]
        right = {i for i, o in enumerate(options) if o["correct"]}
        if set(chosen) == right:
            verdict, css = labels.CORRECT, "wb-good"
        elif self.multiple and set(chosen) & right:
            verdict, css = labels.PARTLY.format(n=len(set(chosen) & right), total=len(right)), "wb-partly"
        else:
            verdict, css = labels.WRONG, "wb-wrong"
        items = "".join(
            f"<li><b>{escape(self.words(options[i]['text']))}</b>: "
            f"{escape(self.words(options[i]['feedback']))}</li>"
            for i in chosen
            if options[i]["feedback"]
        )
        return (
            f'<div class="wb-feedback {css}" role="status"><p>{escape(verdict)}</p>'
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )
