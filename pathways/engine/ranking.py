"""The ranking table applied: a score per suggested entry, with the reasons behind it.

Every number and every condition is content (`data/ranking.yaml`); this module only knows
how each kind of rule (`applies`) is applied. The reasons (`rank_basis`) are the rules'
own texts, so the person sees why an entry sits where it does. An unknown fact never
raises an entry: a lead condition counts only when it is true, and an entry whose fit
depends on an unknown fact takes the `uncertain` rule's points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pathways.content.conditions import truth
from pathways.content.model import Body, RankingRule, Route
from pathways.content.store import Content


@dataclass(frozen=True)
class Standing:
    """What the ranking needs to know about one entry in one case."""

    entry: Route | Body
    kind: str
    certain: bool  # eligible and suited without any unknown fact
    lead: bool  # its lead condition is true for this case


ENTRY_ATTRIBUTES = ("kind", "cost", "fast", "binding", "body_kind")


def kind_of(entry: Route | Body) -> str:
    """A route's kind; a support body's is `support`."""
    return entry.kind if isinstance(entry, Route) else "support"


def entry_attributes(entry: Route | Body, kind: str) -> dict[str, Any]:
    """The attributes a rule's `entry:` part can test."""
    return {
        "kind": kind,
        "cost": entry.ranking.cost,
        "fast": entry.ranking.fast,
        "binding": entry.ranking.binding,
        "body_kind": entry.body_kind if isinstance(entry, Body) else None,
    }


def attributes_match(wanted: dict[str, Any], actual: dict[str, Any]) -> bool:
    for name, value in wanted.items():
        have = actual.get(name)
        if isinstance(value, list):
            if have not in value:
                return False
        elif have != value:
            return False
    return True


def matched_goals(content: Content, entry: Route | Body, facts: dict[str, Any]) -> list[str]:
    """The person's goals this route can achieve (support bodies achieve none themselves)."""
    if not isinstance(entry, Route):
        return []
    table = content.ranking.goal_achieves
    return [g for g in facts.get("goals") or [] if set(table.get(g, ())) & set(entry.achieves)]


Applier = Callable[[Content, RankingRule, Standing, dict[str, Any]], int]


def _lead(content: Content, rule: RankingRule, s: Standing, facts: dict[str, Any]) -> int:
    return 1 if s.lead else 0


def _goal(content: Content, rule: RankingRule, s: Standing, facts: dict[str, Any]) -> int:
    return len(matched_goals(content, s.entry, facts))


def _when(content: Content, rule: RankingRule, s: Standing, facts: dict[str, Any]) -> int:
    if rule.when is not None and truth(rule.when, facts) is not True:
        return 0
    return 1 if attributes_match(rule.entry, entry_attributes(s.entry, s.kind)) else 0


def _uncertain(content: Content, rule: RankingRule, s: Standing, facts: dict[str, Any]) -> int:
    return 0 if s.certain else 1


def _weight(content: Content, rule: RankingRule, s: Standing, facts: dict[str, Any]) -> int:
    return s.entry.ranking.weight


def _placed_after_scoring(content: Content, rule: RankingRule, s: Standing, facts: dict[str, Any]) -> int:
    # `stands_in`, `twins` and `alternatives` act once all are scored (recommend._stand_ins,
    # _twins, _alternatives): no points
    return 0


APPLIERS: dict[str, Applier] = {
    "lead": _lead,
    "goal": _goal,
    "when": _when,
    "uncertain": _uncertain,
    "weight": _weight,
    "stands_in": _placed_after_scoring,
    "twins": _placed_after_scoring,
    "alternatives": _placed_after_scoring,
}


def score(content: Content, standing: Standing, facts: dict[str, Any], lang: str) -> tuple[int, list[str]]:
    """(score, reasons): each rule adds `points` times how often it applies."""
    total, basis = 0, []
    for rule in content.ranking.rules:
        times = APPLIERS[rule.applies](content, rule, standing, facts)
        if not times:
            continue
        total += rule.points * times
        if rule.applies == "lead":
            total += standing.entry.ranking.lead_bonus
        goals = matched_goals(content, standing.entry, facts) if rule.applies == "goal" else []
        text = rule.text.get(lang)
        basis.append(text.format(goals=content.value_label("goals", goals, lang)) if goals else text)
    return total, basis
