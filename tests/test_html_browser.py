"""The HTML evidence view in a real browser: Debian's chromium driven by Playwright, offline.

Playwright talks to chromium over a pipe (no TCP port) and the page is loaded from a file:// URL, so this
passes under the project's `--disable-socket --allow-hosts=127.0.0.1,localhost` with no socket marker.
(Plain `--disable-socket` would also block the AF_UNIX socketpair behind asyncio's event loop, which
Playwright's sync API runs; that setup would need `--allow-unix-socket`.) `playwright install` is never
needed: the system chromium at /usr/bin/chromium is used, and the test is skipped only where that executable
is absent. It also refreshes the screenshot `docs/evidence-view.png`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_render import ARTICLE, build_result

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "evidence-view.png"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_COUNT_IDS = """() => {
  const kinds = {};
  for (const el of document.querySelectorAll("#article .hl")) {
    (kinds[el.dataset.kind] ??= new Set()).add(el.dataset.id);
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.size]));
}"""


def check_details(page: Page) -> None:
    """Clicking or hovering a highlight fills #details with that claim's fields."""
    from playwright.sync_api import expect

    details = page.locator("#details")
    page.locator('.hl-number[data-id="n-2"]').first.click()
    expect(details).to_contain_text("Claimed byBassem Al-Awadi")
    expect(details).to_contain_text("people killed in the strikes")
    page.locator('.hl-number[data-id="n-1"]').first.click()
    expect(details).to_contain_text("Claimed byunattributed")
    expect(details).to_contain_text("approximately")
    page.locator('.hl-quote[data-id="q-0"]').first.click()
    expect(details).to_contain_text("PartyJoe Biden")
    expect(details).to_contain_text("Labelsupport")
    page.locator('.hl-party[data-id="p-4"]').first.hover()
    expect(details.locator(".title").first).to_have_text("Syrian sources")
    expect(details).to_contain_text("Kindsource")


def check_summary_link(page: Page) -> None:
    """A summary citation scrolls its supporting span into view and flashes it."""
    from playwright.sync_api import expect

    target = page.locator("#s-1-1")
    page.evaluate("window.scrollTo(0, 0)")
    expect(target).not_to_be_in_viewport()
    page.locator('a.cite[href="#s-1-1"]').click()
    expect(target).to_be_in_viewport()
    expect(target).to_have_class(re.compile(r"\bflash\b"))


def test_evidence_view_in_chromium(tmp_path: Path) -> None:
    """No console or page errors; one data-id per claim; clicks show details; summary links scroll, flash."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian: apt-get install chromium); browser check skipped")
    from playwright.sync_api import sync_playwright

    result = build_result()
    page_file = tmp_path / "view.html"
    page_file.write_text(result.to_html(ARTICLE, title="US strikes in Iraq and Syria"), encoding="utf-8")
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 560})
            page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            page.goto(page_file.as_uri())
            counts = page.evaluate(_COUNT_IDS)
            assert counts == {"party": len(result.parties), "number": len(result.numbers), "quote": 2}
            check_details(page)
            check_summary_link(page)
            page.set_viewport_size({"width": 1440, "height": 1000})
            page.reload()  # a clean view for the screenshot: no flash still running
            page.locator('.hl-number[data-id="n-2"]').first.click()
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
        finally:
            browser.close()
    assert errors == []
