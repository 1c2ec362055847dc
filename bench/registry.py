"""Benchmark of the 予防接種台帳 on synthetic, clearly fake data.

Loads 300,000 persons and 3,000,000 records (by default) into a fresh
SQLite registry and prints:

- import rate, next to plain `sqlite3` executemany of the same CSV rows;
- an extraction of about 1,000,000 rows through `hpia registry extract`,
  next to `sqlite3 -csv` running the same query;
- lookup by 個人番号 (keyed hash, logged), p50 and p99;
- peak memory (max RSS) of the extraction process, beside a 1,000-row one,
  to show that it streams.

Usage: .venv/bin/python bench/registry.py [--persons N] [--records N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hpia.registry import database, imports, people, staff
from hpia.registry.columns import PERSON_COLUMNS, RECORD_COLUMNS
from hpia.registry.mynumber import with_check_digit
from hpia.registry.roles import Role

PASSWORD = "bench-password"
FIRST_DAY = dt.date(2019, 1, 1)
DAYS = 6 * 365
SPLIT = "2023-01-01"  # records given on or after this day: about a third
CATEGORIES = ("MR1期", "MR2期", "四種混合", "BCG", "日本脳炎", "高齢者肺炎球菌")


def _number(i: int) -> str:
    # 11 digits starting with 9 and a sequence: synthetic, never a real person.
    return with_check_digit(f"9{i:010d}")


def write_persons(path: Path, count: int) -> list[dt.date]:
    births = []
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([c.header for c in PERSON_COLUMNS])
        for i in range(count):
            birth = dt.date(1940, 1, 1) + dt.timedelta(days=(i * 7919) % 28000)
            births.append(birth)
            writer.writerow(
                [
                    f"T{i:08d}",
                    _number(i),
                    f"テスト太郎{i}",
                    "男" if i % 2 else "女",
                    birth.isoformat(),
                    f"テスト県テスト市架空町{i % 100}-{i % 37}",
                ]
            )
    return births


def write_records(path: Path, count: int, births: list[dt.date]) -> None:
    rng = random.Random(7)
    persons = len(births)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([c.header for c in RECORD_COLUMNS if c.key != "age"])
        for i in range(count):
            who = i % persons
            day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
            day = max(day, births[who])
            writer.writerow(
                [
                    f"T{who:08d}",
                    CATEGORIES[(i // persons) % len(CATEGORIES)],
                    i // (persons * len(CATEGORIES)) + 1,
                    "無",
                    "無",
                    "無",
                    "個別",
                    "試験接種",
                    day.isoformat(),
                    "0.5",
                    "テスト医院",
                    "試験医師一",
                    "試験医師二",
                    f"TEST-{i % 500:03d}",
                    "架空製薬",
                    day.strftime("%Y-%m"),
                    "6000",
                ]
            )


def plain_sqlite(persons_csv: Path, records_csv: Path, db: Path) -> float:
    """The same rows, executemany into same-shaped tables, no checks."""
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    for name, path in (("persons", persons_csv), ("records", records_csv)):
        with path.open(encoding="utf-8", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader)
            columns = ", ".join(f"c{i}" for i in range(len(header)))
            conn.execute(f"CREATE TABLE {name} ({columns})")
            marks = ", ".join("?" * len(header))
            conn.executemany(f"INSERT INTO {name} VALUES ({marks})", reader)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


# The child reports its own high-water RSS from /proc: ru_maxrss of a
# forked child also counts the parent's memory copied before exec.
_MEASURED = (
    "import sys; from hpia.cli import main; code = main(sys.argv[1:]); "
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
    "print(hwm[0].strip(), file=sys.stderr); sys.exit(code)"
)


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of `hpia ARGS` in a child process."""
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        sys.exit(f"failed: hpia {' '.join(args)}\n{child.stderr}")
    kib = int(child.stderr.strip().splitlines()[-1].split()[1])
    return elapsed, kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=300_000)
    parser.add_argument("--records", type=int, default=3_000_000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hpia-bench-"))
    os.environ["HPIA_REGISTRY_KEY"] = str(work / "key")
    db = work / "registry.sqlite3"
    print(f"作業フォルダ: {work}")

    persons_csv, records_csv = work / "persons.csv", work / "records.csv"
    births = write_persons(persons_csv, args.persons)
    write_records(records_csv, args.records, births)

    registry, _ = database.init(str(db))
    staff.add_user(registry, "bench", Role.ADMIN, PASSWORD, by=None)
    who = staff.Staff("bench", Role.ADMIN)
    start = time.perf_counter()
    imports.import_persons(registry, who, persons_csv)
    persons_s = time.perf_counter() - start
    start = time.perf_counter()
    imports.import_records(registry, who, records_csv)
    records_s = time.perf_counter() - start
    hpia_s = persons_s + records_s
    plain_s = plain_sqlite(persons_csv, records_csv, work / "plain.sqlite3")
    rows = args.persons + args.records
    print(
        f"取込: 宛名{args.persons:,}件 {persons_s:.1f}秒、"
        f"接種記録{args.records:,}件 {records_s:.1f}秒 → {rows / hpia_s:,.0f}行/秒"
    )
    print(
        f"  sqlite3 executemany（検査・暗号化なし）: {plain_s:.1f}秒 → "
        f"{rows / plain_s:,.0f}行/秒、比 {hpia_s / plain_s:.1f}倍の時間"
    )

    env = dict(os.environ, HPIA_PASSWORD=PASSWORD)
    hpia = ["registry", "--db", str(db), "--user", "bench"]
    out = work / "extract.csv"
    big_s, big_mb = run_measured(
        [*hpia, "extract", "--where", f"接種日>={SPLIT}", "-o", str(out)], env
    )
    with out.open(encoding="utf-8-sig") as stream:
        extracted = sum(1 for _ in stream) - 1
    small_s, small_mb = run_measured(
        [*hpia, "extract", "--where", "宛名番号<=T00000100", "-o", str(work / "s.csv")],
        env,
    )
    outputs = (
        ", ".join(f"p.{c.key}" for c in PERSON_COLUMNS if c.key != "number_sealed")
        + ", "
        + ", ".join(f"r.{c.key}" for c in RECORD_COLUMNS if c.key != "atena")
    )
    query = (
        f"SELECT {outputs} FROM records r JOIN persons p ON p.atena = r.atena "
        f"WHERE r.given_on >= '{SPLIT}' ORDER BY r.id"
    )
    start = time.perf_counter()
    with (work / "plain.csv").open("w") as sink:
        subprocess.run(
            ["sqlite3", "-csv", "-header", str(db), query], stdout=sink, check=True
        )
    cli_s = time.perf_counter() - start
    print(
        f"抽出: {extracted:,}行 {big_s:.1f}秒（hpia の CLI、起動・認証込み）、"
        f"sqlite3 -csv {cli_s:.1f}秒、比 {big_s / cli_s:.1f}倍の時間"
    )
    print(
        f"  最大メモリ（RSS）: {extracted:,}行の抽出 {big_mb:.0f} MiB、"
        f"約100行の抽出（{small_s:.1f}秒） {small_mb:.0f} MiB"
    )

    rng = random.Random(11)
    timings = []
    for _ in range(args.lookups):
        number = _number(rng.randrange(args.persons))
        start = time.perf_counter()
        people.find_by_number(registry, who, number)
        timings.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    print(
        f"個人番号での照会（操作ログ記録込み）{args.lookups}回: "
        f"p50 {cuts[49]:.2f} ms、p99 {cuts[98]:.2f} ms"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"（このスクリプト自身の最大メモリ: {peak:.0f} MiB）")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
