"""A scholengroep's trajectory: the meetings of its begeleidingstraject, each with a date, a title,
the modules it covers and the step of the stappenplan it serves (the `traject` of the config).

    [[traject]]
    datum = 2026-09-15
    titel = "Inspiratiesessie"
    modules = ["ondersteuningspiramide"]
    stap = "kernteam"
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from workbook.errors import ConfigError

# The stappenplan of the Gezonde School-aanpak, as the programme walks it (and the opening module
# teaches it, in exercises/ondersteuningspiramide/stappenplan.yaml).
STEPS = {
    "kernteam": "Een kernteam vormen",
    "huidige-situatie": "De huidige situatie in kaart brengen",
    "visie-en-doelen": "Samen een visie en doelen kiezen",
    "plan": "Een plan maken voor de hele school",
    "uitvoeren": "Het plan uitvoeren",
    "evalueren-en-borgen": "Evalueren en borgen",
}
FIELDS = {"datum", "titel", "modules", "stap"}
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


@dataclass(frozen=True)
class Meeting:
    day: date
    title: str
    modules: tuple[str, ...]
    step: str | None  # a key of STEPS

    @property
    def step_name(self) -> str:
        return STEPS[self.step] if self.step else ""


def dutch_date(day: date) -> str:
    """'15 september 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_traject(
    raw: object, where: str, offered: list[str], top_fields: Collection[str] = ()
) -> tuple[Meeting, ...]:
    """The meetings of a config's `traject`, checked; every problem is one Dutch ConfigError that
    names the meeting and the field, and says how to fix it."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(m, dict) for m in raw):
        raise ConfigError(
            f"{where}: veld 'traject' moet een lijst met bijeenkomsten zijn. Schrijf elke "
            "bijeenkomst als [[traject]] met datum, titel en modules eronder."
        )
    meetings: list[Meeting] = []
    for n, item in enumerate(raw, start=1):
        here = f"{where}: bijeenkomst {n} van 'traject'"
        unknown = sorted(set(item) - FIELDS)
        if unknown and unknown[0] in top_fields:
            raise ConfigError(
                f"{here}: veld '{unknown[0]}' hoort bovenaan het bestand, boven de eerste "
                "[[traject]]. In TOML hoort alles onder [[traject]] bij die bijeenkomst."
            )
        if unknown:
            raise ConfigError(
                f"{here}: onbekend veld '{unknown[0]}'. Toegestaan: "
                + ", ".join(sorted(FIELDS))
                + "."
            )
        day = item.get("datum")
        if not isinstance(day, date) or hasattr(day, "hour"):
            raise ConfigError(
                f"{here}: veld 'datum' is {day!r}. Schrijf een datum als datum = 2026-09-15 "
                "(jaar-maand-dag, zonder aanhalingstekens)."
            )
        title = item.get("titel")
        if not isinstance(title, str) or not title.strip():
            raise ConfigError(
                f"{here}: veld 'titel' ontbreekt of is leeg. Schrijf bijvoorbeeld titel = \"Inspiratiesessie\"."
            )
        modules = item.get("modules", [])
        if not isinstance(modules, list) or not all(isinstance(m, str) for m in modules):
            raise ConfigError(
                f"{here}: veld 'modules' moet een lijst zijn, bijvoorbeeld modules = [\"sel\"]."
            )
        for m in modules:
            if m not in offered:
                raise ConfigError(
                    f"{here}: module '{m}' zit niet in het aanbod van deze scholengroep. "
                    "Kies uit: " + ", ".join(offered) + "."
                )
        step = item.get("stap")
        if step is not None and step not in STEPS:
            raise ConfigError(
                f"{here}: veld 'stap' is {step!r}. Kies een stap van het stappenplan: "
                + ", ".join(STEPS)
                + "."
            )
        if meetings and day < meetings[-1].day:
            raise ConfigError(
                f"{here}: de datum {dutch_date(day)} ligt voor die van bijeenkomst {n - 1} "
                f"({dutch_date(meetings[-1].day)}). Zet de bijeenkomsten op volgorde van datum."
            )
        meetings.append(Meeting(day, title.strip(), tuple(modules), step))
    return tuple(meetings)


def arrange(
    meetings: tuple[Meeting, ...], today: date
) -> tuple[list[Meeting], list[Meeting], list[Meeting]]:
    """(today's meetings, earlier ones with the latest first, the ones still to come)."""
    return (
        [m for m in meetings if m.day == today],
        sorted((m for m in meetings if m.day < today), key=lambda m: m.day, reverse=True),
        [m for m in meetings if m.day > today],
    )
