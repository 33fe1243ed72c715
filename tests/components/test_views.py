"""Each view on its own (AppTest.from_function), with a prepared interview state."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from harness import driver as d
from pathways.checks.maintenance import DueItem
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, walk


def _script(view: str) -> None:
    import importlib

    importlib.import_module(f"components.{view}").render()


def view_app(view: str, s: InterviewState | None = None) -> AppTest:
    at = AppTest.from_function(_script, args=(view,), default_timeout=60)
    if s is not None:
        at.session_state["interview"] = s
    return at.run()


def _answers(content: Content, **override) -> dict:
    """A complete set of answers: the first choice everywhere, unless overridden."""
    answers: dict = {}
    while True:
        qid = walk(content, answers).first_unanswered
        if qid is None:
            return answers
        q = content.question(qid)
        answers[qid] = override.get(qid, d.first_choice(q))


def test_start_asks_the_role_and_refuses_to_start_without_one(content: Content) -> None:
    at = view_app("start", InterviewState(lang="fr"))
    assert content.question("role").text.get("fr") in [h.value for h in at.header]
    at.button(key="begin").click().run()
    assert at.session_state["interview"].stage == "start"
    assert at.session_state["_flash"] == [("error", "error.answer_required", {})]


@pytest.mark.parametrize("kind", ["single", "multi", "yesno", "date"])
def test_interview_draws_each_kind_prefilled_from_the_state(content: Content, kind: str) -> None:
    answers = _answers(content)
    q = next(q for q in content.questions if q.kind == kind and q.id in answers)
    s = InterviewState(stage="interview", answers=answers, cursor=q.id)
    at = view_app("interview", s)
    assert not at.exception
    assert q.text.get("en") in [h.value for h in at.header]
    if kind == "multi":
        ticked = {w.key.split(".")[3] for w in at.checkbox if w.key.startswith(f"q.{q.id}.opt.") and w.value}
        assert ticked == set(answers[q.id])
    elif kind == "date":
        assert at.date_input[0].value == dt.date.fromisoformat(answers[q.id])
    elif kind == "yesno":
        assert at.radio[0].value == ("yes" if answers[q.id] else "no")
    else:
        assert at.radio[0].value == answers[q.id]
    at.button(key="next").click().run()  # confirming the shown answer changes nothing
    assert at.session_state["interview"].answers == answers


def test_interview_shows_why_we_ask_progress_and_glossary(content: Content) -> None:
    q = next(q for q in content.questions if q.glossary)
    answers = {
        k: v
        for k, v in _answers(content).items()
        if content.questions.index(content.question(k)) < content.questions.index(q)
    }
    at = view_app("interview", InterviewState(stage="interview", answers=answers, cursor=q.id, lang="de"))
    captions = [c.value for c in at.caption]
    assert content.text("interview.why", "de", why=q.why.get("de")) in captions
    assert at.get("progress")
    term = content.glossary[q.glossary[0]]
    assert any(term.definition.get("de") in m.value for m in at.markdown)


def test_review_lists_every_answer_with_a_change_button(content: Content) -> None:
    answers = _answers(content)
    at = view_app("review", InterviewState(stage="review", answers=answers))
    keys = {b.key for b in at.button}
    assert {f"change_{qid}" for qid in answers} <= keys
    at.button(key="change_goals").click().run()
    s = at.session_state["interview"]
    assert s.stage == "interview" and s.cursor == "goals" and s.answers == answers


def test_results_are_grouped_explained_and_mapped(content: Content) -> None:
    harm = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    answers = _answers(content, harm_country="belgium", relationship="employee", harm_date=harm)
    at = view_app("results", InterviewState(stage="results", answers=answers, lang="nl"))
    assert not at.exception
    subheaders = [h.value for h in at.subheader]
    assert subheaders[:1] == [content.text("results.first", "nl")]
    assert any(h.startswith(content.text("results.help", "nl")) for h in subheaders)
    assert [e.label.split("\\. ")[0] for e in at.get("expander")[:5]] == ["1", "2", "3", "4", "5"]
    expanders = at.get("expander")
    assert len(expanders) >= 3
    page = d.texts(at)
    for key in ("entry.why", "entry.contacts", "entry.legal_basis", "entry.sources", "entry.first_steps"):
        assert f"**{content.text(key, 'nl')}**" in page
    # the five best next steps are drawn in full; a card below them only once it is opened
    later = expanders[5:]
    assert later, "this case has more than five suggestions"
    why = f"**{content.text('entry.why', 'nl')}**"
    assert d.texts(at).count(why) == 5
    opened = next(eid for eid, e in content.entries() if later[0].label.startswith(e.title.get("nl")))
    at.session_state[f"card_{opened}"] = True
    at.run()
    assert d.texts(at).count(why) == 6
    # only the open tab is drawn: the answer map and what was left out when chosen
    labels = [tab.label for tab in at.tabs]
    assert not at.get("graphviz_chart")
    at.session_state["results_tabs"] = labels[2]
    at.run()
    assert at.get("graphviz_chart")
    at.session_state["results_tabs"] = labels[3]
    at.run()
    page = d.texts(at)
    assert content.text("results.not_suggested_intro", "nl") in page
    assert f"**{content.text('results.excluded.not_eligible', 'nl')}" in page  # left out, grouped by reason


def _card_script(entry_id: str, facts: dict, lang: str) -> None:
    from components import entry_card
    from components.session import content
    from pathways.engine.recommend import recommend

    rec = next(r for r in recommend(content(), facts, lang).recommendations if r.id == entry_id)
    entry_card.card(entry_id, lang, rec, expanded=True)


def test_a_route_given_by_two_offices_names_both_with_their_contacts(content: Content) -> None:
    """In Brussels the French- and Dutch-speaking bars are not listed on their own: the legal-aid
    card says where to go, in which language, and how to reach each bar."""
    facts = {"role": "victim", "harm_country": "belgium", "be_region": "brussels", "lives_in": "belgium",
             "relationship": "employee", "harm_types": ["labour_rights"], "goals": ["compensation"],
             "income": "low", "postcode": "1030"}  # fmt: skip
    at = AppTest.from_function(_card_script, args=("second_line_legal_aid", facts, "fr"), default_timeout=60)
    at.session_state["interview"] = InterviewState(lang="fr")
    at.run()
    assert not at.exception
    page = d.texts(at)
    assert f"**{content.text('entry.offices', 'fr')}**" in page
    for office in ("bjb_brussels_nl", "baj_brussels_fr"):
        body = content.bodies[office]
        assert body.title.fr in page and body.contacts[0].address in page


def test_catalogue_filters_and_compares(content: Content) -> None:
    at = view_app("catalogue", InterviewState())
    total = len(content.routes) + len(content.bodies)
    assert content.text("catalogue.count", "en", n=total, total=total) in d.texts(at)
    at.multiselect(key="f_kind").set_value(["judicial"]).run()
    n = sum(1 for r in content.routes.values() if r.kind == "judicial")
    assert content.text("catalogue.count", "en", n=n, total=total) in d.texts(at)
    two = sorted(content.routes)[:2]
    at.multiselect(key="compare").set_value(two).run()
    assert not at.exception
    page = d.texts(at)
    for rid in two:
        assert content.routes[rid].title.get("en") in page


def test_maintainers_page_shows_counts_graph_and_due_entries(content: Content, monkeypatch) -> None:
    from components import maintainers

    some = next(iter(content.routes))
    monkeypatch.setattr(maintainers, "review_due", lambda c: [DueItem(some, True, "stale", dt.date(2020, 1, 2))])
    at = view_app("maintainers", InterviewState(lang="fr"))
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[content.text("maint.count.routes", "fr")] == str(len(content.routes))
    assert at.get("graphviz_chart")
    assert any(content.routes[some].title.get("fr") in m.value for m in at.markdown)
