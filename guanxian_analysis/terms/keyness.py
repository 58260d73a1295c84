"""Which terms distinguish one text from another (weighted log-odds with a Dirichlet prior); no plain counts."""
from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from ..tokenizer import DEFAULT_STOPWORDS
from .counting import _as_counts

__all__ = ["distinctive_terms"]


def distinctive_terms(
    a,
    b,
    *,
    prior=None,
    prior_scale: float | None = None,
    labels: tuple[str, str] = ("a", "b"),
    stopwords=DEFAULT_STOPWORDS,
    pos=None,
    min_length: int = 2,
    min_count: int = 1,
) -> pd.DataFrame:
    """Terms that distinguish ``a`` from ``b``: weighted log-odds ratios with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eqs. 16 and 20).

    For each term ``w`` with counts ``y_a``, ``y_b`` in corpora of ``n_a``, ``n_b`` tokens
    and prior ``alpha_w`` (``alpha_0`` = the sum of all ``alpha_w``)::

        delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
                - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
        var_w   = 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
        z_w     = delta_w / sqrt(var_w)

    Parameters
    ----------
    a, b : Report, DataFrame, str, list of str, or mapping / Series of counts
        The two corpora, e.g. ``report.paragraphs.query("segment == 'review_last_year'")``
        and ``report.paragraphs.query("segment == 'year_ahead'")``. Texts are tokenized;
        count mappings are used as they are.
    prior : mapping / Series of counts, optional
        Background counts; default the pooled counts of ``a`` and ``b``. Terms missing
        from the background get a pseudo-count of 0.01.
    prior_scale : float, optional
        ``alpha_0``, the total weight of the prior; the background frequencies are scaled
        to sum to it. Default: the background's own total (its raw counts are the prior).
    labels : (str, str)
        Names of ``a`` and ``b`` for the ``favours`` column.
    stopwords, pos, min_length
        Tokenization of texts (:func:`guanxian_analysis.tokenize`).
    min_count : int
        Keep terms counted at least this often in ``a`` and ``b`` together.

    Returns
    -------
    DataFrame
        ``term, count_a, count_b, rate_a, rate_b, prior, log_odds, se, z, favours, rank``
        sorted by ``z`` descending (most typical of ``a`` first), ties by term; ``rate``
        per 1,000 tokens.

    Examples
    --------
    >>> t = distinctive_terms({"x": 2, "y": 1}, {"y": 1, "z": 1}, prior={"x": 1, "y": 1, "z": 1})
    >>> t[["term", "count_a", "count_b", "log_odds"]].round(3)
      term  count_a  count_b  log_odds
    0    x      2.0      0.0     1.386
    1    y      1.0      1.0    -0.288
    2    z      0.0      1.0    -1.204
    """
    counts_a = _as_counts(a, stopwords, pos, min_length)
    counts_b = _as_counts(b, stopwords, pos, min_length)
    vocab = sorted(t for t in set(counts_a) | set(counts_b) if counts_a[t] + counts_b[t] >= min_count)
    background = Counter(counts_a) + Counter(counts_b) if prior is None else _as_counts(prior, stopwords, pos, min_length)
    total_bg = sum(background.values())
    if total_bg <= 0:
        raise ValueError("the prior needs positive counts")
    scale = total_bg if prior_scale is None else float(prior_scale)
    alpha = {t: max(background.get(t, 0.0), 0.01) * scale / total_bg for t in vocab}
    alpha_0 = scale
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    rows = []
    for term in vocab:
        y_a, y_b, al = counts_a[term], counts_b[term], alpha[term]
        delta = math.log((y_a + al) / (n_a + alpha_0 - y_a - al)) - math.log((y_b + al) / (n_b + alpha_0 - y_b - al))
        se = math.sqrt(1 / (y_a + al) + 1 / (y_b + al))
        rows.append({
            "term": term,
            "count_a": float(y_a),
            "count_b": float(y_b),
            "rate_a": 1000 * y_a / n_a if n_a else 0.0,
            "rate_b": 1000 * y_b / n_b if n_b else 0.0,
            "prior": al,
            "log_odds": delta,
            "se": se,
            "z": delta / se,
        })
    table = pd.DataFrame(rows, columns=["term", "count_a", "count_b", "rate_a", "rate_b", "prior", "log_odds", "se", "z"])
    table["z_key"] = -table["z"].round(12)
    table = table.sort_values(["z_key", "term"], kind="stable").drop(columns="z_key").reset_index(drop=True)
    table["favours"] = [labels[0] if z > 0 else labels[1] if z < 0 else None for z in table["z"]]
    table["rank"] = range(1, len(table) + 1)
    return table

