"""Multiple choice with feedback per option, including the variant with more than one right answer."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.kinds.choices import Choices
from widgets.shared import make
from workbook.kinds.meerkeuze import MeerkeuzeAnswer


class MeerkeuzeWidget(ExerciseWidget):
    """Radio buttons (one right answer) or checkboxes (several), a check button and feedback."""

    def build(self) -> list[w.Widget]:
        options = [self.words(o["text"]) for o in self.spec["options"]]
        self.choices = Choices(options, self.spec["multiple"], self._on_choice)
        self.multiple = self.choices.multiple
        hint = labels.CHOOSE_ALL if self.multiple else labels.CHOOSE_ONE
        self.check = make(
            w.Button, description=labels.CHECK, tooltip=labels.CHECK_TIP, button_style="primary"
        )
        self.check.on_click(self._on_check)
        self.feedback = make(w.HTML, "")
        self.checked = False
        return [
            make(w.HTML, f'<p class="wb-hint">{hint}</p>'),
            self.choices.widget,
            self.check,
            self.feedback,
        ]

    def controls(self) -> list[w.Widget]:
        return [*self.choices.controls(), self.check]

    def chosen(self) -> list[int]:
        return self.choices.chosen()

    def value(self) -> MeerkeuzeAnswer:
        return MeerkeuzeAnswer(chosen=self.chosen(), checked=self.checked)

    def restore(self, value: Any) -> None:
        self.choices.select(value.get("chosen", []))
        chosen = self.chosen()
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
            verdict, css = (
                labels.PARTLY.format(n=len(set(chosen) & right), total=len(right)),
                "wb-partly",
            )
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
