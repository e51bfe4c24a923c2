"""The trainer page without a browser: the key gate shows nothing before the key, then live results."""

from __future__ import annotations

from workbook.config import load_config
from workbook.store import open_store

KEY = "geheime-trainer-sleutel"


def _config(tmp_path, key: str | None = KEY):
    text = 'naam = "Groep Trainertest"\nsector = "vo"\nscholen = ["Havo A"]\n'
    text += f'opslag = "sqlite:///{tmp_path / "a.sqlite"}"\n'
    if key:
        text += f'trainersleutel = "{key}"\n'
    path = tmp_path / "groep.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _all_html(widget) -> str:
    import ipywidgets as w

    from widgets.trainer.board import Board

    out = []
    if isinstance(widget, (w.HTML, Board)):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out.append(_all_html(child))
    return "\n".join(out)


def test_wrong_key_shows_no_data_and_right_key_shows_answers(tmp_path, monkeypatch):
    from widgets.trainer import trainer

    monkeypatch.setattr(trainer.time, "sleep", lambda _s: None)
    path = _config(tmp_path)
    cfg = load_config(path)
    store = open_store(cfg.store_url)
    p = store.create_participant(cfg.slug, "Sanne", "Havo A")
    store.save_answer(cfg.slug, p.code, "prestatiedruk/eigen-rol", "Minder <toetsen> per week")

    page = trainer.TrainerPage(str(path))
    gate = page.children[0]
    gate.key._on_message(None, {"type": "submit", "values": {"key": "fout-fout-fout"}}, None)
    html = _all_html(page)
    assert "Minder" not in html and "Sanne" not in html and "klopt niet" in html
    assert page.dashboard is None

    gate.key._on_message(None, {"type": "submit", "values": {"key": KEY}}, None)
    try:
        page.dashboard.choice.value = "module:prestatiedruk"
        html = _all_html(page)
        assert "Minder &lt;toetsen&gt; per week" in html
        assert "<toetsen>" not in html
        assert "Sanne" in html  # who is where shows names
        page.dashboard.names.value = False
        page.dashboard.choice.value = "prestatiedruk/eigen-rol"
        page.dashboard._mark_now(None)
        assert store.get_setting(cfg.slug, "nu") == "prestatiedruk/eigen-rol"
    finally:
        page.dashboard.stop()


def test_without_configured_key_nobody_gets_in(tmp_path):
    from widgets.trainer.trainer import TrainerPage, key_matches

    path = _config(tmp_path, key=None)
    cfg = load_config(path)
    assert not key_matches(cfg, "")
    page = TrainerPage(str(path))
    assert "geen trainersleutel" in _all_html(page)


def test_dashboard_refreshes_by_itself(tmp_path):
    import time

    from widgets.trainer.trainer import Dashboard

    cfg = load_config(_config(tmp_path))
    store = open_store(cfg.store_url)
    board = Dashboard(cfg, refresh_seconds=0.2)
    board.choice.value = "prestatiedruk/eigen-rol"
    try:
        assert "0 antwoorden" in board.status.value or "0 deelnemers" in board.status.value
        p = store.create_participant(cfg.slug, "Ahmed")
        store.save_answer(cfg.slug, p.code, "prestatiedruk/eigen-rol", "Pauzes helpen")
        deadline = time.monotonic() + 5
        while "Pauzes helpen" not in board.results.value and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Pauzes helpen" in board.results.value
    finally:
        board.stop()
    # A stopped dashboard (trainer closed the page) must stop polling the store: its thread ends.
    board._thread.join(2)
    assert not board._thread.is_alive(), "the refresh thread kept running after stop()"


def test_an_unwatched_dashboard_falls_silent_so_its_kernel_can_be_culled(tmp_path, monkeypatch):
    """Without pings from an open tab the dashboard sends nothing; a ping brings it back at once."""
    import time

    from widgets.trainer import trainer

    monkeypatch.setattr(trainer, "WATCHED_SECONDS", 0.5)
    cfg = load_config(_config(tmp_path))
    store = open_store(cfg.store_url)
    board = trainer.Dashboard(cfg, refresh_seconds=0.1)
    board.choice.value = "prestatiedruk/eigen-rol"
    try:
        time.sleep(0.7)  # the tab is gone: no pings
        before = board.status.value
        p = store.create_participant(cfg.slug, "Ahmed")
        store.save_answer(cfg.slug, p.code, "prestatiedruk/eigen-rol", "Pauzes helpen")
        time.sleep(1.2)
        assert board.status.value == before, "an unwatched dashboard kept sending updates"
        assert "Pauzes helpen" not in board.results.value
        board.heartbeat._on_msg(None, {"type": "ping"}, None)  # the tab is back
        assert "Pauzes helpen" in board.results.value
    finally:
        board.stop()


def _joining(urls, *, served=True, room=True):
    from workbook.runtime.network import Joining

    return Joining(served=served, room=room, urls=tuple(urls))


def test_join_screen_shows_the_address_large_with_its_qr_code_and_counts_per_school():
    from widgets.trainer.join import join_html

    schools = {"Havo A": {"participants": 1}, "Vmbo <B>": {"participants": 3}}
    html = join_html(_joining(["http://192.168.1.23:8866", "http://10.0.0.5:8866"]), schools, 4)
    assert "<p class='wb-join-url'>http://192.168.1.23:8866</p>" in html
    assert "<svg" in html and "QR-code voor http://192.168.1.23:8866" in html
    assert "http://10.0.0.5:8866" in html
    assert "Aangemeld: 4 deelnemers" in html
    assert "Vmbo &lt;B&gt;</span> <strong>3</strong>" in html
    assert "Aangemeld: 1 deelnemer<" in join_html(_joining(["http://x:1"]), {}, 1)


def test_join_screen_says_what_to_do_without_a_network():
    from widgets.trainer.join import join_html

    none = join_html(_joining([]), {}, 0)
    assert "geen netwerkadres" in none and "hotspot" in none and "<svg" not in none
    local = join_html(_joining([], room=False), {}, 0)
    assert "--zaal" in local and "<svg" not in local
    lab = join_html(_joining([], served=False, room=False), {}, 0)
    assert "deze pagina kent het adres voor de zaal niet" in lab


def test_join_screen_never_shows_the_trainer_key(tmp_path, monkeypatch):
    from widgets.trainer.trainer import Dashboard
    from workbook.runtime.network import LISTEN_ENV

    monkeypatch.setenv(LISTEN_ENV, "0.0.0.0:8866")
    monkeypatch.setattr(
        "workbook.runtime.network.room_addresses", lambda: ["192.168.1.23", "10.0.0.5"]
    )
    cfg = load_config(_config(tmp_path))
    store = open_store(cfg.store_url)
    store.create_participant(cfg.slug, "Sanne", "Havo A")
    board = Dashboard(cfg, refresh_seconds=60)
    try:
        assert "http://192.168.1.23:8866" in board.join.value
        assert "Havo A</span> <strong>1</strong>" in board.join.value
        assert KEY not in _all_html(board)
    finally:
        board.stop()


def test_one_word_answers_show_as_a_word_cloud():
    from widgets.trainer.views import summary_html
    from workbook.content.catalog import get_exercise
    from workbook.kinds import summarize

    answers = {"a": "Moe", "b": "moe!", "c": " Blij", "d": "moe", "e": "<b>x</b>"}
    view = summarize(get_exercise("schoolteam/een-woord"), answers)
    assert view["type"] == "cloud"
    assert [(i["word"], i["n"]) for i in view["items"]] == [
        ("moe", 3),
        ("<b>x</b>", 1),
        ("Blij", 1),
    ]
    html = summary_html(view)
    assert "wb-tr-cloud" in html and "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert "font-size:3.00em" in html  # the most given word is the biggest


def test_the_trainer_hides_one_answer_with_one_click_and_it_stays_hidden(tmp_path):
    import re

    from widgets.trainer.trainer import Dashboard

    cfg = load_config(_config(tmp_path))
    store = open_store(cfg.store_url)
    sanne = store.create_participant(cfg.slug, "Sanne", "Havo A")
    ahmed = store.create_participant(cfg.slug, "Ahmed", "Havo A")
    store.save_answer(cfg.slug, sanne.code, "prestatiedruk/eigen-rol", "Jan de Vries pest")
    store.save_answer(cfg.slug, ahmed.code, "prestatiedruk/eigen-rol", "Minder toetsen")
    store.save_answer(cfg.slug, sanne.code, "schoolteam/een-woord", "Rot")
    store.save_answer(cfg.slug, ahmed.code, "schoolteam/een-woord", "Blij")
    board = Dashboard(cfg, refresh_seconds=60)
    try:
        board.choice.value = "prestatiedruk/eigen-rol"
        html = board.results.value
        assert sanne.code not in html and ahmed.code not in html  # only opaque tokens
        card = re.search(r"Jan de Vries pest</p><button[^>]*data-hide='([^']+)'", html)
        assert card, html
        board.results._message(None, {"type": "hide", "tokens": [card.group(1)]}, None)
        assert "Jan de Vries" not in board.results.value
        assert (
            "Minder toetsen" in board.results.value
            and "1 antwoord verborgen" in board.results.value
        )

        board.choice.value = "schoolteam/een-woord"
        word = re.search(r"Rot</span><button[^>]*data-hide='([^']+)'", board.results.value)
        board.results._message(None, {"type": "hide", "tokens": [word.group(1)]}, None)
        assert "Rot" not in board.results.value and "Blij" in board.results.value
        board.results._message(None, {"type": "hide", "tokens": ["verzonnen"]}, None)  # ignored
    finally:
        board.stop()

    again = Dashboard(cfg, refresh_seconds=60)  # a reload, or a second trainer tab
    try:
        again.choice.value = "module:prestatiedruk"
        assert "Jan de Vries" not in again.results.value
        again.results._message(
            None, {"type": "unhide", "exercise": "prestatiedruk/eigen-rol"}, None
        )
        assert "Jan de Vries pest" in again.results.value
        again.choice.value = "schoolteam/een-woord"
        assert "Rot" not in again.results.value  # put back per exercise only
    finally:
        again.stop()


def test_the_draaiboek_tab_shows_the_module_and_marks_the_block_on_nu(tmp_path):
    import re

    from widgets.trainer.trainer import NOW_SETTING, Dashboard

    cfg = load_config(_config(tmp_path))
    store = open_store(cfg.store_url)
    board = Dashboard(cfg, refresh_seconds=60)
    try:
        board.choice.value = "module:prestatiedruk"
        html = board.script.value
        assert "Draaiboek: Prestatiedruk en schoolstress (75 minuten)" in html
        assert "0:00–0:05" in html and 'aria-current="step"' not in html

        # The trainer picks one exercise and sets it to 'nu': its block is the current step.
        board.choice.value = "prestatiedruk/stappen"
        board._mark_now(None)
        assert store.get_setting(cfg.slug, NOW_SETTING) == "prestatiedruk/stappen"
        [current] = re.findall(r'<li [^>]*aria-current="step"[^>]*>.*?</li>', board.script.value)
        assert "Samen aanpakken" in current and "Nu bezig" in current
        assert 'href="#wb-script-nu">Nu bezig: blok 7 van 11, 0:40–0:50 Samen aanpakken' in (
            board.script.value
        )
        assert board.script.value.count('aria-current="step"') == 1

        # Another exercise on 'nu' moves the mark; 'Wis nu' removes it.
        board.choice.value = "prestatiedruk/signalen"
        board._mark_now(None)
        [current] = re.findall(r'<li [^>]*aria-current="step"[^>]*>.*?</li>', board.script.value)
        assert "Signalen" in current and "Samen aanpakken" not in current
        board._clear_now(None)
        assert (
            'aria-current="step"' not in board.script.value
            and "wb-script-badge" not in board.script.value
        )

        # An exercise of another module on 'nu' marks nothing in this module's script.
        store.set_setting(cfg.slug, NOW_SETTING, "sel/vragen")
        board.choice.value = "module:prestatiedruk"
        assert 'aria-current="step"' not in board.script.value
    finally:
        board.stop()


def test_with_approval_typed_answers_wait_for_the_trainer_and_a_changed_one_waits_again(tmp_path):
    import re

    from widgets.trainer.trainer import Dashboard

    cfg = load_config(_config(tmp_path))
    store = open_store(cfg.store_url)
    sanne = store.create_participant(cfg.slug, "Sanne", "Havo A")
    ahmed = store.create_participant(cfg.slug, "Ahmed", "Havo A")
    store.save_answer(cfg.slug, sanne.code, "prestatiedruk/eigen-rol", "Al op de muur")
    board = Dashboard(cfg, refresh_seconds=60)
    try:
        board.choice.value = "prestatiedruk/eigen-rol"
        assert "Al op de muur" in board.results.value  # without approval: straight onto the wall
        assert "eerst zelf te lezen" in board.queue.value
        board.approving.value = True
        assert "Al op de muur" not in board.results.value
        assert "1 antwoord wacht op goedkeuring" in board.results.value
        store.save_answer(cfg.slug, ahmed.code, "prestatiedruk/eigen-rol", "Jan de Vries pest")
        board.refresh()
        queue = board.queue.value
        assert sanne.code not in queue and ahmed.code not in queue  # only opaque tokens
        ok = re.search(r"Al op de muur</p><button[^>]*data-approve='([^']+)'", queue)
        board.queue._message(None, {"type": "approve", "tokens": [ok.group(1)]}, None)
        assert "Al op de muur" in board.results.value
        assert "Jan de Vries" not in board.results.value
        bad = re.search(r"Jan de Vries pest</p>.*?data-hide='([^']+)'", board.queue.value)
        board.queue._message(None, {"type": "hide", "tokens": [bad.group(1)]}, None)
        assert "Jan de Vries" not in board.queue.value + board.results.value
        assert "Er wacht niets" in board.queue.value
        # A choice exercise never waits: only typed text does.
        store.save_answer(cfg.slug, sanne.code, "prestatiedruk/compliment", {"chosen": [0]})
        board.choice.value = "prestatiedruk/compliment"
        assert "wacht op goedkeuring" not in board.results.value
        # Changed after approval: it waits again, and the old version is not shown either.
        store.save_answer(cfg.slug, sanne.code, "prestatiedruk/eigen-rol", "Nu iets anders")
        board.choice.value = "prestatiedruk/eigen-rol"
        assert "Nu iets anders" not in board.results.value and "Nu iets anders" in board.queue.value
    finally:
        board.stop()
    again = Dashboard(cfg, refresh_seconds=60)  # the choice is kept in the store
    try:
        assert again.approving.value is True
    finally:
        again.stop()
