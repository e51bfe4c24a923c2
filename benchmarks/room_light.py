"""The room's lightweight participants: locust users that play the session over the widget protocol.

Run by benchmarks/room.py in its own process (locust's gevent patches the standard library):

    python benchmarks/room_light.py BASE_URL PLAN.json RESULTS.json

PLAN.json gives the participants (name, school), the session's page and module, the second page, the
seconds over which they arrive and the pace. Each participant (see `play`):
join on the overview; open the session's module; answer its exercises at human pace; reload once;
open a second module; close the tab. Per participant RESULTS.json gets the code, every kernel its tabs
used, each save's latency (from sending the answer to "Opgeslagen" in the widget state), what was sent
per exercise (to check against the store) and any error.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()  # before requests imports ssl (locust would patch only when it is imported)

import itertools
import json
import os
import random
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import gevent
import requests
from locust import User, constant, events, task
from locust.env import Environment

sys.path.insert(0, str(Path(__file__).parent))
from widget_client import WidgetTab

from widgets import labels

SAVED_MARK = labels.SAVED.split("{")[0]  # "✓ Opgeslagen om "
WAIT = float(
    os.environ.get("ZAAL_WACHT", "300")
)  # seconds a page, a join or a save may take before it counts as failed
PLAN: dict[str, Any] = {}
RESULTS: list[dict[str, Any]] = []


def exercises_on(tab: WidgetTab) -> list[tuple[str, str, str]]:
    """(exercise id, kind, root model id) of every exercise on the page, in page order."""
    found = []
    for root in tab.with_class("wb-exercise"):
        kind = next(
            c[len("wb-kind-") :]
            for c in tab.models[root]["_dom_classes"]
            if c.startswith("wb-kind-")
        )
        header = next(
            tab.models[i]["value"]
            for i in tab.descendants(root)
            if 'class="wb-title"' in str(tab.models[i].get("value", ""))
        )
        anchor = header.split('id="', 1)[1].split('"', 1)[0][len("oefening-") :]
        found.append((anchor, kind, root))
    return found


def exercise_id(anchor: str, module: str) -> str:
    """'prestatiedruk-eigen-rol' -> 'prestatiedruk/eigen-rol' (the module id has no dash)."""
    return f"{module}/{anchor[len(module) + 1 :]}"


def status_of(tab: WidgetTab, root: str) -> str:
    """The model id of an exercise's status line ('Opgeslagen', 'Nog niet ingevuld', ...)."""
    return next(
        i
        for i in tab.descendants(root)
        if 'class="wb-status' in str(tab.models[i].get("value", ""))
    )


def open_page(http: requests.Session, base: str, path: str, code: str | None) -> WidgetTab:
    """Open a page as a new tab and wait until it knows the participant (its exercises are bound)."""
    tab = WidgetTab(http, base, path, timeout=WAIT)
    fire("pagina", tab.page_seconds, tab.bytes_in)
    tab.load_states()
    if code is not None:
        sync = [
            i for i, m in tab.models.items() if m.get("_model_name") == "AnyModel" and "code" in m
        ]

        def known() -> bool:
            if not any(tab.models.get(i, {}).get("code") == code for i in sync):
                return False
            return all(
                labels.NOT_JOINED not in tab.models[status_of(tab, root)]["value"]
                for _a, _k, root in exercises_on(tab)
            )

        tab.wait_for(known, WAIT, f"pagina {path} kent deelnemer {code}")
    return tab


def join(tab: WidgetTab, name: str, school: str) -> str:
    """Fill in the join form on the overview and press Start; returns the participant's code."""
    form = next(i for i, m in tab.models.items() if "fields" in m and "values" in m)
    values = {"name": name, "school": school}
    tab.pause(random.uniform(3, 8) * PLAN["tempo"])  # reading, typing a name, picking the school
    tab.update(form, values=values)  # entry.js: model.set('values'); save_changes(); send(submit)
    tab.custom(form, {"type": "submit", "values": values})
    sync = [i for i, m in tab.models.items() if m.get("_model_name") == "AnyModel" and "code" in m]
    tab.wait_for(lambda: any(tab.models[i].get("code") for i in sync), WAIT, f"aanmelden {name}")
    return next(tab.models[i]["code"] for i in sync if tab.models[i].get("code"))


def steps_for(tab: WidgetTab, kind: str, root: str, text: str) -> tuple[list[list], Any] | None:
    """What a participant does on an exercise: a list of steps (each a list of (how, model, what)),
    and what the store must then hold (as room.py checks it); None for a kind not played here."""

    def first(model: str) -> str:
        return tab.find(model, root)[0]

    if kind in ("open", "actiepunten"):
        field = first("TextareaModel" if kind == "open" else "TextModel")
        typing = [("update", field, {"value": text[: len(text) * k // 3]}) for k in (1, 2)]
        # the last letters, then leaving the field: nowmark.js sends 'flush' on focusout
        done = [("update", field, {"value": text}), ("custom", tab.heartbeat, {"type": "flush"})]
        return [typing, done], text
    if kind == "checklist":
        return [[("update", first("CheckboxModel"), {"value": True})]], 0
    if kind == "schaal":
        rows = tab.find("RadioButtonsModel", root)
        picks = [n % len(tab.models[r]["_options_labels"]) for n, r in enumerate(rows)]
        steps = [[("update", r, {"index": p})] for r, p in zip(rows, picks, strict=True)]
        return steps, [p + 1 for p in picks]
    if kind == "meerkeuze":
        radios = tab.find("RadioButtonsModel", root)
        if radios:
            return [[("update", radios[0], {"index": 0})]], [0]
        return [[("update", first("CheckboxModel"), {"value": True})]], [0]
    if kind == "rangschikken":
        down = [
            b for b in tab.find("ButtonModel", root) if tab.models[b]["description"] == labels.DOWN
        ]
        return [[("click", down[0], None)]], None
    return None


def answer(
    tab: WidgetTab, module: str, code: str, only: int | None, saves: list, sent: dict
) -> None:
    """Answer the page's exercises (or the first `only`) at human pace; each save's latency in saves."""
    played = 0
    for anchor, kind, root in exercises_on(tab):
        plan = steps_for(tab, kind, root, f"Antwoord van {code} bij {anchor}.")
        if plan is None or (only is not None and played >= only):
            continue
        played += 1
        steps, expected = plan
        status = status_of(tab, root)
        tab.pause(random.uniform(4, 10) * PLAN["tempo"])  # reading the exercise
        for n, step in enumerate(steps):
            if n:
                # at least a second apart: the status shows the second of the save, and an equal
                # text would send no update to wait for
                tab.pause(max(1.2, random.uniform(1.5, 3) * PLAN["tempo"]))
            seen: list[float] = []

            def listen(
                model: str, state: dict, at: float, status: str = status, seen: list = seen
            ) -> None:
                if model == status and SAVED_MARK in str(state.get("value", "")):
                    seen.append(at)

            tab.listeners.append(listen)
            for how, model, what in step:
                if how == "update":
                    tab.update(model, **what)
                elif how == "custom":
                    tab.custom(model, what)
                else:
                    tab.click(model)
                sent_at = time.monotonic()
                if how == "update" and n < len(steps) - 1 and kind in ("open", "actiepunten"):
                    tab.pause(0.3)  # letters typed a little apart
            measured = n == len(steps) - 1 or kind not in ("open", "actiepunten")
            if measured:
                tab.wait_for(seen.__len__, WAIT, f"'Opgeslagen' bij {anchor}")
                saves.append([kind, seen[0] - sent_at, time.time()])
                fire("opslaan", seen[0] - sent_at, 0)
            tab.listeners.remove(listen)
        sent[exercise_id(anchor, module)] = {"kind": kind, "expected": expected}


def restored(tab: WidgetTab, module: str, sent: dict) -> list[str]:
    """Exercises answered earlier that the reloaded page does not show as saved."""
    missing = []
    for anchor, _kind, root in exercises_on(tab):
        if exercise_id(anchor, module) in sent:
            shown = str(tab.models[status_of(tab, root)]["value"])
            if labels.SAVED_EARLIER not in shown:
                text = " ".join(re.sub(r"<[^>]+>", " ", shown).split())
                missing.append(
                    f"{exercise_id(anchor, module)} (kernel {tab.kernel_id[:8]}: {text!r})"
                )
    return missing


def play(name: str, school: str) -> dict[str, Any]:
    """One participant's whole session; every figure it yields, and the first error if any."""
    base, page, module = PLAN["base"], PLAN["page"], PLAN["module"]
    http = requests.Session()
    result: dict[str, Any] = {"name": name, "code": None, "kernels": [], "saves": [], "sent": {}}
    result.update(interactive=False, restored=None, bytes=0, error="", began=time.time())
    tabs: list[WidgetTab] = []

    def visit(path: str, code: str | None) -> WidgetTab:
        if tabs:  # following a link or reloading closes the tab's page: its beacon ends the kernel
            tabs[-1].close()
        tab = open_page(http, base, path, code)
        tabs.append(tab)
        result["kernels"].append(tab.kernel_id)
        return tab

    try:
        overview = visit("/", None)  # the short root URL lands on the overview
        code = result["code"] = join(overview, name, school)
        query = f"?deelnemer={code}"
        tab = visit(f"/voila/render/{page}{query}", code)
        result["interactive"] = True
        answer(tab, module, code, None, result["saves"], result["sent"])
        tab = visit(f"/voila/render/{page}{query}", code)  # reload
        result["restored"] = restored(tab, module, result["sent"])
        tab.pause(random.uniform(2, 5) * PLAN["tempo"])
        tab = visit(f"/voila/render/{PLAN['second_page']}{query}", code)
        answer(tab, PLAN["second_module"], code, 1, result["saves"], result["sent"])
        tab.pause(random.uniform(2, 5) * PLAN["tempo"])
    except Exception as exc:  # a benchmark reports every participant, also the ones that failed
        result["trace"] = traceback.format_exc()
        result["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        for tab in tabs:
            try:
                tab.close()
            except Exception:  # noqa: BLE001 - the tab is gone anyway
                pass
        result["bytes"] = sum(t.bytes_in for t in tabs)
        result["ended"] = time.time()
    return result


def fire(name: str, seconds: float, length: int) -> None:
    """Tell locust's statistics (its own p50/p95 per request name)."""
    events.request.fire(
        request_type="WS",
        name=name,
        response_time=seconds * 1000,
        response_length=length,
        exception=None,
        context={},
    )


class Participant(User):
    """One participant of the room, with their own cookies and tabs."""

    wait_time = constant(0)

    @task
    def session(self) -> None:
        who = PLAN["participants"][next(NEXT)]
        RESULTS.append(play(who["name"], who["school"]))
        gevent.sleep(24 * 3600)  # played once; main() ends the run when everyone has (no respawn)


NEXT = itertools.count()  # each new user plays the next participant of the plan


def main() -> None:
    base, plan_path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    PLAN.update(json.loads(plan_path.read_text(encoding="utf-8")), base=base.rstrip("/"))
    count = len(PLAN["participants"])
    env = Environment(user_classes=[Participant], events=events)
    runner = env.create_local_runner()
    rate = count / PLAN["within"] if PLAN["within"] > 0 else count
    runner.start(count, spawn_rate=max(rate, 0.01))
    deadline = time.monotonic() + 3600
    while len(RESULTS) < count and time.monotonic() < deadline:
        gevent.sleep(1)
    runner.quit()
    out.write_text(json.dumps(RESULTS, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
