"""Findings on promises and money: Markdown sentences rendered from the commitment and fiscal tables.

Every figure comes from the tables given (:func:`~guanxian_analysis.commitments`,
:func:`~guanxian_analysis.commitment_summary`, :func:`~guanxian_analysis.named_deliverables`,
:func:`~guanxian_analysis.fiscal_picture`); no sentence names a place, so the same words fit any
report. No tables computed, no HTML, no files.

>>> import pandas as pd
>>> fiscal_facts(pd.DataFrame({"derived": [False]}))
'The report states **1 fiscal figure**; nothing is derived from it: no derivation has all its inputs stated for one period.'
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .findings import format_share, plural
from .promise_display import figure_as_written
from .themes import THEME_NAMES_EN

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["commitment_facts", "commitment_lines", "honour_lines", "deliverable_facts", "tracking_sheet_note",
           "fiscal_facts", "derived_lines"]

#: the verb that asks for an honour outright: 争创 (strive to win)
BID_VERB = "争创"


def _filled(column: "pd.Series") -> "pd.Series":
    return column.fillna("").astype(str).str.len() > 0


def commitment_facts(commitments: "pd.DataFrame") -> str:
    """A Markdown paragraph: how many commitments, how many checkable, and what makes them so.

    Parameters
    ----------
    commitments : DataFrame
        The table from :func:`~guanxian_analysis.commitments`.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"verb_class": ["start", "improve", "bid_honour"], "checkable": [True, False, True],
    ...                   "quantity": ["2750套", "", ""], "deadline": ["", "", ""], "deliverables": ["", "", "示范县"]})
    >>> print(commitment_facts(t))  # doctest: +NORMALIZE_WHITESPACE
    The plan for the year ahead holds **3 commitments**, a clause each that commits the government to an action.
    **2** of them (**67%**) can be checked at the year's end: 1 states a quantity, 0 a deadline, 1 names a
    deliverable and 1 bids for an honour (one commitment may do several). The other 1 gives no checkable end.
    """
    n = len(commitments)
    if n == 0:
        return "_The report has no year-ahead part in which to find commitments, or it holds none._"
    checkable = int(commitments["checkable"].sum())
    quantity = int(_filled(commitments["quantity"]).sum())
    deadline = int(_filled(commitments["deadline"]).sum())
    named = int(_filled(commitments["deliverables"]).sum())
    bids = int((commitments["verb_class"] == "bid_honour").sum())
    return (f"The plan for the year ahead holds **{plural(n, 'commitment')}**, a clause each that commits the "
            f"government to an action. **{checkable}** of them (**{format_share(checkable / n)}**) can be checked at "
            f"the year's end: {quantity} {'states' if quantity == 1 else 'state'} a quantity, {deadline} a deadline, "
            f"{named} {'names' if named == 1 else 'name'} a deliverable and {bids} "
            f"{'bids' if bids == 1 else 'bid'} for an honour (one commitment may do several). "
            f"The other {n - checkable} {'gives' if n - checkable == 1 else 'give'} no checkable end.")


def commitment_lines(summary: "pd.DataFrame") -> str:
    """A Markdown list from a :func:`~guanxian_analysis.commitment_summary` table grouped by one column.

    Verb classes are named with their typical verbs, themes in English; a lead line names the grouping.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"verb_class": ["improve", "start"], "commitments": [225, 6], "checkable": [13, 5],
    ...                   "checkable_share": [0.058, 0.833]})
    >>> print(commitment_lines(s))
    By verb class:
    <BLANKLINE>
    - **推进/加强 improve (no end)**: 225 commitments, 13 checkable (5.8%)
    - **开工/启动 start**: 6 commitments, 5 checkable (83%)
    """
    from .commitment_extraction import VERB_CLASS_LABELS

    if summary.empty:
        return "_No commitment._"
    group = [c for c in summary.columns if c not in ("commitments", "checkable", "checkable_share")][0]
    names = {"verb_class": VERB_CLASS_LABELS, "theme": THEME_NAMES_EN}.get(group, {})
    return f"By {group.replace('_', ' ')}:\n\n" + "\n".join(
        f"- **{names.get(key, key)}**: {plural(int(row.commitments), 'commitment')}, {int(row.checkable)} checkable "
        f"({format_share(row.checkable / row.commitments)})"
        for key, row in zip(summary[group], summary.itertuples()))


def honour_lines(commitments: "pd.DataFrame") -> str:
    """A Markdown paragraph and list: the honours, titles and approvals the report bids for (verb class ``bid_honour``).

    The bids made with “争创” (strive to win) are counted apart; each bid shows its verb, what is bid for
    and its section.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"verb_class": ["bid_honour", "bid_honour", "improve"], "verb": ["争创", "申报", "推进"],
    ...     "object": ["国家级森林康养城市", "一批科研平台", "工作"], "deliverables": ["国家级森林康养城市", "科研平台", ""],
    ...     "section": ["三.1", "三.3", "三.1"], "theme": ["economy", "economy", "economy"]})
    >>> print(honour_lines(t))
    **2 commitments** bid for an honour, a title or an approval that a higher level grants; **1** of them with “争创” (strive to win): 国家级森林康养城市.
    <BLANKLINE>
    - “争创” **国家级森林康养城市** (三.1, Economy)
    - “申报” **科研平台** (三.3, Economy)
    """
    bids = commitments[commitments["verb_class"] == "bid_honour"]
    if bids.empty:
        return "_The plan for the year ahead bids for no honour, title or approval._"
    named = [d if isinstance(d, str) and d else o for d, o in zip(bids["deliverables"], bids["object"])]
    strive = [name for name, verb in zip(named, bids["verb"]) if verb == BID_VERB]
    head = (f"**{plural(len(bids), 'commitment')}** {'bids' if len(bids) == 1 else 'bid'} for an honour, a title or "
            f"an approval that a higher level grants")
    if strive:
        head += f"; **{len(strive)}** of them with “{BID_VERB}” (strive to win): " + ", ".join(strive)
    lines = [f"- “{verb}” **{name.replace('; ', '、')}** ({section}, {THEME_NAMES_EN.get(theme, theme)})"
             for verb, name, section, theme in zip(bids["verb"], named, bids["section"].fillna("–"), bids["theme"])]
    return head + ".\n\n" + "\n".join(lines)


def deliverable_facts(deliverables: "pd.DataFrame", commitments: "pd.DataFrame") -> str:
    """A Markdown line: how many named deliverables, in how many commitments, and where most of them are.

    Parameters
    ----------
    deliverables : DataFrame
        :func:`~guanxian_analysis.named_deliverables` of ``commitments``.
    commitments : DataFrame
        The table from :func:`~guanxian_analysis.commitments`.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"deliverable": ["档案馆", "新党校", "西环路"], "section": ["三.5", "三.5", "三.5"],
    ...                   "theme": ["urban"] * 3, "commitment_id": ["c1", "c1", "c2"]})
    >>> deliverable_facts(d, pd.DataFrame({"deliverables": ["档案馆; 新党校", "西环路", ""]}))
    '**2 commitments** name **3 deliverables** (projects, sites, programmes or titles by name); Urban development has the most (3), and section 三.5 holds 3.'
    """
    if deliverables.empty:
        return "_No commitment names a project, site, programme or title._"
    n_commitments = int(_filled(commitments["deliverables"]).sum())
    themes = deliverables["theme"].value_counts(sort=False).sort_values(ascending=False, kind="mergesort")
    sections = deliverables["section"].fillna("–").value_counts(sort=False).sort_values(ascending=False,
                                                                                         kind="mergesort")
    return (f"**{plural(n_commitments, 'commitment')}** {'names' if n_commitments == 1 else 'name'} **{plural(len(deliverables), 'deliverable')}** "
            f"(projects, sites, programmes or titles by name); {THEME_NAMES_EN.get(themes.index[0], themes.index[0])} "
            f"has the most ({int(themes.iloc[0])}), and section {sections.index[0]} holds {int(sections.iloc[0])}.")


def tracking_sheet_note(written: Iterable[Path], commitments: "pd.DataFrame") -> str:
    """A Markdown paragraph linking the tracking sheet (relative to the HTML page in ``reports/``).

    Examples
    --------
    >>> import pandas as pd
    >>> note = tracking_sheet_note([Path("x/commitments-tracking.csv"), Path("x/commitments-tracking.xlsx")],
    ...                            pd.DataFrame({"checkable": [True, False]}))
    >>> note.splitlines()[0]
    'The tracking sheet lists all **2 commitments**, 1 of them checkable, with the source sentence in full and two empty columns for an analyst to fill in during the year: `status` (a drop-down: done, partly, not done, unclear) and `evidence`.'
    >>> note.splitlines()[2]
    '- [commitments-tracking.csv](data/commitments-tracking.csv): CSV, UTF-8 with BOM (Excel opens it in the right encoding)'
    """
    from .tracking_sheet import STATUS_CHOICES

    kinds = {".xlsx": "Excel workbook with the drop-down, a frozen header and filters",
             ".csv": "CSV, UTF-8 with BOM (Excel opens it in the right encoding)"}
    links = [f"- [{p.name}](data/{p.name}): {kinds.get(p.suffix, p.suffix)}" for p in map(Path, written)]
    return (f"The tracking sheet lists all **{plural(len(commitments), 'commitment')}**, "
            f"{int(commitments['checkable'].sum())} of them checkable, with the source sentence in full and two empty "
            f"columns for an analyst to fill in during the year: `status` (a drop-down: {', '.join(STATUS_CHOICES)}) "
            f"and `evidence`.\n\n" + "\n".join(links))


def fiscal_facts(fiscal: "pd.DataFrame") -> str:
    """A Markdown line: how many fiscal figures the report states and how many are derived here.

    Examples
    --------
    >>> import pandas as pd
    >>> fiscal_facts(pd.DataFrame({"derived": [False, False, True]}))
    'The report states **2 fiscal figures**; **1 more** follows from them. A derived figure is computed here, not stated in the report: it is marked “derived”, written with 约 (about) and given with its formula.'
    """
    if fiscal.empty:
        return "_The report states no fiscal figure (revenue, spending, transfers, bonds, deficit or debt)._"
    derived = int(fiscal["derived"].astype(bool).sum())
    stated = len(fiscal) - derived
    text = f"The report states **{plural(stated, 'fiscal figure')}**"
    if not derived:
        return text + (f"; nothing is derived from {'it' if stated == 1 else 'them'}: no derivation has all its "
                       "inputs stated for one period.")
    return (text + f"; **{derived} more** {'follows' if derived == 1 else 'follow'} from them. A derived figure is "
            "computed here, not stated in the report: it is marked “derived”, written with 约 (about) and given with "
            "its formula.")


def derived_lines(fiscal: "pd.DataFrame") -> str:
    """A Markdown list: each derived fiscal figure, its formula and the one sentence that explains it.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame([dict(label="tax revenue (implied)", value=9.46, unit="亿元", qualifier="约", derived=True,
    ...     formula="12.6亿元 × 75.1% = 9.5亿元", explanation="Taxes make up 75.1% of the 12.6亿元 of budget revenue.")])
    >>> print(derived_lines(f))
    - *约9.5亿元*, tax revenue (implied), **derived** (12.6亿元 × 75.1% = 9.5亿元): Taxes make up 75.1% of the 12.6亿元 of budget revenue.
    """
    from .fiscal import explain_derived

    rows = fiscal[fiscal["derived"].astype(bool)] if len(fiscal) else fiscal
    if rows.empty:
        return "_No figure is derived: the report does not state all the inputs any derivation needs._"
    return "\n".join(f"- *{figure_as_written(row)}*, {row.label}, **derived** ({row.formula}): {explanation}"
                     for row, explanation in zip(rows.itertuples(), explain_derived(rows)))
