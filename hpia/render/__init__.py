"""`hpia render`: an assessment laid out as the official form, as PDF and HTML.

The stages, in order: check that the pinned fonts can draw every character
(glyphs), build the rows of the form from the catalog and the values
(assemble, view), fill the form's template (html), lay out and write the
PDF (pdf). The 別添２ rows come in as a list of `ChangeRow`s, whoever
produced them.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass

from hpia import __version__
from hpia.assessment import Assessment
from hpia.catalog import labels
from hpia.changes import Row as ChangeRow
from hpia.errors import HpiaError
from hpia.problems import Problem
from hpia.render import glyphs, resources
from hpia.render.assemble import assemble
from hpia.render.html import Meta, drawn_text, to_html
from hpia.render.located import Spots
from hpia.render.pdf import write_pdf
from hpia.render.provenance import Provenance
from hpia.render.resources import NAMED_FACES

__all__ = ["Rendered", "check", "render"]

ROW_COLUMNS = (
    ("項目", "item"),
    ("変更前の記載", "before"),
    ("変更後の記載", "after"),
    ("提出時期に係る説明", "reason"),
)


@dataclass(frozen=True)
class Rendered:
    """The outputs, and the CPU seconds of each stage (for bench/render.py).

    `html` is the document for readers: it names its fonts and loads no
    file. `pdf_html` is what WeasyPrint laid out, with the pinned fonts
    loaded from this machine's files.
    """

    html: str
    pdf: bytes
    pages: int
    check_seconds: float
    template_seconds: float
    layout_seconds: float
    write_seconds: float
    fetched: tuple[str, ...]
    pdf_html: str


def check(assessment: Assessment) -> list[Problem]:
    """Values the PDF could not print: characters missing from the fonts.

    Each character is reported once a value, where it is written.
    """
    drawable = glyphs.covered(resources.fonts())
    spots: Spots | None = None
    problems: list[Problem] = []
    for path, text in glyphs.strings(assessment.data):
        for char in glyphs.missing(text, drawable):
            spots = spots or Spots(assessment.source)
            line, col = spots.of(path, char)
            label = labels.item_label(assessment.form, path)
            message = _undrawable([char])
            problems.append(Problem(assessment.file, line, col, label, message))
    return problems


def _undrawable_rows(rows: list[ChangeRow], drawable: frozenset[int]) -> list[str]:
    """The cells of 別添２ with characters the fonts lack, one line each."""
    out = []
    for number, row in enumerate(rows, 1):
        for column, attribute in ROW_COLUMNS:
            chars = glyphs.missing(getattr(row, attribute), drawable)
            if chars:
                out.append(f"別添２の{number}行目の{column}: {_undrawable(chars)}")
    return out


def _undrawable(chars: list[str]) -> str:
    return (
        f"{glyphs.describe(chars)}はPDFのフォントにない文字です。"
        "別の文字（異体字なら通常の字体など）に置き換えてください。"
    )


def render(
    assessment: Assessment,
    rows: list[ChangeRow],
    origin: Provenance | None = None,
) -> Rendered:
    """The PDF and HTML of `assessment`, with `rows` as its 別添２."""
    start = time.process_time()
    fonts = resources.fonts()
    folder = resources.templates_dir()
    drawable = glyphs.covered(fonts)
    problems = [p.format() for p in check(assessment)]
    problems += _undrawable_rows(rows, drawable)
    if problems:
        raise HpiaError("\n".join(problems))

    day = _document_date(assessment)

    checked = time.process_time()
    view = assemble(assessment, rows)
    meta = _meta(assessment, day, origin)
    html = to_html(assessment.form, view, meta, fonts, folder)
    leftover = glyphs.missing(drawn_text(html), drawable)
    if leftover:  # in the catalog's or the template's own words
        raise HpiaError(_undrawable(leftover))
    standalone = to_html(assessment.form, view, meta, (), folder, NAMED_FACES)
    templated = time.process_time()

    pdf = write_pdf(html, fonts, folder, epoch=_epoch(day))
    return Rendered(
        html=standalone,
        pdf=pdf.data,
        pages=pdf.pages,
        check_seconds=checked - start,
        template_seconds=templated - checked,
        layout_seconds=pdf.layout_seconds,
        write_seconds=pdf.write_seconds,
        fetched=pdf.fetched,
        pdf_html=html,
    )


def _document_date(assessment: Assessment) -> dt.date | None:
    """The date the PDF carries: the 公表日, else SOURCE_DATE_EPOCH, else none."""
    published = assessment.value("published")
    if isinstance(published, dt.date):
        return published
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return None


def _epoch(day: dt.date | None) -> int:
    if day is None:
        return 0
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def _meta(
    assessment: Assessment, day: dt.date | None, origin: Provenance | None
) -> Meta:
    """Title, author and dates of the PDF; never the clock."""
    return Meta(
        title=str(assessment.value("title") or assessment.form.name),
        author=str(assessment.value("organisation") or ""),
        date=day.isoformat() if day is not None else "",
        generator=f"hpia {__version__}",
        custom=origin.custom() if origin is not None else (),
    )
