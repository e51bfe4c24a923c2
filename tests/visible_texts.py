"""Every text a participant of one sector can read, without a browser (for the sector-word tests).

The pages show module texts and exercise specs with the placeholders filled in, and the Dutch
labels of the widgets. This collects exactly those, in the sector's words, each with where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from widgets import labels
from workbook.content.catalog import list_exercises, list_modules, read_yaml
from workbook.content.language import participant_texts
from workbook.kinds import texts as kind_texts
from workbook.sociogram.analysis import standard_questions
from workbook.words import fill_words, words_for

Found = tuple[str, str]  # (where, text)


def _constants(module: Any, name: str) -> Iterator[Found]:
    """The string constants of a labels module: UPPER_CASE names, also inside dicts and tuples."""
    for attr in dir(module):
        if attr.isupper():
            yield from participant_texts(getattr(module, attr), f"{name}.{attr}")


def module_texts(sector: str) -> Iterator[Found]:
    """Titles, summaries, explanations and exercises the sector's pages show."""
    for module in list_modules():
        if sector not in module.sectors:
            continue
        where = f"{module.id}/module.yaml"
        yield f"{where}: title", module.title
        yield f"{where}: summary", module.summary
        for section in module.sections:
            if section.shown_to(sector):
                for field in ("title", "text", "source"):
                    yield f"{where}: {section.id}.{field}", getattr(section, field)
        for ex in list_exercises(module.id, sector=sector):
            for field, text in participant_texts(read_yaml(ex.path)):
                yield f"{ex.id}: {field}", text


def visible_texts(sector: str) -> list[Found]:
    """Every participant-visible text of a sector's build, with the placeholders filled in."""
    words = words_for(sector)
    found = [*module_texts(sector), *_constants(labels, "labels"), *_constants(kind_texts, "texts")]
    found += [(f"sociogram: {q.id}", q.text) for q in standard_questions(sector)]
    return [
        (where, fill_words(text, words).replace("{pupils}", words.pupils)) for where, text in found
    ]
