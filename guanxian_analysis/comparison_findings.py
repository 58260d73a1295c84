"""Findings on targets in context: Markdown sentences rendered from compare_targets / target_tracking tables (no tables computed).

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

__all__ = ["comparison_lines", "comparison_summary", "tracking_lines", "tracking_summary", "level_revision",
           "echo_summary", "share_lines", "keyness_summary", "trend_lines", "new_term_lines",
           "growth_target_line"]


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
    '冠县 shares one rate target with 全国, GDP growth, and sets it higher: 6%左右 against 5.5%左右. It sets no figure for CPI, which 全国 does.'
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
        if len(margins) == 1:  # one shared metric is named, not counted ("1 of 1 metric")
            metric, margin, a, b = margins[0]
            how = "higher" if margin > 0 else "lower" if margin < 0 else "the same"
            sentences.append(f"{place} shares one rate target with {other}, {metric}, and sets it {how}: "
                             f"{a} against {b}.")
            continue
        share = f"all {len(margins)}" if len(higher) == len(margins) else f"{len(higher)} of {len(margins)}"
        sentences.append(f"{place} sets the higher growth target on {share} metrics it shares with {other} "
                         f"({listed}).")
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


def echo_summary(echo: "pd.DataFrame", *, examples: int = 4) -> str:
    """One Markdown paragraph from a :func:`~guanxian_analysis.phrase_echo` table: how many phrases are echoed,
    echoed in other words, or absent, with examples of each.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"phrase": ["放管服", "六稳"], "count_source": [2, 3], "count_target": [3, 0],
    ...                   "status": ["echoed", "absent"]})
    >>> echo_summary(e)
    'Of the **2 policy phrases** of the higher-level report, **1** is echoed word for word (“放管服” 3×), **0** in other words and **1** not at all (“六稳”, used 3× in the higher-level report).'
    """
    counts = echo["status"].value_counts()
    echoed = echo[echo["status"] == "echoed"].sort_values("count_target", ascending=False, kind="stable")
    other = echo[echo["status"] == "echoed_in_other_words"]
    absent = echo[echo["status"] == "absent"]
    if "kind" in absent:  # slogans first: the distinctive terms include plain words and units (万亿元)
        absent = absent.assign(_slogan=absent["kind"].isin(["quoted", "numbered"]))
        absent = absent.sort_values(["_slogan", "count_source"], ascending=False, kind="stable")
    else:
        absent = absent.sort_values("count_source", ascending=False, kind="stable")
    n_echoed, n_other, n_absent = (int(counts.get(s, 0)) for s in ("echoed", "echoed_in_other_words", "absent"))
    text = (f"Of the **{plural(len(echo), 'policy phrase')}** of the higher-level report, **{n_echoed}** "
            f"{'is' if n_echoed == 1 else 'are'} echoed word for word")
    if len(echoed):
        text += " (" + ", ".join(f"“{r.phrase}” {r.count_target}×" for r in echoed.head(examples).itertuples()) + ")"
    text += f", **{n_other}** in other words"
    if len(other):
        text += " (" + ", ".join(f"“{r.phrase}” as {r.components}" for r in other.head(examples).itertuples()) + ")"
    text += f" and **{n_absent}** not at all"
    if len(absent):
        text += " (" + ", ".join(f"“{r.phrase}”" for r in absent.head(examples).itertuples())
        text += f", used {absent.iloc[0]['count_source']}× in the higher-level report)" if len(absent) == 1 else \
            f"; the first used {absent.iloc[0]['count_source']}× in the higher-level report)"
    return text + "."


def share_lines(shares: "pd.DataFrame", names: dict[str, str] | None = None) -> str:
    """A Markdown list from :func:`~guanxian_analysis.theme_shares`: each theme's share in each report, largest
    gap first.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"theme": ["economy", "rural"], "label": ["Economy", "Rural"], "a": [0.28, 0.2],
    ...                   "b": [0.43, 0.06]})
    >>> print(share_lines(s, {"a": "冠县", "b": "全国"}))
    - **Economy**: 冠县 28%, 全国 43% (−15 points)
    - **Rural**: 冠县 20%, 全国 6.0% (+14 points)
    """
    from .findings import format_share

    columns = [c for c in shares.columns if c not in ("theme", "label")]
    names = names or {}
    first, second = columns[0], columns[-1]
    order = (shares[first] - shares[second]).abs().sort_values(ascending=False, kind="stable").index
    lines = []
    for i in order:
        row = shares.loc[i]
        diff = 100 * (row[first] - row[second])
        listed = ", ".join(f"{names.get(c, c)} {format_share(row[c])}" for c in columns)
        sign = "±" if round(abs(diff)) == 0 else "+" if diff > 0 else "−"
        lines.append(f"- **{row['label']}**: {listed} ({sign}{abs(diff):.0f} points)")
    return "\n".join(lines)


def keyness_summary(keyness: "pd.DataFrame", *, n: int = 6, threshold: float = 1.96) -> str:
    """One Markdown sentence from a :func:`~guanxian_analysis.distinctive_terms` table of two reports: the words
    most typical of each side.

    Examples
    --------
    >>> import pandas as pd
    >>> k = pd.DataFrame({"term": ["冠县", "项目", "市场主体"], "z": [3.5, 2.8, -3.0], "favours": ["冠县", "冠县", "全国"]})
    >>> keyness_summary(k)
    'Most typical of 冠县 (z-score in brackets): “冠县” (3.5), “项目” (2.8); of 全国: “市场主体” (3.0). 3 words clear z = 1.96.'
    """
    sides = list(dict.fromkeys(keyness["favours"]))
    parts = []
    for i, side in enumerate(sides):
        top = keyness[keyness["favours"] == side].reindex(
            keyness[keyness["favours"] == side]["z"].abs().sort_values(ascending=False, kind="stable").index).head(n)
        listed = ", ".join(f"“{t.term}” ({abs(t.z):.1f})" for t in top.itertuples())
        parts.append(f"{side} (z-score in brackets): {listed}" if i == 0 else f"of {side}: {listed}")
    strong = int((keyness["z"].abs() >= threshold).sum())
    return f"Most typical of {'; '.join(parts)}. {plural(strong, 'word')} clear{'s' if strong == 1 else ''} z = {threshold:g}."


def trend_lines(trends: "pd.DataFrame") -> str:
    """A Markdown list from :func:`~guanxian_analysis.term_trends`: each term's rate in the first and last
    report, and its peak; years without a report are named, never filled.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"term": "生态", "year": [2016, 2017, 2018], "count": [10, None, 18],
    ...                   "rate_per_10k": [13.7, None, 22.2]})
    >>> print(trend_lines(t))
    - **“生态”**: 13.7 per 10,000 characters in 2016, 22.2 in 2018 (peak 22.2 in 2018); no report for 2017
    """
    lines = []
    for term, rows in trends.groupby("term", sort=False):
        known = rows[rows["rate_per_10k"].notna()].sort_values("year")
        if known.empty:
            continue
        first, last = known.iloc[0], known.iloc[-1]
        peak = known.loc[known["rate_per_10k"].idxmax()]
        line = (f"- **“{term}”**: {first['rate_per_10k']:.1f} per 10,000 characters in {int(first['year'])}, "
                f"{last['rate_per_10k']:.1f} in {int(last['year'])} (peak {peak['rate_per_10k']:.1f} in "
                f"{int(peak['year'])})")
        missing = sorted(int(y) for y in rows.loc[rows["rate_per_10k"].isna(), "year"])
        if missing:
            line += f"; no report for {', '.join(map(str, missing))}"
        lines.append(line)
    return "\n".join(lines) if lines else "_No term was found in any report._"


def new_term_lines(new: "pd.DataFrame", *, n: int = 6) -> str:
    """A Markdown list from :func:`~guanxian_analysis.new_terms`: each year's most used new words.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"year": [2018, 2018], "term": ["高质量", "新时代"], "count": [9, 7],
    ...                   "compared_with": "2012-2016", "after_gap": True})
    >>> print(new_term_lines(t))
    - **2018** (against 2012-2016, after a year without a report): “高质量” 9×, “新时代” 7×
    """
    lines = []
    for year, rows in new.groupby("year", sort=True):
        top = rows.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(n)
        gap = ", after a year without a report" if bool(rows["after_gap"].iloc[0]) else ""
        listed = ", ".join(f"“{r.term}” {r.count}×" for r in top.itertuples())
        lines.append(f"- **{int(year)}** (against {rows['compared_with'].iloc[0]}{gap}): {listed}")
    return "\n".join(lines) if lines else "_No new terms: the series has a single report._"


def growth_target_line(table: "pd.DataFrame", metric: str = "GDP growth") -> str:
    """One Markdown line from :func:`~guanxian_analysis.target_table`: every place's target for ``metric``, as
    written, highest first (the chart's order: a range counts at its upper end, and after a point target of
    the same upper end: 5.5%左右 before 5%—5.5%).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"GDP growth": ["5%左右", "4.5%—5%", "6%左右"]}, index=pd.Index(["甲省", "乙省", "丙省"], name="place"))
    >>> growth_target_line(t)
    'GDP growth targets, highest first: 丙省 **6%左右**, 甲省 **5%左右**, 乙省 **4.5%—5%** (3 places).'
    """
    import re

    if metric not in table.columns:
        return f"_No place states a {metric} target._"
    cells = [(place, str(figure)) for place, figure in table[metric].items() if isinstance(figure, str) and figure]

    def order(cell: tuple[str, str]) -> tuple:
        # the chart's order (plot_growth_targets): upper end, then lower end, highest first, then the place's name
        numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", cell[1])]
        return (-max(numbers), -min(numbers), cell[0]) if numbers else (float("inf"), float("inf"), cell[0])

    cells.sort(key=order)
    listed = ", ".join(f"{place} **{figure}**" for place, figure in cells)
    return f"{metric} targets, highest first: {listed} ({plural(len(cells), 'place')})."
