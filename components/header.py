"""The top of every screen: title, language switch and quick exit.

Switching language changes only `InterviewState.lang`; answers and position stay, and a
choice on screen that was not yet confirmed with Next is carried over to the redrawn question.
"""

from __future__ import annotations

import base64
from pathlib import Path

import streamlit as st

from components import interview, quick_exit
from components.session import commit, content, safe_callback, state
from pathways import LANGS
from pathways.engine.interview import set_language

# Bundled, never fetched: a ":material/..." page icon is loaded from a font CDN on every visit,
# which tells a third party that someone opened the tool. Written into the page as a data URL,
# read once: a file path would be read and stored in Streamlit's media store on every rerun.
ICON = "data:image/png;base64," + base64.b64encode(Path(__file__).with_name("icon.png").read_bytes()).decode()

# Captions in Streamlit's default grey fail WCAG contrast (3.8:1); darken them to 7:1.
# On a phone (390 px wide) a compact title and question keep the options and Next on the first screen.
STYLE = """<style>
h1 {font-size: 2rem !important;}
[data-testid='stMainBlockContainer'] {padding-top: 3rem;}
[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] p {color: #4a4a4a !important; opacity: 1 !important;}
@media (max-width: 640px) {
  [data-testid='stMainBlockContainer'] {padding: 3.5rem 1rem 2rem 1rem;}
  [data-testid='stHeader'] {height: 2.5rem;}
  h1 {font-size: 1.1rem !important; line-height: 1.3 !important; padding: 0 0 0.5rem 0 !important;}
  h2 {font-size: 1.3rem !important; line-height: 1.3 !important; padding: 0.25rem 0 !important;}
  h3 {font-size: 1.15rem !important;}
  [data-testid='stVerticalBlock'] {gap: 0.35rem;}
  /* language buttons show their code, so they and the quick exit fit on one row; the full name
     stays the button's text for screen readers */
  .st-key-topbar {gap: 0.2rem !important; flex-wrap: nowrap !important;}
  .st-key-topbar [class*='st-key-lang_'] button {padding: 0.2rem 0.4rem; min-height: 2.25rem;}
  .st-key-topbar [class*='st-key-lang_'] button p {font-size: 0 !important;}
  LANGUAGE_CODES
  .st-key-apptitle_interview {position: absolute !important; width: 1px !important; height: 1px !important;
    overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important;}
  [data-testid='stCheckbox'] {margin: -0.15rem 0;}
  [data-testid='stCheckbox'] label, [role='radiogroup'] label {min-height: 1.4rem;}
  [data-testid='stCheckbox'] label p, [role='radiogroup'] label p {font-size: 0.92rem; line-height: 1.25;}
}
</style>""".replace(
    "LANGUAGE_CODES",
    "\n  ".join(f".st-key-lang_{c} button p::after {{content: '{c.upper()}'; font-size: 0.95rem;}}" for c in LANGS),
)


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
    # On question screens a phone shows the question first: the title stays for screen readers only.
    key = "apptitle_interview" if state().stage == "interview" else "apptitle"
    with st.container(key=key):
        st.title(content().index.title.get(current), anchor=False)
