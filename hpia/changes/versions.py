"""The versions of one form file, read from git into plain data.

Versions are read in history order with one `hpia.chunked.Reader`, so each
reuses what the one before it shares. A version that cannot be read (not
UTF-8, not YAML) is noted and stands as None; the table compares across it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hpia import catalog
from hpia.catalog.nodes import Form
from hpia.chunked import Reader, Unreadable
from hpia.errors import HpiaError
from hpia.history import Commit, History, read_history
from hpia.model import STAMP_KEY
from hpia.wareki import from_wareki


@dataclass
class Versions:
    """A form file's history, its versions' data and its form."""

    file: Path
    history: History
    notes: list[str]
    pending: Any = None
    form: Form = field(init=False)
    _reader: Reader = field(default_factory=Reader)
    _values: dict[str, Any] = field(default_factory=dict)
    _dates: dict[str, dt.date] = field(default_factory=dict)

    @classmethod
    def read(
        cls, file: Path, revisions: Sequence[str], notes: list[str]
    ) -> Versions | None:
        """The versions of `file`; None (with a note) when git has none."""
        history = read_history(file, revisions)
        if not history.in_git:
            notes.append(
                f"{file}: git の管理下にないため、"
                "変更箇所は change_log/ の記録だけです。"
            )
            return None
        if not history.commits:
            notes.append(f"{file}: まだコミットされていません。")
            return None

        versions = cls(file, history, notes)
        versions._read_all()
        versions.form = versions._form()
        return versions

    def _read_all(self) -> None:
        """Every version, oldest first, so each read reuses the one before."""
        order: dict[str, Commit | None] = {}
        for commit in self.commits:
            order.setdefault(commit.before or "", None)
            order.setdefault(commit.after or "", commit)
        for mark in self.history.marks.values():
            order.setdefault(mark.blob or "", None)
        order.setdefault(self.history.head or "", None)
        order.pop("", None)

        head_text = None
        for blob, raw in self.history.blobs(list(order)):
            made_by = order[blob]
            where = f"コミット {made_by.short}" if made_by else f"版 {blob[:7]}"
            self._values[blob] = self._parse(raw, where)
            if blob == self.history.head:
                head_text = raw
        worktree = self.history.worktree
        if worktree is not None and head_text is not None and worktree != head_text:
            self.pending = self._parse(worktree, "未コミット")

    @property
    def commits(self) -> list[Commit]:
        return self.history.commits

    @property
    def head(self) -> Any:
        return self.value(self.history.head)

    def value(self, blob: str | None) -> Any:
        """The data of the version stored as `blob`; None if unreadable."""
        return self._values.get(blob or "")

    def date_of(self, commit: Commit) -> dt.date:
        """The commit's declared 変更日, else its author date."""
        if commit.sha not in self._dates:
            self._dates[commit.sha] = self._date(commit)
        return self._dates[commit.sha]

    def _date(self, commit: Commit) -> dt.date:
        if commit.declared is None:
            return commit.date
        text = commit.declared
        for parse in (dt.date.fromisoformat, from_wareki):
            try:
                return parse(text)
            except ValueError:
                continue
        self.notes.append(
            f"{self.file}: コミット {commit.short} の変更日「{text}」が日付として"
            "読めないため、コミットの日付を使いました。変更日は 2025-03-31 のように"
            "書きます。"
        )
        return commit.date

    def _parse(self, raw: bytes, where: str) -> Any:
        try:
            return self._reader.read(raw)
        except Unreadable as err:
            why = str(err)
        self.notes.append(
            f"{self.file}: {where} の版は読めないため、その前後の版を比べました。{why}"
        )
        return None

    def _form(self) -> Form:
        """The form of the newest version that names a known one."""
        candidates = [self.pending, self.head]
        candidates += [self.value(c.after) for c in reversed(self.commits)]
        for data in candidates:
            stamp = data.get(STAMP_KEY) if isinstance(data, dict) else None
            form = catalog.find_form(str(stamp)) if stamp else None
            if form is not None:
                return form
        raise HpiaError(
            f"{self.file}: どの版からも様式が分からないため、変更箇所を作れません。"
            "hpia validate で確認してください。"
        )
