"""Rules that span files: every reference resolves, every condition speaks the vocabulary.

Schema checks (one file at a time) happen in the models; these run afterwards on the
whole content, and each error still points at the file and line to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pathways.checks.graph import check_graph
from pathways.content.conditions import AllOf, AnyOf, Condition, Not, Predicate
from pathways.content.countries import country_codes
from pathways.content.model import Body, Question, Route, option_value
from pathways.content.store import Content
from pathways.content.yaml_source import ContentError, YamlDocument
from pathways.engine.facts import DERIVERS, FactError, check_facts
from pathways.engine.ranking import ENTRY_ATTRIBUTES

QUESTION_KIND_FOR_FACT = {
    "single": "choice",
    "multi": "multi",
    "yesno": "bool",
    "date": "date",
    "country": "country",
    "postcode": "postcode",
}
OPS_FOR_TYPE = {
    "choice": {"equals", "in", "known"},
    "multi": {"contains", "contains_any", "known"},
    "bool": {"equals", "known"},
    "date": {"known", "before", "on_or_after"},
    "country": {"equals", "in", "known"},
    "postcode": {"known"},
}


def walk(cond: Condition | None, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Predicate, tuple[Any, ...]]]:
    """Every predicate with its location inside the condition."""
    if isinstance(cond, Predicate):
        yield cond, loc
    elif isinstance(cond, Not):
        yield from walk(cond.not_, (*loc, "not"))
    elif isinstance(cond, AllOf):
        for i, c in enumerate(cond.all):
            yield from walk(c, (*loc, "all", i))
    elif isinstance(cond, AnyOf):
        for i, c in enumerate(cond.any):
            yield from walk(c, (*loc, "any", i))


def check_condition(
    content: Content, cond: Condition | None, doc: YamlDocument, loc: tuple[Any, ...]
) -> list[ContentError]:
    errors = []
    for pred, where in walk(cond, loc):
        line = doc.line_of(where)
        fact = content.facts.get(pred.fact)
        if fact is None:
            errors.append(
                ContentError(
                    doc.path, line, f"condition reads unknown fact {pred.fact!r}; use one of {sorted(content.facts)}"
                )
            )
            continue
        if pred.op not in OPS_FOR_TYPE[fact.type]:
            allowed = ", ".join(sorted(OPS_FOR_TYPE[fact.type]))
            errors.append(
                ContentError(doc.path, line, f"'{pred.op}' cannot test {fact.type} fact {pred.fact!r}; use {allowed}")
            )
            continue
        if pred.op in ("equals", "in", "contains", "contains_any"):
            for value in pred.expected:
                if fact.type == "bool":
                    if not isinstance(value, bool):
                        errors.append(
                            ContentError(
                                doc.path,
                                line,
                                f"fact {pred.fact!r} is yes/no; compare it with true or false, not {value!r}",
                            )
                        )
                elif fact.type == "country":
                    if value not in country_codes():
                        errors.append(
                            ContentError(doc.path, line, f"{value!r} is not an ISO 3166-1 alpha-2 country code")
                        )
                elif value not in fact.value_ids():
                    errors.append(
                        ContentError(
                            doc.path,
                            line,
                            f"{value!r} is not a value of fact {pred.fact!r}; use one of {fact.value_ids()}",
                        )
                    )
    return errors


def _check_question(content: Content, q: Question, i: int, doc: YamlDocument) -> list[ContentError]:
    def at(*loc: str | int) -> int | None:
        return doc.line_of(("questions", i, *loc))

    errors: list[ContentError] = []
    fact = content.facts.get(q.fact)
    if fact is None:
        return [
            ContentError(
                doc.path, at("fact"), f"question {q.id!r} sets unknown fact {q.fact!r}; declare it in facts.yaml"
            )
        ]
    if QUESTION_KIND_FOR_FACT[q.kind] != fact.type:
        errors.append(ContentError(doc.path, at("kind"), f"a {q.kind} question cannot set {fact.type} fact {q.fact!r}"))
    if q.kind in ("single", "multi") and not q.options:
        errors.append(ContentError(doc.path, at("kind"), f"question {q.id!r} needs options"))
    if q.kind in ("yesno", "date", "country", "postcode") and q.options:
        errors.append(ContentError(doc.path, at("options"), f"a {q.kind} question takes no options; remove them"))
    for j, opt in enumerate(q.options):
        if option_value(opt) not in fact.value_ids():
            errors.append(
                ContentError(
                    doc.path,
                    at("options", j),
                    f"{option_value(opt)!r} is not a value of fact {q.fact!r}; use one of {fact.value_ids()}",
                )
            )
        for name, value in opt.also.items():
            other = content.facts.get(name)
            values = value if isinstance(value, list) else [value]
            if other is None:
                errors.append(ContentError(doc.path, at("options", j, "also"), f"unknown fact {name!r}"))
            elif other.type != "bool" and any(v not in other.value_ids() for v in values):
                errors.append(
                    ContentError(doc.path, at("options", j, "also"), f"{value!r} is not a value of fact {name!r}")
                )
    for term in q.glossary:
        if term not in content.glossary:
            errors.append(
                ContentError(
                    doc.path, at("glossary"), f"glossary term {term!r} does not exist; add it to glossary.yaml"
                )
            )
    errors += check_condition(content, q.ask_if, doc, ("questions", i, "ask_if"))
    return errors


def _check_entry(content: Content, entry: Route | Body, doc: YamlDocument) -> list[ContentError]:
    errors = check_condition(content, entry.eligible, doc, ("eligible",))
    errors += check_condition(content, entry.suited, doc, ("suited",))
    errors += check_condition(content, entry.lead, doc, ("lead",))
    if isinstance(entry, Route) and entry.deadline:
        for k, limit in enumerate(entry.deadline.limits):
            at = ("deadline", "limits", k)
            errors += check_condition(content, limit.applies_if, doc, (*at, "applies_if"))
            fact = content.facts.get(limit.start_fact) if limit.start_fact else None
            if limit.start_fact and (fact is None or fact.type != "date"):
                errors.append(
                    ContentError(
                        doc.path,
                        doc.line_of((*at, "start_fact")),
                        f"start_fact {limit.start_fact!r} is not a date fact; use one of {_date_facts(content)}",
                    )
                )
    for term in entry.glossary:
        if term not in content.glossary:
            errors.append(
                ContentError(
                    doc.path,
                    doc.line_of(("glossary",)),
                    f"glossary term {term!r} does not exist; add it to glossary.yaml",
                )
            )
    target = entry.ranking.stands_in_for
    if target is not None and target not in content.routes:
        errors.append(
            ContentError(
                doc.path,
                doc.line_of(("ranking", "stands_in_for")),
                f"ranking.stands_in_for names {target!r}, which is not a route",
            )
        )
    if isinstance(entry, Route):
        for k, ob in enumerate(entry.obstacles):
            if isinstance(ob, str) and ob not in content.obstacles:
                errors.append(
                    ContentError(
                        doc.path,
                        doc.line_of(("obstacles", k)),
                        f"obstacle {ob!r} does not exist; add it to obstacles.yaml",
                    )
                )
        for k, inter in enumerate(entry.interactions):
            if inter.route not in content.routes and inter.route not in content.bodies:
                errors.append(
                    ContentError(
                        doc.path,
                        doc.line_of(("interactions", k, "route")),
                        f"interaction names unknown route {inter.route!r}",
                    )
                )
    return errors


def _date_facts(content: Content) -> list[str]:
    return [f.id for f in content.facts.values() if f.type == "date"]


def check_vocabulary(content: Content) -> list[ContentError]:
    """Facts computed by the engine, the ranking table and the bars: each refers to what exists."""
    errors: list[ContentError] = []
    facts_path, ranking_path, bars_path = "data/facts.yaml", "data/ranking.yaml", "data/bars.yaml"
    for fact in content.facts.values():
        if fact.not_before and {fact.id, fact.not_before} - set(_date_facts(content)):
            errors.append(ContentError(facts_path, None, f"fact {fact.id!r}: not_before must join two date facts"))
        if fact.derived_from is None:
            continue
        if fact.derived_from not in content.facts:
            errors.append(
                ContentError(facts_path, None, f"fact {fact.id!r} is derived from unknown fact {fact.derived_from!r}")
            )
        if fact.id not in DERIVERS:
            errors.append(
                ContentError(facts_path, None, f"fact {fact.id!r} is marked derived but the engine cannot derive it")
            )
    goals = set(content.facts["goals"].value_ids()) if "goals" in content.facts else set()
    for goal in content.ranking.goal_achieves:
        if goal not in goals:
            errors.append(ContentError(ranking_path, None, f"goal_achieves names {goal!r}, which is not a goal"))
    for rule in content.ranking.rules:
        for pred, _ in walk(rule.when):
            if pred.fact not in content.facts:
                errors.append(ContentError(ranking_path, None, f"rule {rule.id!r} reads unknown fact {pred.fact!r}"))
        for name in rule.entry:
            if name not in ENTRY_ATTRIBUTES:
                errors.append(
                    ContentError(ranking_path, None, f"rule {rule.id!r} tests unknown entry attribute {name!r}")
                )
    for place in content.index.catalogue_places:
        try:
            check_facts(content, place.facts)
        except FactError as exc:
            errors.append(ContentError("data/index.yaml", None, f"catalogue place {place.id!r}: {exc}"))
    if "bar" in content.facts and set(content.facts["bar"].value_ids()) != set(content.bars):
        errors.append(ContentError(bars_path, None, "the bars and the values of the fact 'bar' must be the same ids"))
    districts = set(content.facts["judicial_district"].value_ids()) if "judicial_district" in content.facts else set()
    for bar in content.bars.values():
        if bar.district not in districts:
            errors.append(ContentError(bars_path, None, f"bar {bar.id!r}: unknown judicial district {bar.district!r}"))
    return errors


# What a route's interaction says about the other route, seen from that other route. Relations
# not listed (parallel, next_step, the limitation notes) may differ between the two sides: each
# side describes its own step. These may not: a person would read two contradicting answers.
MIRROR = {"suspends": "suspended_by", "suspended_by": "suspends", "excludes": "excludes", "precondition": "next_step"}


def check_interactions(entries: dict[str, tuple[Route | Body, YamlDocument]]) -> list[ContentError]:
    """Two routes that name each other agree on what one does to the other."""
    relation: dict[tuple[str, str], tuple[str, YamlDocument, int]] = {}
    for entry_id, (entry, doc) in entries.items():
        if isinstance(entry, Route):
            for k, inter in enumerate(entry.interactions):
                relation[(entry_id, inter.route)] = (inter.relation, doc, k)
    errors: list[ContentError] = []
    for (a, b), (rel, doc, k) in sorted(relation.items(), key=lambda kv: kv[0]):
        back = relation.get((b, a))
        if back is not None and rel in MIRROR and back[0] != MIRROR[rel]:
            errors.append(
                ContentError(
                    doc.path,
                    doc.line_of(("interactions", k, "relation")),
                    f"{a} says {b!r} is {rel!r}, but {b} says {a!r} is {back[0]!r}; "
                    f"make {b}'s side {MIRROR[rel]!r} or change this one",
                )
            )
    return errors


def check_twins(content: Content, entries: dict[str, tuple[Route | Body, YamlDocument]]) -> list[ContentError]:
    """A `ranking.language_twin` names another body that names this one back (rule `twins`)."""
    errors: list[ContentError] = []
    for entry_id, (entry, doc) in entries.items():
        twin = entry.ranking.language_twin
        if twin is None:
            continue
        if twin == entry_id or twin not in content.bodies or content.bodies[twin].ranking.language_twin != entry_id:
            errors.append(
                ContentError(
                    doc.path,
                    doc.line_of(("ranking", "language_twin")),
                    f"ranking.language_twin names {twin!r}, which is not another body naming this one as its twin",
                )
            )
    return errors


def check_same_work_groups(entries: dict[str, tuple[Route | Body, YamlDocument]]) -> list[ContentError]:
    """A `ranking.same_work_group` is shared by at least two support bodies (rule `alternatives`):
    a group of one would fold nothing and most likely misspells another's group."""
    members: dict[str, list[str]] = {}
    for entry_id, (entry, _doc) in entries.items():
        if entry.ranking.same_work_group:
            members.setdefault(entry.ranking.same_work_group, []).append(entry_id)
    errors: list[ContentError] = []
    for entry, doc in entries.values():
        group = entry.ranking.same_work_group
        if group is None:
            continue
        if not isinstance(entry, Body) or len(members[group]) < 2:
            errors.append(
                ContentError(
                    doc.path,
                    doc.line_of(("ranking", "same_work_group")),
                    f"ranking.same_work_group {group!r} must be shared by two or more support bodies",
                )
            )
    return errors


def cross_check(
    content: Content, q_doc: YamlDocument, entries: dict[str, tuple[Route | Body, YamlDocument]]
) -> list[ContentError]:
    errors: list[ContentError] = []
    for i, q in enumerate(content.questions):
        errors += _check_question(content, q, i, q_doc)
    for entry, doc in entries.values():
        errors += _check_entry(content, entry, doc)
    errors += check_interactions(entries)
    errors += check_twins(content, entries)
    errors += check_same_work_groups(entries)
    errors += check_vocabulary(content)
    errors += check_graph(content, q_doc)
    return errors
