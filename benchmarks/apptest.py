"""App rows of `make bench`: one rerun of the whole app after a click, in Streamlit's AppTest.

AppTest runs the script in-process, without a server or a browser: this is the cost of
our own code plus Streamlit's element building, nothing else. The same clicks on the real
server (with its websocket and the messages it sends) are measured in `live`.
"""

from __future__ import annotations

import time

from benchmarks.engine import TYPICAL
from benchmarks.stats import Row, summary
from components.session import content
from harness import driver
from pathways.engine.interview import InterviewState, answers_from_facts


def _timed(at, repeat: int, act) -> tuple[float, float]:
    """Median and p95 of `repeat` reruns, each after `act(i)` set up the click (plus a warm-up)."""
    times = []
    for i in range(repeat + 1):
        act(i)
        started = time.perf_counter()
        at.run()
        if i:  # the first is a warm-up
            times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return summary(times)


def rows(repeat: int = 30) -> list[Row]:
    c = content()
    roles = [o.id for o in c.question("role").options]

    at = driver.new_app()  # first screen: choosing a role reruns the app and stays there
    first = _timed(at, repeat, lambda i: driver.set_answer(at, c.question("role"), roles[i % len(roles)]))

    at = driver.new_app()  # one question: "Next" answers it, "Back" returns (only "Next" is timed)
    driver.begin(at, c)
    qid = driver.state(at).cursor

    def next_then_back(i: int) -> None:
        if driver.state(at).cursor != qid:
            at.button(key="back").click().run()
        driver.set_answer(at, c.question(qid), driver.first_choice(c.question(qid)))
        at.button(key="next").click()

    step = _timed(at, repeat, next_then_back)

    at = driver.new_app()  # results of a typical case: choosing the PDF language reruns the whole screen
    at.session_state["interview"] = InterviewState(stage="results", answers=answers_from_facts(c, TYPICAL))
    at.run()
    langs = ["fr", "nl", "de", "en"]
    results = _timed(at, max(10, repeat // 3), lambda i: at.selectbox(key="pdf_lang").set_value(langs[i % 4]))

    at = driver.new_app()  # adviser tools: every route and body as a card (the heaviest screen)
    at.sidebar.radio(key="section").set_value("tools").run()
    tools = _timed(at, max(10, repeat // 3), lambda i: at.sidebar.radio(key="section").set_value("tools"))
    n = len(c.routes) + len(c.bodies)
    return [
        ("app rerun (AppTest), first screen: choose a role", *first, "ms"),
        ("app rerun (AppTest), interview: Next to the next question", *step, "ms"),
        ("app rerun (AppTest), results screen (typical case): PDF language", *results, "ms"),
        (f"app rerun (AppTest), adviser tools: catalogue of all {n} entries", *tools, "ms"),
    ]
