"""How long `hpia changes` takes on a long history, against plain git.

Builds a synthetic history of 1,000 commits of the seed's juten.yaml (each
commit edits one item: a line of text, a choice or a date; the file is
moved to another folder half way), then prints:

- the time of `git log -p --follow` on the file (what git itself does to
  show the history), and of `hpia changes --format json` on the same
  history, as a command (interpreter start included) and in process;
  the target is within 3× of git; and the start-up of the `hpia` command
  itself (`hpia --help`), which every command pays;
- the peak memory of the `hpia changes` process, and of Python's own
  allocations while the table is made.

Times are medians of several runs. Run: .venv/bin/python bench/changes.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from hpia import catalog
from hpia.changes import change_table

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "assessments" / "hitachinaka" / "yobou-sesshu" / "juten.yaml"
HPIA = Path(sys.executable).with_name("hpia")
COMMITS = 1000
RUNS = 5
TARGET = 3.0
OLD = "assessments/hitachinaka/yobou-sesshu/juten.yaml"
NEW = "assessments/hitachinaka/yobou-sesshu-r8/juten.yaml"
STAFF = catalog.juten_r06_10.STAFF.options


class Editor:
    """One edit per call to the seed's text, as a person would make it."""

    def __init__(self, text: str, seed: int = 1) -> None:
        self.lines = text.split("\n")
        self.rng = random.Random(seed)
        self.texts = [
            i
            for i, line in enumerate(self.lines)
            if re.match(r" {6,}[^ #-]", line)
            and ": " not in line
            and not line.endswith(":")
        ]
        self.staff = [i for i, line in enumerate(self.lines) if "者数: " in line]
        self.dates = [i for i, line in enumerate(self.lines) if "実施日: 20" in line]

    def edit(self, n: int) -> str:
        kind = self.rng.random()
        if kind < 0.1 and self.staff:
            i = self.rng.choice(self.staff)
            key = self.lines[i].split(": ")[0]
            self.lines[i] = f"{key}: {STAFF[n % len(STAFF)]}"
        elif kind < 0.2 and self.dates:
            i = self.rng.choice(self.dates)
            key = self.lines[i].split(": ")[0]
            self.lines[i] = f"{key}: {dt.date(2020, 4, 1) + dt.timedelta(days=n)}"
        else:
            i = self.rng.choice(self.texts)
            self.lines[i] += f"（改訂{n}）"
        return "\n".join(self.lines)


def fast_import_stream(text: str) -> bytes:
    """The history as a `git fast-import` stream: quick to build."""
    editor = Editor(text)
    out: list[bytes] = []
    start = dt.datetime(2023, 1, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    for n in range(COMMITS):
        when = int((start + dt.timedelta(days=n)).timestamp())
        body = text if n == 0 else editor.edit(n)
        message = f"Edit {n}\n" + ("\n変更日: 2025-03-31\n" if n % 50 == 7 else "")
        data, note = body.encode(), message.encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"author 保護 太郎 <hogo@example.jp> {when} +0900\n".encode())
        out.append(f"committer 保護 太郎 <hogo@example.jp> {when} +0900\n".encode())
        out.append(b"data %d\n%s\n" % (len(note), note))
        path = NEW if n >= COMMITS // 2 else OLD
        if n == COMMITS // 2:
            out.append(f"R {OLD} {NEW}\n".encode())
        out.append(
            b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)
        )
    return b"".join(out)


def build(repo: Path) -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True, env=env)
    stream = fast_import_stream(SEED.read_text(encoding="utf-8"))
    subprocess.run(
        ["git", "fast-import", "--quiet"], input=stream, cwd=repo, check=True, env=env
    )
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True, env=env)


def median_time(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quiet(*command: str | Path, cwd: Path) -> None:
    subprocess.run(
        command,
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def peak_rss_mb(*command: str | Path, cwd: Path) -> float:
    """Maximum resident memory of a command, measured from a fresh parent."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[2:], cwd=sys.argv[1], check=True,"
        " stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(cwd), *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout) / 1024


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "history"
        build(repo)
        folder = repo / Path(NEW).parent
        size = (repo / NEW).stat().st_size / 1024
        print(f"history: {COMMITS} commits of juten.yaml ({size:.0f} KB), moved once")

        git = median_time(
            lambda: quiet("git", "log", "-p", "--follow", "--", NEW, cwd=repo)
        )
        command = median_time(
            lambda: quiet(HPIA, "changes", folder, "--format", "json", cwd=repo)
        )
        inside = median_time(lambda: change_table(folder))
        start_up = median_time(lambda: quiet(HPIA, "--help", cwd=repo))
        rows = len(change_table(folder).rows)
        print(f"git log -p --follow:          {git:6.2f} s")
        print(
            f"hpia changes --format json:   {command:6.2f} s  "
            f"({command / git:.1f}× git; target ≤ {TARGET:.0f}×)"
        )
        print(
            f"  of which in process:        {inside:6.2f} s  "
            f"({inside / git:.1f}× git), {rows} rows"
        )
        print(f"  start-up of hpia (--help):  {start_up:6.2f} s")

        rss = peak_rss_mb(HPIA, "changes", folder, "--format", "json", cwd=repo)
        tracemalloc.start()
        change_table(folder)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory: {rss:.0f} MB resident (hpia changes process)")
        print(f"             {peak / 2**20:.0f} MB allocated by Python (change_table)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
