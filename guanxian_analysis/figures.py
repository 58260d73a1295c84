"""How a figure reads: the one place that turns value, unit, qualifier, direction and measure into text (no tables).

Every table, sentence, chart label and CSV column that shows an indicator builds its string with
:func:`figure_text`, so a fall reads as a fall (刑事警情 下降23.7% → ``−23.7%``), an improvement as an
improvement (PM2.5 改善21.4% → ``improved 21.4%``), a rank move as a move (前移1个位次 → ``up 1 place``),
an annual average and a cumulative total say so, and the qualifier sits where Chinese writes it
(``220余个``, ``由550元``, ``至580元``, ``预计第2位``, ``6%左右``).

Examples
--------
>>> figure_text(23.7, "%", kind="growth_rate", direction="down")
'−23.7%'
>>> figure_text(220, "个", "余")
'220余个'
"""
from __future__ import annotations

import math

__all__ = ["figure_text", "figure_of_row", "MEASURE_LABELS", "PREFIX_QUALIFIERS", "MID_QUALIFIERS"]

#: qualifiers written before the number (约6%, 超过100亿元, 超21%, 力争…, 预计…, 由550元, 至580元)
PREFIX_QUALIFIERS = ("约", "近", "超过", "超", "突破", "不低于", "不少于", "不超过", "力争", "预计", "由", "至", "到")
#: qualifiers written between the number and its unit (220余个, 7000多所)
MID_QUALIFIERS = ("余", "多")
#: how a figure's ``measure`` reads in English after it, where a reader could take it for a single year
MEASURE_LABELS = {"annual_average": "annual average", "cumulative": "cumulative"}
_CHANGE_KINDS = {"growth_rate", "change_pp", "change"}
_RANK_UNITS = {"位", "名", "档"}


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def figure_text(value, unit=None, qualifier=None, *, kind=None, direction=None, measure=None, written=None) -> str:
    """A figure as a reader should see it: qualifier where Chinese writes it, direction and measure kept.

    Parameters
    ----------
    value : float
        The number as written (NaN or None gives ``–``).
    unit, qualifier : str, optional
        As in the indicator table (``%``, ``万亩``, ``个``; ``左右``, ``余``, ``由`` …).
    kind, direction, measure : str, optional
        The indicator table's columns: a change (growth_rate, change_pp, change) whose direction is
        ``down`` gets a minus sign, ``improve`` reads ``improved``; a rank move (unit 位次) reads
        ``up N place(s)``; ``measure`` annual_average / cumulative is named after the figure.
    written : str, optional
        The number as the text writes it where its value would misread it: a fraction (``1/4``,
        ``三分之一``), units of a size (``2×66``: 132 in ``value``), first place (``首``).

    Returns
    -------
    str

    Examples
    --------
    >>> figure_text(6.0, "%", "左右")
    '6%左右'
    >>> figure_text(21.4, "%", kind="growth_rate", direction="improve")
    'improved 21.4%'
    >>> figure_text(1, "位次", kind="rank", direction="up")
    'up 1 place'
    >>> figure_text(2, "位", "预计", kind="rank"), figure_text(550, "元", "由"), figure_text(580, "元", "至")
    ('预计第2位', '由550元', '至580元')
    >>> figure_text(26, "天", kind="change", direction="up")
    '+26天'
    >>> figure_text(4.5, "%", kind="growth_rate", direction="up", measure="annual_average")
    '4.5% (annual average)'
    >>> figure_text(0.25, "", written="1/4"), figure_text(132, "万千瓦", written="2×66"), figure_text(1, "位", written="首")
    ('1/4', '2×66万千瓦', '首位')
    """
    if _blank(value):
        return "–"
    value = float(value)
    number = f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:.6g}"
    if isinstance(written, str) and written:
        number = written
    unit = unit if isinstance(unit, str) else ""
    qualifier = qualifier if isinstance(qualifier, str) else ""
    direction = direction if isinstance(direction, str) else None
    if unit == "位次":
        places = "place" if value == 1 else "places"
        way = {"up": "up", "down": "down"}.get(direction, "moved")
        return f"{way} {number} {places}"
    if unit in _RANK_UNITS:
        text = f"{number}{unit}" if number == "首" else f"第{number}{unit}"
        return f"{qualifier}{text}" if qualifier in PREFIX_QUALIFIERS else f"{text}{qualifier}"
    if qualifier in MID_QUALIFIERS:
        text = f"{number}{qualifier}{unit}"
    elif qualifier in PREFIX_QUALIFIERS:
        text = f"{qualifier}{number}{unit}"
    else:
        text = f"{number}{unit}{qualifier}"
    if kind in _CHANGE_KINDS and direction == "down":
        text = f"−{text}" if not qualifier or qualifier not in PREFIX_QUALIFIERS else f"{qualifier}−{text[len(qualifier):]}"
    elif kind in {"change", "change_pp"} and direction == "up" and qualifier not in PREFIX_QUALIFIERS:
        text = f"+{text}"  # 优良天数增加26天: an amount of change, not a level
    elif kind in _CHANGE_KINDS and direction == "improve":
        text = f"improved {text}"
    label = MEASURE_LABELS.get(measure) if isinstance(measure, str) else None
    return f"{text} ({label})" if label else text


def figure_of_row(row) -> str:
    """An indicator row's display: its ``figure`` column, or built the same way (direction and measure kept).

    >>> from types import SimpleNamespace
    >>> figure_of_row(SimpleNamespace(figure="", value=6.0, unit="%", qualifier="左右", kind="growth_rate"))
    '6%左右'
    """
    shown = getattr(row, "figure", None)
    if isinstance(shown, str) and shown:
        return shown
    return figure_text(row.value, row.unit, row.qualifier, kind=getattr(row, "kind", None),
                       direction=getattr(row, "direction", None), measure=getattr(row, "measure", None))
