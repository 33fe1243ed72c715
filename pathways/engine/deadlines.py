"""Dates to act by, from a route's time limits and the dates the case gives.

Each limit names the case fact that starts its clock (the harm, the day the person learned
of the harm and who caused it, the end of the contract, the decision's notification or
publication, the final domestic decision). A limit whose start is known gets a date; one
whose start is unknown is said in words with the answer that would date it, never guessed
from another date, with one exception that errs on the safe side: a start that cannot fall
before a date the case gives (one learns of a harm on the day it happens at the earliest:
the fact's `not_before`) is counted from that date, and said to be, as long as the date so
found has not passed. Acting by it is always in time. The earliest dated limit that applies
is the date to act by; the others are listed beneath it. A deadline is only called "passed" when the date that decides it is
known and behind us.

Counting: a period runs from the day after the event and its last day is the same calendar
day (month-end clamped: 31 January + 1 month = 28 or 29 February). Procedural periods follow
the Judicial Code (art. 53): a last day on a Saturday, Sunday or Belgian public holiday
moves to the next working day. Public holidays come from the `holidays` package.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

import holidays

from pathways.content.conditions import truth
from pathways.content.model import Deadline, DeadlineLimit, Period
from pathways.content.store import Content

NEAR_DAYS = 90


def add_period(start: dt.date, period: Period) -> dt.date:
    """Calendar arithmetic: years and months keep the day, clamped to the month's end."""
    months = start.month - 1 + period.months + 12 * period.years
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) + dt.timedelta(days=period.days)


@functools.cache
def _belgian_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("BE", years=year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _belgian_holidays(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """The day itself if it is a working day, else the next one (Judicial Code art. 53)."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def last_day(limit: DeadlineLimit, start: dt.date) -> tuple[dt.date, bool]:
    """(last day to act, whether art. 53 moved it) for a limit starting on `start`."""
    end = add_period(start, limit.period)
    if limit.counting == "procedural":
        moved = next_working_day(end)
        return moved, moved != end
    return end, False


def status_of(day: dt.date, today: dt.date) -> str:
    if day < today:
        return "passed"
    return "near" if (day - today).days <= NEAR_DAYS else "open"


@dataclass(frozen=True)
class DatedLimit:
    """One limit of a route for this case: dated when its start is known."""

    text: str
    basis: str
    date: dt.date | None
    status: str  # passed, near, open, or unknown_start
    long_stop: bool = False
    moved: bool = False  # moved to the next working day (Judicial Code art. 53)
    closes: bool = False  # an appeal period: once passed, the route is closed
    needs: str | None = None  # the answer that would date it, when its start is unknown
    applies: bool = True  # False when it applies only in some cases and the case may not be one
    counted_from: str | None = None  # the fact of the earlier date it was counted from, its own start unknown
    counted_from_label: str | None = None  # that fact's label, said with the date


@dataclass(frozen=True)
class DatedDeadline:
    """The date to act by (the earliest dated limit that applies) and every other limit."""

    date: dt.date | None
    basis: str
    status: str
    limits: list[DatedLimit] = field(default_factory=list)
    note: str | None = None

    @property
    def dated(self) -> bool:
        return self.date is not None

    @property
    def counted_from(self) -> str | None:
        """The fact the date to act by was counted from on the safe side (`safe_side`), if any:
        the date to act by is the first limit's."""
        return self.limits[0].counted_from if self.date is not None and self.limits else None

    @property
    def closed(self) -> bool:
        """Every limit is an appeal period whose last day has passed: the route is no longer open.

        A limitation period that seems to have passed does not close a route: it can have been
        suspended or interrupted, which only a lawyer can tell; the route stays, with a warning.
        """
        return bool(self.limits) and all(lim.closes and lim.status == "passed" for lim in self.limits)


def _date(facts: dict[str, Any], name: str | None) -> dt.date | None:
    if not name or not facts.get(name):
        return None
    try:
        return dt.date.fromisoformat(str(facts[name]))
    except ValueError:
        return None


def _ends(limit: DeadlineLimit, start: dt.date) -> tuple[dt.date, bool]:
    """(last day, moved) of a limit whose clock starts on `start`."""
    if limit.from_year_start:  # the period runs from 1 January of the event's year
        start = dt.date(start.year, 1, 1) - dt.timedelta(days=1)
    return last_day(limit, start)


def safe_side(content: Content, limit: DeadlineLimit, facts: dict[str, Any], today: dt.date) -> str | None:
    """The fact a limit whose own start is unknown is counted from on the safe side: the
    known date its start cannot fall before, when counting from it gives a day not yet
    passed (the real limit ends then or later). None otherwise (the limit stays undated)."""
    fact = content.facts.get(limit.start_fact) if limit.start_fact else None
    floor = _date(facts, fact.not_before) if fact and fact.not_before else None
    if fact is None or floor is None or _ends(limit, floor)[0] < today:
        return None
    return fact.not_before


def limits_for(content: Content, rule: Deadline, facts: dict[str, Any], lang: str, today: dt.date) -> list[DatedLimit]:
    """Every limit of the rule that applies to the case, dated where its start is known."""
    out: list[DatedLimit] = []
    for limit in rule.limits:
        applies = True if limit.applies_if is None else truth(limit.applies_if, facts)
        if applies is False:
            continue
        start = _date(facts, limit.start_fact)
        text = limit.text.get(lang)
        floor = safe_side(content, limit, facts, today) if start is None else None
        if floor is not None:
            start = _date(facts, floor)
        if start is None:
            needs = content.facts[limit.start_fact].label.get(lang) if limit.start_fact else None
            out.append(
                DatedLimit(
                    text,
                    limit.basis.get(lang),
                    None,
                    "unknown_start",
                    limit.long_stop,
                    needs=needs,
                    applies=applies is True,
                )
            )
            continue
        day, moved = _ends(limit, start)
        out.append(
            DatedLimit(
                text,
                limit.basis.get(lang),
                day,
                status_of(day, today),
                limit.long_stop,
                moved,
                closes=limit.closes,
                counted_from=floor,
                counted_from_label=content.facts[floor].label.get(lang) if floor else None,
            )
        )
    return out


def dated_deadline(
    content: Content, rule: Deadline | None, facts: dict[str, Any], lang: str, today: dt.date
) -> DatedDeadline | None:
    """The deadline of a route for this case, or None when the route has no time limit."""
    if rule is None:
        return None
    limits = limits_for(content, rule, facts, lang, today)
    if not limits:
        return None
    dated = sorted((lim for lim in limits if lim.date is not None), key=lambda lim: lim.date or today)
    undated = [lim for lim in limits if lim.date is None]
    note = rule.note.get(lang) if rule.note else None
    # A limit that surely applies but whose start we do not know may end before every dated
    # one: then no date is given as the one to act by (people act on it); the box asks for
    # the missing answer, and the dated limits (a long stop, say) are listed beneath it.
    blocking = [lim for lim in undated if lim.needs and lim.applies and not lim.long_stop]
    if blocking:
        return DatedDeadline(
            None,
            blocking[0].text,
            "unknown_start",
            [*blocking, *dated, *[u for u in undated if u not in blocking]],
            note,
        )
    ordered = [*dated, *undated]
    head = dated[0] if dated else None
    if head is None:
        return DatedDeadline(None, ordered[0].text, "unknown_start", ordered, note)
    return DatedDeadline(head.date, head.text, head.status, ordered, note)
