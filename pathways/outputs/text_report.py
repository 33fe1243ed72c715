"""Plain-text rendering of a recommendation result, for `recommend --format text`.

Written for a person reading a terminal or a printout: the tiers with their headings, kinds
and dates in the chosen language, the date to act by and the answers that would date the
others, then what was left out and why, grouped by reason.
"""

from __future__ import annotations

from pathways.content.dates import format_date
from pathways.content.model import TIERS
from pathways.content.store import Content
from pathways.engine.recommend import Recommendation, Result

EXCLUSION_REASONS = ("not_eligible", "not_suited", "expired")


def _deadline_lines(content: Content, r: Recommendation, lang: str) -> list[str]:
    if r.deadline is None:
        return []
    lines = []
    for lim in r.deadline.limits:
        if lim.date is not None:
            floor = lim.counted_from_label
            counted = " " + content.text("deadline.counted_from", lang, floor=floor.lower()) if floor else ""
            lines.append(f"      @ {format_date(lim.date, lang)}{counted}: {lim.text} ({lim.basis})")
        elif lim.needs:
            lines.append(f"      @ {content.text('deadline.limit_needs', lang, needs=lim.needs.lower())} {lim.text}")
        else:
            lines.append(f"      @ {content.text('deadline.limit_undated', lang)} {lim.text}")
    return lines


def render_text(content: Content, result: Result, lang: str) -> str:
    lines: list[str] = []
    n = 0
    for tier in TIERS:
        recs = result.tier(tier)
        if not recs:
            continue
        lines += ["", content.text(f"results.{tier}", lang).upper()]
        for r in recs:
            n += 1
            lines.append(f"{n:>2}. {r.card_title(lang)}  [{content.text(f'kind.{r.kind}', lang)}]")
            lines += [f"      + {w}" for w in r.why]
            lines += [f"      ! {c}" for c in r.caveats]
            lines += _deadline_lines(content, r, lang)
    for reason in EXCLUSION_REASONS:
        items = [e for e in result.excluded if e.reason == reason]
        if not items:
            continue
        lines += ["", content.text(f"results.excluded.{reason}", lang).upper()]
        for e in items:
            lines.append(f"  - {e.entry.title.get(lang)}")
            lines += [f"      x {w}" for w in e.why_not]
    return "\n".join(lines).lstrip("\n")
