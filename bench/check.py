"""How long `hpia check` takes over a tree of 300 assessments.

Builds 300 assessment folders, each the seed pair (juten.yaml and
kiso.yaml) with its own agency name and staff counts, so that some folders
break the しきい値判断 and every rule has work to do. Prints the time of
`hpia check` over the whole tree (in process, and as a command with its
start-up), and the share of validation against the law's rules.

Run: .venv/bin/python bench/check.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hpia.catalog import juten_r06_10
from hpia.check import check_paths
from hpia.dossier import dossiers
from hpia.rules import agreement, deadlines, lint, obligation
from hpia.validate import form_files, validate_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "assessments" / "hitachinaka" / "yobou-sesshu"
HPIA = Path(sys.executable).parent / "hpia"
FOLDERS = 300
TODAY = dt.date(2026, 12, 3)
STAFF = juten_r06_10.STAFF.options


def write_tree(root: Path) -> None:
    juten = (SEED / "juten.yaml").read_text(encoding="utf-8")
    kiso = (SEED / "kiso.yaml").read_text(encoding="utf-8")
    for i in range(FOLDERS):
        folder = root / f"org{i // 10:02d}" / f"task{i % 10}"
        folder.mkdir(parents=True)
        users = f"使用者数: {STAFF[i % len(STAFF)]}"
        text = juten.replace("ひたちなか市", f"架空市{i:03d}")
        text = text.replace("使用者数: 50人以上100人未満", users)
        (folder / "juten.yaml").write_text(text, encoding="utf-8")
        basic = kiso.replace("ひたちなか市", f"架空市{i:03d}")
        (folder / "kiso.yaml").write_text(basic, encoding="utf-8")


def seconds(run: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Median wall and CPU seconds of `run`: the CPU figure holds on a busy
    machine, the wall one is what a user waits."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def rules_only(root: Path) -> Callable[[], object]:
    files = [str(f) for f in form_files(root)]
    report = validate_paths([root])
    folders = dossiers(files, report.assessments)

    def run() -> list[object]:
        found: list[object] = []
        for d in folders:
            found += [*obligation.check(d), *agreement.check(d)]
            found += list(deadlines.check(d, TODAY))
            for a in d.assessments:
                found += list(lint.check(a))
        return found

    return run


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root)
        files = len(form_files(root))
        findings = check_paths([root], TODAY)

        total = seconds(lambda: check_paths([root], TODAY))
        validation = seconds(lambda: validate_paths([root]))
        rules = seconds(rules_only(root))
        command = [str(HPIA), "check", str(root), "--today", TODAY.isoformat()]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        cli = time.perf_counter() - start

    print(f"tree: {FOLDERS} assessment folders, {files} form files")
    print(
        f"findings: {len(findings.problems)} "
        f"(errors {sum(p.is_error for p in findings.problems)})"
    )
    per_folder = total[1] / FOLDERS * 1000
    print(
        f"hpia check, in process: {total[0]:.2f} s wall, {total[1]:.2f} s CPU "
        f"({per_folder:.1f} ms CPU a folder)"
    )
    print(f"  CPU: validation {validation[1]:.2f} s, the law's rules {rules[1]:.2f} s")
    print(f"hpia check, as a command: {cli:.2f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
