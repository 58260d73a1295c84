"""The year's main expected targets (主要预期目标): exact facts on the real reports and the fixture."""
from __future__ import annotations

import csv
import doctest
import importlib
import math
import warnings
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

import guanxian_analysis as ga
from guanxian_analysis import paths
from guanxian_analysis.main_target_extraction import COLUMNS, find_passage, targets_from_text
from guanxian_analysis.report import parse_report
from guanxian_analysis.style import font_family

matplotlib.use("Agg")

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"
FIXTURE = Path(__file__).parent / "fixtures" / "main_targets_annotated.csv"
FIELDS = ("metric", "value", "upper", "unit", "qualifier", "bound", "direction", "kind")


def corpus_path(report_id: str) -> Path:
    if report_id == "guanxian_2022":
        return paths.RAW_REPORT
    found = sorted(CORPUS.glob(f"*/{report_id}.txt"))
    assert found, f"{report_id} not in {CORPUS} (a missing shared/ must fail, not skip)"
    return found[0]


_LOADED: dict[str, object] = {}


def load(report_id: str):
    """A corpus report, parsed once per session outside ``load_report``'s small cache, so that
    loading 28 reports here never evicts the Guanxian report the other test files share."""
    if report_id == "guanxian_2022":
        return ga.load_report()
    if report_id not in _LOADED:
        path = corpus_path(report_id)
        _LOADED[report_id] = parse_report(path.read_bytes(), source_path=str(path))
    return _LOADED[report_id]


def targets(report_id: str) -> pd.DataFrame:
    return ga.main_targets(load(report_id))


def row(table: pd.DataFrame, metric: str, kind: str | None = None) -> dict:
    hits = table[(table.metric == metric) & ((table.kind == kind) if kind else True)]
    assert len(hits) == 1, f"{metric}: {len(hits)} rows"
    return hits.iloc[0].to_dict()


def facts(r: dict) -> tuple:
    upper = None if pd.isna(r["upper"]) else r["upper"]
    return r["kind"], r["value"], upper, r["unit"], r["qualifier"], r["bound"]


def _annotated() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    with FIXTURE.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["report"], []).append(r)
    return out


ANNOTATED = _annotated()


# ----------------------------------------------------------------------------- Guanxian 2022
def test_guanxian_2022_main_targets():
    report = ga.load_report()
    t = ga.main_targets(report)
    assert list(t.columns) == COLUMNS
    assert t.metric.tolist() == ["生产总值", "一般公共预算收入", "全社会固定资产投资", "规模以上工业增加值",
                                 "居民人均可支配收入", "全面完成上级下达的约束性指标任务"]
    assert facts(row(t, "生产总值")) == ("growth_rate", 6.0, None, "%", "左右", "approx")
    assert facts(row(t, "一般公共预算收入")) == ("growth_rate", 6.0, None, "%", "左右", "approx")
    assert facts(row(t, "全社会固定资产投资")) == ("growth_rate", 10.0, None, "%", "左右", "approx")
    assert facts(row(t, "规模以上工业增加值")) == ("growth_rate", 7.0, None, "%", "以上", "min")
    assert facts(row(t, "居民人均可支配收入")) == ("growth_rate", 7.5, None, "%", "左右", "approx")
    verbal = t.iloc[-1]
    assert verbal.kind == "verbal" and verbal.verbal == "全面完成上级下达的约束性指标任务"
    assert pd.isna(verbal.value) and verbal.unit == ""
    # every quote and figure is traceable to the text, all in one sentence
    assert all(report.text[s:e] == q for s, e, q in zip(t.start, t.end, t.quote))
    assert report.text[t.number_start[0]:t.number_end[0]] == "6%左右"
    assert t.sentence_id.nunique() == 1 and t.sentence[0].startswith("主要预期目标是")
    assert t.attrs["note"] == ""


def test_a_report_in_the_original_script_gives_the_same_targets_quoted_in_that_script():
    simplified = ga.main_targets(ga.load_report())
    original = ga.main_targets(ga.load_report(paths.RAW_REPORT, script="original"))
    same = ["metric", "kind", "value", "unit", "qualifier", "figure", "verbal", "start", "end", "sentence_id"]
    pd.testing.assert_frame_equal(original[same], simplified[same])
    assert original.quote[0] == "生產總值增長6%左右" and original.sentence[0].startswith("主要預期目標是")


def test_the_year_ahead_targets_are_not_last_years_outcomes():
    # the review gives 生产总值 8% (预计) and 固定资产投资 20% for 2021: neither is a target
    t = ga.main_targets(ga.load_report())
    assert 8.0 not in t.value.tolist() and 20.0 not in t.value.tolist()


# ----------------------------------------------------------------------------- national
def test_national_2022_main_targets():
    t = targets("national_2022")
    assert facts(row(t, "国内生产总值")) == ("growth_rate", 5.5, None, "%", "左右", "approx")
    assert facts(row(t, "城镇新增就业")) == ("count", 1100.0, None, "万人", "以上", "min")
    assert facts(row(t, "城镇调查失业率")) == ("share", 5.5, None, "%", "以内", "max")
    assert row(t, "城镇调查失业率")["quote"] == "城镇调查失业率全年控制在5.5%以内"
    assert facts(row(t, "居民消费价格")) == ("growth_rate", 3.0, None, "%", "左右", "approx")
    assert row(t, "居民消费价格")["quote"] == "居民消费价格涨幅3%左右"
    assert facts(row(t, "粮食产量")) == ("level", 1.3, None, "万亿斤", "以上", "min")
    assert "居民收入增长与经济增长基本同步" in t.verbal.tolist()
    # the targets end where the comment on them starts (经济增速预期目标的设定…)
    assert len(t) == 12 and t.kind.value_counts().to_dict() == {"verbal": 7, "growth_rate": 2, "count": 1,
                                                                  "share": 1, "level": 1}


def test_national_2019_range_with_a_fullwidth_minus_and_a_fall():
    t = targets("national_2019")
    gdp = row(t, "国内生产总值")
    assert facts(gdp) == ("growth_rate", 6.0, 6.5, "%", "", "range") and gdp["figure"] == "6%－6.5%"
    energy = row(t, "单位国内生产总值能耗")
    assert facts(energy) == ("growth_rate", 3.0, None, "%", "左右", "approx") and energy["direction"] == "down"
    # the passage stops before 上述主要预期目标，体现了…
    assert not t.quote.str.contains("上述").any() and len(t) == 14


def test_national_2021_reads_although_its_indicators_do_not_yet():
    t = targets("national_2021")
    assert facts(row(t, "国内生产总值")) == ("growth_rate", 6.0, None, "%", "以上", "min")
    assert facts(row(t, "粮食产量")) == ("level", 1.3, None, "万亿斤", "以上", "min")
    # 今年预期目标设定为6%以上 in the next paragraph is a comment, not a second target
    assert (t.metric == "国内生产总值").sum() == 1


# ----------------------------------------------------------------------------- provinces 2026
def test_guangdong_range_after_a_marker_broken_over_two_lines():
    t = targets("guangdong_2026")
    gdp = row(t, "地区生产总值")
    assert facts(gdp) == ("growth_rate", 4.5, 5.0, "%", "", "range") and gdp["figure"] == "4.5%—5%"
    assert gdp["note"] == "在实际工作中全力争取更好结果"
    assert facts(row(t, "地方一般公共预算收入")) == ("growth_rate", 3.0, None, "%", "左右", "approx")
    assert t.kind.tolist() == ["growth_rate", "growth_rate", "verbal"]


def test_henan_economic_growth_wording():
    t = targets("henan_2026")
    gdp = t.iloc[0]
    assert (gdp.metric, gdp.figure, gdp.note) == ("经济", "5%左右", "在实际工作中努力争取更好结果")
    assert facts(gdp.to_dict()) == ("growth_rate", 5.0, None, "%", "左右", "approx")
    grain = row(t, "粮食产量")
    assert facts(grain) == ("level", 1300.0, None, "亿斤", "以上", "min")
    assert grain["note"] == "力争比去年实现更多增长"


def test_hubei_economic_growth_and_its_comment_excluded():
    t = targets("hubei_2026")
    assert facts(row(t, "经济")) == ("growth_rate", 5.5, None, "%", "左右", "approx")
    assert facts(row(t, "粮食产量")) == ("level", 500.0, None, "亿斤", "以上", "min")
    # 今年是“十五五”开局之年 before the marker and 5.5%左右的预期增长目标… after it are not targets
    assert len(t) == 7 and t.value.dropna().tolist() == [5.5, 5.5, 70.0, 2.0, 500.0]


def test_jiangsu_planned_growth_and_no_five_year_figures():
    t = targets("jiangsu_2026")
    gdp = row(t, "地区生产总值")
    assert facts(gdp) == ("growth_rate", 5.0, None, "%", "按…安排", "")
    assert gdp["figure"] == "按增长5%安排"
    assert facts(row(t, "城镇新增就业")) == ("count", 120.0, None, "万人", "", "")
    assert facts(row(t, "全社会研发投入强度")) == ("share", 3.42, None, "%", "左右", "approx")
    # the 十五五 plan's 地区生产总值年均增长5%左右 and 研发经费投入年均增长7%左右 are not this year's targets
    assert not t.quote.str.contains("年均").any() and 7.0 not in t.value.tolist()


@pytest.mark.parametrize("report_id, value, upper, figure", [
    ("anhui_2026", 5.0, 5.5, "5%—5.5%"),
    ("zhejiang_2026", 5.0, 5.5, "5%—5.5%"),
    ("heilongjiang_2026", 4.5, 5.0, "4.5-5%"),
])
def test_gdp_ranges(report_id, value, upper, figure):
    gdp = targets(report_id).iloc[0]
    assert (gdp.kind, gdp.value, gdp.upper, gdp.bound, gdp.figure) == ("growth_rate", value, upper, "range", figure)


@pytest.mark.parametrize("report_id, gdp, excluded", [
    ("beijing_2026", 5.0, [5.4, 5.2]),   # 2025 增长5.4%; five-year review 年均增长5.2%; 十五五 年均增速4.5%-5%
    ("hainan_2026", 6.0, [4.0]),         # 2025 增长4%; 十五五 年均增长6%以上 (same value: one GDP row only)
    ("liaoning_2026", 4.5, [3.7]),       # 2025 增长3.7%; 年均增长4.5% (review), 年均增长5%左右 (十五五)
    ("jiangsu_2026", 5.0, [7.0]),        # 十五五: 年均增长5%左右, 研发经费投入年均增长7%左右
])
def test_one_gdp_growth_target_and_nothing_from_outside_the_passage(report_id, gdp, excluded):
    report = load(report_id)
    t = ga.main_targets(report)
    start, end = t.attrs["passage"]
    gdp_rows = t[t.metric.isin(["地区生产总值", "生产总值", "经济"]) & (t.kind == "growth_rate")]
    assert gdp_rows.value.tolist() == [gdp]
    assert ((t.start >= start) & (t.end <= end)).all()
    assert not set(excluded) & set(t.value.dropna())
    outside = report.text[:start] + report.text[end:]
    assert all(f"{x:g}%" in outside for x in excluded) and "年均增长" in outside
    assert "年均增" not in report.text[start:end]


def test_guizhou_lists_with_fenbie_and_its_indicators_crash_does_not_matter():
    t = targets("guizhou_2026")
    assert t.metric.tolist()[1:4] == ["一产增加值", "二产增加值", "三产增加值"]
    assert t.value.tolist()[1:4] == [3.5, 6.0, 5.0]
    assert facts(row(t, "农村常住居民人均可支配收入")) == ("growth_rate", 6.0, None, "%", "左右", "approx")
    assert facts(row(t, "常住人口城镇化率")) == ("share", 59.0, None, "%", "左右", "approx")


def test_fujian():
    t = targets("fujian_2026")
    assert facts(row(t, "地区生产总值")) == ("growth_rate", 5.0, None, "%", "左右", "approx")
    assert facts(row(t, "城镇新增就业")) == ("count", 50.0, None, "万人", "", "")
    assert facts(row(t, "粮食产量")) == ("level", 513.0, None, "万吨", "以上", "min")
    assert len(t) == 7


# ----------------------------------------------------------------------------- Hailar
def test_hailar_growth_and_level_are_two_rows_in_the_order_written():
    t = targets("hailar_district_2013")
    first = t.head(2)[["metric", "kind", "value", "unit"]].values.tolist()
    assert first == [["地区生产总值", "growth_rate", 20.0, "%"], ["地区生产总值", "level", 282.0, "亿元"]]
    t = targets("hailar_district_2012")   # level first, then 同比增长 (full-width ％)
    assert t.head(2)[["metric", "kind", "value", "unit"]].values.tolist() == [
        ["地区生产总值", "level", 240.0, "亿元"], ["地区生产总值", "growth_rate", 21.0, "%"]]
    assert t.iloc[5].value == 25.0 and t.iloc[5].unit == "%"


def test_hailar_fenbie_lists():
    t = targets("hailar_district_2019")
    assert t[t.kind == "growth_rate"][["metric", "value", "qualifier"]].values.tolist() == [
        ["地区生产总值", 3.5, "左右"], ["城镇常住居民人均可支配收入", 7.0, "左右"],
        ["农村常住居民人均可支配收入", 8.0, "左右"], ["社会消费品零售总额", 6.5, "左右"]]
    # 分别增长7%和8%左右: 左右 after the last of the 和-chain covers the 7% too, in main_targets and indicators alike
    report = ga.load_report(CORPUS / "hailar" / "hailar_district_2019.txt")
    table = ga.indicators(report)
    income = table[table.sentence.str.contains("分别增长7%和8%左右") & table.kind.eq("growth_rate")]
    assert income[["value", "qualifier", "bound", "status"]].values.tolist() == [
        [7.0, "左右", "approx", "target"], [8.0, "左右", "approx", "target"]]
    guizhou = targets("guizhou_2026")  # 分别增长4%左右和6%左右: each written
    assert guizhou[guizhou.metric.str.endswith("可支配收入")].qualifier.tolist() == ["左右", "左右"]
    assert t.verbal[1] == "固定资产投资扭转下滑态势，实现正增长"
    t = targets("hailar_district_2018")   # 城乡…分别增长7.5%: one figure for both
    assert t[t.value == 7.5].metric.tolist() == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


# ----------------------------------------------------------------------------- the fixture
@pytest.mark.parametrize("report_id", ANNOTATED)
def test_matches_the_hand_annotation(report_id):
    want = ANNOTATED[report_id]
    got = targets(report_id).to_dict("records")
    assert len(got) == len(want)
    for w, g in zip(want, got):
        for field in FIELDS:
            if field in ("value", "upper"):
                expected = float(w[field]) if w[field] else math.nan
                actual = g[field]
                assert (math.isnan(expected) and pd.isna(actual)) or actual == expected, (w["quote"], field)
            else:
                assert g[field] == w[field], (w["quote"], field, g[field])
        if report_id != "guanxian_2022":  # Guanxian's quotes are in the simplified script
            assert g["quote"].endswith(w["quote"][-2:])


def test_the_fixture_covers_every_report_of_the_corpus():
    stems = {p.stem for p in CORPUS.glob("*/*.txt")}
    assert len(stems) == 27 and set(ANNOTATED) == stems | {"guanxian_2022"}


# ----------------------------------------------------------------------------- text, corpus, table
def test_find_passage_skips_a_plans_targets_and_stops_at_the_comment():
    text = ("“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右。\n"
            "今年主要预期目标是：经济增长5%左右，城镇调查失业率5%以内。上述目标积极稳妥。")
    start, end = find_passage(text)
    assert text[start:end] == "经济增长5%左右，城镇调查失业率5%以内。"
    assert find_passage("今年要办好十件实事。") is None
    # a period named earlier in the sentence does not make the year's targets a plan's
    text = "当前正处于爬坡过坎的关键时期，今年主要预期目标是：经济增长5%左右。"
    assert text[slice(*find_passage(text))] == "经济增长5%左右。"


def test_ranges_in_every_written_form():
    for written, upper in [("5%—5.5%", 5.5), ("5%－5.5%", 5.5), ("5-5.5%", 5.5), ("5%～5.5%", 5.5),
                           ("5%至5.5%", 5.5), ("5%——5.5%", 5.5), ("5%—\n5.5%", 5.5)]:
        t = targets_from_text(f"主要预期目标是：地区生产总值增长{written}，居民收入增长与经济增长同步。")
        assert (t.value[0], t.upper[0], t.bound[0]) == (5.0, upper, "range"), written
        assert t.kind.tolist() == ["growth_rate", "verbal"], written


def test_aim_qualifier_and_level():
    t = targets_from_text("主要预期目标是：一般公共预算收入力争增长6%，达到12.5亿元。")
    assert t[["metric", "kind", "value", "unit", "qualifier", "bound"]].values.tolist() == [
        ["一般公共预算收入", "growth_rate", 6.0, "%", "力争", "aim"],
        ["一般公共预算收入", "level", 12.5, "亿元", "", ""]]


def test_years_codes_and_dates_in_a_passage_are_not_figures():
    t = targets_from_text("主要预期目标是：到2026年5G基站覆盖率达到95%，地区生产总值增长6%左右。")
    assert t[["metric", "value", "kind"]].values.tolist() == [
        ["到2026年5G基站覆盖率", 95.0, "share"], ["地区生产总值", 6.0, "growth_rate"]]


def test_a_report_without_a_passage_is_empty_with_a_note():
    raw = paths.RAW_REPORT.read_bytes().decode("utf-8")
    line = next(x for x in raw.splitlines() if "主要預期目標" in x)
    report = parse_report(raw.replace(line, "今年是新一屆政府的開局之年。").encode("utf-8"))
    t = ga.main_targets(report)
    assert t.empty and list(t.columns) == COLUMNS
    assert t.attrs["note"].startswith("no main-target passage")
    stacked = ga.main_targets([report, ga.load_report()])
    assert stacked.attrs["no_passage"] == ["冠县"]   # no source path: the place stands in for the id
    assert len(stacked) == 6


def test_a_corpus_stacks_with_report_place_level_and_year():
    reports = [load(r) for r in ("national_2022", "henan_2026")] + [ga.load_report()]
    before = [len(r.sentences) for r in reports]
    t = ga.main_targets(reports, metadata={"national_2022": {"place": "全国", "level": "national"}})
    assert list(t.columns[:4]) == ["report_id", "place", "level", "year"]
    assert t.groupby("report_id", sort=False).size().to_dict() == {"national_2022": 12, "henan_2026": 12,
                                                                    "guanxian_2022": 6}
    assert t[t.report_id == "national_2022"].place.unique().tolist() == ["全国"]
    assert t[t.report_id == "henan_2026"][["place", "year"]].drop_duplicates().values.tolist() == [["河南省", 2026]]
    assert [len(r.sentences) for r in reports] == before
    table = ga.target_table(t)
    assert table.loc["全国", "GDP growth"] == "5.5%左右"
    assert table.loc["河南省", "GDP growth"] == "5%左右"
    assert table.loc["冠县", "GDP growth"] == "6%左右"
    assert table.loc["全国", "urban jobs"] == "1100万人以上"
    assert table.loc["全国", "unemployment rate"] == "5.5%以内"
    assert table.loc["全国", "grain output"] == "1.3万亿斤以上"
    assert table.loc["河南省", "income growth"] == "居民收入增长与经济增长同步"
    assert table.loc["冠县", "fixed investment"] == "10%左右" and table.loc["冠县", "urban jobs"] == ""


def test_plot_growth_targets_returns_its_axes_with_cjk_labels():
    import matplotlib.pyplot as plt

    reports = [load(r) for r in ("national_2022", "guangdong_2026", "hebei_2026")]
    t = ga.main_targets(reports, metadata={"national_2022": {"place": "全国"}})
    fig, ax = plt.subplots()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert ga.plot_growth_targets(t, ax=ax) is ax
            fig.canvas.draw()
        assert not [w for w in caught if "missing from" in str(w.message)]
        # highest target on top: 5.5%左右, 5%以上, 4.5%—5%
        assert [x.get_text() for x in ax.get_yticklabels()] == ["全国", "河北省", "广东省"]
        assert [x.get_text() for x in ax.texts] == ["5.5%左右", "5%以上", "4.5%—5%"]
        range_bars = [line for line in ax.lines if list(line.get_xdata()) == [4.5, 5.0]]
        assert len(range_bars) == 1
        assert {x.get_fontproperties().get_name() for x in ax.get_yticklabels()} == {font_family()[0]}
    finally:
        plt.close(fig)


def test_docstring_examples():
    module = importlib.import_module("guanxian_analysis.main_target_extraction")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
