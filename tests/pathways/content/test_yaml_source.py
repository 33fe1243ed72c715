"""Content files are parsed with libyaml's C parser when PyYAML has it (for start-up time,
docs/performance.md). It must give exactly what the strict pure-Python parser gives: the
same data and the same line of every node (error messages name lines)."""

from __future__ import annotations

import pytest
import yaml

from pathways.content import yaml_source
from pathways.content.store import DATA_DIR
from pathways.content.yaml_source import ContentError, parse_yaml_text

FILES = sorted(DATA_DIR.rglob("*.yaml"))


def _shape(node: yaml.Node | None) -> list[tuple]:
    """Every node of a tree with its tag, position and (for scalars) its value."""
    out: list[tuple] = []
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        scalar = n.value if isinstance(n, yaml.ScalarNode) else None
        out.append((type(n).__name__, n.tag, n.start_mark.line, n.start_mark.column, scalar))
        if isinstance(n, yaml.MappingNode):
            stack += [part for pair in n.value for part in pair]
        elif isinstance(n, yaml.SequenceNode):
            stack += n.value
    return out


def _typed(value: object) -> object:
    """The data with each scalar's type, so that True and 1 or "1" and 1 differ."""
    if isinstance(value, dict):
        return {(type(k).__name__, k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


@pytest.mark.skipif(yaml_source._FastLoader is None, reason="PyYAML without libyaml")
def test_fast_parser_gives_the_same_data_and_lines_for_every_content_file() -> None:
    assert FILES
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        fast, slow = parse_yaml_text(text, path, fast=True), parse_yaml_text(text, path)
        assert _typed(fast.data) == _typed(slow.data), path
        assert _shape(fast.root) == _shape(slow.root), path


@pytest.mark.parametrize(
    ("text", "message"),
    [("a: [unclosed\n", "fix the YAML syntax"), ("a: 1\na: 2\n", "duplicate key 'a' (first on line 1)")],
)
def test_fast_parser_errors_read_like_the_pure_python_ones(text: str, message: str) -> None:
    with pytest.raises(ContentError) as fast:
        parse_yaml_text(text, "x.yaml", fast=True)
    with pytest.raises(ContentError) as slow:
        parse_yaml_text(text, "x.yaml")
    assert str(fast.value) == str(slow.value)
    assert message in str(fast.value)
