"""Measuring graded cases: the counts, and the facts the interview would actually collect."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from pathways.content.store import Content
from pathways.engine.facts import check_facts
from pathways.engine.recommend import recommend
from pathways.outputs.graded import interview_facts, run, score_case, shown

WORKER = {
    "role": "victim",
    "harm_country": "belgium",
    "lives_in": "belgium",
    "be_region": "flanders",
    "relationship": "employee",
    "harm_types": ["labour_rights"],
    "goals": ["compensation"],
    "urgency": "past",
    "company_link": "belgian_company",
    "public_body_involved": False,
    "sector": "construction",
    "postcode": "9000",
}


def test_counts_essentials_in_the_first_five_and_wrong_entries(content: Content) -> None:
    ids = [r.id for r in recommend(content, check_facts(content, WORKER), "en").recommendations]
    case = {"facts": WORKER, "essential": [ids[0], ids[-1]], "relevant": [ids[1]], "wrong": [ids[2]]}
    score = score_case(content, "worker", case)
    assert (score.essentials, score.essentials_first, score.useful, score.length) == (2, 1, 3, len(ids))
    assert score.wrong == (ids[2],)
    assert score.missed == (ids[-1],)


def test_a_card_counts_for_every_entry_it_names(content: Content) -> None:
    """An office listed in its route's place names the route; a route reached through two
    offices names both: a graded id is judged where a card shows it, for better and worse."""
    brussels = {**WORKER, "be_region": "brussels", "postcode": "1000", "income": "low"}
    recs = recommend(content, check_facts(content, brussels), "en").recommendations
    card = next(r for r in recs if r.offices)
    assert recs.index(card) < 5
    office, other = card.offices[:2]
    case = {"facts": brussels, "essential": [office], "relevant": [], "wrong": [other]}
    score = score_case(content, "brussels", case)
    assert (score.essentials_first, score.missed, score.wrong) == (1, (), (other,))
    assert score.useful == 1  # the card names an essential entry

    ghent = {**WORKER, "income": "low"}
    recs = recommend(content, check_facts(content, ghent), "en").recommendations
    door = next(r for r in recs if r.stands_for)
    case = {"facts": ghent, "essential": [door.stands_for], "relevant": [], "wrong": []}
    assert score_case(content, "ghent", case).essentials_first == int(recs.index(door) < 5)
    assert score_case(content, "ghent", {**case, "essential": [], "wrong": [door.stands_for]}).wrong == (
        door.stands_for,
    )


def test_the_interview_leaves_what_it_does_not_ask_unknown(content: Content) -> None:
    got = interview_facts(content, check_facts(content, WORKER))
    assert got["relationship"] == "employee"
    # the sector is asked only for harm abroad with a Belgian company, or for a consumer
    assert "sector" not in got
    # the postcode is asked first for anyone in Belgium, whatever the income: it says the region
    # (and the district), so the region is not asked as well
    assert got["postcode"] == "9000" and "be_region" not in got
    no_postcode = {k: v for k, v in WORKER.items() if k != "postcode"}
    assert interview_facts(content, check_facts(content, no_postcode))["be_region"] == "flanders"


def test_the_country_is_asked_for_harm_abroad(content: Content) -> None:
    frontier = {
        **WORKER,
        "harm_country": "eu",
        "country": "DE",
        "company_link": "none",
        "be_region": "wallonia",
        "postcode": "4730",
    }
    got = interview_facts(content, check_facts(content, frontier))
    assert got["country"] == "DE"
    # the frontier-worker service, which depends on the country: on the unions' one card (the
    # person's union is not known, so the three make one card naming the others)
    first = [r.names for r in recommend(content, got, "en").recommendations[:5]]
    assert any("acv_csc" in names for names in first)


def test_a_garment_worker_who_does_not_know_the_buyer_is_asked_the_sector(content: Content) -> None:
    worker = {
        "role": "victim",
        "harm_country": "non_eu",
        "country": "BD",
        "lives_in": "non_eu",
        "relationship": "supply_chain_worker",
        "harm_types": ["health_safety", "labour_rights"],
        "sector": "garment_textile",
        "goals": ["stop_harm"],
        "urgency": "urgent",
    }
    case = {
        "facts": worker,
        "essential": ["international_accord", "schone_kleren_campagne"],
        "relevant": [],
        "wrong": [],
    }
    assert score_case(content, "garment", case, through_interview=True).essentials_first == 2


def test_run_through_the_interview_scores_the_interview_facts(content: Content, tmp_path: Path) -> None:
    case = {"facts": WORKER, "essential": ["labour_tribunal"], "relevant": [], "wrong": []}
    (tmp_path / "worker.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    scores, _ = run(content, tmp_path, through_interview=True)
    facts = interview_facts(content, check_facts(content, WORKER))
    expected = len(recommend(content, facts, "en").recommendations)
    assert [s.length for s in scores] == [expected]


def test_an_authority_s_decision_is_asked_its_area_of_life(content: Content) -> None:
    """A CPAS refusal goes to the labour tribunal, not the Council of State: the area decides."""
    refused = {
        "role": "victim",
        "harm_country": "belgium",
        "lives_in": "belgium",
        "be_region": "wallonia",
        "relationship": "service_user",
        "public_body_involved": True,
        "public_body_level": ["local"],
        "decision_type": "individual_decision",
        "harm_types": ["other"],
        "field": "social_protection",
        "goals": ["compensation"],
        "urgency": "urgent",
        "income": "low",
        "postcode": "4000",
    }
    got = interview_facts(content, check_facts(content, refused))
    assert got["field"] == "social_protection"
    ids = [r.id for r in recommend(content, got, "en").recommendations]
    assert ids[0] == "labour_tribunal" and "council_of_state" not in ids


def test_a_share_just_below_its_aim_is_not_shown_as_meeting_it() -> None:
    """3881 essentials of 4313 in the first five is 0.89984: printed beside an aim of 0.90 it must
    read 0.899, not 0.900; a share that meets the aim reads as it is."""
    assert shown(3881 / 4313) == "0.899"
    assert shown(0.9) == "0.900"
    assert shown(0.817, 2) == "0.81"
    assert shown(1.0) == "1.000"


def test_a_case_is_measured_as_on_the_day_given(content: Content) -> None:
    """Deadlines run with the calendar: a permit appeal open on the thirtieth day is gone the
    next, so the figures kept in the docs are measured as on a fixed day, not on today."""
    neighbour = {
        **WORKER,
        "relationship": "community_member",
        "harm_types": ["environment", "health_safety"],
        "goals": ["stop_harm"],
        "urgency": "urgent",
        "public_body_involved": True,
        "public_body_level": ["local"],
        "decision_type": "permit",
        "decision_date": "2026-11-02",
        "postcode": "3530",
    }
    case = {"facts": neighbour, "essential": [], "relevant": [], "wrong": ["flemish_permit_administrative_appeal"]}
    last_day = score_case(content, "neighbour", case, today=dt.date(2026, 12, 2))
    next_day = score_case(content, "neighbour", case, today=dt.date(2026, 12, 3))
    assert last_day.wrong == ("flemish_permit_administrative_appeal",)
    assert next_day.wrong == ()
    assert next_day.length == last_day.length - 1
