"""Save and resume: the case file (JSON) and the summary PDF, downloaded and uploaded.

Nothing is written on the server: files are built in memory when the button is pressed
and sent to the browser. An uploaded file is read by `case_file.load_case`, which treats
it as hostile; any problem leaves the current interview exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import streamlit as st

from components import forget
from components import format as fmt
from components.session import LiveCase, commit, content, flash, live, safe_callback, set_section, state, t
from pathways import LANGS
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, set_notes, set_sensitive_choice
from pathways.outputs.calendar import calendar_ics
from pathways.outputs.case_file import MAX_BYTES, MAX_NOTES, CaseFileError, dump_case, load_case
from pathways.outputs.summary_pdf import render_summary

log = logging.getLogger("remedy.app")
NONCE_KEY = "_upload_nonce"


def _file_name(kind: str, ext: str) -> str:
    return f"{t(f'file.{kind}')}-{dt.date.today().isoformat()}.{ext}"


def _case_file(c: Content, holder: LiveCase) -> bytes:
    s = holder.get()
    return dump_case(c, s, include_notes=s.notes_in_pdf)


def case_download(key: str) -> None:
    """The case file of the state as it is when the button is pressed (notes only if the
    person chose so): the sidebar's button stays on screen while a question reruns alone."""
    c, holder = content(), live()
    st.download_button(
        t("save.case_button"),
        data=_deferred(lambda: _case_file(c, holder), "case file"),
        file_name=_file_name("case", "json"),
        mime="application/json",
        key=key,
        on_click="ignore",
        icon=":material/save:",
        help=t("save.case_help"),
    )


@safe_callback
def _resume(widget_key: str) -> None:
    uploaded = st.session_state.get(widget_key)
    st.session_state[NONCE_KEY] = int(st.session_state.get(NONCE_KEY, 0)) + 1  # empty the uploader
    if uploaded is None:
        return
    try:
        raw = uploaded.getvalue()
        forget.uploads()  # the bytes are read: the server need not keep the file
        new, dropped = load_case(content(), raw)  # opens in the language the case was saved in
    except CaseFileError as exc:
        flash("error", exc.key, detail=exc.shown_detail())
        return
    except Exception as exc:  # noqa: BLE001 - any other parser failure is a damaged file
        log.warning("case file rejected: %s", type(exc).__name__)
        flash("error", "error.case.malformed")
        return
    screen_lang = state().lang
    commit(new)
    set_section("guide")
    flash("success", "resume.done_dropped" if dropped else "resume.done", n=len(dropped))
    if new.lang != screen_lang:
        flash("info", "resume.in_language")
    if len(new.notes) >= MAX_NOTES:
        flash("warning", "notes.cut", n=fmt.number(MAX_NOTES, new.lang))


def uploader(where: str) -> None:
    nonce = int(st.session_state.get(NONCE_KEY, 0))
    key = f"upload_{where}_{nonce}"
    st.file_uploader(
        t("resume.label"),
        key=key,
        on_change=_resume,
        args=(key,),
        help=t("resume.help"),
        max_upload_size=MAX_BYTES // (1024 * 1024),
    )


def _deferred(make: Callable[[], bytes], what: str) -> Callable[[], bytes]:
    """Build a file only when its button is pressed; a failure says nothing about the case."""

    def build() -> bytes:
        try:
            return make()
        except Exception as exc:  # noqa: BLE001 - Streamlit would show the message in the browser
            log.warning("%s could not be built: %s", what, type(exc).__name__)
            raise RuntimeError(f"the {what} could not be made") from None

    return build


@safe_callback
def _set_choice(key: str, change: Callable[[InterviewState, bool], InterviewState]) -> None:
    commit(change(state(), bool(st.session_state.get(key))), fresh_widgets=False)


def _include_choice(
    name: str, where: str, value: bool, change: Callable[[InterviewState, bool], InterviewState]
) -> None:
    """A "put this in the file and the PDF" checkbox, kept in the state (never only in the widget)."""
    key = f"{name}.{where}.{value}"
    st.checkbox(
        t(f"{name}.include"),
        value=value,
        key=key,
        on_change=_set_choice,
        args=(key, change),
        help=t(f"{name}.include_help"),
    )


def notes_choice(where: str) -> None:
    s = state()
    if s.notes:
        _include_choice("notes", where, s.notes_in_pdf, lambda st_, on: set_notes(st_, st_.notes, in_pdf=on))


def sensitive_choice(where: str) -> None:
    """Sensitive answers go into the saved file and the PDF only when the person ticks this."""
    _include_choice("sensitive", where, state().sensitive_in_files, set_sensitive_choice)


def takeaway(has_deadlines: bool) -> None:
    """The results page's "take it away" block: PDF, calendar, case file."""
    st.header(t("takeaway.title"), anchor=False)
    st.markdown(t("takeaway.intro"))
    notes_choice("takeaway")
    sensitive_choice("takeaway")
    _files(has_deadlines)
    st.caption(t("takeaway.privacy"))


@st.fragment
def _files(has_deadlines: bool) -> None:
    """The PDF language and the download buttons. A fragment: choosing the PDF's language
    redraws these buttons only, not the whole results screen. (The include-notes and
    sensitive-answers choices stay outside it: the sidebar shows the same choice.)"""
    s = state()
    pdf_lang = st.selectbox(
        t("takeaway.pdf_lang"),
        LANGS,
        index=LANGS.index(s.lang),
        format_func=lambda code: content().text(f"lang.{code}", code),
        key="pdf_lang",
    )
    c = content()
    with st.container(horizontal=True, key="takeaway_buttons"):
        st.download_button(
            t("takeaway.pdf_button"),
            data=_deferred(
                lambda: render_summary(
                    c, s, pdf_lang, include_notes=s.notes_in_pdf, include_sensitive=s.sensitive_in_files
                ),
                "summary",
            ),
            file_name=_file_name("summary", "pdf"),
            mime="application/pdf",
            key="download_pdf",
            on_click="ignore",
            type="primary",
            icon=":material/picture_as_pdf:",
        )
        if has_deadlines:
            st.download_button(
                t("takeaway.ics_button"),
                data=_deferred(lambda: calendar_ics(c, s, s.lang), "calendar"),
                file_name=_file_name("deadlines", "ics"),
                mime="text/calendar",
                key="download_ics",
                on_click="ignore",
                icon=":material/event:",
                help=t("takeaway.ics_help"),
            )
        case_download("download_case_results")


def sidebar(with_uploader: bool = True) -> None:
    """Save and resume, available on every screen (the start screen has its own uploader)."""
    with st.sidebar:
        st.subheader(t("save.title"), anchor=False)
        sensitive_choice("sidebar")
        case_download("download_case_sidebar")
        if with_uploader:
            uploader("sidebar")
        st.caption(t("takeaway.privacy"))
