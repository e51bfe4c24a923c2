"""The plan van aanpak: rich action points, old answers upgraded, the 'why' from the participant's own
pyramid and scans, Mijn werkboek grouped by layer with a table of contents (at most a page per module
plus three, in A4, when everything is answered), the export, and each school's gathered plan
(`workbook rapport --school`)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.kind_fill import answer_like_a_participant, widget_for
from tests.test_kind_contract import visible_text
from widgets.kinds.actiepunten import ActiepuntenWidget
from widgets.page.mywork import MyWorkbook
from widgets.trainer.views import school_plans_section
from workbook.cli import main
from workbook.config import load_config
from workbook.content.catalog import get_exercise, list_exercises, list_modules
from workbook.kinds import KINDS, actiepunten, answer_lines
from workbook.output.export import PLAN_COLUMNS, export_results
from workbook.output.plan import why_suggestions
from workbook.output.report import participant_report, write_report
from workbook.output.results import take_snapshot
from workbook.output.schoolplan import write_school_plan
from workbook.runtime.session import Visit
from workbook.store import AnswerStore, ParticipantAnswers

ROOT = Path(__file__).resolve().parents[1]
PYRAMID = "ondersteuningspiramide/piramide"
SCAN = "ondersteuningspiramide/domeinen"
ACTIONS = "ondersteuningspiramide/actiepunten"
INVERTED = json.loads((ROOT / "examples" / "piramide-omgekeerd.json").read_text(encoding="utf-8"))
HAS_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdfinfo") is not None


def point(text: str, **fields: object) -> dict:
    return dict(actiepunten.new_item(text=text, **fields))


def config_for(tmp_path: Path, modules: list[str] | None = None):
    path = tmp_path / "groep.toml"
    listed = f"modules = {json.dumps(modules)}\n" if modules else ""
    path.write_text(
        'naam = "Groep Plan"\nsector = "vo"\nscholen = ["OBS A", "CBS B"]\n'
        f'{listed}opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n',
        encoding="utf-8",
    )
    return path, load_config(path)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


# -- the kind -----------------------------------------------------------------------------------


def test_a_version_1_answer_is_upgraded_without_loss() -> None:
    old = {"items": [{"text": "Toetsen spreiden", "when": "voor de kerst"}, {"text": "Ouderavond"}]}
    answer = KINDS["actiepunten"].read(old)
    assert answer["version"] == actiepunten.VERSION == 2
    assert answer["items"] == [
        point("Toetsen spreiden", when="voor de kerst"),
        point("Ouderavond"),
    ]
    assert KINDS["actiepunten"].conforms(answer)
    ex = get_exercise(ACTIONS)
    assert answer_lines(ex, old) == [
        "Toetsen spreiden (wanneer klaar: voor de kerst)",
        "Ouderavond",
    ]


def test_every_field_reads_as_dutch_and_drafts_stay_out_of_the_plan() -> None:
    full = point(
        "Check-in op maandag",
        why="Omgekeerde piramide: zak in de piramide",
        layer="base",
        group="klas 2b",
        who="ik, met de mentor",
        when="na de herfstvakantie",
        measure="de klas is sneller rustig",
        for_school=True,
    )
    draft = point("", why="Zorgen bij Energie")
    value = {"version": 2, "items": [full, draft]}
    assert actiepunten.upgrade(value)["items"] == [full, draft]  # the widget keeps the draft
    assert answer_lines(get_exercise(ACTIONS), value) == [
        "Check-in op maandag (waarom: Omgekeerde piramide: zak in de piramide; voor wie: Sterke "
        "basis (alle leerlingen), klas 2b; wie doet het, met wie: ik, met de mentor; wanneer klaar: "
        "na de herfstvakantie; zo weet je dat het werkt: de klas is sneller rustig; voor onze school)"
    ]
    unknown_layer = actiepunten.read({"items": [{"text": "x", "layer": "top", "for_school": "ja"}]})
    assert unknown_layer["items"] == [point("x")]


# -- the widget: fields, the 'why' offers, old answers ---------------------------------------------


@pytest.fixture
def store(tmp_path: Path):
    with AnswerStore(f"sqlite:///{tmp_path / 'w.sqlite'}") as s:
        yield s


def answers_of(store: AnswerStore, name: str = "Sanne", school: str = "OBS A"):
    return ParticipantAnswers(
        store, "groep-plan", store.create_participant("groep-plan", name, school)
    )


def test_the_why_offers_the_participants_pyramid_verdict_and_scan_concerns(store) -> None:
    answers = answers_of(store)
    answers.save(PYRAMID, INVERTED)
    answers.save(SCAN, {"scores": [1, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5]})
    widget = ActiepuntenWidget(get_exercise(ACTIONS))
    widget.bind(answers)
    offered = list(widget.rows[0].why.options)
    assert offered[0] == "Omgekeerde piramide: zak in de piramide"
    assert "Zorgen bij Aanwezigheid op school (Snelle scan van elf domeinen)" in offered
    assert "Tip: bij 'Waarom?'" in visible_text(widget.hint.value)
    widget.rows[0].what.value = "Mentorles elke week"
    widget.rows[0].why.value = offered[0]
    widget.rows[0].layer.value = "base"
    widget.rows[0].school.value = True
    saved = store.load_answer("groep-plan", answers.participant.code, ACTIONS)
    assert saved["version"] == 2 and KINDS["actiepunten"].conforms(saved)
    assert saved["items"][0] | {"text": "Mentorles elke week"} == point(
        "Mentorles elke week", why=offered[0], layer="base", for_school=True
    )
    widget.add.click()  # a new card offers the same signals
    assert list(widget.rows[1].why.options) == offered


def test_a_pyramid_filled_in_on_the_same_page_is_offered_once_the_what_is_typed(store) -> None:
    answers = answers_of(store)
    widget = ActiepuntenWidget(get_exercise(ACTIONS))
    widget.bind(answers)
    assert list(widget.rows[0].why.options) == [] and widget.hint.value == ""
    answers.save(PYRAMID, INVERTED)  # the pyramid higher up on the page
    widget.rows[0].what.value = "Basis versterken"
    assert "Omgekeerde piramide: zak in de piramide" in widget.rows[0].why.options


def test_an_old_answer_is_shown_in_the_new_form_and_saved_as_version_2(store) -> None:
    answers = answers_of(store)
    answers.save(ACTIONS, {"items": [{"text": "Toetsen spreiden", "when": "voor de kerst"}]})
    widget = ActiepuntenWidget(get_exercise(ACTIONS))
    widget.bind(answers)
    row = widget.rows[0]
    assert (row.what.value, row.when.value, row.layer.value) == (
        "Toetsen spreiden",
        "voor de kerst",
        "",
    )
    row.measure.value = "minder toetsen in één week"
    saved = store.load_answer("groep-plan", answers.participant.code, ACTIONS)
    assert saved == {
        "version": 2,
        "items": [
            point("Toetsen spreiden", when="voor de kerst", measure="minder toetsen in één week")
        ],
    }


def test_every_control_has_a_visible_dutch_label(store) -> None:
    widget = ActiepuntenWidget(get_exercise(ACTIONS))
    for control in widget.controls():
        assert control.description.strip(), type(control).__name__
    row = widget.rows[0]
    assert [label for label, _value in row.layer.options][1:] == [
        "Fundament (het team)",
        "Sterke basis (alle leerlingen)",
        "Extra ondersteuning (een groep leerlingen)",
        "Intensieve ondersteuning (een enkele leerling)",
    ]
    row.why.value = "Zorgen bij Energie"  # details without a 'what': a draft, said so
    assert "Vul bij actiepunt 1 nog in wat je gaat doen" in row.note.value


# -- Mijn werkboek: the plan first, by layer, with a table of contents ----------------------------


def plan_setup(tmp_path: Path):
    cfg_path, cfg = config_for(tmp_path, ["ondersteuningspiramide", "prestatiedruk"])
    store = AnswerStore(cfg.store_url)
    me = store.create_participant(cfg.slug, "Sanne", "OBS A")
    store.save_answer(cfg.slug, me.code, PYRAMID, INVERTED)
    store.save_answer(
        cfg.slug,
        me.code,
        ACTIONS,
        {
            "version": 2,
            "items": [
                point("Intensief overleg inplannen", layer="intensive"),
                point("Intervisie starten", layer="foundation", who="IB'er en ik"),
                point("Zonder laag"),
                point("Mentorles voor iedereen", layer="base", for_school=True),
            ],
        },
    )
    store.save_answer(
        cfg.slug,
        me.code,
        "prestatiedruk/actiepunten",
        {"items": [{"text": "Toetsen spreiden", "when": "voor de kerst"}]},  # version 1
    )
    return cfg_path, cfg, store, me


def test_the_report_opens_with_contents_and_the_plan_grouped_by_layer(tmp_path: Path) -> None:
    _p, cfg, store, me = plan_setup(tmp_path)
    page = participant_report(store, cfg, me.code)
    toc = page.split('<nav class="toc">')[1].split("</nav>")[0]
    assert re.findall(r'href="#([\w-]+)"', toc) == [
        "plan",
        "module-ondersteuningspiramide",
        "module-prestatiedruk",
    ]
    assert "id='module-ondersteuningspiramide'" in page and "id='plan'" in page
    plan = page.split("<h2 id='plan'>")[1].split("<h2")[0]
    headings = re.findall(r'<h3 class="wb-plan-layer">([^<]+)</h3>', plan)
    assert headings == [
        "Fundament: voor het team",
        "Sterke basis: voor alle leerlingen",
        "Intensieve ondersteuning: voor een enkele leerling",
        "Nog geen laag gekozen",
    ]
    order = [plan.index(t) for t in ("Intervisie", "Mentorles", "Intensief overleg", "Zonder laag")]
    assert order == sorted(order)
    assert "Toetsen spreiden" in plan.split("Nog geen laag gekozen")[1]  # the old answer, upgraded
    assert "voor de kerst" in plan and "IB&#39;er en ik" in plan
    assert page.index("id='plan'") < page.index("id='module-ondersteuningspiramide'")


def test_mijn_werkboek_on_the_overview_shows_the_plan_by_layer(tmp_path: Path) -> None:
    _p, cfg, store, me = plan_setup(tmp_path)
    mine = MyWorkbook(Visit(cfg, store, me), [])
    html = mine.children[0].value
    assert html.index("Mijn plan van aanpak") < html.index("Fundament: voor het team")
    assert html.index("Fundament: voor het team") < html.index("Intensieve ondersteuning")
    assert "Mentorles voor iedereen" in html and "Voor onze school" in html
    nobody = store.create_participant(cfg.slug, "Kees", "CBS B")
    assert (
        "Je hebt nog geen actiepunten"
        in MyWorkbook(Visit(cfg, store, nobody), []).children[0].value
    )


@pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext and pdfinfo (poppler-utils)")
def test_the_report_of_someone_who_answered_everything_has_a_page_per_module(
    tmp_path: Path,
) -> None:
    modules = [m.id for m in list_modules()]
    _p, cfg = config_for(tmp_path, modules)
    store = AnswerStore(cfg.store_url)
    me = store.create_participant(cfg.slug, "Sanne", "OBS A")
    answers = ParticipantAnswers(store, cfg.slug, me)
    words = (cfg.pupil, cfg.pupils)
    exercises = sorted(list_exercises(), key=lambda e: e.kind == "actiepunten")  # plans last
    for ex in exercises:
        widget = widget_for(ex, words)
        widget.bind(answers)
        answer_like_a_participant(widget, ROOT)
    assert all(answers.load(ex.id) for ex in exercises)
    _html, pdf = write_report(store, cfg, me.code, tmp_path / "uit")
    pages = pdf_pages(pdf)
    # A page per module, plus the contents and the plan at the top (9 modules: 12 pages).
    assert pages <= len(modules) + 3, f"Mijn werkboek has {pages} pages for {len(modules)} modules"
    text = pdf_text(pdf)
    assert text.index("Inhoud") < text.index("Plan van aanpak") < text.index("Sterke basis: voor")
    # the table of contents gives every module with its page number
    for m in list_modules():
        assert re.search(re.escape(m.title) + r"[ .]*\d+", text), m.title
    # the 'why' of a plan is the participant's own pyramid verdict (filled in before the plans)
    assert "Waarom: Stevige basis: houd de basis sterk" in text


# -- the export ---------------------------------------------------------------------------------


def test_the_excel_export_has_the_plan_in_readable_columns(tmp_path: Path) -> None:
    import pandas as pd

    _p, cfg, store, _me = plan_setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.xlsx", with_names=True)
    plan = pd.read_excel(out, sheet_name="Plan van aanpak").fillna("")
    assert list(plan.columns)[:5] == ["deelnemer", "school", "module", "wat", "waarom"]
    rows = {r["wat"]: r for r in plan.to_dict("records")}
    assert rows["Mentorles voor iedereen"]["laag"] == "Sterke basis"
    assert rows["Mentorles voor iedereen"]["voor onze school"] == "ja"
    assert rows["Intervisie starten"]["wie doet het, met wie"] == "IB'er en ik"
    assert rows["Toetsen spreiden"]["wanneer klaar"] == "voor de kerst"
    assert not any("{" in str(v) for r in rows.values() for v in r.values())


def test_the_csv_export_puts_the_plan_and_the_progress_beside_the_answers(tmp_path: Path) -> None:
    import pandas as pd

    _p, cfg, store, _me = plan_setup(tmp_path)
    out = export_results(store, cfg, tmp_path / "uit.csv")
    plan = pd.read_csv(tmp_path / "uit-plan-van-aanpak.csv").fillna("")
    assert list(plan.columns) == PLAN_COLUMNS
    rows = {r["wat"]: r for r in plan.to_dict("records")}
    assert rows["Mentorles voor iedereen"]["laag"] == "Sterke basis"
    assert set(plan["deelnemer"]) == {"Deelnemer 1"}  # anonymous by default, as the answers
    progress = pd.read_csv(tmp_path / "uit-voortgang.csv")
    assert list(progress.columns)[:2] == ["deelnemer", "school"]
    assert "Mentorles voor iedereen" in out.read_text(encoding="utf-8-sig")


# -- the school's plan --------------------------------------------------------------------------


def school_setup(tmp_path: Path):
    cfg_path, cfg = config_for(tmp_path, ["ondersteuningspiramide", "prestatiedruk"])
    store = AnswerStore(cfg.store_url)
    sanne = store.create_participant(cfg.slug, "Sanne", "OBS A")
    kees = store.create_participant(cfg.slug, "Kees", "OBS A")
    ahmed = store.create_participant(cfg.slug, "Ahmed", "CBS B")
    store.save_answer(cfg.slug, sanne.code, PYRAMID, INVERTED)
    for who, text, marked in (
        (sanne, "Mentorles voor iedereen", True),
        (sanne, "Mijn eigen klas opruimen", False),
        (kees, "Rustplek in elke klas", True),
        (ahmed, "Ouderavond op CBS B", True),
    ):
        old = store.load_answer(cfg.slug, who.code, ACTIONS) or {"version": 2, "items": []}
        old["items"].append(point(text, layer="base", for_school=marked))
        store.save_answer(cfg.slug, who.code, ACTIONS, old)
    return cfg_path, cfg, store


@pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext (poppler-utils)")
def test_rapport_school_has_the_verdict_and_the_marked_points_with_who_proposed_them(
    tmp_path: Path,
) -> None:
    cfg_path, _cfg, _store = school_setup(tmp_path)
    out = tmp_path / "plannen"
    res = CliRunner().invoke(
        main, ["rapport", str(cfg_path), "--school", "obs a", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert "plan-obs-a.html" in res.output and "plan-obs-a.pdf" in res.output
    for text in (
        out.joinpath("plan-obs-a.html").read_text(encoding="utf-8"),
        pdf_text(out / "plan-obs-a.pdf"),
    ):
        flat = visible_text(text)
        assert "Plan van OBS A" in flat
        assert "Oordeel: Omgekeerde piramide" in flat and "Piramide van Sanne" in flat
        assert "Mentorles voor iedereen" in flat and "Rustplek in elke klas" in flat
        assert "Voorgesteld door: Sanne" in flat and "Voorgesteld door: Kees" in flat
        assert "Mijn eigen klas opruimen" not in flat  # not marked for the school
        assert "Ouderavond op CBS B" not in flat and "Ahmed" not in flat  # another school
    other, _pdf = write_school_plan(_store, _cfg, "CBS B", out)
    page = other.read_text(encoding="utf-8")
    assert "Ouderavond op CBS B" in page and "Mentorles" not in page
    assert "Nog niemand van deze school heeft een ondersteuningspiramide ingevuld." in page


def test_rapport_school_with_an_unknown_school_names_the_known_schools(tmp_path: Path) -> None:
    cfg_path, _cfg, _store = school_setup(tmp_path)
    runner = CliRunner()
    res = runner.invoke(main, ["rapport", str(cfg_path), "--school", "De Linde", "--out", "x"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "De school 'De Linde' kennen we niet in Groep Plan" in res.output
    assert "Bekende scholen: 'OBS A', 'CBS B'." in res.output
    both = runner.invoke(main, ["rapport", str(cfg_path), "--out", "x"])
    assert both.exit_code == 1 and "Geef de code van één deelnemer" in both.output


def test_the_trainer_sees_every_schools_plan(tmp_path: Path) -> None:
    _p, cfg, store = school_setup(tmp_path)
    snap = take_snapshot(store, cfg.slug)
    anonymous = visible_text(school_plans_section(cfg, snap, with_names=False))
    assert anonymous.index("OBS A") < anonymous.index("CBS B")
    obs_a, cbs_b = anonymous.split("CBS B Wat de deelnemers van deze school invulden")
    assert "Oordeel: Omgekeerde piramide" in obs_a and "Rustplek in elke klas" in obs_a
    assert "Ouderavond op CBS B" in cbs_b and "Mentorles" not in cbs_b
    assert "Sanne" not in anonymous and "Voorgesteld door: Deelnemer 1" in anonymous
    named = visible_text(school_plans_section(cfg, snap, with_names=True))
    assert "Voorgesteld door: Sanne" in named


def test_suggestions_come_from_all_offered_modules_pyramids_first(tmp_path: Path) -> None:
    answers = {
        SCAN: {"scores": [2] + [5] * 10},
        PYRAMID: INVERTED,
        "groepsdynamiek/klimaat": {"scores": [1, 5, 5, 5, 5, 5, 5, 5]},
    }
    found = why_suggestions(answers, None, ("student", "studenten"))
    assert found[0] == "Omgekeerde piramide: zak in de piramide"
    assert "Veel studenten in intensieve ondersteuning: versterk de basis" not in found
    assert any(s.startswith("Zorgen bij Aanwezigheid op school") for s in found)
    assert any(s.endswith("(Het klimaat in mijn klas)") for s in found)
    assert why_suggestions(answers, ["prestatiedruk"], ("leerling", "leerlingen")) == []
