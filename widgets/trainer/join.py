"""The join screen for the projector: where the room goes, as large text and a QR code, and who joined.

The QR code is drawn in the kernel with segno as inline SVG, so it works without internet. The screen
shows only the root address: the trainer key and participants' codes never appear on it.
"""

from __future__ import annotations

from typing import Any

import segno

from widgets import labels
from widgets.base import escape
from widgets.trainer.views import counted
from workbook.runtime.network import NO_NETWORK, Joining

MAX_ADDRESSES = 3  # a laptop on Wi-Fi and a cable has two; more is noise on a projector


def qr_svg(url: str) -> str:
    """The QR code of url as inline SVG: dark on white with a quiet zone, so phone cameras read it."""
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=10, border=4, dark="#000", light="#fff", title=None)
    label = escape(labels.JOIN_QR.format(url=url))
    return f"<div class='wb-join-qr' role='img' aria-label='{label}'>{svg}</div>"


def join_html(joining: Joining, schools: dict[str, dict[str, Any]], people: int) -> str:
    """The join screen: address and QR code, or what to do when nobody else can reach this machine."""
    if not joining.served:
        where = f"<p class='wb-join-problem' role='status'>{escape(labels.JOIN_NOT_SERVED)}</p>"
    elif not joining.room:
        where = f"<p class='wb-join-problem' role='alert'>{escape(labels.JOIN_LOOPBACK)}</p>"
    elif not joining.urls:
        where = f"<p class='wb-join-problem' role='alert'>{escape(NO_NETWORK)}</p>"
    else:
        first, *others = joining.urls[:MAX_ADDRESSES]
        where = (
            f"<p>{escape(labels.JOIN_STEPS)}</p>"
            f"<div class='wb-join-where'>{qr_svg(first)}"
            f"<p class='wb-join-url'>{escape(first)}</p></div>"
        )
        if others:
            where += f"<p>{escape(labels.JOIN_OTHER)}</p><ul class='wb-join-others'>" + "".join(
                f"<li class='wb-join-url-small'>{escape(url)}</li>" for url in others
            )
            where += "</ul>"
    joined = (
        f"<p class='wb-join-count' role='status' aria-live='polite'>"
        f"{escape(labels.JOIN_JOINED.format(people=counted(labels.PEOPLE, people)))}</p>"
    )
    if schools:
        joined += (
            f"<h3>{escape(labels.JOIN_PER_SCHOOL)}</h3><ul class='wb-join-schools'>"
            + "".join(
                f"<li><span>{escape(name)}</span> <strong>{s['participants']}</strong></li>"
                for name, s in sorted(schools.items())
            )
            + "</ul>"
        )
    return (
        f"<div class='wb-join'><h2>{escape(labels.JOIN_HEADING)}</h2>{where}"
        f"<div class='wb-join-people'>{joined}</div></div>"
    )
