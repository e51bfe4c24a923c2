"""Fuzzing the loaders with hypothesis: whatever a user feeds them, the answer is a Dutch error, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.config import load_config
from workbook.content.catalog import load_exercise
from workbook.errors import WorkbookError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def _toml_key(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml(value: object) -> str:
    import json

    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{_toml_key(k)} = {_toml(v)}" for k, v in value.items()) + "}"


@FUZZ
@given(st.binary(max_size=300))
def test_config_loader_survives_any_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "groep.toml"
        path.write_bytes(data)
        try:
            load_config(path)
        except WorkbookError as exc:
            assert str(path) in str(exc)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(
            ["naam", "sector", "scholen", "modules", "opslag", "trainersleutel", "id", "x"]
        ),
        values,
        max_size=7,
    )
)
def test_config_loader_survives_any_fields(fields: dict) -> None:
    text = "\n".join(f"{_toml_key(k)} = {_toml(v)}" for k, v in fields.items())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "groep.toml"
        path.write_text(text, encoding="utf-8")
        try:
            load_config(path)
        except WorkbookError:
            pass


@FUZZ
@given(st.text(max_size=400))
def test_exercise_loader_survives_any_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "module"
        folder.mkdir()
        path = folder / "vraag.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_exercise(path)
        except WorkbookError as exc:
            assert str(path) in str(exc)


kinds = st.sampled_from(
    [
        "meerkeuze",
        "open",
        "schaal",
        "rangschikken",
        "checklist",
        "actiepunten",
        "keuze",
        "indelen",
        "tabel",
        "thermometer",
        "schijf",
        "piramide",
        "sociogram",
    ]
)
fields = st.sampled_from(
    [
        "options",
        "points",
        "statements",
        "items",
        "ordered",
        "categories",
        "columns",
        "row_labels",
        "rows",
        "segments",
        "layers",
        "lines",
        "concern_max",
        "max_items",
        "multiple",
        "feedback_correct",
        "feedback_wrong",
        "low_label",
        "high_label",
    ]
)


@FUZZ
@given(kinds, st.dictionaries(fields, values, max_size=5))
def test_exercise_loader_survives_any_structure(kind: str, extra: dict) -> None:
    import yaml

    data = {"schema": 1, "kind": kind, "title": "T", "prompt": "P", **extra}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "module"
        folder.mkdir()
        path = folder / "vraag.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            load_exercise(path)
        except WorkbookError as exc:
            assert str(path) in str(exc)


csv_text = st.lists(
    st.lists(
        st.sampled_from(
            [
                "a",
                "b",
                "c",
                "A",
                "speel_graag",
                "zit_niet",
                "x",
                "",
                "1",
                "0",
                "nee",
                "positive",
                "negatief",
                '"',
                ";",
                "\t",
                "é",
                "id",
                "label",
            ]
        ),
        max_size=5,
    ).map(lambda cells: ",".join(cells)),
    max_size=12,
).map("\n".join)
headers = st.sampled_from(
    ["from,to,question\n", "van,naar,vraag\n", "from;to;question\n", "", "x,y\n"]
)


@FUZZ
@given(headers, csv_text, st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_sociogram_csv_import_survives_anything(header: str, body: str, encoding: str) -> None:
    from workbook.sociogram.analysis import analyse
    from workbook.sociogram.io import parse_nominations, parse_questions, parse_roster

    raw = (header + body).encode(encoding, errors="replace")
    for parser in (parse_roster, parse_questions):
        try:
            parser(raw, "bestand.csv")
        except WorkbookError as exc:
            assert "bestand.csv" in str(exc)
    try:
        data, problems = parse_nominations(raw, name="nominaties.csv")
    except WorkbookError as exc:
        assert "nominaties.csv" in str(exc)
        return
    assert all("nominaties.csv, regel" in p or "nominaties.csv" in p for p in problems)
    result = analyse(data)  # whatever was kept can be analysed
    assert result["class"]["n_nominations"] == len(data.nominations)


@FUZZ
@given(st.text(max_size=300))
def test_pyramid_file_loader_survives_any_text(text: str) -> None:
    from workbook.pyramid import load_pyramid

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "piramide.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_pyramid(path)
        except WorkbookError:
            pass
