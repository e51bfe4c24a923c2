"""A small form (text, password or select fields and one button) that sends what was typed with the press.

ipywidgets throttles value syncs per model while the kernel is busy, but sends button clicks and
`on_submit` at once, so a fast typist's click could reach the kernel before the last letters did
(a pupil "V" instead of "Vos"). This form sends every field's value inside the submit message itself.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

__all__ = ["EntryForm", "field"]

HERE = pathlib.Path(__file__).parent
MAX_VALUE = 500  # longer than any name, code or key a participant types here


def field(
    key: str,
    label: str,
    kind: str = "text",
    placeholder: str = "",
    options: list[str] | None = None,
    width: str = "",
) -> dict[str, Any]:
    """One field of an EntryForm: kind is 'text', 'password' or 'select' (with options)."""
    return {
        "key": key,
        "label": label,
        "kind": kind,
        "placeholder": placeholder,
        "options": list(options or []),
        "width": width,
    }


class EntryForm(anywidget.AnyWidget):
    """Labelled fields and one button; Enter in a text field presses the button."""

    _esm = HERE / "entry.js"
    _css = HERE / "entry.css"
    fields = traitlets.List(traitlets.Dict()).tag(sync=True)
    values = traitlets.Dict().tag(sync=True)
    button = traitlets.Unicode("").tag(sync=True)
    button_title = traitlets.Unicode("").tag(sync=True)
    primary = traitlets.Bool(False).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(
        self,
        fields: list[dict[str, Any]],
        button: str,
        button_title: str = "",
        primary: bool = False,
    ) -> None:
        start = {
            f["key"]: (f["options"][0] if f["kind"] == "select" and f["options"] else "")
            for f in fields
        }
        super().__init__(
            fields=fields,
            values=start,
            button=button,
            button_title=button_title or button,
            primary=primary,
        )
        self._callbacks: list[Callable[[dict[str, str]], None]] = []
        self.on_msg(self._on_message)

    def on_submit(self, callback: Callable[[dict[str, str]], None]) -> None:
        self._callbacks.append(callback)

    def clear(self, key: str) -> None:
        self.values = {**self.values, key: ""}

    def _on_message(self, _widget: object, content: Any, _buffers: object) -> None:
        if self.disabled or not isinstance(content, dict) or content.get("type") != "submit":
            return
        sent = content.get("values")
        if not isinstance(sent, dict):
            return
        keys = {f["key"] for f in self.fields}
        self.values = {k: str(sent.get(k, ""))[:MAX_VALUE] for k in keys}
        for callback in self._callbacks:
            callback(dict(self.values))
