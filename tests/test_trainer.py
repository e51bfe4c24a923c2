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

    out = []
    if isinstance(widget, (w.HTML,)):
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
