"""Each sector's build speaks its own words: every text a participant can read, per sector."""

from __future__ import annotations

import re

import pytest

from tests.visible_texts import module_texts, visible_texts
from workbook.content.catalog import get_exercise, get_module, list_exercises
from workbook.words import PLACEHOLDERS, fill_words, unknown_placeholders, words_for

# Words that belong to another sector, per build.
OTHER_SECTORS = {
    "po": [r"\bstudent\w*", r"\bdocent\w*", r"\bhavo\b", r"\bvwo\b", r"\bvmbo\b", r"\bbrugklas\b"],
    "vo": [r"\bstudent\w*", r"\bleerkracht\w*", r"\bgroep [78]\b", r"\bspeel je\b", r"\bjuf\b"],
    "mbo": [
        r"\bleerling\w*",
        r"\bleerkracht\w*",
        r"\bgroep [78]\b",
        r"\bhavo\b",
        r"\bvwo\b",
        r"\bspeel je\b",
        r"\bjuf\b",
    ],
}


@pytest.mark.parametrize("sector", sorted(OTHER_SECTORS))
def test_no_text_of_a_sector_build_uses_another_sectors_words(sector: str) -> None:
    texts = visible_texts(sector)
    assert len(texts) > 500
    wrong = [
        f"{where}: '{m.group(0)}' in \"{text[max(0, m.start() - 30) : m.end() + 30]}\""
        for where, text in texts
        for pattern in OTHER_SECTORS[sector]
        for m in re.finditer(pattern, text, re.IGNORECASE)
    ]
    assert not wrong, f"{len(wrong)} keer:\n" + "\n".join(wrong[:15])


@pytest.mark.parametrize("sector", ["po", "vo", "go", "mbo"])
def test_every_placeholder_is_filled_in(sector: str) -> None:
    left = [where for where, text in visible_texts(sector) if PLACEHOLDERS.search(text)]
    assert not left, left[:10]
    content = [
        w for w, t in module_texts(sector) if unknown_placeholders(fill_words(t, words_for(sector)))
    ]
    assert not content, content[:10]


def test_the_professional_is_named_as_the_sector_names_them() -> None:
    assert [words_for(s).teacher for s in ("po", "vo", "go", "mbo")] == [
        "leerkracht",
        "docent",
        "leraar",
        "docent",
    ]
    text = "{Leraren} en {leraar}: {Leerlingen} van de {leraar}."
    assert (
        fill_words(text, words_for("po"))
        == "Leerkrachten en leerkracht: Leerlingen van de leerkracht."
    )
    assert fill_words(text, words_for("mbo")) == "Docenten en docent: Studenten van de docent."
    assert fill_words("{leraar}", ("student", "studenten")) == "leraar"


def test_vo_case_and_go_note_are_shown_only_to_their_sector() -> None:
    havo = get_exercise("prestatiedruk/havo-4")
    assert havo.sectors == ("vo",)
    assert havo.id in [e.id for e in list_exercises("prestatiedruk", sector="vo")]
    for sector in ("po", "mbo"):
        assert havo.id not in [e.id for e in list_exercises("prestatiedruk", sector=sector)]
    note = next(s for s in get_module("ondersteuningspiramide").sections if s.id == "piramide-go")
    assert note.sectors == ("go",) and "80 tot 90%" in note.text
    assert any("piramide-go" in w for w, _t in visible_texts("go"))
    assert not any("piramide-go" in w for w, _t in visible_texts("po"))


def test_sociogram_labels_and_questions_use_the_sectors_words() -> None:
    mbo = dict(visible_texts("mbo"))
    assert mbo["labels.SOCIO_ADD"] == "Student toevoegen"
    assert mbo["sociogram: speel_graag"] == "Met wie trek je in de pauze graag op?"
    assert dict(visible_texts("po"))["sociogram: speel_graag"] == "Met wie speel je graag?"


def test_mbo_sociogram_asks_about_assignments_and_never_about_playing() -> None:
    mbo = [t for w, t in visible_texts("mbo") if w.startswith("sociogram: ")]
    assert not any("speel" in t.lower() for t in mbo)
    assert "Met wie werk je graag samen aan een opdracht of in de praktijkles?" in mbo
