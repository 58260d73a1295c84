"""Scoreboard pairs against the hand annotation (``tests/fixtures/scoreboard_pairs_annotated.csv``).

Prints how many of the annotated like-with-like pairs the scoreboard sets side by side, how many of
the tempting non-pairs it avoids, the agreement over all rows, the rows it gets wrong, and the
scoreboard time against the indicator extraction it builds on (same process).

Run: ``.venv/bin/python benchmarks/bench_scoreboard.py``
"""
from __future__ import annotations

import timeit


def main() -> None:
    from guanxian_analysis import indicators, load_report, scoreboard
    from guanxian_analysis.indicator_quality import load_pair_annotations, pair_agreement

    report = load_report()
    table = indicators(report)
    board = scoreboard(table)
    scores, rows = pair_agreement(board, table, load_pair_annotations(), report)
    print(f"pairs found {scores['found']}/{scores['yes']}, non-pairs avoided {scores['avoided']}/{scores['no']}, "
          f"agreement {scores['agreement']:.3f}")
    for row in rows[~rows.ok].itertuples():
        print(f"  wrong: {row.pair} {row.metric} ({row.outcome_id} -> {row.target_id})")
    t_ind = min(timeit.repeat(lambda: indicators(report), number=1, repeat=3))
    t_board = min(timeit.repeat(lambda: scoreboard(table), number=1, repeat=3))
    print(f"scoreboard {t_board * 1000:.1f} ms = {t_board / t_ind:.3f} x indicators ({t_ind * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
