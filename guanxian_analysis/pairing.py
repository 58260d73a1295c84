"""The scoreboard: last year's outcomes beside the year-ahead targets of the same metric and measure.

Takes an indicator table (data first) and returns a DataFrame; how two metric names are judged the same
thing (:func:`_metric_key`) lives here and nowhere else.
"""
from __future__ import annotations

import re

import pandas as pd

from .figures import figure_of_row
from .indicator_schema import SCOREBOARD_COLUMNS

__all__ = ["scoreboard"]


def scoreboard(data) -> pd.DataFrame:
    """Outcomes set against targets for the same metric and the same measure.

    ``data`` is an indicator table (:func:`indicators`) or a report (its
    indicators are extracted first): data first, nothing loaded by default.

    Last year's outcomes (period ``Y-1``) meet the year-ahead targets (``Y``);
    the five-year review (``Y-5 … Y-1``) meets the five-year plan (``Y … Y+4``).
    A pair needs the same thing counted (:func:`_metric_key`: 全社会/全县 and
    新增/培育/列入 dropped, 省重点 read as 省级重点项目, the level 国家级/省级/市级
    kept, an unstated level read as the report's own 县级/区级), the same kind
    and base unit, and the same ``measure`` (a new start is not a completed or
    built count, a stock or an unqualified figure is not a flow, an annual
    average not a single year). ``change`` is target minus outcome, in the
    target's unit, when the base units agree; ``outcome_id``/``target_id`` are the
    indicator ids.

    Examples
    --------
    >>> from guanxian_analysis import indicators, load_report
    >>> board = scoreboard(indicators(load_report()))
    >>> board.loc[board.metric.eq("生产总值"), ["outcome_value", "target_value", "change"]]
       outcome_value  target_value  change
    0            8.0           6.0    -2.0
    """
    if not isinstance(data, pd.DataFrame):
        from .indicator_extraction import indicators

        data = indicators(data)
    table = data
    if "measure" not in table.columns:
        table = table.assign(measure=None)
    pairs = []
    for outcome_period, target_period in _period_pairs(table):
        outcomes = table[(table.period == outcome_period) & (table.status != "target")]
        targets = table[(table.period == target_period) & (table.status == "target")]
        first_outcome = {_pair_key(r): r for r in reversed(list(outcomes.itertuples()))}
        seen = set()
        for t in targets.itertuples():
            key = _pair_key(t)
            if key in seen or key not in first_outcome:
                continue
            seen.add(key)
            pairs.append(_scoreboard_row(first_outcome[key], t))
    return pd.DataFrame(pairs, columns=SCOREBOARD_COLUMNS)


#: abbreviations and second names of one thing, read as the full name when pairing
_METRIC_SYNONYMS = (("生命安全防护", "安防"), ("安全防护", "安防"))
#: things whose recognition has one level whether the text says it or not (高新技术企业 is national)
_IMPLIED_LEVELS = {"高新技术企业": "国家"}
#: levels a county or district report means when it states none
_OWN_LEVELS = {"县", "区", None}
_LEVEL_RE = re.compile(r"^(?P<level>国家|省|市|县|区)(?:级(?:以上)?|(?=重点))")


def _metric_key(metric: str) -> tuple[str, str | None]:
    """What a metric counts, for matching outcomes with targets: (thing, level).

    Framing (全社会/全县) and flow words (新增, 新培育, 列入) go; the level stays apart so
    省级重点项目 meets 省重点 but not 重点项目 or 市级重点项目; word order does not count
    (绿化亮化道路 meets 道路绿化亮化).

    Examples
    --------
    >>> _metric_key("城镇新增就业") == _metric_key("新增城镇就业")
    True
    >>> _metric_key("全社会固定资产投资") == _metric_key("固定资产投资")
    True
    >>> _metric_key("项目列入省重点") == _metric_key("列入省级重点项目")
    True
    >>> _metric_key("市级重点项目") == _metric_key("重点项目")
    False
    """
    core = re.sub(r"^(?:全社会|全县|全区|全市)|新增|新培育|^培育|^获评|^项目列入|^列入", "", metric or "")
    for other, name in _METRIC_SYNONYMS:
        core = core.replace(other, name)
    level = None
    found = _LEVEL_RE.match(core)
    if found:
        level, core = found.group("level"), core[found.end():]
    if core == "重点":
        core = "重点项目"
    level = _IMPLIED_LEVELS.get(core, level)
    if level in _OWN_LEVELS:
        level = None
    return "".join(sorted(core)), level


def _pair_key(row) -> tuple:
    """Everything an outcome and a target must share to be set side by side."""
    measure = row.measure if isinstance(row.measure, str) else None
    return _metric_key(row.metric), row.kind, row.base_unit, measure


def _period_pairs(table: pd.DataFrame) -> list[tuple[str, str]]:
    """(outcome period, target period) pairs present in the table: Y-1 -> Y, Y-5…Y-1 -> Y…Y+4."""
    pairs = []
    for target_period in sorted(set(table.loc[table.status == "target", "period"].dropna())):
        if "-" in target_period:
            first = int(target_period.split("-")[0])
            pairs.append((f"{first - 5}-{first - 1}", target_period))
        else:
            pairs.append((str(int(target_period) - 1), target_period))
    pairs.sort(key=lambda p: ("-" in p[1], p[1]))
    return pairs


def _scoreboard_row(outcome, target) -> dict:
    change = None
    if outcome.base_unit == target.base_unit:
        scale = target.value_base / target.value if target.value else 1.0
        change = round((target.value_base - outcome.value_base) / scale, 10)
    return {
        "metric": target.metric if len(target.metric) <= len(outcome.metric) else outcome.metric,
        "theme": target.theme,
        "kind": target.kind,
        "measure": target.measure if isinstance(target.measure, str) else None,
        "outcome_period": outcome.period,
        "outcome_value": outcome.value,
        "outcome_unit": outcome.unit,
        "outcome_qualifier": outcome.qualifier,
        "outcome_status": outcome.status,
        "target_period": target.period,
        "target_value": target.value,
        "target_unit": target.unit,
        "target_qualifier": target.qualifier,
        "target_bound": target.bound,
        "change": change,
        "outcome_sentence_id": outcome.sentence_id,
        "target_sentence_id": target.sentence_id,
        "outcome_id": outcome.indicator_id,
        "target_id": target.indicator_id,
        "outcome_figure": figure_of_row(outcome),
        "target_figure": figure_of_row(target),
    }
