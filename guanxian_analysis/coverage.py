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
from .themes import THEME_NAMES_ZH

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report


def check_theme(theme) -> str:
    """``theme`` if it names one of the report's themes; else a ``TypeError`` or ``ValueError`` that lists them.

    Every function here that takes a theme checks it, so a misspelt or Chinese name fails loudly instead of
    selecting nothing.

    Examples
    --------
    >>> check_theme("rural")
    'rural'
    >>> check_theme("学校")
    Traceback (most recent call last):
    ValueError: no theme '学校': the themes are economy (经济), rural (乡村), environment (环境), livelihoods (民生), urban (城市), governance (政府). To select by a word, use terms=['学校'] (theme_indicators) or kwic_table.
    >>> check_theme(["economy"])
    Traceback (most recent call last):
    TypeError: theme must be one theme name (a string such as 'economy'), got list
    """
    if not isinstance(theme, str):
        raise TypeError(f"theme must be one theme name (a string such as 'economy'), got {type(theme).__name__}")
    if theme not in THEMES:
        listing = ", ".join(f"{t} ({THEME_NAMES_ZH[t]})" for t in THEMES)
        raise ValueError(f"no theme {theme!r}: the themes are {listing}. To select by a word, use "
                         f"terms=[{theme!r}] (theme_indicators) or kwic_table.")
    return theme


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
    check_theme(theme)
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
    mine = body[(body.theme == check_theme(theme)) & body.section.notna()].assign(characters=lambda d: d.end - d.start)
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
    return body[body.theme == check_theme(theme)], body[body.theme != theme]


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


def kwic_table(report: "Report", terms, *, window: int = 16, per_term: int | None = 6, match: str = "token",
               glossary: bool = False, fallback_theme: str | None = None) -> "pd.DataFrame":
    """Keyword-in-context hits for one term or several, at most ``per_term`` each, with where each hit sits.

    Hits are found by :func:`~guanxian_analysis.kwic` with the counting rule it shares with
    :func:`~guanxian_analysis.term_frequencies` (``match``, ``glossary``; module ``terms``), so ``hits``
    is the count a frequency table with the same rule gives. A term with no hit is not dropped: it
    gets one row with ``hits == 0`` and empty context, so a page can say so.

    Parameters
    ----------
    report : Report
    terms : str or list of str
        One term (a string is one term, never its characters) or several.
    window : int
        Characters of context on each side.
    per_term : int or None
        Rows shown per term (the first uses in text order); ``None`` shows every use.
    match : {"token", "substring"}
        Whole tokens (default) or every occurrence of the characters (啄木鸟 inside 啄木鸟智慧监管平台).
    glossary : bool
        Count the glossary (名词解释) too; left out by default.
    fallback_theme : str or None
        When none of ``terms`` occurs (a notebook's Guanxian terms run on another report), show
        instead the report's own most frequent terms of this theme, as many as ``terms`` (at least
        3), ranked by :func:`~guanxian_analysis.term_frequencies` ``by="theme"`` under the same rule.
        ``attrs["fallback"]`` then records ``theme`` and the ``asked`` terms, for
        :func:`~guanxian_analysis.findings.kwic_note`. ``None`` (default): no fallback.

    Returns
    -------
    DataFrame
        ``term, hits, shown, inside, left, match, right, section, theme, paragraph_id``: ``hits`` is the
        term's total count under the rule, ``shown`` how many of its uses the table lists, ``inside``
        (whole words only) how many more times its characters occur inside longer words (棚户区 in
        棚户区改造项目), so a page never says "no use" of a term the text holds; rows in
        term order, then text order. ``attrs`` records the rule: ``match``, ``glossary``, ``per_term``,
        and ``fallback`` (``None``, or the theme and the terms asked for when they were replaced).

    Raises
    ------
    TypeError
        ``terms`` is not a string or a list of strings.

    Examples
    --------
    >>> k = kwic_table(load_report(), ["轴承", "啄木鸟"], per_term=2)
    >>> k[["term", "hits", "shown", "match"]].values.tolist()
    [['轴承', 7, 2, '轴承'], ['轴承', 7, 2, '轴承'], ['啄木鸟', 0, 0, '']]
    >>> kwic_table(load_report(), "啄木鸟", match="substring")[["hits", "match"]].values.tolist()
    [[2, '啄木鸟'], [2, '啄木鸟']]
    >>> k = kwic_table(load_report(), ["不存在的词"], per_term=1, fallback_theme="economy")
    >>> k.attrs["fallback"]["asked"], k.term.drop_duplicates().tolist() == k.attrs["fallback"]["terms"]
    (['不存在的词'], True)
    """
    import pandas as pd

    from . import kwic
    from .terms.counting import _as_terms, _check_match

    terms = _as_terms(terms, "terms")
    _check_match(match)
    if fallback_theme is not None:
        check_theme(fallback_theme)
    if per_term is not None and (not isinstance(per_term, int) or per_term < 1):
        raise ValueError(f"per_term must be a positive int or None, got {per_term!r}")
    columns = ["term", "hits", "shown", "inside", "left", "match", "right", "section", "theme", "paragraph_id"]
    frames = []
    for term in terms:
        hits = kwic(report, term, window=window, match=match, glossary=glossary)
        shown = hits if per_term is None else hits.head(per_term)
        inside = 0 if match == "substring" else len(kwic(report, term, window=0, match="substring",
                                                         glossary=glossary)) - len(hits)
        if len(shown):
            frames.append(shown.assign(term=term, hits=len(hits), shown=len(shown), inside=inside)[columns])
        else:
            frames.append(pd.DataFrame([{"term": term, "hits": 0, "shown": 0, "inside": inside, "left": "", "match": "",
                                         "right": "",
                                         "section": None, "theme": None, "paragraph_id": None}], columns=columns))
    table = pd.concat(frames, ignore_index=True)[columns]
    table.attrs.update(match=match, glossary=glossary, per_term=per_term, fallback=None)
    if fallback_theme is not None and not (table.hits > 0).any():
        from .terms import term_frequencies

        freqs = term_frequencies(report, by="theme", match=match, glossary=glossary)
        own = freqs[freqs.theme == fallback_theme].sort_values("rank", kind="mergesort")
        own_terms = own.term.head(max(len(terms), 3)).tolist()
        if own_terms:
            table = kwic_table(report, own_terms, window=window, per_term=per_term, match=match, glossary=glossary)
            table.attrs["fallback"] = {"theme": fallback_theme, "asked": list(terms), "terms": own_terms}
    return table


def theme_sentences(report: "Report", theme: str) -> "pd.DataFrame":
    """The body sentences of a theme (for :func:`~guanxian_analysis.cooccurrence`).

    >>> set(theme_sentences(load_report(), "rural").theme)
    {'rural'}
    """
    s = report.sentences
    return s[(s.theme == check_theme(theme)) & (s.part != "glossary")]


def theme_indicators(indicators: "pd.DataFrame", theme: str | None = None,
                     terms: str | Sequence[str] | None = None) -> "pd.DataFrame":
    """Indicators of one theme (or whose metric names any of ``terms``), in text order.

    With ``terms``, a figure is listed when it is ABOUT them: its own metric names a term (a sentence
    that only mentions 项目 next to a housing or income figure does not file that figure under
    projects), and an outcome or target the scoreboard pairs with a listed figure comes along (the 2021
    实际使用外资 outcome beside its 2022 target).

    Parameters
    ----------
    indicators : DataFrame
        The indicator table, ``ga.indicators(report)``.
    theme : str, optional
        One of the themes (``economy``, ``rural``, ``environment``, ``livelihoods``, ``urban``,
        ``governance``); another name raises ``ValueError`` listing them.
    terms : str or list of str, optional
        Keep the indicators whose metric contains any of them (substrings), with their scoreboard partners.

    Raises
    ------
    TypeError
        ``indicators`` is not an indicator table, ``theme`` is not a string, ``terms`` not a string or list of strings.
    ValueError
        ``theme`` is not one of the themes.

    Examples
    --------
    >>> ind = ga.indicators(report)
    >>> theme_indicators(ind, "environment").metric.head(2).tolist()
    ['PM2.5', 'PM10']
    >>> theme_indicators(ind, terms="学校").value.tolist()          # a word, not a theme: terms=
    [135.0, 97.0]
    """
    import pandas as pd

    if not isinstance(indicators, pd.DataFrame) or not {"theme", "sentence", "metric", "start"} <= set(indicators):
        raise TypeError("indicators must be the indicator table (ga.indicators(report)), got "
                        f"{type(indicators).__name__}")
    rows = indicators
    if theme is not None:
        rows = rows[rows.theme == check_theme(theme)]
    if terms is not None:
        from .terms.counting import _as_terms

        pattern = "|".join(re.escape(t) for t in _as_terms(terms, "terms"))
        about = rows.metric.fillna("").str.contains(pattern, regex=True)
        if "indicator_id" in rows and about.any():
            from .pairing import scoreboard

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
