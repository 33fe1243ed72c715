"""Turning engine values into words on screen: dates, answers, lists."""

from __future__ import annotations

import datetime as dt

from components.session import content, t
from pathways.content.countries import country_name
from pathways.content.dates import format_date, format_number
from pathways.content.model import Question, option_value


def date(day: dt.date | str | None, lang: str) -> str:
    """A date written out in the language ("3 March 2027", "3. März 2027"), one formatter for
    the app, the PDF and the command line (`pathways.content.dates`)."""
    return format_date(day, lang)


def number(n: int, lang: str) -> str:
    """A whole number grouped as the language writes it (`pathways.content.dates`)."""
    return format_number(n, lang)


def option_label(q: Question, option_id: str, lang: str) -> str:
    opt = next((o for o in q.options if o.id == option_id), None)
    if opt is None:
        return option_id
    label = opt.label.get(lang) if opt.label is not None else content().value_label(q.fact, option_value(opt), lang)
    return label[:1].upper() + label[1:]


def answer(q: Question, value: object, lang: str) -> str:
    """How an answer reads on the review screen."""
    c = content()
    if value is None:
        return c.text("answer.dont_know", lang)
    if q.kind == "yesno":
        return c.text("answer.yes" if value else "answer.no", lang)
    if q.kind == "date":
        return date(str(value), lang)
    if q.kind == "country":
        return country_name(str(value), lang)
    if q.kind == "postcode":
        return str(value)
    if q.kind == "multi":
        labels = [option_label(q, v, lang) for v in value]  # type: ignore[union-attr]
        return ", ".join(labels) if labels else c.text("answer.none_selected", lang)
    return option_label(q, str(value), lang)


def question_title(qid: str, lang: str) -> str:
    """The question's text, or the raw id (shown as plain text) when content no longer has it."""
    try:
        return content().question(qid).text.get(lang)
    except StopIteration:
        return t("review.unknown_question")


def language_name(code: str, lang: str) -> str:
    """A language's name for an ISO code a support body lists (the code itself if unlabelled)."""
    key = f"langname.{code}"
    return content().text(key, lang) if key in content().ui else code.upper()
