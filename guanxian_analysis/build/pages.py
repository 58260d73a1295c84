"""HTML pages of executed notebooks: nbconvert export with the package's template and CSS, links, contents list."""
from __future__ import annotations

import copy
import html
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import quote, unquote, urlsplit

from .. import paths

_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1>", re.S)
_HEADING_ID = re.compile(r'\sid="([^"]*)"')
_ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="#[^"]*">(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_TOC_PLACEHOLDER = "<!-- guanxian:toc -->"
_HREF = re.compile(r'(<a\s[^>]*?href=")([^"]*)(")')
#: the page template (extends nbconvert's lab template) and style sheets, files in ``build/templates/``
PAGE_TEMPLATE, PAGE_STYLESHEET, INDEX_STYLESHEET = "page.html.j2", "page.css", "index.css"
#: the page's one script: folds the contents on a phone, tap-to-zoom on charts (no network, no library)
PAGE_SCRIPT = "page.js"


@lru_cache(maxsize=None)
def template(name: str) -> str:
    """The text of a file in ``guanxian_analysis/build/templates/`` (package data)."""
    return (paths.TEMPLATES_DIR / name).read_text(encoding="utf-8")


def _exporter(with_code: bool):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"guanxian_page.html.j2": template(PAGE_TEMPLATE)})],
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
    parts.append('<span class="gx-more">')
    other = page_file(name, with_code=not with_code)
    parts.append(f'<a href="{other}">{"Reader version (no code)" if with_code else "Show the code"}</a>')
    parts.append(f'<a href="notebooks/{html.escape(name)}.ipynb">Notebook (.ipynb)</a></span>')
    return " ".join(parts)


def export_html(nb, *, name: str, title: str = "", with_code: bool = False,
                pages: Sequence[tuple[str, str]] = (), standalone: bool = False,
                links_from: Path | None = None, links_to: Path | None = None) -> str:
    """Render an executed notebook as one self-contained HTML page with a table of contents.

    ``pages`` lists ``(name, title)`` of all notebooks, for the previous/next
    links. ``standalone=True`` (a page exported on its own, by the ``guanxian``
    nbconvert exporter) keeps only the title in the top bar: no links to an
    index, the other version or neighbours that do not exist beside it. With
    ``links_from`` (the folder the notebook ran in) and ``links_to`` (the page's
    folder), the notebook's relative links are rebased (:func:`rebase_links`).
    The embedded CJK font is added later by :func:`embed_cjk_font`.

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
            "css": template(PAGE_STYLESHEET),
            "script": template(PAGE_SCRIPT),
            "topbar": (f'<span class="gx-here">{html.escape(title or name)}</span>' if standalone else
                       _topbar(name, title, with_code=with_code, pages=pages or [(name, title)])),
            "toc_placeholder": _TOC_PLACEHOLDER,
        },
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    if not with_code:
        body = body.replace('<body class="jp-Notebook gx-page"', '<body class="jp-Notebook gx-page gx-reader"', 1)
    if links_from is not None and links_to is not None:
        body = rebase_links(body, links_from, links_to)
    return add_table_of_contents(body)


def rebase_links(page: str, links_from: Path | str, links_to: Path | str) -> str:
    """Point the relative links of a notebook's content (inside ``<main>``) from ``links_from`` to ``links_to``.

    A notebook's links are relative to the folder it runs in (JupyterLab resolves them there, and
    :func:`guanxian_analysis.tables.tables_note` writes them so); a page written elsewhere needs them relative to
    its own folder. Anchors, absolute paths and URLs with a scheme (``https:``, ``data:``) are left alone, and
    so is everything outside ``<main>`` (the top bar's links are the page's own).

    Examples
    --------
    >>> page = '<a href="index.html">All</a><main><a href="../reports/data/x.csv">x.csv</a><a href="#top">t</a></main>'
    >>> rebase_links(page, "/p/notebooks", "/p/reports")
    '<a href="index.html">All</a><main><a href="data/x.csv">x.csv</a><a href="#top">t</a></main>'
    """
    head, opened, rest = page.partition("<main>")
    content, closed, tail = rest.partition("</main>")
    if not opened:
        return page
    source, target = Path(links_from).resolve(), Path(links_to).resolve()

    def rebase(match: re.Match) -> str:
        href = html.unescape(match.group(2))
        if not href or href.startswith(("#", "/")) or urlsplit(href).scheme:
            return match.group(0)
        path, _, fragment = href.partition("#")
        moved = Path(os.path.relpath(os.path.normpath(source / unquote(path)), target)).as_posix()
        return f"{match.group(1)}{html.escape(quote(moved) + ('#' + fragment if fragment else ''))}{match.group(3)}"

    return head + opened + _HREF.sub(rebase, content) + closed + tail


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
    toc = f'<p class="gx-toc-title">Contents</p>{_nested_list(entries)}'
    return page.replace(_TOC_PLACEHOLDER, toc, 1)


def _nested_list(entries: Sequence[tuple[int, str, str]]) -> str:
    """Contents entries ``(level, slug, label)`` as nested ``<ol>``: a heading's list sits inside its parent's item.

    A heading deeper than the one before it opens one list, whatever the gap
    (an ``h4`` right after an ``h2`` is one step down), so the tree follows the
    headings as a reader sees them. Each item's class gives its depth in the
    tree (``gx-toc-1`` at the top).

    >>> _nested_list([(2, "a", "A"), (3, "b", "B"), (2, "c", "C")])
    '<ol><li class="gx-toc-1"><a href="#a">A</a><ol><li class="gx-toc-2"><a href="#b">B</a></li></ol></li><li class="gx-toc-1"><a href="#c">C</a></li></ol>'
    """
    if not entries:
        return "<ol></ol>"
    out: list[str] = []
    stack: list[int] = []  # heading levels of the open lists
    for level, slug, label in entries:
        if stack and level > stack[-1]:
            out.append("<ol>")
            stack.append(level)
        else:
            while len(stack) > 1 and level < stack[-1] and level <= stack[-2]:
                out.append("</li></ol>")
                stack.pop()
            if stack:
                out.append("</li>")
                stack[-1] = min(stack[-1], level) if len(stack) == 1 else stack[-1]
            else:
                out.append("<ol>")
                stack.append(level)
        out.append(f'<li class="gx-toc-{len(stack)}"><a href="#{slug}">{html.escape(label)}</a>')
    out.append("</li>" + "</ol></li>" * (len(stack) - 1) + "</ol>")
    return "".join(out)
