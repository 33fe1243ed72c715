"""Review screen: every answer, each with a button to change it."""

from __future__ import annotations

import streamlit as st

from components import format as fmt
from components.interview import dropped_notice
from components.session import commit, content, lang, safe_callback, state, t
from pathways.engine.interview import back, go_to, to_stage, walk


@safe_callback
def _change(qid: str) -> None:
    commit(go_to(content(), state(), qid))


@safe_callback
def _back() -> None:
    commit(back(content(), state()))


@safe_callback
def _results() -> None:
    commit(to_stage(state(), "results"))


def render() -> None:
    c, s, lg = content(), state(), lang()
    st.header(t("review.title"), anchor=False)
    st.markdown(t("review.intro"))
    dropped_notice()
    relevant = walk(c, s.answers).relevant
    for i, qid in enumerate(q for q in relevant if q in s.answers):
        q = c.question(qid)
        # One bordered row: question and answer as one text, the button beside it (three
        # elements a row, not seven: each is a websocket message, docs/performance.md).
        with st.container(border=True, horizontal=True, wrap=False, vertical_alignment="center", key=f"review_{qid}"):
            st.markdown(f"**{i + 1}. {q.text.get(lg)}**\n\n{fmt.answer(q, s.answers[qid], lg)}", width="stretch")
            st.button(
                t("review.change"),
                key=f"change_{qid}",
                on_click=_change,
                args=(qid,),
                icon=":material/edit:",
                help=t("review.change_help", question=q.text.get(lg)),
            )
    with st.container(horizontal=True, key="review_nav"):
        st.button(t("nav.back"), key="back", on_click=_back, icon=":material/arrow_back:")
        st.button(
            t("review.see_results"),
            key="see_results",
            type="primary",
            on_click=_results,
            icon=":material/arrow_forward:",
        )
