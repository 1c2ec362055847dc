"""The 基礎項目評価書 (様式2) as a PDF, laid out like the 様式3 one."""

from __future__ import annotations

import functools
import io
import tempfile
from pathlib import Path

from conftest import SEED_DIR
from filled import write_filled
from pypdf import PdfReader
from renders import Case, assessment_folder, render_folder, squeeze

from hpia.catalog import juten_r06_10, kiso_r06_10
from hpia.render import glyphs
from hpia.render.loading import load

FORM = kiso_r06_10.FORM
A4 = (595.28, 841.89)  # points


@functools.cache
def filled() -> Case:
    root = Path(tempfile.mkdtemp(prefix="hpia-render-kiso-"))
    folder = assessment_folder(root)
    write_filled(FORM, folder / FORM.filename)
    return render_folder(folder)


def test_every_value_of_the_form_is_printed() -> None:
    case = filled()
    assert case.job.assessment is not None
    text = squeeze(case.text)
    values = [v for _, v in glyphs.strings(case.job.assessment.data) if v.strip()]
    assert len(values) > 30
    assert [v for v in values if squeeze(v) not in text] == []


def test_the_form_prints_its_stamp_parts_and_change_table_on_a4() -> None:
    case = filled()
    text = squeeze(case.text)
    for words in (
        "[令和６年10月　様式２]",
        "特定個人情報保護評価書（基礎項目評価書）",
        "Ⅰ　関連情報",
        "Ⅱ　しきい値判断項目",
        "Ⅲ　しきい値判断結果",
        "Ⅳ　リスク対策",
        "（別添）　変更箇所",
    ):
        assert squeeze(words) in text, words
    assert "項目一覧" not in text
    pages = PdfReader(io.BytesIO(case.result.pdf)).pages
    for page in pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_a_folder_renders_its_focused_form_and_a_file_its_own() -> None:
    folder = load(SEED_DIR)
    basic = load(SEED_DIR / "kiso.yaml")
    assert folder.assessment is not None and basic.assessment is not None
    assert folder.assessment.form is juten_r06_10.FORM
    assert basic.assessment.form is FORM
    # change_log/ holds the 重点's 別添２; the 基礎 has no rows there.
    assert folder.rows and basic.rows == []
