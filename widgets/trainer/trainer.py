"""The trainer page: a key gate, then who is where and the group's live results, steering the room."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path

import ipywidgets as w
from IPython.display import HTML, display

from widgets import labels
from widgets.base import escape
from widgets.entry import EntryForm, field
from widgets.page.nowmark import NowMarker
from widgets.page.page import show_style
from widgets.shared import make
from widgets.trainer.board import Board
from widgets.trainer.join import join_html
from widgets.trainer.views import (
    approval_html,
    counted,
    kernteam_requests_html,
    progress_html,
    school_plans_section,
    script_section,
    summary_html,
)
from workbook.config import Config
from workbook.content.catalog import get_exercise, get_module, list_exercises
from workbook.errors import WorkbookError
from workbook.kinds import KINDS, answer_text, summarize, title_of
from workbook.output.results import (
    NO_SCHOOL,
    display_names,
    offered_titles,
    participant_progress,
    school_progress,
    take_snapshot,
)
from workbook.runtime.network import served_join
from workbook.runtime.session import may_be_trainer, page_config
from workbook.store import open_store

REFRESH_SECONDS = 3.0
# The dashboard redraws only while its page pings (every 3 s). Without a watcher it falls silent, so
# Voila's culler ends a trainer kernel whose tab is gone, as it does a participant's.
WATCHED_SECONDS = 12.0
NOW_SETTING = "nu"
HIDDEN_SETTING = "verborgen"
HIDDEN_ANSWERS_SETTING = "verborgen-antwoorden"  # [[exercise, code], ...] the trainer hid
APPROVE_SETTING = "eerst-goedkeuren"  # true: typed answers wait for the trainer before the wall
APPROVED_SETTING = "goedgekeurde-antwoorden"  # [[exercise, code, fingerprint], ...]
MODULE_PREFIX = "module:"


def fingerprint(value: object) -> str:
    """A short fingerprint of one saved answer: an approval holds for exactly that version."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _css() -> str:
    return (Path(__file__).parent / "trainer.css").read_text(encoding="utf-8")


def key_matches(config: Config, typed: str) -> bool:
    """True only if the config has a trainer key and typed is exactly it (constant-time compare)."""
    if not config.trainer_key:
        return False
    return hmac.compare_digest(typed.strip().encode("utf-8"), config.trainer_key.encode("utf-8"))


class KeyGate(w.VBox):
    """Asks for the trainer key; calls on_open(config) once it is right. Shows no data itself."""

    def __init__(self, config: Config, on_open) -> None:
        super().__init__()
        self.add_class("wb-page")
        self._config = config
        self._on_open = on_open
        if not may_be_trainer():  # under JupyterHub: not in the hub's trainer group
            self.children = [
                make(
                    w.HTML,
                    f'<p class="wb-error" role="alert">{escape(labels.TRAINER_NOT_IN_GROUP)}</p>',
                )
            ]
            return
        if not config.trainer_key:
            self.children = [
                make(
                    w.HTML,
                    f'<p class="wb-error" role="alert">{escape(labels.TRAINER_KEY_MISSING)}</p>',
                )
            ]
            return
        self.key = EntryForm(
            [field("key", labels.TRAINER_KEY, "password", width="20em")],
            labels.TRAINER_OPEN,
            primary=True,
        )
        self.message = make(w.HTML, "")
        self.key.on_submit(self._try)
        self.children = [
            make(w.HTML, f"<p>{escape(labels.TRAINER_KEY_INTRO)}</p>"),
            self.key,
            self.message,
        ]

    def _try(self, values: dict[str, str]) -> None:
        typed = values["key"]
        self.key.clear("key")
        if may_be_trainer() and key_matches(self._config, typed):
            self._on_open(self._config)
            return
        time.sleep(1.0)  # slow down guessing
        self.message.value = (
            f'<p class="wb-error" role="alert">{escape(labels.TRAINER_KEY_WRONG)}</p>'
        )


class Dashboard(w.VBox):
    """The trainer's view of the scholengroep; refreshes itself every few seconds in a background thread."""

    def __init__(self, config: Config, refresh_seconds: float = REFRESH_SECONDS) -> None:
        super().__init__()
        self.add_class("wb-trainer")
        self.config = config
        self.store = open_store(config.store_url)
        self.titles = offered_titles(config)
        self.words = config.words
        self.choice = make(
            w.Dropdown,
            options=self._options(),
            description=labels.TRAINER_SHOW,
            style={"description_width": "initial"},
            layout=dict(width="40em"),
        )
        self.names = make(w.Checkbox, value=False, description=labels.TRAINER_NAMES, indent=False)
        self.hide = w.ToggleButton(
            value=bool(self.store.get_setting(config.slug, HIDDEN_SETTING, False)),
            description=labels.TRAINER_HIDE,
            tooltip=labels.TRAINER_HIDE,
        )
        self.mark = make(
            w.Button, description=labels.TRAINER_MARK_NOW, tooltip=labels.TRAINER_MARK_NOW_TIP
        )
        self.clear = make(
            w.Button, description=labels.TRAINER_CLEAR_NOW, tooltip=labels.TRAINER_CLEAR_NOW
        )
        self.now_text = make(w.HTML, "")
        self.status = make(w.HTML, "")
        self.results = Board(self._hide_answers, self._unhide_answers)
        self.approving = make(
            w.Checkbox,
            value=bool(self.store.get_setting(config.slug, APPROVE_SETTING, False)),
            description=labels.TRAINER_APPROVE_FIRST,
            indent=False,
            layout=dict(width="auto"),
        )
        self.queue = Board(self._hide_answers, self._unhide_answers, self._approve_answers)
        self.progress = make(w.HTML, "")
        self.join = make(w.HTML, "")
        self.plans = make(w.HTML, "")
        # Who asks to be in a school's kernteam: the trainer lets them in (or takes them out).
        self.kernteam = Board(lambda _a: None, lambda _e: None, self._kernteam_decide)
        self.script = make(w.HTML, "")
        approval = make(w.VBox, [self.approving, self.queue])
        tabs = w.Tab(
            children=[
                self.join,
                self.results,
                approval,
                self.script,
                self.progress,
                make(w.VBox, [self.kernteam, self.plans]),
            ]
        )
        for n, title in enumerate(
            [
                labels.TRAINER_JOIN_TAB,
                labels.TRAINER_RESULTS_TAB,
                labels.TRAINER_APPROVE_TAB,
                labels.TRAINER_SCRIPT_TAB,
                labels.TRAINER_PROGRESS_TAB,
                labels.TRAINER_PLANS_TAB,
            ]
        ):
            tabs.set_title(n, title)
        self._last_ping = time.monotonic()
        self.heartbeat = NowMarker(self.store, config.slug, follow=False, on_ping=self._pinged)
        for control in (self.choice, self.names, self.hide, self.approving):
            control.observe(self._changed, "value")
        self.mark.on_click(self._mark_now)
        self.clear.on_click(self._clear_now)
        self.children = [
            make(w.HBox, [self.choice, self.names], layout=dict(flex_flow="row wrap")),
            make(
                w.HBox,
                [self.hide, self.mark, self.clear, self.now_text],
                layout=dict(flex_flow="row wrap"),
            ),
            self.status,
            tabs,
            self.heartbeat,
        ]
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.refresh()
        self._thread = threading.Thread(
            target=self._loop, args=(refresh_seconds,), daemon=True, name="trainer-refresh"
        )
        self._thread.start()

    def _options(self) -> list[tuple[str, str]]:
        options = []
        for module, title in self.titles.items():
            options.append(
                (labels.TRAINER_WHOLE_MODULE.format(title=title), MODULE_PREFIX + module)
            )
            options += [
                (f"{title} · {title_of(ex, self.words)}", ex.id)
                for ex in list_exercises(module, sector=self.config.sector)
            ]
        return options

    def selected_module(self) -> str:
        """The module of the choice: the whole module, or the module of the one exercise chosen."""
        value = self.choice.value or ""
        if value.startswith(MODULE_PREFIX):
            return value[len(MODULE_PREFIX) :]
        return value.split("/", 1)[0]

    def selected(self) -> list[str]:
        value = self.choice.value or ""
        if value.startswith(MODULE_PREFIX):
            module = value[len(MODULE_PREFIX) :]
            return [ex.id for ex in list_exercises(module, sector=self.config.sector)]
        return [value] if value else []

    # -- refreshing ------------------------------------------------------------------------------
    def _loop(self, seconds: float) -> None:
        """Re-read the store while the page is watched, until stopped (a culled kernel ends it all)."""
        while not self._stop.wait(seconds):
            if self.watched():
                self.refresh()

    def watched(self) -> bool:
        """True while the trainer's page pinged recently: its tab is open and awake."""
        return time.monotonic() - self._last_ping < WATCHED_SECONDS

    def _pinged(self) -> None:
        was_watched = self.watched()
        self._last_ping = time.monotonic()
        if not was_watched:
            self.refresh()  # the tab woke up: show the room now, not a beat later

    def stop(self) -> None:
        self._stop.set()
        self.heartbeat.stop()

    def close(self) -> None:
        self.stop()
        super().close()

    def refresh(self) -> None:
        """Read the store once and update the widgets that changed."""
        with self._lock:
            try:
                self._render()
            except WorkbookError as exc:
                self.status.value = (
                    f'<p class="wb-error" role="alert">'
                    f"{escape(labels.TRAINER_ERROR.format(reason=exc))}</p>"
                )

    def _render(self) -> None:
        slug = self.config.slug
        snap = take_snapshot(self.store, slug)
        now = self.store.get_setting(slug, NOW_SETTING)
        names = self.names.value
        who = {p.code: p.name for p in snap.participants} if names else {}
        schools = {p.code: p.school or NO_SCHOOL for p in snap.participants}
        held = self._hidden_answers()
        waiting = self._waiting(snap.answers, held)
        blocks = []
        for ex in self.selected():
            given = snap.answers.get(ex, {})
            shown = {code: v for code, v in given.items() if (ex, code) not in held}
            shown = {code: v for code, v in shown.items() if code not in waiting.get(ex, {})}
            blocks.append(
                summary_html(
                    summarize(get_exercise(ex), shown, who=who, schools=schools, words=self.words),
                    hidden=self.hide.value,
                    now=ex == now,
                    hide=partial(self.results.token, ex),
                    held_back=len(given) - len(shown) - len(waiting.get(ex, {})),
                    waiting=len(waiting.get(ex, {})),
                )
            )
        _set(self.results, "<div class='wb-tr-results'>" + "".join(blocks) + "</div>")
        self._render_queue(waiting)
        modules = list(self.titles)
        per_school = school_progress(snap, modules, self.config.sector)
        _set(
            self.progress,
            progress_html(
                participant_progress(snap, modules, self.config.sector), per_school, self.titles
            ),
        )
        _set(self.join, join_html(served_join(), per_school, len(snap.participants)))
        _set(self.plans, school_plans_section(self.config, snap, names, self.store))
        _set(
            self.kernteam,
            kernteam_requests_html(
                snap.participants, display_names(snap.participants, names), self.kernteam.token
            ),
        )
        module = self.selected_module()
        _set(
            self.script,
            script_section(get_module(module), self.words, self.config.sector, now)
            if module
            else "",
        )
        _set(
            self.now_text,
            escape(labels.TRAINER_NOW_SET.format(title=title_of(get_exercise(now), self.words)))
            if now and _known(now)
            else escape(labels.TRAINER_NOW_NONE),
        )
        self.hide.description = labels.TRAINER_REVEAL if self.hide.value else labels.TRAINER_HIDE
        self.status.value = (
            '<p class="wb-tr-meta" role="status">'
            + escape(
                labels.TRAINER_UPDATED.format(
                    time=datetime.now().strftime("%H:%M:%S"),
                    people=counted(labels.PEOPLE, len(snap.participants)),
                    answers=counted(labels.ANSWERS, snap.total),
                )
            )
            + "</p>"
        )

    # -- moderation ------------------------------------------------------------------------------
    def _hidden_answers(self) -> set[tuple[str, str]]:
        stored = self.store.get_setting(self.config.slug, HIDDEN_ANSWERS_SETTING, []) or []
        return {(ex, code) for ex, code in stored}

    def _store_hidden(self, held: set[tuple[str, str]]) -> None:
        self.store.set_setting(
            self.config.slug, HIDDEN_ANSWERS_SETTING, sorted([ex, code] for ex, code in held)
        )

    def _hide_answers(self, answers: list[tuple[str, str]]) -> None:
        """Hide these answers from the wall and the word cloud for the rest of the session."""
        self._store_hidden(self._hidden_answers() | set(answers))
        self.refresh()

    def _unhide_answers(self, exercise: str) -> None:
        self._store_hidden({a for a in self._hidden_answers() if a[0] != exercise})
        self.refresh()

    # -- approval: typed answers wait for the trainer before they reach the wall ---------------
    def _approved(self) -> set[tuple[str, str, str]]:
        stored = self.store.get_setting(self.config.slug, APPROVED_SETTING, []) or []
        return {(ex, code, digest) for ex, code, digest in stored}

    def _waiting(
        self, answers: dict[str, dict[str, object]], held: set[tuple[str, str]]
    ) -> dict[str, dict[str, object]]:
        """Per exercise with typed text: the answers not yet approved as they are now (a changed
        answer waits again). Empty when the trainer does not approve first."""
        if not self.approving.value:
            return {}
        approved = self._approved()
        waiting: dict[str, dict[str, object]] = {}
        for module in self.titles:
            for ex in list_exercises(module, sector=self.config.sector):
                if not KINDS[ex.kind].free_text:
                    continue
                for code, value in answers.get(ex.id, {}).items():
                    if (ex.id, code) not in held and (
                        ex.id,
                        code,
                        fingerprint(value),
                    ) not in approved:
                        waiting.setdefault(ex.id, {})[code] = value
        return waiting

    def _render_queue(self, waiting: dict[str, dict[str, object]]) -> None:
        items = [
            (
                title_of(get_exercise(ex), self.words),
                answer_text(get_exercise(ex), value, self.words),
                self.queue.token(ex, code, fingerprint(value)),
                self.queue.token(ex, code),
            )
            for ex, given in waiting.items()
            for code, value in given.items()
        ]
        _set(self.queue, approval_html(items, on=bool(self.approving.value)))

    def _kernteam_decide(self, decisions: list[tuple[str, str, str]]) -> None:
        for _what, code, decision in decisions:
            self.store.set_kernteam(self.config.slug, code, decision == "ja")
        self.refresh()

    def _approve_answers(self, answers: list[tuple[str, str, str]]) -> None:
        """Let these answers, as the trainer saw them, onto the wall and into the cloud."""
        approved = self._approved() | set(answers)
        self.store.set_setting(
            self.config.slug, APPROVED_SETTING, sorted(list(a) for a in approved)
        )
        self.refresh()

    # -- steering the room -----------------------------------------------------------------------
    def _changed(self, change: dict) -> None:
        if change["owner"] is self.hide:
            self.store.set_setting(self.config.slug, HIDDEN_SETTING, bool(self.hide.value))
        if change["owner"] is self.approving:
            self.store.set_setting(self.config.slug, APPROVE_SETTING, bool(self.approving.value))
        self.refresh()

    def _mark_now(self, _src: object) -> None:
        ids = self.selected()
        if len(ids) != 1:
            self.now_text.value = escape(labels.TRAINER_NOW_MODULE)
            return
        self.store.set_setting(self.config.slug, NOW_SETTING, ids[0])
        self.refresh()

    def _clear_now(self, _src: object) -> None:
        self.store.set_setting(self.config.slug, NOW_SETTING, None)
        self.refresh()


def _known(exercise_id: str) -> bool:
    try:
        get_exercise(exercise_id)
    except WorkbookError:
        return False
    return True


def _set(widget: w.HTML, value: str) -> None:
    """Only send a new value to the browser when it changed (keeps the projector calm)."""
    if widget.value != value:
        widget.value = value


class TrainerPage(w.VBox):
    """The key gate first; the dashboard replaces it once the key is right."""

    def __init__(self, config_path: str = "") -> None:
        super().__init__()
        self.dashboard: Dashboard | None = None
        self.children = [KeyGate(page_config(config_path), self._open)]

    def _open(self, config: Config) -> None:
        self.dashboard = Dashboard(config)
        self.children = [self.dashboard]


def show_trainer(config_path: str = "") -> TrainerPage:
    """The trainer notebook's only call: styles, a title, and the key gate."""
    show_style()
    display(HTML(f"<style>{_css()}</style><h1>{escape(labels.TRAINER_TITLE)}</h1>"))
    page = TrainerPage(config_path)
    display(page)
    return page
