"""Every real report in ../shared/corpus loads with the right year, place, level, parts and periods.

The expectations were read off each report's meeting line and part headings (and, for the
five-year reviews, the paragraphs that open them: 五年来…, “十四五”时期…, 刚刚过去的2025年…).
"""
from __future__ import annotations

import pytest

from guanxian_analysis import load_report, paths

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"

# file, year, place, level, meeting date, "part:segment@period" for each segment in text order
EXPECTED = [
    ("hailar/hailar_district_2012.txt", 2012, "海拉尔区", "county", "2012-02-29",
     "一:review_last_year@2011 二:year_ahead@2012 二:closing"),
    ("hailar/hailar_district_2013.txt", 2013, "海拉尔区", "county", "2013-02-28",
     "一:review_last_year@2012 二:year_ahead@2013 二:closing"),
    ("hailar/hailar_district_2014.txt", 2014, "海拉尔区", "county", "2014-02-19",
     "一:review_last_year@2013 二:year_ahead@2014 二:closing"),
    ("hailar/hailar_district_2015.txt", 2015, "海拉尔区", "county", "2015-02-05",
     "一:review_last_year@2014 一:review_summary 二:year_ahead@2015 二:closing"),
    ("hailar/hailar_district_2016.txt", 2016, "海拉尔区", "county", "2016-02-19",
     "一:review_five_years@2011-2015 一:review_last_year@2015 一:review_summary 二:plan_five_years@2016-2020 三:year_ahead@2016 三:closing"),
    ("hailar/hailar_district_2018.txt", 2018, "海拉尔区", "county", "2018-03-07",
     "一:review_last_year@2017 一:review_summary 二:year_ahead@2018 二:closing"),
    ("hailar/hailar_district_2019.txt", 2019, "呼伦贝尔市海拉尔区", "county", "2019-03-04",
     "一:review_last_year@2018 一:review_summary 二:year_ahead@2019 三:self_building 三:closing"),
    ("national/national_2019.txt", 2019, "全国", "national", "2019-03-05",
     "一:review_last_year@2018 一:review_summary 二:year_ahead@2019 三:year_ahead@2019 三:closing"),
    ("national/national_2021.txt", 2021, "全国", "national", "2021-03-05",
     "一:review_last_year@2020 一:review_summary 二:review_five_years@2016-2020 二:plan_five_years@2021-2025 三:year_ahead@2021 三:closing"),
    ("national/national_2022.txt", 2022, "全国", "national", "2022-03-05",
     "一:review_last_year@2021 一:review_summary 二:year_ahead@2022 三:year_ahead@2022 三:closing"),
    ("national/national_2024.txt", 2024, "全国", "national", "2024-03-05",
     "一:review_last_year@2023 一:review_summary 二:year_ahead@2024 三:year_ahead@2024 三:closing"),
    ("provinces-2026/anhui_2026.txt", 2026, "安徽省", "province", "2026-02-05",
     "一:review_last_year@2025 一:review_five_years@2021-2025 一:review_summary 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
    ("provinces-2026/beijing_2026.txt", 2026, "北京市", "province", "2026-01-25",
     "一:review_last_year@2025 一:review_summary 二:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
    ("provinces-2026/chongqing_2026.txt", 2026, "重庆市", "province", "2026-01-28",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 四:self_building 四:closing"),
    ("provinces-2026/fujian_2026.txt", 2026, "福建省", "province", "2026-01-27",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 四:self_building 四:closing"),
    ("provinces-2026/guangdong_2026.txt", 2026, "广东省", "province", "2026-01-26",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing glossary:glossary"),
    ("provinces-2026/guizhou_2026.txt", 2026, "贵州省", "province", "2026-01-27",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
    ("provinces-2026/hainan_2026.txt", 2026, "海南省", "province", "2026-01-27",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 四:self_building 四:closing glossary:glossary"),
    ("provinces-2026/hebei_2026.txt", 2026, "河北省", "province", "2026-01-26",
     "一:review_five_years@2021-2025 一:review_last_year@2025 一:review_summary 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
    ("provinces-2026/heilongjiang_2026.txt", 2026, "黑龙江省", "province", "2026-01-31",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 四:self_building 四:closing"),
    ("provinces-2026/henan_2026.txt", 2026, "河南省", "province", "2026-01-26",
     "一:review_five_years@2021-2025 一:review_last_year@2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
    ("provinces-2026/hubei_2026.txt", 2026, "湖北省", "province", "2026-01-27",
     "一:review_five_years@2021-2025 一:review_last_year@2025 一:review_summary 二:plan_five_years@2026-2030 三:year_ahead@2026 四:self_building 四:closing"),
    ("provinces-2026/jiangsu_2026.txt", 2026, "江苏省", "province", "2026-02-03",
     "一:review_five_years@2021-2025 一:review_last_year@2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
    ("provinces-2026/liaoning_2026.txt", 2026, "辽宁省", "province", "2026-01-27",
     "一:review_last_year@2025 一:review_five_years@2021-2025 一:review_summary 二:plan_five_years@2026-2030 二:year_ahead@2026 三:self_building 三:closing"),
    ("provinces-2026/shanghai_2026.txt", 2026, "上海市", "province", "2026-02-03",
     "一:review_last_year@2025 一:review_summary 二:plan_five_years@2026-2030 三:year_ahead@2026 四:self_building 四:closing"),
    ("provinces-2026/sichuan_2026.txt", 2026, "四川省", "province", "2026-02-03",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing glossary:glossary"),
    ("provinces-2026/zhejiang_2026.txt", 2026, "浙江省", "province", "2026-01-14",
     "一:review_last_year@2025 一:review_summary 一:review_five_years@2021-2025 二:plan_five_years@2026-2030 三:year_ahead@2026 三:closing"),
]


def test_the_corpus_is_all_here():
    files = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.txt"))
    assert files == sorted(row[0] for row in EXPECTED)  # a missing corpus fails, never skips


@pytest.mark.parametrize("name, year, place, level, date, segments", EXPECTED, ids=[r[0].split("/")[1] for r in EXPECTED])
def test_report_loads_with_year_place_parts_and_periods(name, year, place, level, date, segments):
    report = load_report(CORPUS / name)
    meta = report.meta
    assert (meta["year"], meta["place"], meta["level"], meta["meeting_date"]) == (year, place, level, date)
    assert meta["provenance"] == {"year": "meeting line", "place": "meeting line", "level": "place name"}
    parts = report.parts[report.parts.part != "opening"]
    got = " ".join(f"{p.part}:{p.segment}" + (f"@{p.period}" if isinstance(p.period, str) else "")
                   for p in parts.itertuples())
    assert got == segments
    # every sentence of a segment carries that segment's period
    for segment, period in report.sentences.groupby("segment")["period"]:
        assert period.nunique(dropna=False) == 1, segment


def _paragraph(report, start):
    return report.paragraphs[report.paragraphs.text.str.startswith(start)].iloc[0]


def test_five_year_spans_come_from_the_text():
    national = load_report(CORPUS / "national/national_2022.txt")
    assert set(national.paragraphs.segment) & {"review_five_years", "plan_five_years"} == set()  # 2021 only
    assert _paragraph(national, "——经济保持恢复发展").period == "2021"
    national_2021 = load_report(CORPUS / "national/national_2021.txt")
    assert _paragraph(national_2021, "过去五年，我国经济社会").period == "2016-2020"  # 十三五
    assert _paragraph(national_2021, "“十四五”时期是开启").period == "2021-2025"
    anhui = load_report(CORPUS / "provinces-2026/anhui_2026.txt")
    assert _paragraph(anhui, "——这五年，综合实力大幅跃升").period == "2021-2025"  # dash bullets of the 十四五 review
    assert _paragraph(anhui, "二、“十五五”时期主要目标和重大任务").period == "2026-2030"
    beijing = load_report(CORPUS / "provinces-2026/beijing_2026.txt")
    assert _paragraph(beijing, "这五年，我们牢记嘱托").period == "2021-2025"
    assert _paragraph(beijing, "“十五五”时期是基本实现").period == "2026-2030"
    fujian = load_report(CORPUS / "provinces-2026/fujian_2026.txt")  # part titles without 回顾/目标任务
    assert _paragraph(fujian, "五年来，我们聚力构建现代化产业体系").period == "2021-2025"
    assert _paragraph(fujian, "初步统计，2025年全省地区生产总值").period == "2025"
    assert _paragraph(fujian, "“十五五”时期是基本实现").period == "2026-2030"
    liaoning = load_report(CORPUS / "provinces-2026/liaoning_2026.txt")  # one part: the plan, then 2026
    assert _paragraph(liaoning, "今年是“十五五”开局之年").period == "2026"
    hailar = load_report(CORPUS / "hailar/hailar_district_2016.txt")
    assert hailar.parts.set_index("segment").loc["plan_five_years", "title"] == "“十三五”经济社会发展的主要目标和任务"


def test_page_furniture_and_annexes_stay_out_of_the_body():
    sichuan = load_report(CORPUS / "provinces-2026/sichuan_2026.txt")
    assert "责任编辑" not in sichuan.text and "关闭窗口" not in sichuan.text
    assert sichuan.meta["footer"][:2] == ["责任编辑：", "李莎莎"]
    assert sichuan.meta["footer"][-2:] == ["2026年四川省人民政府工作报告", "各位代表：现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。"]
    assert sichuan.text.count("现在，我代表省人民政府") == 1  # the page's repeated lead stays in the footer
    anhui = load_report(CORPUS / "provinces-2026/anhui_2026.txt")
    assert "相关报道" not in anhui.text and anhui.meta["footer"] == ["相关报道："]
    guangdong = load_report(CORPUS / "provinces-2026/guangdong_2026.txt")
    assert guangdong.meta["annexes"][:2] == ["附件1", "2026年省十件民生实事"]
    assert "2026年省十件民生实事" not in guangdong.text and "附件" not in guangdong.text
    assert guangdong.glossary.empty and guangdong.paragraphs.query("part == 'glossary'").shape[0] > 20


def test_caller_metadata_for_a_text_without_meeting_line(tmp_path):
    lines = (CORPUS / "hailar/hailar_district_2013.txt").read_bytes().decode("gb18030").splitlines()
    text = "\n".join(line for line in lines if "人民代表大会" not in line[:40])
    path = tmp_path / "no-meeting.txt"
    path.write_text(text, encoding="utf-8")
    bare = load_report(path)
    assert bare.meta["place"] is None and bare.meta["year"] == 2013  # year from 一、…/二、2013年工作安排
    assert bare.meta["provenance"] == {"year": "part heading", "place": None, "level": None}
    known = load_report(path, year=2013, place="海拉尔区")
    assert (known.meta["year"], known.meta["place"], known.meta["level"]) == (2013, "海拉尔区", "county")
    assert known.meta["provenance"] == {"year": "caller", "place": "caller", "level": "place name"}
    assert known.meta["caller_overrides"] == {}
    moved = load_report(CORPUS / "hailar/hailar_district_2013.txt", place="呼伦贝尔市海拉尔区", level="county")
    assert moved.meta["caller_overrides"] == {"place": "海拉尔区"}
    assert moved.meta["provenance"]["level"] == "caller"
    with pytest.raises(ValueError, match="level"):
        load_report(path, level="village")


def test_dash_variants_and_full_width_digits(tmp_path):
    raw = (CORPUS / "hailar/hailar_district_2018.txt").read_bytes().decode("gb18030")
    assert "—2018年3月7日" in raw  # a single dash
    wide = raw.replace("2018年工作安排", "２０１８年工作安排").replace("—2018年3月7日", "--2018年3月7日")
    path = tmp_path / "wide.txt"
    path.write_text(wide, encoding="utf-8")
    report = load_report(path)
    assert report.meta["meeting_date"] == "2018-03-07"
    assert report.parts.set_index("segment").loc["year_ahead", "title"] == "2018年工作安排"
    assert report.cleaning.set_index("step").loc["normalize_digits", "count"] == 1


def test_salutation_before_the_title_and_a_title_without_年(tmp_path):
    lines = [line for line in (CORPUS / "hailar/hailar_district_2013.txt").read_bytes().decode("gb18030").splitlines()
             if line.strip()]
    salutation = next(i for i, line in enumerate(lines) if "各位代表" in line)
    moved = [lines[salutation], "2013政府工作报告", *lines[1:salutation], *lines[salutation + 1:]]
    path = tmp_path / "salutation-first.txt"
    path.write_text("\n".join(moved), encoding="utf-8")
    report = load_report(path)
    assert (report.meta["title"], report.meta["meeting_date"], report.meta["speaker"]) == (
        "2013政府工作报告", "2013-02-28", "杜联合")
    assert report.paragraphs.text.iloc[0] == "各位代表：" and "2013政府工作报告" not in report.text
    assert report.meta["provenance"]["year"] == "meeting line"


@pytest.mark.parametrize("title, preview, segment", [
    ("过去五年工作回顾", "", "review_five_years"),
    ("2025年及“十四五”时期工作回顾", "", "review_last_year"),
    ("“十四五”时期和2025年工作回顾", "", "review_five_years"),
    ("2025年主要工作和“十四五”发展成就", "", "review_last_year"),
    ("“十五五”时期主要目标任务", "", "plan_five_years"),
    ("今后五年工作总体安排", "", "plan_five_years"),
    ("2026年重点工作", "", "year_ahead"),
    ("一鼓作气勇争先，全力推动“十五五”开好局、起好步", "", "year_ahead"),
    ("一以贯之转作风，努力建设人民满意的服务型政府", "", "self_building"),
    ("一年接着一年干，新福建建设持续取得新进展新成效", "2025年是“十四五”收官之年。一年来，我们坚持…", "review_last_year"),
    ("一张蓝图绘到底，奋力谱写中国式现代化福建篇章", "“十五五”时期是基本实现社会主义现代化夯基础", "plan_five_years"),
])
def test_part_titles_seen_in_real_reports(title, preview, segment):
    from guanxian_analysis.structure import _part_segment

    assert _part_segment(title, 2026, preview) == segment
