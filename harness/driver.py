"""Drive the app in AppTest like a person would: read the question on screen, set its
widgets, click the buttons. Widget keys are `q.<question id>[.<part>].<revision>`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from pathways.content.model import Question
from pathways.content.store import Content
from pathways.engine.interview import InterviewState

APP = Path(__file__).resolve().parents[1] / "app.py"
UNKNOWN = "__unknown__"


def new_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    return at


def state(at: AppTest) -> InterviewState:
    return at.session_state["interview"]


def _widgets(elements: Any, prefix: str) -> list[Any]:
    return [w for w in elements if w.key and w.key.startswith(prefix)]


def set_answer(at: AppTest, q: Question, value: Any) -> None:
    """Put `value` (the engine's form of an answer) into the widgets of question `q`."""
    if q.kind == "multi":
        boxes = {w.key.split(".")[3]: w for w in _widgets(at.checkbox, f"q.{q.id}.opt.")}
        for opt_id, box in boxes.items():
            box.set_value(isinstance(value, list) and opt_id in value)
        unknown = _widgets(at.checkbox, f"q.{q.id}.{UNKNOWN}.")
        if unknown:
            unknown[0].set_value(value is None)
        return
    if q.kind == "date":
        unknown = _widgets(at.checkbox, f"q.{q.id}.{UNKNOWN}.")
        if unknown:
            unknown[0].set_value(value is None)
        if value is not None:
            _widgets(at.date_input, f"q.{q.id}.")[0].set_value(dt.date.fromisoformat(value))
        return
    if q.kind in ("country", "postcode"):
        unknown = _widgets(at.checkbox, f"q.{q.id}.{UNKNOWN}.")
        if unknown:
            unknown[0].set_value(value is None)
        if value is not None:
            widgets = at.selectbox if q.kind == "country" else at.text_input
            _widgets(widgets, f"q.{q.id}.")[0].set_value(value)
        return
    radio = _widgets(at.radio, f"q.{q.id}.")[0]
    if value is None:
        radio.set_value(UNKNOWN)
    elif q.kind == "yesno":
        radio.set_value("yes" if value else "no")
    else:
        radio.set_value(value)


def begin(at: AppTest, content: Content, role: str = "victim") -> None:
    set_answer(at, content.question("role"), role)
    at.button(key="begin").click().run()


def first_choice(q: Question) -> Any:
    if q.kind == "multi":
        return [q.options[0].id]
    if q.kind == "yesno":
        return True
    if q.kind == "date":
        return (dt.date.today() - dt.timedelta(days=200)).isoformat()
    if q.kind == "country":
        return "BD"
    if q.kind == "postcode":
        return "9000"
    return q.options[0].id


def answer_all(
    at: AppTest, content: Content, choose: Callable[[Question], Any] = first_choice, limit: int = 40
) -> list[str]:
    """Answer every question on the way to the review screen; return the ids asked."""
    asked: list[str] = []
    while state(at).stage == "interview" and len(asked) < limit:
        qid = state(at).cursor
        q = content.question(qid)
        asked.append(qid)
        set_answer(at, q, choose(q))
        at.button(key="next").click().run()
        assert not at.exception, at.exception
    return asked


def texts(at: AppTest) -> str:
    """Everything written on the page, for "is this text shown" checks."""
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [i.value for i in at.info] + [s.value for s in at.success] + [c.value for c in at.caption]
    parts += [h.value for h in (*at.title, *at.header, *at.subheader)]
    parts += [b.label for b in at.button]
    return "\n".join(str(p) for p in parts)
