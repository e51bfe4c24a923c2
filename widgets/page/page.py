"""A module page: the header with the participant, explanations and exercises (exchange in a group too)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

import ipywidgets as w
from IPython.display import HTML, display

from widgets import labels
from widgets.base import OVERVIEW_NOTEBOOK, ExerciseWidget, escape
from widgets.entry import EntryForm, field
from widgets.page.urlsync import UrlSync
from widgets.registry import widget_class
from widgets.shared import make
from workbook.config import Config
from workbook.content.catalog import (
    Module,
    Section,
    get_exercise,
    get_module,
    list_modules,
)
from workbook.errors import WorkbookError
from workbook.kernteam import round_label
from workbook.runtime.build import SCHOOL
from workbook.runtime.session import QUERY_KEY, Visit, query_failed, when_requested
from workbook.traject import Meeting, arrange, dutch_date
from workbook.words import fill_words


@lru_cache(maxsize=1)
def _css() -> str:
    return (Path(__file__).parent / "style.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _markdown():  # noqa: ANN202 - mistune's Markdown object
    import mistune  # about 2 MB in the kernel; nbconvert (and so Voila) uses it too

    # escape: raw HTML in the text is shown as text; tables and bare links as in JupyterLab
    return mistune.create_markdown(escape=True, plugins=["table", "url", "strikethrough"])


def show_markdown(text: str) -> None:
    """Show Markdown as HTML made in the kernel: the browser shows it at once, without first
    loading a Markdown parser (which would hold back the widgets below it)."""
    display(HTML(f'<div class="wb-markdown">{_markdown()(text)}</div>'))


def section_html(section: Section, words: Callable[[str], str]) -> str:
    """An explanation as HTML: its title, its text and, in small print, its source."""
    text = _markdown()(f"## {words(section.title)}\n\n{words(section.text)}")
    if section.source:
        source = html.escape(labels.SOURCE.format(source=words(section.source)))
        text += f'<p class="wb-source">{source}</p>'
    return f'<div class="wb-markdown">{text}</div>'


def show_style() -> None:
    """Put the workbook's stylesheet on the page (works in Voila and in JupyterLab)."""
    display(HTML(f"<style>{_css()}</style>"))


def page_link(visit: Visit, notebook: str) -> str:
    """The link to another page: with the participant's code, unless this computer remembers them
    (self-study, JupyterLab), where the bare file name also lets JupyterLab open the notebook."""
    p = visit.participant
    if p is None or visit.remembered:
        return html.escape(notebook)
    return f"{html.escape(notebook)}?{QUERY_KEY}={html.escape(p.code)}"


class ParticipantBar(w.VBox):
    """Shows who is working, or a short join form; tells the page when someone has joined."""

    def __init__(self, visit: Visit, on_join: list, *, back_link: bool = True) -> None:
        super().__init__()
        self.visit = visit
        self.on_join = on_join
        self.back_link = back_link
        self.sync = UrlSync()
        self.add_class("wb-page")
        if visit.participant is not None:
            self._welcome()
        else:
            self._form()

    def _form(self) -> None:
        cfg = self.visit.config
        school = (
            field(
                "school",
                labels.JOIN_SCHOOL,
                "select",
                options=[labels.JOIN_SCHOOL_NONE, *cfg.schools],
            )
            if cfg.schools
            else field("school", labels.JOIN_SCHOOL)
        )
        self.form = EntryForm(
            [
                field(
                    "name", labels.JOIN_NAME, placeholder=labels.JOIN_NAME_PLACEHOLDER, width="20em"
                ),
                school,
            ],
            labels.JOIN_BUTTON,
            button_title=labels.JOIN_TITLE,
            primary=True,
        )
        self.message = make(w.HTML, "")
        self._say_unknown_code()
        self.form.on_submit(self._join)
        self.children = [
            make(w.HTML, f"<h2>{labels.JOIN_TITLE}</h2><p>{escape(labels.JOIN_INTRO)}</p>"),
            self.form,
            self.message,
        ]

    def _say_unknown_code(self) -> None:
        if self.visit.unknown_code:
            self.message.value = (
                f'<p class="wb-error" role="alert">'
                f"{escape(labels.JOIN_UNKNOWN.format(code=self.visit.unknown_code))}</p>"
            )

    def wait_for_visitor(self) -> None:
        """In a preheated kernel, take the participant from the visitor's URL once they open the page."""
        when_requested(self._arrived)

    def _arrived(self, query: str) -> None:
        """The visitor is known now: welcome them, or say their code is unknown."""
        self.visit.arrive(query)
        if self.visit.participant is None:
            self._say_unknown_code()
            if query_failed():
                self.message.value = (
                    f'<p class="wb-warning" role="alert">{escape(labels.JOIN_LINK_LOST)}</p>'
                )
            return
        self._welcome()
        for callback in self.on_join:
            callback()

    def _join(self, values: dict[str, str]) -> None:
        name = values["name"].strip()
        if not name:
            self.message.value = f'<p class="wb-error" role="alert">{escape(labels.JOIN_EMPTY)}</p>'
            return
        school = values["school"].strip() if values["school"] != labels.JOIN_SCHOOL_NONE else ""
        try:
            self.visit.join(name, school)
        except WorkbookError as exc:
            self.message.value = f'<p class="wb-error" role="alert">{escape(str(exc))}</p>'
            return
        self._welcome()
        for callback in self.on_join:
            callback()

    def _welcome(self) -> None:
        p = self.visit.participant
        assert p is not None  # only called once a participant is known
        school = f" ({escape(p.school)})" if p.school else ""
        if self.visit.hub_user is None:
            self.sync.code = p.code
            text = labels.WELCOME.format(name=escape(p.name), school=school, code=escape(p.code))
        else:  # the hub account is the key: no code in the URL, nothing to keep
            text = labels.WELCOME_HUB.format(name=escape(p.name), school=school)
        link = (
            f'<br><a class="wb-back" href="{page_link(self.visit, OVERVIEW_NOTEBOOK)}">'
            f"{labels.BACK_TO_OVERVIEW}</a>"
            if self.back_link
            else ""
        )
        self.children = [
            make(w.HTML, f'<div class="wb-bar" role="status">{text}{link}</div>'),
            self.sync,
        ]


class Page:
    """What a module notebook calls: explain(section) and show(exercise)."""

    def __init__(self, module_id: str, config_path: str = "") -> None:
        self.visit = Visit.start(config_path, wait=False)
        self.module: Module = get_module(module_id)
        self.exercises: list[ExerciseWidget] = []
        self.bar = ParticipantBar(self.visit, [self._bind_all, self._remember])
        self._remember()

    def header(self) -> None:
        show_style()
        minutes = labels.MINUTES.format(n=self.module.minutes)
        show_markdown(f"# {self.module.title}\n\n{self.words(self.module.summary)}\n\n*{minutes}*")
        display(self.bar)
        show_now_marker(self.visit, on_ping=self._live)
        self.bar.wait_for_visitor()

    def words(self, text: str) -> str:
        return fill_words(text, self.visit.config.words)

    def explain(self, section_id: str) -> None:
        """Show one explanation of this module (nothing when it is for other sectors)."""
        for section in self.module.sections:
            if section.id == section_id:
                if section.shown_to(self.visit.config.sector):
                    display(HTML(section_html(section, self.words)))
                return
        raise WorkbookError(
            f"Module '{self.module.id}' heeft geen uitleg '{section_id}'. Bestaande uitleg: "
            + ", ".join(s.id for s in self.module.sections)
            + "."
        )

    def show(self, exercise_id: str) -> None:
        """Show one exercise, bound to the participant's saved answers (not when for other sectors)."""
        exercise = get_exercise(exercise_id)
        if not exercise.shown_to(self.visit.config.sector):
            return
        widget = widget_class(exercise.kind)(exercise, *self.visit.config.words)
        widget.round_label = partial(round_label, self.visit.config)
        answers = self.visit.answers()
        if answers is not None:
            widget.bind(answers)
        self.exercises.append(widget)
        display(widget)

    def _live(self) -> None:
        """On each heartbeat of the open page: show what the others in a group exercise added."""
        for widget in self.exercises:
            refresh = getattr(widget, "refresh_shared", None)
            if refresh is not None:
                refresh()

    def _remember(self) -> None:
        p = self.visit.participant
        if p is not None:
            try:
                self.visit.store.touch_participant(self.visit.config.slug, p.code, self.module.id)
            except WorkbookError:
                pass  # only a convenience; the page works without it

    def _bind_all(self) -> None:
        answers = self.visit.answers()
        if answers is not None:
            for widget in self.exercises:
                widget.bind(answers)


def open_page(module_id: str, config_path: str = "") -> Page:
    """Start a module page: read the config, find the participant, and show the header."""
    page = Page(module_id, config_path)
    page.header()
    return page


class Overview(w.VBox):
    """The landing page's list of modules with the participant's progress and links."""

    def __init__(self, visit: Visit) -> None:
        super().__init__()
        self.visit = visit
        self.add_class("wb-page")
        self.refresh()

    def refresh(self) -> None:
        from workbook.content.catalog import module_progress

        answers = self.visit.answers()
        saved = answers.all() if answers is not None else {}
        offered = set(self.visit.config.offered_modules())
        code = self.visit.participant.code if self.visit.participant else None
        items = []
        for m in list_modules():
            if m.id not in offered:
                continue
            done, total = module_progress(saved, m.id, self.visit.config.sector)
            title = escape(m.title)
            if code:
                verb = labels.CONTINUE_MODULE if done else labels.START_MODULE
                link = f'<a href="{page_link(self.visit, m.notebook)}">{verb}: {title}</a>'
                progress = labels.PROGRESS.format(done=done, total=total)
            else:
                link, progress = f"<b>{title}</b>", ""
            items.append(
                f'<li data-module="{m.id}">{link}<br><span class="wb-progress">{progress}</span> '
                f"{escape(fill_words(m.summary, self.visit.config.words))}</li>"
            )
        resume = ""
        last = self.visit.participant.last_module if self.visit.participant else None
        if code and last in offered:
            module = next(m for m in list_modules() if m.id == last)
            resume = (
                f'<p class="wb-bar"><a href="{page_link(self.visit, module.notebook)}">'
                f"{labels.RESUME.format(title=escape(module.title))}</a></p>"
            )
        plan = traject_html(
            self.visit.config, saved, code, date.today(), code_in_links=not self.visit.remembered
        )
        school = self.visit.participant.school if self.visit.participant else ""
        if school and self.visit.config.schools:
            text = escape(labels.SCHOOL_LINK.format(school=school))
            resume += f'<p class="wb-school-link"><a href="{page_link(self.visit, SCHOOL)}">{text}</a></p>'
        self.children = [
            make(w.HTML, f'{resume}{plan}<ul class="wb-modules">{"".join(items)}</ul>')
        ]


def traject_html(
    config: Config, saved: dict, code: str | None, today: date, *, code_in_links: bool = True
) -> str:
    """The trajectory on the overview: today's meeting first, then the earlier ones with what was
    done there, then what comes next. Empty without a `traject` in the config.

    Links carry the participant's code, unless code_in_links is False (JupyterHub, self-study)."""
    from workbook.content.catalog import module_progress

    if not config.traject:
        return ""
    modules = {m.id: m for m in list_modules()}

    def module_line(module_id: str, with_progress: bool) -> str:
        m = modules[module_id]
        title = escape(m.title)
        query = f"?{QUERY_KEY}={html.escape(code)}" if code and code_in_links else ""
        link = f'<a href="{m.notebook}{query}">{title}</a>' if code else title
        if not with_progress:
            return f"<li>{link}</li>"
        done, total = module_progress(saved, module_id, config.sector)
        progress = escape(labels.PROGRESS.format(done=done, total=total))
        return f'<li>{link} <span class="wb-progress">{progress}</span></li>'

    def meeting(m: Meeting, heading: str, with_progress: bool) -> str:
        step = (
            f'<p class="wb-step">{escape(labels.TRAJECT_STEP.format(step=m.step_name))}</p>'
            if m.step
            else ""
        )
        items = "".join(module_line(x, with_progress) for x in m.modules)
        return (
            f'<li class="wb-meeting"><h3>{escape(heading)}: {escape(m.title)} '
            f'<span class="wb-date">({escape(dutch_date(m.day))})</span></h3>{step}'
            + (f"<ul>{items}</ul>" if items else "")
            + "</li>"
        )

    now, earlier, later = arrange(config.traject, today)
    parts = [meeting(m, labels.TRAJECT_TODAY, True) for m in now]
    parts += [meeting(m, labels.TRAJECT_NEXT, False) for m in later]
    parts += [meeting(m, labels.TRAJECT_EARLIER, True) for m in earlier]
    return (
        f'<section class="wb-traject" aria-labelledby="wb-traject-titel">'
        f'<h2 id="wb-traject-titel">{escape(labels.TRAJECT_TITLE)}</h2>'
        f'<ol class="wb-meetings">{"".join(parts)}</ol></section>'
    )


def show_overview(config_path: str = "") -> None:
    """The landing page: the scholengroep, the participant, and every module with progress."""
    visit = Visit.start(config_path, wait=False)
    show_style()
    cfg = visit.config
    show_markdown(f"# Werkboek Welbevinden op School\n\n**{cfg.name}**")
    from widgets.page.mywork import MyWorkbook

    overview = Overview(visit)
    mine = MyWorkbook(visit, [overview.refresh])
    bar = ParticipantBar(visit, [overview.refresh, mine.refresh], back_link=False)
    display(bar)
    show_now_marker(visit)
    display(overview)
    display(mine)
    bar.wait_for_visitor()


def show_now_marker(visit: Visit, on_ping: Callable[[], None] | None = None) -> None:
    """Follow the exercise the trainer marks "nu" (only on a scholengroep's pages, not in self-study);
    on_ping runs on each heartbeat of the open page."""
    if visit.config.source is None:
        return
    from widgets.page.nowmark import NowMarker

    display(NowMarker(visit.store, visit.config.slug, on_ping=on_ping))
