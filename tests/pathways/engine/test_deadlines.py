"""Deadlines: each counting rule pinned with a dated example and its boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from pathways.content.model import Deadline, DeadlineLimit, Period, Text
from pathways.content.store import Content
from pathways.engine.deadlines import add_period, dated_deadline, is_working_day, last_day, next_working_day

D = dt.date
T = Text(nl="t", fr="t", de="t", en="t")


def limit(period: Period, start_fact: str | None, counting: str = "calendar", **kw: object) -> DeadlineLimit:
    return DeadlineLimit(period=period, start="other", start_fact=start_fact, counting=counting, basis=T, text=T, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (D(2026, 1, 31), Period(months=1), D(2026, 2, 28)),  # clamped to the month's end
        (D(2024, 2, 29), Period(years=1), D(2025, 2, 28)),  # 29 February in a common year
        (D(2024, 2, 29), Period(years=4), D(2028, 2, 29)),
        (D(2026, 11, 9), Period(years=5), D(2031, 11, 9)),  # same calendar day, five years on
        (D(2026, 12, 20), Period(days=30), D(2027, 1, 19)),
    ],
)
def test_calendar_arithmetic(start: dt.date, period: Period, end: dt.date) -> None:
    assert add_period(start, period) == end


def test_belgian_public_holidays_and_weekends() -> None:
    assert not is_working_day(D(2026, 7, 21))  # National Day
    assert not is_working_day(D(2026, 11, 11))  # Armistice
    assert not is_working_day(D(2026, 5, 25))  # Whit Monday
    assert not is_working_day(D(2026, 11, 28))  # Saturday
    assert is_working_day(D(2026, 11, 30))
    assert next_working_day(D(2026, 12, 25)) == D(2026, 12, 28)  # Friday holiday, then a weekend


def test_procedural_deadline_on_a_weekend_moves_to_monday_art_53() -> None:
    # 60 days from 30 September 2026 ends on Sunday 29 November 2026: the last day is Monday 30 November
    day, moved = last_day(limit(Period(days=60), "decision_date", "procedural"), D(2026, 9, 30))
    assert (day, moved) == (D(2026, 11, 30), True)


def test_procedural_deadline_on_a_public_holiday_moves_to_the_next_working_day() -> None:
    day, moved = last_day(limit(Period(days=30), "decision_date", "procedural"), D(2026, 6, 21))
    assert (day, moved) == (D(2026, 7, 22), True)  # 21 July is National Day


def test_calendar_deadline_never_moves_echr_four_months() -> None:
    day, moved = last_day(limit(Period(months=4), "final_decision_date"), D(2026, 3, 28))
    assert (day, moved) == (D(2026, 7, 28), False)
    day, moved = last_day(limit(Period(months=4), "final_decision_date"), D(2026, 3, 21))
    assert (day, moved) == (D(2026, 7, 21), False)  # a holiday, and still the last day


def test_earliest_limit_that_applies_is_the_date_to_act_by(content: Content) -> None:
    rule = Deadline(
        limits=[
            limit(Period(years=5), "harm_date"),
            limit(Period(years=1), "employment_end_date", applies_if={"fact": "employment_ended", "equals": True}),
        ]
    )
    facts = {"harm_date": "2026-03-01", "employment_ended": True, "employment_end_date": "2026-06-30"}
    d = dated_deadline(content, rule, facts, "en", D(2026, 11, 29))
    assert d is not None and d.date == D(2027, 6, 30) and len(d.limits) == 2
    assert [lim.date for lim in d.limits] == [D(2027, 6, 30), D(2031, 3, 1)]
    still_employed = dated_deadline(content, rule, {**facts, "employment_ended": False}, "en", D(2026, 11, 29))
    assert still_employed is not None and still_employed.date == D(2031, 3, 1) and len(still_employed.limits) == 1


def test_unknown_start_is_said_not_guessed(content: Content) -> None:
    rule = Deadline(limits=[limit(Period(years=5), "knowledge_date")])
    d = dated_deadline(content, rule, {"harm_date": "2019-01-01"}, "en", D(2026, 11, 29))
    assert d is not None and d.date is None and d.status == "unknown_start"
    assert d.limits[0].needs == content.facts["knowledge_date"].label.en


@pytest.mark.parametrize(
    ("today", "status"),
    [(D(2027, 6, 30), "near"), (D(2027, 7, 1), "passed"), (D(2027, 3, 1), "open")],
)
def test_status_on_the_last_day_and_the_day_after(content: Content, today: dt.date, status: str) -> None:
    rule = Deadline(limits=[limit(Period(years=1), "employment_end_date")])
    d = dated_deadline(content, rule, {"employment_end_date": "2026-06-30"}, "en", today)
    assert d is not None and d.date == D(2027, 6, 30) and d.status == status


def test_a_passed_appeal_period_closes_the_route_a_limitation_period_does_not(content: Content) -> None:
    appeal = Deadline(limits=[limit(Period(days=30), "decision_date", "procedural", closes=True)])
    claim = Deadline(limits=[limit(Period(years=5), "knowledge_date")])
    today = D(2026, 11, 29)
    closed = dated_deadline(content, appeal, {"decision_date": "2026-09-01"}, "en", today)
    open_claim = dated_deadline(content, claim, {"knowledge_date": "2020-01-01"}, "en", today)
    assert closed is not None and closed.closed
    assert open_claim is not None and open_claim.status == "passed" and not open_claim.closed


def named(text: str) -> Text:
    return Text(nl=text, fr=text, de=text, en=text)


def civil_claim_limits(long_stop: bool) -> tuple[DeadlineLimit, DeadlineLimit]:
    """Old Civil Code art. 2262bis §1: five years from knowledge, twenty from the harm."""
    five = DeadlineLimit(
        period=Period(years=5),
        start="knowledge",
        start_fact="knowledge_date",
        basis=named("art. 2262bis"),
        text=named("five"),
    )
    twenty = DeadlineLimit(
        period=Period(years=20),
        start="harm_date",
        start_fact="harm_date",
        long_stop=long_stop,
        basis=named("art. 2262bis §1"),
        text=named("twenty"),
    )
    return five, twenty


@pytest.mark.parametrize(("days_left", "status"), [(90, "near"), (91, "open")])
def test_near_means_ninety_days_or_fewer_to_go(content: Content, days_left: int, status: str) -> None:
    """A deadline is "near" (a warning box, listed among the urgent ones above the advice)
    when 90 days or fewer are left, the 90th day included."""
    rule = Deadline(limits=[limit(Period(years=1), "employment_end_date")])
    today = D(2027, 6, 30) - dt.timedelta(days=days_left)
    d = dated_deadline(content, rule, {"employment_end_date": "2026-06-30"}, "en", today)
    assert d is not None and d.date == D(2027, 6, 30) and d.status == status


def test_a_limit_that_does_not_apply_does_not_hide_the_limits_after_it(content: Content) -> None:
    """Each limit is judged on its own: one ruled out for this case (a contract still running)
    is skipped, and the limits listed after it are still dated."""
    rule = Deadline(
        limits=[
            limit(Period(years=1), "employment_end_date", applies_if={"fact": "employment_ended", "equals": True}),
            limit(Period(years=5), "harm_date"),
        ]
    )
    facts = {"harm_date": "2026-03-01", "employment_ended": False}
    d = dated_deadline(content, rule, facts, "en", D(2026, 11, 29))
    assert d is not None and d.date == D(2031, 3, 1)
    assert [lim.date for lim in d.limits] == [D(2031, 3, 1)]


def test_each_limit_keeps_its_own_text_article_and_the_rules_note(content: Content) -> None:
    """What the person reads under the date: each limit's own text and article, dated or not,
    and the route's note on the deadline, whether or not any limit could be dated."""
    five, twenty = civil_claim_limits(long_stop=False)
    rule = Deadline(limits=[twenty, five], note=named("ask a lawyer"))
    d = dated_deadline(content, rule, {"harm_date": "2026-03-01"}, "en", D(2026, 11, 29))
    # the five years are counted from the harm on the safe side (knowledge cannot come before it)
    assert d is not None and (d.date, d.basis, d.status, d.note) == (D(2031, 3, 1), "five", "open", "ask a lawyer")
    assert [(lim.text, lim.basis, lim.status, lim.counted_from) for lim in d.limits] == [
        ("five", "art. 2262bis", "open", "harm_date"),
        ("twenty", "art. 2262bis §1", "open", None),
    ]
    old = dated_deadline(content, rule, {"harm_date": "2019-03-01"}, "en", D(2026, 11, 29))
    # five years from 2019 have passed, yet may not have begun then: no date to act by until it is known
    assert old is not None and (old.date, old.basis, old.status) == (None, "five", "unknown_start")
    assert [(lim.text, lim.basis, lim.status) for lim in old.limits] == [
        ("five", "art. 2262bis", "unknown_start"),
        ("twenty", "art. 2262bis §1", "open"),
    ]
    known = dated_deadline(
        content, rule, {"harm_date": "2026-03-01", "knowledge_date": "2026-04-01"}, "en", D(2026, 11, 29)
    )
    assert known is not None and (known.date, known.basis) == (D(2031, 4, 1), "five")
    undated = dated_deadline(content, rule, {}, "en", D(2026, 11, 29))
    assert undated is not None and undated.date is None and undated.note == "ask a lawyer"


def test_a_limit_moved_by_art_53_says_so(content: Content) -> None:
    """The date shown for a procedural limit is the moved one, flagged as moved so the person
    is told why it is not the calendar date; a calendar limit on the same day is not moved."""
    facts = {"decision_date": "2026-09-30"}  # + 60 days = Sunday 29 November 2026
    procedural = Deadline(limits=[limit(Period(days=60), "decision_date", "procedural")])
    calendar = Deadline(limits=[limit(Period(days=60), "decision_date")])
    moved = dated_deadline(content, procedural, facts, "en", D(2026, 10, 1))
    kept = dated_deadline(content, calendar, facts, "en", D(2026, 10, 1))
    assert moved is not None and [(lim.date, lim.moved) for lim in moved.limits] == [(D(2026, 11, 30), True)]
    assert kept is not None and [(lim.date, lim.moved) for lim in kept.limits] == [(D(2026, 11, 29), False)]


def test_an_unknown_start_does_not_let_a_long_stop_pose_as_the_date_to_act_by(content: Content) -> None:
    """Civil liability, harm known, knowledge unknown: '20 years' must not be the headline date
    (people act on it); a limit that applies only in some cases (contract ended?) and may not
    apply here does not hold the date back."""
    five, twenty = civil_claim_limits(long_stop=True)
    # (a harm of 2019: five years counted from it on the safe side have passed, so they are not)
    d = dated_deadline(content, Deadline(limits=[five, twenty]), {"harm_date": "2019-03-01"}, "en", D(2026, 11, 29))
    assert d is not None and d.date is None and d.status == "unknown_start"
    assert d.limits[1].date == D(2039, 3, 1) and d.limits[1].long_stop
    one_year = DeadlineLimit(
        period=Period(years=1),
        start="end_of_contract",
        start_fact="employment_end_date",
        applies_if={"fact": "employment_ended", "equals": True},
        basis=named("art. 15"),
        text=named("one"),
    )
    five_harm = DeadlineLimit(
        period=Period(years=5), start="harm_date", start_fact="harm_date", basis=named("art. 15"), text=named("five")
    )
    rule = Deadline(limits=[five_harm, one_year])
    maybe = dated_deadline(content, rule, {"harm_date": "2026-01-10"}, "en", D(2026, 11, 29))
    assert maybe is not None and maybe.date == D(2031, 1, 10)  # contract may still run: the 5 years stand
    ended = dated_deadline(content, rule, {"harm_date": "2026-01-10", "employment_ended": True}, "en", D(2026, 11, 29))
    assert ended is not None and ended.date is None and ended.basis == "one"  # ended, date unknown: ask for it


def test_an_unknown_knowledge_date_is_counted_from_the_harm_on_the_safe_side(content: Content) -> None:
    # one learns of a harm on the day it happens at the earliest (facts.yaml: not_before), so
    # five years from the harm is the earliest the limit can end: acting by it is in time
    rule = Deadline(limits=[limit(Period(years=5), "knowledge_date")])
    d = dated_deadline(content, rule, {"harm_date": "2025-03-01"}, "en", D(2026, 11, 29))
    assert d is not None and d.date == D(2030, 3, 1) and d.status == "open"
    assert d.limits[0].counted_from == "harm_date" and d.limits[0].needs is None
    # a stated knowledge date is used as it is, and says nothing of the harm
    told = dated_deadline(
        content, rule, {"harm_date": "2025-03-01", "knowledge_date": "2026-01-10"}, "en", D(2026, 11, 29)
    )
    assert told is not None and told.date == D(2031, 1, 10) and told.limits[0].counted_from is None


def test_a_safe_side_date_that_has_passed_is_not_given(content: Content) -> None:
    # five years from a harm in 2019 have passed, but the person may have learned of it later:
    # the limit is not called passed, it asks for the date that decides it
    rule = Deadline(limits=[limit(Period(years=5), "knowledge_date")])
    d = dated_deadline(content, rule, {"harm_date": "2019-01-01"}, "en", D(2026, 11, 29))
    assert d is not None and d.date is None and d.status == "unknown_start"
    assert d.limits[0].counted_from is None
