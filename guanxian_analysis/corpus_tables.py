"""Tables that need several reports: theme shares side by side, term trends, new terms (no loading, no charts).

=====================  ==============================================================
function               returns
=====================  ==============================================================
``theme_shares``       each theme's share of the characters, one column per report
``term_trends``        each term's rate per 10,000 characters by place and year
``new_terms``          terms appearing for the first time in a year of a place's series
=====================  ==============================================================

Each takes a :class:`~guanxian_analysis.corpus.Corpus` (``ga.load_reports``) or a sequence of reports.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import KEY_COLUMNS, Corpus, apply_metadata

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report

__all__ = ["theme_shares", "term_trends", "new_terms"]


def _reports_with_ids(reports) -> list[tuple[dict, "Report"]]:
    """(key row, report) pairs from a Corpus or a sequence of Reports."""
    if isinstance(reports, Corpus):
        return [({k: row[k] for k in KEY_COLUMNS}, report) for row, report in reports.items()]
    pairs = []
    for report in reports:
        meta = report.meta
        path = meta.get("source_path")
        values = apply_metadata(report)
        report_id = Path(path).stem if path else f"{values['place']}_{values['year']}"
        pairs.append(({"report_id": report_id, "place": values["place"], "level": values["level"],
                       "year": values["year"]}, report))
    return pairs


def _body(report) -> "pd.DataFrame":
    p = report.paragraphs
    return p[p["part"] != "glossary"]


def theme_shares(reports, *, value: str = "share") -> "pd.DataFrame":
    """Each theme's share of the body's characters (glossary excluded), one column per report.

    The same figure as ``notebook_helpers.theme_share`` for one report (the
    duplication is deliberate while that module is being split; the two should end up
    in one home).

    Parameters
    ----------
    reports : Corpus or sequence of Report
        Two or more reports.
    value : {"share", "characters", "paragraphs"}
        What the report columns hold.

    Returns
    -------
    DataFrame
        ``theme, label`` and one column per ``report_id``; themes in the package's order
        (economy, rural, environment, livelihoods, urban, governance). Shares of a
        column sum to 1.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> t = theme_shares([load_report()])
    >>> t.columns.tolist(), round(float(t.iloc[:, 2].sum()), 6)
    (['theme', 'label', 'guanxian-2022-government-work-report'], 1.0)
    """
    import pandas as pd

    from .themes import THEME_LABELS, THEMES

    if value not in ("share", "characters", "paragraphs"):
        raise ValueError(f"value must be 'share', 'characters' or 'paragraphs', not {value!r}")
    table = pd.DataFrame({"theme": list(THEMES), "label": [THEME_LABELS[t] for t in THEMES]})
    for key, report in _reports_with_ids(reports):
        body = _body(report).assign(characters=lambda d: d["end"] - d["start"])
        grouped = body.groupby("theme").agg(paragraphs=("paragraph_id", "size"), characters=("characters", "sum"))
        grouped = grouped.reindex(list(THEMES)).fillna(0)
        column = grouped["characters"] / grouped["characters"].sum() if value == "share" else grouped[value].astype(int)
        table[key["report_id"]] = column.to_numpy()
    return table


def _series(reports) -> "pd.DataFrame":
    """Key rows of every report with its body text, and every missing year of each place's series."""
    import pandas as pd

    rows = []
    for key, report in _reports_with_ids(reports):
        text = "\n".join(_body(report)["text"])
        rows.append({**key, "text": text, "characters": len(text) - text.count("\n")})
    table = pd.DataFrame(rows, columns=[*KEY_COLUMNS, "text", "characters"])
    if table["place"].isna().any():
        missing = table.loc[table["place"].isna(), "report_id"].tolist()
        raise ValueError(f"reports without a place: {missing}; give it in load_reports(metadata=...)")
    dupes = table[table.duplicated(["place", "year"], keep=False)]
    if len(dupes):
        raise ValueError(f"several reports for the same place and year: {dupes.report_id.tolist()}")
    gaps = []
    for place, group in table.groupby("place", sort=False):
        years = set(group["year"])
        level = group["level"].iloc[0]
        gaps += [{"report_id": None, "place": place, "level": level, "year": y, "text": None, "characters": None}
                 for y in range(min(years), max(years) + 1) if y not in years]
    if gaps:
        table = pd.concat([table, pd.DataFrame(gaps, columns=table.columns)], ignore_index=True)
    return table.sort_values(["place", "year"], kind="stable").reset_index(drop=True)


def term_trends(reports, terms: Sequence[str] | str) -> "pd.DataFrame":
    """Each term's rate per 10,000 characters in each year of each place's series.

    A term is counted wherever its characters occur in the body text (glossary
    excluded; ``kwic``'s plain matching, so 发展 also counts inside 高质量发展). Rates
    divide by the body's characters (line breaks not counted). A year missing between a
    place's first and last report gets a row with ``report_id``, ``count``,
    ``characters`` and ``rate_per_10k`` missing: the series is never bridged.

    Parameters
    ----------
    reports : Corpus or sequence of Report
    terms : str or sequence of str

    Returns
    -------
    DataFrame
        ``report_id, place, level, year, term, count, characters, rate_per_10k``, by
        place, term (in the order given) and year.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> t = term_trends([load_report()], ["乡村振兴"])
    >>> t[["place", "year", "term", "count"]].to_dict("records")
    [{'place': '冠县', 'year': 2022, 'term': '乡村振兴', 'count': 11}]
    """
    import pandas as pd

    terms = [terms] if isinstance(terms, str) else list(dict.fromkeys(terms))
    if not terms or any(not t for t in terms):
        raise ValueError("give one or more non-empty terms")
    series = _series(reports)
    rows = []
    for term in terms:
        for row in series.itertuples(index=False):
            count = None if row.text is None else row.text.count(term)
            rows.append({"report_id": row.report_id, "place": row.place, "level": row.level, "year": row.year,
                         "term": term, "count": count, "characters": row.characters,
                         "rate_per_10k": None if count is None else 10_000 * count / row.characters})
    table = pd.DataFrame(rows, columns=["report_id", "place", "level", "year", "term", "count", "characters",
                                        "rate_per_10k"])
    table = table.astype({"count": "Int64", "characters": "Int64", "year": "Int64", "rate_per_10k": "float64"})
    order = {term: i for i, term in enumerate(terms)}
    return table.sort_values(["place", "term", "year"], key=lambda c: c.map(order) if c.name == "term" else c,
                             kind="stable").reset_index(drop=True)


def new_terms(reports, *, min_count: int = 1, min_length: int = 2) -> "pd.DataFrame":
    """Terms that a place's report uses for the first time in its series.

    Terms are the package tokenizer's tokens (:func:`guanxian_analysis.tokenize`,
    default stopwords, at least ``min_length`` characters) of the body (glossary
    excluded). A term is new in year Y when the report of Y uses it at least
    ``min_count`` times and no earlier report of the same place uses it. The first report
    of each series is the baseline and gets no rows. After a missing year the comparison
    is with every earlier report there is; ``after_gap`` says so.

    Returns
    -------
    DataFrame
        ``report_id, place, level, year, term, count, compared_with, after_gap``:
        ``compared_with`` the years of the earlier reports (``"2012-2016"``, or a list
        where the series has gaps); by place, year, count (descending), term.

    Examples
    --------
    >>> t = new_terms(corpus)                                          # doctest: +SKIP
    >>> t.query("year == 2018").head(3)                                # doctest: +SKIP
    """
    import pandas as pd

    from .terms.counting import _tokens_of
    from .tokenizer import DEFAULT_STOPWORDS

    series = _series(reports)
    rows = []
    for place, group in series.groupby("place", sort=False):
        seen: set[str] = set()
        years_seen: list[int] = []
        previous_missing = False
        for row in group.itertuples(index=False):
            if row.text is None:
                previous_missing = bool(years_seen)
                continue
            counts = Counter(_tokens_of(row.text, DEFAULT_STOPWORDS, None, min_length))
            if years_seen:
                compared = _years_label(years_seen)
                for term, count in counts.items():
                    if term not in seen and count >= min_count:
                        rows.append({"report_id": row.report_id, "place": place, "level": row.level,
                                     "year": row.year, "term": term, "count": count, "compared_with": compared,
                                     "after_gap": previous_missing})
            seen |= set(counts)
            years_seen.append(int(row.year))
            previous_missing = False
    table = pd.DataFrame(rows, columns=["report_id", "place", "level", "year", "term", "count", "compared_with",
                                        "after_gap"])
    table["year"] = table["year"].astype("Int64")
    return table.sort_values(["place", "year", "count", "term"], ascending=[True, True, False, True],
                             kind="stable").reset_index(drop=True)


def _years_label(years: list[int]) -> str:
    """2012-2016 for a run of years, 2012-2016, 2018 across a gap."""
    runs, start = [], years[0]
    for a, b in zip(years, years[1:] + [None]):
        if b != a + 1:
            runs.append(str(start) if start == a else f"{start}-{a}")
            start = b
    return ", ".join(runs)
