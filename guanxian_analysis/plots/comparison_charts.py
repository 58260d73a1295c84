"""Charts of targets in context (beside other levels, places and years); no single-report charts.

In seaborn's manner: data first, ``ax=None``, draw, return the Axes.

- :func:`plot_target_comparison`: a :func:`~guanxian_analysis.compare_targets` table, one row per
  metric in %, a marker per level (shape by bound: ▶ 以上, ◀ 以内, ◆ 左右), labelled as written;
- :func:`plot_target_tracking`: a :func:`~guanxian_analysis.target_tracking` table for one metric,
  a dumbbell per year from the target (hollow) to the outcome the next report gives (filled), a
  year without a report shaded and labelled 无报告;
- :func:`plot_growth_targets`: :func:`~guanxian_analysis.main_targets` of several reports, each
  place's growth target for one metric, sorted.

Each sets the CJK font on every text it draws (:mod:`guanxian_analysis.style`), as the other helpers do.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .base import _axes, _bound_marker, _cjk, _finish, _first_use, _fmt, _require

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["plot_target_comparison", "plot_target_tracking", "plot_growth_targets"]

#: English names of the levels in legends
LEVEL_NAMES = {"county": "county 县", "city": "city 市", "province": "province 省", "national": "nation 全国"}


def _nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@_cjk
def plot_target_comparison(data: "pd.DataFrame", *, ax=None):
    """The report's targets beside other levels': one row per metric in %, one colour per level.

    Parameters
    ----------
    data : DataFrame
        :func:`~guanxian_analysis.compare_targets`; its ``attrs["levels"]`` (else the
        ``<level>_figure`` columns) give the levels, the report's own first. Rows whose
        figures are not rates in % (jobs in 万人) are left out; a level without a figure for a
        metric has no marker there.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"metric": ["GDP growth"], "county_place": ["冠县"], "county_figure": ["6%左右"],
    ...     "county_value": [6.0], "county_upper": [None], "county_unit": ["%"], "county_qualifier": ["左右"],
    ...     "national_place": ["全国"], "national_figure": ["5.5%左右"], "national_value": [5.5],
    ...     "national_upper": [None], "national_unit": ["%"], "national_qualifier": ["左右"]})
    >>> fig, ax = plt.subplots()
    >>> [x.get_text() for x in plot_target_comparison(t, ax=ax).texts]
    ['6%左右', '5.5%左右']
    """
    import pandas as pd
    import seaborn as sns

    _require(data, ["metric"], "plot_target_comparison", "a compare_targets table")
    levels = data.attrs.get("levels") or [c[: -len("_figure")] for c in data.columns if c.endswith("_figure")]
    ax = _axes(ax)
    rates = [r for r in data.to_dict("records")
             if sum(r.get(f"{lv}_unit") in ("%", "％") and not _nan(r.get(f"{lv}_value")) for lv in levels) >= 2]
    colours = dict(zip(levels, sns.color_palette(n_colors=max(len(levels), 1))))
    step = 0.6 / max(len(levels), 1)
    shown: set[str] = set()
    for y, row in enumerate(rates):
        for i, lv in enumerate(levels):
            value = row.get(f"{lv}_value")
            if row.get(f"{lv}_unit") not in ("%", "％") or _nan(value):
                continue
            offset = (i - (len(levels) - 1) / 2) * step
            upper = row.get(f"{lv}_upper")
            colour = colours[lv]
            place = row.get(f"{lv}_place") or ""
            label = f"{place} {LEVEL_NAMES.get(lv, lv)}".strip()
            if not _nan(upper):
                ax.plot([value, upper], [y + offset] * 2, color=colour, linewidth=5, alpha=0.6,
                        solid_capstyle="butt", label=None if lv in shown else label)
                top = upper
            else:
                marker, _ = _bound_marker(row.get(f"{lv}_qualifier"), None)
                ax.scatter([value], [y + offset], marker=marker, s=70, color=colour, zorder=3,
                           label=None if lv in shown else label)
                top = value
            shown.add(lv)
            ax.annotate(str(row.get(f"{lv}_figure") or ""), (top, y + offset), xytext=(7, 0),
                        textcoords="offset points", va="center", fontsize="small", color=colour)
    ax.set_yticks(list(range(len(rates))), labels=[r["metric"] for r in rates])
    ax.set_ylim(len(rates) - 0.5, -0.5)
    ax.margins(x=0.18)
    ax.set_xlabel("target 目标（%）")
    ax.set_ylabel("")
    if shown:
        ax.legend(loc="lower right", fontsize="small", frameon=True)
    return _finish(ax)


@_cjk
def plot_target_tracking(data: "pd.DataFrame", *, metric: str = "GDP growth", value: str = "growth", ax=None):
    """One metric's targets and outcomes by year: a dumbbell from target to outcome, gaps shown.

    Parameters
    ----------
    data : DataFrame
        :func:`~guanxian_analysis.target_tracking` (one place). Each year with a numeric target
        gets a hollow marker (shape by bound); the outcome the next report gives is a filled dot
        joined to it, green when the target was met, red when missed. A year whose target or
        outcome is missing because a report is missing is shaded and labelled 无报告 (no report);
        an outcome the next report does not give is labelled 未报告 (not reported).
    metric : str
        The common metric to draw (``GDP growth``, ``budget revenue``, ``urban income growth`` …).
    value : {"growth", "level"}
        ``"growth"``: the growth target and outcome (%). ``"level"``: the level each sentence states
        beside them (``target_level_value``, ``outcome_level_value``: 达到296亿元 targeted, 287.9亿元
        reported), the outcome in grey (the verdict is about growth).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"place": "海拉尔区", "year": [2015, 2016, 2017], "metric": "GDP growth",
    ...     "target_value": [8.0, 7.5, None], "target_figure": ["8%", "7.5%", None],
    ...     "target_qualifier": ["", "", None], "outcome_value": [8.9, None, None],
    ...     "outcome_figure": ["8.9%", None, None], "verdict": ["met", "no report", "no report"],
    ...     "target_report_id": ["a", "b", None]})
    >>> fig, ax = plt.subplots()
    >>> plot_target_tracking(t, ax=ax) is ax
    True
    """
    import seaborn as sns

    _require(data, ["year", "metric", "target_value", "outcome_value", "verdict"], "plot_target_tracking",
             "a target_tracking table")
    if value not in ("growth", "level"):
        raise ValueError(f"value must be 'growth' or 'level', not {value!r}")
    ax = _axes(ax)
    rows = data[data["metric"] == metric].sort_values("year").copy()
    if value == "level":
        for side in ("target", "outcome"):
            rows[f"{side}_value"] = rows.get(f"{side}_level_value")
            rows[f"{side}_figure"] = rows.get(f"{side}_level_figure")
        rows["target_qualifier"] = None
    if "place" in rows and rows["place"].nunique() > 1:
        raise ValueError(f"plot_target_tracking draws one place; the table has {rows['place'].nunique()}: "
                         "filter it first")
    palette = sns.color_palette()
    met_colour, missed_colour, target_colour = palette[2], palette[3], palette[0]
    once = _first_use()

    values = [v for v in list(rows["target_value"]) + list(rows["outcome_value"]) if not _nan(v)]
    for row in rows.to_dict("records"):
        year, target, outcome = int(row["year"]), row["target_value"], row["outcome_value"]
        if row["verdict"] == "no report" and _nan(target) and _nan(row.get("target_report_id")):
            ax.axvspan(year - 0.4, year + 0.4, color="0.9", zorder=0)
            ax.annotate("无报告\nno report", (year, 0.5), xycoords=("data", "axes fraction"),
                        ha="center", va="center", fontsize="small", color="0.35")
        if not _nan(target):
            marker, _ = _bound_marker(row.get("target_qualifier"), row.get("bound"))
            ax.scatter([year], [target], marker=marker, s=80, facecolor="white", edgecolor=target_colour,
                       linewidth=1.8, zorder=3, label=once("目标 target"))
            # the target's label sits over (or under) its marker, on the side away from the outcome, so it meets
            # neither the stalk to the outcome nor the outcome label of the year before (10.4% beside 10%); with no
            # outcome it sits where an outcome's would, right of the marker (over it, 8%左右 met 2018's 9.4%)
            below = not _nan(outcome) and outcome > target
            alone = _nan(outcome)
            ax.annotate(str(row.get("target_figure") or ""), (year, target),
                        xytext=(7, 0) if alone else (0, -11 if below else 11), textcoords="offset points",
                        ha="left" if alone else "center", va="center" if alone else "top" if below else "bottom",
                        fontsize="small", color=target_colour)
        if not _nan(outcome):
            colour = met_colour if row["verdict"] == "met" else missed_colour
            name = "达到 met" if row["verdict"] == "met" else "未达到 missed"
            if value == "level":
                colour, name = "0.35", "报告 reported"
            if not _nan(target):
                ax.plot([year, year], [target, outcome], color=colour, linewidth=2.5, alpha=0.8, zorder=2)
            ax.scatter([year], [outcome], marker="o", s=60, color=colour, zorder=4, label=once(f"实际 outcome: {name}"))
            ax.annotate(str(row.get("outcome_figure") or ""), (year, outcome), xytext=(7, 0),
                        textcoords="offset points", ha="left", va="center", fontsize="small", color=colour)
        elif row["verdict"] in ("not reported", "no report") and not _nan(target):
            text = "未报告\nnot reported" if row["verdict"] == "not reported" else "下年无报告\nno next report"
            # at the foot of the year's column, like the shaded year's note: under the marker it met the label
            # of the year before's outcome (2015's 287.9亿元 beside 2016's 309亿元)
            ax.annotate(text, (year, 0.03), xycoords=("data", "axes fraction"), ha="center", va="bottom",
                        fontsize="x-small", color="0.35")
    years = sorted(int(y) for y in rows["year"])
    if years:
        ax.set_xticks(years, labels=[str(y) for y in years])
        ax.set_xlim(years[0] - 0.7, years[-1] + 1.25)  # room for a label right of the last marker (3.5%左右)
    if values:
        low, high = min(values), max(values)
        pad = max((high - low) * 0.15, 1.0)
        bottom = min(0, low - pad)
        # room above the highest marker for the target label over it (the level chart starts at 0: 15% is not enough)
        ax.set_ylim(bottom, high + max(pad, 0.12 * (high - bottom)))
    units = [u for u in data.get("outcome_level_figure", []) if isinstance(u, str)] if value == "level" else []
    unit = next((u.lstrip("0123456789.,") for u in units), "")
    ax.set_ylabel("增长 growth（%）" if value == "growth" else f"水平 level（{unit}）")
    ax.set_xlabel("")
    ax.set_title(metric if value == "growth" else f"{metric.removesuffix(' growth')} level 水平")
    if once.seen:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=3, fontsize="x-small", frameon=False)
    return _finish(ax)


# --------------------------------------------------------------------------- main targets
@_cjk
def plot_growth_targets(data: "pd.DataFrame", *, metric: str = "GDP growth", ax=None):
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
    import pandas as pd
    import seaborn as sns

    from ..main_target_extraction import common_metric

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

