"""The versions of a form file in git, read with GitPython.

One `git log --follow` lists every commit that changed the file, under any
of its names, with the file's blob before and after each commit; one
`git cat-file --batch` then reads all those blobs. The traps of GitPython
and git that this module steps around are listed in risks.md §4: paths are
passed after `--` and read with `core.quotepath=false` and `-z` (non-ASCII
names), renames are followed with `git log --follow` (GitPython's own
`iter_commits` stops at a rename), the repository is opened in a `with`
block so its `cat-file` processes end with it, a shallow clone or a
repository of another owner is a clear error, and a commit's date is taken
in the commit's own time offset.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hpia.errors import HpiaError

DECLARED_DATE = "変更日"
"""The commit trailer that declares when a change took effect."""

_TRAILER = re.compile(rf"^{DECLARED_DATE}[ \t]*[:：][ \t]*(.*?)\s*$", re.M)
_FIELDS = "%H%x1f%P%x1f%aI%x1f%B%x1f"


@dataclass(frozen=True)
class Commit:
    """A commit that changed the form file."""

    sha: str
    parents: tuple[str, ...]
    date: dt.date
    declared: str | None
    subject: str
    before: str | None
    after: str | None

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Mark:
    """A commit named by a record (a publication), resolved."""

    sha: str
    date: dt.date
    blob: str | None
    ancestors: frozenset[str]


@dataclass
class History:
    """What git knows of one form file.

    The versions' contents are not kept here: `blobs` reads them one after
    the other, so a long history never sits in memory whole.
    """

    path: Path
    in_git: bool = False
    top: Path | None = None
    commits: list[Commit] = field(default_factory=list)
    head: str | None = None
    worktree: bytes | None = None
    marks: dict[str, Mark] = field(default_factory=dict)

    def blobs(self, wanted: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        """The content of each blob in `wanted`, in that order.

        One `git cat-file --batch` streams them all; it has ended when the
        iteration ends.
        """
        if not wanted or self.top is None:
            return
        git = _import_git()
        with git.Repo(self.top) as repo, tempfile.TemporaryFile() as asked:
            asked.write("".join(f"{b}\n" for b in wanted).encode("ascii"))
            asked.seek(0)
            process = _run(repo, "cat-file", "--batch", istream=asked, as_process=True)
            try:
                for blob in wanted:
                    header = process.stdout.readline().split()
                    if len(header) != 3:
                        raise HpiaError(
                            f"{self.path}: git に版 {blob[:7]} の内容がありません"
                            "（部分クローンでは git fetch で取得してください）。"
                        )
                    size = int(header[2])
                    yield blob, process.stdout.read(size + 1)[:-1]
            finally:
                process.stdout.read()
                _wait(process, repo)


def read_history(path: Path, revisions: Sequence[str] = ()) -> History:
    """The history of the form file at `path`, and the commits `revisions`."""
    history = History(path, worktree=_worktree(path))
    git = _import_git()
    try:
        repo = git.Repo(path.parent, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return history

    with repo:
        top = Path(repo.working_tree_dir or path.parent).resolve()
        name = path.resolve().relative_to(top).as_posix()
        history.in_git, history.top = True, top
        check_usable(repo)

        if _quiet(repo, "rev-parse", "--verify", "-q", "HEAD") is None:
            return history  # no commit yet (risks.md §4: an empty repository)
        commits, names = _log(repo, name)
        _check_complete(repo, commits, path)
        history.commits = commits
        history.head = _blob_at(repo, "HEAD", [name])
        for rev in revisions:
            mark = _mark(repo, rev, [name, *names])
            if mark is not None:
                history.marks[rev] = mark
    return history


def _import_git() -> Any:
    try:
        import git
    except ImportError as err:
        raise HpiaError(
            "git が見つかりません。"
            "git をインストールしてから、もう一度実行してください。"
        ) from err
    return git


def _worktree(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _run(repo: Any, command: str, *args: str, **kw: Any) -> Any:
    """`git COMMAND ARGS`, non-ASCII paths left as they are (risks.md §4).

    `kw` holds GitPython's options for running the command, never git's.
    """
    import git

    try:
        return _command(repo, command)(*args, **kw)
    except git.GitCommandError as err:
        raise _git_error(err, Path(repo.working_tree_dir or ".")) from err


def _command(repo: Any, command: str) -> Any:
    return getattr(repo.git(c="core.quotepath=false"), command.replace("-", "_"))


def _git_error(err: Any, top: Path) -> HpiaError:
    said = str(err.stderr or "")
    if "dubious ownership" in said:
        return HpiaError(
            f"{top}: 別のユーザーが所有するリポジトリのため、"
            "git が読み取りを拒否しました。"
            f"git config --global --add safe.directory {top} を実行してから、"
            "もう一度実行してください。"
        )
    return HpiaError(f"git の実行に失敗しました: {said.strip() or err}")


def check_usable(repo: Any) -> None:
    """Raise `HpiaError`, with the remedy, if git refuses the repository.

    Opening a repository of another owner succeeds; the first command
    fails (risks.md §4), so this asks something harmless first.
    """
    _run(repo, "rev-parse", "--git-dir")


def _log(repo: Any, name: str) -> tuple[list[Commit], list[str]]:
    """Commits that changed the file, oldest first, and its former names.

    A rename is followed. A copy is not: a new assessment made by copying
    another one starts its own history there, without the other's rows.
    """
    out = _run(
        repo,
        "log",
        "--follow",
        "-M",
        "--date-order",
        "--no-abbrev",
        "--raw",
        "-z",
        f"--format=%x1e{_FIELDS}",
        "--",
        name,
    )
    commits: list[Commit] = []
    names: list[str] = []
    for record in str(out).split("\x1e")[1:]:
        sha, parents, date, message, raw = record.split("\x1f", 4)
        entry = next(_raw_entries(raw), None)
        if entry is None:
            continue
        status, before, after, paths = entry
        copied = status.startswith("C")
        if not copied:
            names.extend(p for p in paths if p != name and p not in names)
        commits.append(
            Commit(
                sha=sha,
                parents=tuple(parents.split()),
                date=dt.date.fromisoformat(date[:10]),
                declared=_declared(message),
                subject=message.split("\n", 1)[0],
                before=None if copied else before,
                after=after,
            )
        )
        if copied:
            break
    commits.reverse()
    return commits, names


def _raw_entries(
    raw: str,
) -> Iterator[tuple[str, str | None, str | None, list[str]]]:
    """(status, blob before, blob after, paths) of each `--raw -z` entry."""
    tokens = raw.lstrip("\x00\n").split("\x00")
    i = 0
    while i < len(tokens):
        token = tokens[i].strip()
        i += 1
        if not token.startswith(":"):
            continue
        _, _, before, after, status = token[1:].split()
        count = 2 if status[:1] in ("R", "C") else 1
        paths = tokens[i : i + count]
        i += count
        yield status, _blob(before), _blob(after), paths


def _blob(sha: str) -> str | None:
    return None if sha.strip("0") == "" else sha


def _declared(message: str) -> str | None:
    """The 変更日 trailer: a line of the message's last paragraph."""
    last = message.strip().rsplit("\n\n", 1)[-1]
    found = _TRAILER.findall(last)
    return found[-1] if found else None


class ShallowHistory(HpiaError):
    """The history is cut short by a shallow clone: no git rows can be made."""


def _check_complete(repo: Any, commits: list[Commit], path: Path) -> None:
    """Refuse a history cut short by a shallow clone (risks.md §4).

    In a shallow clone the oldest commit present looks as if it added every
    file, so the table would start in the middle of the history.
    """
    shallow = _run(repo, "rev-parse", "--is-shallow-repository")
    if str(shallow).strip() != "true" or not commits:
        return
    grafts = Path(str(_run(repo, "rev-parse", "--git-path", "shallow")))
    if not grafts.is_absolute():
        grafts = Path(repo.working_tree_dir or ".") / grafts
    cut = set(grafts.read_text(encoding="ascii").split())
    if commits[0].sha in cut:
        raise ShallowHistory(
            f"{path}: このクローンは履歴の一部しかない浅いクローン"
            "（shallow clone）のため、変更箇所を作れません。"
            "git fetch --unshallow で全履歴を取得してください"
            "（CI では fetch-depth: 0 を指定します）。"
        )


def _blob_at(repo: Any, rev: str, names: list[str]) -> str | None:
    """The file's blob at `rev`, under whichever of its names it had."""
    for name in names:
        found = _quiet(repo, "rev-parse", "--verify", "-q", f"{rev}:{name}")
        if found:
            return found
    return None


def _quiet(repo: Any, command: str, *args: str) -> str | None:
    """The output of a git query that may well fail, or None."""
    import git

    try:
        out = _command(repo, command)(*args)
    except git.GitCommandError:
        return None
    return str(out).strip() or None


def _mark(repo: Any, rev: str, names: list[str]) -> Mark | None:
    sha = _quiet(
        repo, "rev-parse", "--verify", "-q", "--end-of-options", rev + "^{commit}"
    )
    if sha is None:
        return None
    date = str(_run(repo, "show", "-s", "--format=%aI", sha))
    ancestors = str(_run(repo, "rev-list", sha)).split()
    return Mark(
        sha=sha,
        date=dt.date.fromisoformat(date.strip()[:10]),
        blob=_blob_at(repo, sha, names),
        ancestors=frozenset(ancestors),
    )


def _wait(process: Any, repo: Any) -> None:
    import git

    try:
        process.wait()
    except git.GitCommandError as err:
        raise _git_error(err, Path(repo.working_tree_dir or ".")) from err
