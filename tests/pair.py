"""A 事務's folder for `hpia check` tests: the minimal 重点 and its 基礎.

Each test edits the two fixtures in a few places and pins the lines
`hpia check` prints, with the folder's path taken off the front.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES, Run

JUTEN = FIXTURES / "minimal" / "juten.yaml"
KISO = FIXTURES / "kiso" / "kiso.yaml"

Edits = tuple[tuple[str, str], ...]

# A day on which nothing of the fixtures' clock is due (公表日 2025-04-15).
QUIET_DAY = "2025-06-01"


def edited(source: Path, edits: Edits) -> str:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def write_pair(folder: Path, juten: Edits = (), kiso: Edits | None = ()) -> Path:
    """Write juten.yaml and (unless `kiso` is None) kiso.yaml into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "juten.yaml").write_text(edited(JUTEN, juten), encoding="utf-8")
    if kiso is not None:
        (folder / "kiso.yaml").write_text(edited(KISO, kiso), encoding="utf-8")
    return folder


def lines(run: Run, folder: Path) -> list[str]:
    """The findings printed, each with the folder's path taken off."""
    return [line.replace(f"{folder}/", "") for line in run.out.splitlines()]


def checked(
    hpia: Callable[..., Run], folder: Path, *args: str
) -> tuple[int, list[str]]:
    """Run `hpia check FOLDER ARGS…`; its exit code and finding lines."""
    run = hpia("check", folder, *args)
    return run.code, lines(run, folder)


def of_rule(found: list[str], rule: str) -> list[str]:
    """The lines of one rule, whatever else the edit set off."""
    return [line for line in found if f"[{rule}｜" in line]
