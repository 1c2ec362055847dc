"""Real git repositories in a temp dir, for the change-table tests.

Each repository has the layout of this one: the form file under
assessments/<団体>/<事務>/ and change_log/ beside assessments/. git runs
with a throw-away global configuration, so the machine's settings (a
default branch name, a signing key) play no part.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "changes" / "juten.yaml"


@dataclass
class GitRepo:
    root: Path

    @property
    def folder(self) -> Path:
        return self.root / "assessments" / "org" / "task"

    @property
    def form(self) -> Path:
        return self.folder / "juten.yaml"

    @property
    def log_folder(self) -> Path:
        return self.root / "change_log" / "org" / "task"

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, check=True, capture_output=True, text=True
        )
        return done.stdout.strip()

    def write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, old: str, new: str, path: Path | None = None) -> None:
        """Replace the one occurrence of `old` in the form file."""
        path = path or self.form
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def commit(
        self,
        subject: str = "Edit the form",
        date: str = "2025-04-01T10:00:00+09:00",
        trailer: str = "",
    ) -> str:
        message = subject + (f"\n\n{trailer}" if trailer else "")
        self.git("add", "-A")
        subprocess.run(
            ["git", "commit", "-q", "--allow-empty", "-m", message, "--date", date],
            cwd=self.root,
            check=True,
            env=_env_with(GIT_COMMITTER_DATE=date),
        )
        return self.git("rev-parse", "HEAD")


def _env_with(**extra: str) -> dict[str, str]:
    import os

    return {**os.environ, **extra}


@pytest.fixture
def git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A global git configuration of our own for this test."""
    config = tmp_path / "gitconfig"
    config.write_text(
        "[user]\n\tname = 保護 太郎\n\temail = hogo@example.jp\n"
        "[init]\n\tdefaultBranch = main\n"
        "[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return config


@pytest.fixture
def repo(tmp_path: Path, git_config: Path) -> Iterator[GitRepo]:
    """A repository whose first commit adds the fixture form."""
    made = GitRepo(tmp_path / "repo")
    made.root.mkdir()
    made.git("init", "-q")
    made.write(made.form, FIXTURE.read_text(encoding="utf-8"))
    made.commit("Add the assessment", date="2024-04-01T10:00:00+09:00")
    yield made
