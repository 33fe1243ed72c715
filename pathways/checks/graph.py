"""The question graph: built with networkx from the questions and their conditions.

Two views are checked. The structural graph (question -> every question that can come
next) must be acyclic, reach every question and end at the results from everywhere.
Sampled interviews (seeded random answers run through the engine's own decision of what
to ask) must reach every question, and their paths must stay within the length a person
should face: a median of at most 12 questions, none longer than 16.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
from dataclasses import dataclass
from typing import Any

import networkx as nx

from pathways.content.model import Question
from pathways.content.store import Content, condition_facts
from pathways.content.yaml_source import ContentError, YamlDocument
from pathways.engine.answers import apply_answer
from pathways.engine.interview import answers_from_facts, asks, walk

START, RESULTS = "__start__", "__results__"
MAX_PATH_LENGTH = 16
MAX_MEDIAN = 12
SAMPLES = 1500
# The paths are measured as of one day, the day the graded cases were graded as of: whether
# a date is asked can depend on whether a time limit counted on the safe side has passed
# (`pathways.engine.deadlines.safe_side`), and a check must not change with the calendar.
REFERENCE_DAY = dt.date(2026, 11, 29)


def build_graph(content: Content) -> nx.DiGraph[str]:
    """Edge q -> r when r can be the next question after q (the ones between may be skipped)."""
    g: nx.DiGraph[str] = nx.DiGraph()
    order = [START, *(q.id for q in content.questions), RESULTS]
    skippable = {q.id: q.ask_if is not None for q in content.questions}
    g.add_nodes_from(order)
    for i, src in enumerate(order[:-1]):
        for dst in order[i + 1 :]:
            g.add_edge(src, dst)
            if not skippable.get(dst, False):
                break
    return g


def _answer_choices(q: Question) -> list[Any]:
    if q.kind == "single":
        choices: list[Any] = [o.id for o in q.options]
    elif q.kind == "multi":
        choices = [[o.id] for o in q.options] + [[]]
    elif q.kind == "yesno":
        choices = [True, False]
    elif q.kind == "country":
        choices = ["BD", "PK", "FR", "BR"]
    elif q.kind == "postcode":
        choices = ["9000", "1000", "4700", "6000", "3000"]
    else:
        choices = ["2026-06-01"]
    return choices + ([None] if q.unknown else [])


@dataclass(frozen=True)
class PathStats:
    """Question paths met by sampled interviews (answers drawn at random, seeded)."""

    paths: tuple[tuple[str, ...], ...]

    @property
    def lengths(self) -> list[int]:
        return [len(p) for p in self.paths]

    @property
    def median(self) -> float:
        return statistics.median(self.lengths) if self.paths else 0

    @property
    def longest(self) -> int:
        return max(self.lengths, default=0)

    @property
    def asked(self) -> set[str]:
        return {qid for p in self.paths for qid in p}


def sample_paths(content: Content, n: int = SAMPLES, seed: int = 7) -> PathStats:
    """Walk `n` interviews with random answers through the engine's own `asks`.

    Every question on a path is one whose answers could change the advice at that point
    (the engine skips the others), so the paths measure what people actually meet.
    The number of possible answer combinations is far too large to list, hence a seeded sample.
    """
    rng = random.Random(seed)
    seen: list[tuple[str, ...]] = []
    for _ in range(n):
        facts: dict[str, Any] = {}
        path: list[str] = []
        for q in content.questions:
            if not asks(content, q, facts, REFERENCE_DAY):
                continue
            path.append(q.id)
            apply_answer(q, rng.choice(_answer_choices(q)), facts)
        seen.append(tuple(path))
    return PathStats(tuple(seen))


def check_graph(content: Content, q_doc: YamlDocument | None) -> list[ContentError]:
    """Errors in the question graph, pointing at the question in questions.yaml."""
    path = q_doc.path if q_doc else "data/questions.yaml"

    def line(i: int, *loc: str) -> int | None:
        return q_doc.line_of(("questions", i, *loc)) if q_doc else None

    errors: list[ContentError] = []
    set_before: set[str] = set()
    for i, q in enumerate(content.questions):
        for fact in sorted(condition_facts(q.ask_if) - set_before):
            errors.append(
                ContentError(
                    path,
                    line(i, "ask_if"),
                    f"question {q.id!r} depends on fact {fact!r}, which no earlier question sets; move it after that question",
                )
            )
        set_before |= {q.fact} | {k for o in q.options for k in o.also}
    if errors:
        return errors
    g = build_graph(content)
    if not nx.is_directed_acyclic_graph(g):
        errors.append(ContentError(path, None, "the question graph has a cycle"))
    for node in g.nodes:
        if node != START and not nx.has_path(g, START, node):
            errors.append(ContentError(path, None, f"question {node!r} cannot be reached"))
        if node != RESULTS and not nx.has_path(g, node, RESULTS):
            errors.append(ContentError(path, None, f"question {node!r} is a dead end: no way on to the results"))
    return errors


def reference_paths(content: Content, cases: list[dict[str, Any]]) -> PathStats:
    """The question paths of real cases: their facts as answers, every other question "I don't know"."""
    out = []
    for facts in cases:
        answers: dict[str, Any] = dict(answers_from_facts(content, facts))
        while (nxt := walk(content, answers, REFERENCE_DAY).first_unanswered) is not None:
            answers[nxt] = None
        out.append(walk(content, answers, REFERENCE_DAY).relevant)
    return PathStats(tuple(out))


def check_paths(
    content: Content, cases: list[dict[str, Any]], q_doc: YamlDocument | None = None
) -> tuple[list[ContentError], dict[str, float]]:
    """Errors in the question paths, and the figures `check` prints.

    Two measures: seeded random interviews (every answer equally likely, so they also
    reach rare questions) and the reference cases (graded and scenario cases, the paths
    real people take). A question no interview meets is an error; so is a median above
    12 or a path above 16 questions among the reference cases. Slower than the structural
    checks, so `python -m pathways check` runs it and loading content for the app does not.
    """
    path = q_doc.path if q_doc else "data/questions.yaml"
    errors: list[ContentError] = []
    sampled = path_stats(content)
    real = reference_paths(content, cases)
    asked = sampled.asked | real.asked
    for q in content.questions:
        if q.id not in asked:
            errors.append(
                ContentError(
                    path,
                    None,
                    f"question {q.id!r} is never asked: no answers make it both allowed and able to change the advice",
                )
            )
    if real.paths and real.longest > MAX_PATH_LENGTH:
        errors.append(
            ContentError(
                path, None, f"some cases meet {real.longest} questions; keep paths to {MAX_PATH_LENGTH} or fewer"
            )
        )
    if real.paths and real.median > MAX_MEDIAN:
        errors.append(
            ContentError(
                path, None, f"half the cases meet more than {real.median:g} questions; keep the median to {MAX_MEDIAN}"
            )
        )
    figures = {
        "reference_cases": len(real.paths),
        "median_path": real.median,
        "longest_path": real.longest,
        "sampled_median_path": sampled.median,
        "sampled_longest_path": sampled.longest,
    }
    return errors, figures


_STATS: dict[str, PathStats] = {}


def path_stats(content: Content) -> PathStats:
    """The sampled paths of this content, computed once per content version."""
    if content.digest not in _STATS:
        _STATS[content.digest] = sample_paths(content)
    return _STATS[content.digest]
