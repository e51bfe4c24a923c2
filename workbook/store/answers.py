"""The answer store: answers by scholengroep, participant and exercise, in SQLite or PostgreSQL."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from workbook.errors import StoreError
from workbook.store.failures import (
    BUSY,
    DUPLICATE_CODES,
    FOREIGN_KEY_CODES,
    GONE,
    NO_SESSION,
    DuplicateKeyError,
    ParticipantGoneError,
    classify,
    code_of,
    store_error,
)
from workbook.store.migrations import SCHEMA_VERSION, NewerSchemaError, ensure_schema

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PG_CONNECT_TIMEOUT = 10  # seconds
SCHEMA_ATTEMPTS = 5
PG_IDLE_SECONDS = 20.0  # close a PostgreSQL connection nobody used for this long
PG_APPLICATION = "werkboek"  # how the kernels show up in pg_stat_activity
# PostgreSQL: CREATE without the CREATE right (42501), or no schema it may use at all (3F000)
CANNOT_CREATE = {"42501", "3F000"}

# In the order of the Participant fields.
PARTICIPANT_COLUMNS = (
    "scholengroep, code, name, school, created_at, last_module, last_seen, kernteam"
)
UPSERT_ANSWER = (
    "INSERT INTO answers (scholengroep, participant, exercise, value, updated_at) "
    "VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (scholengroep, participant, exercise) "
    "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
)
# participants.kernteam: not in it, in it, or asked to be in it.
KERNTEAM_NO, KERNTEAM_MEMBER, KERNTEAM_ASKED = 0, 1, 2
UPSERT_SCHOOL_ITEM = (
    "INSERT INTO school_items (scholengroep, school, doc, item, value, author, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scholengroep, school, doc, item) "
    "DO UPDATE SET value = excluded.value, author = excluded.author, "
    "updated_at = excluded.updated_at"
)
UPSERT_MEASUREMENT = (
    "INSERT INTO measurements (scholengroep, participant, exercise, day, value) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (scholengroep, participant, exercise, day) "
    "DO UPDATE SET value = excluded.value"
)
# An answer saved on an earlier day, before the exercise was measured again, is that day's
# measurement: keep it before today's answer replaces it.
KEEP_FIRST_MEASUREMENT = (
    "INSERT INTO measurements (scholengroep, participant, exercise, day, value) "
    "SELECT scholengroep, participant, exercise, substr(updated_at, 1, 10), value FROM answers "
    "WHERE scholengroep = ? AND participant = ? AND exercise = ? AND substr(updated_at, 1, 10) < ? "
    "AND NOT EXISTS (SELECT 1 FROM measurements m WHERE m.scholengroep = answers.scholengroep "
    "AND m.participant = answers.participant AND m.exercise = answers.exercise) "
    "ON CONFLICT DO NOTHING"
)
UPSERT_SETTING = (
    'INSERT INTO settings (scholengroep, "key", value) VALUES (?, ?, ?) '
    'ON CONFLICT (scholengroep, "key") DO UPDATE SET value = excluded.value'
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
    kernteam: bool = False  # in their school's kernteam (the trainer let them in)
    kernteam_asked: bool = False  # asked to be in it; the trainer has not decided yet


def _participant(row: Sequence[Any]) -> Participant:
    scholengroep, code, name, school, created, last_module, last_seen, kernteam = row
    return Participant(
        scholengroep,
        code,
        name,
        school,
        created,
        last_module,
        last_seen,
        kernteam == KERNTEAM_MEMBER,
        kernteam == KERNTEAM_ASKED,
    )


@dataclass(frozen=True)
class SchoolItem:
    """One item of what a school's kernteam shares (a pyramid activity, a decision on a point)."""

    item: str
    value: Any
    author: str  # the code of who changed it last ('' once they were deleted)
    updated_at: str


def now_iso() -> str:
    """The current UTC time as an ISO string, to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_code() -> str:
    """A random participant code like 'k7mp-x2qa' (40 bits; no look-alike characters)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def describe_url(url: str) -> str:
    """The URL without a password or connection options, safe and short to show."""
    try:
        parts = urlsplit(url)._replace(query="")
        if parts.password is None:
            return urlunsplit(parts)
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:
        return "de opgegeven database"


def libpq_url(url: str) -> str:
    """A store URL as libpq reads it ('postgresql+psycopg://' names the driver; libpq does not know it)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _unusable(url: str, reason: str) -> StoreError:
    return StoreError(
        f"De opslag-URL '{describe_url(url)}' is niet bruikbaar ({reason}). "
        "Controleer het veld 'opslag' in de configuratie."
    )


PARTICIPANT_GONE = (
    "Je gegevens zijn verwijderd. Met deze code wordt niets meer opgeslagen. "
    "Meld je opnieuw aan als je opnieuw wilt beginnen."
)


class AnswerStore:
    """All reads and writes of answers, participants and settings: `with AnswerStore(url) as s:`.

    `sqlite:///path` (or `sqlite:///:memory:`) uses the standard sqlite3 module;
    `postgresql://` and `postgresql+psycopg://` use psycopg 3, imported only then.
    """

    def __init__(
        self, url: str, *, busy_timeout: float = 30.0, idle_seconds: float | None = PG_IDLE_SECONDS
    ) -> None:
        self.url = url
        self.busy_timeout = busy_timeout
        self._driver = self._load_driver(url)
        self._conn: Any = None
        self._lock = threading.RLock()  # one connection per store; one statement at a time
        self._last_used = time.monotonic()
        self.upgraded_from: int | None = None  # set by _create_schema: 0 for a new database
        # PostgreSQL: a connection nobody used for idle_seconds is closed (and opened again when
        # needed), so a room's idle tabs and waiting kernels do not use up max_connections.
        self.idle_seconds = idle_seconds if self._driver is not sqlite3 else None
        self._create_schema()
        if self.idle_seconds is not None:
            _watch_idle(self)

    def __enter__(self) -> AnswerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; a later call opens a new one."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    # -- plumbing -------------------------------------------------------------------------------
    @staticmethod
    def _load_driver(url: str) -> ModuleType:
        if url == "sqlite://" or url.startswith("sqlite:///"):
            return sqlite3
        if url.startswith(("postgresql://", "postgresql+psycopg://")):
            try:
                import psycopg  # only here: a SQLite kernel never pays for it
            except ImportError:
                raise _unusable(url, 'psycopg ontbreekt: pip install ".[postgres]"') from None
            return psycopg
        raise _unusable(url, "alleen sqlite:/// en postgresql:// werken")

    def _connect(self) -> Any:
        if self._driver is sqlite3:
            path = self.url[len("sqlite:///") :] or ":memory:"  # 'sqlite://' is in memory too
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=self.busy_timeout, check_same_thread=False)
            # WAL and a busy timeout, so many kernels can write to one file at once.
            conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")  # a deleted participant's answers go with them
            return conn
        # libpq reads the URL itself, with query parameters such as ?options=-csearch_path%3D...
        conninfo = libpq_url(self.url)
        try:
            # A server that does not answer gives a message after 10 s, not a page that hangs.
            # prepare_threshold=None: no server-side prepared statements, which PgBouncer in
            # transaction mode cannot keep (the next transaction may run on another connection).
            # Keepalives notice a dead server or network within about a minute.
            return self._driver.connect(
                conninfo,
                connect_timeout=PG_CONNECT_TIMEOUT,
                application_name=PG_APPLICATION,
                keepalives=1,
                keepalives_idle=30,
                keepalives_interval=10,
                keepalives_count=3,
                prepare_threshold=None,
            )
        except self._driver.ProgrammingError as exc:  # malformed; unreachable is OperationalError
            raise _unusable(self.url, str(exc).splitlines()[0]) from None

    def _sql(self, sql: str) -> str:
        """The placeholder style of the driver: '?' for sqlite3, '%s' for psycopg."""
        return sql if self._driver is sqlite3 else sql.replace("?", "%s")

    @contextmanager
    def connection(self) -> Iterator[Any]:
        """The live DB-API connection, held for this block (for tests and maintenance only)."""
        with self._lock:
            if self._conn is None:
                self._conn = self._connect()
            try:
                yield self._conn
            finally:
                self._last_used = time.monotonic()

    def close_if_idle(self) -> bool:
        """Close the connection when it was not used for idle_seconds; True when it was closed."""
        if self.idle_seconds is None or not self._lock.acquire(blocking=False):
            return False
        try:
            if self._conn is None or time.monotonic() - self._last_used < self.idle_seconds:
                return False
            conn, self._conn = self._conn, None
            try:
                conn.close()
            except self._driver.Error:
                pass
            return True
        finally:
            self._lock.release()

    def _execute(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[Any]:
        """Run statements in one transaction; per statement its rows, or how many rows changed."""
        with self.connection() as conn:
            try:
                cur = conn.cursor()
                results = []
                for sql, params in statements:
                    cur.execute(self._sql(sql), tuple(params))
                    results.append(cur.fetchall() if cur.description is not None else cur.rowcount)
                cur.close()
                conn.commit()
                return results
            except BaseException:
                self._rollback(conn)
                raise

    def _rollback(self, conn: Any) -> None:
        try:
            conn.rollback()
        except self._driver.Error:
            pass
        if getattr(conn, "broken", False):  # PostgreSQL went away: the next attempt connects again
            self._conn = None
            conn.close()

    def _transaction(self, *statements: tuple[str, Sequence[Any]], attempts: int = 3) -> list[Any]:
        """Run statements in one transaction, retrying briefly when the database is busy or gone.

        Every driver error becomes a StoreError with a Dutch message, chosen by the driver's code.
        """
        for attempt in range(attempts):
            try:
                return self._execute(statements)
            except self._driver.Error as exc:
                if code_of(exc) in FOREIGN_KEY_CODES:
                    raise ParticipantGoneError(PARTICIPANT_GONE) from None
                if code_of(exc) in DUPLICATE_CODES:
                    raise DuplicateKeyError(str(store_error(describe_url(self.url), exc))) from None
                if not classify(exc).transient or attempt == attempts - 1:
                    raise store_error(describe_url(self.url), exc) from None
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def _run(self, sql: str, *params: Any) -> Any:
        """One statement in its own transaction: its rows for a SELECT, else the rows changed."""
        return self._transaction((sql, params))[0]

    def _create_schema(self) -> None:
        """Create or upgrade the tables in one transaction: it completes, or nothing changes."""
        dialect = "sqlite" if self._driver is sqlite3 else "postgres"
        for attempt in range(SCHEMA_ATTEMPTS):
            try:
                with self.connection() as conn:
                    try:
                        self.upgraded_from = self._ensure_schema(conn.cursor(), dialect)
                        conn.commit()
                        return
                    except BaseException:
                        self._rollback(conn)
                        raise
            except NewerSchemaError as exc:
                raise StoreError(
                    f"De database {describe_url(self.url)} is gemaakt door een nieuwere versie van het "
                    f"werkboek (schema {exc.version}; deze versie kent schema {SCHEMA_VERSION}). "
                    "Werk het werkboek bij."
                ) from None
            except self._driver.Error as exc:
                failure = classify(exc)
                if failure is BUSY and attempt < SCHEMA_ATTEMPTS - 1:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                code = code_of(exc) or type(exc).__name__
                if code in CANNOT_CREATE:
                    raise StoreError(
                        f"De database {describe_url(self.url)} staat nog niet op schema "
                        f"{SCHEMA_VERSION}, en deze gebruiker mag geen tabellen maken (code {code}). "
                        "Zet de database klaar als haar eigenaar, met: workbook db upgrade CONFIG."
                    ) from None
                if failure in (NO_SESSION, GONE):
                    raise StoreError(
                        f"De database {describe_url(self.url)} is niet te gebruiken: {failure.cause} "
                        f"(code {code}). Controleer ook het veld 'opslag' in de configuratie."
                    ) from None
                raise StoreError(
                    f"De database {describe_url(self.url)} kon niet worden klaargezet of bijgewerkt naar "
                    f"schema {SCHEMA_VERSION}: {failure.cause} (code {code}). Er is niets veranderd; "
                    "de antwoorden staan er nog zoals ze stonden."
                ) from None

    def _ensure_schema(self, cur: Any, dialect: str) -> int | None:
        def run(sql: str, params: tuple[Any, ...]) -> list[Any]:
            cur.execute(self._sql(sql), params)
            return cur.fetchall() if cur.description is not None else []

        if dialect == "sqlite":
            cur.execute("BEGIN IMMEDIATE")  # one kernel at a time creates or upgrades the schema
        upgraded_from = ensure_schema(run, dialect)
        cur.close()
        return upgraded_from

    def get_meta(self, key: str) -> str | None:
        rows = self._run('SELECT value FROM meta WHERE "key" = ?', key)
        return rows[0][0] if rows else None

    # -- participants ---------------------------------------------------------------------------
    def create_participant(self, scholengroep: str, name: str, school: str = "") -> Participant:
        """Register a participant with a fresh random code."""
        name = " ".join(name.split())[:80]
        school = " ".join(school.split())[:120]
        for _ in range(5):
            p = Participant(scholengroep, new_code(), name, school, now_iso())
            try:
                self._run(
                    f"INSERT INTO participants ({PARTICIPANT_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    *astuple(p)[:-2],
                    KERNTEAM_NO,
                )
                return p
            except DuplicateKeyError:
                continue
        raise StoreError("Er kon geen unieke deelnemerscode worden gemaakt. Probeer het opnieuw.")

    def get_participant(self, scholengroep: str, code: str) -> Participant | None:
        rows = self._run(
            f"SELECT {PARTICIPANT_COLUMNS} FROM participants WHERE scholengroep = ? AND code = ?",
            scholengroep,
            code.strip().lower(),
        )
        return _participant(rows[0]) if rows else None

    def touch_participant(self, scholengroep: str, code: str, module: str) -> None:
        """Remember the module a participant opened last (for 'ga verder waar je was')."""
        self._run(
            "UPDATE participants SET last_module = ?, last_seen = ? "
            "WHERE scholengroep = ? AND code = ?",
            module,
            now_iso(),
            scholengroep,
            code,
        )

    def list_participants(self, scholengroep: str) -> list[Participant]:
        rows = self._run(
            f"SELECT {PARTICIPANT_COLUMNS} FROM participants WHERE scholengroep = ? "
            "ORDER BY created_at",
            scholengroep,
        )
        return [_participant(r) for r in rows]

    def delete_participant(self, scholengroep: str, code: str) -> int:
        """Delete a participant and all their answers; returns how many answers were removed."""
        keys = (scholengroep, code)
        removed, *_ = self._transaction(
            ("DELETE FROM answers WHERE scholengroep = ? AND participant = ?", keys),
            ("DELETE FROM measurements WHERE scholengroep = ? AND participant = ?", keys),
            # What they added to their school's shared pyramid or plan stays the school's; who did
            # it does not.
            ("UPDATE school_items SET author = '' WHERE scholengroep = ? AND author = ?", keys),
            ("DELETE FROM hub_accounts WHERE scholengroep = ? AND participant = ?", keys),
            ("DELETE FROM participants WHERE scholengroep = ? AND code = ?", keys),
        )
        return int(removed)

    # -- hub accounts (one JupyterHub user is one participant) -------------------------------------
    def hub_participant(self, scholengroep: str, hub_user: str) -> Participant | None:
        """The participant a JupyterHub user works as, or None before their first join."""
        rows = self._run(
            f"SELECT {', '.join('p.' + c.strip() for c in PARTICIPANT_COLUMNS.split(','))} "
            "FROM hub_accounts h JOIN participants p "
            "ON p.scholengroep = h.scholengroep AND p.code = h.participant "
            "WHERE h.scholengroep = ? AND h.hub_user = ?",
            scholengroep,
            hub_user,
        )
        return _participant(rows[0]) if rows else None

    def link_hub_user(self, scholengroep: str, hub_user: str, code: str) -> None:
        """Let a JupyterHub user work as this participant from now on (replacing an earlier link)."""
        self._run(
            "INSERT INTO hub_accounts (scholengroep, hub_user, participant, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (scholengroep, hub_user) "
            "DO UPDATE SET participant = excluded.participant, created_at = excluded.created_at",
            scholengroep,
            hub_user,
            code,
            now_iso(),
        )

    def set_kernteam(self, scholengroep: str, code: str, member: bool) -> None:
        """Let a participant into their school's kernteam, or take them out (the trainer decides)."""
        self._run(
            "UPDATE participants SET kernteam = ? WHERE scholengroep = ? AND code = ?",
            KERNTEAM_MEMBER if member else KERNTEAM_NO,
            scholengroep,
            code,
        )

    def ask_kernteam(self, scholengroep: str, code: str) -> None:
        """A participant asks to be in their school's kernteam: the trainer lets them in or not."""
        self._run(
            "UPDATE participants SET kernteam = ? WHERE scholengroep = ? AND code = ? "
            "AND kernteam = ?",
            KERNTEAM_ASKED,
            scholengroep,
            code,
            KERNTEAM_NO,
        )

    def set_school(self, scholengroep: str, code: str, school: str) -> None:
        """Give a participant (another) school; they leave the kernteam of the one they had."""
        self._run(
            "UPDATE participants SET school = ?, kernteam = ? WHERE scholengroep = ? AND code = ?",
            " ".join(school.split())[:120],
            KERNTEAM_NO,
            scholengroep,
            code,
        )

    # -- answers --------------------------------------------------------------------------------
    def save_answer(self, scholengroep: str, participant: str, exercise: str, value: Any) -> str:
        """Save (insert or replace) one answer; returns the time it was saved."""
        stamp = now_iso()
        self._run(
            UPSERT_ANSWER,
            scholengroep,
            participant,
            exercise,
            json.dumps(value, ensure_ascii=False),
            stamp,
        )
        return stamp

    def load_answer(self, scholengroep: str, participant: str, exercise: str) -> Any | None:
        rows = self._run(
            "SELECT value FROM answers WHERE scholengroep = ? AND participant = ? AND exercise = ?",
            scholengroep,
            participant,
            exercise,
        )
        return json.loads(rows[0][0]) if rows else None

    def load_answers(self, scholengroep: str, participant: str) -> dict[str, Any]:
        """All answers of one participant, by exercise id."""
        rows = self._run(
            "SELECT exercise, value FROM answers WHERE scholengroep = ? AND participant = ?",
            scholengroep,
            participant,
        )
        return {ex: json.loads(v) for ex, v in rows}

    def answers_for_exercise(self, scholengroep: str, exercise: str) -> dict[str, Any]:
        """Every participant's answer to one exercise, by participant code (trainer only)."""
        rows = self._run(
            "SELECT participant, value FROM answers WHERE scholengroep = ? AND exercise = ? "
            "ORDER BY updated_at, participant",
            scholengroep,
            exercise,
        )
        return {p: json.loads(v) for p, v in rows}

    def all_answers(self, scholengroep: str) -> list[tuple[str, str, Any, str]]:
        """(participant, exercise, value, updated_at) for the whole scholengroep (trainer only)."""
        rows = self._run(
            "SELECT participant, exercise, value, updated_at FROM answers WHERE scholengroep = ? "
            "ORDER BY participant, exercise",
            scholengroep,
        )
        return [(p, e, json.loads(v), t) for p, e, v, t in rows]

    def save_measured(
        self, scholengroep: str, participant: str, exercise: str, value: Any, day: str
    ) -> str:
        """Save an answer and keep it as that day's measurement, in one transaction."""
        stamp = now_iso()
        text = json.dumps(value, ensure_ascii=False)
        keys = (scholengroep, participant, exercise)
        self._transaction(
            (KEEP_FIRST_MEASUREMENT, (*keys, day)),
            (UPSERT_ANSWER, (*keys, text, stamp)),
            (UPSERT_MEASUREMENT, (*keys, day, text)),
        )
        return stamp

    def measurements(
        self, scholengroep: str, exercise: str, participant: str | None = None
    ) -> list[tuple[str, str, Any]]:
        """(participant, day, value) of every kept measurement of one exercise, oldest day first
        (of one participant when given, else of everyone: trainer and school report only).

        Someone who answered before the exercise was measured again (or before this version of the
        workbook) has no measurement yet: their answer counts as one, on the day it was saved."""
        own = " AND participant = ?" if participant is not None else ""
        sql = (
            "SELECT participant, day, value FROM measurements WHERE scholengroep = ? "
            f"AND exercise = ?{own} UNION ALL "
            "SELECT participant, substr(updated_at, 1, 10), value FROM answers a "
            f"WHERE scholengroep = ? AND exercise = ?{own} AND NOT EXISTS (SELECT 1 FROM "
            "measurements m WHERE m.scholengroep = a.scholengroep AND m.participant = a.participant "
            "AND m.exercise = a.exercise) ORDER BY 2, 1"
        )
        keys = [scholengroep, exercise] + ([participant] if participant is not None else [])
        rows = self._run(sql, *keys, *keys)
        return [(p, d, json.loads(v)) for p, d, v in rows]

    # -- what one school's kernteam shares --------------------------------------------------------
    def school_items(self, scholengroep: str, school: str, doc: str) -> list[SchoolItem]:
        """The items of one shared document of a school, in the order they were last changed."""
        rows = self._run(
            "SELECT item, value, author, updated_at FROM school_items "
            "WHERE scholengroep = ? AND school = ? AND doc = ? ORDER BY updated_at, item",
            scholengroep,
            school,
            doc,
        )
        return [SchoolItem(i, json.loads(v), a, t) for i, v, a, t in rows]

    def put_school_items(
        self, scholengroep: str, school: str, doc: str, items: dict[str, Any], author: str
    ) -> str:
        """Insert or replace some items of a shared document (a None value deletes that item), in
        one transaction; other items, such as what another member added meanwhile, stay."""
        stamp = now_iso()
        statements: list[tuple[str, Sequence[Any]]] = []
        for item, value in items.items():
            if value is None:
                statements.append(
                    (
                        "DELETE FROM school_items WHERE scholengroep = ? AND school = ? "
                        "AND doc = ? AND item = ?",
                        (scholengroep, school, doc, item),
                    )
                )
            else:
                text = json.dumps(value, ensure_ascii=False)
                statements.append(
                    (UPSERT_SCHOOL_ITEM, (scholengroep, school, doc, item, text, author, stamp))
                )
        if statements:
            self._transaction(*statements)
        return stamp

    # -- settings (trainer state such as the exercise marked "nu") ------------------------------
    def set_setting(self, scholengroep: str, key: str, value: Any) -> None:
        self._run(UPSERT_SETTING, scholengroep, key, json.dumps(value, ensure_ascii=False))

    def get_setting(self, scholengroep: str, key: str, default: Any = None) -> Any:
        rows = self._run(
            'SELECT value FROM settings WHERE scholengroep = ? AND "key" = ?', scholengroep, key
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

    def save(self, exercise: str, value: Any, *, measured_on: str | None = None) -> str:
        """Save an answer; `measured_on` (a day, '2026-09-15') also keeps it as that day's
        measurement, for an exercise that is measured again at later meetings."""
        code = self.participant.code
        if measured_on is None:
            stamp = self._store.save_answer(self.scholengroep, code, exercise, value)
        else:
            stamp = self._store.save_measured(self.scholengroep, code, exercise, value, measured_on)
        self._all()[exercise] = value
        return stamp

    def measurements(self, exercise: str) -> list[tuple[str, Any]]:
        """(day, value) of this participant's kept measurements of one exercise, oldest first."""
        return [
            (day, value)
            for _code, day, value in self._store.measurements(
                self.scholengroep, exercise, self.participant.code
            )
        ]

    def all(self) -> dict[str, Any]:
        return dict(self._all())

    def group_answers(self, exercise: str, group: str) -> dict[str, Any]:
        """The answers to one group exercise (kind uitwisseling) of everyone who works in `group`,
        this participant included: what the members of one group share. Nothing else of others."""
        if not group:
            return {}
        return {
            code: value
            for code, value in self._store.answers_for_exercise(self.scholengroep, exercise).items()
            if isinstance(value, dict) and value.get("group") == group
        }

    def forget(self) -> int:
        """Delete this participant and everything they saved."""
        self._cache = {}
        return self._store.delete_participant(self.scholengroep, self.participant.code)


_IDLE_WATCH: weakref.WeakSet[AnswerStore] = weakref.WeakSet()
_IDLE_THREAD: list[threading.Thread] = []


def _watch_idle(store: AnswerStore) -> None:
    """Let one background thread per process close this store's connection when it sits idle."""
    _IDLE_WATCH.add(store)
    if not _IDLE_THREAD:
        thread = threading.Thread(target=_close_idle_forever, daemon=True, name="sluit-ongebruikt")
        _IDLE_THREAD.append(thread)
        thread.start()


def _close_idle_forever() -> None:
    while True:
        stores = list(_IDLE_WATCH)
        for store in stores:
            store.close_if_idle()
        wait = min((s.idle_seconds or PG_IDLE_SECONDS for s in stores), default=PG_IDLE_SECONDS)
        time.sleep(max(0.05, min(1.0, wait / 4)))


_OPEN: dict[str, AnswerStore] = {}


def open_store(url: str) -> AnswerStore:
    """A store shared by everything in this process that uses the same URL."""
    if url not in _OPEN:
        _OPEN[url] = AnswerStore(url)
    return _OPEN[url]
