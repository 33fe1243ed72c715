"""Adviser tools: browse and filter the whole catalogue, compare routes, case notes."""

from __future__ import annotations

import streamlit as st

from components import entry_card, notes
from components import format as fmt
from components.results import compute
from components.session import content, lang, md, state, t
from pathways.content.model import Body, Route
from pathways.engine.recommend import KIND_ORDER
from pathways.outputs.catalogue import matches_search, open_in_place

ACHIEVEMENTS = ("compensation", "stop_harm", "sanction", "mediation", "public_statement", "information")
COSTS = ("free", "low", "medium", "high")
REGIONS = ("flanders", "wallonia", "brussels", "national", "international")


def _kind(entry: Route | Body) -> str:
    return entry.kind if isinstance(entry, Route) else "support"


def _matches(entry: Route | Body, kinds: list, goals: list, costs: list, regions: list, langs: list) -> bool:
    if kinds and _kind(entry) not in kinds:
        return False
    if goals and not (isinstance(entry, Route) and set(goals) & set(entry.achieves)):
        return False
    if costs and entry.ranking.cost not in costs:
        return False
    if regions and not (isinstance(entry, Body) and set(regions) & set(entry.regions)):
        return False
    return not (langs and not (isinstance(entry, Body) and set(langs) & set(entry.languages)))


def _multiselect(label: str, options: list[str], fmt_key: str, key: str) -> list[str]:
    lg = lang()
    labels = {v: fmt.language_name(v, lg) if fmt_key == "langname" else t(f"{fmt_key}.{v}") for v in options}
    return st.multiselect(
        t(label),
        options,
        format_func=labels.__getitem__,
        key=key,
        placeholder=t("catalogue.any"),
        select_all=False,
    )


def _browse() -> None:
    c, lg = content(), lang()
    entries = {**c.routes, **c.bodies}
    languages = sorted({code for b in c.bodies.values() for code in b.languages})
    query = st.text_input(t("catalogue.search"), key="f_text", placeholder=t("catalogue.search_hint"), max_chars=200)
    places = {p.id: p.label.get(lg) for p in c.index.catalogue_places}
    place = st.selectbox(
        t("catalogue.filter.place"),
        [None, *places],
        format_func=lambda p: t("catalogue.any") if p is None else places[p],
        key="f_place",
    )
    cols = st.columns(2)
    with cols[0]:
        kinds = _multiselect("catalogue.filter.kind", list(KIND_ORDER), "kind", "f_kind")
        costs = _multiselect("catalogue.filter.cost", list(COSTS), "rank.cost", "f_cost")
        langs = _multiselect("catalogue.filter.language", languages, "langname", "f_lang")
    with cols[1]:
        goals = _multiselect("catalogue.filter.achieves", list(ACHIEVEMENTS), "achieves", "f_goal")
        regions = _multiselect("catalogue.filter.region", list(REGIONS), "region", "f_region")
    in_place = open_in_place(c, place) if place else None
    found = [
        i
        for i, e in entries.items()
        if _matches(e, kinds, goals, costs, regions, langs)
        and (in_place is None or i in in_place)
        and (not query.strip() or matches_search(c, i, query))
    ]
    found.sort(key=lambda i: (KIND_ORDER.index(_kind(entries[i])), entries[i].title.get(lg)))
    st.markdown(t("catalogue.count", n=len(found), total=len(entries)))
    for kind in KIND_ORDER:
        ids = [i for i in found if _kind(entries[i]) == kind]
        if ids:
            st.subheader(t(f"kind.{kind}"), anchor=False)
            for entry_id in ids:
                entry_card.card(entry_id, lg)
    entry_card.glossary(found, lg)


def _cell(text: str) -> str:
    """Content text as one Markdown table cell (no line breaks, no column separators)."""
    return md(" ".join(text.split())).replace("|", "\\|")


def _case_deadline(rid: str, lg: str) -> str | None:
    """This case's dated deadline for a route, when there is a case; None without one."""
    if not state().answers:
        return None
    rec = next((r for r in compute().recommendations if r.id == rid), None)
    if rec is None:
        return t("compare.not_suggested")
    d = rec.deadline
    if d is None:
        return "—"
    return t(f"deadline.{d.status}", date=fmt.date(d.date, lg)) if d.date else t("deadline.unknown_start")


def _compare() -> None:
    c, lg = content(), lang()
    routes = sorted(c.routes, key=lambda i: c.routes[i].title.get(lg))
    chosen = st.multiselect(
        t("compare.choose"),
        routes,
        format_func=lambda i: c.routes[i].title.get(lg),
        max_selections=3,
        key="compare",
        placeholder=t("compare.placeholder"),
        select_all=False,
    )
    if len(chosen) < 2:
        st.info(t("compare.hint"))
        return
    rows = [
        ("compare.kind", lambda r: t(f"kind.{r.kind}")),
        ("entry.achieves", lambda r: ", ".join(t(f"achieves.{a}") for a in r.achieves)),
        ("entry.who_can_use", lambda r: r.who_can_use.get(lg)),
        ("entry.against", lambda r: r.against.get(lg)),
        ("entry.cost", lambda r: r.cost.get(lg)),
        ("entry.duration", lambda r: r.duration.get(lg)),
        ("compare.binding", lambda r: t("answer.yes" if r.ranking.binding else "answer.no")),
        (
            "entry.deadline_rules",
            lambda r: "; ".join(lim.text.get(lg) for lim in r.deadline.limits) if r.deadline else "—",
        ),
        ("entry.last_reviewed_label", lambda r: fmt.date(r.last_reviewed, lg)),
    ]
    deadlines = [_case_deadline(rid, lg) for rid in chosen]
    # one table, so that each row lines up across the routes however long its texts are
    lines = [
        "| | " + " | ".join(f"**{_cell(c.routes[rid].title.get(lg))}**" for rid in chosen) + " |",
        "|---" * (len(chosen) + 1) + "|",
    ]
    if any(d is not None for d in deadlines):
        lines.append(
            f"| **{_cell(t('compare.case_deadline'))}** | " + " | ".join(_cell(d or "—") for d in deadlines) + " |"
        )
    for label, value in rows:
        lines.append(f"| **{_cell(t(label))}** | " + " | ".join(_cell(value(c.routes[rid])) for rid in chosen) + " |")
    st.markdown("\n".join(lines))


def render() -> None:
    st.header(t("tools.title"), anchor=False)
    st.markdown(t("tools.intro"))
    browse, compare, case_notes = st.tabs(
        [t("tools.tab.browse"), t("tools.tab.compare"), t("tools.tab.notes")], key="tools_tabs"
    )
    with browse:
        _browse()
    with compare:
        _compare()
    with case_notes:
        notes.editor("tools")
