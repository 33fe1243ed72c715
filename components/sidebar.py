"""The sidebar: where to go (the guide, adviser tools, maintainers), a new case, save and resume."""

from __future__ import annotations

import os

import streamlit as st

from components import forget, page_memory, save_resume
from components.session import SECTION_KEY, commit, content, lang, safe_callback, state, t
from pathways.engine.interview import InterviewState

SECTIONS = ("guide", "tools", "maintainers")
MAINTAINERS_ENV = "REMEDY_MAINTAINERS"  # "1" shows the maintainers' page; off for the public


def sections() -> tuple[str, ...]:
    """The guide and the adviser tools; the maintainers' page only where the deployment enables it."""
    return SECTIONS if os.environ.get(MAINTAINERS_ENV) == "1" else SECTIONS[:2]


@safe_callback
def _new_case() -> None:
    language = state().lang
    seen_notice = st.session_state.get(page_memory.NOTICE_KEY)  # a reload notice is not shown again
    forget.the_case()
    if seen_notice is not None:
        st.session_state[page_memory.NOTICE_KEY] = seen_notice
    commit(InterviewState(lang=language))
    st.session_state[SECTION_KEY] = "guide"


def render() -> str:
    shown = sections()
    if st.session_state.get(SECTION_KEY) not in shown:
        st.session_state[SECTION_KEY] = "guide"
    labels = {s: content().text(f"nav.section.{s}", lang()) for s in shown}
    with st.sidebar:
        section = st.radio(t("nav.sections"), shown, format_func=labels.__getitem__, key=SECTION_KEY)
        with st.popover(t("nav.new_case"), icon=":material/restart_alt:"):
            st.markdown(t("nav.new_case_confirm"))
            st.button(t("nav.new_case_yes"), key="new_case", on_click=_new_case, type="primary")
        st.divider()
    save_resume.sidebar(with_uploader=not (section == "guide" and state().stage == "start"))
    return str(section)
