"""Reading case facts from a file a person or another system wrote.

Accepts a YAML or JSON file holding a `facts:` mapping (a scenario file or a saved-case
file). Input is untrusted: it is parsed safely, size-limited, and every fact name and
value is checked against the vocabulary, with a message that says what is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pathways.content.store import Content
from pathways.content.yaml_source import ContentError, parse_yaml_text
from pathways.engine.facts import FactError, check_facts

MAX_BYTES = 2 * 1024 * 1024


class CaseInputError(ValueError):
    """A case file that cannot be used; the message says why."""


def parse_case_text(text: str, name: str = "<input>") -> dict[str, Any]:
    """Parse YAML or JSON (JSON is YAML) into a mapping."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise CaseInputError(f"{name}: file is larger than 2 MB")
    try:
        data = json.loads(text)
    except ValueError:
        try:
            data = parse_yaml_text(text, name).data
        except ContentError as exc:
            raise CaseInputError(str(exc)) from exc
    if not isinstance(data, dict):
        raise CaseInputError(f"{name}: expected a mapping with a 'facts' key")
    return data


def validate_facts(content: Content, raw: Any, lang: str = "en") -> dict[str, Any]:
    """Check facts against the vocabulary; return them normalised (absent = unknown).

    One reader for every input: the engine's `check_facts` decides, and its message is
    given in the person's language.
    """
    try:
        return check_facts(content, raw)
    except FactError as exc:
        raise CaseInputError(content.text(exc.key, lang, **exc.values)) from exc


def read_facts_file(content: Content, path: Path) -> dict[str, Any]:
    """Facts from a scenario or saved-case file on disk."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseInputError(f"{path}: cannot read ({exc.strerror})") from exc
    if len(raw) > MAX_BYTES:
        raise CaseInputError(f"{path}: file is larger than 2 MB")
    data = parse_case_text(raw.decode("utf-8", "replace"), str(path))
    if "facts" not in data:
        raise CaseInputError(f"{path}: no 'facts' mapping found")
    return validate_facts(content, data["facts"])
