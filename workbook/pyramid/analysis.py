"""The ondersteuningspiramide: read a team's filled-in pyramid, analyse its shape, and draw it.

The file format (YAML or JSON) and the value the pyramid widget saves are the same structure::

    school: "OBS De Regenboog"
    layers:
      foundation: [{name: "Intervisie", hours_per_week: 2}]
      base: [{name: "Kanjertraining", hours_per_week: 3, reach_pct: 100}]
      extra: []
      intensive: [{name: "Schoolmaatschappelijk werk", hours_per_week: 6, reach_pct: 2}]

Definitions used by the analysis:

- hours_share: a layer's hours as a fraction (0-1) of the hours in all four layers.
- compared: the layer's reach against REFERENCE ("onder", "binnen", "boven", "onbekend"); for the
  base, reaching more than 90% also counts as "binnen", since the base is meant for every pupil.
- reach_pct: the highest reach of any item in the layer (items may reach the same pupils, so
  the highest one is a safe lower bound for the whole layer); None when no item states a reach.
- inverted: the extra and intensive layers together get more hours than the strong base.
  When no item has hours, the number of items is used instead.
- top_heavy: the extra and intensive layers get at least a third of the hours of the three pupil
  layers (so an inverted pyramid is also top-heavy).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from workbook.errors import ImportDataError
from workbook.pyramid.model import (
    ITEM_FIELDS,
    LAYER_NAMES,
    PYRAMID_LAYERS,
    REFERENCE,
    TOP_HEAVY_SHARE,
    UPPER,
    LayerSummary,
    PyramidAnalysis,
)
from workbook.yamltext import parse_yaml

# -- reading ---------------------------------------------------------------------------------------


def empty_pyramid(school: str = "") -> dict[str, Any]:
    """A pyramid with four empty layers."""
    return {"school": school, "layers": {layer: [] for layer in PYRAMID_LAYERS}}


def _number(value: Any, where: str, field_name: str, low: float, high: float | None) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise ImportDataError(
                f"{where}: {field_name} is '{value}'. Schrijf een getal, bijvoorbeeld 2 of 1,5."
            ) from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ImportDataError(
            f"{where}: {field_name} is {value!r}. Schrijf een getal, bijvoorbeeld 2."
        )
    if value < low or (high is not None and value > high):
        limit = f"van {low:g} tot en met {high:g}" if high is not None else f"van {low:g} of meer"
        raise ImportDataError(f"{where}: {field_name} is {value:g}. Gebruik een getal {limit}.")
    return int(value) if float(value).is_integer() else round(float(value), 2)


def _item(raw: Any, where: str) -> dict[str, Any]:
    if isinstance(raw, str) and raw.strip():
        raw = {"name": raw}
    if not isinstance(raw, dict):
        raise ImportDataError(
            f'{where} is geen onderdeel. Schrijf het als {{name: "...", hours_per_week: 2}}.'
        )
    extra = sorted(set(raw) - ITEM_FIELDS, key=str)
    if extra:
        raise ImportDataError(
            f"{where}: veld '{extra[0]}' is onbekend. Gebruik alleen name, hours_per_week en reach_pct."
        )
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ImportDataError(f"{where}: name ontbreekt. Geef elk onderdeel een naam.")
    item: dict[str, Any] = {
        "name": name.strip(),
        "hours_per_week": _number(raw.get("hours_per_week", 0), where, "hours_per_week", 0, None),
    }
    if raw.get("reach_pct") is not None:
        item["reach_pct"] = _number(raw["reach_pct"], where, "reach_pct", 0, 100)
    return item


def validate_pyramid(data: Any, where: str = "de piramide") -> dict[str, Any]:
    """Check a pyramid in the file format and return it normalised (all four layers present)."""
    if data is None:
        raise ImportDataError(f"{where} is leeg. Begin met 'school: ...' en 'layers:'.")
    if not isinstance(data, dict):
        raise ImportDataError(
            f"{where} is geen lijst met velden. Begin met 'school: ...' en 'layers:' op aparte regels."
        )
    unknown = sorted(set(data) - {"school", "layers"}, key=str)
    if unknown:
        raise ImportDataError(
            f"{where}: veld '{unknown[0]}' is onbekend. Gebruik alleen school en layers."
        )
    school = data.get("school") or ""
    if not isinstance(school, str):
        raise ImportDataError(
            f'{where}: school moet een tekst zijn, bijvoorbeeld school: "De Regenboog".'
        )
    layers = data.get("layers")
    if layers is None:
        layers = {}
    if not isinstance(layers, dict):
        raise ImportDataError(
            f"{where}: layers moet een lijst met lagen zijn: foundation, base, extra en intensive."
        )
    out = empty_pyramid(school.strip())
    for layer, items in layers.items():
        if layer not in PYRAMID_LAYERS:
            raise ImportDataError(
                f"{where}: de laag '{layer}' bestaat niet. Kies uit: "
                + ", ".join(PYRAMID_LAYERS)
                + "."
            )
        if items is None:
            continue
        if not isinstance(items, list):
            raise ImportDataError(
                f"{where}: laag '{layer}' moet een lijst zijn, bijvoorbeeld {layer}: []."
            )
        out["layers"][layer] = [
            _item(raw, f"{where}: {layer}[{i}]") for i, raw in enumerate(items, start=1)
        ]
    return out


def parse_pyramid(text: str, where: str = "de piramide") -> dict[str, Any]:
    """Read a pyramid from YAML or JSON text (JSON is tried first when the text starts with '{')."""
    if not text.strip():
        raise ImportDataError(f"{where} is leeg. Begin met 'school: ...' en 'layers:'.")
    if text.lstrip().startswith("{"):
        try:
            return validate_pyramid(json.loads(text), where)
        except json.JSONDecodeError as exc:
            raise ImportDataError(
                f"{where}: de JSON klopt niet op regel {exc.lineno}. Controleer komma's, haakjes en "
                "aanhalingstekens."
            ) from None
    return validate_pyramid(parse_yaml(text, where, ImportDataError), where)


def load_pyramid(path: str | Path) -> dict[str, Any]:
    """Read and check a pyramid file (YAML or JSON)."""
    path = Path(path)
    if not path.is_file():
        raise ImportDataError(f"Het bestand {path} bestaat niet. Controleer de naam en de map.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ImportDataError(
            f"{path}: het bestand is geen UTF-8-tekst. Sla het op als UTF-8."
        ) from None
    return parse_pyramid(text, str(path))


# -- analysis --------------------------------------------------------------------------------------


def _round(value: float) -> float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _summarise(items: list[dict[str, Any]], total: float, layer: str) -> LayerSummary:
    hours = sum(i["hours_per_week"] for i in items)
    reaches = [i["reach_pct"] for i in items if i.get("reach_pct") is not None]
    reach = max(reaches) if reaches else None
    ref = REFERENCE.get(layer)
    compared = "onbekend"
    if ref and reach is not None:
        compared = "onder" if reach < ref[0] else "boven" if reach > ref[1] else "binnen"
        if layer == "base" and compared == "boven":
            compared = "binnen"  # the base is meant for everyone; reaching all pupils is good
    share = round(hours / total, 3) if total else 0.0
    return LayerSummary(len(items), _round(hours), share, reach, ref, compared)


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def analyse_pyramid(
    data: dict[str, Any],
    pupils: str = "leerlingen",
    layers: tuple[str, ...] | list[str] = PYRAMID_LAYERS,
) -> PyramidAnalysis:
    """Analyse a (validated) pyramid; `layers` limits the signals to the layers the exercise uses."""
    items = {layer: data["layers"].get(layer, []) for layer in PYRAMID_LAYERS}
    total = sum(i["hours_per_week"] for layer in PYRAMID_LAYERS for i in items[layer])
    summary = {layer: _summarise(items[layer], total, layer) for layer in PYRAMID_LAYERS}
    weight = {layer: summary[layer].hours for layer in PYRAMID_LAYERS}
    if not any(weight[layer] for layer in ("base", *UPPER)):
        weight = {layer: summary[layer].count for layer in PYRAMID_LAYERS}
    upper = sum(weight[layer] for layer in UPPER)
    pupil_total = upper + weight["base"]
    whole = set(("base", *UPPER)) <= set(layers)
    inverted = whole and upper > weight["base"]
    top_heavy = whole and pupil_total > 0 and upper / pupil_total >= TOP_HEAVY_SHARE
    empty = not any(summary[layer].count for layer in layers)
    analysis = PyramidAnalysis(
        school=data.get("school", ""),
        layers=summary,
        total_hours=_round(total),
        inverted=inverted,
        top_heavy=top_heavy,
        empty=empty,
        empty_foundation="foundation" in layers and summary["foundation"].count == 0,
        verdict="",
    )
    analysis.signals = _signals(analysis, pupils, layers)
    analysis.verdict = _verdict(analysis, layers)
    return analysis


def _verdict(a: PyramidAnalysis, layers: tuple[str, ...] | list[str]) -> str:
    if a.empty:
        return "Nog leeg"
    if a.inverted:
        return "Omgekeerde piramide"
    if a.top_heavy:
        return "Zware top"
    if set(layers) == {"foundation"}:
        return "Fundament ingevuld"
    return "Stevige basis" if not a.empty_foundation else "Stevige basis, maar geen fundament"


def _signals(a: PyramidAnalysis, pupils: str, layers: tuple[str, ...] | list[str]) -> list[str]:
    s = a.layers
    if a.empty:
        return [
            "De piramide is nog leeg. Schrijf eerst op wat jullie nu al doen, ook kleine dingen. "
            "Zet bij elk onderdeel hoeveel uur per week het kost."
        ]
    out = []
    if a.empty_foundation:
        out.append(
            f"Het fundament is leeg. Een sterk en veerkrachtig team is nodig om {pupils} goed te "
            "steunen. Noteer wat jullie voor het team doen, zoals intervisie of samen leren."
        )
    if "base" in layers and s["base"].count == 0:
        out.append(
            f"De sterke basis is leeg. Dit is wat alle {pupils} krijgen, en het is genoeg voor de "
            "meesten. Begin hier: wat doen jullie in elke klas voor een goede sfeer en groep?"
        )
    upper_hours = _fmt(s["extra"].hours + s["intensive"].hours)
    if a.inverted:
        out.append(
            f"De piramide staat op zijn kop: {upper_hours} uur per week gaat naar extra en intensieve "
            f"steun, en {_fmt(s['base'].hours)} uur naar de sterke basis. Zak in de piramide: kijk "
            f"welke hulp uit de top je voor de hele groep kunt geven, in de klas of via de mentor."
        )
    elif a.top_heavy:
        out.append(
            f"De top is zwaar: extra en intensieve steun krijgen {upper_hours} uur per week. Dat is "
            "veel naast de basis. Zak in de piramide: wat kun je in de basis doen, zodat minder "
            f"{pupils} extra hulp nodig hebben?"
        )
    out += _reach_signals(s, pupils, layers)
    if not out and set(layers) == {"foundation"}:
        out.append(
            "Het fundament is ingevuld. Bespreek samen wat het team sterk en veerkrachtig houdt, "
            "en wat jullie nog missen."
        )
    if not out:
        out.append(
            "De piramide heeft een stevige basis en een smalle top. Zo hoort het. Blijf samen "
            "kijken of de basis ook echt alle " + pupils + " bereikt."
        )
    return out


def _reach_signals(
    s: dict[str, LayerSummary], pupils: str, layers: tuple[str, ...] | list[str]
) -> list[str]:
    out = []
    base, extra, intensive = s["base"], s["extra"], s["intensive"]
    if "base" in layers and base.compared == "onder":
        out.append(
            f"De sterke basis bereikt hoogstens {_fmt(base.reach_pct or 0)}% van de {pupils}. De basis is "
            f"voor iedereen bedoeld en is genoeg voor 80 tot 90%. Hoe kan de basis alle {pupils} bereiken?"
        )
    if "extra" in layers and extra.compared == "boven":
        out.append(
            f"Extra ondersteuning bereikt {_fmt(extra.reach_pct or 0)}% van de {pupils}; het model "
            "rekent op 5 tot 15%. Misschien hoort een deel hiervan in de basis, voor de hele groep."
        )
    if "intensive" in layers and intensive.compared == "boven":
        out.append(
            f"Intensieve ondersteuning bereikt {_fmt(intensive.reach_pct or 0)}% van de {pupils}; het "
            "model rekent op 1 tot 5%. Versterk de basis en de extra steun, zodat minder "
            f"{pupils} intensieve hulp nodig hebben."
        )
    return out


def describe_analysis(a: PyramidAnalysis) -> str:
    """A readable Dutch summary of an analysis, for the command line."""
    head = f"Ondersteuningspiramide{' van ' + a.school if a.school else ''}: {a.verdict}"
    rows = [head, ""]
    for layer in reversed(PYRAMID_LAYERS):
        s = a.layers[layer]
        reach = f", bereik {_fmt(s.reach_pct)}%" if s.reach_pct is not None else ""
        ref = f" (model: {s.reference[0]}-{s.reference[1]}%)" if s.reference else ""
        rows.append(
            f"- {LAYER_NAMES[layer]}: {s.count} {'onderdeel' if s.count == 1 else 'onderdelen'}, "
            f"{_fmt(s.hours)} uur per week "
            f"({round(s.hours_share * 100)}% van alle uren){reach}{ref}"
        )
    rows += ["", f"Omgekeerde piramide: {'ja' if a.inverted else 'nee'}", "", "Signalen:"]
    rows += [f"- {signal}" for signal in a.signals]
    return "\n".join(rows)
