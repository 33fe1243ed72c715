"""Whether a question is worth asking: could any answer change the advice, given what is known?

The interview asks a question only if some answer to it could change which entries are
recommended (an entry's `eligible`, `suited` or `lead` condition changes value), the order
(a ranking rule reads the fact), a deadline (a time limit starts from the date it asks), or
which later questions are asked. Everything is read from content: which conditions read
which fact, which facts a postcode decides, which limits start from which date. Answers
are tried one representative per value a condition names, plus one it does not name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pathways.content.conditions import Condition, predicates, truth
from pathways.content.model import Body, Question, RankingRule, Route
from pathways.content.store import Content
from pathways.engine.answers import apply_answer
from pathways.engine.deadlines import safe_side
from pathways.engine.facts import derive_facts, known_postcodes
from pathways.engine.ranking import attributes_match, entry_attributes, kind_of

OTHER_COUNTRY = "AQ"  # a real ISO code no condition names: "some other country"


@dataclass(frozen=True)
class Readers:
    """For one fact: the entries whose conditions read it, and whether anything else does."""

    entries: tuple[Route | Body, ...]
    deadlines: tuple[Route, ...]  # routes with a time limit starting from this date
    rules: tuple[RankingRule, ...]  # ranking rules whose case condition reads it
    always: bool  # the goal rule reads it: every goal can reorder the routes


def _conditions(entry: Route | Body) -> Iterable[Condition]:
    yield entry.eligible
    yield entry.suited
    if entry.lead is not None:
        yield entry.lead


@functools.cache
def _index(content: Content) -> dict[str, Readers]:
    derived: dict[str, set[str]] = defaultdict(set)  # fact -> facts derived from it
    for fact in content.facts.values():
        if fact.derived_from:
            derived[fact.derived_from].add(fact.id)
    entries: dict[str, list[Route | Body]] = defaultdict(list)
    for _, entry in content.entries():
        read = {p.fact for cond in _conditions(entry) for p in predicates(cond)}
        for fact_id in content.facts:
            if read & ({fact_id} | derived[fact_id]):
                entries[fact_id].append(entry)
    deadlines: dict[str, list[Route]] = defaultdict(list)
    for route in content.routes.values():
        starts = {limit.start_fact for limit in route.deadline.limits} if route.deadline else set()
        for start in starts - {None}:
            deadlines[str(start)].append(route)
    rules: dict[str, list[RankingRule]] = defaultdict(list)
    for rule in content.ranking.rules:
        for fact_id in {p.fact for p in predicates(rule.when)} if rule.when else set():
            rules[fact_id].append(rule)
    goal_fact = {"goals"} if any(r.applies == "goal" for r in content.ranking.rules) else set()
    return {f: Readers(tuple(entries[f]), tuple(deadlines[f]), tuple(rules[f]), f in goal_fact) for f in content.facts}


def candidates(content: Content, q: Question) -> tuple[Any, ...]:
    return _candidates(content, q.id)


@functools.cache
def _candidates(content: Content, qid: str) -> tuple[Any, ...]:
    """Representative answers to a question: each value a condition could tell apart."""
    q = content.question(qid)
    if q.kind == "single":
        return tuple(o.id for o in q.options)
    if q.kind == "multi":
        return (*([o.id] for o in q.options), [])
    if q.kind == "yesno":
        return (True, False)
    if q.kind == "country":
        named = {
            str(v)
            for e in _index(content)[q.fact].entries
            for c in _conditions(e)
            for p in predicates(c)
            if p.fact == q.fact
            for v in p.expected
        }
        return (*sorted(named), OTHER_COUNTRY)
    if q.kind == "postcode":
        return tuple(sorted(_postcode_per_bar(content).values()))
    return ()  # dates: relevant through the deadlines they start, see `is_relevant`


@functools.cache
def _postcode_per_bar(content: Content) -> dict[str, str]:
    """One postcode for each bar (and for places no bar of the content serves)."""
    found: dict[str, str] = {}
    for code in sorted(known_postcodes()):
        bar = derive_facts(content, {"postcode": code}).get("bar", "")
        found.setdefault(str(bar), code)
    return found


def _freeze(facts: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in facts.items()))


def status(entry: Route | Body, facts: dict[str, Any]) -> tuple[Any, ...]:
    """What the advice shows of an entry: left out (not open, or not made for this), or in,
    certain or not, and first step or not."""
    eligible = truth(entry.eligible, facts)
    if eligible is False:
        return ("not_eligible",)
    suited = truth(entry.suited, facts)
    if suited is False:
        return ("not_suited",)
    lead = truth(entry.lead, facts) if entry.lead is not None else False
    return (eligible, suited, lead)


def _changes(entry: Route | Body, facts: dict[str, Any], trials: list[dict[str, Any]]) -> bool:
    """Whether some trial answer changes how the advice shows the entry."""
    base = status(entry, facts)
    return any(status(entry, trial) != base for trial in trials)


def _dates_a_limit(content: Content, route: Route, fact: str, facts: dict[str, Any], today: dt.date) -> bool:
    """Whether the date `fact` could date a time limit shown for `route`: the route can still
    be recommended (open and made for the case), a limit starting from that date can still
    apply (a claim for war crimes has no limit to date), and that limit is not already dated,
    on the safe side, from an earlier date the case gives (`deadlines.safe_side`): a later
    start could then only move a day that has not come yet further away."""
    if truth(route.eligible, facts) is False or truth(route.suited, facts) is False:
        return False
    limits = route.deadline.limits if route.deadline else []
    return any(
        limit.start_fact == fact
        and (limit.applies_if is None or truth(limit.applies_if, facts) is not False)
        and safe_side(content, limit, facts, today) is None  # not dated from an earlier date already
        for limit in limits
    )


def _rule_can_apply(rule: RankingRule, entries: Iterable[Route | Body]) -> bool:
    return any(attributes_match(rule.entry, entry_attributes(e, kind_of(e))) for e in entries)


def is_relevant(content: Content, q: Question, facts: dict[str, Any], today: dt.date | None = None) -> bool:
    """`today` dates the limits a date question could start (the graph check fixes it)."""
    return _relevant(content, q.id, _freeze(facts), today or dt.date.today())


@functools.lru_cache(maxsize=50_000)
def _relevant(content: Content, qid: str, frozen: tuple[tuple[str, Any], ...], today: dt.date) -> bool:
    q = content.question(qid)
    readers = _index(content)[q.fact]
    if readers.always:
        return True
    facts = derive_facts(content, dict((k, list(v) if isinstance(v, tuple) else v) for k, v in frozen))
    if readers.rules:
        still_open = [e for _, e in content.entries() if truth(e.eligible, facts) is not False]
        if any(_rule_can_apply(rule, still_open) for rule in readers.rules):
            return True
    if q.kind == "date":
        # a date changes an entry through the facts it decides (a contract that has ended), and
        # only while those are not known already (the answer "I no longer work there" says it)
        decides = {q.fact} | {f.id for f in content.facts.values() if f.derived_from == q.fact and f.id not in facts}
        open_entries = [
            e
            for e in readers.entries
            if decides & {p.fact for c in _conditions(e) for p in predicates(c)}
            and truth(e.eligible, facts) is not False
        ]
        return bool(open_entries) or any(
            _dates_a_limit(content, route, q.fact, facts, today) for route in readers.deadlines
        )
    entries = _entries_answered(content, qid)
    if not entries:
        return False
    trials = []
    for value in candidates(content, q):
        trial = dict(facts)
        apply_answer(q, value, trial)
        trials.append(derive_facts(content, trial))
    return any(_changes(entry, facts, trials) for entry in entries)


@functools.cache
def _entries_answered(content: Content, qid: str) -> tuple[Route | Body, ...]:
    """The entries a question's answer can change: those reading its fact, and those reading a
    fact one of its options also sets (the urgency option "still going on, but the highest court
    has ruled" sets `remedies_exhausted`, which only Strasbourg and the UN committees read: the
    question must be asked for them even where no entry reads the urgency itself)."""
    q = content.question(qid)
    index = _index(content)
    facts = [q.fact, *sorted({k for o in q.options for k in o.also} - {q.fact})]
    found = {id(e): e for f in facts for e in index[f].entries}
    return tuple(found.values())
