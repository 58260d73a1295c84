"""Plot helpers for the commitments, in seaborn's manner: data first, ``ax=None``, return the Axes.

Kept apart from ``plots.py`` (the text and indicator charts); they share the CJK font of
:mod:`guanxian_analysis.style`, set on every text the helper draws.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import guanxian_analysis as ga
>>> promises = ga.commitments(ga.load_report())                                  # doctest: +SKIP
>>> fig, ax = plt.subplots(figsize=(7, 4))
>>> ga.plot_commitments(ga.commitment_summary(promises, by="verb_class"), ax=ax)  # doctest: +SKIP
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .style import apply_font, font_family

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["plot_commitments"]

_SUMMARY_COLUMNS = ("commitments", "checkable", "checkable_share")


def _group_labels(column: str, values) -> list[str]:
    """Bilingual labels for verb classes and themes; other groups as they are."""
    from .commitment_extraction import VERB_CLASS_LABELS
    from .plots import THEME_LABELS

    names = {"verb_class": VERB_CLASS_LABELS, "theme": THEME_LABELS}.get(column, {})
    return [names.get(v, "–" if v is None or v != v else str(v)) for v in values]


def plot_commitments(data: "pd.DataFrame", *, ax=None):
    """Commitments per group as horizontal bars, the checkable ones filled, ``checkable/all`` beside each bar.

    Parameters
    ----------
    data : DataFrame
        A :func:`~guanxian_analysis.commitment_summary` table grouped by one column
        (``verb_class``, ``theme``, ``section`` …) with ``commitments`` and ``checkable``.
        Rows are drawn in the table's order, the first on top. Verb classes and themes get
        bilingual labels (``推进/加强 improve (no end)``, ``经济 economy``). An empty table
        draws a frame that says 无承诺 (no commitments).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        When ``data`` is not a summary table with one grouping column.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"verb_class": ["improve", "start"], "commitments": [5, 2], "checkable": [1, 2],
    ...                   "checkable_share": [0.2, 1.0]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_commitments(s, ax=ax).get_yticklabels()]
    ['推进/加强 improve (no end)', '开工/启动 start']
    """
    import matplotlib as mpl
    import pandas as pd
    import seaborn as sns

    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"plot_commitments expects a commitment_summary table (a DataFrame), got {type(data).__name__}")
    groups = [c for c in data.columns if c not in _SUMMARY_COLUMNS]
    missing = [c for c in ("commitments", "checkable") if c not in data.columns]
    if missing or len(groups) != 1:
        raise ValueError(f"plot_commitments needs a commitment_summary table grouped by one column "
                         f"(commitments, checkable and one group column); the table has {list(data.columns)}")
    with mpl.rc_context({"font.family": font_family()}):
        if ax is None:
            import matplotlib.pyplot as plt

            ax = plt.gca()
        apply_font(ax)
        rows = data.reset_index(drop=True)
        labels = _group_labels(groups[0], rows[groups[0]])
        y = list(range(len(rows)))
        light, dark = sns.color_palette("Blues", 6)[1], sns.color_palette("Blues", 6)[4]
        ax.barh(y, rows["commitments"], color=light, label="all commitments 全部")
        ax.barh(y, rows["checkable"], color=dark, label="checkable 可核验")
        for i, (total, checkable) in enumerate(zip(rows["commitments"], rows["checkable"])):
            ax.annotate(f"{int(checkable)}/{int(total)}", (total, i), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize="small")
        ax.set_yticks(y, labels=labels)
        ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
        top = float(rows["commitments"].max()) if len(rows) else 1.0
        ax.set_xlim(0, top * 1.2 + 1)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("commitments 承诺（checkable/all）")
        ax.set_ylabel("")
        if len(rows):
            ax.legend(loc="lower right", fontsize="small", frameon=True)
        else:  # say so rather than leave a blank frame
            ax.text(0.5, 0.5, "无承诺 no commitments", transform=ax.transAxes, ha="center", va="center")
        apply_font(ax)  # tick labels, annotations and the legend
    return ax
