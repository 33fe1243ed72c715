"""Recommendation: fit, caveats for unknown facts, exclusions with reasons, ranking, JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pathways.checks.loader import load_content_from
from pathways.content.store import Content
from pathways.engine.recommend import case_advice, recommend, to_json

TODAY = dt.date(2026, 11, 25)


@pytest.fixture()
def small(data_dir: Path) -> Content:
    return load_content_from(data_dir)


def test_fitting_route_has_why_in_the_chosen_language(small: Content) -> None:
    facts = {"harm_country": "belgium", "company_link": "belgian_company"}
    result = recommend(small, facts, "fr", TODAY)
    rec = next(r for r in result.recommendations if r.id == "test_route")
    assert rec.certain
    assert rec.why == [
        "Lieu du dommage : en Belgique",
        "Lien avec une entreprise belge : l'entreprise est établie ou active en Belgique",
    ]


def test_unknown_fact_suggests_with_a_caveat(small: Content) -> None:
    result = recommend(small, {"harm_country": "belgium"}, "en", TODAY)
    rec = next(r for r in result.recommendations if r.id == "test_route")
    assert not rec.certain
    assert rec.caveats[0] == (
        "Not known yet: Link with a Belgian company. This route does not fit if the answer is: no Belgian company involved."
    )


def test_excluded_route_says_why_not(small: Content) -> None:
    result = recommend(small, {"harm_country": "non_eu", "company_link": "none"}, "nl", TODAY)
    assert [e.id for e in result.excluded] == ["test_route"]
    assert result.excluded[0].why_not == [
        "Waar de schade gebeurde: buiten de Europese Unie. Deze weg vereist: in België."
    ]


def test_negated_exclusion_reads_naturally(small: Content) -> None:
    result = recommend(small, {"harm_country": "belgium", "company_link": "none"}, "en", TODAY)
    assert result.excluded[0].why_not == [
        "Link with a Belgian company: no Belgian company involved. This route is not open in that case."
    ]


def test_always_fitting_body_gets_a_why(small: Content) -> None:
    result = recommend(small, {}, "de", TODAY)
    body = next(r for r in result.recommendations if r.id == "test_body")
    assert body.kind == "support" and body.why == ["Steht allen offen, unabhängig vom Fall."]


def test_deadline_dates_from_the_facts_that_start_them(small: Content) -> None:
    facts = {"harm_country": "belgium", "company_link": "belgian_company", "harm_date": "2026-07-14"}
    rec = next(r for r in recommend(small, facts, "en", TODAY).recommendations if r.id == "test_route")
    # the 20-year long stop runs from the harm; the 5 years run from knowledge, not known yet,
    # and are counted from the harm on the safe side (one learns of a harm when it happens at the earliest)
    assert rec.deadline is not None and rec.deadline.date == dt.date(2031, 7, 14) and rec.deadline.status == "open"
    assert rec.deadline.limits[0].counted_from == "harm_date" and rec.deadline.limits[1].date == dt.date(2046, 7, 14)
    # a harm so old that the safe-side date has passed: no date to act by; the long stop is
    # listed beneath the question for the date
    old = {**facts, "harm_date": "2019-07-14"}
    rec = next(r for r in recommend(small, old, "en", TODAY).recommendations if r.id == "test_route")
    assert rec.deadline is not None and rec.deadline.date is None and rec.deadline.status == "unknown_start"
    assert rec.deadline.limits[0].status == "unknown_start" and rec.deadline.limits[1].date == dt.date(2039, 7, 14)
    known = {**facts, "knowledge_date": "2026-08-01"}
    rec = next(r for r in recommend(small, known, "en", TODAY).recommendations if r.id == "test_route")
    assert rec.deadline is not None and rec.deadline.date == dt.date(2031, 8, 1)


def test_ranking_follows_goals_cost_and_certainty(small: Content) -> None:
    base = {"harm_country": "belgium", "company_link": "belgian_company"}
    plain = next(r for r in recommend(small, base, "en", TODAY).recommendations if r.id == "test_route")
    wanted = next(
        r
        for r in recommend(small, {**base, "goals": ["compensation"]}, "en", TODAY).recommendations
        if r.id == "test_route"
    )
    assert wanted.score == plain.score + 3
    assert any("compensation" in b for b in wanted.rank_basis)
    poor = next(
        r for r in recommend(small, {**base, "income": "low"}, "en", TODAY).recommendations if r.id == "test_route"
    )
    assert poor.score == plain.score - 2
    unsure = next(
        r for r in recommend(small, {"harm_country": "belgium"}, "en", TODAY).recommendations if r.id == "test_route"
    )
    assert unsure.score < plain.score


def test_valid_from_in_future_is_a_caveat_and_expired_is_excluded(small: Content, data_dir: Path) -> None:
    route = data_dir / "routes" / "test_route.yaml"
    route.write_text(route.read_text() + "valid_from: 2026-12-30\n")
    content = load_content_from(data_dir)
    rec = next(
        r for r in recommend(content, {"harm_country": "belgium"}, "en", TODAY).recommendations if r.id == "test_route"
    )
    assert rec.caveats[0].startswith("Applies only from 30 December 2026")
    route.write_text(route.read_text().replace("valid_from: 2026-12-30", "valid_to: 2026-01-01"))
    content = load_content_from(data_dir)
    gone = recommend(content, {"harm_country": "belgium"}, "en", TODAY)
    assert gone.excluded[0].why_not == ["No longer available since 1 January 2026."]
    assert gone.excluded[0].reason == "expired"


def test_json_has_the_contract_shape(small: Content) -> None:
    facts = {"harm_country": "belgium", "company_link": "belgian_company", "knowledge_date": "2026-07-14"}
    data = to_json(small, recommend(small, facts, "en", TODAY), "en")
    assert set(data) == {"content_version", "recommendations", "excluded"}
    rec = data["recommendations"][0]
    assert {"id", "title", "kind", "why", "caveats"} <= set(rec)
    assert rec["kind"] in {"support", "non_judicial", "administrative", "judicial", "international"}
    assert all(r["tier"] in {"first", "also", "help"} for r in data["recommendations"])
    assert all(e["reason"] in {"not_eligible", "not_suited", "expired"} for e in data["excluded"])
    dated = next(r for r in data["recommendations"] if r["id"] == "test_route")
    assert dated["deadline"] == {"date": "2031-07-14", "basis": "5 years"}


def test_alternatives_are_joined_with_spaced_or(small: Content, data_dir: Path) -> None:
    route = data_dir / "routes" / "test_route.yaml"
    route.write_text(
        route.read_text().replace("{fact: harm_country, equals: belgium}", "{fact: harm_country, in: [belgium, eu]}")
    )
    content = load_content_from(data_dir)
    result = recommend(content, {"harm_country": "non_eu"}, "fr", TODAY)
    assert result.excluded[0].why_not == [
        "Lieu du dommage : hors de l'Union européenne. Cette voie suppose : en Belgique ou dans un autre pays de l'UE."
    ]


def test_an_entry_open_but_not_made_for_the_case_is_left_out_as_not_suited(small: Content, data_dir: Path) -> None:
    route = data_dir / "routes" / "test_route.yaml"
    route.write_text(route.read_text() + "suited: {fact: goals, contains: compensation}\n")
    content = load_content_from(data_dir)
    facts = {"harm_country": "belgium", "company_link": "belgian_company", "goals": ["dialogue"]}
    result = recommend(content, facts, "en", TODAY)
    left = next(e for e in result.excluded if e.id == "test_route")
    assert left.reason == "not_suited"
    assert left.why_not == [
        "Possible in law, but not made for a case like this.",
        "What the affected person wants: dialogue or mediation. This route is made for: compensation.",
    ]
    wanted = recommend(content, {**facts, "goals": ["compensation"]}, "en", TODAY)
    assert "test_route" in [r.id for r in wanted.recommendations]


def test_advice_for_one_kind_of_case_follows_the_note_only_where_its_condition_holds(
    small: Content, data_dir: Path
) -> None:
    """An entry's `not_suited_advice` says where to go instead to the people it concerns, right
    after the note, and is not said to the others; an advice reading an answer the caller keeps
    unsaid (a summary printed without sensitive answers) is left out."""
    route = data_dir / "routes" / "test_route.yaml"
    route.write_text(
        route.read_text()
        + "suited: {fact: goals, contains: compensation}\n"
        + "not_suited_advice:\n"
        + "  - applies_if: {fact: urgency, equals: urgent}\n"
        + "    text: {nl: 'Ga naar A.', fr: 'Allez chez A.', de: 'Gehen Sie zu A.', en: 'Go to A.'}\n"
    )
    content = load_content_from(data_dir)
    facts = {"harm_country": "belgium", "company_link": "belgian_company", "goals": ["dialogue"]}
    urgent = recommend(content, {**facts, "urgency": "urgent"}, "en", TODAY)
    left = next(e for e in urgent.excluded if e.id == "test_route")
    assert left.why_not[:2] == ["Possible in law, but not made for a case like this.", "Go to A."]
    calm = recommend(content, {**facts, "urgency": "past"}, "fr", TODAY)
    assert "Allez chez A." not in next(e for e in calm.excluded if e.id == "test_route").why_not
    entry = content.routes["test_route"]
    assert case_advice(entry, {**facts, "urgency": "urgent"}, "de") == ["Gehen Sie zu A."]
    assert case_advice(entry, {**facts, "urgency": "urgent"}, "de", unsaid=frozenset({"urgency"})) == []


def test_tiers_first_five_then_other_routes_then_help(content: Content) -> None:
    facts = {
        "role": "victim", "harm_country": "belgium", "be_region": "brussels", "lives_in": "belgium",
        "company_link": "belgian_company", "public_body_involved": False, "relationship": "employee",
        "harm_types": ["forced_labour", "labour_rights"], "goals": ["compensation", "stop_harm"], "urgency": "urgent",
        "income": "low", "residence_status": "undocumented", "postcode": "1000",
    }  # fmt: skip
    result = recommend(content, facts, "en", TODAY)
    tiers = [r.tier for r in result.recommendations]
    assert tiers[:5] == ["first"] * 5 and tiers.count("first") == 5
    assert tiers == sorted(tiers, key=["first", "also", "help"].index)  # first, then also, then help
    assert all(r.kind != "support" for r in result.tier("also"))
    assert all(r.kind == "support" for r in result.tier("help"))
    first = {r.id for r in result.tier("first")}
    assert {"trafficking_victim_status", "pag_asa"} <= first
    assert "restorative_mediation" not in {r.id for r in result.recommendations}  # never with the exploiter


def test_an_unknown_fact_never_raises_an_entry(content: Content) -> None:
    """A lead condition that is only unknown gives no points: the entry cannot overtake certain ones."""
    facts = {"role": "victim", "harm_country": "belgium", "harm_types": ["discrimination"], "goals": ["recognition"]}
    unia = next(r for r in recommend(content, facts, "en", TODAY).recommendations if r.id == "unia")
    assert not unia.lead and not unia.certain
    known = {**facts, "discrimination_ground": ["origin"], "field": "employment", "be_region": "flanders"}
    unia_known = next(r for r in recommend(content, known, "en", TODAY).recommendations if r.id == "unia")
    assert unia_known.lead and unia_known.score > unia.score


def test_a_deadline_counted_from_the_harm_says_so_in_json_and_text(small: Content) -> None:
    from pathways.outputs.text_report import render_text

    facts = {"harm_country": "belgium", "company_link": "belgian_company", "harm_date": "2026-07-14"}
    result = recommend(small, facts, "fr", TODAY)
    route = next(r for r in to_json(small, result, "fr")["recommendations"] if r["id"] == "test_route")
    assert route["deadline"]["date"] == "2031-07-14" and route["deadline"]["counted_from"] == "harm_date"
    text = render_text(small, result, "fr")
    assert small.text("deadline.counted_from", "fr", floor=small.facts["harm_date"].label.fr.lower()) in text
    told = recommend(small, {**facts, "knowledge_date": "2026-08-01"}, "fr", TODAY)
    route = next(r for r in to_json(small, told, "fr")["recommendations"] if r["id"] == "test_route")
    assert route["deadline"] == {"date": "2031-08-01", "basis": route["deadline"]["basis"]}


def test_a_nuisance_that_goes_on_puts_the_interim_judge_first(content: Content) -> None:
    """Dust from a plant that goes on: summary proceedings can stop it while the rest is argued
    (Judicial Code art. 584), so a specialist takes that step first; once the nuisance is over,
    interim measures have nothing left to stop."""
    facts = {
        "role": "victim",
        "harm_country": "belgium",
        "be_region": "wallonia",
        "lives_in": "belgium",
        "company_link": "belgian_company",
        "relationship": "community_member",
        "harm_types": ["environment", "health_safety"],
        "goals": ["stop_harm"],
        "urgency": "ongoing",
    }

    def interim(urgency: str) -> list:
        recs = recommend(content, {**facts, "urgency": urgency}, "en").recommendations
        return [r for r in recs if r.id == "summary_proceedings"]

    (ongoing,) = interim("ongoing")
    assert ongoing.lead and ongoing.tier == "first"
    assert not any(r.lead for r in interim("past"))


def test_an_unknown_authority_lets_only_a_buyers_channel_lead(content: Content) -> None:
    """Not knowing whether a Belgian authority is involved does not hold back a Belgian buyer's
    channel for its supplier's neighbours abroad, but does for a Belgian company's own works
    abroad, where export credit or a licence often stands behind the project (the lead's order
    is what a scenario's first five cannot pin)."""
    abroad = {
        "role": "adviser",
        "harm_country": "non_eu",
        "lives_in": "non_eu",
        "relationship": "community_member",
        "harm_types": ["environment", "land_housing"],
        "goals": ["stop_harm"],
        "urgency": "ongoing",
    }

    def lead(**facts: object) -> bool:
        recs = recommend(content, {**abroad, **facts}, "en", TODAY).recommendations
        return next(r for r in recs if r.id == "company_grievance_mechanism").lead

    assert lead(company_link="belgian_buyer")
    assert not lead(company_link="belgian_company")
    assert lead(company_link="belgian_company", public_body_involved=False)
    assert not lead(company_link="belgian_buyer", public_body_involved=True)


def test_a_neighbours_walloon_permit_appeal_closes_after_its_twenty_days(content: Content) -> None:
    """The 30 days of CoDT art. D.IV.63 are the applicant's: for a neighbour the environmental
    permit's 20 days decide, so ten days later the appeal is closed (data/routes/walloon_permit_appeal.yaml)."""
    neighbour = {
        "role": "victim",
        "harm_country": "belgium",
        "lives_in": "belgium",
        "postcode": "5300",
        "public_body_involved": True,
        "public_body_level": ["local"],
        "decision_type": "permit",
        "decision_date": "2026-11-03",
        "relationship": "community_member",
        "harm_types": ["environment"],
        "goals": ["stop_harm"],
    }
    today = dt.date(2026, 12, 2)  # 29 days on: past the 20, within the 30
    result = recommend(content, neighbour, "en", today)
    closed = {x.id: x.reason for x in result.excluded}
    assert closed.get("walloon_permit_appeal") == "expired"
    unknown_relationship = {k: v for k, v in neighbour.items() if k != "relationship"}
    still_open = recommend(content, unknown_relationship, "en", today)
    assert "walloon_permit_appeal" in [r.id for r in still_open.recommendations]
