"""The whole catalogue as plain data, every language included (for `catalogue --format json`)."""

from __future__ import annotations

from typing import Any

from pathways.content.model import Route
from pathways.content.store import Content


def entry_data(content: Content, entry_id: str) -> dict[str, Any]:
    entry = content.entry(entry_id)
    data = entry.model_dump(mode="json", by_alias=True, exclude_none=True)
    data.pop("eligible", None)
    data["id"] = entry_id
    data["type"] = "route" if isinstance(entry, Route) else "body"
    if not isinstance(entry, Route):
        data["kind"] = "support"
    data["obstacles"] = [
        content.obstacles[o].model_dump(mode="json") if isinstance(o, str) else o.model_dump(mode="json")
        for o in getattr(entry, "obstacles", [])
    ]
    return data


def catalogue(content: Content) -> dict[str, Any]:
    ids = [*content.routes, *content.bodies]
    return {"content_version": content.version, "entries": [entry_data(content, i) for i in ids]}
