"""Saved answers as plain Dutch text lines, per exercise kind (for reports and exports)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.catalog import Exercise

EMPTY = "(niet ingevuld)"


def as_number(value: Any) -> float | None:
    """A single mark from an answer such as 7, {"score": 7} or {"value": 7}; None if there is none."""
    if isinstance(value, dict):
        for key in ("score", "value", "mark", "cijfer"):
            if key in value:
                return as_number(value[key])
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def chosen_indices(value: Any, options: list[str] | None = None) -> list[int]:
    """The option numbers chosen in a meerkeuze/keuze answer: {"chosen": [..]} of numbers or option texts."""
    raw = value.get("chosen", []) if isinstance(value, dict) else value
    if isinstance(raw, (int, str)) and not isinstance(raw, bool):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw:
        if isinstance(item, str) and options and item in options:
            out.append(options.index(item))
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append(item)
    return out


def option_texts(exercise: Exercise) -> list[str]:
    """The option texts of a meerkeuze or keuze exercise."""
    return [o["text"] if isinstance(o, dict) else str(o) for o in exercise.spec.get("options", [])]


def scale_rows(exercise: Exercise) -> list[str]:
    """The rows of a schaal (its statements, or the prompt) or schijf (its segment names)."""
    if exercise.kind == "schijf":
        return [s["name"] for s in exercise.spec["segments"]]
    return list(exercise.spec.get("statements") or [exercise.title])


def row_scores(exercise: Exercise, value: Any) -> list[int | None]:
    """One 1-based score (or None) per row of a schaal or schijf answer."""
    rows = scale_rows(exercise)
    raw: Any = value
    if isinstance(value, dict):
        raw = value.get("scores", value.get("ratings", value))
    if isinstance(raw, dict):
        raw = [raw.get(r) for r in rows]
    if not isinstance(raw, list):
        return [None] * len(rows)
    out: list[int | None] = []
    for v in raw[: len(rows)]:
        out.append(int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None)
    return out + [None] * (len(rows) - len(out))


def placements(exercise: Exercise, value: Any) -> dict[str, str]:
    """item -> category of an indelen answer ({"placed": {...}} or {"groups": {cat: [items]}})."""
    if not isinstance(value, dict):
        return {}
    if isinstance(value.get("groups"), dict):
        return {str(i): str(c) for c, items in value["groups"].items() if isinstance(items, list)
                for i in items}
    raw = value.get("placed", value.get("placement", value))
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}


def action_items(value: Any) -> list[dict[str, str]]:
    """The actiepunten of an answer: [{"text", "when"}] with empty ones left out."""
    items = value.get("items", []) if isinstance(value, dict) else []
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and str(item.get("text", "")).strip():
            out.append({"text": str(item["text"]).strip(), "when": str(item.get("when", "")).strip()})
    return out


def _choice(ex: Exercise, v: Any) -> list[str]:
    texts = option_texts(ex)
    return [texts[i] for i in chosen_indices(v, texts) if 0 <= i < len(texts)]


def _scale(ex: Exercise, v: Any) -> list[str]:
    points = ex.spec.get("points", [])
    out = []
    for row, score in zip(scale_rows(ex), row_scores(ex, v)):
        if score is not None:
            label = points[score - 1] if 0 < score <= len(points) else str(score)
            out.append(f"{row}: {label}")
    return out


def _ranking(_ex: Exercise, v: Any) -> list[str]:
    order = v.get("order", []) if isinstance(v, dict) else []
    return [f"{n}. {item}" for n, item in enumerate(order, start=1)]


def _checklist(_ex: Exercise, v: Any) -> list[str]:
    return [str(i) for i in (v.get("checked", []) if isinstance(v, dict) else [])]


def _actions(_ex: Exercise, v: Any) -> list[str]:
    return [a["text"] + (f" ({a['when']})" if a["when"] else "") for a in action_items(v)]


def _open(_ex: Exercise, v: Any) -> list[str]:
    return [line for line in str(v).splitlines() if line.strip()] if isinstance(v, str) else []


def _indelen(ex: Exercise, v: Any) -> list[str]:
    return [f"{item}: {cat}" for item, cat in placements(ex, v).items()]


def _table(_ex: Exercise, v: Any) -> list[str]:
    rows = v.get("rows", []) if isinstance(v, dict) else v if isinstance(v, list) else []
    out = []
    for row in rows:
        cells = list(row.values()) if isinstance(row, dict) else row if isinstance(row, list) else [row]
        text = " | ".join(str(c) for c in cells if str(c).strip())
        if text:
            out.append(text)
    return out


def _thermometer(_ex: Exercise, v: Any) -> list[str]:
    mark = as_number(v)
    return [] if mark is None else [f"{mark:g}"]


def _pyramid(_ex: Exercise, v: Any) -> list[str]:
    layers = v.get("layers", {}) if isinstance(v, dict) else {}
    out = []
    for layer, items in layers.items() if isinstance(layers, dict) else []:
        names = [str(i.get("name", "")) for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        if names:
            out.append(f"{layer}: " + ", ".join(names))
    return out


def _generic(_ex: Exercise, v: Any) -> list[str]:
    import json

    return [json.dumps(v, ensure_ascii=False)] if v not in (None, "", [], {}) else []


TEXTS: dict[str, Callable[[Exercise, Any], list[str]]] = {
    "meerkeuze": _choice, "keuze": _choice, "schaal": _scale, "schijf": _scale,
    "rangschikken": _ranking, "checklist": _checklist, "actiepunten": _actions, "open": _open,
    "indelen": _indelen, "tabel": _table, "thermometer": _thermometer, "piramide": _pyramid,
}


def answer_lines(exercise: Exercise, value: Any) -> list[str]:
    """The answer as readable lines; never raises on an unexpected shape."""
    if value is None:
        return []
    try:
        return TEXTS.get(exercise.kind, _generic)(exercise, value)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        return _generic(exercise, value)


def answer_text(exercise: Exercise, value: Any) -> str:
    """The answer on one line (for a table cell), or '(niet ingevuld)'."""
    return "; ".join(answer_lines(exercise, value)) or EMPTY
