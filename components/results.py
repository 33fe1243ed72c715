"""Results: the five best next steps, then other routes that suit the case, then who can
help; deadlines on a timeline; a map from answers to routes; what was left out and why.

The screen shows one ranked result from the engine (`recommend`), the same the PDF and the
command line use: the tiers and their order are the engine's, never re-sorted here.
"""

from __future__ import annotations

import streamlit as st

from components import charts, entry_card, notes, save_resume
from components.session import commit, content, lang, md, remembered, safe_callback, state, t
from pathways.engine.interview import facts_of, to_stage
from pathways.engine.recommend import Recommendation, Result, recommend

EXCLUSION_GROUPS = ("not_eligible", "not_suited", "expired")


@safe_callback
def _to_review() -> None:
    commit(to_stage(state(), "review"))


def compute() -> Result:
    """The session's result, worked out once per set of facts and language.

    Kept in this session only (never shared between people, gone with the session or the
    quick exit): the results screen reruns on every click and the PDF needs the same result.
    """
    c, s = content(), state()
    facts = facts_of(c, s)
    return remembered(("result", c.version, s.lang, repr(sorted(facts.items()))), lambda: recommend(c, facts, s.lang))


def _deadline_alert(result: Result) -> None:
    urgent = [r for r in result.recommendations if r.deadline and r.deadline.status in ("near", "passed")]
    if urgent:
        st.warning(t("results.deadline_alert", n=len(urgent)), icon=":material/schedule:")


def _first_steps(recs: list[Recommendation], lg: str) -> None:
    """The best next steps, numbered; each opens to the full card."""
    st.subheader(t("results.first"), anchor=False)
    st.caption(t("results.first.about"))
    for i, r in enumerate(recs, 1):
        entry_card.card(r.id, lg, r, number=i)


def _tier(name: str, recs: list[Recommendation], lg: str) -> None:
    if not recs:
        return
    st.subheader(f"{t(f'results.{name}')} ({len(recs)})", anchor=False)
    st.caption(t(f"results.{name}.about"))
    for r in recs:
        entry_card.card(r.id, lg, r, lazy=True)


def _excluded(result: Result, lg: str) -> None:
    st.markdown(t("results.not_suggested_intro"))
    for reason in EXCLUSION_GROUPS:
        items = [e for e in result.excluded if e.reason == reason]
        if not items:
            continue
        st.markdown(f"**{t(f'results.excluded.{reason}')} ({len(items)})**")
        st.caption(t(f"results.excluded.{reason}.about"))
        st.markdown(
            "\n".join(f"- *{md(e.entry.title.get(lg))}*  \n  " + "  \n  ".join(md(w) for w in e.why_not) for e in items)
        )


@st.fragment
def _tabs() -> None:
    """The routes, the timeline, the answer map and what was left out, as tabs.

    Only the open tab is drawn (a hidden tab's text is neither found by search in the page
    nor read by a screen reader, so nothing is lost), and choosing a tab reruns this
    fragment alone: the results screen's first drawing skips the chart, the map and the
    list of entries left out.
    """
    lg, result = lang(), compute()
    tabs = st.tabs(
        [
            t("results.tab.routes", n=len(result.recommendations)),
            t("results.tab.timeline"),
            t("results.tab.map"),
            t("results.tab.not_suggested", n=len(result.excluded)),
        ],
        key="results_tabs",
        on_change="rerun",
    )
    if tabs[0].open is not False:
        with tabs[0]:
            if result.tier("first"):
                _first_steps(result.tier("first"), lg)
            _tier("also", result.tier("also"), lg)
            _tier("help", result.tier("help"), lg)
            entry_card.glossary([r.id for r in result.recommendations], lg)
    if tabs[1].open:
        with tabs[1]:
            st.markdown(t("timeline.intro"))
            charts.timeline(result, lg)
    if tabs[2].open:
        with tabs[2]:
            st.markdown(t("map.intro"))
            charts.answer_map(result, lg)
    if tabs[3].open:
        with tabs[3]:
            _excluded(result, lg)


def render() -> None:
    result = compute()
    st.header(t("results.title"), anchor=False)
    st.markdown(t("results.not_advice"))
    _deadline_alert(result)
    if not result.recommendations:
        st.info(t("results.none"))
    st.button(t("results.change_answers"), key="to_review", on_click=_to_review, icon=":material/edit:")
    _tabs()
    if state().answers.get("role") in ("adviser", "organisation") or state().notes:
        with st.expander(t("notes.title"), icon=":material/lock:"):
            notes.editor("results", with_choice=False)
    save_resume.takeaway(has_deadlines=any(r.deadline and r.deadline.date for r in result.recommendations))
