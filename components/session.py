"""The one place that touches `st.session_state`.

The whole interview lives in one typed `InterviewState` under `STATE_KEY`. Widgets get
keys derived from the question and a revision counter, so that after every change made
through the engine they are drawn afresh from the state: a widget never holds the only
copy of an answer. Messages for the next run ("flashes") are stored as UI-string keys,
never as text, so they follow a language switch.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from pathways import LANGS
from pathways.checks.loader import load_content
from pathways.content.store import Content
from pathways.engine.interview import InterviewState

STATE_KEY = "interview"
LIVE_KEY = "_live"
REV_KEY = "_rev"
FLASH_KEY = "_flash"
SECTION_KEY = "section"
EXIT_KEY = "_exiting"
DATA_DIR_ENV = "REMEDY_DATA_DIR"  # point the app at another content folder (tests, previews)

log = logging.getLogger("remedy.app")
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def content() -> Content:
    """The shared, read-only content (parsed once per process)."""
    data_dir = os.environ.get(DATA_DIR_ENV)
    return load_content(Path(data_dir)) if data_dir else load_content()


def _browser_lang() -> str:
    """The language in the address (kept over a reload, see page_memory), else the browser's."""
    in_address = st.query_params.get("lang")
    if in_address in LANGS:
        return str(in_address)
    try:
        locale = (st.context.locale or "").lower()
    except Exception:  # no browser context (tests, bare mode)
        locale = ""
    return next((lang for lang in LANGS if locale.startswith(lang)), "en")


class LiveCase:
    """The session's current state, for a file built when its button is pressed.

    A download button drawn in the sidebar stays on screen while the question beside it
    reruns alone (a fragment), so it must not keep the state it was drawn with. Streamlit
    builds a deferred file on another thread, outside the script, where `st.session_state`
    cannot be read; this holder is what the button keeps instead. `forget` empties it so a
    button left over from before a quick exit or a new case holds nothing of the case.
    """

    def __init__(self, current: InterviewState) -> None:
        self.state: InterviewState | None = current

    def get(self) -> InterviewState:
        if self.state is None:
            raise RuntimeError("the case was forgotten")
        return self.state

    def forget(self) -> None:
        self.state = None


def live() -> LiveCase:
    """This session's `LiveCase`, always holding the state as it is now."""
    holder = st.session_state.get(LIVE_KEY)
    if not isinstance(holder, LiveCase):
        holder = LiveCase(state())
        st.session_state[LIVE_KEY] = holder
    return holder


def state() -> InterviewState:
    """The interview state of this browser session, created on first use."""
    current = st.session_state.get(STATE_KEY)
    if not isinstance(current, InterviewState):
        current = InterviewState(lang=_browser_lang())
        st.session_state[STATE_KEY] = current
    return current


def commit(new: InterviewState, fresh_widgets: bool = True) -> None:
    """Store the state returned by an engine function; redraw answer widgets from it."""
    st.session_state[STATE_KEY] = new
    live().state = new
    if fresh_widgets:
        st.session_state[REV_KEY] = rev() + 1


def rev() -> int:
    return int(st.session_state.get(REV_KEY, 0))


def wkey(*parts: object) -> str:
    """A widget key tied to the current revision of the state."""
    return ".".join(str(p) for p in (*parts, rev()))


def lang() -> str:
    return state().lang


def t(key: str, **values: Any) -> str:
    """A UI string in the session's language."""
    return content().text(key, lang(), **values)


MEMO_KEY = "_memo"  # one remembered computation per session (the current result)


def remembered(key: object, compute: Callable[[], T]) -> T:
    """The value of `compute()`, kept for this session until the key changes."""
    memo = st.session_state.get(MEMO_KEY)
    if memo is not None and memo[0] == key:
        return memo[1]  # type: ignore[no-any-return]
    value = compute()
    st.session_state[MEMO_KEY] = (key, value)
    return value


PENDING_KEY = "_pending_answer"  # (question id, answer) chosen on screen, carried over a language switch


def set_pending(qid: str, value: object | None, keep: bool = True) -> None:
    """Remember (or forget) a choice on screen that Next has not confirmed yet."""
    if keep:
        st.session_state[PENDING_KEY] = (qid, value)
    else:
        st.session_state.pop(PENDING_KEY, None)


def take_pending(qid: str) -> tuple[bool, object | None]:
    """(whether a choice was carried over for this question, the choice), forgotten once read."""
    pending = st.session_state.pop(PENDING_KEY, None)
    if pending is not None and pending[0] == qid:
        return True, pending[1]
    return False, None


def flash(kind: str, key: str, **values: Any) -> None:
    """Queue a message (a UI-string key) to show on the next run."""
    st.session_state.setdefault(FLASH_KEY, []).append((kind, key, values))


def take_flashes() -> list[tuple[str, str, dict[str, Any]]]:
    return st.session_state.pop(FLASH_KEY, [])


def section() -> str:
    return str(st.session_state.get(SECTION_KEY, "guide"))


def set_section(name: str) -> None:
    st.session_state[SECTION_KEY] = name


def safe_callback(fn: F) -> F:
    """Run a widget callback; on an unexpected error keep the state and say so politely.

    Only the exception type is logged: its message could contain an answer.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the error boundary of a callback
            log.warning("action %s failed: %s", fn.__name__, type(exc).__name__)
            flash("error", "app.error.action_failed")
            return None

    return wrapper  # type: ignore[return-value]


def md(text: str) -> str:
    """Content text made safe for Markdown: a `$` would otherwise start a formula."""
    return text.replace("$", "\\$")
