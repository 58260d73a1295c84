"""The notebook build: the real build on the default report, its pages in headless Chromium, and the pieces.

The session fixture ``built`` runs ``guanxian-analysis build`` once (as ``make report`` does); the browser
checks open every page it wrote. Locally they skip when Chromium is absent; under ``CI=true`` they fail.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import guanxian_analysis as ga
from guanxian_analysis import build, paths

pytestmark = [pytest.mark.build, pytest.mark.slow]

NOTEBOOKS = ["00-overview", "01-economy", "02-rural-revitalisation", "03-environment", "04-livelihoods",
             "05-in-context", "06-a-county-over-time", "07-promises-and-money"]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HAILAR = paths.PROJECT_ROOT.parent / "shared" / "other-reports" / "hailar-district-2019-government-work-report.txt"


def run_cli(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "ignore::DeprecationWarning"}
    return subprocess.run([sys.executable, "-m", "guanxian_analysis.cli", *args], cwd=paths.PROJECT_ROOT,
                          capture_output=True, text=True, timeout=timeout, env=env)


def page_text(path: Path, *, body_only: bool = False) -> str:
    """The visible text of a page: tags, styles and scripts removed, entities decoded.

    ``body_only``: the notebook's own content (``<main>``), without the top bar and contents, whose links name
    the other pages (``← 06-a-county-over-time``)."""
    page = path.read_text(encoding="utf-8")
    if body_only:
        page = re.search(r"<main\b.*?</main>", page, flags=re.S).group(0)
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> subprocess.CompletedProcess:
    """``guanxian-analysis build`` on the default report, into a temporary folder (``built.out``), once per session.

    Never into the checkout's ``reports/``: an analyst's pages are not overwritten by the tests.
    """
    out = tmp_path_factory.mktemp("reports")
    result = run_cli("build", "--force", "--output-dir", str(out))  # really runs every notebook
    if result.returncode != 0:
        pytest.fail(f"the build failed (exit {result.returncode}):\n{result.stderr[-6000:]}")
    result.out = out
    return result


# --------------------------------------------------------------------------- the build on the real report
def test_notebooks_are_the_eight_in_run_order():
    assert [p.stem for p in build.find_notebooks()] == NOTEBOOKS


def test_progress_names_each_notebook_as_it_runs(built):
    for name in NOTEBOOKS:
        assert re.search(rf"^running {re.escape(name)} \(\d/{len(NOTEBOOKS)}, \d+ cells\)", built.stderr, re.M), \
            built.stderr
        assert re.search(rf"^done {re.escape(name)} in [\d.]+ s$", built.stderr, re.M)
    assert f"built {len(NOTEBOOKS)} notebooks" in built.stderr


def test_each_notebook_gives_a_reader_page_a_code_page_and_an_executed_notebook(built):
    for name in NOTEBOOKS:
        reader = (built.out / f"{name}.html").read_text(encoding="utf-8")
        code = (built.out / f"{name}-code.html").read_text(encoding="utf-8")
        assert 'class="jp-CodeMirrorEditor' not in reader and 'class="jp-CodeMirrorEditor' in code
        assert "import guanxian_analysis" in html.unescape(re.sub(r"<[^>]+>", "", code))
        assert 'class="gx-toc"' in reader and 'class="gx-toc"' in code
        assert (built.out / "notebooks" / f"{name}.ipynb").is_file()


def test_index_links_every_page_with_a_one_line_summary(built):
    index = (built.out / "index.html").read_text(encoding="utf-8")
    for name in NOTEBOOKS:
        item = re.search(rf'<li><a class="gx-title" href="{name}\.html">(.+?)</a><p class="gx-summary">(.*?)</p>'
                         rf'.*?href="{name}-code\.html"', index)
        assert item, name
        assert len(item.group(2)) > 30 and "\n" not in item.group(2)


def test_pages_are_self_contained(built):
    """No script, stylesheet, font or image is fetched: the pages work offline and from file://."""
    for page in built.out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|link)\b[^>]*(src|href)="(https?:)?//', text), page.name
        assert "url(http" not in text and "@import" not in text, page.name


def test_executed_notebooks_have_no_errors_warnings_or_timestamps(built):
    for name in NOTEBOOKS:
        nb = nbformat.read(built.out / "notebooks" / f"{name}.ipynb", as_version=4)
        assert [c.id for c in nb.cells] == [f"cell-{i:02d}" for i in range(len(nb.cells))]
        for cell in nb.cells:
            assert "execution" not in cell.metadata
            for output in cell.get("outputs", []):
                assert output.output_type != "error", (name, cell.source)
                assert not (output.output_type == "stream" and output.name == "stderr"), (name, cell.source, output.text)


def test_notebooks_are_thin_and_take_parameters():
    for path in build.find_notebooks():
        nb = build.read_notebook(path)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        assert re.search(r"^report_path = None\b", tagged[0].source, re.M)
        assert re.search(r'^script = "simplified"', tagged[0].source, re.M)
        # the one set-up call (use_theme, then setup_display: tests/test_theme_sections.py checks what it sets)
        assert any("nh.setup_notebook()" in c.source for c in nb.cells[:4] if c.cell_type == "code"), path.name
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not re.search(r"^\s*(def|class) ", cell.source, re.M), (path.name, cell.source)
                assert len(cell.source.splitlines()) <= 12, (path.name, cell.source)


def test_tables_are_written_to_reports_data(built):
    tables = sorted(p.name for p in (built.out / "data").glob("*.csv"))
    for expected in ["indicators.csv", "number_audit.csv", "scoreboard.csv", "ranks.csv"]:
        assert expected in tables
    for path in (built.out / "data").glob("*.csv"):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name  # UTF-8 with BOM, for Excel
    index = (built.out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="data/{t}"' in index for t in tables)


# --------------------------------------------------------------------------- key figures, rendered from data
KEY_FIGURES = {
    "00-overview": ["2022年政府工作报告", "冠县", "2022-01-20", "8%", "6%左右", "7.5万亩", "5125万美元", "四好农村路"],
    "01-economy": ["8%", "6%左右", "钢板加工", "轴承"],
    "02-rural-revitalisation": ["高标准农田", "7.5万亩", "8万亩", "灵芝"],
    "03-environment": ["PM2.5", "21.4%", "15.8%", "啄木鸟"],
    "04-livelihoods": ["6069", "4500", "就业"],
    # the county beside the nation (its 2022 text) and Shandong (data/context), the echo, the 2026 provinces
    "05-in-context": ["6%左右", "5.5%左右", "5.5%以上", "山东省", "全国", "放管服", "六稳", "海南省", "聊城"],
    # Hailar 2015: 增长8% targeted, 同比增长8.9% reported in 2016; no 2017 report; 287.9亿元 (2015) → 192.3亿元 (2018)
    "06-a-county-over-time": ["海拉尔区", "8.9%", "no report for 2017", "287.9亿元", "192.3亿元", "0.4%"],
    "07-promises-and-money": ["国家级森林康养城市", "省级地理标志保护示范区", "“全国信访工作示范县”", "全国未成年人保护试点县",
                              "12.6亿元", "35.3亿元", "81.3%", "27.2亿元", "24.6亿元", "约43.4亿元"],
}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_page_shows_its_key_figures(built, name):
    text = page_text(built.out / f"{name}.html")
    for figure in KEY_FIGURES[name]:
        assert figure in text, (name, figure)


def test_in_context_puts_the_three_gdp_targets_on_one_line(built):
    text = page_text(built.out / "05-in-context.html")
    line = re.search(r"GDP growth\s*:\s*冠县\s*6%左右\s*;\s*山东省\s*5\.5%以上[^;]*;\s*全国\s*5\.5%左右", text)
    assert line, re.findall(r"GDP growth.{0,120}", text)[:3]
    assert "whether" in text.lower() and "2023 report" in text  # the open question is said plainly


def test_county_over_time_quotes_both_sides_of_the_largest_miss(built):
    text = page_text(built.out / "06-a-county-over-time.html")
    assert "地方财政总收入增长16%" in text and "地方财政总收入完成24.9亿元，同比增长0.4%" in text


def test_economy_figures_come_from_the_scoreboard(built, report):
    import guanxian_analysis as ga

    board = ga.scoreboard(report)
    gdp = board[(board.metric == "生产总值") & (board.kind == "growth_rate")].iloc[0]
    text = page_text(built.out / "01-economy.html")
    assert f"{gdp.outcome_value:g}%" in text and f"{gdp.target_value:g}%{gdp.target_qualifier}" in text


def test_promises_figures_come_from_the_tables(built, report):
    """The counts are the functions' own; 43.4亿元 appears only as a derived figure."""
    import guanxian_analysis as ga

    promises = ga.commitments(report)
    text = re.sub(r"\s+", " ", page_text(built.out / "07-promises-and-money.html"))
    checkable = int(promises.checkable.sum())
    assert f"holds {len(promises)} commitments" in text and f"{checkable} of them (" in text
    zhengchuang = promises[promises.verb == "争创"].object.tolist()
    assert len(zhengchuang) == 4 and f"4 of them with “争创” (strive to win): {', '.join(zhengchuang)}." in text
    # in the fiscal table the row reads: figure · what · period · basis (the sanitizer-safe grid of display.scroll_table)
    assert "约43.4亿元 · general public budget spending (implied) · 2021 · derived · 35.3亿元 ÷ 81.3% = 43.4亿元" in text
    # every mention is the derived figure (约…), a formula's result or input, or the explanation's “about”
    before = [text[max(m.start() - 8, 0):m.start()] for m in re.finditer(r"43\.4亿元", text)]
    assert len(before) == 8 and all(b.endswith(("约", "= ", "÷ ", "about ", "of the ")) for b in before), before
    for line in ga.explain_derived(ga.fiscal_picture(report)):
        assert line in text
    # the tracking sheet is linked from the page, and the links resolve in the built folder
    page = (built.out / "07-promises-and-money.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(data/[^"]+)"', page))
    assert {"data/commitments-tracking.csv", "data/commitments-tracking.xlsx", "data/fiscal-picture.csv"} <= links
    assert all((built.out / link).is_file() for link in links)


# --------------------------------------------------------------------------- the pages in a browser
@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.exists():
        reason = "playwright is not installed" if sync_playwright is None else f"no browser at {CHROMIUM}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: the browser checks must run in CI (install Debian's chromium)")
        pytest.skip(f"{reason}; install Debian's chromium to run the browser checks")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


PAGES = ["index"] + NOTEBOOKS + [f"{n}-code" for n in NOTEBOOKS]
#: charts each page draws at least (07 has two: commitments by class and theme, fiscal amounts)
MIN_IMAGES = {"07-promises-and-money": 2}


@pytest.mark.parametrize("name", PAGES)
def test_page_in_chromium(built, browser, name):
    path = built.out / f"{name}.html"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url[:80]}"))
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        images = page.evaluate("""async () => Promise.all([...document.images].map(async img => {
            try { await img.decode(); } catch (e) {}
            return [img.naturalWidth, img.naturalHeight, img.getBoundingClientRect().width]; }))""")
        assert all(w > 0 and h > 0 and shown > 0 for w, h, shown in images), images
        links = page.evaluate("""() => [...document.querySelectorAll('nav.gx-toc a')].map(a =>
            [a.getAttribute('href'), !!document.getElementById(decodeURIComponent(a.hash.slice(1)))])""")
        ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
        assert len(ids) == len(set(ids)), "duplicate ids"
        if name != "index":
            assert len(links) >= 4, links
            assert all(href.startswith("#") and found for href, found in links), links
            page.click(f"nav.gx-toc a[href='{links[-1][0]}']")
            page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                                   " return r.top >= 0 && r.top < window.innerHeight; }", arg=links[-1][0][1:])
            assert page.evaluate("location.hash") == links[-1][0]
            # Chinese renders with a real CJK font, not boxes, even on a machine without one
            assert page.evaluate("document.fonts.check('16px \"Guanxian Noto Sans CJK SC\"', '冠县政府工作报告')")
            assert page.evaluate("[...document.fonts].some(f => f.family.includes('Guanxian') && f.status === 'loaded')")
            assert len(images) >= MIN_IMAGES.get(name.removesuffix("-code"), 3)
        # nothing pushes the page sideways: wide tables scroll inside their own box
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"page is {overflow}px wider than the window"
        paths.ensure_dir(built.out / "screenshots")
        page.evaluate("document.documentElement.style.scrollBehavior = 'auto'; window.scrollTo(0, 0)")
        page.wait_for_function("window.scrollY === 0")
        page.screenshot(path=str(built.out / "screenshots" / f"{name}.png"), full_page=True)
    finally:
        page.close()
    assert not problems, problems


#: the notebooks there are now (other branches add some): the phone, alt-text and contents checks cover each
FOUND = [p.stem for p in build.find_notebooks()]
#: the smallest text a chart draws, in points (network labels; "small" annotations are 10 pt)
SMALLEST_CHART_TEXT_PT = 9


def _chart_dpi() -> float:
    import matplotlib as mpl

    import guanxian_analysis as ga

    ga.use_theme()
    return float(mpl.rcParams["figure.dpi"])


@pytest.mark.parametrize("name", FOUND)
def test_phone_page_folds_its_header_and_charts_read_at_11px(built, browser, name):
    """At 390 px: a short top bar, the contents folded, every chart's smallest text >= 11 CSS px after a tap,
    no table that scrolls both ways, and nothing pushes the page sideways."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((built.out / f"{name}.html").as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        assert page.evaluate("document.querySelector('.gx-topbar').getBoundingClientRect().height") <= 100
        assert page.evaluate("document.querySelector('details.gx-fold').open") is False
        assert page.evaluate("document.querySelector('nav.gx-toc').getBoundingClientRect().height") <= 60
        paths.ensure_dir(built.out / "screenshots")
        page.screenshot(path=str(built.out / "screenshots" / f"{name}-phone.png"), full_page=True)
        px_per_pt = _chart_dpi() / 72  # CSS px per point at the image's own size (its width attribute)
        count = page.evaluate("document.querySelectorAll('.jp-RenderedImage img').length")
        assert count >= 1  # how many charts each page must have is test_page_in_chromium's rule
        for i in range(count):
            image = page.locator(".jp-RenderedImage img").nth(i)
            image.scroll_into_view_if_needed()
            fitted = image.evaluate("img => img.getBoundingClientRect().width / Number(img.getAttribute('width'))")
            image.click()
            shown = image.evaluate("img => img.getBoundingClientRect().width / Number(img.getAttribute('width'))")
            smallest = SMALLEST_CHART_TEXT_PT * px_per_pt * shown
            assert smallest >= 11, (name, i, fitted, shown, smallest)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"page is {overflow}px wider than the phone"
        both_ways = page.evaluate("""() => [...document.querySelectorAll('main table')].map(t => {
            let box = t.parentElement;
            while (box && box.tagName !== 'MAIN') {
                const s = getComputedStyle(box);
                const x = box.scrollWidth > box.clientWidth + 1 && /auto|scroll/.test(s.overflowX);
                const y = box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(s.overflowY);
                if (x && y) return t.className || 'table';
                box = box.parentElement;
            }
            return null; }).filter(Boolean)""")
        assert both_ways == [], both_ways
        # a stacked table shows no empty header box (pandas' blank corner cells), and every cell of a card is
        # named: the index's name ("segment") labels the row header, the column's name each value
        blank_boxes = page.evaluate("""[...document.querySelectorAll('table.gx-stacked thead th')].filter(th =>
            !th.textContent.trim() && th.getBoundingClientRect().width > 0).length""")
        assert blank_boxes == 0, f"{blank_boxes} empty header boxes on the phone"
        unnamed = page.evaluate("""[...document.querySelectorAll('table.gx-stacked tbody td')].filter(td =>
            !td.hasAttribute('data-label') && !td.classList.contains('dataTables_empty')).length""")
        assert unnamed == 0, f"{unnamed} cells without their column's name on the phone"
        # display.scroll_table's grids read as the same cards: no sideways box with rows as tall as their longest cell
        grids = page.evaluate("""[...document.querySelectorAll('main .gx-table')].map(g => [g.classList.contains('gx-cards'),
            [...g.querySelectorAll('.gx-row:not(.gx-head) > :not(.gx-sep)')].filter(c => !c.hasAttribute('data-label')).length,
            g.scrollWidth <= g.parentElement.clientWidth + 1])""")
        assert all(card and not bare and fits for card, bare, fits in grids), grids
    finally:
        page.close()


@pytest.mark.parametrize("name", FOUND)
def test_images_have_alt_text_and_contents_nest_as_the_headings(built, browser, name):
    """Every chart says what it shows; the contents tree is the heading tree (an h3 sits under its h2)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((built.out / f"{name}.html").as_uri(), wait_until="load")
        alts = page.evaluate("[...document.images].map(i => i.getAttribute('alt') || '')")
        assert alts and all(a.startswith("Chart, ") and len(a) > 20 for a in alts), alts
        assert not any("No description" in a for a in alts)
        # each contents entry's parent entry is the nearest earlier heading of a higher level
        tree = page.evaluate("""() => [...document.querySelectorAll('nav.gx-toc li')].map(li => {
            const parent = li.parentElement.closest('li');
            return [li.querySelector('a').hash.slice(1), parent ? parent.querySelector('a').hash.slice(1) : null]; })""")
        headings = page.evaluate("""() => [...document.querySelectorAll('main h1, main h2, main h3')].map(h =>
            [h.id, Number(h.tagName[1])])""")
        assert [slug for slug, _ in tree] == [slug for slug, _ in headings]
        for i, (slug, level) in enumerate(headings):
            parent = next((s for s, lv in reversed(headings[:i]) if lv < level), None)
            assert dict(tree)[slug] == parent, (slug, parent)
    finally:
        page.close()


def test_rank_claims_is_not_filed_under_the_number_audit(built):
    page = (built.out / "00-overview.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="rank-claims"', page)
    audit = re.search(r'<li class="gx-toc-2"><a href="#every-number-audited">.*?</li>', page).group(0)
    assert "rank-claims" not in audit


# --------------------------------------------------------------------------- failures, parameters, determinism
def test_a_failing_cell_fails_the_build_and_shows_the_cell(tmp_path):
    notebook = tmp_path / "99-broken.py"
    notebook.write_text('# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\ntotal = x / 0  # the bad cell\n',
                        encoding="utf-8")
    result = run_cli("build", str(notebook), "--output-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "BUILD FAILED" in result.stderr
    assert "notebook 99-broken failed in cell 2" in result.stderr
    assert "total = x / 0  # the bad cell" in result.stderr
    assert "ZeroDivisionError" in result.stderr
    assert not (tmp_path / "out" / "99-broken.html").exists()


def test_bad_arguments_exit_2(tmp_path):
    assert run_cli("build", "--report", str(tmp_path / "missing.txt")).returncode == 2
    assert run_cli("build", "no-such-notebook", "-o", str(tmp_path)).returncode == 2


def test_parameters_are_injected_after_the_parameters_cell():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# T"),
        nbformat.v4.new_code_cell('report_path = None\nscript = "simplified"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(report_path)"),
    ])
    injected = build.inject_parameters(nb, {"report_path": Path("/x/y.txt"), "script": "original"})
    assert [c.source.splitlines()[-1] for c in injected.cells] == [
        "# T", 'script = "simplified"', 'script = "original"', "print(report_path)"]
    assert injected.cells[2].metadata.tags == ["injected-parameters"]
    assert injected.cells[2].source == ('# Parameters (injected by guanxian-analysis build)\n'
                                        'report_path = "/x/y.txt"\nscript = "original"\n')  # papermill's format
    assert "tags" not in injected.cells[0].metadata and "papermill" not in injected.metadata
    assert len(nb.cells) == 3  # the input is not changed
    assert build.inject_parameters(nb, {}).cells == nb.cells
    with pytest.raises(ValueError):
        build.inject_parameters(nb, {"bad name": 1})
    with pytest.raises(ValueError):
        build.inject_parameters(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), {"x": 2})


def test_table_of_contents_gives_unique_ascii_anchors():
    page = ('<nav><!-- guanxian:toc --></nav><h1 id="T">Title</h1><h2 id="a">Top terms 高频词<a class="anchor-link" '
            'href="#a">¶</a></h2><h2>Top terms 高频词</h2><h3>经济</h3><h4>deep</h4>')
    out = build.add_table_of_contents(page)
    assert re.findall(r'<h\d id="([^"]+)"', out) == ["title", "top-terms", "top-terms-2", "section", "deep"]
    assert 'href="#top-terms">¶</a>' in out
    assert re.findall(r'<li class="gx-toc-(\d)"><a href="#([^"]+)">', out) == [
        ("1", "title"), ("2", "top-terms"), ("2", "top-terms-2"), ("3", "section")]


def test_notebook_title_and_summary_come_from_the_first_markdown_cell():
    for path in build.find_notebooks():
        title, summary = build.notebook_title(build.read_notebook(path))
        assert title and summary.endswith(("?", ".")), (path.name, title, summary)


def test_a_rerun_gives_the_same_bytes(tmp_path):
    """Two builds of the same notebook write identical files (pages, executed notebook, tables)."""
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        result = run_cli("build", "04-livelihoods", "--force", "--output-dir", str(out), "-p", "tables_dir=" + str(tmp_path / "t"))
        assert result.returncode == 0, result.stderr[-3000:]
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0].keys() == outputs[1].keys()
    assert {"04-livelihoods.html", "04-livelihoods-code.html", "index.html", "notebooks/04-livelihoods.ipynb"} <= set(outputs[0])
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []


def test_every_notebook_reruns_on_the_hailar_report(built, tmp_path, hailar_path):
    result = run_cli("build", "--report", str(hailar_path), "--output-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr[-6000:]
    overview = page_text(tmp_path / "00-overview.html")
    assert "海拉尔" in overview and "2019" in overview
    for name in NOTEBOOKS:
        nb = nbformat.read(tmp_path / "notebooks" / f"{name}.ipynb", as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert json.dumps(str(hailar_path.resolve()))[1:-1] in injected[0].source  # the CLI resolves links
    assert sorted(p.name for p in (tmp_path / "data").glob("*.csv")) == sorted(
        p.name for p in (built.out / "data").glob("*.csv"))
    promises = page_text(tmp_path / "07-promises-and-money.html", body_only=True)
    assert "冠县" not in promises and "county" not in promises
    hailar = ga.load_report(HAILAR)
    assert f"holds {len(ga.commitments(hailar))} commitments" in re.sub(r"\s+", " ", promises)
    # issue 13, item 4: the pages are Hailar's; titles and headings name no Guanxian, the index is named from meta
    for page in sorted(tmp_path.glob("*.html")):
        source = page.read_text(encoding="utf-8")
        heads = " ".join("".join(m) for m in re.findall(r"<title>(.*?)</title>|<h1\b[^>]*>(.*?)</h1>", source, re.S))
        assert heads.strip() and "冠县" not in heads and "Guanxian" not in heads, (page.name, heads[:300])
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<title>呼伦贝尔市海拉尔区2019年政府工作报告: analysis notebooks</title>" in index
    # no KWIC section shows an empty table: Guanxian terms absent from Hailar fall back to its own theme terms
    every_term_unused = re.compile(r"Uses counted [^:]*: (?:“[^”]+” no use; )*“[^”]+” no use\.")
    for name in NOTEBOOKS:
        text = re.sub(r"\s+", " ", page_text(tmp_path / f"{name}.html"))
        assert "None of the terms occurs." not in text and not every_term_unused.search(text), name
    economy = re.sub(r"\s+", " ", page_text(tmp_path / "01-economy.html"))
    assert ("None of “钢板加工”, “纺织服装”, “轴承”, “纸制品” occurs in this report; shown instead: the terms most "
            "frequent in its economy paragraphs.") in economy
    assert "“项目” all 41 uses" in economy and "“钢板加工” no use" not in economy
    rural = re.sub(r"\s+", " ", page_text(tmp_path / "02-rural-revitalisation.html"))
    assert "None of “灵芝”, “林果” occurs in this report; shown instead: the terms most frequent in its rural paragraphs." in rural


def test_promises_notebook_reruns_on_the_national_report(tmp_path):
    national = paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt"
    assert national.is_file(), f"{national} is missing: get ../shared from the team"
    result = run_cli("build", "07-promises-and-money", "--report", str(national), "--output-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr[-6000:]
    page = (tmp_path / "07-promises-and-money.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", page_text(tmp_path / "07-promises-and-money.html", body_only=True))
    assert "冠县" not in text and "county" not in text
    report = ga.load_report(national)
    assert f"holds {len(ga.commitments(report))} commitments" in text and "bids for no honour, title or approval" in text
    assert "2.8%左右 · deficit ratio · 2022 (target) · stated" in text
    # the commitments chart, and the fiscal chart for the amounts of money it states (3.65万亿元 of special bonds …)
    assert not ga.fiscal_amounts(ga.fiscal_picture(report)).empty
    assert len(re.findall(r'<img\b[^>]*src="data:image/png', page)) == 2
    assert "3.65万亿元" in text


def test_tables_written_links_resolve_beside_each_page(built):
    """The notebooks link their tables relative to the folder they run in; the pages get them rebased to data/."""
    for name in NOTEBOOKS:
        page = (built.out / f"{name}.html").read_text(encoding="utf-8")
        note = re.search(r"Tables written: (.*?)\.</p>", page, re.S)
        assert note, name
        hrefs = re.findall(r'<a href="([^"]+)">([^<]+)</a>', note.group(1))
        assert hrefs and all(href == f"data/{label}" for href, label in hrefs), (name, hrefs)
        assert all((built.out / href).is_file() for href, _ in hrefs), (name, hrefs)


# --------------------------------------------------------------------------- rebuild only what changed
TINY = ('# %% [markdown]\n# # {title}\n\nA tiny notebook for the cache tests.\n\n'
        '# %% tags=["parameters"]\nreport_path = None\nscript = "simplified"\ntables_dir = None\n\n'
        '# %%\nimport pandas as pd\nimport guanxian_analysis as ga\nfrom guanxian_analysis.tables import save_table\n'
        'report = ga.load_report(report_path, script=script)\n'
        'save_table(pd.DataFrame({{"chars": [len(report.text)]}}), "{name}", tables_dir)\nprint({value})\n')


def _tiny_build(sources, out, *, parameters=None, force=False):
    import io

    from concurrent.futures import ThreadPoolExecutor

    stream = io.StringIO()
    # in a thread of its own: the session's browser (playwright's sync API) keeps an event loop in this one
    with ThreadPoolExecutor(1) as pool:
        pool.submit(build.build, sources, output_dir=out, progress=build.Progress(stream=stream, live=False),
                    parameters={"tables_dir": str(out / "data"), **(parameters or {})}, force=force).result()
    return stream.getvalue()


def _files(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_rebuild_reuses_what_did_not_change(tmp_path, monkeypatch, hailar_path):
    """Keyed on source and parameters, package files and report bytes: only what changed runs again."""
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache", raising=False)
    sources = []
    for name in ("01-one", "02-two"):
        sources.append(tmp_path / "nb" / f"{name}.py")
        paths.ensure_dir(sources[-1].parent)
        sources[-1].write_text(TINY.format(title=name, name=name, value=1), encoding="utf-8")
    out = tmp_path / "out"
    first = _tiny_build(sources, out)
    assert "reused" not in first and first.count("running ") == 2
    written = _files(out)
    assert {"01-one.html", "02-two-code.html", "data/01-one.csv", "notebooks/02-two.ipynb"} <= set(written)

    shutil.rmtree(out)  # the tables come back from the cache too
    second = _tiny_build(sources, out)
    assert "running " not in second and "reused 2 of 2 notebooks: 01-one, 02-two" in second
    assert _files(out) == written  # byte for byte

    sources[1].write_text(TINY.format(title="02-two", name="02-two", value=2), encoding="utf-8")
    third = _tiny_build(sources, out)
    assert re.findall(r"^running (\S+)", third, re.M) == ["02-two"] and "reused 1 of 2 notebooks: 01-one" in third

    fourth = _tiny_build(sources, out, parameters={"report_path": str(hailar_path)})  # another report
    assert re.findall(r"^running (\S+)", fourth, re.M) == ["01-one", "02-two"]

    assert "reused" not in _tiny_build(sources, out, force=True)  # --force runs everything

    package = tmp_path / "package"  # a package file changes: everything runs again
    shutil.copytree(paths.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "data" / "stopwords_boilerplate.txt").write_text("changed\n", encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    fifth = _tiny_build(sources, out)
    assert re.findall(r"^running (\S+)", fifth, re.M) == ["01-one", "02-two"]


def test_make_report_twice_reuses_every_notebook(built):
    """The CLI build again into the same folder: nothing runs, every notebook says reused, the bytes are the same."""
    before = _files(built.out)
    result = run_cli("build", "--output-dir", str(built.out))
    assert result.returncode == 0, result.stderr[-3000:]
    names = [p.stem for p in build.find_notebooks()]
    assert "running " not in result.stderr
    assert f"reused {len(names)} of {len(names)} notebooks: {', '.join(names)}" in result.stderr
    after = _files(built.out)
    assert {k: v for k, v in after.items() if not k.startswith("screenshots/")} == \
        {k: v for k, v in before.items() if not k.startswith("screenshots/")}


def test_long_tables_are_searchable_sortable_and_paged_offline(built, browser):
    """The economy indicators: 15 rows a page of all of them, a search filters, a header click sorts; no request."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    try:
        page.goto((built.out / "01-economy.html").as_uri(), wait_until="load")
        page.wait_for_selector("table.dataTable tbody tr", timeout=30000)
        table = page.locator("table.dataTable").last  # the economy's indicators
        total = len(ga_indicators_of("01-economy", built))
        assert table.locator("tbody tr").count() == 15
        info = page.locator(".dt-info").last.text_content()
        assert info == f"Showing 1 to 15 of {total} entries", info
        search = page.locator("input[type=search]").last
        search.fill("生产总值")
        page.wait_for_function("() => [...document.querySelectorAll('.dt-info')].pop().textContent.includes('filtered')")
        rows = table.locator("tbody tr").all_text_contents()
        assert rows and all("生产总值" in row for row in rows), rows
        search.fill("")
        heads = table.locator("thead th")
        kind = [i for i in range(heads.count()) if heads.nth(i).text_content().strip() == "kind"][0]
        page.wait_for_function("() => ![...document.querySelectorAll('.dt-info')].pop().textContent.includes('filtered')")
        heads.nth(kind).click()  # a click anywhere on the header sorts (on a phone too)
        page.wait_for_function("k => [...document.querySelectorAll('table.dataTable')].pop()"
                               ".querySelectorAll('thead th')[k].getAttribute('aria-sort') === 'ascending'", arg=kind)
        shown = [r.locator("td").nth(kind).text_content() for r in table.locator("tbody tr").all()]
        assert shown == sorted(shown) and len(set(shown)) > 1, shown
    finally:
        page.close()
    assert requests == []


def ga_indicators_of(name: str, built) -> list:
    """Rows of the indicator table the notebook exported (``<theme>-indicators.csv``)."""
    import csv

    theme = {"01-economy": "economy"}[name]
    with open(built.out / "data" / f"{theme}-indicators.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------- counts the pages state (issue 10, item 9)
_KWIC_NOTE = re.compile(r"Uses counted (as whole words|wherever the characters occur \(inside longer words too\)), "
                        r"glossary (\(名词解释\) left out|included): (.+?)\.(?=\s*<)")
_KWIC_PART = re.compile(r"“(?P<term>[^”]+)” (?:all (?P<all>\d+) uses|its (?P<one>1) use|first (?P<shown>\d+) of "
                        r"(?P<of>\d+) uses shown|(?P<none>no use)(?: as a whole word)?)"
                        r"(?: \((?P<inside>\d+)(?: more)? inside longer words\))?$")


@pytest.mark.parametrize("name", NOTEBOOKS[:5])
def test_every_kwic_count_on_a_page_is_the_texts(built, report, name):
    """Each “T” all N uses / first S of N uses shown / no use (M inside longer words) on a page, recounted in the
    report's raw text (str.count of the body, or of the whole text with the glossary): the whole-word uses and
    those inside longer words together are every occurrence of the characters; and the KWIC table that follows
    shows S (or N) lines of the term."""
    page = (built.out / f"{name}.html").read_text(encoding="utf-8")
    text = report.text_simplified
    body = text[:text.index("2022年《政府工作报告》名词解释")]
    notes = list(_KWIC_NOTE.finditer(page))
    assert notes, name
    for i, note in enumerate(notes):
        whole, glossary, parts = note.groups()
        source = text if glossary == "included" else body
        grid = page[note.end():notes[i + 1].start() if i + 1 < len(notes) else len(page)]
        grid = re.split(r"<h[1-4]\b", grid)[0]  # the KWIC table is the note's next output, before any heading
        lines = re.findall(r'<strong class="gx-hit"[^>]*>([^<]*)</strong>', grid)
        for part in parts.split("; "):
            m = _KWIC_PART.match(part)
            assert m, (name, part)
            term = html.unescape(m["term"])
            uses = int(m["all"] or m["one"] or m["of"] or 0)
            inside = int(m["inside"] or 0)
            if whole == "as whole words":
                assert uses + inside == source.count(term), (name, part, source.count(term))
            else:
                assert uses == source.count(term) and not inside, (name, part, source.count(term))
            shown = int(m["shown"]) if m["shown"] else uses
            assert lines.count(term) == shown, (name, term, lines.count(term), shown)


def test_source_counts_on_the_comparison_pages_are_the_sources(built):
    """05's “N published targets of another level for 2022” is the rows of data/context/targets_2022.csv that are
    targets of 2022; 06's “N reports of 海拉尔区: years” is the files of the series folder, by the year in their
    names, and the years missing between them."""
    import csv

    with open(paths.PROJECT_ROOT / "data" / "context" / "targets_2022.csv", encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if r["year"] == "2022" and r["status"] == "target" and r["level"] != "county"]
    text = re.sub(r"\s+", " ", page_text(built.out / "05-in-context.html", body_only=True))
    assert f"{len(rows)} published targets of another level for 2022" in text and len(rows) == 6
    files = sorted((paths.PROJECT_ROOT.parent / "shared" / "corpus" / "hailar").glob("*.txt"))
    years = [int(re.search(r"(\d{4})", f.name).group(1)) for f in files]
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    text = re.sub(r"\s+", " ", page_text(built.out / "06-a-county-over-time.html", body_only=True))
    assert (f"{len(files)} reports of 海拉尔区: {', '.join(map(str, years))}; "
            f"no report for {', '.join(map(str, missing))}") in text and missing == [2017]
