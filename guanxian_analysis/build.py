"""Build the HTML reports: run every notebook headless and export it.

The notebooks live in ``notebooks/`` as jupytext ``py:percent`` files
(``NN-name.py``). :func:`build` turns each into a notebook, injects parameters
after the cell tagged ``parameters`` (as papermill does), runs it in a fresh
kernel with nbclient (several at a time), and writes to ``reports/``:

- ``NN-name.html``: the reader version, outputs and prose only;
- ``NN-name-code.html``: the same page with the code cells;
- ``notebooks/NN-name.ipynb``: the executed notebook;
- ``index.html``: links to every page with a one-line summary;
- ``data/``: the tables the notebooks export.

Every page gets a table of contents built from its headings, its images
embedded, and a subset of Noto Sans CJK embedded so Chinese renders on
machines without a CJK font. Nothing is fetched from the network. A rerun
writes the same bytes: cell ids are numbered, execution timestamps are not
recorded and heading anchors are derived from the headings.

Example
-------
>>> from guanxian_analysis import build
>>> pages = build.build()                                  # doctest: +SKIP
running 00-overview (1/5) ...
>>> pages[0].reader_html.name                              # doctest: +SKIP
'00-overview.html'
"""
from __future__ import annotations

import asyncio
import base64
import copy
import html
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TextIO

from . import paths

#: notebooks are ``NN-name.py`` files in ``notebooks/``
NOTEBOOK_GLOB = "[0-9][0-9]-*.py"
#: the cell whose variables the build overrides (papermill's convention)
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
#: the kernel every notebook runs in
KERNEL_NAME = "python3"
#: seconds a single cell may take before the build gives up
CELL_TIMEOUT = 600
#: environment for the kernels: fixed hash seed so set order cannot vary between runs
KERNEL_ENV = {"PYTHONHASHSEED": "0", "PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
#: font embedded (as a subset) so Chinese renders without a system CJK font
CJK_FONT_PACKAGE, CJK_FONT_FILE = "mplfonts", "fonts/NotoSansCJKsc-Regular.otf"
CJK_FONT_FAMILY = "Guanxian Noto Sans CJK SC"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1>", re.S)
_HEADING_ID = re.compile(r'\sid="([^"]*)"')
_ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="#[^"]*">(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_TOC_PLACEHOLDER = "<!-- guanxian:toc -->"
_FONT_PLACEHOLDER = "/* guanxian:font-face */"
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"[*_`#>]+")


# --------------------------------------------------------------------------- results and errors
@dataclass(frozen=True)
class Page:
    """One built notebook.

    Attributes
    ----------
    name : str
        The notebook's file stem, e.g. ``"01-economy"``.
    title, summary : str
        The notebook's first heading and the first sentence after it.
    reader_html, code_html, notebook : Path
        The reader page, the page with code, the executed ``.ipynb``.
    seconds : float
        Wall time of the execution.
    cells : int
        Number of cells executed.
    """

    name: str
    title: str
    summary: str
    reader_html: Path
    code_html: Path
    notebook: Path
    seconds: float
    cells: int


@dataclass
class CellFailure(Exception):
    """A cell raised: which notebook, which cell, its source and the error."""

    notebook: str
    cell_index: int
    source: str
    ename: str
    evalue: str
    traceback: str = ""

    def __str__(self) -> str:
        rule = "-" * 72
        return (
            f"notebook {self.notebook} failed in cell {self.cell_index}:\n{rule}\n{self.source}\n{rule}\n"
            f"{self.traceback.rstrip() or f'{self.ename}: {self.evalue}'}\n"
        )


class BuildError(Exception):
    """The build failed; ``failures`` holds one :class:`CellFailure` (or other error) per notebook."""

    def __init__(self, failures: Sequence[BaseException]):
        self.failures = list(failures)
        super().__init__("\n".join(str(f) for f in self.failures))


# --------------------------------------------------------------------------- progress
@dataclass
class Progress:
    """Say which notebook runs: a line per start and finish, a live cell count on a terminal."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    total: int = 0
    live: bool | None = None
    _cells: dict[str, tuple[int, int]] = field(default_factory=dict)
    _started: int = 0

    def __post_init__(self) -> None:
        if self.live is None:
            self.live = bool(getattr(self.stream, "isatty", lambda: False)())

    def _clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")

    def _status(self) -> None:
        if self.live and self._cells:
            running = " · ".join(f"{n} {i}/{t}" for n, (i, t) in sorted(self._cells.items()))
            self.stream.write(f"\r\x1b[2Krunning: {running}")
            self.stream.flush()

    def line(self, text: str) -> None:
        self._clear()
        self.stream.write(text + "\n")
        self._status()
        self.stream.flush()

    def start(self, name: str, cells: int) -> None:
        self._started += 1
        self._cells[name] = (0, cells)
        self.line(f"running {name} ({self._started}/{self.total}, {cells} cells) ...")

    def cell(self, name: str, index: int) -> None:
        if name in self._cells:
            self._cells[name] = (index + 1, self._cells[name][1])
            self._status()

    def finish(self, name: str, seconds: float, ok: bool = True) -> None:
        self._cells.pop(name, None)
        self.line(f"{'done' if ok else 'FAILED'} {name} in {seconds:.1f} s")


# --------------------------------------------------------------------------- notebooks
def find_notebooks(directory: Path | None = None) -> list[Path]:
    """The ``NN-name.py`` notebooks in ``directory`` (default ``notebooks/``), in run order.

    Examples
    --------
    >>> [p.name for p in find_notebooks()][:1]              # doctest: +SKIP
    ['00-overview.py']
    """
    directory = Path(directory) if directory is not None else paths.NOTEBOOKS_DIR
    return sorted(directory.glob(NOTEBOOK_GLOB))


def read_notebook(path: Path):
    """Read a ``py:percent`` notebook into an ``nbformat`` notebook with numbered cell ids.

    Examples
    --------
    >>> nb = read_notebook(find_notebooks()[0])             # doctest: +SKIP
    >>> nb.cells[0].id                                      # doctest: +SKIP
    'cell-00'
    """
    import jupytext

    nb = jupytext.read(Path(path), fmt="py:percent")
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
    return _number_cells(nb)


def _number_cells(nb):
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:02d}"
    return nb


def inject_parameters(nb, parameters: dict[str, Any] | None):
    """Return a copy of ``nb`` with ``parameters`` set in a cell after the one tagged ``parameters``.

    As papermill does: the new cell is tagged ``injected-parameters`` and
    assigns each value with its Python literal, so the notebook's own defaults
    stay visible above it. No parameters, no new cell.

    Raises
    ------
    ValueError
        If parameters are given and no cell is tagged ``parameters``, or a
        value has no Python literal.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
    >>> inject_parameters(nb, {"x": 2}).cells[1].source
    '# Parameters (injected by guanxian-analysis build)\\nx = 2'
    """
    import ast

    import nbformat

    nb = copy.deepcopy(nb)
    if not parameters:
        return nb
    tagged = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    if not tagged:
        raise ValueError(f"no cell is tagged {PARAMETERS_TAG!r}, so parameters {sorted(parameters)} cannot be injected")
    lines = ["# Parameters (injected by guanxian-analysis build)"]
    for name, value in parameters.items():
        if not name.isidentifier():
            raise ValueError(f"parameter name {name!r} is not a Python identifier")
        literal = repr(str(value) if isinstance(value, Path) else value)
        ast.literal_eval(literal)  # refuses values that would not round-trip
        lines.append(f"{name} = {literal}")
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    tagged = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [INJECTED_TAG]})
    nb.cells.insert(tagged[0] + 1, cell)
    return _number_cells(nb)


def notebook_title(nb) -> tuple[str, str]:
    """The first heading of the first markdown cell, and the first sentence of the prose after it.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Economy\\n\\nWhat grows? More.")])
    >>> notebook_title(nb)
    ('Economy', 'What grows?')
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if not lines:
            continue
        title = lines[0].lstrip("#").strip() if lines[0].startswith("#") else ""
        prose = " ".join(l.strip() for l in lines[1:] if l.strip() and not l.startswith("#"))
        prose = _MD_MARKUP.sub("", _MD_LINK.sub(r"\1", prose)).strip()
        summary = re.split(r"(?<=[.?!])\s", prose, maxsplit=1)[0] if prose else ""
        return title, summary
    return "", ""


async def execute_notebook(nb, *, name: str, progress: Progress | None = None, timeout: int = CELL_TIMEOUT,
                           cwd: Path | None = None):
    """Run ``nb`` top to bottom in a fresh kernel and return the executed copy.

    Raises
    ------
    CellFailure
        With the failing cell's index, source and traceback.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = copy.deepcopy(nb)
    failure: dict[str, Any] = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        if progress is not None:
            progress.cell(name, cell_index)

    def on_cell_error(cell, cell_index, execute_reply):
        failure["index"] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        record_timing=False,
        allow_errors=False,
        resources={"metadata": {"path": str(cwd or paths.NOTEBOOKS_DIR)}},
        on_cell_executed=on_cell_executed,
        on_cell_error=on_cell_error,
    )
    env = {**os.environ, **KERNEL_ENV}
    # the kernel process's own stderr (startup notices, C-level warnings) goes to a log, not the build's output;
    # what the notebook prints or warns reaches its outputs over the kernel protocol as usual
    log_path = paths.ensure_dir(paths.CACHE_DIR / "build") / f"{name}.kernel.log"
    try:
        with open(log_path, "w", encoding="utf-8") as log:
            await client.async_execute(env=env, stderr=log)
    except CellExecutionError as exc:
        index = failure.get("index", -1)
        source = nb.cells[index].source if 0 <= index < len(nb.cells) else ""
        text = "\n".join(_ANSI.sub("", line) for line in (exc.traceback or "").splitlines())
        raise CellFailure(name, index, source, exc.ename, exc.evalue, text) from None
    except Exception as exc:  # the kernel died or would not start, a cell timed out, ...
        tail = "".join(log_path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)[-20:])
        raise RuntimeError(f"notebook {name} could not run: {exc!r}\nkernel log ({log_path}):\n{tail}") from exc
    return normalise_notebook(nb)


def normalise_notebook(nb):
    """Drop what varies between runs (execution timestamps, jupytext and papermill bookkeeping)."""
    nb.metadata.pop("jupytext", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
    return nb


# --------------------------------------------------------------------------- HTML
_PAGE_TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">{{ resources.guanxian.css }}</style>
{%- endblock html_head_css -%}
{%- block body_header -%}
<body class="jp-Notebook gx-page" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<header class="gx-topbar">{{ resources.guanxian.topbar }}</header>
<div class="gx-layout">
<nav class="gx-toc" aria-label="Contents">{{ resources.guanxian.toc_placeholder }}</nav>
<main>
{%- endblock body_header -%}
{% block body_footer %}
</main>
</div>
</body>
{% endblock body_footer %}
"""

PAGE_CSS = """
/* guanxian:font-face */
:root {
  --gx-font: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Guanxian Noto Sans CJK SC",
             system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --jp-ui-font-family: var(--gx-font);
  --jp-content-font-family: var(--gx-font);
  --jp-code-font-family: Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Guanxian Noto Sans CJK SC", monospace;
  --gx-accent: #9b2226;
}
html { scroll-behavior: smooth; }
body.gx-page { margin: 0; padding: 0; font-family: var(--gx-font); background: #fff; overflow-x: hidden; }
.gx-topbar { position: sticky; top: 0; z-index: 10; display: flex; gap: 1.2rem; align-items: center; flex-wrap: wrap;
  padding: .55rem 1.5rem; background: #fbf8f3; border-bottom: 1px solid #e4ddd2; font-size: 14px; }
.gx-topbar a { color: var(--gx-accent); text-decoration: none; }
.gx-topbar a:hover { text-decoration: underline; }
.gx-topbar .gx-here { font-weight: 600; color: #333; }
.gx-topbar .gx-spacer { flex: 1; }
.gx-layout { display: flex; align-items: flex-start; max-width: 1320px; margin: 0 auto; }
nav.gx-toc { position: sticky; top: 2.6rem; flex: 0 0 250px; max-height: calc(100vh - 3rem); overflow-y: auto;
  padding: 1.2rem 1rem 1rem 1.5rem; font-size: 13.5px; line-height: 1.45; border-right: 1px solid #eee; box-sizing: border-box; }
nav.gx-toc .gx-toc-title { font-weight: 600; text-transform: uppercase; letter-spacing: .05em; font-size: 11.5px; color: #777;
  margin: 0 0 .5rem; }
nav.gx-toc ol { list-style: none; margin: 0; padding: 0; }
nav.gx-toc li { margin: .25rem 0; }
nav.gx-toc li.gx-toc-3 { padding-left: 1rem; font-size: 12.5px; }
nav.gx-toc a { color: #333; text-decoration: none; }
nav.gx-toc a:hover { color: var(--gx-accent); text-decoration: underline; }
body.gx-page main { flex: 1 1 auto; min-width: 0; max-width: 1040px; padding: 1rem 2rem 4rem; box-sizing: border-box; }
@media (max-width: 960px) {
  .gx-topbar { position: static; }
  .gx-layout { display: block; }
  nav.gx-toc { position: static; max-height: none; border-right: 0; border-bottom: 1px solid #eee; padding: 1rem 1.5rem; }
  body.gx-page main { padding: 1rem; }
}
/* prose */
.jp-RenderedHTMLCommon { font-size: 15px; line-height: 1.65; color: #222; padding-right: 0; }
.jp-RenderedHTMLCommon h1 { font-size: 1.9em; margin-top: .4em; }
.jp-RenderedHTMLCommon h2 { border-bottom: 1px solid #eee; padding-bottom: .2em; margin-top: 1.6em; }
.jp-RenderedHTMLCommon h1, .jp-RenderedHTMLCommon h2, .jp-RenderedHTMLCommon h3 { scroll-margin-top: 3.2rem; }
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li { max-width: 52rem; }
.jp-RenderedHTMLCommon blockquote { border-left: 3px solid #d8c7b0; background: #fbf8f3; margin-left: 0; padding: .4em 1em; }
/* outputs: wide tables and long text scroll instead of overflowing the page */
.jp-OutputArea-output { overflow-x: auto; max-width: 100%; padding-left: 5px; box-sizing: border-box; }
.jp-OutputArea-output pre { white-space: pre-wrap; word-break: break-word; }
.jp-RenderedHTMLCommon table { font-size: 13px; border-collapse: collapse; margin: .5em 0 1em; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { max-width: 34em; vertical-align: top; }
.jp-RenderedHTMLCommon tbody tr:nth-child(odd) { background: #f8f8f8; }
.jp-RenderedHTMLCommon table.gx-table td, .jp-RenderedHTMLCommon table.gx-table th { text-align: left; }
.jp-RenderedHTMLCommon table.gx-table td:not(:last-child) { white-space: nowrap; }
.jp-RenderedHTMLCommon table.gx-table td:last-child { min-width: 22em; }
.jp-RenderedHTMLCommon table.gx-kwic td, .jp-RenderedHTMLCommon table.gx-kwic th { padding: .25em .5em; }
.gx-scroll thead th { position: sticky; top: 0; z-index: 1; }
.jp-RenderedHTMLCommon thead th { background: #f1ece4; }
.jp-RenderedImage img, .jp-RenderedHTMLCommon img { max-width: 100%; height: auto; }
.jp-OutputPrompt, .jp-InputPrompt { font-size: 11px; }
body.gx-reader .jp-OutputPrompt, body.gx-reader .jp-InputPrompt { display: none; }
.jp-Cell { padding-left: 0; padding-right: 0; }
mark.gx-hit { background: #ffe08a; padding: 0 .1em; }
"""

INDEX_CSS = """
/* guanxian:font-face */
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Guanxian Noto Sans CJK SC",
  system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #222; background: #fff; }
main { max-width: 880px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
.gx-sub { color: #666; margin-top: 0; }
ol.gx-pages { list-style: none; padding: 0; }
ol.gx-pages li { border: 1px solid #e4ddd2; border-radius: 6px; padding: .9rem 1.1rem; margin: .8rem 0; background: #fdfbf8; }
ol.gx-pages a.gx-title { font-size: 1.15rem; font-weight: 600; color: #9b2226; text-decoration: none; }
ol.gx-pages a.gx-title:hover, .gx-links a:hover { text-decoration: underline; }
.gx-summary { margin: .3rem 0; line-height: 1.55; }
.gx-links { font-size: .9rem; color: #666; }
.gx-links a { color: #555; }
table.gx-data { border-collapse: collapse; font-size: .9rem; }
table.gx-data td { padding: .2rem .8rem .2rem 0; }
footer { margin-top: 2rem; color: #888; font-size: .85rem; }
"""


def _exporter(with_code: bool):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"guanxian_page.html.j2": _PAGE_TEMPLATE})],
        template_file="guanxian_page.html.j2",
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
        embed_images=True,
    )


def page_file(name: str, *, with_code: bool) -> str:
    """The file name of a notebook's page: ``01-economy.html`` or ``01-economy-code.html``."""
    return f"{name}-code.html" if with_code else f"{name}.html"


def _topbar(name: str, title: str, *, with_code: bool, pages: Sequence[tuple[str, str]]) -> str:
    names = [n for n, _ in pages]
    i = names.index(name) if name in names else -1
    parts = ['<a href="index.html">All notebooks</a>']
    if i > 0:
        parts.append(f'<a href="{page_file(names[i - 1], with_code=with_code)}" rel="prev">&larr; {html.escape(names[i - 1])}</a>')
    parts.append(f'<span class="gx-here">{html.escape(title or name)}</span>')
    if 0 <= i < len(names) - 1:
        parts.append(f'<a href="{page_file(names[i + 1], with_code=with_code)}" rel="next">{html.escape(names[i + 1])} &rarr;</a>')
    parts.append('<span class="gx-spacer"></span>')
    other = page_file(name, with_code=not with_code)
    parts.append(f'<a href="{other}">{"Reader version (no code)" if with_code else "Show the code"}</a>')
    parts.append(f'<a href="notebooks/{html.escape(name)}.ipynb">Notebook (.ipynb)</a>')
    return " ".join(parts)


def export_html(nb, *, name: str, title: str = "", with_code: bool = False,
                pages: Sequence[tuple[str, str]] = ()) -> str:
    """Render an executed notebook as one self-contained HTML page with a table of contents.

    ``pages`` lists ``(name, title)`` of all notebooks, for the previous/next
    links. The embedded CJK font is added later by :func:`embed_cjk_font`.

    Examples
    --------
    >>> page = export_html(executed, name="01-economy", title="Economy")   # doctest: +SKIP
    >>> 'class="gx-toc"' in page                                          # doctest: +SKIP
    True
    """
    exporter = _exporter(with_code)
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title or name
    resources = {
        "metadata": {"name": name},
        "guanxian": {
            "css": PAGE_CSS,
            "topbar": _topbar(name, title, with_code=with_code, pages=pages or [(name, title)]),
            "toc_placeholder": _TOC_PLACEHOLDER,
        },
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    if not with_code:
        body = body.replace('<body class="jp-Notebook gx-page"', '<body class="jp-Notebook gx-page gx-reader"', 1)
    return add_table_of_contents(body)


def _slug(text: str, used: set[str]) -> str:
    base = _SLUG_DROP.sub("-", text.lower()).strip("-")[:60].strip("-") or "section"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def add_table_of_contents(page: str, *, levels: Iterable[int] = (1, 2, 3)) -> str:
    """Give every heading a readable unique ``id`` and fill the page's contents list with links to them.

    Heading ids are ASCII slugs of the heading text (``where-the-theme-sits``),
    numbered when repeated, so a link does not depend on how a browser
    percent-encodes Chinese. The list goes where the page template left
    its placeholder; a page without one is returned with new ids only.

    Examples
    --------
    >>> page = '<nav><!-- guanxian:toc --></nav><h2 id="x">Top terms 高频词</h2>'
    >>> print(add_table_of_contents(page))
    <nav><p class="gx-toc-title">Contents</p><ol><li class="gx-toc-1"><a href="#top-terms">Top terms 高频词</a></li></ol></nav><h2 id="top-terms">Top terms 高频词</h2>
    """
    levels = set(levels)
    used: set[str] = set()
    entries: list[tuple[int, str, str]] = []

    def replace(match: re.Match) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2) or "", match.group(3)
        label = html.unescape(_TAG.sub("", _ANCHOR_LINK.sub("", inner))).strip()
        slug = _slug(label, used)
        attrs = _HEADING_ID.sub("", attrs)
        inner = _ANCHOR_LINK.sub(lambda m: f'<a class="anchor-link" href="#{slug}">{m.group(1)}</a>', inner)
        if level in levels and label:
            entries.append((level, slug, label))
        return f'<h{level} id="{slug}"{attrs}>{inner}</h{level}>'

    page = _HEADING.sub(replace, page)
    if _TOC_PLACEHOLDER not in page:
        return page
    top = min((lvl for lvl, _, _ in entries), default=1)
    items = "".join(
        f'<li class="gx-toc-{min(lvl - top + 1, 3)}"><a href="#{slug}">{html.escape(label)}</a></li>'
        for lvl, slug, label in entries
    )
    toc = f'<p class="gx-toc-title">Contents</p><ol>{items}</ol>'
    return page.replace(_TOC_PLACEHOLDER, toc, 1)


def _page_characters(page: str) -> set[str]:
    text = html.unescape(_TAG.sub(" ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)))
    return {ch for ch in text if ord(ch) > 0x2000}


def cjk_font_face(characters: Iterable[str]) -> str:
    """A CSS ``@font-face`` rule embedding Noto Sans CJK SC cut down to ``characters`` (WOFF, base64).

    The subset is deterministic (no timestamp is recalculated), so the same
    characters give the same bytes. Returns ``""`` when the font is absent.

    Examples
    --------
    >>> cjk_font_face("冠县")[:11]                                    # doctest: +SKIP
    '@font-face '
    """
    import io
    from importlib.resources import files

    from fontTools import subset
    from fontTools.ttLib import TTFont

    text = "".join(sorted(set(characters)))
    try:
        font_path = files(CJK_FONT_PACKAGE).joinpath(CJK_FONT_FILE)
    except ModuleNotFoundError:
        return ""
    if not text or not font_path.is_file():
        return ""
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.name_IDs = [1, 2]
    options.layout_features = ["vert", "vrt2", "locl"]
    options.notdef_outline = True
    font = TTFont(str(font_path), recalcTimestamp=False, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'@font-face {{ font-family: "{CJK_FONT_FAMILY}"; font-style: normal; font-weight: 400; '
            f'font-display: block; src: url(data:font/woff;base64,{data}) format("woff"); }}')


def embed_cjk_font(pages: dict[Path, str]) -> dict[Path, str]:
    """Put one shared CJK font subset (covering every page's characters) into each page's CSS."""
    characters: set[str] = set()
    for page in pages.values():
        characters |= _page_characters(page)
    rule = cjk_font_face(characters)
    return {path: page.replace(_FONT_PLACEHOLDER, rule, 1) for path, page in pages.items()}


def render_index(pages: Sequence[Page], *, out_dir: Path, parameters: dict[str, Any] | None = None,
                 heading: str = "Guanxian 2022 government work report: analysis notebooks") -> str:
    """The ``index.html`` page: each notebook with its one-line summary, both versions, and the data tables.

    Examples
    --------
    >>> page = render_index(pages, out_dir=paths.REPORTS_DIR)          # doctest: +SKIP
    >>> 'href="01-economy.html"' in page                                # doctest: +SKIP
    True
    """
    items = []
    for page in pages:
        items.append(
            f'<li><a class="gx-title" href="{page.reader_html.name}">{html.escape(page.title or page.name)}</a>'
            f'<p class="gx-summary">{html.escape(page.summary)}</p>'
            f'<div class="gx-links"><a href="{page.reader_html.name}">read</a> · '
            f'<a href="{page.code_html.name}">with code</a> · '
            f'<a href="notebooks/{page.notebook.name}">executed notebook</a> · {page.cells} code cells · '
            f'source <code>notebooks/{html.escape(page.name)}.py</code></div></li>'
        )
    data_dir = out_dir / "data"
    tables = sorted(data_dir.glob("*.csv")) if data_dir.is_dir() else []
    rows = "".join(
        f'<tr><td><a href="data/{t.name}">{html.escape(t.name)}</a></td><td>{_csv_rows(t)} rows</td></tr>' for t in tables
    )
    data = (f'<h2 id="tables">Tables</h2><p>CSV files written by the notebooks (UTF-8 with BOM, so Excel opens them '
            f'correctly).</p><table class="gx-data">{rows}</table>') if rows else ""
    params = ""
    if parameters:
        shown = ", ".join(f"{k} = {html.escape(Path(str(v)).name if k.endswith(('path', 'dir')) else str(v))}"
                          for k, v in parameters.items())
        params = f'<p class="gx-sub">Built with parameters: {shown}</p>'
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(heading)}</title>\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{html.escape(heading)}</h1>\n"
        '<p class="gx-sub">冠县2022年政府工作报告 · themed notebooks, run top to bottom by '
        "<code>guanxian-analysis build</code>. Each page has a reader version and one with the code.</p>\n"
        f"{params}<ol class=\"gx-pages\">{''.join(items)}</ol>\n{data}\n"
        "<footer>Rebuild with <code>make report</code>; open the notebooks with <code>make lab</code>.</footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def _existing_pages(out_dir: Path, built: Sequence[Page]) -> list[Page]:
    """The built pages plus, for a partial build, the pages an earlier build left in ``out_dir``."""
    import nbformat

    by_name = {page.name: page for page in built}
    for source in find_notebooks():
        name = source.stem
        reader, code = out_dir / page_file(name, with_code=False), out_dir / page_file(name, with_code=True)
        executed = out_dir / "notebooks" / f"{name}.ipynb"
        if name in by_name or not (reader.is_file() and code.is_file() and executed.is_file()):
            continue
        nb = nbformat.read(executed, as_version=4)
        title, summary = notebook_title(nb)
        by_name[name] = Page(name, title, summary, reader, code, executed, 0.0,
                             sum(c.cell_type == "code" for c in nb.cells))
    return [by_name[name] for name in sorted(by_name)]


def _csv_rows(path: Path) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        import csv

        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


# --------------------------------------------------------------------------- the build
def build(notebooks: Sequence[Path | str] | None = None, *, parameters: dict[str, Any] | None = None,
          output_dir: Path | str | None = None, jobs: int | None = None, timeout: int = CELL_TIMEOUT,
          progress: Progress | None = None) -> list[Page]:
    """Run every notebook headless and write the HTML reports, executed notebooks and index.

    Parameters
    ----------
    notebooks : sequence of paths, optional
        ``py:percent`` notebooks; default every ``notebooks/NN-*.py``. Names
        without a directory are looked up in ``notebooks/``.
    parameters : dict, optional
        Values injected after each notebook's ``parameters`` cell, e.g.
        ``{"report_path": "...", "script": "original"}``.
    output_dir : path, optional
        Where to write; default ``reports/``. When it is not the default the
        notebooks' ``tables_dir`` parameter points into it too, so a run on
        another report does not overwrite ``reports/data/``.
    jobs : int, optional
        Notebooks run at the same time (default: the number of CPUs).
    timeout : int
        Seconds one cell may run.
    progress : Progress, optional
        Where to report; default a :class:`Progress` on stderr.

    Returns
    -------
    list of Page

    Raises
    ------
    BuildError
        If any cell fails; the error lists each failing cell with its source
        and traceback. Pages of the notebooks that ran are still written.

    Examples
    --------
    >>> pages = build(["01-economy"])                       # doctest: +SKIP
    >>> pages[0].reader_html                                # doctest: +SKIP
    PosixPath('.../reports/01-economy.html')
    """
    return asyncio.run(build_async(notebooks, parameters=parameters, output_dir=output_dir, jobs=jobs,
                                   timeout=timeout, progress=progress))


def clean_outputs(out_dir: Path) -> None:
    """Remove the pages, executed notebooks and tables a build writes into ``out_dir`` (screenshots stay)."""
    for pattern in ("*.html", "notebooks/*.ipynb", "data/*.csv"):
        for path in out_dir.glob(pattern):
            path.unlink()


def _resolve(notebooks: Sequence[Path | str] | None) -> list[Path]:
    if notebooks is None:
        found = find_notebooks()
        if not found:
            raise FileNotFoundError(f"no notebooks matching {NOTEBOOK_GLOB} in {paths.NOTEBOOKS_DIR}")
        return found
    resolved = []
    for item in notebooks:
        path = Path(item)
        if not path.suffix:
            path = path.with_suffix(".py")
        if not path.is_absolute() and not path.exists():
            path = paths.NOTEBOOKS_DIR / path.name
        if not path.is_file():
            raise FileNotFoundError(f"notebook not found: {item}")
        resolved.append(path)
    return resolved


async def build_async(notebooks: Sequence[Path | str] | None = None, *, parameters: dict[str, Any] | None = None,
                      output_dir: Path | str | None = None, jobs: int | None = None, timeout: int = CELL_TIMEOUT,
                      progress: Progress | None = None) -> list[Page]:
    """:func:`build` as a coroutine (for callers that already run an event loop)."""
    import nbformat

    sources = _resolve(notebooks)
    out_dir = Path(output_dir) if output_dir is not None else paths.REPORTS_DIR
    parameters = dict(parameters or {})
    automatic: dict[str, Any] = {}
    if out_dir.resolve() != paths.REPORTS_DIR.resolve() and "tables_dir" not in parameters:
        automatic["tables_dir"] = str((out_dir / "data").resolve())
    paths.ensure_dir(out_dir)
    if notebooks is None:  # a full build owns these files: remove what an earlier build left
        clean_outputs(out_dir)
    paths.ensure_dir(out_dir / "notebooks")
    paths.ensure_dir(out_dir / "data")
    progress = progress or Progress()
    progress.total = len(sources)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(sources)))

    prepared = []
    for source in sources:
        nb = read_notebook(source)
        # the caller's parameters always (an error without a parameters cell); tables_dir only where there is one
        tagged = any(PARAMETERS_TAG in c.get("metadata", {}).get("tags", []) for c in nb.cells)
        nb = inject_parameters(nb, {**parameters, **automatic} if tagged else parameters)
        title, summary = notebook_title(nb)
        prepared.append((source.stem, nb, title, summary))
    listing = [(name, title) for name, _, title, _ in prepared]

    semaphore = asyncio.Semaphore(jobs)
    export_lock = asyncio.Lock()  # one export at a time (in a thread, so the kernels' messages keep flowing)
    failures: list[BaseException] = []
    done: dict[str, tuple[Page, dict[Path, str]]] = {}

    def export(name: str, title: str, summary: str, nb, seconds: float) -> tuple[Page, dict[Path, str]]:
        notebook_path = out_dir / "notebooks" / f"{name}.ipynb"
        notebook_path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        reader, code = out_dir / page_file(name, with_code=False), out_dir / page_file(name, with_code=True)
        pages = {reader: export_html(nb, name=name, title=title, with_code=False, pages=listing),
                 code: export_html(nb, name=name, title=title, with_code=True, pages=listing)}
        page = Page(name, title, summary, reader, code, notebook_path, seconds,
                    sum(c.cell_type == "code" for c in nb.cells))
        return page, pages

    async def run(name: str, nb, title: str, summary: str) -> None:
        async with semaphore:
            started = time.perf_counter()
            progress.start(name, sum(c.cell_type == "code" for c in nb.cells))
            try:
                result = await execute_notebook(nb, name=name, progress=progress, timeout=timeout)
            except Exception as exc:  # a failing cell (CellFailure), the kernel died, a timeout, ...
                progress.finish(name, time.perf_counter() - started, ok=False)
                failures.append(exc)
                return
            seconds = time.perf_counter() - started
            progress.finish(name, seconds)
        # export after releasing the slot: the next notebook starts while this one is written
        async with export_lock:
            done[name] = await asyncio.to_thread(export, name, title, summary, result, seconds)

    await asyncio.gather(*(run(name, nb, title, summary) for name, nb, title, summary in prepared))

    pages: list[Page] = [done[name][0] for name, *_ in prepared if name in done]
    rendered: dict[Path, str] = {path: page for name, *_ in prepared if name in done
                                 for path, page in done[name][1].items()}
    if not failures and pages:
        index_pages = pages if notebooks is None else _existing_pages(out_dir, pages)
        rendered[out_dir / "index.html"] = render_index(index_pages, out_dir=out_dir,
                                                        parameters={**parameters, **automatic})
    for path, page in embed_cjk_font(rendered).items():
        path.write_text(page, encoding="utf-8")
    if failures:
        raise BuildError(failures)
    return pages
