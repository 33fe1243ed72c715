"""What an answer is, and how it sets case facts: shared by the interview and the relevance check.

An answer is stored per question id: an option id (single), a list of option ids (multi),
a bool (yes/no), an ISO date, a country code or a postcode, or None for "I don't know".
An option gives its fact value and may set more facts (`also`), so one screen can say
"employee whose contract has ended".
"""

from __future__ import annotations

from typing import Any

from pathways.content.model import Question, option_value

AnswerValue = bool | str | list[str] | None
FREE_KINDS = ("yesno", "date", "country", "postcode")  # answers that are the fact's value itself


def apply_answer(q: Question, value: AnswerValue, facts: dict[str, Any]) -> None:
    """Set the facts an answer gives (nothing for "I don't know")."""
    if value is None:
        return
    if q.kind in FREE_KINDS:
        facts[q.fact] = value
        return
    chosen = [o for o in q.options if o.id in (value if isinstance(value, list) else [value])]
    values = [option_value(o) for o in chosen]
    if not values and q.kind != "multi":
        return
    facts[q.fact] = list(dict.fromkeys(values)) if q.kind == "multi" else values[0]
    for opt in chosen:
        facts.update(opt.also)
