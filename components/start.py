"""Start screen: what the tool does and does not do, the role, and resuming a saved case."""

from __future__ import annotations

import streamlit as st

from components import format as fmt
from components import save_resume
from components.session import commit, content, flash, lang, safe_callback, state, t, wkey
from pathways.engine.interview import InvalidAnswer, answer, start

ROLE = "role"


@safe_callback
def _begin(key: str) -> None:
    choice = st.session_state.get(key)
    if choice is None:
        flash("error", "error.answer_required")
        return
    try:
        commit(answer(content(), start(state(), content()), ROLE, choice))
    except InvalidAnswer as exc:
        flash("error", exc.key)


def render() -> None:
    c, s, lg = content(), state(), lang()
    st.markdown(t("start.intro"))
    st.markdown(t("start.limits"))
    st.info(t("start.privacy"), icon=":material/lock:")
    q = c.question(ROLE)
    options = [o.id for o in q.options]
    current = s.answers.get(ROLE)
    key = wkey("q", ROLE)
    st.header(q.text.get(lg), anchor=False)
    st.radio(
        q.text.get(lg),
        options,
        index=options.index(current) if current in options else None,
        format_func=lambda v: fmt.option_label(q, v, lg),
        key=key,
        label_visibility="collapsed",
    )
    st.caption(t("interview.why", why=q.why.get(lg)))
    st.button(
        t("start.begin"), key="begin", type="primary", on_click=_begin, args=(key,), icon=":material/arrow_forward:"
    )
    st.divider()
    save_resume.uploader("start")
