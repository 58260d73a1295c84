"""Import and load times of the package (targets: import < 0.3 s, cold load < 0.3 s, cached load ~0).

Run: .venv/bin/python benchmarks/bench_load.py
Each figure is the median of several runs in fresh interpreters; the ratio column compares it with
a bare ``python -c pass`` measured the same way, so a slow machine shows up in both.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 5


def _median_seconds(code: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _in_process(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    baseline = _median_seconds("pass")
    imported = _median_seconds("import guanxian_analysis")
    import_cost = imported - baseline
    heavy = subprocess.run([sys.executable, "-c", "import sys, guanxian_analysis; "
                            "print(sorted(m for m in ('pandas','jieba','matplotlib','opencc') if m in sys.modules))"],
                           check=True, capture_output=True, text=True).stdout.strip()
    cold = statistics.median(_in_process(
        "import time, guanxian_analysis as ga, pandas, opencc\n"
        "t = time.perf_counter(); ga.load_report(); print(time.perf_counter() - t)") for _ in range(RUNS))
    first = statistics.median(_in_process(
        "import time, guanxian_analysis as ga\n"
        "t = time.perf_counter(); ga.load_report(); print(time.perf_counter() - t)") for _ in range(RUNS))
    cached = _in_process(
        "import time, guanxian_analysis as ga\n"
        "ga.load_report(); t = time.perf_counter()\n"
        "for _ in range(1000): ga.load_report()\n"
        "print((time.perf_counter() - t) / 1000)")
    print(f"python -c pass                 {baseline:8.3f} s")
    print(f"import guanxian_analysis       {import_cost:8.3f} s over the bare interpreter (target < 0.3 s); "
          f"heavy modules imported: {heavy}")
    print(f"load_report() cold             {cold:8.3f} s (pandas and OpenCC already imported; target < 0.3 s)")
    print(f"load_report() first call       {first:8.3f} s (includes importing pandas and OpenCC)")
    print(f"load_report() cached           {cached * 1e6:8.1f} µs per call ({cold / cached:,.0f}x faster than cold)")


if __name__ == "__main__":
    main()
