"""The question graph: built with networkx from the questions and their conditions.

Two views are checked. The structural graph (question -> every question that can come
next) must be acyclic, reach every question and end at the results from everywhere.
The enumerated paths (every distinct sequence of questions that some set of answers
produces, found by simulating the interview engine) must reach every question and stay
within the maximum length a person should face.
"""

from __future__ import annotations

import functools
from typing import Any

import networkx as nx

from pathways.content.conditions import evaluate
from pathways.content.model import Question
from pathways.content.store import Content, condition_facts
from pathways.content.yaml_source import ContentError, YamlDocument
from pathways.engine.interview import apply_answer

START, RESULTS = "__start__", "__results__"
MAX_PATH_LENGTH = 15


def build_graph(content: Content) -> nx.DiGraph:
    """Edge q -> r when r can be the next question after q (the ones between may be skipped)."""
    g = nx.DiGraph()
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
    else:
        choices = ["2025-06-01"]
    return choices + ([None] if q.unknown else [])


def enumerate_paths(content: Content) -> set[tuple[str, ...]]:
    """Every distinct question sequence a person can meet, by simulating answers.

    Answers only matter through the facts later conditions read, so the search is
    memoised on (question, facts that later conditions read).
    """
    questions = content.questions
    later_reads = [set().union(*(condition_facts(q.ask_if) for q in questions[i:])) for i in range(len(questions) + 1)]

    @functools.cache
    def suffixes(i: int, key: tuple) -> frozenset[tuple[str, ...]]:
        facts = dict(key)
        while (
            i < len(questions)
            and questions[i].ask_if is not None
            and evaluate(questions[i].ask_if, facts).value is False
        ):
            i += 1
        if i == len(questions):
            return frozenset({()})
        q = questions[i]
        out: set[tuple[str, ...]] = set()
        for choice in _answer_choices(q):
            nxt = dict(facts)
            apply_answer(q, choice, nxt)
            reads = later_reads[i + 1]
            nkey = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in nxt.items() if k in reads))
            out.update((q.id, *rest) for rest in suffixes(i + 1, nkey))
        return frozenset(out)

    return set(suffixes(0, ()))


def check_graph(content: Content, q_doc: YamlDocument | None) -> list[ContentError]:
    """Errors in the question graph, pointing at the question in questions.yaml."""
    path = q_doc.path if q_doc else "data/questions.yaml"
    line = lambda i, *loc: q_doc.line_of(("questions", i, *loc)) if q_doc else None  # noqa: E731
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
    paths = enumerate_paths(content)
    asked = {qid for p in paths for qid in p}
    for i, q in enumerate(content.questions):
        if q.id not in asked:
            errors.append(
                ContentError(
                    path, line(i, "ask_if"), f"question {q.id!r} is never asked: no answers make its condition true"
                )
            )
    longest = max((len(p) for p in paths), default=0)
    if longest > MAX_PATH_LENGTH:
        errors.append(
            ContentError(path, None, f"some paths have {longest} questions; keep them to {MAX_PATH_LENGTH} or fewer")
        )
    return errors
