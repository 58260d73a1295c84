"""Alt text for the charts of a built page: what each figure shows, from its titles, axes and the section it is in.

Two halves. In the kernel, :func:`install` makes the inline backend attach
``metadata["alt"]`` to every figure it sends, from :func:`describe_figure` (titles,
axis labels, the kind of marks, the first category labels). In the build,
:func:`add_alt_text` prefixes each image's alt with the heading of the section it
sits in (its caption), and gives one to an image that has none, so no image says
"No description has been provided for this image". nbconvert puts
``metadata["alt"]`` in the ``<img alt>`` attribute.

Examples
--------
>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots(); _ = ax.barh(["经济", "发展"], [3, 2]); _ = ax.set_xlabel("count")
>>> describe_figure(fig)
'bar chart of count by category (经济, 发展)'
"""
from __future__ import annotations

import re

#: passed to the kernel: installs the hook before the notebook's first cell
KERNEL_ARGUMENT = "--IPKernelApp.exec_lines=import guanxian_analysis.build.alt_text as _gx_alt; _gx_alt.install()"
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
_MD_MARKUP = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")


def _labels(ticks, limit: int = 4) -> list[str]:
    return [t.get_text() for t in ticks if t.get_text().strip()][:limit]


def describe_axes(ax) -> str:
    """One phrase for one Axes: its title, or the kind of marks and what the axes measure.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> _, ax = plt.subplots(); _ = ax.plot([2020, 2021, 2022], [1, 2, 3]); _ = ax.set(title="GDP", ylabel="亿元")
    >>> describe_axes(ax)
    'GDP: line chart of 亿元'
    """
    from matplotlib.collections import LineCollection, PathCollection
    from matplotlib.patches import Rectangle

    if ax.images and not (ax.lines or ax.patches or ax.collections):
        return ax.get_title() or "word cloud of the most frequent terms (larger words occur more often)"
    texts = [t.get_text() for t in ax.texts if t.get_text().strip()]
    if any(isinstance(c, LineCollection) for c in ax.collections) and not ax.axison:
        shown = f" ({', '.join(texts[:6])}, …)" if texts else ""
        return "network of terms that occur in the same sentences" + shown
    kinds = []
    if any(isinstance(p, Rectangle) for p in ax.patches):
        kinds.append("bar chart")
    if any(len(line.get_xdata()) > 2 for line in ax.lines):
        kinds.append("line chart")
    if any(isinstance(c, PathCollection) for c in ax.collections):
        kinds.append("dot chart")
    kind = " with ".join(kinds) or "chart"
    xlabel, ylabel = ax.get_xlabel().strip(), ax.get_ylabel().strip()
    # the category axis is the one whose tick labels are words
    ycats, xcats = _labels(ax.get_yticklabels()), _labels(ax.get_xticklabels())
    words = [c for c in ycats if not re.fullmatch(r"[−\-\d.,%]+", c)]
    xwords = [c for c in xcats if not re.fullmatch(r"[−\-\d.,%]+", c)]
    if words and not xwords:
        what = f"{kind} of {xlabel or 'values'} by {ylabel or 'category'} ({', '.join(words)})"
    elif xwords and not words:
        what = f"{kind} of {ylabel or 'values'} by {xlabel or 'category'} ({', '.join(xwords)})"
    elif xlabel or ylabel:
        what = f"{kind} of {' against '.join(l for l in (ylabel, xlabel) if l)}"
    else:
        what = kind
    title = ax.get_title().strip()
    return f"{title}: {what}" if title else what


def describe_figure(fig) -> str:
    """What a figure shows: its suptitle, then one phrase per drawn Axes (colour bars and empty Axes skipped)."""
    parts = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        parts.append(suptitle.get_text().strip())
    axes = [ax for ax in fig.axes if ax.axison or ax.images or ax.has_data()]
    axes = [ax for ax in axes if ax.has_data() or ax.images or ax.get_title()]
    axes = [ax for ax in axes if ax.get_label() != "<colorbar>"]
    phrases = list(dict.fromkeys(describe_axes(ax) for ax in axes))
    if len(phrases) > 1:
        parts.append(f"{len(phrases)} panels: " + "; ".join(phrases))
    elif phrases:
        parts.append(phrases[0])
    return ". ".join(parts)


def install() -> None:
    """In a kernel: every figure the inline backend sends carries ``metadata["alt"]`` (:func:`describe_figure`)."""
    from matplotlib_inline import backend_inline

    original = backend_inline._fetch_figure_metadata
    if getattr(original, "_gx_alt", False):
        return

    def with_alt(fig):
        metadata = original(fig) or {}
        try:
            description = describe_figure(fig)
        except Exception:  # a description is a courtesy; never fail a figure for it
            description = ""
        if description:
            metadata = {**metadata, "alt": description}
        return metadata

    with_alt._gx_alt = True
    backend_inline._fetch_figure_metadata = with_alt


def _heading_text(text: str) -> str:
    return _MD_MARKUP.sub(lambda m: m.group(1) or "", text).strip()


def add_alt_text(nb):
    """Give every image output an alt text led by the heading of its section; returns ``nb`` changed in place.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## Top terms\\n\\nText."),
    ...     nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", data={"image/png": "x"},
    ...                                                               metadata={"alt": "bar chart of count"})])])
    >>> add_alt_text(nb).cells[1].outputs[0].metadata["alt"]
    'Chart, Top terms: bar chart of count'
    """
    heading = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = _MD_HEADING.findall(cell.source)
            if found:
                heading = _heading_text(found[-1][1])
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if not any(k.startswith("image/") for k in data):
                continue
            metadata = output.setdefault("metadata", {})
            described = metadata.get("alt", "")
            if described.startswith("Chart, "):
                continue
            lead = f"Chart, {heading}" if heading else "Chart"
            metadata["alt"] = f"{lead}: {described}" if described else lead
    return nb
