"""Targets in context, on the real reports: Guanxian 2022 beside the nation and Shandong, Hailar's targets beside
the next year's outcomes. The facts asserted were read in the texts first (sentences quoted beside them)."""
from __future__ import annotations

import math

import pandas as pd
import numpy as np
import pytest

import guanxian_analysis as ga
from guanxian_analysis import paths

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"


def _shared(*parts):
    path = CORPUS.joinpath(*parts)
    if not path.exists():  # part of the suite: a missing shared/ fails, it does not skip
        pytest.fail(f"shared corpus missing: {path}")
    return path


@pytest.fixture(scope="module")
def nation():
    return ga.load_report(_shared("national", "national_2022.txt"))


@pytest.fixture(scope="module")
def compared(report, nation):
    return ga.compare_targets(report, [nation], context=ga.context_targets()).set_index("metric")


@pytest.fixture(scope="module")
def hailar_corpus():
    return ga.load_reports(_shared("hailar"), progress=False)


@pytest.fixture(scope="module")
def tracking(hailar_corpus):
    return ga.target_tracking(hailar_corpus)


# --------------------------------------------------------------------------- compare_targets
def test_gdp_growth_guanxian_beside_the_nation_and_shandong(compared):
    # 冠县: 生产总值增长6%左右; 国务院: 国内生产总值增长5.5%左右; 山东省 (context): 地区生产总值增长5.5%以上
    gdp = compared.loc["GDP growth"]
    assert (gdp.county_figure, gdp.national_figure, gdp.province_figure) == ("6%左右", "5.5%左右", "5.5%以上")
    assert (gdp.county_value, gdp.national_value, gdp.province_value) == (6.0, 5.5, 5.5)
    assert (gdp.county_qualifier, gdp.national_qualifier, gdp.province_qualifier) == ("左右", "左右", "以上")
    assert gdp.county_unit == gdp.national_unit == gdp.province_unit == "%"
    assert gdp.margin_over_national == pytest.approx(0.5) and gdp.margin_over_province == pytest.approx(0.5)
    assert (gdp.county_place, gdp.national_place, gdp.province_place) == ("冠县", "全国", "山东省")
    assert "国内生产总值增长5.5%左右" in gdp.national_sentence
    assert "生产总值增长6%左右" in gdp.county_sentence
    assert gdp.province_source.startswith("http://5g.rexun.cn/") and gdp.national_source == "national_2022"


def test_levels_are_ordered_from_the_county_up(compared):
    assert compared.attrs["levels"] == ["county", "province", "national"]
    assert [c for c in compared.columns if c.startswith("margin")] == ["margin_over_province", "margin_over_national"]


def test_nation_jobs_and_unemployment_come_from_its_text(compared):
    # 城镇新增就业1100万人以上，城镇调查失业率5.5%以内 (national 2022); Shandong: 110万人以上, 5.5%以内
    jobs, jobless = compared.loc["urban jobs"], compared.loc["unemployment rate"]
    assert (jobs.national_figure, jobs.province_figure, jobs.county_figure) == ("1100万人以上", "110万人以上", "")
    assert math.isnan(jobs.margin_over_national)  # counts of places of different size are not compared
    assert (jobless.national_figure, jobless.province_figure) == ("5.5%以内", "5.5%以内")


def test_one_row_per_metric_at_least_two_levels_share(compared):
    # fixed investment (10%左右) and industry are the county's alone; budget revenue: 6%左右 vs Shandong 5%左右
    assert list(compared.index) == ["GDP growth", "budget revenue", "income growth", "urban jobs",
                                    "unemployment rate", "CPI"]
    revenue = compared.loc["budget revenue"]
    assert (revenue.county_figure, revenue.province_figure, revenue.national_figure) == ("6%左右", "5%左右", "")
    assert revenue.margin_over_province == pytest.approx(1.0) and math.isnan(revenue.margin_over_national)
    # the nation states income growth in words: shown as written, no margin
    income = compared.loc["income growth"]
    assert income.national_figure == "居民收入增长与经济增长基本同步" and math.isnan(income.margin_over_national)
    assert income.margin_over_province == pytest.approx(0.5)  # 7.5%左右 vs 7%左右


def test_reports_of_another_year_are_not_compared(report):
    with pytest.raises(ValueError, match="not 2022"):
        ga.compare_targets(report, [ga.load_report(_shared("national", "national_2021.txt"))])


def test_context_rows_of_other_years_are_left_out(report):
    table = ga.context_targets()
    assert set(table.year) == {2022} and set(table.place) == {"山东省"}  # the file's targets are Shandong's 2022
    wrong_year = table.assign(year=2021)
    assert ga.compare_targets(report, context=wrong_year).empty  # nothing shared with no other level


def test_context_targets_missing_file_says_where(tmp_path):
    with pytest.raises(FileNotFoundError, match="no context table"):
        ga.context_targets(tmp_path / "none.csv")


# --------------------------------------------------------------------------- target_tracking
def test_hailar_2015_gdp_target_beside_the_outcome_of_the_2016_report(tracking):
    row = tracking.query("year == 2015 and metric == 'GDP growth'").iloc[0]
    # 2015 report: 经济社会发展主要预期目标是：地区生产总值增长8%，达到296亿元；
    assert row.target_report_id == "hailar_district_2015" and row.target_figure == "8%"
    assert row.target_sentence.startswith("经济社会发展主要预期目标是：地区生产总值增长8%")
    # 2016 report: 地区生产总值达到 287.9亿元，同比增长8.9%（按可比价计算）；  — not the five-year 年均增长12.1%
    assert row.outcome_report_id == "hailar_district_2016" and row.outcome_value == 8.9
    assert row.outcome_sentence.startswith("地区生产总值达到 287.9亿元，同比增长8.9%")
    assert row.verdict == "met" and row.gap == pytest.approx(0.9)
    assert (row.target_level_figure, row.outcome_level_figure) == ("296亿元", "287.9亿元")


def test_the_2016_to_2018_gap_is_shown_as_missing_never_bridged(tracking):
    assert sorted(tracking.year.unique()) == list(range(2012, 2020))
    y2016 = tracking[tracking.year == 2016]
    assert set(y2016.verdict) == {"no report"} and y2016.outcome_report_id.isna().all()
    assert y2016.query("metric == 'GDP growth'").target_figure.iloc[0] == "7.5%"  # the 2016 target is still shown
    y2017 = tracking[tracking.year == 2017]
    assert set(y2017.verdict) == {"no report"} and y2017.target_report_id.isna().all()
    assert y2017.target_figure.isna().all() and y2017.outcome_value.isna().all()
    # no 2016 outcome is taken from the 2018 report
    assert "hailar_district_2018" not in set(tracking.loc[tracking.year == 2016, "outcome_report_id"].dropna())


def test_misses_and_the_level_revision_are_in_the_table(tracking):
    # 2014 target 地方财政总收入增长16%; 2015 report: 地方财政总收入完成24.9亿元，同比增长0.4%
    revenue = tracking.query("year == 2014 and metric == 'budget revenue'").iloc[0]
    assert (revenue.target_figure, revenue.outcome_figure, revenue.verdict) == ("16%", "0.4%", "missed")
    assert revenue.gap == pytest.approx(-15.6) and revenue.outcome_metric == "地方财政总收入"
    # 2013 GDP: 增长20% targeted, 同比增长10.1% reported (全年地区生产总值完成253.7亿元)
    gdp13 = tracking.query("year == 2013 and metric == 'GDP growth'").iloc[0]
    assert (gdp13.verdict, gdp13.gap) == ("missed", pytest.approx(-9.9))
    # 2018: 6%左右 targeted, 全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%: met, at a level far below 2015's
    gdp18 = tracking.query("year == 2018 and metric == 'GDP growth'").iloc[0]
    assert (gdp18.verdict, gdp18.outcome_level_value) == ("met", 192.3)


def test_urban_and_rural_income_are_tracked_apart(tracking):
    # 2018 report: 城乡居民人均可支配收入分别增长7.5%; 2019: 同比分别增长6.5%、9.4%
    y = tracking.query("year == 2018").set_index("metric")
    assert (y.loc["urban income growth", "verdict"], y.loc["urban income growth", "outcome_figure"]) == ("missed", "6.5%")
    assert (y.loc["rural income growth", "verdict"], y.loc["rural income growth", "outcome_figure"]) == ("met", "9.4%")


def test_every_row_has_a_known_verdict(tracking):
    from guanxian_analysis.comparison import VERDICTS

    assert set(tracking.verdict) <= set(VERDICTS)
    judged = tracking[tracking.verdict.isin(["met", "missed"])]
    assert judged.outcome_sentence.notna().all() and judged.target_sentence.notna().all()


def test_a_ceiling_is_met_by_staying_under_it():
    from guanxian_analysis.comparison import _verdict

    target = {"value": 5.5, "upper": math.nan, "bound": "max"}
    assert _verdict("unemployment rate", target, {"value": 5.6}) == ("missed", pytest.approx(0.1))
    assert _verdict("unemployment rate", target, {"value": 5.0}) == ("met", pytest.approx(-0.5))
    assert _verdict("GDP growth", {"value": 5.0, "upper": 5.5, "bound": "range"}, {"value": 5.2})[0] == "met"


def test_inputs_are_not_modified(hailar_corpus):
    before = [len(r.sentences) for r in hailar_corpus]
    ga.target_tracking(hailar_corpus)
    assert [len(r.sentences) for r in hailar_corpus] == before


# --------------------------------------------------------------------------- charts and sentences
def test_plot_target_comparison_returns_its_axes_with_the_figures_as_written(compared):
    import warnings

    import matplotlib.pyplot as plt

    table = compared.reset_index()
    table.attrs = compared.attrs
    fig, ax = plt.subplots()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert ga.plot_target_comparison(table, ax=ax) is ax
        fig.canvas.draw()
    assert not [w for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    # rates only (jobs in 万人 are left out), the county's row first
    assert [t.get_text() for t in ax.get_yticklabels()] == ["GDP growth", "budget revenue", "income growth",
                                                           "unemployment rate", "CPI"]
    assert [t.get_text() for t in ax.texts][:3] == ["6%左右", "5.5%以上", "5.5%左右"]


def test_plot_target_tracking_marks_met_missed_and_the_missing_year(tracking):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    assert ga.plot_target_tracking(tracking, metric="GDP growth", ax=ax) is ax
    texts = [t.get_text() for t in ax.texts]
    assert "8%" in texts and "8.9%" in texts and "无报告\nno report" in texts
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in range(2012, 2020)]
    with pytest.raises(ValueError, match="target_tracking"):
        ga.plot_target_tracking(tracking.drop(columns="verdict"), ax=ax)


def test_sentences_are_rendered_from_the_tables(compared, tracking):
    from guanxian_analysis import comparison_findings as cf

    table = compared.reset_index()
    table.attrs = compared.attrs
    assert cf.comparison_lines(table).splitlines()[0] == (
        "- **GDP growth**: 冠县 **6%左右**; 山东省 **5.5%以上** (0.5 points higher); 全国 **5.5%左右** (0.5 points higher)")
    summary = cf.tracking_summary(tracking)
    judged = tracking[tracking.verdict.isin(["met", "missed"])]
    assert f"**{len(judged)} targets**" in summary and f"**{(judged.verdict == 'met').sum()} were met**" in summary
    assert "No report for 2017." in summary and "同比增长0.4%" in summary
    revision = cf.level_revision(tracking)
    assert "**287.9亿元** for 2015" in revision and "**192.3亿元** for 2018" in revision and "33% lower" in revision


def test_plot_target_tracking_draws_the_levels_beside_the_growth_figures(tracking):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    assert ga.plot_target_tracking(tracking, metric="GDP growth", value="level", ax=ax) is ax
    texts = [t.get_text() for t in ax.texts]
    assert {"296亿元", "287.9亿元", "192.3亿元"} <= set(texts)
    assert ax.get_ylabel() == "水平 level（亿元）"
    with pytest.raises(ValueError, match="growth"):
        ga.plot_target_tracking(tracking, value="share", ax=ax)


@pytest.mark.parametrize("value", ["growth", "level"])  # notebook 06's 2×2 grid and its level chart
def test_plot_target_tracking_labels_do_not_overlap(tracking, value):
    """The Hailar charts of notebook 06, drawn in the notebooks' theme: no figure label overlaps another or a stalk (it put
    2015's target 10% on 2014's outcome 10.4%, and 2015's 287.9亿元 on 2016's “no next report”)."""
    import matplotlib
    import matplotlib.pyplot as plt

    with matplotlib.rc_context():  # the notebooks' theme (its fonts are larger), kept to this test
        ga.use_theme()
        _check_tracking_labels(tracking, value, plt)


def _check_tracking_labels(tracking, value, plt):
    if value == "level":
        fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
        axes = np.array([ax])
        ga.plot_target_tracking(tracking, metric="GDP growth", value="level", ax=ax)
    else:
        fig, axes = plt.subplots(2, 2, figsize=(12, 8.5), layout="constrained", squeeze=False)
        for ax, metric in zip(axes.flat, ["GDP growth", "budget revenue", "urban income growth", "rural income growth"]):
            ga.plot_target_tracking(tracking, metric=metric, ax=ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in axes.flat:
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts if t.get_text()]
        assert len(boxes) >= 8
        boxes = [(text, box.padded(0)) for text, box in boxes]
        clashes = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:] if ba.overlaps(bb)]
        assert clashes == [], (ax.get_title(), clashes)
        frame = ax.get_window_extent(renderer)
        outside = [text for text, box in boxes if box.y1 > frame.y1 + 2 or box.y0 < frame.y0 - 2
                   or box.x1 > frame.x1 + 2 or box.x0 < frame.x0 - 2]
        assert outside == [], (ax.get_title(), outside)  # 2016's 309亿元 stood over the frame
        stalks = [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_xdata()[0] == line.get_xdata()[1]]
        for text, box in boxes:
            for line in stalks:
                x0, y0 = ax.transData.transform((line.get_xdata()[0], min(line.get_ydata())))
                _, y1 = ax.transData.transform((line.get_xdata()[0], max(line.get_ydata())))
                assert not (box.x0 < x0 < box.x1 and box.y0 < y1 and y0 < box.y1), (ax.get_title(), text)
    plt.close(fig)
