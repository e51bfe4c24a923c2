"""Who is working on a page: the participant code from the URL, or a new participant from the join form."""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from workbook.config import Config, load_config, self_study_config
from workbook.runtime.profile import remember_code, remembered_code, remembers
from workbook.store import AnswerStore, Participant, ParticipantAnswers, open_store

QUERY_KEY = "deelnemer"
CODE_PATTERN = re.compile(r"[a-z0-9]{4}-[a-z0-9]{4}")
# Under JupyterHub every user server (and so every kernel) has the hub user's name in its
# environment; the hub's pre_spawn_hook adds HUB_TRAINER_ENV=1 for members of the trainer group.
HUB_USER_ENV = "JUPYTERHUB_USER"
HUB_TRAINER_ENV = "WERKBOEK_HUB_TRAINER"


def hub_user() -> str | None:
    """The JupyterHub user this page is served to, or None outside JupyterHub."""
    return os.environ.get(HUB_USER_ENV) or None


def may_be_trainer() -> bool:
    """Outside JupyterHub the trainer key is enough; under it, also the hub's trainer group."""
    return hub_user() is None or os.environ.get(HUB_TRAINER_ENV) == "1"


def request_pending() -> bool:
    """True in a preheated Voila kernel that has not yet been given to a visitor."""
    return os.environ.get("VOILA_PREHEAT", "False") != "False" and not _REQUEST_SEEN


def when_requested(callback: Callable[[str], None]) -> bool:
    """In a preheated kernel, call callback(query string) once a visitor asks for the page.

    The page can then be built completely before anyone asks for it; only the visitor's own answers
    are filled in afterwards. The callback runs on the kernel's main thread. Returns False, and does
    nothing, when the query string is already known.
    """
    if not request_pending():
        return False
    loop = kernel_loop()

    def wait() -> None:
        query = page_query_string()
        if loop is None:
            callback(query)
        else:
            loop.add_callback(callback, query)

    threading.Thread(target=wait, daemon=True, name="wacht-op-bezoeker").start()
    return True


def kernel_loop() -> Any:
    """The IOLoop of the kernel's main thread, or None outside a kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return getattr(getattr(get_ipython(), "kernel", None), "io_loop", None)


def page_query_string() -> str:
    """The page's query string under Voila, else ''.

    Without preheating Voila starts the kernel with QUERY_STRING set. A preheated kernel runs the page
    before anyone asks for it, so it waits here until Voila sends the request (what
    `voila.utils.get_query_string()` does, without importing all of Voila: that costs ~45 MB per kernel).
    """
    if request_pending():
        _wait_for_request()
    return os.environ.get("QUERY_STRING", "")


_REQUEST_SEEN: list[bool] = []
_QUERY_FAILED: list[str] = []  # why Voila's request info did not arrive, when it did not
QUERY_ATTEMPTS = 3
QUERY_OPEN_TIMEOUT = 10  # seconds per attempt to reach Voila's /voila/query socket
log = logging.getLogger("werkboek.session")


def query_failed() -> bool:
    """True when this preheated kernel could not learn its visitor's URL (so a code may be lost)."""
    return bool(_QUERY_FAILED)


def _wait_for_request() -> None:
    """Receive this kernel's request info from Voila's /voila/query socket and put it in os.environ.

    A few attempts, each logged when it fails; when all fail, query_failed() becomes True so the
    page can tell the visitor that their personal link was not read.
    """
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    env = os.environ
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    url = (
        f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
        f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env.get('VOILA_KERNEL_ID', '')}"
    )
    for attempt in range(1, QUERY_ATTEMPTS + 1):
        try:
            with connect(url, open_timeout=QUERY_OPEN_TIMEOUT, max_size=None) as socket:
                info = json.loads(socket.recv())
            break
        except (OSError, TimeoutError, ValueError, WebSocketException) as exc:
            log.warning(
                "Voila query socket %s, attempt %d of %d: %r", url, attempt, QUERY_ATTEMPTS, exc
            )
            if attempt == QUERY_ATTEMPTS:
                _QUERY_FAILED.append(repr(exc))
                _REQUEST_SEEN.append(True)  # the visitor is here, only their URL is unknown
                return  # the page opens as for a visitor without a code, and says so
            time.sleep(0.5 * attempt)
    for key, value in info.items():
        os.environ[str(key)] = str(value)
    _REQUEST_SEEN.append(True)


def code_from_query(query: str) -> str | None:
    """The participant code in '?deelnemer=...', normalised, or None."""
    values = parse_qs(query.lstrip("?")).get(QUERY_KEY)
    if not values:
        return None
    code = values[0].strip().lower()
    return code if CODE_PATTERN.fullmatch(code) else None


def page_config(config_path: str) -> Config:
    """The scholengroep config of a built page, or the self-study config for a bare notebook."""
    return load_config(config_path) if config_path else self_study_config()


@dataclass
class Visit:
    """One page view: the config, the store, and the participant if known."""

    config: Config
    store: AnswerStore
    participant: Participant | None = None
    unknown_code: str | None = None
    hub_user: str | None = None  # under JupyterHub: one hub account is one participant

    @classmethod
    def start(cls, config_path: str, query: str | None = None, *, wait: bool = True) -> Visit:
        """Open the config and store, and find the participant from the query string.

        With wait=False a preheated kernel does not wait for its visitor: the visit starts without a
        participant, and the page calls arrive() from when_requested().
        """
        config = page_config(config_path)
        visit = cls(config, open_store(config.store_url), hub_user=hub_user())
        if query is None and not wait and request_pending():
            return visit
        visit.arrive(page_query_string() if query is None else query)
        return visit

    def arrive(self, query: str) -> None:
        """Take the participant from the visitor's query string ('?deelnemer=CODE').

        Without a code, self-study and JupyterLab take the participant from the local profile, so
        that one person on their own computer never has to type a code. Under JupyterHub the hub
        account says who it is, and a code in the URL is not read.
        """
        if self.hub_user is not None:
            self.participant = self.store.hub_participant(self.config.slug, self.hub_user)
            return
        code = code_from_query(query)
        if code:
            self.participant = self.store.get_participant(self.config.slug, code)
            self.unknown_code = code if self.participant is None else None
            if self.participant is not None and remembers(self.config):
                remember_code(self.config.slug, self.participant.code)
        elif remembers(self.config):
            known = remembered_code(self.config.slug)
            if known:
                self.participant = self.store.get_participant(self.config.slug, known)

    @property
    def remembered(self) -> bool:
        """True when this computer or the hub account keeps the participant, so links need not
        carry the code."""
        return self.hub_user is not None or remembers(self.config)

    def join(self, name_or_code: str, school: str) -> Participant:
        """Resume by an existing code, or register a new participant under the given name."""
        text = " ".join(name_or_code.split())
        code = text.lower()
        if CODE_PATTERN.fullmatch(code):
            found = self.store.get_participant(self.config.slug, code)
            if found is not None:
                self.participant = found
                self._remember()
                return found
        self.participant = self.store.create_participant(self.config.slug, text, school)
        self._remember()
        return self.participant

    def _remember(self) -> None:
        if self.participant is None:
            return
        if self.hub_user is not None:
            self.store.link_hub_user(self.config.slug, self.hub_user, self.participant.code)
        elif remembers(self.config):
            remember_code(self.config.slug, self.participant.code)

    def answers(self) -> ParticipantAnswers | None:
        if self.participant is None:
            return None
        return ParticipantAnswers(self.store, self.config.slug, self.participant)
