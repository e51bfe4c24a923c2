"""The real Knecht klas12b class (four waves) converted to CSV and analysed, checked against the raw matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.cli import main
from workbook.sociogram.analysis import analyse
from workbook.sociogram.io import load_class

KNECHT = Path(__file__).resolve().parents[2] / "shared" / "data" / "knecht-klas12b"
pytestmark = pytest.mark.skipif(not KNECHT.is_dir(), reason=f"Knecht data not found at {KNECHT}")
WAVES = [1, 2, 3, 4]


def raw_matrix(wave: int) -> list[list[int]]:
    text = (KNECHT / f"klas12b-net-{wave}.dat").read_text()
    return [[int(v) for v in line.split()] for line in text.splitlines() if line.strip()]


def direct_count(wave: int) -> tuple[dict[str, int], set[frozenset[str]], set[str]]:
    """In-degrees and mutual pairs straight from the matrix: only code 1, off the diagonal."""
    m = raw_matrix(wave)
    n = len(m)
    chosen = {(i, j) for i in range(n) for j in range(n) if i != j and m[i][j] == 1}
    indeg = {str(j + 1): sum((i, j) in chosen for i in range(n)) for j in range(n)}
    mutual = {frozenset((str(i + 1), str(j + 1))) for i, j in chosen if (j, i) in chosen}
    absent = {str(i + 1) for i in range(n) if any(m[i][j] == 9 for j in range(n) if j != i)}
    return indeg, mutual, absent


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("knecht")
    result = CliRunner().invoke(main, ["sociogram", "knecht", str(KNECHT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("wave", WAVES)
def test_wave_matches_direct_count(converted: Path, wave: int) -> None:
    data, problems = load_class(
        converted / f"klas12b-golf-{wave}-nominaties.csv",
        converted / f"klas12b-golf-{wave}-leerlingen.csv",
        converted / "klas12b-vragen.csv",
    )
    assert problems == []
    result = analyse(data)
    indeg, mutual, absent = direct_count(wave)
    rows = {r["id"]: r for r in result["pupils"]}
    for pid, row in rows.items():
        assert row["received_positive"] == indeg[pid], pid
    assert {frozenset(p) for p in result["class"]["mutual_pairs"]} == mutual
    assert {pid for pid, r in rows.items() if not r["present"]} == absent
    assert all(
        r["status"] is None for r in result["pupils"]
    )  # friendship only: no negative question


def test_pupils_not_in_class_are_left_out(converted: Path) -> None:
    m = raw_matrix(3)
    gone = {str(i + 1) for i in range(len(m)) if all(v == 10 for j, v in enumerate(m[i]) if j != i)}
    roster = (converted / "klas12b-golf-3-leerlingen.csv").read_text()
    assert gone and not any(line.startswith(f"{g},") for g in gone for line in roster.splitlines())
    # wave 2 has a self-nomination on the diagonal: it is not counted
    assert "2,2," not in (converted / "klas12b-golf-2-nominaties.csv").read_text()
