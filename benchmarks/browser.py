"""Start-up row of `make bench`: `streamlit run` to the first question drawn in Chromium.

This is what a desk sees after a restart: the process starts, imports, loads the content
on the first page, and the browser draws the first question. Chromium is launched before
the clock starts, so its own start-up is not counted.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.stats import Row, summary
from harness.server import AppServer, healthy
from pathways.checks.loader import load_content

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 60_000


def _first_question_visible(page, url: str) -> None:
    heading = load_content().question("role").text.get("en")
    page.goto(url, timeout=TIMEOUT_MS)
    page.get_by_role("heading", name=heading).wait_for(state="visible", timeout=TIMEOUT_MS)


def rows(repeat: int = 5) -> list[Row]:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    cold: list[float] = []
    warm: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(repeat):
                srv = AppServer()
                context = browser.new_context(locale="en-GB")
                page = context.new_page()
                try:
                    started = time.perf_counter()
                    srv.start(wait=False)
                    deadline = started + TIMEOUT_MS / 1000
                    while not healthy(srv.url):
                        if time.perf_counter() > deadline or srv.popen.poll() is not None:
                            raise RuntimeError(f"streamlit did not start: {srv.errors()}")
                        time.sleep(0.02)
                    _first_question_visible(page, srv.url)
                    cold.append((time.perf_counter() - started) * 1000)
                    context.close()
                    context = browser.new_context(locale="en-GB")  # a second visitor: the server is warm
                    page = context.new_page()
                    started = time.perf_counter()
                    _first_question_visible(page, srv.url)
                    warm.append((time.perf_counter() - started) * 1000)
                finally:
                    context.close()
                    srv.stop()
        finally:
            browser.close()
    return [
        ("server start to first question visible (streamlit run + Chromium)", *summary(cold), "ms"),
        ("page load to first question visible, warm server (Chromium)", *summary(warm), "ms"),
    ]
