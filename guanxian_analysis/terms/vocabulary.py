"""Which words a report's tokenizer knows: the report's own compounds and place names, by report; no counting.

The loader names each report in its tables (:func:`remember_report`), so that a table cut from them
(``report.paragraphs[...]``) is tokenized as the whole report is.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["report_vocabulary", "remember_report"]

#: the reports loaded in this process, by key (most recent last), for report_vocabulary
_REPORTS: "dict[str, object]" = {}
_VOCABULARIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_MAX_REPORTS = 32


def _report_key(report) -> str:
    return f"{report.meta.get('source_sha256')}:{getattr(report, 'script', '')}"


def remember_report(report) -> None:
    """Name ``report`` in its paragraph and sentence tables (``attrs["report_key"]``) and remember it, so
    :func:`report_vocabulary` finds it from a table cut from them. Called by the loader."""
    key = _report_key(report)
    for table in (report.paragraphs, report.sentences):
        table.attrs["report_key"] = key
    _REPORTS.pop(key, None)
    _REPORTS[key] = report
    while len(_REPORTS) > _MAX_REPORTS:
        _REPORTS.pop(next(iter(_REPORTS)))


def report_vocabulary(data) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(words, places)`` for tokenizing ``data``: the report's own compounds and place names.

    ``data`` is a Report, or a table cut from one (its ``attrs["report_key"]``); anything else (a
    hand-made table, a list of texts) gets ``((), ())``, the package dictionary alone.

    >>> from guanxian_analysis import load_report
    >>> words, places = report_vocabulary(load_report())
    >>> "优良天数" in words, places
    (True, ('冠县', '全县', '我县', '本县'))
    >>> report_vocabulary(["冠县"])
    ((), ())
    """
    from ..tokenizer import place_names, report_words

    if hasattr(data, "paragraphs") and hasattr(data, "meta"):
        key = _report_key(data)
        _REPORTS.setdefault(key, data)
    elif isinstance(data, pd.DataFrame):
        key = data.attrs.get("report_key")
    else:
        return (), ()
    if key not in _VOCABULARIES:
        report = _REPORTS.get(key)
        if report is None:
            return (), ()
        _VOCABULARIES[key] = (report_words(report), place_names(report.meta.get("place")))
    return _VOCABULARIES[key]
