"""What the browser remembers of the page, and the warning before the case is lost.

The tool keeps a case only in the server's memory for this tab. A reload, the browser's
Back or Forward, closing the tab or a server restart therefore ends the interview. So:

- while an interview has answers, the browser's own leave-page prompt asks before the page
  is left (removed again when there are no answers, and by the quick exit);
- the address keeps the language (`?lang=fr`) and a bare marker that an interview was in
  progress (`&case=1`), never an answer or a question: the address ends up in the browser's
  history, which someone else may read;
- a new session that finds the marker but no answers says that the answers are gone and
  how to open a saved case, instead of silently starting over.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import streamlit as st

from components.session import state, t

GUARD_KEY = "_leave_guard"
ADDRESS_KEY = "_address"
NOTICE_KEY = "_lost_notice"
MARK = "case"

_GUARD = """<script>/* {on} */
window.top.onbeforeunload = {handler};
</script>"""
_ADDRESS = "<script>window.top.history.replaceState(window.top.history.state, '', {query});</script>"
_HANDLER = "(e) => { e.preventDefault(); e.returnValue = ''; return ''; }"


def _address(has_answers: bool) -> None:
    """Write the address with `history.replaceState`, which adds no entry to the history.

    (`st.query_params` adds one per change, and the browser's Back would then lead from the
    quick exit's neutral page back into the tool.)
    """
    wanted = urlencode({"lang": state().lang, **({MARK: "1"} if has_answers else {})})
    if st.session_state.get(ADDRESS_KEY) != wanted:
        st.session_state[ADDRESS_KEY] = wanted
        st.html(_ADDRESS.format(query=json.dumps("?" + wanted)), unsafe_allow_javascript=True)


def sync() -> None:
    """Keep the address and the leave-page prompt in step with the interview; run every time."""
    has_answers = bool(state().answers)
    if NOTICE_KEY not in st.session_state:  # first run of this session
        st.session_state[NOTICE_KEY] = st.query_params.get(MARK) == "1" and not has_answers
    _address(has_answers)
    if st.session_state.get(GUARD_KEY) != has_answers:
        st.session_state[GUARD_KEY] = has_answers
        st.html(
            _GUARD.format(on=has_answers, handler=_HANDLER if has_answers else "null"),
            unsafe_allow_javascript=True,
        )


def retire_notice() -> bool:
    """Once the interview has answers again the lost-answers notice is over: retire it and
    say whether it may still be on screen (then the whole page must be redrawn)."""
    if st.session_state.get(NOTICE_KEY) and state().answers:
        st.session_state[NOTICE_KEY] = False
        return True
    return False


def lost_notice() -> None:
    """Said once, on the first screen of a session that replaced one with answers."""
    if st.session_state.get(NOTICE_KEY) and not state().answers:
        st.warning(t("lost.notice"), icon=":material/history:")
