"""Where a PDF came from: the source file's hash and its git commit.

The commit is the last one that touched the form file, and only when the
file is committed as it is now; an edited or untracked file has no commit
to name, and a machine without git or outside a repository has none
either. The PDF's information dictionary carries both, as
/hpiacontentsha256 and /hpiasourcecommit (WeasyPrint keeps only the letters
and digits of a custom meta name).

A repository git refuses to read (another user owns it, and it is not
listed in safe.directory) is an error, as for the change table: dropping
the commit instead would give that user other bytes for the same input.
git's check is not bypassed (`-c safe.directory=…`): it guards against
commands a repository's own configuration would run (core.fsmonitor, a
clean filter on `git diff`), and is_dirty runs such commands.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from hpia.history import check_usable


@dataclass(frozen=True)
class Provenance:
    content_sha256: str
    commit: str = ""  # "" when unknown

    def custom(self) -> tuple[tuple[str, str], ...]:
        """The extra <meta> entries of the HTML, and so of the PDF."""
        out = [("hpia-content-sha256", self.content_sha256)]
        if self.commit:
            out.append(("hpia-source-commit", self.commit))
        return tuple(out)


def provenance(path: Path) -> Provenance:
    return Provenance(
        content_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        commit=source_commit(path),
    )


def source_commit(path: Path) -> str:
    """The last commit of `path` if the file is committed unchanged, else "".

    Raises `HpiaError` when git refuses to read the repository.
    """
    try:
        import git
    except ImportError:  # GitPython refuses to import without a git binary
        return ""
    try:
        repo = git.Repo(path.parent, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return ""
    try:
        with repo:
            check_usable(repo)
            top = Path(repo.working_tree_dir or "").resolve()
            rel = path.resolve().relative_to(top).as_posix()
            repo.git.ls_files("--error-unmatch", "--", rel)
            if repo.is_dirty(index=True, working_tree=True, path=rel):
                return ""
            return str(repo.git.log("-1", "--format=%H", "--", rel)).strip()
    except (git.exc.GitError, ValueError):
        return ""
