"""Declarative eligibility conditions over case facts, evaluated with a trace.

A condition is data (`all`, `any`, `not`, `always`, and fact predicates), never code.
Evaluation uses three-valued logic: a predicate over a fact the person did not know is
*unknown*, not false, so a route is not silently dropped because someone answered
"I don't know". The same trace yields the "why" (predicates that made it fit), the
"why not" (the predicates that ruled it out) and the caveats (what is still unknown).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

Scalar = bool | str
Truth = bool | None  # None: unknown


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Predicate(_Node):
    """A test on one fact. Exactly one operator is given."""

    fact: str
    equals: Scalar | None = None
    in_: list[Scalar] | None = Field(None, alias="in")
    contains: str | None = None
    contains_any: list[str] | None = None
    known: bool | None = None
    before: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    on_or_after: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    if_unknown: Literal["unknown", "true", "false"] = "unknown"

    @model_validator(mode="after")
    def _one_operator(self) -> Predicate:
        if len(self.operators()) != 1:
            raise ValueError("give exactly one of equals, in, contains, contains_any, known, before, on_or_after")
        return self

    def operators(self) -> list[str]:
        names = ("equals", "in_", "contains", "contains_any", "known", "before", "on_or_after")
        return [n for n in names if getattr(self, n) is not None]

    # Cached: `recommend` asks every predicate for these many times per call, and a
    # predicate is immutable content shared by all sessions (docs/performance.md).
    @functools.cached_property
    def op(self) -> str:
        return self.operators()[0].rstrip("_")

    @functools.cached_property
    def expected(self) -> tuple[Scalar, ...]:
        value = getattr(self, self.operators()[0])
        return tuple(value) if isinstance(value, list) else (value,)


class AllOf(_Node):
    all: list[Condition]


class AnyOf(_Node):
    any: list[Condition] = Field(min_length=1)


class Not(_Node):
    not_: Condition = Field(alias="not")


class Always(_Node):
    always: Literal[True]


def _kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("all", "any", "not", "always", "fact"):
            if key in value:
                return key
        return None
    for key, attr in (("all", "all"), ("any", "any"), ("not", "not_"), ("always", "always"), ("fact", "fact")):
        if hasattr(value, attr):
            return key
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[Always, Tag("always")]
    | Annotated[Predicate, Tag("fact")],
    Discriminator(
        _kind,
        custom_error_type="condition",
        custom_error_message="a condition needs one of the keys all, any, not, always or fact",
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()


@dataclass(frozen=True)
class Finding:
    """The outcome of one predicate: what was expected and what the case holds."""

    fact: str
    op: str
    expected: tuple[Scalar, ...]
    actual: Any
    result: Truth
    negated: bool = False
    # findings that exclude only together (the parts of a `not: {all: …}` that all hold) share a
    # non-zero group, so that they are read as one reason, not each as a reason of its own ("in
    # another EU country: not made for that" would say the reverse of what a cross-border rule means)
    group: int = 0

    def flipped(self, group: int = 0) -> Finding:
        return Finding(
            self.fact, self.op, self.expected, self.actual, self.result, not self.negated, group or self.group
        )


@dataclass(frozen=True)
class Outcome:
    value: Truth
    support: tuple[Finding, ...] = ()
    against: tuple[Finding, ...] = ()
    unknown: tuple[Finding, ...] = field(default=())


def _test(pred: Predicate, actual: Any) -> bool:
    op = pred.op
    if op == "known":
        return pred.known is True
    if op == "equals":
        return bool(actual == pred.equals)
    if op == "in":
        return actual in pred.expected
    if op == "contains":
        return isinstance(actual, list) and pred.contains in actual
    if op == "contains_any":
        return isinstance(actual, list) and any(v in actual for v in pred.expected)
    if op == "before":
        return str(actual) < str(pred.before)
    if op == "on_or_after":
        return str(actual) >= str(pred.on_or_after)
    raise AssertionError(op)


def _flip(findings: tuple[Finding, ...], group: int = 0) -> tuple[Finding, ...]:
    return tuple(f.flipped(group) for f in findings)


def evaluate(cond: Condition, facts: dict[str, Any], open_world: bool = False) -> Outcome:
    """Evaluate a condition over facts (absent key = unknown) with Kleene logic.

    `open_world` asks "could this hold, whatever the other answers?": an absent fact is
    then unknown even where the condition says how to read it when unknown (`if_unknown`),
    so only the facts given can make the condition false (the catalogue's place filter).
    """
    if isinstance(cond, Always):
        return Outcome(True)
    if isinstance(cond, Predicate):
        actual = facts.get(cond.fact)
        if cond.fact not in facts or actual is None:
            if open_world:
                value: Truth = None
            elif cond.op == "known":
                value = cond.known is False
            else:
                value = {"unknown": None, "true": True, "false": False}[cond.if_unknown]
        else:
            value = _test(cond, actual)
        finding = Finding(cond.fact, cond.op, cond.expected, actual, value)
        if value is True:
            return Outcome(True, support=(finding,))
        if value is False:
            return Outcome(False, against=(finding,))
        return Outcome(None, unknown=(finding,))
    if isinstance(cond, Not):
        inner = evaluate(cond.not_, facts, open_world)
        value = None if inner.value is None else not inner.value
        # every part of a conjunction holds: together they are the one reason
        together = inner.value is True and isinstance(cond.not_, AllOf) and len(inner.support) > 1
        against = _flip(inner.support, id(cond) if together else 0)
        return Outcome(value, support=_flip(inner.against), against=against, unknown=_flip(inner.unknown))
    if isinstance(cond, AllOf):
        parts = []
        for c in cond.all:
            part = evaluate(c, facts, open_world)
            if part.value is False:  # the first false part is the reason; the rest would not be shown
                return Outcome(False, against=part.against)
            parts.append(part)
        support = tuple(f for p in parts for f in p.support)
        unknown = tuple(f for p in parts for f in p.unknown)
        return Outcome(None if unknown and any(p.value is None for p in parts) else True, support, (), unknown)
    if isinstance(cond, AnyOf):
        parts = [evaluate(c, facts, open_world) for c in cond.any]
        true = [p for p in parts if p.value is True]
        if true:
            return Outcome(True, support=tuple(f for p in true for f in p.support))
        maybe = [p for p in parts if p.value is None]
        if maybe:
            return Outcome(
                None,
                support=tuple(f for p in maybe for f in p.support),
                unknown=tuple(f for p in maybe for f in p.unknown),
            )
        return Outcome(False, against=tuple(f for p in parts for f in p.against))
    raise TypeError(f"not a condition: {cond!r}")


def truth(cond: Condition, facts: dict[str, Any]) -> Truth:
    """The value `evaluate` gives, without its trace: for callers that only ask whether a
    condition holds (the interview's relevance check tries every answer to every question, so it
    evaluates conditions millions of times and never shows why). Kleene logic, short-circuited."""
    if isinstance(cond, Predicate):
        actual = facts.get(cond.fact)
        if actual is None:
            if cond.op == "known":
                return cond.known is False
            return _IF_UNKNOWN[cond.if_unknown]
        return _test(cond, actual)
    if isinstance(cond, (AllOf, AnyOf)):
        decisive = isinstance(cond, AnyOf)  # one true part decides an `any`, one false part an `all`
        unknown = False
        for part in cond.any if isinstance(cond, AnyOf) else cond.all:
            value = truth(part, facts)
            if value is decisive:
                return decisive
            unknown = unknown or value is None
        return None if unknown else not decisive
    if isinstance(cond, Not):
        inner = truth(cond.not_, facts)
        return None if inner is None else not inner
    if isinstance(cond, Always):
        return True
    raise TypeError(f"not a condition: {cond!r}")


_IF_UNKNOWN: dict[str, Truth] = {"unknown": None, "true": True, "false": False}


def predicates(cond: Condition) -> list[Predicate]:
    """Every predicate in a condition, for vocabulary checks and graph dependencies."""
    if isinstance(cond, Predicate):
        return [cond]
    if isinstance(cond, Not):
        return predicates(cond.not_)
    if isinstance(cond, AllOf):
        return [p for c in cond.all for p in predicates(c)]
    if isinstance(cond, AnyOf):
        return [p for c in cond.any for p in predicates(c)]
    return []
