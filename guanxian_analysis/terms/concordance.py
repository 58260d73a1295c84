"""Keyword in context: every hit of a term with its context and provenance, counted by the counting rule; no counts."""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .counting import _as_terms, _check_match
from .vocabulary import report_vocabulary

__all__ = ["kwic"]


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
    from ..tokenizer import get_tokenizer

    cuts = {offset}
    for _, _, end in get_tokenizer(words).tokenize(text):
        cuts.add(offset + end)
    return frozenset(cuts)

