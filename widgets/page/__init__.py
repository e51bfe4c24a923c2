"""A module page, the landing page with 'Mijn werkboek', and the page's live helpers (heartbeat, URL)."""

from widgets.page.page import open_page, show_overview

__all__ = ["open_page", "show_overview"]
