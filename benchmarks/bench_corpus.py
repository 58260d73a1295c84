"""Throughput on the real corpus: reports loaded and extracted per second, one process and all cores.

Run: .venv/bin/python benchmarks/bench_corpus.py
Each report of ../shared/corpus is parsed from its bytes (no cache) and its indicators, number audit
and scoreboard are computed. Prints reports/second in one process and with one worker per CPU
(``multiprocessing``, each worker warmed up first), and the per-report cost at 1x, 2x and 4x the
corpus in CPU seconds (so that other jobs on a shared machine do not count): flat when the cost of a
report does not depend on how many came before it.
"""
from __future__ import annotations

import multiprocessing
import os
import time
import warnings

from guanxian_analysis import paths

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"


def _process(data: bytes) -> int:
    import guanxian_analysis as ga
    from guanxian_analysis.report import parse_report

    report = parse_report(data)
    table = ga.indicators(report)
    ga.number_audit(report)
    ga.scoreboard(report)
    return len(table)


def _warm(_=None) -> None:
    warnings.simplefilter("ignore")
    _process((CORPUS / "national" / "national_2022.txt").read_bytes())


def _serial(blobs: list[bytes], clock=time.perf_counter) -> float:
    start = clock()
    for blob in blobs:
        _process(blob)
    return clock() - start


def main() -> None:
    files = sorted(CORPUS.rglob("*.txt"))
    blobs = [f.read_bytes() for f in files]
    _warm()
    serial = min(_serial(blobs) for _ in range(3))
    indicators = sum(_process(b) for b in blobs)
    print(f"corpus: {len(blobs)} reports, {sum(len(b) for b in blobs) / 1e6:.1f} MB, {indicators} indicators")
    print(f"one process   {serial:6.2f} s   {len(blobs) / serial:6.1f} reports/s")

    cores = os.cpu_count() or 1
    with multiprocessing.get_context("spawn").Pool(cores) as pool:
        pool.map(_warm, range(cores))
        times = []
        for _ in range(3):
            start = time.perf_counter()
            pool.map(_process, blobs, chunksize=1)
            times.append(time.perf_counter() - start)
    parallel = min(times)
    print(f"{cores} processes   {parallel:6.2f} s   {len(blobs) / parallel:6.1f} reports/s"
          f"   ({serial / parallel:.2f}x one process)")

    # CPU time of this process (other jobs on the machine do not count), best of rounds run in turn
    best = {factor: float("inf") for factor in (1, 2, 4)}
    for _ in range(3):
        for factor in best:
            best[factor] = min(best[factor], _serial(blobs * factor, time.process_time) / (len(blobs) * factor))
    print("size   reports   CPU s per report   ratio to 1x")
    for factor, per_report in best.items():
        print(f"{factor:3d}x   {len(blobs) * factor:7d}   {per_report:16.4f}   {per_report / best[1]:11.2f}")


if __name__ == "__main__":
    main()
