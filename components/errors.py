"""The error boundary: an unexpected error never shows a traceback and never loses a case.

Only the exception's type is logged (its message could contain an answer). The person
sees a short message in their language, can download the case file as it is, and can go
back to the review screen.
"""

from __future__ import annotations

import logging

import streamlit as st

from components import save_resume
from components.session import commit, safe_callback, state, t
from pathways.engine.interview import to_stage

log = logging.getLogger("remedy.app")

# Shown only when the content itself cannot be loaded, so no UI string can be read.
CONTENT_BROKEN = (
    "De inhoud van deze tool kan nu niet worden geladen. Probeer het later opnieuw.\n\n"
    "Le contenu de cet outil ne peut pas être chargé pour le moment. Réessayez plus tard.\n\n"
    "Der Inhalt dieses Werkzeugs kann gerade nicht geladen werden. Versuchen Sie es später erneut.\n\n"
    "The content of this tool cannot be loaded right now. Please try again later."
)


@safe_callback
def _to_review() -> None:
    commit(to_stage(state(), "review"))


def friendly(where: str, exc: BaseException) -> None:
    log.warning("view %s failed: %s", where, type(exc).__name__)
    st.error(t("app.error.title"), icon=":material/sentiment_dissatisfied:")
    st.markdown(t("app.error.body"))
    with st.container(horizontal=True, key="error_actions"):
        save_resume.case_download("download_case_error")
        if state().answers:
            st.button(t("app.error.to_review"), key="error_to_review", on_click=_to_review)


def content_broken() -> None:
    st.error(CONTENT_BROKEN)
