"""What went wrong in the database, told in Dutch: driver errors classified by their own codes.

SQLite names its result codes (`sqlite3.Error.sqlite_errorname`, e.g. SQLITE_FULL); PostgreSQL
gives an SQLSTATE (`psycopg.Error.sqlstate`, e.g. 53100). Neither depends on the language of
the server, so a PostgreSQL server with a Dutch locale gives the same messages as an English one.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.errors import StoreError


class ParticipantGoneError(StoreError):
    """A save for a participant who was deleted: nothing is stored for that code any more."""


class DuplicateKeyError(StoreError):
    """A row with this key exists already (the store retries with a new participant code)."""


# SQLite's and PostgreSQL's codes for a key that exists already, and for a foreign key to nothing.
DUPLICATE_CODES = {"SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE", "23505"}
FOREIGN_KEY_CODES = {"SQLITE_CONSTRAINT_FOREIGNKEY", "23503"}


@dataclass(frozen=True)
class Failure:
    """One kind of database trouble: what to tell the user, and whether trying again can help."""

    cause: str
    transient: bool = False


FULL = Failure("de schijf of de database is vol. Maak ruimte vrij op de server")
DISK = Failure(
    "schrijven naar de schijf lukte niet; de schijf is misschien vol of stuk. Maak ruimte vrij op de "
    "server of vraag de beheerder om hulp"
)
CANT_OPEN = Failure(
    "het databasebestand kan niet worden geopend. Controleer of de map bestaat en beschreven mag worden"
)
BUSY = Failure(
    "de database is bezet door een ander programma. Probeer het zo opnieuw", transient=True
)
GONE = Failure(
    "de database is niet bereikbaar. Controleer of de databaseserver draait", transient=True
)
CORRUPT = Failure(
    "het databasebestand is beschadigd of is geen database. Zet een reservekopie terug of vraag de "
    "beheerder om hulp"
)
READ_ONLY = Failure(
    "de database mag niet beschreven worden. Controleer de rechten op het bestand of van de "
    "databasegebruiker"
)
REFUSED = Failure(
    "de database weigerde de gegevens. Probeer het opnieuw of vraag de trainer om hulp"
)
CROWDED = Failure(
    "de databaseserver heeft al te veel verbindingen open. Sluit ongebruikte tabbladen of vraag de "
    "beheerder max_connections te verhogen",
    transient=True,
)
# libpq gives no SQLSTATE when it cannot start a session: the server is down, unreachable, or full.
NO_SESSION = Failure(
    "de databaseserver is niet bereikbaar of heeft geen verbinding meer vrij. Controleer of de "
    "server draait en of max_connections groot genoeg is voor alle open pagina's",
    transient=True,
)
UNKNOWN = Failure(
    "de database gaf een onverwachte fout. Probeer het opnieuw of vraag de trainer om hulp"
)

SQLITE = {
    "SQLITE_FULL": FULL,
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
    "SQLITE_CORRUPT": CORRUPT,
    "SQLITE_NOTADB": CORRUPT,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_PERM": READ_ONLY,
    "SQLITE_AUTH": READ_ONLY,
    "SQLITE_CANTOPEN": CANT_OPEN,
    "SQLITE_CONSTRAINT": REFUSED,
    "SQLITE_MISMATCH": REFUSED,
    "SQLITE_TOOBIG": REFUSED,
    "SQLITE_RANGE": REFUSED,
}
SQLITE_PREFIX = {
    "SQLITE_IOERR": DISK,
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
    "SQLITE_CORRUPT": CORRUPT,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_CONSTRAINT": REFUSED,
    "SQLITE_CANTOPEN": CANT_OPEN,
}
POSTGRES = {
    "53100": FULL,  # disk_full
    "53200": FULL,  # out_of_memory
    "53300": CROWDED,  # too_many_connections
    "55P03": BUSY,  # lock_not_available
    "40001": BUSY,  # serialization_failure
    "40P01": BUSY,  # deadlock_detected
    "57P01": GONE,  # admin_shutdown
    "57P02": GONE,  # crash_shutdown
    "57P03": GONE,  # cannot_connect_now
    "25006": READ_ONLY,  # read_only_sql_transaction
    "42501": READ_ONLY,  # insufficient_privilege
    "3D000": GONE,  # invalid_catalog_name: the database does not exist
    "28P01": GONE,  # invalid_password
    "28000": GONE,  # invalid_authorization_specification
}
POSTGRES_CLASS = {"08": GONE, "22": REFUSED, "23": REFUSED, "53": FULL, "57": GONE, "XX": CORRUPT}


def code_of(exc: BaseException) -> str:
    """The driver's own code for an error: an SQLite result code name or a PostgreSQL SQLSTATE."""
    return str(getattr(exc, "sqlite_errorname", None) or getattr(exc, "sqlstate", None) or "")


def classify(exc: BaseException) -> Failure:
    """The kind of trouble behind a driver error, from its code (never from its English text)."""
    code = code_of(exc)
    if code.startswith("SQLITE_"):
        found = SQLITE.get(code) or next(
            (f for p, f in SQLITE_PREFIX.items() if code.startswith(p)), None
        )
        return found or UNKNOWN
    if code:
        return POSTGRES.get(code) or POSTGRES_CLASS.get(code[:2], UNKNOWN)
    # psycopg raises OperationalError without an SQLSTATE when no session could be started.
    # (psycopg.errors.ConnectionTimeout is one of its subclasses.)
    if any(
        c.__name__ == "OperationalError" and c.__module__.startswith("psycopg")
        for c in type(exc).__mro__
    ):
        return NO_SESSION
    return UNKNOWN


def store_error(where: str, exc: BaseException) -> StoreError:
    """A Dutch StoreError for a failed read or write, naming the database and the driver's code."""
    failure = classify(exc)
    code = code_of(exc) or type(exc).__name__
    return StoreError(
        f"Opslaan of lezen in {where} lukte niet: {failure.cause} (code {code}). "
        "Wat al opgeslagen was, blijft bewaard."
    )
