"""Our texts are our own: no run of 10 words in exercises/ or notebooks/ comes from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seed_copies import (
    FINGERPRINTS,
    RUN,
    copied_runs,
    fingerprint,
    normalised_words,
    seed_fingerprints,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def known() -> set[str]:
    return set(FINGERPRINTS.read_text(encoding="utf-8").split())


def test_no_run_of_ten_words_is_copied_from_the_seeds() -> None:
    copied = copied_runs(ROOT, known())
    assert not copied, "\n".join(f"{where}: '{run}'" for where, run in copied[:10])


def test_words_are_compared_without_case_punctuation_or_accents() -> None:
    assert normalised_words("Wél: 'Leerling-volgsysteem', (groep) 7/8!") == [
        "wel",
        "leerling",
        "volgsysteem",
        "groep",
        "7",
        "8",
    ]


def test_a_copied_run_is_found_whatever_its_case_and_punctuation(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    words = "een twee drie vier vijf zes zeven acht negen tien elf".split()
    (seeds / "bron.txt").write_text(" ".join(words), encoding="utf-8")
    (tmp_path / "exercises" / "m").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises" / "m" / "x.yaml").write_text(
        "schema: 1\nprompt: 'Nu: Twee, drie; vier vijf zes zeven acht negen tien ELF!'\n",
        encoding="utf-8",
    )
    found = copied_runs(tmp_path, seed_fingerprints(seeds))
    assert [where for where, _run in found] == ["exercises/m/x.yaml: prompt"]
    assert len(found[0][1].split()) == RUN


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"de bronteksten staan niet in {SEEDS}")
def test_the_fingerprints_are_those_of_the_seeds() -> None:
    assert seed_fingerprints(SEEDS) == known()
    first = normalised_words((sorted(SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8"))
    assert fingerprint(first[:RUN]) in known()
