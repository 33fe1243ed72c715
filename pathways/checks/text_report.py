"""What `check` reports about the words of the content: glossary links, English left in
Dutch, French and German, and how easy the texts are to read.

These are reports, not loading errors: a maintainer reads them after each change. The
glossary and English figures should be zero (a test holds that); the readability figures
are measured against the aims in docs/content.md (questions and first steps at B1, route
summaries at most B2), and printed so that a change that makes the texts harder is seen.

Readability uses the Flesch reading-ease formula adapted to each language, with its
published constants (Flesch 1948 for English, Douma 1960 for Dutch, Kandel & Moles 1958
for French, Amstad 1978 for German) and syllables counted as groups of vowels. A
maintained library (textstat) was tried: for English it downloads a pronunciation
dictionary at run time, which a machine without internet cannot do, and for the other
languages it uses the same formulas. On these scales 60 and above reads as plain language
(about B1), 50-60 as fairly difficult (about B2), below 50 as difficult.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from pathways import LANGS
from pathways.content.model import Text
from pathways.content.store import Content

# ---------------------------------------------------------------- walking the texts


def texts_of(node: object) -> Iterator[Text]:
    """Every four-language text inside a content object (entry, question, term)."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts_of(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from texts_of(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from texts_of(item)


# ---------------------------------------------------------------- glossary links


@dataclass(frozen=True)
class UnlinkedTerm:
    entry_id: str
    term_id: str
    lang: str
    word: str


def _term_pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(word.casefold()) + r"(?![\w-])")


def unlinked_glossary_terms(content: Content) -> list[UnlinkedTerm]:
    """Glossary terms a route or support body uses in its text but does not link.

    A term is linked when its id is in the entry's `glossary:` list; the results card and
    the PDF explain only linked terms, so a term used but not linked is left unexplained.
    (Questions keep a short, chosen list: the interview explains only what the question needs.)
    """
    patterns = {
        (term.id, lang): _term_pattern(term.term.get(lang)) for term in content.glossary.values() for lang in LANGS
    }
    found: list[UnlinkedTerm] = []
    owners: list[tuple[str, BaseModel, list[str]]] = [
        *((i, e, e.glossary) for i, e in content.routes.items()),
        *((i, e, e.glossary) for i, e in content.bodies.items()),
    ]
    for owner_id, owner, linked in owners:
        by_lang = {lang: "\n".join(t.get(lang) for t in texts_of(owner)).casefold() for lang in LANGS}
        for (term_id, lang), pattern in patterns.items():
            if term_id not in linked and pattern.search(by_lang[lang]):
                found.append(UnlinkedTerm(owner_id, term_id, lang, content.glossary[term_id].term.get(lang)))
    return found


# ---------------------------------------------------------------- English in other languages

# Short English function words that are not also words of Dutch, French or German. Two of
# them in one Dutch, French or German text mean an English sentence was left in it.
_ENGLISH_MARKERS = frozenset(
    "the and with which your you this that from should would their there these those what when where "
    "who whose has have been being not for our its".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class EnglishLeft:
    where: str
    lang: str
    text: str


def _english_markers(text: str) -> int:
    # Names of bodies and documents are quoted or written in capitals; count only lower-case words.
    return sum(1 for w in _WORD.findall(text) if w in _ENGLISH_MARKERS)


def english_in_other_languages(content: Content) -> list[EnglishLeft]:
    """Dutch, French or German texts that read as English (at least two English function words)."""
    found: list[EnglishLeft] = []
    places: list[tuple[str, object]] = [
        *((f"routes/{i}", e) for i, e in content.routes.items()),
        *((f"bodies/{i}", e) for i, e in content.bodies.items()),
        *((f"questions/{q.id}", q) for q in content.questions),
        *((f"glossary/{i}", t) for i, t in content.glossary.items()),
        *((f"obstacles/{i}", o) for i, o in content.obstacles.items()),
        *((f"ui/{k}", t) for k, t in content.ui.items()),
    ]
    for where, node in places:
        for text in texts_of(node):
            for lang in ("nl", "fr", "de"):
                markers = _english_markers(text.get(lang))
                if markers >= 2 and markers > _english_markers(text.get("en")) / 3:
                    found.append(EnglishLeft(where, lang, text.get(lang)))
    return found


# ---------------------------------------------------------------- readability

# Flesch reading ease: a - b * (words per sentence) - c * (syllables per word).
FLESCH = {
    "en": (206.835, 1.015, 84.6),  # Flesch 1948
    "nl": (206.835, 0.93, 77.0),  # Douma 1960
    "fr": (207.0, 1.015, 73.6),  # Kandel & Moles 1958
    "de": (180.0, 1.0, 58.5),  # Amstad 1978
}
_VOWELS = re.compile(r"[aeiouyàâäéèêëïîôöùûüÿœæ]+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;:]+(?:\s|$)")


def syllables(word: str, lang: str = "nl") -> int:
    """Groups of vowels, less a silent final e in English and French: an approximation good
    enough to compare texts (English "route", French "plainte" count one and two)."""
    n = len(_VOWELS.findall(word))
    w = word.casefold()
    if n > 1 and (
        (lang == "en" and w.endswith("e") and not w.endswith("le")) or (lang == "fr" and w.endswith(("e", "es")))
    ):
        n -= 1
    return max(1, n)


def reading_ease(text: str, lang: str) -> float:
    """Flesch reading ease of a text in its language (higher is easier)."""
    words = _WORD.findall(text)
    if not words:
        return 100.0
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    a, b, c = FLESCH[lang]
    return a - b * (len(words) / sentences) - c * (sum(syllables(w, lang) for w in words) / len(words))


def level(ease: float) -> str:
    """The rough CEFR level a reading-ease figure corresponds to (see the module docstring)."""
    return "B1" if ease >= 60 else "B2" if ease >= 50 else "C1"


@dataclass(frozen=True)
class Readability:
    group: str
    lang: str
    median_ease: float
    words_per_sentence: float
    hardest: str  # id of the hardest text in the group
    aim: str


def _words_per_sentence(text: str) -> float:
    words = len(_WORD.findall(text))
    return words / max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))


def readability(content: Content) -> list[Readability]:
    """Median reading ease per language of questions, first steps and route summaries."""
    groups: dict[str, tuple[str, list[tuple[str, Text]]]] = {
        "questions": ("B1", [(q.id, q.text) for q in content.questions]),
        "first steps": (
            "B1",
            [(i, step) for i, r in content.routes.items() for step in r.first_steps],
        ),
        "route summaries": ("B2", [(i, r.summary) for i, r in content.routes.items()]),
    }
    rows = []
    for group, (aim, items) in groups.items():
        for lang in LANGS:
            scored = [(reading_ease(t.get(lang), lang), i) for i, t in items]
            rows.append(
                Readability(
                    group=group,
                    lang=lang,
                    median_ease=statistics.median(s for s, _ in scored),
                    words_per_sentence=statistics.median(_words_per_sentence(t.get(lang)) for _, t in items),
                    hardest=min(scored)[1],
                    aim=aim,
                )
            )
    return rows


# ---------------------------------------------------------------- deadline rules


def deadline_rules(content: Content) -> list[str]:
    """One line per time limit of every route: what starts it, how long, how it is counted, its article."""
    lines = []
    for route_id, route in sorted(content.routes.items()):
        if route.deadline is None:
            continue
        for limit in route.deadline.limits:
            p = limit.period
            length = " ".join(f"{n} {u}" for n, u in ((p.years, "y"), (p.months, "m"), (p.days, "d")) if n)
            flags: list[str] = [limit.counting]
            if limit.closes:
                flags.append("closes the route")
            if limit.long_stop:
                flags.append("long stop")
            if limit.applies_if is not None:
                flags.append("only in some cases")
            start = limit.start + (f" ({limit.start_fact})" if limit.start_fact else ", not asked")
            lines.append(f"{route_id}: {length} from {start}; {', '.join(flags)}; {limit.basis.get('en')}")
    return lines
