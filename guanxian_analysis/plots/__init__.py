"""The chart helpers, one module per kind of chart; this file only gathers their names (no drawing code here).

In seaborn's manner: data first, keyword options, ``ax=None``. Each helper draws on ``ax`` (or the
current Axes), sets the CJK font of :func:`guanxian_analysis.style.theme_font` (the font
``use_theme(font=...)`` set, else the one found automatically) on the text it draws, and returns the
Axes. None of them shows, saves, or fixes a figure size; random layouts take a ``seed``.

==========================  ===========================================================================
module                      charts
==========================  ===========================================================================
``base``                    none: the CJK-font wrapper, input checks, legend-once, target markers,
                            :data:`THEME_LABELS`
``text_charts``             ``plot_top_terms``, ``plot_distinctive_terms``, ``plot_theme_map``,
                            ``plot_cooccurrence``, ``plot_wordcloud``
``indicator_charts``        ``plot_scoreboard``, ``plot_ranks``
``comparison_charts``       ``plot_target_comparison``, ``plot_target_tracking``, ``plot_growth_targets``
``promise_charts``          ``plot_commitments``, ``plot_fiscal_amounts``
``corpus_charts``           ``plot_term_trends``
==========================  ===========================================================================

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import guanxian_analysis as ga
>>> report = ga.load_report()                                     # doctest: +SKIP
>>> fig, ax = plt.subplots(figsize=(6, 5))
>>> ga.plot_top_terms(ga.term_frequencies(report), n=15, ax=ax)   # doctest: +SKIP
"""
from __future__ import annotations

from .base import THEME_LABELS
from .comparison_charts import plot_growth_targets, plot_target_comparison, plot_target_tracking
from .corpus_charts import plot_term_trends
from .indicator_charts import plot_ranks, plot_scoreboard
from .promise_charts import plot_commitments, plot_fiscal_amounts
from .text_charts import plot_cooccurrence, plot_distinctive_terms, plot_theme_map, plot_top_terms, plot_wordcloud

__all__ = [
    "plot_top_terms",
    "plot_distinctive_terms",
    "plot_theme_map",
    "plot_scoreboard",
    "plot_ranks",
    "plot_cooccurrence",
    "plot_wordcloud",
    "plot_growth_targets",
    "plot_target_comparison",
    "plot_target_tracking",
    "plot_commitments",
    "plot_fiscal_amounts",
    "plot_term_trends",
    "THEME_LABELS",
]
