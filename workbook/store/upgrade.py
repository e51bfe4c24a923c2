"""`workbook db upgrade`: create or upgrade a store's tables as their owner; the kernels' role only reads and writes."""

from __future__ import annotations

from workbook.errors import StoreError
from workbook.store.answers import AnswerStore, describe_url
from workbook.store.migrations import SCHEMA_VERSION


def upgrade_database(url: str, kernel_role: str | None = None) -> str:
    """Create or upgrade the tables at url; optionally let kernel_role read and write them.

    Returns what happened, in Dutch. Run it as the owner of the database (or of its schema): the
    kernels then connect as a role without the CREATE right, through PgBouncer if there is one.
    """
    where = describe_url(url)
    store = AnswerStore(url, idle_seconds=None)
    try:
        if store.upgraded_from == 0:
            said = f"De database {where} is klaargezet: schema {SCHEMA_VERSION}."
        elif store.upgraded_from is not None:
            said = (
                f"De database {where} is bijgewerkt van schema {store.upgraded_from} naar "
                f"schema {SCHEMA_VERSION}."
            )
        else:
            said = (
                f"De database {where} staat al op schema {SCHEMA_VERSION}; er is niets veranderd."
            )
        if kernel_role:
            schema = _grant(store, kernel_role)
            said += (
                f" De rol {kernel_role} mag lezen en schrijven in schema {schema}, "
                "maar geen tabellen maken."
            )
        return said
    finally:
        store.close()


def _grant(store: AnswerStore, role: str) -> str:
    """GRANT the kernels' role what a page needs on the store's tables; returns the schema."""
    if not store.url.startswith(("postgresql://", "postgresql+psycopg://")):
        raise StoreError("--rol werkt alleen met PostgreSQL: SQLite kent geen rollen.")
    import psycopg
    from psycopg import sql

    try:
        with store.connection() as conn:
            row = conn.execute("SELECT current_schema()").fetchone()
            schema = str(row[0])
            names = {"schema": sql.Identifier(schema), "role": sql.Identifier(role)}
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {schema} TO {role}").format(**names))
            conn.execute(
                sql.SQL(
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}"
                ).format(**names)
            )
            conn.commit()
            return schema
    except psycopg.Error as exc:
        raise StoreError(
            f"De rol {role} kon geen rechten krijgen in {describe_url(store.url)}: "
            f"{str(exc).splitlines()[0]}. Bestaat de rol, en ben je de eigenaar van de database?"
        ) from None
