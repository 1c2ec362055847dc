"""`hpia check` on Hitachinaka's pair: the seed 重点 and the 基礎 beside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, SEED_DIR, Run
from ruamel.yaml import YAML

from hpia.rules.citations import repealed_citations
from hpia.yamlio import dump, make_yaml

KISO = SEED_DIR / "kiso.yaml"
BEFORE_GIT = ROOT / "change_log" / "hitachinaka" / "yobou-sesshu" / "before-git.yaml"
THRESHOLD = "指針 第5 2（しきい値判断）"
SOURCE = f"[threshold-counts｜{THRESHOLD}]"


def test_the_seed_pair_passes_and_its_yearly_review_is_overdue(
    hpia: Callable[..., Run],
) -> None:
    result = hpia("check", SEED_DIR, "--today", "2026-12-03")
    assert result.code == 0
    assert (
        f"{SEED_DIR}/juten.yaml:17:8: 表紙 公表日: 警告: 年1回の見直しの期限 "
        "2026-04-15（令和8年4月15日）を過ぎています。最後の公表日は 2025-04-15"
        "（令和7年4月15日）です。記載内容を確認し、変わったところがあれば評価書を"
        "修正して公表してください。 [yearly-review｜規則第14条（評価書の見直し）]"
    ) in result.out.splitlines()
    assert "誤り0件" in result.err


def test_500_users_make_the_seed_need_a_full_assessment(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = tmp_path / "yobou-sesshu"
    shutil.copytree(SEED_DIR, folder)
    juten = folder / "juten.yaml"
    text = juten.read_text(encoding="utf-8")
    old = "使用者数: 50人以上100人未満"
    assert old in text
    juten.write_text(text.replace(old, "使用者数: 500人以上1,000人未満"), "utf-8")

    result = hpia("check", folder, "--today", "2026-12-03")
    errors = [line for line in result.out.splitlines() if ": 警告: " not in line]
    staff = (
        "使用者数「500人以上1,000人未満」と委託先の取扱者数「10人以上50人未満」"
        "「10人未満」「10人以上50人未満」「10人以上50人未満」"
    )
    assert result.code == 1
    assert errors == [
        f"{folder}/juten.yaml:196:17: Ⅱ-３-④ 使用者数: {staff}を合わせると、"
        "取扱者数は500人以上です。対象人数が10万人以上30万人未満で、取扱者数が"
        "500人以上であるため、基礎項目評価及び全項目評価が義務付けられます。"
        "Ⅴ-１-② しきい値判断結果は「基礎項目評価及び重点項目評価の実施が義務"
        "付けられる」となっています。重点項目評価書ではなく全項目評価書が必要です。"
        f" {SOURCE}",
        f"{folder}/kiso.yaml:80:29: Ⅱ-２ 特定個人情報ファイル取扱者数は500人以上か: "
        "「500人未満」としていますが、重点項目評価書（juten.yaml:196:17）の"
        f"{staff}を合わせると500人以上です。 [pair-handlers｜{THRESHOLD}]",
    ]


def test_the_basic_form_marks_every_gap_as_unknown(hpia: Callable[..., Run]) -> None:
    result = hpia("validate", KISO)
    found = result.out.splitlines()
    assert result.code == 0
    assert len(found) == 17
    assert all(
        line.endswith("値が（不明）です。根拠となる資料で確認して記入してください。")
        for line in found
    )


def test_the_basic_form_round_trips_and_declares_its_schema() -> None:
    text = KISO.read_text(encoding="utf-8")
    assert dump(make_yaml().load(text)) == text
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=../../../schema/kiso-r06-10.schema.json"
    )


def test_the_seeds_own_change_table_drops_every_repealed_citation() -> None:
    """The rows of 令和7年3月31日 rewrote the citations for the 2024 law."""
    rows = YAML().load(BEFORE_GIT.read_text(encoding="utf-8"))["行"]
    rewrites = [r for r in rows if str(r["変更日"]) == "2025-03-31"]
    before = [c for r in rewrites for c in repealed_citations(str(r["変更前の記載"]))]
    after = [c for r in rewrites for c in repealed_citations(str(r["変更後の記載"]))]
    assert {c.repealed.was for c in before} == {
        "番号法別表第一",
        "番号法別表第二",
        "番号法別表第一の主務省令で定める事務を定める命令",
        "番号法別表第二の主務省令で定める事務及び情報を定める命令",
    }
    assert after == []
