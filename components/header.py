"""The top of every screen: title, language switch and quick exit.

Switching language changes only `InterviewState.lang`; answers and position stay, and a
choice on screen that was not yet confirmed with Next is carried over to the redrawn question.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import interview, quick_exit
from components.session import commit, content, safe_callback, state
from pathways import LANGS
from pathways.engine.interview import set_language

# Bundled, never fetched: a ":material/..." page icon is loaded from a font CDN on every visit,
# which tells a third party that someone opened the tool.
ICON = str(Path(__file__).with_name("icon.png"))

# Captions in Streamlit's default grey fail WCAG contrast (3.8:1); darken them to 7:1.
STYLE = """<style>
h1 {font-size: 2rem !important;}
[data-testid='stMainBlockContainer'] {padding-top: 3rem;}
[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] p {color: #4a4a4a !important; opacity: 1 !important;}
</style>"""


@safe_callback
def _switch(lang: str) -> None:
    """Change the language; a choice made on screen but not yet confirmed is carried over.

    Widgets whose label changes language are new widgets to Streamlit, so the choice on
    screen is read first and handed to the redrawn question (`interview.keep_pending`).
    """
    interview.keep_pending()
    commit(set_language(state(), lang))


def page_setup() -> None:
    """Tab title and the page's `lang` attribute (for screen readers and hyphenation)."""
    lang = state().lang
    st.set_page_config(page_title=content().index.title.get(lang), page_icon=ICON, layout="centered")
    st.html(f"<script>document.documentElement.lang = {lang!r};</script>", unsafe_allow_javascript=True)
    st.html(STYLE)


def render() -> None:
    current = state().lang
    with st.container(horizontal=True, vertical_alignment="center", key="topbar"):
        for lang in LANGS:
            st.button(
                content().text(f"lang.{lang}", lang),
                key=f"lang_{lang}",
                on_click=_switch,
                args=(lang,),
                type="primary" if lang == current else "tertiary",
                help=content().text("lang.switch_help", lang),
            )
        st.space("stretch")
        quick_exit.button()
    st.title(content().index.title.get(current), anchor=False)
