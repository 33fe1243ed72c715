"""Dates (and numbers) written the way people write them in each language, with Babel's locale data.

"3 March 2027", "3 maart 2027", "3 mars 2027", "3. März 2027": the format a reader expects,
never ISO, in the app, the PDF and the command line's text output. Belgian locales (nl_BE,
fr_BE, de_BE) are used; English uses the British order (day month year).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal

LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "de": "de_BE", "en": "en_GB"}


def format_date(day: dt.date | str | None, lang: str) -> str:
    """A date in words for a language ("" for no date)."""
    if day is None:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    text = _babel_format_date(day, format="long", locale=LOCALES.get(lang, "en_GB"))
    if lang == "fr" and day.day == 1:  # French writes the first of the month as an ordinal: 1er mai
        text = "1er" + text[1:]
    return text


def format_number(n: int, lang: str) -> str:
    """A whole number with the language's own grouping ("100.000", "100 000", "100,000")."""
    return format_decimal(n, locale=LOCALES.get(lang, "en_GB"))
