"""Strict YAML reading that remembers where every value came from.

Content errors must name the file and line, so we keep the composed node tree next to
the plain data and map a pydantic error location back to a line. Only the safe
constructor is used: no tags, no Python objects, and duplicate keys are an error
(PyYAML silently keeps the last one, which would hide a content mistake).

Each text is parsed once (the data is built from the composed tree). Content files are
parsed with libyaml's C parser when PyYAML has it: pure-Python parsing was most of the
app's start-up time (see docs/performance.md). A file the C parser rejects is parsed
again in pure Python, so error messages stay the same; uploaded case files always use the
pure-Python parser, whose rules the tests pin down.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class ContentError(Exception):
    """One problem in one content file, with the line and what to do about it."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a name, not a list or a mapping", key_node.start_mark
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key]}); keep one and delete the other",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# Dates stay strings: content and facts carry ISO dates as text, validated by the models.
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FastLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CStrictLoader(yaml.CSafeLoader):
        """The same strict rules on libyaml's C parser."""

    _CStrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _CStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers
    _FastLoader = _CStrictLoader


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """Compose once and build the data from that tree (as `get_single_data` does)."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus the node tree it came from."""

    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """Line (1-based) of the deepest node reachable along a pydantic error location."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == str(part)), None)
                if match is None:
                    key = next((k for k, _ in node.value if k.value == str(part)), None)
                    return key.start_mark.line + 1 if key is not None else line
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return line
                node = node.value[part]
            else:
                return line
            line = node.start_mark.line + 1
        return line


class _UntrustedLoader(_StrictLoader):
    """For files a person or another system wrote: no aliases (a few hundred bytes of nested
    aliases can expand to gigabytes), and nesting no deeper than a facts file needs."""

    MAX_DEPTH = 20

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):  # type: ignore[no-untyped-call]
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not accepted in a case file", event.start_mark
            )
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > self.MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested more than {self.MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,  # type: ignore[no-untyped-call]
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _parse_or_explain(text: str, path: Path | str, loader_class: type) -> YamlDocument:
    """Parse with a loader; any problem becomes a ContentError naming the line where known."""
    try:
        root, data = _parse(text, loader_class)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(path, line, f"{exc.problem or exc.context}: fix the YAML syntax") from exc
    except RecursionError as exc:
        raise ContentError(path, None, "nested too deeply") from exc
    except yaml.YAMLError as exc:
        raise ContentError(path, None, f"not valid YAML ({exc})") from exc
    return YamlDocument(Path(path), data, root)


def parse_untrusted_yaml(text: str, path: Path | str = "<input>") -> YamlDocument:
    """Parse YAML a person or another system wrote: strict, no aliases, bounded depth."""
    return _parse_or_explain(text, path, _UntrustedLoader)


def parse_yaml_text(text: str, path: Path | str = "<text>", fast: bool = False) -> YamlDocument:
    """Parse YAML text strictly; raise ContentError naming the line on any problem.

    `fast` uses the C parser when available; on any error the pure-Python parser runs
    again so that the message is the one the pure-Python parser gives.
    """
    if fast and _FastLoader is not None:
        try:
            root, data = _parse(text, _FastLoader)
            return YamlDocument(Path(path), data, root)
        except yaml.YAMLError:
            pass
    return _parse_or_explain(text, path, _StrictLoader)


def read_yaml(path: Path) -> YamlDocument:
    """Read a content file as UTF-8 and parse it strictly."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(path, None, "file is not UTF-8 text; save it as UTF-8") from exc
    return parse_yaml_text(text, path, fast=True)
