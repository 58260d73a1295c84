"""How the extracted commitments agree with a hand annotation (``tests/fixtures/commitments_annotated.csv``); no extraction.

A found commitment matches an annotated one when both are in the same sentence and their
clauses overlap; each annotated commitment is matched at most once.

Examples
--------
>>> import pandas as pd
>>> found = pd.DataFrame({"sentence_id": ["s1"], "sentence": ["建设A，完成B。"], "clause": ["建设A"],
...                       "verb": ["建设"], "verb_class": ["build_complete"], "checkable": [False]})
>>> annotated = found.assign(checkable="false")
>>> commitment_agreement(found, annotated)["matched"]
1
"""
from __future__ import annotations

import pandas as pd

from . import paths

__all__ = ["commitment_agreement", "load_commitment_annotations", "ANNOTATIONS"]

#: the hand-annotated commitments of the Guanxian report's part 三
ANNOTATIONS = paths.FIXTURES_DIR / "commitments_annotated.csv"


def load_commitment_annotations(path=None) -> pd.DataFrame:
    """The annotated commitments as strings (``checkable`` as bool)."""
    table = pd.read_csv(path or ANNOTATIONS, dtype=str, keep_default_na=False)
    table["checkable"] = table["checkable"].str.lower().eq("true")
    return table


def commitment_agreement(found: pd.DataFrame, annotated: pd.DataFrame) -> dict:
    """Match found and annotated commitments.

    Returns
    -------
    dict
        ``annotated``, ``found``, ``matched``, ``precision``, ``recall``, ``verb_same``,
        ``class_same``, ``checkable_same`` (counts over the matched pairs),
        ``annotated_checkable``, ``found_checkable``, and ``pairs`` / ``missed`` / ``extra``
        for inspection.
    """
    annotated_checkable = annotated["checkable"].astype(str).str.lower().eq("true")
    used: set[int] = set()
    matched_rows: set[int] = set()
    pairs = []
    by_sentence = {sid: group for sid, group in annotated.groupby("sentence_id")}
    for i, row in enumerate(found.itertuples(index=False)):
        a0 = row.sentence.find(row.clause)
        for j, ann in by_sentence.get(row.sentence_id, annotated.iloc[:0]).iterrows():
            if j in used:
                continue
            b0 = ann.sentence.find(ann.clause)
            if b0 < a0 + len(row.clause) and a0 < b0 + len(ann.clause):
                used.add(j)
                matched_rows.add(i)
                pairs.append((row, ann))
                break
    n = len(pairs)
    return {
        "annotated": len(annotated),
        "found": len(found),
        "matched": n,
        "precision": n / len(found) if len(found) else 0.0,
        "recall": n / len(annotated) if len(annotated) else 0.0,
        "verb_same": sum(r.verb == a.verb for r, a in pairs),
        "class_same": sum(r.verb_class == a.verb_class for r, a in pairs),
        "checkable_same": sum(bool(r.checkable) == bool(annotated_checkable[a.name]) for r, a in pairs),
        "annotated_checkable": int(annotated_checkable.sum()),
        "found_checkable": int(found["checkable"].sum()),
        "pairs": pairs,
        "missed": annotated.drop(index=list(used)),
        "extra": [r for i, r in enumerate(found.itertuples(index=False)) if i not in matched_rows],
    }
