"""The summary PDF: a client sheet first (next steps, nearest deadline, whom to call), then the
adviser file; contents per language, structure (tags, language, title, PDF/A, attachment),
sensitive answers, hostile text, page aims on real cases, and the calendar file."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from pathways.checks.loader import load_content_from
from pathways.content.dates import format_date
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, answers_from_facts, walk
from pathways.engine.recommend import recommend
from pathways.outputs.calendar import calendar_ics
from pathways.outputs.case_file import load_case
from pathways.outputs.case_input import state_from_file
from pathways.outputs.sensitive import SENSITIVE_FACTS
from pathways.outputs.summary_pdf import drawable, first_sentence, render_summary, short_title, summary_data

LANGS = ("nl", "fr", "de", "en")
TODAY = dt.date(2026, 11, 29)
FACTS = {"role": "victim", "harm_country": "belgium", "company_link": "belgian_company", "harm_date": "2026-07-14"}
ACT_BY = dt.date(2031, 7, 14)  # 5 years from the harm: the test route's date to act by (see `small`)
PHONE = "+32 2 555 01 23"
ADVISER = {"nl": "Dossier voor de adviseur", "fr": "Dossier pour le conseiller", "de": "Unterlagen für die Beratung"}
ADVISER["en"] = "Adviser file"
SCENARIOS = Path(__file__).parents[2] / "scenarios"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """One route and one support body; the body has a phone number and an address."""
    from tests.conftest import make_data_dir

    data = make_data_dir(tmp_path_factory.mktemp("data"))
    # the route's limit here runs from the harm (dated by FACTS), so the PDF has a date to act by
    route_path = data / "routes" / "test_route.yaml"
    route = yaml.safe_load(route_path.read_text(encoding="utf-8"))
    route["deadline"]["limits"][0].update(start="harm_date", start_fact="harm_date")
    route_path.write_text(yaml.safe_dump(route, allow_unicode=True), encoding="utf-8")
    path = data / "bodies" / "test_body.yaml"
    body = yaml.safe_load(path.read_text(encoding="utf-8"))
    body["contacts"][0].update(phone=PHONE, address="Rue de l'Exemple 1, 1000 Bruxelles")
    path.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    return load_content_from(data)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The small content plus a route open only to undocumented people and one only to people
    with papers: their reasons quote the residence status."""
    from tests.conftest import make_data_dir

    data = make_data_dir(tmp_path_factory.mktemp("papers"))
    route = yaml.safe_load((data / "routes" / "test_route.yaml").read_text(encoding="utf-8"))
    route.pop("deadline")
    for rid, status, title in (
        ("papers_route", "undocumented", "Papers route"),
        ("regular_route", "regular", "Regular"),
    ):
        entry = {
            **route,
            "title": {lang: title for lang in LANGS},
            "eligible": {
                "all": [
                    *route["eligible"]["all"],
                    {"fact": "relationship", "equals": "employee"},
                    {"fact": "harm_types", "contains": "forced_labour"},
                    {"fact": "residence_status", "equals": status},
                ]
            },
        }
        (data / "routes" / f"{rid}.yaml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    return load_content_from(data)


def _state(content: Content, notes: str = "", facts: dict | None = None) -> InterviewState:
    return InterviewState(stage="results", answers=answers_from_facts(content, facts or FACTS), notes=notes)


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _text(pdf: bytes) -> str:
    return " ".join(_pages(pdf))


def _squash(text: str) -> str:
    """Text without any whitespace: a title broken over two lines still matches."""
    return "".join(text.split())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["Uw volgende stappen", "De beste volgende stappen", "Testweg", "Waar de schade gebeurde: in België"]),
        (
            "fr",
            [
                "Vos prochaines étapes",
                "Les meilleures prochaines étapes",
                "Voie de test",
                "Lieu du dommage : en Belgique",
            ],
        ),
        (
            "de",
            [
                "Ihre nächsten Schritte",
                "Die besten nächsten Schritte",
                "Testweg",
                "Wo der Schaden entstand: in Belgien",
            ],
        ),
        ("en", ["Your next steps", "The best next steps", "Test route", "Where the harm happened: in Belgium"]),
    ],
)
def test_contents_in_each_language(small: Content, lang: str, words: list[str]) -> None:
    text = _text(render_summary(small, _state(small), lang, today=TODAY))
    for word in words:
        assert word in text
    assert format_date(ACT_BY, lang) in text
    assert ACT_BY.isoformat() not in text  # dates as people write them, never ISO


@pytest.mark.parametrize("lang", LANGS)
def test_first_page_names_the_first_step_a_date_and_a_phone(small: Content, lang: str) -> None:
    result = recommend(small, walk(small, _state(small).answers).facts, lang, TODAY)
    pages = _pages(render_summary(small, _state(small), lang, today=TODAY))
    first_page = pages[0]
    assert _squash(result.tier("first")[0].entry.title.get(lang)) in _squash(first_page)
    assert format_date(ACT_BY, lang) in first_page
    assert PHONE in first_page
    assert ADVISER[lang] not in first_page  # the adviser file starts on a page of its own
    assert any(ADVISER[lang] in page for page in pages[1:3])


def test_a_date_that_may_have_passed_is_said_not_hidden(tmp_path: Path) -> None:
    from tests.conftest import make_data_dir

    data = make_data_dir(tmp_path)
    path = data / "routes" / "test_route.yaml"
    route = yaml.safe_load(path.read_text(encoding="utf-8"))
    route["deadline"]["limits"][0].update(period={"years": 1}, start="harm_date", start_fact="harm_date")
    path.write_text(yaml.safe_dump(route, allow_unicode=True), encoding="utf-8")
    content = load_content_from(data)
    state = _state(content, facts={**FACTS, "harm_date": "2020-03-02"})

    first_page = _pages(render_summary(content, state, "en", today=TODAY))[0]
    assert "Some time limits may already have passed" in first_page
    assert f"Last day: {format_date(dt.date(2021, 3, 2), 'en')} (may have passed" in first_page
    assert format_date(dt.date(2040, 3, 2), "en") not in first_page  # the long stop does not hide it


def test_french_puts_a_narrow_space_before_colons(small: Content) -> None:
    raw = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_summary(small, _state(small), "fr"))).pages)
    assert "Cette semaine\u202f:" in raw and "Référence\u202f:" in raw


def test_structure_pdfa_pdfua_language_title_and_attachment(small: Content) -> None:
    pdf = render_summary(small, _state(small), "fr")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root and "/Outlines" in root
    assert reader.metadata.title == small.index.title.fr
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp and ("pdfuaid:part" in xmp)
    case = json.loads(reader.attachments["case.json"][0])
    assert case["answers"] == _state(small).answers


def test_uploading_the_pdf_restores_the_case(small: Content) -> None:
    state = _state(small)
    restored, dropped = load_case(small, render_summary(small, state, "de"))
    assert restored.answers == state.answers and dropped == []


def test_notes_only_when_asked(small: Content) -> None:
    state = _state(small, notes="Confidential note about Ms Example")
    assert "Confidential note" not in _text(render_summary(small, state, "en"))
    assert "Confidential note" in _text(render_summary(small, state, "en", include_notes=True))


PAPERS_FACTS = {
    **FACTS,
    "relationship": "employee",
    "harm_types": ["forced_labour"],
    "residence_status": "undocumented",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sensitive_answers_left_out_unless_chosen(papers: Content, lang: str) -> None:
    state = _state(papers, facts=PAPERS_FACTS)
    assert "residence_status" in walk(papers, state.answers).relevant
    label = papers.facts["residence_status"].label.get(lang)
    answer = papers.value_label("residence_status", "undocumented", lang)
    required = papers.value_label("residence_status", "regular", lang)

    text = _text(render_summary(papers, state, lang, today=TODAY))
    assert "Papers route" in text  # the advice still uses the answer
    assert answer not in text  # neither among the answers nor in a route's reasons
    assert required not in text  # nor in why another route was left out
    assert text.count(label) == 1  # only where the PDF says which answers it left out

    chosen = _text(render_summary(papers, state, lang, today=TODAY, include_sensitive=True))
    colon = " :" if lang == "fr" else ":"
    assert f"{label}{colon} {answer}" in chosen


def test_sensitive_facts_are_known_facts(content: Content) -> None:
    assert set(SENSITIVE_FACTS) <= set(content.facts)


def test_undrawable_characters_are_replaced_and_announced(small: Content) -> None:
    state = _state(small, notes="名字 😀 \x07 Ελληνικά Кирилл مرحبا")
    text = _text(render_summary(small, state, "en", include_notes=True))
    assert "Ελληνικά" in text and "Кирилл" in text
    assert "cannot be shown in this PDF" in text
    assert drawable("abc") == ("abc", False)
    assert drawable("名")[1] is True


def test_markup_in_notes_is_shown_verbatim(small: Content) -> None:
    evil = '#pdf.attach("x") ] #set page(paper: "a0") = Heading $x^2$ <label> @ref'
    text = _text(render_summary(small, _state(small, notes=evil), "en", include_notes=True))
    assert "#set page" in text


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(notes=st.text(max_size=100_000))
def test_any_unicode_notes_give_a_pdf(small: Content, notes: str) -> None:
    pdf = render_summary(small, _state(small, notes=notes), "nl", include_notes=True)
    assert pdf.startswith(b"%PDF")


# Cases like the ones walked with advisers: an undocumented worker, trafficking on a farm, a
# garment factory abroad, a worker whose contract ended (a dated deadline).
REAL_CASES = [
    "support_brussels_undocumented_cleaner",
    "admin_fruit_farm_trafficking_limburg",
    "ngo_garment_bangladesh_belgian_retailer",
    "courts_overtime_contract_ended",
]


@pytest.mark.parametrize("case", REAL_CASES)
@pytest.mark.parametrize("lang", LANGS)
def test_real_cases_client_sheet_and_page_aims(content: Content, case: str, lang: str) -> None:
    state = state_from_file(content, SCENARIOS / f"{case}.yaml")
    result = recommend(content, walk(content, state.answers).facts, lang, TODAY)
    pages = _pages(render_summary(content, state, lang, today=TODAY))
    first_page = _squash(pages[0])

    client_pages = next(i for i, page in enumerate(pages) if ADVISER[lang] in page)
    assert client_pages <= 2, "client sheet longer than two pages"
    assert len(pages) <= 12, f"{len(pages)} pages"

    steps = [_squash(r.entry.title.get(lang)) for r in result.tier("first")]
    sheet = _squash(" ".join(pages[:client_pages]))
    assert steps[0] in first_page
    assert [sheet.index(s) for s in steps] == sorted(sheet.index(s) for s in steps)  # the screen's order

    shortlist = [*result.tier("first"), *result.tier("also")]
    # each route's date to act by (its earliest dated limit), when it is still ahead
    ahead = [r.deadline.date for r in shortlist if r.deadline and r.deadline.date and r.deadline.date >= TODAY]
    if ahead:
        assert _squash(format_date(min(ahead), lang)) in first_page
        assert min(ahead).isoformat() not in " ".join(pages)
    phones = {c.phone for r in result.recommendations for c in r.entry.contacts if c.phone}
    if phones:
        assert any(_squash(p) in first_page for p in phones), "no phone number on the first page"


def test_calendar_file_parses_with_one_event_per_dated_deadline(small: Content) -> None:
    cal = Calendar.from_ical(calendar_ics(small, _state(small), "en", today=TODAY))
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    assert events[0]["SUMMARY"] == "Deadline: Test route"
    assert events[0].decoded("DTSTART") == ACT_BY
    triggers = sorted(alarm.decoded("TRIGGER") for alarm in events[0].walk("VALARM"))
    assert triggers == [-dt.timedelta(days=7), -dt.timedelta(days=1)]  # a week and a day before


def test_calendar_leaves_out_deadlines_already_passed(small: Content) -> None:
    later = ACT_BY + dt.timedelta(days=1)
    assert list(Calendar.from_ical(calendar_ics(small, _state(small), "en", today=later)).walk("VEVENT")) == []


def test_command_line_and_app_produce_the_same_pdf(small: Content, tmp_path: Path) -> None:
    from pathways.outputs.summary_pdf import render_summary_file

    facts_file = tmp_path / "case.yaml"
    facts_file.write_text(json.dumps({"facts": FACTS}))
    out = tmp_path / "out.pdf"
    render_summary_file(small, facts_file, "en", out)
    assert out.read_bytes() == render_summary(small, _state(small), "en")


def test_whom_to_call_prefers_an_office_in_the_reader_s_language(content: Content) -> None:
    """In Brussels both bars' legal-aid bureaus are named on the legal-aid card while the person's
    language is not known; a French reader is sent to the French-speaking one, a Dutch reader to
    the other, and a reader in English to one of them (neither is refused to them)."""
    facts = {
        "role": "victim",
        "harm_country": "belgium",
        "lives_in": "belgium",
        "be_region": "brussels",
        "relationship": "service_user",
        "public_body_involved": True,
        "public_body_level": ["federal"],
        "decision_type": "inaction",
        "field": "social_protection",
        "harm_types": ["land_housing"],
        "goals": ["stop_harm"],
        "urgency": "urgent",
        "income": "low",
    }
    state = InterviewState(answers=answers_from_facts(content, facts))
    bureaus = {"fr": content.bodies["baj_brussels_fr"], "nl": content.bodies["bjb_brussels_nl"]}
    for lang in ("fr", "nl", "en"):
        data, result = summary_data(content, state, lang, include_notes=False, today=TODAY)
        assert {"baj_brussels_fr", "bjb_brussels_nl"} <= {o for r in result.recommendations for o in r.offices}
        named = [c["name"] for c in data["client"]["contacts"]]
        offered = {lg: {c.name.get(lang) for c in b.contacts} for lg, b in bureaus.items()}
        if lang == "en":
            assert (offered["fr"] | offered["nl"]) & set(named), named
        else:
            other = "nl" if lang == "fr" else "fr"
            assert named[0] in offered[lang], named
            assert not offered[other] & set(named), named


# a tenant refused a flat for her origin, urgent, low income; the place is added per test
LOW_INCOME_TENANT = {
    "role": "victim",
    "harm_country": "belgium",
    "lives_in": "belgium",
    "relationship": "service_user",
    "harm_types": ["discrimination", "land_housing"],
    "discrimination_ground": ["origin"],
    "field": "housing",
    "goals": ["stop_harm", "compensation"],
    "urgency": "urgent",
    "income": "low",
}


def test_an_office_listed_in_a_routes_place_carries_what_the_route_says(content: Content) -> None:
    """In Antwerp the bar's bureau is listed instead of second-line legal aid in general: the
    adviser file still gives the aid's income limits and cost, under the bureau, and the route
    is not written out a second time."""
    facts = {**LOW_INCOME_TENANT, "be_region": "flanders", "postcode": "2060"}
    state = InterviewState(answers=answers_from_facts(content, facts))
    data, result = summary_data(content, state, "en", include_notes=False, today=TODAY)
    assert "second_line_legal_aid" not in {r.id for r in result.recommendations}
    adviser = data["adviser"]
    entries = {e["title"]: e for e in [*adviser["first"], *adviser["also"], *adviser["help"]]}
    bureau = entries[content.bodies["bjb_antwerp"].title.en]
    route = content.routes["second_line_legal_aid"]
    assert bureau["door_to"]["title"] == route.title.en
    assert bureau["door_to"]["who"] == route.who_can_use.en and "1,612" in bureau["door_to"]["who"]
    assert route.title.en not in entries
    # among the best next steps, an office listed in a route's place brings the route's obstacles
    office = next(e for e in adviser["first"] if e.get("door_to"))
    behind = next(r for r in content.routes.values() if r.title.en == office["door_to"]["title"])
    route_obstacles = {content.obstacles[o].title.en for o in behind.obstacles if isinstance(o, str)}
    assert route_obstacles and route_obstacles <= {o["title"] for o in adviser["obstacles"]}


def test_a_route_given_by_two_offices_lists_both_offices_contacts(content: Content) -> None:
    """In Brussels second-line legal aid is listed once, and the adviser file gives both bars'
    contacts with their language under it (the bars are not listed on their own); the PDF
    renders."""
    facts = {**LOW_INCOME_TENANT, "be_region": "brussels", "postcode": "1030"}
    state = InterviewState(answers=answers_from_facts(content, facts))
    data, result = summary_data(content, state, "en", include_notes=False, today=TODAY)
    route = next(r for r in result.recommendations if r.id == "second_line_legal_aid")
    assert set(route.offices) == {"bjb_brussels_nl", "baj_brussels_fr"}
    adviser = data["adviser"]
    entries = {e["title"]: e for e in [*adviser["first"], *adviser["also"], *adviser["help"]]}
    card = entries[content.routes["second_line_legal_aid"].title.en]
    named = {c["name"]: c for c in card.get("offices") or card["contacts"]}
    for office in route.offices:
        body = content.bodies[office]
        assert body.contacts[0].name.en in named
        assert named[body.contacts[0].name.en]["languages"] == ("Dutch" if office.startswith("bjb") else "French")
        assert body.title.en not in entries
    pdf = _text(render_summary(content, state, "en", today=TODAY))
    assert all(_squash(content.bodies[o].contacts[0].name.en) in _squash(pdf) for o in route.offices)


@pytest.mark.parametrize(
    ("note", "first"),
    [
        ("Die Klage kostet z. B. Geld. Zweiter Satz.", "Die Klage kostet z. B. Geld."),
        ("See art. 46 of the Act. Then more.", "See art. 46 of the Act."),
        ("Rail, post (art. 3). Ombuds Brussels covers the rest.", "Rail, post (art. 3)."),
        ("Un recours. École suit.", "Un recours."),
        ("One sentence only.", "One sentence only."),
    ],
)
def test_a_left_out_entry_is_explained_by_its_note_s_first_sentence(note: str, first: str) -> None:
    assert first_sentence(note) == first


def test_the_summary_lists_a_left_out_entry_with_one_sentence_not_its_whole_note(content: Content) -> None:
    """The undocumented cleaner's summary names the whistleblower channel as not made for her
    case with what it is for, not with its sentences on intimate images or refused applicants."""
    state = state_from_file(content, SCENARIOS / "support_brussels_undocumented_cleaner.yaml")
    text = " ".join(_pages(render_summary(content, state, "en", today=TODAY)))
    squashed = _squash(text)
    note = content.routes["whistleblower_channel"].not_suited_note
    assert note is not None
    assert _squash(first_sentence(note.get("en"))) in squashed
    assert _squash(note.get("en")) not in squashed


def test_a_detained_person_s_summary_says_where_an_order_to_leave_goes(content: Content) -> None:
    """The Council of State is not made for an undocumented worker's order to leave: the summary's
    list of what was left out says so with where it goes instead and the days to act, which the
    note's first sentence alone does not; printed without sensitive answers it does not say it
    (it would tell a reader the residence status)."""
    state = state_from_file(content, SCENARIOS / "undocumented_worker_detained_no_council_of_state.yaml")
    shown = _squash(" ".join(_pages(render_summary(content, state, "en", today=TODAY, include_sensitive=True))))
    assert _squash("Council for Alien Law Litigation") in shown and _squash("only 10 days") in shown
    hidden = _squash(" ".join(_pages(render_summary(content, state, "en", today=TODAY))))
    assert _squash("Council for Alien Law Litigation") not in hidden


def test_the_other_unions_left_out_for_a_member_are_not_listed_unless_chosen(content: Content) -> None:
    """A member of ACV-CSC: the two other unions are left out because of the membership, and
    naming them beside ACV-CSC would tell a reader the membership the summary promises not to
    print (GDPR art. 9). They are listed only when sensitive answers are included."""
    state = state_from_file(content, SCENARIOS / "union_member_own_union_first.yaml")
    others = [short_title(content.bodies[b].title.get("en")) for b in ("abvv_fgtb", "aclvb_cgslb")]
    hidden = _squash(" ".join(_pages(render_summary(content, state, "en", today=TODAY))))
    shown = _squash(" ".join(_pages(render_summary(content, state, "en", today=TODAY, include_sensitive=True))))
    assert _squash(short_title(content.bodies["acv_csc"].title.get("en"))) in hidden
    assert all(_squash(o) not in hidden for o in others)
    assert all(_squash(o) in shown for o in others)
