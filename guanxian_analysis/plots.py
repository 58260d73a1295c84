"""Plot helpers in seaborn's manner: data first, keyword options, ``ax=None``.

Each helper draws on ``ax`` (or the current Axes), sets the CJK font of
:func:`guanxian_analysis.style.theme_font` (the font ``use_theme(font=...)`` set, else the one found
automatically) on the text it draws, and returns the Axes.
None of them shows, saves, or fixes a figure size; random layouts take a ``seed``.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import guanxian_analysis as ga
>>> report = ga.load_report()                                     # doctest: +SKIP
>>> fig, ax = plt.subplots(figsize=(6, 5))
>>> ga.plot_top_terms(ga.term_frequencies(report), n=15, ax=ax)   # doctest: +SKIP
"""
from __future__ import annotations

import functools
import math
from collections.abc import Mapping

import pandas as pd

from .coverage import part_labels
from .figures import figure_text
from .style import apply_font, font_family, theme_font
from .themes import THEME_NAMES_ZH, THEMES

__all__ = [
    "plot_top_terms",
    "plot_distinctive_terms",
    "plot_theme_map",
    "plot_scoreboard",
    "plot_ranks",
    "plot_cooccurrence",
    "plot_wordcloud",
    "plot_growth_targets",
    "THEME_LABELS",
]

#: display names of the themes (from ``themes``: Chinese label and key), in their order
THEME_LABELS = {theme: f"{THEME_NAMES_ZH[theme]} {theme}" for theme in THEMES}
_THEME_ORDER = THEMES


def _cjk(helper):
    """Run a helper with the CJK font as matplotlib's default, so that text created
    while it draws (and any draw seaborn triggers inside, e.g. to test label overlap)
    already uses the CJK font; :func:`_finish` then pins the font on the Axes' text."""

    @functools.wraps(helper)
    def wrapper(*args, **kwargs):
        import matplotlib as mpl

        with mpl.rc_context({"font.family": font_family()}):
            return helper(*args, **kwargs)

    return wrapper


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return apply_font(ax)  # the Axes' existing text (tick labels …) too


#: columns that mark groups in a term table (term_frequencies(by=...)), one of which may split it
_GROUP_COLUMNS = ("theme", "part", "section", "segment", "period", "paragraph_id")



def _first_use():
    """A function that gives back a legend label the first time it is called with it, None after.

    Drawing calls pass ``label=once(name)`` so each name gets one legend entry however often it is drawn;
    ``once.seen`` holds the names given so far (empty: no legend to draw).

    >>> once = _first_use()
    >>> once("目标"), once("目标"), once("实际"), sorted(once.seen)
    ('目标', None, '实际', ['实际', '目标'])
    """
    seen: set[str] = set()

    def once(name):
        if name in seen:
            return None
        seen.add(name)
        return name

    once.seen = seen
    return once

def _require(data, columns, helper: str, what: str):
    """``data`` must be a DataFrame with ``columns``; otherwise a TypeError / ValueError naming them."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{helper} expects {what} (a DataFrame), got {type(data).__name__}")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(f"{helper} needs the column(s) {missing} of {what}; the table has {list(data.columns)}")


def _one_group(data: pd.DataFrame, helper: str, term: str = "term") -> None:
    """One row per term: a table with several groups would otherwise be averaged or summed silently."""
    for column in _GROUP_COLUMNS:
        if column in data.columns and data[column].nunique(dropna=False) > 1:
            groups = list(dict.fromkeys(data[column]))
            shown = ", ".join(map(str, groups[:6])) + (" …" if len(groups) > 6 else "")
            raise ValueError(f"{helper} draws one group, but the table has {len(groups)} values of {column!r} "
                             f"({shown}); filter it first, e.g. data[data.{column} == {groups[0]!r}]")
    repeated = data[term][data[term].duplicated()]
    if len(repeated):
        raise ValueError(f"{helper} draws one row per term, but {repeated.iloc[0]!r} appears "
                         f"{int((data[term] == repeated.iloc[0]).sum())} times; aggregate or filter the table first")


def _finish(ax, *extra):
    apply_font(ax)
    for artist in extra:
        apply_font(artist)
    return ax


# --------------------------------------------------------------------------- terms
@_cjk
def plot_top_terms(
    data: pd.DataFrame,
    *,
    n: int = 20,
    term: str = "term",
    value: str = "count",
    color: str | None = None,
    ax=None,
):
    """Horizontal bars of the ``n`` most frequent terms, largest on top.

    Parameters
    ----------
    data : DataFrame
        A :func:`~guanxian_analysis.term_frequencies` table (filter it to one group
        first), or any frame with ``term`` and ``value`` columns.
    n : int
        Number of terms.
    term, value : str
        Column names.
    color : str, optional
        Bar colour (default: the first colour of the palette).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        A column is missing, or the table holds several groups (several values of
        ``theme``, ``part`` … or a term twice): bars are never averaged across groups.

    Examples
    --------
    >>> import pandas as pd
    >>> freqs = pd.DataFrame({"term": ["乡村振兴", "冠县"], "count": [9, 5]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_top_terms(freqs, ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['乡村振兴', '冠县']
    """
    _require(data, [term, value], "plot_top_terms", "a term_frequencies table")
    _one_group(data, "plot_top_terms", term)
    import seaborn as sns

    ax = _axes(ax)
    top = (data.assign(_key=-data[value]).sort_values(["_key", term], kind="stable").head(n)
           .drop(columns="_key").reset_index(drop=True))
    sns.barplot(data=top, x=value, y=term, orient="h", color=color or sns.color_palette()[0], ax=ax)
    for patch, val in zip(ax.patches, top[value]):
        ax.annotate(f"{val:g}", (patch.get_width(), patch.get_y() + patch.get_height() / 2),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize="small")
    ax.set_xlabel({"count": "次数 count", "share": "占比 share"}.get(value, value))
    ax.set_ylabel("")
    ax.margins(x=0.12)
    return _finish(ax)


@_cjk
def plot_distinctive_terms(
    data: pd.DataFrame,
    *,
    n: int = 12,
    labels: tuple[str, str] | None = None,
    threshold: float = 1.96,
    ax=None,
):
    """Diverging bars of z-scores: the ``n`` terms most typical of each side.

    Parameters
    ----------
    data : DataFrame
        A :func:`~guanxian_analysis.distinctive_terms` table (``term``, ``z``, ``favours``).
    n : int
        Terms per side.
    labels : (str, str), optional
        Legend names of the two sides; default the ``favours`` values.
    threshold : float
        Dashed lines at ±threshold (1.96: two-sided 5%).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"term": ["全市", "招商"], "z": [2.9, -1.1], "favours": ["2021", "2022"]})
    >>> fig, ax = plt.subplots()
    >>> len(plot_distinctive_terms(t, ax=ax).patches)
    2
    """
    _require(data, ["term", "z", "favours"], "plot_distinctive_terms", "a distinctive_terms table")
    _one_group(data, "plot_distinctive_terms")
    import seaborn as sns

    ax = _axes(ax)
    ordered = data.assign(_key=-data["z"]).sort_values(["_key", "term"], kind="stable").drop(columns="_key")
    top = ordered[ordered["z"] > 0].head(n)
    bottom = ordered[ordered["z"] < 0].tail(n)
    shown = pd.concat([top, bottom]).reset_index(drop=True)
    sides = list(dict.fromkeys(ordered["favours"].dropna()))
    names = dict(zip(sides, labels)) if labels else {s: s for s in sides}
    palette = sns.color_palette(n_colors=2)
    colors = [palette[0] if z > 0 else palette[1] for z in shown["z"]]
    positions = range(len(shown))
    ax.barh(list(positions), shown["z"], color=colors)
    ax.set_yticks(list(positions), labels=list(shown["term"]))
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", linewidth=0.8)
    for x in (threshold, -threshold):
        ax.axvline(x, color="0.5", linewidth=0.8, linestyle="--")
    ax.set_xlabel("z（加权对数优势比 weighted log-odds）")
    from matplotlib.patches import Patch

    handles = [Patch(color=palette[i], label=f"更常见于 {names[s]}") for i, s in enumerate(sides[:2])]
    if handles:
        ax.legend(handles=handles, loc="lower right", fontsize="small", frameon=True)
    return _finish(ax)


# --------------------------------------------------------------------------- structure
@_cjk
def plot_theme_map(
    data,
    *,
    value: str = "paragraphs",
    theme_labels: Mapping[str, str] | None = None,
    cmap: str = "Blues",
    ax=None,
):
    """Heatmap of themes × report parts.

    Parameters
    ----------
    data : DataFrame or Report
        ``report.paragraphs`` (``theme``, ``part``, ``text``) or the report itself.
    value : {"paragraphs", "characters"}
        Count paragraphs, or sum their characters.
    theme_labels : mapping, optional
        Row labels; default :data:`THEME_LABELS`.
    cmap : str
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"theme": ["rural", "urban", "rural"], "part": ["一", "一", "三"], "text": ["a", "b", "cc"],
    ...                   "segment": ["review_last_year", "review_last_year", "year_ahead"], "period": ["2021", "2021", "2022"]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_theme_map(p, ax=ax)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['一 回顾', '三 2022']
    """
    import seaborn as sns

    paragraphs = getattr(data, "paragraphs", data)
    _require(paragraphs, ["theme", "part", "text"], "plot_theme_map", "report.paragraphs or a Report")
    ax = _axes(ax)
    if value not in ("paragraphs", "characters"):
        raise ValueError("value must be 'paragraphs' or 'characters'")
    weights = paragraphs["text"].str.len() if value == "characters" else pd.Series(1, index=paragraphs.index)
    table = (pd.DataFrame({"theme": paragraphs["theme"], "part": paragraphs["part"], "w": weights})
             .pivot_table(index="theme", columns="part", values="w", aggfunc="sum", fill_value=0))
    parts = [p for p in dict.fromkeys(paragraphs["part"]) if p in table.columns]
    themes = [t for t in _THEME_ORDER if t in table.index] + sorted(t for t in table.index if t not in _THEME_ORDER)
    table = table.loc[themes, parts].astype(int)
    labels = {**THEME_LABELS, **(theme_labels or {})}
    sns.heatmap(table, annot=True, fmt="d", cmap=cmap, linewidths=0.5, linecolor="white",
                cbar_kws={"label": "段落数 paragraphs" if value == "paragraphs" else "字数 characters"}, ax=ax)
    ax.set_yticks([i + 0.5 for i in range(len(themes))], labels=[labels.get(t, t) for t in themes], rotation=0)
    names = part_labels(paragraphs)  # from the report's own segments and periods
    ax.set_xticks([i + 0.5 for i in range(len(parts))], labels=[names.get(p, p) for p in parts], rotation=0)
    ax.set_xlabel("报告部分 part")
    ax.set_ylabel("主题 theme")
    colorbar = ax.collections[0].colorbar
    return _finish(ax, colorbar.ax) if colorbar is not None else _finish(ax)


# --------------------------------------------------------------------------- indicators
_LOWER = ("以上", "不低于", "超过", "至少", "≥")
_UPPER = ("以内", "以下", "不超过", "控制在", "≤")
_APPROX = ("左右", "约", "≈")
#: marker and legend name for the target bounds the pipeline produces (indicator_extraction.BOUNDS)
_BOUND_MARKERS = {"min": (">", "≥ 以上"), "max": ("<", "≤ 以内"), "approx": ("D", "≈ 左右")}


def _bound_marker(qualifier, bound) -> tuple[str, str]:
    """Marker and legend name of a target: by its ``bound`` (one of ``BOUNDS``), else by its qualifier."""
    if bound in _BOUND_MARKERS:
        return _BOUND_MARKERS[bound]
    text = str(qualifier or "")
    if any(q in text for q in _LOWER):
        return _BOUND_MARKERS["min"]
    if any(q in text for q in _UPPER):
        return _BOUND_MARKERS["max"]
    if any(q in text for q in _APPROX):
        return _BOUND_MARKERS["approx"]
    return "s", "目标 target"


def _fmt(value, unit) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}{unit or ''}"


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


# --------------------------------------------------------------------------- networks
@_cjk
def plot_cooccurrence(
    data,
    *,
    top: int = 40,
    seed: int = 7,
    gravity: float = 0.5,
    ax=None,
):
    """Co-occurrence network: node size = sentences with the term, edge width = shared
    sentences; ForceAtlas2 layout with a fixed ``seed``.

    Parameters
    ----------
    data : DataFrame or networkx.Graph
        A :func:`~guanxian_analysis.cooccurrence` table or the graph of
        :func:`~guanxian_analysis.terms.cooccurrence_graph`.
    top : int
        Strongest pairs to draw (tables only).
    seed : int
        Layout seed: the same input gives the same picture.
    gravity : float
        Pull towards the centre (ForceAtlas2 strong gravity); larger = tighter.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> pairs = pd.DataFrame({"term_a": ["乡村振兴"], "term_b": ["冠县"], "count": [2], "count_a": [2],
    ...                       "count_b": [3], "jaccard": [0.67], "pmi": [0.58]})
    >>> fig, ax = plt.subplots()
    >>> len(plot_cooccurrence(pairs, ax=ax).texts)
    2
    """
    import networkx as nx

    from .terms import cooccurrence_graph

    if not isinstance(data, nx.Graph):
        _require(data, ["term_a", "term_b", "count", "count_a", "count_b", "jaccard", "pmi"], "plot_cooccurrence",
                 "a cooccurrence table or its networkx graph")
    ax = _axes(ax)
    graph = data if isinstance(data, nx.Graph) else cooccurrence_graph(data, top=top)
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        return _finish(ax)
    nodes = list(graph.nodes)
    # ForceAtlas2 with strong gravity keeps the small components near the main one, and
    # node sizes scaled to the label length stop labels from overlapping.
    pos = nx.forceatlas2_layout(graph, seed=seed, max_iter=500, gravity=gravity, strong_gravity=True,
                                scaling_ratio=4.0, weight="weight",
                                node_size={n: 0.6 + 0.4 * len(str(n)) for n in nodes})
    pos = _separate_labels(pos, nodes)
    counts = [graph.nodes[n].get("count", 1) for n in nodes]
    biggest = max(counts)
    sizes = [120 + 700 * c / biggest for c in counts]
    weights = [graph.edges[e].get("weight", 1) for e in graph.edges]
    heaviest = max(weights) if weights else 1
    nx.draw_networkx_edges(graph, pos, ax=ax, width=[0.5 + 3.5 * w / heaviest for w in weights],
                           edge_color="0.7", alpha=0.8)
    nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes, node_size=sizes, node_color="#9ecae1",
                           edgecolors="#3182bd", linewidths=0.8)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9, font_family=font_family()[0])
    ax.set_axis_off()
    ax.margins(0.08)
    return _finish(ax)


def _separate_labels(pos: dict, nodes: list, *, rounds: int = 400, height: float = 0.065) -> dict:
    """Scale a layout into the unit square and push apart nodes whose labels would overlap.

    Each node gets a box as wide as its label (about 0.013 of the width per character) and
    ``height`` tall; overlapping pairs move apart along the axis of least overlap until
    no two boxes overlap (or ``rounds`` is reached). Deterministic for a given layout.
    """
    import numpy as np

    xy = np.array([pos[n] for n in nodes], dtype=float)
    span = np.ptp(xy, axis=0)
    span[span == 0] = 1.0
    xy = (xy - xy.min(axis=0)) / span
    half_width = np.array([0.02 + 0.0065 * len(str(n)) for n in nodes])
    for _ in range(rounds):
        moved = False
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                dx, dy = xy[j] - xy[i]
                overlap_x = half_width[i] + half_width[j] - abs(dx)
                overlap_y = height - abs(dy)
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                moved = True
                if overlap_y < overlap_x:
                    step = np.array([0.0, (overlap_y / 2 + 1e-3) * (1 if dy >= 0 else -1)])
                else:
                    step = np.array([(overlap_x / 2 + 1e-3) * (1 if dx >= 0 else -1), 0.0])
                xy[i] -= step
                xy[j] += step
        if not moved:
            break
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


# --------------------------------------------------------------------------- word cloud
def _frequencies(freqs) -> dict[str, float]:
    if isinstance(freqs, pd.DataFrame):
        _require(freqs, ["term"], "plot_wordcloud", "a term_frequencies table")
        numbers = [c for c in freqs.select_dtypes("number").columns if c != "rank"]
        if "count" not in freqs.columns and not numbers:
            raise ValueError(f"plot_wordcloud needs a 'count' (or another numeric) column; the table has "
                             f"{list(freqs.columns)}")
        value = "count" if "count" in freqs.columns else numbers[0]
        grouped = freqs.groupby("term", sort=True)[value].sum()
        return {str(k): float(v) for k, v in grouped.items() if v > 0}
    if not isinstance(freqs, (Mapping, pd.Series)):
        raise TypeError(f"plot_wordcloud expects a term_frequencies table, a Series or a mapping of term -> weight, "
                        f"got {type(freqs).__name__}")
    items = freqs.items()
    return {str(k): float(v) for k, v in sorted(items, key=lambda kv: str(kv[0])) if v > 0}


@_cjk
def plot_wordcloud(
    freqs,
    *,
    ax=None,
    seed: int = 42,
    width: int = 800,
    height: int = 500,
    max_words: int = 120,
    colormap: str = "viridis",
    background: str = "white",
):
    """A word cloud of term frequencies, reproducible and in a CJK font.

    Parameters
    ----------
    freqs : DataFrame, Series or mapping
        A :func:`~guanxian_analysis.term_frequencies` table (``term``, ``count``;
        counts of the same term summed) or term -> weight.
    ax : matplotlib Axes, optional
    seed : int
        Layout and colour seed: the same input gives the same image, pixel for pixel.
    width, height : int
        Size of the rendered image in pixels (not of the figure).
    max_words : int
    colormap, background : str

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> ax = plot_wordcloud({"乡村振兴": 9, "冠县": 5}, ax=ax, width=200, height=120)
    >>> ax.images[0].get_array().shape[:2]
    (120, 200)
    """
    from wordcloud import WordCloud

    ax = _axes(ax)
    words = _frequencies(freqs)
    if not words:
        raise ValueError("no positive frequencies to draw")
    cloud = WordCloud(
        font_path=str(theme_font()),
        width=width,
        height=height,
        random_state=seed,
        max_words=max_words,
        background_color=background,
        colormap=colormap,
        prefer_horizontal=0.9,
        margin=4,
        collocations=False,
    ).generate_from_frequencies(words)
    ax.imshow(cloud.to_array(), interpolation="nearest")
    ax.set_axis_off()
    return _finish(ax)


# --------------------------------------------------------------------------- main targets
@_cjk
def plot_growth_targets(data: pd.DataFrame, *, metric: str = "GDP growth", ax=None):
    """Each place's growth target for one common metric, sorted: a dot plot with range bars.

    One row per place (highest target on top). A point target is marked by its bound (``>``
    以上 at least, ``<`` 以内 at most, a diamond 左右 about, a square a plain figure); a range
    (5%—5.5%) is a bar from its lower to its upper end. Each target is labelled as written.

    Parameters
    ----------
    data : DataFrame
        :func:`~guanxian_analysis.main_targets` of several reports (``place`` or
        ``report_id`` names the rows; ``level == "national"`` or place 全国 is drawn in a
        second colour).
    metric : str
        A column of :data:`guanxian_analysis.main_target_extraction.COMMON_METRICS` with
        growth-rate targets; the first such target of each report is drawn.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"place": ["甲省", "乙省"], "metric": ["地区生产总值"] * 2,
    ...     "kind": ["growth_rate"] * 2, "value": [5.0, 4.5], "upper": [None, 5.0],
    ...     "unit": ["%"] * 2, "qualifier": ["左右", ""], "bound": ["approx", "range"],
    ...     "figure": ["5%左右", "4.5%—5%"]})
    >>> fig, ax = plt.subplots()
    >>> [x.get_text() for x in plot_growth_targets(t, ax=ax).get_yticklabels()]
    ['甲省', '乙省']
    """
    import seaborn as sns

    from .main_target_extraction import common_metric

    ax = _axes(ax)
    rows = data[[common_metric(m, k) == metric for m, k in zip(data["metric"], data["kind"])]]
    key = rows["report_id"] if "report_id" in rows else pd.Series(range(len(rows)), index=rows.index)
    rows = rows[~key.duplicated()].copy()
    label = rows["place"] if "place" in rows else pd.Series(None, index=rows.index)
    if "report_id" in rows:
        label = label.where(label.notna() & (label != ""), rows["report_id"])
    rows["label"] = label
    rows["top"] = rows["upper"].fillna(rows["value"])
    rows = rows.sort_values(["top", "value", "label"], ascending=[False, False, True]).reset_index(drop=True)
    place_color, nation_color = sns.color_palette(n_colors=2)
    once = _first_use()

    for y, row in rows.iterrows():
        national = row.get("level") == "national" or row["label"] == "全国"
        color = nation_color if national else place_color
        if pd.notna(row["upper"]):
            ax.plot([row["value"], row["upper"]], [y, y], color=color, linewidth=5, alpha=0.55,
                    solid_capstyle="butt", label=once("区间 range"), zorder=2)
            ax.scatter([row["value"], row["upper"]], [y, y], marker="|", s=120, color=color, zorder=3)
        else:
            marker, name = _bound_marker(row.get("qualifier"), row.get("bound"))
            ax.scatter([row["value"]], [y], marker=marker, s=70, color=color, zorder=3, label=once(name))
        ax.annotate(str(row.get("figure") or _fmt(row["value"], row.get("unit"))).replace("\n", ""),
                    (row["top"], y), xytext=(8, 0), textcoords="offset points", va="center",
                    fontsize="small", color=color)
    if any(rows.get("level", pd.Series(dtype=object)).eq("national")) or "全国" in set(rows["label"]):
        ax.scatter([], [], marker="o", s=50, color=nation_color, label="全国 nation")
        once.seen.add("全国 nation")
    ax.set_yticks(list(range(len(rows))), labels=list(rows["label"]))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.margins(x=0.15)
    ax.set_xlabel(f"{metric} 增长目标 target（%）")
    if once.seen:
        ax.legend(loc="lower right", fontsize="small", frameon=True)
    return _finish(ax)
