"""Time the full build against running each notebook with ``jupyter nbconvert --execute``, as an analyst would.

    .venv/bin/python benchmarks/bench_build.py [--repeat N]

The baseline converts each ``notebooks/NN-*.py`` to ``.ipynb`` with jupytext (not timed), then runs
``jupyter nbconvert --to html --execute`` on the notebooks one after the other. The build runs
``guanxian-analysis build`` (every notebook, reader and code pages, index, tables) into a scratch directory.
One untimed build warms the caches first; each side is timed ``--repeat`` times and the best time kept.
Aim: the build takes at most 0.6x the baseline.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guanxian_analysis import build, paths

BIN = Path(sys.executable).parent


def timed(cmd: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    import jupytext

    sources = build.find_notebooks()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        scratch = Path(scratch)
        for source in sources:  # what an analyst has: the paired .ipynb next to the .py
            jupytext.write(jupytext.read(source), scratch / f"{source.stem}.ipynb")
        env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        tables = ["-p", f"tables_dir={scratch / 'tables'}"]
        build_cmd = [str(BIN / "guanxian-analysis"), "build", "--output-dir", str(scratch / "out"), *tables]
        subprocess.run(build_cmd, check=True, capture_output=True, cwd=paths.PROJECT_ROOT)  # warm caches

        build_times, nbconvert_times = [], []
        for _ in range(args.repeat):
            build_times.append(timed(build_cmd, cwd=paths.PROJECT_ROOT, env=env))
            total = 0.0
            for source in sources:
                total += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--execute",
                                "--output-dir", str(scratch / "nbconvert"), str(scratch / f"{source.stem}.ipynb")],
                               cwd=paths.NOTEBOOKS_DIR, env=env)
            nbconvert_times.append(total)
    b, n = min(build_times), min(nbconvert_times)
    print(f"notebooks: {len(sources)}  cpus: {os.cpu_count()}  repeats: {args.repeat} (best kept)")
    print(f"guanxian-analysis build (all notebooks, 2 HTML versions each, index): {b:6.1f} s")
    print(f"jupyter nbconvert --to html --execute, one notebook after another:   {n:6.1f} s")
    print(f"ratio build / nbconvert: {b / n:.2f}  (aim <= 0.60)")


if __name__ == "__main__":
    main()
