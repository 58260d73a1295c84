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


def kwic_html(hits: "pd.DataFrame") -> str:
    """An HTML table of KWIC hits: left context right-aligned, the match highlighted, provenance beside.

    Examples
    --------
    >>> import pandas as pd
    >>> row = dict(term="灵芝", hits=1, left="发展", match="灵芝", right="产业", section="三.4", theme="rural",
    ...            paragraph_id="p070")
    >>> "<mark" in kwic_html(pd.DataFrame([row]))
    True
    """
    rows = []
    for hit in hits.itertuples():
        section = hit.section if isinstance(hit.section, str) else "–"
        rows.append(
            f'<tr><td style="text-align:right;white-space:nowrap">{html.escape(hit.left)}</td>'
            f'<td style="text-align:center;white-space:nowrap"><mark class="gx-hit">{html.escape(hit.match)}</mark></td>'
            f'<td style="text-align:left;white-space:nowrap">{html.escape(hit.right)}</td>'
            f'<td>{html.escape(section)}</td><td>{html.escape(str(hit.theme))}</td>'
            f'<td>{html.escape(str(hit.paragraph_id))}</td></tr>'
        )
    head = ("<thead><tr><th>left</th><th>term</th><th>right</th><th>section</th><th>theme</th><th>paragraph</th>"
            "</tr></thead>")
    return f'<table class="gx-kwic">{head}<tbody>{"".join(rows)}</tbody></table>'


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


def scroll_table(table: "pd.DataFrame", *, height: int = 420, index: bool = False) -> str:
    """HTML of ``table`` in a box that scrolls both ways, so a long or wide table does not swamp the page.

    >>> import pandas as pd
    >>> scroll_table(pd.DataFrame({"a": [1]})).startswith('<div class="gx-scroll"')
    True
    """
    body = table.to_html(index=index, border=0, classes="dataframe gx-table", na_rep="–", escape=True)
    return (f'<div class="gx-scroll" style="max-height:{height}px;overflow:auto;border:1px solid #e6e6e6">'
            f"{body}</div>")


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
