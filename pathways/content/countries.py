"""Country codes and names for the `country` fact: ISO 3166-1 from pycountry, never a
hand-written list, with names in Dutch, French and German from pycountry's translations."""

from __future__ import annotations

import functools
import gettext

import pycountry


@functools.cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


@functools.cache
def _translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@functools.cache
def country_name(code: str, lang: str) -> str:
    """The common name of a country in a language; the code itself when it is not a country."""
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _translation(lang).gettext(name)
