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

#: English glosses of the Chinese terms the notebooks quote (simplified script)
GLOSSES = {
    "生产总值": "gross domestic product, GDP",
    "地区生产总值": "gross regional product",
    "一般公共预算收入": "general public budget revenue",
    "规模以上工业增加值": "value added of industry above designated size",
    "固定资产投资": "fixed-asset investment",
    "社会消费品零售总额": "retail sales of consumer goods",
    "城乡居民人均可支配收入": "per-capita disposable income, urban and rural",
    "居民人均可支配收入": "per-capita disposable income",
    "城镇居民人均可支配收入": "urban per-capita disposable income",
    "农村居民人均可支配收入": "rural per-capita disposable income",
    "实际使用外资": "foreign capital actually used",
    "进出口总额": "total imports and exports",
    "城镇新增就业": "new urban jobs",
    "城镇调查失业率": "surveyed urban unemployment rate",
    "高标准农田": "high-standard farmland",
    "钢板加工": "steel-plate processing",
    "纺织服装": "textiles and garments",
    "轴承": "bearings",
    "纸制品": "paper products",
    "装备制造": "equipment manufacturing",
    "专精特新": "specialised, refined, distinctive and innovative (SME label)",
    "数字经济": "digital economy",
    "招商引资": "attracting investment",
    "重点项目": "key projects",
    "营商环境": "business environment",
    "金融": "finance",
    "科技创新": "science and technology innovation",
    "高新技术企业": "high-tech enterprises",
    "灵芝": "lingzhi (reishi) mushroom",
    "林果": "orchards and forest fruit",
    "乡村振兴": "rural revitalisation",
    "人居环境": "living environment",
    "集体经济": "village collective economy",
    "脱贫攻坚": "the battle against poverty",
    "巩固拓展脱贫攻坚成果": "consolidating the gains of poverty alleviation",
    "防返贫": "preventing a return to poverty",
    "优良天数": "days of good or excellent air quality",
    "河湖长制": "river and lake chief system",
    "污水": "sewage",
    "污水处理": "sewage treatment",
    "土壤": "soil",
    "啄木鸟智慧监管平台": "'Woodpecker' smart supervision platform",
    "碳达峰": "carbon peaking",
    "碳中和": "carbon neutrality",
    "教育": "education",
    "医疗": "medical care",
    "健康": "health",
    "就业": "employment",
    "社会保障": "social security",
    "养老": "elderly care",
    "安全生产": "work safety",
    "平安": "public safety",
    "城市更新": "urban renewal",
    "棚户区改造": "shanty-town redevelopment",
    "放管服": "streamline administration, delegate power, improve services",
    "政府工作报告": "government work report",
}

_PERCENT_LIKE = {"%", "个百分点"}
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
    >>> gloss("冠县")
    '“冠县”'
    """
    english = english or GLOSSES.get(term)
    return f"“{term}” ({english})" if english else f"“{term}”"


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
