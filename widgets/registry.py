"""Which widget class shows which exercise kind."""

from __future__ import annotations

from collections.abc import Callable

from widgets.actiepunten import ActiepuntenWidget
from widgets.base import ExerciseWidget
from widgets.checklist import ChecklistWidget
from widgets.meerkeuze import MeerkeuzeWidget
from widgets.open import OpenWidget
from widgets.rangschikken import RangschikkenWidget
from widgets.schaal import SchaalWidget

WIDGETS: dict[str, Callable[..., ExerciseWidget]] = {
    "meerkeuze": MeerkeuzeWidget,
    "open": OpenWidget,
    "schaal": SchaalWidget,
    "rangschikken": RangschikkenWidget,
    "checklist": ChecklistWidget,
    "actiepunten": ActiepuntenWidget,
}


def _lazy(module: str, name: str) -> Callable[..., ExerciseWidget]:
    """A factory that imports a heavier widget module only when a page shows that kind."""

    def factory(*args: object, **kwargs: object) -> ExerciseWidget:
        import importlib

        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return factory


WIDGETS.update(
    {
        "keuze": _lazy("widgets.keuze", "KeuzeWidget"),
        "indelen": _lazy("widgets.indelen", "IndelenWidget"),
        "tabel": _lazy("widgets.tabel", "TabelWidget"),
        "thermometer": _lazy("widgets.thermometer", "ThermometerWidget"),
        "schijf": _lazy("widgets.schijf", "SchijfWidget"),
        "piramide": _lazy("widgets.pyramid", "PyramidWidget"),
        "sociogram": _lazy("widgets.sociogram", "SociogramWidget"),
    }
)


def register_widget(kind: str, factory: Callable[..., ExerciseWidget]) -> None:
    """Let a widget module add its kind (used by heavier widgets that load lazily)."""
    WIDGETS[kind] = factory
