"""One answer strategy per exercise kind, by mouse or by keyboard, for the real Voila page.

Each strategy answers the exercise in its box on the page and returns a check: a function that,
given the same box after a reload, asserts that the answer is shown again. Strategies work from
the DOM and the exercise's spec, so they fit every module without knowing its texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect

from widgets import labels
from workbook.content.catalog import Exercise
from workbook.kinds.actiepunten import new_item
from workbook.pyramid import LAYER_NAMES, PYRAMID_LAYERS

BASE = 1 + PYRAMID_LAYERS.index("base")  # the layer's option: the first one is "no layer yet"

Check = Callable[[object], None]
WAIT = 60_000
SLOW = 150_000  # the first drawing change imports the analysis libraries in a busy kernel
STRATEGIES: dict[str, Callable[..., Check]] = {}


def strategy(kind: str) -> Callable[[Callable[..., Check]], Callable[..., Check]]:
    def register(fn: Callable[..., Check]) -> Callable[..., Check]:
        STRATEGIES[kind] = fn
        return fn

    return register


def answer(pg: object, box: object, exercise: Exercise, keyboard: bool = False) -> Check:
    """Answer one exercise; returns the check for its restored state."""
    return STRATEGIES[exercise.kind](pg, box, exercise, keyboard)


def focus(control: object) -> None:
    """Put the keyboard focus on a control once the page has switched it on (after joining)."""
    expect(control).to_be_enabled(timeout=WAIT)
    control.focus()
    expect(control).to_be_focused()


def expect_checked(inputs: object, states: list[bool]) -> None:
    for i, state in enumerate(states):
        (expect(inputs.nth(i)).to_be_checked if state else expect(inputs.nth(i)).not_to_be_checked)(
            timeout=WAIT
        )


def tick_by_keyboard(pg: object, inputs: object, wanted: list[bool]) -> None:
    """Tab along checkboxes and press Space on every wanted one."""
    focus(inputs.first)
    for i, want in enumerate(wanted):
        if i:
            pg.keyboard.press("Tab")
        if want:
            pg.keyboard.press("Space")


def pick_radio_by_keyboard(pg: object, radios: object, index: int) -> None:
    """Focus the first radio of a group; Space picks it, each arrow moves and picks the next."""
    focus(radios.first)
    for key in ["ArrowDown"] * index or ["Space"]:
        pg.keyboard.press(key)
    expect(radios.nth(index)).to_be_checked(timeout=WAIT)


def press_button(pg: object, button: object, keyboard: bool) -> None:
    if keyboard:
        focus(button)
        pg.keyboard.press("Enter")
    else:
        button.click()


# -- kinds with a right answer ---------------------------------------------------------------------
@strategy("meerkeuze")
def answer_meerkeuze(pg, box, exercise, keyboard) -> Check:
    right = [bool(o["correct"]) for o in exercise.spec["options"]]
    inputs = box.get_by_role("checkbox" if exercise.spec["multiple"] else "radio")
    if exercise.spec["multiple"]:
        if keyboard:
            tick_by_keyboard(pg, inputs, right)
        else:
            for i, want in enumerate(right):
                if want:
                    inputs.nth(i).check()
    elif keyboard:
        pick_radio_by_keyboard(pg, inputs, right.index(True))
    else:
        inputs.nth(right.index(True)).check()
    expect_checked(inputs, right)
    press_button(pg, box.get_by_role("button", name=labels.CHECK, exact=True), keyboard)
    expect(box.locator(".wb-feedback")).to_contain_text(labels.CORRECT, timeout=WAIT)

    def check(again) -> None:
        expect_checked(
            again.get_by_role("checkbox" if exercise.spec["multiple"] else "radio"), right
        )
        expect(again.locator(".wb-feedback")).to_contain_text(labels.CORRECT)

    return check


def ranked(box: object) -> list[str]:
    return [t.split(". ", 1)[1] for t in box.locator(".wb-rank-item").all_inner_texts()]


@strategy("rangschikken")
def answer_rangschikken(pg, box, exercise, keyboard) -> Check:
    before = ranked(box)
    press_button(pg, box.get_by_role("button", name=labels.DOWN).first, keyboard)
    after = [before[1], before[0], *before[2:]]
    expect(box.locator(".wb-rank-item")).to_have_text(
        [f"{n}. {text}" for n, text in enumerate(after, start=1)], timeout=WAIT
    )
    if exercise.spec["ordered"]:
        press_button(pg, box.get_by_role("button", name=labels.CHECK_ORDER), keyboard)
        expect(box.locator(".wb-feedback")).to_have_count(1, timeout=WAIT)

    def check(again) -> None:
        expect(again.locator(".wb-rank-item").first).to_contain_text(after[0])
        assert ranked(again) == after
        if exercise.spec["ordered"]:
            expect(again.locator(".wb-feedback")).to_have_count(1)

    return check


@strategy("indelen")
def answer_indelen(pg, box, exercise, keyboard) -> Check:
    pickers = box.locator("select")
    categories = list(exercise.spec["categories"])
    if keyboard:  # the first category for every item: Tab to it, one arrow down
        wanted = [categories[0]] * pickers.count()
        for i in range(pickers.count()):
            focus(pickers.nth(i))
            pg.keyboard.press("ArrowDown")
            expect(pickers.nth(i)).to_have_value(categories[0], timeout=WAIT)
    else:  # every item in its right group
        wanted = [item["category"] for item in exercise.spec["items"]]
        for i, category in enumerate(wanted):
            pickers.nth(i).select_option(value=category)
    for i, category in enumerate(wanted):
        expect(pickers.nth(i)).to_have_value(category, timeout=WAIT)
    if exercise.spec["checkable"]:
        press_button(pg, box.get_by_role("button", name=labels.CHECK, exact=True), keyboard)
        score = sum(
            w == item["category"] for w, item in zip(wanted, exercise.spec["items"], strict=True)
        )
        verdict = labels.SORT_SCORE.format(n=score, total=len(wanted))
        expect(box.locator(".wb-feedback")).to_contain_text(verdict, timeout=WAIT)

    def check(again) -> None:
        for i, category in enumerate(wanted):
            expect(again.locator("select").nth(i)).to_have_value(category)
        if exercise.spec["checkable"]:
            expect(again.locator(".wb-feedback")).to_contain_text(verdict)

    return check


# -- choices without a right answer ------------------------------------------------------
def answer_rows(pg, rows: object, keyboard: bool) -> list[int]:
    """One radio per row (scale statements, wheel segments): returns the picked index per row."""
    picks = []
    for i in range(rows.count()):
        radios = rows.nth(i).get_by_role("radio")
        pick = 1 if keyboard else i % radios.count()
        if keyboard:
            pick_radio_by_keyboard(pg, radios, pick)
        else:
            radios.nth(pick).check()
        picks.append(pick)
    return picks


def rows_check(selector: str, picks: list[int]) -> Check:
    def check(again) -> None:
        rows = again.locator(selector)
        for i, pick in enumerate(picks):
            expect(rows.nth(i).get_by_role("radio").nth(pick)).to_be_checked()

    return check


@strategy("schaal")
def answer_schaal(pg, box, exercise, keyboard) -> Check:
    return rows_check(".wb-scale-row", answer_rows(pg, box.locator(".wb-scale-row"), keyboard))


@strategy("schijf")
def answer_schijf(pg, box, exercise, keyboard) -> Check:
    picks = answer_rows(pg, box.locator(".wb-segment"), keyboard)
    expect(box.locator("svg[role=img] .wb-wheel-slice")).to_have_count(len(picks), timeout=WAIT)
    return rows_check(".wb-segment", picks)


@strategy("thermometer")
def answer_thermometer(pg, box, exercise, keyboard) -> Check:
    if keyboard:  # focus 6, one arrow to the right: 7
        focus(box.get_by_role("radio", name="6", exact=True))
        pg.keyboard.press("ArrowRight")
    else:
        box.get_by_role("radio", name="7", exact=True).check()
    expect(box.get_by_role("radio", name="7", exact=True)).to_be_checked(timeout=WAIT)
    expect(box.locator(".wb-group")).not_to_contain_text(labels.GROUP_NOT_JOINED, timeout=WAIT)
    return lambda again: expect(again.get_by_role("radio", name="7", exact=True)).to_be_checked()


@strategy("keuze")
@strategy("checklist")
def answer_ticks(pg, box, exercise, keyboard) -> Check:
    multiple = exercise.kind == "checklist" or exercise.spec["multiple"]
    inputs = box.get_by_role("checkbox" if multiple else "radio")
    count = inputs.count()
    if multiple:
        wanted = [i % 2 == 0 for i in range(count)]
        if keyboard:
            tick_by_keyboard(pg, inputs, wanted)
        else:
            for i in range(0, count, 2):
                inputs.nth(i).check()
    else:
        wanted = [i == 1 for i in range(count)]
        if keyboard:
            pick_radio_by_keyboard(pg, inputs, 1)
        else:
            inputs.nth(1).check()
    expect_checked(inputs, wanted)
    return lambda again: expect_checked(
        again.get_by_role("checkbox" if multiple else "radio"), wanted
    )


# -- text ----------------------------------------------------------------------------------------
def type_or_fill(pg, field: object, text: str, keyboard: bool) -> None:
    if keyboard:
        focus(field)
        pg.keyboard.type(text)
    else:
        field.fill(text)


@strategy("open")
def answer_open(pg, box, exercise, keyboard) -> Check:
    # The title without its {placeholders}: their word differs per sector, the text must not.
    title = re.sub(r"\s*\{\w+\}", "", exercise.title)[:20]
    text = f"Mijn antwoord bij {title} & <b>niet vet</b>.\nTweede regel."
    field = box.get_by_label(labels.YOUR_ANSWER)
    type_or_fill(pg, field, text, keyboard)
    return lambda again: expect(again.get_by_label(labels.YOUR_ANSWER)).to_have_value(text)


@strategy("uitwisseling")
def answer_uitwisseling(pg, box, exercise, keyboard) -> Check:
    """Choose a table, add to the group's outcome, and see it in the outcome below."""
    group = box.get_by_label(labels.EXCHANGE_GROUP)
    expect(group).to_be_enabled(timeout=WAIT)
    if keyboard:  # the school is offered first; one step down is 'Tafel 1'
        group.focus()
        pg.keyboard.press("ArrowDown")
    else:
        group.select_option(label="Tafel 1")
    text = f"Aan tafel over {exercise.id.split('/')[1]} & <i>samen</i>"
    type_or_fill(pg, box.get_by_label(labels.EXCHANGE_YOURS), text, keyboard)
    box.get_by_label(labels.EXCHANGE_YOURS).press("Tab")
    expect(box.locator(".wb-outcome")).to_contain_text(text, timeout=SLOW)

    def check(again) -> None:
        chosen = again.get_by_label(labels.EXCHANGE_GROUP).evaluate(
            "el => el.options[el.selectedIndex].text"
        )
        assert chosen.replace("\xa0", " ") == "Tafel 1", chosen  # ipywidgets shows spaces as nbsp
        expect(again.get_by_label(labels.EXCHANGE_YOURS)).to_have_value(text)
        expect(again.locator(".wb-outcome")).to_contain_text(text, timeout=SLOW)

    return check


@strategy("tabel")
def answer_tabel(pg, box, exercise, keyboard) -> Check:
    cells = box.locator("textarea")
    last = cells.count() - 1
    texts = {0: "Eerste cel: <i>samen</i> & snel", last: "Laatste cel, met een komma"}
    for i, text in texts.items():
        type_or_fill(pg, cells.nth(i), text, keyboard)

    def check(again) -> None:
        for i, text in texts.items():
            expect(again.locator("textarea").nth(i)).to_have_value(text)

    return check


ACTION = ("Met mijn team één ding uitproberen", "Veel onrust in de klas", "na de vakantie")


@strategy("actiepunten")
def answer_actiepunten(pg, box, exercise, keyboard) -> Check:
    """What, then (Tab) why; the layer, when and 'voor onze school' by mouse or keyboard too."""
    what = box.get_by_label(labels.ACTION_TEXT.format(n=1), exact=True)
    type_or_fill(pg, what, ACTION[0], keyboard)
    layer = box.get_by_label(labels.ACTION_LAYER, exact=True)
    school = box.get_by_label(labels.ACTION_SCHOOL, exact=True)
    if keyboard:
        pg.keyboard.press("Tab")  # on to 'Waarom?'
        pg.keyboard.type(ACTION[1])
        focus(box.get_by_label(labels.ACTION_WHEN, exact=True))
        pg.keyboard.type(ACTION[2])
        focus(layer)
        layer.select_option(index=BASE)  # a native select: the keyboard opens the system's list
        focus(school)
        pg.keyboard.press("Space")
    else:
        box.get_by_label(labels.ACTION_WHY, exact=True).fill(ACTION[1])
        box.get_by_label(labels.ACTION_WHEN, exact=True).fill(ACTION[2])
        layer.select_option(index=BASE)
        school.check()

    def check(again) -> None:
        expect(again.get_by_label(labels.ACTION_TEXT.format(n=1), exact=True)).to_have_value(
            ACTION[0]
        )
        expect(again.get_by_label(labels.ACTION_WHY, exact=True)).to_have_value(ACTION[1])
        expect(again.get_by_label(labels.ACTION_WHEN, exact=True)).to_have_value(ACTION[2])
        expect(
            again.get_by_label(labels.ACTION_LAYER, exact=True).locator("option:checked")
        ).to_contain_text(LAYER_NAMES["base"])
        expect(again.get_by_label(labels.ACTION_SCHOOL, exact=True)).to_be_checked()

    return check


def stored_actions() -> dict:
    """What answer_actiepunten leaves in the store."""
    item = new_item(text=ACTION[0], why=ACTION[1], when=ACTION[2], layer="base", for_school=True)
    return {"version": 2, "items": [dict(item)]}


# -- the two drawing widgets: one real, minimal interaction ---------------------------------------
@strategy("piramide")
def answer_piramide(pg, box, exercise, keyboard) -> Check:
    name = "Kanjertraining voor iedereen"
    field = box.get_by_label(labels.PYRAMID["name"], exact=True)
    type_or_fill(pg, field, name, keyboard)
    hours = box.get_by_label(labels.PYRAMID["hours"], exact=True)
    if keyboard:
        pg.keyboard.press("Tab")
        pg.keyboard.type("2")
        pg.keyboard.press("Enter")
    else:
        hours.fill("2")
        box.get_by_role("button", name=labels.PYRAMID["add"], exact=True).click()
    box.locator(".wbp-item", has_text=name).wait_for(timeout=SLOW)
    return lambda again: again.locator(".wbp-item", has_text=name).wait_for(timeout=SLOW)


# The label is in the sector's words: 'Leerling toevoegen' or 'Student toevoegen'.
SOCIO_ADD = re.compile("^" + labels.SOCIO_ADD.replace("{Leerling}", "(Leerling|Student)") + "$")


@strategy("sociogram")
def answer_sociogram(pg, box, exercise, keyboard) -> Check:
    field = box.get_by_label(labels.SOCIO_NAME, exact=True)
    type_or_fill(pg, field, "Vos", keyboard)
    press_button(pg, box.get_by_role("button", name=SOCIO_ADD), keyboard)
    pupil = '.wb-sociogram g.wb-pupil[data-id="Vos"]'
    box.locator(pupil).wait_for(timeout=SLOW)
    return lambda again: again.locator(pupil).wait_for(timeout=SLOW)


# -- finding exercises on a page -----------------------------------------------------------------
def exercises_on_page(pg, module: str) -> list[str]:
    """Exercise ids in page order, read from the anchors on their titles."""
    prefix = f"oefening-{module}-"
    anchors = pg.locator(".wb-exercise h3.wb-title").evaluate_all("hs => hs.map(h => h.id)")
    assert all(a.startswith(prefix) for a in anchors), anchors
    return [f"{module}/{a[len(prefix) :]}" for a in anchors]


def box(pg, exercise_id: str):
    anchor = "oefening-" + exercise_id.replace("/", "-")
    return pg.locator(".wb-exercise", has=pg.locator(f"#{anchor}"))
