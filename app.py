"""Remedy-pathway decision assistant: the Streamlit app. Wiring only.

Views live in `components/` (one module per screen), the engine in `pathways/`. The whole
interview is one `InterviewState` in the session (see `components.session`); every view
runs inside an error boundary that keeps the case and never shows a traceback.
"""

from __future__ import annotations

import streamlit as st

from components import (
    catalogue,
    errors,
    focus,
    header,
    interview,
    maintainers,
    page_memory,
    quick_exit,
    results,
    review,
    server_tuning,
    sidebar,
    start,
)
from components.session import content, state, t, take_flashes
from pathways.content.store import ContentInvalid

FLASH = {"error": st.error, "warning": st.warning, "success": st.success, "info": st.info}
GUIDE = {"start": start.render, "interview": interview.render, "review": review.render, "results": results.render}


def show_flashes() -> None:
    for kind, key, values in take_flashes():
        FLASH.get(kind, st.info)(t(key, **values))


def main() -> None:
    if quick_exit.exiting():
        quick_exit.leave_page()
    try:
        content()
    except ContentInvalid:
        errors.content_broken()
        return
    server_tuning.once()
    header.page_setup()
    header.render()
    section = sidebar.render()
    page_memory.sync()
    page_memory.lost_notice()
    show_flashes()
    view = {"tools": catalogue.render, "maintainers": maintainers.render}.get(section) or GUIDE[state().stage]
    try:
        view()
    except Exception as exc:  # noqa: BLE001 - the error boundary (st.rerun/st.stop are not Exceptions)
        errors.friendly(view.__module__, exc)
    focus.on_new_screen(f"{section}/{state().stage}/{state().cursor}")


main()
