"""Scenario files as data: facts in, routes that must and must not be recommended.

Runs every file in tests/scenarios/ and the examples in ../shared/scenarios/ (when that
folder is beside the checkout), the same way the external expert set is run.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from pathways.content.store import Content
from pathways.engine.recommend import recommend
from pathways.outputs.case_input import validate_facts

HERE = Path(__file__).parent / "scenarios"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "scenarios"
FILES = sorted(HERE.glob("*.yaml")) + sorted(SHARED.glob("*.yaml"))


def _today(scenario: dict) -> dt.date | None:
    """A scenario may fix the day it is set on (a law that applies only later)."""
    return dt.date.fromisoformat(scenario["today"]) if "today" in scenario else None


def _matches(pattern: str, haystacks: list[str]) -> list[str]:
    rx = re.compile(pattern, re.IGNORECASE)
    return [h for h in haystacks if rx.search(h)]


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_scenario(content: Content, path: Path) -> None:
    scenario = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts = validate_facts(content, scenario["facts"])
    result = recommend(content, facts, "en", _today(scenario))
    recommended = [f"{r.id} {r.entry.title.en}" for r in result.recommendations]
    # an entry folded into another card (a language twin, one of the unions) is named there too:
    # "must not be recommended" covers that, and "recommended" is met by it
    recommended += [name for r in result.recommendations for name in r.names if name != r.id]
    expect = scenario.get("expect", {})
    assert expect.get("include") or expect.get("exclude"), "a scenario must expect something"
    for pattern in expect.get("include", []):
        assert _matches(pattern, recommended), f"{pattern!r} not recommended; got {recommended}"
    for pattern in expect.get("exclude", []):
        assert not _matches(pattern, recommended), (
            f"{pattern!r} must not be recommended: {_matches(pattern, recommended)}"
        )
    first = [f"{r.id} {r.entry.title.en}" for r in result.tier("first")]
    for pattern in expect.get("top", []):
        assert _matches(pattern, first), f"{pattern!r} not among the first five; got {first}"
    # the date to act by, as the person reads it: an ISO date, "unknown" when a start is missing,
    # or "none" when no time limit applies (the route is recommended, but nothing runs out)
    for route_id, wanted in expect.get("deadlines", {}).items():
        rec = next((r for r in result.recommendations if r.id == route_id), None)
        assert rec is not None, f"{route_id}: not recommended"
        if wanted == "none":
            assert rec.deadline is None, f"{route_id}: a time limit is shown where none applies: {rec.deadline}"
            continue
        assert rec.deadline is not None, f"{route_id}: no deadline"
        got = rec.deadline.date.isoformat() if rec.deadline.date else "unknown"
        assert got == str(wanted), f"{route_id}: date to act by {got}, expected {wanted}"


def test_there_are_enough_scenarios() -> None:
    assert len(list(HERE.glob("*.yaml"))) >= 40


def test_every_route_is_included_by_some_scenario(content: Content) -> None:
    """Each route appears as an expected inclusion in at least one scenario."""
    included: set[str] = set()
    for path in FILES:
        scenario = yaml.safe_load(path.read_text(encoding="utf-8"))
        facts = validate_facts(content, scenario["facts"])
        result = recommend(content, facts, "en", _today(scenario))
        for pattern in scenario.get("expect", {}).get("include", []):
            rx = re.compile(pattern, re.IGNORECASE)
            included |= {r.id for r in result.recommendations if rx.search(f"{r.id} {r.entry.title.en}")}
    missing = sorted(set(content.routes) - included)
    assert not missing, f"routes no scenario expects: {missing}"
