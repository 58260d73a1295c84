"""Indicators: every number in a work report as a tidy table traced to its sentence (no I/O but the CSV writer).

Public functions (each takes a :class:`~guanxian_analysis.report.Report`, which is
required: nothing here loads a report behind the caller's back):

- :func:`indicators` one row per quantitative indicator (value, unit, kind,
  qualifier, metric, period, status and where it is in the text);
- :func:`number_audit` every number mention in ``report.text``, as indicator or
  excluded with a reason, so nothing is dropped silently;
- :func:`ranks` the report's rank claims (位居全市第2位, 全市率先 …);
- :func:`write_indicator_tables` the indicators table and the audit as CSV.

This module walks the sentences and assembles the rows; each step has its own module:
:mod:`~guanxian_analysis.mentions` (which numbers are figures, and their unit, qualifier,
kind, direction, measure), :mod:`~guanxian_analysis.metric_naming` (the metric's name),
:mod:`~guanxian_analysis.indicator_context` (period and status),
:mod:`~guanxian_analysis.rank_claims` (rank rows) and
:mod:`~guanxian_analysis.indicator_schema` (the columns and value vocabularies). The
scoreboard that pairs outcomes with targets is :mod:`~guanxian_analysis.pairing`.

Examples
--------
>>> from guanxian_analysis import load_report, indicators
>>> table = indicators(load_report())
>>> table.query("metric == '生产总值' and kind == 'growth_rate'")[["value", "unit", "period", "status"]]
     value unit     period    status
1      4.5    %  2017-2021    actual
33     8.0    %       2021  estimate
147    6.0    %       2022    target
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path

import pandas as pd

from . import numerals as nb
from .figures import figure_text
from .indicator_context import carried_year, none_if_missing, period_for, stated_period, status_of
from .indicator_schema import AUDIT_COLUMNS, INDICATOR_COLUMNS, RANK_COLUMNS
from .mentions import (MENTION_RE, QUALIFIER_BOUNDS, Figure, Mention, audit_note, exclusion_reason, figure_measure,
                       is_chinese, link_chains, parse_figure, sentence_qualifier, set_kind, share_chain_qualifiers)
from .metric_naming import lead_subject, name_metric
from .rank_claims import rank_row, ranked_figure, soft_claims

__all__ = ["indicators", "number_audit", "ranks", "write_indicator_tables"]


# --------------------------------------------------------------------------- public API
def indicators(report) -> pd.DataFrame:
    """One row per quantitative indicator of the report.

    Parameters
    ----------
    report : Report
        A loaded report (``load_report()`` for the default one).

    Returns
    -------
    DataFrame
        Columns ``INDICATOR_COLUMNS``: ``value`` as written, ``unit`` normalised
        (亿元, 万亩, %, 个百分点, 位 …; empty for a fraction such as 1/4, 万 for people
        counted with no measure word, 近8万市民, 成 for tenths), ``value_base``/``base_unit``
        without 万/亿 (成 in %),
        ``kind`` (growth_rate, change_pp, change, level, count, share, rank, ratio,
        duration), ``direction`` (up, down, improve), ``qualifier`` as written and
        ``bound`` (approx, min, max, aim, estimate, from, to), ``metric``, ``period``
        from the report's own year, ``status`` (actual, estimate, target), the
        sentence and ``start``/``end`` of the number in ``report.text``.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> t = indicators(load_report())
    >>> t.loc[t.metric.eq("生产总值") & t.status.eq("target"), ["value", "qualifier"]]
         value qualifier
    147    6.0        左右
    """
    report = _report(report)
    return _align_main_targets(_extract(report)[0], report)


def _align_main_targets(table: pd.DataFrame, report) -> pd.DataFrame:
    """Take status, period, kind, qualifier, bound and range of the main-target passage from ``main_targets``.

    The rows are joined on the number's offset (``start`` = ``number_start``), so the indicators table, the
    scoreboard and :func:`~guanxian_analysis.main_targets` never disagree on the year's headline targets. A
    range (5%—5.5%) keeps both numbers: the lower row gets ``upper`` and the range as its ``figure``, and
    both rows have ``bound`` ``"range"``.
    """
    from .main_target_extraction import targets_from_text

    targets = targets_from_text(_simplified_text(report))  # main_targets' rows, offsets into report.text
    targets = targets[targets.number_start.notna()]
    if not len(targets):
        return table
    table = table.copy()
    year = str(int(report.meta["year"]))
    index = {start: i for i, start in zip(table.index, table.start)}
    for t in targets.itertuples():
        i = index.get(int(t.number_start))
        if i is None:
            continue
        qualifier = t.qualifier if isinstance(t.qualifier, str) and t.qualifier else None
        table.loc[i, ["status", "period"]] = ["target", year]
        # both read 7%和8%左右 as 左右 on both figures (mentions.share_chain_qualifiers and
        # main_target_extraction._share_chain_qualifier), so main_targets' qualifier is the indicator's
        table.loc[i, ["qualifier", "bound"]] = [qualifier, t.bound or None]
        if t.kind != "verbal":
            table.loc[i, "kind"] = t.kind
        if t.upper == t.upper and t.upper is not None:  # a range: the upper end's row is the same target
            table.loc[i, ["upper", "figure"]] = [t.upper, t.figure]
            upper_rows = table.index[(table.start > t.number_start) & (table.start < t.end)
                                     & (table.value == t.upper)]
            table.loc[upper_rows, ["status", "period", "qualifier", "bound"]] = ["target", year, qualifier, "range"]
    return table


def number_audit(report) -> pd.DataFrame:
    """Every number mention in ``report.text`` with its status and reason.

    Arabic numbers are all listed; Chinese numerals are listed where they count
    something (``第一档``, ``五年``, ``七个``, ``“十四五”``). ``status`` is
    ``"indicator"`` (``indicator_id`` set) or ``"excluded"`` with a ``reason``
    such as year, date, page reference, code in a name, quoted name, glossary.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> audit = number_audit(load_report())
    >>> audit.loc[audit.text.eq("309"), ["status", "reason"]].to_numpy().tolist()
    [['excluded', 'road number']]
    """
    return _extract(_report(report))[1]


def ranks(report) -> pd.DataFrame:
    """The report's rank claims: what, where (全市, 全省, 全国), which place or what kind of claim, when.

    ``claim`` says what the claim is (``CLAIMS``): ``position`` (第2位: ``rank`` 2), ``tier``
    (第一档: ``rank`` 1 is the first tier, not first place), ``move`` (前移1个位次: no place), and the
    claims without a number: ``first_to_do`` (全市率先, 全省率先), ``only`` (全市唯一), ``most``
    (全市最多), ``leading`` (全市领先), ``among_top`` (全市前列, 全省前列). Only ``position`` rows
    with ``rank == 1`` are first places. ``ranked`` is what the place is of: the figure the
    sentence ranks (PM2.5: its improvement, ``improved 21.4%``) or the phrase the claim is about.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> ranks(load_report())[["metric", "scope", "rank", "rank_text", "claim"]].head(2)
      metric scope  rank rank_text claim
    0   生产总值    全市   NaN  全市前移1个位次  move
    1   工业总产值    全市   3.0     全市第3位  position
    """
    report = _report(report)
    numbered = _extract(report)[2]
    soft = soft_claims(_simplified_text(report), report.sentences, int(report.meta["year"]))
    if not len(soft):
        return numbered
    order = {sid: n for n, sid in enumerate(report.sentences.sentence_id)}
    table = pd.concat([numbered, soft], ignore_index=True)
    table["_order"] = table.sentence_id.map(order)
    table["rank"] = pd.to_numeric(table["rank"])
    return (table.sort_values("_order", kind="mergesort").drop(columns="_order")
            .reset_index(drop=True)[RANK_COLUMNS])


def write_indicator_tables(report, out_dir: Path | str | None = None) -> list[Path]:
    """Write ``indicators.csv`` and ``number_audit.csv`` (UTF-8 with BOM).

    The files are byte-identical on a rerun: fixed column order, ``\\n`` line
    ends, floats written with up to 12 significant digits.

    Parameters
    ----------
    report : Report
    out_dir : path, optional
        Defaults to ``paths.PROCESSED_DIR`` (created if missing).

    Returns
    -------
    list of Path
        The files written, indicators first.

    Examples
    --------
    >>> import tempfile
    >>> from guanxian_analysis import load_report
    >>> [p.name for p in write_indicator_tables(load_report(), out_dir=tempfile.mkdtemp())]
    ['indicators.csv', 'number_audit.csv']
    """
    from . import paths
    from .tables import FLOAT_FORMAT, write_csv

    report = _report(report)
    out = Path(out_dir) if out_dir is not None else paths.PROCESSED_DIR
    return [write_csv(table, out / name, float_format=FLOAT_FORMAT)
            for name, table in (("indicators.csv", indicators(report)), ("number_audit.csv", number_audit(report)))]


# --------------------------------------------------------------------------- extraction
def _report(report):
    if report is None or isinstance(report, (str, Path)):
        raise TypeError("pass a loaded report (ga.load_report(path)); indicator functions load none by default")
    return report


def _extract(report) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Indicators, audit and ranks of a report: new tables on every call (no cache, no hidden state)."""
    return _extract_uncached(_simplified_text(report), report.sentences, int(report.meta["year"]),
                             shown_text=report.text)


def _simplified_text(report) -> str:
    """The text the patterns read: simplified, with the same offsets as ``report.text``."""
    simplified = getattr(report, "text_simplified", None)
    return simplified if isinstance(simplified, str) and len(simplified) == len(report.text) else report.text


def _extract_uncached(text: str, sentences: pd.DataFrame, year: int, shown_text: str | None = None):
    """Extract from ``text`` (simplified); quote sentences and mentions from ``shown_text``."""
    shown_text = text if shown_text is None else shown_text
    starts = sentences["start"].tolist()
    records = sentences.to_dict("records")
    paragraph, lead, previous = None, None, None
    for record in records:  # read simplified text, keep the report's script for display
        record["shown"] = shown_text[record["start"]: record["end"]]
        record["text"] = text[record["start"]: record["end"]]
        record["carried_year"] = carried_year(previous, record)  # 2015年A完成X元；B完成Y元: Y is 2015's
        previous = record
        if record.get("paragraph_id") != paragraph:
            paragraph, lead = record.get("paragraph_id"), None
        record["lead"] = lead
        lead = lead_subject(record["text"]) or lead  # a short bare sentence leads the ones after it
    by_sentence: dict[int, list[Mention]] = {}
    outside: list[tuple[int, int, str]] = []
    for match in MENTION_RE.finditer(text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.end() <= records[i]["end"]:
            s0 = records[i]["start"]
            chinese = is_chinese(match.group())
            by_sentence.setdefault(i, []).append(
                Mention(match.group(), match.start() - s0, match.end() - s0, chinese))
        else:
            outside.append((match.start(), match.end(), shown_text[match.start(): match.end()]))

    indicator_rows, audit_rows, rank_rows = [], [], []
    for i in sorted(by_sentence):
        record = records[i]
        figures, excluded = _read_sentence(record, by_sentence[i], year)
        s0 = record["start"]
        ids, notes = {}, {}
        mine = []
        for fig in figures:
            indicator_id = f"i{len(indicator_rows) + 1:04d}"
            ids[fig.mention.start] = indicator_id
            notes[fig.mention.start] = audit_note(fig, record["text"])
            indicator_rows.append(_indicator_row(indicator_id, fig, record, year))
            mine.append(indicator_rows[-1])
            if fig.kind == "rank":
                ranked = (ranked_figure(fig, figures, mine) if fig.unit != "位次"
                          else f"{mine[-1]['metric']}: {mine[-1]['figure']}")  # 前移1个位次: up 1 place
                rank_rows.append(rank_row(fig, record, indicator_rows[-1], ranked))
        for m in by_sentence[i]:
            reason = excluded.get(m.start) or notes.get(m.start)
            audit_rows.append({
                "start": s0 + m.start, "end": s0 + m.end, "text": shown_text[s0 + m.start: s0 + m.end],
                "status": "excluded" if m.start in excluded else "indicator", "reason": reason,
                "indicator_id": ids.get(m.start), "sentence_id": record["sentence_id"],
            })
    for start, end, token in outside:
        audit_rows.append({"start": start, "end": end, "text": token, "status": "excluded",
                           "reason": "outside body text", "indicator_id": None, "sentence_id": None})
    audit_rows.sort(key=lambda r: r["start"])
    for n, row in enumerate(audit_rows, 1):
        row["mention_id"] = f"m{n:04d}"
    return (
        pd.DataFrame(indicator_rows, columns=INDICATOR_COLUMNS),
        pd.DataFrame(audit_rows, columns=AUDIT_COLUMNS),
        pd.DataFrame(rank_rows, columns=RANK_COLUMNS),
    )


def _read_sentence(record: dict, mentions: list[Mention], year: int):
    """Figures of one sentence and the reasons for the mentions left out."""
    text = record["text"]
    excluded: dict[int, str] = {}
    figures: list[Figure] = []
    for m in mentions:
        reason = exclusion_reason(text, m, record.get("segment"))
        fig = None if reason else parse_figure(text, m)
        if fig is None:
            excluded[m.start] = reason or "no unit"
            continue
        figures.append(fig)
    link_chains(text, figures)
    items: list[str] = []
    for n, fig in enumerate(figures):
        previous = figures[n - 1] if n else None
        items = name_metric(text, fig, previous, figures, items, lead=record.get("lead"))
        set_kind(text, fig, figures)
        fig.qualifier = fig.qualifier or sentence_qualifier(text[: fig.span_start])
    share_chain_qualifiers(figures)
    return figures, excluded


def _indicator_row(indicator_id: str, fig: Figure, record: dict, year: int) -> dict:
    value_base, base_unit = nb.to_base(fig.value, fig.unit)
    s0 = record["start"]
    row = {
        "indicator_id": indicator_id,
        "value": fig.value,
        "unit": fig.unit,
        "value_base": value_base,
        "base_unit": base_unit,
        "kind": fig.kind,
        "direction": fig.direction,
        "qualifier": fig.qualifier,
        "bound": QUALIFIER_BOUNDS.get(fig.qualifier),
        "metric": fig.metric,
        "period": stated_period(record, fig, period_for(record, year)),
        "status": status_of(record, fig, record["text"]),
        "theme": none_if_missing(record.get("theme")),
        "part": none_if_missing(record.get("part")),
        "section": none_if_missing(record.get("section")),
        "paragraph_id": record.get("paragraph_id"),
        "sentence_id": record.get("sentence_id"),
        "sentence": record["shown"],
        "start": s0 + fig.mention.start,
        "end": s0 + fig.mention.end,
        "measure": figure_measure(record["text"], fig),
        "upper": float("nan"),
    }
    written = fig.mention.text if re.search(r"[/×首]|分之", fig.mention.text) else None  # 1/4, 2×66, 首位
    row["figure"] = figure_text(fig.value, fig.unit, fig.qualifier, kind=fig.kind, direction=fig.direction,
                                measure=row["measure"], written=written)
    return row
