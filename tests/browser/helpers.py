"""Helpers to drive the app in Chromium: wait for Streamlit, answer, take pictures, scan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PwTimeout

from components.session import content
from harness import driver
from pathways.content.countries import country_name
from pathways.content.model import Question

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
APP = '[data-testid="stApp"]'
MAIN = '[data-testid="stMain"]'


def settle(page: Page) -> None:
    """Wait until the script run a click started has finished and the page has drawn."""
    try:
        page.wait_for_selector(f'{APP}[data-test-script-state="running"]', timeout=1200)
    except PwTimeout:
        pass
    page.wait_for_selector(f'{APP}[data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_timeout(300)


def open_app(page: Page, url: str, lang: str = "en") -> None:
    page.goto(url)
    button(page, "quick_exit").wait_for()
    settle(page)
    if lang != "en":
        click_key(page, f"lang_{lang}")


def button(page: Page, key: str):
    """The visible button of a keyed widget (Streamlit also draws a hidden measuring copy)."""
    return page.locator(f".st-key-{key} button").locator("visible=true").first


def click_key(page: Page, key: str) -> None:
    button(page, key).click()
    settle(page)


def heading(page: Page) -> str:
    return page.locator(f"{MAIN} h2").first.inner_text().strip()


def current_question(page: Page, lang: str) -> Question:
    text = heading(page)
    return next(q for q in content().questions if q.text.get(lang) == text)


def option_label(q: Question, value: Any, lang: str) -> str:
    from components import format as fmt

    if value is None:
        return content().text("answer.dont_know", lang)
    if q.kind == "yesno":
        return content().text("answer.yes" if value else "answer.no", lang)
    return fmt.option_label(q, value, lang)


def first_choice(q: Question) -> Any:
    """The AppTest driver's answer, except "no" to yes/no questions and an older date."""
    if q.kind == "yesno":
        return False
    if q.kind == "date":
        return (dt.date.today() - dt.timedelta(days=300)).isoformat()
    return driver.first_choice(q)


def type_date(page: Page, iso: str) -> None:
    day = dt.date.fromisoformat(iso)
    page.locator('[data-testid="stDateInput"] [data-type="day"]').first.click()
    page.keyboard.type(day.strftime("%d%m%Y"))
    page.keyboard.press("Escape")


def answer_by_click(page: Page, lang: str, choose=first_choice) -> str:
    q = current_question(page, lang)
    value = choose(q)
    if q.kind == "date":
        type_date(page, value)
    elif q.kind == "postcode":
        page.locator(f"{MAIN} [data-testid='stTextInput'] input").first.fill(value)
        page.keyboard.press("Tab")
    elif q.kind == "country":
        page.locator(f"{MAIN} [data-testid='stSelectbox'] input").first.fill(country_name(value, lang))
        page.keyboard.press("Enter")
    elif q.kind == "multi":
        for v in value:
            page.locator(f"{MAIN} [data-testid='stCheckbox'] label", has_text=option_label(q, v, lang)).first.click()
    else:
        page.locator(f"{MAIN} [role='radiogroup'] label", has_text=option_label(q, value, lang)).first.click()
    settle(page)
    click_key(page, "next")
    return q.id


def finish_interview(page: Page, lang: str, choose=first_choice, limit: int = 30) -> list[str]:
    asked = []
    while page.locator(".st-key-next button").count() and len(asked) < limit:
        asked.append(answer_by_click(page, lang, choose))
    return asked


def start(page: Page, lang: str, role: str = "victim") -> None:
    q = content().question("role")
    page.locator(f"{MAIN} [role='radiogroup'] label", has_text=option_label(q, role, lang)).first.click()
    settle(page)
    click_key(page, "begin")


def main_text(page: Page) -> str:
    return page.locator(MAIN).inner_text()


def screenshot(page: Page, path: Path) -> None:
    """The whole screen: Streamlit scrolls inside stMain, so grow the viewport to fit it."""
    size = page.viewport_size or {"width": 1280, "height": 800}
    height = page.evaluate(f"() => {{ const m = document.querySelector('{MAIN}'); return m ? m.scrollHeight : 900 }}")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height) + 40, 14_000))})
    page.mouse.move(size["width"] - 10, 5)  # no tooltip from the last click in the picture
    page.wait_for_timeout(600)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def axe_scan(page: Page, name: str, out_dir: Path) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA) on the page; save the full result, return violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
    )
    violations = result["violations"]
    (out_dir / f"{name}.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False))
    return violations
