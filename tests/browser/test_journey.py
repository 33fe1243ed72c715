"""The app in a real browser: keyboard only, language switch, back and change, save and
resume across sessions, the PDF, quick exit, session isolation."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml

from components.session import content
from pathways import LANGS
from pathways.content.dates import format_date
from pathways.engine.interview import InterviewState, answers_from_facts, walk
from pathways.engine.recommend import recommend
from pathways.outputs.case_file import dump_case
from pathways.outputs.sensitive import is_sensitive
from tests.browser import helpers as h

pytestmark = pytest.mark.browser
SCENARIOS = h.ROOT / "tests" / "scenarios"


def _focused(page, selector: str) -> bool:
    return page.evaluate("sel => !!document.activeElement && !!document.activeElement.closest(sel)", selector)


def tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        if _focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"keyboard focus never reached {selector}")


def test_complete_interview_by_keyboard_only(new_page) -> None:
    page = new_page("en")
    tab_to(page, f"{h.MAIN} input[type=radio]")
    page.keyboard.press("Space")
    h.settle(page)
    tab_to(page, ".st-key-begin button")
    page.keyboard.press("Enter")
    h.settle(page)
    asked = 0
    while page.locator(".st-key-next button").count():
        asked += 1
        assert asked < 30
        q = h.current_question(page, "en")
        if q.kind == "multi":
            tab_to(page, f"{h.MAIN} [data-testid=stCheckbox] input")
            page.keyboard.press("Space")
        elif q.kind == "date":
            tab_to(page, '[data-testid="stDateInput"] [data-type="day"]')
            page.keyboard.type("01032025")
        elif q.kind == "postcode":
            tab_to(page, f"{h.MAIN} [data-testid=stTextInput] input")
            page.keyboard.type("9000")
        else:
            tab_to(page, f"{h.MAIN} input[type=radio]")
            page.keyboard.press("Space")
        h.settle(page)
        tab_to(page, ".st-key-next button")
        page.keyboard.press("Enter")
        h.settle(page)
    assert asked >= 8
    tab_to(page, ".st-key-see_results button")
    page.keyboard.press("Enter")
    h.settle(page)
    assert content().text("results.title", "en") in h.main_text(page)


def test_language_switch_midway_keeps_answers_and_position(new_page) -> None:
    page = new_page("en")
    h.start(page, "en", "adviser")
    h.answer_by_click(page, "en")  # where the harm happened
    h.answer_by_click(page, "en")  # the postcode
    h.answer_by_click(page, "en")  # the company's link: a choice, checked again after the switch
    q = h.current_question(page, "en")
    position = re.search(r"Question (\d+) of about (\d+)", h.main_text(page))
    assert position, "the progress line is shown"
    h.click_key(page, "lang_fr")
    assert h.heading(page) == q.text.get("fr")
    n, total = position.groups()
    assert f"Question {n} sur environ {total}" in h.main_text(page)  # same position, same total
    h.click_key(page, "back")
    prev = h.current_question(page, "fr")
    assert prev.kind in ("single", "yesno"), f"{prev.id} is not a choice"
    checked = page.locator(f"{h.MAIN} [role='radiogroup'] input:checked")
    assert checked.count() == 1, f"answer to {prev.id} lost after the switch"
    assert page.evaluate("() => document.documentElement.lang") == "fr"


def test_back_and_change_an_earlier_answer(new_page) -> None:
    page = new_page("en")
    h.start(page, "en", "victim")

    def choose(q):
        return {"harm_country": "belgium"}.get(q.id, h.first_choice(q))

    h.finish_interview(page, "en", choose)
    assert content().question("postcode").text.get("en") in h.main_text(page)
    h.click_key(page, "change_harm_country")
    assert h.heading(page) == content().question("harm_country").text.get("en")
    h.answer_by_click(page, "en", lambda q: "non_eu")
    text = h.main_text(page)  # the next screen says which answers were dropped, and how many
    before, after = content().text("interview.dropped", "en", n="|").split("|")
    assert before in text and after in text
    assert content().question("postcode").text.get("en") in text
    h.finish_interview(page, "en")  # only questions the change made relevant, then the review
    assert content().text("review.title", "en") in h.main_text(page)


def _complete(page, lang: str = "en", role: str = "adviser") -> None:
    h.start(page, lang, role)
    h.finish_interview(page, lang)


def test_download_case_file_and_resume_in_a_fresh_session(new_page, tmp_path) -> None:
    page = new_page("en")
    _complete(page)
    with page.expect_download() as dl:
        h.button(page, "download_case_sidebar").click()
    path = tmp_path / "case.json"
    dl.value.save_as(path)
    data = json.loads(path.read_text())
    assert data["format"] == "remedy-pathways-case" and data["answers"]["role"] == "adviser"
    sensitive = {q.id for q in content().questions if is_sensitive(q.fact)}
    assert not sensitive & set(data["answers"]), "sensitive answers are saved only when chosen"
    fresh = new_page("nl")
    fresh.locator(f"{h.MAIN} input[type=file]").set_input_files(str(path))
    h.settle(fresh)
    text = h.main_text(fresh)
    # saved in English, opened on a Dutch screen: it opens in English and says so
    assert content().text("resume.done", "en") in text
    assert content().text("resume.in_language", "en") in text
    # every answer came back; only a sensitive question left out of the file may be asked again
    if content().text("review.title", "en") not in text:
        assert h.current_question(fresh, "en").id in sensitive


def test_download_the_pdf_and_resume_from_it(new_page, tmp_path) -> None:
    page = new_page("de")
    _complete(page, "de")
    h.click_key(page, "see_results")
    with page.expect_download(timeout=120_000) as dl:
        h.button(page, "download_pdf").click()
    path = tmp_path / "summary.pdf"
    dl.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    fresh = new_page("fr")
    fresh.locator(f"{h.MAIN} input[type=file]").set_input_files(str(path))
    h.settle(fresh)
    assert content().text("resume.done", "de") in h.main_text(fresh)  # the PDF's language
    assert fresh.evaluate("() => document.documentElement.lang") == "de"


def _first_page_of_pdf(path) -> str:
    from pypdf import PdfReader

    return "".join(PdfReader(str(path)).pages[0].extract_text().split())


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_in_each_language_opens_with_the_first_step_a_date_and_a_phone(new_page, tmp_path, lang: str) -> None:
    """The client sheet as a person downloads it: seasonal workers exploited on a fruit farm
    in Limburg whose work ended two months ago (a dated deadline at the labour tribunal, a
    specialised centre's phone), resumed from a case file in the language, results, PDF."""
    c = content()
    today = dt.date.today()
    facts = yaml.safe_load((SCENARIOS / "admin_fruit_farm_trafficking_limburg.yaml").read_text())["facts"]
    facts |= {
        "employment_ended": True,
        "employment_end_date": (today - dt.timedelta(days=60)).isoformat(),
        "criminal_case": "none",
        "reflection_start_date": (today - dt.timedelta(days=10)).isoformat(),  # Payoke took the case
        "income": "low",
        "postcode": "3800",  # Sint-Truiden
    }
    state = InterviewState(lang=lang, stage="review", answers=answers_from_facts(c, facts))
    assert walk(c, state.answers).first_unanswered is None, "the file answers every question"
    case = tmp_path / "case.json"
    case.write_bytes(dump_case(c, state, include_sensitive=True))
    page = new_page(lang)
    page.locator(f"{h.MAIN} input[type=file]").set_input_files(str(case))
    h.settle(page)
    h.click_key(page, "see_results")
    with page.expect_download(timeout=120_000) as dl:
        h.button(page, "download_pdf").click()
    pdf = tmp_path / "summary.pdf"
    dl.value.save_as(pdf)
    first_page = _first_page_of_pdf(pdf)

    result = recommend(c, walk(c, state.answers).facts, lang, today)
    assert "".join(result.tier("first")[0].entry.title.get(lang).split()) in first_page
    shortlist = [*result.tier("first"), *result.tier("also")]
    ahead = [r.deadline.date for r in shortlist if r.deadline and r.deadline.date and r.deadline.date >= today]
    assert ahead, "the case has a dated deadline"
    assert "".join(format_date(min(ahead), lang).split()) in first_page
    assert min(ahead).isoformat() not in first_page
    phones = {"".join(ct.phone.split()) for r in result.recommendations for ct in r.entry.contacts if ct.phone}
    assert any(p in first_page for p in phones), "no phone number on the first page"


def test_leaving_or_reloading_warns_and_a_reload_keeps_the_language(new_page, app_url) -> None:
    page = new_page("fr")
    assert page.evaluate("() => window.onbeforeunload") is None  # nothing to lose yet
    h.start(page, "fr", "victim")
    h.answer_by_click(page, "fr")
    assert page.evaluate("() => typeof window.onbeforeunload") == "function"
    assert "lang=fr" in page.url and "case=1" in page.url
    assert "victim" not in page.url  # no answer in the address (it lands in the browser history)
    dialogs = []
    page.on("dialog", lambda dlg: (dialogs.append(dlg.type), dlg.accept()))
    page.reload()  # the browser asks first; accepted here, as a person who really wants to reload
    h.button(page, "quick_exit").wait_for()
    h.settle(page)
    assert dialogs == ["beforeunload"]
    assert page.evaluate("() => document.documentElement.lang") == "fr"
    assert content().text("lost.notice", "fr") in h.main_text(page)


def test_quick_exit_leaves_and_back_does_not_return(new_page, app_url) -> None:
    page = new_page("en")
    h.start(page, "en", "victim")
    h.button(page, "quick_exit").click()
    page.wait_for_url("https://www.google.com/**", timeout=15_000)
    page.go_back()
    assert not page.url.startswith(app_url)
    page.goto(app_url)  # coming back on purpose starts from nothing
    page.wait_for_selector(".st-key-begin button")
    h.settle(page)
    assert page.locator(f"{h.MAIN} [role='radiogroup'] input:checked").count() == 0


def test_two_sessions_never_see_each_others_answers(new_page, tmp_path) -> None:
    a, b = new_page("en"), new_page("en")
    h.start(a, "en", "victim")
    h.start(b, "en", "organisation")
    h.answer_by_click(a, "en", lambda q: "belgium")
    h.answer_by_click(b, "en", lambda q: "non_eu")
    for page, role, country in ((a, "victim", "belgium"), (b, "organisation", "non_eu")):
        with page.expect_download() as dl:
            h.button(page, "download_case_sidebar").click()
        path = tmp_path / f"{role}.json"
        dl.value.save_as(path)
        answers = json.loads(path.read_text())["answers"]
        assert answers == {"role": role, "harm_country": country}


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_a_chosen_but_unconfirmed_option_survives_a_language_switch(new_page, lang: str) -> None:
    """Issue seen in Chromium: the switch cleared the option on screen and Next then refused it."""
    page = new_page("en")
    h.start(page, "en", "victim")
    q = h.current_question(page, "en")
    value = h.first_choice(q)
    page.locator(f"{h.MAIN} [role='radiogroup'] label", has_text=h.option_label(q, value, "en")).first.click()
    h.settle(page)
    h.click_key(page, f"lang_{lang}")
    checked = page.locator(f"{h.MAIN} [role='radiogroup'] input:checked")
    assert checked.count() == 1, "the chosen option was cleared by the switch"
    h.click_key(page, "next")
    assert content().text("error.invalid_option", lang) not in h.main_text(page)
    assert h.current_question(page, lang).id != q.id  # Next was accepted


def test_nothing_is_requested_from_another_site(browser, app_url) -> None:
    """Issue 13: the page icon came from a font CDN and told a third party someone opened the
    tool. From the first load to the results with a card open, every request goes to the tool."""
    from urllib.parse import urlsplit

    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    requested: list[str] = []
    ctx.on("request", lambda request: requested.append(request.url))
    try:
        page = ctx.new_page()
        h.open_app(page, app_url, "fr")
        _complete(page, "fr")
        h.click_key(page, "see_results")
        page.locator(f"{h.MAIN} [data-testid=stExpander] summary").first.click()
        h.settle(page)
    finally:
        ctx.close()
    tool = urlsplit(app_url).netloc
    elsewhere = sorted(
        {u for u in requested if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != tool}
    )
    assert len(requested) > 10, "the requests were not seen"
    assert not elsewhere, f"requests to other sites: {elsewhere}"
