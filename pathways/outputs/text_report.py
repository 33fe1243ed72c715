"""Plain-text rendering of a recommendation result, for `recommend --format text`."""

from __future__ import annotations

from pathways.content.store import Content
from pathways.engine.recommend import Result


def render_text(content: Content, result: Result, lang: str) -> str:
    lines: list[str] = []
    for i, r in enumerate(result.recommendations, 1):
        lines.append(f"{i:>2}. {r.entry.title.get(lang)}  [{r.kind}]")
        lines += [f"      + {w}" for w in r.why]
        lines += [f"      ! {c}" for c in r.caveats]
        if r.deadline:
            lines.append(f"      @ {r.deadline.date.isoformat()}: {r.deadline.basis}")
    if result.excluded:
        lines.append("")
        lines.append("---")
        for e in result.excluded:
            lines.append(f"  - {e.entry.title.get(lang)}")
            lines += [f"      x {w}" for w in e.why_not]
    return "\n".join(lines)
