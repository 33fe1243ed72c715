"""The summary PDF (PDF/A-3a and PDF/UA-1) and the deadline calendar, in any of the four languages.

The PDF has two parts. The **client sheet** (one or two pages, large type, short sentences)
is for the person: their situation in two lines, the five best next steps (the `first` tier
of the recommendation, in the engine's order, as on screen) each with what to do this week,
the nearest deadline as a date written the way people write dates in that language, and
whom to call first. The **adviser file** follows: each recommended route in full, who can
help, the obstacles (each written once, and named from the routes), what was not suggested
and why (one line each), the answers, legal bases and sources.

Sensitive answers (`pathways.outputs.sensitive`) are printed only when the caller asks for
them (`include_sensitive=True`), as with the adviser's notes.

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
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import typst
from babel import Locale

from pathways.content.conditions import Finding, evaluate, predicates
from pathways.content.dates import LOCALES, format_date
from pathways.content.model import Body, Contact, Route, short_title
from pathways.content.store import Content
from pathways.engine.deadlines import DatedLimit
from pathways.engine.interview import InterviewState, walk
from pathways.engine.recommend import Exclusion, Recommendation, Result, case_advice, recommend
from pathways.outputs.case_file import case_data
from pathways.outputs.case_input import state_from_file
from pathways.outputs.sensitive import is_sensitive, quotes, quoting_phrases, sensitive_known

PDF_DIR = Path(__file__).parent / "pdf"
TEMPLATE = PDF_DIR / "summary.typ"
FONT_DIR = PDF_DIR / "fonts"
REPLACEMENT = "?"
CLIENT_CONTACTS = 3  # whom to call first: at most this many contacts on the client sheet
EXCLUSION_GROUPS = ("not_eligible", "not_suited", "expired")
# facts derived from the postcode: an entry whose eligibility uses one is the local office
LOCAL_FACTS = ("bar", "judicial_district")


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


# ---------------------------------------------------------------- small pieces
def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _language_names(codes: list[str], lang: str) -> str:
    """Language names in `lang` ("néerlandais, anglais"), from Babel's locale data."""
    names = Locale.parse(LOCALES.get(lang, "en_GB")).languages
    return ", ".join(names.get(code, code.upper()) for code in codes)


def _contact(c: Contact, lang: str, entry: Route | Body | None = None) -> dict[str, Any]:
    return {
        "name": c.name.get(lang),
        "phone": c.phone,
        "email": c.email,
        "address": c.address,
        "website": str(c.website),
        "site": _site(str(c.website)),
        "note": c.note.get(lang) if c.note else None,
        "languages": _language_names(entry.languages, lang) if isinstance(entry, Body) else None,
    }


def _is_local_office(entry: Route | Body) -> bool:
    """A legal-aid office found from the postcode (its eligibility names the bar or district)."""
    return isinstance(entry, Body) and any(p.fact in LOCAL_FACTS for p in predicates(entry.eligible))


def _content_caveats(entry: Route | Body, lang: str) -> set[str]:
    return {c.get(lang) for c in entry.caveats}


class _Writer:
    """Localised strings for one PDF: the language, and what sensitive answers must not be quoted."""

    def __init__(self, content: Content, lang: str, facts: dict[str, Any], include_sensitive: bool, today: dt.date):
        self.content, self.lang, self.facts, self.today = content, lang, facts, today
        self.hide = [] if include_sensitive else quoting_phrases(content, facts, lang)
        self.hidden_facts = set() if include_sensitive else set(sensitive_known(content, facts))
        self.include_sensitive = include_sensitive

    def t(self, key: str, **values: Any) -> str:
        return self.content.text(key, self.lang, **values)

    def date(self, day: dt.date | str | None) -> str:
        return format_date(day, self.lang)

    def engine_lines(self, lines: list[str], keep: set[str] | None = None) -> list[str]:
        """Engine sentences without those quoting a sensitive answer (content's own caveats always stay)."""
        keep = keep or set()
        return [line for line in lines if line in keep or not quotes(line, self.hide)]


# ---------------------------------------------------------------- client sheet
def _situation(w: _Writer) -> list[str]:
    """The situation in two lines: what happened and where; what the person wants, and how urgent."""
    c, f, lang = w.content, w.facts, w.lang
    what = []
    if f.get("harm_types"):
        what.append(c.value_label("harm_types", f["harm_types"], lang))
    if f.get("harm_country"):
        where = c.value_label("harm_country", f["harm_country"], lang)
        place = []
        if f.get("harm_country") == "belgium" and f.get("be_region"):
            place.append(c.value_label("be_region", f["be_region"], lang))
        elif f.get("country"):
            place.append(c.value_label("country", f["country"], lang))
        what.append(f"{where} ({', '.join(place)})" if place else where)
    want = []
    if f.get("goals"):
        want.append(w.t("pdf.client.want", goals=c.value_label("goals", f["goals"], lang)))
    if f.get("urgency"):
        want.append(_cap(c.value_label("urgency", f["urgency"], lang)) + ".")
    lines = []
    if what:
        key = "pdf.client.what" if f.get("harm_types") else "pdf.client.where"
        lines.append(w.t(key, what=", ".join(what)))
    if want:
        lines.append(" ".join(want))
    return lines or [w.t("pdf.client.situation_unknown")]


def _phone_or_site(entry: Route | Body) -> Contact:
    return next((c for c in entry.contacts if c.phone), entry.contacts[0])


def _offices(w: _Writer, rec: Recommendation) -> list[Body]:
    """The offices named on this route's card instead of being listed (Brussels' two bars or
    first-line services, rule `stands_in`)."""
    return [w.content.bodies[o] for o in rec.offices]


def _named(w: _Writer, rec: Recommendation) -> list[Body]:
    """Every body named on this card instead of being listed: its offices, and the bodies doing
    the same work among which the person chooses (rule `alternatives`), whose contacts it gives."""
    return [*_offices(w, rec), *(w.content.bodies[o] for o in rec.alternatives)]


def _step(w: _Writer, rec: Recommendation) -> dict[str, Any]:
    e = rec.entry
    this_week = e.first_steps[0].get(w.lang) if isinstance(e, Route) else w.t("pdf.client.body_step")
    last_day, passed = None, False
    if rec.deadline is not None and rec.deadline.date is not None:
        last_day, passed = w.date(rec.deadline.date), rec.deadline.status == "passed"
    # a route given by two offices (Brussels): one that serves the reader's language, one with a
    # phone number first (a reader in English or German is served by either)
    doors = sorted(
        (d for d in _offices(w, rec) if _serves_language(d, w.lang)),
        key=lambda d: not any(c.phone for c in d.contacts),
    )
    c = _phone_or_site(doors[0] if doors else e)
    return {
        "title": rec.card_title(w.lang),
        "this_week": this_week,
        "last_day": last_day,
        "passed": passed,
        "call": {"name": c.name.get(w.lang), "phone": c.phone, "website": None if c.phone else str(c.website)},
    }


def _nearest_deadline(w: _Writer, recs: list[Recommendation]) -> dict[str, Any]:
    """The nearest date to act by among the suggested routes, and whether one may have passed.

    Each route's date to act by is its earliest dated limit (`DatedDeadline.date`); a route
    whose date may have passed gives the warning, not a later limit of the same route.
    """
    ahead = [
        rec
        for rec in recs
        if rec.deadline is not None and rec.deadline.date and rec.deadline.status in ("near", "open")
    ]
    passed = any(rec.deadline is not None and rec.deadline.status == "passed" for rec in recs)
    out: dict[str, Any] = {
        "date": None,
        "route": None,
        "note": None,
        "passed": w.t("pdf.client.deadline_passed") if passed else None,
    }
    if ahead:
        rec = min(ahead, key=lambda r: r.deadline.date if r.deadline and r.deadline.date else w.today)
        assert rec.deadline is not None
        out.update(
            date=w.date(rec.deadline.date),
            route=w.t("pdf.client.deadline_for", route=rec.entry.title.get(w.lang)),
            note=w.t(f"pdf.client.deadline_{rec.deadline.status}"),
        )
    elif not passed:
        out["note"] = w.t("pdf.client.deadline_none")
    return out


def _serves_language(entry: Route | Body, lang: str) -> bool:
    """Whether an office can be spoken to in the reader's language. Routes name no language of
    their own; a body whose languages are all Belgian national languages other than the reader's
    does not (a reader in English or German is served by any, as no office is refused them)."""
    if not isinstance(entry, Body) or lang not in ("nl", "fr"):
        return True
    return lang in entry.languages


def _whom_to_call(w: _Writer, result: Result) -> list[dict[str, Any]]:
    """Whom to call first: support among the next steps, the local legal-aid office (found from
    the postcode, or named on the legal-aid card where two offices give it), the other next
    steps, then the other help; contacts with a phone number first (a client can call a
    number), at most CLIENT_CONTACTS, one per entry."""
    first = result.tier("first")
    numbered = {rec.id: i for i, rec in enumerate(first, 1)}
    # (the listed entry, the entry whose contact is given), in order, each pair once: an office
    # named on a route's card is called for that route
    pairs: dict[tuple[str, int], tuple[Recommendation, Route | Body]] = {}

    def add(rec: Recommendation, entry: Route | Body) -> None:
        pairs.setdefault((rec.id, id(entry)), (rec, entry))

    for rec in first:
        if isinstance(rec.entry, Body):
            add(rec, rec.entry)
    for rec in result.recommendations:
        doors: list[Route | Body] = [*_offices(w, rec)] or ([rec.entry] if _is_local_office(rec.entry) else [])
        for door in doors:
            add(rec, door)
    for rec in [*first, *result.tier("help")]:
        add(rec, rec.entry)
    candidates = list(pairs.values())
    chosen: list[tuple[Recommendation, Route | Body, Contact]] = []
    taken: set[tuple[str, int]] = set()
    seen: set[str] = set()
    # an office that serves the reader's language before one that does not (in Brussels the two
    # bars' bureaus), then a number before a website
    for in_language, want_phone in ((True, True), (True, False), (False, True), (False, False)):
        for rec, entry in candidates:
            if len(chosen) >= CLIENT_CONTACTS or (rec.id, id(entry)) in taken:
                continue
            if _serves_language(entry, w.lang) != in_language:
                continue
            fits = (
                c for c in entry.contacts if bool(c.phone) == want_phone and (c.phone or str(c.website)) not in seen
            )
            contact = next(fits, None)
            if contact is not None:
                chosen.append((rec, entry, contact))
                taken.add((rec.id, id(entry)))
                seen.add(contact.phone or str(contact.website))
    order = {key: i for i, key in enumerate(pairs)}
    chosen.sort(key=lambda item: order[(item[0].id, id(item[1]))])
    out = []
    for rec, entry, c in chosen:
        item = _contact(c, w.lang, entry)
        item["for"] = w.t("pdf.client.for_step", n=numbered[rec.id]) if rec.id in numbered else rec.card_title(w.lang)
        out.append(item)
    return out


def _client_sheet(w: _Writer, result: Result) -> dict[str, Any]:
    first = result.tier("first")
    district = None
    if w.facts.get("judicial_district"):
        label = w.content.value_label("judicial_district", w.facts["judicial_district"], w.lang)
        district = w.t("pdf.client.district", district=label)
    contacts = _whom_to_call(w, result)
    call_first = next(({"name": c["name"], "phone": c["phone"], "for": c["for"]} for c in contacts if c["phone"]), None)
    return {
        "situation": _situation(w),
        "deadline": _nearest_deadline(w, [*first, *result.tier("also")]),
        "call_first": call_first,  # on the first page, under the deadline: the number to call
        "steps": [_step(w, r) for r in first],
        "contacts": contacts,
        "district": district,
    }


# ---------------------------------------------------------------- adviser file
def _limit_line(w: _Writer, lim: DatedLimit) -> str:
    if lim.date is not None:
        when = w.date(lim.date) + (" " + w.t("pdf.deadline.moved") if lim.moved else "")
        if lim.counted_from_label:
            when += " " + w.t("pdf.deadline.counted_from", floor=lim.counted_from_label.lower())
    elif lim.needs:
        when = w.t("pdf.deadline.needs", needs=lim.needs)
    else:
        when = w.t("pdf.deadline.undated")
    return w.t("pdf.deadline.limit", when=when, text=lim.text, basis=lim.basis)


def _deadline(w: _Writer, rec: Recommendation) -> dict[str, Any] | None:
    d = rec.deadline
    if d is None:
        return None
    head = (
        w.t(f"pdf.deadline.head.{d.status}", date=w.date(d.date)) if d.date else w.t("pdf.deadline.head.unknown_start")
    )
    return {"head": head, "limits": [_limit_line(w, lim) for lim in d.limits], "note": d.note}


def _entry_full(
    w: _Writer, rec: Recommendation, number: int | None, obstacle_ids: list[str], suggested: set[str]
) -> dict[str, Any]:
    """One recommended route (or support body among the next steps) in full.

    Its interactions are those with other suggested entries: how it runs beside a route that
    was left out does not matter for this case.
    """
    e, lang = rec.entry, w.lang
    behind = w.content.routes.get(rec.stands_for) if rec.stands_for else None  # listed in its place
    offices = _named(w, rec)  # named on this card, not listed
    keep = _content_caveats(e, lang) | (_content_caveats(behind, lang) if behind else set())
    keep |= {c for office in offices for c in _content_caveats(office, lang)}
    why = w.engine_lines(rec.why) or [w.t("pdf.why_withheld")]
    data: dict[str, Any] = {
        "number": number,
        "title": rec.card_title(lang),
        "kind": w.t(f"kind.{rec.kind}") + ("" if rec.certain else " · " + w.t("pdf.label.may_fit")),
        "summary": e.summary.get(lang),
        "why": why,
        "caveats": w.engine_lines(rec.caveats, keep),
        "contacts": [_contact(c, lang, e) for c in e.contacts]
        + [_contact(c, lang, office) for office in offices for c in office.contacts],
        "is_route": isinstance(e, Route),
    }
    # an office listed in a route's place brings the route's obstacles (lawyer fees, language...)
    for source in (e, behind):
        if isinstance(source, Route):
            for ob in source.obstacles:
                if isinstance(ob, str) and ob in w.content.obstacles and ob not in obstacle_ids:
                    obstacle_ids.append(ob)
    if isinstance(e, Route):
        data.update(
            achieves=", ".join(w.t(f"achieves.{a}") for a in e.achieves),
            cost=e.cost.get(lang),
            duration=e.duration.get(lang),
            deadline=_deadline(w, rec),
            first_steps=[s.get(lang) for s in e.first_steps],
            documents=[s.get(lang) for s in e.documents],
            obstacles=[
                w.content.obstacles[ob].title.get(lang)
                for ob in e.obstacles
                if isinstance(ob, str) and ob in w.content.obstacles
            ],
            obstacles_inline=[
                {"obstacle": ob.obstacle.get(lang), "mitigation": ob.mitigation.get(lang)}
                for ob in e.obstacles
                if not isinstance(ob, str)
            ],
            interactions=[_interaction(w, i) for i in e.interactions if i.route in suggested],
        )
    else:
        data.update(
            helps_with=e.helps_with.get(lang),
            languages=_language_names(e.languages, lang),
            door_to=_door_to(w, rec),
        )
    return data


def _door_to(w: _Writer, office: Recommendation) -> dict[str, Any] | None:
    """What the route this office is listed in place of says, as its own card is not listed
    (the route's caveats are already among the office's, from the engine)."""
    route = w.content.routes.get(office.stands_for) if office.stands_for else None
    if route is None:
        return None
    return {"title": route.title.get(w.lang), "who": route.who_can_use.get(w.lang), "cost": route.cost.get(w.lang)}


def _interaction(w: _Writer, i: Any) -> str:
    other = w.content.routes.get(i.route) or w.content.bodies.get(i.route)
    name = other.title.get(w.lang) if other else i.route
    key = f"relation.{i.relation}"
    relation = w.t(key) if key in w.content.ui else i.relation.replace("_", " ")
    return w.t("pdf.interaction", route=name, relation=relation, text=i.text.get(w.lang))


def _help_brief(w: _Writer, rec: Recommendation) -> dict[str, Any]:
    e = rec.entry
    c = _phone_or_site(e)
    return {
        "title": rec.card_title(w.lang),
        "helps_with": e.helps_with.get(w.lang) if isinstance(e, Body) else e.summary.get(w.lang),
        "contact": _contact(c, w.lang, e),
        "offices": [_contact(_phone_or_site(office), w.lang, office) for office in _named(w, rec)],
        "door_to": _door_to(w, rec),
    }


def _requirement(w: _Writer, f: Finding) -> str:
    """What a route needs that the case does not give, in a few words ("Where the harm happened:
    only in another EU country or outside the European Union"); the case's own answer is in
    the answers section, so it is not repeated on every line."""
    fact = w.content.facts[f.fact].label.get(w.lang)
    if f.op == "known":
        return w.t("pdf.excluded.must_be_known", fact=fact)
    if f.op in ("before", "on_or_after"):
        expected = w.t(f"trace.op.{f.op}", date=w.date(str(f.expected[0])))
    else:  # as the engine says it: "a or b", or "one of: a; b; c" when an item has an "or" of its own
        labels = [w.content.value_label(f.fact, v, w.lang) for v in f.expected]
        joiner = w.t("trace.or")
        plain = len(labels) == 1 or (len(labels) == 2 and not any(joiner in f" {label} " for label in labels))
        expected = joiner.join(labels) if plain else w.t("trace.one_of", items=w.t("pdf.sep").join(labels))
    line = w.t("pdf.excluded.not_for" if f.negated else "pdf.excluded.only", fact=fact, expected=expected)
    return line + (" " + w.t("pdf.excluded.not_known") if f.actual is None else "")


def _excluded_reason(w: _Writer, ex: Exclusion) -> str:
    """One line on why an entry was left out.

    The first sentence of the content's own note for an entry not made for such cases (what it
    is made for; `first_sentence`), with the entry's advice for this kind of case; else what the
    deciding condition needs (worked out again from the same condition and facts as the engine);
    else the engine's sentence (dates of validity, a passed appeal deadline). An entry left out
    because of a sensitive answer that is not printed is not listed (`_rests_on_hidden`).
    """
    e = ex.entry
    if ex.reason == "not_suited" and e.not_suited_note:
        # the entry's advice for this kind of case goes with it: it is where to go instead (a
        # detained person's order to leave), which the note's first sentence does not say
        advice = case_advice(e, w.facts, w.lang, unsaid=w.hidden_facts)
        return " ".join([first_sentence(e.not_suited_note.get(w.lang)), *advice])
    findings = _deciding(w, ex)
    if findings:
        # several findings against an entry are alternatives that all failed (any of them would open it)
        sep = w.t("pdf.excluded.or") if not any(f.negated for f in findings) else w.t("pdf.sep")
        return sep.join(dict.fromkeys(_requirement(w, f) for f in findings))
    lines = list(ex.why_not)
    if ex.reason == "not_suited":
        lines = lines[1:] or lines  # the group heading already says "open, but not made for this"
    shown = w.engine_lines(lines)
    return shown[0] if shown else w.t("pdf.why_withheld")


# A sentence ends at a full stop after a word of two letters or more, or after a closing bracket,
# followed by a space and a capital letter (so "z. B." and "art. 46" do not end one).
_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\)))\.\s+(?=[A-ZÀ-ÖØ-Þ])")


def first_sentence(note: str) -> str:
    """The first sentence of a not-suited note: what the entry is made for.

    On screen the whole note is shown beside the entry; the take-away summary lists what was
    left out one line each, so that a case's list of "open, but not made for this" does not run
    to pages of explanations written for other cases (an undocumented cleaner's summary had the
    whistleblower channel's sentences on intimate images and refused job applicants).
    """
    match = _SENTENCE_END.search(note)
    return note[: match.start() + 1] if match else note


def _deciding(w: _Writer, ex: Exclusion) -> tuple[Finding, ...]:
    """The findings against an entry left out as not open or not made for the case, worked out
    again from the same condition and facts as the engine (none for other reasons)."""
    if ex.reason not in ("not_eligible", "not_suited"):
        return ()
    outcome = evaluate(ex.entry.eligible if ex.reason == "not_eligible" else ex.entry.suited, w.facts)
    return outcome.against if outcome.value is False else ()


def _rests_on_hidden(w: _Writer, ex: Exclusion) -> bool:
    """Whether an entry was left out because of a sensitive answer that is not printed.

    Such an entry is not listed at all: its name beside the others says the answer as plainly as
    the answer would (the two unions left out beside the third suggested tell a reader which union
    the person belongs to; data that reveal a special category are that category, CJEU C-184/20).
    """
    return bool(w.hidden_facts) and any(f.fact in w.hidden_facts for f in _deciding(w, ex))


def _excluded(w: _Writer, result: Result) -> list[dict[str, Any]]:
    """What was left out, by reason; entries left out for the very same reason share one line.
    Entries left out because of a sensitive answer that is not printed are not listed."""
    groups = []
    for reason in EXCLUSION_GROUPS:
        items = [e for e in result.excluded if e.reason == reason and not _rests_on_hidden(w, e)]
        if not items:
            continue
        lines: dict[str, list[str]] = {}
        for e in items:
            lines.setdefault(_excluded_reason(w, e), []).append(short_title(e.entry.title.get(w.lang)))
        groups.append(
            {
                "heading": w.t(f"pdf.excluded.{reason}", n=len(items)),
                "items": [{"titles": w.t("pdf.sep").join(titles), "why": why} for why, titles in lines.items()],
            }
        )
    return groups


def _site(url: str) -> str:
    """The site of a URL, as printed beside a linked title ("www.myria.be")."""
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url


def _sources(w: _Writer, recs: list[Recommendation]) -> tuple[list[dict[str, Any]], str | None]:
    """Legal bases and sources of every suggested entry, each listed once.

    A title links to the full address and the site is printed beside it. A legal basis
    already listed for an earlier entry is not repeated. Support bodies ("who can help") list
    their legal basis only: their website is printed with them.
    """
    seen: set[str] = set()
    out = []

    def fresh(text: str) -> bool:
        new = text not in seen
        seen.add(text)
        return new

    def item(text: str, url: str | None) -> dict[str, Any]:
        return {"text": text, "url": url, "site": _site(url) if url else None}

    usual = Counter(rec.entry.last_reviewed for rec in recs).most_common(1)
    usual_date = usual[0][0] if usual else None
    for rec in recs:
        e = rec.entry
        basis = []
        for lb in e.legal_basis:
            text = ", ".join(p for p in (lb.instrument.get(w.lang), lb.article) if p)
            if fresh(text):
                basis.append(item(text, str(lb.url) if lb.url else None))
        sources = []
        if rec.tier != "help":
            for s in e.sources:
                if fresh(str(s.url) + (s.section or "")):
                    notes = "".join(f" ({x})" for x in w.content.source_notes(s, w.lang))
                    sources.append(item(s.title + notes, str(s.url)))
        out.append(
            {
                "title": e.title.get(w.lang),
                "basis": basis,
                "sources": sources,
                # the usual review date is said once, above the list; others beside their entry
                "reviewed": None
                if e.last_reviewed == usual_date
                else w.t("pdf.last_reviewed", date=w.date(e.last_reviewed)),
            }
        )
    return out, (w.t("pdf.sources.reviewed", date=w.date(usual_date)) if usual_date else None)


def _answers(w: _Writer, state: InterviewState) -> tuple[list[dict[str, str]], str | None]:
    """The printed answers, and a line naming the sensitive ones left out (None when none were)."""
    content = w.content
    shown, withheld = [], []
    for qid in walk(content, state.answers).relevant:
        if qid not in state.answers:
            continue
        q = content.question(qid)
        if is_sensitive(q.fact) and not w.include_sensitive:
            withheld.append(content.facts[q.fact].label.get(w.lang))
            continue
        label = content.facts[q.fact].label.get(w.lang) if q.fact in content.facts else q.text.get(w.lang)
        shown.append({"question": label, "answer": answer_label(content, qid, state.answers[qid], w.lang)})
    note = w.t("pdf.answers.withheld", facts=", ".join(dict.fromkeys(withheld))) if withheld else None
    return shown, note


def answer_label(content: Content, qid: str, value: Any, lang: str) -> str:
    """How an answer reads in the PDF (dates written out in the language)."""
    q = content.question(qid)
    if value is None:
        return content.text("answer.dont_know", lang)
    if q.kind == "yesno":
        return content.text("answer.yes" if value else "answer.no", lang)
    if q.kind == "date":
        try:
            return format_date(str(value), lang)
        except ValueError:
            return str(value)
    if q.kind in ("country", "postcode"):
        return content.value_label(q.fact, value, lang)
    ids = value if isinstance(value, list) else [value]
    if not ids:
        return content.text("answer.none_selected", lang)
    labels = []
    for opt in q.options:
        if opt.id in ids:
            labels.append(opt.label.get(lang) if opt.label else content.value_label(q.fact, opt.value or opt.id, lang))
    return ", ".join(labels)


# ---------------------------------------------------------------- the whole document
def _glossary(w: _Writer, recs: list[Recommendation]) -> list[dict[str, str]]:
    """The legal words the suggested entries use, each explained once, in alphabetical order."""
    terms = w.content.terms_used([r.id for r in recs], w.lang)
    return [{"term": g.term.get(w.lang), "definition": g.definition.get(w.lang)} for g in terms]


def summary_data(
    content: Content,
    state: InterviewState,
    lang: str,
    include_notes: bool,
    today: dt.date | None = None,
    include_sensitive: bool = False,
) -> tuple[dict[str, Any], Result]:
    """Everything the template shows, as plain localised strings."""
    today = today or dt.date.today()
    facts = walk(content, state.answers).facts
    result = recommend(content, facts, lang, today)
    w = _Writer(content, lang, result.facts or facts, include_sensitive, today)
    case = case_data(content, state, include_notes=include_notes, include_sensitive=include_sensitive)
    case_json = json.dumps(case, ensure_ascii=False, indent=2)
    reference = hashlib.sha256(json.dumps(case["answers"], sort_keys=True).encode()).hexdigest()[:8].upper()
    obstacle_ids: list[str] = []
    suggested = {r.id for r in result.recommendations}
    first = [_entry_full(w, r, i, obstacle_ids, suggested) for i, r in enumerate(result.tier("first"), 1)]
    also = [_entry_full(w, r, None, obstacle_ids, suggested) for r in result.tier("also")]
    answers, withheld = _answers(w, state)
    sources, sources_reviewed = _sources(w, result.recommendations)
    labels = {k.removeprefix("pdf.label."): v.get(lang) for k, v in content.ui.items() if k.startswith("pdf.label.")}
    data = {
        "lang": lang,
        "title": content.index.title.get(lang),
        "author": w.t("pdf.author"),
        "date": w.date(today),
        "reference": reference,
        "content_version": content.version,
        "labels": labels,
        "client": {
            "heading": w.t("pdf.client.heading"),
            "intro": w.t("pdf.client.intro"),
            "closing": w.t("pdf.client.closing"),
            "no_steps": w.t("pdf.client.no_steps"),
            **_client_sheet(w, result),
        },
        "adviser": {
            "heading": w.t("pdf.adviser.heading"),
            "intro": w.t("pdf.adviser.intro"),
            "first": first,
            "also": also,
            "help": [_help_brief(w, r) for r in result.tier("help")],
            "obstacles": [
                {
                    "title": content.obstacles[o].title.get(lang),
                    "description": content.obstacles[o].description.get(lang),
                    "mitigation": content.obstacles[o].mitigation.get(lang),
                }
                for o in obstacle_ids
            ],
            "obstacles_intro": w.t("pdf.obstacles.intro"),
            "glossary": _glossary(w, result.recommendations),
            "excluded": _excluded(w, result),
            "excluded_intro": w.t("pdf.excluded.intro"),
            "answers": answers,
            "withheld": withheld,
            "notes": state.notes if include_notes and state.notes else None,
            "sources": sources,
            "sources_reviewed": sources_reviewed,
        },
        "about": w.t("pdf.about"),
        "missing_glyphs": False,
        "missing_glyphs_text": w.t("pdf.missing_glyphs"),
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

    cleaned: dict[str, Any] = clean(data)
    cleaned["missing_glyphs"] = missing
    cleaned["case_file"] = case_json  # attached verbatim: the file keeps every character
    return cleaned


def render_summary(
    content: Content,
    state: InterviewState,
    lang: str,
    include_notes: bool = False,
    today: dt.date | None = None,
    include_sensitive: bool = False,
) -> bytes:
    """The summary PDF for a case, in `lang` (independent of the screen language).

    Sensitive answers (`pathways.outputs.sensitive.SENSITIVE_FACTS`) are printed only with
    `include_sensitive=True`; notes only with `include_notes=True`.
    """
    data, _ = summary_data(content, state, lang, include_notes, today, include_sensitive)
    case_file = data.pop("case_file")
    today = today or dt.date.today()
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC).timestamp()
    pdf = _compiler().compile(
        format="pdf",
        sys_inputs={"case": json.dumps(data, ensure_ascii=False), "case_file": case_file},
        pdf_standards=["a-3a", "ua-1"],
        timestamp=int(stamp),
    )
    assert isinstance(pdf, bytes)  # one PDF (a list is only for one image per page)
    return pdf


def render_summary_file(content: Content, facts_path: Path, lang: str, output: Path) -> None:
    state = state_from_file(content, facts_path)
    output.write_bytes(render_summary(content, state, lang))
