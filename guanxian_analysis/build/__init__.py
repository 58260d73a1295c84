"""The build subpackage: run every notebook headless and export it as HTML (it holds no analysis).

Modules: ``notebooks`` (find, read, inject parameters with papermill, titles),
``execute`` (nbclient, progress, errors), ``pages`` (HTML export, contents list;
template and CSS are files in ``templates/``), ``fonts`` (the embedded CJK subset),
``index`` (``index.html``), ``run`` (:func:`build`). The CLI is ``guanxian_analysis.cli``.

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

from .. import paths  # noqa: F401  (``build.paths`` for callers of the former module)
from .execute import CELL_TIMEOUT, KERNEL_ENV, KERNEL_NAME, BuildError, CellFailure, Page, Progress, \
    execute_notebook, normalise_notebook
from .fonts import CJK_FONT_FAMILY, cjk_font_face, embed_cjk_font
from .index import render_index
from .notebooks import INJECTED_TAG, NOTEBOOK_GLOB, PARAMETERS_TAG, find_notebooks, inject_parameters, \
    notebook_title, read_notebook
from .pages import add_table_of_contents, export_html, page_file, template
from .run import build, build_async, clean_outputs

__all__ = ["BuildError", "CELL_TIMEOUT", "CJK_FONT_FAMILY", "CellFailure", "INJECTED_TAG", "KERNEL_ENV", "KERNEL_NAME",
           "NOTEBOOK_GLOB", "PARAMETERS_TAG", "Page", "Progress", "add_table_of_contents", "build", "build_async",
           "cjk_font_face", "clean_outputs", "embed_cjk_font", "execute_notebook", "export_html", "find_notebooks",
           "inject_parameters", "normalise_notebook", "notebook_title", "page_file", "read_notebook", "render_index",
           "template"]
