"""Answer any exercise through its widget's own controls, as a participant would (for contract tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from widgets.registry import widget_class
from workbook.content.catalog import Exercise

Filler = Callable[[Any, Path], None]


def widget_for(ex: Exercise, words: tuple[str, str]) -> Any:
    """The widget a page shows for this exercise, with the sector's words."""
    return widget_class(ex.kind)(ex, *words)


def _meerkeuze(widget: Any, _root: Path) -> None:
    options = widget.spec["options"]
    right = [i for i, o in enumerate(options) if o["correct"]]
    wrong = (
        next(i for i, o in enumerate(options) if not o["correct"])
        if len(right) < len(options)
        else None
    )
    if widget.choices.multiple:
        for i in [*right[:1], *([wrong] if wrong is not None else [])]:
            widget.choices.boxes[i].value = True
    else:
        widget.choices.radio.index = wrong if wrong is not None else right[0]
    widget.check.click()


def _keuze(widget: Any, _root: Path) -> None:
    if widget.choices.multiple:
        widget.choices.boxes[0].value = True
        widget.choices.boxes[-1].value = True
    else:
        widget.choices.radio.index = len(widget.choices.radio.options) - 1


def _open(widget: Any, _root: Path) -> None:
    widget.text.value = "Ik let meer op de rust in de klas.\nEn ik vraag vaker hoe het gaat."


def _schaal(widget: Any, _root: Path) -> None:
    for n, row in enumerate(widget.rows):
        row.index = n % len(row.options)


def _rangschikken(widget: Any, _root: Path) -> None:
    widget.move(0, +1)
    if widget.spec["ordered"]:
        widget.check.click()


def _checklist(widget: Any, _root: Path) -> None:
    widget.boxes[0].value = True
    widget.boxes[-1].value = True


def _actiepunten(widget: Any, _root: Path) -> None:
    """Two points: one with every field (the 'why' one of the offered signals when there are
    any), and one with only the 'what'."""
    first = widget.rows[0]
    first.what.value = "Elke maandag een check-in in de klas"
    first.why.value = (first.why.options or ("Veel onrust na het weekend",))[0]
    first.layer.value = "base"
    first.group.value = "klas 2b"
    first.who.value = "ik, samen met de mentor"
    first.when.value = "na de herfstvakantie"
    first.measure.value = "de klas is na tien minuten rustig"
    first.school.value = True
    widget.add.click()
    widget.rows[1].what.value = "Met het team de piramide bespreken"


def _indelen(widget: Any, _root: Path) -> None:
    for n, picker in enumerate(widget.pickers):
        picker.value = widget.categories[n % len(widget.categories)]
    if widget.spec["checkable"]:
        widget.check.click()


def _tabel(widget: Any, _root: Path) -> None:
    for r, line in enumerate(widget.cells, start=1):
        for c, cell in enumerate(line, start=1):
            cell.value = f"Afspraak {r}.{c} met het team"


def _thermometer(widget: Any, _root: Path) -> None:
    widget.radio.index = 6


def _schijf(widget: Any, _root: Path) -> None:
    for n, row in enumerate(widget.rows):
        row.index = n % len(row.options)


def _piramide(widget: Any, root: Path) -> None:
    assert widget.import_text(
        (root / "examples" / "piramide-regenboog.yaml").read_text(encoding="utf-8")
    )


def _sociogram(widget: Any, root: Path) -> None:
    folder = root / "examples" / "sociogram"
    widget.import_noms.value = (folder / "nominaties.csv").read_text(encoding="utf-8")
    widget.import_roster.value = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    widget.import_button.click()
    if widget.confirm_box.layout.display != "none":
        widget.confirm.click()


def _uitwisseling(widget: Any, _root: Path) -> None:
    widget.group.value = widget.group.options[-1][1]  # a table
    widget.text.value = "We spreiden de toetsen beter.\nEn we vragen de mentor om mee te kijken."


FILLERS: dict[str, Filler] = {
    "meerkeuze": _meerkeuze,
    "keuze": _keuze,
    "open": _open,
    "schaal": _schaal,
    "rangschikken": _rangschikken,
    "checklist": _checklist,
    "actiepunten": _actiepunten,
    "indelen": _indelen,
    "tabel": _tabel,
    "thermometer": _thermometer,
    "schijf": _schijf,
    "piramide": _piramide,
    "sociogram": _sociogram,
    "uitwisseling": _uitwisseling,
}


def answer_like_a_participant(widget: Any, root: Path) -> None:
    """Use the widget's controls to give a realistic, complete answer."""
    FILLERS[widget.exercise.kind](widget, root)
