"""The interview engine: path tests (answers -> question sequence), back, change, drop."""

from __future__ import annotations

import datetime as dt

import pytest

from pathways.content.store import Content
from pathways.engine.facts import derive_facts
from pathways.engine.interview import (
    InterviewState,
    InvalidAnswer,
    answer,
    answers_from_facts,
    back,
    current_question,
    facts_of,
    go_to,
    question_screen,
    set_language,
    skip_forward,
    start,
    walk,
)
from pathways.engine.recommend import recommend


@pytest.fixture()
def small(content: Content) -> Content:
    """The real catalogue: which questions are asked depends on what they can change in it."""
    return content


def run(content: Content, answers: list[tuple[str, object]]) -> tuple[InterviewState, list[str]]:
    """Answer in order, checking each answer goes to the question on screen; return the sequence."""
    state = start(InterviewState(), content)
    seen = []
    for qid, value in answers:
        q = current_question(content, state)
        assert q is not None and q.id == qid, f"expected {qid}, screen shows {q and q.id}"
        seen.append(qid)
        state = answer(content, state, qid, value)
    return state, seen


BELGIAN_EMPLOYEE = [
    ("role", "victim"),
    ("harm_country", "belgium"),
    ("postcode", "2800"),  # Mechelen: the region follows from it, so the region is not asked
    ("company_link", "belgian_company"),
    ("public_body_involved", False),
    ("relationship", "employee"),
    ("harm_types", ["health_safety"]),
    ("goals", ["compensation"]),
    ("urgency", "ongoing"),
    ("harm_date", "2026-10-02"),
    ("residence_status", "regular"),
    ("union_membership", "none"),
    ("income", "not_low"),
]

ABROAD_ORGANISATION = [
    ("role", "organisation"),
    ("harm_country", "non_eu"),
    ("company_link", "belgian_company"),
    ("public_body_involved", None),
    ("relationship", "community_member"),
    ("sector", "energy_infrastructure"),
    ("country", "CO"),  # where abroad: some routes and bodies work only in some countries
    ("harm_types", ["land_housing", "discrimination"]),
    ("financiers", ["eib"]),  # the area of life decides nothing for harm abroad: not asked
    ("goals", ["stop_harm"]),
    ("harm_date", None),
]


def test_path_for_a_belgian_employee_ends_at_review(small: Content) -> None:
    state, seen = run(small, BELGIAN_EMPLOYEE)
    assert state.stage == "review" and current_question(small, state) is None
    assert "financiers" not in seen and "discrimination_ground" not in seen
    facts = facts_of(small, state)
    assert facts["employment_ended"] is False and facts["postcode"] == "2800"
    assert "be_region" not in facts  # the postcode says it: not asked, and derived where advice is made


def test_path_for_an_organisation_abroad_skips_region_residence_and_income(small: Content) -> None:
    state, seen = run(small, ABROAD_ORGANISATION)
    assert state.stage == "review"
    # Belgian equality bodies cannot take a case abroad, so the ground of discrimination changes nothing
    assert {"be_region", "residence_status", "income", "discrimination_ground", "urgency"}.isdisjoint(seen)
    facts = facts_of(small, state)
    assert "public_body_involved" not in facts and "harm_date" not in facts  # "I don't know" stays unknown
    assert facts["financiers"] == ["eib"] and facts["urgency"] == "ongoing"  # "that it stops" says it goes on


def test_option_can_set_more_facts(small: Content) -> None:
    answers = dict(BELGIAN_EMPLOYEE)
    answers["postcode"] = None  # no postcode given: the region is asked
    answers["be_region"] = "wallonia_german"
    answers["relationship"] = "former_employee"
    facts = walk(small, answers).facts
    assert facts["be_region"] == "wallonia" and facts["german_speaking"] is True
    assert facts["relationship"] == "employee" and facts["employment_ended"] is True


def test_changing_an_earlier_answer_drops_only_what_became_irrelevant(small: Content) -> None:
    state, _ = run(small, BELGIAN_EMPLOYEE)
    state = go_to(small, state, "harm_country")
    state = answer(small, state, "harm_country", "non_eu_lives_belgium")
    assert state.answers["postcode"] == "2800"  # still relevant: lives in Belgium
    assert "residence_status" in state.dropped  # asked only about work in Belgium
    assert state.answers["income"] == "not_low"
    # coming from the review screen: the newly relevant questions are asked, then review again
    assert current_question(small, state).id == "sector"
    state = answer(small, state, "sector", "construction")
    assert current_question(small, state).id == "country"
    state = answer(small, state, "country", "BR")
    assert current_question(small, state).id == "financiers"
    state = answer(small, state, "financiers", [])
    # no knowledge date: its only limit is the civil claim's, which is not for an employee
    # against the employer (the labour tribunal is), so no answer could date anything shown
    assert state.stage == "review"
    state = go_to(small, state, "harm_country")
    state = answer(small, state, "harm_country", "non_eu")
    assert "postcode" in state.dropped and "postcode" not in state.answers


def test_changing_an_answer_in_the_flow_steps_on_to_the_next_question(small: Content) -> None:
    state, _ = run(small, BELGIAN_EMPLOYEE[:5])
    state = back(small, back(small, state))
    assert current_question(small, state).id == "company_link"
    state = answer(small, state, "company_link", "belgian_parent")
    assert current_question(small, state).id == "public_body_involved"
    assert state.answers["public_body_involved"] is False


def test_back_walks_the_path_and_reaches_start(small: Content) -> None:
    state, seen = run(small, BELGIAN_EMPLOYEE[:3])
    assert current_question(small, state).id == "company_link"
    for expected in reversed(seen):
        state = back(small, state)
        assert current_question(small, state).id == expected
    state = back(small, state)
    assert state.stage == "start"
    assert state.answers["role"] == "victim"  # going back never loses an answer


def test_next_after_back_keeps_the_answer(small: Content) -> None:
    state, _ = run(small, BELGIAN_EMPLOYEE[:3])
    state = back(small, state)
    assert current_question(small, state).id == "postcode"
    state = skip_forward(small, state)
    assert current_question(small, state).id == "company_link"


def test_progress_counts_relevant_questions(small: Content) -> None:
    state = start(InterviewState(), small)
    assert question_screen(small, state).position == 1
    state, _ = run(small, ABROAD_ORGANISATION[:3])
    screen = question_screen(small, state)
    assert screen.position == 4 and screen.total < len(small.questions)


def test_question_screen_agrees_with_the_separate_answers(small: Content) -> None:
    """The screen's one walk gives the same question, place and completeness as asking each apart,
    at every step of an interview and after it (when no question is left to show)."""
    state = start(InterviewState(), small)
    for qid, value in BELGIAN_EMPLOYEE:
        screen = question_screen(small, state)
        assert screen.question == current_question(small, state)
        relevant = walk(small, state.answers).relevant
        assert screen.total == len(relevant)
        assert screen.question is None or screen.position == relevant.index(screen.question.id) + 1
        assert screen.complete is (walk(small, state.answers).first_unanswered is None)
        if screen.question is None or screen.question.id != qid:
            break
        state = answer(small, state, qid, value)
    finished, _ = run(small, BELGIAN_EMPLOYEE)
    screen = question_screen(small, finished)
    assert screen.complete and screen.question is None and screen.position == screen.total


def test_language_switch_keeps_answers_and_position(small: Content) -> None:
    state, _ = run(small, BELGIAN_EMPLOYEE[:5])
    switched = set_language(state, "de")
    assert switched.answers == state.answers
    assert current_question(small, switched).id == current_question(small, state).id


@pytest.mark.parametrize(
    ("qid", "value", "key"),
    [
        ("role", None, "error.answer_required"),
        ("role", "martian", "error.invalid_option"),
        ("harm_types", ["privacy", "nonsense"], "error.invalid_option"),
        ("harm_types", "privacy", "error.invalid_option"),
        ("public_body_involved", "yes", "error.invalid_option"),
        ("harm_date", "2026-02-30", "error.invalid_date"),
        ("harm_date", "3026-01-01", "error.invalid_date"),
        # a hand-edited case file may hold anything: a code that is not text is refused, not looked up
        ("postcode", "9999", "error.invalid_postcode"),
        ("postcode", ["1000"], "error.invalid_postcode"),
        ("postcode", 1000, "error.invalid_postcode"),
        ("country", ["BD"], "error.invalid_country"),
        ("country", {"code": "BD"}, "error.invalid_country"),
    ],
)
def test_invalid_answers_are_refused_with_a_message_key(small: Content, qid: str, value: object, key: str) -> None:
    state = start(InterviewState(), small)
    with pytest.raises(InvalidAnswer) as info:
        answer(small, state, qid, value)
    assert info.value.key == key
    assert key in small.ui


def test_multi_answers_are_normalised(small: Content) -> None:
    state, _ = run(small, BELGIAN_EMPLOYEE[:6])
    state = answer(small, state, "harm_types", ["privacy", "labour_rights", "privacy"])
    assert state.answers["harm_types"] == ["labour_rights", "privacy"]


def test_a_question_whose_answers_change_nothing_is_skipped(small: Content) -> None:
    """The ground of discrimination decides the equality body only for harm in Belgium."""
    in_belgium, _ = run(small, [*BELGIAN_EMPLOYEE[:6]])
    in_belgium = answer(small, in_belgium, "harm_types", ["discrimination"])
    assert current_question(small, in_belgium).id == "discrimination_ground"
    abroad, seen = run(small, ABROAD_ORGANISATION[:8])
    assert "discrimination_ground" not in seen and current_question(small, abroad).id == "financiers"


def test_go_to_refuses_a_question_that_is_not_asked(small: Content) -> None:
    state, _ = run(small, BELGIAN_EMPLOYEE)
    with pytest.raises(InvalidAnswer):
        go_to(small, state, "financiers")


def test_a_facts_file_is_answered_as_the_person_would(content: Content) -> None:
    """A file that says Wallonia and an Eupen postcode, but not the Community: the person types the
    postcode, which says the German-speaking Community, so the region is not asked. Without a
    postcode, the region's option that agrees with the file is chosen."""
    facts = {
        "role": "victim",
        "harm_country": "belgium",
        "lives_in": "belgium",
        "be_region": "wallonia",
        "postcode": "4700",
    }
    answers = answers_from_facts(content, facts)
    assert answers["postcode"] == "4700" and "be_region" not in answers
    assert derive_facts(content, walk(content, answers).facts)["german_speaking"] is True
    no_postcode = {k: v for k, v in facts.items() if k != "postcode"}
    assert answers_from_facts(content, {**no_postcode, "german_speaking": True})["be_region"] == "wallonia_german"
    assert answers_from_facts(content, {**no_postcode, "german_speaking": False})["be_region"] == "wallonia"


def test_an_association_with_a_postcode_answers_the_region_it_decides(content: Content) -> None:
    """An association is not asked a postcode (it acts for a place, not from a home), so the
    region is asked; a file that gives only the postcode of a Ghent plant answers it with Flanders,
    as the association would, instead of leaving the region unknown."""
    facts = {
        "role": "organisation",
        "harm_country": "belgium",
        "postcode": "9042",
        "company_link": "belgian_company",
        "relationship": "community_member",
        "harm_types": ["environment"],
    }
    answers = answers_from_facts(content, facts)
    assert "postcode" not in answers
    assert answers["be_region"] == "flanders"
    assert walk(content, answers).facts["be_region"] == "flanders"


def test_a_case_finally_decided_in_belgium_is_asked_for_the_date_and_opens_strasbourg(content: Content) -> None:
    """A widow whose asbestos claim the Court of Cassation has finally rejected: the urgency
    question's last option says so, the date of that decision is asked next (the European Court
    of Human Rights' four months run from it), and a file with the date is answered the same way.
    Harm that is merely past asks no such date."""
    facts = {
        "role": "victim",
        "harm_country": "belgium",
        "be_region": "flanders",
        "lives_in": "belgium",
        "company_link": "belgian_company",
        "public_body_involved": False,
        "relationship": "community_member",
        "harm_types": ["health_safety", "environment"],
        "goals": ["compensation", "recognition"],
        "urgency": "past",
        "final_decision_date": "2026-10-20",
    }
    answers = answers_from_facts(content, facts)
    assert answers["urgency"] == "past_final"
    w = walk(content, answers)
    assert w.facts["remedies_exhausted"] is True and "final_decision_date" in w.relevant
    merely_past = answers_from_facts(content, {k: v for k, v in facts.items() if k != "final_decision_date"})
    assert merely_past["urgency"] == "past"
    assert "final_decision_date" not in walk(content, merely_past).relevant


def test_harm_still_going_on_after_the_highest_court_can_say_so(content: Content) -> None:
    """Residents whose pollution goes on after they lost in the Court of Cassation: the urgency
    question asks whether it goes on and says the highest court has ruled, although no entry reads
    the urgency itself here; then the date is asked and Strasbourg is among the first steps."""
    facts = {
        "role": "victim",
        "harm_country": "belgium",
        "be_region": "flanders",
        "postcode": "2070",
        "lives_in": "belgium",
        "company_link": "belgian_company",
        "public_body_involved": True,
        "public_body_level": ["regional"],
        "decision_type": "inaction",
        "relationship": "community_member",
        "harm_types": ["environment"],
        "goals": ["recognition", "compensation"],
        "urgency": "ongoing",
        "remedies_exhausted": True,
        "final_decision_date": "2026-09-24",
    }
    answers = answers_from_facts(content, facts)
    assert answers["urgency"] == "ongoing_final"
    w = walk(content, answers)
    assert w.facts["urgency"] == "ongoing" and w.facts["remedies_exhausted"] is True
    assert "final_decision_date" in w.relevant
    first = [r.id for r in recommend(content, w.facts, "en", dt.date(2026, 12, 3)).tier("first")]
    assert "echr_application" in first


def test_neighbours_across_the_border_are_asked_where_the_permitted_plant_is(content: Content) -> None:
    """Dutch neighbours of a plant in the port of Antwerp contest its permit: neither the harm nor
    their home is in Belgium, so the first question on the region is not asked, but the region that
    granted the permit decides the appeal and the inspectorate. The question comes back once what
    happened is known and answers it; a case abroad without a Belgian installation or permit is not
    asked it."""
    facts = {
        "role": "victim",
        "harm_country": "eu",
        "lives_in": "eu",
        "be_region": "flanders",
        "company_link": "belgian_company",
        "public_body_involved": True,
        "public_body_level": ["local"],
        "decision_type": "permit",
        "relationship": "community_member",
        "harm_types": ["environment"],
        "goals": ["stop_harm"],
    }
    walked = walk(content, answers_from_facts(content, facts))
    assert "be_region" not in walked.relevant and "installation_region" in walked.relevant
    assert walked.facts["be_region"] == "flanders"
    authority = {"public_body_involved", "public_body_level", "decision_type"}
    abroad = {k: v for k, v in facts.items() if k not in authority}
    abroad.update(harm_country="non_eu", lives_in="non_eu", company_link="belgian_parent")
    assert "installation_region" not in walk(content, answers_from_facts(content, abroad)).relevant


def test_someone_in_another_relationship_with_harm_that_could_be_work_is_asked_the_area(content: Content) -> None:
    """A tenant in "another relationship" with a landlord company, in a flat that makes the family
    ill, names health and safety: that could be a platform worker's or a bogus self-employed
    person's harm at work, which the labour tribunal hears, so the area of life is asked; answered
    "housing", the labour tribunal is not suggested."""
    facts = {
        "role": "victim",
        "harm_country": "belgium",
        "postcode": "2060",
        "company_link": "belgian_company",
        "public_body_involved": False,
        "relationship": "other",
        "harm_types": ["health_safety", "land_housing"],
        "goals": ["stop_harm"],
    }
    assert "field" in walk(content, answers_from_facts(content, facts)).relevant
    housing = recommend(content, dict(facts, field="housing", be_region="flanders"), "en")
    assert "labour_tribunal" not in {i for rec in housing.recommendations for i in rec.names}


def test_harm_abroad_with_no_known_company_is_asked_the_sector(content: Content) -> None:
    """A village downstream of a cobalt mine in the DR Congo does not know whose mine it is: the
    sector decides whether the researchers who trace minerals to their buyers are among the first
    steps, so it is asked; with no Belgian company involved it is not."""
    facts = {
        "role": "victim",
        "harm_country": "non_eu",
        "country": "CD",
        "lives_in": "non_eu",
        "relationship": "community_member",
        "harm_types": ["environment", "health_safety"],
        "goals": ["stop_harm", "compensation"],
        "sector": "mining_other",
    }
    walked = walk(content, answers_from_facts(content, facts))
    assert "sector" in walked.relevant
    first = [r.id for r in recommend(content, walked.facts, "en", dt.date(2026, 12, 3)).tier("first")]
    assert "ipis" in first
    unrelated = walk(content, answers_from_facts(content, dict(facts, company_link="none")))
    assert "sector" not in unrelated.relevant
