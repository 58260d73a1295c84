"""A report's targets beside other levels' and beside the next report's outcomes (tables only; no prose, no charts).

=====================  ==============================================================
function               returns
=====================  ==============================================================
``compare_targets``    one row per common metric: the report's year-ahead target beside
                       the nation's, the province's … for the same year, and the margins
``target_tracking``    each place's targets of year Y beside the outcome for Y that the
                       report of Y+1 gives, with a verdict; a missing year stays missing
``context_targets``    the context table (``data/context/targets_2022.csv``) as targets
=====================  ==============================================================

Both read targets with :func:`~guanxian_analysis.main_targets` and name metrics with
:func:`~guanxian_analysis.main_target_extraction.common_metric` (the one mapping from a
report's wording to a common metric: 地区生产总值 and 国内生产总值 are both ``GDP growth``).

Examples
--------
>>> import guanxian_analysis as ga
>>> nation = ga.load_report("../shared/corpus/national/national_2022.txt")          # doctest: +SKIP
>>> table = ga.compare_targets(ga.load_report(), [nation], context="data/context/targets_2022.csv")  # doctest: +SKIP
>>> table.set_index("metric").loc["GDP growth", ["county_figure", "national_figure", "province_figure"]]  # doctest: +SKIP
county_figure        6%左右
national_figure    5.5%左右
province_figure    5.5%以上
"""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report

__all__ = ["compare_targets", "target_tracking", "context_targets", "VERDICTS", "LEVEL_ORDER"]

#: levels from the report's own outwards (the order of the columns of compare_targets)
LEVEL_ORDER = ("county", "city", "province", "national")
#: verdicts of target_tracking
VERDICTS = ("met", "missed", "not reported", "no report", "no figure")
#: metrics where a lower outcome keeps the target (a ceiling): 失业率 5.5%以内, 居民消费价格 3%左右
CEILING_METRICS = ("unemployment rate", "CPI")
#: an average over several years (年均增长12.1%) is not the outcome of one year
_AVERAGE = re.compile(r"年均|平均")
_PERCENT = ("%", "％")


# --------------------------------------------------------------------------- one side's targets
def _place_level(report) -> tuple[str | None, str | None]:
    from .corpus import apply_metadata

    values = apply_metadata(report)
    return values["place"], values["level"]


def _report_id(report) -> str:
    from .main_target_extraction import _report_id

    return _report_id(report)


def _targets_by_metric(targets: "pd.DataFrame") -> dict[str, dict]:
    """The first target of each common metric in a main-target table, as a dict."""
    from .main_target_extraction import common_metric

    found: dict[str, dict] = {}
    for row in targets.to_dict("records"):
        metric = common_metric(row["metric"], row["kind"])
        if metric and metric not in found:
            found[metric] = row
    return found


def context_targets(path=None, *, year: int | None = None) -> "pd.DataFrame":
    """The target rows of the context table, shaped like :func:`~guanxian_analysis.main_targets`.

    Parameters
    ----------
    path : str or Path, optional
        Default ``paths.CONTEXT_TARGETS`` (``data/context/targets_2022.csv``).
    year : int, optional
        Keep the targets for this year only.

    Returns
    -------
    DataFrame
        ``place, level, year, metric, kind, value, upper, unit, qualifier, bound, figure, verbal,
        sentence, source``: ``metric`` without its change word (地区生产总值增长 → 地区生产总值, so
        that :func:`~guanxian_analysis.main_target_extraction.common_metric` names it), ``kind`` as
        :func:`~guanxian_analysis.main_targets` gives it, ``figure`` the figure as published
        (``5.5%以上``), ``sentence`` the row as the source words it, ``source`` its page.

    Raises
    ------
    FileNotFoundError
        If the file is missing.

    Examples
    --------
    >>> t = context_targets()
    >>> t.loc[t.metric == "地区生产总值", ["place", "kind", "figure"]].values.tolist()
    [['山东省', 'growth_rate', '5.5%以上']]
    """
    import pandas as pd

    from . import paths
    from .findings import format_value
    from .main_target_extraction import _kind, _split_change
    from .mentions import QUALIFIER_BOUNDS

    path = Path(path) if path is not None else paths.CONTEXT_TARGETS
    if not path.is_file():
        raise FileNotFoundError(f"no context table at {path} (copy ../shared/context/targets_2022.csv there)")
    raw = pd.read_csv(path, dtype={"qualifier": str}, keep_default_na=False, encoding="utf-8-sig")
    raw = raw[raw["status"] == "target"]
    if year is not None:
        raw = raw[raw["year"] == int(year)]
    rows = []
    for r in raw.to_dict("records"):
        words, change, _ = _split_change(r["metric"])
        unit, qualifier = r["unit"], r["qualifier"] or ""
        rows.append({"place": r["place"], "level": r["level"], "year": int(r["year"]), "metric": words,
                     "kind": _kind(unit, change, words), "value": float(r["value"]), "upper": math.nan,
                     "unit": unit, "qualifier": qualifier, "bound": QUALIFIER_BOUNDS.get(qualifier, ""),
                     "figure": format_value(float(r["value"]), unit, qualifier), "verbal": "",
                     "sentence": f"{r['metric']}{format_value(float(r['value']), unit, qualifier)}",
                     "source": f"{r['source_url']} ({r['source_date']})"})
    return pd.DataFrame(rows, columns=["place", "level", "year", "metric", "kind", "value", "upper", "unit",
                                       "qualifier", "bound", "figure", "verbal", "sentence", "source"])


def _midpoint(row: dict) -> float:
    upper = row.get("upper")
    value = row.get("value")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    if upper is not None and not (isinstance(upper, float) and math.isnan(upper)):
        return (value + upper) / 2
    return float(value)


def _is_rate(row: dict | None) -> bool:
    return bool(row) and row.get("unit") in _PERCENT and row.get("kind") in ("growth_rate", "share")


# --------------------------------------------------------------------------- compare_targets
def compare_targets(report: "Report", others=(), *, context=None) -> "pd.DataFrame":
    """The report's year-ahead main targets beside those of higher levels for the same year.

    Parameters
    ----------
    report : Report
        The report in question (Guanxian's); its targets are :func:`~guanxian_analysis.main_targets`.
    others : Report or sequence of Reports
        Reports of other levels (the nation's 2022 report): their targets are extracted from their
        text the same way. A report of another year raises ``ValueError`` (targets of different
        years are not compared).
    context : DataFrame or path, optional
        Published targets with no full text (``data/context/targets_2022.csv``, i.e.
        ``paths.CONTEXT_TARGETS``): a path is read with :func:`context_targets`; rows of other
        years are left out. None: no context.

    Returns
    -------
    DataFrame
        One row per common metric (:data:`~guanxian_analysis.main_target_extraction.COMMON_METRICS`:
        GDP growth, budget revenue, urban jobs, unemployment rate, income growth, CPI …) that at
        least two levels set a figure for, in the order of COMMON_METRICS. Columns: ``metric``, then
        for each level (the report's own first, then ``LEVEL_ORDER`` upwards; e.g. ``county``,
        ``province``, ``national``) ``<level>_place, <level>_figure`` (as written: ``6%左右``),
        ``<level>_value, <level>_upper, <level>_unit, <level>_qualifier, <level>_sentence,
        <level>_source`` (report id or the context row's page), then for each other level
        ``margin_over_<level>``: the report's figure minus that level's (a range counts at its
        midpoint), in percentage points when both are rates in %, else missing (counts and levels
        of places of different size are not compared). For unemployment and prices a negative
        margin is the tighter target. ``attrs["levels"]`` lists the levels, ``attrs["places"]``
        maps level → place.

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> t = ga.compare_targets(ga.load_report(), context=ga.context_targets())
    >>> t[["metric", "county_figure", "province_figure", "margin_over_province"]].values.tolist()[0]
    ['GDP growth', '6%左右', '5.5%以上', 0.5]
    """
    import pandas as pd

    from .main_target_extraction import main_targets
    from .report import Report

    others = [others] if isinstance(others, Report) else list(others or ())
    place, level = _place_level(report)
    level = level or "county"
    year = report.meta.get("year")
    sides: list[tuple[str, str | None, dict[str, dict], str]] = []  # level, place, metric -> row, source
    mine = _targets_by_metric(main_targets(report))
    sides.append((level, place, mine, _report_id(report)))
    for other in others:
        o_place, o_level = _place_level(other)
        if other.meta.get("year") != year:
            raise ValueError(f"{_report_id(other)} is a report of {other.meta.get('year')}, not {year}: "
                             "compare targets of the same year")
        if not o_level:
            raise ValueError(f"the level of {_report_id(other)} is unknown (place {o_place!r})")
        sides.append((o_level, o_place, _targets_by_metric(main_targets(other)), _report_id(other)))
    if context is not None:
        table = context if isinstance(context, pd.DataFrame) else context_targets(context)
        table = table[table["year"] == year]
        for (c_level, c_place), group in table.groupby(["level", "place"], sort=False):
            sides.append((c_level, c_place, _targets_by_metric(group), "context"))
    levels = [s[0] for s in sides]
    if len(set(levels)) != len(levels):
        raise ValueError(f"two sources of the same level: {levels}")
    order = [levels[0]] + [lv for lv in LEVEL_ORDER if lv in levels[1:]] + [
        lv for lv in levels[1:] if lv not in LEVEL_ORDER]
    sides.sort(key=lambda s: order.index(s[0]))
    from .main_target_extraction import COMMON_METRICS

    rows = []
    for metric, _, _ in COMMON_METRICS:
        present = [s for s in sides if metric in s[2] and s[2][metric]["kind"] != "verbal"]
        if len(present) < 2:
            continue
        row: dict = {"metric": metric}
        for lv, pl, found, source in sides:
            t = found.get(metric)
            numeric = t is not None and t["kind"] != "verbal"
            row[f"{lv}_place"] = pl
            row[f"{lv}_figure"] = (t["figure"] if numeric else (t["verbal"] if t else "")) or ""
            row[f"{lv}_value"] = float(t["value"]) if numeric else math.nan
            upper = t.get("upper") if numeric else None
            row[f"{lv}_upper"] = float(upper) if upper is not None and not pd.isna(upper) else math.nan
            row[f"{lv}_unit"] = t["unit"] if numeric else ""
            row[f"{lv}_qualifier"] = (t["qualifier"] or "") if numeric else ""
            row[f"{lv}_sentence"] = (t.get("sentence") or "") if t else ""
            row[f"{lv}_source"] = (t.get("source") or source) if t else ""
        own = sides[0][2].get(metric)
        for lv, _, found, _ in sides[1:]:
            theirs = found.get(metric)
            margin = math.nan
            if _is_rate(own) and _is_rate(theirs):
                margin = round(_midpoint(own) - _midpoint(theirs), 6)
            row[f"margin_over_{lv}"] = margin
        rows.append(row)
    columns = ["metric"] + [f"{lv}_{c}" for lv in order for c in
                            ("place", "figure", "value", "upper", "unit", "qualifier", "sentence", "source")]
    columns += [f"margin_over_{lv}" for lv in order[1:]]
    out = pd.DataFrame(rows, columns=columns)
    out.attrs = {"levels": order, "places": {s[0]: s[1] for s in sides}, "year": year}
    return out


# --------------------------------------------------------------------------- target_tracking
def _outcome_candidates(indicators: "pd.DataFrame", year: int) -> dict[str, list[dict]]:
    """Actual figures for ``year`` in a report's indicators, by common metric, in text order."""
    from .main_target_extraction import common_metric

    rows = indicators[(indicators["status"] == "actual") & (indicators["period"].astype(str) == str(year))]
    found: dict[str, list[dict]] = {}
    for row in rows.sort_values("start", kind="stable").to_dict("records"):
        metric = common_metric(_metric_words(row["metric"]), row["kind"])
        if metric:
            found.setdefault(metric, []).append(row)
    return found


def _metric_words(metric) -> str:
    """An indicator's metric without spaces and trailing framing words (地区生产总值达到 → 地区生产总值),
    stripped by the same rule :func:`~guanxian_analysis.main_targets` applies to targets."""
    from .main_target_extraction import _split_change

    words = re.sub(r"\s+", "", str(metric or ""))
    return _split_change(words)[0] or words


def _one_year_figure(row: dict, sentence: str) -> bool:
    """False when the words before the figure say it is an average over several years (年均增长12.1%)."""
    before = sentence[: max(0, sentence.find(_number_text(row["value"])))] if sentence else ""
    clause = re.split(r"[，；。,;]", before)[-1] if before else ""
    return not _AVERAGE.search(clause)


def _number_text(value) -> str:
    return f"{value:g}"


def _level_beside(table: "pd.DataFrame", metric, sentence_id, year: int | None = None) -> dict | None:
    """The level (亿元, 元 …) a sentence gives for the same metric beside its growth figure
    (地区生产总值达到287.9亿元，同比增长8.9% → 287.9亿元), or None."""
    words = _metric_words(metric)
    rows = table[(table["sentence_id"] == sentence_id) & (table["kind"] == "level")]
    if year is not None and "period" in rows:
        rows = rows[rows["period"].astype(str) == str(year)]
    for row in rows.to_dict("records"):
        if _metric_words(row["metric"]) == words:
            return row
    return None


def _verdict(metric: str, target: dict, outcome: dict) -> tuple[str, float]:
    """("met" or "missed", outcome minus target in the target's unit)."""
    goal = float(target["value"])  # the lower end of a range: meeting its floor is meeting it
    ceiling = metric in CEILING_METRICS or target.get("bound") == "max"
    if ceiling and not pd_isna(target.get("upper")):
        goal = float(target["upper"])
    gap = round(float(outcome["value"]) - goal, 6)
    met = gap <= 0 if ceiling else gap >= 0
    return ("met" if met else "missed"), gap


def pd_isna(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def target_tracking(corpus, *, metrics=None) -> "pd.DataFrame":
    """Each year's main targets beside the outcome the next year's report gives for that year.

    For a place and year Y the targets are :func:`~guanxian_analysis.main_targets` of the report of
    Y. The outcome is read from :func:`~guanxian_analysis.indicators` of the report of **Y+1**: rows
    with ``status == "actual"`` and ``period == Y`` whose metric names the same common metric
    (:func:`~guanxian_analysis.main_target_extraction.common_metric` of metric and kind, so
    地区生产总值 growth matches 地区生产总值 growth and not its level in 亿元; the indicator's metric is
    read without spaces and trailing framing words, 地区生产总值达到 → 地区生产总值, as main_targets
    reads a target's). Of several such rows the
    first in the text that is not an average over several years (年均 / 平均 in its clause) is
    taken, one worded exactly as the target (地方财政总收入 for a 地方财政总收入 target, not
    公共财政预算收入) first; the others are counted in ``outcome_candidates``. Units must agree (both % or both the
    same unit), else the verdict is ``not reported``.

    Parameters
    ----------
    corpus : Corpus or sequence of Reports
        Reports of one or more places (a :class:`~guanxian_analysis.Corpus`, or Reports whose
        place and year are read from their text as :func:`~guanxian_analysis.load_reports` does).
    metrics : sequence of str, optional
        Common metrics to track (default: every one that some target of the place names, e.g.
        ``["GDP growth", "budget revenue", "urban income growth"]``).

    Returns
    -------
    DataFrame
        One row per place, year (from the place's first to its last report, every year) and metric:
        ``place, year, metric, target_report_id, target_metric, target_figure, target_value,
        target_upper, target_unit, target_qualifier, target_sentence, outcome_report_id,
        outcome_metric, outcome_figure, outcome_value, outcome_unit, outcome_sentence,
        outcome_candidates, verdict, gap, note``, and for tracing: ``target_sentence_id``,
        ``outcome_sentence_id``, and the level each sentence gives beside the growth figure
        (``target_level_figure``/``_value``: 达到296亿元; ``outcome_level_figure``/``_value``:
        287.9亿元), so that a level revised between reports shows.

        ``verdict``: ``met``; ``missed`` (``gap`` says by how much: outcome minus target, in
        percentage points for rates; for unemployment and prices, whose targets are ceilings, a
        positive gap is a miss); ``not reported`` (the next report exists but gives no figure for the
        metric and year); ``no report`` (the report of Y or of Y+1 is not in the corpus: never
        bridged from another year); ``no figure`` (the target has no number). A growth target
        with 左右 counts as met only when the outcome reaches its figure; a range when the outcome
        reaches its lower end (ceilings: stays under the upper end).

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> corpus = ga.load_reports("../shared/corpus/hailar", progress=False)          # doctest: +SKIP
    >>> t = ga.target_tracking(corpus)                                                # doctest: +SKIP
    >>> t.query("year == 2015 and metric == 'GDP growth'")[["target_figure", "outcome_figure", "verdict", "gap"]]  # doctest: +SKIP
      target_figure outcome_figure verdict  gap
    0            8%           8.9%     met  0.9
    """
    import pandas as pd

    from .findings import format_value
    from .indicator_extraction import indicators as indicators_of
    from .main_target_extraction import COMMON_METRICS, main_targets

    reports = list(getattr(corpus, "reports", corpus))
    meta = getattr(corpus, "meta", None)
    keyed = []
    for i, report in enumerate(reports):
        if meta is not None:
            place, year, rid = meta.iloc[i]["place"], meta.iloc[i]["year"], meta.iloc[i]["report_id"]
        else:
            place, _ = _place_level(report)
            year, rid = report.meta.get("year"), _report_id(report)
        keyed.append((place, int(year), rid, report))
    rows = []
    order = [m for m, _, _ in COMMON_METRICS]
    for place in dict.fromkeys(k[0] for k in keyed):
        by_year = {y: (rid, r) for p, y, rid, r in keyed if p == place}
        target_tables = {y: main_targets(r) for y, (_, r) in by_year.items()}
        targets = {y: _targets_by_metric(t) for y, t in target_tables.items()}
        tracked = list(metrics) if metrics is not None else [
            m for m in order if any(m in t for t in targets.values())]
        outcome_cache: dict[int, pd.DataFrame] = {}
        for year in range(min(by_year), max(by_year) + 1):
            for metric in tracked:
                row = {"place": place, "year": year, "metric": metric, "target_report_id": None,
                       "target_metric": None, "target_figure": None, "target_value": math.nan,
                       "target_upper": math.nan, "target_unit": None, "target_qualifier": None,
                       "target_sentence": None, "target_sentence_id": None, "target_level_figure": None,
                       "target_level_value": math.nan, "outcome_report_id": None, "outcome_metric": None,
                       "outcome_figure": None, "outcome_value": math.nan, "outcome_unit": None,
                       "outcome_sentence": None, "outcome_sentence_id": None, "outcome_level_figure": None,
                       "outcome_level_value": math.nan, "outcome_candidates": 0, "verdict": None, "gap": math.nan,
                       "note": ""}
                rows.append(row)
                if year not in by_year:
                    row["verdict"], row["note"] = "no report", f"no {year} report in the corpus: no targets for {year}"
                    continue
                row["target_report_id"] = by_year[year][0]
                target = targets[year].get(metric)
                if target is None:
                    row["verdict"], row["note"] = "no figure", f"the {year} report sets no {metric} target"
                    continue
                row.update(target_metric=target["metric"], target_sentence=target["sentence"],
                           target_sentence_id=target["sentence_id"])
                level = _level_beside(target_tables[year], target["metric"], target["sentence_id"])
                if level is not None:
                    row.update(target_level_figure=level["figure"], target_level_value=float(level["value"]))
                if target["kind"] == "verbal":
                    row.update(target_figure=target["verbal"], verdict="no figure",
                               note="the target is stated without a number")
                    continue
                row.update(target_figure=target["figure"], target_value=float(target["value"]),
                           target_upper=target["upper"], target_unit=target["unit"],
                           target_qualifier=target["qualifier"])
                if year + 1 not in by_year:
                    row["verdict"] = "no report"
                    row["note"] = f"no {year + 1} report in the corpus: the {year} outcome is not known here"
                    continue
                next_id, next_report = by_year[year + 1]
                row["outcome_report_id"] = next_id
                if year + 1 not in outcome_cache:
                    outcome_cache[year + 1] = indicators_of(next_report)
                candidates = _outcome_candidates(outcome_cache[year + 1], year).get(metric, [])
                usable = [c for c in candidates if c["unit"] == target["unit"]
                          or (c["unit"] in _PERCENT and target["unit"] in _PERCENT)]
                one_year = [c for c in usable if _one_year_figure(c, c["sentence"])]
                row["outcome_candidates"] = len(candidates)
                if not one_year:
                    row["verdict"] = "not reported"
                    row["note"] = (f"the {year + 1} report gives no one-year {year} figure for {metric}"
                                   + (f" ({len(candidates)} average or other-unit figure(s) left out)"
                                      if candidates else ""))
                    continue
                same_words = [c for c in one_year if _metric_words(c["metric"]) == target["metric"]]
                outcome = (same_words or one_year)[0]
                verdict, gap = _verdict(metric, target, outcome)
                row.update(outcome_metric=_metric_words(outcome["metric"]),
                           outcome_figure=format_value(float(outcome["value"]), outcome["unit"], outcome["qualifier"]
                                                       if isinstance(outcome["qualifier"], str) else None),
                           outcome_value=float(outcome["value"]), outcome_unit=outcome["unit"],
                           outcome_sentence=outcome["sentence"], outcome_sentence_id=outcome["sentence_id"],
                           verdict=verdict, gap=gap)
                level = _level_beside(outcome_cache[year + 1], outcome["metric"], outcome["sentence_id"], year)
                if level is not None:
                    row.update(outcome_level_figure=format_value(float(level["value"]), level["unit"]),
                               outcome_level_value=float(level["value"]))
    columns = ["place", "year", "metric", "target_report_id", "target_metric", "target_figure", "target_value",
               "target_upper", "target_unit", "target_qualifier", "target_sentence", "target_sentence_id",
               "target_level_figure", "target_level_value", "outcome_report_id", "outcome_metric", "outcome_figure",
               "outcome_value", "outcome_unit", "outcome_sentence", "outcome_sentence_id", "outcome_level_figure",
               "outcome_level_value", "outcome_candidates", "verdict", "gap", "note"]
    table = pd.DataFrame(rows, columns=columns)
    table["year"] = table["year"].astype(int)
    table["target_upper"] = table["target_upper"].astype(float)
    return table
