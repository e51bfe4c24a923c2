"""The exercise kinds and their schemas: one validator per kind, each raising Dutch ContentErrors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.errors import ContentError

SCHEMA_VERSION = 1


class Fields:
    """Reads fields of one YAML mapping and explains in Dutch what is wrong, naming file and field."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, field: str, problem: str, fix: str) -> ContentError:
        return ContentError(f"{self.where}: veld '{field}' {problem}. {fix}")

    def text(self, field: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(field)
        if value is None:
            if required:
                raise self.fail(field, "ontbreekt", f"Voeg een tekst toe: {field}: \"...\".")
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "moet een niet-lege tekst zijn", f"Schrijf: {field}: \"...\".")
        return value.strip()

    def integer(self, field: str, *, default: int, low: int, high: int) -> int:
        value = self.data.get(field, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(
                field, f"is {value!r}", f"Gebruik een heel getal van {low} tot en met {high}."
            )
        return value

    def flag(self, field: str, *, default: bool) -> bool:
        value = self.data.get(field, default)
        if not isinstance(value, bool):
            raise self.fail(field, f"is {value!r}", "Gebruik true of false.")
        return value

    def texts(self, field: str, *, minimum: int = 1, required: bool = True) -> list[str]:
        value = self.data.get(field)
        if value is None and not required:
            return []
        if not isinstance(value, list) or len(value) < minimum:
            raise self.fail(
                field,
                "ontbreekt of is te kort" if value is None or isinstance(value, list) else "is geen lijst",
                f"Geef een lijst met minstens {minimum} teksten, elk op een regel met '- '.",
            )
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(
                    f"{field}[{i}]", "is geen tekst", "Schrijf elk onderdeel als tekst na '- '."
                )
        if len({v.strip() for v in value}) != len(value):
            raise self.fail(field, "bevat een onderdeel twee keer", "Haal het dubbele onderdeel weg.")
        return [v.strip() for v in value]

    def mappings(self, field: str, *, minimum: int = 1) -> list[Fields]:
        value = self.data.get(field)
        if not isinstance(value, list) or len(value) < minimum:
            raise self.fail(
                field,
                "ontbreekt of is te kort",
                f"Geef een lijst met minstens {minimum} onderdelen, elk met '- text: ...'.",
            )
        out = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                raise self.fail(f"{field}[{i}]", "is geen onderdeel met velden", "Schrijf '- text: ...'.")
            out.append(Fields(item, f"{self.where}: {field}[{i}]"))
        return out

    def only(self, allowed: set[str]) -> None:
        extra = sorted(set(self.data) - allowed)
        if extra:
            raise self.fail(
                extra[0], "is onbekend", "Toegestane velden zijn: " + ", ".join(sorted(allowed)) + "."
            )


COMMON = {"schema", "kind", "title", "prompt", "help"}

Validator = Callable[[Fields], dict[str, Any]]
KINDS: dict[str, Validator] = {}
KIND_LABELS: dict[str, str] = {}


def register_kind(name: str, label: str) -> Callable[[Validator], Validator]:
    """Register a validator that returns the kind-specific spec of an exercise."""

    def deco(func: Validator) -> Validator:
        KINDS[name] = func
        KIND_LABELS[name] = label
        return func

    return deco


@register_kind("meerkeuze", "meerkeuzevraag")
def _meerkeuze(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"options"})
    options = []
    for opt in f.mappings("options", minimum=2):
        opt.only({"text", "correct", "feedback"})
        options.append(
            {
                "text": opt.text("text"),
                "correct": opt.flag("correct", default=False),
                "feedback": opt.text("feedback", required=False),
            }
        )
    if not any(o["correct"] for o in options):
        raise f.fail("options", "heeft geen goed antwoord", "Zet bij minstens één antwoord correct: true.")
    if len({o["text"] for o in options}) != len(options):
        raise f.fail("options", "bevat een antwoord twee keer", "Maak elk antwoord uniek.")
    return {"options": options, "multiple": sum(o["correct"] for o in options) > 1}


@register_kind("open", "open reflectievraag")
def _open(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"placeholder", "lines"})
    return {
        "placeholder": f.text("placeholder", required=False, default="Typ hier je antwoord"),
        "lines": f.integer("lines", default=4, low=1, high=20),
    }


@register_kind("schaal", "schaalvraag")
def _schaal(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"points", "statements", "concern_max", "summary_title"})
    points = f.texts("points", minimum=2)
    if len(points) > 10:
        raise f.fail("points", "heeft meer dan 10 punten", "Gebruik een schaal van 2 tot 10 punten.")
    statements = f.texts("statements", required=False)
    concern_max = f.data.get("concern_max")
    if concern_max is not None:
        concern_max = f.integer("concern_max", default=1, low=1, high=len(points) - 1)
    return {
        "points": points,
        "statements": statements,
        "concern_max": concern_max,
        "summary_title": f.text("summary_title", required=False, default="Samenvatting"),
    }


@register_kind("rangschikken", "rangschikken")
def _rangschikken(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"items", "ordered", "feedback_correct", "feedback_wrong"})
    ordered = f.flag("ordered", default=False)
    spec: dict[str, Any] = {"items": f.texts("items", minimum=2), "ordered": ordered}
    if ordered:
        spec["feedback_correct"] = f.text("feedback_correct")
        spec["feedback_wrong"] = f.text("feedback_wrong")
    return spec


@register_kind("checklist", "checklist")
def _checklist(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"items", "reflection"})
    return {"items": f.texts("items"), "reflection": f.text("reflection", required=False)}


@register_kind("actiepunten", "mijn actiepunten")
def _actiepunten(f: Fields) -> dict[str, Any]:
    f.only(COMMON | {"max_items"})
    return {"max_items": f.integer("max_items", default=5, low=1, high=10)}


def validate_spec(data: Any, where: str) -> tuple[str, str, str, str, dict[str, Any]]:
    """Check the common fields and the kind's own; return (kind, title, prompt, help, spec)."""
    if not isinstance(data, dict):
        raise ContentError(
            f"{where}: het bestand is geen lijst met velden. Begin met 'schema: {SCHEMA_VERSION}' en "
            "'kind: ...' op aparte regels."
        )
    f = Fields(data, where)
    version = data.get("schema")
    if version != SCHEMA_VERSION:
        raise f.fail(
            "schema", f"is {version!r}", f"Deze versie van het werkboek leest schema {SCHEMA_VERSION}."
        )
    kind = data.get("kind")
    if kind not in KINDS:
        raise f.fail("kind", f"is {kind!r}", "Kies een van: " + ", ".join(sorted(KINDS)) + ".")
    title = f.text("title")
    prompt = f.text("prompt")
    help_text = f.text("help", required=False)
    spec = KINDS[kind](f)
    return kind, title, prompt, help_text, spec


# -- Kinds for the other modules. Their widgets live in widgets/<kind>.py. --------------------------

PYRAMID_LAYERS = ("foundation", "base", "extra", "intensive")


@register_kind("keuze", "keuzevraag zonder goed of fout")
def _keuze(f: Fields) -> dict[str, Any]:
    """A choice without a right answer (check-in forms: weather report, emoji)."""
    f.only(COMMON | {"options", "multiple"})
    return {"options": f.texts("options", minimum=2), "multiple": f.flag("multiple", default=False)}


@register_kind("indelen", "indelen in groepen")
def _indelen(f: Fields) -> dict[str, Any]:
    """Sort items into categories; with a category per item, the answer can be checked."""
    f.only(COMMON | {"categories", "items"})
    categories = f.texts("categories", minimum=2)
    items = []
    for item in f.mappings("items", minimum=2):
        item.only({"text", "category", "feedback"})
        category = item.data.get("category")
        if category is not None and category not in categories:
            raise item.fail("category", f"is {category!r}", "Kies een van: " + ", ".join(categories) + ".")
        items.append({"text": item.text("text"), "category": category,
                      "feedback": item.text("feedback", required=False)})
    checked = [i["category"] is not None for i in items]
    if any(checked) and not all(checked):
        raise f.fail("items", "heeft bij sommige onderdelen een category en bij andere niet",
                     "Geef elk onderdeel een category, of geen enkel.")
    if len({i["text"] for i in items}) != len(items):
        raise f.fail("items", "bevat een onderdeel twee keer", "Maak elk onderdeel uniek.")
    return {"categories": categories, "items": items, "checkable": all(checked)}


@register_kind("tabel", "invultabel")
def _tabel(f: Fields) -> dict[str, Any]:
    """A table to fill in: fixed row labels (or numbered rows) and free-text columns."""
    f.only(COMMON | {"columns", "rows", "row_labels"})
    labels_ = f.texts("row_labels", required=False)
    return {
        "columns": f.texts("columns", minimum=1),
        "row_labels": labels_,
        "rows": len(labels_) or f.integer("rows", default=3, low=1, high=12),
    }


@register_kind("thermometer", "gevoelsthermometer")
def _thermometer(f: Fields) -> dict[str, Any]:
    """A mark from 1 to 10 with labelled ends; the page shows the group's spread anonymously."""
    f.only(COMMON | {"low_label", "high_label", "group_minimum"})
    return {
        "low_label": f.text("low_label"),
        "high_label": f.text("high_label"),
        "group_minimum": f.integer("group_minimum", default=3, low=2, high=50),
    }


@register_kind("schijf", "Schijf van Zeven")
def _schijf(f: Fields) -> dict[str, Any]:
    """Rate each segment of a wheel (the Schijf van Zeven) and see the wheel drawn."""
    f.only(COMMON | {"segments", "points"})
    segments = []
    for seg in f.mappings("segments", minimum=3):
        seg.only({"name", "description"})
        segments.append({"name": seg.text("name"), "description": seg.text("description")})
    return {"segments": segments, "points": f.texts("points", minimum=2)}


@register_kind("piramide", "ondersteuningspiramide invullen")
def _piramide(f: Fields) -> dict[str, Any]:
    """Place activities in the layers of the support pyramid (all four, or a subset such as the fundament)."""
    f.only(COMMON | {"layers"})
    layers = f.texts("layers", required=False) or list(PYRAMID_LAYERS)
    for layer in layers:
        if layer not in PYRAMID_LAYERS:
            raise f.fail("layers", f"noemt {layer!r}", "Kies uit: " + ", ".join(PYRAMID_LAYERS) + ".")
    return {"layers": layers}


@register_kind("sociogram", "sociogram van een klas")
def _sociogram(f: Fields) -> dict[str, Any]:
    """Enter, draw or import a class sociogram and see its analysis."""
    f.only(COMMON | {"questions"})
    return {"questions": f.texts("questions", required=False)}
