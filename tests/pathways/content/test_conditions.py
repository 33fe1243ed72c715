"""Three-valued evaluation and the trace behind "why", "why not" and caveats."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from pathways.content.conditions import AllOf, Always, AnyOf, Condition, Not, Predicate, evaluate, predicates, truth

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


def test_truth_gives_the_same_three_values_without_the_trace() -> None:
    all_c = parse({"all": [{"fact": "income", "equals": "low"}, {"fact": "harm_country", "equals": "belgium"}]})
    any_c = parse({"any": [{"fact": "income", "equals": "low"}, {"fact": "harm_country", "equals": "belgium"}]})
    not_c = parse({"not": {"fact": "income", "equals": "low", "if_unknown": "false"}})
    for facts in ({}, {"harm_country": "eu"}, {"harm_country": "belgium"}, {"income": "low", "harm_country": "eu"}):
        for cond in (all_c, any_c, not_c):
            assert truth(cond, facts) is evaluate(cond, facts).value
    assert truth(all_c, {"harm_country": "eu"}) is False  # false beats unknown
    assert truth(any_c, {"harm_country": "eu"}) is None  # nothing true, one unknown
    assert truth(not_c, {}) is True  # unknown read as false, then negated


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


def test_a_negated_conjunction_that_holds_is_one_reason_not_several() -> None:
    cond = parse(
        {"not": {"all": [{"fact": "harm_country", "equals": "eu"}, {"fact": "lives_in", "equals": "belgium"}]}}
    )
    out = evaluate(cond, {"harm_country": "eu", "lives_in": "belgium"})
    assert out.value is False
    assert [f.fact for f in out.against] == ["harm_country", "lives_in"]
    assert len({f.group for f in out.against}) == 1 and out.against[0].group != 0
    # one failing part: the other part is the whole reason, and stands alone
    single = parse({"not": {"all": [{"fact": "harm_country", "equals": "eu"}]}})
    assert evaluate(single, {"harm_country": "eu"}).against[0].group == 0
    # a negated disjunction: each part that holds excludes on its own
    either = parse(
        {"not": {"any": [{"fact": "harm_country", "equals": "eu"}, {"fact": "lives_in", "equals": "belgium"}]}}
    )
    assert {f.group for f in evaluate(either, {"harm_country": "eu", "lives_in": "belgium"}).against} == {0}


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


def test_a_fact_answered_with_none_is_unknown_like_an_absent_one() -> None:
    """A fact present with no value (an answer taken back) must not be tested as a value:
    `None == "low"` is false, and the route would be dropped instead of kept with a caveat."""
    out = evaluate(parse({"fact": "income", "equals": "low"}), {"income": None})
    assert out.value is None
    assert [f.fact for f in out.unknown] == ["income"]


@pytest.mark.parametrize(
    ("op", "harm_date", "expected"),
    [
        ("before", "2024-12-31", True),
        ("before", "2025-01-01", False),  # the day itself is not before it
        ("before", "2025-01-02", False),
        ("on_or_after", "2024-12-31", False),
        ("on_or_after", "2025-01-01", True),  # the day itself counts
        ("on_or_after", "2025-01-02", True),
    ],
)
def test_date_operators_on_the_day_and_either_side(op: str, harm_date: str, expected: bool) -> None:
    """Dates decide which law applies (a law in force from a day on): the boundary day is
    `on_or_after`, never `before`, and each operator is false on the wrong side."""
    assert evaluate(parse({"fact": "harm_date", op: "2025-01-01"}), {"harm_date": harm_date}).value is expected


def test_findings_name_the_operator_and_keep_it_under_not() -> None:
    """The explanations phrase a finding by its operator ("known", dates): a negated finding
    must keep the predicate's operator and expected values, only marked as negated."""
    out = evaluate(parse({"not": {"fact": "harm_date", "before": "2025-01-01"}}), {"harm_date": "2024-06-01"})
    assert out.value is False
    (f,) = out.against
    assert (f.fact, f.op, f.expected) == ("harm_date", "before", ("2025-01-01",))
    assert (f.actual, f.negated) == ("2024-06-01", True)
    plain = evaluate(parse({"fact": "harm_date", "known": True}), {"harm_date": "2024-06-01"})
    assert [(f.op, f.expected) for f in plain.support] == [("known", (True,))]


def test_any_true_gives_the_alternatives_that_fit_as_support() -> None:
    """An `any` that holds says why: the predicates of the alternatives that are true (not the
    false or unknown ones), which become the "why" a person reads."""
    cond = parse(
        {
            "any": [
                {"fact": "harm_country", "equals": "belgium"},
                {"fact": "lives_in", "equals": "belgium"},
                {"fact": "income", "equals": "low"},
            ]
        }
    )
    out = evaluate(cond, {"harm_country": "belgium", "lives_in": "non_eu"})
    assert out.value is True
    assert [f.fact for f in out.support] == ["harm_country"]
    assert out.against == () and out.unknown == ()


def test_any_unknown_keeps_what_is_known_to_fit_and_what_is_still_unknown() -> None:
    """An `any` that may hold keeps the trace of its undecided alternatives: what already fits
    (the "why") and what is still unknown (the caveats), but not the alternatives ruled out."""
    cond = parse(
        {
            "any": [
                {"all": [{"fact": "harm_country", "equals": "belgium"}, {"fact": "income", "equals": "low"}]},
                {"fact": "lives_in", "equals": "belgium"},
            ]
        }
    )
    out = evaluate(cond, {"harm_country": "belgium", "lives_in": "non_eu"})
    assert out.value is None
    assert [f.fact for f in out.support] == ["harm_country"]
    assert [f.fact for f in out.unknown] == ["income"]
    assert out.against == ()


@pytest.mark.parametrize(
    "node",
    [
        Predicate(fact="income", equals="low"),
        AllOf(all=[Predicate(fact="income", equals="low")]),
        AnyOf(any=[Predicate(fact="income", equals="low")]),
        Not(not_=Predicate(fact="income", equals="high")),
        Always(always=True),
    ],
    ids=["fact", "all", "any", "not", "always"],
)
def test_conditions_built_in_code_are_accepted_as_they_are(node: Condition) -> None:
    """Conditions are not only read from YAML: code and tests build them as objects (a route's
    default `suited` is `Always`). Each kind of node must be recognised and kept as it is."""
    assert parse(node) is node
    assert parse({"all": [node]}).all == [node]
    assert evaluate(parse(node), {"income": "low"}).value is True


@pytest.mark.parametrize(
    "cond",
    [
        {"fact": "harm_date", "known": True},
        {"fact": "income", "equals": "low", "if_unknown": "false"},
        {"all": [{"fact": "income", "equals": "low", "if_unknown": "false"}]},
        {"any": [{"fact": "income", "equals": "low", "if_unknown": "false"}]},
        {"not": {"fact": "income", "equals": "low", "if_unknown": "true"}},
    ],
    ids=["known", "if_unknown", "all", "any", "not"],
)
def test_open_world_leaves_absent_facts_unknown_at_every_depth(cond: dict) -> None:
    """The catalogue's place filter asks whether an entry could fit whatever the other answers:
    an absent fact must stay unknown inside `all`, `any` and `not` too, never read through
    `if_unknown` or `known`, or an entry is dropped for a question nobody was asked."""
    assert evaluate(parse(cond), {}).value is False
    assert evaluate(parse(cond), {}, open_world=True).value is None
