"""The 基礎項目評価書 (様式2) as a second form of the catalog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES, Run

from hpia import catalog
from hpia.catalog import kiso_r06_10
from hpia.catalog.labels import item_label
from hpia.schema import schema_of

KISO = FIXTURES / "kiso" / "kiso.yaml"


def test_the_form_is_found_by_its_cover_stamp_in_any_width() -> None:
    assert catalog.find_form("[令和6年10月 様式2]") is kiso_r06_10.FORM


def test_the_fixture_is_valid(hpia: Callable[..., Run]) -> None:
    result = hpia("validate", KISO)
    assert (result.code, result.out) == (0, "")


def test_a_wrong_band_is_reported_with_the_forms_choices(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = tmp_path / "kiso.yaml"
    text = KISO.read_text(encoding="utf-8")
    path.write_text(text.replace(": 500人未満", ": 499人以下"), encoding="utf-8")
    result = hpia("validate", path)
    assert result.code == 1
    assert result.out == (
        f"{path}:42:29: Ⅱ-２ 特定個人情報ファイル取扱者数は500人以上か: "
        "「499人以下」は選択肢にありません。選択肢: 「500人以上」「500人未満」\n"
    )


def test_items_are_labelled_with_the_forms_numbers() -> None:
    form = kiso_r06_10.FORM
    assert item_label(form, form.path("target_people")) == (
        "Ⅱ-１ 評価対象の事務の対象人数は何人か"
    )
    assert item_label(form, form.path("threshold")) == "Ⅲ しきい値判断結果"
    assert item_label(form, form.path("linkage")) == "Ⅰ-４-① 実施の有無"


def test_hover_text_says_which_items_rest_on_unverified_sources() -> None:
    schema = schema_of(kiso_r06_10.FORM)
    threshold = schema["properties"]["しきい値判断結果"]["properties"][
        "しきい値判断結果"
    ]
    linkage = schema["properties"]["関連情報"]["properties"][
        "情報提供ネットワークシステムによる情報連携"
    ]["properties"]["実施の有無"]
    assert "公式様式との照合が未了（[M]）" in threshold["description"]
    assert "出典" not in linkage["description"]
