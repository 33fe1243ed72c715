"""Source titles stay in their own language, and the language is named where the reader's differs."""

from __future__ import annotations

from pathways.content.model import Source
from pathways.content.store import Content


def _source(lang: str, section: str | None = None) -> Source:
    return Source(title="Barreau de Namur : l'aide juridique", url="https://example.org/", lang=lang, section=section)


def test_a_french_page_is_named_as_french_in_the_other_languages(content: Content) -> None:
    french = _source("fr")
    assert content.source_notes(french, "fr") == []
    assert content.source_notes(french, "nl") == ["in het Frans"]
    assert content.source_notes(french, "de") == ["auf Französisch"]
    assert content.source_notes(french, "en") == ["in French"]


def test_a_site_in_every_language_is_not_named_and_the_section_comes_first(content: Content) -> None:
    assert content.source_notes(_source("multi", "4.1.2"), "de") == ["4.1.2"]
    assert content.source_notes(_source("en", "4.1.2"), "nl") == ["4.1.2", "in het Engels"]


def test_every_source_names_its_language(content: Content) -> None:
    sources = [s for _, e in content.entries() for s in e.sources]
    assert len(sources) > 300
    assert {s.lang for s in sources} <= {"nl", "fr", "de", "en", "multi"}
