"""Findings: Markdown sentences and formatted figures rendered from the data (no tables computed, no HTML, no files).

>>> format_value(6.0, "%", "左右")
'6%左右'
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import paths
from .figures import figure_text
from .coverage import _body, theme_by_segment, theme_sections, theme_share
from .themes import THEME_NAMES_EN as THEMES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report


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
    >>> gloss("“三资”清理工作"), gloss("省级“专精特新”企业")     # quotes inside a quote turn single
    ('“‘三资’清理工作”', '“省级‘专精特新’企业”')
    """
    english = english or glosses().get(term)
    whole = (term.startswith(("“", "‘", "《")) and term.endswith(("”", "’", "》"))
             and not any(q in term[1:-1] for q in "“”"))
    quoted = term if whole else "“" + term.replace("“", "‘").replace("”", "’") + "”"
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


def format_value(value: float, unit: str | None = None, qualifier: str | None = None) -> str:
    """A figure as the report writes it: number, unit, qualifier (``6%左右``, ``7.5万亩``, ``3800万美元以上``).

    A thin name for :func:`~guanxian_analysis.figures.figure_text` without direction or measure; pass
    those (or use the indicator table's ``figure`` column) wherever a change or a rank move is shown.

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
    return figure_text(value, unit, qualifier)


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
        shown = getattr(r, "outcome_figure", None)  # the indicators' display: a fall keeps its sign
        if isinstance(shown, str) and shown and outcome != "–":
            outcome = shown.removeprefix("预计")
        shown = getattr(r, "target_figure", None)
        if isinstance(shown, str) and shown and target != "–":
            target = shown
        what = {"growth_rate": ", growth", "change_pp": ", change", "share": ", share"}.get(r.kind, "")
        status = " (“预计”, expected)" if expected else ""
        line = f"- {gloss(r.metric)}{what}: "
        if outcome != "–":
            line += f"**{outcome}**{status} in {r.outcome_period} → "
        line += f"**{target}** targeted for {r.target_period}" if target != "–" else "no target"
        change = getattr(r, "change", None)
        if outcome != "–" and target != "–" and change is not None and not (isinstance(change, float) and math.isnan(change)):
            # scoreboard() gives the change in the target's unit (1.25亿元 → 5500万元: −7000 万元)
            unit = ("point" if abs(change) == 1 else "points") if r.target_unit in _PERCENT_LIKE else (r.target_unit or "")
            line += f" ({'+' if change > 0 else '−' if change < 0 else '±'}{abs(change):g} {unit})".replace(" )", ")")
        lines.append(line)
    return "\n".join(lines) if lines else "_No metric of this theme has both an outcome and a target._"


#: what a rank claim is, in English (ranks()' ``claim``); a tier or "among the top" is never first place
CLAIM_WORDS = {"position": "", "tier": "a tier, not a place", "move": "a move, not a place",
               "first_to_do": "first to do it", "only": "the only one", "most": "the most", "leading": "leading",
               "among_top": "among the top, no place given"}


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
        kind = getattr(r, "claim", None)
        what = CLAIM_WORDS.get(kind, "") if isinstance(kind, str) else ""
        what = f"{what}; " if what else ""
        ranked = getattr(r, "ranked", None)
        of = f", ranking {ranked.split(': ', 1)[1]}" if isinstance(ranked, str) and ": " in ranked else ""
        if kind == "move" and of:
            what, of = f"{ranked.split(': ', 1)[1]}; ", ""
        lines.append(f"- {gloss(r.metric)}: {claim} ({what}{scopes.get(r.scope, r.scope)}{period}{of})")
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
        placed = claims["claim"].eq("position") if "claim" in claims else claims["rank"].notna()
        first = int((placed & claims["rank"].eq(1)).sum())
        lines.append(f"- **Ranks.** {plural(len(claims), 'rank claim')}: {plural(int(placed.sum()), 'named place')}, "
                     f"{first} of them first place; the other {len(claims) - int(placed.sum())} claim a tier, "
                     f"a move or a standing without a place (among the top, first to do, the only, the most).")
    return "\n".join(lines)


def _figure_of(r) -> str:
    """The display of one indicator row (its ``figure`` column, or built the same way)."""
    shown = getattr(r, "figure", None)
    if isinstance(shown, str) and shown:
        return shown
    return figure_text(r.value, r.unit, r.qualifier, kind=getattr(r, "kind", None),
                       direction=getattr(r, "direction", None), measure=getattr(r, "measure", None))


def indicator_lines(indicators: "pd.DataFrame", *, limit: int = 12) -> str:
    """A Markdown list of indicators: figure as written, metric (glossed when known), period, status.

    Examples
    --------
    >>> import pandas as pd
    >>> row = dict(value=21.4, unit="%", qualifier=None, metric="PM2.5", kind="growth_rate", direction="improve",
    ...            period="2021", status="actual", start=0)
    >>> print(indicator_lines(pd.DataFrame([row])))
    - “PM2.5”: **improved 21.4%**, 2021
    """
    lines = []
    for r in indicators.head(limit).itertuples():
        status = "" if r.status == "actual" else f" ({r.status})"
        period = r.period if isinstance(r.period, str) else "–"
        lines.append(f"- {gloss(r.metric)}: **{_figure_of(r)}**, {period}{status}")
    if len(indicators) > limit:
        lines.append(f"- … and {len(indicators) - limit} more in the table below.")
    return "\n".join(lines) if lines else "_No figure found._"


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
             f"{plural(n_sentences, 'sentence')}, in {plural(numbered_parts(report), 'numbered part')} "
             f"with {plural(len(report.sections), 'numbered section')}")
    if len(report.glossary):
        text += f", followed by a glossary of {plural(len(report.glossary), 'term')}"
    return text + f". It reviews {meta.get('review_year')} and plans {meta.get('year')}."


def counting_rule(match: str = "token", glossary: bool = False) -> str:
    """The counting rule of a count or KWIC table in words, for the page (terms.py's ``match``/``glossary``).

    >>> counting_rule()
    'counted as whole words, glossary (名词解释) left out'
    >>> counting_rule("substring", True)
    'counted wherever the characters occur (inside longer words too), glossary included'
    """
    words = "as whole words" if match == "token" else "wherever the characters occur (inside longer words too)"
    return f"counted {words}, " + ("glossary included" if glossary else "glossary (名词解释) left out")


def terms_note(report: "Report", *, stopwords=("generic", "boilerplate", "place"), match: str = "token",
               glossary: bool = False) -> str:
    """A Markdown line for a page's term counts, clouds and networks: the counting rule, the stopword layers
    removed (the place layer with the report's own place names) and the compounds kept whole.

    >>> print(terms_note(load_report()))                                  # doctest: +ELLIPSIS
    Words are counted as whole words, glossary (名词解释) left out. Stopword layers removed: generic Chinese stopwords (stopwordsiso); government boilerplate, hedges, report furniture and units; the report's own place names (“冠县”, “全县”, “我县”, “本县”). Kept whole: ... compounds of the report's own (its glossary terms and the indicator table's metric names, such as “一般公共预算收入”) besides the package's dictionary.
    """
    from .terms import report_vocabulary
    from .tokenizer import STOPWORD_LAYER_NAMES, stopword_layers

    words, places = report_vocabulary(report)
    layers = []
    for layer in stopword_layers(stopwords):
        name = STOPWORD_LAYER_NAMES[layer]
        if layer == "place":
            name += f" ({', '.join(f'“{p}”' for p in places)})" if places else " (none: the report names no place)"
        layers.append(name)
    text = f"Words are {counting_rule(match, glossary)}. Stopword layers removed: " + ("; ".join(layers) or "none") + "."
    # only the compounds written in the text as they are can be kept whole: a glossary term read without its
    # quotes (专精特新企业, written “专精特新”企业) or a metric name put together (县级重点项目总投资) cannot
    written = " ".join(report.paragraphs.text)
    words = [w for w in words if w in written]
    if words:
        example = "一般公共预算收入" if "一般公共预算收入" in words else words[0]
        text += (f" Kept whole: {len(words)} compounds of the report's own (its glossary terms and the indicator "
                 f"table's metric names, such as “{example}”) besides the package's dictionary.")
    return text


def kwic_note(hits: "pd.DataFrame") -> str:
    """A Markdown line for a :func:`~guanxian_analysis.kwic_table`: how many of each term's uses the table
    shows (every use, or the first N of M), terms with no use, and the counting rule. When the table is a
    fallback (``kwic_table(..., fallback_theme=...)``: none of the terms asked for occurs), a first sentence
    names them and says the report's own most frequent terms of the theme are shown instead.

    >>> import pandas as pd
    >>> hits = pd.DataFrame({"term": ["灵芝", "灵芝", "林果", "粮食"], "hits": [8, 8, 1, 0], "shown": [2, 2, 1, 0]})
    >>> hits.attrs.update(match="token", glossary=False)
    >>> kwic_note(hits)
    'Uses counted as whole words, glossary (名词解释) left out: “灵芝” first 2 of 8 uses shown; “林果” its 1 use; “粮食” no use.'
    >>> kwic_note(hits.assign(inside=[0, 0, 0, 1]))[-52:]
    '“粮食” no use as a whole word (1 inside longer words).'
    >>> hits.attrs["fallback"] = {"theme": "rural", "asked": ["钢板加工", "纺织服装"], "terms": ["灵芝", "林果", "粮食"]}
    >>> kwic_note(hits).split(" Uses")[0]
    'None of “钢板加工”, “纺织服装” occurs in this report; shown instead: the terms most frequent in its rural paragraphs.'
    """
    parts = []
    first = hits.drop_duplicates("term")
    inside = first["inside"] if "inside" in first else [0] * len(first)
    for term, n, shown, more in zip(first.term, first.hits, first.shown, inside):
        if n == 0:
            part = f"“{term}” no use" + (" as a whole word" if more else "")
        elif shown >= n:
            part = f"“{term}” its {n} use" if n == 1 else f"“{term}” all {n} uses"
        else:
            part = f"“{term}” first {shown} of {n} uses shown"
        if more:  # the characters inside longer words (棚户区 in 棚户区改造项目): never "no use" of a term the text holds
            part += f" ({more}{'' if n == 0 else ' more'} inside longer words)"
        parts.append(part)
    rule = counting_rule(hits.attrs.get("match", "token"), hits.attrs.get("glossary", False))
    note = f"Uses {rule}: " + "; ".join(parts) + "."
    fallback = hits.attrs.get("fallback")
    if fallback:
        asked = ", ".join(f"“{t}”" for t in fallback["asked"])
        note = (f"None of {asked} occurs in this report; shown instead: the terms most frequent in its {fallback['theme']} "
                f"paragraphs. " + note)
    return note


def numbered_parts(report: "Report") -> int:
    """How many numbered parts (一、二、三、…) the report has: every part of ``report.parts`` but the opening
    and the glossary, whether or not it has numbered sections (the Guanxian report's 一 has none).

    >>> numbered_parts(load_report())
    4
    """
    return int(report.parts.loc[~report.parts.part.isin(["opening", "glossary"]), "part"].nunique())


def glossary_facts(report: "Report", phrases: "pd.DataFrame") -> str:
    """A Markdown line on the glossary and the numbered slogans (from :func:`~guanxian_analysis.numbered_phrases`).

    >>> glossary_facts(report, ga.numbered_phrases(report))[:22]        # doctest: +SKIP
    'The glossary defines **'
    """
    defined = int(phrases.in_glossary.sum()) if "in_glossary" in phrases else 0
    if len(report.glossary):
        text = (f"The glossary defines **{plural(len(report.glossary), 'term')}**. The body uses "
                f"**{plural(len(phrases), 'numbered slogan')}**, {defined} of them defined in the glossary")
    else:
        text = f"The report has no glossary. Its body uses **{plural(len(phrases), 'numbered slogan')}**"
    if not len(phrases):
        return text + "."
    most = int(phrases["count"].max())
    if most == 1:
        return text + "; each is used once."
    top = phrases[phrases["count"] == most].sort_values("first_start", kind="mergesort")
    named = ", ".join(f"“{p}”" for p in top.phrase.head(6))
    more = f" and {len(top) - 6} more" if len(top) > 6 else ""
    each = "each " if len(top) > 1 else ""
    rest = phrases[phrases["count"] < most]
    others = "once" if rest["count"].eq(1).all() else "less often"
    return text + (f"; the most repeated, {each}used {plural(most, 'time')}: {named}{more}"
                   + (f"; the other {len(rest)} {others}." if len(rest) else "."))


def theme_share_lines(shares: "pd.DataFrame") -> str:
    """A Markdown list of the themes by share of the text (from :func:`theme_share`).

    >>> import pandas as pd
    >>> print(theme_share_lines(pd.DataFrame({"label": ["Economy"], "paragraphs": [24], "share": [0.32]})))
    - **Economy**: 32% of the text, 24 paragraphs
    """
    return "\n".join(f"- **{r.label}**: {format_share(r.share)} of the text, {plural(int(r.paragraphs), 'paragraph')}"
                     for r in shares.itertuples())


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


def indicator_count(indicators: "pd.DataFrame") -> str:
    """A Markdown line counting indicators and, of them, targets.

    >>> import pandas as pd
    >>> indicator_count(pd.DataFrame({"status": ["actual", "target", "target"]}))
    '**3** indicators, 2 of them targets.'
    """
    return f"**{len(indicators)}** indicators, {int((indicators.status == 'target').sum())} of them targets."


#: headline outcomes beyond the cross-place table's common metrics (foreign trade is reported beside GDP)
_HEADLINE_EXTRA = r"^(?:进出口|外贸进出口|进出口总额|外贸进出口总额)$"
#: a last-year growth rate this many times GDP's (and this many points above it) is flagged as unusual
_UNUSUAL_RATIO, _UNUSUAL_POINTS = 1.5, 5.0


def _points(x: float) -> str:
    return f"{abs(x):g} point" + ("" if abs(x) == 1 else "s")


def _clause_of(sentence: str, figure_value: float) -> str:
    """The clause of ``sentence`` that states ``figure_value`` (for quoting it as written)."""
    import re

    number = f"{figure_value:g}"
    for clause in re.split(r"[，；。、]", sentence):
        if re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", clause):
            return clause
    return shorten(sentence)


def target_findings(indicators: "pd.DataFrame", board: "pd.DataFrame", targets: "pd.DataFrame") -> str:
    """Findings that interpret the year-ahead targets, every number rendered from the tables.

    Three findings, each left out when the tables give it no ground: how far each growth target sits
    below (or above) last year's outcome, with any last-year growth rate far above GDP's flagged and
    quoted; which headline outcomes of last year get no target this year; which binding targets the
    report only refers to without a figure.

    Parameters
    ----------
    indicators, board : DataFrame
        :func:`~guanxian_analysis.indicators` and :func:`~guanxian_analysis.scoreboard` of a report.
    targets : DataFrame
        :func:`~guanxian_analysis.main_targets` of the same report.

    Returns
    -------
    str
        A Markdown list (empty when nothing can be said).

    Examples
    --------
    >>> r = ga.load_report()                                           # doctest: +SKIP
    >>> print(target_findings(ga.indicators(r), ga.scoreboard(r), ga.main_targets(r)).splitlines()[0][:40])  # doctest: +SKIP
    - **Targets below last year.** All 5
    """
    import re

    from .main_target_extraction import common_metric

    lines = []
    years = sorted(p for p in board.target_period.dropna().unique() if "-" not in p) if len(board) else []
    if not years:
        return ""
    year = years[-1]
    last = str(int(year) - 1)
    growth = board[(board.target_period == year) & (board.kind == "growth_rate") & board.change.notna()
                   & board.target_unit.eq("%")]
    if len(growth):
        below = growth[growth.change < 0]
        parts = [f"{gloss(r.metric)} {format_value(r.target_value, r.target_unit, r.target_qualifier)} after "
                 f"{'an estimated ' if r.outcome_status == 'estimate' else ''}"
                 f"{format_value(r.outcome_value, r.outcome_unit)} (−{_points(r.change)})" for r in below.itertuples()]
        if len(below):
            widest = below.loc[below.change.idxmin()]
            share = "All" if len(below) == len(growth) else f"{len(below)} of"
            lines.append(f"- **Targets below last year.** {share} {plural(len(growth), 'growth target')} set for "
                         f"{year} {'sit' if len(below) > 1 else 'sits'} below the {last} outcome: " + "; ".join(parts)
                         + f". The widest gap is {gloss(widest.metric)} ({_points(widest.change)}): the report "
                         f"plans a slower year than the one it reports.")
        above = growth[growth.change > 0]
        if len(above):
            lines.append("- **Targets above last year.** " + "; ".join(
                f"{gloss(r.metric)} {format_value(r.target_value, r.target_unit, r.target_qualifier)} after "
                f"{format_value(r.outcome_value, r.outcome_unit)} (+{_points(r.change)})" for r in above.itertuples()) + ".")
    outcomes = indicators[(indicators.period == last) & (indicators.status != "target")
                          & (indicators.kind == "growth_rate") & indicators.unit.eq("%")]
    gdp = outcomes[[common_metric(m, k) == "GDP growth" for m, k in zip(outcomes.metric, outcomes.kind)]]
    if len(gdp):
        g = gdp.iloc[0]
        unusual = outcomes[(outcomes.value >= _UNUSUAL_RATIO * g.value) & (outcomes.value - g.value >= _UNUSUAL_POINTS)
                           & outcomes.direction.eq("up")
                           & outcomes.metric.map(lambda m: common_metric(m, "growth_rate") == "income growth")]
        for r in unusual.itertuples():
            lines.append(f"- **An unusual outcome.** {gloss(r.metric)} rose {format_value(r.value, r.unit)} in {last}, "
                         f"{r.value / g.value:.1f} times the {format_value(g.value, g.unit)} growth of "
                         f"{gloss(g.metric)}: “{_clause_of(r.sentence, r.value)}”. Incomes rarely outpace output "
                         f"by that much; a figure to check against the statistics bureau's.")
    paired = set(board.outcome_id) if "outcome_id" in board else set()
    headline = outcomes[[(common_metric(m, k) is not None or re.match(_HEADLINE_EXTRA, m or "") is not None)
                         and common_metric(m, k) != "GDP growth" for m, k in zip(outcomes.metric, outcomes.kind)]]
    headline = headline[~headline.indicator_id.isin(paired)] if "indicator_id" in headline else headline
    if len(headline):
        listed = "; ".join(f"{gloss(r.metric)} {r.figure if isinstance(getattr(r, 'figure', None), str) else format_value(r.value, r.unit)}"
                           .replace("预计", "") for r in headline.itertuples())
        lines.append(f"- **Outcomes without a target.** The report gives {last} growth for {listed}, "
                     f"but sets no {year} target for {'them' if len(headline) > 1 else 'it'}.")
    verbal = targets[targets.kind.eq("verbal") & targets.metric.fillna("").str.contains("约束性")] if len(targets) else targets
    for r in verbal.itertuples():
        lines.append(f"- **Binding targets referred to, not stated.** The main targets include “{r.metric}”: the "
                     f"binding (约束性) targets are set from above, and the report gives no figure for them.")
    return "\n".join(lines)
