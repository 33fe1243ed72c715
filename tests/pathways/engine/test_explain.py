"""Sentences from a trace: findings that rule an entry out only together read as one reason."""

from __future__ import annotations

from pathways.content.conditions import evaluate
from pathways.content.store import Content
from pathways.engine.explain import why_not_sentences
from pathways.engine.recommend import recommend

# a frontier worker living in Belgium, dismissed by an employer in Germany he cannot name
FRONTIER = {
    "role": "victim",
    "harm_country": "eu",
    "lives_in": "belgium",
    "be_region": "wallonia",
    "relationship": "employee",
    "harm_types": ["labour_rights"],
    "employment_ended": True,
}


def test_a_combination_is_read_as_one_reason(content: Content) -> None:
    ncp = next(e for e in recommend(content, FRONTIER, "en").excluded if e.id == "oecd_ncp")
    together = [s for s in ncp.why_not if "all of these apply together" in s]
    assert together == [
        "Relationship with the company: employee of the company; Where the harm happened: in another EU country; "
        "Where the affected person lives: in Belgium; Link with a Belgian company: not known; "
        "What happened: labour rights (pay, hours, union, dismissal). "
        "This route is not made for a case where all of these apply together."
    ]
    # no part of it is offered as a reason of its own ("in another EU country: not made for that")
    assert not any(s.endswith("This route is not made for that.") for s in ncp.why_not)


def test_the_list_separator_follows_the_language(content: Content) -> None:
    ncp = next(e for e in recommend(content, FRONTIER, "fr").excluded if e.id == "oecd_ncp")
    assert any(" ; Lieu du dommage : dans un autre pays de l'UE ; " in s for s in ncp.why_not)


def test_a_single_negated_finding_keeps_its_own_sentence(content: Content) -> None:
    cond = content.routes["labour_tribunal"].eligible
    out = evaluate(cond, {"relationship": "community_member", "harm_country": "belgium", "harm_types": ["environment"]})
    assert out.value is False
    assert not any("apply together" in s for s in why_not_sentences(content, out, "en"))
