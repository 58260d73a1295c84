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


def test_first_place_written_shou_wei_is_rank_one_in_indicators_and_ranks():
    name = "hailar/hailar_district_2019.txt"
    first = _row(name, "中考“一分两率”继续稳居全市", "首")  # 继续稳居全市首位
    assert (first.value, first.unit, first.kind, first.figure, first.period) == (1.0, "位", "rank", "首位", "2018")
    assert first.metric == "中考“一分两率”"  # 继续稳居全市 is the rank phrase, not part of the name
    grain = _row("provinces-2026/heilongjiang_2026.txt", "粮食总产再创历史新高，连续16年位居全国", "首")
    assert (grain.metric, grain.value) == ("粮食总产", 1.0)
    places = ga.ranks(ga.load_report(CORPUS / name))
    row = places[places.sentence_id == first.sentence_id].query("claim == 'position'").squeeze()
    assert (row["rank"], row["rank_text"], row["scope"]) == (1.0, "全市首位", "全市")
    # 把…放在首位 (put first) is no rank
    audit = ga.number_audit(ga.load_report(CORPUS / "hailar/hailar_district_2012.txt"))
    assert audit[audit.text == "首"][["status", "reason"]].values.tolist() == [["excluded", "set phrase (放在首位)"]]


def test_fractions_are_shares_with_an_empty_unit():
    drugs = _row("hailar/hailar_district_2019.txt", "缉毒量占自治区年度缉毒总量的", "1/4")
    assert (drugs.value, drugs.unit, drugs.kind, drugs.figure, drugs.status) == (0.25, "", "share", "1/4", "actual")
    ships = _row("provinces-2026/jiangsu_2026.txt", "船舶海工出口规模占全国", "1/3")  # 占全国1/3以上
    assert (round(ships.value, 4), ships.kind, ships.qualifier, ships.bound) == (0.3333, "share", "以上", "min")
    cut = _row("national/national_2019.txt", "工业生产许可证种类压减", "三分之一")  # 压减三分之一以上
    assert (cut.kind, cut.direction, cut.qualifier, cut.figure) == ("growth_rate", "down", "以上", "−三分之一以上")


def test_a_length_of_time_in_years_and_an_age_threshold_in_years():
    old = _row("hailar/hailar_district_2019.txt", "利用", "三")  # 利用三年左右时间对老旧小区进行改造
    assert (old.value, old.unit, old.kind, old.qualifier, old.period, old.status) == (
        3.0, "年", "duration", "左右", "2019-2021", "target")
    estates = _row("hailar/hailar_district_2016.txt", "加快推进", "20")  # 加快推进20年以上小区的既有建筑节能改造
    assert (estates.unit, estates.kind, estates.qualifier, estates.bound, estates.period) == (
        "年", "threshold", "以上", "min", "2016")
    # a year count that is no length of time stays out: 五年来, 三年行动
    audit = ga.number_audit(ga.load_report(CORPUS / "hailar/hailar_district_2019.txt"))
    assert set(audit[audit.text == "三"].reason.dropna()) >= {"period length"}


def test_counts_of_policy_items_summing_up_a_list_of_work():
    name = "hailar/hailar_district_2019.txt"
    six = _row(name, "村庄清洁行动等", "6")  # 以“厕所革命”、…、村庄清洁行动等6项内容为重点
    assert (six.value, six.unit, six.kind, six.status) == (6.0, "项", "count", "target")
    four = _row(name, "“三权”分置、农企利益联结", "四")  # 扎实做好…、“三权”分置、农企利益联结四项改革
    assert (four.value, four.unit, four.kind) == (4.0, "项", "count")
    plans = _row(name, "返乡农牧民工创业”", "六")  # 全面实施“创客逐梦、…、返乡农牧民工创业”六项计划
    assert (plans.value, plans.unit) == (6.0, "项")
    # principles held to and the rests of work (以3处…为依托) are no counts of work done
    audit = ga.number_audit(ga.load_report(CORPUS / "hailar/hailar_district_2016.txt"))
    report = ga.load_report(CORPUS / "hailar/hailar_district_2016.txt")
    principles = report.text.index("”三项原则") + 1
    assert audit.set_index("start").loc[principles, "status"] == "excluded"
    guanxian = ga.number_audit(ga.load_report())
    assert "background figure (以…为依托)" in set(guanxian.reason)


def test_wan_before_a_people_noun_counts_people():
    name = "hailar/hailar_district_2016.txt"
    citizens = _row(name, "使2.58万户、近", "8")  # 使2.58万户、近8万市民直接受益
    assert (citizens.value, citizens.unit, citizens.value_base, citizens.kind, citizens.qualifier, citizens.figure) == (
        8.0, "万", 80000.0, "count", "近", "近8万")
    residents = _row(name, "的年度改造任务，近", "4")  # 近4万居民的居住条件得到改善
    assert (residents.unit, residents.qualifier, residents.period) == ("万", "近", "2015")
    pupils = _row("national/national_2022.txt", "提高学生营养改善计划补助标准，", "3700")  # 3700多万学生受益
    assert (pupils.unit, pupils.qualifier, pupils.figure) == ("万", "多", "3700多万")
    # 每10万人口 is the base of a rate
    audit = ga.number_audit(ga.load_report(CORPUS / "provinces-2026/hainan_2026.txt"))
    assert audit[audit.text == "10"].reason.tolist().count("base of a rate (每…)") == 1


def test_units_of_a_size_written_with_times():
    name = "hailar/hailar_district_2016.txt"
    datang = _row(name, "加快推进大唐", "2×66")  # 大唐2×66万千瓦发电
    assert (datang.value, datang.unit, datang.value_base, datang.kind, datang.figure, datang.status) == (
        132.0, "万千瓦", 1.32e6, "level", "2×66万千瓦", "target")
    east = _row(name, "和东海拉尔发电厂", "2×35")
    assert (east.value, east.unit) == (70.0, "万千瓦")


def test_the_name_of_a_set_of_rules_is_no_count():
    report = ga.load_report(CORPUS / "hailar/hailar_district_2016.txt")
    audit = ga.number_audit(report)
    rules = report.text.index("28条配套规定")
    assert audit.set_index("start").loc[rules, ["status", "reason"]].tolist() == ["excluded", "name of a set of rules"]
    # counts of measures issued stay counts: 出台稳就业20条政策措施
    assert _row("provinces-2026/heilongjiang_2026.txt", "出台稳就业", "20").kind == "count"


def test_chao_before_a_figure_is_a_lower_bound_and_keeps_the_change():
    ic = _row("provinces-2026/beijing_2026.txt", "集成电路产业规模增长超", "20")  # 集成电路产业规模增长超20%
    assert (ic.kind, ic.direction, ic.qualifier, ic.bound, ic.figure) == ("growth_rate", "up", "超", "min", "超20%")
    jobs = _row("provinces-2026/jiangsu_2026.txt", "城镇新增就业超", "690")  # 城镇新增就业超690万人
    assert (jobs.kind, jobs.unit, jobs.qualifier, jobs.bound) == ("count", "万人", "超", "min")


def test_fraction_like_strings_that_are_no_shares_stay_out_with_a_reason():
    report, table = _small_report("压减零分之一。占全国的4/3。三分之五。居首位。")
    assert table[["value", "unit", "kind", "figure"]].values.tolist() == [[1.0, "位", "rank", "首位"]]
    audit = ga.number_audit(report)
    assert audit[audit.status == "excluded"].set_index("text").reason.loc[["零分之一", "4/3", "三分之五"]].tolist() == [
        "not a fraction of a whole", "date, time or document number", "not a fraction of a whole"]


def test_tenths_written_cheng_are_shares_in_percent():
    share = _row("provinces-2026/beijing_2026.txt", "中小微企业政府采购占比近", "八")  # 占比近八成
    assert (share.value, share.unit, share.value_base, share.base_unit, share.kind, share.qualifier) == (
        8.0, "成", 80.0, "%", "share", "近")
    sales = _row("provinces-2026/fujian_2026.txt", "带动服务区农特产品销售增长近", "四")  # 销售增长近四成
    assert (sales.kind, sales.direction, sales.value_base) == ("growth_rate", "up", 40.0)
    # 成为, 建成, 一成不变 are no tenths
    audit = ga.number_audit(ga.load_report(CORPUS / "provinces-2026/beijing_2026.txt"))
    assert not audit.text.str.contains("成").any()
