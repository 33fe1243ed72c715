"""Case facts: checking them against the vocabulary and deriving the ones a postcode decides.

The vocabulary is content (`data/facts.yaml`); this module knows only fact *types*, so a
new fact or value needs no code. Two kinds of facts are computed here rather than asked:
the judicial district and the bar of a Belgian postcode (with the `belgica` package, whose
cantons follow the annex to the Judicial Code) and, when a case does not state them, the
region and the German-speaking Community of that postcode. A fact the case states is
never overwritten by a derived one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

import belgica

from pathways.content.countries import country_codes
from pathways.content.store import Content

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
POSTCODE = re.compile(r"^\d{4}$")
# belgica's region ids (Statbel REFNIS codes) to the values of `be_region`.
REGION_OF_REFNIS = {"02000": "flanders", "03000": "wallonia", "04000": "brussels"}
GERMAN_SPEAKING_DISTRICT = "eupen"  # the judicial district of Eupen is the German-language area


class FactError(ValueError):
    """A fact that cannot be used. `key` names the UI message; `values` fill it in."""

    def __init__(self, key: str, **values: Any) -> None:
        self.key = key
        self.values = values
        super().__init__(f"{key}: {values}")


@functools.cache
def known_postcodes() -> frozenset[str]:
    return frozenset(p["postalCode"] for p in belgica.postal_codes())


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_value(content: Content, name: str, value: Any) -> Any:
    """One fact value, normalised (a single value for a list fact becomes a list), or FactError."""
    fact = content.facts[name]
    if fact.type == "bool":
        if not isinstance(value, bool):
            raise FactError("error.fact.bool", fact=name, value=_short(value))
        return value
    if fact.type == "date":
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            raise FactError("error.fact.date", fact=name, value=_short(value)) from None
        if not MIN_DATE <= day <= MAX_DATE:
            raise FactError("error.fact.date_range", fact=name, value=_short(value))
        return day.isoformat()
    if fact.type == "country":
        code = str(value).upper() if isinstance(value, str) else value
        if code not in country_codes():
            raise FactError("error.fact.country", fact=name, value=_short(value))
        return code
    if fact.type == "postcode":
        code = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if code is None or not POSTCODE.match(code) or code not in known_postcodes():
            raise FactError("error.fact.postcode", fact=name, value=_short(value))
        return code
    allowed = fact.value_ids()
    if fact.type == "multi":
        values = value if isinstance(value, list) else [value]
        if any(not isinstance(v, str) or v not in allowed for v in values):
            raise FactError("error.fact.multi", fact=name, value=_short(value), allowed=", ".join(allowed))
        return list(dict.fromkeys(values))
    if not isinstance(value, str) or value not in allowed:
        raise FactError("error.fact.choice", fact=name, value=_short(value), allowed=", ".join(allowed))
    return value


def check_facts(content: Content, raw: Any, problems: list[FactError] | None = None) -> dict[str, Any]:
    """Facts checked against the vocabulary and normalised; absent or null means unknown.

    With a `problems` list, a fact that cannot be used is reported there and left unknown
    (as if the person had answered "I don't know") instead of refusing the whole case.
    """
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise FactError("error.fact.not_mapping")
    facts: dict[str, Any] = {}
    for name, value in raw.items():
        try:
            if not isinstance(name, str) or name not in content.facts:
                raise FactError("error.fact.unknown", fact=_short(name), known=", ".join(content.facts))
            if value is not None:
                facts[name] = check_value(content, name, value)
        except FactError as exc:
            if problems is None:
                raise
            problems.append(exc)
    return facts


# ---------------------------------------------------------------- derived from the postcode
def _municipalities(postcode: str) -> list[dict[str, Any]]:
    return [dict(m) for m in belgica.get_municipalities_for_postal_code(postcode)]


@functools.cache
def _places(postcode: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(district, region, cantons) of each municipality a postcode belongs to."""
    out = []
    for m in _municipalities(postcode):
        district = belgica.get_arrondissement_for_municipality(m["id"])
        cantons = tuple(c["id"] for c in belgica.get_cantons_for_municipality(m["id"]))
        district_id = str(district["id"]) if district else ""
        out.append((district_id, REGION_OF_REFNIS.get(str(m.get("region", "")), ""), cantons))
    return tuple(out)


def _one(values: set[str]) -> str | None:
    """The value when every municipality of the postcode agrees, else unknown."""
    values.discard("")
    return values.pop() if len(values) == 1 else None


def _district(content: Content, postcode: str) -> str | None:
    found = _one({d.replace("-", "_") for d, _, _ in _places(postcode)})
    return found if found in content.facts["judicial_district"].value_ids() else None


def _bar(content: Content, postcode: str) -> str | None:
    district = _district(content, postcode)
    cantons = {c for _, _, cs in _places(postcode) for c in cs}
    matches = {
        bar.id
        for bar in content.bars.values()
        if bar.district == district and (not bar.cantons or cantons & set(bar.cantons))
    }
    return _one(matches)


def _region(content: Content, postcode: str) -> str | None:
    return _one({r for _, r, _ in _places(postcode)})


def _german_speaking(content: Content, postcode: str) -> bool | None:
    district = _district(content, postcode)
    return None if district is None else district == GERMAN_SPEAKING_DISTRICT


def _ended(content: Content, end_date: str) -> bool:
    return True


DERIVERS: dict[str, Callable[[Content, str], Any]] = {
    "employment_ended": _ended,
    "remedies_exhausted": _ended,  # a final decision of the highest court exhausts Belgian remedies
    "judicial_district": _district,
    "bar": _bar,
    "be_region": _region,
    "german_speaking": _german_speaking,
}


def derive_facts(content: Content, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts with those a stated fact decides added (never replacing a stated one)."""
    out = dict(facts)
    for fact in content.facts.values():
        source = fact.derived_from
        if source is None or fact.id in out or source not in out:
            continue
        value = DERIVERS[fact.id](content, out[source])
        if value is not None:
            out[fact.id] = value
    return out
