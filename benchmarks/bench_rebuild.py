"""Time a first run on a fresh clone, a no-change rebuild and a one-notebook rebuild, each beside a full build.

    .venv/bin/python benchmarks/bench_rebuild.py [--keep DIR]

All in one run, in a fresh ``git clone`` of this checkout's HEAD (so its own ``.venv`` and ``.cache``):

1. first run: ``make report`` on the fresh clone (venv, ``uv`` install of the pinned set, tables, build);
2. full build: ``guanxian-analysis build --force`` (every notebook executed; the baseline);
3. no-change rebuild: ``make report`` again (every notebook reused from the cache);
4. one-notebook rebuild: a markdown cell appended to the last notebook, then ``make report``.

Aims (issue #13): first run < 60 s; no-change < 10% of the full build; one notebook < 40%.
The uv and pip download caches of the machine are used as they are (a first run on a machine that
never installed the set also downloads it).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from guanxian_analysis import paths


def timed(cmd: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return seconds, result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", metavar="DIR", help="clone into DIR and keep it (default: a temporary folder)")
    args = parser.parse_args()
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-rebuild-"))
    clone = scratch / "guanxian-analysis"
    if clone.exists():
        shutil.rmtree(clone)
    subprocess.run(["git", "clone", "--quiet", str(paths.PROJECT_ROOT), str(clone)], check=True)
    shared = paths.PROJECT_ROOT.parent / "shared"
    if shared.is_dir() and not (scratch / "shared").exists():
        os.symlink(shared, scratch / "shared")
    try:
        first, _ = timed(["make", "report"], clone)
        full, _ = timed([str(clone / ".venv" / "bin" / "guanxian-analysis"), "build", "--force"], clone)
        same, log = timed(["make", "report"], clone)
        reused = next((l for l in log.splitlines() if l.startswith("reused ") and " of " in l), "nothing reused")
        names = sorted((clone / "notebooks").glob("[0-9][0-9]-*.py"))
        with open(names[-1], "a", encoding="utf-8") as handle:
            handle.write("\n# %% [markdown]\n# An edit, for the benchmark.\n")
        one, log = timed(["make", "report"], clone)
        ran = [l.split()[1] for l in log.splitlines() if l.startswith("running ")]
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"notebooks: {len(names)}  cpus: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    print(f"first run, fresh clone (set-up + tables + build): {first:6.1f} s   (aim < 60 s)")
    print(f"full build (--force, every notebook executed):     {full:6.1f} s   (baseline)")
    print(f"no-change rebuild (make report again):             {same:6.1f} s   "
          f"ratio {same / full:.2f} (aim < 0.10)   [{reused}]")
    print(f"one notebook changed ({names[-1].stem}):   {one:6.1f} s   ratio {one / full:.2f} (aim < 0.40)   "
          f"[ran: {', '.join(ran)}]")


if __name__ == "__main__":
    main()
