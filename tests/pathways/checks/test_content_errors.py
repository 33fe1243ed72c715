"""One deliberately broken content file per kind of error, each asserting its message.

Every error must name the file and the line and say what to do, so a content
maintainer can fix it without reading Python.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pathways.checks.graph import check_paths
from pathways.checks.loader import load_content_from
from pathways.cli import main
from pathways.content.store import ContentInvalid

BROKEN = Path(__file__).parents[2] / "fixtures" / "broken"

# (fixture, where it goes in the content folder, expected message part, expected line)
CASES = [
    ("duplicate_key.yaml", "routes/test_route.yaml", "duplicate key 'title' (first on line 2)", 5),
    ("unknown_field.yaml", "routes/test_route.yaml", "titel: unknown field; remove it or correct the spelling", 5),
    ("missing_translation.yaml", "routes/test_route.yaml", "title.de: the de text is missing; add a translation", 2),
    ("blank_translation.yaml", "routes/test_route.yaml", "title.en: Value error, must not be empty", 2),
    ("unknown_fact.yaml", "routes/test_route.yaml", "condition reads unknown fact 'harm_place'", 9),
    ("unknown_value.yaml", "routes/test_route.yaml", "'belgie' is not a value of fact 'harm_country'; use one of", 9),
    (
        "wrong_operator.yaml",
        "routes/test_route.yaml",
        "'contains' cannot test choice fact 'harm_country'; use equals, in, known",
        9,
    ),
    ("no_operator.yaml", "routes/test_route.yaml", "give exactly one of equals, in, contains", 9),
    ("two_operators.yaml", "routes/test_route.yaml", "give exactly one of equals, in, contains", 9),
    (
        "unknown_condition_key.yaml",
        "routes/test_route.yaml",
        "a condition needs one of the keys all, any, not, always or fact",
        9,
    ),
    ("unknown_interaction.yaml", "routes/test_route.yaml", "interaction names unknown route 'no_such_route'", 33),
    (
        "unknown_stand_in.yaml",
        "routes/test_route.yaml",
        "ranking.stands_in_for names 'no_such_route', which is not a route",
        40,
    ),
    (
        "unknown_obstacle.yaml",
        "routes/test_route.yaml",
        "obstacle 'no_such_obstacle' does not exist; add it to obstacles.yaml",
        31,
    ),
    (
        "unknown_glossary.yaml",
        "routes/test_route.yaml",
        "glossary term 'no_such_term' does not exist; add it to glossary.yaml",
        32,
    ),
    ("bad_date.yaml", "routes/test_route.yaml", "last_reviewed: not a date; write it as YYYY-MM-DD", 39),
    ("bad_url.yaml", "routes/test_route.yaml", "contacts.0.website: not a valid web address", 30),
    ("bad_enum.yaml", "routes/test_route.yaml", "kind: Input should be 'support', 'non_judicial'", 1),
    ("missing_legal_basis.yaml", "routes/test_route.yaml", "legal_basis: required field is missing; add it", 1),
    ("empty_sources.yaml", "routes/test_route.yaml", "sources: List should have at least 1 item", 35),
    ("syntax_error.yaml", "routes/test_route.yaml", "fix the YAML syntax", 5),
    ("python_tag.yaml", "routes/test_route.yaml", "could not determine a constructor for the tag", 4),
    (
        "bool_compared_with_text.yaml",
        "routes/test_route.yaml",
        "fact 'public_body_involved' is yes/no; compare it with true or false",
        9,
    ),
    ("reversed_validity.yaml", "routes/test_route.yaml", "valid_to is before valid_from", 1),
    (
        "route_minimal_copy",
        "routes/Bad-Name.yaml",
        "file name must be lower-case letters, digits and _ (it is the id)",
        None,
    ),
    ("route_minimal_copy", "bodies/test_route.yaml", "id 'test_route' is used twice; rename one file", None),
    (
        "questions_later_fact.yaml",
        "questions.yaml",
        "question 'harm_country' depends on fact 'urgency', which no earlier question sets",
        12,
    ),
    ("questions_bad_option.yaml", "questions.yaml", "'mars' is not a value of fact 'harm_country'", 14),
    ("questions_duplicate_id.yaml", "questions.yaml", "id 'role' is used twice; ids must be unique", 9),
    ("ui_duplicate_key.yaml", "ui/extra.yaml", "UI string 'trace.or' is also defined in another ui file; keep one", 2),
]


def _place(data_dir: Path, fixture: str, dest: str) -> Path:
    source = (
        Path(__file__).parents[2] / "fixtures" / "valid" / "route_minimal.yaml"
        if fixture == "route_minimal_copy"
        else BROKEN / fixture
    )
    target = data_dir / dest
    shutil.copy(source, target)
    return target


@pytest.mark.parametrize(("fixture", "dest", "message", "line"), CASES, ids=[c[0] + "->" + c[1] for c in CASES])
def test_broken_content_is_reported_with_file_and_line(
    data_dir: Path, fixture: str, dest: str, message: str, line: int | None
) -> None:
    target = _place(data_dir, fixture, dest)
    with pytest.raises(ContentInvalid) as info:
        load_content_from(data_dir)
    matching = [e for e in info.value.errors if message in e.message]
    assert matching, f"expected {message!r} in {[str(e) for e in info.value.errors]}"
    err = matching[0]
    assert Path(err.path) == target
    assert err.line == line
    expected_prefix = f"{target}:{line}: " if line else f"{target}: "
    assert str(err).startswith(expected_prefix)


def test_minimal_content_is_valid(data_dir: Path) -> None:
    content = load_content_from(data_dir)
    assert set(content.routes) == {"test_route"}
    assert set(content.bodies) == {"test_body"}


def test_every_error_is_reported_not_only_the_first(data_dir: Path) -> None:
    shutil.copy(BROKEN / "unknown_field.yaml", data_dir / "routes" / "a.yaml")
    shutil.copy(BROKEN / "bad_date.yaml", data_dir / "routes" / "b.yaml")
    with pytest.raises(ContentInvalid) as info:
        load_content_from(data_dir)
    paths = {Path(e.path).name for e in info.value.errors}
    assert {"a.yaml", "b.yaml"} <= paths


def test_check_command_exits_non_zero_naming_file_and_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _place(data_dir, "unknown_value.yaml", "routes/test_route.yaml")
    with pytest.raises(SystemExit) as info:
        main(["--data", str(data_dir), "check"])
    assert info.value.code == 1
    err = capsys.readouterr().err
    assert f"{target}:9: " in err
    assert "1 error(s) in content" in err


def test_missing_required_file_is_named(data_dir: Path) -> None:
    (data_dir / "facts.yaml").unlink()
    with pytest.raises(ContentInvalid) as info:
        load_content_from(data_dir)
    assert any("facts.yaml" in e.path and "file is missing" in e.message for e in info.value.errors)


def test_non_utf8_file_is_named(data_dir: Path) -> None:
    (data_dir / "routes" / "latin.yaml").write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(ContentInvalid) as info:
        load_content_from(data_dir)
    assert any(e.path.endswith("latin.yaml") and "not UTF-8" in e.message for e in info.value.errors)


def test_a_question_whose_answers_change_nothing_is_reported_by_check(data_dir: Path) -> None:
    """Whether a question is ever met is measured by running interviews (`check`), not at load.

    In this two-question catalogue no entry reads the role, so no answer to it can change the
    advice: the engine never asks it, and `check` says so.
    """
    _place(data_dir, "questions_never_asked.yaml", "questions.yaml")
    errors, figures = check_paths(load_content_from(data_dir), [])
    assert [e.message for e in errors] == [
        "question 'role' is never asked: no answers make it both allowed and able to change the advice"
    ]
    assert figures["sampled_longest_path"] == 1


def test_two_routes_that_contradict_each_other_are_reported(tmp_path: Path) -> None:
    """The criminal case suspends the civil claim; the civil claim may not say "at the same time"."""
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[3] / "data", data)
    claim = data / "routes" / "civil_liability_claim.yaml"
    text = claim.read_text(encoding="utf-8")
    said = "  - route: civil_party_investigating_judge\n    relation: suspended_by\n"
    assert said in text
    claim.write_text(text.replace(said, said.replace("suspended_by", "parallel")), encoding="utf-8")
    with pytest.raises(ContentInvalid) as exc:
        load_content_from(data)
    found = [e for e in exc.value.errors if "civil_party_investigating_judge.yaml" in str(e)]
    assert found and "'suspends'" in str(found[0]) and "'parallel'" in str(found[0])


def test_not_before_must_join_two_date_facts() -> None:
    import dataclasses

    from pathways.checks.crossrefs import check_vocabulary
    from pathways.checks.loader import load_content

    content = load_content()
    wrong = content.facts["knowledge_date"].model_copy(update={"not_before": "role"})
    broken = dataclasses.replace(content, facts={**content.facts, "knowledge_date": wrong})
    messages = [e.message for e in check_vocabulary(broken)]
    assert any("'knowledge_date': not_before must join two date facts" in m for m in messages)
    assert not any("not_before" in e.message for e in check_vocabulary(content))
