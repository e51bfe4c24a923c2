"""The answer store: answers keyed by scholengroep, participant and exercise id, in any SQLAlchemy database."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from workbook.errors import StoreError

SCHEMA_VERSION = 2
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

metadata = MetaData()

meta_table = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

participants_table = Table(
    "participants",
    metadata,
    Column("scholengroep", String(64), primary_key=True),
    Column("code", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("school", Text, nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    # Added in schema 2: where the participant was last, so the landing page can offer to resume.
    Column("last_module", Text, nullable=True),
    Column("last_seen", String(32), nullable=True),
)

answers_table = Table(
    "answers",
    metadata,
    Column("scholengroep", String(64), primary_key=True),
    Column("participant", String(32), primary_key=True),
    Column("exercise", String(128), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", String(32), nullable=False),
)

settings_table = Table(
    "settings",
    metadata,
    Column("scholengroep", String(64), primary_key=True),
    Column("key", String(128), primary_key=True),
    Column("value", Text, nullable=False),
)


@dataclass(frozen=True)
class Participant:
    """Someone working in the workbook; the code is their personal key in the URL."""

    scholengroep: str
    code: str
    name: str
    school: str
    created_at: str
    last_module: str | None = None
    last_seen: str | None = None


def now_iso() -> str:
    """The current UTC time as an ISO string, to the millisecond."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_code() -> str:
    """A random participant code like 'k7mp-x2qa' (40 bits; no look-alike characters)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def _describe(url: str) -> str:
    """The URL without a password, safe to show."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "de opgegeven database"


def _sqlite_pragmas(busy_ms: int) -> Any:
    def apply(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return apply


def make_engine(url: str, busy_timeout: float = 30.0) -> Engine:
    """An engine for url; SQLite gets WAL mode and a busy timeout so many kernels can write at once."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": busy_timeout})
            event.listen(engine, "connect", _sqlite_pragmas(int(busy_timeout * 1000)))
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(
            f"De opslag-URL '{_describe(url)}' is niet bruikbaar ({type(exc).__name__}). "
            "Controleer het veld 'opslag' in de configuratie."
        ) from None
    return engine


def _explain_failure(url: str, exc: OperationalError) -> str:
    """A Dutch sentence for a failed read or write: what happened and what to do."""
    detail = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    low = detail.lower()
    if "full" in low or "no space" in low:
        cause = "de schijf of de database is vol. Maak ruimte vrij op de server"
    elif "locked" in low or "busy" in low:
        cause = "de database is bezet door een ander programma. Probeer het zo opnieuw"
    else:
        cause = "de database is niet bereikbaar. Controleer of de databaseserver draait"
    return (f"Opslaan of lezen in {_describe(url)} lukte niet: {cause} ({detail}). "
            "Wat al opgeslagen was, blijft bewaard.")


class AnswerStore:
    """All reads and writes of answers, participants and settings. Use as `with AnswerStore(url) as s:`."""

    def __init__(self, url: str, *, busy_timeout: float = 30.0) -> None:
        self.url = url
        self.engine = make_engine(url, busy_timeout)
        self._create_schema()

    def __enter__(self) -> AnswerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- plumbing -------------------------------------------------------------------------------
    def _run(self, statement: Any, *, attempts: int = 3) -> Any:
        """Execute one statement in its own transaction, retrying briefly when the database is busy."""
        for attempt in range(attempts):
            try:
                with self.engine.begin() as conn:
                    result = conn.execute(statement)
                    return result.all() if result.returns_rows else result.rowcount
            except OperationalError as exc:
                if attempt == attempts - 1:
                    raise StoreError(_explain_failure(self.url, exc)) from None
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def _create_schema(self) -> None:
        for attempt in range(5):
            try:
                metadata.create_all(self.engine, checkfirst=True)
                break
            except OperationalError as exc:
                if "already exists" in str(exc) or "locked" in str(exc) or "busy" in str(exc):
                    time.sleep(0.1 * (attempt + 1))
                    continue
                raise StoreError(
                    f"De database {_describe(self.url)} is niet bereikbaar "
                    f"({str(exc.orig).splitlines()[0]}). Controleer het veld 'opslag' en of de "
                    "databaseserver draait."
                ) from None
            except IntegrityError:
                time.sleep(0.1 * (attempt + 1))
        version = self.get_meta("schema_version")
        if version is None:
            self._upsert(meta_table, {"key": "schema_version"}, {"value": str(SCHEMA_VERSION)})
        elif int(version) > SCHEMA_VERSION:
            raise StoreError(
                f"De database {_describe(self.url)} is gemaakt door een nieuwere versie van het werkboek "
                f"(schema {version}; deze versie kent schema {SCHEMA_VERSION}). Werk het werkboek bij."
            )
        elif int(version) < SCHEMA_VERSION:
            self._upgrade(int(version))

    def _upgrade(self, version: int) -> None:
        """Bring an older database up to SCHEMA_VERSION, keeping every answer."""
        from sqlalchemy import inspect

        if version < 2:
            columns = {c["name"] for c in inspect(self.engine).get_columns("participants")}
            for name, sql_type in (("last_module", "TEXT"), ("last_seen", "VARCHAR(32)")):
                if name not in columns:
                    try:
                        with self.engine.begin() as conn:
                            conn.exec_driver_sql(f"ALTER TABLE participants ADD COLUMN {name} {sql_type}")
                    except OperationalError:
                        pass  # another kernel upgraded at the same moment
                    except SQLAlchemyError as exc:
                        if "exist" not in str(exc).lower() and "duplicate" not in str(exc).lower():
                            raise
        self._upsert(meta_table, {"key": "schema_version"}, {"value": str(SCHEMA_VERSION)})

    def _upsert(self, table: Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
        dialect = self.engine.dialect.name
        row = {**keys, **values}
        if dialect in ("sqlite", "postgresql"):
            if dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as dialect_insert
            else:
                from sqlalchemy.dialects.postgresql import insert as dialect_insert
            stmt = dialect_insert(table).values(**row)
            stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_=values)
            self._run(stmt)
            return
        where = and_(*(table.c[k] == v for k, v in keys.items()))
        if not self._run(update(table).where(where).values(**values)):
            try:
                self._run(insert(table).values(**row))
            except IntegrityError:
                self._run(update(table).where(where).values(**values))

    def get_meta(self, key: str) -> str | None:
        rows = self._run(select(meta_table.c.value).where(meta_table.c.key == key))
        return rows[0][0] if rows else None

    # -- participants ---------------------------------------------------------------------------
    def create_participant(self, scholengroep: str, name: str, school: str = "") -> Participant:
        """Register a participant with a fresh random code."""
        name = " ".join(name.split())[:80]
        school = " ".join(school.split())[:120]
        for _ in range(5):
            p = Participant(scholengroep, new_code(), name, school, now_iso())
            try:
                self._run(insert(participants_table).values(**p.__dict__))
                return p
            except IntegrityError:
                continue
        raise StoreError("Er kon geen unieke deelnemerscode worden gemaakt. Probeer het opnieuw.")

    def get_participant(self, scholengroep: str, code: str) -> Participant | None:
        t = participants_table
        rows = self._run(
            select(t).where(and_(t.c.scholengroep == scholengroep, t.c.code == code.strip().lower()))
        )
        return Participant(*rows[0]) if rows else None

    def touch_participant(self, scholengroep: str, code: str, module: str) -> None:
        """Remember the module a participant opened last (for 'ga verder waar je was')."""
        p = participants_table
        self._run(
            update(p)
            .where(and_(p.c.scholengroep == scholengroep, p.c.code == code))
            .values(last_module=module, last_seen=now_iso())
        )

    def list_participants(self, scholengroep: str) -> list[Participant]:
        t = participants_table
        rows = self._run(select(t).where(t.c.scholengroep == scholengroep).order_by(t.c.created_at))
        return [Participant(*r) for r in rows]

    def delete_participant(self, scholengroep: str, code: str) -> int:
        """Delete a participant and all their answers; returns how many answers were removed."""
        a, p = answers_table, participants_table
        removed = self._run(
            delete(a).where(and_(a.c.scholengroep == scholengroep, a.c.participant == code))
        )
        self._run(delete(p).where(and_(p.c.scholengroep == scholengroep, p.c.code == code)))
        return int(removed)

    # -- answers --------------------------------------------------------------------------------
    def save_answer(self, scholengroep: str, participant: str, exercise: str, value: Any) -> str:
        """Save (insert or replace) one answer; returns the time it was saved."""
        stamp = now_iso()
        self._upsert(
            answers_table,
            {"scholengroep": scholengroep, "participant": participant, "exercise": exercise},
            {"value": json.dumps(value, ensure_ascii=False), "updated_at": stamp},
        )
        return stamp

    def load_answer(self, scholengroep: str, participant: str, exercise: str) -> Any | None:
        a = answers_table
        rows = self._run(
            select(a.c.value).where(
                and_(
                    a.c.scholengroep == scholengroep,
                    a.c.participant == participant,
                    a.c.exercise == exercise,
                )
            )
        )
        return json.loads(rows[0][0]) if rows else None

    def load_answers(self, scholengroep: str, participant: str) -> dict[str, Any]:
        """All answers of one participant, by exercise id."""
        a = answers_table
        rows = self._run(
            select(a.c.exercise, a.c.value).where(
                and_(a.c.scholengroep == scholengroep, a.c.participant == participant)
            )
        )
        return {ex: json.loads(v) for ex, v in rows}

    def answers_for_exercise(self, scholengroep: str, exercise: str) -> dict[str, Any]:
        """Every participant's answer to one exercise, by participant code (for the trainer only)."""
        a = answers_table
        rows = self._run(
            select(a.c.participant, a.c.value).where(
                and_(a.c.scholengroep == scholengroep, a.c.exercise == exercise)
            )
        )
        return {p: json.loads(v) for p, v in rows}

    def all_answers(self, scholengroep: str) -> list[tuple[str, str, Any, str]]:
        """(participant, exercise, value, updated_at) for the whole scholengroep (for the trainer only)."""
        a = answers_table
        rows = self._run(
            select(a.c.participant, a.c.exercise, a.c.value, a.c.updated_at)
            .where(a.c.scholengroep == scholengroep)
            .order_by(a.c.participant, a.c.exercise)
        )
        return [(p, e, json.loads(v), t) for p, e, v, t in rows]

    # -- settings (trainer state such as the exercise marked "nu") ------------------------------
    def set_setting(self, scholengroep: str, key: str, value: Any) -> None:
        self._upsert(
            settings_table,
            {"scholengroep": scholengroep, "key": key},
            {"value": json.dumps(value, ensure_ascii=False)},
        )

    def get_setting(self, scholengroep: str, key: str, default: Any = None) -> Any:
        s = settings_table
        rows = self._run(
            select(s.c.value).where(and_(s.c.scholengroep == scholengroep, s.c.key == key))
        )
        return json.loads(rows[0][0]) if rows else default


class ParticipantAnswers:
    """One participant's own answers: the only store handle a participant's page gets."""

    def __init__(self, store: AnswerStore, scholengroep: str, participant: Participant) -> None:
        self._store = store
        self.scholengroep = scholengroep
        self.participant = participant
        self._cache: dict[str, Any] | None = None

    def _all(self) -> dict[str, Any]:
        if self._cache is None:
            self._cache = self._store.load_answers(self.scholengroep, self.participant.code)
        return self._cache

    def load(self, exercise: str) -> Any | None:
        return self._all().get(exercise)

    def save(self, exercise: str, value: Any) -> str:
        stamp = self._store.save_answer(self.scholengroep, self.participant.code, exercise, value)
        self._all()[exercise] = value
        return stamp

    def all(self) -> dict[str, Any]:
        return dict(self._all())

    def forget(self) -> int:
        """Delete this participant and everything they saved."""
        self._cache = {}
        return self._store.delete_participant(self.scholengroep, self.participant.code)


_OPEN: dict[str, AnswerStore] = {}


def open_store(url: str) -> AnswerStore:
    """A store shared by everything in this process that uses the same URL."""
    if url not in _OPEN:
        _OPEN[url] = AnswerStore(url)
    return _OPEN[url]
