"""Share of the hand-annotated main targets that ``main_targets`` gets exactly right.

Compares ``main_targets(report)`` on every report of ``../shared/corpus/`` and on Guanxian 2022
with ``tests/fixtures/main_targets_annotated.csv`` (annotated from the texts before the
extractor was written). A target is right when a row at the same position in the passage has
the same metric, value, upper, unit, qualifier and kind. Prints the share overall and per
report, the misses, and the time taken. Run: ``.venv/bin/python benchmarks/bench_main_targets.py``.
"""
from __future__ import annotations

import csv
import math
import sys
import time
from pathlib import Path

import guanxian_analysis as ga
from guanxian_analysis import paths
from guanxian_analysis.main_target_extraction import targets_from_text

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "main_targets_annotated.csv"
FIELDS = ("metric", "value", "upper", "unit", "qualifier", "kind")


def report_paths() -> dict[str, Path]:
    """report id -> path, for every report the fixture covers."""
    corpus = paths.PROJECT_ROOT.parent / "shared" / "corpus"
    found = {p.stem: p for p in sorted(corpus.glob("*/*.txt"))}
    found["guanxian_2022"] = paths.RAW_REPORT
    return found


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        fa = float(a) if a not in ("", None) else math.nan
        fb = float(b) if b not in ("", None) else math.nan
        return (math.isnan(fa) and math.isnan(fb)) or fa == fb
    return str(a or "") == str(b or "")


def score(annotated: list[dict], extracted) -> list[tuple[dict, bool, str]]:
    """For each annotated target: (row, right?, what differs)."""
    out = []
    rows = extracted.to_dict("records") if extracted is not None else []
    for i, want in enumerate(annotated):
        got = rows[i] if i < len(rows) else None
        if got is None:
            out.append((want, False, "not found"))
            continue
        wrong = []
        for f in FIELDS:
            w = want[f]
            g = got[f]
            if f in ("value", "upper"):
                w = float(w) if w else math.nan
                g = math.nan if g is None or (isinstance(g, float) and math.isnan(g)) else float(g)
            if not _same(w, g):
                wrong.append(f"{f}: {want[f]!r} ≠ {got[f]!r}")
        out.append((want, not wrong, "; ".join(wrong)))
    return out


def main() -> int:
    annotated: dict[str, list[dict]] = {}
    with FIXTURE.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            annotated.setdefault(row["report"], []).append(row)
    where = report_paths()
    total = right = 0
    misses = []
    t0 = time.perf_counter()
    per_report = []
    unloaded: list[str] = []
    for rid, want in annotated.items():
        try:
            got = ga.main_targets(ga.load_report(where[rid]))
            extra = max(len(got) - len(want), 0)
        except ga.ReportFormatError as exc:
            got, extra = None, 0
            misses.append(f"{rid}: does not load ({str(exc)[:60]}…)")
            raw = where[rid].read_bytes().decode("utf-8-sig", errors="replace")
            side = score(want, targets_from_text(raw))
            unloaded.append(f"{rid}: {sum(r for _, r, _ in side)}/{len(want)} on its raw text "
                            "(targets_from_text), not counted above")
        result = score(want, got)
        ok = sum(r for _, r, _ in result)
        per_report.append((rid, ok, len(want), extra))
        total += len(want)
        right += ok
        misses += [f"{rid} #{w['order']} {w['quote']}: {why}" for w, r, why in result if not r]
        if extra:
            misses.append(f"{rid}: {extra} extracted rows beyond the annotated ones")
    elapsed = time.perf_counter() - t0
    print(f"main targets exactly right: {right}/{total} = {right / total:.3f} "
          f"({len(annotated)} reports, {elapsed:.1f} s including loading)")
    for rid, ok, n, extra in per_report:
        print(f"  {rid:22s} {ok:3d}/{n:<3d} {ok / n:.3f}" + (f"  (+{extra} extra rows)" if extra else ""))
    for m in misses:
        print("  miss:", m)
    for u in unloaded:
        print("  does not load yet:", u)
    return 0


if __name__ == "__main__":
    sys.exit(main())
