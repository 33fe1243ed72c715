"""The engine modules added for the app: the path map and the maintainers' lists."""

from __future__ import annotations

import datetime as dt

from pathways.checks.maintenance import SOON, counts, review_due
from pathways.content.store import Content
from pathways.engine.path_map import path_map
from pathways.engine.recommend import recommend


def test_path_map_links_only_supporting_facts(content: Content) -> None:
    facts = {
        "harm_country": "belgium",
        "relationship": "employee",
        "harm_types": ["labour_rights"],
        "company_link": "belgian_company",
    }
    result = recommend(content, facts, "en")
    pm = path_map(content, result, "en")
    assert pm.entries and [e[0] for e in pm.entries] == [r.id for r in result.recommendations]
    assert {f for f, _ in pm.edges} <= set(facts)
    assert all(label.count(":") >= 1 for label in pm.facts.values())


def test_counts_match_the_content(content: Content) -> None:
    n = counts(content)
    assert n["routes"] == len(content.routes) and n["bodies"] == len(content.bodies)
    assert n["questions"] == len(content.questions) and n["glossary"] == len(content.glossary)


def test_review_due_finds_stale_and_soon_valid_entries(content: Content) -> None:
    some = next(iter(content.routes.values()))
    later = some.last_reviewed + dt.timedelta(days=400)
    assert any(i.reason == "stale" for i in review_due(content, later))
    assert all(i.reason != "stale" for i in review_due(content, some.last_reviewed))
    for item in review_due(content, dt.date.today()):
        if item.reason != "stale":
            assert dt.date.today() <= item.date <= dt.date.today() + SOON
