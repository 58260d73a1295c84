"""Charts of promises and money (commitments per group, fiscal amounts); no extraction of either.

In seaborn's manner: data first, ``ax=None``; the CJK font of :mod:`guanxian_analysis.style` is set on
every text the helper draws, and the Axes is returned.

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

from .base import THEME_LABELS, _axes, _cjk, _finish, _require

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["plot_commitments", "plot_fiscal_amounts"]

_SUMMARY_COLUMNS = ("commitments", "checkable", "checkable_share")


def _group_labels(column: str, values) -> list[str]:
    """Bilingual labels for verb classes and themes; other groups as they are."""
    from ..commitment_extraction import VERB_CLASS_LABELS

    names = {"verb_class": VERB_CLASS_LABELS, "theme": THEME_LABELS}.get(column, {})
    return [names.get(v, "–" if v is None or v != v else str(v)) for v in values]


@_cjk
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
    import pandas as pd
    import seaborn as sns

    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"plot_commitments expects a commitment_summary table (a DataFrame), got {type(data).__name__}")
    groups = [c for c in data.columns if c not in _SUMMARY_COLUMNS]
    missing = [c for c in ("commitments", "checkable") if c not in data.columns]
    if missing or len(groups) != 1:
        raise ValueError(f"plot_commitments needs a commitment_summary table grouped by one column "
                         f"(commitments, checkable and one group column); the table has {list(data.columns)}")
    ax = _axes(ax)
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
    return _finish(ax)  # tick labels, annotations and the legend


@_cjk
def plot_fiscal_amounts(data: "pd.DataFrame", *, ax=None):
    """The money amounts of a fiscal picture as bars in 亿元; derived amounts hatched and labelled 约… 推算.

    Parameters
    ----------
    data : DataFrame
        A :func:`~guanxian_analysis.fiscal_picture` table (or its
        :func:`~guanxian_analysis.fiscal_amounts`). Only the amounts of money for one year are
        drawn, in 亿元, in the table's order; shares, growth rates, ranks and totals over
        several years (2017-2021) are left out, so that the bars compare like with like. A derived row (``derived=True``) is
        drawn as an outline with hatching and labelled ``约43.4亿元 推算 derived``, so it
        never reads as a figure the report states.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"label": ["livelihood spending", "budget spending (implied)", "tax share"],
    ...     "value": [35.3, 43.4, 75.1], "unit": ["亿元", "亿元", "%"], "qualifier": ["", "约", ""],
    ...     "period": ["2021"] * 3, "status": ["actual"] * 3, "derived": [False, True, False]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_fiscal_amounts(f, ax=ax).texts]
    ['35.3亿元', '约43.4亿元 推算 derived']
    """
    import pandas as pd
    import seaborn as sns

    _require(data, ["label", "value", "unit", "period", "derived"], "plot_fiscal_amounts", "a fiscal_picture table")
    from ..fiscal import fiscal_amounts
    from ..promise_display import figure_as_written

    rows = fiscal_amounts(data)
    ax = _axes(ax)
    stated_color = sns.color_palette("Blues", 6)[4]
    y = list(range(len(rows)))
    amounts = rows["yi"].tolist()
    seen: set[str] = set()
    for i, (row, amount) in enumerate(zip(rows.itertuples(), amounts)):
        derived = bool(row.derived)
        name = "推算 derived (not stated)" if derived else "报告所述 stated"
        ax.barh([i], [amount], color="white" if derived else stated_color, edgecolor=stated_color,
                hatch="//" if derived else None, linewidth=1.2, label=None if name in seen else name)
        seen.add(name)
        text = figure_as_written(row) + (" 推算 derived" if derived else "")
        ax.annotate(text, (amount, i), xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize="small", style="italic" if derived else "normal")
    period = rows["period"].fillna("").astype(str)
    status = rows["status"] if "status" in rows else pd.Series("", index=rows.index)
    labels = [f"{label}（{p}{', target' if s == 'target' else ''}）" if p else str(label)
              for label, p, s in zip(rows["label"], period, status)]
    ax.set_yticks(y, labels=labels)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.set_xlim(0, (max(amounts) if amounts else 1.0) * 1.4)
    ax.set_xlabel("亿元 (100 million yuan)")
    ax.grid(axis="y", visible=False)
    if len(rows):
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize="small", frameon=False)
    else:
        ax.text(0.5, 0.5, "无金额 no amounts of money", transform=ax.transAxes, ha="center", va="center")
    return _finish(ax)
