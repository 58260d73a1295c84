"""The themed notebooks' shared sections, one call each (issue 8, item 5): ThemeProfile's section methods,
display.kwic_view / setup_notebook and tables.save_theme_tables draw and write what the cells used to copy.

Counts are recounted from the raw text (str.count of the body) or from the profile's own tables, never read back
from the output under test."""
from __future__ import annotations

import csv

import matplotlib.pyplot as plt
import pytest

import guanxian_analysis as ga
from guanxian_analysis import display, tables


@pytest.fixture(scope="module")
def profiles(report):
    return {theme: ga.theme_profile(report, theme) for theme in ("economy", "rural", "environment", "livelihoods")}


def _body(report) -> str:
    text = report.text_simplified
    return text[:text.index("2022年《政府工作报告》名词解释")]


def test_plot_terms_draws_top_and_distinctive_terms_side_by_side(profiles):
    profile = profiles["rural"]
    fig = profile.plot_terms("Rural revitalisation against the rest of the report")
    left, right = fig.axes
    assert [left.get_title(), right.get_title()] == ["Most frequent terms",
                                                     "Rural revitalisation against the rest of the report"]
    assert tuple(fig.get_size_inches()) == (11, 5.6)
    # 18 bars on the left: the 18 most frequent terms of the theme
    labels = {t.get_text() for t in left.get_yticklabels()}
    top = profile.term_frequencies.nlargest(18, "count", keep="all")
    assert len(left.patches) == 18 and labels <= set(top.term) and "乡村振兴" in labels
    # given axes are drawn on, no new figure
    before = plt.get_fignums()
    fig2, axes = plt.subplots(1, 2)
    assert profile.plot_terms("x", axes=axes, n_top=5) is fig2 and len(axes[0].patches) == 5
    assert plt.get_fignums() == before + [fig2.number]


def test_terms_note_is_the_finding_then_the_counting_rule(profiles, report):
    note = profiles["economy"].terms_note()
    finding, rule = note.split("\n\n")
    assert "企业" in finding  # the economy's most distinctive term against the rest
    assert rule.startswith("Words are counted as whole words, glossary (名词解释) left out. Stopword layers removed:")
    assert "“冠县”" in rule  # the place layer names the report's own places


def test_kwic_view_shows_every_use_counted_in_the_raw_text(profiles, report, monkeypatch):
    body = _body(report)
    assert (body.count("灵芝"), body.count("林果")) == (8, 2)
    view = profiles["rural"].kwic(["灵芝", "林果"], per_term=8)
    assert view.note == "Uses counted as whole words, glossary (名词解释) left out: “灵芝” all 8 uses; “林果” all 2 uses."
    assert view.html.count('class="gx-hit"') == 10 and view.html.count(">灵芝</strong>") == 8
    paragraphs = report.paragraphs.set_index("paragraph_id").text
    assert all(hit.term in paragraphs[hit.paragraph_id] for hit in view.hits.itertuples())  # each line's source
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    view._ipython_display_()
    assert [type(o).__name__ for o in shown] == ["Markdown", "HTML"]
    assert shown[0].data == view.note and shown[1].data == view.html


def test_kwic_falls_back_to_the_themes_own_terms_on_another_report(hailar):
    view = ga.theme_profile(hailar, "economy").kwic(["钢板加工", "纺织服装", "轴承", "纸制品"], per_term=None)
    assert view.note.startswith("None of “钢板加工”, “纺织服装”, “轴承”, “纸制品” occurs in this report")
    assert view.hits.hits.gt(0).all() and view.html.count('class="gx-hit"') == view.hits.shown.gt(0).sum()


def test_kwic_passes_the_counting_rule(profiles, report):
    view = profiles["environment"].kwic(["啄木鸟"], match="substring", per_term=None)
    assert view.note.startswith("Uses counted wherever the characters occur")
    assert view.hits.shown.gt(0).sum() == _body(report).count("啄木鸟") > 0


def test_scoreboard_and_ranks_charts_are_sized_by_their_rows(profiles):
    economy = profiles["economy"]
    assert len(economy.theme_scoreboard) == 5 and economy.plot_scoreboard() is None
    assert tuple(plt.gcf().get_size_inches()) == pytest.approx((9, 0.7 * 5 + 1.6))
    assert economy.plot_ranks() is None
    assert tuple(plt.gcf().get_size_inches()) == pytest.approx((9, 0.45 * len(economy.theme_ranks) + 1.6))
    # rural has no pair of rates in %: no chart, a line saying so
    figures = plt.get_fignums()
    empty = profiles["rural"].plot_scoreboard()
    assert empty.data.startswith("_No pair of this theme is a rate in %") and plt.get_fignums() == figures


def test_wordcloud_and_cooccurrence_draw_one_figure_each(profiles):
    rural = profiles["rural"]
    assert rural.plot_wordcloud() is None
    fig = plt.gcf()
    assert tuple(fig.get_size_inches()) == (9, 5.2) and len(fig.axes[0].images) == 1
    assert rural.plot_cooccurrence() is None
    assert tuple(plt.gcf().get_size_inches()) == (10, 7.5) and plt.gcf() is not fig


def test_section_sentences_are_the_findings_of_the_profiles_tables(profiles, report):
    economy = profiles["economy"]
    share = (economy.paragraphs.text.str.len().sum()
             / (economy.paragraphs.text.str.len().sum() + economy.rest.text.str.len().sum()))
    assert economy.overview().startswith("**Economy** takes") and f"**{ga.findings.format_share(share)}** of the text" \
        in economy.overview()
    lines = economy.ranks_lines().splitlines()
    assert len(lines) == len(economy.theme_ranks) == 10
    assert all(claim.rank_text in line for claim, line in zip(economy.theme_ranks.itertuples(), lines))
    for pair in economy.theme_scoreboard.itertuples():  # every charted pair is in the list above the chart
        assert f"“{pair.metric}”" in economy.scoreboard_lines(), pair.metric


def test_save_theme_tables_writes_the_profiles_two_tables(profiles, tmp_path):
    profile = profiles["environment"]
    written = tables.save_theme_tables(profile, tmp_path)
    assert [p.name for p in written] == ["environment-indicators.csv", "environment-distinctive-terms.csv"]
    with open(written[0], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(profile.theme_indicators) == 21
    assert {r["theme"] for r in rows} == {"environment"}
    with open(written[1], encoding="utf-8-sig", newline="") as handle:
        terms = [r["term"] for r in csv.DictReader(handle)]
    assert terms == profile.distinctive_terms.term.tolist()
    first = [p.read_bytes() for p in written]
    assert [p.read_bytes() for p in tables.save_theme_tables(profile, tmp_path)] == first  # same bytes on a rerun


def test_setup_notebook_sets_the_theme_and_the_display():
    import matplotlib as mpl
    import pandas as pd

    with pd.option_context("display.max_rows", 60, "display.max_colwidth", 50), mpl.rc_context():
        mpl.rcParams["axes.grid"] = False
        display.setup_notebook()
        assert (pd.get_option("display.max_rows"), pd.get_option("display.max_colwidth")) == (25, 80)
        assert mpl.rcParams["axes.grid"] is True  # seaborn's whitegrid, from use_theme
