"""The notebook helpers: their examples, and the figures they render on the real report."""
from __future__ import annotations

import doctest

import pandas as pd
import pytest

import guanxian_analysis as ga
from guanxian_analysis import build, notebook_helpers as nh


def test_docstring_examples(report):
    from guanxian_analysis import coverage, display, findings
    from guanxian_analysis.build import index, notebooks, pages

    for modules in ((coverage, findings, display), (notebooks, pages, index)):
        attempted = 0
        for module in modules:
            result = doctest.testmod(module, extraglobs={"load_report": ga.load_report, "ga": ga, "report": report},
                                     optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            assert result.failed == 0, module.__name__
            attempted += result.attempted
        assert attempted > 5, modules


def test_theme_shares_cover_the_body_once(report):
    shares = nh.theme_share(report)
    body = report.paragraphs[report.paragraphs.part != "glossary"]
    assert sorted(shares.theme) == sorted(nh.THEMES)
    assert shares.paragraphs.sum() == len(body)
    assert shares.characters.sum() == (body.end - body.start).sum()
    assert shares.share.is_monotonic_decreasing


def test_theme_by_segment_adds_up_to_the_theme(report):
    for theme in nh.THEMES:
        segments = nh.theme_by_segment(report, theme)
        mine, _ = nh.theme_and_rest(report, theme)
        assert segments.paragraphs.sum() == len(mine)
        assert segments.share_of_theme.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("value, unit, qualifier, expected", [
    (8.0, "%", None, "8%"), (6.0, "%", "左右", "6%左右"), (7.5, "万亩", None, "7.5万亩"),
    (3800.0, "万美元", "以上", "3800万美元以上"), (5.5, "%", "以内", "5.5%以内"), (220.0, "个", "余", "220余个"),  # as Chinese writes it (#10.4)
    (2.0, "位", None, "第2位"), (2.0, "位", "预计", "预计第2位"), (550.0, "元", "由", "由550元"), (580.0, "元", "至", "至580元"),
    (8.0, "%", "预计", "预计8%"), (float("nan"), "%", None, "–"),
])
def test_format_value(value, unit, qualifier, expected):
    assert nh.format_value(value, unit, qualifier) == expected


def test_scoreboard_lines_quote_the_report_figures(report):
    lines = nh.scoreboard_lines(ga.scoreboard(report), "economy").splitlines()
    gdp = next(line for line in lines if "“生产总值”" in line)
    assert "**8%** (“预计”, expected) in 2021 → **6%左右** targeted for 2022 (−2 points)" in gdp
    assert any("**5125万美元** in 2021 → **3800万美元以上** targeted for 2022" in line for line in lines)


def test_kwic_table_keeps_provenance(report):
    # kwic counts whole tokens outside the glossary by default (the counting rule of ``terms``), so a name part such
    # as 啄木鸟 (inside the one token 啄木鸟智慧监管平台) has no hits there; 河湖长制 is a word of its own
    hits = nh.kwic_table(report, ["灵芝", "河湖长制"], per_term=3)
    assert hits.groupby("term").size().to_dict() == {"河湖长制": 2, "灵芝": 3}
    assert hits.loc[hits.term == "灵芝", "hits"].iloc[0] == len(ga.kwic(report, "灵芝")) == 8
    page = nh.kwic_html(hits)
    assert page.count('<strong class="gx-hit"') == len(hits)


def test_save_table_writes_excel_friendly_csv(tmp_path):
    path = nh.save_table(pd.DataFrame({"词": ["乡村振兴"], "n": [1]}), "terms", tmp_path)
    assert path.read_bytes() == "\ufeff词,n\n乡村振兴,1\n".encode("utf-8")
    with pytest.raises(ValueError):
        nh.save_table(pd.DataFrame(), "../escape", tmp_path)


def test_findings_render_computed_numbers(report):
    distinct = ga.distinctive_terms(*nh.theme_and_rest(report, "environment"), labels=("environment", "rest"))
    indicators = ga.indicators(report)
    text = nh.theme_findings(report, "environment", distinct=distinct, indicators=indicators,
                             board=ga.scoreboard(report), ranks=ga.ranks(report))
    n = int((indicators.theme == "environment").sum())
    assert f"**Numbers.** {n} indicators" in text
    ranks = ga.ranks(report)
    firsts = ranks[(ranks.theme == "environment") & ranks.claim.eq("position") & ranks["rank"].eq(1)]
    assert len(firsts) >= 3 and f"1st in the city (全市第1位): “{firsts.metric.iloc[0]}”" in text
    assert all(f"“{m}”" in text.split("1st in the city")[1].split("2nd in the city")[0] for m in firsts.metric)


def test_helpers_work_on_the_hailar_report(hailar):
    assert "海拉尔" in nh.report_facts(hailar)
    assert nh.theme_share(hailar).paragraphs.sum() == (hailar.paragraphs.part != "glossary").sum()
    assert "glossary" not in nh.report_facts(hailar)


def test_scoreboard_lines_give_the_change_in_the_targets_unit(report):
    board = ga.scoreboard(report)
    loans = board[board.metric == "创业担保贷款"]
    text = nh.scoreboard_lines(loans)
    assert "**1.25亿元** in 2021 → **5500万元以上** targeted for 2022 (−7000万元)" in text


def test_the_builds_kernels_ignore_a_tables_dir_left_in_the_shell(monkeypatch, tmp_path):
    """GUANXIAN_TABLES_DIR (make lab's scratch folder) exported in the user's shell does not reach the build."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import nbformat

    from guanxian_analysis import paths
    from guanxian_analysis.build import execute_notebook

    monkeypatch.setenv(paths.TABLES_DIR_ENV, str(tmp_path / "scratch"))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os\nfrom guanxian_analysis import paths\n"
        "print(os.environ.get('GUANXIAN_TABLES_DIR', 'unset'), paths.REPORTS_DATA_DIR == paths.BUILT_TABLES_DIR)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # in a thread of its own: test_build's session-wide Playwright keeps an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        done = pool.submit(asyncio.run, execute_notebook(nb, name="env-check", cwd=tmp_path)).result()
    assert done.cells[0].outputs[0].text.split() == ["unset", "True"]
