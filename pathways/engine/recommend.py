"""From case facts to ranked, explained routes and support bodies.

Every route and body is evaluated against the facts. A condition that is true makes an
entry fit; one that is unknown (a fact the person did not know) still suggests it, with
a caveat naming what would decide it; one that is false excludes it, with the facts that
ruled it out. Ranking is a small documented score (docs/ranking.md), never a black box:
`rank_basis` lists what raised or lowered each entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pathways.content.conditions import Finding, Outcome, evaluate
from pathways.content.model import Body, Route
from pathways.content.store import Content
from pathways.engine.deadlines import DatedDeadline, dated_deadline

GOAL_TO_ACHIEVEMENT = {
    "compensation": "compensation",
    "stop_harm": "stop_harm",
    "sanction": "sanction",
    "dialogue": "mediation",
    "recognition": "public_statement",
    "information": "information",
}
COST_POINTS = {"free": 2, "low": 1, "medium": 0, "high": -1}
HARM_FACTS = {"harm_types", "discrimination_ground", "financiers"}  # what happened, not where or who
KIND_ORDER = ("support", "non_judicial", "administrative", "judicial", "international")


@dataclass(frozen=True)
class Recommendation:
    id: str
    entry: Route | Body
    kind: str
    certain: bool
    why: list[str]
    caveats: list[str]
    deadline: DatedDeadline | None
    score: int
    rank_basis: list[str]


@dataclass(frozen=True)
class Exclusion:
    id: str
    entry: Route | Body
    kind: str
    why_not: list[str]


@dataclass(frozen=True)
class Result:
    recommendations: list[Recommendation]
    excluded: list[Exclusion]
    facts: dict[str, Any] = field(default_factory=dict)


def _expected_label(content: Content, f: Finding, lang: str) -> str:
    if f.op in ("before", "on_or_after"):
        return content.text(f"trace.op.{f.op}", lang, date=f.expected[0])
    labels = [content.value_label(f.fact, v, lang) for v in f.expected]
    return content.text("trace.or", lang).join(labels)


def _sentence(content: Content, f: Finding, kind: str, lang: str) -> str:
    fact = content.facts[f.fact].label.get(lang)
    actual = (
        content.value_label(f.fact, f.actual, lang) if f.actual is not None else content.text("trace.not_known", lang)
    )
    if f.op == "known":
        key = {"why": "trace.why", "why_not": "trace.why_not_known", "unknown": "trace.unknown"}[kind]
        return content.text(key, lang, fact=fact, actual=actual, expected="")
    expected = _expected_label(content, f, lang)
    key = {"why": "trace.why", "why_not": "trace.why_not", "unknown": "trace.unknown"}[kind]
    if f.negated and kind != "why":
        key += "_negated"
    return content.text(key, lang, fact=fact, actual=actual, expected=expected)


def _sentences(content: Content, findings: tuple[Finding, ...], kind: str, lang: str) -> list[str]:
    return list(dict.fromkeys(_sentence(content, f, kind, lang) for f in findings))


def explain(content: Content, outcome: Outcome, lang: str) -> tuple[list[str], list[str], list[str]]:
    """(why, caveats from unknown facts, why_not) for one evaluated condition."""
    # a predicate that passed only because content said "if unknown, count as true" is no reason to show
    why = _sentences(content, tuple(f for f in outcome.support if f.actual is not None), "why", lang)
    unknown = _sentences(content, outcome.unknown, "unknown", lang)
    why_not = _sentences(content, outcome.against, "why_not", lang)
    if outcome.value is True and not why:
        why = [content.text("trace.always", lang)]
    if outcome.value is None and not why:
        why = [content.text("trace.maybe", lang)]
    if outcome.value is False and not why_not:
        why_not = [content.text("trace.never", lang)]
    return why, unknown, why_not


def _score(
    content: Content, entry: Route | Body, facts: dict[str, Any], certain: bool, support: set[str], lang: str
) -> tuple[int, list[str]]:
    score, basis = 0, []
    goals = facts.get("goals") or []
    if isinstance(entry, Route):
        matched = [g for g in goals if GOAL_TO_ACHIEVEMENT[g] in entry.achieves]
        if matched:
            score += 3 * len(matched)
            basis.append(content.text("rank.goals", lang, goals=content.value_label("goals", matched, lang)))
        if facts.get("urgency") == "urgent" and entry.ranking.fast:
            score += 4
            basis.append(content.text("rank.fast", lang))
        if entry.ranking.binding:
            score += 1
            basis.append(content.text("rank.binding", lang))
    else:
        score += 3
        basis.append(content.text("rank.first_help", lang))
    cost = entry.ranking.cost
    score += COST_POINTS[cost]
    if cost == "high" and facts.get("income") == "low":
        score -= 2
    basis.append(content.text(f"rank.cost.{cost}", lang))
    score += min(len(support), 3)
    if support & HARM_FACTS:
        score += 2
        basis.append(content.text("rank.harm_specific", lang))
    if not certain:
        score -= 2
        basis.append(content.text("rank.uncertain", lang))
    score += entry.ranking.weight
    return score, basis


def recommend(content: Content, facts: dict[str, Any], lang: str = "en", today: dt.date | None = None) -> Result:
    """Evaluate every route and body for these facts; rank what fits."""
    today = today or dt.date.today()
    recs: list[Recommendation] = []
    excluded: list[Exclusion] = []
    entries: list[tuple[str, Route | Body]] = [*content.routes.items(), *content.bodies.items()]
    for entry_id, entry in entries:
        kind = entry.kind if isinstance(entry, Route) else "support"
        outcome = evaluate(entry.eligible, facts)
        why, unknown, why_not = explain(content, outcome, lang)
        if entry.valid_to and entry.valid_to < today:
            excluded.append(
                Exclusion(entry_id, entry, kind, [content.text("trace.expired", lang, date=entry.valid_to.isoformat())])
            )
            continue
        if outcome.value is False:
            excluded.append(Exclusion(entry_id, entry, kind, why_not))
            continue
        caveats = list(unknown)
        if entry.valid_from and entry.valid_from > today:
            caveats.insert(0, content.text("trace.not_yet", lang, date=entry.valid_from.isoformat()))
        caveats += [c.get(lang) for c in entry.caveats]
        deadline = (
            dated_deadline(entry.deadline, facts.get("harm_date"), lang, today) if isinstance(entry, Route) else None
        )
        certain = outcome.value is True
        support = {f.fact for f in outcome.support if not f.negated}  # "is X", not "is not Y"
        score, basis = _score(content, entry, facts, certain, support, lang)
        recs.append(Recommendation(entry_id, entry, kind, certain, why, caveats, deadline, score, basis))
    recs.sort(key=lambda r: (-r.score, KIND_ORDER.index(r.kind), r.entry.title.get(lang)))
    excluded.sort(key=lambda e: (KIND_ORDER.index(e.kind), e.entry.title.get(lang)))
    return Result(recs, excluded, dict(facts))


def to_json(content: Content, result: Result, lang: str) -> dict[str, Any]:
    """The contract's JSON shape (case-facts.md), plus `score` and `rank_basis`."""

    def rec(r: Recommendation) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": r.id,
            "title": r.entry.title.get(lang),
            "kind": r.kind,
            "why": r.why,
            "caveats": r.caveats,
        }
        if r.deadline:
            out["deadline"] = {"date": r.deadline.date.isoformat(), "basis": r.deadline.basis}
        out["score"] = r.score
        out["rank_basis"] = r.rank_basis
        return out

    return {
        "content_version": content.version,
        "recommendations": [rec(r) for r in result.recommendations],
        "excluded": [{"id": e.id, "title": e.entry.title.get(lang), "why_not": e.why_not} for e in result.excluded],
    }
