"""Indicators on reports the extractor was not written for: names, numerals, thresholds, periods.

Each test quotes a real sentence of a corpus report (../shared/corpus) and the row it must give.
"""
from __future__ import annotations

import re

import pytest

import guanxian_analysis as ga
from guanxian_analysis import paths
from guanxian_analysis.report import parse_report

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"
FILES = sorted(CORPUS.rglob("*.txt"))


def _row(name: str, before: str, number: str):
    """The indicator whose number ``number`` follows the text ``before`` in report ``name``."""
    report = ga.load_report(CORPUS / name)
    table = ga.indicators(report)
    hits = [row for row in table.itertuples()
            if report.text[row.start:row.end] == number and report.text[:row.start].endswith(before)]
    assert len(hits) == 1, (name, before, number, len(hits))
    return hits[0]


@pytest.fixture(scope="module")
def corpus_tables():
    assert FILES, f"no corpus under {CORPUS}"
    return {f.name: ga.indicators(ga.load_report(f)) for f in FILES}


def test_every_corpus_report_yields_indicators(corpus_tables):
    counts = {name: len(table) for name, table in corpus_tables.items()}
    assert min(counts.values()) >= 25, counts  # national 2024 has the fewest figures
    assert sum(counts.values()) > 4000


def test_metric_names_are_never_empty_doubled_or_function_word_fragments(corpus_tables):
    for name, table in corpus_tables.items():
        metrics = table.metric.fillna("")
        assert (metrics.str.len() >= 2).all(), (name, table[metrics.str.len() < 2].sentence.tolist()[:3])
        doubled = metrics[metrics.map(lambda m: re.search(r"([\u4e00-\u9fff]{2,})\1", m) is not None)]
        assert doubled.empty, (name, doubled.tolist())
        fragments = metrics[metrics.str.match(r"^[了的将把和及并]")]
        assert fragments.empty, (name, fragments.tolist())


def test_subject_of_an_earlier_clause_names_the_figure():
    gdp = _row("national/national_2022.txt", "国内生产总值达到", "114")
    assert (gdp.metric, gdp.unit, gdp.value_base, gdp.period) == ("国内生产总值", "万亿元", 1.14e14, "2021")
    growth = _row("national/national_2022.txt", "国内生产总值达到114万亿元，增长", "8.1")
    assert (growth.metric, growth.kind, growth.direction) == ("国内生产总值", "growth_rate", "up")
    assert _row("hailar/hailar_district_2012.txt", "新农合参合率再创新高，达到", "98.5").metric == "新农合参合率"
    wage = _row("hailar/hailar_district_2016.txt", "环卫工人工资标准逐年提高，平均达到", "2000")
    assert wage.metric == "社区干部生活补贴和环卫工人工资标准"


def test_adjacent_counts_share_their_group_and_growth_wording_sets_the_kind():
    poor = [_row("hailar/hailar_district_2019.txt", before, number)
            for before, number in [("建档立卡贫困户", "301"), ("建档立卡贫困户301户", "611")]]
    assert [(r.unit, r.metric) for r in poor] == [("户", "建档立卡贫困户脱贫"), ("人", "建档立卡贫困户脱贫")]
    speed = _row("hailar/hailar_district_2019.txt", "规模以上工业增加值增速达到", "11.1")
    assert (speed.metric, speed.kind) == ("规模以上工业增加值", "growth_rate")  # 增速 says the kind


def test_national_2022_headline_figures():
    name = "national/national_2022.txt"
    rate = _row(name, "城镇调查失业率平均为", "5.1")
    assert (rate.metric, rate.kind, rate.period) == ("城镇调查失业率", "share", "2021")
    cpi = _row(name, "居民消费价格上涨", "0.9")
    assert (cpi.metric, cpi.kind, cpi.direction) == ("居民消费价格", "growth_rate", "up")
    income = _row(name, "居民人均可支配收入实际增长", "8.1")
    assert (income.metric, income.kind) == ("居民人均可支配收入", "growth_rate")
    target = _row(name, "城镇调查失业率全年控制在", "5.5")
    assert (target.metric, target.qualifier, target.bound, target.period, target.status) == (
        "城镇调查失业率", "以内", "max", "2022", "target")
    assert (_row(name, "居民消费价格涨幅", "3").kind, _row(name, "今年赤字率拟按", "2.8").metric) == ("growth_rate", "赤字率")


def test_a_verb_after_the_figure_is_not_its_noun():
    name = "provinces-2026/henan_2026.txt"
    corridor = _row(name, "沿黄生态廊道", "1194")
    assert (corridor.metric, corridor.kind, corridor.period) == ("沿黄生态廊道", "level", "2021-2025")
    schools = _row(name, "改善", "7000")  # 改善7000多所义务教育学校办学条件: a count, not a change
    assert (schools.kind, schools.qualifier, schools.bound, schools.metric) == ("count", "多", "min", "义务教育学校办学条件")
    assert schools.direction != schools.direction  # no direction (NaN)


def test_examples_before_a_head_noun_and_years_stay_out_of_names():
    name = "hailar/hailar_district_2016.txt"
    roads = _row(name, "伊敏河沿河路贯通工程等城市主干道路", "80")  # 新建、改造胜利大街、…等城市主干道路80条
    assert (roads.metric, roads.unit, roads.kind) == ("城市主干道路", "条", "count")
    airport = _row(name, "2015年空港旅客吞吐量实现", "183")
    assert (airport.metric, airport.unit) == ("空港旅客吞吐量", "万人次")


def test_lead_phrase_names_a_bare_investment():
    # 继续举全区之力推进棚户区改造工程。全年投资90.07亿元，完成1.8万户、189万平方米棚改任务
    assert _row("hailar/hailar_district_2018.txt", "全年投资", "90.07").metric == "棚户区改造工程投资"
    # 老城区改造工作成效明显。全年共完成投资3.5亿元。 (the filler 工作 and the predicate 成效明显 stay out)
    assert _row("hailar/hailar_district_2016.txt", "全年共完成投资", "3.5").metric == "老城区改造投资"
    # 东山组团基础设施建设取得突破性进展。全年完成投资15.9亿元，…: a lead phrase longer than 16 characters
    assert _row("hailar/hailar_district_2016.txt", "全年完成投资", "15.9").metric == "东山组团基础设施建设投资"
    # 全区96户177人建档立卡贫困人口: the noun after both figures
    assert _row("hailar/hailar_district_2018.txt", "全区", "96").metric == "建档立卡贫困人口"


def test_a_bare_sum_takes_the_clause_subject_without_its_predicate():
    name = "hailar/hailar_district_2016.txt"
    # 棚户区改造和房地产开发进程加快，累计完成投资485.36亿元
    assert _row(name, "累计完成投资", "485.36").metric == "棚户区改造和房地产开发投资"
    # 哈克镇生态奶源基地建设初具规模，完成投资3340万元
    assert _row(name, "初具规模，完成投资", "3340").metric == "哈克镇生态奶源基地建设投资"
    # 我区公共服务体系日趋完善，公共服务水平显著提高，累计完成投入33.4亿元: money is not spent on a 水平
    assert _row(name, "累计完成投入", "33.4").metric == "公共服务投入"


def test_a_bare_sum_takes_what_the_next_clause_says_it_bought():
    name = "hailar/hailar_district_2016.txt"
    # ——城市面貌发生巨变。… 五年累计投资5.1亿元，建成西出口等31条公路: the roads, not the bullet's 城市面貌
    assert _row(name, "五年累计投资", "5.1").metric == "公路投资"
    # 全年计划投资15亿元，统筹推进棚户区改造和城市基础设施建设，…
    assert _row(name, "全年计划投资", "15").metric == "棚户区改造和城市基础设施建设计划投资"
    # 全年计划投资12.7亿元，实施重点商贸流通项目17个。 (the noun before a trailing count)
    assert _row("hailar/hailar_district_2012.txt", "全年计划投资", "12.7").metric == "重点商贸流通项目计划投资"
    # 投资2.6亿元，实施了中心城区26公里供水、117公里供热、…: several sized items, the clause without its figures
    assert _row("hailar/hailar_district_2015.txt", "投资", "2.6").metric == "中心城区供水、供热、燃气管网铺设及电缆线路改造工程投资"


def test_a_list_after_a_figure_is_kept_with_its_head():
    name = "hailar/hailar_district_2016.txt"
    # 投资3.06亿元实施了供水、供热、污水、雨水等管网改造: kinds of 管网 (short items), not examples of it
    assert _row(name, "投资", "3.06").metric == "供水、供热、污水、雨水等管网改造投资"
    # 全面完成1074户危旧房屋的新建、维修、拆除工作
    assert _row(name, "全面完成", "1074").metric == "危旧房屋新建、维修、拆除"
    # 对全区14个景区景点的环境实施了完善提升: the light verb 实施了 is not part of the name
    assert _row(name, "对全区", "14").metric == "景区景点环境完善提升"
    name = "hailar/hailar_district_2019.txt"
    # 投入2000余万元对城区主要街道破损步道板、台阶、路边石进行修复
    assert _row(name, "投入", "2000").metric == "城区主要街道破损步道板、台阶、路边石修复投入"
    # …、45个老旧小区地面硬化、绿化修复工作: the last item stays, the filler 工作 goes
    assert _row(name, "、", "45").metric == "老旧小区地面硬化、绿化修复"
    # 10公里雨水管网及泵站改造、污泥处置、…等项目: a length sizes the first item only
    assert _row("hailar/hailar_district_2012.txt", "投资8000万元实施", "10").metric == "雨水管网及泵站改造"


def test_a_predicate_before_the_number_is_not_its_name():
    name = "hailar/hailar_district_2016.txt"
    # 棚户区改造工作成效显著，…，举全区之力全面完成了13672户的年度改造任务，…，完成投资55.2亿元
    assert _row(name, "举全区之力全面完成了", "13672").metric == "棚户区改造"
    assert _row(name, "居住条件得到改善，完成投资", "55.2").metric == "棚户区改造投资"
    # 今年，我区初步安排的重点调度项目有66个。
    assert _row(name, "重点调度项目有", "66").metric == "重点调度项目"
    # 陆续启动建设街道办事处金星村等四个村的棚户区改造工作
    assert _row(name, "金星村等", "四").metric == "村棚户区改造"


def test_a_bare_task_belongs_to_the_work_the_sentence_or_lead_names():
    # 继续推进棚户区改造，完成800户的改造任务。
    assert _row("hailar/hailar_district_2019.txt", "完成", "800").metric == "棚户区改造"
    name = "hailar/hailar_district_2016.txt"
    # 四是全力推进棚户区改造工程。… 全力完成今年8008户改造任务。 (the lead phrase, cut after 改造)
    assert _row(name, "全力完成今年", "8008").metric == "棚户区改造"
    # 二是全面加快新区建设。… 年内完成16.9万平方米的绿化任务。 (the place the lead names)
    assert _row(name, "年内完成", "16.9").metric == "新区绿化任务"
    # （5）推进地质灾害避险搬迁，完成2.08万人搬迁任务。
    assert _row("provinces-2026/guizhou_2026.txt", "完成", "2.08").metric == "地质灾害避险搬迁"
    # 全年完成43项改革任务: a count of the tasks themselves keeps their name
    assert _row("hailar/hailar_district_2018.txt", "全年完成", "43").metric == "改革任务"


def test_guanxian_names_a_given_sum_a_bare_grade_and_a_list_after_a_verb_phrase():
    # 为3729户低收入农牧户发放冬煤补贴223.7万元: the recipients are counted, the sum is the 补贴
    name = "hailar/hailar_district_2014.txt"
    assert _row(name, "低收入农牧户发放冬煤补贴", "223.7").metric == "冬煤补贴"
    guanxian = ga.load_report()
    table = ga.indicators(guanxian).set_index("figure")
    loan = table[table.sentence.str.contains("蓝天环保贷")]
    assert loan[["value", "metric"]].to_numpy().tolist() == [[32, "企业发放贷款"], [5127, "贷款"]]
    # 新培育省级以上“专精特新”企业2家、市级以上10家: the grade replaces the previous item's grade
    grades = table[table.sentence.str.contains("市级以上10家")]
    assert grades.metric.tolist() == ["新培育省级以上“专精特新”企业", "市级以上“专精特新”企业"]
    # 引导企业主导或参与制定国家标准、行业标准、团体标准4项以上: items of one shape, the verb phrase is not the first's
    standards = table[table.sentence.str.contains("团体标准4项以上")]
    assert standards.metric.iloc[0] == "国家标准、行业标准、团体标准"


def test_noun_phrases_lose_fillers_and_keep_their_owner():
    name = "hailar/hailar_district_2019.txt"
    # 加快推进15个棚改区域的道路、供水、污水等配套基础设施项目: whose (棚改区域) and the head after 等
    assert _row(name, "加快推进", "15").metric == "棚改区域配套基础设施项目"
    # 依法公开各类政府信息6289条: 各类 says nothing
    assert _row(name, "依法公开各类政府信息", "6289").metric == "公开政府信息"
    # 投资2650万元改扩建15个社区党群服务中心: the money's object and its specific verb
    assert _row(name, "投资", "2650").metric == "社区党群服务中心改扩建投资"
    name = "hailar/hailar_district_2016.txt"
    # 建成4所学校运动场和2座风雨场馆: the 和 belongs to the next item
    assert _row(name, "标准化学校创建，建成", "4").metric == "学校运动场"
    # 削减审批事项62项，精简30.5%: the verb of the cut is the direction, not the name
    assert [_row(name, before, number).metric for before, number in [("削减审批事项", "62"), ("精简", "30.5")]] == [
        "审批事项", "审批事项"]


def test_a_bare_total_is_the_total_of_what_was_counted_before_it():
    # 建成西出口等31条公路，总里程达到79.46公里
    assert _row("hailar/hailar_district_2016.txt", "总里程达到", "79.46").metric == "公路总里程"
    # 新增境内上市公司62家，总数186家
    assert _row("provinces-2026/anhui_2026.txt", "总数", "186").metric == "境内上市公司总数"
    # 开通3条地铁新线、新增运营里程30公里，总里程达909公里: a length is not what a total counts
    assert _row("provinces-2026/beijing_2026.txt", "总里程达", "909").metric == "总里程"


def test_short_names_take_the_topic_or_the_word_that_qualifies_them():
    name = "hailar/hailar_district_2019.txt"
    # 政务服务水平大幅提升，全年办件6109件，办结率100%: the opening clause's topic, without 水平
    assert [_row(name, before, number).metric for before, number in [("全年办件", "6109"), ("办结率", "100")]] == [
        "政务服务办件", "政务服务办结率"]
    # 16项中央环保督察反馈问题已整改完成7项，剩余9项问题均取得突破性进展
    assert _row(name, "剩余", "9").metric == "剩余问题"
    name = "hailar/hailar_district_2016.txt"
    # 全力完成今年66个重点项目54亿元的投资计划: the plan of the projects just counted
    assert _row(name, "66个重点项目", "54").metric == "重点项目投资计划"
    # 为困难家庭发放蔬菜价格补贴251万元
    assert _row(name, "为困难家庭发放蔬菜价格补贴", "251").metric == "困难家庭蔬菜价格补贴"
    # …补植、管护任务和3000亩重点区域绿化工作任务: neither 任务 nor 工作 is part of the name
    assert _row(name, "管护任务和", "3000").metric == "重点区域绿化"
    # 今年安排中央本级支出增长3.9%: 安排 frames the figure, like 预计 and 力争
    assert _row("national/national_2022.txt", "今年安排中央本级支出增长", "3.9").metric == "中央本级支出"
    # 主要工业企业二氧化硫排放量与化学需氧量排放量比2010年分别降低5.2%和11.5%: 与 joins two items
    assert _row(name, "分别降低", "5.2").metric == "主要工业企业二氧化硫排放量"


def test_a_bare_counted_noun_is_named_by_what_happened_to_it():
    # 5家企业完成迁建工作 (the annotated 企业完成迁建); 11家企业入选全球人形机器人上市公司百强
    assert _row("hailar/hailar_district_2016.txt", "“退二进三”工作启动实施，", "5").metric == "企业完成迁建"
    assert _row("provinces-2026/guangdong_2026.txt", "核心技术，", "11").metric == "企业入选全球人形机器人上市公司百强"
    # 沿黄生态廊道1194公里全线贯通: a named thing keeps its own name
    assert _row("provinces-2026/henan_2026.txt", "沿黄生态廊道", "1194").metric == "沿黄生态廊道"


def test_a_count_of_the_names_listed_before_it_keeps_them():
    name = "hailar/hailar_district_2019.txt"
    # 龙运华府小区、东方明珠小区2条棚改配套道路完成投资2840万元: two names, 2条
    assert _row(name, "东方明珠小区", "2").metric == "龙运华府小区、东方明珠小区棚改配套道路"
    assert _row(name, "棚改配套道路完成投资", "2840").metric == "龙运华府小区、东方明珠小区棚改配套道路投资"
    # 挂牌建设金凤、嘉陵江、明月湖3个重庆实验室: a verb before the first name, the list is not a name
    assert _row("provinces-2026/chongqing_2026.txt", "明月湖", "3").metric == "重庆实验室"


def test_what_a_sum_bought_stops_where_the_next_figure_s_measure_begins():
    name = "hailar/hailar_district_2016.txt"
    # 累计完成投资3.23亿元的拆炉并网工程新接入集中供热面积190万平方米
    assert _row(name, "累计完成投资", "3.23").metric == "拆炉并网工程投资"
    # 投资1.27亿元实施的主城区、两河圣山景区和东山组团绿化工程新增绿化面积66.3万平方米: the whole list of places
    assert _row(name, "投资", "1.27").metric == "主城区、两河圣山景区和东山组团绿化工程投资"


def test_a_capacity_before_a_plant_does_not_name_its_investment():
    # 投资5642万元的日处理80吨污泥焚烧厂土建工程开工建设 (the 土建工程 is a phase of the plant's works)
    name = "hailar/hailar_district_2016.txt"
    assert _row(name, "投资", "5642").metric == "污泥焚烧厂投资"
    assert _row(name, "日处理", "80").metric == "污泥焚烧厂日处理"
    # 加快推进黑羊站水厂改扩建工程，完成日处理3万吨水厂改扩建: the plant the earlier clause names, not its works
    assert _row(name, "完成日处理", "3").metric == "黑羊站水厂日处理"


def test_a_passive_agent_and_an_anaphoric_place_resolve_to_the_thing():
    name = "hailar/hailar_district_2016.txt"
    # 哈克、团结、谢尔塔拉等三处文化遗址被国务院列入全国重点文物保护单位
    assert _row(name, "谢尔塔拉等", "三").metric == "文化遗址列入全国重点文物保护单位"
    # 东山组团城市框架初步形成，组团内9条主次干道实现通车: 组团内 is the 东山组团 of the opening clause
    assert _row(name, "东山组团城市框架初步形成，组团内", "9").metric == "东山组团主次干道"


def test_counts_of_one_group_share_its_name():
    name = "hailar/hailar_district_2016.txt"
    # 到2017年底前实现农村贫困人口96户、183人全部稳定脱贫: households and people of one group, a 、 between
    assert [_row(name, before, number).metric for before, number in [("农村贫困人口", "96"), ("96户、", "183")]] == [
        "农村贫困人口稳定脱贫", "农村贫困人口稳定脱贫"]
    # 铺设自来水管道85公里，解决了9个村3.2万人的安全饮水
    assert [_row(name, before, number).metric for before, number in [("解决了", "9"), ("9个村", "3.2")]] == [
        "安全饮水", "安全饮水"]


def test_urban_and_rural_figures_carry_the_head_they_share():
    # 城镇和农村居民人均可支配收入分别达35512元、25689元
    name = "hailar/hailar_district_2018.txt"
    assert [_row(name, before, number).metric for before, number in [("分别达", "35512"), ("35512元、", "25689")]] == [
        "城镇居民人均可支配收入", "农村居民人均可支配收入"]
    # 城乡最低生活保障标准逐年提高，城镇年人均提高600元，农村年人均提高200元 (年人均 is not part of a name)
    name = "hailar/hailar_district_2012.txt"
    assert [_row(name, before, number).metric for before, number in [("城镇年人均提高", "600"), ("农村年人均提高", "200")]] \
        == ["城镇最低生活保障标准", "农村最低生活保障标准"]


def test_no_metric_is_a_bare_sum_word(corpus_tables):
    """投资, 投入, 计划投资 … alone name nothing: every corpus sentence or paragraph says what the money is for;
    nor does 城镇 or 农村 alone (the head they qualify is always written next to them)."""
    from guanxian_analysis.metric_naming import GENERIC_METRICS

    for name, table in corpus_tables.items():
        bare = table[table.metric.isin(GENERIC_METRICS | {"城镇", "农村"})]
        assert bare.empty, (name, bare[["metric", "sentence"]].to_numpy().tolist()[:3])


def test_thresholds_are_rows_with_kind_threshold_and_an_audit_reason():
    old = _row("hailar/hailar_district_2014.txt", "为1467位", "80")
    assert (old.unit, old.kind, old.qualifier, old.bound, old.metric) == ("岁", "threshold", "以上", "min", "低收入老年人")
    assert _row("hailar/hailar_district_2014.txt", "为", "1467").metric == "低收入老年人"  # counted, then sized
    car = _row("hailar/hailar_district_2019.txt", "入境俄蒙", "8")
    assert (car.kind, car.bound, car.metric) == ("threshold", "max", "入境俄蒙小汽车")
    boiler = _row("hailar/hailar_district_2019.txt", "完成建成区", "10")
    assert (boiler.unit, boiler.kind, boiler.qualifier, boiler.bound, boiler.metric) == (
        "蒸吨", "threshold", "及以下", "max", "建成区燃煤锅炉")
    audit = ga.number_audit(ga.load_report(CORPUS / "hailar/hailar_district_2019.txt")).set_index("indicator_id")
    assert audit.loc[boiler.indicator_id, "status"] == "indicator"
    assert audit.loc[boiler.indicator_id, "reason"].startswith("threshold: 10蒸吨及以下")


HEADER = "2022年政府工作报告\n——2022年1月20日在某县第十八届\n人民代表大会第一次会议上\n某县县长 张三\n各位代表：\n"


def _small_report(body: str):
    text = HEADER + "一、2021年工作回顾\n过去的一年，我们干了很多工作。\n二、2022年工作安排\n" + body + "\n"
    report = parse_report(text.encode())
    return report, ga.indicators(report)


def test_chinese_numeral_counts_after_a_building_verb():
    report, table = _small_report("建设一座标志性公园，两条风情滨河路，四条精品大街，形成两个中心。")
    got = list(zip(table.value, table.unit, table.metric, table.status, table.period))
    assert got == [(1, "座", "标志性公园", "target", "2022"), (2, "条", "风情滨河路", "target", "2022"),
                   (4, "条", "精品大街", "target", "2022")]
    audit = ga.number_audit(report)
    excluded = audit[audit.status == "excluded"]
    assert excluded[["text", "reason"]].values.tolist() == [["2021", "year"], ["一", "period length"], ["2022", "year"],
                                                         ["两", "Chinese numeral in a set phrase"]]  # 形成两个中心


def test_class_bound_keeps_kind_and_says_why_in_the_audit():
    report, table = _small_report("引进投资10亿元以上的大项目3个。为60岁以上老人发放补贴。")
    rows = table.set_index("unit")
    assert (rows.loc["亿元", "metric"], rows.loc["亿元", "kind"], rows.loc["亿元", "bound"]) == ("大项目投资", "level", "min")
    assert rows.loc["个", "metric"] == "大项目"
    assert (rows.loc["岁", "kind"], rows.loc["岁", "metric"]) == ("threshold", "老人")
    reasons = ga.number_audit(report).set_index("text")["reason"]
    assert reasons["10"] == "bound of a class: 以上的… (bound min)"


def test_five_year_figures_get_the_five_year_span():
    # 十四五 review bullets (Anhui) and the 十五五 plan (Beijing) carry their spans, not the last year
    report = ga.load_report(CORPUS / "provinces-2026/anhui_2026.txt")
    anhui = ga.indicators(report)
    bullets = report.paragraphs[report.paragraphs.text.str.startswith("——这五年")].paragraph_id
    five = anhui[anhui.paragraph_id.isin(bullets)]
    assert len(five) > 5 and set(five.status) == {"actual"}
    # a change from the span's base year to its end (高校毕业生留皖率从67.6%提高到70%) dates its two ends
    ends = five.sentence.str.contains("从") & five.period.isin({"2020", "2025"})
    assert set(five[~ends].period) == {"2021-2025"}
    stay = five[five.metric == "高校毕业生留皖率"]
    assert stay[["value", "period"]].to_numpy().tolist() == [[67.6, "2020"], [70.0, "2025"]]
    beijing = ga.indicators(ga.load_report(CORPUS / "provinces-2026/beijing_2026.txt"))
    plan = beijing[beijing.period == "2026-2030"]
    assert len(plan) > 0 and set(plan.status) == {"target"}


def test_hailar_2019_against_its_hand_annotation():
    """The second fixture (annotated from the text by a teammate): today's scores are the floor."""
    from guanxian_analysis.indicator_quality import load_annotations, locate, score

    report = ga.load_report(CORPUS / "hailar/hailar_district_2019.txt")
    annotations = load_annotations(paths.FIXTURES_DIR / "indicators_annotated_hailar2019.csv")
    assert len(annotations) == 110
    table = ga.indicators(report)
    scores, rows = score(table, annotations, report.text)
    assert scores["precision"] == 1.0, rows[rows.wrong == "not annotated"]
    assert scores["recall"] == 1.0, rows[rows.wrong == "missing"]  # 首位, 1/4, 三年左右时间, 四项改革 … (mentions)
    assert scores["fully_right"] >= 90 / 110, rows[rows.wrong != ""]
    status = dict(zip(table.start, table.status))
    assert all(ann["status"] == status[locate(report.text, ann["quote"], ann["number"])]
               for ann in annotations.to_dict("records") if locate(report.text, ann["quote"], ann["number"]) in status)


def test_hailar_2016_against_its_hand_annotation():
    """The third fixture (236 rows, five-year review beside the year, annotated from the text): the floors are measured."""
    from guanxian_analysis.indicator_quality import load_annotations, locate, score

    report = ga.load_report(CORPUS / "hailar/hailar_district_2016.txt")
    annotations = load_annotations(paths.FIXTURES_DIR / "indicators_annotated_hailar2016.csv")
    assert len(annotations) == 236
    table = ga.indicators(report)
    scores, rows = score(table, annotations, report.text)
    assert scores["precision"] == 1.0, rows[rows.wrong == "not annotated"]  # 28条配套规定 is a rule's name
    assert scores["recall"] == 1.0, rows[rows.wrong == "missing"]  # 近8万市民, 2×66万千瓦, 20年以上小区
    assert scores["fully_right"] >= 203 / 236, rows[rows.wrong != ""]
    status = dict(zip(table.start, table.status))
    pairs = [(ann["status"], status.get(locate(report.text, ann["quote"], ann["number"])))
             for ann in annotations.to_dict("records")]
    assert all(a == b for a, b in pairs if b is not None)


def test_a_bare_sum_builds_on_the_things_counted_before_it_not_on_people():
    # 举全区之力全面完成了13672户的年度改造任务，近4万居民的居住条件得到改善，完成投资55.2亿元
    assert _row("hailar/hailar_district_2016.txt", "居住条件得到改善，完成投资", "55.2").metric == "棚户区改造投资"


def test_a_count_of_the_focus_of_a_task_is_named_by_the_task():
    # 以“厕所革命”、生活垃圾治理、生活污水治理、村庄清洁行动等6项内容为重点，加快推进乡村振兴人居环境整治
    row = _row("hailar/hailar_district_2019.txt", "村庄清洁行动等", "6")
    assert (row.metric, row.value, row.unit, row.kind) == ("乡村振兴人居环境整治重点内容", 6.0, "项", "count")
