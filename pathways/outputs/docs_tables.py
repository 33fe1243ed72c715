"""Tables for the documentation, generated from content so the docs cannot drift.

`cog` runs these from docs/ranking.md and docs/content.md (`make docs` writes them,
`make test` runs `cog --check`): change data/ranking.yaml or the catalogue and the docs
follow, or the test says they are out of date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from pathways.checks.loader import load_content
from pathways.content.conditions import predicates
from pathways.outputs.graded import run, shown

ROOT = Path(__file__).resolve().parents[2]

# The day the graded figures in the docs are measured as on. Deadlines run with the calendar (a
# claim that expires tomorrow leaves tomorrow's list), so figures measured on "today" would go
# stale overnight and `cog --check` would fail on a build that changed nothing. Move it forward
# when the docs are regenerated with new figures (`make docs`).
MEASURED_ON = dt.date(2026, 12, 3)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def ranking_table() -> str:
    """The ranking rules: id, how applied, points, case condition, entry attributes, reason shown."""
    c = load_content()
    lines = [
        "| rule | applies | points | when the case says | to entries with | reason shown (en) |",
        "|---|---|---|---|---|---|",
    ]
    for rule in c.ranking.rules:
        when = (
            ", ".join(f"{p.fact} {p.op} {'/'.join(map(str, p.expected))}" for p in predicates(rule.when))
            if rule.when
            else "—"
        )
        entry = ", ".join(f"{k} = {v}" for k, v in rule.entry.items()) or "—"
        lines.append(
            f"| `{rule.id}` | {rule.applies} | {rule.points:+d} | {_cell(when)} | {_cell(entry)} | {_cell(rule.text.en)} |"
        )
    goals = ", ".join(f"{g} → {'/'.join(a)}" for g, a in c.ranking.goal_achieves.items())
    lines += ["", f"Goals and what serves them (`goal_achieves`): {goals}.", ""]
    lines.append(f"The first tier holds the {c.ranking.first_tier_size} best-scored entries.")
    return "\n".join(lines) + "\n"


def lead_table() -> str:
    """How many entries declare a lead condition and a lead bonus, by kind."""
    c = load_content()
    entries = [e for _, e in c.entries()]
    with_lead = Counter(getattr(e, "kind", "support") for e in entries if e.lead is not None)
    total = Counter(getattr(e, "kind", "support") for e in entries)
    lines = ["| kind | entries | with a lead condition |", "|---|---|---|"]
    for kind in sorted(total):
        lines.append(f"| {kind} | {total[kind]} | {with_lead[kind]} |")
    bonus = sorted((eid, e.ranking.lead_bonus) for eid, e in c.entries() if e.ranking.lead_bonus)
    if bonus:
        lines += ["", "Lead bonus: " + ", ".join(f"`{eid}` +{b}" for eid, b in bonus) + "."]
    return "\n".join(lines) + "\n"


def graded_figures() -> str:
    """The totals of the in-repository graded cases (tests/graded), as on MEASURED_ON: with all
    of each case's facts (what `recommend` is measured on), and through the interview (what
    the app shows someone who knows the same facts, given the questions it asks)."""
    content = load_content()
    _, total = run(content, ROOT / "tests" / "graded", today=MEASURED_ON)
    _, app = run(content, ROOT / "tests" / "graded", through_interview=True, today=MEASURED_ON)
    return (
        "| measure | all the facts | through the interview | aim |\n|---|---|---|---|\n"
        f"| graded cases | {total.cases} | {app.cases} | ≥ 40 |\n"
        f"| essentials among the first five | {shown(total.recall)} | {shown(app.recall)} | ≥ 0.90 |\n"
        f"| share of the list that is essential or relevant | {shown(total.precision)} | {shown(app.precision)} | ≥ 0.80 |\n"
        f"| wrong entries recommended | {total.wrong} | {app.wrong} | 0 |\n"
        f"| median list length | {total.median_length:g} | {app.median_length:g} | ≤ 12 |\n"
        f"\nMeasured as on {MEASURED_ON.day} {MEASURED_ON:%B %Y} (deadlines run with the calendar: `make eval` answers as on\n"
        "today, so a case whose deadline has passed since may count one entry more or less).\n"
    )
