"""Remedy-pathway decision assistant: the Streamlit app. Wiring only.

Views live in `components/` (one module per screen), the engine in `pathways/`. The whole
interview is one `InterviewState` in the session (see `components.session`); every view
runs inside an error boundary that keeps the case and never shows a traceback.
"""

from __future__ import annotations

from components import (
    catalogue,
    errors,
    flashes,
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
from components.session import content, state
from pathways.content.store import ContentInvalid

GUIDE = {"start": start.render, "interview": interview.render, "review": review.render, "results": results.render}


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
    flashes.show()
    view = {"tools": catalogue.render, "maintainers": maintainers.render}.get(section) or GUIDE[state().stage]
    try:
        view()
    except Exception as exc:  # noqa: BLE001 - the error boundary (st.rerun/st.stop are not Exceptions)
        errors.friendly(view.__module__, exc)
    focus.on_new_screen(f"{section}/{state().stage}/{state().cursor}")


main()
