"""Concrete deadline dates from a route's deadline rule and the harm date.

Only limits that run from the harm date (or from knowledge of the harm, for which the
harm date is the earliest and therefore safest start) give a date; the others are
explained in words. The earliest date is the one shown, so a person is never told they
have more time than they may have.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from pathways.content.model import Deadline, Period

DATED_STARTS = ("harm_date", "knowledge")
NEAR_DAYS = 90


def add_period(start: dt.date, period: Period) -> dt.date:
    """Calendar arithmetic: years and months keep the day, clamped to the month's end."""
    months = start.month - 1 + period.months + 12 * period.years
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) + dt.timedelta(days=period.days)


@dataclass(frozen=True)
class DatedDeadline:
    date: dt.date
    basis: str
    from_knowledge: bool
    status: str  # "passed", "near" or "open"


def dated_deadline(rule: Deadline | None, harm_date: str | None, lang: str, today: dt.date) -> DatedDeadline | None:
    """The earliest concrete deadline the rule gives for this harm date, if any."""
    if rule is None or not harm_date:
        return None
    try:
        start = dt.date.fromisoformat(harm_date)
    except ValueError:
        return None
    candidates = [(add_period(start, limit.period), limit) for limit in rule.limits if limit.start in DATED_STARTS]
    if not candidates:
        return None
    date, limit = min(candidates, key=lambda c: c[0])
    if date < today:
        status = "passed"
    elif (date - today).days <= NEAR_DAYS:
        status = "near"
    else:
        status = "open"
    return DatedDeadline(date, limit.text.get(lang), limit.start == "knowledge", status)
