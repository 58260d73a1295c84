"""A themed page's closing findings.

Its space, vocabulary, numbers, targets and ranks, built from the sentences of the other findings modules.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..coverage import theme_by_segment, theme_share
from ..themes import THEME_NAMES_EN as THEMES
from .targets import (_UNPAIRED_SHOWN, _gap_lines, _growth_pairs, _headline_untargeted, _mask, _ranks_line,
                      _related, _signed, _untargeted, _untargeted_line, _unusual_lines, _years)
from .wording import format_share, gloss, ordinal, plural

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..report import Report


def theme_findings(report: "Report", theme: str, *, distinct: "pd.DataFrame", indicators: "pd.DataFrame",
                   board: "pd.DataFrame", ranks: "pd.DataFrame", targets: "pd.DataFrame | None" = None,
                   n_terms: int = 5, after_target_findings: bool = False) -> str:
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
    after_target_findings : bool
        The page shows :func:`target_findings` above: the findings then point to it and add only what it does
        not say (the pairs other than growth rates, the outcomes without a target it does not name), instead of
        telling the growth targets, the income rise and the headline outcomes twice.

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
        untargeted = _untargeted(indicators, board, year, last, targets)
        untargeted = untargeted[untargeted.theme == theme]
        if after_target_findings:
            told = _growth_pairs(pairs, year)
            pairs = pairs.drop(told.index)
            named = _headline_untargeted(untargeted)
            untargeted = untargeted.drop(named.index)
            read = ([f"the {plural(len(told), 'growth target')} against {last}"] if len(told) else []) \
                + (["the income rise"] if _unusual_lines(indicators, last, theme) else []) \
                + ([f"the headline {plural(len(named), 'outcome').split(' ', 1)[1]} without a target"] if len(named) else [])
            if read:
                listed = ", ".join(read[:-1]) + (" and " if len(read) > 1 else "") + read[-1]
                lines.append(f"- **Read above.** {listed[:1].upper() + listed[1:]}: see “What the targets say” "
                             f"under the scoreboard; the lines below add the rest.")
            lines += [line.replace("- **Targets below last year.** ", "- **Other targets below last year.** ")
                      .replace("- **Outcomes without a target.** ", "- **Other outcomes without a target.** ")
                      for line in _gap_lines(pairs, year, last, kind=True, noun="other target")
                      + _untargeted_line(untargeted, year, last)]
        else:
            lines += _gap_lines(pairs, year, last, kind=True)
            lines += _unusual_lines(indicators, last, theme)
            lines += _untargeted_line(untargeted, year, last)
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
    if len(alone) == len(targets) == 1:
        head = f"Its one target for {year} has no {last} figure to compare with"
    elif len(alone) == len(targets):
        head = f"None of its {plural(len(targets), 'target')} for {year} has a {last} figure to compare with"
    else:
        head = (f"{len(alone)} of its {plural(len(targets), 'target')} for {year} {'have' if len(alone) > 1 else 'has'} "
                f"no {last} figure to compare with")
    return f"- **Targets without a {last} figure.** {head}: {listed}{more}."
