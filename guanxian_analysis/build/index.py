"""The ``index.html`` page: every notebook with its summary, links to both versions, and the tables."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Sequence

from .execute import Page
from .notebooks import find_notebooks, notebook_title
from .pages import INDEX_STYLESHEET, page_file, template


def report_label(meta: dict[str, Any]) -> str:
    """The report a build ran on, named from its own meta: place and title (``冠县2022年政府工作报告``).

    >>> report_label({"place": "呼伦贝尔市海拉尔区", "title": "2019年政府工作报告"})
    '呼伦贝尔市海拉尔区2019年政府工作报告'
    >>> report_label({"place": None, "title": "2019年政府工作报告"})
    '2019年政府工作报告'
    """
    return f"{meta.get('place') or ''}{meta.get('title') or ''}".strip() or "government work report"


def render_index(pages: Sequence[Page], *, out_dir: Path, parameters: dict[str, Any] | None = None,
                 report: str = "冠县2022年政府工作报告", heading: str | None = None) -> str:
    """The ``index.html`` page: each notebook with its one-line summary, both versions, and the data tables.

    ``report`` names the report the notebooks ran on (:func:`report_label` of its
    meta); the heading defaults to ``"<report>: analysis notebooks"``. The page
    skeleton is ``templates/index.html``.

    Examples
    --------
    >>> page = render_index([], out_dir=Path("/nonexistent"), report="呼伦贝尔市海拉尔区2019年政府工作报告")
    >>> "<h1>呼伦贝尔市海拉尔区2019年政府工作报告: analysis notebooks</h1>" in page, "冠县" in page
    (True, False)
    """
    from string import Template

    heading = heading or f"{report}: analysis notebooks"
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
    return Template(template("index.html")).substitute(
        heading=html.escape(heading), css=template(INDEX_STYLESHEET), report=html.escape(report),
        parameters=params, pages="".join(items), tables=data)


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


