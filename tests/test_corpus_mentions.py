"""Which numbers are figures and how they read (kind, bound, direction, period) on real corpus sentences.

Each test quotes a sentence of a corpus report (../shared/corpus) and asserts the exact row it gives; the
classes are those of issue 9's leftovers on the Hailar fixtures (cuts, thresholds against bounded counts,
capacities, fractions, durations, policy-item counts, 万 before a people noun, 2×66万千瓦, 首位).
"""
from __future__ import annotations

import guanxian_analysis as ga
from test_corpus_indicators import CORPUS, _row, _small_report


def test_a_cut_written_verb_first_is_a_change_down():
    # 削减审批事项62项，精简30.5%；…减少区直部门5个 (Hailar 2016, five-year review)
    cut = _row("hailar/hailar_district_2016.txt", "削减审批事项", "62")
    assert (cut.kind, cut.direction, cut.unit, cut.figure) == ("change", "down", "项", "−62项")
    share = _row("hailar/hailar_district_2016.txt", "精简", "30.5")
    assert (share.kind, share.direction) == ("growth_rate", "down")
    depts = _row("hailar/hailar_district_2016.txt", "减少区直部门", "5")
    assert (depts.kind, depts.direction, depts.unit) == ("change", "down", "个")
    time = _row("provinces-2026/beijing_2026.txt", "平均压减时间", "58")  # 平均压减时间58%、材料52%
    assert (time.kind, time.direction) == ("growth_rate", "down")
    # 关停单烧锅炉133座: a closure of things stays a count of things done
    assert _row("hailar/hailar_district_2016.txt", "关停单烧锅炉", "133").kind == "count"


def test_a_rise_per_month_is_a_change_up():
    rise = _row("hailar/hailar_district_2016.txt", "生活补贴人均月增", "200")
    assert (rise.kind, rise.direction, rise.unit, rise.value) == ("change", "up", "元", 200.0)


def test_a_bound_on_the_count_of_the_thing_counted_is_not_a_threshold():
    firms = _row("hailar/hailar_district_2016.txt", "年内实现", "5")  # 年内实现5家以上企业入驻
    assert (firms.kind, firms.unit, firms.qualifier, firms.bound, firms.status) == ("count", "家", "以上", "min", "target")
    projects = _row("provinces-2026/henan_2026.txt", "实施", "1000")  # 实施1000个以上省重点项目
    assert (projects.kind, projects.bound) == ("count", "min")
    # a size or age before the noun it sizes stays a threshold: villages of 20+ households, projects of 10亿元+
    village = _row("provinces-2026/henan_2026.txt", "行政村和", "20")  # 行政村和20户以上自然村全部通硬化路
    assert (village.kind, village.unit, village.bound) == ("threshold", "户", "min")
    big = _row("provinces-2026/shanghai_2026.txt", "开工建设", "10")  # 开工建设10亿元以上重大产业项目47个
    assert (big.kind, big.unit) == ("threshold", "亿元")
    elderly = _row("national/national_2019.txt", "我国", "60")  # 我国60岁以上人口已达2.5亿
    assert elderly.kind == "threshold"


def test_an_age_that_is_an_amount_is_not_a_threshold():
    life = _row("provinces-2026/guangdong_2026.txt", "人均预期寿命提高到", "80")  # …提高到80岁以上。
    assert (life.kind, life.unit, life.qualifier, life.bound) == ("level", "岁", "以上", "min")
    start = _row("provinces-2026/zhejiang_2026.txt", "人均预期寿命从", "80.2")  # 从80.2岁提升至82.5岁
    assert start.kind == "level"
    gain = _row("national/national_2021.txt", "人均预期寿命再提高", "1")
    assert (gain.kind, gain.direction) == ("change", "up")


def test_a_year_at_the_head_of_a_sentence_cut_at_a_semicolon_dates_its_second_half():
    # 2015年城镇常住居民人均可支配收入完成30788元，…；农村常住居民人均可支配收入完成22250元，比2010年增加10525元
    urban = _row("hailar/hailar_district_2016.txt", "2015年城镇常住居民人均可支配收入完成", "30788")
    rural = _row("hailar/hailar_district_2016.txt", "农村常住居民人均可支配收入完成", "22250")
    assert (urban.period, rural.period) == ("2015", "2015")
    # the changes beside them describe the five years
    assert _row("hailar/hailar_district_2016.txt", "比2010年增加", "10525").period == "2011-2015"
    # a level with no year of its own, in a sentence not cut from a dated one, keeps the span
    assert _row("hailar/hailar_district_2016.txt", "人均住房面积达到", "39.28").period == "2011-2015"


def test_a_count_of_goods_before_the_facility_it_sizes_is_a_capacity():
    line = _row("hailar/hailar_district_2019.txt", "蒙拓农机", "3000")  # 3000台牧业机械生产线智能化升级改造项目
    assert (line.kind, line.unit, line.value) == ("level", "台", 3000.0)
    works = _row("hailar/hailar_district_2012.txt", "冀东物贸集团年产", "3000")  # 年产3000辆专用车项目
    assert (works.kind, works.unit) == ("level", "辆")
    # 个 counts the projects themselves
    assert _row("hailar/hailar_district_2012.txt", "古纳河酒业等", "22").kind == "count"
