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


def register_widget(kind: str, factory: Callable[..., ExerciseWidget]) -> None:
    """Let a widget module add its kind (used by heavier widgets that load lazily)."""
    WIDGETS[kind] = factory
