"""The school's page in Chromium: two members of one school's kernteam (one on a phone) add items to
the school pyramid at the same moment and both see both; a member of another school sees neither;
the kernteam puts a proposed point in its plan; the trainer sees the school's pyramid and plan. No
serious axe-core finding on either page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import LOCAL_PREFIXES, open_workbook_page, serious_axe_violations
from widgets import labels
from workbook.config import load_config
from workbook.kinds import actiepunten
from workbook.store import AnswerStore

pytestmark = pytest.mark.browser

KEY = "test-trainer-sleutel-123"  # the trainersleutel of conftest.VO_CONFIG
SCHOOL, OTHER = "Testlinde Havo", "Testlinde Vmbo"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WAIT = 60_000
ITEMS = {"sanne": "Mentorles over de groep", "kees": "Rustplek bij de zorgcoördinator"}
POINT = "Elke klas start het jaar met groepsvorming"


def _context(browser, **extra):
    context = browser.new_context(
        locale="nl-NL", **(extra or {"viewport": {"width": 1280, "height": 1000}})
    )
    context.set_default_timeout(WAIT)
    pg = context.new_page()
    pg.outside = []
    pg.on(
        "request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else pg.outside.append(r.url)
    )
    return context, pg


def _fill_item(pg, name: str) -> None:
    pg.get_by_label(labels.PYRAMID["name"], exact=True).fill(name)
    pg.get_by_label(labels.PYRAMID["hours"], exact=True).fill("2")


def test_two_kernteam_members_fill_in_one_school_pyramid(served, browser):
    group = load_config(served.config_path).slug
    with AnswerStore(served.store_url) as store:
        sanne = store.create_participant(group, "Sanne Kernteam", SCHOOL)
        kees = store.create_participant(group, "Kees Kernteam", SCHOOL)
        lotte = store.create_participant(group, "Lotte Kernteam", SCHOOL)
        ahmed = store.create_participant(group, "Ahmed Kernteam", OTHER)
        store.set_kernteam(group, sanne.code, True)
        store.set_kernteam(group, ahmed.code, True)
        item = actiepunten.new_item(text=POINT, layer="base", for_school=True)
        store.save_answer(
            group,
            lotte.code,
            "ondersteuningspiramide/actiepunten",
            {"version": 2, "items": [dict(item)]},
        )
    contexts = []
    try:
        c1, one = _context(browser)
        c2, two = _context(browser, **PHONE)
        contexts += [c1, c2]
        open_workbook_page(one, served.url("school.ipynb", sanne.code))
        open_workbook_page(two, served.url("school.ipynb", kees.code))
        # Kees is not in the kernteam yet: he says he is, and waits for the trainer.
        two.get_by_role("button", name=labels.SCHOOL_I_AM_MEMBER.format(school=SCHOOL)).click()
        expect(two.get_by_text("De trainer moet je nog toelaten")).to_be_visible()
        c4, trainer = _context(browser)
        contexts.append(c4)
        open_workbook_page(trainer, served.url("trainer.ipynb"))
        trainer.get_by_label("Trainersleutel").fill(KEY)
        trainer.get_by_role("button", name="Open de trainerspagina").click()
        trainer.get_by_role("tab", name=labels.TRAINER_PLANS_TAB).click()
        request = trainer.locator(".wb-tr-kernteam li", has_text=f"({SCHOOL})").filter(
            has=trainer.get_by_role("button", name=labels.TRAINER_KERNTEAM_YES, exact=True)
        )
        expect(request).to_have_count(1)
        assert "Kees Kernteam" not in request.inner_text()  # a pseudonym on the projector
        request.get_by_role("button", name=labels.TRAINER_KERNTEAM_YES, exact=True).click()
        expect(two.get_by_label(labels.PYRAMID["name"], exact=True)).to_be_enabled()
        expect(one.get_by_label(labels.PYRAMID["name"], exact=True)).to_be_enabled()
        # Both type an activity, then both add it at the same moment.
        _fill_item(one, ITEMS["sanne"])
        _fill_item(two, ITEMS["kees"])
        add = labels.PYRAMID["add"]
        one.get_by_role("button", name=add, exact=True).click(no_wait_after=True)
        two.get_by_role("button", name=add, exact=True).click(no_wait_after=True)
        for pg in (one, two):
            for name in ITEMS.values():
                expect(pg.locator(".wbp-item", has_text=name)).to_be_visible()
        expect(one.locator(".wb-school-members")).to_contain_text("Kees Kernteam", timeout=WAIT)
        # The phone shows the page without sideways scrolling.
        wider = two.evaluate("document.documentElement.scrollWidth")
        assert wider <= 390, f"the school page scrolls sideways on a phone ({wider}px)"
        two.screenshot(path="/tmp/kernteam-telefoon.png", full_page=True)

        # The plan: the point Lotte marked "voor onze school" goes into the school's plan.
        point = one.locator(".wb-school-point", has_text=POINT)
        expect(point).to_have_count(1)
        point.get_by_label(labels.SCHOOL_OWNER, exact=True).fill("Sanne (zorgcoördinator)")
        point.get_by_label(labels.SCHOOL_OWNER, exact=True).press("Enter")
        point.get_by_label(labels.SCHOOL_STATUS, exact=True).select_option(label="In ons plan")
        expect(point.locator(".wb-school-point-title")).to_contain_text("In ons plan")
        expect(
            two.locator(".wb-school-point", has_text=POINT).locator(".wb-school-point-title")
        ).to_contain_text("In ons plan", timeout=WAIT)  # the plan is read again every 10 s
        assert serious_axe_violations(one) == []
        assert serious_axe_violations(two) == []
        one.screenshot(path="/tmp/kernteam-laptop.png", full_page=True)

        # A member of another school sees neither activity, nor the plan or the members.
        c3, other = _context(browser)
        contexts.append(c3)
        open_workbook_page(other, served.url("school.ipynb", ahmed.code))
        expect(other.locator(".wb-school-members")).to_contain_text(f"Kernteam van {OTHER}")
        other.wait_for_timeout(4_000)  # a heartbeat or more: nothing of the other school arrives
        content = other.content()
        for text in (*ITEMS.values(), POINT, "Sanne Kernteam", "Kees Kernteam"):
            assert text not in content

        # The trainer sees the school's pyramid and plan.
        section = trainer.locator(f".wb-tr-plan[data-school='{SCHOOL}']")
        for text in (*ITEMS.values(), POINT, "Sanne (zorgcoördinator)"):
            expect(section).to_contain_text(text)
        expect(trainer.locator(f".wb-tr-plan[data-school='{OTHER}']")).not_to_contain_text(
            ITEMS["sanne"]
        )
        section.screenshot(path="/tmp/kernteam-trainer.png")
        assert serious_axe_violations(trainer) == []
        for pg in (one, two, other, trainer):
            assert pg.outside == []
    finally:
        for context in contexts:
            context.close()
