"""How terms are counted (the counting rule, groups, the token cache) and the counts: term_frequencies, keywords.

The other analyses of :mod:`guanxian_analysis.terms` count through the helpers here; nothing here draws
or writes.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from ..tokenizer import DEFAULT_STOPWORDS, get_pos_tokenizer, stopword_layers, stopword_set
from ..tokenizer import tokenize as _tokenize
from .vocabulary import report_vocabulary

__all__ = ["term_frequencies", "keywords", "GROUPINGS", "MATCH_RULES"]

#: grouping columns accepted by ``by=``
GROUPINGS = ("theme", "part", "section", "segment", "period", "paragraph_id")


# --------------------------------------------------------------------------- helpers
def _frame(data, level: str = "paragraphs") -> pd.DataFrame:
    """The table of text units: ``report.paragraphs`` / ``report.sentences`` or a
    DataFrame with a ``text`` column (returned as is, never modified)."""
    if isinstance(data, pd.DataFrame):
        if "text" not in data.columns:
            raise ValueError("expected a DataFrame with a 'text' column (e.g. report.paragraphs)")
        return data
    table = getattr(data, level, None)
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"expected a Report or a DataFrame with a 'text' column, got {type(data).__name__}")
    return table


def _body(table: pd.DataFrame, glossary: bool = False) -> pd.DataFrame:
    """Drop the glossary (unless ``glossary``): its definitions would double-count the glossed terms."""
    if not isinstance(glossary, bool):
        raise TypeError(f"glossary must be True or False, got {type(glossary).__name__}")
    if not glossary and "part" in table.columns:
        return table[table["part"] != "glossary"]
    return table


#: the values of ``match=`` (see the module's counting rule)
MATCH_RULES = ("token", "substring")


def _check_match(match) -> str:
    if match not in MATCH_RULES:
        raise ValueError(f"match must be one of {MATCH_RULES} (whole tokens or any substring), got {match!r}")
    return match


def _as_terms(terms, name: str = "term") -> list[str]:
    """One string or a list (tuple, set, Series …) of strings, as a list without duplicates.

    >>> _as_terms("教育"), _as_terms(["教育", "养老", "教育"])
    (['教育'], ['教育', '养老'])
    >>> _as_terms(3)
    Traceback (most recent call last):
    TypeError: term must be a string or a list of strings, got int
    """
    expected = f"{name} must be a string or a list of strings"
    if isinstance(terms, str):
        items = [terms]
    elif isinstance(terms, (bytes, bytearray, Mapping)) or not isinstance(terms, Iterable):
        raise TypeError(f"{expected}, got {type(terms).__name__}")
    else:
        items = list(terms)
        wrong = [t for t in items if not isinstance(t, str)]
        if wrong:
            raise TypeError(f"{expected}, got a {type(terms).__name__} holding {type(wrong[0]).__name__} "
                            f"({wrong[0]!r})")
    if not items:
        raise ValueError(f"{name}: no terms given")
    if any(t == "" for t in items):
        raise ValueError(f"{name} must not be empty")
    return list(dict.fromkeys(items))


@lru_cache(maxsize=16384)
def _tokens(text: str, layers: tuple[str, ...], pos: tuple[str, ...] | None, min_length: int,
            vocabulary: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> tuple[str, ...]:
    words, places = vocabulary
    return tuple(_tokenize(text, stopwords=layers, pos=pos, min_length=min_length, words=words, places=places))


def _tokens_of(text: str, stopwords, pos, min_length: int = 1, vocabulary=((), ())) -> tuple[str, ...]:
    if pos is not None:
        pos = (pos,) if isinstance(pos, str) else tuple(pos)
    return _tokens(text, stopword_layers(stopwords), pos, min_length, vocabulary)


def _groups(table: pd.DataFrame, by: str | None):
    """(group value, texts) in order of first appearance; None-valued groups dropped."""
    if by is None:
        return [(None, list(table["text"]))]
    if by not in table.columns:
        raise ValueError(f"cannot group by {by!r}; choose one of {[g for g in GROUPINGS if g in table.columns]}")
    keyed = table[table[by].notna()]
    order = list(dict.fromkeys(keyed[by]))
    return [(value, list(keyed.loc[keyed[by] == value, "text"])) for value in order]


def _counts(texts: Iterable[str], stopwords, pos, min_length: int = 1, vocabulary=((), ())) -> Counter:
    counter: Counter = Counter()
    for text in texts:
        counter.update(_tokens_of(text, stopwords, pos, min_length, vocabulary))
    return counter


def _as_counts(data, stopwords, pos, min_length: int = 1) -> Counter:
    """Term counts from a text, list of texts, DataFrame with ``text``, Report, or a
    mapping / Series of counts (used as is)."""
    if isinstance(data, str):
        return _counts([data], stopwords, pos, min_length)
    if isinstance(data, pd.Series):
        return Counter({str(k): float(v) for k, v in data.items()})
    if isinstance(data, Mapping):
        return Counter({str(k): float(v) for k, v in data.items()})
    if isinstance(data, pd.DataFrame) or hasattr(data, "paragraphs"):
        return _counts(_body(_frame(data))["text"], stopwords, pos, min_length, report_vocabulary(data))
    return _counts(list(data), stopwords, pos, min_length)


# --------------------------------------------------------------------------- frequencies
def term_frequencies(
    report,
    *,
    by: str | None = None,
    match: str = "token",
    glossary: bool = False,
    stopwords=DEFAULT_STOPWORDS,
    pos=None,
    min_length: int = 2,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Count terms overall or per group of paragraphs.

    Parameters
    ----------
    report : Report or DataFrame
        The report (its ``paragraphs``) or any paragraph table.
    by : {None, "theme", "part", "section", "segment", "period", "paragraph_id"}
        Grouping column; groups come in order of first appearance.
    match : {"token", "substring"}
        The counting rule shared with :func:`kwic` (see the module docstring): ``"token"``
        counts whole tokens; ``"substring"`` counts, for each term the tokenizer finds, every
        occurrence of its characters (振兴 inside 乡村振兴 too), so shares may sum to more than 1.
    glossary : bool
        Count the glossary (名词解释) too; by default it is left out, as in :func:`kwic`.
    stopwords, pos, min_length
        Passed to :func:`guanxian_analysis.tokenize`; single characters (新, 位, 化 …)
        are dropped by default.
    min_count : int
        Drop terms counted fewer times in their group.
    top : int, optional
        Keep the ``top`` most frequent terms per group.

    Returns
    -------
    DataFrame
        ``[<by>,] term, count, share, rank``: share of the group's tokens; rank 1 = most
        frequent, ties broken by term.

    Examples
    --------
    >>> import pandas as pd
    >>> paragraphs = pd.DataFrame({"text": ["乡村振兴，乡村振兴。", "冠县乡村振兴。"], "theme": ["rural", "rural"]})
    >>> term_frequencies(paragraphs, by="theme")
       theme  term  count  share  rank
    0  rural  乡村振兴      3   0.75     1
    1  rural    冠县      1   0.25     2
    """
    _check_match(match)
    vocabulary = report_vocabulary(report)
    table = _body(_frame(report), glossary)
    rows = []
    for value, texts in _groups(table, by):
        counts = _counts(texts, stopwords, pos, min_length, vocabulary)
        total = sum(counts.values())
        if match == "substring":
            counts = Counter({term: sum(text.count(term) for text in texts) for term in counts})
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ordered = [(t, c) for t, c in ordered if c >= min_count][: top if top else None]
        for rank, (term, count) in enumerate(ordered, 1):
            row = {"term": term, "count": count, "share": count / total if total else 0.0, "rank": rank}
            if by is not None:
                row = {by: value, **row}
            rows.append(row)
    columns = ([by] if by else []) + ["term", "count", "share", "rank"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- keywords
def _textrank(text: str, *, top: int, stop: frozenset[str], allow_pos: tuple[str, ...], words=()):
    from ..tokenizer import _quiet_jieba

    with _quiet_jieba():
        from jieba.analyse.textrank import TextRank
    ranker = TextRank()
    ranker.tokenizer = ranker.postokenizer = get_pos_tokenizer(words)  # the package tokenizer (+ the report's words)
    ranker.stop_words = set(stop)
    ranked = ranker.textrank(text, topK=None, withWeight=True, allowPOS=allow_pos)
    ranked = sorted(ranked, key=lambda kv: (-round(kv[1], 12), kv[0]))
    return ranked[:top]


def keywords(
    report,
    *,
    by: str | None = "theme",
    top: int = 10,
    stopwords=DEFAULT_STOPWORDS,
    pos=("n", "v", "a"),
    min_length: int = 2,
    textrank_pos: tuple[str, ...] = ("n", "nr", "ns", "nt", "nz", "vn", "v"),
) -> pd.DataFrame:
    """Keywords per group by TF-IDF and by TextRank, side by side.

    TF-IDF is the package's own, over the report's paragraphs (not jieba's general-corpus
    IDF table): a group's score for a term is its share of the group's tokens times
    ``ln((1 + N) / (1 + df)) + 1``, with ``N`` paragraphs and ``df`` the paragraphs
    containing the term (glossary excluded). TextRank is ``jieba.analyse.TextRank`` run on
    the group's text with the package tokenizer (``jieba.posseg`` on
    :func:`~guanxian_analysis.get_tokenizer`), window 5, keeping ``textrank_pos`` tags and
    the same stopwords.

    Parameters
    ----------
    report : Report or DataFrame
    by : str or None
        Grouping column (see :func:`term_frequencies`); ``None`` for the whole report.
    top : int
        Keywords per group and method.
    stopwords, pos, min_length
        Tokenization for TF-IDF (:func:`guanxian_analysis.tokenize`); ``pos`` defaults to
        nouns, verbs and adjectives, single characters are dropped. TextRank keeps words
        of two characters or more (jieba's rule) and drops the same stopwords.

    Returns
    -------
    DataFrame
        ``[<by>,] rank, tfidf_term, tfidf_score, textrank_term, textrank_score``; one row
        per group and rank, ties broken by term.

    Examples
    --------
    >>> kw = keywords(report, by="theme", top=5)              # doctest: +SKIP
    >>> kw[kw.theme == "rural"][["tfidf_term", "textrank_term"]]  # doctest: +SKIP
    """
    vocabulary = report_vocabulary(report)
    table = _body(_frame(report))
    n_docs = len(table)
    df: Counter = Counter()
    for text in table["text"]:
        df.update(set(_tokens_of(text, stopwords, pos, min_length, vocabulary)))
    stop = stopword_set(stopwords, places=vocabulary[1])
    rows = []
    for value, texts in _groups(table, by):
        counts = _counts(texts, stopwords, pos, min_length, vocabulary)
        total = sum(counts.values()) or 1
        tfidf = {t: c / total * (math.log((1 + n_docs) / (1 + df[t])) + 1) for t, c in counts.items()}
        best = sorted(tfidf.items(), key=lambda kv: (-round(kv[1], 12), kv[0]))[:top]
        ranked = _textrank("\n".join(texts), top=top, stop=stop, allow_pos=textrank_pos, words=vocabulary[0])
        for i in range(max(len(best), len(ranked))):
            row = {
                "rank": i + 1,
                "tfidf_term": best[i][0] if i < len(best) else None,
                "tfidf_score": best[i][1] if i < len(best) else math.nan,
                "textrank_term": ranked[i][0] if i < len(ranked) else None,
                "textrank_score": ranked[i][1] if i < len(ranked) else math.nan,
            }
            rows.append({by: value, **row} if by else row)
    columns = ([by] if by else []) + ["rank", "tfidf_term", "tfidf_score", "textrank_term", "textrank_score"]
    return pd.DataFrame(rows, columns=columns)

