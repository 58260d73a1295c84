"""Reading views of the commitment and fiscal tables: figures as written, labels in words (no analysis, no files).

The views feed :func:`~guanxian_analysis.display.scroll_table`; the tables they read come from
:func:`~guanxian_analysis.named_deliverables` and :func:`~guanxian_analysis.fiscal_picture`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .findings import format_value, shorten
from .themes import THEME_NAMES_EN

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["deliverable_display", "fiscal_display", "figure_as_written"]


def figure_as_written(row) -> str:
    """A fiscal figure for reading: a stated one as the report writes it, a derived one with 约 and one decimal.

    Examples
    --------
    >>> from types import SimpleNamespace as Row
    >>> figure_as_written(Row(value=12.6, unit="亿元", qualifier="", derived=False))
    '12.6亿元'
    >>> figure_as_written(Row(value=29.0, unit="%", qualifier="约", derived=True))
    '约29.0%'
    """
    qualifier = row.qualifier if isinstance(row.qualifier, str) and row.qualifier else None
    if row.derived:
        return f"约{row.value:.1f}{row.unit}"
    return format_value(row.value, row.unit, qualifier)


def deliverable_display(deliverables: "pd.DataFrame") -> "pd.DataFrame":
    """:func:`~guanxian_analysis.named_deliverables` for reading: verb classes and themes in words.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"deliverable": ["档案馆"], "verb": ["建成投用"], "verb_class": ["build_complete"],
    ...     "theme": ["urban"], "section": ["三.5"], "commitment_id": ["c199"], "mentions": [1]})
    >>> deliverable_display(d).iloc[0].tolist()
    ['档案馆', '建成投用', '建设/完成 build, complete', 'Urban development', '三.5', 'c199']
    """
    import pandas as pd

    from .commitment_extraction import VERB_CLASS_LABELS

    return pd.DataFrame({
        "deliverable": deliverables["deliverable"].to_numpy(),
        "verb": deliverables["verb"].to_numpy(),
        "verb class": [VERB_CLASS_LABELS.get(c, c) for c in deliverables["verb_class"]],
        "theme": [THEME_NAMES_EN.get(t, t) for t in deliverables["theme"]],
        "section": deliverables["section"].fillna("–").to_numpy(),
        "commitment": deliverables["commitment_id"].to_numpy(),
    })


def fiscal_display(fiscal: "pd.DataFrame") -> "pd.DataFrame":
    """A :func:`~guanxian_analysis.fiscal_picture` table for reading; a derived figure never reads as stated.

    Returns
    -------
    DataFrame
        ``figure, what, period, basis, source or formula``: the figure as written (a derived
        one as ``约43.4亿元``), its label, the period (with “target” or “expected”), ``stated`` or
        ``derived``, and the source sentence (cut, with its id) or, for a derived figure, its
        formula and the sentences its inputs come from.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame([
    ...     dict(label="livelihood spending", value=35.3, unit="亿元", qualifier="", period="2021", status="actual",
    ...          derived=False, formula="", sentence="完成民生支出35.3亿元。", sentence_id="s0111"),
    ...     dict(label="general public budget spending (implied)", value=43.4, unit="亿元", qualifier="约",
    ...          period="2021", status="actual", derived=True, formula="35.3亿元 ÷ 81.3% = 43.4亿元", sentence="",
    ...          sentence_id="s0111")])
    >>> fiscal_display(f).values.tolist()[1]
    ['约43.4亿元', 'general public budget spending (implied)', '2021', 'derived', '35.3亿元 ÷ 81.3% = 43.4亿元 (from s0111)']
    """
    import pandas as pd

    columns = ["figure", "what", "period", "basis", "source or formula"]
    rows = []
    for row in fiscal.itertuples():
        period = row.period if isinstance(row.period, str) and row.period else "–"
        period += {"target": " (target)", "estimate": " (expected)"}.get(row.status, "")
        if row.derived:
            rows.append([figure_as_written(row), row.label, period, "derived",
                         f"{row.formula} (from {row.sentence_id})"])
        else:
            rows.append([figure_as_written(row), row.label, period, "stated",
                         f"{shorten(str(row.sentence), 44)} [{row.sentence_id}]"])
    return pd.DataFrame(rows, columns=columns)
