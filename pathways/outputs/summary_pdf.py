"""The summary PDF (PDF/A-3a and PDF/UA-1) and the deadline calendar, in any of the four languages.

The Typst template lives beside the fonts in `pathways/outputs/pdf/`. Everything the template
shows is prepared here as plain strings and handed over as JSON through `sys_inputs`:
the template never concatenates user text into markup. Characters that no bundled font
can draw (Chinese, emoji, control characters) are replaced before rendering, because
PDF/A and PDF/UA forbid undrawable text, and the PDF then says that some characters
could not be shown.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any

import typst

from pathways.content.model import Body, Route
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, answers_from_facts, walk
from pathways.engine.recommend import Recommendation, Result, recommend
from pathways.outputs.case_file import case_data, load_case
from pathways.outputs.case_input import CaseInputError, parse_case_text, validate_facts

PDF_DIR = Path(__file__).parent / "pdf"
TEMPLATE = PDF_DIR / "summary.typ"
FONT_DIR = PDF_DIR / "fonts"
REPLACEMENT = "?"
MAX_EXCLUDED = 40


@functools.lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points the bundled fonts can draw."""
    from fontTools.ttLib import TTFont

    points: set[int] = set()
    for path in FONT_DIR.glob("*.ttf"):
        font = TTFont(path, lazy=True)
        points |= set(font.getBestCmap())
        font.close()
    return frozenset(points)


def drawable(text: str) -> tuple[str, bool]:
    """Text with undrawable characters replaced, and whether any were."""
    covered = _covered()
    out, missing = [], False
    for ch in text:
        if ch in "\n\t" or (ord(ch) in covered and unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn")):
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Cf"):
            missing = missing or unicodedata.category(ch) == "Mn"
        else:
            out.append(REPLACEMENT)
            missing = True
    return "".join(out), missing


@functools.lru_cache(maxsize=1)
def _compiler() -> typst.Compiler:
    """One compiler per process: fonts are scanned once."""
    return typst.Compiler(str(TEMPLATE), root=str(PDF_DIR), font_paths=[str(FONT_DIR)], ignore_system_fonts=True)


def _contact_lines(entry: Route | Body, lang: str) -> list[str]:
    lines = []
    for c in entry.contacts:
        parts = [c.name.get(lang), str(c.website)]
        parts += [p for p in (c.phone, c.email, c.address) if p]
        lines.append(" · ".join(parts))
    return lines


def _route_data(content: Content, rec: Recommendation, lang: str) -> dict[str, Any]:
    t = lambda key, **kw: content.text(key, lang, **kw)  # noqa: E731
    r = rec.entry
    assert isinstance(r, Route)
    obstacles = []
    for ob in r.obstacles:
        if isinstance(ob, str):
            o = content.obstacles[ob]
            obstacles.append(
                {"obstacle": f"{o.title.get(lang)}: {o.description.get(lang)}", "mitigation": o.mitigation.get(lang)}
            )
        else:
            obstacles.append({"obstacle": ob.obstacle.get(lang), "mitigation": ob.mitigation.get(lang)})
    deadline = None
    if rec.deadline:
        deadline = {
            "date": rec.deadline.date.isoformat(),
            "basis": rec.deadline.basis,
            "status": t(f"pdf.deadline.{rec.deadline.status}"),
        }
    deadline_text = "; ".join(lim.text.get(lang) for lim in r.deadline.limits) if r.deadline else None
    return {
        "title": r.title.get(lang),
        "kind_label": t(f"kind.{rec.kind}"),
        "summary": r.summary.get(lang),
        "achieves": ", ".join(t(f"achieves.{a}") for a in r.achieves),
        "why": rec.why,
        "caveats": rec.caveats,
        "cost": r.cost.get(lang),
        "duration": r.duration.get(lang),
        "deadline": deadline,
        "deadline_text": deadline_text,
        "first_steps": [s.get(lang) for s in r.first_steps],
        "documents": [s.get(lang) for s in r.documents],
        "contacts": _contact_lines(r, lang),
        "obstacles": obstacles,
        "interactions": [i.text.get(lang) for i in r.interactions],
    }


def summary_data(
    content: Content, state: InterviewState, lang: str, include_notes: bool, today: dt.date | None = None
) -> tuple[dict[str, Any], Result]:
    """Everything the template shows, as plain localised strings."""
    today = today or dt.date.today()
    t = lambda key, **kw: content.text(key, lang, **kw)  # noqa: E731
    facts = walk(content, state.answers).facts
    result = recommend(content, facts, lang, today)
    case = case_data(content, state, include_notes=include_notes)
    case_json = json.dumps(case, ensure_ascii=False, indent=2)
    reference = hashlib.sha256(json.dumps(case["answers"], sort_keys=True).encode()).hexdigest()[:8].upper()
    routes = [r for r in result.recommendations if isinstance(r.entry, Route)]
    bodies = [r for r in result.recommendations if isinstance(r.entry, Body)]
    answers = []
    for qid in walk(content, state.answers).relevant:
        if qid not in state.answers:
            continue
        q = content.question(qid)
        answers.append({"question": q.text.get(lang), "answer": answer_label(content, qid, state.answers[qid], lang)})
    sources: dict[str, None] = {}
    for rec in result.recommendations:
        for lb in rec.entry.legal_basis:
            sources[" ".join(p for p in (lb.instrument.get(lang), lb.article or "", str(lb.url or "")) if p)] = None
        for s in rec.entry.sources:
            sources[f"{s.title}{' (' + s.section + ')' if s.section else ''}: {s.url}"] = None
        sources[f"{rec.entry.title.get(lang)}: {t('pdf.last_reviewed')} {rec.entry.last_reviewed.isoformat()}"] = None
    data = {
        "lang": lang,
        "title": content.index.title.get(lang),
        "author": t("pdf.author"),
        "date": today.isoformat(),
        "reference": reference,
        "content_version": content.version,
        "intro": t("pdf.intro"),
        "labels": {
            k.removeprefix("pdf.label."): v.get(lang) for k, v in content.ui.items() if k.startswith("pdf.label.")
        },
        "situation": [
            {"label": content.facts[k].label.get(lang), "value": content.value_label(k, v, lang)}
            for k, v in facts.items()
        ],
        "recommendations": [_route_data(content, r, lang) for r in routes],
        "support": [
            {
                "title": b.entry.title.get(lang),
                "helps_with": b.entry.helps_with.get(lang),
                "contacts": _contact_lines(b.entry, lang),
            }
            for b in bodies
        ],
        "excluded": [{"title": e.entry.title.get(lang), "why_not": e.why_not} for e in result.excluded[:MAX_EXCLUDED]],
        "answers": answers,
        "notes": state.notes if include_notes and state.notes else None,
        "sources": list(sources),
        "about": t("pdf.about"),
        "missing_glyphs": False,
        "missing_glyphs_text": t("pdf.missing_glyphs"),
    }
    return _sanitise(data, case_json), result


def _sanitise(data: dict[str, Any], case_json: str) -> dict[str, Any]:
    missing = False

    def clean(value: Any) -> Any:
        nonlocal missing
        if isinstance(value, str):
            text, lost = drawable(value)
            missing = missing or lost
            return text
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    cleaned = clean(data)
    cleaned["missing_glyphs"] = missing
    cleaned["case_file"] = case_json  # attached verbatim: the file keeps every character
    return cleaned


def answer_label(content: Content, qid: str, value: Any, lang: str) -> str:
    """How an answer reads on the review screen and in the PDF."""
    q = content.question(qid)
    if value is None:
        return content.text("answer.dont_know", lang)
    if q.kind == "yesno":
        return content.text("answer.yes" if value else "answer.no", lang)
    if q.kind == "date":
        return str(value)
    ids = value if isinstance(value, list) else [value]
    if not ids:
        return content.text("answer.none_selected", lang)
    labels = []
    for opt in q.options:
        if opt.id in ids:
            labels.append(opt.label.get(lang) if opt.label else content.value_label(q.fact, opt.value or opt.id, lang))
    return ", ".join(labels)


def render_summary(
    content: Content, state: InterviewState, lang: str, include_notes: bool = False, today: dt.date | None = None
) -> bytes:
    """The summary PDF for a case, in `lang` (independent of the screen language)."""
    data, _ = summary_data(content, state, lang, include_notes, today)
    case_file = data.pop("case_file")
    today = today or dt.date.today()
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC).timestamp()
    return _compiler().compile(
        format="pdf",
        sys_inputs={"case": json.dumps(data, ensure_ascii=False), "case_file": case_file},
        pdf_standards=["a-3a", "ua-1"],
        timestamp=int(stamp),
    )


def calendar_ics(content: Content, state: InterviewState, lang: str, today: dt.date | None = None) -> bytes:
    """An iCalendar file with one all-day event per dated deadline."""
    from icalendar import Calendar, Event

    facts = walk(content, state.answers).facts
    result = recommend(content, facts, lang, today)
    cal = Calendar()
    cal.add("prodid", "-//remedy-pathways//summary//EN")
    cal.add("version", "2.0")
    for rec in result.recommendations:
        if not rec.deadline:
            continue
        event = Event()
        event.add("uid", f"{rec.id}-{rec.deadline.date.isoformat()}@remedy-pathways")
        event.add("summary", f"{content.text('pdf.ics.deadline', lang)}: {rec.entry.title.get(lang)}")
        event.add("description", rec.deadline.basis)
        event.add("dtstart", rec.deadline.date)
        event.add("dtend", rec.deadline.date + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.now(dt.UTC).replace(microsecond=0))
        cal.add_component(event)
    return cal.to_ical()


def state_from_file(content: Content, path: Path) -> InterviewState:
    """A case from a saved-case file, a summary PDF, or a facts file (scenario)."""
    raw = path.read_bytes()
    if raw.startswith(b"%PDF") or b'"remedy-pathways-case"' in raw[:4096]:
        from pathways.outputs.case_file import CaseFileError

        try:
            state, _ = load_case(content, raw)
        except CaseFileError as exc:
            raise CaseInputError(f"{path}: {content.text(exc.key, 'en')}") from exc
        return state
    data = parse_case_text(raw.decode("utf-8", "replace"), str(path))
    if "facts" not in data:
        raise CaseInputError(f"{path}: no 'facts' mapping found")
    facts = validate_facts(content, data["facts"])
    return InterviewState(stage="results", answers=answers_from_facts(content, facts))


def render_summary_file(content: Content, facts_path: Path, lang: str, output: Path) -> None:
    state = state_from_file(content, facts_path)
    output.write_bytes(render_summary(content, state, lang))
