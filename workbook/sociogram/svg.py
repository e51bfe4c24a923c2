"""A static picture of a class sociogram for reports: target layout, mutual choices bold, negative dashed."""

from __future__ import annotations

import hashlib
import html
import math
from typing import Any

SIZE = 520
RADIUS = 17


def _point(pos: tuple[float, float]) -> tuple[float, float]:
    margin = 40
    return margin + pos[0] * (SIZE - 2 * margin), margin + pos[1] * (SIZE - 2 * margin)


def _line(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float, float, float]:
    """The segment between two pupils, shortened so it starts and ends at their circles."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    return (
        a[0] + ux * RADIUS,
        a[1] + uy * RADIUS,
        b[0] - ux * (RADIUS + 3),
        b[1] - uy * (RADIUS + 3),
    )


def sociogram_svg(
    value: dict[str, Any], *, show_negative: bool = True, pupils: str = "leerlingen"
) -> str:
    """An accessible SVG of a saved sociogram answer (the widget's class data); '' for an empty class."""
    from workbook.sociogram.analysis import NEGATIVE, analyse, layout
    from workbook.sociogram.io import class_from_dict

    data = class_from_dict(value)
    if not data.pupils:
        return ""
    result = analyse(data)
    points = {pid: _point(p) for pid, p in layout(data, result).items()}
    valence = {q.id: q.valence for q in data.questions}
    positive = {
        (n.source, n.target) for n in data.nominations if valence.get(n.question) != NEGATIVE
    }
    negative = {
        (n.source, n.target) for n in data.nominations if valence.get(n.question) == NEGATIVE
    }
    uid = hashlib.sha1(repr(sorted(positive | negative)).encode()).hexdigest()[:8]
    names = {p.id: (p.label or p.id) for p in data.pupils}
    isolates = set(result["class"]["isolates"])

    lines = []
    for src, dst in sorted(positive):
        if (dst, src) in positive and src > dst:
            continue  # a mutual pair is drawn once, bold, without arrow heads
        x1, y1, x2, y2 = _line(points[src], points[dst])
        if (dst, src) in positive:
            lines.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2 + 0:.1f}" y2="{y2:.1f}" '
                'stroke="#1d4ed8" stroke-width="4"/>'
            )
        else:
            lines.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#1d4ed8" '
                f'stroke-width="1.6" marker-end="url(#pos-{uid})"/>'
            )
    if show_negative:
        for src, dst in sorted(negative):
            x1, y1, x2, y2 = _line(points[src], points[dst])
            lines.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#b91c1c" '
                f'stroke-width="1.6" stroke-dasharray="6 4" marker-end="url(#neg-{uid})"/>'
            )
    nodes = []
    for pid, (x, y) in points.items():
        fill = "#fde68a" if pid in isolates else "#e0e7ff"
        nodes.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}" fill="{fill}" stroke="#1e293b" stroke-width="1.5"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="12" text-anchor="middle" fill="#0f172a">'
            f"{html.escape(names[pid][:10])}</text>"
        )
    mutual = len(result["class"]["mutual_pairs"])

    def choices(n: int, kind: str) -> str:
        return f"{n} {kind} keuze" + ("" if n == 1 else "s")

    summary = (
        f"Sociogram van {len(data.pupils)} {pupils}: {choices(len(positive), 'positieve')}, "
        f"{mutual} wederzijds, {choices(len(negative), 'negatieve')}"
        + (f"; niet gekozen: {', '.join(names[i] for i in sorted(isolates))}" if isolates else "")
    )
    arrow = '<path d="M0,0 L8,4 L0,8 z" fill="{}"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" '
        f'role="img" aria-label="{html.escape(summary)}"><title>{html.escape(summary)}</title>'
        f'<defs><marker id="pos-{uid}" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto">'
        f'{arrow.format("#1d4ed8")}</marker><marker id="neg-{uid}" markerWidth="8" markerHeight="8" refX="7" '
        f'refY="4" orient="auto">{arrow.format("#b91c1c")}</marker></defs>'
        f'<rect width="{SIZE}" height="{SIZE}" fill="#ffffff"/>'
        + "".join(lines)
        + "".join(nodes)
        + "</svg>"
    )
