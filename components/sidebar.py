"""The sidebar: where to go (the guide, adviser tools, maintainers), a new case, save and resume."""

from __future__ import annotations

import streamlit as st

from components import save_resume
from components.session import SECTION_KEY, commit, content, lang, safe_callback, state, t
from pathways.engine.interview import InterviewState

SECTIONS = ("guide", "tools", "maintainers")


@safe_callback
def _new_case() -> None:
    commit(InterviewState(lang=state().lang))
    st.session_state[SECTION_KEY] = "guide"


def render() -> str:
    labels = {s: content().text(f"nav.section.{s}", lang()) for s in SECTIONS}
    with st.sidebar:
        section = st.radio(t("nav.sections"), SECTIONS, format_func=labels.__getitem__, key=SECTION_KEY)
        with st.popover(t("nav.new_case"), icon=":material/restart_alt:"):
            st.markdown(t("nav.new_case_confirm"))
            st.button(t("nav.new_case_yes"), key="new_case", on_click=_new_case, type="primary")
        st.divider()
    save_resume.sidebar(with_uploader=not (section == "guide" and state().stage == "start"))
    return str(section)
