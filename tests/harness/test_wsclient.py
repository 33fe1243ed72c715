"""The load test's client against the real server: a question click reruns only the question
(a fragment) and the rest of the page stays. (That the sidebar's case file, drawn before,
then holds the answer just given is checked in Chromium: tests/browser/test_journey.py,
test_two_sessions_never_see_each_others_answers.)"""

from __future__ import annotations

from harness.server import AppServer, run_coroutine
from harness.wsclient import Session, first_answer


async def _two_questions(url: str) -> tuple[Session, int, int]:
    session = Session(url)
    await session.open()
    await session.click("begin", first_answer(session.screen))
    full = session.screen.messages
    assert session.screen.stage == "interview" and not session.screen.fragment_run
    await session.click("next", first_answer(session.screen))
    return session, full, session.screen.messages


def test_a_question_click_reruns_only_the_question() -> None:
    with AppServer() as server:
        session, full, fragment = run_coroutine(_two_questions(server.ws_url))
    screen = session.screen
    assert screen.fragment_run, "Next on a question should rerun the question's fragment only"
    assert fragment < full / 2, (full, fragment)
    # the page around the question is still there, and the next question is on screen
    assert screen.stage == "interview"
    assert screen.has("download_case_sidebar") and screen.has("lang_en")
    assert screen.fragments["next"] and "download_case_sidebar" not in screen.fragments
