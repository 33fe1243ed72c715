"""Hostile and faulty inputs to the one reader of case files: each gets a clear message,
within a bounded time and bounded memory (guards measured in this process, generous bounds)."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.hostile import pdf_with_attachment
from pathways.cli import main
from pathways.content.store import Content
from pathways.engine.facts import FactError, check_facts
from pathways.engine.recommend import recommend
from pathways.outputs.case_file import CaseFileError, case_json_from_pdf, load_case
from pathways.outputs.case_input import CaseInputError, parse_case_text, read_facts_file

HOSTILE = Path(__file__).parents[2] / "fixtures" / "hostile"
SECONDS = 5.0
MEGABYTES = 64
# `make fuzz` runs the property tests below FUZZ times longer (REMEDY_FUZZ=20).
FUZZ = int(os.environ.get("REMEDY_FUZZ", "1"))


def _guarded(fn):
    """Run fn, returning (result or exception, seconds, peak MB)."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = fn()
    except Exception as exc:  # noqa: BLE001 - the outcome under test
        outcome = exc
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return outcome, seconds, peak


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("billion_laughs.yaml", "aliases (*name) are not accepted"),
        ("deep_flow.yaml", "nested"),
        ("list_as_key.yaml", "a key must be a name, not a list or a mapping"),
        ("far_future_date.yaml", "outside the possible range"),
        ("duplicate_keys.json", "the key 'facts' appears twice"),
        ("utf16.yaml", "the file is UTF-16; save it as UTF-8"),
        ("latin1.yaml", "the file is not UTF-8 text"),
    ],
)
def test_hostile_file_gets_a_clear_message_quickly(content: Content, name: str, message: str) -> None:
    outcome, seconds, peak = _guarded(lambda: read_facts_file(content, HOSTILE / name))
    assert isinstance(outcome, CaseInputError), outcome
    assert message in str(outcome)
    assert seconds < SECONDS and peak < MEGABYTES


def test_a_byte_order_mark_is_fine(content: Content) -> None:
    assert read_facts_file(content, HOSTILE / "bom_utf8.yaml") == {"role": "victim"}


def test_a_deep_json_array_is_refused() -> None:
    outcome, seconds, _ = _guarded(lambda: parse_case_text("[" * 100_000, "deep.json"))
    assert isinstance(outcome, CaseInputError) and seconds < SECONDS


def test_an_endless_stream_is_read_only_up_to_the_limit(content: Content) -> None:
    outcome, seconds, peak = _guarded(lambda: read_facts_file(content, Path("/dev/zero")))
    assert isinstance(outcome, CaseInputError) and "larger than 2 MB" in str(outcome)
    assert seconds < SECONDS and peak < MEGABYTES


def test_a_pdf_attachment_that_inflates_to_72_mb_is_refused_without_inflating_it() -> None:
    bomb = pdf_with_attachment(b"\0" * 72_000_000, copies=3)
    assert len(bomb) < 2 * 1024 * 1024
    outcome, seconds, peak = _guarded(lambda: case_json_from_pdf(bomb))
    assert isinstance(outcome, CaseFileError) and outcome.key == "error.case.too_large"
    assert seconds < SECONDS and peak < MEGABYTES


def test_the_first_case_json_of_a_pdf_is_read() -> None:
    assert case_json_from_pdf(pdf_with_attachment(b'{"facts": {}}')) == b'{"facts": {}}'


@pytest.mark.parametrize("raw", [b"%PDF-1.7\n garbage", b"%PDF-", b"%PDF-1.4\n1 0 obj << /Root 2 0 R >> endobj"])
def test_a_damaged_pdf_gets_the_damaged_file_message(raw: bytes) -> None:
    with pytest.raises(CaseFileError) as info:
        case_json_from_pdf(raw)
    assert info.value.key in ("error.case.malformed", "error.case.no_case_in_pdf")


def test_summary_to_a_missing_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = tmp_path / "f.yaml"
    facts.write_text("facts: {role: victim}\n")
    assert main(["summary", "--facts", str(facts), "--output", str(tmp_path / "no" / "such" / "out.pdf")]) == 2
    assert "folder" in capsys.readouterr().err


@settings(max_examples=150 * FUZZ, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_give_facts_or_a_clear_message(raw: bytes) -> None:
    from pathways.outputs.case_input import decode

    try:
        parse_case_text(decode(raw))
    except CaseInputError as exc:
        assert str(exc)


@settings(max_examples=150 * FUZZ, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_including_surrogates_gives_facts_or_a_clear_message(text: str) -> None:
    try:
        parse_case_text(text)
    except CaseInputError as exc:
        assert str(exc)


@settings(max_examples=100 * FUZZ, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_as_a_case_file_give_a_case_or_a_clear_message(content: Content, raw: bytes) -> None:
    for data in (raw, b"%PDF-1.7\n" + raw):  # as an uploaded case file, and as a damaged PDF
        try:
            load_case(content, data)
        except CaseFileError as exc:
            assert exc.key in content.ui


@settings(max_examples=60 * FUZZ, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
        max_leaves=30,
    )
)
def test_any_json_as_a_case_file_gives_a_case_or_a_clear_message(content: Content, value: object) -> None:
    wrapped = {"format": "remedy-pathways-case", "schema_version": 1, "answers": value}
    for data in (value, wrapped):
        try:
            load_case(content, json.dumps(data).encode())
        except CaseFileError as exc:
            assert exc.key in content.ui


@settings(max_examples=60 * FUZZ, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_any_date_in_the_calendar_gives_advice_or_a_clear_message(content: Content, day: dt.date) -> None:
    """Dates across the whole calendar: deadlines counted from year 1 or 9999 never crash."""
    facts = {"role": "victim", "harm_country": "belgium", "relationship": "employee", "harm_types": ["labour_rights"]}
    facts |= {"harm_date": day.isoformat(), "knowledge_date": day.isoformat(), "employment_ended": True}
    facts |= {"employment_end_date": day.isoformat()}
    try:
        checked = check_facts(content, facts)
    except FactError as exc:
        assert exc.key in content.ui
        return
    assert recommend(content, checked, "en", dt.date(2026, 11, 29)).recommendations
