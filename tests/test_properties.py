"""Property tests over the real content: any facts, any answers, the engine holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways import LANGS
from pathways.checks.loader import load_content
from pathways.content.conditions import evaluate, truth
from pathways.content.countries import country_codes
from pathways.engine.facts import known_postcodes
from pathways.engine.interview import InterviewState, answer, current_question, start
from pathways.engine.recommend import recommend, to_json

CONTENT = load_content()


def _fact_value(fact) -> st.SearchStrategy[Any]:
    if fact.type == "choice":
        return st.sampled_from(fact.value_ids())
    if fact.type == "multi":
        return st.lists(st.sampled_from(fact.value_ids()), unique=True)
    if fact.type == "bool":
        return st.booleans()
    if fact.type == "country":
        return st.sampled_from(sorted(country_codes()))
    if fact.type == "postcode":
        return st.sampled_from(sorted(known_postcodes()))
    return st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(lambda d: d.isoformat())


FACTS = st.fixed_dictionaries({}, optional={f.id: _fact_value(f) for f in CONTENT.facts.values()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=FACTS, lang=st.sampled_from(LANGS))
def test_recommend_never_raises_and_always_explains(facts: dict[str, Any], lang: str) -> None:
    result = recommend(CONTENT, facts, lang)
    # every entry is judged once: listed, listed through the office standing in for it or the
    # route it gives, or not suggested
    judged = [i for r in result.recommendations for i in r.names] + [e.id for e in result.excluded]
    assert sorted(judged) == sorted([*CONTENT.routes, *CONTENT.bodies])
    for rec in result.recommendations:
        assert rec.why and all(w.strip() for w in rec.why)
    for exc in result.excluded:
        assert exc.why_not and all(w.strip() for w in exc.why_not)
    data = to_json(CONTENT, result, lang)
    assert [r["id"] for r in data["recommendations"]] == [r.id for r in result.recommendations]


def _answer_for(q, draw) -> Any:
    choices: list[Any]
    if q.kind == "single":
        choices = [o.id for o in q.options]
    elif q.kind == "multi":
        return draw(
            st.one_of(
                st.lists(st.sampled_from([o.id for o in q.options]), unique=True),
                st.none() if q.unknown else st.nothing(),
            )
        )
    elif q.kind == "yesno":
        choices = [True, False]
    elif q.kind == "country":
        choices = [draw(st.sampled_from(sorted(country_codes())))]
    elif q.kind == "postcode":
        choices = [draw(st.sampled_from(sorted(known_postcodes())))]
    else:
        choices = [
            draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date.today()).map(lambda d: d.isoformat()))
        ]
    if q.unknown:
        choices.append(None)
    return draw(st.sampled_from(choices))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_answer_sequence_ends_at_the_results(data: st.DataObject) -> None:
    state = start(InterviewState(), CONTENT)
    asked: list[str] = []
    for _ in range(len(CONTENT.questions) + 1):
        q = current_question(CONTENT, state)
        if q is None:
            break
        assert q.id not in asked, "a question came back: the graph has a loop"
        asked.append(q.id)
        state = answer(CONTENT, state, q.id, _answer_for(q, data.draw))
    assert state.stage == "review"
    assert len(asked) <= len(CONTENT.questions)
    # every question asked could change the advice at the moment it was asked (the engine's rule)


def _all_conditions() -> list[Any]:
    conds: list[Any] = []
    for _, entry in CONTENT.entries():
        conds += [entry.eligible, entry.suited] + ([entry.lead] if entry.lead is not None else [])
    for route in CONTENT.routes.values():
        conds += [lim.applies_if for lim in (route.deadline.limits if route.deadline else []) if lim.applies_if]
    conds += [q.ask_if for q in CONTENT.questions if q.ask_if is not None]
    conds += [rule.when for rule in CONTENT.ranking.rules if rule.when is not None]
    return conds


CONDITIONS = _all_conditions()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=FACTS)
def test_truth_without_the_trace_is_the_value_of_the_traced_evaluation(facts: dict[str, Any]) -> None:
    """The relevance check and the interview use `truth`; what is shown uses `evaluate`."""
    for cond in CONDITIONS:
        assert truth(cond, facts) is evaluate(cond, facts).value
