"""The base of every exercise widget: title, prompt, a kind-specific body, and autosave with a visible state."""

from __future__ import annotations

import atexit
import html
import os
import time
import weakref
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.shared import make, shared_layout
from workbook.errors import StoreError
from workbook.kinds import Exercise, compare_rounds, comparison_html
from workbook.runtime.session import kernel_loop
from workbook.store import ParticipantAnswers
from workbook.store.failures import ParticipantGoneError
from workbook.traject import dutch_date
from workbook.words import Words, fill_words

# The landing page, where someone whose data were deleted can join again (without a code).
OVERVIEW_NOTEBOOK = "index.ipynb"


def escape(text: str) -> str:
    """Text typed by a user or an author, made safe to put inside HTML."""
    return html.escape(text, quote=True)


def paragraph(text: str, css: str = "") -> w.HTML:
    """A block of plain text shown as HTML-escaped text, keeping line breaks."""
    body = "<br>".join(escape(line) for line in text.splitlines())
    return make(w.HTML, f'<div class="wb-text {css}">{body}</div>')


# Seconds: how often, at most, a text that is being typed is saved (the browser tests set it high,
# to prove that leaving a field, Enter and hiding the page save at once on their own).
SAVE_EVERY = float(os.environ.get("WELBEVINDEN_SAVE_SECONDS", "1.0"))
_PENDING: weakref.WeakSet[ExerciseWidget] = weakref.WeakSet()
_STARTING = object()  # a typed answer waits; the kernel's loop has not set its timer yet


# The browser may send its last typed letters just after its 'flush' (ipywidgets holds value updates
# back while the kernel is busy): letters that arrive this soon after a flush are saved at once too.
FLUSH_WINDOW = 3.0
_FLUSHED_AT: list[float] = [float("-inf")]


def flush_all() -> None:
    """Save every typed answer that still waits: the field was left, or the page hidden or closed."""
    _FLUSHED_AT[0] = time.monotonic()
    for widget in list(_PENDING):
        widget.flush()


def _flush_at_exit() -> None:
    try:
        flush_all()
    except Exception:  # the kernel is going away: the store may already be closed  # noqa: BLE001
        pass


atexit.register(_flush_at_exit)


def day_label(day: str) -> str:
    """'2026-09-15' -> '15 september 2026'."""
    try:
        return dutch_date(date.fromisoformat(day))
    except ValueError:
        return day


class ExerciseWidget(w.VBox):
    """An exercise on the page. Subclasses build controls, and turn them into a JSON value and back."""

    # How a measured exercise names a round (a day); the page sets one that adds the meeting's title.
    round_label: Callable[[str], str] = staticmethod(day_label)

    def __init__(
        self,
        exercise: Exercise,
        pupil: str = "leerling",
        pupils: str = "leerlingen",
        teacher: str = "leraar",
        teachers: str = "leraren",
        sector: str = "",
    ) -> None:
        self.exercise = exercise
        self.spec = exercise.spec
        self._pupil_words = Words(pupil, pupils, teacher, teachers, sector)
        self._answers: ParticipantAnswers | None = None
        self._restoring = False
        self._pending: Any = None  # the event loop's handle of a save that waits (typing)
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
            )
            + (
                f'<p class="wb-source">{escape(labels.SOURCE.format(source=self.words(exercise.source)))}</p>'
                if exercise.source
                else ""
            ),
        )
        body = self.build()
        # A measured exercise ('meting: true') shows its earlier rounds side by side below it.
        self.rounds = make(w.HTML, "")
        below = [self.rounds] if exercise.measured else []
        super().__init__(
            [header, *body, make(w.HBox, [self.status, self.retry]), *below],
            layout=shared_layout(),
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
        """An author's or label's text with the sector's words for the placeholders."""
        return fill_words(text, self._pupil_words)

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
        self.show_rounds()

    def show_rounds(self) -> None:
        """Below a measured exercise: this participant's rounds side by side with what changed, and
        a hint when the answer shown is from an earlier meeting."""
        if not self.exercise.measured or self._answers is None:
            return
        try:
            versions = self._answers.measurements(self.exercise.id)
        except StoreError:
            return  # only a view of what is saved; the exercise itself works on
        today = date.today().isoformat()
        parts = []
        if versions and versions[-1][0] < today:
            hint = labels.MEASURE_AGAIN.format(day=self.round_label(versions[-1][0]))
            parts.append(f'<p class="wb-hint">{escape(hint)}</p>')
        rounds = [(self.round_label(day), [value]) for day, value in versions]
        comparison = compare_rounds(self.exercise, rounds, self._pupil_words)
        if comparison is not None:
            parts.append(str(comparison_html(comparison, labels.MEASURE_ROUNDS)))
        self.rounds.value = "".join(parts)

    def changed_soon(self, *_: object) -> None:
        """Typing: save within SAVE_EVERY seconds, at most once per SAVE_EVERY while the typing goes on.

        A paragraph typed quickly is one or two writes, not one per key. Until then the page says
        "Bezig met opslaan…"; page hide (see widgets/page/nowmark.js) and kernel exit save at once.
        Outside a kernel (tests, scripts) there is no event loop and the answer is saved at once.
        """
        if self._restoring or self._answers is None:
            return
        loop = kernel_loop()
        if loop is None or time.monotonic() - _FLUSHED_AT[0] < FLUSH_WINDOW:
            self.changed()
            return
        self.status.value = self._status_html(labels.SAVING, "wb-status-busy")
        if self._pending is None:
            # JupyterLab sends widget messages to a subshell (ipykernel 7), so this may run on another
            # thread than the kernel's loop. A timer set from there never wakes the loop; handing it
            # over with add_callback (thread-safe) does.
            self._pending = _STARTING
            _PENDING.add(self)
            loop.add_callback(self._start_timer, loop)

    def _start_timer(self, loop: Any) -> None:
        if self._pending is _STARTING:
            self._pending = loop.call_later(SAVE_EVERY, self.flush)

    def flush(self) -> None:
        """Save a pending typed answer now (no-op when nothing waits)."""
        if self._pending is not None:
            self.changed()

    def _cancel_pending(self) -> None:
        loop = kernel_loop()
        if loop is not None and self._pending is not _STARTING:
            loop.add_callback(loop.remove_timeout, self._pending)  # on the loop's own thread
        self._pending = None
        _PENDING.discard(self)

    def changed(self, *_: object) -> None:
        """Save the current answer at once and show that it is saved."""
        if self._restoring or self._answers is None:
            return
        if self._pending is not None:  # this save includes what was waiting
            self._cancel_pending()
        # A measured exercise keeps each day's answer as that meeting's measurement.
        dated = {"measured_on": date.today().isoformat()} if self.exercise.measured else {}
        try:
            self._answers.save(self.exercise.id, self.value(), **dated)
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
        self.show_rounds()

    @staticmethod
    def _status_html(text: str, css: str, start_again: bool = False) -> str:
        link = (
            f' <a href="{OVERVIEW_NOTEBOOK}">{escape(labels.START_AGAIN)}</a>'
            if start_again
            else ""
        )
        return f'<div class="wb-status {css}" role="status" aria-live="polite">{escape(text)}{link}</div>'
