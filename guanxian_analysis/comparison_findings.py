"""Findings on targets in context: Markdown sentences rendered from compare_targets / target_tracking tables.

No tables are computed here and nothing is drawn; every figure comes from the table given.

>>> import pandas as pd
>>> t = pd.DataFrame({"metric": ["GDP growth"], "county_place": ["冠县"], "county_figure": ["6%左右"],
...     "county_value": [6.0], "county_unit": ["%"], "national_place": ["全国"], "national_figure": ["5.5%左右"],
...     "national_value": [5.5], "national_unit": ["%"], "margin_over_national": [0.5]})
>>> t.attrs["levels"] = ["county", "national"]
>>> print(comparison_lines(t))
- **GDP growth**: 冠县 **6%左右**; 全国 **5.5%左右** (0.5 points higher)
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .findings import plural, shorten

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["comparison_lines", "comparison_summary", "tracking_lines", "tracking_summary", "level_revision"]


def _nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _levels(table) -> list[str]:
    return table.attrs.get("levels") or [c[: -len("_figure")] for c in table.columns if c.endswith("_figure")]


def _points(margin: float) -> str:
    if abs(margin) < 1e-9:
        return "the same figure"
    word = "higher" if margin > 0 else "lower"
    return f"{abs(margin):g} {'point' if abs(margin) == 1 else 'points'} {word}"


def comparison_lines(table: "pd.DataFrame") -> str:
    """A Markdown list: each metric's targets level by level, with the first level's margin over each other.

    See the module example. A level without a figure is left out of its line; words (a target
    without a number) are quoted as written.
    """
    levels = _levels(table)
    own = levels[0]
    lines = []
    for row in table.to_dict("records"):
        parts = []
        for lv in levels:
            figure = row.get(f"{lv}_figure") or ""
            if not figure:
                continue
            text = f"{row.get(f'{lv}_place') or lv} **{figure}**"
            margin = row.get(f"margin_over_{lv}")
            if lv != own and not _nan(margin):
                text += f" ({_points(margin)})"
            parts.append(text)
        lines.append(f"- **{row['metric']}**: " + "; ".join(parts))
    return "\n".join(lines) if lines else "_No metric has a target at two levels._"


def comparison_summary(table: "pd.DataFrame") -> str:
    """One Markdown paragraph: how the first level's rate targets compare with the others', and what it leaves out.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"metric": ["GDP growth", "CPI"], "county_place": ["冠县"] * 2,
    ...     "county_figure": ["6%左右", ""], "county_value": [6.0, None], "county_unit": ["%", ""],
    ...     "national_place": ["全国"] * 2, "national_figure": ["5.5%左右", "3%左右"],
    ...     "national_value": [5.5, 3.0], "national_unit": ["%", "%"], "margin_over_national": [0.5, None]})
    >>> t.attrs["levels"] = ["county", "national"]
    >>> comparison_summary(t)
    '冠县 sets the higher growth target on 1 of 1 metric it shares with 全国 (GDP growth: 6%左右 against 5.5%左右). It sets no figure for CPI, which 全国 does.'
    """
    levels = _levels(table)
    own = levels[0]
    place = next((r.get(f"{own}_place") for r in table.to_dict("records") if r.get(f"{own}_place")), own)
    sentences = []
    for lv in levels[1:]:
        margins = [(r["metric"], r[f"margin_over_{lv}"], r[f"{own}_figure"], r[f"{lv}_figure"])
                   for r in table.to_dict("records") if not _nan(r.get(f"margin_over_{lv}"))]
        if not margins:
            continue
        other = next((r.get(f"{lv}_place") for r in table.to_dict("records") if r.get(f"{lv}_place")), lv)
        higher = [m for m in margins if m[1] > 0]
        listed = "; ".join(f"{m}: {a} against {b}" for m, _, a, b in margins)
        sentences.append(f"{place} sets the higher growth target on {len(higher)} of "
                         f"{plural(len(margins), 'metric')} it shares with {other} ({listed}).")
    missing = [r["metric"] for r in table.to_dict("records") if not r.get(f"{own}_figure")]
    if missing:
        others = sorted({r.get(f"{lv}_place") or lv for r in table.to_dict("records") if r["metric"] in missing
                         for lv in levels[1:] if r.get(f"{lv}_figure")}, key=str)
        verb = "does" if len(others) == 1 else "do"
        sentences.append(f"It sets no figure for {', '.join(missing)}, which {' and '.join(others)} {verb}.")
    return " ".join(sentences)


def tracking_lines(tracking: "pd.DataFrame", metrics=None) -> str:
    """A Markdown list per metric: how many targets were met or missed, the largest miss, the years not known.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"year": [2013, 2014, 2015], "metric": "GDP growth", "target_figure": ["20%", "11%", "8%"],
    ...     "outcome_figure": ["10.1%", "9.1%", None], "verdict": ["missed", "missed", "no report"],
    ...     "gap": [-9.9, -1.9, None]})
    >>> print(tracking_lines(t))
    - **GDP growth**: met 0 of 2 targets whose outcome the next report gives; the largest shortfall: 2013, 20% targeted, 10.1% reported (9.9 points short). Not known: 2015 (no report).
    """
    metrics = list(metrics) if metrics is not None else list(dict.fromkeys(tracking["metric"]))
    lines = []
    for metric in metrics:
        rows = tracking[tracking["metric"] == metric]
        judged = rows[rows["verdict"].isin(["met", "missed"])]
        met = int((judged["verdict"] == "met").sum())
        line = f"- **{metric}**: met {met} of {plural(len(judged), 'target')} whose outcome the next report gives"
        missed = judged[judged["verdict"] == "missed"]
        if len(missed):
            worst = missed.loc[missed["gap"].abs().idxmax()]
            line += (f"; the largest shortfall: {int(worst['year'])}, {worst['target_figure']} targeted, "
                     f"{worst['outcome_figure']} reported ({abs(worst['gap']):g} points short)")
        unknown = rows[rows["verdict"].isin(["no report", "not reported"])]
        if len(unknown):
            line += ". Not known: " + ", ".join(f"{int(r.year)} ({r.verdict})" for r in unknown.itertuples())
        lines.append(line + ".")
    return "\n".join(lines)


def tracking_summary(tracking: "pd.DataFrame") -> str:
    """One Markdown paragraph: targets met and missed over the series, the years without a report, and the
    largest miss quoted from both reports.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"place": "海拉尔区", "year": [2014, 2015], "metric": "budget revenue",
    ...     "target_figure": ["16%", None], "outcome_figure": ["0.4%", None], "verdict": ["missed", "no report"],
    ...     "gap": [-15.6, None], "target_report_id": ["r2014", None], "outcome_report_id": ["r2015", None],
    ...     "target_sentence": ["地方财政总收入增长16%", None], "outcome_sentence": ["同比增长0.4%", None]})
    >>> print(tracking_summary(t))  # doctest: +NORMALIZE_WHITESPACE
    Of **1 target** of 海拉尔区 with a figure the next report gives, **0 were met** and **1 missed**. No report for 2015. The largest miss: budget revenue in 2014, targeted at 16% (r2014: “地方财政总收入增长16%”) and reported at 0.4% (r2015: “同比增长0.4%”).
    """
    judged = tracking[tracking["verdict"].isin(["met", "missed"])]
    place = "、".join(dict.fromkeys(tracking["place"])) if "place" in tracking else "the place"
    met = int((judged["verdict"] == "met").sum())
    text = (f"Of **{plural(len(judged), 'target')}** of {place} with a figure the next report gives, "
            f"**{met} {'was' if met == 1 else 'were'} met** and **{len(judged) - met} missed**.")
    missing_years = sorted({int(y) for y, r in zip(tracking["year"], tracking["target_report_id"]) if _nan(r)
                            or r is None})
    if missing_years:
        text += f" No report for {', '.join(map(str, missing_years))}."
    missed = judged[judged["verdict"] == "missed"]
    if len(missed):
        worst = missed.loc[missed["gap"].abs().idxmax()]
        text += (f" The largest miss: {worst['metric']} in {int(worst['year'])}, targeted at "
                 f"{worst['target_figure']} ({worst['target_report_id']}: “{shorten(worst['target_sentence'], 60)}”) "
                 f"and reported at {worst['outcome_figure']} ({worst['outcome_report_id']}: "
                 f"“{shorten(worst['outcome_sentence'], 60)}”).")
    return text


def level_revision(tracking: "pd.DataFrame", metric: str = "GDP growth", *, threshold: float = 0.1) -> str:
    """A Markdown sentence when the level a report gives beside an outcome falls sharply from an earlier report's.

    Compares each outcome level (``outcome_level_value``) with the previous one in the series; a fall of more
    than ``threshold`` (a share) is reported with both sentences. Empty when there is none.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"year": [2015, 2018], "metric": "GDP growth", "outcome_level_value": [287.9, 192.3],
    ...     "outcome_value": [8.9, 6.0], "outcome_figure": ["8.9%", "6%"],
    ...     "outcome_level_figure": ["287.9亿元", "192.3亿元"], "outcome_report_id": ["r2016", "r2019"],
    ...     "outcome_sentence": ["地区生产总值达到287.9亿元", "全年地区生产总值完成192.3亿元"]})
    >>> print(level_revision(t))
    The level beside the GDP growth outcome falls from **287.9亿元** for 2015 (r2016: “地区生产总值达到287.9亿元”) to **192.3亿元** for 2018 (r2019: “全年地区生产总值完成192.3亿元”), 33% lower, although every growth figure reported for the years in between is positive (2018: 6%).
    """
    mine = tracking[tracking["metric"] == metric]
    rows = mine[mine["outcome_level_value"].notna()].sort_values("year")
    found = []
    previous = None
    for row in rows.to_dict("records"):
        if previous is not None and row["outcome_level_value"] < previous["outcome_level_value"] * (1 - threshold):
            drop = 1 - row["outcome_level_value"] / previous["outcome_level_value"]
            between = mine[(mine["year"] > previous["year"]) & (mine["year"] <= row["year"])
                           & mine["outcome_value"].notna()] if "outcome_value" in mine else mine.iloc[0:0]
            growth = ", ".join(f"{int(r.year)}: {r.outcome_figure}" for r in between.itertuples())
            text = (f"The level beside the {metric} outcome falls from **{previous['outcome_level_figure']}** for "
                    f"{int(previous['year'])} ({previous['outcome_report_id']}: “{shorten(previous['outcome_sentence'], 60)}”) "
                    f"to **{row['outcome_level_figure']}** for {int(row['year'])} ({row['outcome_report_id']}: "
                    f"“{shorten(row['outcome_sentence'], 60)}”), {drop:.0%} lower")
            if len(between) and (between["outcome_value"] > 0).all():
                text += f", although every growth figure reported for the years in between is positive ({growth})"
            found.append(text + ".")
        previous = row
    return " ".join(found)
