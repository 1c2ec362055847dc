"""What `hpia render` starts from: the form file, its problems, its 別添２ rows.

A folder is rendered through the form file of the first 様式, in catalog
order, that has a template and a file there (`juten.yaml` for the
重点項目評価書, before the 基礎's `kiso.yaml`); a file is rendered as given.
A form with errors — from validation, or characters the fonts lack — is
not rendered; warnings are shown and the render goes on.

The 別添２ rows of change_log/ are those of the task's 重点 (the form the
seed's rows come from); a 基礎 keeps none there, so its （別添） prints
empty. Where no change_log/ folder is found (the form is not under
assessments/, or its folder there has none), a note says where it was
looked for, since 別添２ then lacks the rows from before git.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hpia import catalog
from hpia.assessment import Assessment
from hpia.changes import ChangeTable, change_table
from hpia.changes import Row as ChangeRow
from hpia.changes.change_log import change_log_folder
from hpia.errors import UsageError
from hpia.history import ShallowHistory
from hpia.problems import Level, Problem, ordered
from hpia.render import check
from hpia.render.html import has_template
from hpia.render.provenance import Provenance, provenance
from hpia.render.resources import templates_dir
from hpia.validate import validate_file


@dataclass(frozen=True)
class Job:
    problems: list[Problem]
    assessment: Assessment | None  # None when an error stops the render
    rows: list[ChangeRow] = field(default_factory=list)
    origin: Provenance | None = None
    notes: list[str] = field(default_factory=list)  # how 別添２ was made


def form_file(path: Path) -> Path:
    """The form file to render at `path`."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise UsageError(f"{path}: ファイルまたはフォルダが見つかりません。")
    folder = templates_dir()
    names = [f.filename for f in catalog.FORMS if has_template(f, folder)]
    found = [path / n for n in names if (path / n).is_file()]
    if not found:
        wanted = "、".join(names)
        raise UsageError(
            f"{path}: PDFにする評価書（{wanted}）が見つかりません。"
            "評価書のファイルを指定してください。"
        )
    return found[0]


def _table(file: Path) -> tuple[ChangeTable, list[Problem]]:
    """The 別添２ table; in a shallow clone only the rows of change_log/, with
    a warning: a render must not fail where `hpia changes` rightly refuses."""
    try:
        return change_table(file), []
    except ShallowHistory as err:
        warning = Problem(
            str(file),
            1,
            1,
            "（別添２）変更箇所",
            f"{err} PDFの（別添２）には change_log/ の行だけを載せます。",
            Level.WARNING,
        )
        return change_table(file, history=False), [warning]


def load(path: Path) -> Job:
    file = form_file(path)
    problems, assessment = validate_file(file)
    table, cut_short = _table(file)
    problems = [*problems, *cut_short]
    if assessment is not None:
        problems = [*problems, *check(assessment)]
    if any(p.is_error for p in problems):
        return Job(ordered(problems), None)
    notes = [*_change_log_notes(file), *table.notes]
    origin = provenance(file)
    return Job(ordered(problems), assessment, table.rows, origin, notes)


def _change_log_notes(file: Path) -> list[str]:
    """Where change_log/ was looked for, when it is not there."""
    folder = change_log_folder(file.parent)
    if folder is None:
        return [
            f"{file}: assessments/<団体>/<事務>/ の下にないため、"
            "対応する change_log/ を探せません。"
            "別添２に change_log/ の記録（git で管理する前の変更箇所）は入りません。"
        ]
    if not folder.is_dir():
        return [
            f"{folder}/ がありません。"
            "別添２に change_log/ の記録（git で管理する前の変更箇所）は入りません。"
        ]
    return []
