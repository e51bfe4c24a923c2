"""The results area of the trainer page, with one-click moderation of open answers.

A participant may type a pupil's real name or something hurtful. Every card on the wall and every
word in the cloud has a button that hides that answer for the rest of the session (kept in the store,
so a reload or a second trainer tab keeps it hidden). The page only ever sees opaque tokens.
"""

from __future__ import annotations

import pathlib
import secrets
from collections.abc import Callable

import anywidget
import traitlets


class Board(anywidget.AnyWidget):
    """HTML from widgets.trainer.views; clicks on its hide buttons reach on_hide/on_unhide."""

    _esm = pathlib.Path(__file__).parent / "board.js"
    value = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        on_hide: Callable[[list[tuple[str, str]]], None],
        on_unhide: Callable[[str], None],
    ) -> None:
        super().__init__()
        self._on_hide = on_hide
        self._on_unhide = on_unhide
        self._answers: dict[str, tuple[str, str]] = {}  # token -> (exercise, code)
        self._tokens: dict[tuple[str, str], str] = {}
        self.on_msg(self._message)

    def token(self, exercise: str, code: str) -> str:
        """The same opaque token for one answer during this page's life."""
        key = (exercise, code)
        if key not in self._tokens:
            token = secrets.token_urlsafe(9)
            self._tokens[key] = token
            self._answers[token] = key
        return self._tokens[key]

    def _message(self, _widget: object, content: object, _buffers: object) -> None:
        if not isinstance(content, dict):
            return
        if content.get("type") == "hide" and isinstance(content.get("tokens"), list):
            found = [self._answers[t] for t in content["tokens"] if t in self._answers]
            if found:
                self._on_hide(found)
        elif content.get("type") == "unhide" and isinstance(content.get("exercise"), str):
            self._on_unhide(content["exercise"])
