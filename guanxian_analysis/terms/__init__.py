"""Text-mining analyses of a report, each returning a tidy DataFrame; this file gathers their names (no analysis code here).

Every function takes the :class:`~guanxian_analysis.report.Report` (or, where noted, a
DataFrame with a ``text`` column such as a filtered ``report.paragraphs``), tokenizes
with :func:`guanxian_analysis.tokenize` and never mutates its input. Rows come out in a
deterministic order: by the statistic, ties broken by term.

=========================  ============================================================  ===============
function                   returns                                                       module
=========================  ============================================================  ===============
``term_frequencies``       term counts overall or by theme / part / section / segment    ``counting``
``keywords``               TF-IDF and TextRank keywords side by side, per group          ``counting``
``distinctive_terms``      weighted log-odds with informative Dirichlet prior, z-scores  ``keyness``
``kwic``                   every hit of a term in context, with its provenance           ``concordance``
``cooccurrence``           term pairs sharing a sentence (``cooccurrence_graph``: graph) ``network``
``action_verbs``           commitment verbs and adverbs per theme                        ``phrases``
``numbered_phrases``       numbered slogans (两不愁三保障, “1457” …) + glossary definition  ``phrases``
``report_vocabulary``      a report's own compounds and place names, for the tokenizer   ``vocabulary``
=========================  ============================================================  ===============

``counting`` also holds the machinery the others share (the counting rule, groups, token cache).

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

from .concordance import kwic
from .counting import GROUPINGS, MATCH_RULES, keywords, term_frequencies
from .keyness import distinctive_terms
from .network import cooccurrence, cooccurrence_graph
from .phrases import COMMITMENT_ADVERBS, COMMITMENT_VERBS, action_verbs, numbered_phrases
from .vocabulary import remember_report, report_vocabulary

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
