"""The ranking table (data/ranking.yaml), one test per rule: each fails if its rule is dropped,
mis-weighted or applied to the wrong entries."""

from __future__ import annotations

import dataclasses

import pytest

from pathways.content.model import Ranking, RankingRule, Route, Text
from pathways.content.store import Content
from pathways.engine.ranking import Standing, kind_of, score


def rule_points(content: Content, rule_id: str) -> int:
    return next(r.points for r in content.ranking.rules if r.id == rule_id)


def standing(content: Content, entry_id: str, certain: bool = True, lead: bool = False, **ranking: object) -> Standing:
    entry = content.entry(entry_id)
    if ranking:
        entry = entry.model_copy(update={"ranking": Ranking(**{**entry.ranking.model_dump(), **ranking})})
    kind = getattr(entry, "kind", "support")
    return Standing(entry, kind, certain, lead)


def delta(content: Content, a: Standing, b: Standing, facts_a: dict, facts_b: dict | None = None) -> int:
    return score(content, a, facts_a, "en")[0] - score(content, b, facts_b if facts_b is not None else facts_a, "en")[0]


def test_every_rule_has_a_test() -> None:
    tested = {
        "lead",
        "goal",
        "urgent_fast",
        "binding",
        "free",
        "low_cost",
        "high_cost",
        "high_cost_low_income",
        "uncertain",
        "weight",
        "stands_in",
        "twins",
        "alternatives",
    }
    from pathways.checks.loader import load_content

    assert {r.id for r in load_content().ranking.rules} == tested


def test_lead_adds_its_points_and_the_entry_bonus(content: Content) -> None:
    base = standing(content, "labour_tribunal")
    assert delta(content, standing(content, "labour_tribunal", lead=True), base, {}) == rule_points(content, "lead")
    bonus = standing(content, "labour_tribunal", lead=True, lead_bonus=4)
    assert delta(content, bonus, base, {}) == rule_points(content, "lead") + 4


def test_each_goal_the_route_achieves_adds_points(content: Content) -> None:
    s = standing(content, "civil_liability_claim")  # achieves compensation and stop_harm
    two = {"goals": ["compensation", "stop_harm", "dialogue"]}
    assert delta(content, s, s, two, {}) == 2 * rule_points(content, "goal")
    assert any("compensation" in b for b in score(content, s, two, "en")[1])


def test_goals_give_a_support_body_nothing(content: Content) -> None:
    s = standing(content, "payoke")
    assert delta(content, s, s, {"goals": ["compensation"]}, {}) == 0


def test_urgent_raises_only_fast_entries(content: Content) -> None:
    fast = standing(content, "summary_proceedings", fast=True)
    slow = standing(content, "summary_proceedings", fast=False)
    urgent = {"urgency": "urgent"}
    assert delta(content, fast, fast, urgent, {"urgency": "past"}) == rule_points(content, "urgent_fast")
    assert delta(content, slow, slow, urgent, {"urgency": "past"}) == 0


def test_binding_decisions_count(content: Content) -> None:
    yes, no = standing(content, "labour_tribunal", binding=True), standing(content, "labour_tribunal", binding=False)
    assert delta(content, yes, no, {}) == rule_points(content, "binding")


@pytest.mark.parametrize(("cost", "rule_id"), [("free", "free"), ("low", "low_cost"), ("high", "high_cost")])
def test_cost(content: Content, cost: str, rule_id: str) -> None:
    priced = standing(content, "labour_tribunal", cost=cost)
    medium = standing(content, "labour_tribunal", cost="medium")
    assert delta(content, priced, medium, {}) == rule_points(content, rule_id)


def test_high_cost_weighs_more_on_a_low_income(content: Content) -> None:
    s = standing(content, "civil_liability_claim", cost="high")
    assert delta(content, s, s, {"income": "low"}, {"income": "not_low"}) == rule_points(
        content, "high_cost_low_income"
    )


def test_an_uncertain_fit_loses_points(content: Content) -> None:
    sure, unsure = standing(content, "unia", certain=True), standing(content, "unia", certain=False)
    assert delta(content, unsure, sure, {}) == rule_points(content, "uncertain")


def test_the_maintainers_weight_counts(content: Content) -> None:
    up, flat = standing(content, "oecd_ncp", weight=2), standing(content, "oecd_ncp", weight=0)
    assert delta(content, up, flat, {}) == 2 * rule_points(content, "weight")


def test_order_follows_the_score(content: Content) -> None:
    from pathways.engine.recommend import recommend

    facts = {"role": "victim", "harm_country": "belgium", "be_region": "flanders", "relationship": "employee",
             "harm_types": ["labour_rights"], "goals": ["compensation"], "company_link": "belgian_company"}  # fmt: skip
    recs = recommend(content, facts, "en").recommendations
    for tier in ("first", "also", "help"):
        scores = [r.score for r in recs if r.tier == tier]
        assert scores == sorted(scores, reverse=True), tier
    assert min(r.score for r in recs if r.tier == "first") >= max(r.score for r in recs if r.tier != "first")


def with_rules(content: Content, *rules: RankingRule, **ranking: object) -> Content:
    """The real content with a ranking table of its own: rules the content may write."""
    table = content.ranking.model_copy(update={"rules": list(rules) or content.ranking.rules, **ranking})
    return dataclasses.replace(content, ranking=table)


def when_rule(entry: dict) -> RankingRule:
    return RankingRule(id="test", applies="when", points=5, entry=entry, text=Text(nl="t", fr="t", de="t", en="t"))


def test_no_rule_that_applies_means_no_points_and_no_reasons(content: Content) -> None:
    """The score is the sum of the rules that apply and nothing else: an entry none of them
    touches scores 0 with no reason to show (the tiers compare these totals)."""
    plain = standing(content, "labour_tribunal", cost="medium", binding=False, fast=False, weight=0)
    assert score(content, plain, {}, "en") == (0, [])


def test_kind_of_a_route_is_its_own_and_a_support_body_is_support(content: Content) -> None:
    """The kind orders the tiers and feeds rules on `entry: {kind: ...}`: a route keeps the
    kind its content gives, a support body is always `support`."""
    route = content.entry("labour_tribunal")
    assert isinstance(route, Route) and kind_of(route) == route.kind != "support"
    assert kind_of(content.entry("payoke")) == "support"


@pytest.mark.parametrize(
    ("entry", "wanted", "other"),
    [
        ({"kind": "support"}, "payoke", "labour_tribunal"),
        ({"body_kind": "union"}, "abvv_fgtb", "payoke"),
    ],
)
def test_a_rule_can_pick_entries_by_kind_and_body_kind(content: Content, entry: dict, wanted: str, other: str) -> None:
    """`kind` and `body_kind` are attributes a rule's `entry:` part may test (the content check
    accepts them); a rule on them raises the entries that have them and no others."""
    ranked = with_rules(content, when_rule(entry))
    assert score(ranked, standing(ranked, wanted), {}, "en")[0] == 5
    assert score(ranked, standing(ranked, other), {}, "en")[0] == 0


def test_a_rule_listing_values_matches_any_of_them(content: Content) -> None:
    """`entry: {cost: [free, low]}` means "free or low": each listed value matches, an
    unlisted one does not."""
    ranked = with_rules(content, when_rule({"cost": ["free", "low"]}))
    points = {
        c: score(ranked, standing(ranked, "labour_tribunal", cost=c), {}, "en")[0] for c in ("free", "low", "high")
    }
    assert points == {"free": 5, "low": 5, "high": 0}


def test_a_goal_the_table_does_not_map_adds_nothing(content: Content) -> None:
    """The content check lets `goal_achieves` leave a goal out: such a goal serves no route,
    and the others still count (no crash on the missing entry)."""
    table = {g: a for g, a in content.ranking.goal_achieves.items() if g != "compensation"}
    ranked = with_rules(content, goal_achieves=table)
    s = standing(ranked, "civil_liability_claim")  # achieves compensation and stop_harm
    goals = {"goals": ["compensation", "stop_harm"]}
    assert delta(ranked, s, s, goals, {}) == rule_points(content, "goal")


def _without_stand_ins(content: Content) -> Content:
    return with_rules(content, *[r for r in content.ranking.rules if r.applies != "stands_in"])


LOW_INCOME_TENANT = {"role": "victim", "harm_country": "belgium", "be_region": "flanders", "lives_in": "belgium",
                     "relationship": "service_user", "harm_types": ["discrimination", "land_housing"],
                     "discrimination_ground": ["origin"], "field": "housing", "goals": ["stop_harm", "compensation"],
                     "public_body_involved": True, "public_body_level": ["regional"],
                     "decision_type": "individual_decision", "urgency": "urgent", "income": "low"}  # fmt: skip


def test_a_bars_bureau_is_listed_in_the_place_of_the_route_it_stands_in_for(content: Content) -> None:
    """Second-line legal aid is applied for at the bureau of the person's bar: once the
    postcode names that bureau, the bureau is listed where the route would be (with the route's
    score and the rule's sentence), and the route is not listed on its own."""
    from pathways.engine.recommend import recommend, to_json

    facts = {**LOW_INCOME_TENANT, "postcode": "2060"}  # Antwerp: the Antwerp bar
    before = {r.id: r for r in recommend(_without_stand_ins(content), facts, "en").recommendations}
    assert before["second_line_legal_aid"].score > before["bjb_antwerp"].score, "the rule must have work to do"
    result = recommend(content, facts, "en")
    office = next(r for r in result.recommendations if r.id == "bjb_antwerp")
    assert "second_line_legal_aid" not in [r.id for r in result.recommendations]
    assert office.score == before["second_line_legal_aid"].score
    assert office.rank_basis[:-1] == before["bjb_antwerp"].rank_basis
    assert "Antwerp" in office.rank_basis[-1] and "Second-line legal aid" in office.rank_basis[-1]
    assert office.stands_for == "second_line_legal_aid"  # its card shows what the route's would
    route_caveats = [c.en for c in content.routes["second_line_legal_aid"].caveats]
    assert route_caveats and all(c in office.caveats for c in route_caveats)
    assert len(office.caveats) == len(set(office.caveats))  # each said once
    # suggested through the office, so not among what is not suggested either
    assert "second_line_legal_aid" not in [e.id for e in result.excluded]
    assert (
        to_json(content, result, "en")["recommendations"][[r.id for r in result.recommendations].index("bjb_antwerp")][
            "stands_for"
        ]
        == "second_line_legal_aid"
    )


def test_free_first_advice_is_listed_through_the_one_service_that_gives_it(content: Content) -> None:
    """In Flanders the Flemish Commissions for Legal Aid give first-line advice: their card is
    listed, saying it gives the route, and the route's general card, which would repeat it, is not
    listed on its own. Without the rule both would be listed."""
    from pathways.engine.recommend import recommend

    facts = {**LOW_INCOME_TENANT, "postcode": "2060"}
    plain = [r.id for r in recommend(_without_stand_ins(content), facts, "en").recommendations]
    assert {"first_line_legal_aid", "first_line_legal_aid_flanders"} <= set(plain)
    result = recommend(content, facts, "en")
    ids = [r.id for r in result.recommendations]
    assert "first_line_legal_aid_flanders" in ids and "first_line_legal_aid" not in ids
    assert "first_line_legal_aid" not in [e.id for e in result.excluded]
    service = result.recommendations[ids.index("first_line_legal_aid_flanders")]
    assert service.stands_for == "first_line_legal_aid"
    assert "First-line legal aid in Flanders" in service.rank_basis[-1]


def test_a_route_given_by_two_offices_is_listed_once_naming_both(content: Content) -> None:
    """Brussels has a French- and a Dutch-speaking bar and first-line service, and the language
    the person chooses decides which: the route is listed once, with both offices named on its
    card (their caveats among its own, the rule's sentence among its reasons, the best score of
    the three), and the offices are not listed on their own. Without the rule all are listed."""
    from pathways.engine.recommend import recommend, to_json

    facts = {**LOW_INCOME_TENANT, "be_region": "brussels", "postcode": "1030"}
    plain = {r.id: r for r in recommend(_without_stand_ins(content), facts, "en").recommendations}
    result = recommend(content, facts, "en")
    ids = [r.id for r in result.recommendations]
    pairs = {
        "second_line_legal_aid": ("bjb_brussels_nl", "baj_brussels_fr"),
        "first_line_legal_aid": ("first_line_legal_aid_flanders", "first_line_legal_aid_wallonia_brussels_fr"),
    }
    for route, offices in pairs.items():
        assert {route, *offices} <= set(plain), "the rule must have work to do"
        assert route in ids and not set(offices) & set(ids)
        assert not set(offices) & {e.id for e in result.excluded}  # suggested, through the route
        rec = result.recommendations[ids.index(route)]
        assert set(rec.offices) == set(offices)
        assert rec.score == max(plain[i].score for i in (route, *offices))
        assert all(content.bodies[o].title.en in rec.rank_basis[-1] for o in offices)
        office_caveats = [c.en for o in offices for c in content.bodies[o].caveats]
        assert all(c in rec.caveats for c in office_caveats)
        assert len(rec.caveats) == len(set(rec.caveats))  # each said once
        assert set(to_json(content, result, "en")["recommendations"][ids.index(route)]["offices"]) == set(offices)
    assert all(r.stands_for is None for r in result.recommendations)


def test_only_a_stands_in_rule_has_a_several_text() -> None:
    with pytest.raises(ValueError, match="several"):
        RankingRule(
            id="x",
            applies="weight",
            points=1,
            text=Text(nl="t", fr="t", de="t", en="t"),
            several=Text(nl="t", fr="t", de="t", en="t"),
        )


def test_a_stands_in_rule_adds_no_points() -> None:
    with pytest.raises(ValueError, match="points` must be 0"):
        RankingRule(id="x", applies="stands_in", points=2, text=Text(nl="t", fr="t", de="t", en="t"))


ABROAD_NGO_CASE = {"role": "victim", "harm_country": "non_eu", "country": "CD", "lives_in": "non_eu",
                   "company_link": "belgian_parent", "relationship": "community_member",
                   "harm_types": ["environment", "land_housing"], "goals": ["stop_harm", "compensation"],
                   "urgency": "ongoing", "sector": "mining_other"}  # fmt: skip


def test_two_bodies_that_differ_only_by_language_make_one_card(content: Content) -> None:
    """11.11.11 and CNCD-11.11.11 do the same work, in Dutch and in French: where both are
    suggested they make one card, the one in the reader's language, naming the other (at the
    better score of the two, the rule's sentence among its reasons); the other is neither listed
    nor among what is not suggested. Without the rule both are listed."""
    from pathways.engine.recommend import recommend, to_json

    without = with_rules(content, *[r for r in content.ranking.rules if r.applies != "twins"])
    plain = {r.id: r for r in recommend(without, ABROAD_NGO_CASE, "en").recommendations}
    assert {"ngo_11_11_11", "cncd_11_11_11"} <= set(plain), "the rule must have work to do"
    for lang, keep, other in (("fr", "cncd_11_11_11", "ngo_11_11_11"), ("nl", "ngo_11_11_11", "cncd_11_11_11")):
        result = recommend(content, ABROAD_NGO_CASE, lang)
        ids = [r.id for r in result.recommendations]
        assert keep in ids and other not in ids and other not in [e.id for e in result.excluded]
        card = result.recommendations[ids.index(keep)]
        assert card.offices == (other,) and other in card.names
        assert card.score == max(plain[keep].score, plain[other].score)
        assert content.bodies[other].title.get(lang) in card.rank_basis[-1]
        assert to_json(content, result, lang)["recommendations"][ids.index(keep)]["offices"] == [other]
    # a reader in English: the better placed of the two, whichever language it serves
    ids = [r.id for r in recommend(content, ABROAD_NGO_CASE, "en").recommendations]
    assert len({"ngo_11_11_11", "cncd_11_11_11"} & set(ids)) == 1


def test_a_twins_rule_adds_no_points() -> None:
    with pytest.raises(ValueError, match="points"):
        RankingRule(id="x", applies="twins", points=1, text=Text(nl="t", fr="t", de="t", en="t"))


def test_a_language_twin_must_name_a_body_that_names_it_back(content: Content) -> None:
    from pathways.checks.crossrefs import check_twins
    from pathways.content.store import DATA_DIR, read_content

    entries = read_content(DATA_DIR)[1].entries
    body, doc = entries["ngo_11_11_11"]
    lonely = body.model_copy(
        update={"ranking": body.ranking.model_copy(update={"language_twin": "ligue_des_droits_humains"})}
    )
    errors = check_twins(content, {**entries, "ngo_11_11_11": (lonely, doc)})
    assert [e.message for e in errors] and "ligue_des_droits_humains" in errors[0].message
    assert not check_twins(content, entries)


WORKER_UNION_UNKNOWN = {"role": "victim", "harm_country": "belgium", "postcode": "9000", "lives_in": "belgium",
                        "company_link": "belgian_company", "public_body_involved": False, "relationship": "employee",
                        "field": "employment", "harm_types": ["labour_rights"], "goals": ["compensation"],
                        "urgency": "ongoing", "employment_ended": False, "income": "not_low"}  # fmt: skip
UNIONS = {"acv_csc", "abvv_fgtb", "aclvb_cgslb"}


def test_the_unions_make_one_card_when_the_persons_own_is_not_known(content: Content) -> None:
    """The three representative unions do the same work for a worker; which one is the person's
    choice or membership. With the membership unknown all three are suggested, and without the
    rule they take three places; with it they make one card, the better placed (then the first by
    id), at the best score, naming the other two with the rule's sentence; the two are neither
    listed nor among what is not suggested. A known member gets only their own union's card."""
    from pathways.engine.recommend import recommend, to_json

    without = with_rules(content, *[r for r in content.ranking.rules if r.applies != "alternatives"])
    plain = {r.id: r for r in recommend(without, WORKER_UNION_UNKNOWN, "en").recommendations}
    assert UNIONS <= set(plain), "the rule must have work to do"
    result = recommend(content, WORKER_UNION_UNKNOWN, "fr")
    cards = [r for r in result.recommendations if set(r.names) & UNIONS]
    assert len(cards) == 1
    card = cards[0]
    assert set(card.names) == UNIONS and len(card.alternatives) == 2
    assert card.id == min(UNIONS, key=lambda u: (-plain[u].score, u))
    assert card.score == max(plain[u].score for u in UNIONS)
    # each union's caveats are about its own conditions: the card keeps its own only
    plain_fr = {r.id: r for r in recommend(without, WORKER_UNION_UNKNOWN, "fr").recommendations}
    assert card.caveats == plain_fr[card.id].caveats
    assert all(content.bodies[o].title.get("fr") in card.rank_basis[-1] for o in card.alternatives)
    assert not UNIONS & {e.id for e in result.excluded}
    listed = to_json(content, result, "fr")["recommendations"]
    assert [r["alternatives"] for r in listed if r["id"] == card.id] == [list(card.alternatives)]
    member = recommend(content, {**WORKER_UNION_UNKNOWN, "union_membership": "acv_csc"}, "en")
    own = [r for r in member.recommendations if set(r.names) & UNIONS]
    assert [(r.id, r.alternatives) for r in own] == [("acv_csc", ())]


def test_an_alternatives_rule_adds_no_points() -> None:
    with pytest.raises(ValueError, match="points"):
        RankingRule(id="x", applies="alternatives", points=2, text=Text(nl="t", fr="t", de="t", en="t"))


def test_a_same_work_group_needs_two_support_bodies(content: Content) -> None:
    from pathways.checks.crossrefs import check_same_work_groups
    from pathways.content.store import DATA_DIR, read_content

    entries = read_content(DATA_DIR)[1].entries
    assert not check_same_work_groups(entries)
    body, doc = entries["acv_csc"]
    alone = body.model_copy(update={"ranking": body.ranking.model_copy(update={"same_work_group": "unions_typo"})})
    errors = check_same_work_groups({**entries, "acv_csc": (alone, doc)})
    assert [e.message for e in errors] and "unions_typo" in errors[0].message
