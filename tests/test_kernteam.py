"""The kernteam: one school pyramid filled in together (edits from several devices merge), one plan
made from the points marked "voor onze school", the school's page, what other schools cannot see,
deletion, and a two-meeting trajectory whose scan and pyramid are compared on the page, on the
trainer's page and in the school's report."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.test_kind_contract import visible_text
from tests.test_store import V1_SCHEMA, run_directly
from widgets.page.school import SchoolPage
from widgets.registry import widget_class
from widgets.trainer.board import Board
from widgets.trainer.views import kernteam_requests_html, school_plans_section
from workbook.config import load_config
from workbook.content.catalog import get_exercise
from workbook.errors import StoreError
from workbook.kernteam import (
    ACCEPTED,
    DROPPED,
    HISTORY_DOC,
    NO_SCHOOL,
    NOT_A_MEMBER,
    Kernteam,
    NotInKernteamError,
    round_label,
    school_state,
)
from workbook.kinds import actiepunten
from workbook.output.results import display_names, take_snapshot
from workbook.output.schoolplan import write_school_plan
from workbook.pyramid import PYRAMID_LAYERS
from workbook.runtime.session import Visit
from workbook.store import AnswerStore, ParticipantAnswers

SCAN = "ondersteuningspiramide/domeinen"
ACTIONS = "ondersteuningspiramide/actiepunten"
CONFIG = """naam = "Groep Kernteam"
sector = "vo"
scholen = ["OBS A", "CBS B"]
modules = ["ondersteuningspiramide", "prestatiedruk"]
opslag = "sqlite:///{db}"

[[traject]]
datum = 2026-09-15
titel = "Bijeenkomst 1: de huidige situatie"
modules = ["ondersteuningspiramide"]
stap = "huidige-situatie"

[[traject]]
datum = 2026-11-24
titel = "Bijeenkomst 2: opnieuw meten"
modules = ["ondersteuningspiramide"]
stap = "evalueren-en-borgen"
"""


def activity(name: str, hours: float = 1) -> dict:
    return {"name": name, "hours_per_week": hours}


def pyramid(**layers: list[dict]) -> dict:
    return {"school": "", "layers": {k: layers.get(k, []) for k in PYRAMID_LAYERS}}


@pytest.fixture
def setup(tmp_path: Path):
    path = tmp_path / "groep.toml"
    path.write_text(CONFIG.format(db=tmp_path / "a.sqlite"), encoding="utf-8")
    cfg = load_config(path)
    store = AnswerStore(cfg.store_url)
    people = {
        name: store.create_participant(cfg.slug, name, school)
        for name, school in (
            ("Sanne", "OBS A"),
            ("Kees", "OBS A"),
            ("Lotte", "OBS A"),
            ("Ahmed", "CBS B"),
        )
    }
    for name in ("Sanne", "Kees", "Ahmed"):
        store.set_kernteam(cfg.slug, people[name].code, True)
    people = {n: store.get_participant(cfg.slug, p.code) for n, p in people.items()}
    return path, cfg, store, people


def team(store: AnswerStore, cfg, person) -> Kernteam:
    return Kernteam(store, cfg, store.get_participant(cfg.slug, person.code))


def names(answer: dict) -> dict[str, list[str]]:
    """The activities per layer that holds any."""
    return {k: [i["name"] for i in v] for k, v in answer["layers"].items() if v}


def test_two_members_who_edit_at_the_same_time_both_keep_what_they_added(setup) -> None:
    _path, cfg, store, people = setup
    sanne, kees = team(store, cfg, people["Sanne"]), team(store, cfg, people["Kees"])
    sanne.edit_pyramid(pyramid(), pyramid(base=[activity("Mentorles")]))
    # Both open the pyramid as it is now, and each adds something before seeing the other's.
    seen_by_sanne, seen_by_kees = sanne.pyramid(), kees.pyramid()
    sanne.edit_pyramid(
        seen_by_sanne,
        pyramid(base=[activity("Mentorles"), activity("Klassenregels")]),
    )
    now = kees.edit_pyramid(
        seen_by_kees, pyramid(base=[activity("Mentorles")], extra=[activity("Faalangsttraining")])
    )
    assert names(now) == {
        "base": ["Mentorles", "Klassenregels"],
        "extra": ["Faalangsttraining"],
    }
    # Kees removes the training he added: Sanne's activity stays.
    now = kees.edit_pyramid(now, pyramid(base=[activity("Mentorles"), activity("Klassenregels")]))
    assert names(sanne.pyramid())["base"] == ["Mentorles", "Klassenregels"]
    assert "extra" not in names(sanne.pyramid())
    # Changing the hours of an activity changes that row only.
    kees.edit_pyramid(now, pyramid(base=[activity("Mentorles", 3), activity("Klassenregels")]))
    assert [i["hours_per_week"] for i in sanne.pyramid()["layers"]["base"]] == [3, 1]


def test_only_the_schools_kernteam_gets_what_it_shares(setup) -> None:
    _path, cfg, store, people = setup
    team(store, cfg, people["Sanne"]).edit_pyramid(pyramid(), pyramid(base=[activity("Mentorles")]))
    # Another school's member gets their own, empty school pyramid.
    ahmed = team(store, cfg, people["Ahmed"])
    assert ahmed.school == "CBS B" and not any(ahmed.pyramid()["layers"].values())
    assert ahmed.members() == ["Ahmed"]
    # Not in the kernteam, or no school: no handle at all.
    with pytest.raises(NotInKernteamError, match="kernteam"):
        team(store, cfg, people["Lotte"])
    loner = store.create_participant(cfg.slug, "Zonder school", "")
    with pytest.raises(NotInKernteamError) as no_school:
        Kernteam(store, cfg, loner)
    assert str(no_school.value) == NO_SCHOOL
    assert sorted(team(store, cfg, people["Kees"]).members()) == ["Kees", "Sanne"]


def shown_text(widget: Any) -> str:
    """What a widget tree shows: its HTML read as text, labels, button captions and field values."""
    parts = []
    for attr in ("value", "description"):
        value = getattr(widget, attr, None)
        if isinstance(value, str) and value:
            parts.append(visible_text(value))
    for child in getattr(widget, "children", ()):
        parts.append(shown_text(child))
    return " ".join(p for p in parts if p)


def _visit(path: Path, code: str) -> Visit:
    return Visit.start(str(path), f"deelnemer={code}", wait=False)


def test_the_school_page_shows_the_kernteam_its_own_schools_work_only(setup) -> None:
    path, cfg, store, people = setup
    team(store, cfg, people["Sanne"]).edit_pyramid(pyramid(), pyramid(base=[activity("Mentorles")]))
    # Lotte is at OBS A but not in the kernteam: she is asked, and sees nothing of it yet.
    page = SchoolPage(_visit(path, people["Lotte"].code))
    shown = shown_text(page)
    assert NOT_A_MEMBER in shown and "Ik zit in het kernteam van OBS A" in shown
    assert "Mentorles" not in shown
    button = next(c for c in page.children if getattr(c, "description", "").startswith("Ik zit"))
    button.click()
    # Saying so is only a request: nothing of the school until the trainer lets her in.
    lotte = store.get_participant(cfg.slug, people["Lotte"].code)
    assert lotte.kernteam_asked and not lotte.kernteam
    shown = shown_text(page)
    assert "De trainer moet je nog toelaten" in shown and "Mentorles" not in shown
    with pytest.raises(NotInKernteamError):
        Kernteam(store, cfg, lotte)
    # The trainer sees the request (with a pseudonym unless names are shown) and lets her in.
    board = Board(lambda _a: None, lambda _e: None, lambda d: decided.extend(d))
    decided: list[tuple[str, str, str]] = []
    requests = kernteam_requests_html(
        store.list_participants(cfg.slug),
        display_names(store.list_participants(cfg.slug)),
        board.token,
    )
    assert "Lotte" not in requests and "(OBS A)" in requests
    token = board.token("kernteam", lotte.code, "ja")
    assert token in requests
    board._message(board, {"type": "approve", "tokens": [token]}, [])
    assert decided == [("kernteam", lotte.code, "ja")]
    store.set_kernteam(cfg.slug, lotte.code, True)  # what the trainer page does with it
    page.live()  # her page's next heartbeat opens the school's work
    shown = shown_text(page)
    members = shown.split("Kernteam van OBS A:")[1].split("Waar staat")[0]
    assert sorted(members.replace(",", " ").split()) == ["Kees", "Lotte", "Sanne"]
    assert page.pyramid is not None and names(page.pyramid.value())["base"] == ["Mentorles"]
    # Ahmed's page (CBS B) holds neither OBS A's pyramid nor its members.
    other = SchoolPage(_visit(path, people["Ahmed"].code))
    assert other.pyramid is not None and names(other.pyramid.value()) == {}
    assert "Sanne" not in shown_text(other) and "Mentorles" not in shown_text(other)


def test_the_school_page_follows_what_another_member_adds(setup) -> None:
    path, cfg, store, people = setup
    sanne_page = SchoolPage(_visit(path, people["Sanne"].code))
    kees_page = SchoolPage(_visit(path, people["Kees"].code))
    assert sanne_page.pyramid and kees_page.pyramid
    # Sanne drops an activity on her board; Kees, at the same moment, on his.
    sanne_page.pyramid.board.value = pyramid(base=[activity("Mentorles")])
    kees_page.pyramid.board.value = pyramid(extra=[activity("Faalangsttraining")])
    assert names(kees_page.pyramid.value()) == {
        "base": ["Mentorles"],
        "extra": ["Faalangsttraining"],
    }
    sanne_page.live()  # the next heartbeat of Sanne's page
    assert names(sanne_page.pyramid.value())["extra"] == ["Faalangsttraining"]
    assert HISTORY_DOC and store.school_items(cfg.slug, "OBS A", HISTORY_DOC)


def _mark(store: AnswerStore, cfg, person, *texts: str) -> None:
    items = [dict(actiepunten.new_item(text=t, for_school=True)) for t in texts]
    store.save_answer(cfg.slug, person.code, ACTIONS, {"version": 2, "items": items})


def test_the_kernteam_makes_one_plan_from_the_points_for_the_school(setup, tmp_path: Path) -> None:
    path, cfg, store, people = setup
    _mark(store, cfg, people["Lotte"], "Rustplek in elke klas", "Ouderavond over stress")
    _mark(store, cfg, people["Ahmed"], "Alleen voor CBS B")
    page = SchoolPage(_visit(path, people["Kees"].code))
    rows = list(page.rows.values())
    assert [r.text.value for r in rows] == ["Rustplek in elke klas", "Ouderavond over stress"]
    first, second = rows
    first.text.value = "Een rustplek in elke klas van de onderbouw"
    first.owner.value = "Kees (zorgcoördinator)"
    first.status.value = ACCEPTED
    second.status.value = DROPPED
    # A second member's page shows the same decisions.
    other = SchoolPage(_visit(path, people["Sanne"].code))
    shown = shown_text(other)
    assert "In ons plan Een rustplek in elke klas van de onderbouw" in shown
    assert "Alleen voor CBS B" not in shown
    state = school_state(store, cfg, "OBS A", with_names=True)
    accepted = [p for p in state.proposals if p.status == ACCEPTED]
    assert [(p.shown_text, p.owner) for p in accepted] == [
        ("Een rustplek in elke klas van de onderbouw", "Kees (zorgcoördinator)")
    ]
    # The trainer sees it per school; CBS B's section holds only CBS B's point.
    text = visible_text(school_plans_section(cfg, take_snapshot(store, cfg.slug), True, store))
    obs_a, cbs_b = text.split("CBS B Het kernteam")
    assert (
        "Een rustplek in elke klas van de onderbouw" in obs_a and "1 voorstel is geschrapt" in obs_a
    )
    assert "Een rustplek" not in cbs_b and "Alleen voor CBS B" in cbs_b


def test_deleting_a_member_keeps_the_schools_work_without_their_name(setup) -> None:
    _path, cfg, store, people = setup
    team(store, cfg, people["Kees"]).edit_pyramid(pyramid(), pyramid(base=[activity("Mentorles")]))
    store.save_measured(cfg.slug, people["Kees"].code, SCAN, {"scores": [3] * 11}, "2026-09-15")
    store.delete_participant(cfg.slug, people["Kees"].code)
    rows = store.school_items(cfg.slug, "OBS A", "piramide")
    assert [r.author for r in rows] == [""]  # the school keeps the activity, not who added it
    assert store.measurements(cfg.slug, SCAN) == []
    assert "Kees" not in school_state(store, cfg, "OBS A", with_names=True).members


HAS_POPPLER = shutil.which("pdftotext") is not None


@pytest.mark.skipif(not HAS_POPPLER, reason="pdftotext (poppler-utils) is needed")
def test_a_two_meeting_trajectory_shows_before_and_after(setup, tmp_path: Path) -> None:
    path, cfg, store, people = setup
    sanne = people["Sanne"]
    # Meeting 1 (15 september): the scan low on two domains, the school pyramid inverted.
    store.save_measured(cfg.slug, sanne.code, SCAN, {"scores": [2, 2] + [4] * 9}, "2026-09-15")
    inverted = pyramid(
        base=[activity("Mentorles")],
        intensive=[activity("Gesprekken met de orthopedagoog", 6)],
    )
    store.put_school_items(cfg.slug, "OBS A", HISTORY_DOC, {"2026-09-15": inverted}, sanne.code)
    # Meeting 2 (today): Sanne fills in the scan again on her page.
    answers = ParticipantAnswers(store, cfg.slug, sanne)
    scan = widget_class("schaal")(get_exercise(SCAN), *cfg.words)
    scan.round_label = partial(round_label, cfg)  # as the module page sets it
    scan.bind(answers)
    hint = shown_text(scan.rounds)
    assert "Je vulde dit in op 15 september 2026 (Bijeenkomst 1: de huidige situatie)" in hint
    scan.restore({"scores": [4, 4] + [4] * 9})
    scan.changed()
    shown = shown_text(scan.rounds)
    assert "Jouw metingen naast elkaar" in shown
    assert "15 september 2026 (Bijeenkomst 1: de huidige situatie)" in shown
    first_domain = get_exercise(SCAN).spec["statements"][0]
    assert first_domain in shown and "+2" in shown
    # The kernteam makes the pyramid balanced today.
    kees = team(store, cfg, people["Kees"])
    kees.edit_pyramid(
        kees.pyramid(),
        pyramid(
            base=[activity("Mentorles", 6), activity("Klassenregels", 3)],
            extra=[activity("Faalangsttraining", 2)],
            intensive=[activity("Gesprekken met de orthopedagoog", 1)],
        ),
    )
    kees.set_step("evalueren-en-borgen")
    state = school_state(store, cfg, "OBS A", with_names=True)
    assert state.pyramid_rounds is not None and len(state.pyramid_rounds.rounds) == 2
    assert [ex.id for ex, _c in state.measured] == [SCAN]
    # The school's report, read back from the PDF.
    html_path, pdf_path = write_school_plan(store, cfg, "OBS A", tmp_path / "uit")
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "De schoolpiramide per bijeenkomst" in text
    assert "Oordeel: Stevige basis" in text  # the school pyramid as it is now
    assert "Het oordeel veranderde: van 'Omgekeerde piramide' naar 'Stevige basis" in text
    assert "Voor en na:" in text and "15 september 2026" in text
    assert "Bijeenkomst 1: de huidige situatie" in text
    members = text.split("In het kernteam: ")[1].split(".")[0]
    assert sorted(members.split(", ")) == ["Kees", "Sanne"]  # Ahmed is of another school
    assert "Stap van het stappenplan: Evalueren en borgen." in text
    assert "<script" not in html_path.read_text(encoding="utf-8")


def test_a_schema_1_database_gets_the_kernteam_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    run_directly(url, V1_SCHEMA)
    with AnswerStore(url) as store:
        anna = store.get_participant("groep", "abcd-efgh")
        assert anna is not None and anna.kernteam is False
        store.set_kernteam("groep", "abcd-efgh", True)
        assert store.get_participant("groep", "abcd-efgh").kernteam
        store.put_school_items("groep", "OBS", "piramide", {"x": {"layer": "base"}}, anna.code)
        assert [r.item for r in store.school_items("groep", "OBS", "piramide")] == ["x"]
        assert json.loads(json.dumps(store.measurements("groep", SCAN))) == []


def test_a_deleted_or_removed_member_gets_nothing_more(setup) -> None:
    path, cfg, store, people = setup
    page = SchoolPage(_visit(path, people["Kees"].code))
    second_tab = SchoolPage(_visit(path, people["Kees"].code))
    assert page.pyramid is not None and second_tab.pyramid is not None
    # The trainer takes Kees out: his page closes the school's work at the next heartbeat.
    store.set_kernteam(cfg.slug, people["Kees"].code, False)
    page.live()
    assert page.pyramid is None and "Ik zit in het kernteam van OBS A" in shown_text(page)
    # A tab that had not noticed yet cannot write either.
    second_tab.pyramid.board.value = pyramid(base=[activity("Na het uithalen")])
    assert "Niet opgeslagen" in shown_text(second_tab.pyramid.status)
    assert names(second_tab.pyramid.value())["base"] == ["Na het uithalen"]  # still on screen
    assert store.school_items(cfg.slug, "OBS A", "piramide") == []
    # Deleted: the same.
    sanne_page = SchoolPage(_visit(path, people["Sanne"].code))
    store.delete_participant(cfg.slug, people["Sanne"].code)
    with pytest.raises(StoreError):
        team_of_sanne = sanne_page.team
        assert team_of_sanne is not None
        team_of_sanne.set_step("plan")
    sanne_page.live()
    assert "Je gegevens zijn verwijderd" in shown_text(sanne_page)
    assert store.school_items(cfg.slug, "OBS A", "stap") == []


def test_an_edit_from_a_board_that_missed_the_latest_push_loses_nothing(setup) -> None:
    path, cfg, store, people = setup
    sanne = SchoolPage(_visit(path, people["Sanne"].code))
    kees = SchoolPage(_visit(path, people["Kees"].code))
    assert sanne.pyramid and kees.pyramid
    old_board = sanne.pyramid.value()  # what Sanne's slow phone still shows
    kees.pyramid.board.value = pyramid(base=[activity("Van Kees")])
    sanne.live()  # the kernel pushes Kees's item, the phone has not drawn it yet
    old_board["layers"]["extra"] = [activity("Van Sanne")]
    sanne.pyramid.board.value = old_board  # her edit, made on the older board
    assert names(store_pyramid(store, cfg)) == {"base": ["Van Kees"], "extra": ["Van Sanne"]}
    assert names(sanne.pyramid.value()) == {"base": ["Van Kees"], "extra": ["Van Sanne"]}


def store_pyramid(store: AnswerStore, cfg) -> dict:
    from workbook.kernteam import PYRAMID_DOC, merged_pyramid

    return dict(merged_pyramid("OBS A", store.school_items(cfg.slug, "OBS A", PYRAMID_DOC)))


def test_two_members_changing_different_fields_of_one_point_keep_both(setup) -> None:
    path, cfg, store, people = setup
    _mark(store, cfg, people["Lotte"], "Rustplek in elke klas")
    sanne = SchoolPage(_visit(path, people["Sanne"].code))
    kees = SchoolPage(_visit(path, people["Kees"].code))
    (sanne_row,) = sanne.rows.values()
    (kees_row,) = kees.rows.values()
    sanne_row.owner.value = "Sanne"
    kees_row.status.value = ACCEPTED  # before his page heard of Sanne's owner
    (point,) = school_state(store, cfg, "OBS A", with_names=True).proposals
    assert (point.status, point.owner) == (ACCEPTED, "Sanne")


def test_an_answer_from_before_remeasuring_counts_as_its_days_measurement(store_url: str) -> None:
    with AnswerStore(store_url) as store:
        anna = store.create_participant("groep", "Anna", "OBS A")
        store.save_answer("groep", anna.code, SCAN, {"scores": [2] * 11})
        run_directly(
            store_url,
            ["UPDATE answers SET updated_at = '2026-09-15T10:00:00.000+00:00'"],
        )
        assert store.measurements("groep", SCAN) == [
            (anna.code, "2026-09-15", {"scores": [2] * 11})
        ]
        store.save_measured("groep", anna.code, SCAN, {"scores": [4] * 11}, "2026-11-24")
        assert store.measurements("groep", SCAN, anna.code) == [
            (anna.code, "2026-09-15", {"scores": [2] * 11}),
            (anna.code, "2026-11-24", {"scores": [4] * 11}),
        ]
        store.save_measured("groep", anna.code, SCAN, {"scores": [5] * 11}, "2026-11-24")
        assert [d for _c, d, _v in store.measurements("groep", SCAN)] == [
            "2026-09-15",
            "2026-11-24",
        ]


def test_a_point_in_the_plan_stays_when_its_proposer_changes_or_deletes_it(setup) -> None:
    _path, cfg, store, people = setup
    _mark(store, cfg, people["Lotte"], "Rustplek in elke klas")
    kees = team(store, cfg, people["Kees"])
    (point,) = kees.proposals()
    kees.decide(point, status=ACCEPTED, owner="Kees")
    _mark(store, cfg, people["Lotte"], "Rustplek in elke klass")  # she edits her point
    by_status = {(p.status, p.shown_text) for p in kees.proposals()}
    assert by_status == {
        (ACCEPTED, "Rustplek in elke klas"),
        ("voorgesteld", "Rustplek in elke klass"),
    }
    store.delete_participant(cfg.slug, people["Lotte"].code)
    (kept,) = kees.proposals()
    assert (kept.status, kept.shown_text, kept.owner, kept.proposer) == (
        ACCEPTED,
        "Rustplek in elke klas",
        "Kees",
        "",
    )
