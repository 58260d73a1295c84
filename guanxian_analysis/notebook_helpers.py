"""Small helpers the notebooks share: theme summaries, formatted figures, display tables, table export.

The notebooks stay thin (a call and a display per cell); anything two of them need lives here.
Functions return DataFrames or Markdown strings built from the data, so a figure quoted in a
notebook's text cannot drift from the table or chart beside it.

Examples
--------
>>> import guanxian_analysis as ga
>>> from guanxian_analysis import notebook_helpers as nh
>>> report = ga.load_report()
>>> nh.theme_share(report).theme.iloc[0]          # the theme that takes most of the text
'economy'
>>> nh.format_value(6.0, "%", "左右")
'6%左右'
"""
from __future__ import annotations

import html
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from . import paths

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report

#: the report's six themes, in the order the notebooks discuss them, with English labels
THEMES = {
    "economy": "Economy",
    "rural": "Rural revitalisation",
    "environment": "Environment",
    "livelihoods": "Livelihoods",
    "urban": "Urban development",
    "governance": "Governance",
}

def glosses() -> dict[str, str]:
    """English glosses of the Chinese terms the notebooks quote (``guanxian_analysis/data/glosses.csv``).

    >>> glosses()["高标准农田"]
    'high-standard farmland'
    """
    return dict(_read_glosses())


@lru_cache(maxsize=1)
def _read_glosses() -> tuple[tuple[str, str], ...]:
    import csv

    with open(paths.GLOSSES, encoding="utf-8", newline="") as handle:
        return tuple((row["term"], row["english"]) for row in csv.DictReader(handle))

_PERCENT_LIKE = {"%", "个百分点"}
#: how the indicator table's ``direction`` reads after a figure
DIRECTIONS = {"up": "increase", "down": "decrease", "improve": "improvement"}
_SENTENCE_CUT = 70


# --------------------------------------------------------------------------- notebook set-up
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


def gloss(term: str, english: str | None = None) -> str:
    """A Chinese term quoted and glossed for English prose.

    Examples
    --------
    >>> gloss("高标准农田")
    '“高标准农田” (high-standard farmland)'
    >>> gloss("四好农村路", "the “four goods” rural roads")
    '“四好农村路” (the “four goods” rural roads)'
    >>> gloss("冠县"), gloss("“三资”")
    ('“冠县”', '“三资”')
    """
    english = english or glosses().get(term)
    quoted = term if term.startswith(("“", "‘", "《")) and term.endswith(("”", "’", "》")) else f"“{term}”"
    return f"{quoted} ({english})" if english else quoted


def report_title(report: "Report") -> str:
    """One line naming the report: place, title, meeting date and speaker.

    Examples
    --------
    >>> report_title(load_report())                                   # doctest: +SKIP
    '冠县 2022年政府工作报告, delivered on 2022-01-20 by 冠县县长 张志刚'
    """
    meta = report.meta
    line = f"{meta.get('place') or ''} {meta.get('title') or ''}".strip()
    if meta.get("meeting_date"):
        line += f", delivered on {meta['meeting_date']}"
    if meta.get("speaker"):
        line += f" by {meta.get('speaker_title') or ''} {meta['speaker']}".replace("  ", " ")
    return line


# --------------------------------------------------------------------------- numbers as written
def format_value(value: float, unit: str | None = None, qualifier: str | None = None) -> str:
    """A figure as the report writes it: number, unit, qualifier (``6%左右``, ``7.5万亩``, ``3800万美元以上``).

    Examples
    --------
    >>> format_value(8.0, "%")
    '8%'
    >>> format_value(7.5, "万亩")
    '7.5万亩'
    >>> format_value(4500, "人", None)
    '4500人'
    >>> format_value(float("nan"))
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:.6g}"
    qualifier = qualifier if isinstance(qualifier, str) else ""
    unit = unit if isinstance(unit, str) else ""
    if unit == "位":
        return f"第{number}位{qualifier}"
    if qualifier in {"约", "超过", "力争", "预计"}:
        return f"{qualifier}{number}{unit}"
    return f"{number}{unit}{qualifier}"


def format_share(share: float) -> str:
    """A share (0–1) as a whole percentage, or one decimal below 10%.

    Examples
    --------
    >>> format_share(0.2838), format_share(0.054)
    ('28%', '5.4%')
    """
    pct = 100 * share
    return f"{pct:.0f}%" if pct >= 10 else f"{pct:.1f}%"


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 paragraph"``, ``"3 paragraphs"``.

    >>> plural(1, "paragraph"), plural(3, "paragraph"), plural(2, "entry", "entries")
    ('1 paragraph', '3 paragraphs', '2 entries')
    """
    return f"{n} {word if n == 1 else (words or word + 's')}"


# --------------------------------------------------------------------------- where a theme sits
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


def theme_overview(report: "Report", theme: str) -> str:
    """A Markdown finding: how much of the report the theme takes and where its text sits.

    Examples
    --------
    >>> print(theme_overview(load_report(), "environment"))           # doctest: +ELLIPSIS
    **Environment** takes **... of ... paragraphs** (**...%** of the text, ... Its numbered sections: 二.3 “坚定不移推进绿色发展”...
    """
    shares = theme_share(report)
    row = shares.set_index("theme").loc[theme]
    rank = shares.theme.tolist().index(theme) + 1
    segments = theme_by_segment(report, theme)
    segments = segments[segments.characters > 0].sort_values("share_of_theme", ascending=False, kind="mergesort")
    where = ", ".join(
        f"{format_share(s.share_of_theme)} in {segment_label(s.segment, s.period)}" for s in segments.head(3).itertuples()
    )
    sections = theme_sections(report, theme)
    named = "; ".join(f"{s.section} “{s.section_title}”" for s in sections.itertuples())
    text = (f"**{THEMES.get(theme, theme)}** takes **{row.paragraphs} of {int(shares.paragraphs.sum())} paragraphs** "
            f"(**{format_share(row.share)}** of the text, {ordinal(rank)} of {len(shares)} themes). "
            f"Of its text, {where}.")
    if named:
        text += f" Its numbered sections: {named}."
    return text


def segment_label(segment: str, period: str | None = None) -> str:
    """An English name for a segment of the report, with its period.

    Examples
    --------
    >>> segment_label("review_last_year", "2021")
    'the review of 2021'
    >>> segment_label("plan_five_years", "2022-2026")
    'the plan for 2022-2026'
    """
    period = period if isinstance(period, str) and period else None
    names = {
        "opening": "the opening", "review_five_years": "the five-year review", "review_last_year": "the review of the year",
        "review_summary": "the review's summing-up", "plan_five_years": "the five-year plan",
        "year_ahead": "the plan for the year ahead", "self_building": "the government's own conduct",
        "closing": "the closing", "glossary": "the glossary",
    }
    if period and segment in {"review_five_years", "review_last_year"}:
        return f"the review of {period}"
    if period and segment in {"plan_five_years", "year_ahead"}:
        return f"the plan for {period}"
    return names.get(segment, segment)


def ordinal(n: int) -> str:
    """>>> [ordinal(i) for i in (1, 2, 3, 4, 11)]
    ['1st', '2nd', '3rd', '4th', '11th']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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


# --------------------------------------------------------------------------- keyword in context
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


# --------------------------------------------------------------------------- exported tables
def save_table(table: "pd.DataFrame", name: str, tables_dir: str | Path | None = None) -> Path:
    """Write ``table`` as ``<tables_dir>/<name>.csv`` (UTF-8 with BOM, byte-identical on a rerun).

    ``tables_dir`` defaults to ``reports/data/``; the build points it elsewhere
    when it builds another report.

    Examples
    --------
    >>> save_table(ga.indicators(report), "indicators")             # doctest: +SKIP
    PosixPath('.../reports/data/indicators.csv')
    """
    from .tables import write_csv

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise ValueError(f"table name {name!r}: use lower-case letters, digits, - and _")
    directory = Path(tables_dir) if tables_dir is not None else paths.REPORTS_DATA_DIR
    return write_csv(table, directory / f"{name}.csv")


def tables_note(written: Iterable[Path]) -> str:
    """A Markdown line linking the CSV files a notebook wrote (relative to the HTML page in ``reports/``).

    >>> tables_note([Path("reports/data/economy-indicators.csv")])
    'Tables written: [economy-indicators.csv](data/economy-indicators.csv).'
    """
    links = ", ".join(f"[{p.name}](data/{p.name})" for p in written)
    return f"Tables written: {links}." if links else "No tables written."


def shorten(text: str, limit: int = _SENTENCE_CUT) -> str:
    """Cut ``text`` to ``limit`` characters with an ellipsis.

    >>> shorten("一二三四五", 3)
    '一二…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- terms
def theme_sentences(report: "Report", theme: str) -> "pd.DataFrame":
    """The body sentences of a theme (for :func:`~guanxian_analysis.cooccurrence`).

    >>> set(theme_sentences(load_report(), "rural").theme)
    {'rural'}
    """
    s = report.sentences
    return s[(s.theme == theme) & (s.part != "glossary")]


def terms_finding(distinct: "pd.DataFrame", *, side: str, n: int = 8, threshold: float = 1.96) -> str:
    """A Markdown finding from a :func:`~guanxian_analysis.distinctive_terms` table: the terms typical of ``side``.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"term": ["企业", "增长", "农村"], "z": [3.1, 2.0, -2.5], "favours": ["economy", "economy", "rest"]})
    >>> terms_finding(d, side="economy", n=5)
    'The words most typical of this theme against the rest of the report (weighted log-odds, z-score in brackets): “企业” (3.1), “增长” (2.0); 2 of them clear z = 1.96.'
    """
    mine = distinct[distinct.favours == side].sort_values("z", ascending=False, kind="mergesort")
    top = mine.head(n)
    listed = ", ".join(f"“{t.term}” ({t.z:.1f})" for t in top.itertuples())
    strong = int((mine.z >= threshold).sum())
    return (f"The words most typical of this theme against the rest of the report (weighted log-odds, z-score in "
            f"brackets): {listed}; {strong} of them clear z = {threshold:g}.")


# --------------------------------------------------------------------------- indicators
def theme_indicators(indicators: "pd.DataFrame", theme: str | None = None,
                     terms: Sequence[str] | None = None) -> "pd.DataFrame":
    """Indicators of one theme (or mentioning any of ``terms`` in their sentence), in text order.

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
        rows = rows[rows.sentence.str.contains(pattern, regex=True) | rows.metric.str.contains(pattern, regex=True)]
    return rows.sort_values("start", kind="mergesort")


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
        "figure": [format_value(v, u, q) for v, u, q in zip(indicators.value, indicators.unit, indicators.qualifier)],
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


def scoreboard_lines(board: "pd.DataFrame", theme: str | None = None) -> str:
    """A Markdown list: each metric's last-year outcome beside its year-ahead target, as the report writes them.

    Examples
    --------
    >>> import pandas as pd
    >>> board = pd.DataFrame([dict(metric="生产总值", theme="economy", kind="growth_rate", outcome_period="2021",
    ...     outcome_value=8.0, outcome_unit="%", outcome_qualifier=None, outcome_status="actual", target_period="2022",
    ...     target_value=6.0, target_unit="%", target_qualifier="左右", change=-2.0)])
    >>> print(scoreboard_lines(board))
    - “生产总值” (gross domestic product, GDP), growth: **8%** in 2021 → **6%左右** targeted for 2022 (−2 points)
    """
    rows = board if theme is None else board[board.theme == theme]
    lines = []
    for r in rows.itertuples():
        expected = r.outcome_qualifier == "预计" or getattr(r, "outcome_status", None) == "estimate"
        qualifier = None if r.outcome_qualifier == "预计" else r.outcome_qualifier
        outcome = format_value(r.outcome_value, r.outcome_unit, qualifier)
        target = format_value(r.target_value, r.target_unit, r.target_qualifier)
        what = {"growth_rate": ", growth", "change_pp": ", change", "share": ", share"}.get(r.kind, "")
        status = " (“预计”, expected)" if expected else ""
        line = f"- {gloss(r.metric)}{what}: "
        if outcome != "–":
            line += f"**{outcome}**{status} in {r.outcome_period} → "
        line += f"**{target}** targeted for {r.target_period}" if target != "–" else "no target"
        change = getattr(r, "change", None)
        if outcome != "–" and target != "–" and change is not None and not (isinstance(change, float) and math.isnan(change)):
            # scoreboard() gives the change in the target's unit (1.25亿元 → 5500万元: −7000 万元)
            unit = "points" if r.target_unit in _PERCENT_LIKE else (r.target_unit or "")
            line += f" ({'+' if change > 0 else '−' if change < 0 else '±'}{abs(change):g} {unit})".replace(" )", ")")
        lines.append(line)
    return "\n".join(lines) if lines else "_No metric of this theme has both an outcome and a target._"


def ranks_lines(ranks: "pd.DataFrame", theme: str | None = None) -> str:
    """A Markdown list of the rank claims (``位居全市第2位``) of a theme.

    >>> import pandas as pd
    >>> r = pd.DataFrame([dict(metric="优良天数", scope="全市", rank=1, rank_text="全市第1位", period="2021", theme="environment")])
    >>> print(ranks_lines(r))
    - “优良天数” (days of good or excellent air quality): 全市第1位 (in the city, 2021)
    """
    scopes = {"全市": "in the city", "全省": "in the province", "全国": "in the country"}
    rows = ranks if theme is None else ranks[ranks.theme == theme]
    lines = []
    for r in rows.itertuples():
        period = f", {r.period}" if isinstance(r.period, str) and r.period else ""
        claim = r.rank_text if str(r.rank_text).startswith(str(r.scope)) else f"{r.scope}{r.rank_text}"
        lines.append(f"- {gloss(r.metric)}: {claim} ({scopes.get(r.scope, r.scope)}{period})")
    return "\n".join(lines) if lines else "_The theme makes no rank claim._"


def theme_findings(report: "Report", theme: str, *, distinct: "pd.DataFrame", indicators: "pd.DataFrame",
                   board: "pd.DataFrame", ranks: "pd.DataFrame", n_terms: int = 5) -> str:
    """The findings of a theme notebook as a Markdown list, every figure computed from the tables given.

    Parameters
    ----------
    report : Report
    theme : str
    distinct : DataFrame
        :func:`~guanxian_analysis.distinctive_terms` of the theme against the rest (``favours == theme``).
    indicators, board, ranks : DataFrame
        :func:`~guanxian_analysis.indicators`, :func:`~guanxian_analysis.scoreboard`,
        :func:`~guanxian_analysis.ranks` of the report.

    Examples
    --------
    >>> text = theme_findings(report, "economy", distinct=ga.distinctive_terms(*theme_and_rest(report, "economy"),
    ...     labels=("economy", "rest")), indicators=ga.indicators(report), board=ga.scoreboard(report),
    ...     ranks=ga.ranks(report))                                    # doctest: +SKIP
    >>> text.splitlines()[0][:20]                                      # doctest: +SKIP
    '- **Space.** Economy'
    """
    shares = theme_share(report)
    row = shares.set_index("theme").loc[theme]
    rank = shares.theme.tolist().index(theme) + 1
    label = THEMES.get(theme, theme)
    segments = theme_by_segment(report, theme)
    planned = segments[segments.segment.isin(["plan_five_years", "year_ahead"])].characters.sum()
    reviewed = segments[segments.segment.isin(["review_five_years", "review_last_year"])].characters.sum()
    lines = [f"- **Space.** {label} is the {ordinal(rank)} largest of {len(shares)} themes: "
             f"{format_share(row.share)} of the text in {plural(int(row.paragraphs), 'paragraph')}; "
             f"{format_share(planned / max(planned + reviewed, 1))} of its review-and-plan text looks ahead."]
    top = distinct[distinct.favours == theme].sort_values("z", ascending=False, kind="mergesort").head(n_terms)
    if len(top):
        lines.append("- **Vocabulary.** Its most distinctive words: " + ", ".join(f"“{t}”" for t in top.term) + ".")
    mine = indicators[indicators.theme == theme]
    by_status = mine.status.value_counts()
    lines.append(f"- **Numbers.** {plural(len(mine), 'indicator')}: "
                 + ", ".join(f"{by_status.get(s, 0)} {s}" for s in ("actual", "estimate", "target")) + ".")
    b = board[board.theme == theme]
    both = b[b.change.notna()] if "change" in b else b.iloc[0:0]
    if len(both):
        lower = int((both.change < 0).sum())
        lines.append(f"- **Targets.** {plural(len(both), 'metric')} pair a last-year outcome with a year-ahead "
                     f"target in the same unit; the target is below the outcome for {lower} of them"
                     f" and above it for {int((both.change > 0).sum())}.")
    claims = ranks[ranks.theme == theme]
    if len(claims):
        first = int((claims["rank"] == 1).sum())
        lines.append(f"- **Ranks.** {plural(len(claims), 'rank claim')}, {first} of them first place.")
    return "\n".join(lines)


def indicator_lines(indicators: "pd.DataFrame", *, limit: int = 12) -> str:
    """A Markdown list of indicators: figure as written, metric (glossed when known), period, status.

    Examples
    --------
    >>> import pandas as pd
    >>> row = dict(value=21.4, unit="%", qualifier=None, metric="PM2.5", kind="growth_rate", direction="improve",
    ...            period="2021", status="actual", start=0)
    >>> print(indicator_lines(pd.DataFrame([row])))
    - “PM2.5”: **21.4%** improvement, 2021
    """
    lines = []
    for r in indicators.head(limit).itertuples():
        direction = DIRECTIONS.get(getattr(r, "direction", None), "")
        direction = f" {direction}" if direction else ""
        status = "" if r.status == "actual" else f" ({r.status})"
        period = r.period if isinstance(r.period, str) else "–"
        lines.append(f"- {gloss(r.metric)}: **{format_value(r.value, r.unit, r.qualifier)}**{direction}, {period}{status}")
    if len(indicators) > limit:
        lines.append(f"- … and {len(indicators) - limit} more in the table below.")
    return "\n".join(lines) if lines else "_No figure found._"


def save_indicator_tables(report: "Report", tables_dir: str | Path | None = None) -> list[Path]:
    """Write the whole report's ``indicators``, ``number_audit``, ``scoreboard`` and ``ranks`` tables as CSV.

    ``indicators.csv`` and ``number_audit.csv`` come from :func:`~guanxian_analysis.indicator_extraction.write_indicator_tables`.

    Examples
    --------
    >>> [p.name for p in save_indicator_tables(report, "/tmp/t")]     # doctest: +SKIP
    ['indicators.csv', 'number_audit.csv', 'scoreboard.csv', 'ranks.csv']
    """
    from .indicator_extraction import ranks as rank_claims
    from .indicator_extraction import scoreboard, write_indicator_tables

    board, ranks = scoreboard(report), rank_claims(report)

    directory = Path(tables_dir) if tables_dir is not None else paths.REPORTS_DATA_DIR
    written = write_indicator_tables(report, out_dir=directory)
    return written + [save_table(board, "scoreboard", directory), save_table(ranks, "ranks", directory)]


# --------------------------------------------------------------------------- the overview
def report_facts(report: "Report") -> str:
    """A Markdown paragraph on the report itself: who delivered it when, its length and its parts.

    Examples
    --------
    >>> print(report_facts(load_report()))                              # doctest: +ELLIPSIS
    **冠县 2022年政府工作报告**, delivered on 2022-01-20 to the 冠县第十八届人民代表大会第一次会议 by 冠县县长 张志刚...
    """
    meta = report.meta
    body = _body(report)
    chars = int((body.end - body.start).sum())
    title = f"{meta.get('place') or ''} {meta.get('title') or ''}".strip()
    text = f"**{title}**"
    if meta.get("meeting_date"):
        text += f", delivered on {meta['meeting_date']}"
    if meta.get("meeting"):
        text += f" to the {meta['meeting']}"
    if meta.get("speaker"):
        text += f" by {meta.get('speaker_title') or ''} {meta['speaker']}".replace("  ", " ")
    n_sentences = int((report.sentences.part != "glossary").sum())
    text += (f". The body runs to **{chars:,} characters** in {plural(len(body), 'paragraph')} and "
             f"{plural(n_sentences, 'sentence')}, in {plural(int(report.sections.part.nunique()), 'numbered part')} "
             f"with {plural(len(report.sections), 'numbered section')}")
    if len(report.glossary):
        text += f", followed by a glossary of {plural(len(report.glossary), 'term')}"
    return text + f". It reviews {meta.get('review_year')} and plans {meta.get('year')}."


def glossary_facts(report: "Report", phrases: "pd.DataFrame") -> str:
    """A Markdown line on the glossary and the numbered slogans (from :func:`~guanxian_analysis.numbered_phrases`).

    >>> glossary_facts(report, ga.numbered_phrases(report))[:22]        # doctest: +SKIP
    'The glossary defines **'
    """
    defined = int(phrases.in_glossary.sum()) if "in_glossary" in phrases else 0
    top = phrases.sort_values(["count", "first_start"], ascending=[False, True], kind="mergesort").head(3)
    most = ", ".join(f"“{p.phrase}” ({p.count}×)" for p in top.itertuples())
    text = (f"The glossary defines **{plural(len(report.glossary), 'term')}**. The body uses "
            f"**{plural(len(phrases), 'numbered slogan')}**, {defined} of them defined in the glossary")
    return text + (f"; the most repeated: {most}." if most else ".")


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


def theme_share_lines(shares: "pd.DataFrame") -> str:
    """A Markdown list of the themes by share of the text (from :func:`theme_share`).

    >>> import pandas as pd
    >>> print(theme_share_lines(pd.DataFrame({"label": ["Economy"], "paragraphs": [24], "share": [0.32]})))
    - **Economy**: 32% of the text, 24 paragraphs
    """
    return "\n".join(f"- **{r.label}**: {format_share(r.share)} of the text, {plural(int(r.paragraphs), 'paragraph')}"
                     for r in shares.itertuples())


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


def audit_facts(audit: "pd.DataFrame") -> str:
    """A Markdown line: how many numbers the text holds and how many are indicators.

    >>> import pandas as pd
    >>> audit_facts(pd.DataFrame({"status": ["indicator", "excluded"], "reason": [None, "year"]}))
    'The text holds **2 number mentions**: **1** are indicators (50%), **1** are excluded with a reason, the commonest being “year” (1).'
    """
    n = len(audit)
    kept = int((audit.status == "indicator").sum())
    excluded = audit[audit.status != "indicator"]
    top = excluded.reason.value_counts()
    common = f", the commonest being “{top.index[0]}” ({int(top.iloc[0])})" if len(top) else ""
    return (f"The text holds **{n} number mentions**: **{kept}** are indicators ({format_share(kept / max(n, 1))}), "
            f"**{len(excluded)}** are excluded with a reason{common}.")


# --------------------------------------------------------------------------- charts
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
