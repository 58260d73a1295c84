"""Commitments of the year-ahead part and the tracking sheet, on the real reports."""
from __future__ import annotations

import doctest
import importlib

import pandas as pd
import pytest

import guanxian_analysis as ga
from guanxian_analysis.commitment_extraction import COMMITMENT_COLUMNS, VERB_CLASSES
from guanxian_analysis.tracking_sheet import STATUS_CHOICES, TRACKING_COLUMNS
from guanxian_analysis.commitment_quality import commitment_agreement, load_commitment_annotations

NATIONAL_2022 = ga.paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt"


@pytest.fixture(scope="module")
def table(report):
    return ga.commitments(report)


@pytest.fixture(scope="module")
def annotated():
    return load_commitment_annotations()


def test_columns_and_offsets(report, table):
    assert table.columns.tolist() == COMMITMENT_COLUMNS
    assert table.commitment_id.is_unique
    for row in table.itertuples():
        assert report.text[row.start:row.end] == row.clause
        assert row.clause in row.sentence
    year_ahead = set(report.sentences.query("segment == 'year_ahead'").sentence_id)
    assert set(table.sentence_id) <= year_ahead
    assert set(table.verb_class) == set(VERB_CLASSES)


def test_the_four_bids_for_honours(table):
    bids = table[(table.verb == "争创")]
    assert bids.object.tolist() == ["国家级森林康养城市", "省级地理标志保护示范区", "“全国信访工作示范县”",
                                    "全国未成年人保护试点县"]
    assert (bids.verb_class == "bid_honour").all() and bids.checkable.all()
    assert bids.deliverables.tolist() == bids.object.tolist()
    assert bids.sentence_id.tolist() == ["s0220", "s0278", "s0358", "s0390"]


def test_2750_resettlement_homes(report, table):
    row = table[table.object == "回迁安置房"].squeeze()
    assert (row.verb, row.verb_class, row.quantity, row.checkable) == ("新开工建设", "start", "2750套", True)
    indicator = ga.indicators(report).set_index("indicator_id").loc[row.indicator_ids]
    assert (indicator.value, indicator.unit, indicator.metric) == (2750, "套", "回迁安置房")
    assert (row["value"], row["unit"], row["qualifier"]) == ("2750", "套", "")
    assert row.theme == "urban" and row.section == "三.5" and row.sentence_id == "s0314"


def test_quantities_link_indicators_with_qualifiers(table):
    row = table[table.sentence_id == "s0235"].iloc[0]  # 全年实施县级重点项目76个，总投资345.9亿元，年度计划投资112.8亿元
    assert (row.verb, row.verb_class, row.object) == ("实施", "build_complete", "县级重点项目")
    assert row.quantity == "76个; 345.9亿元; 112.8亿元"
    jobs = table[table.object == "城镇新增就业"].squeeze()
    assert (jobs.verb, jobs.verb_class, jobs.quantity) == ("确保", "strive_figure", "4500人")
    rate = table[table.object == "城镇调查失业率"].squeeze()
    assert (rate.verb, rate["value"], rate["unit"], rate["qualifier"]) == ("控制在", "5.5", "%", "以内")
    gdp = table[table.object == "生产总值"].squeeze()  # the main targets of 主要预期目标是：…
    assert (gdp.verb, gdp.verb_class, gdp.quantity) == ("增长", "strive_figure", "6%左右")
    # a figure that describes the object is not a promised quantity: 引进一批投资10亿元以上的大项目
    assert table[table.sentence_id == "s0241"].quantity.tolist() == [""]


def test_named_deliverables(table):
    named = table[table.deliverables != ""].set_index("object").deliverables
    assert named["档案馆、新党校"] == "档案馆; 新党校"
    assert named["乐宝宠物食品、华冠灵芝高端大健康等项目建设"] == "乐宝宠物食品; 华冠灵芝高端大健康"
    assert named["清水轴承锻造产业园建设"] == "清水轴承锻造产业园"
    assert named["国家级药食同源试点、国家地理标志运用促进工程项目尽快获批"] == \
        "国家级药食同源试点; 国家地理标志运用促进工程项目"
    # elliptical object: 完成红旗路北延前期规划，力争尽快启动实施
    start = table[(table.sentence_id == "s0311") & (table.verb == "启动")].squeeze()
    assert (start.verb_class, start.deliverables, start.checkable) == ("start", "红旗路北延前期规划", True)
    # generic objects are not named: 打造一批乡村旅游景点, 打造干净、整洁、有序的城市环境
    assert not table[table.object.str.startswith("一批乡村旅游景点")].checkable.any()


def test_headings_framing_and_result_tails_are_not_commitments(table):
    assert not table.sentence_id.isin(["s0199", "s0200", "s0202", "s0203", "s0205", "s0271", "s0367"]).any()
    assert not table.clause.str.startswith(("以3处全国森林康养基地为依托", "实现提档升级", "让每个孩子")).any()
    assert table.clause.str.startswith("持续提升人才服务水平").any()  # a result verb heading its sentence counts


def test_agreement_with_the_hand_annotation(table, annotated):
    """Floors measured by benchmarks/bench_commitments.py; see the README for the disagreements."""
    assert (len(annotated), int(annotated.checkable.sum())) == (340, 102)
    agreement = commitment_agreement(table, annotated)
    assert (agreement["found"], agreement["found_checkable"]) == (339, 101)
    assert agreement["matched"] >= 339 and agreement["precision"] == 1.0
    assert agreement["verb_same"] >= 337
    assert agreement["class_same"] >= 335
    assert agreement["checkable_same"] >= 336
    assert agreement["missed"].clause.tolist() == ["分类分业施策"]


def test_summary_by_class_and_theme(table):
    by_class = ga.commitment_summary(table)
    assert by_class.commitments.sum() == len(table) and by_class.checkable.sum() == table.checkable.sum()
    assert by_class.set_index("verb_class").loc["bid_honour", ["commitments", "checkable"]].tolist() == [15, 15]
    by_theme = ga.commitment_summary(table, ["theme", "verb_class"])
    assert by_theme.commitments.sum() == len(table)


def test_hailar_2019_year_ahead(hailar):
    table = ga.commitments(hailar)
    gdp = table[table.object == "地区生产总值"].squeeze()  # 主要预期目标是：地区生产总值增长3.5%左右
    assert (gdp.verb, gdp.verb_class, gdp.quantity, gdp.sentence_id) == ("增长", "strive_figure", "3.5%左右", "s0102")
    income = table[table.sentence_id == "s0104"].squeeze()  # 城乡常住居民人均可支配收入分别增长7%和8%左右
    assert (income.object, income.quantity) == ("城乡常住居民人均可支配收入", "7%; 8%左右")
    air = table[table.sentence_id == "s0125"].iloc[-1]  # 全力确保空气优良天数达到350天
    assert (air.verb, air.verb_class, air.quantity) == ("确保", "strive_figure", "350天")
    opening = table[table.sentence_id == "s0183"].iloc[-1]  # 继续推进居然之家二期项目建设，争取年内投入运营
    assert (opening.deadline, opening.deliverables, opening.checkable) == ("年内", "居然之家二期项目", True)
    bid = table[table.sentence_id == "s0242"].iloc[-1]  # 持续推进“国家级健康促进区”创建工作
    assert (bid.verb_class, bid.deliverables) == ("bid_honour", "“国家级健康促进区”")
    assert table.sentence_id.isin(hailar.sentences.query("segment == 'year_ahead'").sentence_id).all()


def test_national_2022_year_ahead():
    if not NATIONAL_2022.exists():
        pytest.fail(f"the national report is missing: {NATIONAL_2022}")
    table = ga.commitments(ga.load_report(NATIONAL_2022))
    targets = table[table.sentence_id.isin(["s0157", "s0158", "s0159"])]  # 今年发展主要预期目标是：…
    assert targets[["object", "verb", "quantity"]].values.tolist() == [
        ["国内生产总值", "增长", "5.5%左右"],
        ["城镇新增就业", "", "1100万人以上"],
        ["城镇调查失业率", "控制在", "5.5%以内"],
        ["居民消费价格涨幅", "", "3%左右"],
    ]
    assert (targets.verb_class == "strive_figure").all()
    ratio = table[table.sentence_id == "s0303"]  # 将科技型中小企业加计扣除比例从75%提高到100%
    assert ratio[["verb", "object", "quantity"]].values.tolist()[1] == ["提高到", "科技型中小企业加计扣除比例", "75%; 100%"]
    assert "bid_honour" not in set(table.verb_class)


def test_tracking_sheet_workbook_and_csv(table, tmp_path):
    from openpyxl import load_workbook

    csv_path, xlsx_path = ga.write_tracking_sheet(table, tmp_path)
    assert csv_path.read_bytes()[:3] == b"\xef\xbb\xbf"
    back = pd.read_csv(csv_path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back.columns.tolist() == TRACKING_COLUMNS and len(back) == len(table)
    assert (back.status == "").all() and (back.evidence == "").all()
    sheet = load_workbook(xlsx_path).active
    header = [cell.value for cell in sheet[1]]
    assert header == TRACKING_COLUMNS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:O{len(table) + 1}"
    status = header.index("status") + 1
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(STATUS_CHOICES) + '"' == '"done,partly,not done,unclear"'
    assert str(validation.sqref) == f"K2:K{len(table) + 1}" and sheet.cell(1, status).column_letter == "K"
    assert all(sheet.cell(r, status).value is None for r in range(2, len(table) + 2))
    sentence = header.index("sentence") + 1
    row = table.reset_index(drop=True)
    assert [sheet.cell(r + 2, sentence).value for r in range(len(row))] == row.sentence.tolist()
    assert sheet.column_dimensions["N"].width == 80
    assert sheet.cell(2, header.index("checkable") + 1).value in (True, False)


def test_tracking_sheet_leaves_its_input_alone(table, tmp_path):
    before = table.copy()
    ga.write_tracking_sheet(table, tmp_path, name="t")
    pd.testing.assert_frame_equal(table, before)


@pytest.mark.parametrize("name", ["commitment_extraction", "commitment_quality", "tracking_sheet"])
def test_docstring_examples(name):
    module = importlib.import_module(f"guanxian_analysis.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_tracking_sheet_rerun_writes_the_same_bytes(table, tmp_path, monkeypatch):
    """The build is byte-identical on a rerun; openpyxl alone stamps the workbook with the time of saving."""
    import datetime
    import zipfile

    first = [p.read_bytes() for p in ga.write_tracking_sheet(table, tmp_path / "a")]

    class Later(datetime.datetime):  # the second save happens a day later
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime(2031, 6, 1, 12, 0, 0, tzinfo=tz)

    monkeypatch.setattr("openpyxl.writer.excel.datetime.datetime", Later)
    monkeypatch.setattr("time.time", lambda: 1_938_000_000.0)
    second = [p.read_bytes() for p in ga.write_tracking_sheet(table, tmp_path / "b")]
    assert first == second
    with zipfile.ZipFile(tmp_path / "b" / "commitments-tracking.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2031" not in archive.read("docProps/core.xml")
