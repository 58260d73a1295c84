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
