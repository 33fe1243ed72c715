"""Everything about one route or support body, as shown in results and in the catalogue.

Only content (trusted, reviewed YAML) and engine output go into Markdown here; nothing a
user typed or uploaded is ever shown through this module.
"""

from __future__ import annotations

import streamlit as st

from components import format as fmt
from components.session import content, md, t
from pathways.deadlines import DatedDeadline
from pathways.model import Body, Contact, Route
from pathways.recommend import Recommendation

DEADLINE_BOX = {"passed": st.error, "near": st.warning, "open": st.info}
DEADLINE_ICON = {"passed": ":material/error:", "near": ":material/schedule:", "open": ":material/event:"}


def _list(items: list[str], numbered: bool = False) -> str:
    return "\n".join(f"{i + 1}. {md(x)}" if numbered else f"- {md(x)}" for i, x in enumerate(items))


def _label(key: str) -> None:
    st.markdown(f"**{t(key)}**")


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


def deadline_box(d: DatedDeadline, lang: str) -> None:
    text = t(f"deadline.{d.status}", date=fmt.date(d.date, lang)) + "\n\n" + md(d.basis)
    if d.from_knowledge:
        text += "\n\n" + t("deadline.from_knowledge")
    DEADLINE_BOX[d.status](text, icon=DEADLINE_ICON[d.status])


def _route_facts(r: Route, lang: str, rec: Recommendation | None) -> None:
    _label("entry.achieves")
    st.markdown(", ".join(t(f"achieves.{a}") for a in r.achieves))
    cols = st.columns(2)
    with cols[0]:
        _label("entry.who_can_use")
        st.markdown(md(r.who_can_use.get(lang)))
        _label("entry.cost")
        st.markdown(md(r.cost.get(lang)))
    with cols[1]:
        _label("entry.against")
        st.markdown(md(r.against.get(lang)))
        _label("entry.duration")
        st.markdown(md(r.duration.get(lang)))
    if rec is not None and rec.deadline is not None:
        deadline_box(rec.deadline, lang)
    if r.deadline:
        _label("entry.deadline_rules")
        rules = [lim.text.get(lang) for lim in r.deadline.limits]
        st.markdown(_list(rules + ([r.deadline.note.get(lang)] if r.deadline.note else [])))
    _label("entry.first_steps")
    st.markdown(_list([s.get(lang) for s in r.first_steps], numbered=True))
    if r.documents:
        _label("entry.documents")
        st.markdown(_list([d.get(lang) for d in r.documents]))


def _obstacles(r: Route, lang: str) -> None:
    if not r.obstacles:
        return
    _label("entry.obstacles")
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
    st.markdown("\n".join(lines))


def _interactions(r: Route, lang: str) -> None:
    if not r.interactions:
        return
    _label("entry.interactions")
    lines = []
    for i in r.interactions:
        other = content().routes.get(i.route) or content().bodies.get(i.route)
        name = other.title.get(lang) if other else i.route
        lines.append(f"- *{md(name)}* ({t(f'relation.{i.relation}')}): {md(i.text.get(lang))}")
    st.markdown("\n".join(lines))


def _body_facts(b: Body, lang: str) -> None:
    _label("entry.helps_with")
    st.markdown(md(b.helps_with.get(lang)))
    cols = st.columns(2)
    with cols[0]:
        _label("entry.regions")
        st.markdown(", ".join(t(f"region.{r}") for r in b.regions))
    with cols[1]:
        _label("entry.languages")
        st.markdown(", ".join(fmt.language_name(code, lang) for code in b.languages))


def _references(e: Route | Body, lang: str) -> None:
    _label("entry.contacts")
    st.markdown("\n".join(_contact(c, lang) for c in e.contacts))
    _label("entry.legal_basis")
    lines = []
    for lb in e.legal_basis:
        text = lb.instrument.get(lang) + (f", {lb.article}" if lb.article else "")
        line = _link(text, lb.url) if lb.url else md(text)
        lines.append(f"- {line}" + (f"  \n  {md(lb.note.get(lang))}" if lb.note else ""))
    st.markdown("\n".join(lines))
    _label("entry.sources")
    st.markdown(
        "\n".join(f"- {_link(s.title, s.url)}" + (f" ({md(s.section)})" if s.section else "") for s in e.sources)
    )
    dates = [t("entry.last_reviewed", date=fmt.date(e.last_reviewed, lang))]
    if e.valid_from:
        dates.append(t("entry.valid_from", date=fmt.date(e.valid_from, lang)))
    if e.valid_to:
        dates.append(t("entry.valid_to", date=fmt.date(e.valid_to, lang)))
    st.caption(" · ".join(dates))


def details(entry_id: str, lang: str, rec: Recommendation | None = None) -> None:
    """The body of a card; `rec` adds why it fits, caveats and the dated deadline."""
    e = content().entry(entry_id)
    st.markdown(md(e.summary.get(lang)))
    if rec is not None:
        _label("entry.why")
        st.markdown(_list(rec.why))
        if rec.caveats:
            _label("entry.caveats")
            st.markdown(_list(rec.caveats))
    elif e.caveats:
        _label("entry.caveats")
        st.markdown(_list([c.get(lang) for c in e.caveats]))
    if isinstance(e, Route):
        _route_facts(e, lang, rec)
        _obstacles(e, lang)
        _interactions(e, lang)
    else:
        _body_facts(e, lang)
    _references(e, lang)


def card(entry_id: str, lang: str, rec: Recommendation | None = None, expanded: bool = False) -> None:
    e = content().entry(entry_id)
    icon = DEADLINE_ICON[rec.deadline.status] if rec and rec.deadline and rec.deadline.status != "open" else None
    title = md(e.title.get(lang))
    if rec is not None and not rec.certain:
        title += f" · {t('entry.maybe')}"
    with st.expander(title, expanded=expanded, icon=icon, key=f"card_{entry_id}"):
        details(entry_id, lang, rec)
