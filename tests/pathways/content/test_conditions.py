"""Three-valued evaluation and the trace behind "why", "why not" and caveats."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from pathways.content.conditions import Condition, evaluate, predicates

parse = TypeAdapter(Condition).validate_python


def test_all_true_gives_support_for_each_predicate() -> None:
    cond = parse(
        {"all": [{"fact": "harm_country", "equals": "belgium"}, {"fact": "harm_types", "contains": "privacy"}]}
    )
    out = evaluate(cond, {"harm_country": "belgium", "harm_types": ["privacy", "other"]})
    assert out.value is True
    assert [f.fact for f in out.support] == ["harm_country", "harm_types"]
    assert out.against == () and out.unknown == ()


def test_all_false_reports_first_failing_predicate_only() -> None:
    cond = parse(
        {"all": [{"fact": "harm_country", "equals": "belgium"}, {"fact": "relationship", "equals": "consumer"}]}
    )
    out = evaluate(cond, {"harm_country": "non_eu", "relationship": "employee"})
    assert out.value is False
    assert [(f.fact, f.actual) for f in out.against] == [("harm_country", "non_eu")]


def test_unknown_fact_is_unknown_not_false() -> None:
    cond = parse(
        {"all": [{"fact": "harm_country", "equals": "belgium"}, {"fact": "relationship", "equals": "consumer"}]}
    )
    out = evaluate(cond, {"harm_country": "belgium"})
    assert out.value is None
    assert [f.fact for f in out.unknown] == ["relationship"]
    assert [f.fact for f in out.support] == ["harm_country"]


def test_false_beats_unknown_in_all_and_true_beats_unknown_in_any() -> None:
    all_c = parse({"all": [{"fact": "income", "equals": "low"}, {"fact": "harm_country", "equals": "belgium"}]})
    assert evaluate(all_c, {"harm_country": "eu"}).value is False
    any_c = parse({"any": [{"fact": "income", "equals": "low"}, {"fact": "harm_country", "equals": "belgium"}]})
    assert evaluate(any_c, {"harm_country": "belgium"}).value is True
    assert evaluate(any_c, {"harm_country": "eu"}).value is None


def test_any_false_lists_every_failed_alternative() -> None:
    cond = parse({"any": [{"fact": "harm_country", "equals": "belgium"}, {"fact": "lives_in", "equals": "belgium"}]})
    out = evaluate(cond, {"harm_country": "non_eu", "lives_in": "non_eu"})
    assert out.value is False
    assert {f.fact for f in out.against} == {"harm_country", "lives_in"}


def test_not_flips_value_and_marks_findings_negated() -> None:
    cond = parse({"not": {"fact": "company_link", "equals": "none"}})
    yes = evaluate(cond, {"company_link": "belgian_parent"})
    assert yes.value is True and yes.support[0].negated
    no = evaluate(cond, {"company_link": "none"})
    assert no.value is False and no.against[0].negated
    assert evaluate(cond, {}).value is None


@pytest.mark.parametrize(
    ("pred", "facts", "expected"),
    [
        ({"fact": "harm_country", "in": ["eu", "non_eu"]}, {"harm_country": "eu"}, True),
        ({"fact": "harm_types", "contains_any": ["privacy", "violence"]}, {"harm_types": ["violence"]}, True),
        ({"fact": "harm_types", "contains_any": ["privacy"]}, {"harm_types": []}, False),
        ({"fact": "harm_date", "known": True}, {}, False),
        ({"fact": "harm_date", "known": False}, {}, True),
        ({"fact": "harm_date", "known": True}, {"harm_date": "2025-01-01"}, True),
        ({"fact": "harm_date", "before": "2025-01-01"}, {"harm_date": "2024-12-31"}, True),
        ({"fact": "harm_date", "on_or_after": "2025-01-01"}, {"harm_date": "2024-12-31"}, False),
        ({"fact": "public_body_involved", "equals": True}, {"public_body_involved": False}, False),
        ({"fact": "income", "equals": "low", "if_unknown": "false"}, {}, False),
        ({"fact": "income", "equals": "low", "if_unknown": "true"}, {}, True),
    ],
)
def test_operators(pred: dict, facts: dict, expected: bool) -> None:
    assert evaluate(parse(pred), facts).value is expected


def test_always_and_empty_all_fit_everything() -> None:
    assert evaluate(parse({"always": True}), {}).value is True
    assert evaluate(parse({"all": []}), {}).value is True


@pytest.mark.parametrize(
    "bad", [{"fact": "x"}, {"fact": "x", "equals": "a", "in": ["b"]}, {"every": []}, {"any": []}, {"always": False}]
)
def test_malformed_conditions_are_rejected(bad: dict) -> None:
    with pytest.raises(ValidationError):
        parse(bad)


def test_predicates_lists_every_leaf() -> None:
    cond = parse(
        {
            "all": [
                {"fact": "a", "equals": "x"},
                {"any": [{"not": {"fact": "b", "equals": "y"}}, {"fact": "c", "known": True}]},
            ]
        }
    )
    assert [p.fact for p in predicates(cond)] == ["a", "b", "c"]
