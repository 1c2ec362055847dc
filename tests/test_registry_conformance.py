"""`hpia conformance`: the assessment's claims against the registry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import SEED_FORM, Run
from registry_fixtures import REGISTRY_FIXTURES
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from hpia.registry.database import url_of
from hpia.registry.models import Base

Hpia = Callable[..., Run]
ASSESSMENT = REGISTRY_FIXTURES / "juten.yaml"


def _rows(out: str) -> dict[str, str]:
    """Item → verdict of the printed table."""
    rows = {}
    for line in out.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[1]] = cells[0]
    return rows


def test_a_registry_that_matches_its_assessment(hpia: Hpia, loaded: str) -> None:
    run = hpia("conformance", ASSESSMENT, "--db", loaded)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines()[0] == "| 判定 | 項目 | 評価書の記載 | 台帳の根拠 |"
    rows = _rows(run.out)
    assert rows == {
        "（別添１） 記録項目": "一致",
        "Ⅱ-２-④ 記録される項目": "一致",
        "Ⅱ-２-④ 記録される項目 主な記録項目": "一致",
        "Ⅱ-２-② 対象となる本人の数": "一致",
        "Ⅱ-３-④ 使用者数": "一致",
        "Ⅲ-３-リスク２ その他の措置の内容": "一致",
        "Ⅲ-３-リスク１ リスクに対する措置の内容": "一致",
        "Ⅲ-３-リスク２ ユーザ認証の管理": "一致",
    }
    assert "| 一致 | Ⅱ-２-② 対象となる本人の数 | 1万人未満 | 宛名の人数 3 |" in run.out
    assert run.err == f"{ASSESSMENT}: 一致9件、不一致0件、記載なし0件\n"


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = ASSESSMENT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "juten.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


ITEM = "          - "
CASES = [
    (
        "対象となる本人の数: 1万人未満",
        "対象となる本人の数: 10万人以上100万人未満",
        "| 不一致 | Ⅱ-２-② 対象となる本人の数 | 10万人以上100万人未満 |",
    ),
    (
        "使用者数: 10人未満",
        "使用者数: 10人以上50人未満",
        "| 不一致 | Ⅱ-３-④ 使用者数 | 10人以上50人未満 | 使用者の人数 1 |",
    ),
    (f"{ITEM}罹患\n", "", "。別添１にない列: 罹患 |"),
    (
        f"{ITEM}助成金額\n",
        f"{ITEM}助成金額\n{ITEM}電話番号\n",
        "。台帳にない項目: 電話番号 |",
    ),
    (
        "ユーザ認証の管理: 行っている",
        "ユーザ認証の管理: 行っていない",
        "| 不一致 | Ⅲ-３-リスク２ ユーザ認証の管理 | 行っていない |",
    ),
    (f"{ITEM}個人番号\n", "", "食い違い: 個人番号 |"),
]


@pytest.mark.parametrize(
    ("old", "new", "row"),
    CASES,
    ids=["subjects", "users", "item-missing", "item-extra", "authentication", "ticks"],
)
def test_a_claim_the_registry_contradicts_fails(
    hpia: Hpia, loaded: str, tmp_path: Path, old: str, new: str, row: str
) -> None:
    run = hpia("conformance", _edited(tmp_path, old, new), "--db", loaded)
    assert run.code == 1, run.out + run.err
    assert row in run.out


def test_a_claim_the_assessment_does_not_make_is_reported_apart(
    hpia: Hpia, loaded: str, tmp_path: Path
) -> None:
    edited = _edited(
        tmp_path,
        "・システムの操作履歴（操作ログ）を記録している。\n",
        "",
    )
    run = hpia("conformance", edited, "--db", loaded)
    assert run.code == 0
    assert (
        "| 記載なし | Ⅲ（操作ログ） | 記載なし |"
        " 操作ログ 3件、ハッシュ連鎖は正常 |" in run.out
    )


def test_a_broken_log_contradicts_the_logging_claim(hpia: Hpia, loaded: str) -> None:
    engine = create_engine(url_of(loaded), poolclass=NullPool)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE operation_log DISABLE TRIGGER USER")
        else:
            conn.exec_driver_sql("DROP TRIGGER operation_log_no_delete")
        conn.exec_driver_sql("DELETE FROM operation_log WHERE seq = 1")
    engine.dispose()
    run = hpia("conformance", ASSESSMENT, "--db", loaded)
    assert run.code == 1
    assert "1番の記録が削除されています。" in run.out


def test_an_invalid_assessment_is_refused_with_its_problems(
    hpia: Hpia, loaded: str, tmp_path: Path
) -> None:
    edited = _edited(tmp_path, "使用者数: 10人未満", "使用者数: 大勢")
    run = hpia("conformance", edited, "--db", loaded)
    assert run.code == 1
    assert run.err.startswith("エラー: 評価書に誤りがあるため比較できません:\n")
    assert "使用者数" in run.err


def test_migrations_build_the_tables_the_models_declare(loaded: str) -> None:
    engine = create_engine(url_of(loaded), poolclass=NullPool)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_seed_against_a_small_synthetic_registry(hpia: Hpia, loaded: str) -> None:
    run = hpia("conformance", SEED_FORM, "--db", loaded)
    assert run.code == 1
    rows = _rows(run.out)
    assert rows["（別添１） 記録項目"] == "一致"
    assert rows["Ⅱ-２-④ 記録される項目"] == "一致"
    assert rows["Ⅱ-２-② 対象となる本人の数"] == "不一致"  # 3 fake persons
    assert rows["Ⅱ-３-④ 使用者数"] == "不一致"  # one user
    assert rows["Ⅲ-３-リスク２ その他の措置の内容"] == "一致"  # 操作ログ
    assert rows["Ⅲ-３-リスク２ ユーザ認証の管理"] == "一致"
