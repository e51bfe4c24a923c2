"""A choice without right or wrong (check-in forms such as a weather report or an emoji)."""

from __future__ import annotations

import unicodedata
from typing import Any

import ipywidgets as w

from widgets import labels
from widgets.base import ExerciseWidget

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
        self.multiple = self.spec["multiple"]
        if self.multiple:
            self.boxes = [
                w.Checkbox(
                    value=False, description=text, indent=False, layout=w.Layout(width="auto")
                )
                for text in shown
            ]
            for box in self.boxes:
                box.observe(self.changed, "value")
            choice: w.Widget = w.VBox(self.boxes)
            hint = labels.KEUZE_MANY
        else:
            self.radio = w.RadioButtons(
                options=shown, value=None, description="", layout=w.Layout(width="auto")
            )
            self.radio.observe(self.changed, "value")
            choice = self.radio
            hint = labels.KEUZE_ONE
        choice.add_class("wb-keuze-options")
        return [w.HTML(f'<p class="wb-hint">{hint}</p>'), choice]

    def controls(self) -> list[w.Widget]:
        return list(self.boxes) if self.multiple else [self.radio]

    def value(self) -> Any:
        if self.multiple:
            return {
                "chosen": [o for o, b in zip(self.options, self.boxes, strict=False) if b.value]
            }
        index = self.radio.index
        return {"chosen": [] if index is None else [self.options[index]]}

    def restore(self, value: Any) -> None:
        chosen = value.get("chosen", []) if isinstance(value, dict) else []
        chosen = [c for c in chosen if c in self.options]
        if self.multiple:
            for option, box in zip(self.options, self.boxes, strict=False):
                box.value = option in chosen
        else:
            self.radio.index = self.options.index(chosen[0]) if chosen else None
