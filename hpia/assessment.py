"""An assessment form that has passed validation: its form, data and source.

`data` is the model's dump with the form's Japanese keys and checked
values (choices in their official text, dates as dates, ticks as a mapping
from label to detail). Code reaches items through the catalog's `ref`s, so
no label is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hpia.catalog import labels
from hpia.catalog.nodes import Form
from hpia.locate import Position, locate
from hpia.problems import Level, Problem
from hpia.yamlio import Source

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Assessment:
    form: Form
    source: Source
    data: dict[str, Any]

    @property
    def file(self) -> str:
        return self.source.name

    def at(self, path: Path) -> Any:
        """The value at a path of keys and block indexes."""
        value: Any = self.data
        for step in path:
            value = value[step]
        return value

    def ref_path(self, ref: str, *indexes: int) -> Path:
        """The path of a catalog `ref`, block indexes filled in order."""
        out: list[str | int] = []
        pending = list(indexes)
        keys = self.form.path(ref)
        for depth, key in enumerate(keys):
            out.append(key)
            if depth < len(keys) - 1 and isinstance(self.at(tuple(out)), list):
                out.append(pending.pop(0))
        return tuple(out)

    def value(self, ref: str, *indexes: int) -> Any:
        return self.at(self.ref_path(ref, *indexes))

    def count(self, ref: str, *indexes: int) -> int:
        """How many blocks the repeating item `ref` holds."""
        return len(self.value(ref, *indexes))

    def position(self, path: Path) -> Position:
        return locate(self.source.tree, path)

    def problem(
        self,
        path: Path,
        message: str,
        level: Level = Level.ERROR,
        rule: str = "",
        source: str = "",
    ) -> Problem:
        line, col = self.position(path)
        label = labels.item_label(self.form, path)
        return Problem(self.file, line, col, label, message, level, rule, source)
