"""The summary PDF: contents per language, structure (tags, language, title, PDF/A, attachment),
hostile text, and the calendar file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from pathways.checks.loader import load_content_from
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, answers_from_facts
from pathways.outputs.case_file import load_case
from pathways.outputs.summary_pdf import calendar_ics, drawable, render_summary

FACTS = {"role": "victim", "harm_country": "belgium", "company_link": "belgian_company", "harm_date": "2026-07-14"}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Content:
    from tests.conftest import make_data_dir

    return load_content_from(make_data_dir(tmp_path_factory.mktemp("data")))


def _state(content: Content, notes: str = "") -> InterviewState:
    return InterviewState(stage="results", answers=answers_from_facts(content, FACTS), notes=notes)


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["Uw situatie", "Voorgestelde wegen", "Testweg", "Waar de schade gebeurde: in België", "2031-07-14"]),
        ("fr", ["Votre situation", "Voies proposées", "Voie de test", "Lieu du dommage : en Belgique", "2031-07-14"]),
        (
            "de",
            ["Ihre Situation", "Vorgeschlagene Wege", "Testweg", "Wo der Schaden entstand: in Belgien", "2031-07-14"],
        ),
        (
            "en",
            ["Your situation", "Suggested routes", "Test route", "Where the harm happened: in Belgium", "2031-07-14"],
        ),
    ],
)
def test_contents_in_each_language(small: Content, lang: str, words: list[str]) -> None:
    text = " ".join(_text(render_summary(small, _state(small), lang)).split())
    for word in words:
        assert word in text


def test_structure_pdfa_pdfua_language_title_and_attachment(small: Content) -> None:
    pdf = render_summary(small, _state(small), "fr")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root and "/Outlines" in root
    assert reader.metadata.title == small.index.title.fr
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp and ("pdfuaid:part" in xmp)
    case = json.loads(reader.attachments["case.json"][0])
    assert case["answers"] == _state(small).answers


def test_uploading_the_pdf_restores_the_case(small: Content) -> None:
    state = _state(small)
    restored, dropped = load_case(small, render_summary(small, state, "de"))
    assert restored.answers == state.answers and dropped == []


def test_notes_only_when_asked(small: Content) -> None:
    state = _state(small, notes="Confidential note about Ms Example")
    assert "Confidential note" not in _text(render_summary(small, state, "en"))
    assert "Confidential note" in _text(render_summary(small, state, "en", include_notes=True))


def test_undrawable_characters_are_replaced_and_announced(small: Content) -> None:
    state = _state(small, notes="名字 😀 \x07 Ελληνικά Кирилл مرحبا")
    text = _text(render_summary(small, state, "en", include_notes=True))
    assert "Ελληνικά" in text and "Кирилл" in text
    assert "cannot be shown in this PDF" in text
    assert drawable("abc") == ("abc", False)
    assert drawable("名")[1] is True


def test_markup_in_notes_is_shown_verbatim(small: Content) -> None:
    evil = '#pdf.attach("x") ] #set page(paper: "a0") = Heading $x^2$ <label> @ref'
    text = _text(render_summary(small, _state(small, notes=evil), "en", include_notes=True))
    assert "#set page" in text


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(notes=st.text(max_size=100_000))
def test_any_unicode_notes_give_a_pdf(small: Content, notes: str) -> None:
    pdf = render_summary(small, _state(small, notes=notes), "nl", include_notes=True)
    assert pdf.startswith(b"%PDF")


def test_calendar_file_parses_with_one_event_per_dated_deadline(small: Content) -> None:
    cal = Calendar.from_ical(calendar_ics(small, _state(small), "en"))
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    assert events[0]["SUMMARY"] == "Deadline: Test route"
    assert events[0].decoded("DTSTART").isoformat() == "2031-07-14"


def test_command_line_and_app_produce_the_same_pdf(small: Content, tmp_path: Path) -> None:
    from pathways.outputs.summary_pdf import render_summary_file

    facts_file = tmp_path / "case.yaml"
    facts_file.write_text(json.dumps({"facts": FACTS}))
    out = tmp_path / "out.pdf"
    render_summary_file(small, facts_file, "en", out)
    assert out.read_bytes() == render_summary(small, _state(small), "en")
