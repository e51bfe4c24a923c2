"""Who is working on a page: the participant code from the URL, or a new participant from the join form."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from workbook.catalog import list_exercises
from workbook.config import Config, load_config, self_study_config
from workbook.store import AnswerStore, Participant, ParticipantAnswers, open_store

QUERY_KEY = "deelnemer"
CODE_PATTERN = re.compile(r"[a-z0-9]{4}-[a-z0-9]{4}")


def page_query_string() -> str:
    """The page's query string under Voila (waits for it with preheated kernels), else ''."""
    if "VOILA_KERNEL_ID" in os.environ or "QUERY_STRING" in os.environ:
        try:
            from voila.utils import get_query_string

            return get_query_string() or ""
        except Exception:
            return os.environ.get("QUERY_STRING", "")
    return ""


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

    @classmethod
    def start(cls, config_path: str, query: str | None = None) -> Visit:
        config = page_config(config_path)
        store = open_store(config.store_url)
        visit = cls(config, store)
        code = code_from_query(page_query_string() if query is None else query)
        if code:
            visit.participant = store.get_participant(config.slug, code)
            if visit.participant is None:
                visit.unknown_code = code
        return visit

    def join(self, name_or_code: str, school: str) -> Participant:
        """Resume by an existing code, or register a new participant under the given name."""
        text = " ".join(name_or_code.split())
        code = text.lower()
        if CODE_PATTERN.fullmatch(code):
            found = self.store.get_participant(self.config.slug, code)
            if found is not None:
                self.participant = found
                return found
        self.participant = self.store.create_participant(self.config.slug, text, school)
        return self.participant

    def answers(self) -> ParticipantAnswers | None:
        if self.participant is None:
            return None
        return ParticipantAnswers(self.store, self.config.slug, self.participant)


def module_progress(answers: dict[str, object], module_id: str) -> tuple[int, int]:
    """(answered, total) exercises of a module, for progress on the landing page."""
    ids = [e.id for e in list_exercises(module_id)]
    done = sum(1 for i in ids if answers.get(i) not in (None, "", [], {}))
    return done, len(ids)
