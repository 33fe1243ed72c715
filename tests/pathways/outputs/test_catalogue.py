"""The adviser tools' catalogue: search in any of the four languages, and the place filter."""

from __future__ import annotations

from pathways.content.store import Content
from pathways.outputs.catalogue import matches_search, open_in_place


def _found(content: Content, query: str) -> set[str]:
    return {i for i, _ in content.entries() if matches_search(content, i, query)}


def test_search_finds_an_entry_by_its_name_in_any_language(content: Content) -> None:
    for query in ("arbeidsrechtbank", "tribunal du travail", "Arbeitsgericht", "labour tribunal"):
        assert "labour_tribunal" in _found(content, query), query


def test_search_ignores_accents_and_case_and_needs_every_word(content: Content) -> None:
    assert "walloon_ombudsman" in _found(content, "MEDIATEUR wallonie")
    assert "walloon_ombudsman" not in _found(content, "mediateur flamand-nowhere")
    assert _found(content, "zzzz-no-such-word") == set()


def test_german_speaking_community_keeps_its_own_bodies_and_drops_other_regions(content: Content) -> None:
    shown = open_in_place(content, "german_speaking")
    assert {"bjb_eupen", "first_line_legal_aid_german", "german_community_ombudsman", "labour_tribunal"} <= shown
    # another Community's or Region's bodies, and other districts' legal-aid bureaus, cannot serve a case there
    assert not shown & {
        "flemish_ombudsman",
        "flemish_human_rights_institute",
        "bjb_ghent",
        "baj_liege",
        "brussels_ombudsman",
    }
    # routes for harm abroad stay: a person living in Eupen may use them
    assert "oecd_ncp" in shown
