"""Untrusted facts files: every wrong name or value gets a message that says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathways.content.store import Content
from pathways.outputs.case_input import CaseInputError, parse_case_text, read_facts_file, validate_facts


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"harm_place": "belgium"}, "Unknown fact 'harm_place'"),
        ({"harm_country": "mars"}, "Fact harm_country cannot be 'mars'; use one of: belgium, eu, non_eu"),
        ({"harm_types": ["privacy", "mars"]}, "Fact harm_types must be a list of"),
        ({"public_body_involved": "yes"}, "Fact public_body_involved must be true or false"),
        ({"harm_date": "yesterday"}, "Fact harm_date must be a date written YYYY-MM-DD"),
        ({"harm_date": "9980-01-01"}, "Fact harm_date is outside the possible range"),
        ({"country": "XX"}, "Fact country must be a two-letter country code"),
        ({"postcode": "0000"}, "Fact postcode must be an existing four-digit Belgian postcode"),
    ],
)
def test_bad_facts_are_named(content: Content, facts: dict, message: str) -> None:
    with pytest.raises(CaseInputError, match=message.replace("(", r"\(")):
        validate_facts(content, facts)


def test_the_message_is_in_the_chosen_language(content: Content) -> None:
    with pytest.raises(CaseInputError, match="Le fait harm_country ne peut pas valoir 'mars'"):
        validate_facts(content, {"harm_country": "mars"}, "fr")


def test_a_single_value_for_a_list_fact_is_accepted(content: Content) -> None:
    """The contract: a headscarf refusal is ground [religion, gender]; one value is still accepted."""
    facts = validate_facts(content, {"discrimination_ground": "religion", "country": "bd", "postcode": 9000})
    assert facts == {"discrimination_ground": ["religion"], "country": "BD", "postcode": "9000"}


def test_null_means_unknown_and_lists_are_deduplicated(content: Content) -> None:
    facts = validate_facts(
        content, {"income": None, "goals": ["information", "information"], "harm_date": "2026-01-05"}
    )
    assert facts == {"goals": ["information"], "harm_date": "2026-01-05"}


def test_yaml_and_json_files(tmp_path: Path, content: Content) -> None:
    (tmp_path / "a.yaml").write_text("facts:\n  role: victim\n  harm_date: 2026-07-14\n")
    (tmp_path / "b.json").write_text('{"facts": {"role": "adviser"}}')
    assert read_facts_file(content, tmp_path / "a.yaml") == {"role": "victim", "harm_date": "2026-07-14"}
    assert read_facts_file(content, tmp_path / "b.json") == {"role": "adviser"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "expected a mapping"),
        ("facts: [unclosed", "fix the YAML syntax"),
        ("a: 1\na: 2\n", "duplicate key"),
        ("x: !!python/object/apply:os.system [ls]", "constructor"),
    ],
)
def test_hostile_or_broken_text(text: str, message: str) -> None:
    with pytest.raises(CaseInputError, match=message):
        parse_case_text(text)


def test_oversized_input_is_refused() -> None:
    with pytest.raises(CaseInputError, match="larger than 2 MB"):
        parse_case_text("a" * (2 * 1024 * 1024 + 1))


def test_missing_facts_key(tmp_path: Path, content: Content) -> None:
    (tmp_path / "c.yaml").write_text("story: no facts here\n")
    with pytest.raises(CaseInputError, match="no 'facts' mapping"):
        read_facts_file(content, tmp_path / "c.yaml")
