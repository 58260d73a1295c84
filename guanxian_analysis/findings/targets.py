"""Sentences about outcomes, targets and rank claims.

Scoreboard pairs, gaps between a target and last year's outcome, outcomes without a target, what a rank claim
claims.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..figures import figure_of_row
from .wording import (_PERCENT_LIKE, _gloss_with, _points, format_share, format_value, gloss, ordinal, plural,
                      shorten)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..report import Report


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
    """A scoreboard change in the target's unit, signed: ``−2 points``, ``+4个``, ``−7000万元`` (a Chinese unit
    written onto its number, as the report writes 5500万元).

    >>> _change_text(-2.0, "%"), _change_text(1.0, "个百分点"), _change_text(-7000.0, "万元")
    ('−2 points', '+1 point', '−7000万元')
    """
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    if unit in _PERCENT_LIKE:
        return f"{sign}{abs(change):g} {'point' if abs(change) == 1 else 'points'}"
    return f"{sign}{abs(change):g}{'' if re.match(r'[一-鿿]', unit or '') else ' '}{unit or ''}".rstrip()


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
            # scoreboard() gives the change in the target's unit (1.25亿元 → 5500万元: −7000万元)
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
        # what is ranked is a figure of the metric (PM2.5's improvement), named after the claim; an estimate
        # reads "expected 49%", never "ranking 预计49%"
        figure = ranked.split(": ", 1)[1] if isinstance(ranked, str) and ": " in ranked else ""
        of = f"; the figure ranked: {figure.replace('预计', 'expected ')}" if figure else ""
        if kind == "move" and of:
            what, of = f"{figure}; ", ""
        lines.append(f"- {gloss(r.metric)}: {claim} ({what}{scopes.get(r.scope, r.scope)}{period}{of})")
    return "\n".join(lines) if lines else "_The theme makes no rank claim._"


#: how many targets without a counterpart a finding names before it says "and N more"
_UNPAIRED_SHOWN = 6


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
    shown = figure_of_row(r).removeprefix("预计")
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
            whom = f"For {len(cut)} metrics the {year} target is" if len(cut) > 1 else f"The {year} target is"
            lines.append(f"- **Sharp cuts.** {whom} under {share} of the {last} figure"
                         f"{':' if len(cut) > 1 else ' for'} " + "; ".join(
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
    from ..main_target_extraction import common_metric

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

    from ..main_target_extraction import common_metric

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
    years = _years(board)
    if years is None:
        return ""
    year, last = years
    lines = _gap_lines(_growth_pairs(board, year), year, last, noun="growth target")
    lines += _unusual_lines(indicators, last)
    lines += _untargeted_line(_headline_untargeted(_untargeted(indicators, board, year, last, targets)), year, last)
    verbal = targets[targets.kind.eq("verbal") & targets.metric.fillna("").str.contains("约束性")] if len(targets) else targets
    for r in verbal.itertuples():
        lines.append(f"- **Binding targets referred to, not stated.** The main targets include “{r.metric}”: the "
                     f"binding (约束性) targets are set from above, and the report gives no figure for them.")
    return "\n".join(lines)


def _growth_pairs(board: "pd.DataFrame", year: str) -> "pd.DataFrame":
    """The scoreboard's growth rates in % targeted for ``year`` with a change: the pairs :func:`target_findings`
    reads."""
    return board[(board.target_period == year) & (board.kind == "growth_rate") & board.change.notna()
                 & board.target_unit.eq("%")]


def _headline_untargeted(rows: "pd.DataFrame") -> "pd.DataFrame":
    """Of :func:`_untargeted`'s rows, the headline growth rates (a common metric other than GDP, or foreign trade):
    the ones :func:`target_findings` names."""
    import re

    from ..main_target_extraction import common_metric

    keep = [bool(r.kind == "growth_rate" and r.unit == "%" and common_metric(r.metric, r.kind) != "GDP growth"
                 and (common_metric(r.metric, r.kind) or re.match(_HEADLINE_EXTRA, r.metric or "")))
            for r in rows.itertuples()]
    return rows[_mask(keep, rows.index)]
