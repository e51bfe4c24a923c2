"""Exports of a session's results: Excel and CSV, anonymised by default, names only on request."""

from __future__ import annotations

from click.testing import CliRunner

from workbook.cli import main
from workbook.config import load_config
from workbook.output.export import export_results
from workbook.store import AnswerStore


def _setup(tmp_path):
    cfg_path = tmp_path / "groep.toml"
    cfg_path.write_text(
        f'naam = "Groep Export"\nsector = "vo"\nopslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    cfg = load_config(cfg_path)
    store = AnswerStore(cfg.store_url)
    a = store.create_participant(cfg.slug, "Sanne", "Havo")
    b = store.create_participant(cfg.slug, "Ahmed", "Vmbo")
    store.save_answer(cfg.slug, a.code, "prestatiedruk/eigen-rol", "Minder toetsen")
    store.save_answer(cfg.slug, b.code, "prestatiedruk/eigen-rol", "Meer pauzes")
    return cfg_path, cfg, store, (a, b)


def test_csv_is_anonymous_by_default(tmp_path):
    import pandas as pd

    _p, cfg, store, people = _setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.csv")
    df = pd.read_csv(out)
    assert sorted(df["deelnemer"]) == ["Deelnemer 1", "Deelnemer 2"]
    assert set(df["antwoord"]) == {"Minder toetsen", "Meer pauzes"}
    text = out.read_text(encoding="utf-8-sig")
    for p in people:
        assert p.name not in text and p.code not in text


def test_excel_with_names_has_answers_and_progress(tmp_path):
    import pandas as pd

    _p, cfg, store, _people = _setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.xlsx", with_names=True)
    sheets = pd.read_excel(out, sheet_name=None)
    assert set(sheets) == {"Antwoorden", "Voortgang", "Plan van aanpak"}
    assert set(sheets["Antwoorden"]["deelnemer"]) == {"Sanne", "Ahmed"}
    assert len(sheets["Voortgang"]) == 2


def test_cli_export_and_forget(tmp_path):
    import pandas as pd

    cfg_path, cfg, store, (a, _b) = _setup(tmp_path)
    runner = CliRunner()
    res = runner.invoke(main, ["export", str(cfg_path), "--out", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "x.xlsx").is_file(), res.output
    exported = pd.read_excel(tmp_path / "x.xlsx", sheet_name="Antwoorden")
    assert set(exported["antwoord"]) == {"Minder toetsen", "Meer pauzes"}
    assert set(exported["deelnemer"]) == {"Deelnemer 1", "Deelnemer 2"}
    bad = runner.invoke(main, ["export", str(cfg_path), "--out", str(tmp_path / "x.txt")])
    assert bad.exit_code == 1 and ".xlsx" in bad.output
    no = runner.invoke(main, ["forget", str(cfg_path), a.code], input="n\n")
    assert store.get_participant(cfg.slug, a.code) is not None and no.exit_code != 0
    yes = runner.invoke(main, ["forget", str(cfg_path), a.code], input="j\n")
    assert yes.exit_code == 0, yes.output
    assert store.get_participant(cfg.slug, a.code) is None
    assert store.load_answers(cfg.slug, a.code) == {}
