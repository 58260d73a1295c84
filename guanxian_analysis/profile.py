"""A theme's profile: every table a themed notebook's shared sections show, and one call per section (no files).

The four themed notebooks share a skeleton (share and segments, top and distinctive terms, keyword in
context, indicators, scoreboard, ranks, co-occurrence, findings); each section is one call on the profile,
so the notebooks hold no copied code. Tables are computed on first use and kept for the profile's life.
The section methods only join the pieces: the sentences come from ``findings``, the charts from ``plots``
(sized by ``display.chart``), the HTML from ``display``; none computes anything of its own, and the only
words they hold are the charts' titles and the line that stands where the scoreboard has no chart.

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

    Methods named after a shared section (``overview``, ``plot_terms``, ``terms_note``, ``kwic``,
    ``scoreboard_lines``, ``plot_scoreboard``, ``ranks_lines``, ``plot_ranks``, ``plot_wordcloud``,
    ``plot_cooccurrence``, ``findings``) return what that section shows.
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

    # ------------------------------------------------------------------ one call per shared section
    def overview(self) -> str:
        """How much of the report the theme takes and where (Markdown, :func:`~guanxian_analysis.findings.theme_overview`).

        >>> import guanxian_analysis as ga
        >>> ga.theme_profile(ga.load_report(), "environment").overview().split(" takes")[0]
        '**Environment**'
        """
        from .findings import theme_overview

        return theme_overview(self.report, self.theme)

    def plot_terms(self, title: str, *, axes=None, n_top: int = 18, n_distinctive: int = 9):
        """The top terms (left) and the terms that set the theme apart (right), side by side.

        Parameters
        ----------
        title : str
            The right chart's title (``"Economy against the rest of the report"``); the left one is
            ``"Most frequent terms"``.
        axes : pair of Axes, optional
            Where to draw; default: a new 11 × 5.6 inch figure of two axes (constrained layout).
        n_top, n_distinctive : int
            Bars of :func:`~guanxian_analysis.plot_top_terms` and of
            :func:`~guanxian_analysis.plot_distinctive_terms` (per side).

        Returns
        -------
        matplotlib.figure.Figure
            The figure of the two axes (end the notebook line with ``;`` so it is shown once).

        Examples
        --------
        >>> import guanxian_analysis as ga
        >>> fig = ga.theme_profile(ga.load_report(), "rural").plot_terms("Rural against the rest")
        >>> [ax.get_title() for ax in fig.axes]
        ['Most frequent terms', 'Rural against the rest']
        """
        from .plots import plot_distinctive_terms, plot_top_terms

        if axes is None:
            import matplotlib.pyplot as plt

            _, axes = plt.subplots(1, 2, figsize=(11, 5.6), layout="constrained")
        left, right = axes
        plot_top_terms(self.term_frequencies, n=n_top, ax=left)
        plot_distinctive_terms(self.distinctive_terms, n=n_distinctive, ax=right)
        left.set_title("Most frequent terms")
        right.set_title(title)
        return left.figure

    def terms_note(self) -> str:
        """The terms typical of the theme, then how the terms were counted (Markdown, two paragraphs).

        :func:`~guanxian_analysis.findings.terms_finding` of :attr:`distinctive_terms` and
        :func:`~guanxian_analysis.findings.terms_note` of the report.

        >>> import guanxian_analysis as ga
        >>> ga.theme_profile(ga.load_report(), "rural").terms_note().count("\\n\\n")
        1
        """
        from .findings import terms_finding, terms_note

        return terms_finding(self.distinctive_terms, side=self.theme) + "\n\n" + terms_note(self.report)

    def plot_wordcloud(self):
        """A word cloud of :attr:`term_frequencies` on a new 9 × 5.2 inch figure (``None``: the notebook shows it).

        >>> import guanxian_analysis as ga
        >>> ga.theme_profile(ga.load_report(), "rural").plot_wordcloud() is None
        True
        """
        from .display import chart
        from .plots import plot_wordcloud

        return chart(plot_wordcloud, self.term_frequencies, width=9, height=5.2)

    def kwic(self, terms, **options):
        """Keyword in context for ``terms``: what the table shows of each term's uses, then the lines.

        Parameters
        ----------
        terms : str or list of str
        **options
            ``per_term``, ``match``, ``glossary``, ``window`` of :func:`~guanxian_analysis.kwic_table`;
            its ``fallback_theme`` is the profile's theme (on a report without these terms, the theme's own
            most frequent terms are shown, and the note says so).

        Returns
        -------
        guanxian_analysis.display.KwicView
            Shown as the note (Markdown) and the lines (HTML); ``.hits`` is the table.

        Examples
        --------
        >>> import guanxian_analysis as ga
        >>> view = ga.theme_profile(ga.load_report(), "rural").kwic(["灵芝", "林果"], per_term=8)
        >>> view.note.split(": ")[1], int(view.hits.shown.gt(0).sum())
        ('“灵芝” all 8 uses; “林果” all 2 uses.', 10)
        """
        from .coverage import kwic_table
        from .display import kwic_view

        return kwic_view(kwic_table(self.report, terms, fallback_theme=self.theme, **options))

    def scoreboard_lines(self) -> str:
        """The theme's outcomes beside its targets (Markdown, :func:`~guanxian_analysis.findings.scoreboard_lines`)."""
        from .findings import scoreboard_lines

        return scoreboard_lines(self.scoreboard, self.theme)

    def plot_scoreboard(self):
        """:func:`~guanxian_analysis.plot_scoreboard` of :attr:`theme_scoreboard`, 0.7 inch a row; without a pair
        of rates, a Markdown line saying so (the list of :meth:`scoreboard_lines` gives every pair).

        >>> import guanxian_analysis as ga
        >>> ga.theme_profile(ga.load_report(), "economy").plot_scoreboard() is None   # a chart was drawn
        True
        """
        from .display import chart
        from .plots import plot_scoreboard

        return chart(plot_scoreboard, self.theme_scoreboard, row_height=0.7,
                     empty="_No pair of this theme is a rate in %, so there is no chart: the list above gives every pair._")

    def ranks_lines(self) -> str:
        """The theme's rank claims (Markdown, :func:`~guanxian_analysis.findings.ranks_lines`)."""
        from .findings import ranks_lines

        return ranks_lines(self.ranks, self.theme)

    def plot_ranks(self):
        """:func:`~guanxian_analysis.plot_ranks` of :attr:`theme_ranks`, 0.45 inch a row (nothing without a claim)."""
        from .display import chart
        from .plots import plot_ranks

        return chart(plot_ranks, self.theme_ranks, row_height=0.45)

    def plot_cooccurrence(self, top: int = 40):
        """:func:`~guanxian_analysis.plot_cooccurrence` of :attr:`cooccurrence` (``top`` pairs), 10 × 7.5 inches."""
        from .display import chart
        from .plots import plot_cooccurrence

        return chart(plot_cooccurrence, self.cooccurrence, width=10, height=7.5, top=top)

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
