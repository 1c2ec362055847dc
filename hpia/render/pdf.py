"""HTML to PDF with WeasyPrint: pinned fonts, the local fetcher, a watched log.

WeasyPrint reports a missing glyph, a font it could not load or a resource
it could not fetch only as a log record, and still writes a PDF
(risks.md §1.1). Every warning of its logger during a render therefore
fails the render, with the record's text in the message.

The bytes depend only on the input: the PDF's dates come from the document
(`Meta.date`), the file identifier is a hash of the content, and
SOURCE_DATE_EPOCH is set while fonts are subset, because fontTools (the
fallback when HarfBuzz subsetting is missing) stamps the subset font with
the clock otherwise (risks.md §1.7).
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from hpia.errors import HpiaError
from hpia.problems import one_line
from hpia.render.fetcher import LocalFetcher, RefusedURL
from hpia.render.glyphs import describe
from hpia.render.resources import Font

WEASYPRINT = logging.getLogger("weasyprint")


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int
    layout_seconds: float
    write_seconds: float
    fetched: tuple[str, ...]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def watched() -> Iterator[list[logging.LogRecord]]:
    """The warnings WeasyPrint logs inside the block."""
    handler = _Collect()
    level = WEASYPRINT.level
    if level == logging.NOTSET or level > logging.WARNING:
        WEASYPRINT.setLevel(logging.WARNING)
    WEASYPRINT.addHandler(handler)
    try:
        yield handler.records
    finally:
        WEASYPRINT.removeHandler(handler)
        WEASYPRINT.setLevel(level)


@contextlib.contextmanager
def source_date(epoch: int) -> Iterator[None]:
    """SOURCE_DATE_EPOCH for the block, unless the caller has set it."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


# How much of a WeasyPrint warning a message quotes.
QUOTED_CHARS = 200


def complaint(record: logging.LogRecord) -> str:
    """A WeasyPrint warning in the words of a render failure, on one line."""
    args = record.args
    if record.msg.startswith(".notdef glyph") and isinstance(args, tuple):
        return f"フォントにない文字{describe([str(args[0])])}が使われています。"
    said = one_line(record.getMessage(), QUOTED_CHARS)
    return f"PDFの作成中に問題がありました（{said}）。"


def write_pdf(html: str, fonts: tuple[Font, ...], folder: Path, epoch: int = 0) -> Pdf:
    """Lay out `html` and write the PDF; fail on any WeasyPrint warning."""
    fetcher = LocalFetcher(files=[f.path for f in fonts], folders=[folder])
    font_config = FontConfiguration()
    with watched() as records, source_date(epoch):
        try:
            start = time.process_time()
            document = HTML(
                string=html, base_url=folder.as_uri() + "/", url_fetcher=fetcher
            ).render(font_config=font_config)
            laid_out = time.process_time()
            data = document.write_pdf(custom_metadata=True)
            written = time.process_time()
        except RefusedURL as err:
            url = one_line(err.url, QUOTED_CHARS)
            raise HpiaError(
                f"PDFの作成中に、許可されていない読み込みを止めました: {url}"
            ) from err
    if records:
        raise HpiaError("\n".join(dict.fromkeys(complaint(r) for r in records)))
    return Pdf(
        data=data,
        pages=len(document.pages),
        layout_seconds=laid_out - start,
        write_seconds=written - laid_out,
        fetched=tuple(fetcher.fetched),
    )
