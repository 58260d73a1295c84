"""Charts of one report's indicators (scoreboard of outcomes against targets, rank claims); no text mining.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import guanxian_analysis as ga
>>> table = ga.indicators(ga.load_report())                       # doctest: +SKIP
>>> fig, ax = plt.subplots(figsize=(8, 5))
>>> ga.plot_scoreboard(ga.scoreboard(table), ax=ax)               # doctest: +SKIP
"""
from __future__ import annotations

import pandas as pd

from ..figures import figure_text
from .base import _axes, _bound_marker, _cjk, _finish, _first_use, _fmt, _require

__all__ = ["plot_scoreboard", "plot_ranks"]


@_cjk
def plot_scoreboard(
    data: pd.DataFrame,
    *,
    unit: str | None = "%",
    ax=None,
):
    """Last-year outcome against year-ahead target, one row per metric (a dumbbell chart).

    Outcomes are dots (hollow when the report only "expects" them, i.e. their qualifier or
    status is ``"estimate"``); targets are marked by their bound: ``>`` for 以上 (at
    least), ``<`` for 以内 (at most), a diamond for 左右 (about), a square otherwise. Every
    point is labelled with its value and qualifier.

    Parameters
    ----------
    data : DataFrame
        The :func:`~guanxian_analysis.scoreboard` table: ``metric, outcome_period,
        outcome_value, outcome_unit, outcome_qualifier, outcome_status, target_period,
        target_value, target_unit, target_qualifier, target_bound``.
    unit : str or None
        Plot only metrics whose outcome and target are both in this unit (one axis, one
        unit); ``None`` plots every row (use only when all share a unit).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> sb = pd.DataFrame({"metric": ["生产总值增长"], "outcome_period": ["2021"], "outcome_value": [8.0],
    ...     "outcome_unit": ["%"], "outcome_qualifier": ["预计"], "outcome_status": ["estimate"],
    ...     "target_period": ["2022"], "target_value": [6.0], "target_unit": ["%"],
    ...     "target_qualifier": ["左右"], "target_bound": ["approx"]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_scoreboard(sb, ax=ax).get_yticklabels()]
    ['生产总值增长']
    """
    _require(data, ["metric", "outcome_value", "outcome_unit", "target_value", "target_unit"], "plot_scoreboard",
             "a scoreboard table")
    ax = _axes(ax)
    rows = data
    if unit is not None:
        rows = data[(data["outcome_unit"] == unit) & (data["target_unit"] == unit)]
    rows = rows[rows["outcome_value"].notna() | rows["target_value"].notna()].reset_index(drop=True)
    import seaborn as sns

    outcome_color, target_color = sns.color_palette(n_colors=2)
    once = _first_use()

    for y, row in rows.iterrows():
        o, t = row["outcome_value"], row["target_value"]
        if pd.notna(o) and pd.notna(t):
            ax.plot([o, t], [y, y], color="0.75", linewidth=2, zorder=1)
        if pd.notna(o):
            expected = row.get("outcome_status") == "estimate" or "预计" in str(row.get("outcome_qualifier") or "")
            # one word per status: an estimate is not also called "actual"
            label = f"{row.get('outcome_period') or ''} " + ("预计 estimate" if expected else "实际 actual")
            ax.scatter([o], [y], s=70, zorder=3, color="white" if expected else outcome_color,
                       edgecolors=outcome_color, linewidths=1.8, label=once(label))
            ax.annotate(_fmt(o, row.get("outcome_unit")), (o, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", va="bottom", fontsize="small", color=outcome_color)
        if pd.notna(t):
            marker, name = _bound_marker(row.get("target_qualifier"), row.get("target_bound"))
            ax.scatter([t], [y], s=80, zorder=3, marker=marker, color=target_color,
                       label=once(f"{row.get('target_period') or ''} 目标 {name}"))
            text = figure_text(t, row.get("target_unit"), row.get("target_qualifier"))
            ax.annotate(text, (t, y), xytext=(0, -8), textcoords="offset points", ha="center", va="top",
                        fontsize="small", color=target_color)
    ax.set_yticks(list(range(len(rows))), labels=list(rows["metric"]))
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.margins(x=0.12)
    ax.set_xlabel(f"数值 value（{unit}）" if unit else "数值 value")
    if once.seen:
        ax.legend(loc="best", fontsize="small", frameon=True)
    return _finish(ax)


#: how a claim without a place reads beside its dot (ranks()' ``claim``)
_CLAIM_WORDS = {"tier": "tier, not a place", "move": "a move, not a place", "first_to_do": "first to do it",
                "only": "the only one", "most": "the most", "leading": "leading", "among_top": "among the top"}


@_cjk
def plot_ranks(data: pd.DataFrame, *, ax=None):
    """Where the county says it ranks: one dot per claim, rank 1 on the right.

    Parameters
    ----------
    data : DataFrame
        The :func:`~guanxian_analysis.ranks` table (``metric, scope, rank, rank_text``).
        Only ``claim == "position"`` rows (第N位) are placed by ``rank``; tiers (第一档),
        moves (前移1个位次) and claims without a number (前列, 最多, 率先) sit in a separate
        column on the left as hollow dots, labelled with what they claim.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"metric": ["优良天数", "普惠金融贷款余额占比"], "scope": ["全市", "全市"],
    ...                   "rank": [1, 2], "rank_text": ["第1位", "第2位"]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_ranks(r, ax=ax).get_yticklabels()]
    ['优良天数（全市）', '普惠金融贷款余额占比（全市）']
    """
    _require(data, ["metric", "scope", "rank", "rank_text"], "plot_ranks", "a ranks table")
    import seaborn as sns

    ax = _axes(ax)
    rows = data.reset_index(drop=True)
    numeric = pd.to_numeric(rows["rank"], errors="coerce")
    if "claim" in rows:  # only a position is a place: a tier (第一档) or a move (前移) is not rank 1
        numeric = numeric.where(rows["claim"].eq("position") | rows["claim"].isna())
    worst = max(int(numeric.max()) if numeric.notna().any() else 1, 2)
    unranked = worst + 1  # column for claims without a number
    # one colour per scope on every chart (全市 blue, 全省 orange, 全国 green), whichever comes first in the rows
    scopes = list(dict.fromkeys(["全市", "全省", "全国", *rows["scope"].fillna("")]))
    palette = dict(zip(scopes, sns.color_palette(n_colors=len(scopes))))
    seen: set[str] = set()
    for y, (row, rank) in enumerate(zip(rows.itertuples(index=False), numeric)):
        scope = row.scope if isinstance(row.scope, str) else ""
        color = palette[scope]
        seen.add(scope)
        x = rank if pd.notna(rank) else unranked
        ax.scatter([x], [y], s=70, zorder=3, color=color if pd.notna(rank) else "white", edgecolors=color,
                   linewidths=1.8)
        # labels point into the plot: right of the other-claims column, left of ranked dots
        offset, ha = ((8, "left") if pd.isna(rank) else (-8, "right"))
        label = str(row.rank_text)
        claim = getattr(row, "claim", None)
        ranked = getattr(row, "ranked", None)
        if claim == "move" and isinstance(ranked, str) and ": " in ranked:
            label += f" ({ranked.split(': ', 1)[1]})"  # 前移1个位次 (up 1 place)
        elif pd.isna(rank) and isinstance(claim, str) and claim in _CLAIM_WORDS:
            label += f" ({_CLAIM_WORDS[claim]})"
        ax.annotate(label, (x, y), xytext=(offset, 0), textcoords="offset points", ha=ha,
                    va="center", fontsize="small")
    ax.set_yticks(list(range(len(rows))),
                  labels=[f"{m}（{s}）" if isinstance(s, str) and s else str(m) for m, s in zip(rows["metric"], rows["scope"])])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    has_unranked = bool(numeric.isna().any())
    ax.set_xlim((unranked if has_unranked else worst) + 0.6, 0.4)
    ticks = list(range(1, worst + 1)) + ([unranked] if has_unranked else [])
    ax.set_xticks(ticks, labels=[str(t) for t in range(1, worst + 1)] + (["非名次 other claim"] if has_unranked else []))
    ax.set_xlabel("名次 rank（1 = 第一）")
    if any(seen):  # an empty table draws empty axes, without a legend warning
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], marker="o", linestyle="", markersize=8, color=palette[sc], label=sc)
                   for sc in scopes if sc and sc in seen]
        ax.legend(handles=handles, title="范围 scope", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return _finish(ax)

