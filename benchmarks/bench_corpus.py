"""The corpus benchmark: ``load_reports`` and ``Corpus.indicators()`` on all of ../shared/corpus, one process
against all cores, and the cost of one report at 1x, 2x and 4x the corpus.

Run: .venv/bin/python benchmarks/bench_corpus.py

1. Loading, as a user calls it: ``load_reports(workers=1)`` against ``load_reports(workers=<cores>)``, each
   the median of several runs in a fresh interpreter (nothing cached), timed inside it after
   ``import guanxian_analysis`` (the worker processes' start-up and imports count); then
   ``Corpus.indicators()`` on what was loaded. The ratio is all cores over one process in the same run.
   The load uses ``errors="collect"``: a file that fails to load or a report whose ``indicators`` fail is
   named, with why, and the rest timed; nothing is left out silently (today all 27 files load and give
   indicators).
2. Extraction cost: each report parsed from its bytes (no cache) and its indicators, number audit and
   scoreboard computed, in this process, in CPU seconds (other jobs on a shared machine do not count), best
   of rounds run in turn, at 1x, 2x and 4x the corpus: the ratio to 1x is flat when the cost of a report
   does not depend on how many came before it.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import warnings

from guanxian_analysis import paths

RUNS = 3
CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"

_LOAD = """
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


def _load(workers: int) -> dict:
    """Median of RUNS fresh-interpreter runs of load_reports(workers=...) and Corpus.indicators()."""
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", _LOAD.format(corpus=str(CORPUS), workers=workers)],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    result = dict(runs[0])
    result["load"] = statistics.median(r["load"] for r in runs)
    result["indicators"] = statistics.median(r["indicators"] for r in runs)
    return result


def _process(data: bytes) -> int:
    import guanxian_analysis as ga
    from guanxian_analysis.report import parse_report

    report = parse_report(data)
    table = ga.indicators(report)
    ga.number_audit(report)
    ga.scoreboard(table)
    return len(table)


def _cpu_seconds(blobs: list[bytes]) -> float:
    start = time.process_time()
    for blob in blobs:
        _process(blob)
    return time.process_time() - start


def main() -> None:
    cores = os.cpu_count() or 1
    files = sorted(CORPUS.rglob("*.txt"))

    one = _load(1)
    every = _load(cores)
    print(f"corpus: {CORPUS} ({len(files)} files; {one['reports']} loaded, {one['characters']:,} characters)")
    for path, message in one["not_loaded"]:
        print(f"  NOT LOADED (left out of the timings): {os.path.basename(path)}: {message[:110]}")
    for report_id, message in one["no_indicators"]:
        print(f"  indicators() crashed, left out: {report_id}: {message}")
    print(f"load_reports, one process      {one['load']:7.2f} s")
    print(f"load_reports, {cores} processes     {every['load']:7.2f} s  ({every['load'] / one['load']:.2f}x one process)")
    print(f"Corpus.indicators()            {one['indicators']:7.2f} s  ({one['rows']} indicators, "
          f"{one['reports'] - len(one['no_indicators'])} reports; in this process after the one-process load)")
    print(f"Corpus.indicators()            {every['indicators']:7.2f} s  (after the {cores}-process load)")

    blobs = [f.read_bytes() for f in files]
    warnings.simplefilter("ignore")
    _process(blobs[0])  # warm up: imports, dictionaries
    best = {factor: float("inf") for factor in (1, 2, 4)}
    for _ in range(RUNS):
        for factor in best:
            best[factor] = min(best[factor], _cpu_seconds(blobs * factor) / (len(blobs) * factor))
    print("parsed from bytes, indicators + number audit + scoreboard, in this process:")
    print("size   reports   CPU s per report   reports/s   ratio to 1x")
    for factor, per_report in best.items():
        print(f"{factor:3d}x   {len(blobs) * factor:7d}   {per_report:16.4f}   {1 / per_report:9.1f}"
              f"   {per_report / best[1]:11.2f}")


if __name__ == "__main__":
    main()
