"""The closing findings of the themed notebooks (issue 10, item 10): sentences an analyst would write, each figure
rendered from the tables. Every sentence asserted here was checked against the report's text (the quoted clauses
below); on the Hailar 2019 report the same rules say only what is true there, or nothing."""
from __future__ import annotations

import pytest

import guanxian_analysis as ga


@pytest.fixture(scope="module")
def guanxian_findings(report):
    return {theme: ga.theme_profile(report, theme).findings() for theme in ("economy", "rural", "environment", "livelihoods")}


@pytest.fixture(scope="module")
def hailar_findings(hailar):
    return {theme: ga.theme_profile(hailar, theme).findings() for theme in ("economy", "rural", "environment", "livelihoods")}


def _line(text: str, label: str) -> str:
    lines = [line for line in text.splitlines() if line.startswith(f"- **{label}")]
    assert len(lines) == 1, (label, text)
    return lines[0]


def _body_text(report) -> str:
    return "".join(report.paragraphs.text)


# --------------------------------------------------------------------------- Guanxian: the sentences, and the text they rest on
@pytest.mark.parametrize("clause", [
    "预计全县生产总值增长8%", "一般公共预算收入12.6亿元、增长7%", "预计规模以上工业增加值增长12%，固定资产投资增长20%",
    "居民人均可支配收入增长16%", "生产总值增长6%左右，一般公共预算收入增长6%左右，全社会固定资产投资增长10%左右",
    "规模以上工业增加值增长7%以上，居民人均可支配收入增长7.5%左右", "实施重点项目72个", "全年实施县级重点项目76个",
    "15个项目列入省重点", "力争列入省级重点项目10个以上", "实际使用外资5125万美元", "实际使用外资3800万美元以上",
    "新增国家级高新技术企业14家、省级“专精特新”企业4家", "新培育省级以上“专精特新”企业2家", "新培育高新技术企业10家",
    "新建改建农村公路132公里，实施安防工程269公里", "新建改建农村公路35公里，实施生命安全防护工程80公里",
    "新增“三品一标”认证农产品19个", "新增“三品一标”认证农产品10个以上", "建设高标准农田7.5万亩", "建设高标准农田8万亩",
    "打造省级美丽乡村示范村3个", "全年打造省级美丽乡村示范村4个", "创建省级美丽幸福示范河湖1处", "创建省级美丽幸福示范河湖2处",
    "全年新增城镇就业6069人", "确保城镇新增就业4500人", "发放创业担保贷款1.25亿元", "发放创业担保贷款5500万元以上",
    "社会消费品零售总额增长15%", "预计完成进出口总额43亿元，增长34.3%", "普惠金融贷款余额占比增长7.6个百分点，位居全市第2位",
    "预计农村电商网络零售额10亿元以上，增长49%，位居全市第2位", "全县PM2.5、PM10分别改善21.4%、15.8%，列全市第1、第2位",
    "优良天数256天，同比增加26天，列全市第1位", "刑事警情下降23.7%", "电诈发案下降25.7%",
    "不良贷款压降计划完成率151.8%，位居全市第1位", "新增政府专项债券额度24.6亿元、位居全市第2位",
    "“三资”清理工作位列全市第一档", "与省供发集团合作面积位居全省第2位", "确保争取资金和项目数量走在全市前列",
    "改造提升乡镇污水处理厂9处", "改造城区供水管网130公里", "建设日处理7万吨规模工业用水厂",
])
def test_the_findings_rest_on_these_clauses_of_the_report(report, clause):
    assert clause in _body_text(report)


def test_economy_findings_name_each_target_against_last_year(guanxian_findings):
    text = guanxian_findings["economy"]
    below = _line(text, "Targets below last year")
    assert below.startswith("- **Targets below last year.** 9 of 10 targets set for 2022 sit below the 2021 outcome: ")
    for clause in ["“生产总值” (gross domestic product, GDP) growth 6%左右 after an estimated 8% (−2 points)",
                   "“一般公共预算收入” (general public budget revenue) growth 6%左右 after 7% (−1 point)",
                   "“固定资产投资” (fixed-asset investment) growth 10%左右 after an estimated 20% (−10 points)",
                   "“规模以上工业增加值” (value added of industry above designated size) growth 7%以上 after an estimated "
                   "12% (−5 points)",
                   "“居民人均可支配收入” (per-capita disposable income) growth 7.5%左右 after an estimated 16% (−8.5 points)",
                   "“省级‘专精特新’企业” 2家 after 4家 (−2家)", "“项目列入省重点” 10个以上 after 15个 (−5个)",
                   "“实际使用外资” (foreign capital actually used) 3800万美元以上 after 5125万美元 (−1325万美元)",
                   "“新培育高新技术企业” 10家 after 14家 (−4家)"]:
        assert clause in below
    assert below.endswith("The widest gap, 10 points, is in “固定资产投资” (fixed-asset investment): the report plans a "
                          "slower year than the one it reports.")
    assert _line(text, "Targets above last year") == "- **Targets above last year.** “重点项目” (key projects) 76个 after 72个 (+4个)."
    assert "“居民人均可支配收入” (per-capita disposable income) rose 16% in 2021, 2.0 times the 8% growth of “生产总值”" in text
    assert _line(text, "Outcomes without a target") == (
        "- **Outcomes without a target.** The report gives 2021 changes for “社会消费品零售总额” (retail sales of consumer "
        "goods) +15%; “普惠金融贷款余额占比” +7.6个百分点; “进出口总额” (total imports and exports) +34.3%, but sets no "
        "numeric 2022 target for them.")
    alone = _line(text, "Targets without a 2021 figure")
    assert alone.startswith("- **Targets without a 2021 figure.** 15 of its 28 targets for 2022 have no 2021 figure "
                            "to compare with: “电商示范镇” 1个; “电商示范村” 8个; ")
    assert alone.endswith("; and 9 more in the indicator table.")
    # a target of a related metric is left out (县级重点项目总投资 beside 2021's 重点项目 72个): it may be comparable
    assert "县级重点项目总投资" not in alone and "市级重点项目" not in alone
    numbers = _line(text, "Numbers")
    assert "7 outcomes are only expected (“预计”), not final 2021 figures: “生产总值” (gross domestic product, GDP) +8%;" in numbers
    assert "“进出口总额” (total imports and exports) 43亿元, +34.3%." in numbers
    ranks = _line(text, "Ranks")
    assert ranks.startswith("- **Ranks of 冠县.** 1st in the city (全市第1位): “不良贷款压降计划完成率” (151.8%); 2nd in the "
                            "city (全市第2位): “普惠金融贷款余额占比” (+7.6个百分点), “新增政府专项债券额度” (24.6亿元); ")
    assert "moved up in the city (全市前移1个位次): “生产总值” (gross domestic product, GDP; up 1 place, 2017-2021)" in ranks
    # 确保争取资金和项目数量走在全市前列 is a promise for 2022, not a standing
    assert ranks.endswith("Aims for the years ahead: among the top in the city, no place given (全市前列): “争取资金和项目数量”.")


def test_rural_findings_flag_the_sharp_cuts(guanxian_findings):
    text = guanxian_findings["rural"]
    assert _line(text, "Targets below last year") == (
        "- **Targets below last year.** 3 of 5 targets set for 2022 sit below the 2021 outcome: “新增‘三品一标’认证农产品” "
        "10个以上 after 19个 (−9个); “农村公路” 35公里 after 132公里 (−97公里); “安防工程” 80公里 after 269公里 (−189公里).")
    assert _line(text, "Sharp cuts") == (
        "- **Sharp cuts.** For 2 metrics the 2022 target is under half of the 2021 figure: “农村公路” 35公里 after 132公里 "
        "(27% of it); “安防工程” 80公里 after 269公里 (30% of it). The plan for 2022 is a much smaller programme than the "
        "one 2021 delivered.")
    assert _line(text, "Targets above last year") == (
        "- **Targets above last year.** “高标准农田” (high-standard farmland) 8万亩 after 7.5万亩 (+0.5万亩); "
        "“省级美丽乡村示范村” 4个 after 3个 (+1个).")
    assert _line(text, "Outcomes without a target") == (
        "- **Outcomes without a target.** The report gives 2021 growth for “农村电商网络零售额” +49%, but sets no numeric "
        "2022 target for it.")
    assert _line(text, "Ranks") == (
        "- **Ranks of 冠县.** 2nd in the city (全市第2位): “农村电商网络零售额” (expected 49%); 2nd in the province (全省第2位): "
        "“与省供发集团合作面积”; the 1st tier of the city, not a place (全市第一档): “‘三资’清理工作”; among the top in the "
        "city, no place given (全市前列): “农厕后续管护工作”.")


def test_environment_findings_say_the_air_gains_get_no_target(guanxian_findings):
    text = guanxian_findings["environment"]
    assert "Targets below" not in text
    assert _line(text, "Targets above last year") == "- **Targets above last year.** “省级美丽幸福示范河湖” 2处 after 1处 (+1处)."
    assert _line(text, "Outcomes without a target") == (
        "- **Outcomes without a target.** The report gives 2021 changes for “PM2.5” improved 21.4%; “PM10” improved "
        "15.8%; “优良天数” (days of good or excellent air quality) +26天, but sets no numeric 2022 target for them.")
    assert _line(text, "Targets without a 2021 figure") == (
        "- **Targets without a 2021 figure.** 3 of its 4 targets for 2022 have no 2021 figure to compare with: "
        "“改造提升乡镇污水处理厂” 9处; “改造城区供水管网” 130公里; “工业用水厂日处理” 7万吨.")
    assert text.startswith("- **Space.** Environment is the smallest of 6 themes: ")
    assert _line(text, "Ranks") == (
        "- **Ranks of 冠县.** 1st in the city (全市第1位): “PM2.5” (improved 21.4%), “优良天数” (days of good or excellent "
        "air quality; +26天), “生态环境保护现场观摩”, “建设工程扬尘治理”; 2nd in the city (全市第2位): “PM10” (improved "
        "15.8%); among the top in the city, no place given (全市前列): “空气质量主要指标改善率” (2017-2021), “危废规范化管理”.")


def test_livelihoods_findings(guanxian_findings):
    text = guanxian_findings["livelihoods"]
    assert _line(text, "Targets below last year") == (
        "- **Targets below last year.** Both targets set for 2022 sit below the 2021 outcome: “创业担保贷款” 5500万元以上 "
        "after 1.25亿元 (−7000万元); “城镇新增就业” (new urban jobs) 4500人 after 6069人 (−1569人).")
    assert "“创业担保贷款” 5500万元以上 after 1.25亿元 (44% of it)" in _line(text, "Sharp cuts")
    assert _line(text, "Outcomes without a target") == (
        "- **Outcomes without a target.** The report gives 2021 changes for “刑事警情” −23.7%; “电诈发案” −25.7%, but sets "
        "no numeric 2022 target for them.")
    ranks = _line(text, "Ranks")
    assert ranks.startswith("- **Ranks of 冠县.** First in the city to do it (全市率先): “建设社会矛盾纠纷调处化解中心”; ")
    assert "among the top in the province, no place given (全省前列): “价格监测”, “全民反诈工作”." in ranks
    assert "1st in" not in ranks  # none of its claims names a place


def test_no_theme_finding_only_counts(guanxian_findings):
    for text in guanxian_findings.values():
        assert "rank claims:" not in text and "metrics pair" not in text and "named place" not in text


# --------------------------------------------------------------------------- rendered from the tables, not typed
def test_the_findings_follow_the_tables(report):
    profile = ga.theme_profile(report, "rural")
    board = profile.scoreboard.copy()
    road = board.metric.eq("农村公路") & board.target_period.eq("2022")
    board.loc[road, ["outcome_value", "outcome_figure", "change"]] = [140.0, "140公里", -105.0]
    ranks = profile.ranks.copy()
    ranks.loc[ranks.metric.eq("农厕后续管护工作"), ["claim", "rank", "rank_text"]] = ["position", 3.0, "全市第3位"]
    text = ga.findings.theme_findings(report, "rural", distinct=profile.distinctive_terms, indicators=profile.indicators,
                                      board=board, ranks=ranks)
    assert "“农村公路” 35公里 after 140公里 (−105公里)" in text and "(25% of it)" in text
    assert "3rd in the city (全市第3位): “农厕后续管护工作”" in text and "全市前列" not in text


# --------------------------------------------------------------------------- Hailar 2019: true there, or left out
def test_hailar_findings_stay_true(hailar, hailar_findings):
    text = hailar_findings["economy"]
    assert _line(text, "Targets below last year") == (
        "- **Targets below last year.** 2 of 4 targets set for 2019 sit below the 2018 outcome: “地区生产总值” (gross "
        "regional product) growth 3.5%左右 after 6% (−2.5 points); “农村常住居民人均可支配收入” growth 8%左右 after 9.4% "
        "(−1.4 points). The widest gap, 2.5 points, is in “地区生产总值” (gross regional product): the report plans a "
        "slower year than the one it reports.")
    assert _line(text, "Targets above last year") == (
        "- **Targets above last year.** “城镇常住居民人均可支配收入” growth 7%左右 after 6.5% (+0.5 points); "
        "“社会消费品零售总额” (retail sales of consumer goods) growth 6.5%左右 after 6.2% (+0.3 points).")
    assert "“规模以上工业总产值” +6.9%" in _line(text, "Outcomes without a target")
    assert "“出入境人数” +85.3%" in _line(text, "Outcomes without a target")
    body = _body_text(hailar)
    for clause in ["同比增长6.0%", "地区生产总值增长3.5%左右", "同比分别增长6.5%、9.4%", "分别增长7%和8%左右",
                   "规模以上工业总产值完成90.1亿元，同比增长6.9%", "出入境人数同比增长85.3%", "空气优良天数比例达到99.2%",
                   "全力确保空气优良天数达到350天", "高考上线率"]:
        assert clause in body
    # livelihoods' year-ahead paragraphs hold no figure; rural's one is a count of focus items (hand fixture row 108)
    assert _line(hailar_findings["livelihoods"], "Targets") == "- **Targets.** It sets no numeric target for 2019."
    assert _line(hailar_findings["rural"], "Targets without a 2018 figure") == (
        "- **Targets without a 2018 figure.** Its one target for 2019 has no 2018 figure to compare with: "
        "“乡村振兴人居环境整治重点内容” 6项.")
    assert "等6项内容为重点，加快推进乡村振兴人居环境整治" in body
    env = hailar_findings["environment"]
    assert _line(env, "Targets without a 2018 figure") == (
        "- **Targets without a 2018 figure.** 2 of its 3 targets for 2019 have no 2018 figure to compare with: "
        "“畜禽粪污无害化处理率” 70%; “农田残膜回收率” 75%.")
    # 空气优良天数 350天 has 2018's 空气优良天数比例 99.2% beside it: a different measure, but not "no figure"
    assert "畜禽粪污无害化处理率达到70%，农田残膜回收率达到75%" in body
    assert "Outcomes without a target" not in env  # 空气优良天数 350天 is a 2019 target for the air-quality days
    assert _line(hailar_findings["livelihoods"], "Ranks") == (
        "- **Ranks of 呼伦贝尔市海拉尔区.** 1st in the city (全市首位): “中考‘一分两率’”; among the top in the city, "
        "no place given (全市前列): “高考上线率”.")
    assert "中考“一分两率”继续稳居全市首位" in body
    for text in hailar_findings.values():
        assert "Sharp cuts" not in text and "An unusual outcome" not in text and "预计" not in text
    # 提升口岸出入境人数 is a 2019 aim without a figure: "no numeric target" is what holds
    assert "but sets no numeric 2019 target for them" in hailar_findings["economy"]
    assert "提升口岸出入境人数" in body


# --------------------------------------------------------------------------- the rules on reports never seen
def _corpus_report(name):
    from guanxian_analysis import paths

    path = next((paths.PROJECT_ROOT.parent / "shared" / "corpus").glob(f"*/{name}.txt"))
    return ga.load_report(path)


def test_a_scope_before_a_metric_does_not_hide_its_target():
    # Hebei 2026 reports 全省生产总值 +5.6% for 2025 and targets 地区生产总值 5%以上 for 2026: neither "no target"
    # for the one nor "no figure to compare with" for the other
    text = ga.theme_profile(_corpus_report("hebei_2026"), "economy").findings()
    assert "“全省生产总值”" not in text and "“地区生产总值” (gross regional product) +5%以上" not in text
    assert "“规上工业增加值” growth 5.5%左右 after 7.9% (−2.4 points)" in text


def test_a_falls_target_is_neither_below_nor_above_and_keeps_its_arithmetic():
    report = _corpus_report("national_2019")
    board = ga.scoreboard(report)
    energy = board[board.metric.eq("单位国内生产总值能耗")]
    assert ga.findings.scoreboard_lines(energy) == ("- “单位国内生产总值能耗”, growth: **−3.1%** in 2018 → **−3%左右** "
                                                    "targeted for 2019 (+0.1 points)")
    for theme in ("economy", "environment"):
        text = ga.theme_profile(report, theme).findings()
        assert "单位国内生产总值能耗" not in "".join(line for line in text.splitlines() if "Targets" in line)


def test_a_report_with_no_outcome_of_last_year_still_reads(report):
    # Hailar 2018 gives no 2017 growth figure (地区生产总值 稳中有升): nothing is said to be without a target
    hailar_2018 = _corpus_report("hailar_district_2018")
    assert "地区生产总值在从严控制政府投资项目的情况下稳中有升" in _body_text(hailar_2018)
    text = ga.theme_profile(hailar_2018, "economy").findings()
    assert "Outcomes without a target" not in text and "Targets below" not in text
    assert "“地区生产总值” (gross regional product) +6%左右" in _line(text, "Targets without a 2017 figure")
