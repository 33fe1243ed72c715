"""Quick exit: one click forgets the case and swaps the page for a neutral one.

The click runs a callback on the server that clears this session's state (so neither a
reload nor a reconnect can bring the answers back), then the next run sends one line of
JavaScript that calls `location.replace`. `replace` (not a link, not `assign`) overwrites
the tool's entry in the tab's history, so the Back button does not return to it. The
tool keeps everything on one URL, so there are no other history entries of ours.

The neutral page is a weather search: it loads quickly anywhere in the world, looks
ordinary on a shared screen, and is not tied to any language or organisation.
"""

from __future__ import annotations

import streamlit as st

from components import forget
from components.session import EXIT_KEY, t

NEUTRAL_URL = "https://www.google.com/search?q=weather"


def _leave() -> None:
    forget.the_case()
    st.session_state[EXIT_KEY] = True


def button() -> None:
    st.button(
        t("exit.button"),
        key="quick_exit",
        on_click=_leave,
        type="primary",
        icon=":material/logout:",
        help=t("exit.help"),
    )


def exiting() -> bool:
    return bool(st.session_state.get(EXIT_KEY))


def leave_page() -> None:
    """Draw nothing but the redirect, and stop the run."""
    # no-referrer first: the neutral site must not learn which page the person left
    st.html(
        "<script>"
        "window.top.onbeforeunload = null;"  # the leave-page prompt must not hold the exit
        "const d = window.top.document; const m = d.createElement('meta');"
        "m.name = 'referrer'; m.content = 'no-referrer'; d.head.appendChild(m);"
        f"window.top.location.replace({NEUTRAL_URL!r});"
        "</script>",
        unsafe_allow_javascript=True,
    )
    st.stop()
