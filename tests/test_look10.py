"""What the final look at the built pages (issue 10) found wrong, asserted on the real reports."""
import guanxian_analysis as ga


def test_rank_lines_name_the_figure_ranked_and_read_an_estimate_as_expected(report, rank_table):
    from guanxian_analysis.findings import ranks_lines

    text = ranks_lines(rank_table[rank_table.metric.isin(["农村电商网络零售额", "不良贷款压降计划完成率"])])
    assert text.splitlines() == [
        "- “不良贷款压降计划完成率”: 全市第1位 (in the city, 2021; the figure ranked: 151.8%)",
        "- “农村电商网络零售额”: 全市第2位 (in the city, 2021; the figure ranked: expected 49%)",
    ]
    assert "ranking" not in ranks_lines(rank_table) and "预计" not in ranks_lines(rank_table)


def test_terms_finding_counts_the_theme_s_words_and_reads_one_in_the_singular(report):
    from guanxian_analysis.findings import terms_finding

    environment = ga.theme_profile(report, "environment").distinctive_terms
    assert terms_finding(environment, side="environment").endswith("; only “治污” clears z = 1.96.")
    urban = ga.theme_profile(report, "urban").distinctive_terms
    assert terms_finding(urban, side="urban").startswith(
        "The words most typical of urban development against the rest of the report (weighted log-odds")
    economy = ga.theme_profile(report, "economy").distinctive_terms
    assert terms_finding(economy, side="economy").endswith("; 9 of the theme's words clear z = 1.96.")


def test_main_target_figures_have_a_half_width_percent_sign():
    from guanxian_analysis import paths

    corpus = paths.PROJECT_ROOT.parent / "shared" / "corpus"
    t = ga.main_targets(ga.load_report(corpus / "hailar" / "hailar_district_2012.txt"))
    income = t[t.metric.str.contains("城镇") & t.kind.eq("growth_rate")].iloc[0]
    assert (income.figure, income.unit) == ("18%", "%") and "18％" in income.quote


def test_national_fiscal_rows_are_named_from_the_text():
    from guanxian_analysis import paths

    nation = ga.load_report(paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt")
    money = ga.fiscal_picture(nation).set_index("item")
    # 中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%; 今年拟安排地方政府专项债券3.65万亿元
    assert money.loc["higher_level_funds", ["metric", "value"]].tolist() == ["中央对地方转移支付规模", 9.8]
    assert money.loc["special_bonds", ["metric", "value"]].tolist() == ["地方政府专项债券", 3.65]
    table = ga.indicators(nation)
    transfers = table[table.sentence.str.startswith("中央对地方转移支付增加")]
    assert transfers[["metric", "value", "unit"]].values.tolist() == [
        ["中央对地方转移支付", 1.5, "万亿元"], ["中央对地方转移支付规模", 9.8, "万亿元"], ["中央对地方转移支付规模", 18.0, "%"]]


def test_economy_closing_findings_add_to_the_target_findings_above_instead_of_repeating_them(report):
    from guanxian_analysis.findings import target_findings

    profile = ga.theme_profile(report, "economy")
    above = target_findings(profile.indicators, profile.scoreboard, ga.main_targets(report))
    closing = profile.findings(after_target_findings=True).splitlines()
    heads = [line.split("**")[1] for line in closing]
    assert heads == ["Space.", "Vocabulary.", "Numbers.", "Read above.", "Other targets below last year.",
                     "Targets above last year.", "Other outcomes without a target.", "Targets without a 2021 figure.",
                     "Ranks of 冠县."]
    assert closing[3] == ("- **Read above.** The 5 growth targets against 2021, the income rise and the headline "
                          "outcomes without a target: see “What the targets say” under the scoreboard; the lines "
                          "below add the rest.")
    assert closing[4] == (
        "- **Other targets below last year.** 4 of 5 other targets set for 2022 sit below the 2021 outcome: "
        "“省级‘专精特新’企业” 2家 after 4家 (−2家); “项目列入省重点” 10个以上 after 15个 (−5个); "
        "“实际使用外资” (foreign capital actually used) 3800万美元以上 after 5125万美元 (−1325万美元); "
        "“新培育高新技术企业” 10家 after 14家 (−4家).")
    assert closing[6] == ("- **Other outcomes without a target.** The report gives 2021 changes for "
                          "“普惠金融贷款余额占比” +7.6个百分点, but sets no numeric 2022 target for it.")
    # nothing said above is said again: no growth pair, no income rise, no 社消零 or 进出口 without a target
    for line in above.splitlines():
        assert line not in closing
    assert not any(s in "\n".join(closing[3:]) for s in ("6%左右 after", "rose 16%", "+15%", "+34.3%"))
    # a page without target_findings keeps the full list
    full = profile.findings()
    assert "- **Targets below last year.** 9 of 10 targets set for 2022" in full and "Read above" not in full


def test_province_growth_targets_are_listed_in_the_chart_s_order():
    import matplotlib.pyplot as plt

    from guanxian_analysis import paths
    from guanxian_analysis.comparison_findings import growth_target_line

    provinces = ga.load_reports(paths.PROJECT_ROOT.parent / "shared" / "corpus" / "provinces-2026", progress=False)
    growth = ga.main_targets(provinces, metadata=provinces.meta.set_index("report_id")[["place", "level"]].to_dict("index"))
    line = growth_target_line(ga.target_table(growth))
    listed = [item.split(" **")[0] for item in line.split("highest first: ")[1].split(" (")[0].split(", ")]
    assert listed[:5] == ["海南省", "四川省", "湖北省", "安徽省", "浙江省"]  # 5.5%左右 before 5%—5.5% (was after it)
    fig, ax = plt.subplots()
    ga.plot_growth_targets(growth, ax=ax)
    charted = [t.get_text() for t in ax.get_yticklabels()]
    assert listed == charted and len(listed) == 16
    plt.close(fig)


def test_the_county_against_the_nation_ranks_no_boilerplate_or_unit(report):
    from guanxian_analysis import paths
    from guanxian_analysis.comparison_findings import keyness_summary

    nation = ga.load_report(paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt")
    keyness = ga.distinctive_terms(report.paragraphs, nation.paragraphs, labels=("冠县", "全国"))
    # 继续, 加大, 力度 (continue, step up, intensity) and the unit 万亿元 ranked among the nation's words
    assert not {"继续", "加大", "力度", "万亿元"} & set(keyness.term)
    assert keyness_summary(keyness) == (
        "Most typical of 冠县 (z-score in brackets): “产业” (2.7), “创建” (2.6), “产业园” (2.5), “城市” (2.4), "
        "“项目” (2.3), “省级” (2.1); of 全国: “支持” (3.4), “政策” (2.3), “就业” (1.9), “扩大” (1.9), “保持” (1.8), "
        "“经济” (1.8). 9 words clear z = 1.96.")


def test_one_of_a_kind_is_named_not_counted(report):
    from guanxian_analysis import paths
    from guanxian_analysis.comparison_findings import comparison_summary

    livelihoods = ga.theme_profile(report, "livelihoods").findings()
    cut = next(line for line in livelihoods.splitlines() if "Sharp cuts" in line)
    assert cut.startswith("- **Sharp cuts.** The 2022 target is under half of the 2021 figure for “创业担保贷款” "
                          "5500万元以上 after 1.25亿元 (44% of it).")
    nation = ga.load_report(paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt")
    summary = comparison_summary(ga.compare_targets(report, [nation], context=ga.context_targets()))
    assert summary.startswith("冠县 sets the higher growth target on all 3 metrics it shares with 山东省 (GDP growth: "
                              "6%左右 against 5.5%以上; ")
    assert "冠县 shares one rate target with 全国, GDP growth, and sets it higher: 6%左右 against 5.5%左右." in summary
    assert "1 of 1" not in summary and "For 1 metric" not in livelihoods
