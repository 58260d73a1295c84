"""`jupyter nbconvert --to guanxian`: the exporter registered by entry point writes the build's self-contained page.

The module fixture turns ``notebooks/04-livelihoods.py`` into an ``.ipynb`` and runs, in a subprocess, exactly
what an analyst types: ``jupyter nbconvert --to guanxian --execute``. The page is then opened in headless
Chromium (in a thread of its own, beside test_build's session-wide Playwright) with every request recorded.
"""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import entry_points
from pathlib import Path

import nbformat
import pytest

from guanxian_analysis import build, paths
from guanxian_analysis.build.exporter import EXPORTER_NAME, GuanxianHTMLExporter

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
JUPYTER = Path(sys.executable).parent / "jupyter"


def test_the_exporter_is_registered_by_entry_point():
    from nbconvert.exporters import get_export_names, get_exporter

    points = [e for e in entry_points(group="nbconvert.exporters") if e.name == EXPORTER_NAME]
    assert [e.value for e in points] == ["guanxian_analysis.build.exporter:GuanxianHTMLExporter"]
    assert EXPORTER_NAME in get_export_names()
    assert get_exporter(EXPORTER_NAME) is GuanxianHTMLExporter
    assert GuanxianHTMLExporter().file_extension == ".html"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """``04-livelihoods.html`` written by ``jupyter nbconvert --to guanxian --execute`` (its tables to a scratch dir)."""
    folder = tmp_path_factory.mktemp("export")
    notebook = folder / "04-livelihoods.ipynb"
    nbformat.write(build.read_notebook(paths.NOTEBOOKS_DIR / "04-livelihoods.py"), notebook)
    env = {**os.environ, paths.TABLES_DIR_ENV: str(folder / "tables"), "PYTHONWARNINGS": "ignore::DeprecationWarning"}
    result = subprocess.run([str(JUPYTER), "nbconvert", "--to", EXPORTER_NAME, "--execute", str(notebook)],
                            cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"Converting notebook {notebook} to {EXPORTER_NAME}" in result.stderr
    page = folder / "04-livelihoods.html"
    assert page.is_file(), result.stderr[-2000:]
    assert sorted(p.name for p in (folder / "tables").glob("*.csv")) == ["livelihoods-distinctive-terms.csv",
                                                                          "livelihoods-indicators.csv"]
    return page


def test_the_export_is_the_builds_page_with_code(exported):
    page = exported.read_text(encoding="utf-8")
    assert '<body class="jp-Notebook gx-page" ' in page                  # code shown, as NN-name-code.html is
    assert 'class="jp-CodeMirrorEditor' in page and "import guanxian_analysis" in html.unescape(re.sub(r"<[^>]+>", "", page))
    toc = re.search(r'<nav [^>]*class="gx-toc"[^>]*>(.*?)</nav>', page, re.S).group(1)
    assert len(re.findall(r'<li class="gx-toc-\d"><a href="#[a-z0-9-]+">', toc)) >= 4
    assert "@font-face" in page and 'font-family: "Guanxian Noto Sans CJK SC"' in page
    # nothing from a CDN: no require.js, MathJax, remote scripts, style sheets or fonts
    assert "require.js" not in page and "MathJax" not in page and "mathjax" not in page
    assert not re.search(r'<(script|img|link)\b[^>]*(src|href)="(https?:)?//', page)
    assert "url(http" not in page and "@import" not in page
    # a page on its own: the top bar names it and links nowhere (no index or neighbours beside it)
    topbar = re.search(r'<header class="gx-topbar">(.*?)</header>', page, re.S).group(1)
    assert topbar == '<span class="gx-here">04 · Livelihoods: education, health, jobs, social security and safety</span>'
    assert "6069" in page and "4500" in page


def test_no_input_gives_the_reader_version(exported, tmp_path):
    result = subprocess.run([str(JUPYTER), "nbconvert", "--to", EXPORTER_NAME, "--no-input", "--output-dir",
                             str(tmp_path), str(exported.with_suffix(".ipynb"))],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "04-livelihoods.html").read_text(encoding="utf-8")
    assert 'class="jp-CodeMirrorEditor' not in page and '<body class="jp-Notebook gx-page gx-reader"' in page


def _in_own_thread(function, *args):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


def _open(page_path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests: list[str] = []
            problems: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url[:80]}"))
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                    if m.type in ("error", "warning") else None)
            page.goto(page_path.as_uri(), wait_until="networkidle")
            page.evaluate("document.fonts.ready.then(() => true)")
            found = {
                "faces": page.evaluate("[...document.fonts].map(f => [f.family.replaceAll('\"', ''), f.status])"),
                "check": page.evaluate("document.fonts.check('16px \"Guanxian Noto Sans CJK SC\"', '冠县就业')"),
                "toc": page.evaluate("""() => [...document.querySelectorAll('nav.gx-toc a')].map(a =>
                    !!document.getElementById(decodeURIComponent(a.hash.slice(1))))"""),
                # a run of Chinese in the prose, drawn one em wide per character (boxes are not)
                "width": page.evaluate("""() => {
                    const el = [...document.querySelectorAll('.jp-RenderedMarkdown p')]
                        .find(e => /[\\u4e00-\\u9fff]{2,}/.test(e.textContent));
                    const node = [...el.childNodes].find(n => n.nodeType === 3 && /[\\u4e00-\\u9fff]{2,}/.test(n.data))
                        || document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
                    const m = /[\\u4e00-\\u9fff]{2,}/.exec(node.data);
                    const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                    return [m[0].length, r.getBoundingClientRect().width, parseFloat(getComputedStyle(el).fontSize),
                            getComputedStyle(el).fontFamily]; }"""),
                "requests": requests,
                "problems": problems,
            }
            page.close()
            return found
        finally:
            browser.close()


def test_the_export_opens_in_chromium_with_the_cjk_font_and_no_network(exported):
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no browser at {CHROMIUM}: the browser checks must run in CI")
        pytest.skip(f"no browser at {CHROMIUM}; install Debian's chromium to run the browser checks")
    found = _in_own_thread(_open, exported)
    assert ["Guanxian Noto Sans CJK SC", "loaded"] in found["faces"], found["faces"]
    assert found["check"] is True
    assert len(found["toc"]) >= 4 and all(found["toc"])
    chars, width, size, family = found["width"]
    assert "Guanxian Noto Sans CJK SC" in family
    assert abs(width - chars * size) < 0.5, found["width"]
    # the only request is the page itself: the font and images are inside it
    # the page itself, and nothing from a network: blob: URLs are made inside the page (the embedded DataTables bundle)
    fetched = [url for url in found["requests"] if not url.startswith(("blob:", "data:"))]
    assert fetched == [exported.as_uri()], found["requests"]
    assert found["problems"] == []
