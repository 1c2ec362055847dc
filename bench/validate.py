"""How long validation takes: the seed, and a portfolio of 200 assessments.

Prints the time to validate the seed, the time for a synthetic portfolio of
200 assessment folders (the seed with varied names and choices), and the
share of the work spent parsing YAML (ruamel.yaml round trip) against
validating the model and the form's consistency rules.

Run: .venv/bin/python bench/validate.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from hpia import catalog
from hpia.assessment import Assessment
from hpia.model import form_model
from hpia.rules import consistency
from hpia.validate import form_files, validate_paths
from hpia.yamlio import read_source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "assessments" / "hitachinaka" / "yobou-sesshu" / "juten.yaml"
PORTFOLIO = 200
STAFF = catalog.juten_r06_10.STAFF.options


def timed_stages(path: Path) -> tuple[float, float, float]:
    """Seconds spent parsing, validating the model and checking the rules."""
    start = time.perf_counter()
    source = read_source(path)
    parsed = time.perf_counter()
    form = catalog.FORMS[0]
    model = form_model(form).model_validate(source.tree)
    modelled = time.perf_counter()
    list(consistency.check(Assessment(form, source, model.model_dump(by_alias=True))))
    checked = time.perf_counter()
    return parsed - start, modelled - parsed, checked - modelled


def write_portfolio(folder: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for i in range(PORTFOLIO):
        variant = text.replace("ひたちなか市", f"架空市{i:03d}")
        variant = variant.replace(
            "使用者数: 50人以上100人未満", f"使用者数: {STAFF[i % 4]}"
        )
        target = folder / f"org{i:03d}" / "yobou-sesshu" / "juten.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(variant, encoding="utf-8")


def main() -> int:
    start = time.perf_counter()
    form_model(catalog.FORMS[0])
    print(f"model build (once per process): {time.perf_counter() - start:.3f} s")

    runs = [timed_stages(SEED) for _ in range(7)]
    parse = statistics.median(r[0] for r in runs)
    model = statistics.median(r[1] for r in runs)
    rules = statistics.median(r[2] for r in runs)
    total = parse + model + rules
    print(f"seed ({SEED.stat().st_size / 1024:.0f} KB): {total * 1000:.1f} ms")
    print(
        f"  parse YAML {parse / total:.0%}, model {model / total:.0%}, "
        f"consistency rules {rules / total:.0%}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_portfolio(folder)
        files = form_files(folder)
        start = time.perf_counter()
        report = validate_paths([folder])
        elapsed = time.perf_counter() - start
        stages = [timed_stages(f) for f in files[:20]]
    share = sum(s[0] for s in stages) / sum(sum(s) for s in stages)
    print(
        f"portfolio of {len(files)} assessments: {elapsed:.2f} s "
        f"({elapsed / len(files) * 1000:.1f} ms each), "
        f"{sum(p.is_error for p in report.problems)} errors"
    )
    print(f"  parse YAML {share:.0%}, model and rules {1 - share:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
