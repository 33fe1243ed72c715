"""Fixtures for the AppTest suites: the content the app itself loads."""

from __future__ import annotations

import pytest

from components.session import content as app_content
from pathways.content.store import Content


@pytest.fixture(scope="session")
def content() -> Content:
    """The content the app sees (REMEDY_DATA_DIR, if set, points both at another folder)."""
    return app_content()
