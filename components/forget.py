"""Forget uploaded files and widget memory at once: quick exit, a new case, and a case just opened.

Streamlit keeps every file a session uploads in its in-memory upload store until the
session itself is pruned, which can be minutes after the tab closes (and only when another
session connects or leaves). A case file or summary PDF holds the whole case, so the tool
drops this session's uploads itself the moment they are no longer needed
(docs/security.md, "What the server holds").

Streamlit also keeps the description of every widget a session ever drew (its
`WidgetMetadata`), and `st.session_state.clear()` leaves it: the notes box's description
holds the notes text as its default value. Quick exit and a new case drop it too.
"""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from components.session import LIVE_KEY, LiveCase

log = logging.getLogger("remedy.app")


def uploads() -> None:
    """Remove every file this session uploaded from the server's memory."""
    ctx = get_script_run_ctx()
    if ctx is None:  # outside a session (bare mode): nothing is held
        return
    try:
        ctx.uploaded_file_mgr.remove_session_files(ctx.session_id)
    except Exception as exc:  # noqa: BLE001 - forgetting must never break the exit
        log.warning("could not drop uploads: %s", type(exc).__name__)


def widget_memory() -> None:
    """Drop the descriptions of the widgets this session drew (they hold default values such
    as the notes text). Streamlit has no public call for this: the private attribute path is
    guarded, and a test inspects the live objects after quick exit, so an upgrade that moves
    it fails the suite instead of keeping a case in memory."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    try:
        widgets = ctx.session_state._state._new_widget_state  # SafeSessionState -> SessionState -> WStates
        widgets.widget_metadata.clear()
    except Exception as exc:  # noqa: BLE001 - forgetting must never break the exit
        log.warning("could not drop widget memory: %s", type(exc).__name__)


def the_case() -> None:
    """Forget everything of the case this session holds: its uploads, its session state (with
    Streamlit's copy from the previous run) and its widgets' descriptions. Quick exit and
    "New case" both start from here."""
    uploads()  # the upload store is not part of session_state
    holder = st.session_state.get(LIVE_KEY)
    if isinstance(holder, LiveCase):  # a download button drawn before still holds it
        holder.forget()
    st.session_state.clear()
    widget_memory()  # nor are the widgets' descriptions, which hold the notes text
