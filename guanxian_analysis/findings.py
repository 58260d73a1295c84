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


def _side(r, side: str) -> str:
    """One side (``"outcome"`` or ``"target"``) of a scoreboard row as the page shows it: the indicators'
    ``figure`` (a fall keeps its sign), “预计” left to the words around it; ``–`` when the side is empty."""
    qualifier = getattr(r, f"{side}_qualifier")
    text = format_value(getattr(r, f"{side}_value"), getattr(r, f"{side}_unit"), None if qualifier == "预计" else qualifier)
    shown = getattr(r, f"{side}_figure", None)
    if isinstance(shown, str) and shown and text != "–":
        text = shown.removeprefix("预计")
    return text


def _estimated(r) -> bool:
    """Whether a scoreboard row's outcome is one the report only expects (“预计”)."""
    return r.outcome_qualifier == "预计" or getattr(r, "outcome_status", None) == "estimate"


def _change_text(change: float, unit: str | None) -> str:
    """A scoreboard change in the target's unit, signed: ``−2 points``, ``+4 个``, ``−7000 万元``.

    >>> _change_text(-2.0, "%"), _change_text(1.0, "个百分点"), _change_text(-7000.0, "万元")
    ('−2 points', '+1 point', '−7000 万元')
    """
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    word = ("point" if abs(change) == 1 else "points") if unit in _PERCENT_LIKE else (unit or "")
    return f"{sign}{abs(change):g} {word}".rstrip()


def _has_change(r) -> bool:
    change = getattr(r, "change", None)
    return change is not None and not (isinstance(change, float) and math.isnan(change))


def _is_fall(r) -> bool:
    """Whether either side of a scoreboard pair is a fall (its figure reads ``−3.1%``)."""
    return any(str(getattr(r, f"{side}_figure", "") or "").removeprefix("预计").startswith(("−", "-"))
               for side in ("outcome", "target"))


def _shown_change(r) -> float:
    """The change of a pair as the figures read: the scoreboard subtracts magnitudes, so between two falls
    (−3.1% → −3%) the sign turns (+0.1 points, not −0.1)."""
    return -r.change if _is_fall(r) else r.change


#: the scoreboard's ``kind`` in a few English words (what the figures of a pair measure)
_KIND_WORDS = {"growth_rate": "growth", "change_pp": "change", "share": "share"}


def _pair_text(r, *, kind: bool = False) -> str:
    """One scoreboard pair as a clause: metric, target, the outcome it follows and the change.

    ``kind=True`` names what a rate measures (“growth”), for a list that mixes rates with counts.
    """
    what = f" {_KIND_WORDS[r.kind]}" if kind and r.kind in _KIND_WORDS else ""
    text = (f"{gloss(r.metric)}{what} {_side(r, 'target')} after {'an estimated ' if _estimated(r) else ''}"
            f"{_side(r, 'outcome')}")
    return text + (f" ({_change_text(_shown_change(r), r.target_unit)})" if _has_change(r) else "")


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
        outcome, target = _side(r, "outcome"), _side(r, "target")
        what = f", {_KIND_WORDS[r.kind]}" if r.kind in _KIND_WORDS else ""
        status = " (“预计”, expected)" if _estimated(r) else ""
        line = f"- {gloss(r.metric)}{what}: "
        if outcome != "–":
            line += f"**{outcome}**{status} in {r.outcome_period} → "
        line += f"**{target}** targeted for {r.target_period}" if target != "–" else "no target"
        if outcome != "–" and target != "–" and _has_change(r):
            # scoreboard() gives the change in the target's unit (1.25亿元 → 5500万元: −7000 万元)
            line += f" ({_change_text(_shown_change(r), r.target_unit)})"
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
                   board: "pd.DataFrame", ranks: "pd.DataFrame", targets: "pd.DataFrame | None" = None,
                   n_terms: int = 5) -> str:
    """The findings of a theme notebook as a Markdown list, every figure computed from the tables given.

    Each line is left out when the tables give it no ground: the theme's share of the text and its words; its
    figures, naming the outcomes the report only expects (“预计”); each year-ahead target beside last year's
    outcome with the gap (the rules of :func:`target_findings`: the widest gap between growth rates, counts and
    amounts cut to under half, an income rise far above GDP's); last year's changes that get no numeric target;
    the targets with no last-year figure to compare with; and the rank claims grouped by what they claim
    (a place, a tier, first to do it, among the top …), each naming what is ranked.

    Parameters
    ----------
    report : Report
    theme : str
    distinct : DataFrame
        :func:`~guanxian_analysis.distinctive_terms` of the theme against the rest (``favours == theme``).
    indicators, board, ranks : DataFrame
        :func:`~guanxian_analysis.indicators`, :func:`~guanxian_analysis.scoreboard`,
        :func:`~guanxian_analysis.ranks` of the report.
    targets : DataFrame, optional
        :func:`~guanxian_analysis.main_targets` of the report: a main target the indicators miss still counts
        as a target (no outcome of its metric is then said to get none).

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
    size = "largest" if rank == 1 else "smallest" if rank == len(shares) else f"{ordinal(rank)} largest"
    lines = [f"- **Space.** {label} is the {size} of {len(shares)} themes: "
             f"{format_share(row.share)} of the text in {plural(int(row.paragraphs), 'paragraph')}; "
             f"{format_share(planned / max(planned + reviewed, 1))} of its review-and-plan text looks ahead."]
    top = distinct[distinct.favours == theme].sort_values("z", ascending=False, kind="mergesort").head(n_terms)
    if len(top):
        lines.append("- **Vocabulary.** Its most distinctive words: " + ", ".join(f"“{t}”" for t in top.term) + ".")
    mine = indicators[indicators.theme == theme]
    lines.append(_numbers_line(mine))
    years = _years(board, report)
    if years is not None:
        year, last = years
        b = board[(board.theme == theme) & (board.target_period == year) & (board.outcome_period == last)]
        pairs = b[b.change.notna()] if "change" in b else b.iloc[0:0]
        lines += _gap_lines(pairs, year, last, kind=True)
        lines += _unusual_lines(indicators, last, theme)
        untargeted = _untargeted(indicators, board, year, last, targets)
        lines += _untargeted_line(untargeted[untargeted.theme == theme], year, last)
        lines.append(_unpaired_line(mine, board, year, last, indicators))
    lines = [line for line in lines if line]
    claims = ranks[ranks.theme == theme]
    if len(claims):
        lines.append(_ranks_line(claims, report, years[1] if years else None))
    return "\n".join(lines)


def _numbers_line(mine: "pd.DataFrame") -> str:
    """The theme's figures: outcomes and targets, and which outcomes the report only expects (“预计”)."""
    targets = int((mine.status == "target").sum())
    line = (f"- **Numbers.** {plural(len(mine), 'indicator')}: {plural(len(mine) - targets, 'outcome')} "
            f"and {plural(targets, 'target')}.")
    estimates = mine[mine.status == "estimate"]
    if len(estimates):
        listed = "; ".join(f"{gloss(metric)} " + ", ".join(_signed(r) for r in rows.itertuples())
                           for metric, rows in estimates.groupby("metric", sort=False))
        periods = "/".join(sorted(estimates.period.dropna().unique()))
        line += (f" {'All' if len(estimates) == len(mine) - targets else plural(len(estimates), 'outcome')} "
                 f"{'are' if len(estimates) > 1 else 'is'} only expected (“预计”), not final"
                 f"{f' {periods} figures' if periods else ''}: {listed}.")
    return line


#: how many targets without a counterpart a finding names before it says "and N more"
_UNPAIRED_SHOWN = 6


def _unpaired_line(mine: "pd.DataFrame", board: "pd.DataFrame", year: str, last: str,
                   all_indicators: "pd.DataFrame") -> str:
    """The theme's targets for ``year`` that have no outcome of ``last`` to compare with (none beside them on the
    scoreboard, none of a :func:`_related` metric in ``all_indicators``), named (the first
    :data:`_UNPAIRED_SHOWN`), or that the theme sets no numeric target; empty when every target has one."""
    targets = mine[(mine.status == "target") & (mine.period == year)]
    if not len(targets):
        return f"- **Targets.** It sets no numeric target for {year}."
    paired = set(board.target_id) if "target_id" in board else set()
    alone = targets[~targets.indicator_id.isin(paired)] if "indicator_id" in targets else targets
    # a target whose metric has a related outcome last year (地区生产总值 and 全省生产总值) is left out: it may be
    # comparable though the scoreboard does not pair it
    before = all_indicators[(all_indicators.status != "target")
                            & (all_indicators.period.eq(last) | all_indicators.period.isna())]  # an undated outcome may be last year's
    alone = alone[_mask([not _related(m, k, before) for m, k in zip(alone.metric, alone.kind)], alone.index)]
    if not len(alone):
        return ""
    listed = "; ".join(f"{gloss(r.metric)} {_signed(r)}" for r in alone.head(_UNPAIRED_SHOWN).itertuples())
    more = f"; and {len(alone) - _UNPAIRED_SHOWN} more in the indicator table" if len(alone) > _UNPAIRED_SHOWN else ""
    if len(alone) == len(targets):
        head = f"None of its {plural(len(targets), 'target')} for {year} has a {last} figure to compare with"
    else:
        head = (f"{len(alone)} of its {plural(len(targets), 'target')} for {year} {'have' if len(alone) > 1 else 'has'} "
                f"no {last} figure to compare with")
    return f"- **Targets without a {last} figure.** {head}: {listed}{more}."


#: a rank scope in English
_SCOPES = {"全市": "the city", "全省": "the province", "全国": "the country"}


#: the order in which a theme's rank claims are told: places first, the softer claims after
_CLAIM_ORDER = ("position", "tier", "move", "first_to_do", "only", "most", "leading", "among_top")


def _claim_phrase(claim: str | None, rank: float, scope: str) -> str:
    """What a rank claim says, in English (a tier or “among the top” is never a place).

    >>> _claim_phrase("position", 2.0, "全市"), _claim_phrase("tier", 1.0, "全市"), _claim_phrase("among_top", float("nan"), "全省")
    ('2nd in the city', 'the 1st tier of the city, not a place', 'among the top in the province, no place given')
    """
    where = _SCOPES.get(scope, scope)
    placed = isinstance(rank, (int, float)) and not math.isnan(rank)
    if claim == "position" or (claim is None and placed):
        return f"{ordinal(int(rank))} in {where}"
    return {"tier": f"the {ordinal(int(rank)) + ' ' if placed else ''}tier of {where}, not a place",
            "move": f"moved up in {where}", "first_to_do": f"first in {where} to do it",
            "only": f"the only one in {where}", "most": f"the most in {where}", "leading": f"leading in {where}",
            "among_top": f"among the top in {where}, no place given"}.get(claim, f"ranked in {where}")


def _ranks_line(claims: "pd.DataFrame", report: "Report", last: str | None) -> str:
    """The theme's rank claims grouped by what they claim (places first, by scope and place), each naming what is
    ranked (``ranked``) and its period when it is not the year under review; a claim for the year ahead is an aim."""
    place = (getattr(report, "meta", None) or {}).get("place")
    groups: dict[tuple, list[str]] = {}
    for r in claims.itertuples():
        claim = r.claim if isinstance(getattr(r, "claim", None), str) else None
        aim = bool(last and isinstance(r.period, str) and r.period[:4].isdigit() and r.period[:4] > last)
        rank_text = r.rank_text if str(r.rank_text).startswith(str(r.scope)) else f"{r.scope}{r.rank_text}"
        order = (aim, _CLAIM_ORDER.index(claim) if claim in _CLAIM_ORDER else len(_CLAIM_ORDER),
                 list(_SCOPES).index(r.scope) if r.scope in _SCOPES else len(_SCOPES),
                 r.rank if isinstance(r.rank, (int, float)) and not math.isnan(r.rank) else 0)
        key = (order, _claim_phrase(claim, r.rank, r.scope), rank_text)
        ranked = getattr(r, "ranked", None)
        detail = ranked.split(": ", 1)[1].replace("预计", "expected ") if isinstance(ranked, str) and ": " in ranked else ""
        if isinstance(r.period, str) and r.period and r.period != last and not aim:
            detail = f"{detail}, {r.period}" if detail else r.period
        groups.setdefault(key, []).append(_gloss_with(r.metric, detail))
    told = [(key[0][0], f"{key[1]} ({key[2]}): " + ", ".join(items)) for key, items in sorted(groups.items())]
    said, aims = [t for aim, t in told if not aim], [t for aim, t in told if aim]
    said = [t[:1].upper() + t[1:] if i == 0 else t for i, t in enumerate(said)]
    line = f"- **Ranks{f' of {place}' if place else ''}.** " + "; ".join(said) + ("." if said else "")
    if aims:
        line += (" " if said else "") + "Aims for the years ahead: " + "; ".join(aims) + "."
    return line


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
#: a count or amount targeted below this share of last year's figure is flagged as a sharp cut
_SHARP_CUT = 0.5
#: a target's metric name this long or longer counts for the outcomes whose name holds it, and the other way round
_RELATED_CHARS = 3
#: the kinds of figure that say how something changed over the year (growth, improvement, fall, points, days more)
_CHANGE_KINDS = ("growth_rate", "change_pp", "change")


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


def _years(board: "pd.DataFrame", report: "Report | None" = None) -> tuple[str, str] | None:
    """The year ahead and the year under review: the latest single year the scoreboard targets, else the report's."""
    years = sorted(p for p in board.target_period.dropna().unique() if "-" not in p) if len(board) else []
    if years:
        return years[-1], str(int(years[-1]) - 1)
    meta = getattr(report, "meta", None) or {}
    if meta.get("year") and meta.get("review_year"):
        return str(meta["year"]), str(meta["review_year"])
    return None


def _signed(r) -> str:
    """An indicator's figure as shown, with the sign of a rise (``+15%``; a fall already reads ``−23.7%``), “预计”
    left to the words around it."""
    shown = _figure_of(r).removeprefix("预计")
    if r.kind in _CHANGE_KINDS and getattr(r, "direction", None) == "up" and shown[:1].isdigit():
        shown = "+" + shown
    return shown


def _gap_lines(pairs: "pd.DataFrame", year: str, last: str, *, noun: str = "target", kind: bool = False) -> list[str]:
    """Findings on scoreboard pairs: which targets sit below and above last year's outcome, by how much, the
    widest gap between growth rates and the counts or amounts cut to under half (:data:`_SHARP_CUT`)."""
    lines = []
    # a fall's target (下降3%左右 after 下降3.1%) is neither simply below nor above: the scoreboard lists it
    pairs = pairs[[not _is_fall(r) for r in pairs.itertuples()]] if len(pairs) else pairs
    below, above = pairs[pairs.change < 0], pairs[pairs.change > 0]
    if len(below):
        if len(below) < len(pairs):
            share = f"{len(below)} of {plural(len(pairs), noun)}"
        else:
            share = {1: f"The {noun}", 2: f"Both {noun}s"}.get(len(pairs), f"All {plural(len(pairs), noun)}")
        line = (f"- **Targets below last year.** {share} set for {year} "
                f"{'sit' if len(below) > 1 else 'sits'} below the {last} outcome: "
                + "; ".join(_pair_text(r, kind=kind) for r in below.itertuples()) + ".")
        rates = below[below.kind.eq("growth_rate") & below.target_unit.eq("%")]
        if len(rates) > 1:
            widest = rates.loc[rates.change.idxmin()]
            line += (f" The widest gap, {_points(widest.change)}, is in {gloss(widest.metric)}: the report plans a "
                     f"slower year than the one it reports.")
        lines.append(line)
        amounts = below[~below.target_unit.isin(_PERCENT_LIKE)]
        ratio = amounts.target_value / (amounts.target_value - amounts.change)  # the outcome in the target's unit
        cut = amounts[ratio < _SHARP_CUT]
        if len(cut):
            share = "half" if _SHARP_CUT == 0.5 else format_share(_SHARP_CUT)
            lines.append(f"- **Sharp cuts.** For {plural(len(cut), 'metric')} the {year} target is under {share} of "
                         f"the {last} figure: " + "; ".join(
                             f"{gloss(r.metric)} {_side(r, 'target')} after {_side(r, 'outcome')} "
                             f"({format_share(q)} of it)" for r, q in zip(cut.itertuples(), ratio[ratio < _SHARP_CUT]))
                         + f". The plan for {year} is a much smaller programme than the one {last} delivered.")
    if len(above):
        lines.append("- **Targets above last year.** " + "; ".join(_pair_text(r, kind=kind) for r in above.itertuples())
                     + ".")
    return lines


def _outcomes_of(indicators: "pd.DataFrame", last: str) -> "pd.DataFrame":
    """Last year's figures of how something changed (growth, improvement, fall, points, days more)."""
    return indicators[(indicators.period == last) & (indicators.status != "target")
                      & indicators.kind.isin(_CHANGE_KINDS)]


def _unusual_lines(indicators: "pd.DataFrame", last: str, theme: str | None = None) -> list[str]:
    """An income rise of last year far above GDP growth (:data:`_UNUSUAL_RATIO`, :data:`_UNUSUAL_POINTS`),
    flagged and quoted; only the income rows of ``theme`` when one is given."""
    from .main_target_extraction import common_metric

    outcomes = _outcomes_of(indicators, last)
    outcomes = outcomes[outcomes.kind.eq("growth_rate") & outcomes.unit.eq("%")]
    gdp = outcomes[[common_metric(m, k) == "GDP growth" for m, k in zip(outcomes.metric, outcomes.kind)]]
    if not len(gdp):
        return []
    g = gdp.iloc[0]
    unusual = outcomes[(outcomes.value >= _UNUSUAL_RATIO * g.value) & (outcomes.value - g.value >= _UNUSUAL_POINTS)
                       & outcomes.direction.eq("up")
                       & outcomes.metric.map(lambda m: common_metric(m, "growth_rate") == "income growth")]
    if theme is not None:
        unusual = unusual[unusual.theme == theme]
    return [f"- **An unusual outcome.** {gloss(r.metric)} rose {format_value(r.value, r.unit)} in {last}, "
            f"{r.value / g.value:.1f} times the {format_value(g.value, g.unit)} growth of {gloss(g.metric)}: "
            f"“{_clause_of(r.sentence, r.value)}”. Incomes rarely outpace output by that much; a figure to check "
            f"against the statistics bureau's." for r in unusual.itertuples()]


def _mask(values: list, index) -> "pd.Series":
    """A boolean mask (never mistaken for a list of column names, even when empty)."""
    import pandas as pd

    return pd.Series(values, index=index, dtype=bool)


#: a place's scope before a metric (全省生产总值 is the province's 生产总值)
_SCOPE_PREFIX = r"^(?:全国|全省|全市|全县|全区|全)(?=.{2})"


def _related(metric: str, kind: str, others: "pd.DataFrame") -> bool:
    """Whether ``metric`` is the same as, or related to, a metric of ``others`` (columns ``metric``, ``kind``): one
    name holding the other (空气优良天数 and 空气优良天数比例; names of :data:`_RELATED_CHARS` or more), or the same
    common metric, once a scope such as 全省 is set aside (全省生产总值 and 地区生产总值).

    >>> import pandas as pd
    >>> ahead = pd.DataFrame({"metric": ["地区生产总值", "空气优良天数"], "kind": ["growth_rate", "count"]})
    >>> [_related(m, k, ahead) for m, k in [("全省生产总值", "growth_rate"), ("空气优良天数比例", "share"), ("PM2.5", "growth_rate")]]
    [True, True, False]
    """
    import re

    from .main_target_extraction import common_metric

    def bare(name) -> str:
        return re.sub(_SCOPE_PREFIX, "", str(name))

    metric = bare(metric)
    names = [bare(m) for m in others.metric.dropna()]
    if metric in names or any(metric in n or n in metric for n in names if len(n) >= _RELATED_CHARS):
        return True
    mine = common_metric(metric, kind)
    return mine is not None and any(common_metric(bare(m), k) == mine for m, k in zip(others.metric, others.kind))


def _untargeted(indicators: "pd.DataFrame", board: "pd.DataFrame", year: str, last: str,
                targets: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """Last year's change figures that get no target: not paired on the scoreboard, and no figure of the year
    ahead (in the indicators, or among the main ``targets`` when given) for a :func:`_related` metric."""
    outcomes = _outcomes_of(indicators, last)
    paired = set(board.outcome_id) if "outcome_id" in board else set()
    ahead = indicators[(indicators.status == "target") & (indicators.period == year)][["metric", "kind"]]
    if targets is not None and len(targets):
        ahead = ahead.merge(targets[["metric", "kind"]], how="outer")
    keep = [not _related(m, k, ahead) for m, k in zip(outcomes.metric, outcomes.kind)]
    if "indicator_id" in outcomes:
        keep = [k and i not in paired for k, i in zip(keep, outcomes.indicator_id)]
    return outcomes[_mask(keep, outcomes.index)]


def _untargeted_line(rows: "pd.DataFrame", year: str, last: str) -> list[str]:
    """The finding on outcomes without a target (rows from :func:`_untargeted`)."""
    if not len(rows):
        return []
    growth = rows.kind.eq("growth_rate").all() and rows.direction.eq("up").all()
    listed = "; ".join(f"{gloss(r.metric)} {_signed(r)}" for r in rows.head(_UNPAIRED_SHOWN).itertuples())
    if len(rows) > _UNPAIRED_SHOWN:
        listed += f" and {len(rows) - _UNPAIRED_SHOWN} more in the indicator table"
    return [f"- **Outcomes without a target.** The report gives {last} {'growth' if growth else 'changes'} for "
            f"{listed}, but sets no numeric {year} target for {'them' if len(rows) > 1 else 'it'}."]


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

    years = _years(board)
    if years is None:
        return ""
    year, last = years
    growth = board[(board.target_period == year) & (board.kind == "growth_rate") & board.change.notna()
                   & board.target_unit.eq("%")]
    lines = _gap_lines(growth, year, last, noun="growth target")
    lines += _unusual_lines(indicators, last)
    rows = _untargeted(indicators, board, year, last, targets)
    rows = rows[[bool(r.kind == "growth_rate" and r.unit == "%" and common_metric(r.metric, r.kind) != "GDP growth"
                      and (common_metric(r.metric, r.kind) or re.match(_HEADLINE_EXTRA, r.metric or "")))
                 for r in rows.itertuples()]]
    lines += _untargeted_line(rows, year, last)
    verbal = targets[targets.kind.eq("verbal") & targets.metric.fillna("").str.contains("约束性")] if len(targets) else targets
    for r in verbal.itertuples():
        lines.append(f"- **Binding targets referred to, not stated.** The main targets include “{r.metric}”: the "
                     f"binding (约束性) targets are set from above, and the report gives no figure for them.")
    return "\n".join(lines)
