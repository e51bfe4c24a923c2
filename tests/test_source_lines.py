"""Paraphrased sources get a short source line: under the explanation, the exercise and in the report."""

from __future__ import annotations

from pathlib import Path

from widgets.page.page import section_html
from widgets.registry import widget_class
from workbook.config import load_config
from workbook.content.catalog import get_exercise, get_module
from workbook.output.report import report_html
from workbook.store import AnswerStore
from workbook.words import fill_words, words_for

SOURCED_SECTIONS = {
    "aces": ["zes-principes", "veilige-omgeving", "boodschappen"],
    "sel": ["wat-is-sel"],
    "schoolteam": ["schijf-van-zeven"],
    "groepsdynamiek": ["fases"],
    "ondersteuningspiramide": ["de-piramide"],
}


def test_the_paraphrased_sources_each_have_a_source_line() -> None:
    for module_id, ids in SOURCED_SECTIONS.items():
        sections = {s.id: s for s in get_module(module_id).sections}
        for sid in ids:
            assert sections[sid].source, f"{module_id}/{sid}"
    sources = {sid: s.source for sid, s in {s.id: s for s in get_module("aces").sections}.items()}
    assert "Horeweg" in sources["boodschappen"] and "Coppens" in sources["veilige-omgeving"]
    assert "School & Veiligheid" in get_module("groepsdynamiek").sections[2].source
    assert "Bijleveld" in get_module("groepsdynamiek").sections[2].source
    assert (
        "NIP"
        in next(
            s for s in get_module("ondersteuningspiramide").sections if s.id == "de-piramide"
        ).source
    )
    for ex_id in (
        "aces/principes",
        "schoolteam/schijf-van-zeven",
        "groepsdynamiek/fases",
        "groepsdynamiek/gouden-weken",
        "ondersteuningspiramide/piramide",
    ):
        assert get_exercise(ex_id).source, ex_id


def test_the_source_line_is_small_print_under_an_explanation() -> None:
    section = next(s for s in get_module("aces").sections if s.id == "boodschappen")
    html = section_html(section, lambda t: fill_words(t, words_for("vo")))
    assert html.endswith(
        '<p class="wb-source">Bron: Anton Horeweg, Dit is een verschrikkelijk boek met een gouden '
        "boodschap</p></div>"
    )


def test_the_source_line_is_shown_under_the_exercise() -> None:
    ex = get_exercise("schoolteam/schijf-van-zeven")
    widget = widget_class(ex.kind)(ex, *words_for("po"))
    header = widget.children[0].value
    assert '<p class="wb-source">Bron: de Schijf van Zeven' in header


def test_the_source_line_is_in_the_report(tmp_path: Path) -> None:
    cfg_path = tmp_path / "groep.toml"
    cfg_path.write_text(
        f'naam = "Groep Bron"\nsector = "po"\nopslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    cfg = load_config(cfg_path)
    store = AnswerStore(cfg.store_url)
    p = store.create_participant(cfg.slug, "Sanne", "OBS")
    store.save_answer(cfg.slug, p.code, "aces/boodschap", {"chosen": [0], "checked": True})
    page = report_html(cfg, p, store.load_answers(cfg.slug, p.code))
    assert "<p class='source'>Bron: Anton Horeweg" in page
