"""Shared fixtures: the repository's paths and the command line run in-process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hpia.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "assessments" / "hitachinaka" / "yobou-sesshu"
SEED_FORM = SEED_DIR / "juten.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytest_plugins = ["registry_fixtures"]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def hpia(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `hpia ARGS...` in this process and capture what it prints."""

    def run(*args: str | Path) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
