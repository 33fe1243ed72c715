"""Deadline dates: calendar arithmetic and choosing the earliest (safest) limit."""

from __future__ import annotations

import datetime as dt

from pathways.content.model import Deadline, Period
from pathways.engine.deadlines import add_period, dated_deadline

TXT = {"nl": "t", "fr": "t", "de": "t", "en": "five years"}


def rule(*limits: tuple[dict, str]) -> Deadline:
    return Deadline.model_validate({"limits": [{"period": p, "start": s, "text": TXT} for p, s in limits]})


def test_add_period_clamps_to_month_end() -> None:
    assert add_period(dt.date(2024, 2, 29), Period(years=1)) == dt.date(2025, 2, 28)
    assert add_period(dt.date(2026, 1, 31), Period(months=1)) == dt.date(2026, 2, 28)
    assert add_period(dt.date(2026, 1, 1), Period(days=60)) == dt.date(2026, 3, 2)
    assert add_period(dt.date(2026, 11, 30), Period(months=4)) == dt.date(2027, 3, 30)


def test_earliest_dated_limit_is_shown() -> None:
    r = rule(({"years": 20}, "harm_date"), ({"years": 5}, "knowledge"), ({"months": 1}, "final_decision"))
    d = dated_deadline(r, "2026-07-14", "en", dt.date(2026, 11, 25))
    assert d is not None
    assert d.date == dt.date(2031, 7, 14)
    assert d.from_knowledge and d.status == "open" and d.basis == "five years"


def test_status_near_and_passed() -> None:
    r = rule(({"years": 1}, "harm_date"))
    assert dated_deadline(r, "2025-12-01", "en", dt.date(2026, 11, 25)).status == "near"
    assert dated_deadline(r, "2025-01-01", "en", dt.date(2026, 11, 25)).status == "passed"


def test_no_date_without_harm_date_or_dated_start() -> None:
    assert dated_deadline(rule(({"years": 1}, "harm_date")), None, "en", dt.date.today()) is None
    assert dated_deadline(rule(({"months": 4}, "final_decision")), "2026-01-01", "en", dt.date.today()) is None
    assert dated_deadline(None, "2026-01-01", "en", dt.date.today()) is None
