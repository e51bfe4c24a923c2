"""Controls that share their Layout and Style models with other controls.

Every ipywidgets control brings its own Layout model and, if it has a description, its own Style
model. A module page holds a few hundred controls, and the browser loads and builds every model
before it shows the first widget. Controls made with `make` share one Layout and one Style per
distinct setting, which takes about half of the models off a page.

Never change the `.layout` or `.style` of a control made here: that would change every control
that shares it. A control that is shown and hidden gets its own `w.Layout(...)` instead.
"""

from __future__ import annotations

from typing import Any, TypeVar

import ipywidgets as w

W = TypeVar("W", bound=w.Widget)

_SHARED: dict[tuple, w.Widget] = {}
_FROZEN: dict[type, type] = {}


class SharedModelError(AttributeError):
    """A control tried to change a Layout or Style that other controls share."""


class _Frozen:
    """Refuses changes to synced traits once made: a change would show on every control sharing it."""

    _frozen = False

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen and name in self.keys:  # type: ignore[attr-defined]
            raise SharedModelError(
                f"This {type(self).__name__} is shared by many controls; give the control its own "
                f"w.Layout() (or style) to change '{name}'."
            )
        super().__setattr__(name, value)


def _shared(kind: type[w.Widget], traits: dict[str, Any]) -> w.Widget:
    key = (kind, tuple(sorted(traits.items())))
    found = _SHARED.get(key)
    if found is None or found.comm is None:  # also after Widget.close_all()
        frozen = _FROZEN.setdefault(kind, type(kind.__name__, (_Frozen, kind), {}))
        found = _SHARED[key] = frozen(**traits)
        found._frozen = True
    return found


def shared_layout(**traits: Any) -> w.Layout:
    """The one Layout with these settings; do not change it."""
    return _shared(w.Layout, traits)


def make(
    cls: type[W],
    *args: Any,
    layout: dict[str, Any] | w.Layout | None = None,
    style: dict[str, Any] | None = None,
    **traits: Any,
) -> W:
    """cls(*args, **traits) with a shared Layout (or the control's own, if a w.Layout is given)
    and, for controls that have one, a shared Style."""
    extra: dict[str, Any] = {
        "layout": layout if isinstance(layout, w.Layout) else shared_layout(**(layout or {}))
    }
    style_trait = cls.class_traits().get("style")
    if style_trait is not None:
        extra["style"] = _shared(style_trait.klass, style or {})
    return cls(*args, **extra, **traits)
