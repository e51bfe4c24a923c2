"""What a participant notices in the content of the modules: facts, exercises and the page order."""

from __future__ import annotations

import re

import nbformat

from workbook.content.catalog import get_exercise, get_module, list_exercises
from workbook.paths import notebooks_dir
from workbook.words import fill_placeholders


def _page_calls(module_id: str) -> list[str]:
    """The explain/show calls of a module's notebook, in page order."""
    nb = nbformat.read(notebooks_dir() / get_module(module_id).notebook, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(r"page\.(?:explain|show)\(\"[^\"]+\"\)", code)


def _module_text(module_id: str) -> str:
    """Everything a participant reads on a module page: summary, explanations and exercises."""
    module = get_module(module_id)
    parts = [module.title, module.summary]
    parts += [f"{s.title}\n{s.text}" for s in module.sections]
    for ex in list_exercises(module_id):
        parts += [ex.title, ex.prompt, ex.help, str(ex.spec)]
    return "\n".join(parts)


def _assert_well_shaped(module_id: str) -> None:
    """Per sector 4-6 explanations and 5-7 exercises of 3+ kinds (a sector's variant, such as
    `mijn-route-mbo`, replaces the one for other sectors), 3-4 exchanges in a group placed among
    the exercises (not gathered at the end), actiepunten last."""
    module = get_module(module_id)
    exercises = [e for e in list_exercises(module_id) if e.kind != "uitwisseling"]
    exchanges = [e.id for e in list_exercises(module_id) if e.kind == "uitwisseling"]
    for sector in module.sectors:
        assert 4 <= len([s for s in module.sections if s.shown_to(sector)]) <= 6, sector
        assert 5 <= len([e for e in exercises if e.shown_to(sector)]) <= 7, sector
    assert len({e.kind for e in exercises} - {"actiepunten"}) >= 3
    assert 3 <= len(exchanges) <= 4
    calls = _page_calls(module_id)
    assert calls[-1] == f'page.show("{module_id}/actiepunten")'
    shown = [
        c.removeprefix('page.show("').removesuffix('")') for c in calls if c.startswith("page.show")
    ]
    first = min(shown.index(e) for e in exchanges)
    assert any(e.id in shown[first:-1] for e in exercises), "the exchanges are all at the end"
    assert get_exercise(f"{module_id}/actiepunten").title == "Mijn actiepunten"


def test_ouders_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("ouders")


def test_ouders_covers_why_barriers_good_examples_and_a_plan():
    text = _module_text("ouders")
    for needed in (
        "leren",
        "plezier",
        "Cultuur",
        "tienminutengesprekken",
        "plan van aanpak",
        "kanaal",
    ):
        assert needed.lower() in text.lower(), needed


def test_ouders_self_scan_sums_up_where_the_school_can_improve():
    scan = get_exercise("ouders/zelfscan")
    assert scan.kind == "schaal"
    assert len(scan.spec["statements"]) >= 6
    assert scan.spec["concern_max"] is not None
    assert scan.spec["summary_title"] != "Samenvatting"


def test_ouders_communication_plan_asks_for_goal_and_channel_per_row():
    plan = get_exercise("ouders/communicatieplan")
    assert plan.kind == "tabel"
    columns = " ".join(plan.spec["columns"]).lower()
    assert "doel" in columns and "kanaal" in columns
    assert plan.spec["rows"] >= 3


def test_ouders_texts_say_studenten_in_mbo():
    module = get_module("ouders")
    shown = fill_placeholders(module.sections[0].text, "student", "studenten")
    assert "studenten" in shown and "{leerling" not in shown


def test_stage_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("stage")


def test_stage_names_the_monitor_figure_of_4_4_percent():
    text = _module_text("stage")
    assert "4,4%" in text
    assert "Monitor Sociale Veiligheid" in text
    answer = [o for o in get_exercise("stage/cijfer").spec["options"] if o["correct"]]
    assert [o["text"] for o in answer] == ["4,4%"]


def test_stage_explains_the_double_role_of_learner_and_employee():
    text = _module_text("stage").lower()
    assert "lerende" in text and "werknemer" in text
    assert "praktijkopleider" in text and "collega" in text


def test_stage_measures_are_asked_per_gezonde_school_pillar():
    pillars = ["Educatie", "Omgeving", "Signalering", "Beleid"]
    assert get_exercise("stage/maatregelen").spec["row_labels"] == pillars
    sorting = get_exercise("stage/pijlers").spec
    assert sorting["categories"] == pillars and sorting["checkable"]
    assert get_exercise("stage/risicokaart").kind in ("tabel", "checklist")
    assert get_exercise("stage/gespreksvragen").kind in ("checklist", "open")


def test_stage_is_offered_in_mbo_and_elsewhere_only_when_listed():
    from workbook.config import load_config, parse_config
    from workbook.paths import examples_dir

    assert "stage" in load_config(examples_dir() / "mbo-vakcollege.toml").offered_modules()
    assert "stage" not in load_config(examples_dir() / "po-kindwijs.toml").offered_modules()
    assert "stage" not in load_config(examples_dir() / "vo-lindecollege.toml").offered_modules()
    listed = parse_config(
        {"naam": "Vmbo met stages", "sector": "vo", "modules": ["prestatiedruk", "stage"]}
    )
    assert "stage" in listed.offered_modules()


def test_inspiratiesessie_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("inspiratiesessie")


def test_inspiratiesessie_opens_the_course_and_names_the_five_domains():
    from workbook.content.catalog import list_modules

    assert list_modules()[0].id == "inspiratiesessie"
    domains = ["Mentaal", "Emotioneel", "Gedragsmatig", "Lichamelijk", "Sociaal"]
    sorting = get_exercise("inspiratiesessie/domeinen")
    assert sorting.kind == "indelen" and sorting.spec["categories"] == domains
    assert {i["category"] for i in sorting.spec["items"]} == set(domains)
    text = _module_text("inspiratiesessie")
    for needed in ("twee kanten op", "vier pijlers", "waar het licht zit", "stoppen"):
        assert needed in text, needed


def test_stappenplan_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("stappenplan")


def test_stappenplan_walks_the_steps_with_their_tools():
    titles = [s.title for s in get_module("stappenplan").sections]
    assert [t.split(":")[0] for t in titles[:4]] == ["Stap 1", "Stap 2", "Stap 3", "Stap 4"]
    tools = get_exercise("stappenplan/hulpmiddelen")
    assert tools.kind == "indelen"
    current = [i["text"] for i in tools.spec["items"] if i["category"] == "Huidige situatie"]
    assert any("checklist" in t for t in current)
    assert any("elf domeinen" in t for t in current)
    assert any("piramide" in t for t in current)
    team = get_exercise("stappenplan/kernteam").spec
    assert team["multiple"] and any("schoolleiding" in o for o in team["options"])
    text = _module_text("stappenplan")
    for needed in ("kernteam", "visie", "hele school", "Borgen", "ideeën"):
        assert needed in text, needed


def test_gelijke_kansen_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("gelijke-kansen")


def test_gelijke_kansen_explains_the_matheus_effect_and_what_a_school_can_see():
    explained = {s.id: s.text for s in get_module("gelijke-kansen").sections}
    assert "Matheus-effect" in explained["matheus-effect"]
    assert "Heeft die ontbeten?" in explained["zien-en-doen"]
    assert "helpt niet elke {leerling}" in explained["gezondheidsverschillen"]
    answer = [o for o in get_exercise("gelijke-kansen/matheus").spec["options"] if o["correct"]]
    assert "Matheus-effect" in answer[0]["text"]
    partners = get_exercise("gelijke-kansen/partners").spec["row_labels"]
    assert "Ouders" in partners and "De GGD" in partners


def test_gezondheidsthemas_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("gezondheidsthemas")


def test_gezondheidsthemas_maps_the_themes_per_gezonde_school_pillar():
    pillars = ["Educatie", "Omgeving", "Signalering", "Beleid"]
    themes = get_exercise("gezondheidsthemas/themakaart")
    assert themes.kind == "tabel" and themes.spec["columns"] == pillars
    rows = themes.spec["row_labels"]
    assert rows[0] == "Welbevinden" and {"Bewegen en sport", "Voeding", "Slapen"} <= set(rows)
    sorting = get_exercise("gezondheidsthemas/pijlers").spec
    assert sorting["categories"] == pillars and sorting["checkable"]
    assert "gouden stap" in _module_text("gezondheidsthemas")


def test_schoolteam_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("schoolteam")


def test_schoolteam_wheel_has_the_seven_parts_of_the_schijf_van_zeven():
    wheel = get_exercise("schoolteam/schijf-van-zeven")
    assert wheel.kind == "schijf"
    names = [s["name"] for s in wheel.spec["segments"]]
    assert names == [
        "Geconcentreerd werken",
        "Spelen",
        "Contact met anderen",
        "Bewegen",
        "Nadenken",
        "Niets hoeven",
        "Slapen",
    ]
    assert all(s["description"] for s in wheel.spec["segments"])
    explained = next(
        s.text for s in get_module("schoolteam").sections if s.id == "schijf-van-zeven"
    )
    assert all(name in explained for name in names)


def test_schoolteam_offers_three_check_in_forms():
    weather = get_exercise("schoolteam/weerbericht")
    emoji = get_exercise("schoolteam/emoji")
    word = get_exercise("schoolteam/een-woord")
    assert weather.kind == "keuze" and any("Zonnig" in o for o in weather.spec["options"])
    assert emoji.kind == "keuze"
    # Every emoji option also has a word, so a screen reader reads more than a picture.
    assert all(re.search(r"[A-Za-z]", o) and not o.isascii() for o in emoji.spec["options"])
    assert word.kind == "open" and word.spec["lines"] == 1


def test_schoolteam_fills_in_only_the_fundament_of_the_pyramid():
    pyramid = get_exercise("schoolteam/fundament")
    assert pyramid.kind == "piramide"
    assert pyramid.spec["layers"] == ["foundation"]
    text = _module_text("schoolteam")
    for needed in (
        "fundament",
        "80 tot 90%",
        "eigen instrument",
        "meer stress door hun werk",
        "check-in",
    ):
        assert needed in text, needed


# -- SEL, ACE's and Signaleren ------------------------------------------------------------------

PYRAMID_CATEGORIES = [
    "Fundament",
    "Sterke basis",
    "Extra ondersteuning",
    "Intensieve ondersteuning",
]


def _rendered_page(module_id: str, sector: str, tmp_path, monkeypatch) -> str:
    """Run a module notebook's page calls for a scholengroep of one sector; return all text shown."""
    import ipywidgets as w

    import widgets.page.page as page_module

    config = tmp_path / f"{sector}.toml"
    config.write_text(
        f'naam = "Proefgroep {sector}"\nsector = "{sector}"\nopslag = "sqlite:///a.sqlite"\n',
        encoding="utf-8",
    )
    shown: list[object] = []
    monkeypatch.setattr(page_module, "display", shown.append)
    page = page_module.open_page(module_id, str(config))
    for call in _page_calls(module_id):
        eval(call, {"page": page})

    def texts(obj: object):
        if isinstance(obj, w.Box):
            for child in obj.children:
                yield from texts(child)
        elif isinstance(obj, w.Widget):
            for trait in ("value", "description", "placeholder"):
                value = getattr(obj, trait, None)
                if isinstance(value, str):
                    yield value
            for option in getattr(obj, "options", ()) or ():
                yield option[0] if isinstance(option, tuple) else str(option)
        else:
            yield getattr(obj, "data", "") or ""

    return "\n".join(t for obj in shown for t in texts(obj))


def _correct_options(exercise_id: str) -> list[str]:
    return [o["text"] for o in get_exercise(exercise_id).spec["options"] if o["correct"]]


def _assert_checkable_sort(exercise_id: str, categories: list[str]) -> None:
    """A sorting exercise with these categories, every category used, feedback on every item."""
    spec = get_exercise(exercise_id).spec
    assert spec["categories"] == categories
    assert spec["checkable"]
    assert {i["category"] for i in spec["items"]} == set(categories)
    assert all(i["feedback"] for i in spec["items"])


def test_sel_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("sel")


def test_sel_explains_sel_the_development_and_the_three_competences():
    text = _module_text("sel")
    for needed in (
        "sociaal-emotioneel leren",
        "sociaal-emotionele ontwikkeling",
        "Ik-competenties",
        "Jij-competenties",
        "Wij-competenties",
        "gevoelsthermometer",
        "stresshormoon",
        "mindfulness",
        "pesten tegengaan",
        "Waar ben je goed in?",
    ):
        assert needed in text, needed
    # B1: no abbreviation a reader must look up, no 'erachter staan'
    assert "SEO" not in text and "erachter" not in text


def test_sel_sorts_skills_into_ik_jij_and_wij():
    _assert_checkable_sort("sel/ik-jij-wij", ["Ik", "Jij", "Wij"])


def test_sel_thermometer_comes_right_after_its_explanation_and_shows_the_group():
    thermometer = get_exercise("sel/gevoelsthermometer")
    assert thermometer.kind == "thermometer"
    assert thermometer.spec["group_minimum"] >= 3
    calls = _page_calls("sel")
    assert (
        calls.index('page.show("sel/gevoelsthermometer")')
        == calls.index('page.explain("gevoelsthermometer")') + 1
    )


def test_sel_plans_one_moment_in_your_own_lesson():
    plan = get_exercise("sel/sel-moment")
    assert plan.kind == "tabel"
    assert any("ik, jij of wij" in row for row in plan.spec["row_labels"])


def test_aces_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("aces")
    assert get_module("aces").title == "Ingrijpende jeugdervaringen (ACE's)"


def test_aces_page_shows_46_and_12_percent_of_them_in_po_and_mbo(tmp_path, monkeypatch):
    """46% of pupils in groep 7/8 had one or more ACEs, and 12% of those three or more."""
    for sector, group in (("po", "groep 7/8"), ("mbo", "laatste twee jaar van de basisschool")):
        shown = " ".join(_rendered_page("aces", sector, tmp_path, monkeypatch).split())
        assert "46%" in shown and "12% van hen" in shown and group in shown, sector
        assert "13" in shown and "1 of 2" in shown, sector
    assert "groep 7/8" not in _rendered_page("aces", "mbo", tmp_path, monkeypatch)
    assert _correct_options("aces/hoeveel") == ["Ongeveer dertien"]


def test_aces_names_the_six_daily_principles_in_order():
    section = next(s.text for s in get_module("aces").sections if s.id == "zes-principes")
    principles = [
        "Werk vanuit positieve aandacht",
        "Geef positieve waardering",
        "Behoud hoge verwachtingen",
        "Check je aannames",
        "Word relatiecoach",
        "Wees zelf rolmodel",
    ]
    positions = [section.index(p) for p in principles]
    assert positions == sorted(positions)
    assert "eerst contact, dan correctie" in " ".join(section.lower().split())
    _assert_checkable_sort("aces/principes", principles)


def test_aces_safe_environment_follows_coppens():
    section = next(s for s in get_module("aces").sections if s.id == "veilige-omgeving")
    assert "Wees voorspelbaar" not in section.text
    assert "relatie met jou veilig" in " ".join(section.text.split())
    assert "Coppens" in section.source


def test_aces_covers_stress_safety_and_helpful_messages():
    text = _module_text("aces")
    for needed in (
        "overleven",
        "traumasensitief lesgeven",
        "goed is voor alle {leerlingen}",
        "Blijf zelf kalm",
        "nooit jouw schuld",
        "Je bent niet de enige",
        "vechtscheiding",
        "Breinbijsluiter",
    ):
        assert needed in text, needed


def test_aces_recognises_signals_and_places_cases_in_the_pyramid():
    signals = get_exercise("aces/signalen")
    assert signals.spec["multiple"]
    assert all(o["feedback"] for o in signals.spec["options"])
    _assert_checkable_sort("aces/piramide", PYRAMID_CATEGORIES)


def test_signaleren_module_is_complete_and_ends_with_action_points():
    _assert_well_shaped("signaleren")


def test_signaleren_names_the_yearly_monitor_from_groep_6_and_in_vso(tmp_path, monkeypatch):
    shown = _rendered_page("signaleren", "po", tmp_path, monkeypatch)
    assert "Monitor Sociale Veiligheid" in shown
    assert "één keer per jaar" in shown and "vanaf groep 6" in shown and "vso" in shown
    for instrument in (
        "leerlingvolgsysteem",
        "sociaal-emotionele ontwikkeling volgen",
        "sociogram",
    ):
        assert instrument in shown.lower(), instrument


def test_signaleren_choosing_an_instrument_explains_every_option():
    instrument = get_exercise("signaleren/instrument")
    assert _correct_options("signaleren/instrument") == ["De Monitor Sociale Veiligheid"]
    assert all(o["feedback"] for o in instrument.spec["options"])


def test_signaleren_triage_and_own_route():
    _assert_checkable_sort("signaleren/triage", PYRAMID_CATEGORIES)
    route = get_exercise("signaleren/mijn-route")
    assert route.kind == "tabel"
    assert route.spec["columns"] == ["Wie", "Wat", "Wanneer"]
    assert len(route.spec["row_labels"]) >= 5


def test_sel_aces_and_signaleren_say_studenten_in_mbo(tmp_path, monkeypatch):
    for module_id in ("sel", "aces", "signaleren"):
        shown = _rendered_page(module_id, "mbo", tmp_path, monkeypatch)
        assert "studenten" in shown.lower(), module_id
        assert not re.search(r"\b[Ll]eerlingen?\b|\{[Ll]eerling", shown), module_id
    assert "Studentvolgsysteem" in _rendered_page("signaleren", "mbo", tmp_path, monkeypatch)


def test_sel_aces_and_signaleren_are_written_in_own_words():
    """No run of eight words is copied from the seed texts (checked where the seeds are present)."""
    from pathlib import Path

    import pytest

    from tests.seed_copies import without_quotes
    from workbook.paths import exercises_dir

    # The seed texts live beside the repository, in ../shared/seeds (not part of the checkout itself).
    seed_dir = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    seeds = sorted(seed_dir.glob("*.txt"))
    if not seeds:
        pytest.skip(
            f"no seed texts (*.txt) in {seed_dir}: put the source documents there to run this check"
        )

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9à-ÿ%]+", text.lower())

    seed_words = [w for path in seeds for w in words(path.read_text(encoding="utf-8")) + ["#"]]
    runs = {tuple(seed_words[i : i + 8]) for i in range(len(seed_words) - 7)}
    for module_id in ("sel", "aces", "signaleren"):
        for path in sorted((exercises_dir() / module_id).glob("*.yaml")):
            text = without_quotes(path.read_text(encoding="utf-8"))
            own = words(re.sub(r"\{(\w+)\}", r"\1", text))
            copied = [
                " ".join(own[i : i + 8])
                for i in range(len(own) - 7)
                if tuple(own[i : i + 8]) in runs
            ]
            assert not copied, f"{path}: {copied[0]}"


def test_explanations_arrive_as_ready_html_with_tables_and_markup_as_text(tmp_path, monkeypatch):
    import widgets.page.page as page_module

    shown = _rendered_page("schoolteam", "vo", tmp_path, monkeypatch)
    assert "<h1>Welbevinden van het schoolteam</h1>" in shown
    assert "<table>" in shown and "<td><strong>Geconcentreerd werken</strong></td>" in shown
    html: list[object] = []
    monkeypatch.setattr(page_module, "display", html.append)
    page_module.show_markdown('## Groep <script>alert("x")</script> & <b>vet</b>')
    assert html[0].data == (
        '<div class="wb-markdown"><h2>Groep &lt;script&gt;alert(&quot;x&quot;)'
        "&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;</h2>\n</div>"
    )


def test_mbo_pages_ask_the_students_consent_before_involving_parents(tmp_path, monkeypatch):
    """A student of 18 or older decides whether the parents are involved: every mbo route says so."""
    for module_id in ("signaleren", "prestatiedruk", "ouders"):
        mbo = " ".join(_rendered_page(module_id, "mbo", tmp_path, monkeypatch).split())
        po = " ".join(_rendered_page(module_id, "po", tmp_path, monkeypatch).split())
        assert "toestemming" in mbo, module_id
        assert "toestemming" not in po, module_id
    mbo = " ".join(_rendered_page("signaleren", "mbo", tmp_path, monkeypatch).split())
    assert "Ouders betrekken." not in mbo and "18 jaar of ouder" in mbo


def test_the_readme_lists_every_module_in_course_order():
    from pathlib import Path

    from workbook.content.catalog import list_modules

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| .+ \| `([a-z-]+)` \| (\d+) \|$", readme, re.M)
    assert listed == [(m.id, str(m.minutes)) for m in list_modules()]
