"""Time ``load_reports`` on the whole shared corpus in one process and across all cores,
and ``Corpus.indicators()`` on the reports it loads.

Run: .venv/bin/python benchmarks/bench_corpus_load.py
Each figure is the median of several runs, each in a fresh interpreter (nothing cached),
timed inside it after ``import guanxian_analysis`` (the worker processes' start-up and
imports count). The ratio compares all cores with one process in the same run.

The script loads with ``errors="collect"``: should a file fail to load or a report's
``indicators`` fail, it says which and why and times the rest. Nothing is left out silently
(today all 27 files load and give indicators).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

RUNS = 3
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

_CODE = """
import json, time, warnings
import guanxian_analysis as ga
warnings.simplefilter("ignore", UserWarning)
t = time.perf_counter()
corpus = ga.load_reports({corpus!r}, workers={workers}, errors="collect", progress=False)
load = time.perf_counter() - t
t = time.perf_counter()
table = corpus.indicators(errors="collect")
ind = time.perf_counter() - t
print(json.dumps({{"load": load, "indicators": ind, "reports": len(corpus), "rows": len(table),
                  "characters": int(corpus.meta.characters.sum()),
                  "not_loaded": corpus.errors[["path", "message"]].values.tolist(),
                  "no_indicators": table.attrs["errors"][["report_id", "message"]].values.tolist()}}))
"""


def _run(workers: int) -> dict:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", _CODE.format(corpus=str(CORPUS), workers=workers)],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    result = dict(runs[0])
    result["load"] = statistics.median(r["load"] for r in runs)
    result["indicators"] = statistics.median(r["indicators"] for r in runs)
    return result


def main() -> None:
    cores = os.cpu_count() or 1
    files = sorted(CORPUS.rglob("*.txt"))
    one = _run(1)
    every = _run(cores)
    print(f"corpus: {CORPUS} ({len(files)} files; {one['reports']} loaded, {one['characters']:,} characters)")
    for path, message in one["not_loaded"]:
        print(f"  NOT LOADED (left out of the timings): {Path(path).name}: {message[:110]}")
    for report_id, message in one["no_indicators"]:
        print(f"  indicators() crashed, left out: {report_id}: {message}")
    print(f"load_reports, one process      {one['load']:7.2f} s")
    print(f"load_reports, {cores} processes     {every['load']:7.2f} s  ({every['load'] / one['load']:.2f}x one process)")
    print(f"Corpus.indicators()            {one['indicators']:7.2f} s  ({one['rows']} indicators, "
          f"{one['reports'] - len(one['no_indicators'])} reports; in this process after the one-process load)")
    print(f"Corpus.indicators()            {every['indicators']:7.2f} s  (after the {cores}-process load)")


if __name__ == "__main__":
    main()
