"""Sentences from a condition's trace: "why", "why not" and what is still unknown.

One trace gives all three, in the chosen language, from the UI strings `trace.*`; the
same findings that decide an entry are the ones the person reads.
"""

from __future__ import annotations

from pathways.content.conditions import Finding, Outcome
from pathways.content.store import Content


def _expected_label(content: Content, f: Finding, lang: str) -> str:
    if f.op in ("before", "on_or_after"):
        return content.text(f"trace.op.{f.op}", lang, date=f.expected[0])
    labels = [content.value_label(f.fact, v, lang) for v in f.expected]
    joiner = content.text("trace.or", lang)
    if len(labels) <= 2 and not any(joiner in f" {label} " for label in labels):
        return joiner.join(labels)
    # "cattle, beef or leather or cocoa or coffee" would be ambiguous: say "one of" and separate clearly
    return content.text("trace.one_of", lang, items="; ".join(labels))


def sentence(content: Content, f: Finding, kind: str, lang: str) -> str:
    """One finding as a sentence; `kind` is why, why_not, unknown or not_suited."""
    fact = content.facts[f.fact].label.get(lang)
    actual = (
        content.value_label(f.fact, f.actual, lang) if f.actual is not None else content.text("trace.not_known", lang)
    )
    if f.op == "known":
        key = {
            "why": "trace.why",
            "why_not": "trace.why_not_known",
            "not_suited": "trace.why_not_known",
            "unknown": "trace.unknown",
        }[kind]
        return content.text(key, lang, fact=fact, actual=actual, expected="")
    expected = _expected_label(content, f, lang)
    key = {
        "why": "trace.why",
        "why_not": "trace.why_not",
        "unknown": "trace.unknown",
        "not_suited": "trace.not_suited",
    }[kind]
    if f.negated and kind != "why":
        key += "_negated"
    return content.text(key, lang, fact=fact, actual=actual, expected=expected)


def _together(content: Content, group: list[Finding], kind: str, lang: str) -> str:
    """Findings that rule an entry out only in combination, as one sentence that says so."""
    items = [sentence(content, f, "why", lang) for f in group]
    return content.text(
        f"trace.{kind}_together", lang, items=content.text("trace.items_separator", lang).join(dict.fromkeys(items))
    )


def sentences(content: Content, findings: tuple[Finding, ...], kind: str, lang: str) -> list[str]:
    if kind not in ("why_not", "not_suited") or not any(f.group for f in findings):
        return list(dict.fromkeys(sentence(content, f, kind, lang) for f in findings))
    groups: dict[int, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.group or -id(f), []).append(f)
    return list(
        dict.fromkeys(
            _together(content, g, kind, lang) if len(g) > 1 else sentence(content, g[0], kind, lang)
            for g in groups.values()
        )
    )


def why_not_sentences(content: Content, outcome: Outcome, lang: str) -> list[str]:
    """Why a condition does not hold. Alone, because most entries are closed to a given case and
    this is all that is shown for them: their "why" and "unknown" sentences would be built for
    nothing (about a third of `recommend`'s time)."""
    reasons = sentences(content, outcome.against, "why_not", lang)
    if outcome.value is False and not reasons:
        return [content.text("trace.never", lang)]
    return reasons


def explain(content: Content, outcome: Outcome, lang: str) -> tuple[list[str], list[str], list[str]]:
    """(why, caveats from unknown facts, why_not) for one evaluated condition."""
    # a predicate that passed only because content said "if unknown, count as true" is no reason to show
    why = sentences(content, tuple(f for f in outcome.support if f.actual is not None), "why", lang)
    unknown = sentences(content, outcome.unknown, "unknown", lang)
    if outcome.value is True and not why:
        why = [content.text("trace.always", lang)]
    if outcome.value is None and not why:
        why = [content.text("trace.maybe", lang)]
    return why, unknown, why_not_sentences(content, outcome, lang)
