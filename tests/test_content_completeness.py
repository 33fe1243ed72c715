"""What loading cannot enforce about the real catalogue: dates in range, the contract's whole
vocabulary present, placeholders that agree between languages, interview paths short enough.

(Every text in four languages, sources, legal bases and contacts are enforced by the models
when content loads; tests/pathways/checks/test_content_errors.py shows each error.)
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from pathways import LANGS
from pathways.checks.graph import MAX_MEDIAN, MAX_PATH_LENGTH, reference_paths
from pathways.checks.loader import load_content
from pathways.content.model import DeadlineLimit
from pathways.content.store import Content
from pathways.engine.facts import check_facts

CONTENT = load_content()
ENTRIES = [*CONTENT.routes, *CONTENT.bodies]
TESTS = Path(__file__).parent

# The fact vocabulary fixed by the contract (../shared/product/case-facts.md), both versions.
CONTRACT_FACTS = {
    "role": {"victim", "adviser", "organisation"},
    "harm_country": {"belgium", "eu", "non_eu"},
    "be_region": {"flanders", "wallonia", "brussels"},
    "lives_in": {"belgium", "eu", "non_eu"},
    "company_link": {"belgian_company", "belgian_parent", "belgian_buyer", "belgian_financier", "none"},
    "public_body_involved": set(),
    "relationship": {"employee", "supply_chain_worker", "community_member", "consumer", "other", "job_applicant", "service_user"},
    "harm_types": {
        "labour_rights", "health_safety", "forced_labour", "child_labour", "discrimination", "environment",
        "land_housing", "privacy", "consumer_safety", "violence", "international_crimes", "corruption", "other",
        "work_accident", "occupational_disease",
    },
    "discrimination_ground": {"gender", "origin", "disability", "age", "religion", "sexual_orientation", "language", "other"},
    "goals": {"compensation", "stop_harm", "sanction", "dialogue", "recognition", "information"},
    "urgency": {"urgent", "ongoing", "past"},
    "harm_date": set(),
    "financiers": {"bio", "credendo", "ifc_miga", "world_bank", "eib", "ebrd", "other_dfi", "finexpo", "enabel", "eu_budget"},
    "income": {"low", "not_low"},
    "field": {"employment", "recruitment", "job_placement_training", "education", "housing", "goods_services",
              "public_service", "social_protection", "other"},
    "public_body_level": {"local", "regional", "federal", "eu"},
    "decision_type": {"permit", "regulation_or_law", "individual_decision", "inaction", "other"},
    "sector": {"garment_textile", "cocoa", "coffee", "palm_oil", "soy", "cattle_leather", "rubber", "wood_paper",
               "other_agriculture_food", "mining_3tg", "mining_other", "energy_infrastructure", "construction",
               "transport_logistics", "telecom_digital", "finance", "chemicals_manufacturing", "retail_services", "other"},
    "country": set(),
    "multinational": set(),
    "criminal_case": {"none", "reported", "judgment"},
    "remedies_exhausted": set(),
    "final_decision_date": set(),
    "decision_date": set(),
    "knowledge_date": set(),
    "employment_end_date": set(),
    "postcode": set(),
}  # fmt: skip


@pytest.mark.parametrize("entry_id", ENTRIES)
def test_review_date_is_real(entry_id: str) -> None:
    """A review date in the future, or before the catalogue existed, would be a typing error."""
    assert dt.date(2024, 1, 1) <= CONTENT.entry(entry_id).last_reviewed <= dt.date.today()


@pytest.mark.parametrize("fact_id", sorted(CONTRACT_FACTS))
def test_contract_vocabulary_is_present(fact_id: str) -> None:
    fact = CONTENT.facts[fact_id]
    assert CONTRACT_FACTS[fact_id] <= set(fact.value_ids()), f"{fact_id}: contract values missing"


def test_ui_placeholders_match_across_languages(content: Content) -> None:
    for key, text in content.ui.items():
        names = [{f[1] for f in string.Formatter().parse(text.get(lang)) if f[1]} for lang in LANGS]
        assert all(n == names[0] for n in names), f"{key}: placeholders differ between languages"


def test_reference_cases_meet_short_interviews(content: Content) -> None:
    """The graded and scenario cases, replayed through the interview, stay short."""
    cases = [
        check_facts(content, yaml.safe_load(p.read_text(encoding="utf-8"))["facts"])
        for folder in ("graded", "scenarios")
        for p in sorted((TESTS / folder).glob("*.yaml"))
    ]
    stats = reference_paths(content, cases)
    assert len(stats.paths) == len(cases) > 100
    assert stats.longest <= MAX_PATH_LENGTH
    assert stats.median <= MAX_MEDIAN


def test_cases_kept_outside_the_interview_limit_really_exceed_it(content: Content) -> None:
    """`tests/graded-outside-interview/` may hold only graded cases the interview cannot reach
    within the limit: a case that fits belongs in `tests/graded/`, where the limit is checked.
    Their grades must still name entries the catalogue has."""
    folder = TESTS / "graded-outside-interview"
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        stats = reference_paths(content, [check_facts(content, data["facts"])])
        assert stats.longest > MAX_PATH_LENGTH, f"{path.name} fits the interview: move it to tests/graded/"
        graded = set(data.get("essential", [])) | set(data.get("relevant", [])) | set(data.get("wrong", []))
        assert graded <= set(content.routes) | set(content.bodies), path.name


def test_every_deadline_cites_its_basis_in_each_language(content: Content) -> None:
    """A deadline's legal basis is shown beside the date in the reader's language: a citation
    written once, in one language, is refused when the content is read."""
    limit = content.routes["labour_tribunal"].deadline.limits[0]  # type: ignore[union-attr]
    assert DeadlineLimit.model_validate(limit.model_dump(by_alias=True)) == limit  # the form read from the files
    plain = limit.model_dump(by_alias=True) | {"basis": "Judicial Code art. 580"}
    with pytest.raises(ValidationError) as refused:
        DeadlineLimit.model_validate(plain)
    assert {error["loc"][0] for error in refused.value.errors()} == {"basis"}
    texts = {lang: limit.basis.get(lang) for lang in LANGS}
    assert len(set(texts.values())) == len(LANGS)  # four languages, four different citations
