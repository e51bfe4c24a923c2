"""The store's tables and their upgrades: each runs in one transaction that completes or changes nothing.

Schema history:
1. meta, participants, answers, settings (as the SQLAlchemy versions created them).
2. participants.last_module and last_seen: where someone was last, for 'ga verder waar je was'.
3. answers.participant is a foreign key with ON DELETE CASCADE: a deleted participant's answers go
   with them, and nothing can be saved any more for a code that was deleted.
4. participants.kernteam; the tables school_items and measurements.
5. hub_accounts: under JupyterHub one hub account is one participant (hub user -> participant code),
   so a second visit resumes without joining and no code needs to be in a URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 5
SCHEMA_KEY = "schema_version"
# Any fixed number: PostgreSQL's advisory lock that lets one kernel at a time create or upgrade.
PG_SCHEMA_LOCK = 722_0301

ANSWERS_COLUMNS = (
    "scholengroep VARCHAR(64) NOT NULL, participant VARCHAR(32) NOT NULL, "
    "exercise VARCHAR(128) NOT NULL, value TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL, "
    "PRIMARY KEY (scholengroep, participant, exercise), "
    "FOREIGN KEY (scholengroep, participant) REFERENCES participants (scholengroep, code) "
    "ON DELETE CASCADE"
)
SCHOOL_ITEMS = (
    "CREATE TABLE IF NOT EXISTS school_items (scholengroep VARCHAR(64) NOT NULL, "
    "school TEXT NOT NULL, doc VARCHAR(64) NOT NULL, item VARCHAR(64) NOT NULL, "
    "value TEXT NOT NULL, author VARCHAR(32) NOT NULL, updated_at VARCHAR(32) NOT NULL, "
    "PRIMARY KEY (scholengroep, school, doc, item))"
)
MEASUREMENTS = (
    "CREATE TABLE IF NOT EXISTS measurements (scholengroep VARCHAR(64) NOT NULL, "
    "participant VARCHAR(32) NOT NULL, exercise VARCHAR(128) NOT NULL, day VARCHAR(10) NOT NULL, "
    "value TEXT NOT NULL, PRIMARY KEY (scholengroep, participant, exercise, day), "
    "FOREIGN KEY (scholengroep, participant) REFERENCES participants (scholengroep, code) "
    "ON DELETE CASCADE)"
)
HUB_ACCOUNTS = (
    "CREATE TABLE IF NOT EXISTS hub_accounts (scholengroep VARCHAR(64) NOT NULL, "
    "hub_user VARCHAR(255) NOT NULL, participant VARCHAR(32) NOT NULL, "
    "created_at VARCHAR(32) NOT NULL, PRIMARY KEY (scholengroep, hub_user), "
    "FOREIGN KEY (scholengroep, participant) REFERENCES participants (scholengroep, code) "
    "ON DELETE CASCADE)"
)
CREATE_TABLES = (
    'CREATE TABLE IF NOT EXISTS meta ("key" VARCHAR(64) NOT NULL, value TEXT NOT NULL, '
    'PRIMARY KEY ("key"))',
    "CREATE TABLE IF NOT EXISTS participants (scholengroep VARCHAR(64) NOT NULL, "
    "code VARCHAR(32) NOT NULL, name TEXT NOT NULL, school TEXT NOT NULL, "
    "created_at VARCHAR(32) NOT NULL, last_module TEXT, last_seen VARCHAR(32), "
    "kernteam INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (scholengroep, code))",
    f"CREATE TABLE IF NOT EXISTS answers ({ANSWERS_COLUMNS})",
    SCHOOL_ITEMS,
    MEASUREMENTS,
    HUB_ACCOUNTS,
    "CREATE TABLE IF NOT EXISTS settings (scholengroep VARCHAR(64) NOT NULL, "
    '"key" VARCHAR(128) NOT NULL, value TEXT NOT NULL, PRIMARY KEY (scholengroep, "key"))',
)
SCHEMA_2_COLUMNS = (("last_module", "TEXT"), ("last_seen", "VARCHAR(32)"))
ORPHANS = (
    "DELETE FROM answers WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE "
    "p.scholengroep = answers.scholengroep AND p.code = answers.participant)"
)
UPSERT_META = (
    'INSERT INTO meta ("key", value) VALUES (?, ?) '
    'ON CONFLICT ("key") DO UPDATE SET value = excluded.value'
)


class NewerSchemaError(Exception):
    """The database was made by a newer version of the workbook."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


Run = Callable[[str, tuple[Any, ...]], list[Any]]


def _columns(run: Run, dialect: str, table: str) -> set[str]:
    if dialect == "postgres":
        rows = run(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {str(r[0]) for r in rows}
    return {str(r[1]) for r in run(f"PRAGMA table_info({table})", ())}


def _to_2(run: Run, dialect: str) -> None:
    have = _columns(run, dialect, "participants")
    for name, sql_type in SCHEMA_2_COLUMNS:
        if name not in have:
            run(f"ALTER TABLE participants ADD COLUMN {name} {sql_type}", ())


def _to_3(run: Run, dialect: str) -> None:
    run(ORPHANS, ())  # answers left by a deleted participant's open tab: deleted means gone
    if dialect == "postgres":
        run(
            "ALTER TABLE answers ADD CONSTRAINT answers_participant_fkey FOREIGN KEY "
            "(scholengroep, participant) REFERENCES participants (scholengroep, code) ON DELETE CASCADE",
            (),
        )
        return
    # SQLite cannot add a constraint to a table: make the table again with it, in this transaction.
    run(f"CREATE TABLE answers_v3 ({ANSWERS_COLUMNS})", ())
    run(
        "INSERT INTO answers_v3 (scholengroep, participant, exercise, value, updated_at) "
        "SELECT scholengroep, participant, exercise, value, updated_at FROM answers",
        (),
    )
    run("DROP TABLE answers", ())
    run("ALTER TABLE answers_v3 RENAME TO answers", ())


def _to_4(run: Run, dialect: str) -> None:
    if "kernteam" not in _columns(run, dialect, "participants"):
        run("ALTER TABLE participants ADD COLUMN kernteam INTEGER NOT NULL DEFAULT 0", ())
    # school_items and measurements are new tables: CREATE_TABLES made them already.


def _to_5(run: Run, dialect: str) -> None:
    """hub_accounts is a new table: CREATE_TABLES made it already."""


UPGRADES: dict[int, Callable[[Run, str], None]] = {1: _to_2, 2: _to_3, 3: _to_4, 4: _to_5}


def _current_version(run: Run, dialect: str) -> int | None:
    """The schema version the database has, or None when it has no meta table (or no version)."""
    if dialect == "postgres":
        exists = run("SELECT to_regclass('meta') IS NOT NULL", ())
    else:
        exists = run(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", ()
        )
    if not exists or not exists[0][0]:
        return None
    rows = run('SELECT value FROM meta WHERE "key" = ?', (SCHEMA_KEY,))
    return int(rows[0][0]) if rows else None


def ensure_schema(run: Run, dialect: str) -> int | None:
    """Create a new database's tables, or upgrade an older one. Call inside one open transaction.

    `run(sql, params)` executes one statement and returns its rows ([] when it returns none).
    Returns the version upgraded from, 0 for a new database, or None when nothing changed.
    """
    # A database that is up to date needs no DDL: a role without the CREATE right (the kernels'
    # role behind PgBouncer) opens it; `workbook db upgrade CONFIG` does the rest as the owner.
    current = _current_version(run, dialect)
    if current is not None and current > SCHEMA_VERSION:
        raise NewerSchemaError(current)
    if current == SCHEMA_VERSION:
        return None
    if dialect == "postgres":
        run("SELECT pg_advisory_xact_lock(?)", (PG_SCHEMA_LOCK,))
    for sql in CREATE_TABLES:
        run(sql, ())
    rows = run('SELECT value FROM meta WHERE "key" = ?', (SCHEMA_KEY,))
    if not rows:  # a new database: the tables above are the newest shape
        run(UPSERT_META, (SCHEMA_KEY, str(SCHEMA_VERSION)))
        return 0
    version = int(rows[0][0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    if version == SCHEMA_VERSION:
        return None
    for step in range(version, SCHEMA_VERSION):
        UPGRADES[step](run, dialect)
    run(UPSERT_META, (SCHEMA_KEY, str(SCHEMA_VERSION)))
    return version
