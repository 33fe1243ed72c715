"""The content model: what a question, a route, a support body and a text may contain.

Every model forbids unknown keys, so a misspelt field in a content file is an error
rather than silently ignored content. Cross-file rules (references, vocabulary) live in
`pathways.content.store`, because a single file cannot know about the others.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from pathways.content.conditions import Condition


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _non_blank(value: str) -> str:
    if not value or not value.strip():
        raise ValueError("must not be empty")
    return value  # kept as written: separators such as " or " carry their spaces


class Text(Strict):
    """A user-facing text in all four languages; none may be missing or blank."""

    nl: str
    fr: str
    de: str
    en: str

    _check = field_validator("nl", "fr", "de", "en")(_non_blank)

    def get(self, lang: str) -> str:
        return getattr(self, lang)


Lang = Literal["nl", "fr", "de", "en"]
RouteKind = Literal["support", "non_judicial", "administrative", "judicial", "international"]
Achievement = Literal["compensation", "stop_harm", "sanction", "mediation", "public_statement", "information"]
CostLevel = Literal["free", "low", "medium", "high"]


# ---------------------------------------------------------------- facts vocabulary
class FactValue(Strict):
    id: str
    label: Text


class Fact(Strict):
    """One case fact of the contract: its type and allowed values, each with a label."""

    id: str
    type: Literal["choice", "multi", "bool", "date"]
    label: Text
    values: list[FactValue] = Field(default_factory=list)

    @model_validator(mode="after")
    def _values_match_type(self) -> Fact:
        if self.type in ("choice", "multi") and not self.values:
            raise ValueError(f"fact {self.id!r} of type {self.type} needs a list of values")
        if self.type == "bool" and {v.id for v in self.values} - {"true", "false"}:
            raise ValueError("a bool fact may only label the values 'true' and 'false'")
        return self

    def value_ids(self) -> list[str]:
        return [v.id for v in self.values]


class FactsFile(Strict):
    facts: list[Fact]


# ---------------------------------------------------------------- questions
class Option(Strict):
    """One answer, stored under its `id`. It gives the question's fact `value` (the id when
    omitted) and may set more facts with `also`; its label defaults to the value's label."""

    id: str
    value: str | None = None
    label: Text | None = None
    also: dict[str, str | bool | list[str]] = Field(default_factory=dict)


class Question(Strict):
    id: str
    kind: Literal["single", "multi", "yesno", "date"]
    fact: str
    text: Text
    why: Text
    help: Text | None = None
    options: list[Option] = Field(default_factory=list)
    unknown: bool = Field(True, description="offer 'I don't know' (leaves the fact unknown)")
    ask_if: Condition | None = None
    glossary: list[str] = Field(default_factory=list)


class QuestionsFile(Strict):
    questions: list[Question]


# ---------------------------------------------------------------- shared pieces
class LegalBasis(Strict):
    instrument: Text
    article: str | None = None
    url: HttpUrl | None = None
    note: Text | None = None


class Source(Strict):
    title: str
    url: HttpUrl
    section: str | None = Field(None, description="section of the Antwerp study or page part")
    kind: Literal["official", "law", "study", "secondary"] = "official"


class Contact(Strict):
    name: Text
    website: HttpUrl
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    note: Text | None = None


class InlineObstacle(Strict):
    obstacle: Text
    mitigation: Text


class Obstacle(Strict):
    """A barrier the study describes, shared by the routes it affects."""

    id: str
    title: Text
    description: Text
    mitigation: Text


class ObstaclesFile(Strict):
    obstacles: list[Obstacle]


class Interaction(Strict):
    route: str
    relation: Literal[
        "parallel",
        "suspends",
        "suspended_by",
        "excludes",
        "precondition",
        "next_step",
        "does_not_stop_limitation",
        "stops_limitation",
    ]
    text: Text


class Period(Strict):
    years: int = 0
    months: int = 0
    days: int = 0

    @model_validator(mode="after")
    def _positive(self) -> Period:
        if self.years < 0 or self.months < 0 or self.days < 0 or not (self.years or self.months or self.days):
            raise ValueError("a period needs a positive number of years, months or days")
        return self


DeadlineEvent = Literal[
    "harm_date",
    "knowledge",
    "end_of_contract",
    "final_decision",
    "decision_notified",
    "publication",
    "project_exit",
    "other",
]


class DeadlineLimit(Strict):
    period: Period
    start: DeadlineEvent
    text: Text


class Deadline(Strict):
    """A time limit: a period from an event, and an optional absolute limit.

    Only limits that run from the harm date give a concrete date; others are explained
    in words. Where the event is knowledge of the harm, the harm date is used as the
    earliest (safest) start.
    """

    limits: list[DeadlineLimit]
    note: Text | None = None


class Ranking(Strict):
    """Inputs to the documented ranking (see docs/ranking.md)."""

    cost: CostLevel
    binding: bool = Field(False, description="can end in a binding decision or order")
    fast: bool = Field(False, description="can give interim relief or act within weeks")
    weight: int = Field(0, ge=-3, le=3, description="content maintainer's nudge, documented")


class Entry(Strict):
    """Fields shared by routes and support bodies."""

    title: Text
    summary: Text
    eligible: Condition
    contacts: list[Contact] = Field(min_length=1)
    legal_basis: list[LegalBasis] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    last_reviewed: dt.date
    caveats: list[Text] = Field(default_factory=list)
    glossary: list[str] = Field(default_factory=list)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @model_validator(mode="after")
    def _validity_order(self) -> Entry:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class Route(Entry):
    kind: RouteKind
    achieves: list[Achievement] = Field(min_length=1)
    who_can_use: Text
    against: Text
    cost: Text
    duration: Text
    deadline: Deadline | None = None
    first_steps: list[Text] = Field(min_length=1)
    documents: list[Text] = Field(default_factory=list)
    obstacles: list[str | InlineObstacle] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    ranking: Ranking


class Body(Entry):
    body_kind: Literal["legal_aid", "union", "ngo", "specialised_centre", "public_body", "international"]
    helps_with: Text
    regions: list[Literal["flanders", "wallonia", "brussels", "national", "international"]] = Field(min_length=1)
    languages: list[str] = Field(min_length=1)
    ranking: Ranking = Ranking(cost="free")


class GlossaryTerm(Strict):
    id: str
    term: Text
    definition: Text


class GlossaryFile(Strict):
    terms: list[GlossaryTerm]


class UiFile(Strict):
    strings: dict[str, Text]


class IndexFile(Strict):
    content_version: str
    title: Text
    description: Text


EntryKind = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]


def option_value(opt: Option) -> str:
    return opt.value if opt.value is not None else opt.id
