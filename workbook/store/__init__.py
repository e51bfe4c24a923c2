"""The answer store (answers.py), its schema and upgrades, and the anonymous group counts (group.py)."""

from workbook.store.answers import (
    SCHEMA_VERSION,
    AnswerStore,
    Participant,
    ParticipantAnswers,
    SchoolItem,
    libpq_url,
    open_store,
)

__all__ = [
    "SCHEMA_VERSION",
    "AnswerStore",
    "Participant",
    "ParticipantAnswers",
    "SchoolItem",
    "libpq_url",
    "open_store",
]
