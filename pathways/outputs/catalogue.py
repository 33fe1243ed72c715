"""The whole catalogue as plain data, every language included (for `catalogue --format json`)."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from pathways import LANGS
from pathways.content.conditions import evaluate
from pathways.content.model import Route
from pathways.content.store import Content
from pathways.engine.facts import check_facts, derive_facts


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


def _folded(text: str) -> str:
    """Lower case without accents, so "rechtbank", "Médiateur" and "mediateur" are found as typed."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1024)  # per content (hashed by identity) and entry: the search box reruns the page per key
def search_text(content: Content, entry_id: str) -> str:
    """The words an adviser may search an entry by: titles, summaries and who can use it, in all four languages."""
    entry = content.entry(entry_id)
    texts = [entry.title, entry.summary, *([entry.who_can_use] if isinstance(entry, Route) else [entry.helps_with])]
    return _folded(" ".join([entry_id, *(t.get(lang) for t in texts for lang in LANGS)]))


def matches_search(content: Content, entry_id: str, query: str) -> bool:
    """Every word of the query appears somewhere in the entry's searchable text (any language)."""
    words = _folded(query).split()
    haystack = search_text(content, entry_id)
    return all(w in haystack for w in words)


@functools.lru_cache(maxsize=16)
def open_in_place(content: Content, place_id: str) -> frozenset[str]:
    """Entries whose eligibility the place's facts do not rule out, whatever the other answers."""
    place = next(p for p in content.index.catalogue_places if p.id == place_id)
    facts = derive_facts(content, check_facts(content, place.facts))
    return frozenset(i for i, e in content.entries() if evaluate(e.eligible, facts, open_world=True).value is not False)
