"""Exports never hand the trainer a live formula: typed text that Excel would run is neutralised."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from workbook.config import Config, load_config
from workbook.content.catalog import get_exercise
from workbook.kinds import answer_text
from workbook.output.export import export_results, neutralise
from workbook.store import AnswerStore

EXERCISE = "prestatiedruk/eigen-rol"
# OWASP CSV injection: a cell that starts with = + - @ tab or carriage return is run by Excel.
DANGEROUS = [
    '=HYPERLINK("http://x","klik")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]
PLAIN = "Gewoon tekst"


def _setup(tmp_path: Path) -> tuple[Config, AnswerStore]:
    cfg_path = tmp_path / "groep.toml"
    cfg_path.write_text(
        f'naam = "Groep Formule"\nsector = "vo"\nopslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    cfg = load_config(cfg_path)
    store = AnswerStore(cfg.store_url)
    for n, text in enumerate([*DANGEROUS, PLAIN]):
        # A name and school that are formulas too: --met-namen must not run them either.
        who = store.create_participant(cfg.slug, f"=Naam{n}", f"@School{n}")
        store.save_answer(cfg.slug, who.code, EXERCISE, text)
    return cfg, store


def _exported(config: Config) -> list[str]:
    """The cells the dangerous answers must become: the export text with a leading quote."""
    ex = get_exercise(EXERCISE)
    words = (config.pupil, config.pupils)
    return sorted("'" + answer_text(ex, text, words) for text in DANGEROUS)


def _expect_neutral(texts: list[str]) -> None:
    assert texts, "no answers were exported"
    for text in texts:
        assert text.startswith("'"), repr(text)


def test_excel_export_holds_no_formulas(tmp_path: Path) -> None:
    cfg, store = _setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.xlsx", with_names=True)
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    rows = list(book["Antwoorden"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    answers = [r[header.index("antwoord")] for r in body]
    assert PLAIN in answers
    _expect_neutral([a for a in answers if a != PLAIN])
    assert sorted(a for a in answers if a != PLAIN) == _exported(cfg)
    _expect_neutral([r[header.index("deelnemer")] for r in body])
    _expect_neutral([r[header.index("school")] for r in body])
    progress = list(book["Voortgang"].iter_rows(values_only=True))
    _expect_neutral([r[0] for r in progress[1:]])


def test_csv_export_holds_no_formulas(tmp_path: Path) -> None:
    cfg, store = _setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.csv", with_names=True)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    answers = [r["antwoord"] for r in rows]
    assert PLAIN in answers
    dangerous = [a for a in answers if a != PLAIN]
    _expect_neutral(dangerous)
    assert sorted(dangerous) == _exported(cfg)
    _expect_neutral([r["deelnemer"] for r in rows])
    _expect_neutral([r["school"] for r in rows])
    for row in rows:
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r"), row


def test_anonymous_export_keeps_normal_text(tmp_path: Path) -> None:
    cfg, store = _setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["deelnemer"] for r in rows} == {f"Deelnemer {n}" for n in range(1, len(rows) + 1)}
    plain = [r for r in rows if r["antwoord"] == PLAIN]
    assert len(plain) == 1
    assert plain[0]["oefening"] == EXERCISE and not plain[0]["titel"].startswith("'")


def test_neutralise_quotes_exactly_the_owasp_starts() -> None:
    for text in [*DANGEROUS, "=1", "-", "\t", "\r\n=1"]:
        assert neutralise(text) == "'" + text
    for text in [PLAIN, "", " =1", "1+1", "'=1", "Zoë = blij", "a\n=b"]:
        assert neutralise(text) == text
    assert neutralise(3) == 3 and neutralise(None) is None
