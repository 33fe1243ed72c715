"""The calendar file: one all-day event per deadline still ahead, with reminders.

Kept apart from the PDF: it shares the recommendation, not the layout."""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event

from pathways.content.store import Content
from pathways.engine.interview import InterviewState, walk
from pathways.engine.recommend import recommend


def calendar_ics(content: Content, state: InterviewState, lang: str, today: dt.date | None = None) -> bytes:
    """An iCalendar file with one all-day event per deadline still ahead, each with reminders
    a week and a day before (a deadline already passed is no event to plan for)."""
    facts = walk(content, state.answers).facts
    result = recommend(content, facts, lang, today)
    cal = Calendar()
    cal.add("prodid", "-//remedy-pathways//summary//EN")
    cal.add("version", "2.0")
    for rec in result.recommendations:
        if rec.deadline is None or rec.deadline.date is None or rec.deadline.date < (today or dt.date.today()):
            continue
        event = Event()
        event.add("uid", f"{rec.id}-{rec.deadline.date.isoformat()}@remedy-pathways")
        event.add("summary", f"{content.text('pdf.ics.deadline', lang)}: {rec.entry.title.get(lang)}")
        event.add("description", rec.deadline.basis)
        event.add("dtstart", rec.deadline.date)
        event.add("dtend", rec.deadline.date + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.now(dt.UTC).replace(microsecond=0))
        for before in (dt.timedelta(days=7), dt.timedelta(days=1)):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{content.text('pdf.ics.deadline', lang)}: {rec.entry.title.get(lang)}")
            alarm.add("trigger", -before)
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
