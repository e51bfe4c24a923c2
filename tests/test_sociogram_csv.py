"""The sociogram CSV export reads back as the same class, whatever the pupils are called."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.sociogram.widget import SociogramWidget
from workbook.content.catalog import get_exercise
from workbook.sociogram.analysis import (
    NEGATIVE,
    POSITIVE,
    ClassData,
    Nomination,
    Pupil,
    Question,
    standard_questions,
)
from workbook.sociogram.io import (
    class_from_dict,
    class_to_dict,
    nominations_csv,
    parse_nominations,
    parse_questions,
    parse_roster,
)
from workbook.store import AnswerStore, ParticipantAnswers

MAX_NAME = 20  # widgets/sociogram/widget.py: a pupil's name is at most 20 characters

# Names the parser accepts: it strips every cell, so a name is non-empty and has no space around.
NAME_CHARS = st.one_of(
    st.sampled_from(list(",;\"'\n\r\t \\")),
    st.characters(blacklist_categories=("Cs",)),
)
NAMES = st.text(NAME_CHARS, min_size=1, max_size=MAX_NAME).filter(
    lambda s: s.strip() == s and s != ""
)


def round_trip(data: ClassData, anonymise: bool) -> tuple[ClassData, list[str]]:
    """Export to the three CSV texts and import them again, as a trainer would."""
    texts = nominations_csv(data, anonymise=anonymise)
    pupils, problems = parse_roster(texts["leerlingen"])
    questions, more = parse_questions(texts["vragen"])
    back, most = parse_nominations(texts["nominaties"], pupils, questions)
    return back, problems + more + most


@st.composite
def classes(draw: st.DrawFn) -> ClassData:
    ids = draw(st.lists(NAMES, min_size=2, max_size=8, unique=True))
    pupils = [Pupil(pid, draw(NAMES | st.just("")), draw(st.booleans())) for pid in ids]
    questions = [
        Question(qid, draw(NAMES), draw(st.sampled_from([POSITIVE, NEGATIVE])))
        for qid in draw(st.lists(NAMES, min_size=1, max_size=3, unique=True))
    ]
    # Only a present pupil chooses (the parser skips choices of an absent one).
    present = [p.id for p in pupils if p.present]
    choices = st.tuples(
        st.sampled_from(present or ids), st.sampled_from(ids), st.sampled_from(questions)
    ).filter(lambda t: t[0] != t[1])
    picked = draw(st.lists(choices, max_size=12 if present else 0, unique=True))
    noms = [Nomination(src, dst, q.id) for src, dst, q in picked]
    return ClassData(pupils, questions, noms)


@settings(max_examples=200, deadline=None)
@given(classes())
def test_export_with_names_reads_back_as_the_same_class(data: ClassData) -> None:
    back, problems = round_trip(data, anonymise=False)
    assert problems == []
    assert back == data


@settings(max_examples=100, deadline=None)
@given(classes())
def test_anonymised_export_reads_back_with_codes_and_no_names(data: ClassData) -> None:
    back, problems = round_trip(data, anonymise=True)
    assert problems == []
    code = {p.id: f"L{k:02d}" for k, p in enumerate(data.pupils, start=1)}
    assert back.pupils == [Pupil(code[p.id], "", p.present) for p in data.pupils]
    assert back.questions == data.questions
    assert back.nominations == [
        Nomination(code[n.source], code[n.target], n.question) for n in data.nominations
    ]


def test_names_with_a_comma_and_quotes_survive() -> None:
    data = ClassData(
        [Pupil("Jan, B", "Jan B., groep 8"), Pupil('Anna "Sam"', 'zegt "hoi"'), Pupil("Zoë")],
        standard_questions(),
        [
            Nomination("Jan, B", 'Anna "Sam"', "zit_graag"),
            Nomination('Anna "Sam"', "Zoë", "werk_niet"),
        ],
    )
    texts = nominations_csv(data, anonymise=False)
    assert texts["nominaties"].splitlines()[1] == '"Jan, B","Anna ""Sam""",zit_graag'
    back, problems = round_trip(data, anonymise=False)
    assert problems == [] and back == data
    # Through the widget's saved value (what widgets/sociogram/widget.py exports from) too.
    assert class_from_dict(class_to_dict(data)) == data
    anon = nominations_csv(data)
    assert "Jan" not in "".join(anon.values()) and "Anna" not in "".join(anon.values())
    assert anon["nominaties"] == "from,to,question\nL01,L02,zit_graag\nL02,L03,werk_niet\n"
    assert anon["leerlingen"] == "id,label,present\nL01,,1\nL02,,1\nL03,,1\n"


def test_widget_export_text_holds_the_three_files() -> None:
    """The widget shows leerlingen, vragen and nominaties one after another; each stays readable."""
    data = ClassData(
        [Pupil("Jan, B"), Pupil('Anna "Sam"', present=False)],
        [Question("vriend", "Wie is, volgens jou, een vriend?", POSITIVE)],
        [Nomination("Jan, B", 'Anna "Sam"', "vriend")],
    )
    texts = nominations_csv(data, anonymise=False)
    assert all(t.endswith("\n") and "\r" not in t for t in texts.values())
    shown = "\n".join(texts[k] for k in ("leerlingen", "vragen", "nominaties"))
    blocks = shown.split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "id,label,present",
        "id,text,valence",
        "from,to,question",
    ]
    pupils, _ = parse_roster(blocks[0])
    questions, _ = parse_questions(blocks[1])
    back, problems = parse_nominations(blocks[2], pupils, questions)
    assert problems == [] and back == data


def test_widget_export_imports_again_in_the_widget(tmp_path: Path) -> None:
    """widgets/sociogram/widget.py: the shown export, pasted back into the import fields."""
    with AnswerStore(f"sqlite:///{tmp_path / 'antwoorden.sqlite'}") as store:
        code = store.create_participant("testgroep", "Mentor", "Testschool").code
        widget = SociogramWidget(get_exercise("groepsdynamiek/sociogram"))
        widget.bind(
            ParticipantAnswers(store, "testgroep", store.get_participant("testgroep", code))
        )
        widget.import_roster.value = 'id,label,present\n"Jan, B",,1\n"Anna ""Sam""",,1\nZoë,,1\n'
        widget.import_noms.value = (
            'from,to,question\n"Jan, B","Anna ""Sam""",zit_graag\n"Anna ""Sam""",Zoë,werk_niet\n'
        )
        widget.import_button.click()
        before = class_from_dict(widget.data)
        assert [p.id for p in before.pupils] == ["Jan, B", 'Anna "Sam"', "Zoë"]

        widget.export_names.value = True
        widget.export_button.click()
        roster, noms = _blocks(widget.export_text.value)
        widget.import_roster.value, widget.import_noms.value = roster, noms
        widget.import_button.click()
        after = class_from_dict(widget.data)
        assert after.pupils == before.pupils and after.nominations == before.nominations

        widget.export_names.value = False
        widget.export_button.click()
        shown = widget.export_text.value
        assert "Jan" not in shown and "Anna" not in shown and "Zoë" not in shown
        assert "L01,L02,zit_graag" in shown


def _blocks(shown: str) -> tuple[str, str]:
    """The roster and nominations parts of the widget's export (leerlingen, vragen, nominaties)."""
    roster, _questions, noms = shown.split("\n\n")
    return roster, noms
