"""The sectors and their words for pupils: module texts write {leerling} and {leerlingen}."""

from __future__ import annotations

import re

SECTORS = {
    "po": "primair onderwijs",
    "vo": "voortgezet onderwijs",
    "go": "gespecialiseerd onderwijs",
    "mbo": "middelbaar beroepsonderwijs",
}

# The words for "pupil" per sector; module texts use {leerling} and {leerlingen} as placeholders.
PUPIL_WORDS = {
    "po": ("leerling", "leerlingen"),
    "vo": ("leerling", "leerlingen"),
    "go": ("leerling", "leerlingen"),
    "mbo": ("student", "studenten"),
}

PLACEHOLDERS = re.compile(r"\{(leerling|leerlingen|Leerling|Leerlingen)\}")

# (singular, plural): the words that replace {leerling} and {leerlingen}.
Words = tuple[str, str]
DEFAULT_WORDS: Words = PUPIL_WORDS["po"]


def fill_placeholders(text: str, pupil: str, pupils: str) -> str:
    """Put the sector's words into {leerling}/{leerlingen} (and capitalised forms)."""
    words = {"leerling": pupil, "leerlingen": pupils}

    def repl(match: re.Match[str]) -> str:
        key = match.group(1)
        word = words[key.lower()]
        return word.capitalize() if key[0].isupper() else word

    return PLACEHOLDERS.sub(repl, text)


def fill_words(text: str, words: Words) -> str:
    """`fill_placeholders` with the (singular, plural) pair of a sector."""
    return fill_placeholders(text, *words)
