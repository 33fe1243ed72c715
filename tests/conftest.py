"""Shared fixtures: the real content (loaded once) and small content folders to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pathways.checks.loader import load_content
from pathways.content.store import DATA_DIR, Content

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_FILES = (
    "index.yaml",
    "facts.yaml",
    "questions.yaml",
    "glossary.yaml",
    "obstacles.yaml",
    "ranking.yaml",
    "bars.yaml",
)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


def make_data_dir(target: Path) -> Path:
    """A small valid content folder: the real vocabulary and questions, one route, one body."""
    for name in SHARED_FILES:
        shutil.copy(DATA_DIR / name, target / name)
    shutil.copytree(DATA_DIR / "ui", target / "ui")
    (target / "routes").mkdir()
    (target / "bodies").mkdir()
    shutil.copy(FIXTURES / "valid" / "route_minimal.yaml", target / "routes" / "test_route.yaml")
    shutil.copy(FIXTURES / "valid" / "body_minimal.yaml", target / "bodies" / "test_body.yaml")
    return target


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path)
