"""Measure :func:`~guanxian_analysis.indicator_extraction.indicators` against hand annotations (scoring only; no extraction).

The annotations (``tests/fixtures/indicators_annotated.csv``) name each indicator by
a ``quote`` that occurs once in the report's simplified text and the ``number`` as
written inside it; the number's offset in the text is the key that joins an
annotation to an extracted row.

Examples
--------
>>> from guanxian_analysis import load_report, indicators
>>> report = load_report()                                           # doctest: +SKIP
>>> scores, rows = score(indicators(report), load_annotations(), report.text)  # doctest: +SKIP
>>> round(scores["precision"], 3)                                    # doctest: +SKIP
1.0
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

__all__ = ["ANNOTATED_FIELDS", "load_annotations", "locate", "score", "load_pair_annotations", "pair_agreement"]

#: the fields that must all agree for an indicator to be fully right
ANNOTATED_FIELDS = ["value", "unit", "metric", "kind", "qualifier", "period"]


def load_annotations(path: Path | str | None = None) -> pd.DataFrame:
    """The hand-annotated indicators as a DataFrame of strings (``value`` as float).

    Examples
    --------
    >>> load_annotations().columns[:3].tolist()                       # doctest: +SKIP
    ['quote', 'number', 'value']
    """
    if path is None:
        from . import paths

        path = paths.FIXTURES_DIR / "indicators_annotated.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    table["value"] = table["value"].astype(float)
    return table


def locate(text: str, quote: str, number: str) -> int:
    """Offset in ``text`` of ``number`` inside the one occurrence of ``quote``.

    Examples
    --------
    >>> locate("甲增长8%，乙增长18%。", "乙增长18%", "18")
    9
    """
    if text.count(quote) != 1:
        raise ValueError(f"quote must occur exactly once, found {text.count(quote)}: {quote!r}")
    match = re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", quote)
    if match is None:
        raise ValueError(f"{number!r} is not a number in {quote!r}")
    return text.index(quote) + match.start()


def _same(field: str, expected, got) -> bool:
    if field == "value":
        return got == got and float(expected) == float(got)
    got = got if isinstance(got, str) else ""
    return (expected or "") == got


def score(table: pd.DataFrame, annotations: pd.DataFrame, text: str) -> tuple[dict, pd.DataFrame]:
    """Precision, recall and the fully-right share of ``table`` against ``annotations``.

    Parameters
    ----------
    table : DataFrame
        Output of ``indicators(report)``.
    annotations : DataFrame
        Output of :func:`load_annotations`; it covers the whole report, so an
        extracted row without an annotation counts against precision.
    text : str
        The simplified report text the quotes come from.

    Returns
    -------
    scores : dict
        ``precision``, ``recall``, ``fully_right`` (share of annotations whose
        value, unit, metric, kind, qualifier and period are all right) and counts.
    rows : DataFrame
        One row per annotation and per unmatched extraction, with ``wrong`` naming
        the fields that disagree.
    """
    by_start = {row["start"]: row for row in table.to_dict("records")}
    rows, matched = [], set()
    for ann in annotations.to_dict("records"):
        start = locate(text, ann["quote"], ann["number"])
        got = by_start.get(start)
        if got is None:
            rows.append({"quote": ann["quote"], "start": start, "found": False, "wrong": "missing"})
            continue
        matched.add(start)
        wrong = [f for f in ANNOTATED_FIELDS if not _same(f, ann[f], got[f])]
        detail = "; ".join(f"{f}: {ann[f]!r} != {got[f]!r}" for f in wrong)
        rows.append({"quote": ann["quote"], "start": start, "found": True, "wrong": detail})
    for start, got in by_start.items():
        if start not in matched:
            rows.append({"quote": text[max(0, start - 10): got["end"] + 4], "start": start,
                         "found": False, "wrong": "not annotated"})
    result = pd.DataFrame(rows, columns=["quote", "start", "found", "wrong"])
    n_found = len(matched)
    fully = int(((result["found"]) & (result["wrong"] == "")).sum())
    scores = {
        "annotated": len(annotations),
        "extracted": len(table),
        "matched": n_found,
        "precision": n_found / len(table) if len(table) else 0.0,
        "recall": n_found / len(annotations) if len(annotations) else 0.0,
        "fully_right": fully / len(annotations) if len(annotations) else 0.0,
    }
    return scores, result


def load_pair_annotations(path: Path | str | None = None) -> pd.DataFrame:
    """The hand-annotated outcome/target pairs (``tests/fixtures/scoreboard_pairs_annotated.csv``).

    Examples
    --------
    >>> load_pair_annotations().pair.value_counts().to_dict()          # doctest: +SKIP
    {'no': 33, 'yes': 22}
    """
    if path is None:
        from . import paths

        path = paths.FIXTURES_DIR / "scoreboard_pairs_annotated.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _locate_in(text: str, paragraphs: pd.DataFrame, paragraph_id: str, quote: str, number: str) -> int:
    """Offset of ``number`` inside ``quote`` within paragraph ``paragraph_id``."""
    para = paragraphs.set_index("paragraph_id").loc[paragraph_id]
    at = text.find(quote, int(para["start"]), int(para["end"]))
    if at < 0:
        raise ValueError(f"{quote!r} is not in {paragraph_id}")
    match = re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", quote)
    if match is None:
        raise ValueError(f"{number!r} is not a number in {quote!r}")
    return at + match.start()


def pair_agreement(board: pd.DataFrame, table: pd.DataFrame, pairs: pd.DataFrame, report) -> tuple[dict, pd.DataFrame]:
    """How many annotated pairs a scoreboard finds (``yes``) and how many non-pairs it avoids (``no``).

    Parameters
    ----------
    board : DataFrame
        Output of ``scoreboard(table)`` (its ``outcome_id``/``target_id`` name the rows).
    table : DataFrame
        Output of ``indicators(report)``.
    pairs : DataFrame
        Output of :func:`load_pair_annotations`.
    report : Report
        The report the quotes come from.

    Returns
    -------
    scores : dict
        ``found`` (yes pairs on the board), ``yes``, ``avoided`` (no pairs not on the
        board), ``no`` and ``agreement`` (share of all rows the board gets right).
    rows : DataFrame
        One row per annotation with ``ok``.
    """
    ids = dict(zip(table.start, table.indicator_id))
    on_board = set(zip(board.outcome_id, board.target_id))
    rows = []
    for ann in pairs.to_dict("records"):
        outcome = ids.get(_locate_in(report.text, report.paragraphs, ann["outcome_paragraph"],
                                     ann["outcome_quote"], ann["outcome_value"].removesuffix(".0")))
        target = ids.get(_locate_in(report.text, report.paragraphs, ann["target_paragraph"],
                                    ann["target_quote"], ann["target_value"].removesuffix(".0")))
        paired = (outcome, target) in on_board
        rows.append({"metric": ann["metric"], "pair": ann["pair"], "outcome_id": outcome,
                     "target_id": target, "on_board": paired, "ok": paired == (ann["pair"] == "yes")})
    result = pd.DataFrame(rows, columns=["metric", "pair", "outcome_id", "target_id", "on_board", "ok"])
    yes, no = result[result.pair == "yes"], result[result.pair == "no"]
    scores = {"yes": len(yes), "found": int(yes.ok.sum()), "no": len(no), "avoided": int(no.ok.sum()),
              "agreement": float(result.ok.mean()) if len(result) else 0.0}
    return scores, result
