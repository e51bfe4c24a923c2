"""The trainer's session script (draaiboek) of a module: its blocks, their timing and their checks.

A module.yaml holds `draaiboek:`, a list of blocks. Each block has a title, its minutes, a work form,
what the trainer does (text) and, optionally, the exercises and explanations (section ids) it uses;
an exchange is a block with the module's `uitwisseling` exercises. The blocks add up to the module's
`minutes`, which is 60 to 90 for a session in a school hall.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbook.kinds import Fields

WORK_FORMS = ("individueel", "in tweetallen", "per school", "plenair")
MIN_SESSION, MAX_SESSION = 60, 90
BLOCK_FIELDS = {"title", "minutes", "form", "text", "exercises", "sections"}
EXAMPLE = (
    "Zet onder 'draaiboek:' de blokken, elk met title, minutes, form en text "
    "(zie README, 'Het draaiboek')."
)


@dataclass(frozen=True)
class Block:
    """One block of a session: how long, in which work form, what the trainer does and with what."""

    title: str
    minutes: int
    form: str
    text: str
    exercises: tuple[
        str, ...
    ] = ()  # exercise slugs of the module ('stappenplan', not 'module/...')
    sections: tuple[str, ...] = ()  # section ids of the module's explanations


@dataclass(frozen=True)
class TimedBlock:
    """A block with its start and end, in minutes from the start of the session."""

    block: Block
    start: int
    end: int

    @property
    def span(self) -> str:
        """'0:10–0:25': when the block starts and ends."""
        return f"{clock(self.start)}–{clock(self.end)}"


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, e.g. 75 -> '1:15'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _slugs(f: Fields, field: str) -> tuple[str, ...]:
    """An optional list of ids; one id on its own is a list of one."""
    value = f.data.get(field)
    if isinstance(value, str):
        value = [value]
        f = Fields({**f.data, field: value}, f.where)
    return tuple(f.texts(field, required=False))


def read_block(f: Fields) -> Block:
    """One block of a draaiboek, validated; a Dutch error names the file, the block and the field."""
    f.only(BLOCK_FIELDS)
    form = f.text("form")
    if form not in WORK_FORMS:
        raise f.fail(
            "form",
            f"is {form!r}, en die werkvorm kent het werkboek niet",
            "Kies uit: " + ", ".join(WORK_FORMS) + ".",
        )
    return Block(
        title=f.text("title"),
        minutes=f.integer("minutes", default=0, low=1, high=MAX_SESSION),
        form=form,
        text=f.text("text"),
        exercises=_slugs(f, "exercises"),
        sections=_slugs(f, "sections"),
    )


def read_draaiboek(f: Fields) -> tuple[Block, ...]:
    """The blocks under `draaiboek:` of a module.yaml (empty when the module has none yet)."""
    if f.data.get("draaiboek") is None:
        return ()
    return tuple(read_block(bf) for bf in f.mappings("draaiboek"))


def schedule(blocks: Iterable[Block]) -> list[TimedBlock]:
    """The blocks with their start and end times, one after the other from 0:00."""
    out, start = [], 0
    for block in blocks:
        out.append(TimedBlock(block, start, start + block.minutes))
        start += block.minutes
    return out


def block_index(blocks: Iterable[Block], slug: str) -> int | None:
    """The number of the first block that uses this exercise slug, or None."""
    for n, block in enumerate(blocks):
        if slug in block.exercises:
            return n
    return None


def draaiboek_problems(
    where: str,
    minutes: int,
    blocks: tuple[Block, ...],
    exercises: Iterable[str],
    sections: Iterable[str],
) -> list[str]:
    """What is wrong with a module's draaiboek, as Dutch messages naming the file, field and fix."""
    problems = []
    if not MIN_SESSION <= minutes <= MAX_SESSION:
        problems.append(
            f"{where}: veld 'minutes' is {minutes}, maar een sessie duurt {MIN_SESSION} tot en met "
            f"{MAX_SESSION} minuten. Kies een lengte daartussen, bijvoorbeeld minutes: 75."
        )
    if not blocks:
        return problems + [
            f"{where}: veld 'draaiboek' ontbreekt. Geef de trainer een draaiboek met de blokken "
            f"van de sessie. {EXAMPLE}"
        ]
    total = sum(b.minutes for b in blocks)
    if total != minutes:
        diff = minutes - total
        fix = f"{abs(diff)} minuten {'langer' if diff > 0 else 'korter'}"
        problems.append(
            f"{where}: veld 'draaiboek' telt op tot {total} minuten, maar veld 'minutes' zegt "
            f"{minutes}. Maak de blokken samen {fix}, of pas 'minutes' aan."
        )
    known_ex, known_sec = sorted(set(exercises)), sorted(set(sections))
    for n, block in enumerate(blocks, start=1):
        for slug in block.exercises:
            if slug not in known_ex:
                problems.append(
                    f"{where}: veld 'draaiboek[{n}].exercises' noemt '{slug}', en die oefening "
                    f"bestaat niet in deze module. Kies uit: {', '.join(known_ex) or '(geen)'}."
                )
        for sid in block.sections:
            if sid not in known_sec:
                problems.append(
                    f"{where}: veld 'draaiboek[{n}].sections' noemt '{sid}', en die uitleg "
                    f"bestaat niet in deze module. Kies een id uit 'sections': "
                    f"{', '.join(known_sec) or '(geen)'}."
                )
    return problems
