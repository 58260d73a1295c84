"""Sentences that state facts about a report's text and tables.

Its parts, sections, glossary, themes and counts (every count computed here, none typed).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..coverage import _body, theme_by_segment, theme_sections, theme_share
from ..figures import figure_of_row
from ..themes import THEME_NAMES_EN as THEMES
from .wording import format_share, gloss, ordinal, plural, segment_label

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..report import Report


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
        lines.append(f"- {gloss(r.metric)}: **{figure_of_row(r)}**, {period}{status}")
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
