"""The interview as one immutable state and pure functions over it.

The app keeps a single `InterviewState` in its session; every click calls one function
here and stores the returned state. Widgets never hold the only copy of an answer, and
the same functions drive the path tests, the graph enumeration and resumed case files.

An answer is stored per question id: an option value (single), a list (multi), a bool
(yes/no), an ISO date (date) or None for "I don't know". Which questions are asked
follows from the answers alone, so changing an earlier answer recomputes the path and
drops exactly the answers whose questions are no longer asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pathways.content.conditions import truth
from pathways.content.countries import country_codes
from pathways.content.model import Question, option_value
from pathways.content.store import Content
from pathways.engine.answers import FREE_KINDS, AnswerValue, apply_answer
from pathways.engine.facts import derive_facts, known_postcodes
from pathways.engine.relevance import is_relevant

Stage = Literal["start", "interview", "review", "results"]


class InterviewState(BaseModel):
    """Everything about one person's interview; nothing else is kept anywhere."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: Literal["nl", "fr", "de", "en"] = "en"
    stage: Stage = "start"
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    cursor: str | None = None
    dropped: tuple[str, ...] = ()
    notes: str = ""
    notes_in_pdf: bool = False
    sensitive_in_files: bool = False  # sensitive answers in the saved file and the PDF only when chosen
    from_review: bool = False  # set by go_to: after the change, return to the review screen


class InvalidAnswer(ValueError):
    """An answer a question cannot take; `key` names the UI message to show."""

    def __init__(self, key: str, detail: str = "") -> None:
        self.key = key
        super().__init__(f"{key}: {detail}" if detail else key)


@dataclass(frozen=True)
class Walk:
    """The questions that apply given the answers, and the facts they produce."""

    relevant: tuple[str, ...]
    facts: dict[str, Any]
    first_unanswered: str | None


def asks(content: Content, q: Question, facts: dict[str, Any], today: dt.date | None = None) -> bool:
    """Whether the interview asks `q` given the facts so far: its condition is not false and
    some answer to it could change the advice (`pathways.engine.relevance`)."""
    if q.ask_if is not None and truth(q.ask_if, facts) is False:
        return False
    if q.fact in facts:  # an earlier answer already said it ("stop it now" says it is urgent)
        return False
    return is_relevant(content, q, facts, today)


def walk(content: Content, answers: dict[str, AnswerValue], today: dt.date | None = None) -> Walk:
    """Go through the questions in order, keeping those the interview asks. `today` dates
    time limits (a date is not asked for a limit already dated on the safe side); the
    graph check fixes it for its reference cases, the app leaves it to the calendar."""
    facts: dict[str, Any] = {}
    # what the answers decide too (a postcode says the region, so the region is not asked);
    # kept apart from the answers' own facts, which are what a saved file holds
    known: dict[str, Any] = {}
    relevant: list[str] = []
    first: str | None = None
    for q in content.questions:
        if not asks(content, q, known, today):
            continue
        relevant.append(q.id)
        if q.id in answers:
            apply_answer(q, answers[q.id], facts)
            known = derive_facts(content, facts)
        elif first is None:
            first = q.id
    return Walk(tuple(relevant), facts, first)


def facts_of(content: Content, state: InterviewState) -> dict[str, Any]:
    return walk(content, state.answers).facts


def validate_answer(q: Question, value: AnswerValue) -> AnswerValue:
    """Return the normalised answer or raise InvalidAnswer."""
    if value is None:
        if not q.unknown:
            raise InvalidAnswer("error.answer_required", q.id)
        return None
    allowed = {o.id for o in q.options}
    if q.kind == "single":
        if not isinstance(value, str) or value not in allowed:
            raise InvalidAnswer("error.invalid_option", f"{q.id}={value!r}")
        return value
    if q.kind == "multi":
        if not isinstance(value, (list, tuple)) or any(not isinstance(v, str) or v not in allowed for v in value):
            raise InvalidAnswer("error.invalid_option", f"{q.id}={value!r}")
        return [o.id for o in q.options if o.id in value]  # content order, no duplicates
    if q.kind == "yesno":
        if not isinstance(value, bool):
            raise InvalidAnswer("error.invalid_option", f"{q.id}={value!r}")
        return value
    if q.kind in ("country", "postcode"):
        # a code is text; anything else from a hand-edited case file (a list, a number) is refused
        # with the same message rather than looked up (a list cannot be looked up in a set)
        code = value.strip().upper() if isinstance(value, str) else ""
        if q.kind == "country" and code not in country_codes():
            raise InvalidAnswer("error.invalid_country", f"{q.id}={value!r}")
        if q.kind == "postcode" and code not in known_postcodes():
            raise InvalidAnswer("error.invalid_postcode", f"{q.id}={value!r}")
        return code
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidAnswer("error.invalid_date", f"{q.id}={value!r}") from exc
    if day > dt.date.today() + dt.timedelta(days=366) or day.year < 1900:
        raise InvalidAnswer("error.invalid_date", f"{q.id}={value!r}")
    return day.isoformat()


def start(state: InterviewState, content: Content) -> InterviewState:
    """Leave the start screen for the first question that applies."""
    first = walk(content, state.answers).first_unanswered
    return state.model_copy(update={"stage": "interview" if first else "review", "cursor": first, "dropped": ()})


def current_question(content: Content, state: InterviewState) -> Question | None:
    """The question on screen, or None when the interview is complete."""
    if state.stage != "interview":
        return None
    return question_screen(content, state).question


def answer(content: Content, state: InterviewState, qid: str, value: AnswerValue) -> InterviewState:
    """Record an answer, drop answers it makes irrelevant, and move to the next question."""
    q = content.question(qid)
    answers = {**state.answers, qid: validate_answer(q, value)}
    w = walk(content, answers)
    dropped = tuple(k for k in answers if k not in w.relevant)
    kept = {k: v for k, v in answers.items() if k in w.relevant}
    w = walk(content, kept)
    after = w.relevant[w.relevant.index(qid) + 1 :] if qid in w.relevant else ()
    if state.from_review:
        nxt = w.first_unanswered  # only questions the change made new; then back to review
    else:
        nxt = after[0] if after else w.first_unanswered
    stage: Stage = "interview" if nxt else "review"
    update = {
        "answers": kept,
        "cursor": nxt,
        "stage": stage,
        "dropped": dropped,
        "from_review": state.from_review and nxt is not None,
    }
    return state.model_copy(update=update)


def back(content: Content, state: InterviewState) -> InterviewState:
    """Step to the previous question that applies (or to the start screen)."""
    w = walk(content, state.answers)
    if state.stage in ("review", "results"):
        last = [k for k in w.relevant if k in state.answers]
        return state.model_copy(
            update={"stage": "interview", "cursor": last[-1] if last else None, "dropped": (), "from_review": False}
        )
    here = current_question(content, state)
    idx = w.relevant.index(here.id) if here else len(w.relevant)
    if idx == 0:
        return state.model_copy(update={"stage": "start", "cursor": None, "dropped": (), "from_review": False})
    return state.model_copy(update={"cursor": w.relevant[idx - 1], "dropped": (), "from_review": False})


def go_to(content: Content, state: InterviewState, qid: str) -> InterviewState:
    """Open a given question (e.g. from the review screen) to change its answer."""
    if qid not in walk(content, state.answers).relevant:
        raise InvalidAnswer("error.unknown_question", qid)
    return state.model_copy(update={"stage": "interview", "cursor": qid, "dropped": (), "from_review": True})


def skip_forward(content: Content, state: InterviewState) -> InterviewState:
    """Next without changing an already given answer."""
    q = current_question(content, state)
    if q is None or q.id not in state.answers:
        return state
    return answer(content, state, q.id, state.answers[q.id])


def to_stage(state: InterviewState, stage: Stage) -> InterviewState:
    return state.model_copy(update={"stage": stage, "dropped": ()})


@dataclass(frozen=True)
class QuestionScreen:
    """What the question screen shows, from one walk: the question, "4 of about 11", and
    whether every question that applies is answered (the shortcut back to the review)."""

    question: Question | None
    position: int
    total: int
    complete: bool


def question_screen(content: Content, state: InterviewState) -> QuestionScreen:
    """The question on screen with its place in the interview. One walk serves all three: the
    question screen is the app's most frequent click, and each walk evaluates every question's
    conditions (docs/performance.md)."""
    w = walk(content, state.answers)
    qid = None
    if state.stage == "interview":
        qid = state.cursor if state.cursor in w.relevant else w.first_unanswered
    q = content.question(qid) if qid else None
    position = w.relevant.index(q.id) + 1 if q else len(w.relevant)
    return QuestionScreen(q, position, len(w.relevant), w.first_unanswered is None)


def set_language(state: InterviewState, lang: str) -> InterviewState:
    return state.model_copy(update={"lang": lang})


def set_sensitive_choice(state: InterviewState, include: bool) -> InterviewState:
    return state.model_copy(update={"sensitive_in_files": include})


def set_notes(state: InterviewState, notes: str, in_pdf: bool | None = None) -> InterviewState:
    update: dict[str, Any] = {"notes": notes}
    if in_pdf is not None:
        update["notes_in_pdf"] = in_pdf
    return state.model_copy(update=update)


def answers_from_facts(content: Content, facts: dict[str, Any]) -> dict[str, AnswerValue]:
    """The answers that produce given facts, so a facts-only file becomes a resumable case.

    For each question whose fact is known, pick the option(s) giving that value; where
    several do (e.g. employee still working / employment ended), prefer the one whose
    extra facts agree with the file, including what its facts decide (a postcode in Eupen
    says the German-speaking Community, as the person would answer). A question the file does
    not answer is answered from what its facts decide, where they do.
    """
    known = derive_facts(content, facts)
    answers: dict[str, AnswerValue] = {}
    for q in content.questions:
        # a fact the file does not state but another of its facts decides (the region from the
        # postcode of an association, which is not asked its postcode) is what the person answers
        if q.fact in facts:
            value = facts[q.fact]
        elif q.fact in known and content.facts[q.fact].derived_from:
            value = known[q.fact]
        else:
            continue
        if q.kind in FREE_KINDS:
            answers[q.id] = value
            continue
        wanted = value if isinstance(value, list) else [value]
        chosen: list[str] = []
        for v in wanted:
            options = [o for o in q.options if option_value(o) == v]
            if options:
                best = max(
                    options, key=lambda o: sum(known.get(k) == x for k, x in o.also.items()) - len(o.also) * 0.01
                )
                chosen.append(best.id)
        if q.kind == "multi":
            answers[q.id] = chosen
        elif chosen:
            answers[q.id] = chosen[0]
    relevant = walk(content, answers).relevant
    return {k: v for k, v in answers.items() if k in relevant}
