"""Several reports at once: load_reports, the Corpus tables, theme shares, term trends, new terms.

Facts checked against the texts (``iconv -f gb18030`` and ``grep -o`` on the Hailar files):
生态 occurs 18, 5, 8, 15, 24, 30, 23 times in the 2012-2016, 2018, 2019 reports; 民营企业 0 times
before 2019 and 9 times in 2019; 精准 0 times before 2016 and 7 times in 2016.
"""
from __future__ import annotations

import math
import shutil
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import guanxian_analysis as ga
from guanxian_analysis import corpus as corpus_module
from guanxian_analysis import paths
from guanxian_analysis.corpus import KEY_COLUMNS, apply_metadata, infer_level, load_reports

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"
HAILAR_DIR = CORPUS / "hailar"
NATIONAL_2022 = CORPUS / "national" / "national_2022.txt"
HAILAR_YEARS = [2012, 2013, 2014, 2015, 2016, 2018, 2019]


@pytest.fixture(scope="module")
def hailar_corpus():
    if not HAILAR_DIR.is_dir():  # a missing shared/ must fail, not skip
        pytest.fail(f"the corpus is missing: {HAILAR_DIR}")
    return load_reports(HAILAR_DIR, progress=False)


# --------------------------------------------------------------------------- loading
def test_hailar_series_loads_in_year_order_with_place_and_level(hailar_corpus):
    meta = hailar_corpus.meta
    assert len(hailar_corpus) == 7
    assert hailar_corpus.report_ids == [f"hailar_district_{y}" for y in HAILAR_YEARS]
    assert meta["year"].tolist() == HAILAR_YEARS
    assert set(meta["place"]) == {"海拉尔区"}
    assert set(meta["level"]) == {"county"} and set(meta["level_source"]) == {"place name"}
    by_id = meta.set_index("report_id")
    # 2019 names itself under its prefecture; the series keeps one place name
    assert by_id.loc["hailar_district_2019", "place_as_written"] == "呼伦贝尔市海拉尔区"
    assert by_id.loc["hailar_district_2019", "place_source"] == "meeting line"
    # 2012 has no place line in its header: the loader reads it from the meeting line
    assert by_id.loc["hailar_district_2012", "place_source"] == "meeting line"
    assert set(meta["year_source"]) == {"meeting line"}
    assert list(meta.columns) == list(corpus_module.META_COLUMNS)
    assert hailar_corpus.errors.empty


def test_stacked_tables_put_the_keys_first_and_keep_every_row(hailar_corpus):
    for name in ("paragraphs", "sentences"):
        table = getattr(hailar_corpus, name)
        assert list(table.columns[:4]) == list(KEY_COLUMNS)
        assert len(table) == sum(len(getattr(r, name)) for r in hailar_corpus.reports)
        first = hailar_corpus.reports[0]
        head = table[table.report_id == "hailar_district_2012"].drop(columns=list(KEY_COLUMNS)).reset_index(drop=True)
        pd.testing.assert_frame_equal(head, getattr(first, name))
    assert hailar_corpus["hailar_district_2015"].meta["year"] == 2015
    with pytest.raises(KeyError, match="no report 'hailar_district_2017'"):
        hailar_corpus["hailar_district_2017"]


def test_corpus_indicators_stack_each_reports_indicators(hailar_corpus):
    table = hailar_corpus.indicators()
    assert list(table.columns[:4]) == list(KEY_COLUMNS)
    for report_id, report in zip(hailar_corpus.report_ids, hailar_corpus.reports):
        part = table[table.report_id == report_id].drop(columns=list(KEY_COLUMNS)).reset_index(drop=True)
        pd.testing.assert_frame_equal(part, ga.indicators(report))
    assert table.attrs["errors"].empty
    # the 2015 GDP growth target of 8% is in the stacked table with its place and year
    gdp = table[(table.year == 2015) & (table.status == "target") & table.metric.str.contains("生产总值")
                & (table.unit == "%")]
    assert 8.0 in gdp["value"].tolist()


def test_a_second_load_reuses_the_loaded_reports(hailar_corpus):
    again = load_reports(HAILAR_DIR, progress=False)
    assert all(a is b for a, b in zip(again.reports, hailar_corpus.reports))


def test_parallel_load_gives_the_same_tables_as_load_report(tmp_path):
    for name in ("national_2019.txt", "national_2022.txt"):
        shutil.copy(CORPUS / "national" / name, tmp_path / name)  # new paths: nothing cached yet
    corpus = load_reports(tmp_path, workers=2, progress=False)
    assert corpus.report_ids == ["national_2019", "national_2022"]
    for report_id in corpus.report_ids:
        alone = ga.load_report(tmp_path / f"{report_id}.txt")
        pd.testing.assert_frame_equal(corpus[report_id].paragraphs, alone.paragraphs)
        pd.testing.assert_frame_equal(corpus[report_id].sentences, alone.sentences)
    meta = corpus.meta.set_index("report_id")
    # the national reports name no place: 全国 comes from the meeting line (全国人民代表大会)
    assert meta.loc["national_2022", "place"] == "全国"
    assert meta.loc["national_2022", "place_source"] == "meeting line"
    assert meta.loc["national_2022", "level"] == "national"


def test_progress_bar_is_quiet_off_a_terminal_and_when_asked(capsys):
    load_reports([NATIONAL_2022], progress=None)
    load_reports([NATIONAL_2022], progress=False)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    load_reports([NATIONAL_2022], progress=True)
    assert "loading reports" in capsys.readouterr().err


# --------------------------------------------------------------------------- metadata
@pytest.mark.slow
def test_a_quiet_load_in_a_kernel_prints_nothing():
    """In a Jupyter kernel without ipywidgets, tqdm.auto warns "IProgress not found" on import."""
    import nbclient
    import nbformat

    files = [str(p) for p in sorted(paths.SHARED_CORPUS_DIR.glob("hailar/*.txt"))[:2]]
    assert len(files) == 2
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        f"import guanxian_analysis as ga\nprint(len(ga.load_reports({files!r}, progress=False, workers=1)))")]
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert [(o.get("name"), o.get("text")) for o in outputs] == [("stdout", "2\n")]


def test_metadata_fills_and_overrides_with_its_source(tmp_path):
    table = pd.DataFrame({"path": [str(HAILAR_DIR / "hailar_district_2013.txt"), str(NATIONAL_2022)],
                          "place": ["呼伦贝尔市海拉尔区", None], "level": ["county", None], "year": [2013, None]})
    corpus = load_reports([HAILAR_DIR / "hailar_district_2013.txt", NATIONAL_2022], metadata=table, progress=False)
    meta = corpus.meta.set_index("report_id")
    row = meta.loc["hailar_district_2013"]
    assert (row.place, row.place_source, row.place_as_written) == ("海拉尔区", "metadata", "呼伦贝尔市海拉尔区")
    assert (row.level, row.level_source, row.year, row.year_source) == ("county", "metadata", 2013, "metadata")
    row = meta.loc["national_2022"]  # an empty metadata cell leaves the text's value
    assert (row.place, row.place_source, row.level_source, row.year_source) == ("全国", "meeting line", "place name", "meeting line")

    # a CSV with paths relative to its own folder
    shutil.copy(NATIONAL_2022, tmp_path / "n.txt")
    (tmp_path / "meta.csv").write_text("path,place,level,year\nn.txt,中国,national,2022\n", encoding="utf-8")
    corpus = load_reports(tmp_path / "n.txt", metadata=tmp_path / "meta.csv", progress=False)
    assert corpus.meta.loc[0, ["place", "place_source", "level_source"]].tolist() == ["中国", "metadata", "metadata"]


def test_metadata_with_unknown_columns_or_levels_is_refused():
    with pytest.raises(ValueError, match="not understood"):
        load_reports([NATIONAL_2022], metadata=pd.DataFrame({"path": [str(NATIONAL_2022)], "region": ["x"]}))
    with pytest.raises(ga.ReportFormatError, match="metadata level 'town'"):
        load_reports([NATIONAL_2022], metadata=pd.DataFrame({"path": [str(NATIONAL_2022)], "level": ["town"]}),
                     progress=False)


@pytest.mark.parametrize("place, level", [
    ("全国", "national"), ("国务院", "national"), ("山东省", "province"), ("内蒙古自治区", "province"),
    ("北京市", "province"), ("天津市", "province"), ("重庆市", "province"), ("上海市", "province"),
    ("冠县", "county"), ("海拉尔区", "county"), ("呼伦贝尔市海拉尔区", "county"), ("鄂温克族自治旗", "county"),
    ("聊城市", "city"), (None, None), ("某地", None),
])
def test_infer_level(place, level):
    assert infer_level(place) == level


def test_apply_metadata_on_the_guanxian_report(report):
    values = apply_metadata(report)
    assert values == {"place": "冠县", "place_source": "meeting line", "place_as_written": "冠县", "level": "county",
                      "level_source": "place name", "year": 2022, "year_source": "meeting line"}


# --------------------------------------------------------------------------- bad input
def test_bad_files_are_all_named_in_one_error(tmp_path):
    (tmp_path / "a_bad.txt").write_text("什么都不是", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    shutil.copy(NATIONAL_2022, tmp_path / "good.txt")
    with pytest.raises(ga.ReportFormatError) as info:
        load_reports(tmp_path, progress=False)
    message = str(info.value)
    assert "2 of 3 report(s) could not be loaded" in message
    assert "a_bad.txt" in message and "b_empty.txt" in message and "good.txt" not in message

    with pytest.warns(UserWarning, match="2 of 3 report"):
        corpus = load_reports(tmp_path, errors="collect", progress=False)
    assert corpus.report_ids == ["good"]
    assert [p.rsplit("/", 1)[-1] for p in corpus.errors["path"]] == ["a_bad.txt", "b_empty.txt"]
    assert set(corpus.errors["error"]) == {"ReportFormatError"}


def test_missing_paths_and_empty_folders(tmp_path):
    with pytest.raises(FileNotFoundError, match="no .txt reports"):
        load_reports(tmp_path)
    with pytest.raises(FileNotFoundError, match="report not found"):
        load_reports([tmp_path / "nope.txt"])


def test_every_corpus_file_is_loaded_or_reported():
    """Nothing is lost silently: each of the 27 files is a report or an error row."""
    files = sorted(str(p) for p in CORPUS.rglob("*.txt"))
    assert len(files) == 27
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        corpus = load_reports(CORPUS, errors="collect", progress=False)
        table = corpus.indicators(errors="collect")
    assert sorted(list(corpus.meta["path"]) + list(corpus.errors["path"])) == files
    assert set(table.report_id) | set(table.attrs["errors"].report_id) == set(corpus.report_ids)
    assert set(corpus.meta["level"]) <= {"national", "province", "county"}
    assert corpus.meta["place"].notna().all()


def test_the_whole_corpus_loads_and_gives_indicators():
    corpus = load_reports(CORPUS, progress=False)
    assert len(corpus) == 27
    table = corpus.indicators()
    assert set(table.report_id) == set(corpus.report_ids)


def test_import_stays_light():
    code = ("import sys, guanxian_analysis.corpus, guanxian_analysis.echo; "
            "print(sorted(m for m in ('pandas', 'jieba', 'tqdm', 'opencc', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --------------------------------------------------------------------------- analyses
def test_term_trends_keep_the_missing_year_as_missing(hailar_corpus):
    table = ga.term_trends(hailar_corpus, ["生态", "民营企业"])
    assert list(table.columns) == ["report_id", "place", "level", "year", "term", "count", "characters",
                                   "rate_per_10k"]
    eco = table[table.term == "生态"].set_index("year")
    assert eco.index.tolist() == list(range(2012, 2020))
    gap = eco.loc[2017]
    assert pd.isna(gap["report_id"]) and pd.isna(gap["count"]) and math.isnan(gap["rate_per_10k"])
    assert [int(eco.loc[y, "count"]) for y in HAILAR_YEARS] == [18, 5, 8, 15, 24, 30, 23]
    row = eco.loc[2012]
    assert row["rate_per_10k"] == pytest.approx(10_000 * 18 / row["characters"])
    private = table[table.term == "民营企业"].set_index("year")
    assert int(private.loc[2019, "count"]) == 9 and int(private.loc[2018, "count"]) == 0


def test_new_terms_by_year(hailar_corpus):
    table = ga.new_terms(hailar_corpus)
    assert 2012 not in set(table.year)  # the first report is the baseline
    assert set(table.year) == {2013, 2014, 2015, 2016, 2018, 2019}
    jingzhun = table[table.term == "精准"]
    assert jingzhun[["year", "count", "compared_with"]].values.tolist() == [[2016, 7, "2012-2015"]]
    private = table[table.term == "民营企业"]
    assert private[["year", "compared_with", "after_gap"]].values.tolist() == [[2019, "2012-2016, 2018", False]]
    assert table.loc[table.year == 2018, "after_gap"].all()
    assert table.loc[table.year == 2018, "compared_with"].eq("2012-2016").all()
    # no term is new twice in a series
    assert not table.duplicated(["place", "term"]).any()


def test_theme_shares_side_by_side(report):
    nation = ga.load_report(NATIONAL_2022)
    table = ga.theme_shares([report, nation])
    assert list(table.columns) == ["theme", "label", "guanxian-2022-government-work-report", "national_2022"]
    assert table["theme"].tolist() == ["economy", "rural", "environment", "livelihoods", "urban", "governance"]
    for column in table.columns[2:]:
        assert table[column].sum() == pytest.approx(1.0)
    from guanxian_analysis.notebook_helpers import theme_share

    one = theme_share(report).set_index("theme")["share"]
    assert table.set_index("theme")["guanxian-2022-government-work-report"].to_dict() == pytest.approx(one.to_dict())
    chars = ga.theme_shares([report], value="characters")
    assert chars.iloc[:, 2].sum() == sum(len(t) for t in report.paragraphs.query("part != 'glossary'").text)


@pytest.mark.parametrize("module", ["corpus", "corpus_tables"])
def test_corpus_docstring_examples(module):
    import doctest
    import importlib

    module = importlib.import_module(f"guanxian_analysis.{module}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_plot_term_trends_breaks_the_line_at_the_missing_year(hailar_corpus):
    import matplotlib.pyplot as plt

    from guanxian_analysis.plots import corpus_charts

    table = ga.term_trends(hailar_corpus, ["生态", "改革"])
    assert table.term.unique().tolist() == ["生态", "改革"]  # the order given
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn
        assert ga.plot_term_trends(table, ax=ax) is ax
        fig.canvas.draw()
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["生态", "改革"]
    xs, ys = lines[0].get_data()
    assert list(xs) == list(range(2012, 2020)) and math.isnan(ys[list(xs).index(2017)])
    assert ys[0] == pytest.approx(table.rate_per_10k.iloc[0])
    assert any("无报告" in t.get_text() for t in ax.texts)
    result = __import__("doctest").testmod(corpus_charts)
    assert result.attempted > 0 and result.failed == 0


def test_a_loader_crash_names_the_file(tmp_path, monkeypatch):
    """An exception that is not about bad input (a loader bug) still names its file."""
    from guanxian_analysis import report as report_module

    shutil.copy(NATIONAL_2022, tmp_path / "crash.txt")

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(report_module, "load_report", broken)
    with pytest.raises(RuntimeError, match=r"crash\.txt: KeyError: 'boom'"):
        load_reports(tmp_path, workers=1, progress=False)
