"""Untrusted facts files: every wrong name or value gets a message that says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathways.content.store import Content
from pathways.outputs.case_input import CaseInputError, parse_case_text, read_facts_file, validate_facts


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"harm_place": "belgium"}, "unknown fact 'harm_place'"),
        ({"harm_country": "mars"}, "fact 'harm_country' cannot be 'mars'; use one of: belgium, eu, non_eu"),
        ({"harm_types": "privacy"}, "fact 'harm_types' must be a list of"),
        ({"public_body_involved": "yes"}, "fact 'public_body_involved' must be true or false"),
        ({"harm_date": "yesterday"}, "fact 'harm_date' must be a date written YYYY-MM-DD"),
    ],
)
def test_bad_facts_are_named(content: Content, facts: dict, message: str) -> None:
    with pytest.raises(CaseInputError, match=message.replace("(", r"\(")):
        validate_facts(content, facts)


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
