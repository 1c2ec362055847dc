"""`hpia changes`: its outputs, publications and review decisions."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from conftest import ROOT, Run
from gitrepo import FIXTURE, GitRepo

from hpia.changes import Row, change_table

DEPT = "Ⅰ基本情報 ６．評価実施機関における担当部署 ①部署"
HEAD = "Ⅰ基本情報 ６．評価実施機関における担当部署 ②所属長の役職名"
RANGE = "Ⅱ特定個人情報ファイルの概要 ２．基本情報 ③対象となる本人の範囲"
NOT_IMPORTANT = "重要な変更の対象となる項目でないため。"
ROWS = """\
行:
  - 変更日: 2022-05-19
    項目: Ⅰ　基本情報 ４．個人番号の利用 法令上の根拠
    変更前の記載: 番号法別表第1の93の2の項
    変更後の記載: |-
      番号法別表第1の10及び93の2の項
      （委託先への提供）
    提出時期: 事後
    提出時期に係る説明: ""
"""


def edit_two_items(repo: GitRepo) -> str:
    """The issue's example: a ※ item and a plain item in one commit."""
    repo.edit(
        "範囲: |-\n          対象となる本人の範囲の内容。",
        "範囲: |-\n          本市に住民登録のある者。",
    )
    repo.edit("所属長の役職名: 所属長の役職名", "所属長の役職名: 健康推進課長")
    return repo.commit(date="2025-06-02T15:00:00+09:00")


def test_one_commit_adds_a_row_per_item_the_important_one_first(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    edit_two_items(repo)

    result = hpia("changes", repo.folder, "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == [
        {
            "date": "2025-06-02",
            "item": RANGE,
            "before": "対象となる本人の範囲の内容。\n二行目。",
            "after": "本市に住民登録のある者。\n二行目。",
            "timing": "事前",
            "reason": "重要な変更",
        },
        {
            "date": "2025-06-02",
            "item": HEAD,
            "before": "所属長の役職名",
            "after": "健康推進課長",
            "timing": "事後",
            "reason": NOT_IMPORTANT,
        },
    ]


def test_rows_from_change_log_come_first(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    repo.write(repo.log_folder / "before-git.yaml", ROWS)
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-06-02T15:00:00+09:00")

    rows = json.loads(hpia("changes", repo.folder, "--format", "json").out)
    assert [(r["date"], r["item"], r["after"]) for r in rows] == [
        (
            "2022-05-19",
            "Ⅰ　基本情報 ４．個人番号の利用 法令上の根拠",
            "番号法別表第1の10及び93の2の項\n（委託先への提供）",
        ),
        ("2025-06-02", DEPT, "健康推進課"),
    ]


def test_csv_has_the_form_columns_and_marks_pending_rows(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-06-02T15:00:00+09:00")
    repo.edit("部署: 健康推進課", "部署: 健康増進課")

    result = hpia("changes", repo.folder, "--format", "csv")
    lines = result.out.splitlines()
    assert (
        lines[0]
        == "変更日,項目,変更前の記載,変更後の記載,提出時期,提出時期に係る説明,状態"
    )
    assert lines[1] == f"2025-06-02,{DEPT},部署,健康推進課,事後,{NOT_IMPORTANT},"
    assert lines[2].startswith("20")
    assert lines[2].endswith(
        f",{DEPT},健康推進課,健康増進課,事後,{NOT_IMPORTANT},未コミット"
    )


def test_json_marks_pending_rows(repo: GitRepo, hpia: Callable[..., Run]) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    rows = json.loads(hpia("changes", repo.folder, "--format", "json").out)
    assert [r.get("pending") for r in rows] == [True]


TABLE = FIXTURE.with_name("table.txt")


def test_the_table_prints_the_six_columns(
    repo: GitRepo, hpia: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-06-02T15:00:00+09:00")

    result = hpia("changes", repo.folder)
    assert result.out == TABLE.read_text(encoding="utf-8")


PUBLISHED = "公表:\n  - 公表日: {date}\n    コミット: {commit}\n"


def publish(repo: GitRepo, *marks: tuple[str, str]) -> None:
    text = "公表:\n" + "".join(
        f"  - 公表日: {date}\n    コミット: {commit}\n" for date, commit in marks
    )
    repo.write(repo.log_folder / "publications.yaml", text)


def test_commits_between_publications_collapse_into_one_row_per_item(
    repo: GitRepo,
) -> None:
    first = repo.git("rev-parse", "HEAD")
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-03-01T09:00:00+09:00")
    repo.edit("部署: 健康推進課", "部署: 健康増進課")
    repo.commit(date="2025-03-20T09:00:00+09:00", trailer="変更日: 2025-03-31")
    repo.edit("所属長の役職名: 所属長の役職名", "所属長の役職名: 課長")
    repo.commit(date="2025-03-25T09:00:00+09:00")
    repo.edit("所属長の役職名: 課長", "所属長の役職名: 所属長の役職名")
    second = repo.commit(date="2025-03-26T09:00:00+09:00")
    publish(repo, ("2024-04-15", first), ("2025-04-15", second))

    rows = change_table(repo.folder).rows
    assert [(str(r.date), r.item, r.before, r.after) for r in rows] == [
        ("2025-03-31", DEPT, "部署", "健康増進課")
    ]


def test_history_before_the_first_publication_makes_no_rows(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 転記の誤り")
    repo.commit("Fix the transcription")
    published = repo.git("rev-parse", "HEAD")
    publish(repo, ("2025-04-15", published))
    repo.commit("Record the publication")

    assert change_table(repo.folder).rows == []


def test_after_the_last_publication_rows_run_from_the_published_text(
    repo: GitRepo,
) -> None:
    publish(repo, ("2024-04-15", repo.git("rev-parse", "HEAD")))
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-05-01T09:00:00+09:00")
    repo.edit("部署: 健康推進課", "部署: 健康増進課")
    edited = repo.commit(date="2025-05-02T09:00:00+09:00")
    repo.edit("所属長の役職名: 所属長の役職名", "所属長の役職名: 課長")

    rows = change_table(repo.folder).rows
    assert [(r.item, r.before, r.after, r.pending, r.commit) for r in rows] == [
        (DEPT, "部署", "健康増進課", False, edited),
        (HEAD, "所属長の役職名", "課長", True, ""),
    ]


def test_an_edit_back_to_the_published_text_makes_no_row(repo: GitRepo) -> None:
    publish(repo, ("2024-04-15", repo.git("rev-parse", "HEAD")))
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit()
    repo.edit("部署: 健康推進課", "部署: 部署")
    repo.commit()
    assert change_table(repo.folder).rows == []


def test_a_publication_not_in_the_history_is_a_located_error(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    publish(repo, ("2024-04-15", "0123456789abcdef0123456789abcdef01234567"))

    result = hpia("changes", repo.folder)
    file = repo.log_folder / "publications.yaml"
    assert result.code == 1
    assert result.err == (
        f"エラー: {file}:2:5: 公表: "
        "コミット 0123456789abcdef0123456789abcdef01234567 がこの履歴にありません。\n"
    )


def decide(repo: GitRepo, name: str, text: str) -> None:
    repo.write(repo.log_folder / "decisions" / name, text)


TYPO = "誤字の修正であり、重要な変更に当たらないため。"


def retime(repo: GitRepo, row: Row) -> None:
    """The legal office's decision: this ※ row is 事後 (a typo fixed)."""
    decide(
        repo,
        "2025-06-03-range.yaml",
        f"""\
判断:
  - 項目: {row.item}
    内容ハッシュ: {row.content_hash}
    審査者: 法務課 審査 一郎
    審査日: 2025-06-03
    結論: 提出時期の変更
    提出時期: 事後
    理由: {TYPO}
""",
    )


def test_a_decision_for_the_row_changes_its_timing(repo: GitRepo) -> None:
    edit_two_items(repo)
    important = change_table(repo.folder).rows[0]
    retime(repo, important)

    rows = change_table(repo.folder).rows
    assert [(r.item, r.timing, r.reason) for r in rows] == [
        (RANGE, "事後", TYPO),
        (HEAD, "事後", NOT_IMPORTANT),
    ]


def test_a_later_edit_voids_the_decision(repo: GitRepo) -> None:
    publish(repo, ("2024-04-15", repo.git("rev-parse", "HEAD")))
    edit_two_items(repo)
    important = change_table(repo.folder).rows[0]
    retime(repo, important)
    assert change_table(repo.folder).rows[0].timing == "事後"

    repo.edit("本市に住民登録のある者。", "本市に住所を有する者。")
    repo.commit()
    rows = change_table(repo.folder).rows
    assert [(r.item, r.timing) for r in rows if r.item == RANGE] == [(RANGE, "事前")]


def test_mistakes_in_change_log_are_listed_with_their_place(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    repo.write(
        repo.log_folder / "before-git.yaml",
        ROWS.replace("提出時期: 事後", "提出時期: 事中").replace(
            "変更日: 2022-05-19", "変更日: 令和4年5月19日"
        ),
    )
    decide(repo, "bad.yaml", "判断:\n  - 項目: x\n    結論: 提出時期の変更\n")

    result = hpia("changes", repo.folder)
    rows_file = repo.log_folder / "before-git.yaml"
    decisions = repo.log_folder / "decisions" / "bad.yaml"
    assert result.code == 1
    assert result.err.splitlines() == [
        f"エラー: {rows_file}:2:10: 変更箇所1 変更日: 「令和4年5月19日」は日付として"
        "読めません。2025-04-15 のように西暦で記入してください。",
        f"{rows_file}:8:11: 変更箇所1 提出時期: 「事中」は書けません。"
        "書けるのは 「事前」「事後」 です。",
        f"{decisions}:2:5: 判断1: 項目「内容ハッシュ」がありません。",
        f"{decisions}:2:5: 判断1: 項目「審査者」がありません。",
        f"{decisions}:2:5: 判断1: 項目「審査日」がありません。",
    ]


def test_unknown_values_in_change_log_are_warnings(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    repo.write(
        repo.log_folder / "before-git.yaml",
        ROWS.replace("変更日: 2022-05-19", "変更日: （不明）"),
    )

    result = hpia("changes", repo.folder, "--format", "json")
    file = repo.log_folder / "before-git.yaml"
    assert result.code == 0
    assert result.err == (
        f"{file}:2:10: 変更箇所1 変更日: 警告: "
        "値が（不明）です。根拠となる資料で確認して記入してください。\n"
    )
    assert json.loads(result.out)[0]["date"] == "（不明）"


def test_a_missing_path_is_a_usage_error(hpia: Callable[..., Run]) -> None:
    result = hpia("changes", "no/such/folder")
    assert (result.code, result.err) == (
        2,
        "エラー: no/such/folder: ファイルまたはフォルダが見つかりません。\n",
    )


def test_the_command_explains_itself(
    hpia: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = hpia("changes", "--help")
    assert result.code == 0
    assert "（別添２）変更箇所を、change_log/ の記録と git の履歴から" in result.out
    assert "table|json|csv" in result.out


def test_an_unknown_format_is_a_usage_error(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    result = hpia("changes", repo.folder, "--format", "pdf")
    assert result.code == 2
    assert "使い方の誤り" in result.err


KISO = ROOT / "assessments" / "hitachinaka" / "yobou-sesshu" / "kiso.yaml"


def test_a_folder_shows_the_main_sheet_and_kiso_is_asked_for_by_file(
    repo: GitRepo, hpia: Callable[..., Run]
) -> None:
    publish(repo, ("2024-04-15", repo.git("rev-parse", "HEAD")))
    kiso = repo.folder / "kiso.yaml"
    repo.write(kiso, KISO.read_text(encoding="utf-8"))
    repo.write(repo.log_folder / "before-git.kiso.yaml", ROWS)
    repo.commit("Add the 基礎項目評価書")
    repo.edit("部署: 保健福祉部健康推進課", "部署: 保健センター", path=kiso)
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-06-02T15:00:00+09:00")

    juten = json.loads(hpia("changes", repo.folder, "--format", "json").out)
    assert [(r["item"], r["after"]) for r in juten] == [(DEPT, "健康推進課")]
    basis = json.loads(hpia("changes", kiso, "--format", "json").out)
    assert [(r["date"], r["after"]) for r in basis] == [
        ("2022-05-19", "番号法別表第1の10及び93の2の項\n（委託先への提供）"),
        ("2025-06-02", "保健センター"),
    ]
