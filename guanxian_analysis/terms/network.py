"""Co-occurrence: term pairs sharing a sentence, as a table and as a networkx graph; no drawing."""
from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pandas as pd

from ..tokenizer import DEFAULT_STOPWORDS
from .counting import _body, _frame, _tokens_of
from .vocabulary import report_vocabulary

__all__ = ["cooccurrence", "cooccurrence_graph"]


def cooccurrence(
    report,
    *,
    stopwords=DEFAULT_STOPWORDS,
    pos=("n", "v", "a"),
    min_length: int = 2,
    min_count: int = 2,
    top: int | None = None,
) -> pd.DataFrame:
    """Pairs of terms that occur in the same sentence.

    Parameters
    ----------
    report : Report or DataFrame
        The report (its ``sentences``, glossary excluded) or a table of sentences.
    stopwords, pos, min_length
        Tokenization (:func:`guanxian_analysis.tokenize`); nouns, verbs, adjectives of
        two characters or more by default.
    min_count : int
        Keep pairs sharing at least this many sentences.
    top : int, optional
        Keep the ``top`` pairs.

    Returns
    -------
    DataFrame
        ``term_a, term_b, count, count_a, count_b, jaccard, pmi``: ``term_a < term_b``;
        counts are numbers of sentences; ``pmi = log2(count * N / (count_a * count_b))``
        over ``N`` sentences. Sorted by count descending, then term_a, term_b.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"text": ["冠县乡村振兴", "冠县乡村振兴", "冠县"]})
    >>> cooccurrence(s, stopwords=None, pos=None)[["term_a", "term_b", "count", "count_a", "count_b"]]
      term_a term_b  count  count_a  count_b
    0   乡村振兴     冠县      2        2        3
    """
    table = _body(_frame(report, "sentences"))
    vocabulary = report_vocabulary(report)
    per_sentence = [sorted(set(_tokens_of(text, stopwords, pos, min_length, vocabulary))) for text in table["text"]]
    singles: Counter = Counter()
    pairs: Counter = Counter()
    for terms in per_sentence:
        singles.update(terms)
        pairs.update(combinations(terms, 2))
    n = len(per_sentence)
    rows = [
        {
            "term_a": a,
            "term_b": b,
            "count": c,
            "count_a": singles[a],
            "count_b": singles[b],
            "jaccard": c / (singles[a] + singles[b] - c),
            "pmi": math.log2(c * n / (singles[a] * singles[b])),
        }
        for (a, b), c in pairs.items()
        if c >= min_count
    ]
    rows.sort(key=lambda r: (-r["count"], r["term_a"], r["term_b"]))
    return pd.DataFrame(rows[: top if top else None],
                        columns=["term_a", "term_b", "count", "count_a", "count_b", "jaccard", "pmi"])


def cooccurrence_graph(pairs: pd.DataFrame, *, top: int | None = None):
    """A :class:`networkx.Graph` from a :func:`cooccurrence` table.

    Nodes carry ``count`` (sentences containing the term); edges carry ``weight``
    (shared sentences), ``jaccard`` and ``pmi``. Nodes and edges are added in the table's
    (deterministic) order.

    Examples
    --------
    >>> g = cooccurrence_graph(cooccurrence(report, top=40))   # doctest: +SKIP
    >>> g.number_of_edges()                                     # doctest: +SKIP
    40
    """
    import networkx as nx

    graph = nx.Graph()
    for row in pairs.head(top if top else len(pairs)).itertuples(index=False):
        graph.add_node(row.term_a, count=int(row.count_a))
        graph.add_node(row.term_b, count=int(row.count_b))
        graph.add_edge(row.term_a, row.term_b, weight=int(row.count), jaccard=float(row.jaccard), pmi=float(row.pmi))
    return graph

