"""From case facts to advice: the entries that suit the case, ranked and put in tiers.

Each route and support body is judged on three declared conditions (`pathways.content.model.Entry`):
open in law (`eligible`), made for this kind of case (`suited`), and one of the first steps
a specialist would take (`lead`). An entry that is not eligible or not suited is left out,
with the reason and the answers that decided it; one that depends on an unknown answer is
still suggested, with a caveat saying which answer decides, and never raised by it. What
is left is scored by the ranking table (`pathways.engine.ranking`, `data/ranking.yaml`)
and split into tiers: the best next steps (`first`, at most five), other routes that suit
the case (`also`) and support that suits it (`help`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any

from pathways.content.conditions import Finding, evaluate, predicates, truth
from pathways.content.dates import format_date
from pathways.content.model import KINDS, Body, Route, short_title
from pathways.content.store import Content
from pathways.engine.deadlines import DatedDeadline, dated_deadline
from pathways.engine.explain import explain, sentences, why_not_sentences
from pathways.engine.facts import derive_facts
from pathways.engine.ranking import Standing, kind_of, score

KIND_ORDER = KINDS  # kept for the views that group by kind
# A law that applies within this horizon is shown (with its start date); one further off is not yet a route.
NOT_YET_HORIZON = dt.timedelta(days=183)


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
    tier: str = "also"
    lead: bool = False
    stands_for: str | None = None  # the route this office is listed in place of (rule `stands_in`)
    offices: tuple[str, ...] = ()  # the offices this route is reached through, listed on its card (`stands_in`)
    alternatives: tuple[str, ...] = ()  # bodies doing the same work, named on its card (`alternatives`)
    heading: str = ""  # the card's title where it names others in it (`alternatives`), in the result's language

    def card_title(self, lang: str) -> str:
        """The title the card is shown under: its entry's, or the one naming the bodies folded in."""
        return self.heading or self.entry.title.get(lang)

    @property
    def folded(self) -> tuple[str, ...]:
        """The entries this card stands for and names that are not listed on their own."""
        return (*((self.stands_for,) if self.stands_for else ()), *self.offices, *self.alternatives)

    @property
    def names(self) -> tuple[str, ...]:
        """Every entry this card names: its own and those folded into it."""
        return (self.id, *self.folded)


@dataclass(frozen=True)
class Exclusion:
    id: str
    entry: Route | Body
    kind: str
    why_not: list[str]
    reason: str = "not_eligible"


@dataclass(frozen=True)
class Result:
    recommendations: list[Recommendation]
    excluded: list[Exclusion]
    facts: dict[str, Any] = field(default_factory=dict)

    def tier(self, name: str) -> list[Recommendation]:
        return [r for r in self.recommendations if r.tier == name]


def case_advice(
    entry: Route | Body, facts: dict[str, Any], lang: str, unsaid: AbstractSet[str] = frozenset()
) -> list[str]:
    """The entry's advice for this kind of case (`not_suited_advice` whose condition holds):
    where to go instead, said only to the people it concerns. Advice whose condition reads a fact
    in `unsaid` is left out (a summary printed without the sensitive answers must not say them
    through the advice: "an order to leave" says the person has no residence permit)."""
    return [
        a.text.get(lang)
        for a in entry.not_suited_advice
        if truth(a.applies_if, facts) is True and not unsaid & {p.fact for p in predicates(a.applies_if)}
    ]


def _not_suited_reasons(
    content: Content, entry: Route | Body, findings: tuple[Finding, ...], facts: dict[str, Any], lang: str
) -> list[str]:
    lead = entry.not_suited_note.get(lang) if entry.not_suited_note else content.text("trace.not_suited_intro", lang)
    return [lead, *case_advice(entry, facts, lang), *sentences(content, findings, "not_suited", lang)]


def _judge(
    content: Content, entry_id: str, entry: Route | Body, facts: dict[str, Any], lang: str, today: dt.date
) -> Recommendation | Exclusion:
    kind = kind_of(entry)
    if entry.valid_to and entry.valid_to < today:
        why_not = [content.text("trace.expired", lang, date=format_date(entry.valid_to, lang))]
        return Exclusion(entry_id, entry, kind, why_not, "expired")
    if entry.valid_from and entry.valid_from > today + NOT_YET_HORIZON:
        why_not = [content.text("trace.not_yet_far", lang, date=format_date(entry.valid_from, lang))]
        return Exclusion(entry_id, entry, kind, why_not, "not_eligible")
    eligible = evaluate(entry.eligible, facts)
    if eligible.value is False:
        return Exclusion(entry_id, entry, kind, why_not_sentences(content, eligible, lang), "not_eligible")
    why, unknown, _ = explain(content, eligible, lang)
    suited = evaluate(entry.suited, facts)
    if suited.value is False:
        why_not = _not_suited_reasons(content, entry, suited.against, facts, lang)
        return Exclusion(entry_id, entry, kind, why_not, "not_suited")
    s_why, s_unknown, _ = explain(content, suited, lang)
    if suited.support:
        why = list(dict.fromkeys([*[w for w in why if w != content.text("trace.always", lang)], *s_why]))
    caveats = list(dict.fromkeys([*unknown, *s_unknown]))
    if entry.valid_from and entry.valid_from > today:
        caveats.insert(0, content.text("trace.not_yet", lang, date=format_date(entry.valid_from, lang)))
    caveats += [c.get(lang) for c in entry.caveats]
    deadline = dated_deadline(content, entry.deadline, facts, lang, today) if isinstance(entry, Route) else None
    if deadline is not None and deadline.closed:
        why_not = [content.text("trace.deadline_passed", lang, date=format_date(deadline.date, lang))]
        return Exclusion(entry_id, entry, kind, why_not, "expired")
    certain = eligible.value is True and suited.value is True
    lead = entry.lead is not None and truth(entry.lead, facts) is True
    points, basis = score(content, Standing(entry, kind, certain, lead), facts, lang)
    return Recommendation(entry_id, entry, kind, certain, why, caveats, deadline, points, basis, lead=lead)


def _tiered(content: Content, recs: list[Recommendation], lang: str) -> list[Recommendation]:
    """Best first; the first `first_tier_size` are the next steps, then other routes, then help."""
    ranked = sorted(recs, key=lambda r: (-r.score, KINDS.index(r.kind), r.entry.title.get(lang)))
    size = content.ranking.first_tier_size
    first = [_with_tier(r, "first") for r in ranked[:size]]
    rest = ranked[size:]
    also = [_with_tier(r, "also") for r in rest if r.kind != "support"]
    help_ = [_with_tier(r, "help") for r in rest if r.kind == "support"]
    return [*first, *also, *help_]


def _with_tier(rec: Recommendation, tier: str) -> Recommendation:
    return Recommendation(**{**rec.__dict__, "tier": tier})


def recommend(content: Content, facts: dict[str, Any], lang: str = "en", today: dt.date | None = None) -> Result:
    """Judge every route and body for these facts; rank and tier what suits the case."""
    today = today or dt.date.today()
    facts = derive_facts(content, facts)
    recs: list[Recommendation] = []
    excluded: list[Exclusion] = []
    for entry_id, entry in content.entries():
        judged = _judge(content, entry_id, entry, facts, lang, today)
        if isinstance(judged, Recommendation):
            recs.append(judged)
        else:
            excluded.append(judged)
    recs = _alternatives(content, _twins(content, _stand_ins(content, recs, lang), lang), lang)
    excluded.sort(key=lambda e: (KINDS.index(e.kind), e.entry.title.get(lang)))
    return Result(_tiered(content, recs, lang), excluded, facts)


def _folded(
    card: Recommendation,
    others: list[Recommendation],
    text: str,
    lang: str,
    their_caveats: bool = True,
    **fields: Any,
) -> Recommendation:
    """`card` with `others` folded into it (rules `stands_in`, `twins` and `alternatives`): the best
    score of them all, the rule's sentence among its reasons, and, with `their_caveats`, their
    caveats among its own, each said once."""
    added = [c.get(lang) for o in others for c in o.entry.caveats] if their_caveats else []
    return replace(
        card,
        score=max(r.score for r in [card, *others]),
        rank_basis=[*card.rank_basis, text],
        caveats=list(dict.fromkeys([*card.caveats, *added])),
        **fields,
    )


def _stand_ins(content: Content, recs: list[Recommendation], lang: str) -> list[Recommendation]:
    """The ranking table's `stands_in` rule: a route and the offices that give it make one card.

    A lawyer is appointed by the bureau of the person's bar, free first advice is given by the
    Community's service for the region. Once the one office for this person is suggested, the
    route's general card would only repeat it: the office is listed in the route's place. It
    takes the route's score if that is higher, gains the rule's sentence among its reasons and
    the route's caveats among its own, and its `stands_for` names the route, whose "who can use
    it" and cost its card shows. Where two offices could be the door (Brussels' two bars and two
    Communities: the language the person chooses decides), one card per office would show the
    same route two or three times: the route is listed with both offices named on its card
    (`offices`, with their contacts and caveats), at the best score of the three, and the
    offices are not listed on their own. Either way, what is folded into another card is
    neither among the recommendations nor among what is not suggested: it is suggested,
    through that card.
    """
    rule = next((r for r in content.ranking.rules if r.applies == "stands_in"), None)
    if rule is None:
        return recs
    offices: dict[str, list[Recommendation]] = {}  # route id -> the suggested offices standing in for it
    for rec in recs:
        if rec.entry.ranking.stands_in_for:
            offices.setdefault(rec.entry.ranking.stands_in_for, []).append(rec)
    placed: dict[str, Recommendation] = {}  # what is listed instead of a route, or the route with its offices
    for rec in recs:
        doors = offices.get(rec.id, [])
        if len(doors) == 1:
            office = doors[0]
            text = rule.text.get(lang).format(office=office.entry.title.get(lang), route=rec.entry.title.get(lang))
            placed[office.id] = _folded(office, [rec], text, lang, stands_for=rec.id)
        elif len(doors) > 1 and rule.several is not None:
            names = "; ".join(d.entry.title.get(lang) for d in doors)
            text = rule.several.get(lang).format(offices=names, route=rec.entry.title.get(lang))
            placed[rec.id] = _folded(rec, doors, text, lang, offices=tuple(d.id for d in doors))
    gone = {i for o in placed.values() for i in o.folded}
    return [placed.get(r.id, r) for r in recs if r.id not in gone]


def _twins(content: Content, recs: list[Recommendation], lang: str) -> list[Recommendation]:
    """The ranking table's `twins` rule: two bodies that do the same work, one in each national
    language (11.11.11 and CNCD-11.11.11, the Liga and the Ligue), make one card when both are
    suggested. Two cards would say the same thing twice; which of the two a person turns to is
    their language. The card is the one in the reader's language (for a reader in English or
    German, the better placed of the two, then the first by id), at the better score of the two,
    with the other named on it (`offices`, with its languages and contacts) and its caveats among
    its own; the other is neither listed on its own nor among what is not suggested.
    """
    rule = next((r for r in content.ranking.rules if r.applies == "twins"), None)
    if rule is None:
        return recs

    def serves(r: Recommendation) -> bool:
        return isinstance(r.entry, Body) and lang in r.entry.languages

    by_id = {r.id: r for r in recs}
    placed: dict[str, Recommendation] = {}
    gone: set[str] = set()
    for rec in recs:
        twin = by_id.get(rec.entry.ranking.language_twin or "")
        if twin is None or rec.id in gone or rec.id in placed:
            continue
        keep, other = sorted((rec, twin), key=lambda r: (not serves(r), -r.score, r.id))
        text = rule.text.get(lang).format(entry=keep.entry.title.get(lang), other=other.entry.title.get(lang))
        placed[keep.id] = _folded(keep, [other], text, lang, offices=(*keep.offices, other.id))
        gone.add(other.id)
    return [placed.get(r.id, r) for r in recs if r.id not in gone]


def _alternatives(content: Content, recs: list[Recommendation], lang: str) -> list[Recommendation]:
    """The ranking table's `alternatives` rule: bodies of one `ranking.same_work_group` (the three
    representative unions) do the same work for the same people, and which one a person turns to
    is their own choice or membership. Where several are suggested (the person's union is not
    known), one card per body would list the same step two or three times: they make one card,
    the better placed (then the first by id), at the best score, titled with the others' names
    (the rule's `heading`) and naming them (`alternatives`, with their contacts); its caveats stay
    its own, as each body's are about its own conditions. The others are neither listed on their
    own nor among what is not suggested. Where the person's own union is known the others are not
    suggested, and nothing is folded.
    """
    rule = next((r for r in content.ranking.rules if r.applies == "alternatives"), None)
    if rule is None:
        return recs
    groups: dict[str, list[Recommendation]] = {}
    for rec in recs:
        group = rec.entry.ranking.same_work_group
        if group:
            groups.setdefault(group, []).append(rec)
    placed: dict[str, Recommendation] = {}
    gone: set[str] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        keep, *others = sorted(members, key=lambda r: (-r.score, r.id))
        names = ", ".join(o.entry.title.get(lang) for o in others)
        text = rule.text.get(lang).format(entry=keep.entry.title.get(lang), others=names)
        short = ", ".join(short_title(o.entry.title.get(lang)) for o in others)
        # every union named alike in the title: the first one's explanation in brackets left out too
        first = short_title(keep.entry.title.get(lang))
        heading = rule.heading.get(lang).format(entry=first, others=short) if rule.heading else ""
        # each body's caveats are about its own conditions (ask at an ACV office...), written alike:
        # the card keeps its own and names the others with their contacts
        alternatives = tuple(o.id for o in others)
        placed[keep.id] = _folded(
            keep, others, text, lang, their_caveats=False, alternatives=alternatives, heading=heading
        )
        gone |= {o.id for o in others}
    return [placed.get(r.id, r) for r in recs if r.id not in gone]


def to_json(content: Content, result: Result, lang: str) -> dict[str, Any]:
    """The contract's JSON shape (case-facts.md), plus `score` and `rank_basis`."""

    def rec(r: Recommendation) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": r.id,
            "title": r.card_title(lang),
            "kind": r.kind,
            "tier": r.tier,
            "why": r.why,
            "caveats": r.caveats,
        }
        if r.deadline and r.deadline.date:
            out["deadline"] = {"date": r.deadline.date.isoformat(), "basis": r.deadline.basis}
            if r.deadline.counted_from:  # dated on the safe side from an earlier date
                out["deadline"]["counted_from"] = r.deadline.counted_from
        if r.stands_for:  # listed in the place of this route, which is not listed on its own
            out["stands_for"] = r.stands_for
        if r.offices:  # reached through these offices, named on its card and not listed on their own
            out["offices"] = list(r.offices)
        if r.alternatives:  # bodies doing the same work, named on its card and not listed on their own
            out["alternatives"] = list(r.alternatives)
        out["score"] = r.score
        out["rank_basis"] = r.rank_basis
        return out

    return {
        "content_version": content.version,
        "recommendations": [rec(r) for r in result.recommendations],
        "excluded": [
            {"id": e.id, "title": e.entry.title.get(lang), "reason": e.reason, "why_not": e.why_not}
            for e in result.excluded
        ],
    }
