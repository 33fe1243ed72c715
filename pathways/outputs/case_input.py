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
from pathways.content.yaml_source import ContentError, parse_untrusted_yaml
from pathways.engine.facts import FactError, check_facts
from pathways.engine.interview import InterviewState, answers_from_facts, facts_of
from pathways.outputs import untrusted
from pathways.outputs.case_file import CaseFileError, case_json_from_pdf, load_case
from pathways.outputs.untrusted import MAX_BYTES, UntrustedInputError


class CaseInputError(ValueError):
    """A case file that cannot be used; the message says why."""


_REASONS = {
    "too_large": "file is larger than 2 MB",
    "encoding": "the file is {detail}; save it as UTF-8 and try again",
    "not_utf8": "the file is not UTF-8 text (byte {detail}); save it as UTF-8 and try again",
    "duplicate_key": "the key {detail!r} appears twice; keep one",
    "nested": "nested too deeply",
}


def _refused(name: str, exc: UntrustedInputError) -> CaseInputError:
    return CaseInputError(f"{name}: " + _REASONS[exc.reason].format(detail=exc.detail))


def decode(raw: bytes, name: str = "<input>") -> str:
    """UTF-8 text, with or without a byte-order mark; any other encoding is named and refused."""
    try:
        return untrusted.decode(raw)
    except UntrustedInputError as exc:
        raise _refused(name, exc) from exc


def parse_case_text(text: str, name: str = "<input>") -> dict[str, Any]:
    """Parse YAML or JSON (JSON is YAML) into a mapping, within the limits of untrusted input."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise CaseInputError(f"{name}: file is larger than 2 MB")
    try:
        data = untrusted.loads_json(text)
    except UntrustedInputError as exc:
        raise _refused(name, exc) from exc
    except ValueError:
        try:
            data = parse_untrusted_yaml(text, name).data
        except ContentError as exc:
            raise CaseInputError(str(exc)) from exc
    if not isinstance(data, dict):
        raise CaseInputError(f"{name}: expected a mapping with a 'facts' key")
    return data


def validate_facts(content: Content, raw: Any, lang: str = "en", warnings: list[str] | None = None) -> dict[str, Any]:
    """Check facts against the vocabulary; return them normalised (absent = unknown).

    One reader for every input: the engine's `check_facts` decides, and its message is
    given in the person's language. With a `warnings` list, a fact that cannot be used is
    left unknown and its message added there, instead of refusing the case.
    """
    problems: list[FactError] | None = [] if warnings is not None else None
    try:
        facts = check_facts(content, raw, problems)
    except FactError as exc:
        raise CaseInputError(content.text(exc.key, lang, **exc.values)) from exc
    if warnings is not None and problems:
        warnings += [content.text(p.key, lang, **p.values) for p in problems]
    return facts


def read_file(path: Path) -> bytes:
    """The bytes of a file, never more than the limit, with a message that names the file."""
    try:
        return untrusted.read_bounded(path)
    except UntrustedInputError as exc:
        raise _refused(str(path), exc) from exc
    except OSError as exc:
        raise CaseInputError(f"{path}: cannot read ({exc.strerror})") from exc


def read_facts_file(
    content: Content, path: Path, lang: str = "en", warnings: list[str] | None = None
) -> dict[str, Any]:
    """Facts from a scenario file, a saved-case file or a summary PDF, on disk.

    A saved-case file holds its facts beside its answers; a file with answers only (as a
    hand-edited one may be) gets the facts its answers give, as the app would.
    """
    raw = read_file(path)
    if raw.startswith(b"%PDF"):
        try:
            raw = case_json_from_pdf(raw)
        except CaseFileError as exc:
            raise CaseInputError(f"{path}: {content.text(exc.key, lang)}") from exc
    data = parse_case_text(decode(raw, str(path)), str(path))
    if "facts" in data:
        return validate_facts(content, data["facts"], lang, warnings)
    if isinstance(data.get("answers"), dict):
        try:
            state, _ = load_case(content, json.dumps(data).encode("utf-8"))
        except CaseFileError as exc:
            raise CaseInputError(f"{path}: {content.text(exc.key, lang)}") from exc
        return validate_facts(content, facts_of(content, state), lang)
    raise CaseInputError(f"{path}: no 'facts' mapping found")


def state_from_file(content: Content, path: Path) -> InterviewState:
    """A case from a saved-case file, a summary PDF, or a facts file (scenario)."""
    raw = read_file(path)  # bounded, like every reader of a file a person gives us
    if raw.startswith(b"%PDF") or b'"remedy-pathways-case"' in raw[:4096]:
        try:
            state, _ = load_case(content, raw)
        except CaseFileError as exc:
            raise CaseInputError(f"{path}: {content.text(exc.key, 'en')}") from exc
        return state
    data = parse_case_text(decode(raw, str(path)), str(path))
    if "facts" not in data:
        raise CaseInputError(f"{path}: no 'facts' mapping found")
    try:
        facts = check_facts(content, data["facts"])
    except FactError as exc:
        key = exc.key if exc.key in content.ui else None
        message = content.text(key, "en", **exc.values) if key else str(exc)
        raise CaseInputError(f"{path}: {message}") from exc
    return InterviewState(stage="results", answers=answers_from_facts(content, facts))
