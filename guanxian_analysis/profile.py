"""A theme's profile: every table a themed notebook's shared sections show, from one call (tables only; no prose, no files).

The four themed notebooks share a skeleton (share and segments, top and distinctive terms, indicators,
scoreboard, ranks, co-occurrence, findings); each section reads its table from the profile, so the notebooks
hold no copied code. Tables are computed on first use and kept for the profile's life.

>>> import guanxian_analysis as ga
>>> profile = ga.theme_profile(ga.load_report(), "economy")
>>> profile.theme, len(profile.theme_indicators) > 0, profile.scoreboard.columns[0]
('economy', True, 'metric')
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .themes import THEMES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report


class ThemeProfile:
    """The tables of one theme of one report (see :func:`theme_profile`).

    Attributes
    ----------
    report : Report
    theme : str
    paragraphs, rest : DataFrame
        The theme's body paragraphs and all other body paragraphs.
    term_frequencies : DataFrame
        ``term_frequencies(report, by="theme")`` rows of this theme.
    distinctive_terms : DataFrame
        ``distinctive_terms(paragraphs, rest, labels=(theme, "rest"))``.
    indicators, scoreboard, ranks : DataFrame
        The whole report's indicators, scoreboard and rank claims.
    theme_indicators : DataFrame
        The indicators of the theme's paragraphs.
    theme_scoreboard, theme_ranks : DataFrame
        The theme's scoreboard rows in % (as charted) and its rank claims.
    sentences, cooccurrence : DataFrame
        The theme's sentences and their term co-occurrence pairs.
    """

    def __init__(self, report: "Report", theme: str):
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose from {THEMES}")
        self.report = report
        self.theme = theme

    def __repr__(self) -> str:
        return f"<ThemeProfile {self.theme!r} of {self.report!r}>"

    @cached_property
    def _split(self) -> tuple["pd.DataFrame", "pd.DataFrame"]:
        from .coverage import theme_and_rest

        return theme_and_rest(self.report, self.theme)

    @property
    def paragraphs(self) -> "pd.DataFrame":
        return self._split[0]

    @property
    def rest(self) -> "pd.DataFrame":
        return self._split[1]

    @cached_property
    def term_frequencies(self) -> "pd.DataFrame":
        from .terms import term_frequencies

        freqs = term_frequencies(self.report, by="theme")
        return freqs[freqs.theme == self.theme]

    @cached_property
    def distinctive_terms(self) -> "pd.DataFrame":
        from .terms import distinctive_terms

        return distinctive_terms(self.paragraphs, self.rest, labels=(self.theme, "rest"))

    @cached_property
    def indicators(self) -> "pd.DataFrame":
        from .indicator_extraction import indicators

        return indicators(self.report)

    @cached_property
    def theme_indicators(self) -> "pd.DataFrame":
        from .coverage import theme_indicators

        return theme_indicators(self.indicators, self.theme)

    @cached_property
    def scoreboard(self) -> "pd.DataFrame":
        from .pairing import scoreboard

        return scoreboard(self.indicators)

    @cached_property
    def ranks(self) -> "pd.DataFrame":
        from .indicator_extraction import ranks

        return ranks(self.report)

    @property
    def theme_scoreboard(self) -> "pd.DataFrame":
        """The scoreboard rows of the theme whose outcome and target are both in % (the chart's rows)."""
        board = self.scoreboard
        return board[(board.theme == self.theme) & board.outcome_unit.eq("%") & board.target_unit.eq("%")]

    @property
    def theme_ranks(self) -> "pd.DataFrame":
        """The rank claims of the theme."""
        return self.ranks[self.ranks.theme == self.theme]

    @cached_property
    def sentences(self) -> "pd.DataFrame":
        from .coverage import theme_sentences

        return theme_sentences(self.report, self.theme)

    @cached_property
    def cooccurrence(self) -> "pd.DataFrame":
        from .terms import cooccurrence

        return cooccurrence(self.sentences)

    def findings(self, after_target_findings: bool = False) -> str:
        """The closing Markdown findings of the theme (:func:`~guanxian_analysis.findings.theme_findings`);
        ``after_target_findings=True`` on a page that shows ``target_findings`` above, so they are not told twice."""
        from .findings import theme_findings

        from .main_target_extraction import main_targets

        return theme_findings(self.report, self.theme, distinct=self.distinctive_terms, indicators=self.indicators,
                              board=self.scoreboard, ranks=self.ranks, targets=main_targets(self.report),
                              after_target_findings=after_target_findings)


def theme_profile(report: "Report", theme: str) -> ThemeProfile:
    """The profile of ``theme`` in ``report``: one object holding every table a themed notebook shows.

    Parameters
    ----------
    report : Report
    theme : str
        One of :data:`guanxian_analysis.themes.THEMES`.

    Returns
    -------
    ThemeProfile

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> ga.theme_profile(ga.load_report(), "rural").distinctive_terms.columns[:3].tolist()
    ['term', 'count_a', 'count_b']
    """
    return ThemeProfile(report, theme)
