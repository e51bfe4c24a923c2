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
        on_approve: Callable[[list[tuple[str, str, str]]], None] | None = None,
    ) -> None:
        """on_approve gets (exercise, code, fingerprint of the answer as shown) per approved answer."""
        super().__init__()
        self._on_hide = on_hide
        self._on_unhide = on_unhide
        self._on_approve = on_approve
        self._keys: dict[str, tuple[str, ...]] = {}  # token -> (exercise, code[, fingerprint])
        self._tokens: dict[tuple[str, ...], str] = {}
        self.on_msg(self._message)

    def token(self, *key: str) -> str:
        """The same opaque token for one answer (exercise, code) during this page's life; with a
        fingerprint, for that version of the answer (to approve exactly what the trainer saw)."""
        if key not in self._tokens:
            token = secrets.token_urlsafe(9)
            self._tokens[key] = token
            self._keys[token] = key
        return self._tokens[key]

    def _found(self, tokens: object, size: int) -> list[tuple[str, ...]]:
        if not isinstance(tokens, list):
            return []
        return [self._keys[t] for t in tokens if t in self._keys and len(self._keys[t]) == size]

    def _message(self, _widget: object, content: object, _buffers: object) -> None:
        if not isinstance(content, dict):
            return
        if content.get("type") == "hide":
            if hidden := self._found(content.get("tokens"), 2):
                self._on_hide([(ex, code) for ex, code in hidden])
        elif content.get("type") == "approve" and self._on_approve is not None:
            if approved := self._found(content.get("tokens"), 3):
                self._on_approve([(ex, code, digest) for ex, code, digest in approved])
        elif content.get("type") == "unhide" and isinstance(content.get("exercise"), str):
            self._on_unhide(content["exercise"])
