"""What a content maintainer needs to see: the counts `check` prints and what is due.

An entry is due for review when `last_reviewed` is more than a year old, and worth a look
when its `valid_from` or `valid_to` falls within the next six months (a law entering into
force or ending). Shared by the maintainers page of the app; the CLI could print it too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pathways import LANGS
from pathways.content.model import Route
from pathways.content.store import Content

STALE_AFTER = dt.timedelta(days=365)
SOON = dt.timedelta(days=183)


def counts(content: Content) -> dict[str, int | float]:
    """The content counts `python -m pathways check` prints (with the path figures), keyed by a stable id."""
    return {
        "questions": len(content.questions),
        "routes": len(content.routes),
        "bodies": len(content.bodies),
        "glossary": len(content.glossary),
        "obstacles": len(content.obstacles),
        "ui_strings": len(content.ui),
        "languages": len(LANGS),
    }


@dataclass(frozen=True)
class DueItem:
    entry_id: str
    is_route: bool
    reason: str  # "stale", "valid_from" or "valid_to"
    date: dt.date


def review_due(content: Content, today: dt.date | None = None) -> list[DueItem]:
    """Entries to review, oldest or soonest first."""
    today = today or dt.date.today()
    items: list[DueItem] = []
    for entry_id, entry in [*content.routes.items(), *content.bodies.items()]:
        is_route = isinstance(entry, Route)
        if today - entry.last_reviewed > STALE_AFTER:
            items.append(DueItem(entry_id, is_route, "stale", entry.last_reviewed))
        for reason in ("valid_from", "valid_to"):
            day = getattr(entry, reason)
            if day is not None and today <= day <= today + SOON:
                items.append(DueItem(entry_id, is_route, reason, day))
    return sorted(items, key=lambda i: (i.date, i.entry_id))
