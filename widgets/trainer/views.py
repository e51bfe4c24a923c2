"""HTML for the trainer dashboard: progress tables and one block per exercise summary (all text escaped)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from widgets import labels
from widgets.base import escape
from workbook.config import Config
from workbook.content.catalog import Module
from workbook.content.draaiboek import schedule
from workbook.kernteam import SchoolState, school_state
from workbook.output.draaiboek import CURRENT_ID, current_block, script_html
from workbook.output.plan import SchoolPlan, plan_html, school_plans
from workbook.output.results import Snapshot, display_names
from workbook.output.schoolplan import kernteam_html, points_intro, pyramids_html
from workbook.store import AnswerStore, Participant
from workbook.words import Words, fill_words


def _pct(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole else 0


def progress_html(
    rows: list[dict[str, Any]], schools: dict[str, dict[str, Any]], titles: dict[str, str]
) -> str:
    """Who has joined and how far each participant and each school is, per module."""
    if not rows:
        return f'<p class="wb-tr-empty">{escape(labels.TRAINER_NOBODY)}</p>'
    head = "".join(f"<th scope='col'>{escape(t)}</th>" for t in titles.values())
    school_rows = "".join(
        f"<tr><th scope='row'>{escape(name)} ({s['participants']})</th>"
        + "".join(f"<td>{_meter(s['modules'][m])}</td>" for m in titles)
        + "</tr>"
        for name, s in schools.items()
    )
    people = "".join(
        f"<tr><th scope='row'>{escape(r['name'])}</th><td>{escape(r['school'])}</td>"
        + "".join(f"<td>{r['modules'][m][0]} / {r['modules'][m][1]}</td>" for m in titles)
        + "</tr>"
        for r in rows
    )
    return (
        f"<h2>{escape(labels.TRAINER_SCHOOLS)}</h2>"
        f"<table class='wb-tr-table'><tr><th scope='col'>{escape(labels.TRAINER_SCHOOL)}</th>{head}</tr>"
        f"{school_rows}</table>"
        f"<h2>{escape(labels.TRAINER_PEOPLE.format(n=len(rows)))}</h2>"
        f"<table class='wb-tr-table'><tr><th scope='col'>{escape(labels.TRAINER_NAME)}</th>"
        f"<th scope='col'>{escape(labels.TRAINER_SCHOOL)}</th>{head}</tr>{people}</table>"
    )


def _meter(share: float) -> str:
    pct = round(100 * share)
    return (
        f"<span class='wb-tr-meter' role='img' aria-label='{pct}%'>"
        f"<span style='width:{pct}%'></span></span> {pct}%"
    )


def _bars(rows: list[dict[str, Any]], total: int = 0) -> str:
    """Bars with their count and, out of `total` answers, their share."""
    parts = []
    for row in rows:
        top = max([n for _, n in row["bars"]] + [1])
        bars = "".join(
            f"<div class='wb-tr-bar'><span class='wb-tr-barlabel'>{escape(label)}</span>"
            f"<span class='wb-tr-barfill' style='width:{_pct(n, top) * 0.6:.0f}%'></span>"
            f"<span class='wb-tr-count'>{n}</span>"
            + (f"<span class='wb-tr-share'>{_pct(n, total)}%</span>" if total else "")
            + "</div>"
            for label, n in row["bars"]
        )
        title = f"<h4>{escape(row['label'])}</h4>" if row["label"] else ""
        parts.append(f"<div class='wb-tr-row'>{title}{bars}</div>")
    return "".join(parts)


def _quiz(s: dict[str, Any]) -> str:
    share = _pct(s["correct"], s["answered"])
    text = labels.TRAINER_CORRECT.format(correct=s["correct"], answered=s["answered"], pct=share)
    out = f"<p class='wb-tr-big'>{escape(text)}</p>"
    if s["mistakes"]:
        items = "".join(f"<li>{escape(t)} <b>({n}×)</b></li>" for t, n in s["mistakes"])
        out += f"<h4>{escape(labels.TRAINER_MISTAKES)}</h4><ul>{items}</ul>"
    if s.get("rows"):
        out += _bars(s["rows"], s["answered"])
    return out


# code -> an opaque token the page may send back to hide that answer (None: no moderation buttons)
HideToken = Callable[[str], str] | None


def _hide_button(tokens: list[str], tip: str, text: str) -> str:
    return (
        f"<button type='button' class='wb-tr-hide' data-hide='{escape(' '.join(tokens))}' "
        f"title='{escape(tip)}' aria-label='{escape(tip)}'>{escape(text)}</button>"
    )


def _wall(s: dict[str, Any], hide: HideToken = None) -> str:
    cards = "".join(
        f"<div class='wb-tr-card'><p>{escape(i['text'])}</p>"
        + (f"<p class='wb-tr-who'>{escape(i['who'])}</p>" if i.get("who") else "")
        + (
            _hide_button([hide(i["code"])], labels.TRAINER_HIDE_ONE_TIP, labels.TRAINER_HIDE_ONE)
            if hide
            else ""
        )
        + "</div>"
        for i in s["items"]
    )
    return f"<div class='wb-tr-wall'>{cards}</div>"


def _rows(s: dict[str, Any], hide: HideToken = None) -> str:
    """A table's answers per row: the row's label with how many filled it in, then their texts."""
    parts = []
    for row in s["rows"]:
        count = counted(labels.ANSWERS, row["n"])
        parts.append(
            f"<div class='wb-tr-row'><h4>{escape(row['label'])} "
            f"<span class='wb-tr-rowcount'>· {escape(count)}</span></h4>"
            + (_wall({"items": row["items"]}, hide) if row["items"] else "")
            + "</div>"
        )
    return "".join(parts)


def _groups(s: dict[str, Any], hide: HideToken = None) -> str:
    """Every group's outcome side by side: the group, then each member's contribution."""
    cards = "".join(
        f"<div class='wb-tr-group'><h4>{escape(g['label'])}</h4>{_wall(g, hide)}</div>"
        for g in s["groups"]
    )
    return f"<div class='wb-tr-side'>{cards}</div>"


def _cloud(s: dict[str, Any], hide: HideToken = None) -> str:
    """One-word answers as a word cloud: the more often given, the bigger (1x to 3x)."""
    top = max([i["n"] for i in s["items"]] + [1])
    words = []
    for i in s["items"]:
        size = 1 + 2 * (i["n"] - 1) / (top - 1) if top > 1 else 1.5
        word = (
            f"<span class='wb-tr-word' style='font-size:{size:.2f}em'>{escape(i['word'])}"
            + (f"<sup>{i['n']}</sup>" if i["n"] > 1 else "")
            + "</span>"
        )
        if hide:
            tip = labels.TRAINER_HIDE_WORD_TIP.format(word=i["word"], n=i["n"])
            word += _hide_button([hide(c) for c in i["codes"]], tip, "×")
        words.append(f"<li>{word}</li>")
    return f"<ul class='wb-tr-cloud'>{''.join(words)}</ul>"


def _pictures(s: dict[str, Any]) -> str:
    """Side by side: per school or class its picture (SVG made by the kind) and its verdict lines."""
    cards = []
    for item in s["items"]:
        lines = "".join(f"<li>{escape(line)}</li>" for line in item["lines"])
        cards.append(
            f"<div class='wb-tr-pyramid'><h4>{escape(item['who'])}</h4>{item['svg']}"
            + (f"<ul class='wb-tr-verdict'>{lines}</ul>" if lines else "")
            + "</div>"
        )
    return "<div class='wb-tr-side'>" + "".join(cards) + "</div>"


def _ranking(s: dict[str, Any]) -> str:
    """The room's average order as a table; for an ordered ranking the right place beside it."""
    out = ""
    if s["ordered"]:
        share = _pct(s["correct"], s["answered"])
        text = labels.TRAINER_CORRECT.format(
            correct=s["correct"], answered=s["answered"], pct=share
        )
        out += f"<p class='wb-tr-big'>{escape(text)}</p>"
    head = [labels.TRAINER_RANK_PLACE, labels.TRAINER_RANK_ITEM, labels.TRAINER_RANK_AVERAGE]
    if s["ordered"]:
        head.append(labels.TRAINER_RANK_MODEL)
    rows = []
    for n, item in enumerate(s["items"], start=1):
        avg = "–" if item["average"] is None else f"{item['average']:.1f}".replace(".", ",")
        cells = [str(n), escape(item["text"]), avg]
        if s["ordered"]:
            cells.append(str(item["model"]))
        off = s["ordered"] and item["model"] != n
        rows.append(
            ("<tr class='wb-tr-off'>" if off else "<tr>")
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr>"
        )
    out += (
        "<table class='wb-tr-table wb-tr-rank'><thead><tr>"
        + "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    return out


def approval_html(items: list[tuple[str, str, str, str]], *, on: bool) -> str:
    """The answers that wait for the trainer: (exercise title, answer text, approve token, hide
    token) each, with a button to put it on the wall and one to hide it."""
    if not on:
        return f"<p class='wb-tr-meta'>{escape(labels.TRAINER_APPROVE_OFF)}</p>"
    if not items:
        return f"<p class='wb-tr-empty'>{escape(labels.TRAINER_APPROVE_NONE)}</p>"
    cards = "".join(
        f"<div class='wb-tr-card'><p class='wb-tr-who'>{escape(title)}</p><p>{escape(text)}</p>"
        f"<button type='button' class='wb-tr-approve' data-approve='{escape(approve)}' "
        f"title='{escape(labels.TRAINER_APPROVE_TIP)}'>{escape(labels.TRAINER_APPROVE)}</button> "
        + _hide_button([hide], labels.TRAINER_HIDE_ONE_TIP, labels.TRAINER_HIDE_ONE)
        + "</div>"
        for title, text, approve, hide in items
    )
    return f"<p>{escape(labels.TRAINER_APPROVE_INTRO)}</p><div class='wb-tr-wall wb-tr-queue'>{cards}</div>"


def counted(forms: tuple[str, str], n: int) -> str:
    """'1 antwoord' or '3 antwoorden': the singular form for exactly one."""
    return (forms[0] if n == 1 else forms[1]).format(n=n)


def summary_html(
    s: dict[str, Any],
    hidden: bool = False,
    now: bool = False,
    *,
    hide: HideToken = None,
    held_back: int = 0,
    waiting: int = 0,
) -> str:
    """One exercise's aggregated answers, big enough for a projector.

    hide gives each answer on the wall or in the cloud a button to hide it; held_back is how many
    answers of this exercise the trainer hid, with a button to put them back."""
    count = counted(labels.ANSWERS, s["count"])
    mark = f" <span class='wb-tr-now'>{escape(labels.TRAINER_NOW_BADGE)}</span>" if now else ""
    if held_back:
        count += " · " + counted(labels.TRAINER_HIDDEN_SOME, held_back)
    if waiting:
        count += " · " + counted(labels.TRAINER_WAITING, waiting)
    head = (
        f"<h3 id='resultaat-{escape(s['exercise'].replace('/', '-'))}'>{escape(s['title'])}{mark}</h3>"
        f"<p class='wb-tr-meta'>{escape(count)}"
        + (
            f" <button type='button' class='wb-tr-unhide' data-unhide='{escape(s['exercise'])}' "
            f"title='{escape(labels.TRAINER_UNHIDE_TIP)}'>{escape(labels.TRAINER_UNHIDE)}</button>"
            if held_back
            else ""
        )
        + "</p>"
    )
    if hidden:
        body = f"<p class='wb-tr-hidden'>{escape(labels.TRAINER_HIDDEN)}</p>"
    elif not s["count"]:
        body = f"<p class='wb-tr-empty'>{escape(labels.TRAINER_NO_ANSWERS)}</p>"
    else:
        body = {
            "bars": lambda: (
                _bars(s["rows"], s["count"])
                + (
                    f"<p class='wb-tr-big'>{escape(labels.TRAINER_AVERAGE.format(avg=s['average']))}</p>"
                    if "average" in s
                    else ""
                )
            ),
            "quiz": lambda: _quiz(s),
            "wall": lambda: _wall(s, hide),
            "rows": lambda: _rows(s, hide),
            "groups": lambda: _groups(s, hide),
            "cloud": lambda: _cloud(s, hide),
            "pictures": lambda: _pictures(s),
            "ranking": lambda: _ranking(s),
        }.get(s["type"], lambda: "")()
    return f"<section class='wb-tr-result' data-exercise='{escape(s['exercise'])}'>{head}{body}</section>"


def school_plans_html(
    plans: list[SchoolPlan], words: Words, states: dict[str, SchoolState] | None = None
) -> str:
    """Per school: what its kernteam made (step, school pyramid over time, plan), then every
    participant's pyramid verdict and every action point marked "voor onze school"."""
    if not plans:
        return f'<p class="wb-tr-empty">{escape(labels.TRAINER_NO_SCHOOLS)}</p>'
    states = states or {}
    sections = "".join(
        f"<section class='wb-tr-plan' data-school='{escape(plan.school)}'>"
        f"<h2>{escape(plan.school)}</h2>"
        + (
            str(kernteam_html(states[plan.school], words, heading="h3"))
            if plan.school in states
            else ""
        )
        + f"<h3>{escape(labels.TRAINER_PLANS_PARTICIPANTS)}</h3>"
        f"{pyramids_html(plan, heading='h4', pictures=False)}"
        f"<p class='wb-tr-meta'>{escape(points_intro(plan))}</p>"
        f"{plan_html(plan.points, words, heading='h4')}</section>"
        for plan in plans
    )
    return f"<p>{escape(labels.TRAINER_PLANS_INTRO)}</p>{sections}"


def kernteam_requests_html(
    participants: list[Participant], who: dict[str, str], token: Callable[..., str]
) -> str:
    """Who asks to be in their school's kernteam, and who is in it: the trainer lets them in, or
    takes them out. Only the trainer's decision opens a school's page to someone."""

    def button(code: str, decision: str, text: str) -> str:
        return (
            f"<button type='button' class='wb-tr-approve' "
            f"data-approve='{escape(token('kernteam', code, decision))}' "
            f"title='{escape(text)}'>{escape(text)}</button>"
        )

    asked = [p for p in participants if p.kernteam_asked and p.school]
    members = [p for p in participants if p.kernteam and p.school]
    parts = [f"<h2>{escape(labels.TRAINER_KERNTEAM_TITLE)}</h2>"]
    if asked:
        parts.append(f"<p>{escape(labels.TRAINER_KERNTEAM_ASKED)}</p><ul class='wb-tr-kernteam'>")
        parts += [
            f"<li>{escape(who.get(p.code, ''))} ({escape(p.school)}) "
            f"{button(p.code, 'ja', labels.TRAINER_KERNTEAM_YES)} "
            f"{button(p.code, 'nee', labels.TRAINER_KERNTEAM_NO)}</li>"
            for p in asked
        ]
        parts.append("</ul>")
    else:
        parts.append(f"<p class='wb-tr-meta'>{escape(labels.TRAINER_KERNTEAM_NONE)}</p>")
    if members:
        parts.append(f"<p>{escape(labels.TRAINER_KERNTEAM_MEMBERS)}</p><ul class='wb-tr-kernteam'>")
        parts += [
            f"<li>{escape(who.get(p.code, ''))} ({escape(p.school)}) "
            f"{button(p.code, 'nee', labels.TRAINER_KERNTEAM_OUT)}</li>"
            for p in members
        ]
        parts.append("</ul>")
    return "".join(parts)


def school_plans_section(
    config: Config, snap: Snapshot, with_names: bool, store: AnswerStore | None = None
) -> str:
    """The trainer's tab 'Plan per school', from the snapshot the page already read (and, with the
    store, what each school's kernteam shares)."""
    who = display_names(snap.participants, with_names)
    plans = school_plans(config, snap.participants, snap.answers, who)
    states = (
        {
            plan.school: school_state(
                store,
                config,
                plan.school,
                with_names=with_names,
                participants=snap.participants,
                answers=snap.answers,
            )
            for plan in plans
        }
        if store is not None
        else None
    )
    return school_plans_html(plans, config.words, states)


def script_section(module: Module, words: Words, sector: str | None, now: str | None) -> str:
    """The draaiboek of the chosen module; the block of the exercise on 'nu' is marked current."""
    if not module.draaiboek:
        return f'<p class="wb-tr-empty">{escape(labels.TRAINER_SCRIPT_NONE)}</p>'
    title = labels.TRAINER_SCRIPT_TITLE.format(title=module.title, minutes=module.minutes)
    current = current_block(module, now)
    if current is None:
        where = f'<p class="wb-tr-meta">{escape(labels.TRAINER_SCRIPT_HINT)}</p>'
    else:
        timed = schedule(module.draaiboek)[current]
        line = labels.TRAINER_SCRIPT_NOW.format(
            n=current + 1,
            total=len(module.draaiboek),
            span=timed.span,
            title=fill_words(timed.block.title, words),
        )
        where = f'<p class="wb-tr-script-now"><a href="#{CURRENT_ID}">{escape(line)}</a></p>'
    return (
        f'<section class="wb-tr-script" aria-label="{escape(title)}"><h3>{escape(title)}</h3>'
        f"{where}{script_html(module, words, sector, now)}</section>"
    )
