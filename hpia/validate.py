"""`hpia validate`: is each form file a well-formed 評価書 of its 様式?

Reading (encoding, YAML), the shape the catalog gives (keys, types,
choices) and the form's own consistency rules (spipa.md §1.3) all report
into one list, so a single run shows every problem of a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from hpia import catalog, messages
from hpia.assessment import Assessment
from hpia.errors import SourceError, UsageError
from hpia.locate import locate
from hpia.model import STAMP_KEY, form_model
from hpia.problems import Level, Problem, ordered
from hpia.rules import consistency
from hpia.values import UNKNOWN, is_unknown
from hpia.yamlio import Source, read_source

# Inside a folder only files named as a form are forms: juten.yaml, kiso.yaml.
FORM_NAMES = frozenset(form.filename for form in catalog.FORMS)


@dataclass
class Report:
    """What validation found, file by file."""

    problems: list[Problem] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    unusable: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def form_files(path: Path) -> list[Path]:
    """The form files at `path`: the file itself, or those under a folder."""
    if not path.exists():
        raise UsageError(f"{path}: ファイルまたはフォルダが見つかりません。")
    if not path.is_dir():
        return [path]
    found = sorted(
        p
        for p in path.rglob("*")
        if p.name in FORM_NAMES and not _hidden(p.relative_to(path))
    )
    if not found:
        names = "、".join(sorted(FORM_NAMES))
        raise UsageError(f"{path}: 評価書のファイル（{names}）がありません。")
    return found


def _hidden(relative: Path) -> bool:
    """Inside .git, .venv and the like, or an editor's lock or backup file."""
    return any(part.startswith((".", "~")) for part in relative.parts)


def validate_paths(paths: list[Path]) -> Report:
    """Validate every form at `paths`; a path that is not there is noted and
    the others are still validated."""
    report = Report()
    for path in paths:
        try:
            files = form_files(path)
        except UsageError as err:
            report.unusable.append(str(err))
            continue
        for file in files:
            problems, assessment = validate_file(file)
            report.problems.extend(problems)
            if assessment is not None:
                report.assessments.append(assessment)
    report.problems = ordered(report.problems)
    return report


def validate_file(path: Path) -> tuple[list[Problem], Assessment | None]:
    try:
        source = read_source(path)
    except SourceError as err:
        return [err.problem], None

    form = _form_of(source)
    if isinstance(form, Problem):
        return [form], None

    try:
        model = form_model(form).model_validate(source.tree)
    except ValidationError as err:
        return messages.to_problems(form, source, err.errors()), None

    assessment = Assessment(form, source, model.model_dump(by_alias=True))
    problems = list(consistency.check(assessment))
    problems.extend(_unknowns(assessment))
    problems.extend(_cut_by_comment(assessment))
    return problems, assessment


def _form_of(source: Source) -> catalog.Form | Problem:
    stamp = source.tree.get(STAMP_KEY)
    known = "、".join(f"「{f.stamp}」" for f in catalog.FORMS)
    if stamp is None:
        return Problem(
            source.name,
            1,
            1,
            "様式",
            "1行目に「様式: 令和６年10月　様式３」のように様式の版を書いてください。"
            f"対応している様式: {known}",
        )
    form = catalog.find_form(str(stamp))
    if form is None:
        line, col = locate(source.tree, (STAMP_KEY,))
        return Problem(
            source.name,
            line,
            col,
            "様式",
            f"「{stamp}」は対応していない様式です。対応している様式: {known}",
        )
    return form


def _unknowns(assessment: Assessment) -> Iterator[Problem]:
    """A warning for each value written as （不明）: known gaps stay visible."""
    for path, value in _leaves(assessment.data, ()):
        if is_unknown(value):
            yield assessment.problem(
                path,
                f"値が{UNKNOWN}です。根拠となる資料で確認して記入してください。",
                Level.WARNING,
                rule="unknown-value",
            )


def _cut_by_comment(assessment: Assessment) -> Iterator[Problem]:
    """A warning where 「 #」 ends an unquoted value: YAML drops the rest.

    「029-276-5222 #内線123」 reads as 「029-276-5222」 and a comment, which
    is rarely what a person typing a phone number meant.
    """
    for mapping, key, path in _plain_scalars(assessment.source.tree, ()):
        token = mapping.ca.items.get(key, [None] * 3)[2]
        if token is not None and token.value.startswith("#"):
            # The token runs on over the full-line comments that follow.
            comment = token.value.split("\n", 1)[0].strip()
            yield assessment.problem(
                path,
                "値の後の「 #」から行末まではコメントとして無視されます"
                f"（{comment}）。値に含めるなら値全体を引用符で囲んでください。",
                Level.WARNING,
                rule="cut-by-comment",
            )


def _plain_scalars(
    node: object, path: tuple[str | int, ...]
) -> Iterator[tuple[CommentedMap, str, tuple[str | int, ...]]]:
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if isinstance(value, CommentedMap | CommentedSeq):
                yield from _plain_scalars(value, (*path, key))
            elif not isinstance(value, ScalarString):
                yield node, key, (*path, key)
    elif isinstance(node, CommentedSeq):
        for i, item in enumerate(node):
            yield from _plain_scalars(item, (*path, i))


def _leaves(
    value: object, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _leaves(child, (*path, i))
    else:
        yield path, value
