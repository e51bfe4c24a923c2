"""The Schijf van Zeven as an SVG wheel: one slice per segment, filled to its score."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

# Calm colours with contrast against white; a colour never carries meaning on its own.
COLOURS = (
    "#2b6cb0",
    "#2f855a",
    "#c05621",
    "#6b46c1",
    "#b83280",
    "#2c7a7b",
    "#975a16",
    "#4a5568",
    "#9b2c2c",
    "#276749",
)
SIZE = 440
CENTRE = SIZE / 2
RADIUS = 140
LABEL_RADIUS = RADIUS + 16


def _point(radius: float, angle: float) -> tuple[float, float]:
    """A point at `angle` (radians, 0 = straight up, clockwise) and `radius` from the centre."""
    return CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)


def _slice(radius: float, start: float, end: float) -> str:
    """SVG path data of a pie slice."""
    x0, y0 = _point(radius, start)
    x1, y1 = _point(radius, end)
    large = 1 if end - start > math.pi else 0
    return (
        f"M{CENTRE:.1f},{CENTRE:.1f} L{x0:.1f},{y0:.1f} "
        f"A{radius:.1f},{radius:.1f} 0 {large} 1 {x1:.1f},{y1:.1f} Z"
    )


def _label(name: str, angle: float) -> str:
    x, y = _point(LABEL_RADIUS, angle)
    sin = math.sin(angle)
    anchor = "middle" if abs(sin) < 0.3 else ("start" if sin > 0 else "end")
    dy = "0.9em" if math.cos(angle) < -0.3 else ("0" if math.cos(angle) > 0.3 else "0.35em")
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" dy="{dy}" text-anchor="{anchor}" font-size="15" '
        f'font-family="sans-serif" fill="#1a1a1a">{html.escape(name)}</text>'
    )


def describe_scores(segments: Sequence[str], scores: Sequence[int | None], maximum: int) -> str:
    """A short Dutch text with every segment's score, for screen readers and reports."""
    parts = [
        f"{name}: {'nog niet ingevuld' if s is None else f'{s} van {maximum}'}"
        for name, s in zip(segments, scores, strict=False)
    ]
    return "; ".join(parts) + "."


def wheel_svg(
    segments: Sequence[str],
    scores: Sequence[int | None],
    maximum: int = 5,
    title: str = "Schijf van Zeven",
) -> str:
    """An accessible SVG: a <title>, a <desc> with every score, and one slice per segment."""
    n = len(segments)
    step = 2 * math.pi / n
    scores = list(scores) + [None] * (n - len(scores))
    parts: list[str] = []
    for ring in range(1, maximum + 1):
        parts.append(
            f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{RADIUS * ring / maximum:.1f}" '
            'fill="none" stroke="#cbd2d9" stroke-width="1"/>'
        )
    for i, (name, score) in enumerate(zip(segments, scores, strict=False)):
        start, end = i * step, (i + 1) * step
        colour = COLOURS[i % len(COLOURS)]
        parts.append(
            f'<path d="{_slice(RADIUS, start, end)}" fill="{colour}" fill-opacity="0.08" '
            'stroke="#9aa5b1" stroke-width="1"/>'
        )
        if score:
            filled = RADIUS * min(max(score, 0), maximum) / maximum
            parts.append(
                f'<path class="wb-wheel-slice" data-segment="{html.escape(name)}" '
                f'data-score="{score}" d="{_slice(filled, start, end)}" fill="{colour}" '
                'fill-opacity="0.85" stroke="#ffffff" stroke-width="2"/>'
            )
        parts.append(_label(name, (start + end) / 2))
    desc = describe_scores(segments, scores, maximum)
    return (
        f'<svg class="wb-wheel" role="img" aria-label="{html.escape(f"{title}. {desc}")}" '
        f'viewBox="-90 0 {SIZE + 180} {SIZE}" width="{SIZE + 180}" height="{SIZE}" '
        'style="max-width:100%;height:auto" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{html.escape(title)}</title><desc>{html.escape(desc)}</desc>"
        + "".join(parts)
        + "</svg>"
    )
