"""Plot helpers: seaborn manners, Chinese that renders, reproducible images."""
from __future__ import annotations

import doctest
import hashlib
import io
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import guanxian_analysis as ga  # noqa: E402
from guanxian_analysis import plots, style  # noqa: E402
from guanxian_analysis.plots import (  # noqa: E402
    base, comparison_charts, corpus_charts, indicator_charts, promise_charts, text_charts)
from guanxian_analysis.terms import cooccurrence_graph  # noqa: E402

SCOREBOARD = pd.DataFrame({
    "metric": ["生产总值增长", "一般公共预算收入增长", "规模以上工业增加值增长", "城镇调查失业率", "实际使用外资"],
    "theme": ["economy", "economy", "economy", "livelihoods", "economy"],
    "kind": ["growth_rate", "growth_rate", "growth_rate", "level", "level"],
    "outcome_period": ["2021"] * 5,
    "outcome_value": [8.0, 7.0, 12.0, None, 5125.0],
    "outcome_unit": ["%", "%", "%", "%", "万美元"],
    "outcome_qualifier": ["预计", None, "预计", None, None],
    "outcome_status": ["estimate", "actual", "estimate", None, "actual"],  # values of STATUSES
    "target_period": ["2022"] * 5,
    "target_value": [6.0, 6.0, 7.0, 5.5, 3800.0],
    "target_unit": ["%", "%", "%", "%", "万美元"],
    "target_qualifier": ["左右", "左右", "以上", "以内", "以上"],
    "target_bound": ["approx", "approx", "min", "max", "min"],  # values of BOUNDS
    "change": [-2.0, -1.0, -5.0, None, -1325.0],
    "outcome_sentence_id": [None] * 5,
    "target_sentence_id": [None] * 5,
})
RANKS = pd.DataFrame({
    "metric": ["优良天数", "普惠金融贷款余额占比", "合作面积", "多项主要指标增幅"],
    "scope": ["全市", "全市", "全省", "全市"],
    "rank": [1, 2, 2, None],
    "rank_text": ["第1位", "第2位", "第2位", "前列"],
    "period": ["2021"] * 4,
    "theme": ["environment", "economy", "rural", "economy"],
    "sentence_id": ["s0100", "s0042", "s0066", "s0038"],
})


@pytest.fixture(scope="module")
def inputs(report, hailar):
    p = report.paragraphs
    return {
        "plot_top_terms": ga.term_frequencies(report),
        "plot_distinctive_terms": ga.distinctive_terms(p[p.segment == "review_last_year"], p[p.segment == "year_ahead"]),
        "plot_theme_map": report.paragraphs,
        "plot_scoreboard": SCOREBOARD,
        "plot_ranks": RANKS,
        "plot_cooccurrence": ga.cooccurrence(report),
        "plot_wordcloud": ga.term_frequencies(report),
        "plot_growth_targets": ga.main_targets([report]),
        "plot_target_comparison": ga.compare_targets(report, context=ga.context_targets()),
        "plot_target_tracking": ga.target_tracking([report]),
        "plot_commitments": ga.commitment_summary(ga.commitments(report), by="verb_class"),
        "plot_fiscal_amounts": ga.fiscal_picture(report),
        "plot_term_trends": ga.term_trends([report, hailar], ["发展", "生态"]),
    }


#: every chart helper of the package (``THEME_LABELS`` is the one name in plots.__all__ that is not a helper)
HELPERS = [name for name in plots.__all__ if name != "THEME_LABELS"]


def test_every_helper_has_pipeline_input(inputs):
    assert set(HELPERS) == set(inputs) and len(HELPERS) == 13


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(mpl.text.Text) if t.get_text()]


@pytest.mark.parametrize("name", HELPERS)
def test_helper_returns_the_axes_it_was_given_and_renders_without_glyph_warnings(inputs, name):
    """Drawn with matplotlib's default rc (no use_theme): the helper sets the font itself."""
    with mpl.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, (_, ax) = plt.subplots(1, 2)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            returned = getattr(plots, name)(inputs[name], ax=ax)
            fig.savefig(io.BytesIO(), format="png")
    assert returned is ax
    assert style.missing_glyphs(_texts(fig)) == []
    assert fig.get_size_inches().tolist() == pytest.approx(mpl.rcParams["figure.figsize"])


@pytest.mark.parametrize("name", HELPERS)
def test_helper_draws_on_the_current_axes_when_none_is_given(inputs, name):
    fig, ax = plt.subplots()
    assert getattr(plots, name)(inputs[name]) is ax


def test_helpers_never_show_or_save(monkeypatch, inputs):
    def fail(*args, **kwargs):
        raise AssertionError("a plot helper must not show or save")

    monkeypatch.setattr(plt, "show", fail)
    monkeypatch.setattr(mpl.figure.Figure, "savefig", fail)
    for name in HELPERS:
        fig, ax = plt.subplots()
        getattr(plots, name)(inputs[name], ax=ax)


def test_top_terms_order_and_labels(inputs):
    ax = ga.plot_top_terms(inputs["plot_top_terms"], n=5)
    # the place name (冠县) and furniture (全市, 人民) are stopwords since issue 10
    assert [t.get_text() for t in ax.get_yticklabels()] == ["产业", "创新", "高质量发展", "项目", "农村"]
    assert [p.get_width() for p in ax.patches] == [37, 26, 24, 23, 22]


def test_distinctive_terms_shows_both_sides(inputs):
    ax = ga.plot_distinctive_terms(inputs["plot_distinctive_terms"], n=5)
    widths = [p.get_width() for p in ax.patches]
    assert len(widths) == 10 and sum(w > 0 for w in widths) == 5
    assert ax.get_yticklabels()[0].get_text() == "入选"  # 全市 before issue 10 (furniture, now a stopword)


def test_theme_map_counts_paragraphs(report):
    ax = ga.plot_theme_map(report.paragraphs)
    values = ax.collections[0].get_array().reshape(6, -1)
    assert values.sum() == len(report.paragraphs)
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "开场"


def test_scoreboard_keeps_one_unit_and_marks_qualifiers():
    ax = ga.plot_scoreboard(SCOREBOARD)
    assert [t.get_text() for t in ax.get_yticklabels()] == SCOREBOARD["metric"][:4].tolist()
    texts = {t.get_text() for t in ax.texts}
    assert {"6%左右", "7%以上", "5.5%以内", "8%"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("预计" in t for t in legend) and any("以上" in t for t in legend)


def test_ranks_put_rank_one_on_the_right_and_unranked_apart():
    ax = ga.plot_ranks(RANKS)
    left, right = ax.get_xlim()
    assert left > right  # inverted: rank 1 towards the right
    assert "非名次 other claim" in [t.get_text() for t in ax.get_xticklabels()]


def test_ranks_give_each_scope_the_same_colour_on_every_chart():
    """The livelihoods chart starts with a 全省 claim: 全省 was blue there and orange on the others."""
    def colours(scopes):
        table = pd.DataFrame({"metric": [f"m{i}" for i in range(len(scopes))], "scope": scopes,
                              "rank": [1] * len(scopes), "rank_text": ["第1位"] * len(scopes)})
        fig, ax = plt.subplots()
        ga.plot_ranks(table, ax=ax)
        legend = ax.get_legend()
        found = {t.get_text(): h.get_markerfacecolor() for t, h in zip(legend.get_texts(), legend.legend_handles)}
        plt.close(fig)
        return found

    assert colours(["全省", "全市"]) == colours(["全市", "全省"])
    assert set(colours(["全省"])) == {"全省"}  # the legend names only the scopes drawn


@pytest.mark.parametrize("name", ["plot_ranks", "plot_scoreboard", "plot_top_terms", "plot_distinctive_terms"])
def test_an_empty_table_draws_empty_axes_without_warnings(inputs, name):
    """A theme without rank claims (livelihoods) still gets its chart cell."""
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert getattr(plots, name)(inputs[name].iloc[0:0], ax=ax) is ax
        fig.savefig(io.BytesIO(), format="png")


def test_cooccurrence_layout_is_seeded(inputs):
    def positions(seed):
        fig, ax = plt.subplots()
        ga.plot_cooccurrence(inputs["plot_cooccurrence"], seed=seed, ax=ax)
        return [(t.get_text(), t.get_position()) for t in ax.texts]

    assert positions(3) == positions(3)
    assert positions(3) != positions(4)
    assert len(positions(3)) == cooccurrence_graph(inputs["plot_cooccurrence"], top=40).number_of_nodes()


def _wordcloud_png(freqs, seed=42) -> bytes:
    fig, ax = plt.subplots(figsize=(4, 3))
    ga.plot_wordcloud(freqs, ax=ax, seed=seed, width=400, height=300)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def test_two_word_clouds_from_the_same_input_are_identical_png(inputs):
    freqs = inputs["plot_wordcloud"]
    first, second = _wordcloud_png(freqs), _wordcloud_png(freqs.sample(frac=1, random_state=1))
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    assert _wordcloud_png(freqs, seed=7) != first


def test_wordcloud_size_and_inputs():
    ax = ga.plot_wordcloud(pd.Series({"乡村振兴": 3, "冠县": 1}), width=320, height=200)
    assert ax.images[0].get_array().shape[:2] == (200, 320)
    with pytest.raises(ValueError):
        ga.plot_wordcloud({"冠县": 0})


def test_inputs_are_not_mutated(inputs):
    before = {k: v.copy() for k, v in inputs.items()}
    for name in HELPERS:
        fig, ax = plt.subplots()
        getattr(plots, name)(inputs[name], ax=ax)
    for key, frame in before.items():
        pd.testing.assert_frame_equal(inputs[key], frame)


@pytest.mark.parametrize("module", [base, text_charts, indicator_charts, comparison_charts, promise_charts,
                                    corpus_charts])
def test_docstring_examples(module):
    result = doctest.testmod(module, extraglobs={"plt": plt}, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_cooccurrence_layout_keeps_labels_apart():
    from guanxian_analysis.plots.text_charts import _separate_labels

    crowded = {"突破": (0.50, 0.50), "攻坚": (0.51, 0.50), "高质量发展": (0.50, 0.51), "产业": (0.0, 0.0)}
    spread = _separate_labels(crowded, list(crowded))
    names = list(spread)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (xa, ya), (xb, yb) = spread[a], spread[b]
            width = 0.04 + 0.0065 * (len(a) + len(b))
            assert abs(xa - xb) >= width - 1e-9 or abs(ya - yb) >= 0.065 - 1e-9, (a, b)
    assert spread == _separate_labels(crowded, list(crowded))


def test_plot_inputs_use_the_values_the_pipeline_produces(report, hailar):
    """The hand-made frames above speak the pipeline's vocabulary, and the plots know every bound it produces."""
    from guanxian_analysis.indicator_schema import BOUNDS, STATUSES

    assert set(SCOREBOARD.outcome_status.dropna()) <= set(STATUSES)
    assert set(SCOREBOARD.target_bound.dropna()) <= set(BOUNDS)
    for r in (report, hailar):
        table = ga.indicators(r)
        assert set(table.status) <= set(STATUSES) and set(table.bound.dropna()) <= set(BOUNDS)
        board = ga.scoreboard(table)
        assert set(board.columns) >= set(SCOREBOARD.columns)
        assert set(board.outcome_status.dropna()) <= set(STATUSES)
        for bound in board.target_bound.dropna():
            assert base._bound_marker(None, bound)[0] != "s", bound  # a target bound gets its own marker
    assert {"min", "max", "approx"} <= set(base._BOUND_MARKERS)


def test_theme_map_names_parts_from_the_report_itself(report, hailar):
    import matplotlib.pyplot as plt

    labels = {}
    for name, r in (("guanxian", report), ("hailar", hailar)):
        fig, ax = plt.subplots()
        plots.plot_theme_map(r, ax=ax)
        labels[name] = [t.get_text() for t in ax.get_xticklabels()]
    assert labels["guanxian"] == ["开场", "一 回顾", "二 五年", "三 2022", "四 自身建设", "名词解释"]
    assert labels["hailar"] == ["开场", "一 回顾", "二 2019", "三 自身建设"]


def test_plots_on_the_pipeline_tables_and_their_empty_and_nan_variants(frequencies, board, rank_table,
                                                                       empty_tables, nan_tables):
    import matplotlib.pyplot as plt

    cases = [(plots.plot_top_terms, "frequencies", frequencies), (plots.plot_scoreboard, "board", board),
             (plots.plot_ranks, "ranks", rank_table)]
    for helper, key, full in cases:
        for data in (full, empty_tables[key], nan_tables[key]):
            fig, ax = plt.subplots()
            assert helper(data, ax=ax) is ax, helper.__name__
            plt.close(fig)
    # the scoreboard leaves out a metric with neither outcome nor target, and keeps the others
    fig, ax = plt.subplots()
    shown = {t.get_text() for t in plots.plot_scoreboard(nan_tables["board"], ax=ax).get_yticklabels()}
    percent = board[board.outcome_unit.eq("%") & board.target_unit.eq("%")]
    assert percent.metric.iloc[0] not in shown and percent.metric.iloc[2] in shown
    # nothing to draw in a word cloud is an error that says so
    with pytest.raises(ValueError, match="no positive frequencies"):
        plots.plot_wordcloud(empty_tables["frequencies"])
