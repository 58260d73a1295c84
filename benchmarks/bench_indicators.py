"""Indicator extraction: quality against the hand annotations, and speed at 1x, 10x, 100x the text.

For each hand-annotated report (冠县 2022: ``tests/fixtures/indicators_annotated.csv``;
海拉尔区 2019: ``tests/fixtures/indicators_annotated_hailar2019.csv``, the corpus file
``hailar/hailar_district_2019.txt``; 海拉尔区 2016:
``tests/fixtures/indicators_annotated_hailar2016.csv``, ``hailar/hailar_district_2016.txt``) prints the precision and recall of
``indicators(report)`` against the annotations (which cover every indicator of the
report, so an unannotated extraction counts against precision), the share of
annotations that are fully right (value, unit, metric, kind, qualifier and period),
the share whose status agrees, and the annotations that are not right; then the
best-of-N extraction time on the Guanxian report repeated 1, 10 and 100 times with
the time per 10,000 characters (flat = linear).

Run: ``.venv/bin/python benchmarks/bench_indicators.py [--repeat 5]``
"""
from __future__ import annotations

import argparse
import timeit

import pandas as pd


def repeated(report, times: int) -> tuple[str, pd.DataFrame]:
    """The report's text ``times`` over, with its sentences shifted to match."""
    unit = report.text + "\n"
    sentences = [report.sentences.assign(start=report.sentences.start + k * len(unit),
                                         end=report.sentences.end + k * len(unit)) for k in range(times)]
    table = pd.concat(sentences, ignore_index=True)
    table["sentence_id"] = [f"s{n:06d}" for n in range(1, len(table) + 1)]
    return unit * times, table


def status_agreement(table: pd.DataFrame, annotations: pd.DataFrame, text: str) -> float:
    """Share of matched annotations whose status (actual, estimate, target) the extractor gives too."""
    from guanxian_analysis.indicator_quality import locate

    status = dict(zip(table.start, table.status))
    pairs = [(ann["status"], status.get(locate(text, ann["quote"], ann["number"])))
             for ann in annotations.to_dict("records")]
    matched = [(a, b) for a, b in pairs if b is not None]
    return sum(a == b for a, b in matched) / len(matched) if matched else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from guanxian_analysis import indicators, load_report
    from guanxian_analysis.indicator_quality import load_annotations, score
    from guanxian_analysis.indicator_extraction import _extract_uncached

    from guanxian_analysis import paths

    corpus = paths.PROJECT_ROOT.parent / "shared" / "corpus"
    fixtures = [("冠县 2022", None, paths.FIXTURES_DIR / "indicators_annotated.csv"),
                ("海拉尔区 2019", corpus / "hailar" / "hailar_district_2019.txt",
                 paths.FIXTURES_DIR / "indicators_annotated_hailar2019.csv"),
                ("海拉尔区 2016", corpus / "hailar" / "hailar_district_2016.txt",
                 paths.FIXTURES_DIR / "indicators_annotated_hailar2016.csv")]
    for label, path, fixture in fixtures:
        print(f"== {label} ({fixture.name})")
        if not fixture.exists():
            print("  fixture missing")
            continue
        report = load_report(path)
        table = indicators(report)
        annotations = load_annotations(fixture)
        scores, rows = score(table, annotations, report.text)
        print(f"annotated {scores['annotated']}, extracted {scores['extracted']}, matched {scores['matched']}")
        print(f"precision   {scores['precision']:.3f}   (target >= 0.97)")
        print(f"recall      {scores['recall']:.3f}   (target >= 0.97)")
        print(f"fully right {scores['fully_right']:.3f}   (target >= 0.95)")
        print(f"status      {status_agreement(table, annotations, report.text):.3f}")
        for row in rows[rows.wrong != ""].itertuples():
            print(f"  not right: {row.quote}  [{row.wrong}]")

    report = load_report()
    year = int(report.meta["year"])
    print("\nsize    chars  indicators   best s   s per 10k chars")
    for times in (1, 10, 100):
        text, sentences = repeated(report, times)
        found = len(_extract_uncached(text, sentences, year)[0])
        best = min(timeit.repeat(lambda: _extract_uncached(text, sentences, year), number=1,
                                 repeat=args.repeat if times < 100 else max(1, args.repeat // 2)))
        print(f"{times:>3}x {len(text):>9} {found:>11} {best:>8.3f} {best / len(text) * 1e4:>17.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
