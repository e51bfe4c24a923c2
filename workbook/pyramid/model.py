"""The pyramid's layers, their Dutch names, the reference shape and the analysis result."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The layers in the file format, bottom to top; the saved value uses these keys.
PYRAMID_LAYERS = ("foundation", "base", "extra", "intensive")
LAYER_NAMES = {
    "foundation": "Fundament",
    "base": "Sterke basis",
    "extra": "Extra ondersteuning",
    "intensive": "Intensieve ondersteuning",
}
# The reference shape: the share of pupils (in %) each layer is meant for.
REFERENCE = {"base": (80, 90), "extra": (5, 15), "intensive": (1, 5)}
UPPER = ("extra", "intensive")
TOP_HEAVY_SHARE = 1 / 3
ITEM_FIELDS = {"name", "hours_per_week", "reach_pct"}


@dataclass
class LayerSummary:
    """What one layer holds: items, hours, share of all hours, reach, and the reference range."""

    count: int
    hours: float
    hours_share: float
    reach_pct: float | None
    reference: tuple[int, int] | None = None
    compared: str = "onbekend"  # "onder", "binnen", "boven" the reference, or "onbekend"


@dataclass
class PyramidAnalysis:
    """The analysis of a filled-in pyramid; `to_json()` gives the documented --json object."""

    school: str
    layers: dict[str, LayerSummary]
    total_hours: float
    inverted: bool
    top_heavy: bool
    empty: bool
    empty_foundation: bool
    verdict: str
    signals: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for layer in data["layers"].values():
            layer["reference"] = list(layer["reference"]) if layer["reference"] else None
        return data
