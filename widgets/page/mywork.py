"""The participant's own data on the overview: their plan van aanpak, "Mijn werkboek", or delete all."""

from __future__ import annotations

import base64
from collections.abc import Callable

import ipywidgets as w

from widgets import labels
from widgets.base import escape
from widgets.shared import make
from workbook.errors import WorkbookError
from workbook.runtime.session import Visit


def download_link(data: bytes, filename: str, mime: str, text: str) -> str:
    """An <a download> with the file inside (a data: URL): no server route and no network needed."""
    payload = base64.b64encode(data).decode("ascii")
    return (
        f'<a class="wb-download" download="{escape(filename)}" '
        f'href="data:{mime};base64,{payload}">{escape(text)}</a>'
    )


class MyWorkbook(w.VBox):
    """Report download and data removal for the participant who is on the page."""

    def __init__(self, visit: Visit, on_forget: list[Callable[[], None]]) -> None:
        super().__init__()
        self.visit = visit
        self.on_forget = on_forget
        self.add_class("wb-page")
        self.make = make(
            w.Button,
            description=labels.REPORT_MAKE,
            tooltip=labels.REPORT_MAKE_TIP,
            button_style="primary",
        )
        self.links = make(w.HTML, "")
        self.delete = make(
            w.Button,
            description=labels.FORGET_ASK,
            tooltip=labels.FORGET_ASK_TIP,
            layout=dict(width="auto"),
        )
        self.confirm = make(
            w.Button,
            description=labels.FORGET_YES,
            button_style="danger",
            tooltip=labels.FORGET_YES,
        )
        self.cancel = make(w.Button, description=labels.FORGET_NO, tooltip=labels.FORGET_NO)
        self.message = make(w.HTML, "")
        warning = make(
            w.HTML, f'<p class="wb-error" role="alert">{escape(labels.FORGET_WARNING)}</p>'
        )
        self.confirm_box = make(
            w.VBox,
            [warning, make(w.HBox, [self.confirm, self.cancel])],
            layout=w.Layout(display="none"),
        )
        self.make.on_click(self._make)
        self.delete.on_click(lambda _b: self._show_confirm(True))
        self.cancel.on_click(lambda _b: self._show_confirm(False))
        self.confirm.on_click(self._forget)
        self.refresh()

    def refresh(self) -> None:
        if self.visit.participant is None:
            self.children = [self.message] if self.message.value else []
            return
        self.children = [
            make(
                w.HTML,
                f"<h2>{escape(labels.REPORT_TITLE)}</h2>{self.plan_html()}"
                f"<p>{escape(labels.REPORT_INTRO)}</p>",
            ),
            make(w.HBox, [self.make, self.delete]),
            self.links,
            self.confirm_box,
            self.message,
        ]

    def plan_html(self) -> str:
        """The participant's plan van aanpak, grouped by pyramid layer (the same as in the report)."""
        from workbook.output.plan import plan_html, plan_points

        answers = self.visit.answers()
        config = self.visit.config
        points = plan_points(answers.all() if answers else {}, config.offered_modules())
        if not points:
            return f"<h3>{escape(labels.PLAN_TITLE)}</h3><p>{escape(labels.PLAN_EMPTY)}</p>"
        return f"<h3>{escape(labels.PLAN_TITLE)}</h3><p>{escape(labels.PLAN_INTRO)}</p>" + str(
            plan_html(points, config.words, heading="h4")
        )

    def _make(self, _b: object) -> None:
        from workbook.output.report import gathered, report_html, report_pdf

        answers = self.visit.answers()
        if answers is None or self.visit.participant is None:
            return
        self.links.value = f'<p role="status">{escape(labels.REPORT_BUSY)}</p>'
        page = report_html(
            self.visit.config,
            self.visit.participant,
            gathered(answers.all(), answers.group_answers),
        )
        parts = [
            download_link(
                page.encode("utf-8"), "mijn-werkboek.html", "text/html", labels.REPORT_HTML
            )
        ]
        try:
            parts.append(
                download_link(
                    report_pdf(page), "mijn-werkboek.pdf", "application/pdf", labels.REPORT_PDF
                )
            )
        except WorkbookError as exc:
            parts.append(f'<span class="wb-error">{escape(str(exc))}</span>')
        self.links.value = '<p class="wb-downloads" role="status">' + " · ".join(parts) + "</p>"

    def _show_confirm(self, show: bool) -> None:
        self.confirm_box.layout.display = "flex" if show else "none"

    def _forget(self, _b: object) -> None:
        answers = self.visit.answers()
        if answers is None:
            return
        try:
            removed = answers.forget()
        except WorkbookError as exc:
            self.message.value = f'<p class="wb-error" role="alert">{escape(str(exc))}</p>'
            return
        self.visit.participant = None
        self.links.value = ""
        self._show_confirm(False)
        self.message.value = f'<p role="status">{escape(labels.FORGET_DONE.format(n=removed))}</p>'
        self.refresh()
        for callback in self.on_forget:
            callback()
