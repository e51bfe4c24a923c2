"""Follows the exercise the trainer marked "nu": polls the store and tells the browser which one to highlight.

It also carries the page's heartbeat. The browser pings every few seconds and the kernel answers;
when the answers stop (the kernel died or the server is gone), the page says so, so nobody keeps
typing in the belief that it is saved. Because the browser starts each beat, a kernel whose tab is
gone falls silent and Voila's culler ends it; a preheated kernel that waits for its visitor beats
on its own so that it stays ready.
"""

from __future__ import annotations

import pathlib
import threading
from collections.abc import Callable

import anywidget
import traitlets

from widgets import labels
from widgets.base import flush_all
from workbook.content.catalog import get_exercise, get_module
from workbook.errors import WorkbookError
from workbook.runtime.session import request_pending
from workbook.store import AnswerStore

POLL_SECONDS = 3.0
NOW_SETTING = "nu"


class NowMarker(anywidget.AnyWidget):
    """Scrolls to and highlights (class wb-now) the anchor 'oefening-<module>-<slug>', or links to its page."""

    _esm = pathlib.Path(__file__).parent / "nowmark.js"
    anchor = traitlets.Unicode("").tag(sync=True)
    notebook = traitlets.Unicode("").tag(sync=True)
    banner = traitlets.Unicode("").tag(sync=True)
    go = traitlets.Unicode(labels.NOW_GO).tag(sync=True)
    beat = traitlets.Int(0).tag(sync=True)
    beat_seconds = traitlets.Float(POLL_SECONDS).tag(sync=True)
    lost = traitlets.Unicode(labels.CONNECTION_LOST).tag(sync=True)

    def __init__(
        self,
        store: AnswerStore,
        scholengroep: str,
        poll_seconds: float = POLL_SECONDS,
        *,
        follow: bool = True,
        on_ping: Callable[[], None] | None = None,
    ) -> None:
        """follow=False carries only the heartbeat (the trainer page has no exercises to jump to);
        on_ping is called after each ping from the browser, so a page can tell it is being watched."""
        super().__init__(beat_seconds=poll_seconds)
        self.on_msg(self._on_msg)
        self._store = store
        self._group = scholengroep
        self._follow = follow
        self._on_ping = on_ping
        self._stop = threading.Event()
        self.check()
        self._thread = threading.Thread(
            target=self._loop, args=(poll_seconds,), daemon=True, name="now-marker"
        )
        self._thread.start()

    def _loop(self, seconds: float) -> None:
        """A preheated page nobody opened yet beats on its own, so the culler leaves it ready."""
        while not self._stop.wait(seconds):
            if request_pending():
                self.beat += 1

    def _on_msg(self, _widget: object, content: object, _buffers: object) -> None:
        """The browser pings (answer with a beat), or hides or closes the page (save typed text)."""
        if not isinstance(content, dict):
            return
        if content.get("type") == "ping":
            # Only an open page asks, so a kernel without a browser reads nothing and its
            # PostgreSQL connection can close when idle (see AnswerStore.idle_seconds).
            self.check()
            self.beat += 1
            if self._on_ping is not None:
                self._on_ping()
        elif content.get("type") == "flush":
            flush_all()

    def stop(self) -> None:
        self._stop.set()

    def check(self) -> None:
        """Read the 'nu' setting once and update what the browser shows."""
        if not self._follow:
            return
        try:
            exercise_id = self._store.get_setting(self._group, NOW_SETTING)
            ex = get_exercise(exercise_id) if exercise_id else None
        except WorkbookError:
            return  # a busy database or an old id: keep what is shown
        if ex is None:
            self.anchor = ""
            return
        self.notebook = get_module(ex.module).notebook
        self.banner = labels.NOW_BANNER.format(title=ex.title)
        self.anchor = "oefening-" + ex.id.replace("/", "-")
