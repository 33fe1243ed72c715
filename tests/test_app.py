"""The whole app in AppTest: complete interviews in every language, language switch,
changing an earlier answer, resuming from a file, every kind of bad file, notes in any
script, quick exit and the error boundary."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from components.session import content as app_content
from harness import driver as d
from pathways import LANGS
from pathways.content.store import Content
from pathways.engine.interview import InterviewState
from pathways.outputs.case_file import MAX_BYTES, dump_case


@pytest.fixture(scope="module")
def content() -> Content:
    return app_content()


def _fresh(content: Content, lang: str = "en"):
    at = d.new_app()
    if lang != d.state(at).lang:
        at.button(key=f"lang_{lang}").click().run()
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_complete_interview_in_each_language(content: Content, lang: str) -> None:
    at = _fresh(content, lang)
    assert content.text("start.begin", lang) in d.texts(at)
    d.begin(at, content, "victim")
    asked = d.answer_all(at, content)
    assert d.state(at).stage == "review" and len(asked) >= 8
    assert content.text("review.title", lang) in d.texts(at)
    at.button(key="see_results").click().run()
    assert not at.exception
    page = d.texts(at)
    assert content.text("results.title", lang) in page
    assert content.text("takeaway.title", lang) in page
    assert not at.error, [e.value for e in at.error]
    if lang != "en":  # nothing of the English interface leaks into another language
        for key in ("results.title", "takeaway.title", "results.first", "save.title"):
            assert content.text(key, "en") not in page


def test_language_switch_mid_interview_keeps_answers_and_position(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "adviser")
    for _ in range(3):
        q = content.question(d.state(at).cursor)
        d.set_answer(at, q, d.first_choice(q))
        at.button(key="next").click().run()
    before = d.state(at)
    q = content.question(before.cursor)
    d.set_answer(at, q, d.first_choice(q))  # chosen but not yet confirmed
    for lang in ("fr", "de", "nl"):
        at.button(key=f"lang_{lang}").click().run()
        after = d.state(at)
        assert after.lang == lang
        assert after.answers == before.answers and after.cursor == before.cursor and after.stage == before.stage
        assert q.text.get(lang) in [h.value for h in at.header]
    at.button(key="next").click().run()  # the unconfirmed choice survived the switches
    assert d.state(at).answers[q.id] == d.first_choice(q)


def test_changing_an_earlier_answer_drops_only_what_it_makes_irrelevant(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "victim")

    def choose(q):
        return {"harm_country": "belgium"}.get(q.id, d.first_choice(q))

    d.answer_all(at, content, choose)
    before = d.state(at)
    assert "postcode" in before.answers
    at.button(key="change_harm_country").click().run()
    d.set_answer(at, content.question("harm_country"), "non_eu")
    at.button(key="next").click().run()
    s = d.state(at)
    assert "postcode" not in s.answers and "postcode" in s.dropped
    kept = {k: v for k, v in before.answers.items() if k in s.answers and k != "harm_country"}
    assert all(s.answers[k] == v for k, v in kept.items())
    assert content.question("postcode").text.get("en") in d.texts(at)  # the person is told
    d.answer_all(at, content)  # newly relevant questions only, then back to review
    assert d.state(at).stage == "review"


def test_back_from_the_first_question_returns_to_start(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "victim")
    at.button(key="back").click().run()
    assert d.state(at).stage == "interview" and d.state(at).cursor == "role"
    at.button(key="back").click().run()
    assert d.state(at).stage == "start" and d.state(at).answers == {"role": "victim"}


def _completed_state(content: Content) -> InterviewState:
    at = _fresh(content)
    d.begin(at, content, "adviser")
    d.answer_all(at, content)
    return d.state(at)


def _upload(at, name: str, data: bytes, mime: str = "application/json") -> None:
    at.file_uploader[0].set_value((name, data, mime))
    at.run()


def test_resume_from_a_case_file(content: Content) -> None:
    saved = _completed_state(content).model_copy(update={"sensitive_in_files": True})
    at = _fresh(content, "fr")
    _upload(at, "case.json", dump_case(content, saved))
    s = d.state(at)
    # saved in English, opened on a French screen: the case opens in its own language and says so
    assert saved.lang == "en"
    assert s.answers == saved.answers and s.lang == "en" and s.stage == "review"
    assert content.text("resume.done", "en") in [x.value for x in at.success]
    assert content.text("resume.in_language", "en") in [x.value for x in at.info]
    assert s.sensitive_in_files  # chosen when it was saved, so the next save keeps those answers


def _bad_files(content: Content) -> dict[str, tuple[bytes, str]]:
    good = json.loads(dump_case(content, InterviewState(answers={"role": "victim"})))
    return {
        "malformed": (b"{not json at all", "error.case.malformed"),
        "truncated": (json.dumps(good).encode()[:40], "error.case.malformed"),
        "oversized": (b" " * (MAX_BYTES + 1), "error.case.too_large"),
        "wrong_type_png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "error.case.malformed"),
        "wrong_type_json_list": (b"[1, 2, 3]", "error.case.not_case_file"),
        "pdf_without_case": (b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "error.case.malformed"),
        "other_json": (json.dumps({"format": "something-else", "answers": {}}).encode(), "error.case.not_case_file"),
        "newer_schema": (json.dumps({**good, "schema_version": 999}).encode(), "error.case.newer_schema"),
        "answers_not_a_mapping": (json.dumps({**good, "answers": ["role"]}).encode(), "error.case.malformed"),
        "latin1": ('{"format": "é"}'.encode("latin-1"), "error.case.malformed"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "malformed",
        "truncated",
        "oversized",
        "wrong_type_png",
        "wrong_type_json_list",
        "pdf_without_case",
        "other_json",
        "newer_schema",
        "answers_not_a_mapping",
        "latin1",
    ],
)
def test_bad_file_leaves_the_interview_untouched(content: Content, case: str) -> None:
    at = _fresh(content, "de")
    d.begin(at, content, "victim")
    q = content.question(d.state(at).cursor)
    d.set_answer(at, q, d.first_choice(q))
    at.button(key="next").click().run()
    before = d.state(at)
    data, key = _bad_files(content)[case]
    _upload(at, "case.json", data)
    assert not at.exception
    assert d.state(at) == before
    assert [e.value for e in at.error] == [content.text(key, "de")]


def test_hand_edited_file_keeps_what_fits_and_says_what_was_dropped(content: Content) -> None:
    data = json.loads(dump_case(content, InterviewState(lang="nl", answers={"role": "victim"})))
    data["answers"].update(
        {"harm_country": "mars", "no_such_question": "x", "<script>": "alert(1)", "relationship": "employee"}
    )
    at = _fresh(content, "nl")
    _upload(at, "case.json", json.dumps(data).encode())
    s = d.state(at)
    assert s.answers == {"role": "victim", "relationship": "employee"}
    assert set(s.dropped) >= {"harm_country", "no_such_question", "<script>"}
    assert content.text("resume.done_dropped", "nl", n=3) in [x.value for x in at.success]
    page = d.texts(at)
    assert "<script>" not in page and "no_such_question" not in page  # unknown ids are not echoed
    assert content.text("review.unknown_question", "nl") in page


@pytest.mark.parametrize(
    "notes",
    [
        "مرحبا، هذه ملاحظة من اليمين إلى اليسار",  # Arabic, right to left
        "שלום \u202eRTL override\u202c mixed עברית",  # Hebrew with a bidi override
        "Emoji 👩🏽‍⚖️🏭💧 and ZWJ sequences 🏳️‍🌈",
        "<b>not html</b> **not markdown** $x$ [link](https://example.org)",
        "long " * 19_999,  # close to the 100 000 character limit
    ],
)
def test_notes_take_any_unicode_and_are_never_rendered(content: Content, notes: str) -> None:
    at = _fresh(content)
    at.sidebar.radio(key="section").set_value("tools").run()
    area = [a for a in at.text_area if a.key.startswith("notes.tools")][0]
    area.set_value(notes).run()
    assert not at.exception
    assert d.state(at).notes == notes
    assert notes not in d.texts(at)  # only inside the text box, never as Markdown
    saved = dump_case(content, d.state(at).model_copy(update={"notes_in_pdf": True}), include_notes=True)
    at2 = _fresh(content)
    _upload(at2, "case.json", saved)
    assert d.state(at2).notes == notes


def test_quick_exit_clears_the_session_and_replaces_the_page(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "victim")
    at.button(key="quick_exit").click().run()
    assert "interview" not in at.session_state
    html = [h.proto.body for h in at.get("html")]
    assert any("location.replace" in h for h in html)
    assert not at.button  # nothing of the tool is drawn


def test_error_boundary_shows_a_friendly_message_and_keeps_the_case(content: Content, monkeypatch) -> None:
    from components import results

    at = _fresh(content, "fr")
    d.begin(at, content, "victim")
    d.answer_all(at, content)

    def broken() -> None:
        raise RuntimeError("secret answer text")

    monkeypatch.setattr(results, "render", broken)
    at.button(key="see_results").click().run()
    assert not at.exception
    assert content.text("app.error.title", "fr") in [e.value for e in at.error]
    assert any(b.key == "download_case_error" for b in at.get("download_button"))
    assert d.state(at).answers  # nothing lost
    at.button(key="error_to_review").click().run()
    assert d.state(at).stage == "review"


def test_every_ui_key_the_views_use_exists_in_every_language(content: Content) -> None:
    import re
    from pathlib import Path

    used = set()
    for path in Path(__file__).resolve().parents[1].joinpath("components").glob("*.py"):
        used |= set(re.findall(r'\bt\("([a-z_.]+)"', path.read_text()))
    missing = sorted(k for k in used if k not in content.ui)
    assert not missing


def test_harm_date_gives_dated_deadlines_on_the_results(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "victim")
    harm = (dt.date.today() - dt.timedelta(days=300)).isoformat()

    def choose(q):
        return {"harm_date": harm, "harm_country": "belgium", "relationship": "employee"}.get(q.id, d.first_choice(q))

    d.answer_all(at, content, choose)
    at.button(key="see_results").click().run()
    assert not at.exception
    at.session_state["results_tabs"] = at.tabs[1].label  # the timeline is drawn when its tab is chosen
    at.run()
    charts = at.get("arrow_vega_lite_chart") + at.get("vega_lite_chart")
    infos = [x.value for x in (*at.info, *at.warning, *at.error)]
    assert charts or content.text("timeline.none", "en") in infos


def test_the_maintainers_page_is_off_unless_the_deployment_enables_it(content: Content, monkeypatch) -> None:
    at = _fresh(content)
    options = at.sidebar.radio[0].options
    assert content.text("nav.section.maintainers", "en") not in options
    monkeypatch.setenv("REMEDY_MAINTAINERS", "1")
    at = _fresh(content)
    assert content.text("nav.section.maintainers", "en") in at.sidebar.radio[0].options


def test_the_sensitive_answers_choice_is_kept_in_the_state(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "victim")
    box = next(c for c in at.sidebar.checkbox if c.key.startswith("sensitive.sidebar."))
    assert box.label == content.text("sensitive.include", "en") and not box.value
    box.check().run()
    assert d.state(at).sensitive_in_files is True
    box = next(c for c in at.sidebar.checkbox if c.key.startswith("sensitive.sidebar."))
    assert box.value  # drawn again from the state


def test_catalogue_search_and_german_speaking_filter(content: Content) -> None:
    at = _fresh(content, "de")
    at.sidebar.radio(key="section").set_value("tools").run()
    total = len(content.routes) + len(content.bodies)
    at.text_input(key="f_text").set_value("arbeidsrechtbank").run()  # a Dutch word on a German screen
    titles = [e.label for e in at.expander]
    assert any(content.routes["labour_tribunal"].title.get("de") in x for x in titles)
    assert len(titles) < total
    at.text_input(key="f_text").set_value("").run()
    at.selectbox(key="f_place").set_value("german_speaking").run()
    titles = " ".join(e.label for e in at.expander)
    assert content.bodies["bjb_eupen"].title.get("de") in titles
    assert content.routes["flemish_ombudsman"].title.get("de") not in titles
    assert not at.exception


def test_compare_lines_up_rows_and_shows_this_cases_deadline(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "adviser")
    d.answer_all(at, content)
    at.sidebar.radio(key="section").set_value("tools").run()
    at.multiselect(key="compare").set_value(["labour_tribunal", "civil_liability_claim"]).run()
    tables = [m.value for m in at.markdown if m.value.startswith("| |")]
    assert len(tables) == 1  # one table: every row has a cell per route
    rows = tables[0].splitlines()
    assert all(row.count(" | ") == rows[0].count(" | ") for row in rows[2:])
    assert content.text("compare.case_deadline", "en") in tables[0]
    assert not at.exception


def test_address_keeps_the_language_and_only_a_marker_of_the_case(content: Content) -> None:
    at = _fresh(content, "fr")
    d.begin(at, content, "victim")
    assert at.session_state["_address"] == "lang=fr&case=1"
    # nothing of the answers (ids or values) goes into the address, which lands in the browser history
    assert "victim" not in at.session_state["_address"]


def test_a_session_that_replaces_one_with_answers_says_they_are_gone(content: Content) -> None:
    at = d.AppTest.from_file(str(d.APP), default_timeout=60)
    at.query_params["lang"] = "de"
    at.query_params["case"] = "1"
    at.run()
    assert d.state(at).lang == "de" and d.state(at).answers == {}
    assert content.text("lost.notice", "de") in [w.value for w in at.warning]
    d.begin(at, content, "victim")
    assert content.text("lost.notice", "de") not in [w.value for w in at.warning]


def test_a_new_session_without_the_marker_says_nothing_of_lost_answers(content: Content) -> None:
    at = _fresh(content, "nl")
    assert content.text("lost.notice", "nl") not in [w.value for w in at.warning]


def test_results_explain_each_legal_word_once_below_the_list(content: Content) -> None:
    at = _fresh(content)
    d.begin(at, content, "adviser")
    d.answer_all(at, content)
    at.button(key="see_results").click().run()
    glossary = [e for e in at.expander if e.label == content.text("entry.glossary", "en")]
    assert len(glossary) == 1
    text = " ".join(m.value for m in glossary[0].markdown)
    shown = {r for r in content.glossary.values() if f"**{r.term.en}**" in text}
    assert shown, "the legal words of the suggested entries are explained"
    page = d.texts(at)
    for term in shown:  # each definition appears once on the page, not in every card
        assert page.count(term.definition.en) == 1


def test_resumed_notes_longer_than_the_limit_are_cut_with_a_message(content: Content) -> None:
    from pathways.outputs.case_file import MAX_NOTES

    data = json.loads(dump_case(content, InterviewState(answers={"role": "adviser"})))
    data["notes"] = "n" * (MAX_NOTES + 500)  # a hand-edited file: the app never saves more
    at = _fresh(content)
    _upload(at, "case.json", json.dumps(data).encode())
    assert len(d.state(at).notes) == MAX_NOTES
    assert content.text("notes.cut", "en", n="100,000") in [w.value for w in at.warning]  # as English groups it
    assert d.state(at).notes_in_pdf  # saved with notes, so the next save keeps them


def _traces(marker_reversed: str) -> list[str]:
    """Every live object that still holds the marker (text or bytes), after a collection.

    The marker is passed reversed and rebuilt here, so the test's own copy is not a hit."""
    import gc

    gc.collect()
    marker = marker_reversed[::-1]
    found = []
    for obj in gc.get_objects():
        for ref in gc.get_referents(obj):
            if (type(ref) is str and marker in ref and ref is not marker) or (
                type(ref) in (bytes, bytearray) and marker.encode() in ref
            ):
                found.append(type(obj).__name__)
    return found


@pytest.mark.parametrize("way_out", ["quick_exit", "new_case"])
def test_no_trace_of_the_case_is_left_in_memory(content: Content, way_out: str) -> None:
    """Issue 13: after quick exit (or a new case) the server's live objects hold nothing of the
    case: not the answers' notes, not the uploaded file, not the widgets' remembered values."""
    import secrets

    reversed_marker = secrets.token_hex(12)[::-1]
    at = _fresh(content)
    saved = InterviewState(answers={"role": "adviser"}, notes="file " + reversed_marker[::-1], notes_in_pdf=True)
    _upload(at, "case.json", dump_case(content, saved, include_notes=True))
    at.sidebar.radio(key="section").set_value("tools").run()
    area = [a for a in at.text_area if a.key.startswith("notes.tools")][0]
    area.set_value("typed " + reversed_marker[::-1]).run()
    assert d.state(at).notes.startswith("typed ")
    del saved, area
    assert _traces(reversed_marker), "the marker should be found while the case is open"
    if way_out == "quick_exit":
        at.button(key="quick_exit").click().run()
    else:
        at.sidebar.button(key="new_case").click().run()
        assert d.state(at).notes == ""
    assert not at.exception
    assert _traces(reversed_marker) == []
