"""A discussion question answered by a small group: choose the group, add to its outcome, see it live.

Every member types their own contribution; the outcome below it shows the whole group's, updated on
each heartbeat of the page (see widgets/page/nowmark.py), so what a table-mate types shows up on
everyone's phone within seconds. Only the members of the same group are read (group_answers).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget, escape
from widgets.shared import make
from workbook.kinds.uitwisseling import (
    VERSION,
    UitwisselingAnswer,
    group_label,
    members,
    questions,
    read,
    school_group,
    table_group,
)
from workbook.store import ParticipantAnswers


class UitwisselingWidget(ExerciseWidget):
    """The group to work in, the participant's contribution, and the group's outcome so far."""

    def build(self) -> list[w.Widget]:
        asked = "".join(
            f"<li>{escape(q)}</li>" for q in questions(self.exercise, self._pupil_words)
        )
        self.group = make(
            w.Dropdown,
            options=self._groups(""),
            description=labels.EXCHANGE_GROUP,
            style={"description_width": "initial"},
            layout=dict(width="auto"),
        )
        self.text = make(
            w.Textarea,
            value="",
            placeholder=labels.EXCHANGE_PLACEHOLDER,
            description=labels.EXCHANGE_YOURS,
            rows=3,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=dict(width="95%"),
        )
        self.outcome = make(w.HTML, "")
        self.group.observe(self._group_changed, "value")
        self.text.observe(self.changed_soon, "value")
        parts: list[w.Widget] = [self.group, self.text, self.outcome]
        if asked:
            parts.insert(0, make(w.HTML, f'<ul class="wb-questions">{asked}</ul>'))
        return parts

    def _groups(self, school: str) -> list[tuple[str, str]]:
        tables = [table_group(n) for n in range(1, self.spec["tables"] + 1)]
        keys = ([school_group(school)] if school else []) + tables
        return [(group_label(k), k) for k in keys]

    def controls(self) -> list[w.Widget]:
        return [self.group, self.text]

    def bind(self, answers: ParticipantAnswers) -> None:
        school = answers.participant.school
        self._restoring = True
        try:
            self.group.options = self._groups(school)
            self.group.value = self.group.options[0][1]
        finally:
            self._restoring = False
        super().bind(answers)
        self.refresh_shared()

    def value(self) -> UitwisselingAnswer:
        return UitwisselingAnswer(version=VERSION, group=self.group.value, text=self.text.value)

    def restore(self, value: Any) -> None:
        answer = read(value)
        if answer["group"] in {k for _label, k in self.group.options}:
            self.group.value = answer["group"]
        self.text.value = answer["text"]

    def changed(self, *args: object) -> None:
        super().changed(*args)
        self.refresh_shared()

    def _group_changed(self, _change: object) -> None:
        self.changed()

    def refresh_shared(self) -> None:
        """Show the group's outcome as the store has it now (also called on each page heartbeat)."""
        if self._answers is None or not self.group.value:
            return
        mine = self._answers.participant.code
        given = members(
            self.group.value, self._answers.group_answers(self.exercise.id, self.group.value)
        )
        items = "".join(
            f"<li>{escape(text)}"
            + (
                f' <span class="wb-you">({escape(labels.EXCHANGE_YOU)})</span>'
                if code == mine
                else ""
            )
            + "</li>"
            for code, text in given
        )
        title = escape(labels.EXCHANGE_OUTCOME.format(group=group_label(self.group.value)))
        body = f"<ul>{items}</ul>" if items else f"<p>{escape(labels.EXCHANGE_EMPTY)}</p>"
        html = f'<div class="wb-outcome"><h4>{title}</h4>{body}</div>'
        if self.outcome.value != html:
            self.outcome.value = html
