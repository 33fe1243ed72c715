"""Which answers led to which suggestion: the data behind the results map.

The map is drawn by the app, but what connects an answer to a route is the engine's own
trace (the facts that supported an entry's condition), so it is computed here and the
view only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathways.content.conditions import evaluate
from pathways.content.store import Content
from pathways.engine.recommend import Result


@dataclass(frozen=True)
class PathMap:
    facts: dict[str, str]  # fact id -> "label: value" in the chosen language
    entries: list[tuple[str, str, str]]  # (entry id, title, kind), most useful first
    edges: list[tuple[str, str]]  # (fact id, entry id)


def path_map(content: Content, result: Result, lang: str, limit: int | None = None) -> PathMap:
    """The answers that support each suggested entry (entries open to everyone have no edge)."""
    recs = result.recommendations[:limit] if limit else result.recommendations
    facts: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    for rec in recs:
        outcome = evaluate(rec.entry.eligible, result.facts)
        for fact_id in dict.fromkeys(f.fact for f in outcome.support):
            if fact_id not in content.facts or fact_id not in result.facts:
                continue
            label = content.facts[fact_id].label.get(lang)
            facts[fact_id] = f"{label}: {content.value_label(fact_id, result.facts[fact_id], lang)}"
            edges.append((fact_id, rec.id))
    entries = [(r.id, r.entry.title.get(lang), r.kind) for r in recs]
    return PathMap(facts, entries, edges)
