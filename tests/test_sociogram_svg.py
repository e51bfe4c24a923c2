"""The static sociogram picture in the report: every pupil, mutual pairs bold, negative choices dashed."""

from __future__ import annotations

from workbook.sociogram.svg import sociogram_svg

CLASS = {
    "pupils": [
        {"id": "a", "label": "Vos"},
        {"id": "b", "label": "Uil"},
        {"id": "c", "label": "<b>Das</b>"},
        {"id": "d", "label": "Mol"},
    ],
    "questions": [
        {"id": "speel_graag", "text": "Met wie speel je graag?", "valence": "positive"},
        {"id": "speel_niet", "text": "Met wie speel je liever niet?", "valence": "negative"},
    ],
    "nominations": [
        {"from": "a", "to": "b", "question": "speel_graag"},
        {"from": "b", "to": "a", "question": "speel_graag"},
        {"from": "c", "to": "a", "question": "speel_graag"},
        {"from": "a", "to": "c", "question": "speel_niet"},
    ],
}


def test_picture_shows_every_pupil_and_the_kinds_of_choice() -> None:
    svg = sociogram_svg(CLASS)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert svg.count("<circle") == 4
    assert "Vos" in svg and "Mol" in svg
    assert "&lt;b&gt;Das" in svg and "<b>" not in svg  # names are text, never markup
    assert svg.count('stroke-width="4"') == 1  # one mutual pair, drawn once and bold
    assert svg.count("stroke-dasharray") == 1  # one negative choice, dashed
    assert "3 positieve keuzes, 1 wederzijds, 1 negatieve keuze;" in svg
    assert "niet gekozen: &lt;b&gt;Das&lt;/b&gt;, Mol" in svg  # Das got only a negative choice


def test_negative_choices_can_be_hidden_and_an_empty_class_draws_nothing() -> None:
    assert "stroke-dasharray" not in sociogram_svg(CLASS, show_negative=False)
    assert sociogram_svg({"pupils": []}) == ""
