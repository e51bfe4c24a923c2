"""The sociogram analysis on a worked example class whose outcome was computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.sociogram.analysis import (
    ClassData,
    Nomination,
    Pupil,
    Question,
    analyse,
    classify,
    layout,
    zscores,
)
from workbook.sociogram.io import load_class

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociogram"


@pytest.fixture
def example() -> dict:
    data, problems = load_class(
        EXAMPLE / "nominaties.csv", EXAMPLE / "leerlingen.csv", EXAMPLE / "vragen.csv"
    )
    assert problems == []
    return analyse(data)


def by_id(analysis: dict) -> dict[str, dict]:
    return {row["id"]: row for row in analysis["pupils"]}


# Hand computation (population SD, 8 pupils: Aap Beer Cavia Das Eend Fret Geit Haas):
# LM (positive received) = 4 1 3 2 2 2 2 0 -> mean 2, deviations 2 -1 1 0 0 0 0 -2,
#   squares sum 10, var 10/8 = 1.25, SD 1.118 -> zLM = 1.789 -0.894 0.894 0 0 0 0 -1.789
# LL (negative received) = 0 3 3 1 1 0 0 0 -> mean 1, deviations -1 2 2 0 0 -1 -1 -1,
#   squares sum 12, var 1.5, SD 1.225 -> zLL = -0.816 1.633 1.633 0 0 -0.816 -0.816 -0.816
# SP = zLM - zLL = 2.605 -2.527 -0.739 0 0 0.816 0.816 -0.973; mean 0, SD sqrt(16/8) = 1.414
#   -> zSP = 1.842 -1.787 -0.522 0 0 0.577 0.577 -0.688
# SI = zLM + zLL = 0.973 -> zSI = 0.688 0.522 1.787 0 0 -0.577 -0.577 -1.842
# Aap:   zSP 1.84 > 1, zLM > 0, zLL < 0            -> popular
# Beer:  zSP -1.79 < -1, zLL > 0, zLM < 0          -> rejected
# Cavia: zSI 1.79 > 1, zLM > 0, zLL > 0            -> controversial
# Das, Eend: zSP 0 in (-0.5, 0.5)                  -> average
# Fret, Geit: zSP 0.577 not in (-0.5, 0.5)         -> unclassified
# Haas:  zSI -1.84 < -1 and LM = 0                 -> neglected
HAND_STATUS = {
    "Aap": "popular",
    "Beer": "rejected",
    "Cavia": "controversial",
    "Das": "average",
    "Eend": "average",
    "Fret": "unclassified",
    "Geit": "unclassified",
    "Haas": "neglected",
}


def test_statuses_match_the_hand_computation(example: dict) -> None:
    rows = by_id(example)
    assert {pid: r["status"] for pid, r in rows.items()} == HAND_STATUS
    assert rows["Aap"]["z_lm"] == pytest.approx(1.789, abs=1e-3)
    assert rows["Beer"]["z_ll"] == pytest.approx(1.633, abs=1e-3)
    assert rows["Aap"]["z_sp"] == pytest.approx(1.842, abs=1e-3)
    assert rows["Haas"]["z_si"] == pytest.approx(-1.842, abs=1e-3)
    assert rows["Fret"]["z_sp"] == pytest.approx(0.577, abs=1e-3)


def test_counts_and_class_facts_match_the_hand_count(example: dict) -> None:
    rows = by_id(example)
    # received positive: Aap by Cavia, Das, Eend, Fret; Beer by Fret; ...
    assert [rows[p]["received_positive"] for p in HAND_STATUS] == [4, 1, 3, 2, 2, 2, 2, 0]
    assert [rows[p]["received_negative"] for p in HAND_STATUS] == [0, 3, 3, 1, 1, 0, 0, 0]
    assert [rows[p]["given_positive"] for p in HAND_STATUS] == [2, 2, 2, 2, 3, 3, 2, 0]
    assert [rows[p]["given_negative"] for p in HAND_STATUS] == [1, 2, 1, 1, 1, 1, 1, 0]
    # mutual: Aap-Cavia, Aap-Das, Cavia-Das (a triangle), Beer-Fret, Eend-Fret, Eend-Geit
    assert [rows[p]["mutual_positive"] for p in HAND_STATUS] == [2, 1, 2, 2, 2, 2, 1, 0]
    info = example["class"]
    assert info["n_pupils"] == 8 and info["n_nominations"] == 24
    assert info["mutual_pairs"] == [
        ["Aap", "Cavia"],
        ["Aap", "Das"],
        ["Beer", "Fret"],
        ["Cavia", "Das"],
        ["Eend", "Fret"],
        ["Eend", "Geit"],
    ]
    assert info["isolates"] == ["Haas"] and info["gave_none"] == ["Haas"]
    assert info["subgroups"]["cliques"] == [["Aap", "Cavia", "Das"]]
    assert ["Aap", "Cavia", "Das"] in info["subgroups"]["communities"]


def test_json_contract_has_all_fields(example: dict) -> None:
    keys = {
        "id",
        "received_positive",
        "received_negative",
        "given_positive",
        "given_negative",
        "mutual_positive",
        "isolated",
        "status",
        "z_lm",
        "z_ll",
        "z_sp",
        "z_si",
    }
    assert all(keys <= set(row) for row in example["pupils"])
    assert {
        "n_pupils",
        "n_nominations",
        "mutual_pairs",
        "isolates",
        "gave_none",
        "subgroups",
    } <= set(example["class"])


def pupils(n: int) -> list[Pupil]:
    return [Pupil(f"p{i}") for i in range(n)]


QUESTIONS = [Question("graag", "graag", "positive"), Question("niet", "niet", "negative")]


def test_all_zeros_never_crash_and_everyone_is_average() -> None:
    result = analyse(ClassData(pupils(10), QUESTIONS, []))
    assert {r["status"] for r in result["pupils"]} == {"average"}
    assert all(r["z_lm"] == 0 and r["isolated"] for r in result["pupils"])
    assert result["class"]["subgroups"] == {"cliques": [], "communities": []}


def test_no_negative_question_gives_no_status() -> None:
    data = ClassData(pupils(10), QUESTIONS[:1], [Nomination("p0", "p1", "graag")])
    result = analyse(data)
    assert all(
        r["status"] is None and r["z_ll"] is None and r["z_sp"] is None for r in result["pupils"]
    )
    assert result["pupils"][1]["z_lm"] > 0
    assert result["class"]["status_shown"] is False


def test_tiny_class_shows_no_status() -> None:
    data = ClassData(
        pupils(3), QUESTIONS, [Nomination("p0", "p1", "graag"), Nomination("p1", "p0", "graag")]
    )
    result = analyse(data)
    assert all(r["status"] is None for r in result["pupils"])
    assert result["class"]["mutual_pairs"] == [["p0", "p1"]]
    assert analyse(ClassData([], QUESTIONS, []))["pupils"] == []


def test_absent_pupil_keeps_received_choices_but_is_not_listed_as_giving_none() -> None:
    group = pupils(9) + [Pupil("weg", present=False)]
    data = ClassData(group, QUESTIONS, [Nomination("p0", "weg", "graag")])
    rows = by_id(analyse(data))
    assert rows["weg"]["received_positive"] == 1 and rows["weg"]["present"] is False
    assert "weg" not in analyse(data)["class"]["gave_none"]


def test_zscores_and_classify_edges() -> None:
    assert zscores([]) == [] and zscores([3, 3]) == [0.0, 0.0]
    assert classify(0, 0, 0.7, 0, 1) == "unclassified"


def test_layout_puts_most_chosen_in_the_centre(example: dict) -> None:
    data, _ = load_class(
        EXAMPLE / "nominaties.csv", EXAMPLE / "leerlingen.csv", EXAMPLE / "vragen.csv"
    )
    pos = layout(data, example)

    def dist(pid: str) -> float:
        return ((pos[pid][0] - 0.5) ** 2 + (pos[pid][1] - 0.5) ** 2) ** 0.5

    assert dist("Aap") < dist("Beer") < dist("Haas")
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
