"""How long `hpia render` takes on the seed, against bare WeasyPrint.

Prints, as medians of several interleaved runs after a warm-up, in CPU
seconds of this process (the machines this runs on are shared, and wall
time there measures the neighbours as much as the renderer):
- hpia's render, split into checks, template, layout and PDF writing;
- bare WeasyPrint on the same HTML (same fonts, its default fetcher, no
  checks, no log watch) — target: hpia within 15 % of it;
- WeasyPrint on the same text as plain paragraphs, the floor for this much
  Japanese text — target: the form within 3× of it;
- the PDF's size (target: under 500 KB) and the peak memory of a whole
  `hpia render` run in a fresh process.

Run: .venv/bin/python bench/render.py [PATH]   (default: the seed)
"""

from __future__ import annotations

import html
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from hpia.render import Rendered, render, resources
from hpia.render.html import drawn_text
from hpia.render.loading import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "assessments" / "hitachinaka" / "yobou-sesshu"
RUNS = 7


def timed(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def interleaved(runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median CPU time of each run, the runs taking turns."""
    for run in runs.values():
        run()  # warm-up: Fontconfig and the font files
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(RUNS):
        for name, run in runs.items():
            times[name].append(timed(run))
    return {name: statistics.median(t) for name, t in times.items()}


def bare(page: str) -> bytes:
    """Lay out and write `page` with WeasyPrint alone."""
    base = resources.templates_dir().as_uri() + "/"
    return HTML(string=page, base_url=base).write_pdf(font_config=FontConfiguration())


def paragraphs(rendered: Rendered) -> str:
    """The drawn text of the form as plain paragraphs, in the form's fonts."""
    head = rendered.pdf_html.split("<body>", 1)[0]
    lines = drawn_text(rendered.pdf_html).splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    return f"{head}<body>{body}</body></html>"


def peak_memory_mb(path: Path) -> float:
    """Max resident memory of `hpia render PATH` in a fresh process."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "hpia", "render", str(path), "-o"]
        subprocess.run([*command, f"{out}/x.pdf"], check=True, capture_output=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    job = load(path)
    if job.assessment is None:
        sys.exit("\n".join(p.format() for p in job.problems))
    assessment = job.assessment

    runs: list[Rendered] = []
    first = render(assessment, job.rows, job.origin)
    plain = paragraphs(first)
    medians = interleaved(
        {
            "hpia": lambda: runs.append(render(assessment, job.rows, job.origin)),
            "bare": lambda: bare(first.pdf_html),
            "paragraphs": lambda: bare(plain),
        }
    )
    total, weasy, floor = medians["hpia"], medians["bare"], medians["paragraphs"]
    last = runs[-1]
    # The stage split, measured inside the render.
    checks = statistics.median(r.check_seconds for r in runs)
    template = statistics.median(r.template_seconds for r in runs)
    layout = statistics.median(r.layout_seconds for r in runs)
    write = statistics.median(r.write_seconds for r in runs)

    print(f"document: {path} ({last.pages} pages)")
    print(f"hpia render:        {total:6.3f} s CPU")
    print(f"  checks:           {checks:6.3f} s CPU (fonts, characters)")
    print(f"  template:         {template:6.3f} s CPU")
    print(f"  layout:           {layout:6.3f} s CPU")
    print(f"  PDF writing:      {write:6.3f} s CPU")
    print(
        f"bare WeasyPrint:    {weasy:6.3f} s   hpia/bare = {total / weasy:.2f}"
        "  (target ≤ 1.15)"
    )
    print(
        f"plain paragraphs:   {floor:6.3f} s   form/paragraphs = {total / floor:.2f}"
        "  (target ≤ 3)"
    )
    print(f"PDF size:           {len(last.pdf) / 1024:6.0f} KB  (target < 500 KB)")
    print(f"peak memory:        {peak_memory_mb(path):6.0f} MB  (whole process)")


if __name__ == "__main__":
    main()
