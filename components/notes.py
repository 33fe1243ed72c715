"""Case notes for advisers: personal data, kept only in this session's memory.

The text is shown only inside the text box (never as Markdown or HTML), goes into the
PDF or the case file only when the box under it is ticked, and is gone after quick exit.
"""

from __future__ import annotations

import streamlit as st

from components import format as fmt
from components.save_resume import notes_choice
from components.session import commit, safe_callback, state, t, wkey
from pathways.engine.interview import set_notes
from pathways.outputs.case_file import MAX_NOTES


@safe_callback
def _save(key: str) -> None:
    text = st.session_state.get(key) or ""
    commit(set_notes(state(), str(text)[:MAX_NOTES]), fresh_widgets=False)


def editor(where: str, with_choice: bool = True) -> None:
    s = state()
    st.warning(t("notes.personal_data"), icon=":material/shield_person:")
    key = wkey("notes", where)
    st.text_area(
        t("notes.label"),
        value=s.notes,
        key=key,
        on_change=_save,
        args=(key,),
        max_chars=MAX_NOTES,
        height=180,
        placeholder=t("notes.placeholder"),
    )
    st.caption(t("notes.limit", n=fmt.number(MAX_NOTES, s.lang)))
    if with_choice:
        notes_choice(where)
