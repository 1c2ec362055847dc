"""Parts of a catalog that rest on unchecked sources are marked and listed."""

from __future__ import annotations

from hpia.catalog.basis import basis_of, note, unverified
from hpia.catalog.nodes import Basis, Form, group, text

FORM = Form(
    stamp="テスト",
    name="テスト評価書",
    filename="test.yaml",
    schema_name="test",
    children=(
        group("表紙", text("公表日"), basis=Basis.CITED),
        group(
            "リスク対策",
            text("監査"),
            text("人手を介在させる作業", basis=Basis.UNSURE),
            basis=Basis.MEMORY,
        ),
        text("備考"),
    ),
)


def test_a_node_inherits_the_basis_of_its_section() -> None:
    assert basis_of(FORM, ("表紙", "公表日")) is Basis.CITED
    assert basis_of(FORM, ("リスク対策", "監査")) is Basis.MEMORY
    assert basis_of(FORM, ("リスク対策", "人手を介在させる作業")) is Basis.UNSURE


def test_without_a_basis_anywhere_an_item_is_from_the_published_form() -> None:
    assert basis_of(FORM, ("備考",)) is Basis.SEED


def test_unverified_parts_are_listed_once_each_at_their_top() -> None:
    assert list(unverified(FORM)) == [
        (("リスク対策",), Basis.MEMORY),
        (("リスク対策", "人手を介在させる作業"), Basis.UNSURE),
    ]


def test_the_hover_note_names_the_basis_only_when_unverified() -> None:
    assert note(Basis.CITED) == ""
    assert note(Basis.MEMORY) == (
        "出典: 公式様式との照合が未了（[M]）。公式様式で確認してください。"
    )
