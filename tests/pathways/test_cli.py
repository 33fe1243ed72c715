"""The command line as in the contract: check, recommend (JSON and text, four languages), catalogue."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pathways import LANGS
from pathways.cli import main

ROOT = Path(__file__).resolve().parents[2]
EIB = ROOT / "tests" / "scenarios" / "dfi_eib_peru_dam.yaml"  # same case as ../shared/scenarios/eib-dam-peru.yaml
FACTS = ROOT / "tests" / "fixtures" / "facts_telecom.yaml"


def test_check_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    for label in (
        "questions",
        "routes",
        "support bodies",
        "glossary terms",
        "languages",
        "median path",
        "longest path",
    ):
        assert label in out


@pytest.mark.parametrize("lang", LANGS)
def test_recommend_json_in_each_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--facts", str(FACTS), "--lang", lang, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["recommendations"] and data["content_version"]
    dpa = next(r for r in data["recommendations"] if r["id"] == "data_protection_authority")
    assert dpa["title"] and dpa["why"] and dpa["tier"] == "first"
    assert dpa["kind"] == "non_judicial"


def test_titles_differ_by_language(capsys: pytest.CaptureFixture[str]) -> None:
    titles = {}
    for lang in ("en", "fr"):
        main(["recommend", "--facts", str(FACTS), "--lang", lang, "--format", "json"])
        titles[lang] = [r["title"] for r in json.loads(capsys.readouterr().out)["recommendations"]]
    assert titles["en"] != titles["fr"]


def test_recommend_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--facts", str(FACTS), "--format", "text"]) == 0
    assert " 1. " in capsys.readouterr().out


def test_recommend_bad_file_exits_2_when_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts: {harm_country: mars}\n")
    assert main(["recommend", "--facts", str(bad), "--strict"]) == 2
    assert "cannot be 'mars'" in capsys.readouterr().err


def test_recommend_leaves_a_fact_it_cannot_use_unknown_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text("facts: {harm_country: mars, harm_place: x, role: victim, harm_types: [privacy]}\n")
    assert main(["recommend", "--facts", str(odd), "--format", "json"]) == 0
    out = capsys.readouterr()
    assert "cannot be 'mars'" in out.err and "harm_place" in out.err and "left unknown" in out.err
    assert json.loads(out.out)["recommendations"]  # the usable facts still give advice


def test_a_file_that_is_not_a_case_still_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("just text\n")
    assert main(["recommend", "--facts", str(bad)]) == 2


def test_catalogue_json_lists_every_entry_in_four_languages(capsys: pytest.CaptureFixture[str]) -> None:
    from pathways.checks.loader import load_content

    content = load_content()
    assert main(["catalogue", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = {e["id"] for e in data["entries"]}
    assert ids == set(content.routes) | set(content.bodies)
    entry = data["entries"][0]
    assert set(entry["title"]) == set(LANGS)
    assert entry["legal_basis"] and entry["sources"] and entry["last_reviewed"]


def test_module_entry_point_with_a_scenario_file() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pathways", "recommend", "--facts", str(EIB), "--format", "json", "--lang", "de"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    data = json.loads(out.stdout)
    ids = [r["id"] for r in data["recommendations"]]
    assert "eib_complaints_mechanism" in ids[:5] and "oecd_ncp" in ids
