"""Everything about one route or support body, as shown in results and in the catalogue.

Only content (trusted, reviewed YAML) and engine output go into Markdown here; nothing a
user typed or uploaded is ever shown through this module.
"""

from __future__ import annotations

import streamlit as st

from components import format as fmt
from components.session import content, md, t
from pathways.content.model import Body, Contact, Route
from pathways.engine.deadlines import DatedDeadline, DatedLimit
from pathways.engine.recommend import Recommendation

DEADLINE_BOX = {"passed": st.error, "near": st.warning, "open": st.info, "unknown_start": st.info}
DEADLINE_ICON = {
    "passed": ":material/error:",
    "near": ":material/schedule:",
    "open": ":material/event:",
    "unknown_start": ":material/event:",
}


def _list(items: list[str], numbered: bool = False) -> str:
    return "\n".join(f"{i + 1}. {md(x)}" if numbered else f"- {md(x)}" for i, x in enumerate(items))


class _Text:
    """The Markdown blocks of a card between two other elements, drawn as one element.

    A results screen used to be some 1200 elements; Streamlit spends about 0.05 ms on
    each per rerun, and on the server each is also a websocket message.
    Consecutive blocks (a label and its text, the next label...) go out as one Markdown
    element; what is written, and in which order, is unchanged (docs/performance.md).
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def add(self, block: str) -> None:
        self.blocks.append(block)

    def section(self, key: str, body: str) -> None:
        """A bold label and its text."""
        self.blocks.append(f"**{t(key)}**\n\n{body}")

    def flush(self) -> None:
        if self.blocks:
            st.markdown("\n\n".join(self.blocks))
            self.blocks = []


def _link(title: str, url: object) -> str:
    clean = md(title).replace("[", "(").replace("]", ")")
    return f"[{clean}]({url})"


def _contact(c: Contact, lang: str) -> str:
    lines = [_link(c.name.get(lang), c.website)]
    if c.phone:
        lines.append(t("entry.phone", phone=c.phone))
    if c.email:
        lines.append(t("entry.email", email=c.email))
    if c.address:
        lines.append(md(c.address))
    if c.note:
        lines.append(md(c.note.get(lang)))
    return "- " + "  \n  ".join(lines)


def _limit_line(lim: DatedLimit, lang: str) -> str:
    """One limit in words: its date when known, else the answer that would date it."""
    if lim.date is not None:
        when = t("deadline.limit_dated", date=fmt.date(lim.date, lang))
        if lim.moved:
            when += " " + t("deadline.moved")
        if lim.counted_from_label:
            when += " " + t("deadline.counted_from", floor=lim.counted_from_label.lower())
    elif lim.needs:
        when = t("deadline.limit_needs", needs=lim.needs.lower())
    else:
        when = t("deadline.limit_undated")
    return f"- {when} {md(lim.text)} *({md(lim.basis)})*"


def deadline_box(d: DatedDeadline, lang: str) -> None:
    """The date to act by, then every other limit that applies, each with its article."""
    if d.date is not None:
        head = t(f"deadline.{d.status}", date=fmt.date(d.date, lang))
    else:
        head = t("deadline.unknown_start")
    body = "\n".join(_limit_line(lim, lang) for lim in d.limits)
    DEADLINE_BOX[d.status](head + "\n\n" + body, icon=DEADLINE_ICON[d.status])


def _route_facts(r: Route, lang: str, rec: Recommendation | None, text: _Text) -> None:
    text.section("entry.achieves", ", ".join(t(f"achieves.{a}") for a in r.achieves))
    # One after the other, not in two columns: a phone stacks them anyway, and two columns
    # cost five elements (websocket messages) a card instead of none (docs/performance.md).
    text.section("entry.who_can_use", md(r.who_can_use.get(lang)))
    text.section("entry.against", md(r.against.get(lang)))
    text.section("entry.cost", md(r.cost.get(lang)))
    text.section("entry.duration", md(r.duration.get(lang)))
    if rec is not None and rec.deadline is not None:
        text.flush()
        deadline_box(rec.deadline, lang)
        if r.deadline and r.deadline.note:
            text.section("entry.deadline_rules", md(r.deadline.note.get(lang)))
    elif r.deadline:
        rules = [f"{lim.text.get(lang)} ({lim.basis.get(lang)})" for lim in r.deadline.limits]
        text.section("entry.deadline_rules", _list(rules + ([r.deadline.note.get(lang)] if r.deadline.note else [])))
    text.section("entry.first_steps", _list([s.get(lang) for s in r.first_steps], numbered=True))
    if r.documents:
        text.section("entry.documents", _list([d.get(lang) for d in r.documents]))


def _offices(rec: Recommendation | None, lang: str, text: _Text) -> None:
    """The offices that give this route (Brussels' two bars or first-line services), or the body
    doing the same work in the other language, named here because they are not listed on their
    own (rules `stands_in` and `twins`); and the bodies doing the same work among which the
    person chooses (rule `alternatives`: the unions, where the person's own is not known)."""
    if rec is None:
        return
    for key, ids in (("entry.offices", rec.offices), ("entry.alternatives", rec.alternatives)):
        blocks = []
        for office_id in ids:
            office = content().bodies[office_id]
            languages = ", ".join(fmt.language_name(code, lang) for code in office.languages)
            blocks.append(
                f"**{md(office.title.get(lang))}** ({languages})\n\n"
                + "\n".join(_contact(c, lang) for c in office.contacts)
            )
        if blocks:
            text.section(key, "\n\n".join(blocks))


def _obstacles(r: Route, lang: str, text: _Text) -> None:
    if not r.obstacles:
        return
    lines = []
    for o in r.obstacles:
        if isinstance(o, str):
            ob = content().obstacles.get(o)
            if ob is None:
                continue
            problem, fix = f"{ob.title.get(lang)}: {ob.description.get(lang)}", ob.mitigation.get(lang)
        else:
            problem, fix = o.obstacle.get(lang), o.mitigation.get(lang)
        lines.append(f"- {md(problem)}  \n  *{t('entry.mitigation')}* {md(fix)}")
    text.section("entry.obstacles", "\n".join(lines))


def _interactions(r: Route, lang: str, text: _Text) -> None:
    if not r.interactions:
        return
    lines = []
    for i in r.interactions:
        other = content().routes.get(i.route) or content().bodies.get(i.route)
        name = other.title.get(lang) if other else i.route
        lines.append(f"- *{md(name)}* ({t(f'relation.{i.relation}')}): {md(i.text.get(lang))}")
    text.section("entry.interactions", "\n".join(lines))


def _glossary(e: Route | Body, lang: str, text: _Text) -> None:
    """The legal words this entry uses, by name: each is explained once, under the list
    (`glossary`), not again in every card that uses it."""
    terms = [content().glossary[g] for g in e.glossary if g in content().glossary]
    if terms:
        text.section("entry.glossary_terms", ", ".join(md(g.term.get(lang)) for g in terms))


def glossary(entry_ids: list[str], lang: str) -> None:
    """Every legal word the listed entries use, explained once, in alphabetical order."""
    terms = content().terms_used(entry_ids, lang)
    if terms:
        with st.expander(t("entry.glossary"), icon=":material/menu_book:"):
            st.markdown("\n".join(f"- **{md(g.term.get(lang))}**: {md(g.definition.get(lang))}" for g in terms))


def _body_facts(b: Body, lang: str, rec: Recommendation | None, text: _Text) -> None:
    text.section("entry.helps_with", md(b.helps_with.get(lang)))
    route = content().routes.get(rec.stands_for) if rec is not None and rec.stands_for else None
    if route is not None:  # listed in the route's place: the route's own card is not listed
        text.section("entry.door_to", md(route.title.get(lang)))
        text.section("entry.who_can_use", md(route.who_can_use.get(lang)))
        text.section("entry.cost", md(route.cost.get(lang)))
    text.section("entry.regions", ", ".join(t(f"region.{r}") for r in b.regions))
    text.section("entry.languages", ", ".join(fmt.language_name(code, lang) for code in b.languages))


def _references(e: Route | Body, lang: str, text: _Text) -> None:
    text.section("entry.contacts", "\n".join(_contact(c, lang) for c in e.contacts))
    lines = []
    for lb in e.legal_basis:
        name = lb.instrument.get(lang) + (f", {lb.article}" if lb.article else "")
        line = _link(name, lb.url) if lb.url else md(name)
        lines.append(f"- {line}" + (f"  \n  {md(lb.note.get(lang))}" if lb.note else ""))
    text.section("entry.legal_basis", "\n".join(lines))
    text.section(
        "entry.sources",
        "\n".join(
            f"- {_link(s.title, s.url)}" + "".join(f" ({md(x)})" for x in content().source_notes(s, lang))
            for s in e.sources
        ),
    )
    text.flush()
    dates = [t("entry.last_reviewed", date=fmt.date(e.last_reviewed, lang))]
    if e.valid_from:
        dates.append(t("entry.valid_from", date=fmt.date(e.valid_from, lang)))
    if e.valid_to:
        dates.append(t("entry.valid_to", date=fmt.date(e.valid_to, lang)))
    st.caption(" · ".join(dates))


def details(entry_id: str, lang: str, rec: Recommendation | None = None) -> None:
    """The body of a card; `rec` adds why it fits, caveats and the dated deadline."""
    e = content().entry(entry_id)
    text = _Text()
    text.add(md(e.summary.get(lang)))
    if rec is not None:
        text.section("entry.why", _list(rec.why))
        if rec.caveats:
            text.section("entry.caveats", _list(rec.caveats))
    elif e.caveats:
        text.section("entry.caveats", _list([c.get(lang) for c in e.caveats]))
    if isinstance(e, Route):
        _route_facts(e, lang, rec, text)
        _offices(rec, lang, text)
        _obstacles(e, lang, text)
        _interactions(e, lang, text)
    else:
        _body_facts(e, lang, rec, text)
        _offices(rec, lang, text)  # its twin in the other language, or the others doing its work
    _glossary(e, lang, text)
    _references(e, lang, text)


def card(
    entry_id: str,
    lang: str,
    rec: Recommendation | None = None,
    expanded: bool = False,
    number: int | None = None,
    lazy: bool = False,
) -> None:
    """One entry as a card that opens to its details. `lazy` draws the details only once the
    card is opened (the results' "also possible" and "who can help"): a closed card's text is
    not read by a screen reader either, but search in the page finds only its title until
    then, so the five best next steps are never lazy (docs/performance.md)."""
    e = content().entry(entry_id)
    status = rec.deadline.status if rec and rec.deadline else None
    icon = DEADLINE_ICON[status] if status in ("near", "passed") else None
    shown = rec.card_title(lang) if rec is not None else e.title.get(lang)
    title = (f"{number}\\. " if number else "") + md(shown)  # "1." alone would start a Markdown list
    if rec is not None and not rec.certain:
        title += f" · {t('entry.maybe')}"
    if not lazy:
        with st.expander(title, expanded=expanded, icon=icon, key=f"card_{entry_id}"):
            details(entry_id, lang, rec)
        return
    box = st.expander(title, expanded=expanded, icon=icon, key=f"card_{entry_id}", on_change="rerun")
    if box.open:
        with box:
            details(entry_id, lang, rec)
