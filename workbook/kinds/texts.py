"""The Dutch words the kinds write into reports, exports and the trainer's room view."""

from __future__ import annotations

EMPTY = "(niet ingevuld)"
UNREADABLE = "(dit antwoord heeft een vorm die het werkboek niet kent)"
RIGHT = "goed"
WRONG = "niet goed"
PARTLY = "deels goed"
CHOSEN = "Jouw keuze: {choice}"
RIGHT_ANSWER = "Het goede antwoord: {answer}"
RIGHT_ORDER = "De goede volgorde: {order}"
YOUR_ORDER_RIGHT = "Je volgorde klopt."
NOT_CHECKED = "nog niet nagekeken"
# The plan van aanpak (kind actiepunten; workbook/output/plan.py)
PLAN_WHY = "Waarom"
PLAN_FOR_WHOM = "Voor wie"
PLAN_WHO = "Wie doet het, met wie"
PLAN_WHEN = "Wanneer klaar"
PLAN_MEASURE = "Zo weet je dat het werkt"
PLAN_FOR_SCHOOL = "Voor onze school"
# Signals that a pyramid or a scan gives, offered as the 'why' of an action point.
REASON_INVERTED = "Omgekeerde piramide: zak in de piramide"
REASON_TOP_HEAVY = "Zware top: zak in de piramide"
REASON_NO_FOUNDATION = "Leeg fundament: zorg ook voor het team"
REASON_NO_BASE = "Lege sterke basis: begin bij wat alle {leerlingen} krijgen"
REASON_BASE_REACH = "De sterke basis bereikt niet alle {leerlingen}"
REASON_EXTRA_REACH = "Extra ondersteuning bereikt veel {leerlingen}: kan dit in de basis?"
REASON_INTENSIVE_REACH = "Veel {leerlingen} in intensieve ondersteuning: versterk de basis"
REASON_SOLID = "Stevige basis: houd de basis sterk"
REASON_CONCERN = "Zorgen bij {statement} ({title})"
LAYER_FOR = {
    "foundation": "het team",
    "base": "alle {leerlingen}",
    "extra": "een groep {leerlingen}",
    "intensive": "een enkele {leerling}",
}
MARK = "Cijfer {mark} van 10 (1 = {low}, 10 = {high})"
SCORE = "{right} van de {total} goed"
ROW = "Rij {n}"
# Exchange in a group (kind uitwisseling)
GROUP_SCHOOL = "School: {school}"
GROUP_TABLE = "Tafel {n}"
GROUP_NONE = "(geen groep gekozen)"
GROUP_WORKED_IN = "Groep: {group}"
GROUP_OUTCOME = "Uitkomst van de groep ({group}):"
GROUP_ONE = "{group}: {text}"
HOURS = "{hours} uur per week"
REACH = "bereik {reach}% van de {pupils}"
SCHOOL = "School: {school}"
NO_SCHOOL = "(geen school)"
LAYER_EMPTY = "nog leeg"
SOCIO_CLASS = "Klas van {n} {pupils}, {present} aanwezig; {choices} keuzes."
SOCIO_MUTUAL = "Wederzijdse keuzes: {pairs}."
SOCIO_ISOLATED = "Door niemand gekozen: {names}."
SOCIO_NOBODY_ISOLATED = "Iedereen is door iemand gekozen."
SOCIO_REJECTED = "Vaker afgewezen dan gekozen: {names}."
SOCIO_STATUS = "Status: {groups}."
SOCIO_NO_STATUS = "Geen status: {reason}"
SOCIO_SEATING = "Eerste tip voor het zitplan: {tip}"
SOCIO_EARLIER = "Eerdere metingen: {n}."
NOBODY = "niemand"
NONE = "geen"
AND = " en "
