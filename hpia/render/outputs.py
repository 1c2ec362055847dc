"""Where `hpia render` may write, and how: all outputs or none, never an input.

An output that is the form file, or that lies in the repository's
assessments/ or change_log/ folders, would overwrite what the render reads
(or put a PDF where only YAML belongs), so it is refused before anything
is rendered. The PDF must be named *.pdf and the HTML *.html or *.htm.

Each output is written to a temporary file beside it and renamed over the
target once every output is written, so a full disk or a killed process
leaves the old file (or none) and no half-written one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from hpia.errors import HpiaError, UsageError
from hpia.problems import one_line

INPUT_FOLDERS = ("assessments", "change_log")

PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm")


def check_targets(form: Path, pdf: Path, html: Path | None) -> None:
    """Refuse outputs that would overwrite an input or are misnamed."""
    _check_suffix(pdf, "-o", PDF_SUFFIXES)
    if html is not None:
        _check_suffix(html, "--html", HTML_SUFFIXES)
    for target in (pdf, html):
        if target is not None:
            _check_not_input(form, target)


def _check_suffix(target: Path, option: str, suffixes: tuple[str, ...]) -> None:
    if target.suffix.lower() in suffixes:
        return
    wanted = "、".join(suffixes)
    raise UsageError(
        f"{one_line(str(target))}: {option} のファイル名は {wanted} で終わるもの"
        "にしてください。"
    )


def _check_not_input(form: Path, target: Path) -> None:
    if _same_file(form, target):
        raise UsageError(
            f"{one_line(str(target))}: 評価書のファイルそのものです。"
            "上書きしないよう、別のファイル名を指定してください。"
        )
    folder = _input_folder(form, target)
    if folder is not None:
        raise UsageError(
            f"{one_line(str(target))}: {folder.name}/ の中には書き出せません"
            "（評価書と変更箇所の記録を置くフォルダです）。"
            "別の場所を指定してください。"
        )


def _same_file(form: Path, target: Path) -> bool:
    if form.resolve() == target.resolve():
        return True
    try:
        return form.samefile(target)
    except OSError:  # the target does not exist yet
        return False


def _input_folder(form: Path, target: Path) -> Path | None:
    """The assessments/ or change_log/ folder of the form that holds `target`."""
    parts = form.resolve().parts
    if "assessments" not in parts:
        return None
    at = len(parts) - 1 - parts[::-1].index("assessments")
    root = Path(*parts[:at])
    resolved = target.resolve()
    for name in INPUT_FOLDERS:
        if resolved.is_relative_to(root / name):
            return root / name
    return None


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Write each (path, data), or none of them if one cannot be written."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs:
            staged.append((_staged(path, data), path))
        for temporary, path in staged:
            _replace(temporary, path)
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def _staged(path: Path, data: bytes) -> Path:
    """`data` in a new temporary file beside `path`, with `path`'s mode."""
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as err:
        raise _unwritable(path, err) from err
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(_mode(path))
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise _unwritable(path, err) from err
    return temporary


def _replace(temporary: Path, path: Path) -> None:
    try:
        temporary.replace(path)
    except OSError as err:
        raise _unwritable(path, err) from err


def _mode(path: Path) -> int:
    """The mode of the file being replaced, else what a new file would get."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _unwritable(path: Path, err: OSError) -> HpiaError:
    return HpiaError(f"{one_line(str(path))} に書き出せません（{err.strerror}）。")
