"""The PDF of a filled form: its pages, fonts, text, metadata and bytes."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from renders import FORM, filled, filled_assessment, squeeze

from hpia.catalog.nodes import Kind
from hpia.render import glyphs, render
from hpia.render.provenance import Provenance
from hpia.values import UNKNOWN

A4 = (595.28, 841.89)  # points
RECORD_LISTS = FORM.node("record_lists")


def reader() -> PdfReader:
    return PdfReader(io.BytesIO(filled().result.pdf))


def fonts_of(pdf: PdfReader) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def test_every_page_is_a4_portrait() -> None:
    for page in reader().pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_pages_are_numbered_n_of_total() -> None:
    pages = filled().pages
    total = len(pages)
    for n, text in enumerate(pages, 1):
        assert f"{n} / {total}" in text


def test_every_font_is_an_embedded_subset_of_a_pinned_japanese_font() -> None:
    fonts = fonts_of(reader())

    assert sorted(re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts) == [
        "hpia-gothic",
        "hpia-gothic-Bold",
        "hpia-mincho",
    ]
    families = set()
    for font in fonts.values():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        data = descriptor.get_object()["/FontFile2"].get_object().get_data()
        with TTFont(io.BytesIO(data)) as embedded:
            families.add(embedded["name"].getDebugName(1))
    assert families == {"BIZ UDMincho", "BIZ UDGothic"}


def test_every_value_of_the_form_is_printed() -> None:
    case = filled()
    assert case.job.assessment is not None
    text = squeeze(case.text)

    # A record list's 形式 decides how the list is printed, not what.
    style = next(c.key for c in RECORD_LISTS.children if c.kind is Kind.CHOICE)
    data = case.job.assessment.data
    values = [v for p, v in glyphs.strings(data) if v.strip() and p[-1] != style]
    missing = [v for v in values if squeeze(v) not in text]

    assert len(values) > 150
    assert missing == []


def test_dates_print_in_wareki_with_gannen() -> None:
    text = filled().text
    assert "令和7年4月15日" in text  # 公表日 2025-04-15
    assert "令和元年5月1日" in text  # 保有開始日 2019-05-01
    assert "2019-05-01" not in text


def test_metadata_names_the_document_its_author_and_its_date() -> None:
    pdf = reader()
    info = pdf.metadata
    assert info is not None

    assert info["/Title"] == "評価書名の記載"
    assert info["/Author"] == "評価実施機関名の記載"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20250415"
    assert pdf.trailer["/Root"]["/Lang"] == "ja"


def test_metadata_carries_the_content_hash_and_the_commit() -> None:
    case = filled()
    assert case.job.assessment is not None
    source = case.job.assessment.source.path
    origin = Provenance(hashlib.sha256(source.read_bytes()).hexdigest(), "ab" * 20)

    again = render(case.job.assessment, case.job.rows, origin)
    info = PdfReader(io.BytesIO(again.pdf)).metadata

    assert info is not None
    assert info["/hpiacontentsha256"] == origin.content_sha256
    assert info["/hpiasourcecommit"] == "ab" * 20


def test_rendering_again_gives_the_same_bytes() -> None:
    case = filled()
    assert case.job.assessment is not None
    again = render(case.job.assessment, case.job.rows, case.job.origin)
    assert again.pdf == case.result.pdf


@pytest.mark.parametrize("epoch", [None, "0"], ids=["no-epoch", "epoch-0"])
def test_two_processes_write_the_same_bytes(tmp_path: Path, epoch: str | None) -> None:
    case = filled()
    assert case.job.assessment is not None
    folder = case.job.assessment.source.path.parent
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch

    outputs = []
    for n in (1, 2):
        out = tmp_path / f"{n}.pdf"
        command = [sys.executable, "-m", "hpia", "render", str(folder), "-o", str(out)]
        subprocess.run(command, check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())

    assert outputs[0] == outputs[1]
    assert outputs[0] == case.result.pdf


@pytest.mark.parametrize(
    ("epoch", "date"),
    [("86400", "D:19700102"), (None, None)],
    ids=["source-date-epoch", "no-date-at-all"],
)
def test_without_a_publication_date_the_pdf_dates_come_from_the_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str | None, date: str | None
) -> None:
    assessment = filled_assessment(tmp_path)
    assessment.data["表紙"]["公表日"] = UNKNOWN
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if epoch is not None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)

    info = PdfReader(io.BytesIO(render(assessment, []).pdf)).metadata

    assert info is not None
    assert info.get("/CreationDate") == date
    assert info.get("/ModDate") == date
