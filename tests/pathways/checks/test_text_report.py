"""The words of the content: glossary links, English left in other languages, readability,
and the deadline rules `check` prints."""

from __future__ import annotations

import dataclasses

import pytest

from pathways.checks import text_report as tr
from pathways.checks.loader import load_content
from pathways.content.model import Text


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_every_glossary_term_a_text_uses_is_linked(content):
    unlinked = tr.unlinked_glossary_terms(content)
    assert unlinked == [], [f"{u.entry_id}: {u.term_id} ({u.lang})" for u in unlinked[:20]]


def test_a_term_used_but_not_linked_is_reported(content):
    route = content.routes["labour_tribunal"]
    assert "labour_tribunal" in route.glossary
    unlinked_route = route.model_copy(update={"glossary": [g for g in route.glossary if g != "labour_tribunal"]})
    changed = dataclasses.replace(content, routes={**content.routes, "labour_tribunal": unlinked_route})
    found = {(u.entry_id, u.term_id, u.lang) for u in tr.unlinked_glossary_terms(changed)}
    assert ("labour_tribunal", "labour_tribunal", "nl") in found  # 'arbeidsrechtbank' in its Dutch text
    assert ("labour_tribunal", "labour_tribunal", "de") in found


def test_a_term_inside_a_longer_word_is_not_a_use():
    pattern = tr._term_pattern("mediation")
    assert pattern.search("civil mediation works")
    assert not pattern.search("mediations-based")
    assert not pattern.search("premediation")


def test_no_english_left_in_dutch_french_or_german(content):
    found = tr.english_in_other_languages(content)
    assert found == [], [f"{e.where} [{e.lang}] {e.text[:60]}" for e in found]


def test_english_sentence_in_a_dutch_text_is_found(content):
    text = Text(
        nl="Ask the labour inspectorate for help with your wages.",
        fr="Demandez l'aide de l'inspection du travail pour votre salaire.",
        de="Bitten Sie die Arbeitsinspektion um Hilfe bei Ihrem Lohn.",
        en="Ask the labour inspectorate for help with your wages.",
    )
    ui = {**content.ui, "test.english_left": text}
    found = tr.english_in_other_languages(dataclasses.replace(content, ui=ui))
    assert [(e.where, e.lang) for e in found if e.where.startswith("ui/test.")] == [("ui/test.english_left", "nl")]


def test_reading_ease_follows_the_published_formula():
    # 4 words, 1 sentence, 5 syllables (go, to, the, of-fice with its silent e): Flesch 1948.
    assert tr.reading_ease("Go to the office.", "en") == pytest.approx(206.835 - 1.015 * 4 - 84.6 * 5 / 4)
    # Amstad for German: 3 words (Gehen, Sie, heim), 1 sentence, 4 syllables.
    assert tr.reading_ease("Gehen Sie heim.", "de") == pytest.approx(180 - 1.0 * 3 - 58.5 * 4 / 3)


def test_short_plain_sentences_read_easier_than_long_legal_ones():
    plain = "Ga naar het bureau. Breng uw loonfiches mee."
    legal = (
        "De vordering tot schadevergoeding op grond van buitencontractuele aansprakelijkheid verjaart door "
        "verloop van vijf jaren vanaf de dag volgend op die waarop de benadeelde kennis heeft gekregen van de schade."
    )
    assert tr.reading_ease(plain, "nl") > 60 > tr.reading_ease(legal, "nl")
    assert tr.level(tr.reading_ease(plain, "nl")) == "B1"


def test_readability_covers_each_group_in_each_language(content):
    rows = tr.readability(content)
    assert {(r.group, r.lang) for r in rows} == {
        (g, lang) for g in ("questions", "first steps", "route summaries") for lang in ("nl", "fr", "de", "en")
    }
    assert all(r.hardest in content.routes or any(q.id == r.hardest for q in content.questions) for r in rows)


def test_deadline_rules_name_start_length_counting_and_article(content):
    lines = tr.deadline_rules(content)
    assert (
        "labour_tribunal: 1 y from end_of_contract (employment_end_date); calendar, only in some cases; "
        "Employment Contracts Act of 3 July 1978, art. 15, first paragraph"
    ) in lines
    assert any(line.startswith("civil_liability_claim: 20 y from harm_date") and "long stop" in line for line in lines)
    assert len(lines) == sum(len(r.deadline.limits) for r in content.routes.values() if r.deadline)
