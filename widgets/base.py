"""The base of every exercise widget: title, prompt, a kind-specific body, and autosave with a visible state."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.shared import make, shared_layout
from workbook.errors import StoreError
from workbook.kinds import Exercise
from workbook.store import ParticipantAnswers
from workbook.store.failures import ParticipantGoneError
from workbook.words import fill_placeholders

# The landing page, where someone whose data were deleted can join again (without a code).
OVERVIEW_NOTEBOOK = "index.ipynb"


def escape(text: str) -> str:
    """Text typed by a user or an author, made safe to put inside HTML."""
    return html.escape(text, quote=True)


def paragraph(text: str, css: str = "") -> w.HTML:
    """A block of plain text shown as HTML-escaped text, keeping line breaks."""
    body = "<br>".join(escape(line) for line in text.splitlines())
    return make(w.HTML, f'<div class="wb-text {css}">{body}</div>')


class ExerciseWidget(w.VBox):
    """An exercise on the page. Subclasses build controls, and turn them into a JSON value and back."""

    def __init__(
        self, exercise: Exercise, pupil: str = "leerling", pupils: str = "leerlingen"
    ) -> None:
        self.exercise = exercise
        self.spec = exercise.spec
        self._pupil_words = (pupil, pupils)
        self._answers: ParticipantAnswers | None = None
        self._restoring = False
        self.status = make(w.HTML, self._status_html(labels.NOT_JOINED, "wb-status-idle"))
        self.retry = make(
            w.Button,
            description=labels.RETRY_SAVE,
            tooltip=labels.RETRY_SAVE,
            layout=w.Layout(display="none", width="auto"),
        )
        self.retry.on_click(self.changed)
        header = make(
            w.HTML,
            f'<h3 class="wb-title" id="{self.anchor}">{escape(self.words(exercise.title))}</h3>'
            f'<p class="wb-prompt">{escape(self.words(exercise.prompt))}</p>'
            + (
                f'<p class="wb-help">{escape(self.words(exercise.help))}</p>'
                if exercise.help
                else ""
            ),
        )
        body = self.build()
        super().__init__(
            [header, *body, make(w.HBox, [self.status, self.retry])], layout=shared_layout()
        )
        self.add_class("wb-exercise")
        self.add_class(f"wb-kind-{exercise.kind}")
        self.set_enabled(False)

    # -- for subclasses ---------------------------------------------------------------------------
    def build(self) -> list[w.Widget]:
        """Create the controls; call self.changed() whenever the answer changes."""
        raise NotImplementedError

    def value(self) -> Any:
        """The current answer as JSON-able data."""
        raise NotImplementedError

    def restore(self, value: Any) -> None:
        """Show a saved answer in the controls."""
        raise NotImplementedError

    def controls(self) -> list[w.Widget]:
        """Widgets with a 'disabled' trait, switched off until a participant is known."""
        return []

    # -- shared behaviour -------------------------------------------------------------------------
    @property
    def anchor(self) -> str:
        return "oefening-" + self.exercise.id.replace("/", "-")

    def words(self, text: str) -> str:
        return fill_placeholders(text, *self._pupil_words)

    def set_enabled(self, enabled: bool) -> None:
        for c in self.controls():
            c.disabled = not enabled

    def bind(self, answers: ParticipantAnswers) -> None:
        """Connect to a participant's answers: show what was saved, and save every change."""
        self._answers = answers
        saved = answers.load(self.exercise.id)
        if saved is not None:
            self._restoring = True
            try:
                self.restore(saved)
            finally:
                self._restoring = False
            self.status.value = self._status_html(labels.SAVED_EARLIER, "wb-status-ok")
        else:
            self.status.value = self._status_html(labels.UNCHANGED, "wb-status-idle")
        self.set_enabled(True)

    def changed(self, *_: object) -> None:
        """Save the current answer at once and show that it is saved."""
        if self._restoring or self._answers is None:
            return
        try:
            self._answers.save(self.exercise.id, self.value())
        except ParticipantGoneError:
            # Deleted means gone: nothing more is saved for this code, and the page says so.
            self.status.value = self._status_html(
                labels.DELETED, "wb-status-error", start_again=True
            )
            self.retry.layout.display = "none"
            self.set_enabled(False)
            return
        except StoreError as exc:
            # The answer stays in the controls; the participant can retry once the store is back.
            self.status.value = self._status_html(
                labels.NOT_SAVED.format(reason=exc), "wb-status-error"
            )
            self.retry.layout.display = "inline-flex"
            return
        self.retry.layout.display = "none"
        stamp = datetime.now().strftime("%H:%M:%S")
        self.status.value = self._status_html(labels.SAVED.format(time=stamp), "wb-status-ok")

    @staticmethod
    def _status_html(text: str, css: str, start_again: bool = False) -> str:
        link = (
            f' <a href="{OVERVIEW_NOTEBOOK}">{escape(labels.START_AGAIN)}</a>'
            if start_again
            else ""
        )
        return f'<div class="wb-status {css}" role="status" aria-live="polite">{escape(text)}{link}</div>'
