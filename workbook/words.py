"""The sectors and their words: texts write {leerling}/{leerlingen} and {leraar}/{leraren}.

{leerling} becomes 'leerling' or 'student'; {leraar} becomes 'leerkracht' (po), 'docent' (vo, mbo)
or 'leraar' (go, and wherever no sector is known). A capital first letter ({Leerling}, {Leraren})
gives a capital first letter. Write the plain word 'leraar' where a text means every sector.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SECTORS = {
    "po": "primair onderwijs",
    "vo": "voortgezet onderwijs",
    "go": "gespecialiseerd onderwijs",
    "mbo": "middelbaar beroepsonderwijs",
}

# The words for "pupil" per sector; texts use {leerling} and {leerlingen} as placeholders.
PUPIL_WORDS = {
    "po": ("leerling", "leerlingen"),
    "vo": ("leerling", "leerlingen"),
    "go": ("leerling", "leerlingen"),
    "mbo": ("student", "studenten"),
}

# The words for the professional in front of the group; texts use {leraar} and {leraren}.
TEACHER_WORDS = {
    "po": ("leerkracht", "leerkrachten"),
    "vo": ("docent", "docenten"),
    "go": ("leraar", "leraren"),
    "mbo": ("docent", "docenten"),
}
GENERAL_TEACHER = ("leraar", "leraren")

PLACEHOLDER_NAMES = ("leerling", "leerlingen", "leraar", "leraren")
PLACEHOLDERS = re.compile(
    r"\{(" + "|".join(n for name in PLACEHOLDER_NAMES for n in (name, name.capitalize())) + r")\}"
)
# Anything that looks like a placeholder: a word in curly braces.
ANY_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


class Words(NamedTuple):
    """The words of one sector that replace the placeholders in every text."""

    pupil: str
    pupils: str
    teacher: str = GENERAL_TEACHER[0]
    teachers: str = GENERAL_TEACHER[1]
    sector: str = ""


def words_for(sector: str) -> Words:
    """The words of a sector ('po', 'vo', 'go' or 'mbo')."""
    return Words(*PUPIL_WORDS[sector], *TEACHER_WORDS[sector], sector)


DEFAULT_WORDS: Words = words_for("po")


def unknown_placeholders(text: str) -> list[str]:
    """The {names} in a text that are no known placeholder, in order of appearance."""
    return [
        m.group(0) for m in ANY_PLACEHOLDER.finditer(text) if not PLACEHOLDERS.fullmatch(m.group(0))
    ]


def fill_placeholders(
    text: str,
    pupil: str,
    pupils: str,
    teacher: str = GENERAL_TEACHER[0],
    teachers: str = GENERAL_TEACHER[1],
) -> str:
    """Put the sector's words into {leerling}/{leerlingen}/{leraar}/{leraren} (and capitalised forms)."""
    words = {"leerling": pupil, "leerlingen": pupils, "leraar": teacher, "leraren": teachers}

    def repl(match: re.Match[str]) -> str:
        key = match.group(1)
        word = words[key.lower()]
        return word[:1].upper() + word[1:] if key[0].isupper() else word

    return PLACEHOLDERS.sub(repl, text)


def fill_words(text: str, words: tuple[str, ...]) -> str:
    """`fill_placeholders` with the words of a sector (a `Words`, or an older (pupil, pupils) pair)."""
    return fill_placeholders(text, *words[:4])
