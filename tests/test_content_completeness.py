"""Completeness of the real catalogue, parametrized over every route and body."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import BaseModel

from pathways import LANGS
from pathways.checks.graph import MAX_PATH_LENGTH, enumerate_paths
from pathways.checks.loader import load_content
from pathways.content.model import Route, Text
from pathways.content.store import Content

CONTENT = load_content()
ENTRIES = [*CONTENT.routes, *CONTENT.bodies]


def _texts(value: Any) -> list[Text]:
    if isinstance(value, Text):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in _texts(getattr(value, name))]
    return []


@pytest.mark.parametrize("entry_id", ENTRIES)
def test_entry_is_complete(entry_id: str) -> None:
    entry = CONTENT.entry(entry_id)
    for text in _texts(entry):
        for lang in LANGS:
            assert text.get(lang).strip(), f"{entry_id}: empty {lang} text"
    assert entry.legal_basis and entry.sources and entry.contacts
    assert all(str(c.website).startswith("https://") or str(c.website).startswith("http://") for c in entry.contacts)
    assert dt.date(2024, 1, 1) <= entry.last_reviewed <= dt.date.today()
    if isinstance(entry, Route):
        assert entry.first_steps and entry.achieves


def test_catalogue_size(content: Content) -> None:
    assert len(content.routes) >= 45
    assert len(content.bodies) >= 35
    assert len(content.glossary) >= 40
    kinds = {r.kind for r in content.routes.values()}
    assert kinds == {"support", "non_judicial", "administrative", "judicial", "international"}


def test_no_path_is_longer_than_the_limit(content: Content) -> None:
    paths = enumerate_paths(content)
    assert paths and max(len(p) for p in paths) <= MAX_PATH_LENGTH


def test_every_contract_fact_is_set_by_some_question(content: Content) -> None:
    contract = {
        "role",
        "harm_country",
        "be_region",
        "lives_in",
        "company_link",
        "public_body_involved",
        "relationship",
        "harm_types",
        "discrimination_ground",
        "goals",
        "urgency",
        "harm_date",
        "financiers",
        "income",
    }
    set_by = {q.fact for q in content.questions} | {k for q in content.questions for o in q.options for k in o.also}
    assert contract <= set_by


def test_every_question_offers_dont_know_except_role(content: Content) -> None:
    assert [q.id for q in content.questions if not q.unknown] == ["role"]


def test_ui_placeholders_match_across_languages(content: Content) -> None:
    import string

    for key, text in content.ui.items():
        names = [{f[1] for f in string.Formatter().parse(text.get(lang)) if f[1]} for lang in LANGS]
        assert all(n == names[0] for n in names), f"{key}: placeholders differ between languages"
