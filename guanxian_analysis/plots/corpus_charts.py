"""Charts of several reports over the years (term trends); no single-report charts.

In seaborn's manner: data first, ``ax=None``, return the Axes; the CJK font of
:mod:`guanxian_analysis.style` is set on every text the helper draws.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import guanxian_analysis as ga
>>> corpus = ga.load_reports("../shared/corpus/hailar", progress=False)          # doctest: +SKIP
>>> fig, ax = plt.subplots(figsize=(8, 4))
>>> ga.plot_term_trends(ga.term_trends(corpus, ["改革", "生态"]), ax=ax)           # doctest: +SKIP
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import _axes, _cjk, _finish

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["plot_term_trends"]


@_cjk
def plot_term_trends(data: "pd.DataFrame", *, value: str = "rate_per_10k", ax=None):
    """One line per term (and place) over the years; a year without a report is a gap.

    Parameters
    ----------
    data : DataFrame
        A :func:`~guanxian_analysis.term_trends` table: ``place, year, term`` and
        ``value``. Rows whose value is missing (a year with no report) break the line
        and are shaded and labelled 无报告 (no report); the line is never drawn across them.
    value : str
        The column to plot (``rate_per_10k`` or ``count``).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> t = pd.DataFrame({"place": "海拉尔区", "year": [2016, 2017, 2018], "term": "生态",
    ...                   "rate_per_10k": [13.7, None, 22.2]})
    >>> fig, ax = plt.subplots()
    >>> plot_term_trends(t, ax=ax) is ax
    True
    >>> [line.get_label() for line in ax.get_lines()]
    ['生态']
    """
    import numpy as np
    import seaborn as sns

    ax = _axes(ax)
    table = data.copy()
    table["year"] = table["year"].astype(int)
    values = table[value].astype("float64")
    table[value] = values
    several_places = table["place"].nunique() > 1
    groups = list(table.groupby(["place", "term"], sort=False))
    palette = sns.color_palette(n_colors=max(len(groups), 1))
    for colour, ((place, term), group) in zip(palette, groups):
        group = group.sort_values("year")
        # reindex to every year, so that a missing year is NaN and the line breaks there
        years = np.arange(group["year"].min(), group["year"].max() + 1)
        series = group.set_index("year")[value].reindex(years)
        label = f"{place} · {term}" if several_places else term
        ax.plot(years, series.to_numpy(), marker="o", color=colour, label=label)
    missing = sorted(set(table.loc[values.isna(), "year"]))
    for year in missing:
        ax.axvspan(year - 0.4, year + 0.4, color="0.9", zorder=0)
        ax.annotate("无报告\nno report", (year, 1), xycoords=("data", "axes fraction"), xytext=(0, -4),
                    textcoords="offset points", ha="center", va="top", fontsize="small", color="0.4")
    ax.set_xticks(sorted(set(table["year"])))
    ax.set_xlabel("年份 year")
    ax.set_ylabel({"rate_per_10k": "每万字次数 per 10,000 characters", "count": "次数 count"}.get(value, value))
    ax.set_ylim(bottom=0)
    if groups:
        ax.legend(frameon=False)
    return _finish(ax)
