"""Text-mining analyses of the report, each returning a tidy DataFrame.

Every function takes the :class:`~guanxian_analysis.report.Report` (or, where noted, a
DataFrame with a ``text`` column such as a filtered ``report.paragraphs``), tokenizes
with :func:`guanxian_analysis.tokenize` and never mutates its input. Rows come out in a
deterministic order: by the statistic, ties broken by term.

=========================  ============================================================
function                   returns
=========================  ============================================================
``term_frequencies``       term counts overall or by theme / part / section / segment
``keywords``               TF-IDF and TextRank keywords side by side, per group
``distinctive_terms``      weighted log-odds with informative Dirichlet prior, z-scores
``kwic``                   every hit of a term in context, with its provenance
``cooccurrence``           term pairs sharing a sentence (``cooccurrence_graph``: graph)
``action_verbs``           commitment verbs and adverbs per theme
``numbered_phrases``       numbered slogans (两不愁三保障, “1457” …) + glossary definition
=========================  ============================================================

Counting rule
-------------
:func:`term_frequencies` and :func:`kwic` count the same way, chosen by two keywords with the
same defaults in both:

- ``match="token"`` (default): an occurrence counts where the package tokenizer cuts the text
  at both its ends, i.e. as a whole word (教育 in 教育局 or 啄木鸟 in 啄木鸟智慧监管平台 does not
  count); ``match="substring"``: every occurrence of the characters counts;
- ``glossary=False`` (default): the glossary (名词解释) is left out, since its definitions repeat
  the glossed terms; ``glossary=True`` counts it too.

So ``len(kwic(report, "教育"))`` equals the count of 教育 in ``term_frequencies(report)`` (10 in
the Guanxian report; 19 with ``match="substring", glossary=True``). A term argument (``kwic``'s
``term``, ``action_verbs``' ``words``) takes one string or a list of strings; anything else
raises ``TypeError``.

Vocabulary
----------
A report's own compounds stay one token and its place name is a stopword: every function here
tokenizes with :func:`report_vocabulary` of its input, the words of
:func:`~guanxian_analysis.tokenizer.report_words` (glossary terms, metric names) and the
``"place"`` stopword layer (:func:`~guanxian_analysis.tokenizer.place_names` of
``meta["place"]``). A table cut from a loaded report (``report.paragraphs[...]``) names its
report in ``attrs["report_key"]``, so a theme's paragraphs are tokenized as the whole report is.

Examples
--------
>>> import guanxian_analysis as ga
>>> report = ga.load_report()
>>> ga.term_frequencies(report, by="theme").head(3)          # doctest: +SKIP
>>> ga.kwic(report, "链长制")[["paragraph_id", "left", "match", "right"]]  # doctest: +SKIP
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import combinations

import pandas as pd

from .tokenizer import DEFAULT_STOPWORDS, get_pos_tokenizer, stopword_layers, stopword_set
from .tokenizer import tokenize as _tokenize

__all__ = [
    "term_frequencies",
    "keywords",
    "distinctive_terms",
    "kwic",
    "cooccurrence",
    "cooccurrence_graph",
    "action_verbs",
    "numbered_phrases",
    "report_vocabulary",
    "COMMITMENT_VERBS",
    "COMMITMENT_ADVERBS",
]

#: grouping columns accepted by ``by=``
GROUPINGS = ("theme", "part", "section", "segment", "period", "paragraph_id")
#: commitment verbs: what the government says it will do
COMMITMENT_VERBS = (
    "推进", "加快", "实施", "打造", "深化", "确保", "推动", "加强", "完善", "健全", "强化",
    "落实", "提升", "提高", "巩固", "培育", "构建", "创建", "争创", "优化", "开展", "抓好",
    "做好", "守住", "坚持", "发展", "建设", "突破", "攻坚",
)
#: commitment adverbs: how hard it says it will try
COMMITMENT_ADVERBS = (
    "力争", "全力", "大力", "持续", "不断", "深入", "扎实", "切实", "著力", "着力", "积极",
    "努力", "全面", "坚决", "严格", "稳步", "有序", "进一步", "全力以赴", "千方百计",
)
_NUMERAL = "一二两三四五六七八九十百千万双零"
_QUOTED = re.compile(r"“([^”]{1,20})”")
_STARTS_NUMBERED = re.compile(rf"^(?:[{_NUMERAL}]|\d)")
_TWO_NUMERALS = re.compile(rf"[{_NUMERAL}].*[{_NUMERAL}]")
#: numbered slogans the report uses without quotation marks
_UNQUOTED_SLOGANS = ("三大攻坚战", "一镇一厂", "十四五")
#: set phrases (成语) a report may quote whose numerals are weights, manners or emphasis, not items counted:
#: “四两拨千斤” (four taels move a thousand jin, of the budget's leverage) is an idiom, not a numbered slogan
_NUMERAL_IDIOMS = frozenset({
    "四两拨千斤", "千方百计", "一马当先", "一以贯之", "一鼓作气", "一抓到底", "一举两得", "一石二鸟", "三心二意",
    "七上八下", "九牛一毛", "万无一失", "万众一心", "千家万户", "十全十美", "一心一意", "独一无二", "百尺竿头",
    "一往无前", "一张蓝图绘到底", "三令五申", "四面八方", "五湖四海", "千头万绪", "一丝不苟", "一针一线",
})


# --------------------------------------------------------------------------- vocabulary
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
    from .tokenizer import place_names, report_words

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
    from .tokenizer import _quiet_jieba

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


# --------------------------------------------------------------------------- keyness
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


# --------------------------------------------------------------------------- KWIC
def _locate(table: pd.DataFrame, positions: list[int]) -> pd.DataFrame:
    """Row of ``table`` (with start/end) containing each position, by ``searchsorted``."""
    ordered = table.sort_values("start")
    idx = ordered["start"].searchsorted(positions, side="right") - 1
    return ordered.iloc[idx.clip(0)].reset_index(drop=True)


def kwic(
    report,
    term,
    *,
    window: int = 15,
    match: str = "token",
    glossary: bool = False,
    regex: bool = False,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (or of each of several terms) in the report.

    Occurrences are counted by the rule :func:`term_frequencies` uses, with the same defaults
    (whole tokens, glossary left out), so ``len(kwic(report, "教育"))`` is the count of 教育 in
    ``term_frequencies(report)``.

    Parameters
    ----------
    report : Report
    term : str or list of str
        The word to find, or several (``["教育", "养老"]``); a regular expression when
        ``regex=True``. A string is one term, never its characters.
    window : int
        Characters of context on each side (cut at the paragraph's edges).
    match : {"token", "substring"}
        ``"token"`` (default): only where the tokenizer cuts the text at both ends of the hit
        (``振兴`` then does not match inside ``乡村振兴``; a term of several words, such as
        ``疫情防控``, still matches on word boundaries). ``"substring"``: every occurrence.
    glossary : bool
        Include hits in the glossary (名词解释); left out by default, as in
        :func:`term_frequencies`.
    regex : bool
        Treat each term as a regular expression.

    Returns
    -------
    DataFrame
        ``hit, term, left, match, right, start, end, paragraph_id, sentence_id, part,
        segment, section, theme``, in text order (hits of several terms interleaved, ``term``
        says which); ``report.text[start:end] == match``.

    Raises
    ------
    TypeError
        ``term`` is not a string or a list of strings.
    ValueError
        An empty term, or ``match`` not one of ``"token"``, ``"substring"``.

    Examples
    --------
    >>> hits = kwic(report, "链长制", window=6)                 # doctest: +SKIP
    >>> hits[["paragraph_id", "section", "left", "match", "right"]]  # doctest: +SKIP
    >>> kwic(report, ["教育", "养老"]).term.value_counts()        # doctest: +SKIP
    """
    terms = _as_terms(term)
    _check_match(match)
    if not isinstance(glossary, bool):
        raise TypeError(f"glossary must be True or False, got {type(glossary).__name__}")
    text = report.text
    paragraphs = report.paragraphs
    sentences = report.sentences
    words = report_vocabulary(report)[0]
    found = []  # (start, end, term index, term)
    for index, one in enumerate(terms):
        pattern = re.compile(one if regex else re.escape(one))
        found.extend((m.start(), m.end(), index, one) for m in pattern.finditer(text) if m.end() > m.start())
    found.sort()
    columns = ["hit", "term", "left", "match", "right", "start", "end", "paragraph_id", "sentence_id", "part",
               "segment", "section", "theme"]
    kept = []
    if found:
        para_rows = _locate(paragraphs, [start for start, *_ in found])
        for (start, end, _, one), (_, para) in zip(found, para_rows.iterrows()):
            if not glossary and para.get("part") == "glossary":
                continue
            if match == "token":
                cuts = _cuts(para["text"], int(para["start"]), words)
                if start not in cuts or end not in cuts:
                    continue
            kept.append((start, end, one, para))
    if not kept:
        return pd.DataFrame(columns=columns)
    sent_rows = _locate(sentences, [start for start, *_ in kept])
    rows = []
    for i, ((start, end, one, para), (_, sent)) in enumerate(zip(kept, sent_rows.iterrows()), 1):
        p_start, p_end = int(para["start"]), int(para["end"])
        rows.append({
            "hit": i,
            "term": one,
            "left": text[max(p_start, start - window):start],
            "match": text[start:end],
            "right": text[end:min(p_end, end + window)],
            "start": start,
            "end": end,
            "paragraph_id": para["paragraph_id"],
            "sentence_id": sent["sentence_id"] if int(sent["start"]) <= start < int(sent["end"]) else None,
            "part": para.get("part"),
            "segment": para.get("segment"),
            "section": para.get("section"),
            "theme": para.get("theme"),
        })
    return pd.DataFrame(rows, columns=columns)


@lru_cache(maxsize=1024)
def _cuts(text: str, offset: int, words: tuple[str, ...] = ()) -> frozenset[int]:
    from .tokenizer import get_tokenizer

    cuts = {offset}
    for _, _, end in get_tokenizer(words).tokenize(text):
        cuts.add(offset + end)
    return frozenset(cuts)


# --------------------------------------------------------------------------- co-occurrence
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


# --------------------------------------------------------------------------- verbs
def action_verbs(report, *, by: str = "theme", words: Iterable[str] | None = None) -> pd.DataFrame:
    """How often each theme commits to action: the commitment verbs and adverbs.

    Tokenizes with only the generic stopword layer (the boilerplate layer would remove
    exactly these words) and counts :data:`COMMITMENT_VERBS` and
    :data:`COMMITMENT_ADVERBS` (or ``words``: one word or a list) per group, as whole tokens
    outside the glossary (the counting rule's defaults).

    Returns
    -------
    DataFrame
        ``<by>, word, kind ("verb" | "adverb" | "word"), count, per_1000, rank``:
        ``per_1000`` per 1,000 tokens of the group; rank within group by count, ties
        by word. Words a group never uses are left out.

    Examples
    --------
    >>> v = action_verbs(report)                              # doctest: +SKIP
    >>> v[v.theme == "rural"].head(3)                         # doctest: +SKIP
    """
    if words is None:
        kinds = {**{w: "verb" for w in COMMITMENT_VERBS}, **{w: "adverb" for w in COMMITMENT_ADVERBS}}
    else:
        kinds = {w: "word" for w in _as_terms(words, "words")}
    table = _body(_frame(report))
    rows = []
    for value, texts in _groups(table, by):
        counts = _counts(texts, "generic", None, 1, report_vocabulary(report))
        total = sum(counts.values()) or 1
        found = sorted(((w, counts[w]) for w in kinds if counts[w]), key=lambda kv: (-kv[1], kv[0]))
        for rank, (word, count) in enumerate(found, 1):
            rows.append({by: value, "word": word, "kind": kinds[word], "count": count,
                         "per_1000": 1000 * count / total, "rank": rank})
    return pd.DataFrame(rows, columns=[by, "word", "kind", "count", "per_1000", "rank"])


# --------------------------------------------------------------------------- slogans
def _is_numbered(phrase: str) -> bool:
    return bool(_STARTS_NUMBERED.match(phrase) or _TWO_NUMERALS.search(phrase))


def numbered_phrases(report) -> pd.DataFrame:
    """The numbered policy slogans (三个走在前, 两不愁三保障, “1457” …) with their
    glossary definition where the report gives one.

    A phrase is a quoted expression (“…”; lists inside quotes such as
    “一网通办、一窗通办、一次办好” are split at 、 unless the glossary defines the
    whole) that starts with a numeral or digit or holds two numerals, plus a few slogans
    the report uses unquoted (三大攻坚战, 一镇一厂); a quoted idiom whose numerals count
    nothing (“四两拨千斤”) is not one. Occurrences are counted in the body (glossary
    excluded), quoted or not.

    Returns
    -------
    DataFrame
        ``phrase, count, first_start, first_paragraph_id, section, theme, paragraph_ids,
        in_glossary, definition``; in order of first appearance.

    Examples
    --------
    >>> numbered_phrases(report).set_index("phrase").loc["两不愁三保障", "definition"][:12]  # doctest: +SKIP
    '即稳定实现农村贫困人口不愁吃'
    """
    paragraphs = report.paragraphs
    body = _body(paragraphs)
    glossary = getattr(report, "glossary", None)
    definitions: dict[str, str] = {}
    if glossary is not None and len(glossary):
        key_column = "key" if "key" in glossary.columns else "term"
        definitions = dict(zip(glossary[key_column], glossary["definition"]))
    candidates: list[str] = []
    for text in body["text"]:
        for quoted in _QUOTED.findall(text):
            pieces = [quoted] if quoted in definitions else quoted.split("、")
            candidates.extend(p for p in pieces if p and _is_numbered(p) and p not in _NUMERAL_IDIOMS)
    candidates.extend(p for p in _UNQUOTED_SLOGANS if any(p in t for t in body["text"]))
    rows = []
    text = report.text
    for phrase in dict.fromkeys(candidates):
        starts = []
        for para in body.itertuples(index=False):
            at = para.text.find(phrase)
            while at >= 0:
                starts.append((int(para.start) + at, para))
                at = para.text.find(phrase, at + len(phrase))
        if not starts:
            continue
        starts.sort(key=lambda sp: sp[0])
        first, para = starts[0]
        assert text[first:first + len(phrase)] == phrase
        rows.append({
            "phrase": phrase,
            "count": len(starts),
            "first_start": first,
            "first_paragraph_id": para.paragraph_id,
            "section": getattr(para, "section", None),
            "theme": getattr(para, "theme", None),
            "paragraph_ids": ",".join(dict.fromkeys(p.paragraph_id for _, p in starts)),
            "in_glossary": phrase in definitions,
            "definition": definitions.get(phrase),
        })
    rows.sort(key=lambda r: (r["first_start"], r["phrase"]))
    return pd.DataFrame(rows, columns=["phrase", "count", "first_start", "first_paragraph_id", "section", "theme",
                                       "paragraph_ids", "in_glossary", "definition"])
