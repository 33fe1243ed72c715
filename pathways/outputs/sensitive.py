"""Answers that are printed only when the person chooses to include them.

Some answers say more about a person than a printout needs, and a printout travels: it is
handed to a client, left on a desk, forwarded to a lawyer. They stay out of what is printed
unless the person ticks the choice to include them (as with the adviser's notes):

- `residence_status`: whether someone has papers. The question promises "this answer is
  not stored anywhere"; an undocumented worker may be afraid of exactly this line.
- `minor_involved`: that a child is affected.
- `discrimination_ground`: the ground of a discrimination (disability or health, origin,
  religion, sexual orientation, gender identity...): special categories of personal data
  under the GDPR (art. 9).
- `union_membership`: which union a person belongs to, a special category of personal data
  under the GDPR (art. 9) that an employer must not learn from a printout left on a desk.
- `postcode`: the question promises "only the postcode, no address; it is not stored
  anywhere". The legal-aid office it leads to is still printed: that is what it is for.

The advice itself is worked out with every answer: a trafficking centre is still suggested
to an undocumented worker. Only the answer is left out of the printed answers, and any
sentence that quotes it ("Residence status in Belgium: undocumented...") is left out of
the reasons printed for or against a route.

The content model has no `sensitive` flag; this tuple is the one place that says which
facts are sensitive. Other outputs (the saved-case file) can read it from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pathways.content.store import Content

SENSITIVE_FACTS: tuple[str, ...] = (
    "residence_status",
    "minor_involved",
    "discrimination_ground",
    "union_membership",
    "postcode",
)


def is_sensitive(fact_id: str) -> bool:
    return fact_id in SENSITIVE_FACTS


def sensitive_known(content: Content, facts: dict[str, Any]) -> list[str]:
    """The sensitive facts this case has an answer for, in vocabulary order."""
    return [f for f in content.facts if is_sensitive(f) and facts.get(f) not in (None, [], "")]


def quoting_phrases(content: Content, facts: dict[str, Any], lang: str) -> list[str]:
    """What a sentence quoting a sensitive answer contains: the fact's label in `lang`.

    Every reason the engine writes from a fact starts with the fact's label ("Residence
    status in Belgium: ..."), so a sentence containing a label quotes that fact.
    """
    return [content.facts[f].label.get(lang) for f in sensitive_known(content, facts)]


def quotes(line: str, phrases: Iterable[str]) -> bool:
    """Whether a sentence quotes one of the phrases."""
    return any(p in line for p in phrases)
