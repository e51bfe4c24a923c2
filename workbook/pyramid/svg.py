"""Draw a filled-in ondersteuningspiramide as an SVG string ."""

from __future__ import annotations

import textwrap
from html import escape
from typing import Any

from workbook.pyramid.model import LAYER_NAMES, PyramidAnalysis

WIDTH = 760
LEFT, PYR_WIDTH, TOP_WIDTH = 20, 350, 170
LIST_X = 390
LINE = 18
MAX_ITEMS = 6
WRAP = 52
COLORS = {"intensive": "#f6c6c0", "extra": "#fbe3a8", "base": "#cde7cd", "foundation": "#c8dbf0"}
VERDICT_COLORS = {"Omgekeerde piramide": "#8a1c1c", "Zware top": "#7a4b00"}


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _num(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _item_line(item: dict[str, Any]) -> str:
    name = item["name"]
    parts = [f"{_num(item['hours_per_week'])} u/wk"]
    if item.get("reach_pct") is not None:
        parts.append(f"{_num(item['reach_pct'])}%")
    return f"{name} ({', '.join(parts)})"


def _lines(items: list[dict[str, Any]]) -> list[str]:
    lines = []
    for item in items[:MAX_ITEMS]:
        wrapped = textwrap.wrap(_item_line(item), WRAP, max_lines=2, placeholder="…")
        lines += ["• " + wrapped[0], *("\u00a0\u00a0\u00a0" + rest for rest in wrapped[1:])]
    if len(items) > MAX_ITEMS:
        lines.append(f"+ nog {len(items) - MAX_ITEMS}")
    return lines or ["(nog leeg)"]


def _height(lines: list[str]) -> int:
    return max(58, 16 + LINE * len(lines))


def _layer_caption(name: str, summary: Any, cx: float, y: float, h: float) -> str:
    things = "onderdeel" if summary.count == 1 else "onderdelen"
    share = f" ({round(summary.hours_share * 100)}%)" if summary.hours else ""
    stats = f"{summary.count} {things} · {_num(summary.hours)} uur{share}"
    mid = y + h / 2
    return (
        f'<text x="{cx:.0f}" y="{mid - 3:.0f}" text-anchor="middle" font-weight="bold">{_e(name)}</text>'
        f'<text x="{cx:.0f}" y="{mid + 14:.0f}" text-anchor="middle" font-size="12">{_e(stats)}</text>'
    )


def _item_list(lines: list[str], y: float, color: str) -> str:
    out = [
        f'<rect x="{LIST_X - 8}" y="{y + 3}" width="6" height="{LINE * len(lines) + 4}" fill="{color}"/>'
    ]
    for n, line in enumerate(lines):
        style = ' fill="#52606d" font-style="italic"' if line == "(nog leeg)" else ""
        out.append(f'<text x="{LIST_X + 4}" y="{y + 17 + n * LINE}"{style}>{_e(line)}</text>')
    return "".join(out)


def _aria(data: dict[str, Any], analysis: PyramidAnalysis, names: dict[str, str]) -> str:
    parts = [
        f"{names[k]}: {s.count} {'onderdeel' if s.count == 1 else 'onderdelen'}, {_num(s.hours)} uur"
        for k, s in analysis.layers.items()
    ]
    school = f" van {data.get('school')}" if data.get("school") else ""
    return (
        f"Ondersteuningspiramide{school}. " + "; ".join(parts) + f". Oordeel: {analysis.verdict}."
    )


def draw(data: dict[str, Any], analysis: PyramidAnalysis) -> str:
    """Three layers as a pyramid, the fundament as a wide band beneath, item lists on the right."""
    layers = data["layers"]
    lines = {k: _lines(layers.get(k, [])) for k in LAYER_NAMES}
    heights = {k: _height(v) for k, v in lines.items()}
    top = 46
    pyramid_h = sum(heights[k] for k in ("intensive", "extra", "base"))
    cx = LEFT + PYR_WIDTH / 2

    def half(y: float) -> float:
        return (TOP_WIDTH + (PYR_WIDTH - TOP_WIDTH) * (y - top) / pyramid_h) / 2

    title = "Ondersteuningspiramide" + (f" – {data['school']}" if data.get("school") else "")
    body = [
        f'<text x="{LEFT}" y="26" font-size="18" font-weight="bold" fill="#102a43">{_e(title)}</text>'
    ]
    y = float(top)
    for key in ("intensive", "extra", "base"):
        h = heights[key]
        a, b = half(y), half(y + h)
        points = f"{cx - a:.1f},{y:.1f} {cx + a:.1f},{y:.1f} {cx + b:.1f},{y + h:.1f} {cx - b:.1f},{y + h:.1f}"
        body.append(
            f'<polygon points="{points}" fill="{COLORS[key]}" stroke="#334e68" stroke-width="1.5"/>'
        )
        body.append(_layer_caption(LAYER_NAMES[key], analysis.layers[key], cx, y, h))
        body.append(_item_list(lines[key], y, COLORS[key]))
        y += h
    y += 8
    h = heights["foundation"]
    body.append(
        f'<rect x="{LEFT}" y="{y}" width="{WIDTH - 2 * LEFT}" height="{h}" rx="6" '
        f'fill="{COLORS["foundation"]}" stroke="#334e68" stroke-width="1.5"/>'
    )
    body.append(_layer_caption(LAYER_NAMES["foundation"], analysis.layers["foundation"], cx, y, h))
    body.append(_item_list(lines["foundation"], y, "#9fbfe0"))
    y += h + 30
    color = VERDICT_COLORS.get(analysis.verdict, "#14532d")
    body.append(
        f'<text x="{LEFT}" y="{y:.0f}" font-size="16" font-weight="bold" fill="{color}">'
        f"Oordeel: {_e(analysis.verdict)}</text>"
    )
    height = int(y + 16)
    label = _aria(data, analysis, LAYER_NAMES)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width:{WIDTH}px" role="img" aria-label="{_e(label)}" '
        f'font-family="system-ui, sans-serif" font-size="13" fill="#102a43">'
        f"<title>{_e(label)}</title>" + "".join(body) + "</svg>"
    )


def pyramid_svg(data: dict[str, Any], analysis: PyramidAnalysis | None = None) -> str:
    """The filled-in pyramid as an accessible SVG picture, analysed here when no analysis is given."""
    from workbook.pyramid.analysis import analyse_pyramid

    return draw(data, analysis or analyse_pyramid(data))
