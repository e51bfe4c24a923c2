"""Runs of 10 words copied from the domain sources (the seeds), found by fingerprint.

The seeds are not in the repository; tests/seed-10grams.txt holds a short hash of every run of
10 consecutive words in them. Make it again when the seeds change:

    python -m tests.seed_copies /pad/naar/seeds
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from workbook.content.language import participant_texts
from workbook.words import DEFAULT_WORDS, fill_words
from workbook.yamltext import parse_yaml

RUN = 10
# Quotations and titles we cite word for word on purpose, as they stand in the YAML files.
ALLOWED_QUOTES = (
    "Dit is een verschrikkelijk boek met een gouden boodschap",
    "Wat werkt bij deze (groep) {leerlingen}, uit deze gezinnen, op deze school, op deze locatie, "
    "met deze {leraar} in dit schoolteam en op dit moment?",
)
FINGERPRINTS = Path(__file__).parent / "seed-10grams.txt"
_WORD = re.compile(r"[^\W_]+")


def normalised_words(text: str) -> list[str]:
    """Lowercase words without punctuation or accents; a hyphen or apostrophe splits a word."""
    plain = unicodedata.normalize("NFKD", text.replace("\u00ad", "")).lower()
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _WORD.findall(plain)


def fingerprint(run: list[str]) -> str:
    return hashlib.blake2b(" ".join(run).encode(), digest_size=6).hexdigest()


def runs(words: list[str]) -> Iterator[list[str]]:
    for i in range(len(words) - RUN + 1):
        yield words[i : i + RUN]


def seed_fingerprints(folder: Path) -> set[str]:
    """The fingerprints of every run of RUN words in the seed texts of a folder."""
    return {
        fingerprint(run)
        for path in sorted(folder.glob("*.txt"))
        for run in runs(normalised_words(path.read_text(encoding="utf-8")))
    }


def without_quotes(text: str) -> str:
    """The text with the allowed quotations left out."""
    for quote in ALLOWED_QUOTES:
        text = text.replace(quote, " ")
    return text


def shipped_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every text in exercises/ (placeholders filled, allowed quotations left out)
    and every notebook cell."""
    for path in sorted((root / "exercises").glob("*/*.yaml")):
        data = parse_yaml(path.read_text(encoding="utf-8"), str(path))
        for field, text in participant_texts(data):
            yield (
                f"{path.relative_to(root)}: {field}",
                fill_words(without_quotes(text), DEFAULT_WORDS),
            )
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for n, cell in enumerate(cells, start=1):
            yield f"{path.relative_to(root)}: cel {n}", "".join(cell.get("source", ""))


def copied_runs(root: Path, known: set[str]) -> list[tuple[str, str]]:
    """(where, run of words) for every run of RUN words in the shipped texts that a seed has too."""
    found = []
    for where, text in shipped_texts(root):
        for run in runs(normalised_words(text)):
            if fingerprint(run) in known:
                found.append((where, " ".join(run)))
    return found


def main(folder: str) -> None:
    prints = sorted(seed_fingerprints(Path(folder)))
    FINGERPRINTS.write_text("\n".join(prints) + "\n", encoding="utf-8")
    print(f"{len(prints)} vingerafdrukken geschreven naar {FINGERPRINTS}")


if __name__ == "__main__":
    main(sys.argv[1])
