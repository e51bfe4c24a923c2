"""The local profile: a self-study participant is known again without typing a code; a room never is."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.runtime.profile import LAB_ENV, remembered_code
from workbook.runtime.session import Visit


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WELBEVINDEN_DATA", str(tmp_path))
    monkeypatch.delenv(LAB_ENV, raising=False)
    return tmp_path


def test_self_study_knows_the_participant_in_the_next_session(data: Path) -> None:
    first = Visit.start("", query="")
    assert first.participant is None
    person = first.join("Noor", "")
    again = Visit.start("", query="")
    assert again.participant is not None and again.participant.code == person.code
    assert again.participant.name == "Noor"
    assert remembered_code("zelfstudie") == person.code


def test_a_damaged_profile_asks_for_a_name_again(data: Path) -> None:
    (data / "profiel.json").write_text("{niet", encoding="utf-8")
    assert Visit.start("", query="").participant is None


def test_a_scholengroep_served_to_a_room_never_remembers(data: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "groep.toml"
    cfg.write_text(
        f'naam = "Groep"\nsector = "po"\nopslag = "sqlite:///{tmp_path}/a.sqlite"\n',
        encoding="utf-8",
    )
    Visit.start(str(cfg), query="").join("Eerste bezoeker", "")
    assert Visit.start(str(cfg), query="").participant is None


def test_a_scholengroep_in_workbook_lab_remembers(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LAB_ENV, "1")
    cfg = tmp_path / "groep.toml"
    cfg.write_text(
        f'naam = "Groep"\nsector = "po"\nopslag = "sqlite:///{tmp_path}/a.sqlite"\n',
        encoding="utf-8",
    )
    person = Visit.start(str(cfg), query="").join("Sam", "")
    assert Visit.start(str(cfg), query="").participant.code == person.code  # type: ignore[union-attr]
