"""Messages queued by a callback for the next run ("flashes"), shown in the screen's language.

Shown at the top of the page on a full run, and at the top of the question when only the
question reruns (`interview.render` is a fragment); whichever runs first takes them.
"""

from __future__ import annotations

import streamlit as st

from components.session import t, take_flashes

SHOW = {"error": st.error, "warning": st.warning, "success": st.success, "info": st.info}


def show() -> None:
    for kind, key, values in take_flashes():
        SHOW.get(kind, st.info)(t(key, **values))
