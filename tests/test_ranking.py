"""The ranking exercise: moving items saves the order, keeps the same controls, and restores after a reload."""

from __future__ import annotations

from pathlib import Path

from widgets.kinds.rangschikken import RangschikkenWidget
from workbook.content.catalog import get_exercise
from workbook.store import AnswerStore, ParticipantAnswers


def test_moving_keeps_the_buttons_saves_and_restores(tmp_path: Path) -> None:
    store = AnswerStore(f"sqlite:///{tmp_path / 'a.sqlite'}")
    answers = ParticipantAnswers(store, "g", store.create_participant("g", "Sanne"))
    widget = RangschikkenWidget(get_exercise("prestatiedruk/stappen"))
    assert all(b.disabled for b in widget.buttons)  # nothing to do before joining
    widget.bind(answers)
    buttons = list(widget.buttons)
    first, second, third = widget.order[0], widget.order[1], widget.order[2]
    widget.buttons[3].click()  # "Lager" on the second row
    assert widget.buttons == buttons  # same controls, so keyboard focus can stay
    assert widget.order[:3] == [
        first,
        third,
        second,
    ]  # second and third row swapped, first untouched
    shown = [row.children[2].value for row in widget.list_box.children[:3]]
    assert [f"<b>{n}.</b>" in text for n, text in enumerate(shown, 1)] == [True, True, True]
    assert widget.items[third] in shown[1] and widget.items[second] in shown[2]
    assert widget.buttons[0].disabled and widget.buttons[-1].disabled
    saved = store.load_answer("g", answers.participant.code, "prestatiedruk/stappen")
    items = get_exercise("prestatiedruk/stappen").spec["items"]
    assert saved["order"] == [items[i] for i in widget.order]
    again = RangschikkenWidget(get_exercise("prestatiedruk/stappen"))
    again.bind(answers)
    assert again.order == widget.order
    assert "<b>3.</b>" in again.list_box.children[2].children[2].value
