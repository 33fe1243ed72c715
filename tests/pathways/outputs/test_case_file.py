"""Saved-case files: round trip, and hostile or outdated files never break the interview."""

from __future__ import annotations

import json

import pytest

from pathways.content.store import Content
from pathways.engine.interview import InterviewState, answer, start, walk
from pathways.outputs.case_file import MAX_BYTES, CaseFileError, case_data, dump_case, load_case

ANSWERS = [("role", "victim"), ("harm_country", "belgium"), ("be_region", "brussels")]


def _state(content: Content) -> InterviewState:
    state = start(InterviewState(lang="fr"), content)
    for qid, value in ANSWERS:
        state = answer(content, state, qid, value)
    return state.model_copy(update={"notes": "Note: ☎ مرحبا 👩‍⚖️"})


def test_round_trip_keeps_answers_language_and_position(content: Content) -> None:
    state = _state(content)
    restored, dropped = load_case(content, dump_case(content, state))
    assert dropped == []
    assert restored.answers == state.answers and restored.lang == "fr"
    assert restored.cursor == walk(content, state.answers).first_unanswered
    assert restored.notes == ""  # notes are personal data: only saved when asked


def test_notes_only_when_chosen(content: Content) -> None:
    state = _state(content)
    assert "notes" not in case_data(content, state)
    restored, _ = load_case(content, dump_case(content, state, include_notes=True))
    assert restored.notes == state.notes


def test_choices_made_when_saving_stay_chosen_after_resuming(content: Content) -> None:
    # Otherwise the next save silently drops the notes or the sensitive answers the user chose to keep.
    state = _state(content)
    restored, _ = load_case(content, dump_case(content, state, include_notes=True, include_sensitive=True))
    assert restored.notes_in_pdf and restored.sensitive_in_files
    restored, _ = load_case(content, dump_case(content, state))
    assert not restored.notes_in_pdf and not restored.sensitive_in_files


def test_a_case_opens_in_its_files_language_unless_one_is_asked_for(content: Content) -> None:
    raw = dump_case(content, _state(content))  # saved in French
    assert load_case(content, raw)[0].lang == "fr"
    assert load_case(content, raw, lang="nl")[0].lang == "nl"


def test_a_count_of_one_reads_in_the_singular(content: Content) -> None:
    assert content.text("resume.done_dropped", "nl", n=1).startswith("Het dossier is geopend. Eén antwoord past")
    assert "3 answers no longer fit" in content.text("resume.done_dropped", "en", n=3)


def test_case_file_has_versions_and_facts(content: Content) -> None:
    data = case_data(content, _state(content))
    assert data["schema_version"] == 1 and data["content_version"] == content.version
    assert data["facts"]["be_region"] == "brussels"


def test_unknown_questions_and_values_are_dropped_and_reported(content: Content) -> None:
    data = case_data(content, _state(content))
    data["answers"]["favourite_colour"] = "blue"
    data["answers"]["lives_in"] = "atlantis"
    restored, dropped = load_case(content, json.dumps(data).encode())
    assert set(dropped) == {"favourite_colour", "lives_in"}
    # the region question still applies (the harm was in Belgium), so its answer is kept
    assert restored.answers == {"role": "victim", "harm_country": "belgium", "be_region": "brussels"}


def test_answer_made_irrelevant_by_a_dropped_one_is_dropped_too(content: Content) -> None:
    data = case_data(content, _state(content))
    data["answers"]["harm_country"] = "non_eu"  # hand-edited: neither harm nor home in Belgium now
    data["answers"]["lives_in"] = "non_eu"  # an answer to a question this version no longer asks
    restored, dropped = load_case(content, json.dumps(data).encode())
    assert dropped == ["lives_in", "be_region"]
    assert "be_region" not in restored.answers


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (b"{not json", "error.case.malformed"),
        (b'{"format": "remedy-pathways-case", "schema_version": 1, "answers": {"role": "vic', "error.case.malformed"),
        (b"\xff\xfe\x00garbage", "error.case.encoding"),  # a UTF-16 byte-order mark: named, not "damaged"
        (b'["a list"]', "error.case.not_case_file"),
        (b'{"format": "something-else"}', "error.case.not_case_file"),
        (b'{"format": "remedy-pathways-case", "schema_version": 99, "answers": {}}', "error.case.newer_schema"),
        (b'{"format": "remedy-pathways-case", "schema_version": "1", "answers": {}}', "error.case.malformed"),
        (b'{"format": "remedy-pathways-case", "schema_version": 1, "answers": []}', "error.case.malformed"),
        (b"[" * 100_000, "error.case.malformed"),
        (b"%PDF-1.7\n garbage", "error.case.malformed"),
        (b" " * (MAX_BYTES + 1), "error.case.too_large"),
    ],
)
def test_bad_files_raise_a_message_key(content: Content, raw: bytes, key: str) -> None:
    with pytest.raises(CaseFileError) as info:
        load_case(content, raw)
    assert info.value.key == key
    assert key in content.ui


def test_sensitive_answers_stay_out_of_the_file_unless_chosen(content: Content) -> None:
    """The residence question promises its answer is kept nowhere: the saved file keeps that promise."""
    state = start(InterviewState(), content)
    for qid, value in [("role", "victim"), ("harm_country", "belgium"), ("be_region", "brussels")]:
        state = answer(content, state, qid, value)
    state = state.model_copy(update={"answers": {**state.answers, "residence_status": "undocumented"}})
    default = json.loads(dump_case(content, state))
    assert "residence_status" not in default["answers"] and "residence_status" not in default["facts"]
    assert "undocumented" not in json.dumps(default)
    chosen = json.loads(dump_case(content, state.model_copy(update={"sensitive_in_files": True})))
    assert chosen["answers"]["residence_status"] == "undocumented" and chosen["sensitive_included"] is True


def test_the_app_reader_and_the_command_line_agree_on_encodings_and_duplicates(content: Content, tmp_path) -> None:
    """One file, one answer: the uploader (load_case) and `recommend --facts` (read_facts_file)."""
    from pathways.outputs.case_input import CaseInputError, read_facts_file

    saved = dump_case(content, _state(content))
    bom = b"\xef\xbb\xbf" + saved
    assert load_case(content, bom)[0].answers == _state(content).answers  # a BOM is fine on both sides
    (tmp_path / "bom.json").write_bytes(bom)
    assert read_facts_file(content, tmp_path / "bom.json")["be_region"] == "brussels"

    doubled = saved.replace(b'"answers": {', b'"answers": {}, "answers": {', 1)
    with pytest.raises(CaseFileError) as app_side:
        load_case(content, doubled)
    assert app_side.value.key == "error.case.duplicate_key" and app_side.value.shown_detail() == "answers"
    (tmp_path / "doubled.json").write_bytes(doubled)
    with pytest.raises(CaseInputError, match="'answers' appears twice"):
        read_facts_file(content, tmp_path / "doubled.json")

    utf16 = saved.decode("utf-8").encode("utf-16")
    with pytest.raises(CaseFileError) as app_side:
        load_case(content, utf16)
    assert app_side.value.key == "error.case.encoding" and app_side.value.detail == "UTF-16"
    (tmp_path / "utf16.json").write_bytes(utf16)
    with pytest.raises(CaseInputError, match="UTF-16"):
        read_facts_file(content, tmp_path / "utf16.json")


def test_a_detail_from_the_file_is_shown_only_as_plain_letters() -> None:
    exc = CaseFileError("error.case.duplicate_key", "[click](https://evil.example) **x**")
    assert not set("[]()*:/ ") & set(exc.shown_detail())
    assert exc.shown_detail().startswith("?click")
