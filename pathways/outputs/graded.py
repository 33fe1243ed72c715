"""Measuring advice on graded cases: what a Belgian lawyer graded before the case was run.

A graded case (contract: ../shared/product/case-facts.md) holds facts and three lists of
ids: `essential` (must be among the first five), `relevant` (fine anywhere) and `wrong`
(must not be recommended). The grades are never changed to match the output; this module
only runs `recommend` and counts. `python -m pathways eval DIR` prints a line per case and
the totals, and fails when a total misses its aim.

The facts of a graded case are all the grader knew. The interview does not ask all of them:
to stay short it asks a question only where content says it may matter (a question's
`ask_if`, then the relevance check), so someone using the app leaves some of them unknown.
`--through-interview` measures that too: each case's facts are turned into the answers the
interview would collect (`answers_from_facts`), walked, and only the facts of the questions
asked reach `recommend`, which is what the app would show that person.

A card is judged by every entry it names (`Recommendation.names`): a legal-aid office listed in place of its
route names that route in its title and card, and a route reached through two offices (Brussels'
two bars) names both with their contacts. So a graded id counts as among the first five when one
of the first five cards names it, wrong when any card names it, and a card is useful when it
names an essential or relevant entry.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pathways.content.store import Content
from pathways.content.yaml_source import read_yaml
from pathways.engine.facts import check_facts
from pathways.engine.interview import answers_from_facts, walk
from pathways.engine.recommend import recommend

FIRST = 5
AIMS = {"recall": 0.90, "precision": 0.80, "wrong": 0, "median_length": 12}


def shown(share: float, places: int = 3) -> str:
    """A share as printed beside its aim, rounded down: 3881 of 4313 (0.89984) is shown as 0.899,
    not as a 0.900 that would read as meeting an aim of 0.90 it misses."""
    scale = 10**places
    return f"{math.floor(share * scale + 1e-9) / scale:.{places}f}"


@dataclass(frozen=True)
class CaseScore:
    name: str
    essentials: int
    essentials_first: int
    useful: int  # recommendations that are essential or relevant
    length: int
    wrong: tuple[str, ...]
    missed: tuple[str, ...]  # essentials not among the first five
    unknown_ids: tuple[str, ...]  # graded ids the catalogue does not have


@dataclass(frozen=True)
class Totals:
    cases: int
    recall: float
    precision: float
    wrong: int
    median_length: float

    def failures(self) -> list[str]:
        out = []
        if self.recall < AIMS["recall"]:
            out.append(f"essentials among the first five {shown(self.recall)} < {AIMS['recall']}")
        if self.precision < AIMS["precision"]:
            out.append(f"precision {shown(self.precision, 2)} < {AIMS['precision']}")
        if self.wrong > AIMS["wrong"]:
            out.append(f"{self.wrong} wrong entries recommended")
        if self.median_length > AIMS["median_length"]:
            out.append(f"median list length {self.median_length} > {AIMS['median_length']}")
        return out


def interview_facts(content: Content, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts the interview collects from someone who knows `facts`: the answers to the
    questions it asks; what it does not ask stays unknown."""
    return walk(content, answers_from_facts(content, facts)).facts


def score_case(
    content: Content, name: str, data: dict[str, Any], through_interview: bool = False, today: dt.date | None = None
) -> CaseScore:
    """One case's counts, as `recommend` answers on `today` (default: the real today; deadlines
    that expire move a route out of the list, so figures kept in the docs pin a date)."""
    facts = check_facts(content, data.get("facts") or {})
    if through_interview:
        facts = interview_facts(content, facts)
    cards = [r.names for r in recommend(content, facts, "en", today).recommendations]
    essential = list(data.get("essential") or [])
    relevant = set(data.get("relevant") or [])
    wrong = set(data.get("wrong") or [])
    known = set(content.routes) | set(content.bodies)
    graded = set(essential) | relevant | wrong
    first = {i for card in cards[:FIRST] for i in card}
    return CaseScore(
        name=name,
        essentials=len(essential),
        essentials_first=sum(1 for e in essential if e in first),
        useful=sum(1 for card in cards if set(card) & (set(essential) | relevant)),
        length=len(cards),
        wrong=tuple(i for card in cards for i in card if i in wrong),
        missed=tuple(e for e in essential if e not in first),
        unknown_ids=tuple(sorted(graded - known)),
    )


def totals(scores: list[CaseScore]) -> Totals:
    essentials = sum(s.essentials for s in scores)
    listed = sum(s.length for s in scores)
    return Totals(
        cases=len(scores),
        recall=sum(s.essentials_first for s in scores) / essentials if essentials else 1.0,
        precision=sum(s.useful for s in scores) / listed if listed else 1.0,
        wrong=sum(len(s.wrong) for s in scores),
        median_length=statistics.median(s.length for s in scores) if scores else 0,
    )


def run(
    content: Content, folder: Path, through_interview: bool = False, today: dt.date | None = None
) -> tuple[list[CaseScore], Totals]:
    scores = [
        score_case(content, path.stem, read_yaml(path).data or {}, through_interview, today)
        for path in sorted(folder.glob("*.yaml"))
    ]
    return scores, totals(scores)


def report(scores: list[CaseScore], total: Totals) -> str:
    lines = [f"{'case':<48} {'first5':>7} {'prec':>5} {'len':>4} {'wrong':>5}  missed / wrong"]
    for s in scores:
        prec = s.useful / s.length if s.length else 1.0
        notes = [f"missed {','.join(s.missed)}"] if s.missed else []
        notes += [f"wrong {','.join(s.wrong)}"] if s.wrong else []
        notes += [f"not in catalogue {','.join(s.unknown_ids)}"] if s.unknown_ids else []
        lines.append(
            f"{s.name[:48]:<48} {s.essentials_first:>3}/{s.essentials:<3} {prec:>5.2f} {s.length:>4} {len(s.wrong):>5}  "
            + "; ".join(notes)
        )
    lines.append("")
    lines.append(
        f"{total.cases} cases: essentials among the first five {shown(total.recall)} (aim ≥ {AIMS['recall']}), "
        f"precision {shown(total.precision, 2)} (aim ≥ {AIMS['precision']}), wrong recommended {total.wrong} "
        f"(aim {AIMS['wrong']}), median list length {total.median_length:g} (aim ≤ {AIMS['median_length']})"
    )
    return "\n".join(lines)
