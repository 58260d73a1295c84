"""Plot helpers check their input: one group, the columns they need; a clear error instead of a wrong chart."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import guanxian_analysis as ga  # noqa: E402


def test_top_terms_on_several_groups_raises_instead_of_averaging(report):
    """The issue: plot_top_terms on a by-theme table drew averaged bars with error bars."""
    by_theme = ga.term_frequencies(report, by="theme")
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match=r"plot_top_terms draws one group, but the table has 6 values of 'theme' "
                                         r"\(governance, economy, .*\); filter it first, e\.g\. data\[data\.theme == 'governance'\]"):
        ga.plot_top_terms(by_theme, ax=ax)
    assert not ax.patches  # nothing drawn
    one = by_theme[by_theme.theme == "economy"]
    assert ga.plot_top_terms(one, n=5, ax=ax) is ax
    assert [round(p.get_width()) for p in ax.patches] == list(one["count"].head(5))
    # no error bars: seaborn's error-bar lines are empty (NaN) when each bar has one value
    assert all(pd.isna(line.get_xdata()).all() for line in ax.lines)


def test_top_terms_with_a_term_twice_raises():
    twice = pd.DataFrame({"term": ["冠县", "冠县", "乡村振兴"], "count": [3, 5, 2]})
    with pytest.raises(ValueError, match="'冠县' appears 2 times"):
        ga.plot_top_terms(twice)


@pytest.mark.parametrize("helper, data, missing", [
    (ga.plot_top_terms, pd.DataFrame({"word": ["冠县"], "count": [1]}), "term"),
    (ga.plot_top_terms, pd.DataFrame({"term": ["冠县"], "n": [1]}), "count"),
    (ga.plot_distinctive_terms, pd.DataFrame({"term": ["冠县"], "favours": ["a"]}), "z"),
    (ga.plot_theme_map, pd.DataFrame({"theme": ["rural"], "text": ["x"]}), "part"),
    (ga.plot_scoreboard, pd.DataFrame({"metric": ["生产总值"], "outcome_value": [8.0]}), "outcome_unit"),
    (ga.plot_ranks, pd.DataFrame({"metric": ["优良天数"], "rank": [1]}), "scope"),
    (ga.plot_cooccurrence, pd.DataFrame({"term_a": ["冠县"], "term_b": ["乡村振兴"]}), "count"),
    (ga.plot_wordcloud, pd.DataFrame({"word": ["冠县"], "count": [1]}), "term"),
])
def test_missing_columns_are_named(helper, data, missing):
    with pytest.raises(ValueError, match=rf"{helper.__name__} needs the column\(s\) \[.*'{missing}'.*\]"):
        helper(data)


@pytest.mark.parametrize("helper", [ga.plot_top_terms, ga.plot_distinctive_terms, ga.plot_scoreboard, ga.plot_ranks])
def test_a_non_table_raises_type_error(helper):
    with pytest.raises(TypeError, match=rf"{helper.__name__} expects .* \(a DataFrame\), got list"):
        helper([("冠县", 1)])


def test_wordcloud_rejects_a_list():
    with pytest.raises(TypeError, match="plot_wordcloud expects a term_frequencies table, a Series or a mapping"):
        ga.plot_wordcloud(["冠县", "乡村振兴"])


def test_the_real_tables_still_draw(report):
    p = report.paragraphs
    fig, axes = plt.subplots(1, 3)
    assert ga.plot_distinctive_terms(ga.distinctive_terms(p[p.theme == "rural"], p[p.theme != "rural"]),
                                     ax=axes[0]) is axes[0]
    assert ga.plot_scoreboard(ga.scoreboard(report), ax=axes[1]) is axes[1]
    assert ga.plot_ranks(ga.ranks(report), ax=axes[2]) is axes[2]
