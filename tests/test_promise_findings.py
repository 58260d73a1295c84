"""Notebook 07's helpers: the commitments chart, the findings and the reading views, on the real reports.

Each sentence is checked against the tables it is rendered from, and the same helpers run on the Hailar 2019
and national 2022 reports without a word of Guanxian in them.
"""
from __future__ import annotations

import io
import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import guanxian_analysis as ga  # noqa: E402
from guanxian_analysis import notebook_helpers as nh, style  # noqa: E402
from guanxian_analysis.commitment_extraction import VERB_CLASS_LABELS, VERB_CLASSES  # noqa: E402

NATIONAL_2022 = ga.paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt"


@pytest.fixture(scope="module")
def promises(report):
    return ga.commitments(report)


@pytest.fixture(scope="module")
def money(report):
    return ga.fiscal_picture(report)


@pytest.fixture(scope="module")
def national():
    assert NATIONAL_2022.is_file(), f"{NATIONAL_2022} is missing: get ../shared from the team"
    return ga.load_report(NATIONAL_2022)


# --------------------------------------------------------------------------- the chart
def test_plot_commitments_returns_the_axes_it_was_given_with_cjk_labels(promises):
    summary = ga.commitment_summary(promises, by="verb_class")
    with mpl.rc_context({"font.family": ["DejaVu Sans"]}):  # no use_theme: the helper sets the font itself
        fig, (_, ax) = plt.subplots(1, 2)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert ga.plot_commitments(summary, ax=ax) is ax
            fig.savefig(io.BytesIO(), format="png")
    texts = [t.get_text() for t in fig.findobj(mpl.text.Text) if t.get_text()]
    assert style.missing_glyphs(texts) == []
    assert [t.get_text() for t in ax.get_yticklabels()] == [VERB_CLASS_LABELS[c] for c in summary.verb_class]
    # two bars per class: all commitments, then the checkable ones, as the summary counts them
    widths = [p.get_width() for p in ax.patches]
    assert widths == summary.commitments.tolist() + summary.checkable.tolist()
    assert [t.get_text() for t in ax.texts] == [f"{c}/{n}" for c, n in zip(summary.checkable, summary.commitments)]
    assert fig.get_size_inches().tolist() == pytest.approx(mpl.rcParams["figure.figsize"])


def test_plot_commitments_by_theme_and_on_the_current_axes(promises):
    summary = ga.commitment_summary(promises, by="theme")
    fig, ax = plt.subplots()
    assert ga.plot_commitments(summary) is ax
    assert ax.get_yticklabels()[0].get_text() == "经济 economy" == ga.plots.THEME_LABELS[summary.theme[0]]


def test_plot_commitments_says_when_there_is_nothing_to_draw(promises):
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ga.plot_commitments(ga.commitment_summary(promises.iloc[0:0], by="verb_class"), ax=ax)
        fig.savefig(io.BytesIO(), format="png")
    assert [t.get_text() for t in ax.texts] == ["无承诺 no commitments"]


def test_plot_commitments_refuses_other_tables(promises):
    with pytest.raises(TypeError, match="commitment_summary"):
        ga.plot_commitments([1, 2])
    with pytest.raises(ValueError, match="one column"):
        ga.plot_commitments(ga.commitment_summary(promises, by=["theme", "verb_class"]))


def test_plot_fiscal_amounts_hatches_the_derived_amounts(money):
    amounts = ga.fiscal_amounts(money)
    assert amounts.label.tolist()[:4] == ["general public budget revenue", "funds won from higher levels",
                                          "special-purpose bonds", "livelihood spending"]  # 2021, stated
    assert "2017-2021" not in set(amounts.period) and set(amounts.unit) == {"亿元"}
    with mpl.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, (_, ax) = plt.subplots(1, 2)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert ga.plot_fiscal_amounts(money, ax=ax) is ax
            fig.savefig(io.BytesIO(), format="png")
    assert style.missing_glyphs([t.get_text() for t in fig.findobj(mpl.text.Text) if t.get_text()]) == []
    bars = ax.patches
    assert [round(b.get_width(), 1) for b in bars] == amounts.yi.round(1).tolist()
    hatched = [bool(b.get_hatch()) for b in bars]
    assert hatched == amounts.derived.tolist() and sum(hatched) == 3  # 43.4, 9.5 and 13.4亿元
    labels = [t.get_text() for t in ax.texts]
    assert "约43.4亿元 推算 derived" in labels and "35.3亿元" in labels and "43.4亿元" not in labels


def test_plot_fiscal_amounts_without_amounts(national):
    money = ga.fiscal_picture(national)
    money = money[money["item"] == "deficit"]  # the 2.8%左右 deficit ratio alone: a share, no amount of money
    assert len(money) == 1 and ga.fiscal_amounts(money).empty
    fig, ax = plt.subplots()
    assert ga.plot_fiscal_amounts(money) is ax
    assert [t.get_text() for t in ax.texts] == ["无金额 no amounts of money"]
    assert nh.chart(ga.plot_fiscal_amounts, ga.fiscal_amounts(money), empty="_none_").data == "_none_"


def test_every_verb_class_has_a_label():
    assert set(VERB_CLASS_LABELS) == set(VERB_CLASSES)


# --------------------------------------------------------------------------- findings on the Guanxian report
def test_commitment_facts_count_as_the_table_does(promises):
    text = nh.commitment_facts(promises)
    n, checkable = len(promises), int(promises.checkable.sum())
    assert (n, checkable) == (339, 101)  # README, benchmarks/bench_commitments.py
    assert f"**{n} commitments**" in text and f"**{checkable}** of them (**30%**)" in text
    quantity = int((promises.quantity != "").sum())
    named = int((promises.deliverables != "").sum())
    assert f"{quantity} state a quantity, 0 a deadline, {named} name a deliverable and 15 bid for an honour" in text
    assert f"The other {n - checkable} give no checkable end." in text


def test_commitment_lines_follow_the_summary(promises):
    lines = nh.commitment_lines(ga.commitment_summary(promises, by="verb_class")).splitlines()
    assert lines[0] == "By verb class:"
    assert lines[2] == "- **推进/加强 improve (no end)**: 225 commitments, 13 checkable (5.8%)"
    assert "- **争创/申报 bid for an honour**: 15 commitments, 15 checkable (100%)" in lines
    themes = nh.commitment_lines(ga.commitment_summary(promises, by="theme")).splitlines()
    assert themes[2] == "- **Economy**: 152 commitments, 42 checkable (28%)"


def test_honour_lines_name_the_four_zhengchuang_bids_in_text_order(promises):
    text = nh.honour_lines(promises)
    bids = "国家级森林康养城市, 省级地理标志保护示范区, “全国信访工作示范县”, 全国未成年人保护试点县"
    assert text.startswith(f"**15 commitments** bid for an honour, a title or an approval that a higher level grants; "
                           f"**4** of them with “争创” (strive to win): {bids}.")
    listed = re.findall(r"^- “(.+?)” \*\*(.+?)\*\* \((.+?), (.+?)\)$", text, re.M)
    assert len(listed) == 15
    assert ("争创", "国家级森林康养城市", "三.1", "Economy") in listed
    # an honour without a named deliverable shows its object
    assert ("创建", "省级美丽幸福示范河湖", "三.6", "Environment") in listed


def test_named_deliverables_one_row_per_name(promises):
    names = ga.named_deliverables(promises)
    assert names.deliverable.is_unique
    # 57 commitments name something; the one repeating 红旗路北延前期规划 counts in mentions, not as a row
    assert len(names) == 62 and names.commitment_id.nunique() == 56 and names.mentions.sum() == 63
    both = names[names.commitment_id == "c199"]  # 推动档案馆、新党校建成投用
    assert both.deliverable.tolist() == ["档案馆", "新党校"] and set(both.verb) == {"建成投用"}
    assert names.set_index("deliverable").loc["红旗路北延前期规划", "mentions"] == 2  # 完成…前期规划，力争尽快启动实施
    assert promises.deliverables.tolist() == ga.commitments(ga.load_report()).deliverables.tolist()  # not modified
    text = nh.deliverable_facts(names, promises)
    assert text == ("**57 commitments** name **62 deliverables** (projects, sites, programmes or titles by name); "
                    "Economy has the most (25), and section 三.1 holds 16.")
    view = nh.deliverable_display(names)
    assert view.columns.tolist() == ["deliverable", "verb", "verb class", "theme", "section", "commitment"]
    assert view.iloc[0].tolist() == ["全国轴承锻造论坛", "争取", "争创/申报 bid for an honour", "Economy", "三.1", "c020"]


def test_tracking_sheet_note_links_both_files_under_data(promises, tmp_path):
    written = ga.write_tracking_sheet(promises, tmp_path)
    text = nh.tracking_sheet_note(written, promises)
    assert "[commitments-tracking.csv](data/commitments-tracking.csv)" in text
    assert "[commitments-tracking.xlsx](data/commitments-tracking.xlsx)" in text
    assert "all **339 commitments**, 101 of them checkable" in text
    assert "done, partly, not done, unclear" in text


def test_fiscal_findings_never_present_a_derived_figure_as_stated(money):
    stated, derived = money[~money.derived], money[money.derived]
    assert nh.fiscal_facts(money).startswith(f"The report states **{len(stated)} fiscal figures**; "
                                             f"**{len(derived)} more** follow from them.")
    assert (len(stated), len(derived)) == (11, 5)
    view = nh.fiscal_display(money)
    assert view.basis.tolist() == ["stated"] * 11 + ["derived"] * 5
    assert all(f.startswith("约") for f in view[view.basis == "derived"].figure)
    assert not any(f.startswith("约") for f in view[view.basis == "stated"].figure)
    spending = view[view.figure == "约43.4亿元"].squeeze()
    assert spending.basis == "derived" and spending["source or formula"] == "35.3亿元 ÷ 81.3% = 43.4亿元 (from s0111)"
    assert "43.4" not in " ".join(view[view.basis == "stated"].figure)
    assert view[view.figure == "12.6亿元"].squeeze()["source or formula"].endswith("[s0037]")
    lines = nh.derived_lines(money).splitlines()
    assert len(lines) == 5 == len(ga.explain_derived(money))
    assert lines[0] == ("- *约43.4亿元*, general public budget spending (implied), **derived** (35.3亿元 ÷ 81.3% = "
                        "43.4亿元): " + ga.explain_derived(money)[0])
    assert all("**derived**" in line for line in lines)


# --------------------------------------------------------------------------- other reports: no Guanxian words
def _all_findings(report) -> str:
    promises, money = ga.commitments(report), ga.fiscal_picture(report)
    names = ga.named_deliverables(promises)
    return "\n".join([
        nh.commitment_facts(promises), nh.commitment_lines(ga.commitment_summary(promises, by="verb_class")),
        nh.commitment_lines(ga.commitment_summary(promises, by="theme")), nh.honour_lines(promises),
        nh.deliverable_facts(names, promises), nh.fiscal_facts(money), nh.derived_lines(money),
        nh.deliverable_display(names).to_string(), nh.fiscal_display(money).to_string(),
    ])


def test_findings_on_the_hailar_2019_report(hailar):
    text = _all_findings(hailar)
    assert "冠县" not in text and "county" not in text
    promises = ga.commitments(hailar)
    assert f"**{len(promises)} commitments**" in text and f"**{int(promises.checkable.sum())}** of them" in text
    assert "**1 commitment** bids for an honour" in text and "“国家级健康促进区”" in text
    assert "“争创”" not in text  # no 争创 bid in this report
    assert "The report states **2 fiscal figures**; nothing is derived from them" in text
    assert "_No figure is derived" in text and "12.43亿元" in text and "7.89亿元" in text


def test_findings_on_the_national_2022_report(national):
    text = _all_findings(national)
    assert "冠县" not in text and "county" not in text
    assert "_The plan for the year ahead bids for no honour, title or approval._" in text
    # 全国财政收入突破20万亿元，增长10.7%; 赤字率拟按2.8%左右安排; 转移支付…规模近9.8万亿元; 专项债券3.65万亿元
    assert "The report states **5 fiscal figures**" in text and "2.8%左右" in text
    assert "3.65万亿元" in text and "20万亿元" in text


def test_findings_on_a_report_without_commitments_or_fiscal_figures():
    empty = ga.commitments(ga.load_report()).iloc[0:0]
    no_money = ga.fiscal_picture(ga.load_report()).iloc[0:0]
    assert nh.commitment_facts(empty).startswith("_")
    assert nh.honour_lines(empty).startswith("_")
    assert nh.deliverable_facts(ga.named_deliverables(empty), empty).startswith("_")
    assert nh.fiscal_facts(no_money).startswith("_") and nh.derived_lines(no_money).startswith("_")
    assert nh.fiscal_display(no_money).empty and nh.commitment_lines(ga.commitment_summary(empty)).startswith("_")
    assert isinstance(nh.fiscal_display(no_money), pd.DataFrame)
