"""Display: HTML tables, table styling, chart sizing and notebook set-up (no analysis, no files written)."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from .coverage import structure_table, theme_by_segment
from .findings import format_share, format_value, segment_label, shorten

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report


def setup_display() -> None:
    """Sharper inline figures and readable pandas tables in a notebook (call once, after ``use_theme()``).

    Figures are sent as PNG at twice the resolution (shown at their natural
    size); tables show up to 25 rows and cut long cells at 80 characters.
    Outside IPython it only sets the pandas options.
    """
    import pandas as pd

    pd.set_option("display.max_rows", 25)
    pd.set_option("display.min_rows", 25)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.precision", 3)
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover
        return
    if get_ipython() is not None:
        set_matplotlib_formats("retina")


def setup_notebook(**theme) -> None:
    """The set-up of every notebook: the charts' theme (:func:`~guanxian_analysis.use_theme`) and the display.

    ``use_theme(**theme)`` then :func:`setup_display`; ``theme`` takes ``use_theme``'s options (``font=...``).

    >>> import matplotlib as mpl, pandas as pd
    >>> with pd.option_context("display.max_rows", 60), mpl.rc_context():
    ...     setup_notebook()
    ...     pd.get_option("display.max_rows"), mpl.rcParams["axes.grid"]
    (25, True)
    """
    from .style import use_theme

    use_theme(**theme)
    setup_display()


def segment_display(report: "Report", theme: str) -> "pd.DataFrame":
    """:func:`theme_by_segment` for reading: segments named in English, shares as percentages, zeros dropped.

    Examples
    --------
    >>> segment_display(load_report(), "economy").columns.tolist()
    ['period', 'paragraphs', 'characters', 'share of the segment', 'share of the theme']
    """
    table = theme_by_segment(report, theme)
    table = table[table.characters > 0]
    view = table.assign(**{
        "segment": [segment_label(s) for s in table.segment],
        "period": table.period.fillna("–"),
        "share of the segment": [format_share(v) for v in table.share_of_segment],
        "share of the theme": [format_share(v) for v in table.share_of_theme],
    })
    return view.set_index("segment")[["period", "paragraphs", "characters", "share of the segment",
                                      "share of the theme"]]


def structure_display(report: "Report") -> "pd.DataFrame":
    """:func:`structure_table` for reading: indexed by part, segments named in English, shares as percentages.

    >>> structure_display(load_report()).columns.tolist()
    ['title', 'segment', 'period', 'paragraphs', 'characters', 'share']
    """
    table = structure_table(report)
    return table.assign(
        title=table.title.fillna("–"),
        segment=[segment_label(s) for s in table.segment],
        period=table.period.fillna("–"),
        share=[format_share(v) for v in table.share],
    ).set_index("part")


# HTML the helpers emit survives every sanitizer a notebook meets: JupyterLab's (an untrusted notebook) and
# nbconvert's ``clean_html`` (File > Save and Export Notebook As > HTML with "Sanitize HTML output" ticked). The
# latter keeps only a few tags (div, span, strong, em, code, pre, lists; table and tr but not the tbody every
# parser inserts) and only the class and id attributes, so no <table>, <thead>, <th>, <mark> or <p> is used:
# rows are <div>s laid out as a grid by inline styles. Where styles are stripped, each row reads as one line of
# text, its cells joined by separators the grid hides (display:none), and no tag is ever shown as text.
_SEPARATOR = '<span class="gx-sep" style="display:none"> · </span>'
# longhand properties only: JupyterLab's sanitizer allows padding-left but not padding
_CELL = "padding-top:.2em;padding-bottom:.2em;padding-left:.5em;padding-right:.5em;"


def _row(cells: str, *, head: bool = False) -> str:
    return f'<div class="gx-row{" gx-head" if head else ""}" style="display:contents">{cells}</div>'


def _grid(css_class: str, columns: list[str], rows: list[str], *, align: str = "stretch") -> str:
    return (f'<div class="{css_class}" style="display:grid;grid-template-columns:{" ".join(columns)};'
            f'align-items:{align}">{"".join(rows)}</div>')


def kwic_html(hits: "pd.DataFrame") -> str:
    """Keyword-in-context lines: left context right-aligned, the match highlighted, provenance beside.

    Made of tags every notebook sanitizer keeps (no table, ``<mark>`` or ``<p>``): a grid in a trusted notebook
    and in the built pages; one line per hit (``发展**灵芝**产业 · 三.4 · rural · p070``) where styles are stripped.

    Examples
    --------
    >>> import pandas as pd
    >>> row = dict(term="灵芝", hits=1, left="发展", match="灵芝", right="产业", section="三.4", theme="rural",
    ...            paragraph_id="p070")
    >>> page = kwic_html(pd.DataFrame([row]))
    >>> '<strong class="gx-hit"' in page, "<mark" in page, "<table" in page
    (True, False, False)
    """
    head = _SEPARATOR.join(f'<strong style="{_CELL}{align}">{label}</strong>' for label, align in [
        ("left", "text-align:right"), ("term", "text-align:center"), ("right", ""), ("section", ""), ("theme", ""),
        ("paragraph", "")])
    rows = [_row(head, head=True)]
    for hit in hits.itertuples():
        section = hit.section if isinstance(hit.section, str) else "–"
        hit_style = "padding-left:.1em;padding-right:.1em;background-color:#ffe08a;text-align:center"
        context = (f'<span class="gx-left" style="{_CELL}text-align:right;white-space:nowrap">{html.escape(hit.left)}'
                   f'</span><strong class="gx-hit" style="{hit_style};white-space:nowrap">{html.escape(hit.match)}'
                   f'</strong><span class="gx-right" style="{_CELL}white-space:nowrap">{html.escape(hit.right)}</span>')
        where = _SEPARATOR.join(f'<span style="{_CELL}">{html.escape(str(value))}</span>'
                                for value in (section, hit.theme, hit.paragraph_id))
        rows.append(_row(context + _SEPARATOR + where))
    return _grid("gx-kwic", ["max-content"] * 6, rows, align="baseline")


def kwic_counts(hits: "pd.DataFrame") -> str:
    """A Markdown line: how often each term occurs (from :func:`kwic_table`).

    >>> import pandas as pd
    >>> kwic_counts(pd.DataFrame({"term": ["灵芝", "林果"], "hits": [3, 1]}))
    '“灵芝” occurs **3** times, “林果” **1** time.'
    """
    counts = hits.drop_duplicates("term")[["term", "hits"]].values.tolist()
    if not counts:
        return "None of the terms occurs."
    parts = [f"“{t}” **{n}** {'time' if n == 1 else 'times'}" for t, n in counts]
    parts[0] = parts[0].replace("**", "occurs **", 1)
    return ", ".join(parts) + "."


class KwicView:
    """A keyword-in-context section of a page: the note on what it shows (Markdown), then the lines (HTML).

    Made by :func:`kwic_view`; a notebook cell ending with it shows the two outputs.

    Attributes
    ----------
    hits : DataFrame
        The :func:`~guanxian_analysis.kwic_table` it shows.
    note : str
        :func:`~guanxian_analysis.findings.kwic_note` of ``hits``.
    html : str
        :func:`kwic_html` of the hits shown (``shown > 0``).
    """

    def __init__(self, hits: "pd.DataFrame"):
        from .findings import kwic_note

        self.hits = hits
        self.note = kwic_note(hits)
        self.html = kwic_html(hits[hits.shown > 0])

    def __repr__(self) -> str:
        return f"<KwicView {self.note!r}>"

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, Markdown, display

        display(Markdown(self.note))
        display(HTML(self.html))


def kwic_view(hits: "pd.DataFrame") -> KwicView:
    """Show a :func:`~guanxian_analysis.kwic_table`: its note (which uses are shown, the counting rule), then its lines.

    Examples
    --------
    >>> import pandas as pd
    >>> hits = pd.DataFrame([dict(term="灵芝", hits=1, shown=1, left="发展", match="灵芝", right="产业", section="三.4",
    ...                           theme="rural", paragraph_id="p070")])
    >>> view = kwic_view(hits)
    >>> view.note, view.html.count('class="gx-hit"')
    ('Uses counted as whole words, glossary (名词解释) left out: “灵芝” its 1 use.', 1)
    """
    return KwicView(hits)


def indicator_display(indicators: "pd.DataFrame") -> "pd.DataFrame":
    """A readable view of an indicator table: the figure as written, what it measures, when, and its source.

    Returns
    -------
    DataFrame
        ``figure, metric, kind, period, status, section, source`` where ``figure``
        is value, unit and qualifier as the report writes them (``6%左右``) and
        ``source`` is the sentence (cut at 70 characters) with its id.

    Examples
    --------
    >>> import pandas as pd
    >>> row = dict(value=6.0, unit="%", qualifier="左右", metric="生产总值", kind="growth_rate", period="2022",
    ...            status="target", section="三.1", sentence="生产总值增长6%左右。", sentence_id="s0100", start=0)
    >>> indicator_display(pd.DataFrame([row])).iloc[0].tolist()
    ['6%左右', '生产总值', 'growth_rate', '2022', 'target', '三.1', '生产总值增长6%左右。 [s0100]']
    """
    import pandas as pd

    view = pd.DataFrame({
        "figure": (indicators["figure"].to_numpy() if "figure" in indicators  # direction and measure kept (#10.2)
                   else [format_value(v, u, q) for v, u, q in zip(indicators.value, indicators.unit, indicators.qualifier)]),
        "metric": indicators.metric.fillna("").to_numpy(),
        "kind": indicators.kind.to_numpy(),
        "period": indicators.period.fillna("–").to_numpy(),
        "status": indicators.status.to_numpy(),
        "section": indicators.section.fillna("–").to_numpy(),
        "source": [f"{shorten(s)} [{i}]" for s, i in zip(indicators.sentence, indicators.sentence_id)],
    })
    return view


def _cell_text(value) -> str:
    import pandas as pd

    if not isinstance(value, (list, tuple, dict)) and pd.isna(value):
        return "–"
    if isinstance(value, float):  # pandas' precision, without trailing zeros (12.5, not 12.500)
        return f"{value:.{pd.get_option('display.precision')}f}".rstrip("0").rstrip(".")
    return str(value)


def scroll_table(table: "pd.DataFrame", *, height: int = 420, index: bool = False) -> str:
    """HTML of ``table`` in a box that scrolls both ways, so a long or wide table does not swamp the page.

    Made of tags every notebook sanitizer keeps (see :func:`kwic_html`): a grid with a sticky header row and
    the last column wide enough to read; one line per row, cells joined by `` · ``, where styles are stripped.

    >>> import pandas as pd
    >>> page = scroll_table(pd.DataFrame({"a": [1], "b": [None], "c": [12.5]}))
    >>> page.startswith('<div class="gx-scroll"'), "<table" in page, ">–</span>" in page, ">12.5</span>" in page
    (True, False, True, True)
    """
    frame = table.reset_index() if index else table
    head_style = f"{_CELL}position:sticky;top:0;z-index:1;background-color:#f1ece4;text-align:left"
    rows = [_row(_SEPARATOR.join(f'<strong style="{head_style}">{html.escape(str(c))}</strong>'
                                 for c in frame.columns), head=True)]
    last = len(frame.columns) - 1
    for n, values in enumerate(frame.itertuples(index=False)):
        shade = "background-color:#f8f8f8;" if n % 2 == 0 else ""
        rows.append(_row(_SEPARATOR.join(
            f'<span style="{_CELL}{shade}{"" if i == last else "white-space:nowrap"}">{html.escape(_cell_text(v))}</span>'
            for i, v in enumerate(values))))
    columns = ["max-content"] * last + ["minmax(22em, 1fr)"] if last >= 0 else []
    return (f'<div class="gx-scroll" style="max-height:{height}px;overflow-x:auto;overflow-y:auto;'
            f'border-width:1px;border-style:solid;border-color:#e6e6e6">{_grid("gx-table", columns, rows)}</div>')


def phrase_display(phrases: "pd.DataFrame") -> "pd.DataFrame":
    """The numbered slogans for reading: phrase, uses, first section, theme and the glossary definition (cut).

    >>> phrase_display(ga.numbered_phrases(report)).columns.tolist()    # doctest: +SKIP
    ['phrase', 'uses', 'section', 'theme', 'definition']
    """
    import pandas as pd

    return pd.DataFrame({
        "phrase": phrases.phrase.to_numpy(),
        "uses": phrases["count"].to_numpy(),
        "section": phrases.section.fillna("–").to_numpy(),
        "theme": phrases.theme.fillna("–").to_numpy(),
        "definition": [shorten(d, 90) if isinstance(d, str) else "–" for d in phrases.definition],
    })


def chart(plot, data, *, width: float = 9.0, height: float = 5.0, row_height: float | None = None,
          empty: str = "", **kwargs):
    """Draw ``plot(data, ax=...)`` on a new figure sized for the data, or say there is nothing to draw.

    Parameters
    ----------
    plot : callable
        A plot helper taking ``data`` and ``ax`` (e.g. :func:`~guanxian_analysis.plot_ranks`).
    data : DataFrame
        Its rows; an empty table draws nothing (and returns ``empty`` as Markdown when given).
    width, height : float
        Figure size in inches; with ``row_height`` the height is ``row_height * rows + 1.6``.
    **kwargs
        Passed to ``plot``.

    Returns
    -------
    IPython.display.Markdown or None
        ``None`` when a figure was drawn (the notebook shows it), so the cell prints nothing else.

    Examples
    --------
    >>> import pandas as pd
    >>> no_ranks = pd.DataFrame(columns=["metric", "scope", "rank", "rank_text"])
    >>> chart(ga.plot_ranks, no_ranks) is None, chart(ga.plot_ranks, no_ranks, empty="_No ranks._").data
    (True, '_No ranks._')
    """
    import matplotlib.pyplot as plt
    from IPython.display import Markdown

    if len(data) == 0:
        return Markdown(empty) if empty else None
    size = (width, row_height * len(data) + 1.6 if row_height else height)
    fig, ax = plt.subplots(figsize=size)
    plot(data, ax=ax, **kwargs)
    return None


def audit_summary(audit: "pd.DataFrame") -> "pd.DataFrame":
    """Number mentions by status and reason: ``mentions`` and share, indicators first.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"status": ["indicator", "excluded", "excluded"], "reason": [None, "year", "year"]})
    >>> audit_summary(a)["mentions"].tolist()
    [1, 2]
    """
    table = audit.assign(reason=audit.reason.fillna("–")).groupby(["status", "reason"]).size().rename("mentions")
    table = table.reset_index()
    table["order"] = (table.status != "indicator").astype(int)
    table = table.sort_values(["order", "mentions", "reason"], ascending=[True, False, True], kind="mergesort")
    table["share"] = [format_share(m / len(audit)) for m in table.mentions]
    return table.drop(columns="order").set_index("reason")[["status", "mentions", "share"]]


#: a table longer than this is shown sortable, searchable and paged (:func:`explore_table`); shorter ones stay plain
EXPLORE_MIN_ROWS = 15
_explored: dict[str, int] = {"tables": 0}  # tables shown in this kernel: numbers their ids (deterministic per run)


def explore_table(table: "pd.DataFrame", *, caption: str | None = None, index: bool = False,
                  page_length: int = EXPLORE_MIN_ROWS):
    """Show a long table sortable, searchable and paged (itables/DataTables, offline); a short one as plain HTML.

    A table of more than ``EXPLORE_MIN_ROWS`` rows gets itables' interactive view
    with DataTables bundled in the page (``connected=False``: no network request,
    works from ``file://`` and in JupyterLab once the notebook is trusted). The
    first such table in a kernel also sends the DataTables bundle; the page shows
    ``page_length`` rows (15 by default) before paging, every row is kept
    (no down-sampling) and the ids are numbered, so a rebuild writes the same bytes.

    Parameters
    ----------
    table : DataFrame
    caption : str, optional
        Shown under the table.
    index : bool
        Show the index as a column.
    page_length : int
        Rows a page shows at first (the reader can pick 15, 30, 60 or all).

    Returns
    -------
    IPython.display.HTML

    Examples
    --------
    >>> import pandas as pd
    >>> "<table" in explore_table(pd.DataFrame({"a": [1, 2]})).data        # a short table stays plain
    True
    >>> "DataTable" in explore_table(pd.DataFrame({"a": range(40)})).data   # doctest: +SKIP
    True
    """
    import hashlib

    from IPython.display import HTML

    if len(table) <= EXPLORE_MIN_ROWS:
        return HTML(table.to_html(index=index, border=0, classes="dataframe gx-table", na_rep="–", escape=True))
    from IPython.display import display
    from itables import options, to_html_datatable
    from itables.javascript import generate_init_offline_itables_html

    if _explored["tables"] == 0:  # the DataTables bundle, once per kernel (its output must stay in the notebook);
        # only the bundle: itables' dark-mode helper that init_notebook_mode also sends fails in JupyterLab when
        # it runs before the bundle has loaded
        display(HTML(generate_init_offline_itables_html(options.dt_bundle)))
    _explored["tables"] += 1
    digest = hashlib.sha1(table.to_csv(index=index).encode("utf-8")).hexdigest()[:8]
    view = table if index else table.reset_index(drop=True)
    return HTML(to_html_datatable(
        view, caption=caption, connected=False, table_id=f"gx-table-{_explored['tables']}-{digest}",
        showIndex=index, pageLength=page_length, lengthMenu=[page_length, 2 * page_length, 4 * page_length, -1],
        maxBytes=0, maxColumns=0, classes="display compact dataframe gx-explore", autoWidth=False,
        text_in_header_can_be_selected=False,  # a tap on a column's name sorts by it
    ))
