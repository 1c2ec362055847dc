"""The registry's command line, end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import Run
from registry_fixtures import ADMIN_PASSWORD, REGISTRY_FIXTURES

from hpia.registry import people
from hpia.registry.database import open_registry, url_of
from hpia.registry.roles import Role
from hpia.registry.staff import Staff

NUMBERS = ("900000000010", "900000000028", "900000000036")
Hpia = Callable[..., Run]


def _engine(db: str) -> sa.Engine:
    return sa.create_engine(url_of(db), poolclass=sa.pool.NullPool)


def _dump(db: str) -> str:
    """Every value of every table, as text."""
    engine = _engine(db)
    with engine.connect() as conn:
        tables = sa.inspect(conn).get_table_names()
        rows = [
            repr(tuple(row))
            for table in tables
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"'))
        ]
    engine.dispose()
    return "\n".join(rows)


def _count(db: str, table: str) -> int:
    engine = _engine(db)
    with engine.connect() as conn:
        count = conn.scalar(sa.text(f"SELECT count(*) FROM {table}"))
    engine.dispose()
    return int(count or 0)


def _add_user(
    hpia: Hpia, db: str, name: str, role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HPIA_NEW_PASSWORD", f"{name}-pass-1")
    run = hpia(
        "registry", "--db", db, "--user", "admin", "user", "add", name, "--role", role
    )
    assert run.code == 0, run.err


def test_commands_run_end_to_end_without_leaking_the_number(
    hpia: Hpia, loaded: str, tmp_path: Path
) -> None:
    shown = hpia("registry", "--db", loaded, "--user", "admin", "show", "T0001")
    assert shown.code == 0
    assert "氏名: テスト太郎" in shown.out
    assert "接種記録: 2件" in shown.out
    assert "接種日年齢: 1" in shown.out
    assert "個人番号" not in shown.out

    out = tmp_path / "extract.csv"
    extracted = hpia(
        "registry",
        "--db",
        loaded,
        "--user",
        "admin",
        "extract",
        "--where",
        "接種日>=令和3年1月1日",
        "-o",
        out,
    )
    assert extracted.code == 0, extracted.err
    assert extracted.out == f"3件を {out} に出力しました。\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff宛名番号,氏名,性別,生年月日,住所,予防接種区分,")
    assert len(text.splitlines()) == 4

    verified = hpia("registry", "--db", loaded, "audit", "verify")
    assert verified.code == 0
    assert "改変・削除はありません" in verified.out

    stored = _dump(loaded)
    for number in NUMBERS:
        assert number not in text
        assert number not in stored
        assert number not in shown.out + extracted.out + verified.out


def test_the_database_file_holds_no_number(
    hpia: Hpia, tmp_path: Path, registry_env: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    for args in (
        ("init",),
        ("user", "add", "admin", "--role", "管理"),
        ("--user", "admin", "import", "persons", REGISTRY_FIXTURES / "persons.csv"),
    ):
        assert hpia("registry", "--db", db, *args).code == 0
    raw = db.read_bytes()
    assert b"T0001" in raw  # the file is readable as such; the numbers are not
    for number in NUMBERS:
        assert number.encode() not in raw
        assert number.encode("utf-16-le") not in raw
    assert registry_env.stat().st_mode & 0o077 == 0


def test_show_with_number_is_for_roles_that_may_see_it(
    hpia: Hpia, loaded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = hpia(
        "registry", "--db", loaded, "--user", "admin", "show", "T0001", "--number"
    )
    assert "個人番号: 900000000010" in shown.out

    _add_user(hpia, loaded, "viewer", "閲覧", monkeypatch)
    monkeypatch.setenv("HPIA_PASSWORD", "viewer-pass-1")
    refused = hpia(
        "registry", "--db", loaded, "--user", "viewer", "show", "T0001", "--number"
    )
    assert refused.code == 1
    assert refused.err == (
        "エラー: 使用者「viewer」（役割: 閲覧）には"
        "「個人番号の表示」の権限がありません。"
        "権限のある役割: 登録・管理\n"
    )


def test_a_user_without_the_right_is_refused_and_logged(
    hpia: Hpia, loaded: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _add_user(hpia, loaded, "viewer", "閲覧", monkeypatch)
    monkeypatch.setenv("HPIA_PASSWORD", "viewer-pass-1")
    refused = hpia(
        "registry",
        "--db",
        loaded,
        "--user",
        "viewer",
        "extract",
        "-o",
        tmp_path / "x.csv",
    )
    assert refused.code == 1
    assert refused.err == (
        "エラー: 使用者「viewer」（役割: 閲覧）には「抽出」の権限がありません。"
        "権限のある役割: 抽出・管理\n"
    )
    assert not (tmp_path / "x.csv").exists()
    assert "拒否（権限なし）" in _dump(loaded)


def test_a_wrong_password_is_refused(
    hpia: Hpia, loaded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HPIA_PASSWORD", "not-the-password")
    run = hpia("registry", "--db", loaded, "--user", "admin", "show", "T0001")
    assert run.code == 1
    assert run.err == "エラー: 使用者名またはパスワードが違います。\n"
    unknown = hpia("registry", "--db", loaded, "--user", "nobody", "show", "T0001")
    assert unknown.err == run.err


def test_a_missing_key_file_is_named(
    hpia: Hpia, loaded: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HPIA_REGISTRY_KEY", str(tmp_path / "elsewhere.key"))
    run = hpia("registry", "--db", loaded, "--user", "admin", "show", "T0001")
    assert run.code == 1
    assert run.err == (
        f"エラー: 鍵ファイルがありません: {tmp_path / 'elsewhere.key'}。"
        "台帳を作成したときの鍵ファイルを"
        "環境変数 HPIA_REGISTRY_KEY に指定してください。\n"
    )


def test_another_key_is_refused(
    hpia: Hpia, loaded: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HPIA_REGISTRY_KEY", str(tmp_path / "other.key"))
    assert hpia("registry", "--db", tmp_path / "other.sqlite3", "init").code == 0
    run = hpia("registry", "--db", loaded, "--user", "admin", "show", "T0001")
    assert run.code == 1
    assert "鍵ファイルがこの台帳の鍵ではありません。" in run.err


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


RECORD_HEADER = (
    "宛名番号,予防接種区分,接種回数,要注意者,罹患,転入前実施サイン,実施方法,実施内容,"
    "接種日,接種日年齢,接種量,医療機関,予診医師,接種医師,ロット番号,製造メーカー,請求月,助成金額\n"
)
GOOD_RECORD = (
    "T0002,日本脳炎,1,無,無,無,個別,第1期,2024-06-01,,0.5,テスト医院,"
    "試験医師一,試験医師一,TEST-009,架空製薬,2024-07,7000\n"
)


def test_one_bad_line_refuses_the_whole_file(
    hpia: Hpia, loaded: str, tmp_path: Path
) -> None:
    bad = _write(
        tmp_path / "records.csv",
        RECORD_HEADER + GOOD_RECORD + GOOD_RECORD.replace("T0002", "T9999"),
        "cp932",
    )
    before = _count(loaded, "records")
    run = hpia("registry", "--db", loaded, "--user", "admin", "import", "records", bad)
    assert run.code == 1
    assert run.err == (
        f"エラー: {bad}:3: 列「宛名番号」: 宛名番号 T9999 の宛名が台帳にありません。"
        "先に宛名を取り込んでください。\n取込を中止しました。台帳は変わっていません。\n"
    )
    assert _count(loaded, "records") == before
    assert "中止（3行目）" in _dump(loaded)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "T0009,900000000011,テスト三郎,男,2021-01-01,テスト県テスト市架空町9-9\n",
            "列「個人番号」: 個人番号の検査用数字（最後の桁）が合いません。"
            "番号を確かめてください。",
        ),
        (
            "T0009,900000000044,テスト三郎,男,令和3年2月30日,テスト県テスト市架空町9-9\n",
            "列「生年月日」: 日付として読めません: 「令和3年2月30日」。"
            "2024-04-01 または 令和6年4月1日 のように書いてください。",
        ),
        (
            "T0009,900000000044,テスト三郎,不明,2021-01-01,テスト県テスト市架空町9-9\n",
            "列「性別」: 「不明」は性別ではありません。男 または 女 と書いてください。",
        ),
        (
            "T0009,900000000010,テスト三郎,男,2021-01-01,テスト県テスト市架空町9-9\n",
            "列「個人番号」: この個人番号は既に"
            "宛名番号 T0001 の宛名に登録されています。",
        ),
    ],
    ids=["check-digit", "date", "sex", "number-taken"],
)
def test_a_bad_person_line_is_named_without_the_number(
    hpia: Hpia, loaded: str, tmp_path: Path, line: str, message: str
) -> None:
    good = "T0008,900000000044,テスト四郎,男,2021-01-01,テスト県テスト市架空町8-8\n"
    path = _write(
        tmp_path / "p.csv", "宛名番号,個人番号,氏名,性別,生年月日,住所\n" + good + line
    )
    run = hpia("registry", "--db", loaded, "--user", "admin", "import", "persons", path)
    assert run.code == 1
    assert run.err == (
        f"エラー: {path}:3: {message}\n取込を中止しました。台帳は変わっていません。\n"
    )
    assert _count(loaded, "persons") == 3
    assert "900000000011" not in _dump(loaded)


def test_a_missing_header_is_named(hpia: Hpia, loaded: str, tmp_path: Path) -> None:
    path = _write(tmp_path / "p.csv", "宛名番号,氏名\nT0010,テスト\n")
    run = hpia("registry", "--db", loaded, "--user", "admin", "import", "persons", path)
    assert run.err.startswith(
        f"エラー: {path}:1: 見出しに次の列がありません: "
        "個人番号、性別、生年月日、住所\n"
    )


def test_extraction_in_cp932_with_several_conditions(
    hpia: Hpia, loaded: str, tmp_path: Path
) -> None:
    out = tmp_path / "e.csv"
    run = hpia(
        "registry",
        "--db",
        loaded,
        "--user",
        "admin",
        "extract",
        "--where",
        "予防接種区分=MR1期",
        "--where",
        "要注意者=有",
        "--encoding",
        "cp932",
        "-o",
        out,
    )
    assert run.code == 0, run.err
    lines = out.read_bytes().decode("cp932").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("T0002,テスト花子,女,2020-06-01,")


def test_an_unknown_condition_column_lists_the_columns(
    hpia: Hpia, loaded: str, tmp_path: Path
) -> None:
    run = hpia(
        "registry",
        "--db",
        loaded,
        "--user",
        "admin",
        "extract",
        "--where",
        "個人番号=900000000010",
        "-o",
        tmp_path / "e.csv",
    )
    assert run.code == 1
    assert run.err.startswith(
        "エラー: 抽出条件の列「個人番号」はありません。使える列: 宛名番号、氏名、"
    )
    assert "900000000010" not in _dump(loaded)


def test_an_edited_log_entry_is_detected(hpia: Hpia, loaded: str) -> None:
    engine = _engine(loaded)
    with engine.begin() as conn:
        with pytest.raises(sa.exc.DBAPIError), conn.begin_nested():
            conn.execute(
                sa.text("UPDATE operation_log SET \"user\" = 'x' WHERE seq = 2")
            )
        # Someone with direct access to the database gets past the trigger.
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ALTER TABLE operation_log DISABLE TRIGGER USER"))
        else:
            conn.execute(sa.text("DROP TRIGGER operation_log_no_update"))
        conn.execute(
            sa.text("UPDATE operation_log SET \"user\" = 'someone' WHERE seq = 2")
        )
    engine.dispose()

    run = hpia("registry", "--db", loaded, "audit", "verify")
    assert run.code == 1
    assert run.out.startswith("操作ログ: 2番の記録が改変されています（")
    assert run.out.endswith(" someone 取込（宛名））。\n")


def test_a_deleted_log_entry_is_detected(hpia: Hpia, loaded: str) -> None:
    engine = _engine(loaded)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ALTER TABLE operation_log DISABLE TRIGGER USER"))
        else:
            conn.execute(sa.text("DROP TRIGGER operation_log_no_delete"))
        conn.execute(sa.text("DELETE FROM operation_log WHERE seq IN (1, 3)"))
    engine.dispose()

    run = hpia("registry", "--db", loaded, "audit", "verify")
    assert run.code == 1
    assert run.out == (
        "操作ログ: 1番の記録が削除されています。\n"
        "操作ログ: 末尾の3番の記録が削除されています。\n"
    )


def test_records_travel_to_the_next_municipality(
    hpia: Hpia, loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "t.json"
    run = hpia(
        "registry", "--db", loaded, "--user", "admin", "export", "T0001", "-o", exported
    )
    assert run.code == 0, run.err
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["個人番号"] == "900000000010"
    assert len(document["接種記録"]) == 2
    assert exported.stat().st_mode & 0o077 == 0
    flagged = hpia(
        "registry",
        "--db",
        loaded,
        "--user",
        "admin",
        "flag",
        "T0001",
        "転出",
        "--date",
        "2025-04-01",
    )
    assert flagged.code == 0

    elsewhere = tmp_path / "next.sqlite3"
    monkeypatch.setenv("HPIA_REGISTRY_KEY", str(tmp_path / "next.key"))
    moved_in = _write(
        tmp_path / "p.csv",
        "宛名番号,個人番号,氏名,性別,生年月日,住所\n"
        "N0500,900000000010,テスト太郎,男,2020-05-10,テスト県別市架空町5-5\n",
    )
    for args in (
        ("init",),
        ("user", "add", "admin", "--role", "管理"),
        ("--user", "admin", "import", "persons", moved_in),
        ("--user", "admin", "import", "transfer", exported),
    ):
        run = hpia("registry", "--db", elsewhere, *args)
        assert run.code == 0, run.err
    assert run.out == "宛名番号 N0500 に転入前の接種記録2件を取り込みました。\n"
    shown = hpia("registry", "--db", elsewhere, "--user", "admin", "show", "N0500")
    assert shown.out.count("転入前実施サイン: 有") == 2
    again = hpia(
        "registry", "--db", elsewhere, "--user", "admin", "import", "transfer", exported
    )
    assert again.code == 1
    assert "同じ接種記録が既に台帳にあります" in again.err
    assert "900000000010" not in _dump(str(elsewhere))


def test_retention_deletes_old_records_and_gone_persons(
    hpia: Hpia, loaded: str
) -> None:
    base = ("registry", "--db", loaded, "--user", "admin")
    assert hpia(*base, "flag", "T0003", "死亡", "--date", "2019-01-01").code == 0
    too_short = hpia(*base, "purge", "--years", "3")
    assert (
        too_short.err
        == "エラー: 保存年数は5年以上にしてください（予防接種法施行規則第3条）。\n"
    )
    run = hpia(*base, "purge", "--as-of", "2026-06-10")
    assert run.code == 0, run.err
    assert run.out == "2021-06-10 以前の接種記録2件、宛名0件を削除しました。\n"
    assert _count(loaded, "records") == 2
    later = hpia(*base, "purge", "--as-of", "2029-10-02")
    assert later.out == "2024-10-02 以前の接種記録2件、宛名1件を削除しました。\n"
    assert _count(loaded, "persons") == 2


def test_only_an_admin_adds_users_once_there_is_one(hpia: Hpia, loaded: str) -> None:
    run = hpia("registry", "--db", loaded, "user", "add", "intruder", "--role", "管理")
    assert run.code == 1
    assert run.err == (
        "エラー: 使用者を追加するには、--user で"
        "役割「管理」の使用者を指定してください。\n"
    )


def test_the_first_user_must_be_an_admin(
    hpia: Hpia, tmp_path: Path, registry_env: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    assert hpia("registry", "--db", db, "init").code == 0
    run = hpia("registry", "--db", db, "user", "add", "clerk", "--role", "登録")
    assert run.err == "エラー: 最初の使用者は役割「管理」で登録してください。\n"
    wrong = hpia("registry", "--db", db, "user", "add", "clerk", "--role", "係長")
    assert (
        wrong.err == "エラー: 役割「係長」はありません。役割: 閲覧・登録・抽出・管理\n"
    )


def test_a_registry_that_is_not_there_is_named(
    hpia: Hpia, tmp_path: Path, registry_env: Path
) -> None:
    db = tmp_path / "none.sqlite3"
    run = hpia("registry", "--db", db, "--user", "admin", "show", "T0001")
    assert run.code == 1
    assert run.err == (
        f"エラー: 台帳がありません: {db}。"
        f"hpia registry --db {db} init で作成してください。\n"
    )
    assert not db.exists()


def test_admin_password_is_the_environments(loaded: str) -> None:
    assert ADMIN_PASSWORD == "admin-pass-1"


def test_a_person_is_found_by_number_without_logging_it(loaded: str) -> None:
    registry = open_registry(loaded)
    admin = Staff("admin", Role.ADMIN)
    assert (
        people.find_by_number(registry, admin, "９０００ ００００ ００２８") == "T0002"
    )
    assert people.find_by_number(registry, admin, "983205673214") is None
    log = _dump(loaded)
    assert "照会（個人番号）" in log
    assert "900000000028" not in log
    assert "983205673214" not in log
