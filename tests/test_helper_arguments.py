"""Helpers that guide (issue 12, item 5): a theme that does not exist, a wrong type, and ``ga.notebook_helpers``.

The issue's example: ``theme_indicators(ind, "学校")`` took 学校 as a theme and returned nothing. 学校 is a word;
read from the report's text before running the code, the sentences that mention it with figures are s0029
(新建改建学校135处、幼儿园55所), s0115 (97所学校开展课后服务) and s0368 (公办高中1处、公办幼儿园2处、乡镇中学3处).
Of those figures, two are ABOUT schools (issue 10, item 5: a figure is filed under a term its own metric names):
学校135处 and 97所学校; 幼儿园55所 and the 高中/幼儿园/中学 of s0368 only share a sentence with the word.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

import guanxian_analysis as ga
from guanxian_analysis import coverage
from guanxian_analysis.themes import THEMES

THEME_FUNCTIONS = [coverage.theme_by_segment, coverage.theme_sections, coverage.theme_and_rest,
                   coverage.theme_sentences]


def test_a_word_given_as_theme_raises_and_lists_the_themes(indicator_table):
    with pytest.raises(ValueError) as error:
        ga.theme_indicators(indicator_table, "学校")
    message = str(error.value)
    assert message.startswith("no theme '学校': the themes are economy (经济), rural (乡村), environment (环境)")
    assert all(theme in message for theme in THEMES)
    assert "terms=['学校']" in message                       # and says what to do instead


def test_the_word_as_terms_finds_the_school_indicators(indicator_table):
    found = ga.theme_indicators(indicator_table, terms="学校")
    assert found.sentence_id.tolist() == ["s0029", "s0115"]
    assert found.value.tolist() == [135, 97]
    assert found.equals(ga.theme_indicators(indicator_table, terms=["学校"]))   # a string or a list


@pytest.mark.parametrize("theme", ["学校", "经济", "Economy", "economics", ""])
def test_every_theme_argument_is_checked(report, theme):
    for function in THEME_FUNCTIONS:
        with pytest.raises(ValueError, match="the themes are economy"):
            function(report, theme)


def test_wrong_types_say_what_was_expected(report, indicator_table):
    with pytest.raises(TypeError, match=r"theme must be one theme name \(a string such as 'economy'\), got list"):
        ga.theme_indicators(indicator_table, ["economy"])
    with pytest.raises(TypeError, match=r"indicators must be the indicator table \(ga.indicators\(report\)\), got Report"):
        ga.theme_indicators(report, "economy")
    with pytest.raises(TypeError, match="terms must be a string or a list of strings, got int"):
        ga.theme_indicators(indicator_table, terms=3)
    for function in THEME_FUNCTIONS:
        with pytest.raises(TypeError, match="got NoneType"):
            function(report, None)


def test_valid_themes_still_select_as_before(report, indicator_table):
    env = ga.theme_indicators(indicator_table, "environment")
    assert set(env.theme) == {"environment"} and env.metric.head(2).tolist() == ["PM2.5", "PM10"]
    assert ga.theme_indicators(indicator_table).equals(indicator_table.sort_values("start", kind="mergesort"))
    assert coverage.theme_sections(report, "environment").section.tolist() == ["二.3", "三.6"]


def test_the_helper_modules_are_reachable_from_the_package_root():
    """``ga.notebook_helpers`` raised AttributeError; now it and the modules it gathers load on first use."""
    code = ("import sys, guanxian_analysis as ga; heavy = 'pandas' in sys.modules; "
            "nh = ga.notebook_helpers; "
            "print(heavy, nh.kwic_html is ga.display.kwic_html, nh.theme_share is ga.coverage.theme_share, "
            "'notebook_helpers' in dir(ga), ga.findings.format_value(6.0, '%', '左右'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "True", "True", "6%左右"]
    with pytest.raises(AttributeError, match="no attribute 'no_such_module'"):
        ga.no_such_module  # noqa: B018
