"""The nbconvert exporter ``guanxian``: the build's self-contained page for any notebook, through nbconvert's own entry.

Registered in ``pyproject.toml`` under the ``nbconvert.exporters`` entry point, so once the package is installed
``jupyter nbconvert --to guanxian NOTEBOOK.ipynb`` and JupyterLab's File › Save and Export Notebook As › Guanxian
write the same page as ``guanxian-analysis build``: the page template and style of :mod:`.pages`, a table of
contents, the images embedded, a subset of Noto Sans CJK SC embedded (:mod:`.fonts`) so Chinese renders on a
machine without a CJK font, and nothing fetched from the network (no require.js, MathJax or CDN). nbconvert's
default ``--to html`` page has none of this: its text falls back to the reader's system fonts (boxes where there
is no CJK font) and it loads require.js and MathJax from a CDN.

The page shows the code (as ``NN-name-code.html`` does); ``--no-input`` gives the reader version. Preprocessors
nbconvert configures (``--execute``, tag removal …) run first, as for any exporter. This module only adapts
nbconvert's interface to :func:`.pages.export_html` and :func:`.fonts.embed_cjk_font`; it renders nothing itself.

Examples
--------
>>> from guanxian_analysis.build.exporter import GuanxianHTMLExporter
>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 冠县\\n\\n经济运行稳中向好。")])
>>> page, resources = GuanxianHTMLExporter().from_notebook_node(nb, resources={"metadata": {"name": "demo"}})
>>> 'class="gx-toc"' in page, "Guanxian Noto Sans CJK SC" in page, "require.js" in page, resources["output_extension"]
(True, True, False, '.html')
"""
from __future__ import annotations

from nbconvert.exporters import HTMLExporter
from nbconvert.exporters.exporter import Exporter

from .fonts import embed_cjk_font
from .notebooks import notebook_title
from .pages import export_html

#: the name after ``--to`` (the entry point's name in pyproject.toml)
EXPORTER_NAME = "guanxian"


class GuanxianHTMLExporter(HTMLExporter):
    """``jupyter nbconvert --to guanxian``: one self-contained HTML page, as the build writes it.

    A subclass of nbconvert's :class:`~nbconvert.exporters.HTMLExporter`, so nbconvert's options that concern the
    notebook (``--execute``, ``--no-input``, preprocessors, ``--output``) apply; the page itself comes from
    :func:`guanxian_analysis.build.pages.export_html` (template, style sheet, contents) and
    :func:`guanxian_analysis.build.fonts.embed_cjk_font`.
    """

    #: the label of the entry in JupyterLab's and Notebook's export menus
    export_from_notebook = "HTML with Chinese font (guanxian)"

    def _file_extension_default(self) -> str:
        return ".html"

    def from_notebook_node(self, nb, resources=None, **kw):
        # nbconvert's own steps (resources, configured preprocessors), without its template rendering
        nb, resources = Exporter.from_notebook_node(self, nb, resources, **kw)
        name = resources.get("metadata", {}).get("name") or "notebook"
        title, _ = notebook_title(nb)
        page = export_html(nb, name=name, title=title or name, with_code=not self.exclude_input, standalone=True)
        return embed_cjk_font({name: page})[name], resources
