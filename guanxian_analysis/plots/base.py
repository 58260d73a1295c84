"""Shared machinery of the chart helpers (CJK font wrapper, Axes, input checks, legend once, target markers); no chart itself.

Every helper in :mod:`guanxian_analysis.plots` draws on ``ax`` (or the current Axes), sets the CJK font of
:func:`guanxian_analysis.style.theme_font` (the font ``use_theme(font=...)`` set, else the one found
automatically) on the text it draws, and returns the Axes. None of them shows, saves, or fixes a figure
size; random layouts take a ``seed``.
"""
from __future__ import annotations

import functools
import math

import pandas as pd

from ..style import apply_font, font_family
from ..themes import THEME_LABELS, THEMES  # noqa: F401  (THEME_LABELS: re-exported as plots.THEME_LABELS)

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



#: words of a qualifier that bound a target from below, from above, or about a value
_LOWER = ("以上", "不低于", "超过", "至少", "≥")
_UPPER = ("以内", "以下", "不超过", "控制在", "≤")
_APPROX = ("左右", "约", "≈")
#: marker and legend name for the target bounds the pipeline produces (indicator_schema.BOUNDS)
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

