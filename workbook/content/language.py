"""The language rules for every text a participant reads: short sentences, known placeholders, Dutch.

`participant_texts` walks a module or exercise file as read from YAML and yields each text with the
field it came from; `text_problems` says in Dutch what is wrong with one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from workbook.words import unknown_placeholders

MAX_SENTENCE_WORDS = 25
# Fields that hold no participant text: numbers, flags, ids, sector codes, file names, layer keys.
NOT_TEXT = {
    "schema",
    "kind",
    "id",
    "order",
    "notebook",
    "sectors",
    "minutes",
    "correct",
    "max_items",
    "lines",
    "rows",
    "concern_max",
    "group_minimum",
    "ordered",
    "layers",
}
# English words that have no place in a Dutch text (an English label, a leftover from a source).
ENGLISH_WORDS = frozenset(
    {
        "the",
        "and",
        "with",
        "before",
        "after",
        "connect",
        "you",
        "your",
        "click",
        "save",
        "layer",
        "foundation",
        "teacher",
        "teachers",
        "pupil",
        "pupils",
        "students",
        "true",
        "false",
        "null",
        "time",
    }
)
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||#|>)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MARKUP = re.compile(r"[*_`|#>]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_WORD = re.compile(r"[\w{}]+(?:[-'’,.][\w{}]+)*")


def participant_texts(data: Any, field: str = "") -> Iterator[tuple[str, str]]:
    """Every (field, text) a participant may read in a YAML mapping, e.g. ('options[2].feedback', ...)."""
    if isinstance(data, str):
        yield field, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                yield from participant_texts(value, f"{field}.{key}" if field else str(key))
    elif isinstance(data, list):
        for n, item in enumerate(data, start=1):
            yield from participant_texts(item, f"{field}[{n}]")


def blocks(text: str) -> list[str]:
    """The paragraphs, list items, table rows and headings of a (Markdown) text, each on one line."""
    out: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _BLOCK_START.match(line):
            if current:
                out.append(" ".join(current))
            current = [line.strip()] if line.strip() else []
        else:
            current.append(line.strip())
    if current:
        out.append(" ".join(current))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of a text, without Markdown marks."""
    out = []
    for block in blocks(text):
        plain = _MARKUP.sub(" ", _LIST_MARK.sub("", block))
        out += [s.strip() for s in _SENTENCE_END.split(plain) if s.strip()]
    return out


def words(text: str) -> list[str]:
    """The words of a text ('4,4%' and '{leerlingen}' count as one word)."""
    return _WORD.findall(text)


def text_problems(where: str, field: str, text: str) -> list[str]:
    """What is wrong with one participant text, as Dutch messages naming the file and the field."""
    problems = []
    for sentence in sentences(text):
        n = len(words(sentence))
        if n > MAX_SENTENCE_WORDS:
            start = " ".join(words(sentence)[:8])
            problems.append(
                f"{where}: veld '{field}' heeft een zin van {n} woorden (hoogstens "
                f'{MAX_SENTENCE_WORDS}): "{start} …". Maak er twee kortere zinnen van.'
            )
    for name in dict.fromkeys(unknown_placeholders(text)):
        problems.append(
            f"{where}: veld '{field}' gebruikt {name}, en dat kent het werkboek niet. "
            "Gebruik {leerling}, {leerlingen}, {leraar} of {leraren} (of met een hoofdletter)."
        )
    english = sorted({w for w in (x.lower() for x in words(text)) if w in ENGLISH_WORDS})
    if english:
        problems.append(
            f"{where}: veld '{field}' bevat het Engelse woord '{english[0]}'. "
            "Schrijf het in het Nederlands."
        )
    return problems


def file_problems(where: str, data: Any) -> list[str]:
    """Every language problem in one module or exercise file."""
    return [p for field, text in participant_texts(data) for p in text_problems(where, field, text)]
