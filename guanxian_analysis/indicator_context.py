"""What an indicator takes from its sentence's place in the report: period, status (actual, estimate, target).

The part of the report sets the period (review, year ahead, five-year plan); the sentence may narrow it
(由2010年的…, 2015年旅游收入…) or extend it (到2017年底前). No naming, no extraction.
"""
from __future__ import annotations

import re

from .mentions import STATED_YEAR, TO_RE, Figure
from .structure import period_of

_TARGET_SEGMENTS = {"plan_five_years", "year_ahead"}
_TARGET_WORD_RE = re.compile(r"力争|目标(?:是|为)")


def period_for(record: dict, year: int) -> str | None:
    period = record.get("period")
    if isinstance(period, str) and period:
        return period
    return period_of(record.get("segment"), year)


#: a year that dates what follows it (2015年旅游收入达到69亿元), not a base of comparison (是2010年的2.6倍),
#: a span (2020年到2025年) or the year of one end of a change (到2025年的70%)
_DATING_YEAR_RE = re.compile(r"(?<![\d比较是为由从与同到至—-])((?:19|20)\d{2})年(?!以来|以前|前|后|到|至|—|-|的?\d)")
#: the start of a change, 由 or 从, with the year it may state (由2010年的162.4亿元, 从98元/月)
_CHANGE_START_RE = re.compile(rf"[由从]{STATED_YEAR}(?:每人每年|每人每月|每人|每年|每月)?$")
#: a deadline in a one-year plan (到2017年底前实现…)
_DEADLINE_RE = re.compile(r"到((?:19|20)\d{2})年(?:底|末)?前?")


#: a year that dates a whole sentence from its head (2015年城镇常住居民人均可支配收入完成30788元，…)
_HEAD_YEAR_RE = re.compile(r"^(?:截至|截止|到|在)?((?:19|20)\d{2})年(?:底|末)?(?!以来|以前|前|后|到|至|—|-|的?\d)")


def carried_year(previous: dict | None, record: dict) -> str | None:
    """The year a sentence inherits from the one before it, when the two are one sentence cut at ；.

    ``2015年城镇常住居民人均可支配收入完成30788元，…；农村常住居民人均可支配收入完成22250元，…``: the
    second half is dated by the year at the head of the first (as a later clause of one sentence
    is, :data:`_DATING_YEAR_RE`). Only across a ；, only within a paragraph, and the year goes on
    down a chain of ；-halves until a half names its own.

    >>> first = {"text": "2015年城镇居民收入完成30788元；", "paragraph_id": "p1"}
    >>> carried_year(first, {"text": "农村居民收入完成22250元。", "paragraph_id": "p1"})
    '2015'
    """
    if previous is None or previous.get("paragraph_id") != record.get("paragraph_id") \
            or not previous["text"].rstrip().endswith("；"):
        return None
    head = _HEAD_YEAR_RE.match(previous["text"].lstrip())
    return head.group(1) if head else previous.get("carried_year")


def stated_period(record: dict, fig: Figure, period: str | None) -> str | None:
    """The period the text states for a figure, where it narrows or extends its part's period.

    In a multi-year review the ends of a ``由(从)…到(至)…`` change take the years written
    after 由 and 到, else the base year before the span and its last year; a level or count
    after a year the sentence names (2015年旅游收入达到69亿元), or that the sentence cut off before it
    by a ； names at its head (:func:`carried_year`), takes that year; rates,
    ratios and changes keep the span. In a one-year plan a later deadline
    (到2017年底前实现…) extends the period to it, and so does a time in years to finish
    a work in (利用三年左右时间 in the 2019 plan → 2019-2021).

    >>> from guanxian_analysis.mentions import Mention
    >>> fig = Figure(Mention("11.66", 7, 12, False), 11.66, "亿元", 7, 14, qualifier="由", kind="level")
    >>> stated_period({"text": "公共预算支出由11.66亿元增加到29.33亿元", "segment": "review_five_years"}, fig, "2011-2015")
    '2010'
    """
    if not period:
        return period
    text = record["text"]
    before = text[: fig.span_start]
    target = record.get("segment") in _TARGET_SEGMENTS or _TARGET_WORD_RE.search(before)
    if "-" in period and not target:
        first, last = (int(y) for y in period.split("-"))
        start = _CHANGE_START_RE.search(before)
        end = TO_RE.search(before) if start is None and re.search(r"[由从]", before) else None
        if start is not None or (end is not None and end.group("to")):
            return (start or end).group("year") or str(first - 1 if start is not None else last)
        if fig.kind in {"level", "count", "share"}:
            years = [int(y) for y in _DATING_YEAR_RE.findall(before)] or \
                [int(y) for y in [record.get("carried_year")] if y]
            if years and first <= years[-1] <= last:
                return str(years[-1])
        return period
    if "-" not in period and target:
        if fig.kind == "duration" and fig.unit == "年" and fig.value == int(fig.value) and fig.value > 1:
            return f"{period}-{int(period) + int(fig.value) - 1}"  # 利用三年左右时间 (2019) → 2019-2021
        deadline = _DEADLINE_RE.search(before)
        if deadline and int(deadline.group(1)) > int(period):
            return f"{period}-{deadline.group(1)}"
    return period


def status_of(record: dict, fig: Figure, text: str) -> str:
    before = text[: fig.span_start]
    if record.get("segment") in _TARGET_SEGMENTS or _TARGET_WORD_RE.search(before):
        return "target"
    if "预计" in before:
        return "estimate"
    return "actual"


def none_if_missing(value):
    return None if value is None or (isinstance(value, float) and value != value) else value
