"""Which of a higher level's policy phrases does a report echo? (phrase tables only; no prose, no charts)

``policy_phrases(source, against)`` lists the phrases of a (national) report: its quoted
slogans (“六稳”, “放管服” …), its numbered slogans (:func:`~guanxian_analysis.numbered_phrases`)
and its most distinctive multi-character terms against the other report (log-odds z of
:func:`~guanxian_analysis.distinctive_terms`). ``phrase_echo(source, target)`` says for each
phrase whether the target uses it:

``echoed``
    the exact phrase occurs in the target's body (glossary excluded);
``echoed_in_other_words``
    it does not, but one sentence of the target holds every component of the phrase:
    the components of a listed variant (:data:`VARIANTS`: 六稳 → 稳就业、稳金融、稳外贸、
    稳外资、稳投资、稳预期; 双碳 → 碳达峰、碳中和 …), or else the phrase's own content
    words when it has two or more (市场主体 → 市场 + 主体: the words of the package
    tokenizer's search mode, at least two characters, not stopwords, not overlapping,
    left to right). A phrase with fewer than two such words has no other words: it is
    echoed or absent;
``absent``
    neither.

Examples
--------
>>> import guanxian_analysis as ga
>>> nation = ga.load_report("../shared/corpus/national/national_2022.txt")   # doctest: +SKIP
>>> ga.phrase_echo(nation, ga.load_report()).head()                          # doctest: +SKIP
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["policy_phrases", "phrase_echo", "VARIANTS", "ECHO_STATUSES"]

#: statuses of ``phrase_echo``, in order of strength
ECHO_STATUSES = ("echoed", "echoed_in_other_words", "absent")
#: phrases that are usually written out in other words: phrase -> ways of saying it,
#: each a tuple of components that must all occur in one sentence
VARIANTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "六稳": (("稳就业", "稳金融", "稳外贸", "稳外资", "稳投资", "稳预期"),),
    "六保": (("保居民就业", "保基本民生", "保市场主体", "保粮食能源安全", "保产业链供应链稳定", "保基层运转"),),
    "双碳": (("碳达峰", "碳中和"),),
    "碳达峰碳中和": (("碳达峰", "碳中和"),),
    "放管服": (("简政放权", "放管结合", "优化服务"),),
}
_QUOTED = re.compile(r"“([^”]{2,12})”")
#: a quoted list (“一网通办、一窗通办”) is split at 、 when no item is longer than this
_LIST_ITEM_MAX = 6
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_SOURCE_KINDS = ("quoted", "numbered", "distinctive")


def _body(report) -> "pd.DataFrame":
    p = report.paragraphs
    return p[p["part"] != "glossary"]


def _body_sentences(report) -> "pd.DataFrame":
    s = report.sentences
    return s[s["part"] != "glossary"]


def policy_phrases(source, against=None, *, top: int = 20, min_length: int = 3) -> "pd.DataFrame":
    """The policy phrases of ``source`` (typically the national report).

    Parameters
    ----------
    source : Report
    against : Report, optional
        The report whose distinctive terms are contrasted (the county's); without it no
        ``distinctive`` phrases are listed.
    top : int
        How many distinctive terms: the ``top`` terms most typical of ``source``
        (highest log-odds z, all with z > 0), not already quoted or numbered.
    min_length : int
        Shortest distinctive term, in characters (3 keeps policy nouns such as 市场主体,
        宏观政策 and drops general words such as 支持, 继续).

    Returns
    -------
    DataFrame
        ``phrase, kind, count, z, first_sentence_id``: ``kind`` is ``quoted`` (in “…”,
        2–12 characters with a Chinese character; a list of short items split at 、), ``numbered``
        (from :func:`~guanxian_analysis.numbered_phrases`, also unquoted ones) or
        ``distinctive``; a phrase gets the first kind that finds it. ``count``: its
        occurrences in the source's body; ``z`` for distinctive terms. Ordered by kind,
        then by first occurrence (distinctive: by z).

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> nation = load_report("../shared/corpus/national/national_2022.txt")   # doctest: +SKIP
    >>> policy_phrases(nation).query("kind == 'quoted'").phrase.head(3).tolist()  # doctest: +SKIP
    ['十四五', '放管服', '一带一路']
    """
    import pandas as pd

    from .terms import distinctive_terms, numbered_phrases

    body = _body(source)
    text = "\n".join(body["text"])
    rows: list[dict] = []
    seen: set[str] = set()

    def add(phrase: str, kind: str, z=None):
        if phrase in seen or not phrase:
            return
        seen.add(phrase)
        rows.append({"phrase": phrase, "kind": kind, "count": text.count(phrase), "z": z,
                     "first_sentence_id": _first_sentence(source, phrase)})

    quoted = []
    for match in _QUOTED.finditer(text):
        pieces = match.group(1).split("、")
        if max(map(len, pieces)) > _LIST_ITEM_MAX:  # a slogan with a list inside: 资金、要素跟着项目走
            pieces = [match.group(1)]
        quoted.extend(p for p in pieces if len(p) >= 2 and _HAS_HAN.search(p))
    for phrase in dict.fromkeys(quoted):
        add(phrase, "quoted")
    for phrase in numbered_phrases(source)["phrase"]:
        add(phrase, "numbered")
    if against is not None:
        table = distinctive_terms(source.paragraphs, against.paragraphs, min_length=min_length,
                                  labels=("source", "against"))
        from .numerals import UNIT_PATTERN

        unit = re.compile(rf"(?:{UNIT_PATTERN})")  # 万亿元 is frequent in a national report, and no phrase
        n = 0
        for row in table[table["z"] > 0].itertuples(index=False):
            if n >= top:
                break
            if row.term not in seen and not unit.fullmatch(row.term):
                add(row.term, "distinctive", float(row.z))
                n += 1
    return pd.DataFrame(rows, columns=["phrase", "kind", "count", "z", "first_sentence_id"])


def _first_sentence(report, phrase: str):
    sentences = _body_sentences(report)
    hits = sentences[sentences["text"].str.contains(phrase, regex=False)]
    return hits["sentence_id"].iloc[0] if len(hits) else None


def _components(phrase: str) -> tuple[tuple[str, ...], ...]:
    """The ways of saying ``phrase`` in other words: its listed variants, else its own
    content words when there are two or more (see the module docstring)."""
    if phrase in VARIANTS:
        return VARIANTS[phrase]
    from .tokenizer import get_tokenizer, stopword_set

    stop = stopword_set()
    words: list[str] = []
    end = 0
    # the package tokenizer's search mode also gives the words inside a long token
    # (市场主体 → 市场, 主体); keep non-overlapping ones, left to right, longest first
    pieces = sorted(get_tokenizer().tokenize(phrase, mode="search"), key=lambda t: (t[1], -(t[2] - t[1])))
    for word, start, stop_at in pieces:
        if word == phrase or start < end or len(word) < 2 or word in stop:
            continue
        words.append(word)
        end = stop_at
    words = list(dict.fromkeys(words))
    return (tuple(words),) if len(words) >= 2 else ()


def phrase_echo(source, target, *, phrases=None, examples: int = 3) -> "pd.DataFrame":
    """How the ``target`` report echoes each policy phrase of ``source``.

    Parameters
    ----------
    source : Report
        The report whose phrases are looked for (the nation's).
    target : Report
        The report that may echo them (the county's).
    phrases : DataFrame or sequence of str, optional
        Default ``policy_phrases(source, target)``. A DataFrame needs a ``phrase``
        column (``kind`` and ``z`` are kept if present).
    examples : int
        How many target sentence ids to give per phrase.

    Returns
    -------
    DataFrame
        ``phrase, kind, z, count_source, count_target, status, components,
        target_sentence_ids, example``: ``status`` one of :data:`ECHO_STATUSES` (see the
        module's docstring for the rule); ``components`` the words that had to occur
        together for ``echoed_in_other_words`` (``+``-joined; the variant found, else
        the first way tried; empty if the phrase has no other words);
        ``target_sentence_ids`` up to ``examples`` sentences of the target
        (comma-joined) that hold the phrase, or its components; ``example`` the first
        such sentence. Ordered as the phrases.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> nation = load_report("../shared/corpus/national/national_2022.txt")   # doctest: +SKIP
    >>> e = phrase_echo(nation, load_report(), phrases=["放管服", "一带一路"])  # doctest: +SKIP
    >>> e[["phrase", "count_target", "status"]]                                # doctest: +SKIP
         phrase  count_target  status
    0    放管服             3  echoed
    1  一带一路             0  absent
    """
    import pandas as pd

    if phrases is None:
        phrases = policy_phrases(source, target)
    if isinstance(phrases, pd.DataFrame):
        table = phrases.reset_index(drop=True)
    else:
        table = pd.DataFrame({"phrase": list(dict.fromkeys([phrases] if isinstance(phrases, str) else phrases))})
    source_text = "\n".join(_body(source)["text"])
    target_text = "\n".join(_body(target)["text"])
    sentences = _body_sentences(target)[["sentence_id", "text"]]
    rows = []
    for row in table.to_dict("records"):
        phrase = row["phrase"]
        count_target = target_text.count(phrase)
        components = ""
        if count_target:
            status = "echoed"
            hits = sentences[sentences["text"].str.contains(phrase, regex=False)]
        else:
            status, hits = "absent", sentences.iloc[:0]
            ways = _components(phrase)
            for way in ways:
                mask = pd.Series(True, index=sentences.index)
                for part in way:
                    mask &= sentences["text"].str.contains(part, regex=False)
                if mask.any():
                    status, hits, components = "echoed_in_other_words", sentences[mask], "+".join(way)
                    break
            if status == "absent" and ways:
                components = "+".join(ways[0])
        rows.append({"phrase": phrase, "kind": row.get("kind"), "z": row.get("z"),
                     "count_source": source_text.count(phrase), "count_target": count_target, "status": status,
                     "components": components,
                     "target_sentence_ids": ",".join(hits["sentence_id"].head(examples)),
                     "example": hits["text"].iloc[0] if len(hits) else None})
    return pd.DataFrame(rows, columns=["phrase", "kind", "z", "count_source", "count_target", "status", "components",
                                       "target_sentence_ids", "example"])
