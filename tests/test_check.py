"""`hpia check`: validation and the law's rules over folders of 評価書."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Run
from pair import QUIET_DAY, checked, lines, write_pair

OVERDUE = "2026-12-03"
REVIEW_LINE = (
    "juten.yaml:10:8: 表紙 公表日: 警告: 年1回の見直しの期限 2026-04-15"
    "（令和8年4月15日）を過ぎています。最後の公表日は 2025-04-15（令和7年4月15日）"
    "です。記載内容を確認し、変わったところがあれば評価書を修正して公表して"
    "ください。 [yearly-review｜規則第14条（評価書の見直し）]"
)


def test_a_sound_pair_passes_without_a_word(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "task")
    result = hpia("check", folder, "--today", QUIET_DAY)
    assert (result.code, result.out) == (0, "")
    assert result.err == "2ファイルを点検: 誤り0件、警告0件、参考0件\n"


def test_warnings_exit_0_unless_strict(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "task")
    assert checked(hpia, folder, "--today", OVERDUE) == (0, [REVIEW_LINE])
    assert checked(hpia, folder, "--today", OVERDUE, "--strict") == (1, [REVIEW_LINE])


def test_validation_problems_come_with_their_rule_and_source(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    edit = ("    対象人数: 10万人以上30万人未満", "    対象人数: 10万人以上")
    folder = write_pair(tmp_path / "task", (edit,))
    assert checked(hpia, folder, "--today", QUIET_DAY) == (
        1,
        [
            "juten.yaml:16:11: Ⅰ-１-③ 対象人数: 「10万人以上」は選択肢にありません。"
            "選択肢: 「1,000人未満」「1,000人以上1万人未満」「1万人以上10万人未満」"
            "「10万人以上30万人未満」 [form-shape｜様式（項目・選択肢）]"
        ],
    )


def test_json_lists_each_finding_with_its_fields(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "task")
    result = hpia("check", folder, "--today", OVERDUE, "--format", "json")
    body = json.loads(result.out)
    assert body["findings"] == [
        {
            "level": "warning",
            "file": str(folder / "juten.yaml"),
            "line": 10,
            "col": 8,
            "label": "表紙 公表日",
            "rule": "yearly-review",
            "source": "規則第14条（評価書の見直し）",
            "message": REVIEW_LINE.split("警告: ")[1].split(" [")[0],
        }
    ]
    assert (body["files"], body["error"], body["warning"], body["info"]) == (2, 0, 1, 0)


def test_a_tree_of_tasks_is_checked_folder_by_folder(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    write_pair(tmp_path / "a" / "one")
    write_pair(
        tmp_path / "b" / "two",
        (("使用者数: 10人以上50人未満", "使用者数: 1,000人以上"),),
    )
    result = hpia("check", tmp_path, "--today", QUIET_DAY)
    found = lines(result, tmp_path)
    assert result.code == 1
    assert [line.split(": ")[0] for line in found] == [
        "b/two/juten.yaml:71:17",
        "b/two/kiso.yaml:42:29",
    ]
    assert result.err == "4ファイルを点検: 誤り2件、警告0件、参考0件\n"


def test_a_file_given_alone_is_not_said_to_lack_its_companion(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "task")
    alone = hpia("check", folder / "juten.yaml", "--today", QUIET_DAY)
    assert (alone.code, alone.out) == (0, "")
    assert alone.err == "1ファイルを点検: 誤り0件、警告0件、参考0件\n"


def test_a_folder_given_twice_is_read_once(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "task")
    result = hpia("check", folder, folder / "juten.yaml", "--today", OVERDUE)
    assert lines(result, folder) == [REVIEW_LINE]


def test_a_bad_day_is_a_usage_error(hpia: Callable[..., Run], tmp_path: Path) -> None:
    folder = write_pair(tmp_path / "task")
    result = hpia("check", folder, "--today", "令和8年12月3日")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "エラー: --today: 「令和8年12月3日」は日付として読めません。"
        "2026-12-03 のように西暦の年-月-日で指定してください。\n"
    )


def test_every_validation_warning_names_what_it_rests_on(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    edit = ("    連絡先: テスト課", "    連絡先: テスト課 #内線123")
    folder = write_pair(tmp_path / "task", (edit,))
    assert checked(hpia, folder, "--today", QUIET_DAY) == (
        0,
        [
            "juten.yaml:207:10: Ⅳ-２-① 連絡先: 警告: 値の後の「 #」から行末までは"
            "コメントとして無視されます（#内線123）。値に含めるなら値全体を引用符で"
            "囲んでください。 [cut-by-comment｜YAML の書き方（「 #」から後はコメント）]"
        ],
    )
