"""Indicators: every number in a work report as a tidy table traced to its sentence (no I/O but the CSV writer).

Public functions (each takes a :class:`~guanxian_analysis.report.Report`, which is
required: nothing here loads a report behind the caller's back; ``scoreboard``
also takes an indicator table):

- :func:`indicators` one row per quantitative indicator (value, unit, kind,
  qualifier, metric, period, status and where it is in the text);
- :func:`number_audit` every number mention in ``report.text``, as indicator or
  excluded with a reason, so nothing is dropped silently;
- :func:`scoreboard` last year's outcomes beside the year-ahead targets (and the
  five-year review beside the five-year plan) for the same metric;
- :func:`ranks` the report's rankings (位居全市第2位 …);
- :func:`write_indicator_tables` the indicators table and the audit as CSV.

How a metric is named (the fixture ``tests/fixtures/indicators_annotated.csv``
follows the same rules): the phrase in front of the number within its clause,
without framing words (预计, 累计, 全年, 全县, 其中, 力争, 确保 …), generic action
verbs (实施, 建设, 完成, 新建改建, 打造, 铺设 …), the change verb (增长, 下降 …)
or the rank phrase (位居全市第 …). A number written first (``31个项目列入省重点``)
takes the phrase after it. A figure with no phrase of its own (``12.6亿元、增长7%``)
takes the metric of the figure before it; ``A、B分别…`` hands A and B out in
order, and ``城乡X分别…`` becomes 城镇X and 农村X.

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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import numerals as nb
from .figures import figure_text
from .structure import period_of

__all__ = ["indicators", "number_audit", "scoreboard", "ranks", "write_indicator_tables",
           "INDICATOR_COLUMNS", "AUDIT_COLUMNS", "SCOREBOARD_COLUMNS", "RANK_COLUMNS", "BOUNDS", "STATUSES",
           "MEASURES", "CLAIMS"]

INDICATOR_COLUMNS = [
    "indicator_id", "value", "unit", "value_base", "base_unit", "kind", "direction", "qualifier",
    "bound", "metric", "period", "status", "theme", "part", "section", "paragraph_id",
    "sentence_id", "sentence", "start", "end", "measure", "figure", "upper",
]
AUDIT_COLUMNS = ["mention_id", "text", "start", "end", "status", "reason", "indicator_id", "sentence_id"]
SCOREBOARD_COLUMNS = [
    "metric", "theme", "kind", "measure", "outcome_period", "outcome_value", "outcome_unit", "outcome_qualifier",
    "outcome_status", "target_period", "target_value", "target_unit", "target_qualifier",
    "target_bound", "change", "outcome_sentence_id", "target_sentence_id", "outcome_id", "target_id",
    "outcome_figure", "target_figure",
]
RANK_COLUMNS = ["metric", "scope", "rank", "rank_text", "period", "theme", "sentence_id", "claim", "ranked"]
#: the values of ``claim`` in :func:`ranks`: only ``position`` (第N位) is a place; a tier (第一档) is a group
#: of places, a move (前移1个位次) a change of place, and the others say no place at all
CLAIMS = ("position", "tier", "move", "first_to_do", "only", "most", "leading", "among_top")
#: the values of ``bound`` (and ``target_bound``): what a qualifier means (左右 approx, 以上 min, 以内 max …)
BOUNDS = ("approx", "min", "max", "aim", "estimate", "from", "to", "range")
#: the values of ``measure``: what the figure counts, read from the verb or qualifier of its clause
#: (年均增长 annual_average, 累计 cumulative, 新开工 new_start, 完成/建成 completed, 新增/培育 new, 列入 listed,
#: 建设/实施/打造 … done_in_year, 达到/余额 stock); empty when the clause says nothing (an unqualified figure)
MEASURES = ("annual_average", "cumulative", "new_start", "new_build", "completed", "new", "listed",
            "done_in_year", "stock")
#: the values of ``status`` (and ``outcome_status``): 实际, 预计, 目标
STATUSES = ("actual", "estimate", "target")

# --------------------------------------------------------------------------- patterns
_NUM_CHARS = "零〇一二两三四五六七八九十百千"
_ZH_CLASSIFIERS = "个项家位档名人条处所次届批年件座户亩倍张"
#: a number mention: Arabic, a Chinese ordinal (第一), a quoted Chinese numeral (“十四五”)
#: or a Chinese numeral before a classifier (三个, 五年)
MENTION_RE = re.compile(
    rf"\d+(?:\.\d+)?"
    rf"|(?<=第)[{_NUM_CHARS}]+"
    rf"|(?<=“)[{_NUM_CHARS}]+(?=”)"
    rf"|[{_NUM_CHARS}]+(?=[{_ZH_CLASSIFIERS}])"
)
#: what may follow a number: 余/多, a unit, a bounding word
AFTER_RE = re.compile(rf"(?P<mid>余|多)?(?P<unit>{nb.UNIT_PATTERN})(?P<post>左右|以上|以内|以下|及以上|及以下)?")
#: "第1、第2位": the unit of a rank chain comes at its end
RANK_CHAIN_RE = re.compile(rf"(?:、第(?:\d+|[{_NUM_CHARS}]+))+(?P<unit>位|名|档)")
PRE_QUALIFIER_RE = re.compile(r"(?P<q>约|近|超过|突破|不低于|不少于|不超过)$")
#: a stated year between the word and the figure (由2010年的162.4亿元, 增加到2015年的287.9亿元)
_STATED_YEAR = r"(?:(?P<year>(?:19|20)\d{2})年(?:底|末)?的?)?"
FROM_RE = re.compile(rf"由{_STATED_YEAR}(?:每人每年|每人每月|每人|每年|每月)?$")
TO_RE = re.compile(rf"(?P<verb>提高|发展|增加|提升|增长|上升|下降|降低|减少|压降|缩减|压减|跃升|降|增|升)(?P<to>至|到){_STATED_YEAR}$")
CHANGE_VERB_RE = re.compile(r"(?P<verb>增长|递增|增加|提高|提升|上升|上涨|下降|降低|减少|压降|回落|改善)$")
RANK_MOVE_RE = re.compile(r"(?P<verb>前移|后移|上升|下降|提升)$")
DELIMITERS = "，；：。！？、"
CLAUSE_DELIMITERS = "，；：。！？"
SCOPE_RE = re.compile(r"全市|全省|全国|全县|全区|全盟|全州")

# metric cleaning: framing words and generic verbs at the start, predicates at the end
_LEAD_RE = re.compile(
    r"^(?:其中|预计|用于|累计|累积|(?:这)?五年(?:来|间)?|当年|全年|全县|全区|全市|今年|当年|年内|一年来|五年来|力争|确保|努力|全力|着力|依法|提供|已|共(?!享)|"
    r"新开工建设|开工建设|规划建设|新建改建|新建|改建|建设(?!工程)|建成(?!区)|实施|完成|实现|打造了?|"
    r"创建|修建|解决了?|铺设|投放|发放|办理|办复(?!率)|办结(?!率)|开展|为)"
)
_TRAIL_RE = re.compile(
    r"(?:分别|平均|均|同比|年均|累计)?"
    r"(?:增长|递增|增加|提高|提升|上升|上涨|下降|降低|减少|压降|缩减|压减|回落|改善|达到|达|为|是|至|到|控制在|控制到|发展到|发展至|超过|约|近|完成|突破|实现|"
    r"增至|增加到|(?:提|上|跃|下)?[升降][至到]|超|共|(?:较|比)(?:\d{4}年|上年|“十[一二三四五六七八九]五”末)|(?:人均)?月增|稳定在|保持在|维持在|"
    r"由(?:每人每年|每人每月|每人|每年|每月)?|每人每年|每人每月|"
    r"(?:是|为)?(?:\d{4}年|“十[一二三四五]五”(?:时期|期间)?)的)$"
)
#: the rank phrase before 第 (位居全市, 列, 在全市前移)
_RANK_TRAIL_RE = re.compile(
    r"(?:均|分别)?(?:在)?(?:全市|全省|全国|全县|全区)?(?:前移|后移|位居|位列|跃居|居|列|排名|排)"
    r"(?:全市|全省|全国|全县|全区)?$"
)
_TRAIL_ADVERB_RE = re.compile(r"(?:分别|(?<![人平])均|平均|同比|年均|全部|已经|已|全年|实际|拟按|按|(?:全年|月|年)?人均)$")
_ROAD_EXAMPLE_RE = re.compile(r"[\u4e00-\u9fff]{2}路等")
_GENERIC_METRICS = {"投资", "总投资", "年度计划投资", "计划投资", "完成投资"}
_SPENDING_VERBS = {"投资", "投入"}
#: what may follow a figure without being the thing counted
_NOT_A_NOUN_RE = re.compile(r"[和及与或等的并多余是]|(?:降|增|升|跃升)[至到]|为(?:全国|全省|全市|全区|全县|国内|首)|安排|增长|增加|提高|提升|上升|下降|降低|减少|压降|同比|比上年")
_ADVERBS_RE = re.compile(r"全部|均|已")
_AFTER_NOUN_STOP_RE = re.compile(r"启动实施|开工建设|建成投产|启动|投产|投入使用|全线贯通|实现|竣工|完工|建成|通车|"
                                 r"(?:当年|全年|累计)?完成投资|成功落地|全部|初具规模")
#: the task words after a counted noun (65个年度重点项目建设任务, 7.89亿元政府隐性债务化解目标)
_TASK_RE = re.compile(r"(?:建设)?(?:任务|目标)$")
_SHARE_OF_RE = re.compile(r"^占(?P<whole>.+?)的$")
_URBAN_RURAL_RE = re.compile(r"^城乡(?P<rest>.+)$")

_DIRECTIONS = {"缩减": "down", "压减": "down", "增长": "up", "递增": "up", "发展": "up", "增加": "up", "提高": "up", "提升": "up", "上升": "up", "上涨": "up", "前移": "up",
               "下降": "down", "降低": "down", "减少": "down", "压降": "down", "回落": "down",
               "后移": "down", "改善": "improve", "跃升": "up", "降": "down", "增": "up", "升": "up"}
_BOUNDS = {"左右": "approx", "约": "approx", "近": "approx", "以上": "min", "超过": "min", "余": "min",
           "多": "min", "不低于": "min", "不少于": "min", "以内": "max", "以下": "max", "不超过": "max",
           "及以上": "min", "及以下": "max",
           "力争": "aim", "预计": "estimate", "由": "from", "至": "to", "到": "to", "突破": "min"}
#: units that size a group rather than measure an amount (60岁以上老人, 10蒸吨及以下燃煤小锅炉)
_THRESHOLD_UNITS = {"岁", "蒸吨"}
#: function words a metric must not start with (left over when a verb before them is stripped)
_FUNCTION_LEAD_RE = re.compile(r"^(?:将|把|对(?!外)|向(?!上)|从|由|和|及|并|的|了|等|而|且|也)")
#: a verb after the counted noun ends the noun (70%村卫生室实现…一体化管理 → 村卫生室)
_NOUN_VERB_STOP_RE = re.compile(r"实现|入选|成为|通过|进入|纳入|获得|获国家|达到|保持|迈上|突破|已|均|基本|取得|得到|"
                                r"投入使用|投入运营|正式运营|主体完工|完工|建成|开工建设|开工|竣工|稳步推进|全线贯通|完成|以及")
#: predicate words that end a clause's subject (国内生产总值达到…, 新农合参合率再创新高)
_SUBJECT_END_RE = re.compile(
    r"达到|达|再创|再次|创|稳步|持续|全面|完工|建成|开工|竣工|逐年|不断|进一步|显著|大幅|明显|保持|实现|迈上|突破|超过|连跨|跨上|增至|增长|提高|"
    r"提升|下降|降低|增加|减少|完成|为|是|位居|\d")
_TARGET_SEGMENTS = {"plan_five_years", "year_ahead"}
_TARGET_WORD_RE = re.compile(r"力争|目标(?:是|为)")


# --------------------------------------------------------------------------- data holders
@dataclass
class _Mention:
    """One number mention, relative to its sentence."""

    text: str
    start: int  # in the sentence
    end: int
    chinese: bool


@dataclass
class _Figure:
    """A mention accepted as an indicator, with what was read around it."""

    mention: _Mention
    value: float
    unit: str
    span_start: int  # 第 / pre-qualifier included
    span_end: int    # unit and post-qualifier included
    rank: bool = False
    qualifier: str | None = None
    chain_head: int | None = None  # index of the first figure of an 、/和 chain
    chain_index: int = 0
    kind: str = ""
    direction: str | None = None
    metric: str = ""
    noun_end: int | None = None  # end of the phrase a number-first figure took
    base_metric: str = ""  # the metric a following 总投资/年度计划投资 builds on
    scope: str | None = None


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
        (亿元, 万亩, %, 个百分点, 位 …), ``value_base``/``base_unit`` without 万/亿,
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
        if qualifier is not None or t.bound == "range":
            # an empty main-target qualifier leaves the indicator's: 7%和8%左右 shares 左右 with the 7%
            # in the indicator annotation, not in the main-target one (Hailar 2019; see the README)
            table.loc[i, ["qualifier", "bound"]] = [qualifier, t.bound]
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


def scoreboard(data) -> pd.DataFrame:
    """Outcomes set against targets for the same metric and the same measure.

    ``data`` is an indicator table (:func:`indicators`) or a report (its
    indicators are extracted first): data first, nothing loaded by default.

    Last year's outcomes (period ``Y-1``) meet the year-ahead targets (``Y``);
    the five-year review (``Y-5 … Y-1``) meets the five-year plan (``Y … Y+4``).
    A pair needs the same thing counted (:func:`_metric_key`: 全社会/全县 and
    新增/培育/列入 dropped, 省重点 read as 省级重点项目, the level 国家级/省级/市级
    kept, an unstated level read as the report's own 县级/区级), the same kind
    and base unit, and the same ``measure`` (a new start is not a completed or
    built count, a stock or an unqualified figure is not a flow, an annual
    average not a single year). ``change`` is target minus outcome, in the
    target's unit, when the base units agree; ``outcome_id``/``target_id`` are the
    indicator ids.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> board = scoreboard(indicators(load_report()))
    >>> board.loc[board.metric.eq("生产总值"), ["outcome_value", "target_value", "change"]]
       outcome_value  target_value  change
    0            8.0           6.0    -2.0
    """
    table = data if isinstance(data, pd.DataFrame) else indicators(data)
    if "measure" not in table.columns:
        table = table.assign(measure=None)
    pairs = []
    for outcome_period, target_period in _period_pairs(table):
        outcomes = table[(table.period == outcome_period) & (table.status != "target")]
        targets = table[(table.period == target_period) & (table.status == "target")]
        first_outcome = {_pair_key(r): r for r in reversed(list(outcomes.itertuples()))}
        seen = set()
        for t in targets.itertuples():
            key = _pair_key(t)
            if key in seen or key not in first_outcome:
                continue
            seen.add(key)
            pairs.append(_scoreboard_row(first_outcome[key], t))
    return pd.DataFrame(pairs, columns=SCOREBOARD_COLUMNS)


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
    soft = _soft_claims(_simplified_text(report), report.sentences, int(report.meta["year"]))
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
    paragraph, lead = None, None
    for record in records:  # read simplified text, keep the report's script for display
        record["shown"] = shown_text[record["start"]: record["end"]]
        record["text"] = text[record["start"]: record["end"]]
        if record.get("paragraph_id") != paragraph:
            paragraph, lead = record.get("paragraph_id"), None
        record["lead"] = lead
        lead = _lead_subject(record["text"]) or lead  # a short bare sentence leads the ones after it
    by_sentence: dict[int, list[_Mention]] = {}
    outside: list[tuple[int, int, str]] = []
    for match in MENTION_RE.finditer(text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.end() <= records[i]["end"]:
            s0 = records[i]["start"]
            chinese = not match.group().isascii()
            by_sentence.setdefault(i, []).append(
                _Mention(match.group(), match.start() - s0, match.end() - s0, chinese))
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
            notes[fig.mention.start] = _audit_note(fig, record["text"])
            indicator_rows.append(_indicator_row(indicator_id, fig, record, year))
            mine.append(indicator_rows[-1])
            if fig.kind == "rank":
                ranked = (_ranked_figure(fig, figures, mine) if fig.unit != "位次"
                          else f"{mine[-1]['metric']}: {mine[-1]['figure']}")  # 前移1个位次: up 1 place
                rank_rows.append(_rank_row(fig, record, indicator_rows[-1], ranked))
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


def _read_sentence(record: dict, mentions: list[_Mention], year: int):
    """Figures of one sentence and the reasons for the mentions left out."""
    text = record["text"]
    excluded: dict[int, str] = {}
    figures: list[_Figure] = []
    for m in mentions:
        reason = _exclusion_reason(text, m, record.get("segment"))
        fig = None if reason else _parse_figure(text, m)
        if fig is None:
            excluded[m.start] = reason or "no unit"
            continue
        figures.append(fig)
    _link_chains(text, figures)
    items: list[str] = []
    for n, fig in enumerate(figures):
        previous = figures[n - 1] if n else None
        items = _name_metric(text, fig, previous, figures, items, lead=record.get("lead"))
        _set_kind(text, fig, figures)
        fig.qualifier = fig.qualifier or _sentence_qualifier(text[: fig.span_start])
    _share_chain_qualifiers(figures)
    return figures, excluded


# --------------------------------------------------------------------------- exclusions
def _exclusion_reason(text: str, m: _Mention, segment) -> str | None:
    """Why a mention is not an indicator, or None when it may be one."""
    if m.chinese:
        reason = _chinese_exclusion(text, m)
        return "glossary" if segment == "glossary" and reason is None else reason
    reason = _arabic_exclusion(text, m)
    if reason is None and segment == "glossary":
        return "glossary"
    return reason


def _arabic_exclusion(text: str, m: _Mention) -> str | None:
    before, after = text[: m.start], text[m.end:]
    if before.endswith("第") and after.startswith("页"):
        return "page reference"
    if m.text.isdigit() and len(m.text) == 4 and after.startswith("年") and 1900 <= int(m.text) <= 2100:
        return "year"
    if "." not in m.text and re.match(r"[月日号]", after) and int(m.text) <= 31:
        return "date"
    if re.search(r"\d[-/]$", before) or re.match(r"[-/]\d", after) or re.match(r"[:：]\d", after):
        return "date, time or document number"
    if re.search(r"[A-Za-z]$", before) or re.match(r"[A-Za-z]", after):
        return "code in a name"
    if re.search(r"(?:国道|省道|县道)$", before):
        return "road number"
    if re.match(r"(?:市民|服务|便民)?热线", after):
        return "hotline number"
    if after.startswith("周年"):
        return "anniversary"
    if re.match(r"(?:小时|天|年)“", after):  # 24小时“不打烊”: part of a slogan
        return "quoted name"
    if _inside_quotes(text, m):
        return "quoted name"
    if _is_background(text, m):
        return "background figure (以…为依托)"
    return None


def _chinese_exclusion(text: str, m: _Mention) -> str | None:
    before, after = text[: m.start], text[m.end:]
    if _inside_quotes(text, m):
        return "quoted name"
    if before.endswith("第"):
        if re.match(r"[位名档]", after) and re.search(r"(?:位居|位列|跃居|居|列|排名|排)(?:全市|全省|全国|全县|全区)?第$", before):
            return None
        return "ordinal"
    if after.startswith("年"):
        return "period length"
    if re.match(r"[届次]", after):
        return "ordinal"
    if after.startswith("批") and (m.text == "一" or not after.startswith("批次")):
        return "vague quantity (一批)"
    unit = AFTER_RE.match(after)
    if unit and re.match(r"\d", after[unit.end():]):  # 两批次67名: counts written side by side
        return None
    if unit and (_COUNT_VERB_RE.search(before) or _continues_count_list(before)
                                  or (m.text in _LIST_COUNTS and after[0] in "个项处条座所家" and _sums_up_a_list(before))):
        return None
    return "Chinese numeral in a set phrase"


_COUNT_VERB = r"(?:新建|建成|新增|实施|完成|打造|创建|培育|引进|建设|修建|改造|铺设|开通)"
_COUNT_VERB_RE = re.compile(_COUNT_VERB + "$")
_COUNT_ITEM_RE = re.compile(rf"^(?:\d+(?:\.\d+)?|[{_NUM_CHARS}]+)(?:{nb.UNIT_PATTERN})\S*$")


def _continues_count_list(before: str) -> bool:
    """Whether a numeral continues a list of counts after a building verb.

    >>> _continues_count_list("建设一座标志性公园，"), _continues_count_list("形成两个中心，")
    (True, False)
    """
    if not before or before[-1] not in "，、和及":
        return False
    verbs = list(re.finditer(_COUNT_VERB, before))
    if not verbs:
        return False
    items = re.split(r"[，、和及]", before[verbs[-1].end():-1])
    return bool(items) and all(_COUNT_ITEM_RE.match(item) for item in items)


#: a list is summed up by a small count of its items (两个, 三项 … 十条): never 一, never 千 (千家万户)
_LIST_COUNTS = set("两二三四五六七八九十")
_FIGURE_RE = re.compile(rf"(?:\d+(?:\.\d+)?|[{_NUM_CHARS}]+)(?:{nb.UNIT_PATTERN})")


def _sums_up_a_list(before: str) -> bool:
    """Whether a numeral counts the items listed right before it (水利、景观、市政三项建设, 哈克…等三处).

    >>> _sums_up_a_list("重点做好友联、友好"), _sums_up_a_list("金星村等"), _sums_up_a_list("形成")
    (True, True, False)
    """
    if before.endswith("等"):
        return True
    clause = re.split(r"[，；：。！？]", before)[-1]
    # items without figures (学校3所、幼儿园两所 counts twice, sums nothing up); the last a short bare word:
    # not a quoted slogan, not a figure (7万亿、8万亿), not a verb phrase
    return "、" in clause and not _FIGURE_RE.search(clause) and re.fullmatch(rf"[^\d{_NUM_CHARS}“”、]{{1,4}}", clause.rsplit("、", 1)[1]) is not None


def _inside_quotes(text: str, m: _Mention) -> bool:
    opening = text.rfind("“", 0, m.start)
    if opening < 0 or text.rfind("”", 0, m.start) > opening:
        return False
    closing = text.find("”", m.end)
    return closing >= 0 and closing - opening <= 16


def _is_background(text: str, m: _Mention) -> bool:
    start = max(text.rfind(d, 0, m.start) for d in CLAUSE_DELIMITERS) + 1
    end = min([i for i in (text.find(d, m.end) for d in CLAUSE_DELIMITERS) if i >= 0] or [len(text)])
    clause = text[start:end]
    return clause.startswith("以") and re.search(r"为(?:依托|基础|龙头|支撑|重点)", clause) is not None


# --------------------------------------------------------------------------- reading a figure
def _parse_figure(text: str, m: _Mention) -> _Figure | None:
    """Value, unit and adjacent qualifiers of a mention; None without a unit."""
    before = text[: m.start]
    rank = before.endswith("第")
    after = AFTER_RE.match(text, m.end)
    chain = RANK_CHAIN_RE.match(text, m.end) if rank else None
    if chain is not None:
        unit, span_end, qualifier = chain.group("unit"), m.end, None
    elif after is not None:
        unit = after.group("unit")
        span_end = after.end()
        qualifier = after.group("post") or after.group("mid")
    else:
        return None
    unit = nb.normalize_unit(unit)
    if rank and unit not in {"位", "名", "档"}:
        rank = False
    span_start = m.start - 1 if rank else m.start
    pre = PRE_QUALIFIER_RE.search(before)
    if qualifier is None and pre:
        qualifier = pre.group("q")
        span_start = pre.start()
    fig = _Figure(m, nb.parse_number(m.text), unit, span_start, span_end, rank=rank or unit == "位次",
                  qualifier=qualifier)
    if qualifier is None and FROM_RE.search(before):
        fig.qualifier = "由"
    elif qualifier is None and TO_RE.search(before):
        fig.qualifier = TO_RE.search(before).group("to")
    return fig


def _link_chains(text: str, figures: list[_Figure]) -> None:
    """Mark figures joined by 、/和/及 (``21.4%、15.8%``, ``第1、第2位``) as one chain."""
    for n in range(1, len(figures)):
        gap = text[figures[n - 1].span_end: figures[n].span_start]
        if gap in {"、", "和", "及", "与"}:
            prev = figures[n - 1]
            head = prev.chain_head if prev.chain_head is not None else n - 1
            figures[n].chain_head = head
            figures[n].chain_index = prev.chain_index + 1


def _sentence_qualifier(before: str) -> str | None:
    if "力争" in before:
        return "力争"
    if "预计" in before:
        return "预计"
    return None


def _share_chain_qualifiers(figures: list[_Figure]) -> None:
    """``7%和8%左右``: a bounding word after the last figure of a chain covers all of it."""
    for fig in figures:
        if fig.chain_head is None:
            continue
        head = fig.chain_head
        members = [f for f in figures if f is figures[head] or f.chain_head == head]
        last = members[-1].qualifier
        if last in {"左右", "以上", "以内", "以下"}:
            for member in members:
                if member.qualifier in {None, "力争", "预计"}:
                    member.qualifier = last


# --------------------------------------------------------------------------- metric
def _clause_start(text: str, end: int, floor: int) -> int:
    """Start of the clause before ``end``; a 、 list without figures is kept whole."""
    i = end
    while True:
        j = max(text.rfind(d, floor, i) for d in DELIMITERS)
        if j < floor:
            return floor
        if text[j] == "、" and j > floor:
            i = j  # the item before 、 holds no figure: keep it in the clause
            continue
        return j + 1


def _clean_metric(phrase: str) -> str:
    """Strip framing words, generic verbs and the predicate from a clause.

    Examples
    --------
    >>> _clean_metric("预计全县生产总值增长")
    '生产总值'
    >>> _clean_metric("城市建成区面积达到")
    '城市建成区面积'
    """
    phrase = _ROAD_EXAMPLE_RE.sub("", phrase)
    previous = None
    while phrase != previous:
        previous = phrase
        phrase = _TRAIL_RE.sub("", phrase)
        phrase = _TRAIL_ADVERB_RE.sub("", phrase)
        phrase = _LEAD_RE.sub("", phrase)
        phrase = _FUNCTION_LEAD_RE.sub("", phrase)
        phrase = re.sub(r"^到?(?:19|20)\d{2}年(?:底|末)?前?(?=..)", "", phrase)  # the period column holds the year
        # 教育重点项目完成投资 → 教育重点项目投资, 物流园区累计完成投资 → 物流园区投资
        phrase = re.sub(r"(?<=..)(?:累计|累积|共|当年|全年)?(?:完成)?(?=投资$|投入$)", "", phrase)
        phrase = re.sub(r"(?<=.{2})从(?!业|事)[^从]{0,8}$", "", phrase)  # 将…起征点从月销售额10万元提高到…
        phrase = phrase.strip("、， \u3000—")
    return "" if phrase in {"和", "及", "与", "并"} else phrase


def _noun_after(text: str, fig: _Figure, figures: list[_Figure]) -> tuple[str, int]:
    """The phrase after a number written first: ``31个项目列入省重点`` -> 项目列入省重点."""
    pos = fig.span_end
    rest = text[pos:]
    lead = re.match(r"的|完成|就|即", rest)
    if lead:
        pos += lead.end()
    for other in figures:  # 24天完成339处…: skip the next figure
        if other.span_start == pos:
            pos = other.span_end
    stops = [text.find(d, pos) for d in DELIMITERS]
    end = min([s for s in stops if s >= 0] or [len(text)])
    cut = False  # whether the next figure is in this phrase
    for other in figures:
        if pos <= other.span_start < end:
            end, cut = other.span_start, True
    phrase = text[pos:end]
    stop = _NOUN_VERB_STOP_RE.search(phrase)
    if stop:  # a phrase that opens on a verb (1194公里全线贯通) names nothing
        phrase = phrase[: stop.start()] if stop.start() >= 2 else ""
        phrase = re.sub(r"(?<=..)(?:全面|圆满|顺利|按时|如期|基本|全部|正式)$", "", phrase)  # …实事全面完成
        if cut and stop.start() >= 2:  # what follows the noun is the next figure's clause
            end = pos + stop.start()
    phrase = _ADVERBS_RE.sub("", phrase).removesuffix("的")
    phrase = re.sub(r"(?<=..)的(?=..)", "", phrase)  # 背街巷道的综合改造 → 背街巷道综合改造
    if len(_TASK_RE.sub("", phrase)) >= 4:  # 年度重点项目建设任务, 政府隐性债务化解目标
        phrase = _TASK_RE.sub("", phrase)
    return phrase, end


def _name_metric(text, fig: _Figure, previous: _Figure | None, figures, items: list[str],
                 lead: str | None = None) -> list[str]:
    """Set ``fig.metric``, ``fig.base_metric`` and ``fig.scope``; return the 分别 items in force."""
    floor = 0 if previous is None else max(previous.span_end, previous.noun_end or 0)
    raw = text[_clause_start(text, fig.span_start, floor): fig.span_start]
    if fig.rank:
        fig.scope = _last_scope(text[_clause_start(text, fig.span_start, 0): fig.span_end])
    if "分别" in raw:
        subject = _clean_metric(raw[: raw.index("分别")])
        if len(subject) < 2 and not items:  # …工资再次提高，月人均分别提高221元、90元: the clause before
            subject = _subject_before(text, fig.span_start) or subject
        items = _split_items(subject) if subject else items  # 同比分别增长: the same items again
    metric, base = _metric_from_clause(text, fig, previous, figures, raw, items)
    threshold = _is_threshold(fig, text[fig.span_end:])
    following = next((f for f in figures if f.span_start == fig.span_end), None)
    if previous is not None and previous.span_end == fig.span_start and previous.metric and not threshold:
        metric, base = previous.metric, previous.base_metric  # 建档立卡贫困户301户611人: one group, two counts
    elif following is not None and _is_threshold(following, text[following.span_end:]):
        metric = _threshold_group(_noun_after(text, fig, figures)[0])  # 1467位80岁以上低收入老年人
    elif following is not None:  # 建档立卡贫困户301户611人全部脱贫: the subject and what the group did
        noun = _noun_after(text, fig, figures)[0]
        own_words = _clean_metric(raw)
        metric = (own_words if len(own_words) >= 2 else "") + noun or metric
    own = _clean_metric(raw)
    if own in _GENERIC_METRICS and metric == own:
        # 总投资 -> 县级重点项目总投资; without a named figure before it, the clause's subject or lead phrase
        before = previous.base_metric if previous is not None else ""
        if not before or before in _GENERIC_METRICS or before.endswith(own.removeprefix("完成")):
            before = _subject_before(text, fig.span_start) or lead or ""
        if before and not before.endswith(own.removeprefix("完成")):
            base, metric = before, before + own.removeprefix("完成")
    elif len(metric) < 2 or metric in _GENERIC_METRICS:  # 国内生产总值达到114万亿元，增长8.1%
        subject = _subject_before(text, fig.span_start) or lead
        if subject:
            metric = subject if len(metric) < 2 else subject + metric
    if threshold:  # the group it defines, after the clause's own words: 入境俄蒙8座以下小汽车 → 入境俄蒙小汽车
        own_words = re.split(r"[、，]", own)[-1]
        own_words = own_words if len(own_words) >= 2 and own_words not in metric else ""
        metric = own_words + _threshold_group(metric)
    if fig.mention.chinese and "、" in raw and _sums_up_a_list(text[: fig.mention.start]) \
            and not raw.endswith("等") and metric and not metric.startswith(own):
        metric = _clean_metric(_LEAD_VERB_RE.sub("", own)) + metric  # 水利、景观、市政三项建设 → 水利、景观、市政建设
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}率", metric) and previous is not None:
        metric = _rate_of_listed(text, fig, figures) + metric  # 建议95件、提案136件，办结率均达100%
    examples = _EXAMPLES_RE.match(metric)
    if examples and len(examples.group("head")) >= 4:  # 胜利大街、哈萨尔大街等城市主干道路 → 城市主干道路
        metric = examples.group("head")
    if not metric:  # 全区96户177人建档立卡贫困人口: the noun after the figures
        metric = _clean_metric(_noun_after(text, fig, figures)[0])
    metric = _DOUBLED_RE.sub(r"\1", metric)  # never a doubled word (投资投资)
    fig.metric, fig.base_metric = metric, base or metric
    return items


def _rate_of_listed(text: str, fig: _Figure, figures: list[_Figure]) -> str:
    """The items a bare rate after a list of counts is about (建议95件、提案136件，办结率 → 建议、提案), or ""."""
    n = figures.index(fig) - 1
    group = [figures[n]]
    while n > 0 and not re.search(r"[，；。：]", text[figures[n - 1].span_end: figures[n].span_start]):
        n -= 1
        group.insert(0, figures[n])
    names = [f.metric for f in group if f.kind == "count"]
    return "、".join(names) if len(names) == len(group) >= 2 and len(set(names)) == len(names) else ""


#: a list of examples before the head noun they illustrate: A、B、C等<head>
_EXAMPLES_RE = re.compile(r"^(?P<examples>[^等]*、[^等]*)等(?P<head>[^、等]+)$")
_DOUBLED_RE = re.compile(r"([\u4e00-\u9fff]{2,})\1")


def _lead_subject(sentence: str) -> str | None:
    """The subject of a paragraph's lead phrase (东山组团建设步伐加快。 → 东山组团), if it is one.

    >>> _lead_subject("东山组团建设步伐加快。"), _lead_subject("全年投资3.5亿元，完成5项。")
    ('东山组团', None)
    >>> _lead_subject("大力推进棚户区改造工程。")
    '棚户区改造工程'

    """
    body = sentence.rstrip("。！").lstrip("—-")  # ——城市面貌发生巨变: a dash bullet
    if not (2 <= len(body) <= 16) or re.search(r"[，、：；\d“]", body):
        return None
    body = _LEAD_VERB_RE.sub("", body)  # 大力推进棚户区改造工程 → 棚户区改造工程
    end = _LEAD_END_RE.search(body, 2)
    subject = _clean_metric(body[: end.start()] if end else body)
    return subject if 2 <= len(subject) <= 12 else None


_LEAD_VERB_RE = re.compile(r"^(?:.{0,8}?(?:推进|实施|推动|加强|开展|抓好|做好)|让)")
_LEAD_END_RE = re.compile(r"建设步伐|步伐|加快|取得|成效|要|得到|更|稳步|持续|不断|全面|深入|扎实|有序|显著|明显|进一步|再上|迈出|"
                          r"实现|推进|提升|增强|改善|加强|优化|发展")


def _subject_before(text: str, pos: int) -> str | None:
    """The subject of the nearest earlier clause of the sentence that has one.

    >>> _subject_before("国内生产总值达到114万亿元，增长8.1%", 20)
    '国内生产总值'
    >>> _subject_before("新农合参合率再创新高，达到98.5%", 13)
    '新农合参合率'
    """
    clauses = re.split(r"[，；：]", text[:pos])[:-1]
    for clause in reversed(clauses):
        end = _SUBJECT_END_RE.search(clause, 2)
        subject = _clean_metric(clause[: end.start()] if end else clause)
        if 2 <= len(subject) <= (40 if "、" in subject else 20) and not re.search(r"\d", subject):
            return subject
    return None


def _metric_from_clause(text, fig, previous, figures, raw: str, items: list[str]) -> tuple[str, str | None]:
    """The metric by the first rule that applies, and the base a later 总投资 builds on."""
    metric = _clean_metric(_RANK_TRAIL_RE.sub("", raw) if fig.rank else raw)
    after = text[fig.span_end:]
    share_of = _SHARE_OF_RE.match(raw)
    if share_of and previous is not None:  # 占一般公共预算支出的81.3%
        return f"{previous.metric}占{share_of.group('whole')}", None
    if raw.endswith("投资") and after.startswith("的"):  # 投资10亿元以上的大项目
        # 总投资30亿元的红星美凯龙…项目当年完成投资6.1亿元: the project's 总投资, and the base of the next 投资
        noun = _AFTER_NOUN_STOP_RE.split(re.match(r"的([^，；。、\d]*)", after).group(1))[0]
        return noun + ("总投资" if raw.endswith("总投资") else "投资"), noun
    done = re.match(r"(?:完成|建成|实施)了?", after) if metric in _SPENDING_VERBS else None
    counted = next((f for f in figures if done and f.span_start == fig.span_end + done.end()), None)
    if counted is not None:  # 投资650万元建成6座水冲式公厕: what the money built
        noun = _clean_metric(_noun_after(text, counted, figures)[0])
        if len(noun) >= 2:
            return noun + metric, noun
    if "分别" in raw and items:  # PM2.5、PM10分别改善21.4%
        return items[0], None
    if fig.chain_head is not None and fig.chain_index < len(items):  # …、15.8%
        return items[fig.chain_index], None
    if not (_followed_by_noun(after, fig) or len(metric) <= 1 or metric.endswith("等")):
        return metric, None
    if fig.chain_head is None and _chain_length(fig, figures) > 1 and items:  # 列全市第1、第2位
        return items[0], None
    if _followed_by_noun(after.removeprefix("的"), fig):  # 31个项目列入省重点
        noun, fig.noun_end = _noun_after(text, fig, figures)
        if not noun and len(metric) >= 2:  # 沿黄生态廊道1194公里全线贯通
            return metric, None
        if metric in _SPENDING_VERBS:  # 投资1100万元新建污水管线
            noun = _clean_metric(noun)
            return noun + metric, noun
        capacity = _CAPACITY_RE.search(metric)
        if capacity:  # 建设日处理7万吨规模工业用水厂 → 工业用水厂日处理: the plant and what the figure measures
            return noun.removeprefix("规模") + capacity.group(), None
        if _NAME_BEFORE_RE.fullmatch(metric) and text[fig.span_start - 1] not in DELIMITERS \
                and nb.to_base(1, fig.unit)[1] in _CAPACITY_BASES and not _VERB_START_RE.match(metric) and not _LEAD_VERB_RE.match(metric):
            # 大唐700万吨露天矿, 奋斗镇4000平方米保鲜库: a physical size inside a name
            return metric + noun, None
        return noun, None
    if previous is not None:  # 12.6亿元、增长7%
        return previous.base_metric or previous.metric, None
    return "", None


#: a bare name written straight before a capacity (大唐, 奋斗镇, 红星美凯龙): no verb, no list
_NAME_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[^\W和及与并或等的]")
#: a capacity written before the plant it sizes (日处理80吨污泥焚烧厂, 日产500吨熟料生产线)
#: verbs and modals a name does not start with (要加快大唐700万吨露天矿, 严守18亿亩耕地红线)
_VERB_START_RE = re.compile(r"^(?:要|需|坚决|严守|守住|巩固|启动|关停|淘汰|确保|加快|推进|支持|使用|用好|增发|构建|保持|落地|.{0,2}做好)")
_CAPACITY_BASES = {"吨", "平方米", "立方米", "千瓦", "公里", "米", "亩"}
_CAPACITY_RE = re.compile(r"[日年](?:处理|产|供水|供)$")


def _followed_by_noun(after_text: str, fig: _Figure) -> bool:
    """A number+unit followed directly by a noun counts that noun (``12个村庄获评…``)."""
    if fig.rank or _NOT_A_NOUN_RE.match(after_text):
        return False
    return bool(re.match(r"[\u4e00-\u9fff“]", after_text))


def _chain_length(fig: _Figure, figures: list[_Figure]) -> int:
    index = figures.index(fig)
    return 1 + sum(1 for f in figures if f.chain_head == index)


def _split_items(subject: str) -> list[str]:
    """``PM2.5、PM10`` -> two items; ``城乡低保标准`` -> 城镇低保标准, 农村低保标准."""
    parts = [p for p in re.split(r"[、和及]", subject) if p]
    if len(parts) == 1:
        urban_rural = _URBAN_RURAL_RE.match(parts[0])
        if urban_rural:
            rest = urban_rural.group("rest")
            return [f"城镇{rest}", f"农村{rest}"]
    return parts


def _last_scope(phrase: str) -> str | None:
    found = SCOPE_RE.findall(phrase)
    return found[-1] if found else None


# --------------------------------------------------------------------------- kind
def _set_kind(text: str, fig: _Figure, figures: list[_Figure]) -> None:
    before = text[: fig.span_start]
    after = text[fig.span_end:]
    unit_class = nb.unit_class(fig.unit)
    change = CHANGE_VERB_RE.search(before)
    head = figures[fig.chain_head] if fig.chain_head is not None else None
    if _is_threshold(fig, after):
        fig.kind = "threshold"
    elif fig.rank:
        fig.kind = "rank"
        move = RANK_MOVE_RE.search(before) if fig.unit == "位次" else None
        fig.direction = _DIRECTIONS.get(move.group("verb")) if move else None
    elif unit_class == "points":
        fig.kind = "change_pp"
    elif unit_class == "ratio":
        fig.kind = "ratio"
    elif unit_class == "percent":
        if change:
            fig.kind = "growth_rate"
        elif head is not None and head.kind == "growth_rate":
            fig.kind, fig.direction = "growth_rate", head.direction
        elif re.search(r"(?:增速|增幅|涨幅|增长率)$", fig.metric or ""):  # 规模以上工业增加值增速达到11.1%
            fig.kind = "growth_rate"
            fig.metric = re.sub(r"(?:增速|增幅|涨幅|增长率)$", "", fig.metric) or fig.metric
        else:
            fig.kind = "share"
    elif unit_class == "duration" and (re.match(r"完成|内|就|即", after) or re.search(r"实现|用时|仅用|历时", before[-4:])):
        fig.kind = "duration"
    elif change and unit_class == "count" and _followed_by_noun(after, fig):
        fig.kind = "count"  # 改善7000多所义务教育学校办学条件: how many schools, not a change
    elif change:
        fig.kind = "change"
    else:
        fig.kind = "level" if unit_class == "level" else "count"
    if change and fig.kind in {"growth_rate", "change_pp", "change"}:
        fig.direction = _DIRECTIONS[change.group("verb")]
    to = TO_RE.search(before)
    if fig.qualifier in {"至", "到"} and to:
        fig.direction = _DIRECTIONS.get(to.group("verb"))


def _threshold_group(noun: str) -> str:
    """The group a threshold sizes, without what is done for it (老人发放补贴 → 老人)."""
    return re.split(r"发放|提供|给予|享受|实施|开展|实现|建设|改造|拆除|淘汰|整治|延伸|覆盖|的|等|、", noun, maxsplit=1)[0] or noun


def _is_threshold(fig: _Figure, after: str) -> bool:
    """A size or age that defines a group of things (60岁以上老人, 10蒸吨及以下燃煤小锅炉), not an amount."""
    if fig.unit in _THRESHOLD_UNITS:
        return True
    if fig.qualifier in {"及以上", "及以下"}:
        return bool(re.match(r"[\u4e00-\u9fff]", after))
    # 入境俄蒙8座以下小汽车: a bound written straight before the noun it sizes
    return fig.qualifier in {"以上", "以下"} and not _NOT_A_NOUN_RE.match(after) \
        and bool(re.match(r"[\u4e00-\u9fff]", after)) and nb.unit_class(fig.unit) != "percent"


def _audit_note(fig: _Figure, text: str) -> str | None:
    """Why an indicator is a threshold or bounds a class, for the audit's reason column."""
    if fig.kind == "threshold":
        return f"threshold: {fig.mention.text}{fig.unit}{fig.qualifier or ''} defines a group (kind threshold)"
    if fig.qualifier in {"以上", "以下", "及以上", "及以下"} and text[fig.span_end:].startswith("的"):
        return f"bound of a class: {fig.qualifier}的… (bound {_BOUNDS[fig.qualifier]})"
    return None


# --------------------------------------------------------------------------- rows
def _period_for(record: dict, year: int) -> str | None:
    period = record.get("period")
    if isinstance(period, str) and period:
        return period
    return period_of(record.get("segment"), year)


#: a year that dates what follows it (2015年旅游收入达到69亿元), not a base of comparison (是2010年的2.6倍),
#: a span (2020年到2025年) or the year of one end of a change (到2025年的70%)
_DATING_YEAR_RE = re.compile(r"(?<![\d比较是为由从与同到至—-])((?:19|20)\d{2})年(?!以来|以前|前|后|到|至|—|-|的?\d)")
#: the start of a change, 由 or 从, with the year it may state (由2010年的162.4亿元, 从98元/月)
_CHANGE_START_RE = re.compile(rf"[由从]{_STATED_YEAR}(?:每人每年|每人每月|每人|每年|每月)?$")
#: a deadline in a one-year plan (到2017年底前实现…)
_DEADLINE_RE = re.compile(r"到((?:19|20)\d{2})年(?:底|末)?前?")


def _stated_period(record: dict, fig: _Figure, period: str | None) -> str | None:
    """The period the text states for a figure, where it narrows or extends its part's period.

    In a multi-year review the ends of a ``由(从)…到(至)…`` change take the years written
    after 由 and 到, else the base year before the span and its last year; a level or count
    after a year the sentence names (2015年旅游收入达到69亿元) takes that year; rates,
    ratios and changes keep the span. In a one-year plan a later deadline
    (到2017年底前实现…) extends the period to it.

    >>> fig = _Figure(_Mention("11.66", 7, 12, False), 11.66, "亿元", 7, 14, qualifier="由", kind="level")
    >>> _stated_period({"text": "公共预算支出由11.66亿元增加到29.33亿元", "segment": "review_five_years"}, fig, "2011-2015")
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
            years = [int(y) for y in _DATING_YEAR_RE.findall(before)]
            if years and first <= years[-1] <= last:
                return str(years[-1])
        return period
    if "-" not in period and target:
        deadline = _DEADLINE_RE.search(before)
        if deadline and int(deadline.group(1)) > int(period):
            return f"{period}-{deadline.group(1)}"
    return period


def _status(record: dict, fig: _Figure, text: str) -> str:
    before = text[: fig.span_start]
    if record.get("segment") in _TARGET_SEGMENTS or _TARGET_WORD_RE.search(before):
        return "target"
    if "预计" in before:
        return "estimate"
    return "actual"


def _clean(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def _indicator_row(indicator_id: str, fig: _Figure, record: dict, year: int) -> dict:
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
        "bound": _BOUNDS.get(fig.qualifier),
        "metric": fig.metric,
        "period": _stated_period(record, fig, _period_for(record, year)),
        "status": _status(record, fig, record["text"]),
        "theme": _clean(record.get("theme")),
        "part": _clean(record.get("part")),
        "section": _clean(record.get("section")),
        "paragraph_id": record.get("paragraph_id"),
        "sentence_id": record.get("sentence_id"),
        "sentence": record["shown"],
        "start": s0 + fig.mention.start,
        "end": s0 + fig.mention.end,
        "measure": _measure(record["text"], fig),
        "upper": float("nan"),
    }
    row["figure"] = figure_text(fig.value, fig.unit, fig.qualifier, kind=fig.kind, direction=fig.direction,
                                measure=row["measure"])
    return row


#: the words that say what a figure measures, compounds first (新开工建设 is a new start, not 建设)
_MEASURE_WORDS = {
    "annual_average": r"年均|年平均",
    "cumulative": r"累计|总计|共计",
    "new_start": r"新开工建设|开工建设|新开工|开工",
    "completed": r"完成|建成|竣工|完工|通车",
    "new_build": r"新建(?!改建)",
    "new": r"新增|新培育|培育|新认定|新引进|引进",
    "listed": r"列入|纳入|入选|获评",
    "done_in_year": r"新建改建|建设|实施|打造|创建|改造|铺设|发放|整治|提升|绿化|亮化",
    "stock": r"达到|达|余额|保有量|总数|现有",
}
_MEASURE_RE = re.compile("|".join(f"(?P<{name}>{words})" for name, words in _MEASURE_WORDS.items()))


def _measure(text: str, fig: _Figure) -> str | None:
    """What a figure counts, from the nearest measure word of its clause (and its metric name).

    The clause runs from the last ，；：。 before the figure (a 、 list shares its head verb:
    新增国家级高新技术企业14家、省级“专精特新”企业4家 are both new); a number-first figure
    (15个项目列入省重点) reads its metric too. None when nothing says (实际使用外资5125万美元).
    """
    start = max(text.rfind(d, 0, fig.span_start) for d in CLAUSE_DELIMITERS) + 1
    found = None
    for match in _MEASURE_RE.finditer(text[start: fig.span_start] + "|" + (fig.metric or "")):
        found = match.lastgroup
        if found in {"annual_average", "cumulative"}:
            return found  # 累计实施…: the span wins over the verb
    return found


def _rank_row(fig: _Figure, record: dict, row: dict, ranked: str | None = None) -> dict:
    scope = fig.scope or ""
    if fig.unit == "位次":
        verb = RANK_MOVE_RE.search(record["text"][: fig.span_start])
        rank_text = f"{scope}{verb.group('verb') if verb else ''}{fig.mention.text}个位次"
        place, claim = None, "move"
    else:
        rank_text = f"{scope}第{fig.mention.text}{fig.unit}"
        place, claim = fig.value, "tier" if fig.unit == "档" else "position"
    return {"metric": row["metric"], "scope": fig.scope, "rank": place, "rank_text": rank_text,
            "period": row["period"], "theme": row["theme"], "sentence_id": row["sentence_id"],
            "claim": claim, "ranked": ranked or row["metric"]}


#: rank claims without a number (全市率先, 全省前列 …) and what each is
_SOFT_CLAIM_RE = re.compile(r"(?P<scope>全市|全省|全国|全县|全区)(?P<word>率先|唯一|最多|领先|前列)")
_SOFT_CLAIMS = {"率先": "first_to_do", "唯一": "only", "最多": "most", "领先": "leading", "前列": "among_top"}
_CLAIM_FRAME_RE = re.compile(r"(?:均|已|继续|始终)?(?:走在|位居|位列|跃居|居于|居|列|处于|保持|在)$")
_CLAIM_LEAD_RE = re.compile(r"^(?:其中|全县|同时|并且?|确保|力争)")


def _ranked_figure(fig: _Figure, figures: list[_Figure], rows: list[dict]) -> str | None:
    """What a 第N位 ranks: the nearest figure of the same metric before it (PM2.5 第1位 ranks 改善21.4%)."""
    n = figures.index(fig)
    earlier = [(f, r) for f, r in zip(figures[:n], rows[:n])
               if f.kind not in {"rank", "threshold"} and r["metric"] == rows[n]["metric"]]
    if not earlier:
        return None
    return f"{earlier[-1][1]['metric']}: {earlier[-1][1]['figure']}"


def _soft_claims(text: str, sentences: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rank claims without a number (全市最多, 全省率先, 全市前列 …), one row each."""
    rows = []
    for record in sentences.to_dict("records"):
        if record.get("segment") == "glossary":
            continue
        sentence = text[record["start"]: record["end"]]
        for m in _SOFT_CLAIM_RE.finditer(sentence):
            claim = _SOFT_CLAIMS[m.group("word")]
            if claim == "first_to_do":  # 在全市率先建设…: what is done first follows the claim
                after = re.split(rf"[{CLAUSE_DELIMITERS}]", sentence[m.end():], maxsplit=1)[0]
                subject = after
            else:
                start = max(sentence.rfind(d, 0, m.start()) for d in CLAUSE_DELIMITERS) + 1
                subject = _CLAIM_FRAME_RE.sub("", sentence[start: m.start()])
                if not subject.strip():  # ，全市最多: the claim is about the clause before
                    prev_end = start - 1
                    prev_start = max(sentence.rfind(d, 0, max(prev_end, 0)) for d in CLAUSE_DELIMITERS) + 1
                    subject = re.split(r"\d", sentence[prev_start: max(prev_end, 0)], maxsplit=1)[0]
            subject = _CLAIM_LEAD_RE.sub("", subject.strip()) or subject.strip()
            rows.append({"metric": subject, "scope": m.group("scope"), "rank": float("nan"),
                         "rank_text": m.group(), "period": _period_for(record, year),
                         "theme": _clean(record.get("theme")), "sentence_id": record["sentence_id"],
                         "claim": claim, "ranked": subject})
    return pd.DataFrame(rows, columns=RANK_COLUMNS)


# --------------------------------------------------------------------------- scoreboard helpers
#: abbreviations and second names of one thing, read as the full name when pairing
_METRIC_SYNONYMS = (("生命安全防护", "安防"), ("安全防护", "安防"))
#: things whose recognition has one level whether the text says it or not (高新技术企业 is national)
_IMPLIED_LEVELS = {"高新技术企业": "国家"}
#: levels a county or district report means when it states none
_OWN_LEVELS = {"县", "区", None}
_LEVEL_RE = re.compile(r"^(?P<level>国家|省|市|县|区)(?:级(?:以上)?|(?=重点))")


def _metric_key(metric: str) -> tuple[str, str | None]:
    """What a metric counts, for matching outcomes with targets: (thing, level).

    Framing (全社会/全县) and flow words (新增, 新培育, 列入) go; the level stays apart so
    省级重点项目 meets 省重点 but not 重点项目 or 市级重点项目; word order does not count
    (绿化亮化道路 meets 道路绿化亮化).

    Examples
    --------
    >>> _metric_key("城镇新增就业") == _metric_key("新增城镇就业")
    True
    >>> _metric_key("全社会固定资产投资") == _metric_key("固定资产投资")
    True
    >>> _metric_key("项目列入省重点") == _metric_key("列入省级重点项目")
    True
    >>> _metric_key("市级重点项目") == _metric_key("重点项目")
    False
    """
    core = re.sub(r"^(?:全社会|全县|全区|全市)|新增|新培育|^培育|^获评|^项目列入|^列入", "", metric or "")
    for other, name in _METRIC_SYNONYMS:
        core = core.replace(other, name)
    level = None
    found = _LEVEL_RE.match(core)
    if found:
        level, core = found.group("level"), core[found.end():]
    if core == "重点":
        core = "重点项目"
    level = _IMPLIED_LEVELS.get(core, level)
    if level in _OWN_LEVELS:
        level = None
    return "".join(sorted(core)), level


def _pair_key(row) -> tuple:
    """Everything an outcome and a target must share to be set side by side."""
    measure = row.measure if isinstance(row.measure, str) else None
    return _metric_key(row.metric), row.kind, row.base_unit, measure


def _period_pairs(table: pd.DataFrame) -> list[tuple[str, str]]:
    """(outcome period, target period) pairs present in the table: Y-1 -> Y, Y-5…Y-1 -> Y…Y+4."""
    pairs = []
    for target_period in sorted(set(table.loc[table.status == "target", "period"].dropna())):
        if "-" in target_period:
            first = int(target_period.split("-")[0])
            pairs.append((f"{first - 5}-{first - 1}", target_period))
        else:
            pairs.append((str(int(target_period) - 1), target_period))
    pairs.sort(key=lambda p: ("-" in p[1], p[1]))
    return pairs


def _scoreboard_row(outcome, target) -> dict:
    change = None
    if outcome.base_unit == target.base_unit:
        scale = target.value_base / target.value if target.value else 1.0
        change = round((target.value_base - outcome.value_base) / scale, 10)
    return {
        "metric": target.metric if len(target.metric) <= len(outcome.metric) else outcome.metric,
        "theme": target.theme,
        "kind": target.kind,
        "measure": target.measure if isinstance(target.measure, str) else None,
        "outcome_period": outcome.period,
        "outcome_value": outcome.value,
        "outcome_unit": outcome.unit,
        "outcome_qualifier": outcome.qualifier,
        "outcome_status": outcome.status,
        "target_period": target.period,
        "target_value": target.value,
        "target_unit": target.unit,
        "target_qualifier": target.qualifier,
        "target_bound": target.bound,
        "change": change,
        "outcome_sentence_id": outcome.sentence_id,
        "target_sentence_id": target.sentence_id,
        "outcome_id": outcome.indicator_id,
        "target_id": target.indicator_id,
        "outcome_figure": _figure_of_row(outcome),
        "target_figure": _figure_of_row(target),
    }


def _figure_of_row(row) -> str:
    """An indicator row's display (its ``figure``, direction and measure kept)."""
    shown = getattr(row, "figure", None)
    if isinstance(shown, str) and shown:
        return shown
    return figure_text(row.value, row.unit, row.qualifier, kind=row.kind, direction=getattr(row, "direction", None),
                       measure=getattr(row, "measure", None))
