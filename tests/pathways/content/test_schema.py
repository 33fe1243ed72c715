"""The published content JSON Schema: in step with the models, and one an editor can trust
(every real file passes it, a misspelt field or a missing language fails it)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from pathways.checks.loader import load_content_from
from pathways.content import schema
from pathways.content.store import ContentInvalid

DATA = Path(__file__).resolve().parents[3] / "data"


def _plain(value: Any) -> Any:
    """YAML as an editor's language server sees it: dates are strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _published(name: str) -> Draft202012Validator:
    text = (schema.folder() / f"{name}.schema.json").read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(text))


def _kind(relative: str) -> str:
    model = schema.model_for(relative)
    return next(name for name, _, m in schema.FILES if m is model)


def test_published_schema_is_generated_from_the_models() -> None:
    assert schema.stale() == [], "run `make docs` to publish the schema again"


def test_a_changed_model_is_seen_as_stale(tmp_path: Path) -> None:
    schema.write(tmp_path)
    route = schema.folder(tmp_path) / "route.schema.json"
    route.write_text(route.read_text(encoding="utf-8").replace('"title"', '"titel"', 1), encoding="utf-8")
    (schema.folder(tmp_path) / "old.schema.json").write_text("{}", encoding="utf-8")
    assert schema.stale(tmp_path) == ["old.schema.json", "route.schema.json"]


def test_every_content_file_has_a_schema_and_passes_it() -> None:
    files = sorted(DATA.rglob("*.yaml"))
    assert len(files) > 100
    for path in files:
        relative = path.relative_to(DATA).as_posix()
        assert schema.model_for(relative) is not None, f"{relative}: no schema for this file"
        doc = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = [e.message for e in _published(_kind(relative)).iter_errors(doc)]
        assert not errors, f"{relative}: {errors[:3]}"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.update(titel=d["title"]), "a misspelt field"),
        (lambda d: d["summary"].pop("de"), "a language left out"),
        (lambda d: d.update(kind="court"), "a kind that does not exist"),
        (lambda d: d["eligible"].update(everything=True), "a condition that is not one"),
    ],
)
def test_the_route_schema_catches_what_an_editor_should_flag(change, why: str) -> None:
    doc = _plain(yaml.safe_load((DATA / "routes" / "labour_tribunal.yaml").read_text(encoding="utf-8")))
    assert not list(_published("route").iter_errors(doc))
    broken = copy.deepcopy(doc)
    change(broken)
    assert list(_published("route").iter_errors(broken)), f"{why} passed the schema"


def test_content_written_for_another_schema_version_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    index = data / "index.yaml"
    index.write_text(index.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 2"), "utf-8")
    with pytest.raises(ContentInvalid) as exc:
        load_content_from(data)
    assert any("schema version 2" in str(e) and "docs/content.md" in str(e) for e in exc.value.errors)
