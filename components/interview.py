"""One question per screen, with why we ask, words explained, progress, back and next.

The widgets are drawn from the state under keys that change whenever the state changes
(`wkey`), and an answer reaches the state only through `interview.answer` on "Next".
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components import errors, flashes, focus, page_memory
from components import format as fmt
from components.session import (
    commit,
    content,
    flash,
    lang,
    safe_callback,
    set_pending,
    state,
    t,
    take_pending,
    wkey,
)
from pathways.content.countries import country_codes, country_name
from pathways.content.model import Question
from pathways.engine.interview import InvalidAnswer, answer, back, current_question, question_screen, to_stage, walk

UNKNOWN = "__unknown__"
DATE_FORMAT = {"nl": "DD-MM-YYYY", "fr": "DD/MM/YYYY", "de": "DD.MM.YYYY", "en": "DD/MM/YYYY"}
DATE_EXAMPLE = {"nl": "%d-%m-%Y", "fr": "%d/%m/%Y", "de": "%d.%m.%Y", "en": "%d/%m/%Y"}


def _keys(q: Question) -> dict[str, str]:
    keys = {"main": wkey("q", q.id), "unknown": wkey("q", q.id, UNKNOWN)}
    keys.update({o.id: wkey("q", q.id, "opt", o.id) for o in q.options})
    return keys


def read_widgets(q: Question) -> object:
    """The answer the widgets show, in the engine's form; InvalidAnswer when none is chosen."""
    ss, keys = st.session_state, _keys(q)
    if q.kind in ("multi", "date", "country", "postcode") and q.unknown and ss.get(keys["unknown"]):
        return None
    if q.kind == "multi":
        return [o.id for o in q.options if ss.get(keys[o.id])]
    value = ss.get(keys["main"])
    if value is None:
        raise InvalidAnswer("error.answer_required", q.id)
    if q.kind == "date":
        return value.isoformat()
    if q.kind == "postcode":
        if not str(value).strip():
            raise InvalidAnswer("error.answer_required", q.id)
        return str(value).strip()
    if value == UNKNOWN:
        return None
    if q.kind == "yesno":
        return value == "yes"
    return value


def keep_pending() -> None:
    """Remember the choice on screen for the current question (before the widgets are redrawn)."""
    s = state()
    q = current_question(content(), s) if s.stage == "interview" else None
    if q is None:
        return
    try:
        set_pending(q.id, read_widgets(q))
    except InvalidAnswer:
        set_pending(q.id, None, keep=False)


@safe_callback
def _next(qid: str, then_review: bool = False) -> None:
    c = content()
    try:
        new = answer(c, state(), qid, read_widgets(c.question(qid)))
    except InvalidAnswer as exc:
        flash("error", exc.key)
        return
    if then_review and walk(c, new.answers).first_unanswered is None:
        new = to_stage(new, "review")
    commit(new)


@safe_callback
def _back() -> None:
    commit(back(content(), state()))


def _choice_widget(q: Question, lg: str, keys: dict[str, str], current: object, answered: bool) -> None:
    if q.kind == "yesno":
        options = ["yes", "no"]
        labels = {"yes": t("answer.yes"), "no": t("answer.no")}
        chosen = None if not answered else (UNKNOWN if current is None else ("yes" if current else "no"))
    else:
        options = [o.id for o in q.options]
        labels = {o: fmt.option_label(q, o, lg) for o in options}
        chosen = UNKNOWN if answered and current is None else current
    if q.unknown:
        options.append(UNKNOWN)
        labels[UNKNOWN] = t("answer.dont_know")
    st.radio(
        q.text.get(lg),
        options,
        index=options.index(chosen) if chosen in options else None,
        format_func=labels.__getitem__,
        key=keys["main"],
        label_visibility="collapsed",
    )


def _multi_widget(q: Question, lg: str, keys: dict[str, str], current: object, answered: bool) -> None:
    st.caption(t("interview.multi_hint"))
    chosen = current if isinstance(current, list) else []
    for o in q.options:
        st.checkbox(fmt.option_label(q, o.id, lg), value=o.id in chosen, key=keys[o.id])
    if q.unknown:
        st.checkbox(t("answer.dont_know"), value=answered and current is None, key=keys["unknown"])


def _date_widget(q: Question, lg: str, keys: dict[str, str], current: object, answered: bool) -> None:
    today = dt.date.today()
    st.date_input(
        q.text.get(lg),
        value=dt.date.fromisoformat(current) if isinstance(current, str) else None,
        min_value=dt.date(1900, 1, 1),
        max_value=today + dt.timedelta(days=366),
        format=DATE_FORMAT[lg],
        key=keys["main"],
        label_visibility="collapsed",
    )
    st.caption(t("interview.date_help", example=today.strftime(DATE_EXAMPLE[lg])))
    if q.unknown:
        st.checkbox(t("answer.dont_know"), value=answered and current is None, key=keys["unknown"])


def _country_widget(q: Question, lg: str, keys: dict[str, str], current: object, answered: bool) -> None:
    """A searchable list of every country, named in the screen's language."""
    codes = sorted(country_codes(), key=lambda code: country_name(code, lg))
    st.selectbox(
        q.text.get(lg),
        codes,
        index=codes.index(current) if isinstance(current, str) and current in codes else None,
        format_func=lambda code: country_name(code, lg),
        placeholder=t("interview.country_placeholder"),
        key=keys["main"],
        label_visibility="collapsed",
    )
    if q.unknown:
        st.checkbox(t("answer.dont_know"), value=answered and current is None, key=keys["unknown"])


def _postcode_widget(q: Question, lg: str, keys: dict[str, str], current: object, answered: bool) -> None:
    st.text_input(
        q.text.get(lg),
        value=current if isinstance(current, str) else "",
        max_chars=4,
        placeholder="1000",
        key=keys["main"],
        label_visibility="collapsed",
    )
    if q.unknown:
        st.checkbox(t("answer.dont_know"), value=answered and current is None, key=keys["unknown"])


def _glossary(q: Question, lg: str) -> None:
    terms = [content().glossary[g] for g in q.glossary if g in content().glossary]
    if not terms:
        return
    with st.expander(t("interview.words_explained"), icon=":material/menu_book:"):
        for term in terms:
            st.markdown(f"**{term.term.get(lg)}**: {term.definition.get(lg)}")


def dropped_notice() -> None:
    """Say which answers an earlier change (or an older case file) made irrelevant."""
    dropped = state().dropped
    if not dropped:
        return
    titles = list(dict.fromkeys(fmt.question_title(qid, lang()) for qid in dropped))
    st.warning(
        t("interview.dropped", n=len(dropped)) + "\n\n" + "\n".join(f"- {x}" for x in titles), icon=":material/info:"
    )


@st.fragment
def render() -> None:
    """The question screen. It is a fragment: choosing an answer, Next and Back rerun only
    the question, not the header and sidebar around it (a fifth of the server's work per
    click). What the rest of the page shows changes only with the stage, so a change of
    stage reruns the whole page; the address, the leave-page prompt, messages and focus are
    kept in step here too, since the app's own calls to them do not run on such a rerun."""
    if state().stage != "interview" or page_memory.retire_notice():
        st.rerun(scope="app")
    flashes.show()
    page_memory.sync()
    try:
        _question()
    except Exception as exc:  # noqa: BLE001 - the error boundary of a rerun of the question alone
        errors.friendly(__name__, exc)
    focus.on_new_screen(f"guide/interview/{state().cursor}")


def _question() -> None:
    c, s, lg = content(), state(), lang()
    screen = question_screen(c, s)
    q = screen.question
    if q is None:  # nothing left to ask: go to the review screen
        commit(to_stage(s, "review"))
        st.rerun(scope="app")
    n, total = screen.position, screen.total
    st.progress(n / max(total, 1), text=t("interview.progress", n=n, total=total))
    dropped_notice()
    st.header(q.text.get(lg), anchor=False)
    st.caption(t("interview.why", why=q.why.get(lg)))
    if q.help:
        st.markdown(q.help.get(lg))
    keys, current, answered = _keys(q), s.answers.get(q.id), q.id in s.answers
    carried, value = take_pending(q.id)
    if carried:
        current, answered = value, True
    widget = {
        "multi": _multi_widget,
        "date": _date_widget,
        "country": _country_widget,
        "postcode": _postcode_widget,
    }.get(q.kind, _choice_widget)
    widget(q, lg, keys, current, answered)
    all_answered = screen.complete
    with st.container(horizontal=True, key="nav"):
        st.button(t("nav.back"), key="back", on_click=_back, icon=":material/arrow_back:")
        st.button(
            t("nav.next"), key="next", type="primary", on_click=_next, args=(q.id,), icon=":material/arrow_forward:"
        )
        if all_answered:
            st.button(
                t("nav.save_to_review"), key="to_review", on_click=_next, args=(q.id, True), icon=":material/checklist:"
            )
    _glossary(q, lg)  # after Next: on a phone the answers and Next come first
