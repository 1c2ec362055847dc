"""What `change_log/<団体>/<事務>/` records beside the git history.

    change_log/<団体>/<事務>/
      before-git.yaml   行: the 別添２ rows from before the file was in git,
                        of the folder's main form (the 重点項目評価書)
      before-git.<name>.yaml   the same for another form file (kiso.yaml:
                        before-git.kiso.yaml, the 基礎項目評価書's （別添）)
      publications.yaml 公表: which commit was published on which 公表日
      decisions/*.yaml  判断: review decisions, one file per review, never
                        edited; a new decision is a new file

The keys are Japanese, the column names of 別添２ where there is one. Every
file is read with the same YAML loader as the form files and checked by a
pydantic model; a mistake becomes a located Japanese problem
(`FILE:LINE:COL: 項目: 説明`), as `hpia validate` reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from hpia.errors import HpiaError, SourceError
from hpia.locate import locate
from hpia.problems import Level, Problem, ordered
from hpia.values import UNKNOWN, is_unknown
from hpia.yamlio import Source, read_source

ROWS_FILE = "before-git.yaml"
PUBLICATIONS_FILE = "publications.yaml"
DECISIONS_DIR = "decisions"

APPROVED = "承認"
RETIMED = "提出時期の変更"
SENT_BACK = "差戻し"


class ChangeLogError(HpiaError):
    """change_log/ files with mistakes; the message lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def _date(value: object) -> dt.date | None:
    """An ISO date, or （不明） (None) where the source does not say."""
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and is_unknown(value):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "hpia_date",
        "「{value}」は日付として読めません。"
        "2025-04-15 のように西暦で記入してください。",
        {"value": "" if value is None else str(value)},
    )


def _known_date(value: object) -> dt.date:
    date = _date(value)
    if date is None:
        raise PydanticCustomError(
            "hpia_date_unknown", "日付を 2025-04-15 のように記入してください。"
        )
    return date


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)
    raise PydanticCustomError(
        "hpia_not_text",
        "文字列として書いてください（数値や日付に読まれる値は引用符で囲みます）。",
    )


def _filled(value: object) -> str:
    text = _text(value)
    if not text.strip():
        raise PydanticCustomError("hpia_empty", "記入してください。")
    return text


def _one_of(*allowed: str, unknown: bool = False) -> Any:
    listed = "".join(f"「{a}」" for a in allowed)

    def read(value: object) -> str:
        text = _text(value).strip()
        if text in allowed or (unknown and is_unknown(text)):
            return UNKNOWN if is_unknown(text) else text
        raise PydanticCustomError(
            "hpia_choice",
            "「{value}」は書けません。書けるのは {allowed} です。",
            {"value": text, "allowed": listed},
        )

    return read


_COMMIT = re.compile(r"[0-9a-f]{7,40}")


def _commit(value: object) -> str:
    text = _text(value).strip()
    if not _COMMIT.fullmatch(text):
        raise PydanticCustomError(
            "hpia_commit",
            "「{value}」はコミットの ID ではありません。"
            "git log に出る 7〜40 桁の16進数で記入してください。",
            {"value": text},
        )
    return text


Date = Annotated[dt.date | None, BeforeValidator(_date)]
KnownDate = Annotated[dt.date, BeforeValidator(_known_date)]
Text = Annotated[str, BeforeValidator(_text)]
Filled = Annotated[str, BeforeValidator(_filled)]
Timing = Annotated[str, BeforeValidator(_one_of("事前", "事後", unknown=True))]
Verdict = Annotated[str, BeforeValidator(_one_of(APPROVED, RETIMED, SENT_BACK))]
NewTiming = Annotated[str, BeforeValidator(_one_of("事前", "事後"))]
CommitId = Annotated[str, BeforeValidator(_commit)]


class _Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_by_alias=True, validate_by_name=False
    )


class LoggedRow(_Record):
    """A row of 別添２ from before git, as the published 評価書 printed it."""

    date: Date = Field(alias="変更日")
    item: Filled = Field(alias="項目")
    before: Text = Field(alias="変更前の記載")
    after: Text = Field(alias="変更後の記載")
    timing: Timing = Field(alias="提出時期")
    reason: Text = Field(alias="提出時期に係る説明")


class Publication(_Record):
    """A version that was published: the commit, and its 公表日."""

    published: KnownDate = Field(alias="公表日")
    commit: CommitId = Field(alias="コミット")


class Decision(_Record):
    """A reviewer's decision on one row (the legal office's review).

    `content_hash` is the row's `Row.content_hash`: the decision holds for
    that item with exactly those texts, and for nothing after a later edit.
    """

    item: Filled = Field(alias="項目")
    content_hash: Filled = Field(alias="内容ハッシュ")
    reviewer: Filled = Field(alias="審査者")
    reviewed: KnownDate = Field(alias="審査日")
    verdict: Verdict = Field(alias="結論")
    timing: NewTiming | None = Field(default=None, alias="提出時期")
    reason: Text = Field(default="", alias="理由")

    @model_validator(mode="after")
    def _timing_with_reason(self) -> Decision:
        if self.verdict == RETIMED and (self.timing is None or not self.reason):
            raise PydanticCustomError(
                "hpia_retime",
                "結論が「提出時期の変更」のときは、提出時期と理由を記入してください。",
            )
        return self


class _RowsFile(_Record):
    rows: list[LoggedRow] = Field(default_factory=list, alias="行")


class _PublicationsFile(_Record):
    publications: list[Publication] = Field(default_factory=list, alias="公表")


class _DecisionsFile(_Record):
    decisions: list[Decision] = Field(default_factory=list, alias="判断")


@dataclass(frozen=True)
class Located:
    """A record and where it was written, for messages about it."""

    record: Any
    file: str
    line: int
    col: int


@dataclass
class ChangeLog:
    """Everything change_log/ holds for one assessment folder."""

    folder: Path | None
    rows: list[LoggedRow] = field(default_factory=list)
    publications: list[Located] = field(default_factory=list)
    decisions: list[Located] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def decision_for(self, item: str, content_hash: str) -> Decision | None:
        """The latest decision that changes the timing of this row, if any.

        Latest by 審査日; on the same day, the one recorded later (file names
        in order, then records in a file).
        """
        found = [
            (d.record.reviewed, order, d.record)
            for order, d in enumerate(self.decisions)
            if d.record.item == item
            and d.record.content_hash == content_hash
            and d.record.timing is not None
        ]
        return max(found, key=lambda f: (f[0], f[1]))[2] if found else None


def change_log_folder(assessment: Path) -> Path | None:
    """change_log/<団体>/<事務>/ for assessments/<団体>/<事務>/, beside it.

    The path keeps the form it was given in (relative stays relative), so
    messages name the files as the user would.
    """
    for path in (assessment, assessment.resolve()):
        parts = path.parts
        if "assessments" in parts:
            at = len(parts) - 1 - parts[::-1].index("assessments")
            return Path(*parts[:at], "change_log", *parts[at + 1 :])
    return None


def rows_file_name(form_file: Path, main: bool) -> str:
    """The name of the file of rows from before git, for a form file."""
    return ROWS_FILE if main else f"before-git.{form_file.stem}.yaml"


def load(assessment: Path, rows_file: str = ROWS_FILE) -> ChangeLog:
    """Read and check change_log/ for the assessment folder `assessment`.

    `rows_file` names the file of rows from before git (`rows_file_name`).
    """
    folder = change_log_folder(assessment)
    log = ChangeLog(folder)
    if folder is None or not folder.is_dir():
        return log

    problems: list[Problem] = []
    rows_path = folder / rows_file
    if rows_path.is_file():
        parsed = _read(rows_path, _RowsFile, "変更箇所", problems)
        if parsed is not None:
            log.rows = parsed[0].rows
            log.warnings.extend(_unknowns(parsed[1], "行", "変更箇所"))

    publications_file = folder / PUBLICATIONS_FILE
    if publications_file.is_file():
        parsed = _read(publications_file, _PublicationsFile, "公表", problems)
        if parsed is not None:
            log.publications = _located(parsed[1], "公表", parsed[0].publications)

    for file in sorted((folder / DECISIONS_DIR).glob("*.yaml")):
        parsed = _read(file, _DecisionsFile, "判断", problems)
        if parsed is not None:
            log.decisions.extend(_located(parsed[1], "判断", parsed[0].decisions))

    if any(p.is_error for p in problems):
        raise ChangeLogError(ordered(problems))
    return log


def _read(
    file: Path, model: type[_Record], what: str, problems: list[Problem]
) -> tuple[Any, Source] | None:
    try:
        source = read_source(file)
    except SourceError as err:
        problems.append(err.problem)
        return None
    try:
        return model.model_validate(source.tree), source
    except ValidationError as err:
        problems.extend(_problem(source, what, e) for e in err.errors())
        return None


def _label(what: str, loc: tuple[str | int, ...]) -> str:
    """「変更箇所3 提出時期」: the record's number from 1, then the key."""
    words = [f"{what}{step + 1}" if isinstance(step, int) else step for step in loc[1:]]
    return " ".join(str(w) for w in words) or what


def _problem(source: Source, what: str, err: ErrorDetails) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    at_key = kind in ("extra_forbidden", "missing")
    line, col = locate(source.tree, loc, at_key=at_key)
    label = _label(what, loc[:-1] if at_key else loc)
    return Problem(source.name, line, col, label, _message(err, loc))


def _message(err: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    kind = err["type"]
    key = loc[-1] if loc else ""
    if kind == "missing":
        return f"項目「{key}」がありません。"
    if kind == "extra_forbidden":
        return f"「{key}」はここに書けない項目です。"
    if kind.startswith("hpia_"):
        return err["msg"]
    if kind == "list_type":
        return "「- 」で始まる行の並びで書いてください。"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "「キー: 値」の形で、字下げして書いてください。"
    return f"値が正しくありません（{err['msg']}）。"


def _located(source: Source, key: str, records: list[Any]) -> list[Located]:
    out = []
    for i, record in enumerate(records):
        line, col = locate(source.tree, (key, i))
        out.append(Located(record, source.name, line, col))
    return out


def _unknowns(source: Source, key: str, what: str) -> list[Problem]:
    """A warning for each （不明）: known gaps of the source stay visible."""
    found = []
    for i, row in enumerate(source.tree.get(key) or []):
        for name, value in row.items() if isinstance(row, dict) else []:
            if isinstance(value, str) and is_unknown(value):
                line, col = locate(source.tree, (key, i, name))
                found.append(
                    Problem(
                        source.name,
                        line,
                        col,
                        _label(what, (key, i, name)),
                        f"値が{UNKNOWN}です。根拠となる資料で確認して記入してください。",
                        Level.WARNING,
                        rule="unknown-value",
                    )
                )
    return found
