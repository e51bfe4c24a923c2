"""What one school's kernteam shares: one school pyramid, one plan van aanpak and its stappenplan step.

A participant belongs to a school and can say they are in its kernteam. The members of one kernteam
fill in one pyramid together, from their own devices. Every activity of it is one row of the store
(school_items), so two members who add something at the same moment both keep what they added:
an edit only touches the rows it changed (`pyramid_changes`). The plan is made of the action points
that participants of the school marked "voor onze school"; the kernteam accepts, edits, gives an
owner and a date, or drops each of them, again one row per point.

Only `Kernteam` (a member's handle) and `school_state` (the trainer's and the school report's view)
read these rows, and both only for one school. Other schools and participants outside the kernteam
never get them. Every version of the school pyramid is kept per day, to compare meetings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbook.config import Config
from workbook.content.catalog import get_exercise, get_module, list_exercises
from workbook.errors import WorkbookError
from workbook.kinds import actiepunten, compare_rounds, is_answered, piramide
from workbook.kinds.actiepunten import ActionItem
from workbook.kinds.base import Comparison, Exercise
from workbook.kinds.piramide import PiramideAnswer
from workbook.pyramid import PYRAMID_LAYERS, validate_pyramid
from workbook.store import AnswerStore, Participant, SchoolItem
from workbook.store.answers import now_iso
from workbook.store.failures import ParticipantGoneError
from workbook.traject import STEPS, dutch_date

PYRAMID_DOC = "piramide"
HISTORY_DOC = "piramide-metingen"  # one row per day: the school pyramid as it was that day
PLAN_DOC = "plan"
STEP_DOC = "stap"
# The exercise whose layers and texts the school pyramid uses.
PYRAMID_EXERCISE = "ondersteuningspiramide/piramide"

PROPOSED, ACCEPTED, DROPPED = "voorgesteld", "aanvaard", "geschrapt"
STATUSES = {PROPOSED: "Voorgesteld", ACCEPTED: "In ons plan", DROPPED: "Geschrapt"}
DECISION_FIELDS = {"status", "text", "owner", "when"}

NOT_A_MEMBER = (
    "Deze pagina is voor het kernteam van je school. Zit je in het kernteam? Klik dan op de knop "
    "hieronder. De trainer laat je daarna toe."
)
ASKED = (
    "Je hebt gevraagd om in het kernteam van {school} te komen. De trainer moet je nog toelaten. "
    "Daarna zie je hier de piramide en het plan van jullie school."
)
GONE = "Je gegevens zijn verwijderd. Op het overzicht kun je je opnieuw aanmelden."
NO_SCHOOL = (
    "Je hebt bij het aanmelden geen school gekozen. Kies hieronder je school. Daarna kun je "
    "vragen om in het kernteam van die school te komen."
)


class NotInKernteamError(WorkbookError):
    """A participant who is not in a school's kernteam asked for what it shares."""


def item_key(layer: str, name: str) -> str:
    """The row of one pyramid activity: the same activity in the same layer is one row, whoever
    adds it (spaces and capitals do not matter)."""
    text = f"{layer}|{' '.join(name.split()).casefold()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _pyramid_rows(answer: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    rows = {}
    for layer in PYRAMID_LAYERS:
        for item in answer.get("layers", {}).get(layer, []):
            rows[item_key(layer, item["name"])] = {"layer": layer, **item}
    return rows


def pyramid_changes(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> dict[str, dict[str, Any] | None]:
    """The rows one edit changed: new or changed activities, and None for the removed ones.

    `before` is the pyramid as the member last saw it; what others added since is in neither, so
    an edit never removes it."""
    old, new = _pyramid_rows(before), _pyramid_rows(after)
    changes: dict[str, dict[str, Any] | None] = {k: None for k in old if k not in new}
    changes.update({k: v for k, v in new.items() if old.get(k) != v})
    return changes


def merged_pyramid(school: str, items: Sequence[SchoolItem]) -> PiramideAnswer:
    """The school pyramid from its rows, each layer in the order its activities were first added."""
    layers: dict[str, list[dict[str, Any]]] = {layer: [] for layer in PYRAMID_LAYERS}
    for row in sorted(items, key=lambda r: (str(r.value.get("since", "")), r.item)):
        value = {k: v for k, v in row.value.items() if k not in ("layer", "since")}
        layers.setdefault(row.value.get("layer", "base"), []).append(value)
    try:
        return validate_pyramid({"school": school, "layers": layers})  # type: ignore[return-value]
    except WorkbookError:
        return piramide.read({})


@dataclass(frozen=True)
class Proposal:
    """A point marked "voor onze school" and what the kernteam decided about it."""

    key: str
    item: ActionItem  # as the participant proposed it
    module: str  # the module's title
    proposer: str  # their name ('' when names are not shown)
    status: str = PROPOSED
    text: str = ""  # the kernteam's wording ('' keeps the proposal's)
    owner: str = ""  # who takes it on
    when: str = ""  # by when (a day, '2026-11-30', or '')

    @property
    def shown_text(self) -> str:
        return self.text or self.item["text"]


def proposal_key(code: str, exercise: str, text: str) -> str:
    """A point's row: by who proposed it, where and what (an edited proposal is a new proposal)."""
    return hashlib.sha256(f"{code}|{exercise}|{text.strip()}".encode()).hexdigest()[:16]


def proposals(
    config: Config,
    participants: Sequence[Participant],
    school: str,
    answers_of: Mapping[str, Mapping[str, Any]],
    decisions: Sequence[SchoolItem],
    names: Mapping[str, str],
) -> list[Proposal]:
    """Every point the participants of `school` marked for it, with the kernteam's decision.

    `answers_of` is exercise -> code -> value of the action-point exercises."""
    decided = {d.item: d.value for d in decisions}
    codes = {p.code for p in participants if p.school == school}
    out = []
    for m in config.offered_modules():
        title = get_module(m).title
        for ex in list_exercises(m):
            if ex.kind != "actiepunten":
                continue
            for code, value in answers_of.get(ex.id, {}).items():
                if code not in codes or not is_answered(value):
                    continue
                for item in actiepunten.read(value)["items"]:
                    if not item["for_school"] or not item["text"].strip():
                        continue
                    key = proposal_key(code, ex.id, item["text"])
                    d = decided.get(key, {})
                    out.append(
                        Proposal(
                            key,
                            item,
                            title,
                            names.get(code, ""),
                            status=d.get("status", PROPOSED),
                            text=d.get("text", ""),
                            owner=d.get("owner", item["who"]),
                            when=d.get("when", ""),
                        )
                    )
    # A point the kernteam decided on stays in the plan when its proposer changes or removes it
    # (a typo fixed, 'voor onze school' unticked, their data deleted): the plan is the school's.
    seen = {p.key for p in out}
    for key, d in decided.items():
        if key in seen or d.get("status", PROPOSED) == PROPOSED or "item" not in d:
            continue
        kept = actiepunten.read({"version": 2, "items": [d["item"]]})["items"]
        if kept:
            out.append(
                Proposal(
                    key,
                    kept[0],
                    str(d.get("module", "")),
                    "",
                    status=d["status"],
                    text=d.get("text", ""),
                    owner=d.get("owner", ""),
                    when=d.get("when", ""),
                )
            )
    return out


def round_label(config: Config, day: str) -> str:
    """'15 september 2026', with the meeting's title when the trajectory has one that day."""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return day
    titles = [m.title for m in config.traject if m.day == d]
    return dutch_date(d) + (f" ({titles[0]})" if titles else "")


def rounds_by_day(
    config: Config, versions: Sequence[tuple[str, Any]]
) -> list[tuple[str, list[Any]]]:
    """(label, values) per day, oldest first, from (day, value) pairs."""
    days: dict[str, list[Any]] = {}
    for day, value in sorted(versions, key=lambda v: v[0]):
        days.setdefault(day, []).append(value)
    return [(round_label(config, day), values) for day, values in days.items()]


def measured_exercises(config: Config) -> list[Exercise]:
    """The exercises of the offered modules that are measured again at later meetings."""
    return [
        ex
        for m in config.offered_modules()
        for ex in list_exercises(m, sector=config.sector)
        if ex.measured
    ]


class Kernteam:
    """A kernteam member's handle on what their school shares; nothing of other schools."""

    def __init__(self, store: AnswerStore, config: Config, participant: Participant) -> None:
        if not participant.school:
            raise NotInKernteamError(NO_SCHOOL)
        if not participant.kernteam:
            raise NotInKernteamError(NOT_A_MEMBER)
        self.store = store
        self.config = config
        self.participant = participant
        self.school = participant.school
        self.slug = config.slug

    def check(self) -> None:
        """Raise when this member was deleted or taken out of the kernteam since the page opened:
        from then on nothing of the school is read or written for them."""
        now = self.store.get_participant(self.slug, self.participant.code)
        if now is None:
            raise ParticipantGoneError(GONE)
        if not now.kernteam or now.school != self.school:
            raise NotInKernteamError(NOT_A_MEMBER)

    def _put(self, doc: str, items: dict[str, Any]) -> None:
        self.check()
        self.store.put_school_items(self.slug, self.school, doc, items, self.participant.code)

    def _items(self, doc: str) -> list[SchoolItem]:
        return self.store.school_items(self.slug, self.school, doc)

    def members(self) -> list[str]:
        """The names of the kernteam's members, in the order they joined."""
        return [
            p.name
            for p in self.store.list_participants(self.slug)
            if p.school == self.school and p.kernteam
        ]

    # -- the school pyramid -----------------------------------------------------------------------
    def pyramid(self) -> PiramideAnswer:
        return merged_pyramid(self.school, self._items(PYRAMID_DOC))

    def edit_pyramid(self, before: Mapping[str, Any], after: Mapping[str, Any]) -> PiramideAnswer:
        """Save what this member changed since `before`; returns the school pyramid as it is now
        (with what others added meanwhile) and keeps it as today's version."""
        changes = pyramid_changes(before, after)
        if not changes:
            return self.pyramid()
        since = {r.item: r.value.get("since", r.updated_at) for r in self._items(PYRAMID_DOC)}
        added = now_iso()  # an activity new in this edit was added now
        self._put(
            PYRAMID_DOC,
            {
                k: None if v is None else {**v, "since": since.get(k) or added}
                for k, v in changes.items()
            },
        )
        now = self.pyramid()
        self._put(HISTORY_DOC, {date.today().isoformat(): dict(now)})
        return now

    # -- the stappenplan step ---------------------------------------------------------------------
    def step(self) -> str:
        rows = self._items(STEP_DOC)
        return str(rows[-1].value) if rows else ""

    def set_step(self, step: str) -> None:
        if step and step not in STEPS:
            raise WorkbookError(f"De stap '{step}' bestaat niet. Kies uit: {', '.join(STEPS)}.")
        self._put(STEP_DOC, {"stap": step or None})

    # -- the plan ---------------------------------------------------------------------------------
    def proposals(self) -> list[Proposal]:
        participants = self.store.list_participants(self.slug)
        names = {p.code: p.name for p in participants}
        return proposals(
            self.config,
            participants,
            self.school,
            _action_answers(self.store, self.config),
            self._items(PLAN_DOC),
            names,
        )

    def decide(self, proposal: Proposal, **fields: str) -> None:
        """Save what a member changed of the kernteam's decision on one point: its status, text,
        owner or when. Only the fields given change; what another member set stays. The point is
        kept with the decision, so the plan holds it whatever its proposer does with it later."""
        if "status" in fields and fields["status"] not in STATUSES:
            raise WorkbookError(
                f"De keuze '{fields['status']}' bestaat niet. Kies uit: {', '.join(STATUSES)}."
            )
        unknown = set(fields) - DECISION_FIELDS
        if unknown:
            raise WorkbookError(f"Onbekend veld in een besluit: {', '.join(sorted(unknown))}.")
        key = proposal.key
        stored = {d.item: d.value for d in self._items(PLAN_DOC)}.get(key, {})
        value = {"status": PROPOSED, "text": "", "owner": "", "when": "", **stored}
        value.update({k: v.strip() for k, v in fields.items()})
        value.update(item=dict(proposal.item), module=proposal.module)
        self._put(PLAN_DOC, {key: value})

    def state(self) -> SchoolState:
        return school_state(self.store, self.config, self.school, with_names=True)


def _action_answers(store: AnswerStore, config: Config) -> dict[str, dict[str, Any]]:
    return {
        ex.id: store.answers_for_exercise(config.slug, ex.id)
        for m in config.offered_modules()
        for ex in list_exercises(m)
        if ex.kind == "actiepunten"
    }


@dataclass
class SchoolState:
    """What the trainer and the school's report show of one school's kernteam."""

    school: str
    step: str
    members: list[str]
    pyramid: PiramideAnswer
    pyramid_rounds: Comparison | None
    proposals: list[Proposal]
    measured: list[tuple[Exercise, Comparison]] = field(default_factory=list)

    @property
    def step_name(self) -> str:
        return STEPS.get(self.step, "")

    @property
    def has_pyramid(self) -> bool:
        return any(self.pyramid["layers"].values())


def school_state(
    store: AnswerStore,
    config: Config,
    school: str,
    *,
    with_names: bool,
    participants: Sequence[Participant] | None = None,
    answers: Mapping[str, Mapping[str, Any]] | None = None,
) -> SchoolState:
    """One school's step, kernteam, shared pyramid (with its versions side by side), plan, and the
    measured exercises of its participants per meeting day.

    `participants` and `answers` (exercise -> code -> value) may come from a snapshot the caller
    already read, so that a page showing every school reads them once."""
    slug = config.slug
    if participants is None:
        participants = store.list_participants(slug)
    if answers is None:
        answers = _action_answers(store, config)
    names = {p.code: p.name for p in participants} if with_names else {}
    steps = store.school_items(slug, school, STEP_DOC)
    history = [(r.item, r.value) for r in store.school_items(slug, school, HISTORY_DOC)]
    pyramid_ex = get_exercise(PYRAMID_EXERCISE)
    codes = {p.code for p in participants if p.school == school}
    measured = []
    for ex in measured_exercises(config):
        versions = [(d, v) for c, d, v in store.measurements(slug, ex.id) if c in codes]
        comparison = compare_rounds(ex, rounds_by_day(config, versions), config.words)
        if comparison is not None:
            measured.append((ex, comparison))
    return SchoolState(
        school=school,
        step=str(steps[-1].value) if steps else "",
        members=[names.get(p.code, "") for p in participants if p.school == school and p.kernteam],
        pyramid=merged_pyramid(school, store.school_items(slug, school, PYRAMID_DOC)),
        pyramid_rounds=compare_rounds(pyramid_ex, rounds_by_day(config, history), config.words),
        proposals=proposals(
            config,
            participants,
            school,
            answers,
            store.school_items(slug, school, PLAN_DOC),
            names,
        ),
        measured=measured,
    )
