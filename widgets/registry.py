"""Which widget shows which exercise kind: one line per kind (the kind itself is in workbook.kinds)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from widgets.base import ExerciseWidget
from workbook.errors import WorkbookError

# kind -> (module, class). Modules are imported only when a page shows that kind.
WIDGET_CLASSES: dict[str, tuple[str, str]] = {
    "meerkeuze": ("widgets.kinds.meerkeuze", "MeerkeuzeWidget"),
    "open": ("widgets.kinds.open", "OpenWidget"),
    "schaal": ("widgets.kinds.schaal", "SchaalWidget"),
    "rangschikken": ("widgets.kinds.rangschikken", "RangschikkenWidget"),
    "checklist": ("widgets.kinds.checklist", "ChecklistWidget"),
    "actiepunten": ("widgets.kinds.actiepunten", "ActiepuntenWidget"),
    "keuze": ("widgets.kinds.keuze", "KeuzeWidget"),
    "indelen": ("widgets.kinds.indelen", "IndelenWidget"),
    "tabel": ("widgets.kinds.tabel", "TabelWidget"),
    "thermometer": ("widgets.kinds.thermometer", "ThermometerWidget"),
    "schijf": ("widgets.kinds.schijf", "SchijfWidget"),
    "piramide": ("widgets.pyramid.widget", "PyramidWidget"),
    "sociogram": ("widgets.sociogram.widget", "SociogramWidget"),
    "uitwisseling": ("widgets.kinds.uitwisseling", "UitwisselingWidget"),
}


def widget_class(kind: str) -> Callable[..., ExerciseWidget]:
    """The widget class of a kind, imported on first use; a Dutch error for a kind without one."""
    if kind not in WIDGET_CLASSES:
        raise WorkbookError(f"Voor oefensoort '{kind}' is geen widget. Kies een andere soort.")
    module, name = WIDGET_CLASSES[kind]
    cls: Callable[..., ExerciseWidget] = getattr(importlib.import_module(module), name)
    return cls
