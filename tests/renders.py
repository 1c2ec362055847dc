"""Rendered documents shared by the render tests, each rendered once.

The filled form (tests/filled.py) is written to a temporary folder laid out
like the repository (assessments/<org>/<task>/ beside change_log/), loaded
the way `hpia render` loads it, and rendered; tests read its PDF back.
"""

from __future__ import annotations

import functools
import io
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from filled import write_filled
from pypdf import PdfReader

from hpia import catalog
from hpia.assessment import Assessment
from hpia.render import Rendered, render
from hpia.render.loading import Job, load
from hpia.validate import validate_file

FORM = catalog.FORMS[0]

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """NFKC without white space: PDF text breaks lines inside sentences."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def without_notes(err: str) -> str:
    """What `hpia render` printed, less its notes on how 別添２ was made."""
    lines = err.splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("注意: "))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@dataclass(frozen=True)
class Case:
    job: Job
    result: Rendered

    @property
    def pages(self) -> list[str]:
        return page_texts(self.result.pdf)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def assessment_folder(root: Path) -> Path:
    folder = root / "assessments" / "test-city" / "test-task"
    folder.mkdir(parents=True)
    return folder


def render_folder(folder: Path) -> Case:
    job = load(folder)
    assert job.assessment is not None, [p.format() for p in job.problems]
    return Case(job, render(job.assessment, job.rows, job.origin))


@functools.cache
def filled() -> Case:
    """The filled form, no 別添２ rows."""
    root = Path(tempfile.mkdtemp(prefix="hpia-render-"))
    folder = assessment_folder(root)
    write_filled(FORM, folder / FORM.filename)
    return render_folder(folder)


def filled_assessment(root: Path, **counts: int) -> Assessment:
    """The filled form with `counts` blocks, validated (not rendered)."""
    path = write_filled(FORM, root / FORM.filename, **counts)
    problems, assessment = validate_file(path)
    assert assessment is not None, [p.format() for p in problems]
    return assessment
