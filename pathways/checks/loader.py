"""Loading content for use: read every file, then run every cross-file and graph check.

This is the one door to content for the app, the CLI and the tests: what comes out has
passed every check `python -m pathways check` runs. It is parsed once per process.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pathways.checks.crossrefs import cross_check
from pathways.content.store import DATA_DIR, Content, ContentInvalid, read_content


def load_content_from(data_dir: Path) -> Content:
    """Read and check the content in a folder; raise ContentInvalid listing all errors."""
    content, docs, errors = read_content(data_dir)
    if docs.questions is None:  # read_content raises before this; kept for the type checker
        raise ContentInvalid(errors)
    errors = [*errors, *cross_check(content, docs.questions, docs.entries)]
    if errors:
        raise ContentInvalid(errors)
    return content


@functools.lru_cache(maxsize=4)
def load_content(data_dir: Path = DATA_DIR) -> Content:
    """The content of `data_dir`, parsed and checked once per process."""
    return load_content_from(data_dir)
