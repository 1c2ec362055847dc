"""Exceptions of hpia.

    HpiaError          a problem the user can fix; the CLI prints it, exit 1
    ├── UsageError     the command was called wrongly (missing path …), exit 2
    └── SourceError    a form file cannot be read as YAML; carries a Problem

Anything else that escapes is a bug of hpia: the CLI reports it apart and
points to the log, so a user's mistake is never confused with ours.
"""

from __future__ import annotations

from hpia.problems import Problem


class HpiaError(Exception):
    """A problem the user can fix, with a Japanese message."""

    exit_code = 1


class UsageError(HpiaError):
    exit_code = 2


class SourceError(HpiaError):
    """A form file that cannot be read: encoding, YAML syntax, empty."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem
