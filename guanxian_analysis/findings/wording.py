"""How figures and Chinese terms read in English prose.

Glosses, values, shares, plurals, ordinals, titles (no sentences about the data, no tables).
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .. import paths
from ..figures import figure_text

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report


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


def _gloss_with(term: str, detail: str) -> str:
    """A term glossed with a detail in the same brackets: ``“优良天数” (days of good air quality; +26天)``.

    >>> _gloss_with("PM2.5", "improved 21.4%"), _gloss_with("PM2.5", "")
    ('“PM2.5” (improved 21.4%)', '“PM2.5”')
    """
    text = gloss(term)
    if not detail:
        return text
    return f"{text[:-1]}; {detail})" if text.endswith(")") else f"{text} ({detail})"


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
    """An English ordinal: 1st, 2nd, 3rd, 11th.

    >>> [ordinal(i) for i in (1, 2, 3, 4, 11)]
    ['1st', '2nd', '3rd', '4th', '11th']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def shorten(text: str, limit: int = _SENTENCE_CUT) -> str:
    """Cut ``text`` to ``limit`` characters with an ellipsis.

    >>> shorten("一二三四五", 3)
    '一二…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _points(x: float) -> str:
    return f"{abs(x):g} point" + ("" if abs(x) == 1 else "s")
