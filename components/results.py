"""Results: the routes that fit, grouped by kind, most useful first; deadlines on a
timeline; a map from answers to routes; the routes left out and why; take it away."""

from __future__ import annotations

import streamlit as st

from components import charts, entry_card, notes, save_resume
from components.session import commit, content, lang, md, safe_callback, state, t
from pathways.engine.interview import facts_of, to_stage
from pathways.engine.recommend import KIND_ORDER, Result, recommend

TOP = 3


@safe_callback
def _to_review() -> None:
    commit(to_stage(state(), "review"))


def compute() -> Result:
    c, s = content(), state()
    return recommend(c, facts_of(c, s), s.lang)


def _deadline_alert(result: Result) -> None:
    urgent = [r for r in result.recommendations if r.deadline and r.deadline.status in ("near", "passed")]
    if urgent:
        st.warning(t("results.deadline_alert", n=len(urgent)), icon=":material/schedule:")


def _start_here(result: Result, lg: str) -> None:
    top = result.recommendations[:TOP]
    if not top:
        return
    st.subheader(t("results.start_here"), anchor=False)
    st.markdown(
        "\n".join(f"{i + 1}. **{md(r.entry.title.get(lg))}** ({t(f'kind.{r.kind}')})" for i, r in enumerate(top))
    )


def _groups(result: Result, lg: str) -> None:
    first = result.recommendations[0].id if result.recommendations else None
    for kind in KIND_ORDER:
        recs = [r for r in result.recommendations if r.kind == kind]
        if not recs:
            continue
        st.subheader(f"{t(f'kind.{kind}')} ({len(recs)})", anchor=False)
        st.caption(t(f"kind.{kind}.about"))
        for r in recs:
            entry_card.card(r.id, lg, r, expanded=r.id == first)


def _excluded(result: Result, lg: str) -> None:
    st.markdown(t("results.not_suggested_intro"))
    for kind in KIND_ORDER:
        items = [e for e in result.excluded if e.kind == kind]
        if not items:
            continue
        st.markdown(f"**{t(f'kind.{kind}')}**")
        st.markdown(
            "\n".join(f"- *{md(e.entry.title.get(lg))}*  \n  " + "  \n  ".join(md(w) for w in e.why_not) for e in items)
        )


def render() -> None:
    lg = lang()
    result = compute()
    st.header(t("results.title"), anchor=False)
    st.markdown(t("results.not_advice"))
    _deadline_alert(result)
    if not result.recommendations:
        st.info(t("results.none"))
    _start_here(result, lg)
    st.button(t("results.change_answers"), key="to_review", on_click=_to_review, icon=":material/edit:")
    tabs = st.tabs(
        [
            t("results.tab.routes", n=len(result.recommendations)),
            t("results.tab.timeline"),
            t("results.tab.map"),
            t("results.tab.not_suggested", n=len(result.excluded)),
        ],
        key="results_tabs",
    )
    with tabs[0]:
        _groups(result, lg)
    with tabs[1]:
        st.markdown(t("timeline.intro"))
        charts.timeline(result, lg)
    with tabs[2]:
        st.markdown(t("map.intro"))
        charts.answer_map(result, lg)
    with tabs[3]:
        _excluded(result, lg)
    if state().answers.get("role") in ("adviser", "organisation") or state().notes:
        with st.expander(t("notes.title"), icon=":material/lock:"):
            notes.editor("results", with_choice=False)
    save_resume.takeaway(has_deadlines=any(r.deadline for r in result.recommendations))
