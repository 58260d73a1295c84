"""The fiscal picture on the real reports: stated figures traced to their sentences, derived ones marked."""
from __future__ import annotations

import doctest

import pytest

import guanxian_analysis as ga
from guanxian_analysis import fiscal
from guanxian_analysis.fiscal import FISCAL_COLUMNS

NATIONAL_2022 = ga.paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt"


@pytest.fixture(scope="module")
def table(report):
    return ga.fiscal_picture(report)


def test_every_stated_fiscal_figure_of_2021(report, table):
    stated = table[~table.derived & (table.period == "2021")]
    assert stated[["item", "value", "unit", "sentence_id"]].values.tolist() == [
        ["budget_revenue", 12.6, "亿元", "s0037"],          # 一般公共预算收入12.6亿元、增长7%，税收占比75.1%
        ["budget_revenue_growth", 7.0, "%", "s0037"],
        ["tax_share", 75.1, "%", "s0037"],
        ["higher_level_funds", 27.2, "亿元", "s0052"],      # 向上争取无偿资金27.2亿元
        ["special_bonds", 24.6, "亿元", "s0052"],           # 新增政府专项债券额度24.6亿元、位居全市第2位
        ["special_bonds_rank", 2.0, "位", "s0052"],
        ["livelihood_spending", 35.3, "亿元", "s0111"],     # 完成民生支出35.3亿元，占一般公共预算支出的81.3%
        ["livelihood_share", 81.3, "%", "s0111"],
    ]
    for row in stated.itertuples():
        assert report.text[row.start:row.end] == f"{row.value:g}"
        assert row.sentence == report.sentences.set_index("sentence_id").loc[row.sentence_id, "text"]
        assert row.indicator_id and not row.formula
    # the five-year review and the year-ahead target are there too
    assert table[~table.derived & (table.period == "2017-2021")].item.tolist() == [
        "budget_revenue_growth", "livelihood_spending"]
    target = table[~table.derived & (table.status == "target")].squeeze()
    assert (target["item"], target.value, target.qualifier, target.period) == ("budget_revenue_growth", 6.0, "左右", "2022")


def test_derived_figures_with_their_formulas(table):
    derived = table[table.derived].set_index("item")
    spending = derived.loc["budget_spending"]
    assert (spending.value, spending.unit, spending.qualifier) == (43.4, "亿元", "约")
    assert spending.formula == "35.3亿元 ÷ 81.3% = 43.4亿元"
    assert spending.inputs == "i0118; i0119"
    coverage = derived.loc["revenue_coverage"]
    assert (coverage.value, coverage.unit, coverage.formula) == (29.0, "%", "12.6亿元 ÷ 43.4亿元 = 29.0%")
    assert coverage.inputs == "i0035; i0118; i0119"
    assert derived.loc["tax_revenue"].formula == "12.6亿元 × 75.1% = 9.5亿元"
    assert derived.loc["higher_level_funds_ratio"].formula == "27.2亿元 ÷ 12.6亿元 = 2.2倍"
    target = derived.loc["budget_revenue_target"]
    assert (target.value, target.period, target.status) == (13.4, "2022", "target")
    assert target.formula == "12.6亿元 × (1 + 6%左右) = 13.4亿元"


def test_derived_rows_never_pass_for_stated(table):
    assert table.columns.tolist() == FISCAL_COLUMNS
    derived = table[table.derived]
    assert (derived.indicator_id == "").all() and (derived.sentence == "").all()
    assert (derived.formula != "").all() and (derived.explanation != "").all() and (derived.qualifier == "约").all()
    stated = table[~table.derived]
    assert (stated.formula == "").all() and (stated.indicator_id != "").all()
    # nothing in the report states general budget spending, so the only spending row is derived
    assert table[table.item == "budget_spending"].derived.tolist() == [True]


def test_one_sentence_per_derived_row(table):
    sentences = ga.explain_derived(table)
    assert len(sentences) == int(table.derived.sum()) == 5
    assert sentences[0] == ("Livelihood spending of 35.3亿元 was 81.3% of general budget spending, so that "
                            "spending was about 43.4亿元; the report does not state it.")
    assert sentences[1].startswith("Own general budget revenue of 12.6亿元 covers about 29% of the 43.4亿元")
    assert all(s.endswith(".") and s.count(". ") == 0 for s in sentences)


def test_hailar_2019_debt_resolved_is_not_debt_outstanding(hailar):
    table = ga.fiscal_picture(hailar)
    assert table[["item", "metric", "value", "period", "status"]].values.tolist() == [
        ["debt_resolved", "化解政府债务", 12.43, "2018", "actual"],    # 全年累计化解政府债务12.43亿元
        ["debt_resolved", "政府隐性债务化解", 7.89, "2019", "target"],  # 完成2019年度7.89亿元政府隐性债务化解目标
    ]
    assert not table.derived.any()


def test_national_2022_deficit_ratio():
    if not NATIONAL_2022.exists():
        pytest.fail(f"the national report is missing: {NATIONAL_2022}")
    table = ga.fiscal_picture(ga.load_report(NATIONAL_2022))
    deficit = table[table.item == "deficit"].squeeze()  # 今年赤字率拟按2.8%左右安排
    assert (deficit.value, deficit.unit, deficit.qualifier, deficit.period) == (2.8, "%", "左右", "2022")
    assert not table.derived.any()


def test_docstring_examples():
    result = doctest.testmod(fiscal, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
