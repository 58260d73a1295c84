"""Commitments against the hand annotation (agreement figures) and the time ``commitments()`` takes.

Run: ``.venv/bin/python benchmarks/bench_commitments.py`` (``-v`` lists every disagreement). A found
commitment matches an annotated one when both are in the same sentence and their clauses overlap.
The floors asserted in ``tests/test_commitments.py`` are the figures printed here.
"""
from __future__ import annotations

import sys
import time

import guanxian_analysis as ga
from guanxian_analysis.commitment_quality import commitment_agreement, load_commitment_annotations


def main() -> None:
    report = ga.load_report()
    annotated = load_commitment_annotations()
    ga.indicators(report)  # warm: the indicators are cached per report
    t0 = time.perf_counter()
    found = ga.commitments(report)
    elapsed = time.perf_counter() - t0
    a = commitment_agreement(found, annotated)
    n = a["matched"]
    print(f"commitments: annotated {a['annotated']}, found {a['found']}, matched {n} "
          f"(precision {a['precision']:.3f}, recall {a['recall']:.3f})")
    print(f"of the matched: same verb {a['verb_same']}/{n} ({a['verb_same'] / n:.3f}), "
          f"same class {a['class_same']}/{n} ({a['class_same'] / n:.3f}), "
          f"same checkable {a['checkable_same']}/{n} ({a['checkable_same'] / n:.3f})")
    print(f"checkable: annotated {a['annotated_checkable']}, found {a['found_checkable']}")
    print(f"time: commitments() {elapsed:.3f} s on the report")
    if "-v" in sys.argv:
        print("\nmissed:")
        for ann in a["missed"].itertuples():
            print(" ", ann.sentence_id, ann.clause, ann.verb)
        print("extra:")
        for r in a["extra"]:
            print(" ", r.sentence_id, r.clause, r.verb)
        print("different:")
        for r, x in a["pairs"]:
            diff = []
            if r.verb != x.verb:
                diff.append(f"verb {r.verb or '-'} / {x.verb}")
            if r.verb_class != x.verb_class:
                diff.append(f"class {r.verb_class} / {x.verb_class}")
            if bool(r.checkable) != bool(x.checkable):
                diff.append(f"checkable {r.checkable} / {x.checkable} [{r.deliverables} | {x.deliverables}]")
            if diff:
                print(" ", r.sentence_id, x.clause, "; ".join(diff))


if __name__ == "__main__":
    main()
