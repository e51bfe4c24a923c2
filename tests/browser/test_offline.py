"""The offline template: a page loads everything, icon fonts included, from Voila itself."""

from __future__ import annotations

import pytest

from conftest import open_workbook_page

pytestmark = pytest.mark.browser

FONT_FACE = '900 16px "Font Awesome 5 Free"'


def test_icon_fonts_come_from_the_template_and_nothing_leaves_the_machine(served, page):
    fonts = []
    page.on(
        "response", lambda r: fonts.append((r.url, r.status)) if "/webfonts/" in r.url else None
    )
    open_workbook_page(page, served.url("index.ipynb"))
    # Widgets use Font Awesome icons (v4 class names too); show one of each, let the font load.
    page.evaluate(
        """async () => {
            document.body.insertAdjacentHTML('beforeend',
              '<i class="fas fa-check" id="fa5"></i><i class="fa fa-check" id="fa4"></i>');
            await document.fonts.load('900 16px "Font Awesome 5 Free"');
            await document.fonts.ready;
        }"""
    )
    assert page.evaluate(f"document.fonts.check('{FONT_FACE}')")
    family = page.evaluate("getComputedStyle(document.getElementById('fa4')).fontFamily")
    assert "Font Awesome 5 Free" in family
    assert fonts, "the icon font was never requested"
    for url, status in fonts:
        assert url.startswith(
            f"{served.base}/voila/templates/welbevinden/static/fontawesome/webfonts/"
        )
        assert status == 200, url
    assert page.outside == []
