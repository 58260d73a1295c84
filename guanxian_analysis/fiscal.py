"""The fiscal picture: every fiscal figure a report states, and the figures that follow from them (tables; no charts, no prose).

Stated rows come from :func:`~guanxian_analysis.indicators` (so each keeps its sentence and
offsets) when the indicator's metric names a fiscal item in :data:`FISCAL_ITEMS`. Derived rows
(``derived=True``) are computed from stated rows of the same period and carry their formula and
inputs; they are never presented as stated. A derived row appears only when all its inputs are
stated in the report, so on another report the table holds what that report gives and nothing
invented.

Examples
--------
>>> import guanxian_analysis as ga
>>> table = ga.fiscal_picture(ga.load_report())
>>> table[table.derived][["item", "value", "unit", "formula"]].head(2).values.tolist()
[['budget_spending', 43.4, '亿元', '35.3亿元 ÷ 81.3% = 43.4亿元'], ['revenue_coverage', 29.0, '%', '12.6亿元 ÷ 43.4亿元 = 29.0%']]
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["fiscal_picture", "explain_derived", "fiscal_amounts", "FISCAL_ITEMS", "FISCAL_COLUMNS"]

#: item -> (label, metric pattern, kinds): which indicators are fiscal figures (the order is the table's)
FISCAL_ITEMS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "budget_revenue": ("general public budget revenue", r"一般公共预算收入|地方一般公共预算收入|财政收入|地方级收入",
                       ("level",)),
    "budget_revenue_growth": ("growth of general public budget revenue",
                              r"一般公共预算收入|地方一般公共预算收入|财政收入|地方级收入", ("growth_rate",)),
    "tax_share": ("tax share of budget revenue", r"税收占比|税收收入占|税收比重", ("share",)),
    "tax_revenue": ("tax revenue", r"^税收收入$|^税收$", ("level",)),
    "budget_spending": ("general public budget spending", r"^一般公共预算支出$|^财政支出$", ("level",)),
    "livelihood_spending": ("livelihood spending", r"^民生支出$|民生领域支出|^民生类支出$", ("level",)),
    "livelihood_share": ("livelihood share of budget spending", r"民生支出占", ("share",)),
    "higher_level_funds": ("funds won from higher levels",
                           r"向上争取.*资金|争取上级.*资金|上级转移支付|转移支付|争取.*无偿资金", ("level",)),
    "special_bonds": ("special-purpose bonds", r"专项债", ("level",)),
    "special_bonds_rank": ("rank of special-purpose bonds", r"专项债", ("rank",)),
    "general_bonds": ("general bonds", r"一般债", ("level",)),
    "deficit": ("deficit ratio", r"赤字", ("share", "level")),
    # 化解政府债务12.43亿元 is debt resolved (repaid or restructured) in the year, not the debt outstanding
    "debt_resolved": ("government debt resolved (化解)", r"化解.*债务|债务.*化解", ("level",)),
    "debt": ("government debt", r"债务", ("level", "share", "ratio")),
}

FISCAL_COLUMNS = [
    "item", "label", "metric", "value", "unit", "qualifier", "kind", "period", "status", "derived",
    "formula", "inputs", "explanation", "indicator_id", "sentence_id", "sentence", "start", "end",
]

_YI = 1e8  # 亿 in the base unit 元


def _stated(report) -> pd.DataFrame:
    from .indicator_extraction import indicators

    table = indicators(report)
    text = report.text
    # what names the figure: its metric, and the words before it in its clause when the metric
    # names no fiscal item (今年赤字率拟按2.8%左右安排: metric 安排, clause 今年赤字率拟按)
    lead = [re.split(r"[，；。：！？]", text[max(0, start - 40):start])[-1] for start in table.start]
    names = table.metric.fillna("").astype(str)
    any_item = "|".join(pattern for _, pattern, _ in FISCAL_ITEMS.values())
    names = names.where(names.str.contains(any_item, regex=True), pd.Series(lead, index=table.index))
    rows = []
    for item, (label, pattern, kinds) in FISCAL_ITEMS.items():
        hits = table[names.str.contains(pattern, regex=True) & table.kind.isin(kinds)]
        for ind in hits.itertuples(index=False):
            rows.append({
                "item": item, "label": label, "metric": ind.metric, "value": ind.value, "unit": ind.unit,
                "qualifier": "" if pd.isna(ind.qualifier) else ind.qualifier, "kind": ind.kind,
                "period": ind.period, "status": ind.status, "derived": False, "formula": "", "inputs": "",
                "explanation": "", "indicator_id": ind.indicator_id, "sentence_id": ind.sentence_id,
                "sentence": ind.sentence, "start": ind.start, "end": ind.end, "_base": ind.value_base,
                "_base_unit": ind.base_unit,
            })
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    # an indicator is one fiscal item: the first that claims it (FISCAL_ITEMS order)
    return out.drop_duplicates("indicator_id", keep="first").sort_values("start", kind="stable")


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def _as_written(row) -> str:
    return f"{_fmt(row['value'])}{row['unit']}{row['qualifier'] if row['qualifier'] in ('左右', '以上') else ''}"


def _derived_row(item: str, label: str, value: float, unit: str, period: str, formula: str,
                 inputs: list[dict], explanation: str) -> dict:
    return {
        "item": item, "label": label, "metric": "", "value": round(value, 1), "unit": unit, "qualifier": "约",
        "kind": "ratio" if unit == "倍" else ("share" if unit == "%" else "level"), "period": period,
        "status": inputs[0]["status"], "derived": True, "formula": formula,
        "inputs": "; ".join(i["indicator_id"] for i in inputs), "explanation": explanation, "indicator_id": "",
        "sentence_id": "; ".join(dict.fromkeys(i["sentence_id"] for i in inputs)), "sentence": "",
        "start": min(i["start"] for i in inputs), "end": max(i["end"] for i in inputs),
    }


def _first(stated: pd.DataFrame, item: str, period: str, status: str | None = None) -> dict | None:
    rows = stated[(stated.item == item) & (stated.period == period)]
    if status is not None:
        rows = rows[rows.status == status]
    return rows.iloc[0].to_dict() if len(rows) else None


def _in_yi(row: dict) -> float | None:
    """A money amount in 亿元 (None when the unit is not money in 元)."""
    return row["_base"] / _YI if row.get("_base_unit") == "元" and pd.notna(row.get("_base")) else None


def _derive(stated: pd.DataFrame) -> list[dict]:
    derived: list[dict] = []
    for period in dict.fromkeys(stated.period):
        livelihood = _first(stated, "livelihood_spending", period)
        share = _first(stated, "livelihood_share", period)
        spending = _first(stated, "budget_spending", period)
        spending_yi = _in_yi(spending) if spending else None
        spending_inputs = [spending] if spending else []
        if spending is None and livelihood and share and _in_yi(livelihood) and share["value"]:
            spending_yi = _in_yi(livelihood) / (share["value"] / 100)
            derived.append(_derived_row(
                "budget_spending", "general public budget spending (implied)", spending_yi, "亿元", period,
                f"{_as_written(livelihood)} ÷ {_as_written(share)} = {_fmt(round(spending_yi, 1))}亿元",
                [livelihood, share],
                f"Livelihood spending of {_as_written(livelihood)} was {_as_written(share)} of general budget "
                f"spending, so that spending was about {_fmt(round(spending_yi, 1))}亿元; the report does not "
                f"state it."))
            spending_inputs = [livelihood, share]
        revenue = _first(stated, "budget_revenue", period, "actual") or _first(stated, "budget_revenue", period)
        revenue_yi = _in_yi(revenue) if revenue else None
        if revenue_yi and spending_yi:
            coverage = revenue_yi / spending_yi * 100
            derived.append(_derived_row(
                "revenue_coverage", "share of budget spending covered by own revenue", coverage, "%", period,
                f"{_as_written(revenue)} ÷ {_fmt(round(spending_yi, 1))}亿元 = {coverage:.1f}%",
                [revenue, *spending_inputs],
                f"Own general budget revenue of {_as_written(revenue)} covers about {coverage:.0f}% of the "
                f"{_fmt(round(spending_yi, 1))}亿元 of general budget spending; the other {100 - coverage:.0f}% is "
                f"financed from other sources."))
        tax = _first(stated, "tax_share", period)
        if revenue_yi and tax and _first(stated, "tax_revenue", period) is None:
            tax_yi = revenue_yi * tax["value"] / 100
            derived.append(_derived_row(
                "tax_revenue", "tax revenue (implied)", tax_yi, "亿元", period,
                f"{_as_written(revenue)} × {_as_written(tax)} = {_fmt(round(tax_yi, 1))}亿元", [revenue, tax],
                f"Taxes make up {_as_written(tax)} of the {_as_written(revenue)} of budget revenue, so tax revenue "
                f"was about {_fmt(round(tax_yi, 1))}亿元."))
        funds = _first(stated, "higher_level_funds", period)
        if revenue_yi and funds and _in_yi(funds):
            ratio = _in_yi(funds) / revenue_yi
            derived.append(_derived_row(
                "higher_level_funds_ratio", "funds won from higher levels per yuan of own revenue", ratio, "倍",
                period, f"{_as_written(funds)} ÷ {_as_written(revenue)} = {ratio:.1f}倍", [funds, revenue],
                f"Funds won from higher levels ({_as_written(funds)}) were about {ratio:.1f} times "
                f"own budget revenue ({_as_written(revenue)})."))
    # next year's revenue implied by last year's actual and the year-ahead growth target
    for target in stated[(stated.item == "budget_revenue_growth") & (stated.status == "target")].to_dict("records"):
        if not re.fullmatch(r"\d{4}", str(target["period"])):
            continue
        last = _first(stated, "budget_revenue", str(int(target["period"]) - 1), "actual")
        if last and _in_yi(last):
            implied = _in_yi(last) * (1 + target["value"] / 100)
            derived.append(_derived_row(
                "budget_revenue_target", "general public budget revenue target (implied)", implied, "亿元",
                target["period"],
                f"{_as_written(last)} × (1 + {_as_written(target)}) = {_fmt(round(implied, 1))}亿元",
                [target, last],
                f"Growth of {_as_written(target)} on last year's {_as_written(last)} puts {target['period']} budget "
                f"revenue at about {_fmt(round(implied, 1))}亿元; the report gives only the growth rate."))
    return derived


def fiscal_picture(report) -> pd.DataFrame:
    """Every fiscal figure the report states, then the figures derived from them.

    Parameters
    ----------
    report : Report
        A loaded report (``ga.load_report(path)``); there is no default report.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FISCAL_COLUMNS`. Stated rows (``derived=False``) keep the indicator's id,
        value, unit, qualifier, period, status, sentence and offsets. Derived rows
        (``derived=True``, ``qualifier='约'``) give the ``formula`` with the stated figures it
        uses, their ids in ``inputs``, the span of those figures in ``start``/``end`` and a
        one-sentence ``explanation``; ``indicator_id`` and ``sentence`` are empty.
        Derived items: ``budget_spending`` (livelihood spending ÷ its share, when spending is
        not stated), ``revenue_coverage`` (revenue ÷ spending), ``tax_revenue`` (revenue × tax
        share), ``higher_level_funds_ratio`` (funds won ÷ revenue), ``budget_revenue_target``
        (last year's revenue × (1 + the growth target)).

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> table = ga.fiscal_picture(ga.load_report())
    >>> table[~table.derived].item.tolist()[:3]
    ['budget_revenue_growth', 'livelihood_spending', 'budget_revenue']
    """
    stated = _stated(report)
    if stated.empty:
        return pd.DataFrame(columns=FISCAL_COLUMNS)
    derived = pd.DataFrame(_derive(stated), columns=FISCAL_COLUMNS)
    out = pd.concat([stated[FISCAL_COLUMNS], derived], ignore_index=True) if len(derived) else \
        stated[FISCAL_COLUMNS].reset_index(drop=True)
    out["derived"] = out["derived"].astype(bool)
    return out


def explain_derived(table: pd.DataFrame) -> list[str]:
    """One sentence per derived row of a :func:`fiscal_picture` table, saying how it follows.

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> print(ga.explain_derived(ga.fiscal_picture(ga.load_report()))[0])
    Livelihood spending of 35.3亿元 was 81.3% of general budget spending, so that spending was about 43.4亿元; the report does not state it.
    """
    return table.loc[table["derived"].astype(bool), "explanation"].tolist()


#: money units and their size in 亿元
MONEY_UNITS_IN_YI = {"亿元": 1.0, "万亿元": 1e4, "万元": 1e-4, "元": 1e-8}


def fiscal_amounts(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a :func:`fiscal_picture` table that are amounts of money for one year, with ``yi`` (亿元).

    Shares, growth rates, ranks and totals over several years (``2017-2021``) are left out, so the
    amounts compare like with like; derived rows stay, still marked ``derived``.

    Examples
    --------
    >>> t = pd.DataFrame({"value": [12.6, 75.1, 159.9, 5000.0], "unit": ["亿元", "%", "亿元", "万元"],
    ...                   "period": ["2021", "2021", "2017-2021", "2021"], "derived": [False] * 4})
    >>> fiscal_amounts(t)[["value", "yi"]].values.tolist()
    [[12.6, 12.6], [5000.0, 0.5]]
    """
    one_year = table["period"].fillna("").astype(str).str.fullmatch(r"\d{4}")
    rows = table[table["unit"].isin(list(MONEY_UNITS_IN_YI)) & one_year]
    return rows.assign(yi=[v * MONEY_UNITS_IN_YI[u] for v, u in zip(rows["value"], rows["unit"])]).reset_index(drop=True)
