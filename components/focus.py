"""Move to the top of a new screen, and put keyboard and screen-reader focus on its heading.

Streamlit keeps the scroll position and the focused button across reruns, so after
"Next" a keyboard user would stay on the button below a new question. When the screen
changes (section, stage or question), one small script scrolls up and focuses the first
heading under the title; Tab then reaches the new question's answers first.
"""

from __future__ import annotations

import streamlit as st

SCREEN_KEY = "_screen"

_SCRIPT = """<script>/* {screen} */
setTimeout(() => {{
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo(0, 0);
  const h = document.querySelector('[data-testid="stMainBlockContainer"] h2, [data-testid="stMainBlockContainer"] h3');
  if (h) {{ h.setAttribute('tabindex', '-1'); h.focus({{preventScroll: true}}); }}
}}, 200);
</script>"""


def on_new_screen(screen: str) -> None:
    if st.session_state.get(SCREEN_KEY) == screen:
        return
    first_screen = SCREEN_KEY not in st.session_state
    st.session_state[SCREEN_KEY] = screen
    if not first_screen:  # on the first load, leave focus where the browser puts it
        st.html(_SCRIPT.format(screen=screen.replace("*", "")), unsafe_allow_javascript=True)
