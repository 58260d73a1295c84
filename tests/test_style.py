"""The CJK font: found in the documented order, covering every character drawn."""
from __future__ import annotations

import doctest
import io
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from guanxian_analysis import style  # noqa: E402


@pytest.fixture(autouse=True)
def _restore_rc():
    saved = mpl.rcParams.copy()
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mpl.rcParams.update(saved)


def test_bundled_noto_is_the_fallback(monkeypatch):
    monkeypatch.delenv(style.FONT_ENV, raising=False)
    monkeypatch.setattr(style, "_system_candidates", lambda: [])
    style._search.cache_clear()
    try:
        assert style.find_cjk_font().name == "NotoSansCJKsc-Regular.otf"
    finally:
        style._search.cache_clear()


def test_a_covering_system_font_comes_before_the_bundled_one(monkeypatch, tmp_path):
    import shutil

    system = tmp_path / "SourceHanSansSC-Regular.otf"
    shutil.copy(style._bundled_font().parent / "SimHei.ttf", system)
    monkeypatch.delenv(style.FONT_ENV, raising=False)
    monkeypatch.setattr(style, "_system_candidates", lambda: [str(tmp_path / "broken.ttf"), str(system)])
    style._search.cache_clear()
    try:
        assert style.find_cjk_font() == system
    finally:
        style._search.cache_clear()


def test_a_system_font_that_lacks_characters_is_skipped(monkeypatch):
    dejavu = mpl.font_manager.findfont("DejaVu Sans")
    monkeypatch.delenv(style.FONT_ENV, raising=False)
    monkeypatch.setattr(style, "_system_candidates", lambda: [dejavu])
    style._search.cache_clear()
    try:
        assert style.find_cjk_font().name == "NotoSansCJKsc-Regular.otf"
    finally:
        style._search.cache_clear()


def test_environment_variable_and_explicit_path_win(monkeypatch):
    simhei = style._bundled_font().parent / "SimHei.ttf"
    monkeypatch.setenv(style.FONT_ENV, str(simhei))
    assert style.find_cjk_font() == simhei
    noto = style._bundled_font()
    assert style.find_cjk_font(noto) == noto  # the argument beats the variable


def test_bad_explicit_fonts_are_refused(monkeypatch, tmp_path):
    with pytest.raises(FileNotFoundError):
        style.find_cjk_font(tmp_path / "missing.otf")
    with pytest.raises(ValueError, match="lacks glyphs"):
        style.find_cjk_font(mpl.font_manager.findfont("DejaVu Sans"))
    monkeypatch.setenv(style.FONT_ENV, str(tmp_path / "missing.otf"))
    with pytest.raises(FileNotFoundError, match=style.FONT_ENV):
        style.find_cjk_font()


def test_font_covers_the_whole_report(report, report_original):
    """Every character of the report, in both scripts, has a glyph in the chosen font."""
    assert style.missing_glyphs([report.text, report_original.text]) == []


def test_missing_glyphs_names_what_dejavu_lacks():
    dejavu = mpl.font_manager.findfont("DejaVu Sans")
    assert style.missing_glyphs(["冠县 ok"], dejavu) == ["冠", "县"]


def test_use_theme_sets_seaborn_theme_and_font():
    theme = style.use_theme()
    assert mpl.rcParams["font.family"][0] == theme.font_name == "Noto Sans CJK SC"
    assert mpl.rcParams["axes.facecolor"] == "white"  # seaborn whitegrid
    assert mpl.rcParams["axes.grid"] is True
    assert str(theme.font_path).endswith(".otf")
    import os

    assert os.fspath(theme) == str(theme.font_path)


def test_use_theme_as_context_manager_restores_rcparams():
    before = mpl.rcParams["font.family"], mpl.rcParams["axes.grid"]
    with style.use_theme(style="darkgrid") as theme:
        assert mpl.rcParams["font.family"][0] == theme.font_name
        assert mpl.rcParams["axes.facecolor"] == "#EAEAF2"
    assert (mpl.rcParams["font.family"], mpl.rcParams["axes.grid"]) == before


def test_chinese_text_draws_without_glyph_warnings():
    style.use_theme()
    fig, ax = plt.subplots()
    ax.set_title("冠县2022年政府工作报告：高质量发展、乡村振兴（−5.5%）")
    ax.set_xlabel("“两不愁三保障”")
    ax.plot([-1, 1], [-1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")


def test_without_the_theme_dejavu_warns_so_the_check_has_teeth():
    with mpl.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("冠县")
        with pytest.warns(UserWarning, match="missing from font"):
            fig.savefig(io.BytesIO(), format="png")


def test_docstring_examples():
    result = doctest.testmod(style, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_plot_helpers_honour_the_font_the_user_chose(report):
    """use_theme(font=...) picks the font; a plot helper draws with it instead of the one found automatically."""
    import matplotlib.pyplot as plt

    import guanxian_analysis as ga
    from guanxian_analysis import paths

    serif = paths.bundled_font().with_name("NotoSerifCJKsc-Regular.otf")  # another CJK font mplfonts ships
    automatic = style.find_cjk_font()
    assert serif.is_file() and serif != automatic
    with style.use_theme(font=serif) as theme:
        assert style.theme_font() == serif
        fig, ax = plt.subplots()
        ga.plot_top_terms(ga.term_frequencies(report), n=5, ax=ax)
        families = {tuple(t.get_fontfamily()) for t in ax.get_yticklabels()}
        assert families == {(theme.font_name, "DejaVu Sans")}
        assert theme.font_name != style.font_family(automatic)[0]
    assert style.theme_font() != serif  # the theme's context ended: back to the automatic font
