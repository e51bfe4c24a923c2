"""Self-study and writing in a real JupyterLab: `workbook lab`, driven in Chromium like a user would."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import free_port
from widgets import labels
from workbook.content.catalog import get_exercise, get_module, list_exercises

pytestmark = pytest.mark.browser

MODULE = "prestatiedruk"
NOTEBOOK = "10-prestatiedruk.ipynb"
WAIT = 90_000  # Lab and a kernel on a busy 2-core machine
OPEN_TEXT = "Ik let op wie stil wordt voor een toets."
NAME = "Noor Zelfstudie"


@dataclass
class Lab:
    """A `workbook lab` started as a user starts it, with its own data folder and home."""

    url: str  # the address it printed
    base: str
    token: str
    data: Path
    proc: subprocess.Popen

    def tree(self, path: str) -> str:
        """The page's address in Lab, in a fresh workspace (no tabs of an earlier test)."""
        return f"{self.base}/lab/tree/{path}?token={self.token}&reset"


def start_workbook_lab(tmp: Path, *args: str) -> Lab:
    data, home = tmp / "data", tmp / "home"
    home.mkdir(parents=True)
    env = dict(os.environ, WELBEVINDEN_DATA=str(data), HOME=str(home), PYTHONUNBUFFERED="1")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbook.cli", "lab", "--poort", str(port), *args],
        env=env,
        cwd=tmp,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        found = re.match(r"JupyterLab staat klaar op (\S+)$", line.strip())
        if found:
            url = found.group(1)
            break
        assert time.monotonic() < deadline, "workbook lab did not print its address in time"
    else:
        raise AssertionError(f"workbook lab stopped without an address (exit {proc.wait()})")
    base, token = url.split("/lab/")[0], url.split("token=")[1]
    assert base == f"http://127.0.0.1:{port}"
    return Lab(url, base, token, data, proc)


def stop(lab: Lab) -> None:
    lab.proc.send_signal(signal.SIGINT)  # Ctrl+C, as the printed line says
    lab.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    running = start_workbook_lab(tmp_path_factory.mktemp("lab"))
    yield running
    stop(running)


def open_notebook(pg, lab: Lab, path: str) -> None:
    pg.goto(lab.tree(path))
    wait_for_kernel(pg)


def wait_for_kernel(pg) -> None:
    expect(pg.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")).to_be_visible(
        timeout=WAIT
    )
    # The status bar says "No Kernel | Initializing", then "Connecting", then the kernel and "Idle":
    # a Run All before that is lost.
    expect(pg.locator(".jp-StatusBar-Widget")).to_contain_text(
        re.compile(r"\(ipykernel\) \| Idle"), timeout=WAIT
    )


def menu(pg, name: str, command: str) -> None:
    """Open a menu in Lab's menu bar and choose the item with this command."""
    pg.locator(".lm-MenuBar-item", has_text=re.compile(f"^{name}$")).click()
    # An item is disabled until Lab knows which notebook is current (just after it opened).
    pg.locator(f".lm-Menu-item[data-command='{command}']:not(.lm-mod-disabled)").click()


def run_all(pg) -> None:
    pg.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell"
    ).first.click()  # the current notebook
    menu(pg, "Run", "runmenu:run-all")
    expect(pg.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
        1, timeout=WAIT
    )
    expect(pg.locator(".jp-InputArea-prompt", has_text="[*]")).to_have_count(0, timeout=WAIT)


def exercise_box(pg, exercise_id: str):
    anchor = "oefening-" + exercise_id.replace("/", "-")
    return pg.locator(".wb-exercise", has=pg.locator(f"#{anchor}"))


def shown_exercises(module_id: str) -> list[str]:
    """The exercise ids a self-study page shows (self-study uses the vo words), in page order."""
    return [e.id for e in list_exercises(module_id, sector="vo")]


def expect_no_cell_errors(pg) -> None:
    """No code cell shows a traceback, stderr, or a widget that failed to show."""
    notebook = pg.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(notebook.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)
    expect(notebook.get_by_text("Error displaying widget")).to_have_count(0)


def right_option(exercise_id: str) -> str:
    spec = get_exercise(exercise_id).spec
    text = next(o["text"] for o in spec["options"] if o.get("correct"))
    return text.replace("{leerlingen}", "leerlingen").replace("{leerling}", "leerling")


def test_self_study_in_lab_keeps_answers_and_the_participant(lab: Lab, page) -> None:
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    expect(page.locator(".wb-exercise")).to_have_count(len(shown_exercises(MODULE)), timeout=WAIT)
    expect_no_cell_errors(page)

    # The first time, a self-study participant gives a name once; no code to remember.
    page.get_by_label(labels.JOIN_NAME, exact=True).fill(NAME)
    page.get_by_role("button", name=labels.JOIN_BUTTON, exact=True).click()
    expect(page.locator(".wb-bar").first).to_contain_text(NAME, timeout=WAIT)

    open_box = exercise_box(page, f"{MODULE}/eigen-rol")
    open_box.get_by_label(labels.YOUR_ANSWER).fill(OPEN_TEXT)
    expect(open_box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=WAIT)
    choice_box = exercise_box(page, f"{MODULE}/compliment")
    choice_box.get_by_label(right_option(f"{MODULE}/compliment"), exact=True).check()
    expect(choice_box.locator(".wb-status")).to_contain_text("Opgeslagen", timeout=WAIT)

    # Close the notebook (and its kernel), open it again from the file browser, run it again.
    menu(page, "File", "filemenu:close-and-cleanup")
    dialog = page.locator(".jp-Dialog")
    while dialog.count():  # "save changes?" and "shut down the kernel?"
        dialog.locator(".jp-mod-accept").click()
        page.wait_for_timeout(500)
    expect(page.locator(".jp-NotebookPanel")).to_have_count(0, timeout=WAIT)
    page.locator(".jp-DirListing-item", has_text=NOTEBOOK).dblclick()
    wait_for_kernel(page)
    run_all(page)

    expect(page.locator(".wb-bar").first).to_contain_text(NAME, timeout=WAIT)
    expect(page.get_by_label(labels.JOIN_NAME, exact=True)).to_have_count(0)
    open_box = exercise_box(page, f"{MODULE}/eigen-rol")
    expect(open_box.get_by_label(labels.YOUR_ANSWER)).to_have_value(OPEN_TEXT, timeout=WAIT)
    choice_box = exercise_box(page, f"{MODULE}/compliment")
    expect(choice_box.get_by_label(right_option(f"{MODULE}/compliment"), exact=True)).to_be_checked(
        timeout=WAIT
    )
    expect_no_cell_errors(page)
    assert page.outside == []


def test_the_overview_in_lab_shows_progress_per_module(lab: Lab, page) -> None:
    """After the module above: the overview knows the participant and counts their answers."""
    open_notebook(page, lab, "index.ipynb")
    run_all(page)
    expect(page.locator(".wb-bar").first).to_contain_text(NAME, timeout=WAIT)
    total = len(shown_exercises(MODULE))
    item = page.locator(f"li[data-module='{MODULE}']")
    expect(item).to_contain_text(labels.PROGRESS.format(done=2, total=total), timeout=WAIT)
    other = page.locator("li[data-module='sel']")
    expect(other).to_contain_text(labels.PROGRESS.format(done=0, total=len(shown_exercises("sel"))))
    expect_no_cell_errors(page)
    # The link to a module opens its notebook in Lab (no code in the link: this computer knows who).
    item.get_by_role("link").click()
    expect(page.locator(".lm-TabBar-tab", has_text=NOTEBOOK)).to_be_visible(timeout=WAIT)
    assert page.outside == []


def test_render_with_voila_previews_the_module_as_a_participant_sees_it(lab: Lab, page) -> None:
    open_notebook(page, lab, NOTEBOOK)
    page.locator(".jp-NotebookPanel-toolbar [title='Render with Voilà']").click()
    preview = page.frame_locator("iframe[src*='/voila/render/']")
    module = get_module(MODULE)
    expect(preview.locator("h1")).to_contain_text(module.title, timeout=WAIT)
    first = get_exercise(shown_exercises(MODULE)[0])
    expect(preview.locator(".wb-exercise h3").first).to_contain_text(first.title, timeout=WAIT)
    expect(preview.locator(".wb-exercise")).to_have_count(len(shown_exercises(MODULE)))
    assert page.outside == []
