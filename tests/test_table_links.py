""""Tables written:" links: relative to the notebook's folder (JupyterLab), rebased to the page's folder (the build).

The issue: the links pointed at ``data/…csv`` from the notebook, i.e. ``/files/notebooks/data/…csv`` in JupyterLab
(404). The live JupyterLab check is in tests/test_lab.py, the built pages' in tests/test_build.py.
"""
from __future__ import annotations

import nbformat
from IPython.display import Markdown

from guanxian_analysis import build, notebook_helpers as nh, tables


def test_the_note_links_each_table_from_the_notebooks_folder(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    monkeypatch.chdir(project / "notebooks")                     # where a notebook's kernel runs
    written = [project / ".cache" / "lab" / "tables" / "economy-indicators.csv",
               project / "reports" / "data" / "economy-distinctive-terms.csv"]
    assert nh.tables_note(written) == (
        "Tables written: [economy-indicators.csv](../.cache/lab/tables/economy-indicators.csv), "
        "[economy-distinctive-terms.csv](../reports/data/economy-distinctive-terms.csv).")
    assert nh.tables_note is tables.tables_note
    assert tables.table_href(project / "notebooks" / "x y.csv") == "x%20y.csv"


def test_the_build_rebases_the_links_to_the_pages_folder(tmp_path):
    project = tmp_path / "project"
    source, out = project / "notebooks", tmp_path / "elsewhere" / "reports"
    note = tables.tables_note([out / "data" / "economy-indicators.csv"], start=source)
    assert note == "Tables written: [economy-indicators.csv](../../elsewhere/reports/data/economy-indicators.csv)."
    cell = nbformat.v4.new_code_cell("Markdown(nh.tables_note(written))", outputs=[nbformat.v4.new_output(
        "execute_result", data={"text/markdown": note, "text/plain": repr(Markdown(note))}, execution_count=1)])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Economy\n\n[web](https://example.org)"),
                                         cell])
    page = build.export_html(nb, name="01-economy", title="Economy", pages=[("01-economy", "Economy")],
                             links_from=source, links_to=out)
    assert '<a href="data/economy-indicators.csv">economy-indicators.csv</a>' in page
    assert '<a href="https://example.org">web</a>' in page               # URLs stay as they are
    assert '<a href="index.html">All notebooks</a>' in page               # and the page's own top bar too
    assert '<a href="notebooks/01-economy.ipynb">' in page
    unrebased = build.export_html(nb, name="01-economy", title="Economy")
    assert 'href="../../elsewhere/reports/data/economy-indicators.csv"' in unrebased
