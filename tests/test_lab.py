"""`make lab`: JupyterLab with the project's configuration, checked on a real server in headless Chromium.

The fixture ``lab`` starts the server exactly as ``make lab`` does (the same target, with a free port on
127.0.0.1, a token and ``--no-browser`` added through ``LAB_ARGS``) on a copy of the notebooks, with ``HOME``,
the lab cache and the scratch tables folder in a temporary directory. The browser test double-clicks
``notebooks/01-economy.py`` in the file browser, runs every cell, checks that Chinese in a Markdown cell and in a
DataFrame is drawn with Noto Sans CJK SC (the loaded font face, the computed font and the glyph widths), saves the
notebook, and takes screenshots. Teardown stops the server and checks that its port is closed and that nothing
was written to ``HOME``. Locally the browser test skips without Chromium; under ``CI=true`` it fails.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from guanxian_analysis import paths, style

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
CONFIG_DIR = paths.PROJECT_ROOT / "jupyter"
FONT_FAMILY = "Noto Sans CJK SC"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _system_has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip())


# --------------------------------------------------------------------------- the configuration, without a server
def _make_lab_command(**variables: str) -> str:
    args = [f"{k}={v}" for k, v in variables.items()]
    return subprocess.run(["make", "-n", "lab", *args], cwd=paths.PROJECT_ROOT, capture_output=True, text=True,
                          check=True).stdout


def test_make_lab_points_every_jupyter_folder_into_the_project():
    command = _make_lab_command()
    cache = paths.CACHE_DIR / "lab"
    for variable, folder in [("JUPYTER_CONFIG_DIR", CONFIG_DIR), ("JUPYTER_DATA_DIR", cache / "data"),
                             ("JUPYTER_RUNTIME_DIR", cache / "runtime"),
                             ("JUPYTERLAB_SETTINGS_DIR", cache / "user-settings"),
                             ("JUPYTERLAB_WORKSPACES_DIR", cache / "workspaces"), ("IPYTHONDIR", cache / "ipython"),
                             ("MPLCONFIGDIR", cache / "matplotlib"), ("GUANXIAN_TABLES_DIR", cache / "tables")]:
        assert f"{variable}={folder} " in command, (variable, command)
    assert "jupyter lab --notebook-dir=." in command


def test_the_config_serves_the_package_font_and_opens_py_files_as_notebooks():
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("jupyter_server_config.py", path=str(CONFIG_DIR)).load_config()
    assert config.LabApp.custom_css is True
    served = [Path(p) for p in config.ServerApp.extra_static_paths]
    assert served == [paths.bundled_font().parent]              # the file the charts use, located by paths.bundled_font
    assert (served[0] / "NotoSansCJKsc-Regular.otf").is_file()
    css = (CONFIG_DIR / "custom" / "custom.css").read_text(encoding="utf-8")
    assert f'font-family: "{FONT_FAMILY}"' in css and 'url("../static/NotoSansCJKsc-Regular.otf")' in css
    assert config.ContentsManager.allow_hidden is True         # the "Tables written" links open .cache/lab/tables/
    overrides = json.loads((Path(config.LabApp.app_settings_dir) / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"]["python"] == "Jupytext Notebook"


def test_terminals_in_the_lab_drop_the_scratch_tables_variable():
    """`make report` typed into a JupyterLab terminal writes the built tables to reports/data/ as usual."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("jupyter_server_config.py", path=str(CONFIG_DIR)).load_config()
    shell = config.ServerApp.terminado_settings["shell_command"]
    env = {**os.environ, paths.TABLES_DIR_ENV: "/tmp/scratch", "SHELL": "/bin/sh"}
    out = subprocess.run([*shell[:-1], "/bin/sh", "-c", f"echo ${{{paths.TABLES_DIR_ENV}-unset}}"], env=env,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "unset"


# --------------------------------------------------------------------------- a real server
class Lab:
    def __init__(self, root: Path, home: Path, cache: Path, tables: Path):
        self.root, self.home, self.cache, self.tables = root, home, cache, tables
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.log = root.parent / "lab.log"
        args = (f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={self.port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={self.token}")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON", "MPLCONFIG"))}
        env.pop(paths.TABLES_DIR_ENV, None)
        env["HOME"] = str(home)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["make", "--no-print-directory", "lab", f"LAB_ARGS={args}", f"LAB_ROOT={root}", f"LAB_CACHE={cache}",
                 f"LAB_TABLES_DIR={tables}"],
                cwd=paths.PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_until_up(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"make lab exited with {self.process.returncode}:\n{self.log.read_text()[-4000:]}")
            try:
                self.api("/api/status")
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"JupyterLab did not answer on port {self.port}:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        try:
            self.api("/api/shutdown", method="POST")  # shuts the kernels down too
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
            raise


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("lab")
    root = base / "project"
    shutil.copytree(paths.NOTEBOOKS_DIR, root / "notebooks", ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_*"))
    shutil.copy2(paths.PROJECT_ROOT / "jupytext.toml", root / "jupytext.toml")
    home = base / "home"
    home.mkdir()
    # the tables folder sits inside the served folder, where `make lab` puts it (.cache/lab/tables under the project)
    server = Lab(root, home, base / "cache", root / ".cache" / "lab" / "tables")
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()
        assert server.process.returncode is not None, "the server is still running"
        assert not _port_open(server.port), f"port {server.port} still open after the server stopped"
        leftovers = subprocess.run(["pgrep", "-g", str(server.process.pid)], capture_output=True, text=True).stdout
        assert not leftovers.strip(), f"processes left in the server's group: {leftovers}"
        written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
        assert written == [], f"JupyterLab wrote to HOME: {written}"


def test_the_server_answers_with_the_projects_config(lab):
    with urllib.request.urlopen(f"{lab.url}/custom/custom.css", timeout=10) as response:
        assert response.read() == (CONFIG_DIR / "custom" / "custom.css").read_bytes()
    with urllib.request.urlopen(f"{lab.url}/static/NotoSansCJKsc-Regular.otf", timeout=30) as response:
        assert response.read() == paths.bundled_font().read_bytes()
    settings = lab.api("/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    assert settings["schema"]["properties"]["defaultViewers"]["default"]["python"] == "Jupytext Notebook"


def test_the_guanxian_exporter_is_in_jupyterlabs_export_formats(lab):
    """File > Save and Export Notebook As lists what /api/nbconvert lists: the entry point makes `guanxian` one."""
    formats = lab.api("/api/nbconvert")
    assert formats["guanxian"] == {"output_mimetype": "text/html"}
    assert formats["html"] == {"output_mimetype": "text/html"}


@pytest.fixture(scope="module")
def chromium() -> Path:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed"
    else:
        reason = None if CHROMIUM.exists() else f"no browser at {CHROMIUM}"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: the browser checks must run in CI (install Debian's chromium)")
        pytest.skip(f"{reason}; install Debian's chromium to run the browser checks")
    return CHROMIUM


def _in_own_thread(function, *args):
    """Run Playwright's sync API in a thread of its own: tests/test_build.py keeps a session-wide Playwright whose
    event loop occupies the main thread, and a second one cannot start there."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


#: JavaScript: in element ``el``, the first run of two or more CJK ideographs, its rendered width, the font the
#: page asks for, and the width of the same characters in a box without the CJK font (monospace fallback)
MEASURE = """el => {
  el.scrollIntoView({block: "center"});
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node, m = null;
  while ((node = walker.nextNode())) { m = /[\\u4e00-\\u9fff]{2,}/.exec(node.data); if (m) break; }
  if (!m) return null;
  const range = document.createRange();
  range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
  const width = range.getBoundingClientRect().width;
  const style = getComputedStyle(node.parentElement);
  const probe = (family) => {
    const span = document.createElement("span");
    span.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font-size:${style.fontSize};` +
                         `font-family:${family}`;
    span.textContent = m[0];
    document.body.appendChild(span);
    const w = span.getBoundingClientRect().width;
    span.remove();
    return w;
  };
  return {text: m[0], family: style.fontFamily, size: parseFloat(style.fontSize), width,
          cjk: probe('"Noto Sans CJK SC"'), fallback: probe("monospace")};
}"""


def _measure(page, selector: str) -> dict:
    handle = page.wait_for_function(
        """sel => [...document.querySelectorAll(sel)].find(e => /[\\u4e00-\\u9fff]{2,}/.test(e.textContent))""",
        arg=selector, timeout=30_000)
    return page.evaluate(MEASURE, handle.as_element())


def _assert_drawn_with_the_cjk_font(found: dict) -> None:
    assert found, "no Chinese text found"
    assert found["family"].startswith(f'"{FONT_FAMILY}"'), found
    n = len(found["text"])
    # Noto Sans CJK ideographs are exactly one em wide
    assert abs(found["width"] - n * found["size"]) < 0.5, found
    assert abs(found["width"] - found["cjk"]) < 0.5, found
    if not _system_has_cjk_font():  # the machine: without the served font these would be boxes
        assert abs(found["fallback"] - found["width"]) > 0.1 * found["width"], found


def test_a_py_notebook_opens_as_a_notebook_runs_and_shows_chinese_in_the_cjk_font(lab, chromium):
    _in_own_thread(_open_run_and_measure, lab, chromium)


def _open_run_and_measure(lab: Lab, chromium: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            _check_in_browser(lab, browser)
        finally:
            browser.close()


def _check_in_browser(lab: Lab, browser) -> None:
    shots = paths.ensure_dir(paths.SCREENSHOTS_DIR)
    source = lab.root / "notebooks" / "01-economy.py"
    before = source.read_bytes()
    built_tables = sorted(paths.BUILT_TABLES_DIR.glob("*.csv")) if paths.BUILT_TABLES_DIR.exists() else []
    built_mtimes = {p: p.stat().st_mtime_ns for p in built_tables}
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: None if r.url.startswith((lab.url, "data:", "blob:"))
            else problems.append(f"request outside the server: {r.url[:100]}"))
    try:
        page.goto(f"{lab.url}/lab?token={lab.token}", wait_until="load")
        page.locator(".jp-DirListing-item", has_text="notebooks").first.dblclick(timeout=60_000)
        page.locator(".jp-DirListing-item", has_text="01-economy.py").first.dblclick()
        # the default viewer is jupytext's notebook, not the text editor
        panel = page.locator(".jp-NotebookPanel").first
        panel.wait_for(timeout=60_000)
        assert page.locator(".jp-FileEditor").count() == 0
        page.locator(".jp-DirListing-item", has_text="01-economy.py").first.wait_for()
        page.wait_for_function("document.querySelectorAll('.jp-Notebook .jp-Cell').length > 20")
        # wait for the kernel, then Run > Run All Cells
        page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=60_000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        page.wait_for_function(
            """() => { const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
                       return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent)); }""",
            timeout=240_000, polling=500)
        text = page.locator(".jp-NotebookPanel .jp-Notebook").inner_text()
        assert "Traceback" not in text, "a cell failed"
        page.evaluate("document.fonts.ready.then(() => true)")
        faces = page.evaluate("[...document.fonts].map(f => [f.family.replaceAll('\"', ''), f.status])")
        assert [FONT_FAMILY, "loaded"] in faces, faces
        assert page.evaluate(f"document.fonts.check('16px \"{FONT_FAMILY}\"', '冠县政府工作报告')")

        markdown = _measure(page, ".jp-MarkdownCell .jp-RenderedMarkdown")
        _assert_drawn_with_the_cjk_font(markdown)
        page.screenshot(path=str(shots / "lab-01-economy-markdown.png"))
        # a table output: pandas' own, or the helpers' sanitizer-safe grid (display.scroll_table)
        table = _measure(page, ".jp-OutputArea-output table.dataframe td, .jp-OutputArea-output .gx-table span")
        _assert_drawn_with_the_cjk_font(table)
        page.screenshot(path=str(shots / "lab-01-economy-dataframe.png"))

        # the "Tables written" links resolve on the server: relative to the notebook, into .cache/lab/tables/
        note = page.locator(".jp-RenderedMarkdown", has_text="Tables written").last
        note.scroll_into_view_if_needed()
        links = note.locator("a").evaluate_all("els => els.map(a => [a.textContent, a.getAttribute('href'), a.href])")
        assert [name for name, _, _ in links] == ["economy-indicators.csv", "economy-distinctive-terms.csv"], links
        for name, _, url in links:
            request = urllib.request.Request(url, headers={"Authorization": f"token {lab.token}"})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200 and response.read() == (lab.tables / name).read_bytes(), url
        page.screenshot(path=str(shots / "lab-01-economy-tables-links.png"))

        # File > Save: the .py comes back byte for byte, the paired .ipynb is written next to it
        panel.click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+s")
        ipynb = source.with_suffix(".ipynb")
        deadline = time.monotonic() + 30
        while not ipynb.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        assert ipynb.exists(), "the notebook was not saved"
        assert source.read_bytes() == before

        # File > Save and Export Notebook As offers the registered exporter (labelled by JupyterLab: Guanxian)
        page.locator(".lm-MenuBar-itemLabel", has_text="File").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Save and Export Notebook As").first.hover()
        entry = page.locator(".lm-Menu-itemLabel", has_text="Guanxian")
        entry.first.wait_for(timeout=10_000)
        page.screenshot(path=str(shots / "lab-export-menu.png"))
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    finally:
        page.close()
    assert not problems, problems
    # the run wrote its tables to the scratch folder, not over the built reports
    assert sorted(p.name for p in lab.tables.glob("*.csv")) == ["economy-distinctive-terms.csv",
                                                                 "economy-indicators.csv"]
    now = sorted(paths.BUILT_TABLES_DIR.glob("*.csv")) if paths.BUILT_TABLES_DIR.exists() else []
    assert now == built_tables and {p: p.stat().st_mtime_ns for p in now} == built_mtimes
