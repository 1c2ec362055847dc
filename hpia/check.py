"""`hpia check`: what the law asks of the 評価書 beyond the form's shape.

Validation first (everything `hpia validate` reports), then, folder by
folder, the rules of `hpia.rules`: whether the forms declare what the
しきい値判断 requires and agree with each other (obligation, agreement),
what falls due (deadlines), and what a reviewer would mark (lint). Every
finding names the rule and what the rule rests on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hpia.dossier import Dossier, dossiers
from hpia.problems import Level, Problem, ordered
from hpia.rules import agreement, consistency, deadlines, lint, obligation
from hpia.validate import form_files, validate_paths

log = logging.getLogger(__name__)

SHAPE = "form-shape"
SHAPE_SOURCE = "様式（項目・選択肢）"
# What validation's own rules rest on; the consistency rules say theirs.
VALIDATION_SOURCES = {
    "unknown-value": "指針 第10（審査の観点: 様式で求める全ての項目の記載）",
    "cut-by-comment": "YAML の書き方（「 #」から後はコメント）",
}


@dataclass
class Findings:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def count(self, level: Level) -> int:
        return sum(p.level is level for p in self.problems)

    def failed(self, strict: bool) -> bool:
        worst = (Level.ERROR, Level.WARNING) if strict else (Level.ERROR,)
        return any(p.level in worst for p in self.problems)


def check_paths(paths: list[Path], today: dt.date) -> Findings:
    files = list(dict.fromkeys(f for path in paths for f in form_files(path)))
    log.info("check: validating %d files", len(files))
    report = validate_paths(files)
    found = [_with_source(p) for p in report.problems]

    names = [str(f) for f in files]
    for dossier in dossiers(names, report.assessments, _partial(paths)):
        found.extend(_rules(dossier, today))
    return Findings(ordered(found), len(files))


def _partial(paths: list[Path]) -> set[Path]:
    """Folders of which a file, not the whole folder, was asked for."""
    folders = [p for p in paths if p.is_dir()]
    return {
        p.parent
        for p in paths
        if p.is_file() and not any(f in (p.parent, *p.parents) for f in folders)
    }


def _rules(d: Dossier, today: dt.date) -> Iterator[Problem]:
    yield from obligation.check(d)
    yield from agreement.check(d)
    yield from deadlines.check(d, today)
    for a in d.assessments:
        yield from lint.check(a)


def _with_source(problem: Problem) -> Problem:
    """A validation problem with the rule and source `hpia check` prints."""
    if not problem.rule:
        return dataclasses.replace(problem, rule=SHAPE, source=SHAPE_SOURCE)
    known = VALIDATION_SOURCES.get(problem.rule) or consistency.SOURCES.get(
        problem.rule, "hpia validate"
    )
    return dataclasses.replace(problem, source=problem.source or known)
