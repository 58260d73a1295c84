"""Coverage tables: how the report's text spreads over themes, parts and segments (DataFrames; no Markdown, HTML or files).

Exported from the package root (``ga.theme_share``, ``ga.theme_by_segment``, ``ga.theme_sections``,
``ga.structure_table``, ``ga.kwic_table`` …). ``part_labels`` names the report's parts from its own segments
and periods (三 2022 in Guanxian's, 二 2019 in Hailar's).

>>> import guanxian_analysis as ga
>>> ga.theme_share(ga.load_report()).theme.iloc[0]          # the theme that takes most of the text
'economy'
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .themes import THEME_NAMES_EN as THEMES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report


def _body(report: "Report") -> "pd.DataFrame":
    p = report.paragraphs
    return p[p.part != "glossary"]


def theme_share(report: "Report") -> "pd.DataFrame":
    """How much of the report each theme takes (glossary excluded).

    Returns
    -------
    DataFrame
        ``theme, label, paragraphs, sentences, characters, share`` (share of the
        body's characters), largest first, ties by theme.

    Examples
    --------
    >>> t = theme_share(load_report())
    >>> t.theme.iloc[0], round(float(t.share.sum()), 6)
    ('economy', 1.0)
    """
    import pandas as pd

    body = _body(report).assign(characters=lambda d: d.end - d.start)
    sentences = report.sentences[report.sentences.part != "glossary"]
    table = (
        body.groupby("theme").agg(paragraphs=("paragraph_id", "size"), characters=("characters", "sum"))
        .join(sentences.groupby("theme").size().rename("sentences"))
        .reindex(list(THEMES)).fillna(0).astype(int).reset_index()
    )
    table["label"] = table.theme.map(THEMES)
    table["share"] = table.characters / table.characters.sum()
    table = table.sort_values(["characters", "theme"], ascending=[False, True], kind="mergesort")
    return pd.DataFrame(table[["theme", "label", "paragraphs", "sentences", "characters", "share"]]).reset_index(drop=True)


def theme_by_segment(report: "Report", theme: str) -> "pd.DataFrame":
    """Where a theme sits: its characters in each segment of the report, and the segment's share it takes.

    Returns
    -------
    DataFrame
        ``segment, period, paragraphs, characters, segment_characters, share_of_segment,
        share_of_theme`` in report order; segments the theme does not reach have zeros.

    Examples
    --------
    >>> s = theme_by_segment(load_report(), "economy")
    >>> s.sort_values("share_of_theme").segment.iloc[-1]   # most of the economy text is in the year-ahead plan
    'year_ahead'
    """
    body = _body(report).assign(characters=lambda d: d.end - d.start)
    order = list(dict.fromkeys(body.segment))
    seg = body.groupby("segment", sort=False).agg(period=("period", "first"), segment_characters=("characters", "sum"))
    mine = body[body.theme == theme].groupby("segment").agg(
        paragraphs=("paragraph_id", "size"), characters=("characters", "sum"))
    table = seg.join(mine).reindex(order)
    table[["paragraphs", "characters"]] = table[["paragraphs", "characters"]].fillna(0).astype(int)
    table["share_of_segment"] = table.characters / table.segment_characters
    total = table.characters.sum()
    table["share_of_theme"] = table.characters / total if total else 0.0
    table = table.reset_index()
    return table[["segment", "period", "paragraphs", "characters", "segment_characters", "share_of_segment",
                  "share_of_theme"]]


def theme_sections(report: "Report", theme: str) -> "pd.DataFrame":
    """The numbered sections a theme's paragraphs fall in: ``section, section_title, paragraphs, characters``.

    Examples
    --------
    >>> theme_sections(load_report(), "environment").section.tolist()
    ['二.3', '三.6']
    """
    body = _body(report)
    mine = body[(body.theme == theme) & body.section.notna()].assign(characters=lambda d: d.end - d.start)
    return (mine.groupby(["section", "section_title"], sort=False)
            .agg(paragraphs=("paragraph_id", "size"), characters=("characters", "sum")).reset_index())


def theme_and_rest(report: "Report", theme: str) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """The theme's paragraphs and all other body paragraphs, for :func:`~guanxian_analysis.distinctive_terms`.

    Examples
    --------
    >>> mine, rest = theme_and_rest(load_report(), "rural")
    >>> set(mine.theme), "rural" in set(rest.theme), len(mine) > 5
    ({'rural'}, False, True)
    """
    body = _body(report)
    return body[body.theme == theme], body[body.theme != theme]


def structure_table(report: "Report") -> "pd.DataFrame":
    """The report's parts and segments in order: ``part, title, segment, period, paragraphs, characters, share``.

    Examples
    --------
    >>> structure_table(load_report()).segment.tolist()[:3]
    ['opening', 'review_five_years', 'review_last_year']
    """
    parts = report.parts.copy()
    parts["characters"] = parts.end - parts.start
    parts["share"] = parts.characters / parts.characters.sum()
    parts = parts.rename(columns={"n_paragraphs": "paragraphs"}) if "n_paragraphs" in parts else parts
    columns = [c for c in ["part", "title", "segment", "period", "paragraphs", "characters", "share"] if c in parts]
    return parts[columns].reset_index(drop=True)


def kwic_table(report: "Report", terms: Sequence[str], *, window: int = 16, per_term: int = 6) -> "pd.DataFrame":
    """Keyword-in-context hits for several terms, at most ``per_term`` each, with where each hit sits.

    Returns
    -------
    DataFrame
        ``term, hits, left, match, right, section, theme, paragraph_id``: ``hits`` is the
        term's total count; rows in term order, then text order.

    Examples
    --------
    >>> k = kwic_table(load_report(), ["轴承"], per_term=2)
    >>> k[["term", "match"]].values.tolist()
    [['轴承', '轴承'], ['轴承', '轴承']]
    """
    import pandas as pd

    from . import kwic

    frames = []
    for term in terms:
        hits = kwic(report, term, window=window)
        frames.append(hits.head(per_term).assign(term=term, hits=len(hits)))
    columns = ["term", "hits", "left", "match", "right", "section", "theme", "paragraph_id"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def theme_sentences(report: "Report", theme: str) -> "pd.DataFrame":
    """The body sentences of a theme (for :func:`~guanxian_analysis.cooccurrence`).

    >>> set(theme_sentences(load_report(), "rural").theme)
    {'rural'}
    """
    s = report.sentences
    return s[(s.theme == theme) & (s.part != "glossary")]


def theme_indicators(indicators: "pd.DataFrame", theme: str | None = None,
                     terms: Sequence[str] | None = None) -> "pd.DataFrame":
    """Indicators of one theme (or whose metric names any of ``terms``), in text order.

    With ``terms``, a figure is listed when it is ABOUT them: its own metric names a term (a sentence
    that only mentions 项目 next to a housing or income figure does not file that figure under
    projects), and an outcome or target the scoreboard pairs with a listed figure comes along (the 2021
    实际使用外资 outcome beside its 2022 target).

    Examples
    --------
    >>> ind = ga.indicators(report)                                    # doctest: +SKIP
    >>> theme_indicators(ind, "environment").metric.head(2).tolist()   # doctest: +SKIP
    ['PM2.5', 'PM10']
    """
    rows = indicators
    if theme is not None:
        rows = rows[rows.theme == theme]
    if terms:
        pattern = "|".join(re.escape(t) for t in terms)
        about = rows.metric.fillna("").str.contains(pattern, regex=True)
        if "indicator_id" in rows and about.any():
            from .indicator_extraction import scoreboard

            board = scoreboard(rows)
            chosen = set(rows.indicator_id[about])
            partners = {o for o, t in zip(board.outcome_id, board.target_id) if t in chosen} | \
                       {t for o, t in zip(board.outcome_id, board.target_id) if o in chosen}
            about = about | rows.indicator_id.isin(partners)
        rows = rows[about]
    return rows.sort_values("start", kind="mergesort")


#: short Chinese names of the segments a part label is made of (``year_ahead`` shows its period instead)
SEGMENT_SHORT_NAMES = {"opening": "开场", "review_five_years": "回顾", "review_last_year": "回顾",
                       "review_summary": "回顾", "plan_five_years": "五年", "self_building": "自身建设",
                       "closing": "结束语", "glossary": "名词解释"}
_UNNUMBERED_PARTS = ("opening", "glossary")


def part_labels(data) -> dict[str, str]:
    """Chart labels of the report's parts, built from the report's own segments and periods.

    A numbered part is named by its first segment: ``一 回顾`` (a review), ``二 五年`` (a
    five-year plan), ``三 2022`` (the year ahead, by its period), ``四 自身建设``; the opening
    and the glossary by their segment alone. A table without segments keeps the part names.

    Parameters
    ----------
    data : Report or DataFrame
        A report, or a table with ``part`` (and ``segment``, ``period``) columns such as
        ``report.paragraphs`` or ``report.parts``.

    Examples
    --------
    >>> import pandas as pd
    >>> hailar = pd.DataFrame({"part": ["opening", "一", "一", "二", "三"], "period": [None, "2018", None, "2019", None],
    ...     "segment": ["opening", "review_last_year", "review_summary", "year_ahead", "self_building"]})
    >>> part_labels(hailar)
    {'opening': '开场', '一': '一 回顾', '二': '二 2019', '三': '三 自身建设'}
    """
    table = getattr(data, "parts", data)
    if "segment" not in table:
        return {p: str(p) for p in dict.fromkeys(table["part"])}
    labels: dict[str, str] = {}
    for row in table.itertuples():
        if row.part in labels:
            continue
        period = getattr(row, "period", None)
        if row.segment == "year_ahead" and isinstance(period, str) and period:
            short = period
        else:
            short = SEGMENT_SHORT_NAMES.get(row.segment, row.segment)
        labels[row.part] = short if row.part in _UNNUMBERED_PARTS else f"{row.part} {short}"
    return labels
