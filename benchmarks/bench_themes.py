"""Themes against the hand annotation: agreement overall, in the body and in the glossary.

Run: ``.venv/bin/python benchmarks/bench_themes.py`` (``-v`` lists every unit that disagrees). A unit agrees
when the package's theme is the annotated ``theme`` or its acceptable ``second_theme``
(``tests/fixtures/themes_annotated.csv``, rules in ``tests/fixtures/README-themes.md``). The floors asserted in
``tests/test_themes.py`` are the figures printed here.
"""
from __future__ import annotations

import sys
import time

import guanxian_analysis as ga
from guanxian_analysis.theme_quality import agreement_summary, load_theme_annotations, theme_agreement


def main() -> None:
    annotated = load_theme_annotations()
    t0 = time.perf_counter()
    report = ga.load_report()
    elapsed = time.perf_counter() - t0
    agreement = theme_agreement(report, annotated)
    for name, (agree, units, share) in agreement_summary(agreement).items():
        print(f"themes agreement {name:<20} {agree:>3}/{units:<3} = {share:.3f}")
    print(f"sources: {agreement.source.value_counts().to_dict()}")
    print(f"time: load_report() {elapsed:.3f} s (first load, themes included)")
    if "-v" in sys.argv:
        for row in agreement[~agreement.agrees].itertuples():
            print(f"  {row.unit} {row.id}: {row.theme} ({row.source}), annotated {row.annotated}"
                  f"{' / ' + row.second_theme if row.second_theme else ''}")


if __name__ == "__main__":
    main()
