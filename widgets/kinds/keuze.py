"""A choice without right or wrong (check-in forms such as a weather report or an emoji)."""

from __future__ import annotations

import unicodedata
from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget
from widgets.kinds.choices import Choices
from widgets.shared import make
from workbook.kinds.keuze import KeuzeAnswer

# Dutch words for emoji that authors may use on their own, so every option has a readable name.
EMOJI_WORDS = {
    "😀": "blij",
    "😃": "blij",
    "😄": "vrolijk",
    "😊": "tevreden",
    "🙂": "goed",
    "😐": "gewoon",
    "😕": "twijfel",
    "🙁": "niet zo goed",
    "😢": "verdrietig",
    "😭": "heel verdrietig",
    "😠": "boos",
    "😡": "heel boos",
    "😴": "moe",
    "🥱": "moe",
    "😰": "gespannen",
    "😟": "bezorgd",
    "🤩": "enthousiast",
    "😎": "ontspannen",
    "🤔": "nadenkend",
    "😬": "ongemakkelijk",
    "☀️": "zonnig",
    "☀": "zonnig",
    "🌤️": "licht bewolkt",
    "⛅": "half bewolkt",
    "🌥️": "bewolkt",
    "☁️": "bewolkt",
    "🌦️": "buien",
    "🌧️": "regen",
    "⛈️": "onweer",
    "🌩️": "onweer",
    "❄️": "sneeuw",
    "🌈": "regenboog",
    "🌪️": "storm",
    "🌫️": "mist",
}


def has_words(text: str) -> bool:
    """True when the text holds a letter or a digit, not only emoji or signs."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def readable(text: str, number: int) -> str:
    """An option's visible label: an emoji on its own gets a Dutch word beside it."""
    if has_words(text):
        return text
    word = EMOJI_WORDS.get(text.strip()) or labels.KEUZE_OPTION.format(n=number)
    return f"{text} {word}"


class KeuzeWidget(ExerciseWidget):
    """Radio buttons (one choice) or checkboxes (several, with multiple: true)."""

    def build(self) -> list[w.Widget]:
        self.options = list(self.spec["options"])
        shown = [readable(self.words(o), n) for n, o in enumerate(self.options, start=1)]
        self.choices = Choices(shown, self.spec["multiple"], self.changed)
        self.choices.widget.add_class("wb-keuze-options")
        hint = labels.KEUZE_MANY if self.choices.multiple else labels.KEUZE_ONE
        return [make(w.HTML, f'<p class="wb-hint">{hint}</p>'), self.choices.widget]

    @property
    def radio(self) -> w.RadioButtons | None:
        return self.choices.radio

    @property
    def boxes(self) -> list[w.Checkbox]:
        return self.choices.boxes

    def controls(self) -> list[w.Widget]:
        return self.choices.controls()

    def value(self) -> KeuzeAnswer:
        return KeuzeAnswer(chosen=[self.options[i] for i in self.choices.chosen()])

    def restore(self, value: Any) -> None:
        chosen = value.get("chosen", []) if isinstance(value, dict) else []
        self.choices.select([self.options.index(c) for c in chosen if c in self.options])
