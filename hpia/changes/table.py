"""The whole （別添２） 変更箇所 of an assessment: change_log/, then git.

Rows recorded in change_log/before-git.yaml come first, as written. Then
the rows git history gives, oldest first:

- Without publications recorded, every commit that changed the form file
  is a version, and each changed item is a row dated by the commit.
- With publications recorded (change_log/publications.yaml), git history
  up to the first publication is how the document came into git, which
  before-git.yaml covers. Between two publications, the commits collapse
  into one row per item (before: the published text, after: the next
  published text); after the last publication, into rows from the
  published text to the latest. An edit that returns to the published text
  makes no row. A row carries the date of the last commit that changed its
  item.

A row's date is the commit's declared 変更日 (a trailer `変更日: 2025-03-31`
in the commit message), else its author date. Edits not committed yet are
rows too, marked pending and dated today. A decision in change_log/ for a
row's item and texts overrides the 事前/事後 of the ※ rule.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hpia import catalog
from hpia.catalog.nodes import Form
from hpia.changes import change_log, rows
from hpia.changes.change_log import ChangeLog, ChangeLogError, Located
from hpia.changes.compare import Change, compare
from hpia.changes.rows import Row
from hpia.changes.versions import Versions
from hpia.history import Commit, Mark
from hpia.problems import Problem
from hpia.validate import form_files

log = logging.getLogger("hpia.changes")

# Rows from git sort by date, then version, then 事前 first, then form order.
SortKey = tuple[dt.date, int, bool, int]
Keyed = tuple[SortKey, Row]


@dataclass
class ChangeTable:
    """The rows, and what the user should know about how they were made."""

    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def rows_for(assessment: Path, history: bool = True) -> list[Row]:
    """The 別添２ rows of an assessment folder (or one form file in it).

    For the renderer: notes go to the `hpia.changes` logger; mistakes in
    change_log/ and unusable histories raise `HpiaError`. Without
    `history`, only the rows change_log/ records.
    """
    table = change_table(assessment, history=history)
    for note in table.notes:
        log.warning("%s", note)
    return table.rows


def change_table(
    path: Path, today: dt.date | None = None, history: bool = True
) -> ChangeTable:
    """The change table of one form file, or of a folder's main form file."""
    file = sheet_file(path)
    logged = change_log.load(
        file.parent,
        change_log.rows_file_name(file, main=file == sheet_file(file.parent)),
    )
    table = ChangeTable(warnings=list(logged.warnings))
    table.rows = [_logged(r) for r in logged.rows]

    if not history:
        return table
    from_git = _git_rows(file, logged, today or dt.date.today(), table.notes)
    from_git.sort(key=lambda keyed: keyed[0])
    table.rows.extend(row for _, row in from_git)
    return table


def sheet_file(path: Path) -> Path:
    """The form file whose change sheet `hpia changes PATH` shows.

    A file is itself. A folder shows the sheet of its first form in the
    catalog's order: the 重点項目評価書's （別添２） before the 基礎項目評価書's
    （別添）; the others are asked for by their file.
    """
    files = form_files(path)
    if path.is_file():
        return files[0]
    named = {f.name: f for f in files}
    main = next((named[f.filename] for f in catalog.FORMS if f.filename in named), None)
    return main or files[0]


def _logged(row: change_log.LoggedRow) -> Row:
    return Row(row.date, row.item, row.before, row.after, row.timing, row.reason)


def _git_rows(
    file: Path, logged: ChangeLog, today: dt.date, notes: list[str]
) -> list[Keyed]:
    published = sorted(logged.publications, key=lambda p: p.record.published)
    versions = Versions.read(file, [p.record.commit for p in published], notes)
    if versions is None:
        return []
    marks = _marks(versions, published)
    if marks:
        keyed = _between_publications(versions, marks, today)
    else:
        keyed = _every_commit(versions, today)
    return [(key, _decided(logged, row)) for key, row in keyed]


def _every_commit(versions: Versions, today: dt.date) -> list[Keyed]:
    """Each commit a version: its changes against its parent's version."""
    form = versions.form
    out: list[Keyed] = []
    last_good: Any = None
    for order, commit in enumerate(versions.commits):
        before, after = versions.value(commit.before), versions.value(commit.after)
        if commit.before is None or after is None:
            last_good = after if after is not None else last_good
            continue
        changes = compare(form, last_good if before is None else before, after)
        date = versions.date_of(commit)
        out.extend(_keyed(form, changes, date, order, commit.sha))
        last_good = after

    if versions.pending is not None:
        changes = compare(form, versions.head, versions.pending)
        order = len(versions.commits)
        out.extend(_keyed(form, changes, today, order, "", pending=True))
    return out


def _keyed(
    form: Form,
    changes: Iterable[Change],
    date: dt.date,
    order: int,
    commit: str,
    pending: bool = False,
) -> list[Keyed]:
    out = []
    for place, change in enumerate(changes):
        row = rows.from_change(form, change, date, commit, pending)
        out.append((_sort_key(row, order, place), row))
    return out


def _sort_key(row: Row, order: int, place: int) -> SortKey:
    # Within a version, rows that need assessment before the change (事前)
    # come first: they are the ones the legal office must see.
    assert row.date is not None
    return (row.date, order, row.timing != rows.BEFORE, place)


def _marks(versions: Versions, published: list[Located]) -> list[Mark]:
    """The recorded publications of this form file, checked against history.

    A publication from before the file existed (a 基礎項目評価書 added to
    the folder later) is not one of this file's.
    """
    problems: list[Problem] = []
    marks: list[Mark] = []
    for located in published:
        commit = located.record.commit
        mark = versions.history.marks.get(commit)
        if mark is None:
            problems.append(
                _problem(located, f"コミット {commit} がこの履歴にありません。")
            )
        elif mark.blob is None:
            continue  # published before this form file existed
        elif marks and marks[-1].sha not in mark.ancestors:
            problems.append(
                _problem(
                    located,
                    f"コミット {commit} は前の公表のコミットより後の履歴にありません。"
                    "公表日とコミットの組を確かめてください。",
                )
            )
        else:
            marks.append(mark)
    if problems:
        raise ChangeLogError(problems)
    return marks


def _problem(located: Located, message: str) -> Problem:
    return Problem(located.file, located.line, located.col, "公表", message)


def _between_publications(
    versions: Versions, marks: list[Mark], today: dt.date
) -> list[Keyed]:
    out: list[Keyed] = []
    for order in range(1, len(marks)):
        earlier, later = marks[order - 1], marks[order]
        span = [
            c
            for c in versions.commits
            if c.sha in later.ancestors and c.sha not in earlier.ancestors
        ]
        after = versions.value(later.blob)
        out.extend(_span(versions, earlier, after, span, order, today, set()))

    last = marks[-1]
    tail = [c for c in versions.commits if c.sha not in last.ancestors]
    latest, late = versions.head, set()
    if versions.pending is not None:
        late = {c.ident for c in compare(versions.form, latest, versions.pending)}
        latest = versions.pending
    out.extend(_span(versions, last, latest, tail, len(marks), today, late))
    return out


def _span(
    versions: Versions,
    published: Mark,
    latest: Any,
    commits: list[Commit],
    order: int,
    today: dt.date,
    pending: set[tuple[object, ...]],
) -> list[Keyed]:
    """Rows from a published version to `latest`, through `commits`.

    Each row is dated by the last commit that changed its item (or today,
    for an item whose last change is not committed).
    """
    form = versions.form
    before = versions.value(published.blob)
    if before is None or latest is None:
        return []

    touched = [(c, _idents(versions, c)) for c in reversed(commits)]
    out: list[Keyed] = []
    for place, change in enumerate(compare(form, before, latest)):
        if change.ident in pending:
            row = rows.from_change(form, change, today, "", pending=True)
        else:
            last = next((c for c, ids in touched if change.ident in ids), None)
            last = last or (touched[0][0] if touched else None)
            date = versions.date_of(last) if last else published.date
            row = rows.from_change(form, change, date, last.sha if last else "", False)
        out.append((_sort_key(row, order, place), row))
    return out


def _idents(versions: Versions, commit: Commit) -> set[tuple[object, ...]]:
    before, after = versions.value(commit.before), versions.value(commit.after)
    if before is None or after is None:
        return set()
    return {c.ident for c in compare(versions.form, before, after)}


def _decided(logged: ChangeLog, row: Row) -> Row:
    """A reviewer's decision on this row's 事前/事後, if one was recorded."""
    decision = logged.decision_for(row.item, row.content_hash)
    if decision is None or decision.timing is None:
        return row
    return dataclasses.replace(row, timing=decision.timing, reason=decision.reason)
