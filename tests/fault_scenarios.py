"""Faults a room meets, each injected while a participant types: what the page said, and what was lost.

Every scenario types an answer (shown as "Opgeslagen"), injects one fault, types more, and then
checks the store: whatever the page had shown as saved must still be there. `python -m
tests.fault_scenarios` prints the table; tests/test_fault_table.py asserts every row has 0 lost.
"""

from __future__ import annotations

import html
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from widgets.kinds.open import OpenWidget
from workbook.content.catalog import get_exercise
from workbook.store import AnswerStore, ParticipantAnswers

EXERCISE = "prestatiedruk/eigen-rol"
GROUP = "fouten"


@dataclass(frozen=True)
class Row:
    fault: str
    said: str  # the status line the participant saw after the fault
    lost: int  # answers shown as "Opgeslagen" that the store no longer has


class Page:
    """One participant's open-question widget on a store, as on a module page."""

    def __init__(self, store: AnswerStore) -> None:
        self.store = store
        self.answers = ParticipantAnswers(
            store, GROUP, store.create_participant(GROUP, "Sanne", "OBS")
        )
        self.widget = OpenWidget(get_exercise(EXERCISE))
        self.widget.bind(self.answers)
        self.shown_saved: str | None = None

    def type(self, text: str) -> str:
        """Type text; remember it when the page says it is saved. Returns what the page said."""
        self.widget.text.value = text
        if "Opgeslagen om" in self.widget.status.value:
            self.shown_saved = text
        return self.said()

    def retry(self) -> None:
        self.widget.retry.click()
        if "Opgeslagen om" in self.widget.status.value:
            self.shown_saved = self.widget.text.value

    def said(self) -> str:
        text = re.sub(r"<[^>]+>", " ", self.widget.status.value)
        return re.sub(r"\s+", " ", html.unescape(text)).strip()

    def lost(self, url: str) -> int:
        """1 when the last text shown as saved is not what a fresh reader finds in the store."""
        with AnswerStore(url) as fresh:
            found = fresh.load_answer(GROUP, self.answers.participant.code, EXERCISE)
        return int(self.shown_saved is not None and found != self.shown_saved)


def malformed_database(tmp: Path) -> Row:
    url = f"sqlite:///{tmp / 'a.sqlite'}"
    page = Page(AnswerStore(url, busy_timeout=0.2))
    page.type("eerste versie")
    page.store.close()
    with (tmp / "a.sqlite").open("r+b") as db:
        db.seek(100)
        db.write(b"\xde\xad" * 20_000)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp / 'a.sqlite'}{suffix}").unlink(missing_ok=True)
    said = page.type("tweede versie")
    # A damaged file cannot be read back at all: nothing shown as saved may claim otherwise.
    lost = 0 if "Opgeslagen om" not in said and page.shown_saved == "eerste versie" else 1
    return Row("beschadigde database", said, lost)


def _fill_disk_child(url: str, code: str, limit: int) -> None:
    """In a child process: types past a file size limit (RLIMIT_FSIZE), as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    store = AnswerStore(url, busy_timeout=0.2)
    participant = store.get_participant(GROUP, code)
    assert participant is not None
    widget = OpenWidget(get_exercise(EXERCISE))
    widget.bind(ParticipantAnswers(store, GROUP, participant))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    widget.text.value = "x" * 400_000
    print(widget.status.value)


def disk_full(tmp: Path) -> Row:
    url = f"sqlite:///{tmp / 'a.sqlite'}"
    page = Page(AnswerStore(url))
    page.type("wat al bewaard is")
    page.store.close()
    sizes = [p.stat().st_size for p in tmp.glob("a.sqlite*")]
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from tests.fault_scenarios import _fill_disk_child as f; "
            "f(sys.argv[1], sys.argv[2], int(sys.argv[3]))",
            url,
            page.answers.participant.code,
            str(max(sizes) + 8192),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
    )
    said = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", child.stdout))).strip()
    return Row("schijf vol (RLIMIT_FSIZE)", said or child.stderr[-300:], page.lost(url))


def locked_database(tmp: Path) -> Row:
    url = f"sqlite:///{tmp / 'a.sqlite'}"
    page = Page(AnswerStore(url, busy_timeout=0.2))
    page.type("eerste zin")
    locker = sqlite3.connect(tmp / "a.sqlite", timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    said = page.type("eerste zin, tweede zin")
    locker.rollback()
    locker.close()
    page.retry()
    return Row("database op slot", said, page.lost(url))


def postgres_restarted(server_url: str) -> Row:
    from tests.postgres import fresh_schema_url, server_stopped

    url = fresh_schema_url(server_url, "fout")
    page = Page(AnswerStore(url))
    page.type("voor de herstart")
    with server_stopped(server_url):
        said = page.type("tijdens de herstart")
    page.retry()
    return Row("PostgreSQL gestopt en herstart", said, page.lost(url))


def deleted_while_typing(tmp: Path) -> Row:
    url = f"sqlite:///{tmp / 'a.sqlite'}"
    page = Page(AnswerStore(url))
    page.type("voor het verwijderen")
    page.store.delete_participant(GROUP, page.answers.participant.code)  # workbook forget
    said = page.type("na het verwijderen")
    with AnswerStore(url) as fresh:  # deleted means gone: nothing may have come back
        back = fresh.all_answers(GROUP)
    return Row("deelnemer verwijderd tijdens het typen", said, int(bool(back)))


SQLITE_SCENARIOS: dict[str, Callable[[Path], Row]] = {
    "malformed": malformed_database,
    "disk_full": disk_full,
    "locked": locked_database,
    "deleted": deleted_while_typing,
}


def table(rows: list[Row]) -> str:
    width = max(len(r.fault) for r in rows)
    lines = [
        f"{'fout':{width}}  verloren  wat de pagina zei",
        f"{'-' * width}  --------  {'-' * 40}",
    ]
    lines += [f"{r.fault:{width}}  {r.lost:>8}  {r.said}" for r in rows]
    return "\n".join(lines)


@contextmanager
def _postgres() -> Iterator[str]:
    from tests.postgres import running_postgres

    with running_postgres() as url:
        yield url


def main() -> None:
    rows = []
    for name, scenario in SQLITE_SCENARIOS.items():
        with tempfile.TemporaryDirectory(prefix=f"fout-{name}-") as tmp:
            rows.append(scenario(Path(tmp)))
    with _postgres() as server:
        rows.append(postgres_restarted(server))
    killed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/browser/test_kernel_killed.py",
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    from widgets import labels

    # tests/browser/test_kernel_killed.py checks this banner and that the saved text survives.
    lost = 0 if killed.returncode == 0 else 1
    rows.append(Row("kernel gestopt (kill -9), in Chromium", labels.CONNECTION_LOST, lost))
    print(table(rows))


if __name__ == "__main__":
    main()
