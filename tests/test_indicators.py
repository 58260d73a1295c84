"""Indicators of the real report: hard forms, exclusions, audit, scoreboard, ranks, CSV, quality."""
from __future__ import annotations

import re
import time
from types import SimpleNamespace

import pandas as pd
import pytest

from guanxian_analysis import indicators, number_audit, ranks, scoreboard
from guanxian_analysis.indicator_quality import load_annotations, locate, score
from guanxian_analysis.indicator_extraction import _extract_uncached, write_indicator_tables
from guanxian_analysis.indicator_schema import AUDIT_COLUMNS, INDICATOR_COLUMNS, RANK_COLUMNS, SCOREBOARD_COLUMNS
from guanxian_analysis.numerals import chinese_to_int, normalize_unit, parse_number, to_base, unit_class


@pytest.fixture(scope="module")
def table(report):
    return indicators(report)


@pytest.fixture(scope="module")
def audit(report):
    return number_audit(report)


def at(table: pd.DataFrame, report, quote: str, number: str) -> dict:
    """The one indicator whose number is ``number`` inside ``quote``."""
    start = locate(report.text, quote, number)
    rows = table[table.start == start]
    assert len(rows) == 1, f"no indicator for {number} in {quote}"
    return rows.iloc[0].to_dict()


def fake_report(sentences: list[tuple[str, str]], year: int = 2022):
    """A minimal report: ``(segment, text)`` sentences joined with newlines."""
    text, rows = "", []
    for n, (segment, sentence) in enumerate(sentences, 1):
        start = len(text)
        text += sentence + "\n"
        rows.append({"sentence_id": f"s{n:04d}", "paragraph_id": f"p{n:03d}", "part": None,
                     "segment": segment, "period": None, "section": None, "theme": None,
                     "text": sentence, "start": start, "end": start + len(sentence)})
    return SimpleNamespace(text=text, sentences=pd.DataFrame(rows), meta={"year": year})


# --------------------------------------------------------------------------- numerals
@pytest.mark.parametrize("written, value", [
    ("一", 1), ("十", 10), ("十四", 14), ("二十三", 23), ("一百零五", 105), ("三千零五", 3005),
    ("两万", 20000), ("一千二百三十", 1230), ("二〇二二", 2022), ("五亿", 500_000_000),
])
def test_chinese_numerals(written, value):
    assert chinese_to_int(written) == value


def test_parse_number_and_units():
    assert parse_number("12.6") == 12.6 and parse_number("第一".removeprefix("第")) == 1.0
    assert to_base(12.6, "亿元") == (pytest.approx(1.26e9), "元")
    assert to_base(7.5, "万亩") == (75000.0, "亩")
    assert to_base(5125, "万美元") == (5.125e7, "美元")
    assert to_base(20, "万平方米") == (200000.0, "平方米")
    assert normalize_unit("个小时") == "小时" and normalize_unit("个位次") == "位次"
    assert [unit_class(u) for u in ("亿元", "户", "天", "%", "个百分点", "倍", "位")] == [
        "level", "count", "duration", "percent", "points", "ratio", "rank"]
    with pytest.raises(ValueError):
        normalize_unit("斤两")
    with pytest.raises(ValueError):
        chinese_to_int("十四五a")


# --------------------------------------------------------------------------- table shape
def test_columns_follow_the_contract(report, table, audit):
    assert list(table.columns) == INDICATOR_COLUMNS
    assert list(audit.columns) == AUDIT_COLUMNS
    assert list(scoreboard(report).columns) == SCOREBOARD_COLUMNS
    assert list(ranks(report).columns) == RANK_COLUMNS
    assert table.indicator_id.is_unique and table.indicator_id.iloc[0] == "i0001"
    assert set(table.kind) <= {"growth_rate", "change_pp", "change", "level", "count", "share", "rank",
                               "ratio", "duration"}
    assert set(table.status) == {"actual", "estimate", "target"}
    assert set(table.period) == {"2017-2021", "2021", "2022-2026", "2022"}


def test_offsets_point_at_the_number(report, table):
    for row in table.itertuples():
        written = report.text[row.start:row.end]
        value = parse_number(written)
        assert value == row.value, (written, row.value)
        assert report.text[row.start:row.end] in row.sentence


# --------------------------------------------------------------------------- hard forms
HARD_FORMS = [
    # quote, number, value, unit, metric, kind, qualifier, period, status, direction
    ("分别改善21.4%", "21.4", 21.4, "%", "PM2.5", "growth_rate", None, "2021", "actual", "improve"),
    ("21.4%、15.8%", "15.8", 15.8, "%", "PM10", "growth_rate", None, "2021", "actual", "improve"),
    ("由每人每年550元", "550", 550, "元", "居民医保补助标准", "level", "由", "2021", "actual", None),
    ("提高至580元", "580", 580, "元", "居民医保补助标准", "level", "至", "2021", "actual", "up"),
    ("实施棚户区改造项目10个", "10", 10, "个", "棚户区改造项目", "count", None, "2017-2021", "actual", None),
    ("10个、9300户", "9300", 9300, "户", "棚户区改造项目", "count", None, "2017-2021", "actual", None),
    ("建设回迁安置区13个", "13", 13, "个", "回迁安置区", "count", None, "2017-2021", "actual", None),
    ("13个、11613套", "11613", 11613, "套", "回迁安置区", "count", None, "2017-2021", "actual", None),
    ("增长7.6个百分点，位居全市第2位", "2", 2, "位", "普惠金融贷款余额占比", "rank", None, "2021", "actual", None),
    ("列全市第1、第2位", "1", 1, "位", "PM2.5", "rank", None, "2021", "actual", None),
    ("第1、第2位", "2", 2, "位", "PM10", "rank", None, "2021", "actual", None),
    ("位列全市第一档", "一", 1, "档", "“三资”清理工作", "rank", None, "2021", "actual", None),
    ("在全市前移1个位次", "1", 1, "位次", "生产总值", "rank", None, "2017-2021", "actual", "up"),
    ("普惠金融贷款余额占比增长7.6个百分点", "7.6", 7.6, "个百分点", "普惠金融贷款余额占比", "change_pp", None,
     "2021", "actual", "up"),
    ("实施制造业技改项目220余个", "220", 220, "个", "制造业技改项目", "count", "余", "2017-2021", "actual", None),
    ("2016年的1.9倍", "1.9", 1.9, "倍", "城镇低保标准", "ratio", None, "2017-2021", "actual", None),
    ("1.9倍和2倍", "2", 2, "倍", "农村低保标准", "ratio", None, "2017-2021", "actual", None),
    ("24天完成339处", "24", 24, "天", "征收项目零尾清理", "duration", None, "2021", "actual", None),
    ("339处征收项目零尾清理", "339", 339, "处", "征收项目零尾清理", "count", None, "2021", "actual", None),
    ("12个小时完成后小化征迁", "12", 12, "小时", "后小化征迁", "duration", None, "2021", "actual", None),
    ("投资10亿元以上的大项目", "10", 10, "亿元", "大项目投资", "level", "以上", "2022", "target", None),
    ("生产总值增长6%左右，一般", "6", 6, "%", "生产总值", "growth_rate", "左右", "2022", "target", "up"),
    ("强化职业技能培训，城镇调查失业率控制在5.5%以内", "5.5", 5.5, "%", "城镇调查失业率", "share", "以内",
     "2022-2026", "target", None),
    ("预计全县生产总值增长8%", "8", 8, "%", "生产总值", "growth_rate", "预计", "2021", "estimate", "up"),
    ("刑事警情下降23.7%", "23.7", 23.7, "%", "刑事警情", "growth_rate", None, "2021", "actual", "down"),
    ("同比增加26天", "26", 26, "天", "优良天数", "change", None, "2021", "actual", "up"),
    ("力争高新技术产业产值占比提高5个百分点", "5", 5, "个百分点", "高新技术产业产值占比", "change_pp", "力争",
     "2022-2026", "target", "up"),
    ("753元和565元", "565", 565, "元", "农村低保标准", "level", None, "2021", "actual", None),
    ("占一般公共预算支出的81.3%", "81.3", 81.3, "%", "民生支出占一般公共预算支出", "share", None, "2021",
     "actual", None),
    ("全年实施县级重点项目76个，总投资345.9亿元", "345.9", 345.9, "亿元", "县级重点项目总投资", "level", None,
     "2022", "target", None),
]


@pytest.mark.parametrize("quote, number, value, unit, metric, kind, qualifier, period, status, direction",
                         HARD_FORMS, ids=[f[0] for f in HARD_FORMS])
def test_hard_forms(report, table, quote, number, value, unit, metric, kind, qualifier, period, status,
                    direction):
    row = at(table, report, quote, number)
    got = {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
    assert (got["value"], got["unit"], got["metric"], got["kind"], got["qualifier"], got["period"],
            got["status"], got["direction"]) == (float(value), unit, metric, kind, qualifier, period, status,
                                                 direction)


def test_bounds_and_base_values(report, table):
    assert at(table, report, "一般公共预算收入12.6亿元", "12.6")["value_base"] == pytest.approx(1.26e9)
    assert at(table, report, "一般公共预算收入12.6亿元", "12.6")["base_unit"] == "元"
    assert (at(table, report, "建设高标准农田7.5万亩", "7.5")["value_base"],
            at(table, report, "建设高标准农田7.5万亩", "7.5")["base_unit"]) == (75000.0, "亩")
    assert at(table, report, "实际使用外资5125万美元", "5125")["value_base"] == 5.125e7
    bounds = {q: at(table, report, quote, n)["bound"] for q, quote, n in [
        ("左右", "生产总值增长6%左右，一般", "6"), ("以上", "规模以上工业增加值增长7%以上", "7"),
        ("以内", "转移培训1430人，城镇调查失业率控制在5.5%以内", "5.5"), ("余", "实施制造业技改项目220余个", "220"),
        ("由", "由每人每年550元", "550"), ("至", "提高至580元", "580"), ("预计", "预计全县生产总值增长8%", "8")]}
    assert bounds == {"左右": "approx", "以上": "min", "以内": "max", "余": "min", "由": "from", "至": "to",
                      "预计": "estimate"}


def test_one_clause_with_several_figures_keeps_one_metric(report, table):
    sentence = table[table.sentence.str.contains("实施棚户区改造项目10个")]
    assert sentence[["value", "unit", "metric"]].values.tolist()[:4] == [
        [10.0, "个", "棚户区改造项目"], [9300.0, "户", "棚户区改造项目"],
        [13.0, "个", "回迁安置区"], [11613.0, "套", "回迁安置区"]]


def test_statuses_follow_the_parts(report, table):
    by_part = table.groupby("part").status.agg(lambda s: sorted(set(s)))
    assert by_part["一"] == ["actual", "estimate"]
    assert by_part["二"] == ["target"] and by_part["三"] == ["target"]
    estimates = table[table.status == "estimate"]
    assert estimates.sentence.str.contains("预计").all() and len(estimates) == 10


# --------------------------------------------------------------------------- exclusions and audit
EXCLUSIONS = [
    # context containing the mention, mention, reason
    ("是2016年的1.9倍", "2016", "year"),
    ("成功应对1996年以来", "1996", "year"),
    ("2021年10月20日至22日", "10", "date"),
    ("2021年10月20日至22日", "22", "date"),
    ("“四好农村路”（第2页）", "2", "page reference"),
    ("完成国道309冠县段改扩建", "309", "road number"),
    ("12345市民热线办理工作全市领先", "12345", "hotline number"),
    ("全县PM2.5、PM10分别改善", "2.5", "code in a name"),
    ("全县PM2.5、PM10分别改善", "10", "code in a name"),
    ("加快布局建设5G基站", "5", "code in a name"),
    ("按照“1457”的工作思路", "1457", "quoted name"),
    ("是“十四五”开局之年", "十四五", "quoted name"),
    ("完善“24小时不打烊”自助服务", "24", "quoted name"),
    ("以3处全国森林康养基地为依托", "3", "background figure (以…为依托)"),
    ("各推出100件高频事项", "100", "glossary"),
    ("过去五年，极为不易", "五", "period length"),
    ("县第十五次党代会", "十五", "ordinal"),
    ("打造一批乡村旅游景点", "一", "vague quantity (一批)"),
]


@pytest.mark.parametrize("context, mention, reason", EXCLUSIONS, ids=[f"{e[1]}@{e[0]}" for e in EXCLUSIONS])
def test_exclusions_have_a_reason(report, audit, context, mention, reason):
    start = locate(report.text, context, mention)
    row = audit[audit.start == start].iloc[0]
    assert (row.text, row.status, row.reason) == (mention, "excluded", reason)
    assert pd.isna(row.indicator_id)


def test_audit_covers_every_number_mention(report, table, audit):
    arabic = {(m.start(), m.end()) for m in re.finditer(r"\d+(?:\.\d+)?", report.text)}
    listed = set(zip(audit.start, audit.end))
    assert arabic <= listed
    assert len(arabic) == 261 and len(audit) == 360  # “一张图” (张 counts) is listed, excluded as a quoted name
    assert audit.mention_id.is_unique and audit.start.is_monotonic_increasing
    assert set(audit.status) == {"indicator", "excluded"}
    assert audit.loc[audit.status == "excluded", "reason"].notna().all()
    linked = audit[audit.status == "indicator"]
    assert sorted(linked.indicator_id) == sorted(table.indicator_id)
    assert set(zip(linked.start, linked.end)) == set(zip(table.start, table.end))
    for row in audit.itertuples():
        assert report.text[row.start:row.end] == row.text


def test_hand_made_exclusions_and_targets():
    report = fake_report([
        ("opening", "——2022年1月20日在冠县第十八届人民代表大会第一次会议上"),
        ("opening", "文号1137152500444221X1/2022-26727573"),
        ("year_ahead", "主要预期目标是：生产总值增长6%左右"),
        ("review_last_year", "新建学校3所、幼儿园两所"),
    ])
    audit = number_audit(report)
    by_sentence = audit.groupby("sentence_id")[["text", "reason"]].apply(lambda g: list(zip(g.text, g.reason)))
    assert by_sentence["s0001"] == [("2022", "year"), ("1", "date"), ("20", "date"), ("十八", "ordinal"),
                                    ("一", "ordinal")]
    assert {reason for _, reason in by_sentence["s0002"]} <= {"code in a name", "date, time or document number"}
    assert len(by_sentence["s0002"]) == 4
    table = indicators(report)
    assert table[["value", "metric", "status", "period"]].values.tolist() == [
        [6.0, "生产总值", "target", "2022"], [3.0, "学校", "actual", "2021"]]


def test_periods_come_from_the_report_year(report):
    later = SimpleNamespace(text=report.text, sentences=report.sentences.assign(period=None),
                            meta={**report.meta, "year": 2030})
    periods = set(indicators(later).period)
    assert periods == {"2025-2029", "2029", "2030-2034", "2030"}


# --------------------------------------------------------------------------- scoreboard and ranks
SCOREBOARD = [
    # metric, kind, outcome (value, unit, qualifier), target (value, unit, qualifier), change
    ("生产总值", "growth_rate", (8.0, "%", "预计"), (6.0, "%", "左右"), -2.0),
    ("一般公共预算收入", "growth_rate", (7.0, "%", None), (6.0, "%", "左右"), -1.0),
    ("规模以上工业增加值", "growth_rate", (12.0, "%", "预计"), (7.0, "%", "以上"), -5.0),
    ("固定资产投资", "growth_rate", (20.0, "%", "预计"), (10.0, "%", "左右"), -10.0),
    ("居民人均可支配收入", "growth_rate", (16.0, "%", "预计"), (7.5, "%", "左右"), -8.5),
    ("高标准农田", "level", (7.5, "万亩", None), (8.0, "万亩", None), 0.5),
    ("实际使用外资", "level", (5125.0, "万美元", None), (3800.0, "万美元", "以上"), -1325.0),
    ("城镇新增就业", "count", (6069.0, "人", None), (4500.0, "人", None), -1569.0),
    ("创业担保贷款", "level", (1.25, "亿元", None), (5500.0, "万元", "以上"), -7000.0),
]


@pytest.mark.parametrize("metric, kind, outcome, target, change", SCOREBOARD, ids=[s[0] for s in SCOREBOARD])
def test_scoreboard_last_year_against_year_ahead(report, metric, kind, outcome, target, change):
    board = scoreboard(report)
    row = board[(board.metric == metric) & (board.kind == kind)].iloc[0]
    none = lambda v: None if isinstance(v, float) and v != v else v  # noqa: E731
    assert (row.outcome_period, row.target_period) == ("2021", "2022")
    assert (row.outcome_value, row.outcome_unit, none(row.outcome_qualifier)) == outcome
    assert (row.target_value, row.target_unit, none(row.target_qualifier)) == target
    assert row.change == pytest.approx(change)


def test_scoreboard_five_year_review_against_plan(report):
    board = scoreboard(report)
    five = board[board.target_period == "2022-2026"]
    assert five[["metric", "outcome_period", "outcome_value", "target_value", "change"]].values.tolist() == [
        ["改造老旧小区", "2017-2021", 28.0, 30.0, 2.0]]
    assert len(board) == 22  # the 22 annotated pairs, nothing else


def test_scoreboard_pairs_like_with_like_as_annotated(report):
    """Every hand-annotated pair is on the board and no tempting non-pair is (tests/fixtures/README-pairs.md)."""
    from guanxian_analysis.indicator_quality import load_pair_annotations, pair_agreement

    table = indicators(report)
    scores, rows = pair_agreement(scoreboard(table), table, load_pair_annotations(), report)
    assert rows.outcome_id.notna().all()
    assert (scores["yes"], scores["no"]) == (22, 33)
    assert rows[~rows.ok].metric.tolist() == []


@pytest.mark.parametrize("metric, outcome, target", [
    ("重点项目", 72.0, 76.0), ("项目列入省重点", 15.0, 10.0), ("新培育高新技术企业", 14.0, 10.0),
    ("省级“专精特新”企业", 4.0, 2.0)])
def test_scoreboard_finds_comparable_pairs_named_in_issue(report, metric, outcome, target):
    board = scoreboard(report)
    assert board.loc[board.metric.eq(metric), ["outcome_value", "target_value"]].values.tolist() == [[outcome, target]]


def test_scoreboard_keeps_stock_apart_from_new_starts(report):
    """建设回迁安置房9115套 is built/under way, 新开工建设回迁安置房2750套 newly started: no pair."""
    table = indicators(report)
    board = scoreboard(table)
    assert not board.target_value.eq(2750).any()
    measures = dict(zip(table.value, table.measure))
    assert (measures[9115.0], measures[2750.0]) == ("done_in_year", "new_start")
    assert table.loc[table.value.eq(4.5) & table.unit.eq("%"), "measure"].tolist() == ["annual_average"]
    assert table.loc[table.value.eq(341.0), "measure"].tolist() == ["cumulative"]


def test_ranks(report):
    table = ranks(report)
    assert len(table) == 31  # 14 numbered (第N位, 第一档, 前移) + 17 without a number (前列, 最多, 率先 …)
    assert table.claim.value_counts().to_dict() == {
        "position": 12, "among_top": 10, "first_to_do": 3, "most": 2, "move": 1, "tier": 1, "only": 1, "leading": 1}
    rows = {(r.metric, r.rank_text): (r.scope, r.rank, r.period) for r in table.itertuples()}
    assert rows[("工业总产值", "全市第3位")] == ("全市", 3.0, "2017-2021")
    assert rows[("PM2.5", "全市第1位")] == ("全市", 1.0, "2021")
    assert rows[("PM10", "全市第2位")] == ("全市", 2.0, "2021")
    assert rows[("“三资”清理工作", "全市第一档")] == ("全市", 1.0, "2021")
    assert rows[("与省供发集团合作面积", "全省第2位")] == ("全省", 2.0, "2021")
    move = rows[("生产总值", "全市前移1个位次")]
    assert move[0] == "全市" and move[1] != move[1] and move[2] == "2017-2021"


# --------------------------------------------------------------------------- output, speed, other reports
def test_csv_is_byte_identical_on_rerun(report, tmp_path):
    first = write_indicator_tables(report, tmp_path / "a")
    second = write_indicator_tables(report, tmp_path / "b")
    assert [p.name for p in first] == ["indicators.csv", "number_audit.csv"]
    for a, b in zip(first, second):
        data = a.read_bytes()
        assert data == b.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    back = pd.read_csv(first[0], encoding="utf-8-sig")
    assert len(back) == len(indicators(report)) and back.metric.iloc[1] == "生产总值"


def test_extraction_is_fast_and_deterministic(report):
    started = time.perf_counter()
    first = _extract_uncached(report.text, report.sentences, report.meta["year"])
    elapsed = time.perf_counter() - started
    second = _extract_uncached(report.text, report.sentences, report.meta["year"])
    assert elapsed < 0.5
    for a, b in zip(first, second):
        pd.testing.assert_frame_equal(a, b)


def test_original_script_gives_the_same_indicators(report, report_original, table):
    original = indicators(report_original)
    pd.testing.assert_frame_equal(original.drop(columns="sentence"), table.drop(columns="sentence"))
    assert original.sentence.iloc[0].startswith("生產總值")


def test_quality_against_the_hand_annotations(report, table):
    annotations = load_annotations()
    assert len(annotations) >= 80
    assert set(annotations.kind) >= {"growth_rate", "change_pp", "level", "count", "share", "rank", "ratio",
                                     "duration"}
    scores, rows = score(table, annotations, report.text)
    assert scores["precision"] >= 0.97 and scores["recall"] >= 0.97, scores
    assert scores["fully_right"] >= 0.95, rows[rows.wrong != ""]
    assert scores["fully_right"] >= 208 / 208, rows[rows.wrong != ""]  # measured floor


HAILAR_TARGETS = [
    ("地区生产总值", 3.5, "左右"),
    ("城镇常住居民人均可支配收入", 7.0, "左右"),
    ("农村常住居民人均可支配收入", 8.0, "左右"),
    ("社会消费品零售总额", 6.5, "左右"),
]


def test_hailar_targets(hailar):
    table = indicators(hailar)
    targets = table[table.sentence.str.startswith(("经济社会发展的主要预期目标是", "城乡常住居民", "社会消费品零售总额增长"))
                    & (table.status == "target")]
    assert targets[["metric", "value", "qualifier"]].apply(tuple, axis=1).tolist() == HAILAR_TARGETS
    assert set(targets.period) == {"2019"} and set(targets.unit) == {"%"}
    assert set(targets.kind) == {"growth_rate"}
    # 利用三年左右时间对老旧小区进行改造: the one span the 2019 plan states (2019-2021)
    assert set(table.period) == {"2018", "2019", "2019-2021"}
    assert table[table.period == "2019-2021"][["value", "unit", "kind"]].values.tolist() == [[3.0, "年", "duration"]]


def test_hailar_scoreboard_and_audit(hailar):
    board = scoreboard(hailar)
    gdp = board[board.metric == "地区生产总值"].iloc[0]
    assert (gdp.outcome_period, gdp.outcome_value, gdp.target_period, gdp.target_value) == ("2018", 6.0, "2019", 3.5)
    audit = number_audit(hailar)
    arabic = [(m.start(), m.end()) for m in re.finditer(r"\d+(?:\.\d+)?", hailar.text)]
    spans = sorted(zip(audit.start, audit.end))
    # every Arabic number is in the audit, alone or inside one mention (1/4 is one fraction, 2×66 one figure)
    assert all(any(s <= a and b <= e for s, e in spans) for a, b in arabic)
    assert audit.loc[audit.text == "1/4", "status"].tolist() == ["indicator"]
    anniversaries = audit[[hailar.text[e:e + 2] == "周年" for e in audit.end]]
    assert len(anniversaries) == 6 and set(anniversaries.reason) == {"anniversary"}
    assert set(anniversaries.text) == {"70"}


# --------------------------------------------------------------------------- how a figure reads (issue 10, items 2 and 4)
@pytest.mark.parametrize("metric, value, figure", [
    ("刑事警情", 23.7, "−23.7%"),            # 下降23.7%: a fall reads as a fall
    ("电诈发案", 25.7, "−25.7%"),
    ("PM2.5", 21.4, "improved 21.4%"),       # 改善21.4%
    ("生产总值", 1.0, "up 1 place"),           # 前移1个位次, not "rank 1"
    ("生产总值", 4.5, "4.5% (annual average)"),  # 年均增长4.5%
    ("重点项目", 341.0, "341个 (cumulative)"),   # 累计实施重点项目341个
    ("制造业技改项目", 220.0, "220余个"),        # not 220个余
    ("居民医保补助标准", 550.0, "由550元"),       # not 550元由
    ("居民医保补助标准", 580.0, "至580元"),       # not 580元至
    ("农村电商网络零售额", 2.0, "预计第2位"),      # not 第2位预计
    ("优良天数", 26.0, "+26天"),
    ("生产总值", 6.0, "6%左右"),
])
def test_figure_column_reads_as_written_with_direction(report, metric, value, figure):
    table = indicators(report)
    assert figure in table.loc[table.metric.eq(metric) & table.value.eq(value), "figure"].tolist()


def test_indicator_lines_and_display_use_the_figure(report):
    from guanxian_analysis.findings import indicator_lines

    table = indicators(report)
    text = indicator_lines(table[table.metric.isin(["刑事警情", "PM2.5"])])
    assert "**−23.7%**" in text and "**improved 21.4%**" in text
    assert "growth_rate" not in text and "**23.7%**" not in text


# --------------------------------------------------------------------------- rank claims (issue 10, item 3)
@pytest.mark.parametrize("rank_text, claim, metric", [
    ("全市最多", "most", "日韩资"), ("全市唯一", "only", "成功入选省未成年人保护试点候选单位"),
    ("全省率先", "first_to_do", "实现不动产登记“一证办证”"), ("全市领先", "leading", "12345市民热线办理工作"),
    ("全省前列", "among_top", "价格监测"), ("全市前列", "among_top", "营商环境评价"),
    ("全市第一档", "tier", "“三资”清理工作"), ("全市前移1个位次", "move", "生产总值"),
])
def test_soft_rank_claims_are_captured_and_not_places(report, rank_text, claim, metric):
    table = ranks(report)
    rows = table[table.rank_text.eq(rank_text) & table.metric.eq(metric)]
    assert rows.claim.tolist() == [claim]


def test_ranks_record_what_is_ranked_and_count_only_positions_as_first(report):
    from guanxian_analysis.findings import ranks_lines, theme_findings  # noqa: F401

    table = ranks(report)
    pm = table[table.metric.eq("PM2.5")].iloc[0]
    assert (pm["rank"], pm["claim"], pm["ranked"]) == (1.0, "position", "PM2.5: improved 21.4%")
    firsts = table[table.claim.eq("position") & table["rank"].eq(1)]
    assert "“三资”清理工作" not in firsts.metric.tolist() and len(firsts) == 6
    text = ranks_lines(table[table.metric.isin(["“三资”清理工作", "PM2.5", "价格监测"])])
    assert "全市第一档 (a tier, not a place" in text and "全市第1位 (in the city, 2021; the figure ranked: improved 21.4%)" in text
    assert "全省前列 (among the top, no place given" in text
    move = ranks_lines(table[table.claim.eq("move")])
    assert "全市前移1个位次 (up 1 place; in the city" in move


def test_plot_ranks_does_not_place_a_tier_or_a_move_at_one():
    import matplotlib.pyplot as plt

    from guanxian_analysis.plots import plot_ranks

    data = pd.DataFrame({"metric": ["甲", "乙", "丙"], "scope": ["全市"] * 3, "rank": [1.0, 1.0, float("nan")],
                         "rank_text": ["全市第1位", "全市第一档", "全市前移1个位次"],
                         "claim": ["position", "tier", "move"], "ranked": ["甲: 8%", "乙", "丙: up 1 place"]})
    fig, ax = plt.subplots()
    plot_ranks(data, ax=ax)
    xs = [c.get_offsets()[0][0] for c in ax.collections]
    assert xs[0] == 1 and xs[1] != 1 and xs[2] == xs[1]
    labels = [t.get_text() for t in ax.texts]
    assert "全市第一档 (tier, not a place)" in labels and "全市前移1个位次 (up 1 place)" in labels
    plt.close(fig)


# --------------------------------------------------------------------------- one set of rows for the main targets (issue 15, item 3)
def _main_target_rows(rep):
    from guanxian_analysis import main_targets

    targets = main_targets(rep)
    targets = targets[targets.number_start.notna()]
    table = indicators(rep).set_index("start")
    return targets, table.loc[targets.number_start.astype(int)]


@pytest.mark.parametrize("report_id", ["guanxian_2022", "national_2022", "anhui_2026"])
def test_indicators_and_scoreboard_agree_with_main_targets(report, report_id):
    from guanxian_analysis import paths
    from guanxian_analysis.report import parse_report

    if report_id == "guanxian_2022":
        rep = report
    else:
        path = next((paths.PROJECT_ROOT.parent / "shared" / "corpus").glob(f"*/{report_id}.txt"))
        rep = parse_report(path.read_bytes(), source_path=str(path))
    targets, rows = _main_target_rows(rep)
    year = str(int(rep.meta["year"]))
    blank = lambda v: v if isinstance(v, str) and v else None  # noqa: E731
    assert (rows.status == "target").all() and (rows.period == year).all()
    assert [blank(q) for q in rows.qualifier] == [blank(q) for q in targets.qualifier]
    assert [blank(b) for b in rows.bound] == [blank(b) for b in targets.bound]
    assert rows.kind.tolist() == targets.kind.tolist()
    board = scoreboard(rep)
    on_board = board[board.target_period == year]
    for t in on_board.itertuples():
        if t.target_id in set(rows.indicator_id):
            mt = targets[targets.number_start.astype(int).isin(rows.index[rows.indicator_id == t.target_id])].iloc[0]
            assert (t.target_value, blank(t.target_qualifier)) == (mt.value, blank(mt.qualifier))


def test_a_range_target_keeps_its_upper_end():
    from guanxian_analysis import paths
    from guanxian_analysis.report import parse_report

    path = next((paths.PROJECT_ROOT.parent / "shared" / "corpus").glob("*/anhui_2026.txt"))
    table = indicators(parse_report(path.read_bytes(), source_path=str(path)))
    gdp = table[table.bound.eq("range")]
    assert gdp[["value", "upper", "figure", "status", "period"]].iloc[0].tolist() == [5.0, 5.5, "5%—5.5%", "target", "2026"]
    assert gdp.value.tolist() == [5.0, 5.5]


# --------------------------------------------------------------------------- figures under the right heading (issue 10, item 5)
def test_projects_and_investment_lists_figures_about_them(report):
    from guanxian_analysis.coverage import theme_indicators

    table = indicators(report)
    projects = theme_indicators(table, "economy", terms=["项目", "投资", "招商", "外资"])
    metrics = set(projects.metric)
    assert {"重点项目", "县级重点项目", "招商引资到位资金", "全社会固定资产投资"} <= metrics
    assert not metrics & {"社会消费品零售总额", "居民人均可支配收入", "回迁安置房", "棚户区改造项目", "老旧小区"}
    foreign = projects[projects.metric.eq("实际使用外资")]
    assert foreign[["value", "period"]].values.tolist() == [[5125.0, "2021"], [3800.0, "2022"]]


def test_employment_lists_jobs_not_welfare_or_alliances(report):
    from guanxian_analysis.coverage import theme_indicators

    jobs = theme_indicators(indicators(report), "livelihoods", terms=["就业", "失业", "创业"])
    assert not jobs.metric.str.contains("低保|联合体").any()
    assert {"城镇新增就业", "新增城镇就业", "城镇调查失业率", "创业担保贷款"} <= set(jobs.metric)


# --------------------------------------------------------------------------- findings that interpret (issue 10, item 10)
def _target_findings(rep):
    from guanxian_analysis import main_targets
    from guanxian_analysis.findings import target_findings

    return target_findings(indicators(rep), scoreboard(rep), main_targets(rep))


def test_target_findings_on_guanxian(report):
    text = _target_findings(report)
    assert "All 5 growth targets set for 2022 sit below the 2021 outcome" in text
    assert "“生产总值” (gross domestic product, GDP) 6%左右 after an estimated 8% (−2 points)" in text
    assert "rose 16% in 2021, 2.0 times the 8% growth of" in text and "“居民人均可支配收入增长16%”" in text
    assert "“社会消费品零售总额” (retail sales of consumer goods) +15%; “进出口总额” (total imports and exports) +34.3%, " \
           "but sets no numeric 2022 target for them" in text
    assert "“全面完成上级下达的约束性指标任务”" in text


def test_target_findings_stay_true_on_hailar_2019():
    from guanxian_analysis import paths
    from guanxian_analysis.report import parse_report

    path = paths.PROJECT_ROOT.parent / "shared" / "other-reports" / "hailar-district-2019-government-work-report.txt"
    text = _target_findings(parse_report(path.read_bytes(), source_path=str(path)))
    assert "2 of 4 growth targets set for 2019 sit below the 2018 outcome" in text
    assert "“城镇常住居民人均可支配收入” 7%左右 after 6.5% (+0.5 points)" in text
    assert "An unusual outcome" not in text and "Outcomes without a target" not in text
    assert "gives no figure for them" in text
def test_chinese_numerals_that_sum_up_a_list_and_stated_periods():
    report = fake_report([
        ("year_ahead", "重点做好友联、友好两个新村的二期工程建设，完成水利、景观、市政三项建设"),
        ("review_last_year", "哈克、团结、谢尔塔拉等三处文化遗址列入名录，一项一项攻坚、一个一个突破"),
        ("review_last_year", "解决两批次67名下岗士兵再就业诉求，实施一批项目，精心打造四张“名片”"),
        ("review_five_years", "地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元，支出由11.66亿元增加到29.33亿元"),
        ("review_five_years", "2015年旅游收入达到69亿元，是2010年的2.6倍，年均递增12.2%"),
        ("year_ahead", "到2017年底前新建水冲式公厕30座"),
        ("review_last_year", "办理人大代表建议68件、政协委员提案118件，办结率100%"),
    ], year=2016)
    table = indicators(report)
    rows = table[["value", "unit", "metric", "qualifier", "period"]].fillna("").values.tolist()
    assert rows == [
        [2.0, "个", "友联、友好新村二期工程建设", "", "2016"],
        [3.0, "项", "水利、景观、市政建设", "", "2016"],
        [3.0, "处", "文化遗址列入名录", "", "2015"],
        [2.0, "批次", "下岗士兵再就业诉求", "", "2015"],
        [67.0, "名", "下岗士兵再就业诉求", "", "2015"],
        [4.0, "张", "“名片”", "", "2015"],
        [162.4, "亿元", "地区生产总值", "由", "2010"],
        [287.9, "亿元", "地区生产总值", "到", "2015"],
        [11.66, "亿元", "支出", "由", "2010"],
        [29.33, "亿元", "支出", "到", "2015"],
        [69.0, "亿元", "旅游收入", "", "2015"],
        [2.6, "倍", "旅游收入", "", "2011-2015"],
        [12.2, "%", "旅游收入", "", "2011-2015"],
        [30.0, "座", "水冲式公厕", "", "2016-2017"],
        [68.0, "件", "人大代表建议", "", "2015"],
        [118.0, "件", "政协委员提案", "", "2015"],
        [100.0, "%", "人大代表建议、政协委员提案办结率", "", "2015"],
    ]
    assert table.loc[table.value == 12.2, ["kind", "direction"]].values.tolist() == [["growth_rate", "up"]]
