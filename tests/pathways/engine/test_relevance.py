"""A date is asked only when it can date a time limit the advice shows (or decide a fact an
entry reads that is not known yet): the real catalogue, on pairs of cases that differ in the
one fact that decides it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pathways.checks.loader import load_content
from pathways.content.store import Content
from pathways.engine.interview import asks


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


ABROAD_CLAIM: dict[str, Any] = {
    "role": "victim",
    "harm_country": "non_eu",
    "lives_in": "belgium",
    "be_region": "wallonia",
    "company_link": "belgian_company",
    "public_body_involved": False,
    "relationship": "community_member",
    "goals": ["compensation"],
    "urgency": "past",
}

FORMER_EMPLOYEE: dict[str, Any] = {
    "role": "victim",
    "harm_country": "belgium",
    "be_region": "wallonia",
    "company_link": "belgian_company",
    "public_body_involved": False,
    "relationship": "employee",
    "employment_ended": True,
    "goals": ["compensation"],
}


def test_knowledge_date_is_not_asked_where_no_limit_runs_from_it(content: Content) -> None:
    q = content.question("knowledge_date")
    # the civil claim's five years run from knowledge, except for war crimes (no limit at all)
    assert asks(content, q, {**ABROAD_CLAIM, "harm_types": ["environment"]})
    assert not asks(content, q, {**ABROAD_CLAIM, "harm_types": ["international_crimes"]})


def test_contract_end_date_is_not_asked_for_an_occupational_disease_alone(content: Content) -> None:
    q = content.question("employment_end_date")
    # a year after the contract ended is the limit for claims under the contract, not for
    # damage from a disease or accident (the employer is immune; Fedris and the insurer pay)
    assert asks(content, q, {**FORMER_EMPLOYEE, "harm_types": ["labour_rights"]})
    assert not asks(content, q, {**FORMER_EMPLOYEE, "harm_types": ["occupational_disease", "health_safety"]})


def test_knowledge_date_is_not_asked_while_the_limit_counted_from_the_harm_is_ahead(content: Content) -> None:
    q = content.question("knowledge_date")
    today = dt.date(2026, 11, 29)
    recent = {**ABROAD_CLAIM, "harm_types": ["environment"], "harm_date": "2025-06-01"}
    old = {**ABROAD_CLAIM, "harm_types": ["environment"], "harm_date": "2020-06-01"}
    # five years from a harm in 2025 is still ahead: acting by that day is in time, and a later
    # knowledge date could only move it further away; for a harm in 2020 it could reopen the claim
    assert not asks(content, q, recent, today)
    assert asks(content, q, old, today)
