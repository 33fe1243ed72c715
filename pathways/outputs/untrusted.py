"""The first steps of reading any file a person gives us: bounded, UTF-8, unambiguous JSON.

Shared by the saved-case reader (the app's upload, `case_file.load_case`) and the facts
reader of the command line (`case_input`), so the same file gets the same answer on both
sides: at most 2 MB read (never the whole stream first), UTF-8 with or without a
byte-order mark, any other encoding named and refused, and a JSON object whose keys repeat
refused (which of two values was meant cannot be known).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MAX_BYTES = 2 * 1024 * 1024

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


class UntrustedInputError(ValueError):
    """Why a file cannot be read: `reason` is one of too_large, encoding, not_utf8, duplicate_key, nested."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


def read_bounded(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a file (`/dev/zero` is a file too). OSError passes through."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise UntrustedInputError("too_large")
    return raw


def decode(raw: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark; UTF-16/32 and other bytes are refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise UntrustedInputError("encoding", encoding)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UntrustedInputError("not_utf8", str(exc.start)) from exc


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise UntrustedInputError("duplicate_key", key[:60])
        out[key] = value
    return out


def loads_json(text: str) -> Any:
    """JSON with repeated keys refused; ValueError for text that is not JSON at all."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except RecursionError as exc:
        raise UntrustedInputError("nested") from exc
