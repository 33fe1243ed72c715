"""Adviser tools: browse and filter the whole catalogue, compare routes, case notes."""

from __future__ import annotations

import streamlit as st

from components import entry_card, notes
from components import format as fmt
from components.session import content, lang, md, t
from pathways.content.model import Body, Route
from pathways.engine.recommend import KIND_ORDER

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
    cols = st.columns(2)
    with cols[0]:
        kinds = _multiselect("catalogue.filter.kind", list(KIND_ORDER), "kind", "f_kind")
        costs = _multiselect("catalogue.filter.cost", list(COSTS), "rank.cost", "f_cost")
        langs = _multiselect("catalogue.filter.language", languages, "langname", "f_lang")
    with cols[1]:
        goals = _multiselect("catalogue.filter.achieves", list(ACHIEVEMENTS), "achieves", "f_goal")
        regions = _multiselect("catalogue.filter.region", list(REGIONS), "region", "f_region")
    found = [i for i, e in entries.items() if _matches(e, kinds, goals, costs, regions, langs)]
    found.sort(key=lambda i: (KIND_ORDER.index(_kind(entries[i])), entries[i].title.get(lg)))
    st.markdown(t("catalogue.count", n=len(found), total=len(entries)))
    for kind in KIND_ORDER:
        ids = [i for i in found if _kind(entries[i]) == kind]
        if ids:
            st.subheader(t(f"kind.{kind}"), anchor=False)
            for entry_id in ids:
                entry_card.card(entry_id, lg)


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
    cols = st.columns(len(chosen), border=True)
    for col, rid in zip(cols, chosen, strict=True):
        r = c.routes[rid]
        with col:
            st.markdown(f"**{md(r.title.get(lg))}**")
            for label, value in rows:
                st.caption(t(label))
                st.markdown(md(value(r)))


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
