"""An invisible widget that writes the participant code into the browser's address bar."""

from __future__ import annotations

import pathlib

import anywidget
import traitlets


class UrlSync(anywidget.AnyWidget):
    """Sets ?deelnemer=<code> in the URL without reloading the page."""

    _esm = pathlib.Path(__file__).parent / "urlsync.js"
    code = traitlets.Unicode("").tag(sync=True)
