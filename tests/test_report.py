"""The participant report "Mijn werkboek": answers of two modules and one plan van aanpak, in HTML and PDF."""

from __future__ import annotations

import shutil
import subprocess

from click.testing import CliRunner
from markupsafe import escape

from workbook.cli import main
from workbook.config import load_config
from workbook.content.catalog import list_exercises
from workbook.output.report import participant_report, write_report
from workbook.store import AnswerStore


def _setup(tmp_path):
    cfg_path = tmp_path / "groep.toml"
    cfg_path.write_text(
        'naam = "Groep Rapport"\nsector = "vo"\nmodules = ["prestatiedruk", "ouders"]\n'
        f'opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    cfg = load_config(cfg_path)
    store = AnswerStore(cfg.store_url)
    p = store.create_participant(cfg.slug, "Sanne <de Vries>", "Havo")
    for module, action in (
        ("prestatiedruk", "Toetsen beter spreiden"),
        ("ouders", "Ouderavond over slaap"),
    ):
        for ex in list_exercises(module):
            if ex.kind == "actiepunten":
                store.save_answer(
                    cfg.slug, p.code, ex.id, {"items": [{"text": action, "when": "voor de kerst"}]}
                )
            elif ex.kind == "open":
                store.save_answer(cfg.slug, p.code, ex.id, f"Mijn antwoord bij {module}")
    compliment = next(e for e in list_exercises("prestatiedruk") if e.id.endswith("compliment"))
    store.save_answer(cfg.slug, p.code, compliment.id, {"chosen": [1], "checked": True})
    return cfg_path, cfg, store, p, compliment


def test_report_has_answers_of_both_modules_and_one_plan(tmp_path):
    _path, cfg, store, p, compliment = _setup(tmp_path)
    page = participant_report(store, cfg, p.code)
    assert "Mijn werkboek" in page and "Plan van aanpak" in page
    assert "Sanne &lt;de Vries&gt;" in page and "<de Vries>" not in page
    assert "Mijn antwoord bij prestatiedruk" in page and "Mijn antwoord bij ouders" in page
    assert str(escape(compliment.spec["options"][1]["text"])) in page
    plan = page.split("<h2 id='plan'>")[1].split("<h2")[0]
    assert "Toetsen beter spreiden" in plan and "Ouderavond over slaap" in plan


def test_pdf_is_made_and_holds_the_plan(tmp_path):
    _path, cfg, store, p, _ = _setup(tmp_path)
    html_path, pdf_path = write_report(store, cfg, p.code, tmp_path / "uit")
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True
        ).stdout
        assert "Ouderavond over slaap" in text and "Toetsen beter spreiden" in text


def test_cli_rapport_and_unknown_code(tmp_path):
    cfg_path, _cfg, _store, p, _ = _setup(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(main, ["rapport", str(cfg_path), p.code, "--out", str(tmp_path / "r")])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "r" / f"mijn-werkboek-{p.code}.pdf").is_file()
    bad = runner.invoke(main, ["rapport", str(cfg_path), "zzzz-zzzz", "--out", str(tmp_path / "r")])
    assert bad.exit_code == 1 and "bestaat niet" in bad.output and "Traceback" not in bad.output
