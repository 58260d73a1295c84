"""Charts of one report's words and themes (top terms, distinctive terms, theme map, co-occurrence, word cloud); no figures.

The package's charts share the conventions of :mod:`guanxian_analysis.plots` (its docstring has an example).
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..coverage import part_labels
from ..style import font_family, theme_font
from .base import THEME_LABELS, _THEME_ORDER, _axes, _cjk, _finish, _one_group, _require

__all__ = ["plot_top_terms", "plot_distinctive_terms", "plot_theme_map", "plot_cooccurrence", "plot_wordcloud"]


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

    from ..terms import cooccurrence_graph

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

