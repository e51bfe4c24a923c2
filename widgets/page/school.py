"""The school's page: what one school's kernteam shares (pyramid, plan van aanpak, stappenplan step).

Only the members of that school's kernteam see it; `workbook.kernteam` decides what they get. Every
member works from their own device: the page shows what the others changed on each heartbeat.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import ipywidgets as w
from IPython.display import display

from widgets import labels
from widgets.base import escape
from widgets.kinds.actiepunten import LABEL_ABOVE
from widgets.page.page import ParticipantBar, show_markdown, show_now_marker, show_style
from widgets.pyramid.widget import PyramidWidget
from widgets.shared import make
from workbook.content.catalog import get_exercise
from workbook.errors import StoreError, WorkbookError
from workbook.kernteam import (
    ACCEPTED,
    ASKED,
    DROPPED,
    GONE,
    PYRAMID_EXERCISE,
    STATUSES,
    Kernteam,
    NotInKernteamError,
    Proposal,
    pyramid_changes,
)
from workbook.kinds import comparison_html
from workbook.pyramid import validate_pyramid
from workbook.runtime.session import Visit
from workbook.store import ParticipantAnswers
from workbook.store.answers import now_iso
from workbook.traject import STEPS

STATE_SECONDS = 10.0  # how often, at most, an open school page reads the plan and rounds again


class SharedPyramid(ParticipantAnswers):
    """The pyramid widget's answers, but of the school: a save sends only what this member changed
    on their board, and then shows the school pyramid as it is now.

    The board may send an edit made on a version the kernel already replaced (a slow phone that has
    not drawn the latest push yet). So the last few versions sent to the board are kept, and an edit
    is compared with the one it is closest to: one added item stays one added item, and nothing that
    another member added meanwhile counts as removed."""

    KEEP = 6

    def __init__(self, team: Kernteam) -> None:
        super().__init__(team.store, team.slug, team.participant)
        self.team = team
        self.sent: deque[dict[str, Any]] = deque(maxlen=self.KEEP)
        self.seen = team.pyramid()
        self.saves = 0

    @property
    def seen(self) -> Any:
        return self.sent[-1]

    @seen.setter
    def seen(self, value: Any) -> None:
        self.sent.append(value)

    def load(self, exercise: str) -> Any | None:
        return self.seen if any(self.seen["layers"].values()) else None

    def save(self, exercise: str, value: Any, *, measured_on: str | None = None) -> str:
        base = min(reversed(self.sent), key=lambda sent: len(pyramid_changes(sent, value)))
        try:
            self.seen = self.team.edit_pyramid(base, value)
        except NotInKernteamError as exc:
            raise StoreError(str(exc)) from exc
        self.saves += 1
        return now_iso()

    def measurements(self, exercise: str) -> list[tuple[str, Any]]:
        return []  # the school pyramid's versions are shown by the school page itself


class SchoolPyramidWidget(PyramidWidget):
    """The pyramid board, filled in by the whole kernteam together."""

    @property
    def shared(self) -> SharedPyramid | None:
        answers = self._answers
        return answers if isinstance(answers, SharedPyramid) else None

    def changed(self, *args: object) -> None:
        shared = self.shared
        saves = shared.saves if shared else 0
        super().changed(*args)
        if shared is not None and shared.saves > saves:
            self._follow()  # a failed save leaves the member's edit on the board, to retry

    def refresh_shared(self) -> bool:
        """Show what other members changed (only while this member's board has nothing unsaved).
        True when the board changed."""
        shared = self.shared
        if shared is None or not self._same(self.value(), shared.seen):
            return False
        try:
            now = shared.team.pyramid()
        except StoreError:
            return False
        if self._same(now, shared.seen):
            return False
        shared.seen = now
        return self._follow()

    def _follow(self) -> bool:
        shared = self.shared
        if shared is None or self._same(self.value(), shared.seen):
            return False
        self._restoring = True
        try:
            self.restore(shared.seen)
        finally:
            self._restoring = False
        return True

    @staticmethod
    def _same(a: Any, b: Any) -> bool:
        try:
            return validate_pyramid(a)["layers"] == validate_pyramid(b)["layers"]
        except WorkbookError:
            return False


class PlanRow(w.VBox):
    """One proposed point: the kernteam's choice, wording, owner and date; every change is saved."""

    def __init__(self, team: Kernteam, proposal: Proposal, message: w.HTML) -> None:
        self.team = team
        self.key = proposal.key
        self.proposal = proposal
        self.message = message
        self._quiet = False
        by = labels.SCHOOL_PROPOSED_BY.format(
            module=proposal.module, who=proposal.proposer or labels.SCHOOL_SOMEONE
        )
        self.head = make(w.HTML, "")
        self.status = make(
            w.Dropdown,
            options=[(name, key) for key, name in STATUSES.items()],
            description=labels.SCHOOL_STATUS,
            style=LABEL_ABOVE,
            layout=dict(width="14em"),
        )
        self.text = make(
            w.Text,
            description=labels.SCHOOL_TEXT,
            continuous_update=False,
            style=LABEL_ABOVE,
            layout=dict(width="100%"),
        )
        self.owner = make(
            w.Text,
            description=labels.SCHOOL_OWNER,
            placeholder=labels.SCHOOL_OWNER_PLACEHOLDER,
            continuous_update=False,
            style=LABEL_ABOVE,
            layout=dict(width="14em"),
        )
        self.when = make(
            w.DatePicker,
            description=labels.SCHOOL_WHEN,
            style=LABEL_ABOVE,
            layout=dict(width="12em"),
        )
        self.show(proposal)
        for control in (self.status, self.text, self.owner, self.when):
            control.observe(self._save, "value")
        super().__init__(
            [
                self.head,
                make(w.HTML, f'<p class="wb-hint">{escape(by)}</p>'),
                self.text,
                make(
                    w.HBox, [self.status, self.owner, self.when], layout=dict(flex_flow="row wrap")
                ),
            ]
        )
        self.add_class("wb-school-point")

    def show(self, p: Proposal) -> None:
        """Show a point as saved (without saving it again)."""
        self.proposal = p
        self._quiet = True
        try:
            self.status.value = p.status
            self.text.value = p.shown_text
            self.owner.value = p.owner
            self.when.value = _day(p.when)
        finally:
            self._quiet = False
        css = {ACCEPTED: "wb-status-ok", DROPPED: "wb-status-idle"}.get(p.status, "wb-status-busy")
        self.head.value = (
            f'<h4 class="wb-school-point-title"><span class="wb-status {css}">'
            f"{escape(STATUSES[p.status])}</span> {escape(p.shown_text)}</h4>"
        )

    def _save(self, change: dict[str, Any]) -> None:
        """Save the one field that changed; what another member set in the others stays."""
        if self._quiet:
            return
        control = change["owner"]
        if control is self.when:
            fields = {"when": self.when.value.isoformat() if self.when.value else ""}
        else:
            name = {id(self.status): "status", id(self.text): "text", id(self.owner): "owner"}
            fields = {name[id(control)]: str(control.value)}
        try:
            self.team.decide(self.proposal, **fields)
        except WorkbookError as exc:
            self.message.value = (
                f'<p class="wb-error" role="alert">'
                f"{escape(labels.SCHOOL_NOT_SAVED.format(reason=exc))}</p>"
            )
            return
        stamp = datetime.now().strftime("%H:%M:%S")
        self.message.value = (
            f'<p class="wb-hint" role="status">{escape(labels.SAVED.format(time=stamp))}</p>'
        )
        p = self.proposal
        self.show(
            replace(
                p,
                status=fields.get("status", p.status),
                text=fields.get("text", p.text).strip(),
                owner=fields.get("owner", p.owner).strip(),
                when=fields.get("when", p.when),
            )
        )


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class SchoolPage(w.VBox):
    """The kernteam's page of one school, or what a visitor must do first to see it."""

    def __init__(self, visit: Visit) -> None:
        super().__init__()
        self.visit = visit
        self.add_class("wb-page")
        self.team: Kernteam | None = None
        self.pyramid: SchoolPyramidWidget | None = None
        self.rows: dict[str, PlanRow] = {}
        self.message = make(w.HTML, "")
        self.refresh()

    # -- who is here ------------------------------------------------------------------------------
    def refresh(self) -> None:
        p = self.visit.participant
        self.team, self.pyramid, self.rows = None, None, {}
        if p is None:
            self.children = [_note(labels.SCHOOL_JOIN_FIRST)]
            return
        try:
            self.team = Kernteam(self.visit.store, self.visit.config, p)
        except NotInKernteamError as exc:
            if not p.school:
                self.children = self._choose_school(str(exc))
            elif p.kernteam_asked:
                self.children = [_note(ASKED.format(school=p.school)), self._leave_button()]
            else:
                self.children = self._not_a_member(str(exc))
            return
        self._member_page()

    def _button(self, text: str, action: Any, primary: bool = False) -> w.Button:
        button = make(
            w.Button,
            description=text,
            tooltip=text,
            button_style="primary" if primary else "",
            layout=dict(width="auto"),
        )
        button.on_click(action)
        return button

    def _not_a_member(self, reason: str) -> list[w.Widget]:
        p = self.visit.participant
        assert p is not None
        ask = labels.SCHOOL_I_AM_MEMBER.format(school=p.school)
        return [
            make(w.HTML, f"<p>{escape(reason)}</p><p>{escape(labels.SCHOOL_WHO)}</p>"),
            self._button(ask, self._ask, primary=True),
            self.message,
        ]

    def _choose_school(self, reason: str) -> list[w.Widget]:
        self.school_choice = make(
            w.Dropdown,
            options=list(self.visit.config.schools),
            description=labels.JOIN_SCHOOL,
            style={"description_width": "initial"},
            layout=dict(width="auto"),
        )
        return [
            _note(reason),
            self.school_choice,
            self._button(labels.SCHOOL_CHOOSE, self._set_school, primary=True),
            self.message,
        ]

    def _leave_button(self) -> w.Button:
        return self._button(labels.SCHOOL_LEAVE, self._leave)

    def _store_change(self, change: Any) -> None:
        """Run one change of the participant in the store, then show the page anew."""
        p = self.visit.participant
        assert p is not None
        slug = self.visit.config.slug
        try:
            change(slug, p.code)
            self.visit.participant = self.visit.store.get_participant(slug, p.code)
        except WorkbookError as exc:
            self.message.value = f'<p class="wb-error" role="alert">{escape(str(exc))}</p>'
            return
        self.refresh()

    def _ask(self, _button: object = None) -> None:
        self._store_change(self.visit.store.ask_kernteam)

    def _leave(self, _button: object = None) -> None:
        self._store_change(lambda slug, code: self.visit.store.set_kernteam(slug, code, False))

    def _set_school(self, _button: object = None) -> None:
        school = self.school_choice.value or ""
        self._store_change(lambda slug, code: self.visit.store.set_school(slug, code, school))

    def _recheck(self) -> bool:
        """On a heartbeat: is the participant still who the page shows (deleted, let in, taken
        out)? When not, show the page anew. True when it changed."""
        p = self.visit.participant
        if p is None:
            return False
        try:
            now = self.visit.store.get_participant(self.visit.config.slug, p.code)
        except StoreError:
            return False
        if now == p:
            return False
        self.visit.participant = now
        if now is None:
            self.team, self.pyramid, self.rows = None, None, {}
            self.children = [_note(GONE)]
        else:
            self.refresh()
        return True

    # -- the member's page ------------------------------------------------------------------------
    def _member_page(self) -> None:
        team = self.team
        assert team is not None
        config = self.visit.config
        self.members = make(w.HTML, "")
        self.step = make(
            w.Dropdown,
            options=[(labels.SCHOOL_STEP_NONE, ""), *((n, k) for k, n in STEPS.items())],
            value=team.step() or "",
            description=labels.SCHOOL_STEP,
            style={"description_width": "initial"},
            layout=dict(width="auto"),
        )
        self.step.observe(self._set_step, "value")
        self._state_at = float("-inf")
        self.pyramid = SchoolPyramidWidget(get_exercise(PYRAMID_EXERCISE), *config.words)
        self.pyramid.bind(SharedPyramid(team))
        self.pyramid_rounds = make(w.HTML, "")
        self.plan = make(w.VBox, [])
        self.measured = make(w.HTML, "")
        self.children = [
            self.members,
            self.step,
            make(w.HTML, f"<h2>{escape(labels.SCHOOL_PYRAMID_TITLE)}</h2>"),
            make(w.HTML, f"<p>{escape(labels.SCHOOL_PYRAMID_INTRO)}</p>"),
            self.pyramid,
            self.pyramid_rounds,
            make(
                w.HTML,
                f"<h2>{escape(labels.SCHOOL_PLAN_TITLE)}</h2>"
                f"<p>{escape(labels.SCHOOL_PLAN_INTRO)}</p>",
            ),
            self.message,
            self.plan,
            self.measured,
            self._leave_button(),
        ]
        self.live()

    def _set_step(self, _change: object) -> None:
        if self.team is None:
            return
        try:
            self.team.set_step(self.step.value)
        except WorkbookError as exc:
            self.message.value = f'<p class="wb-error" role="alert">{escape(str(exc))}</p>'

    def live(self) -> None:
        """On each heartbeat: what the other members changed, and the latest versions side by side."""
        if self._recheck():
            return
        team = self.team
        if team is None or self.pyramid is None:
            return
        # The pyramid follows the others at every heartbeat (one query); the rest of the school's
        # state (plan, members, rounds: a query per module) at most every STATE_SECONDS.
        moved = self.pyramid.refresh_shared()
        if not moved and time.monotonic() - self._state_at < STATE_SECONDS:
            return
        try:
            state = team.state()
        except StoreError:
            return  # the page shows what it had; the next heartbeat tries again
        self._state_at = time.monotonic()
        names = ", ".join(escape(n) for n in state.members if n)
        self.members.value = (
            f'<p class="wb-school-link wb-school-members" role="status">'
            f"{escape(labels.SCHOOL_MEMBERS.format(school=team.school))} {names}</p>"
        )
        if state.step != self.step.value:
            self.step.unobserve(self._set_step, "value")
            self.step.value = state.step
            self.step.observe(self._set_step, "value")
        self.pyramid_rounds.value = (
            str(comparison_html(state.pyramid_rounds, labels.SCHOOL_PYRAMID_ROUNDS))
            if state.pyramid_rounds
            else ""
        )
        self._show_plan(state.proposals)
        self.measured.value = "".join(
            f"<h2>{escape(labels.SCHOOL_MEASURED.format(title=ex.title))}</h2>"
            + str(comparison_html(c, labels.SCHOOL_MEASURED_CAPTION.format(school=team.school)))
            for ex, c in state.measured
        )

    def _show_plan(self, proposals: list[Proposal]) -> None:
        team = self.team
        assert team is not None
        if [p.key for p in proposals] != list(self.rows):
            old = self.rows
            self.rows = {p.key: old.get(p.key) or PlanRow(team, p, self.message) for p in proposals}
            self.plan.children = list(self.rows.values()) or [_note(labels.SCHOOL_PLAN_EMPTY)]
        for p in proposals:
            self.rows[p.key].show(p)


def _note(text: str) -> w.HTML:
    return make(w.HTML, f'<p class="wb-hint">{escape(text)}</p>')


def show_school_page(config_path: str = "") -> None:
    """The school's page: the participant, then their kernteam's pyramid and plan."""
    visit = Visit.start(config_path, wait=False)
    show_style()
    show_markdown(f"# {labels.SCHOOL_TITLE}\n\n**{visit.config.name}**")
    school = SchoolPage(visit)
    bar = ParticipantBar(visit, [school.refresh])
    display(bar)
    show_now_marker(visit, on_ping=school.live)
    display(school)
    bar.wait_for_visitor()
