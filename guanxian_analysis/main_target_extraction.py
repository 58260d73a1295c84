"""The year's main expected targets (主要预期目标) of a report, as a table (no charts, no prose, no comparison).

(The module is named ``main_target_extraction`` so that ``ga.main_targets`` stays the function,
as ``indicator_extraction`` does for ``ga.indicators``.)

Every work report states the year's headline targets in one short passage
(今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，…). :func:`main_targets` reads that
passage, and only that passage, into one row per target in the order written;
:func:`target_table` pivots the targets of several reports into the familiar cross-place
table (one row per place, one column per common metric, figures as written).

How the passage is found and read (the rules of ``tests/fixtures/README.md``):

- it starts after 主要预期目标是： (or 预期目标是：, 主要预期目标为：, a line break allowed before 是),
  falling back to 主要目标是： only when no 预期目标 is stated; a lead-in that names a multi-year
  period (“十五五”时期…的主要目标) is a plan, not the year's targets, and is skipped;
- it ends at the end of its paragraph or before the first sentence that comments on the
  targets (上述…, 这些目标…, 这样的目标…, 重点做好…);
- its clauses (ending at ，；。) each give one row per figure, or one ``verbal`` row when they
  state a target without a number; a 分别/均 list gives one row per item; add-ons such as
  在实际工作中努力争取更好结果 go to the ``note`` of the target before them.

Examples
--------
>>> import guanxian_analysis as ga
>>> t = ga.main_targets(ga.load_report())
>>> t.loc[0, ["metric", "kind", "figure", "qualifier", "bound"]].tolist()
['生产总值', 'growth_rate', '6%左右', '左右', 'approx']
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .mentions import QUALIFIER_BOUNDS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report

__all__ = ["main_targets", "target_table", "targets_from_text", "find_passage", "common_metric",
           "COMMON_METRICS", "COLUMNS"]

#: columns of :func:`main_targets` for one report (a corpus adds report_id, place, level, year first)
COLUMNS = [
    "order", "metric", "kind", "value", "upper", "unit", "qualifier", "bound", "direction",
    "figure", "verbal", "note", "quote", "start", "end", "number_start", "number_end",
    "sentence_id", "sentence",
]

#: the common metrics of the cross-place table: column, kinds it takes, regex on ``metric``.
#: The one home of the mapping from a report's wording to a common metric.
COMMON_METRICS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("GDP growth", ("growth_rate",), r"^(?:地区|国内)?生产总值$|^经济$"),
    ("budget revenue", ("growth_rate",), r"^(?:地方)?(?:一般公共预算|公共财政预算)收入$|^地方财政总收入$"),
    ("fixed investment", ("growth_rate",), r"^(?:全社会|区本级)?固定资产投资$"),
    ("retail sales", ("growth_rate",), r"^社会消费品零售总额$"),
    ("income growth", ("growth_rate", "verbal"), r"^(?:城乡)?居民(?:人均可支配)?收入"),
    # a county's targets often split income into town and country (城镇居民人均可支配收入, 农民人均纯收入,
    # since 2014 农村常住居民人均可支配收入): two metrics, so that a series can track each
    ("urban income growth", ("growth_rate",), r"^城镇(?:常住)?(?:居民)?人均可支配收入$"),
    ("rural income growth", ("growth_rate",), r"^(?:农村(?:常住)?居民|农民|农牧民)人均(?:可支配|纯)收入$"),
    ("urban jobs", ("count",), r"^城镇新增就业$"),
    ("unemployment rate", ("share",), r"^城镇调查失业率$"),
    ("CPI", ("growth_rate",), r"^居民消费价格(?:指数)?$"),
    ("grain output", ("level", "verbal"), r"^粮食产量"),
)

# ----------------------------------------------------------------------------- the passage
_MARKER = re.compile(r"(?:主要)?预期目标\s*[是为]\s*[：:]")
_FALLBACK_MARKER = re.compile(r"主要目标\s*[是为]\s*[：:]")
#: a lead-in naming a multi-year period: the marker then opens a plan's targets
_PLAN_LEAD_IN = re.compile(r"十[一二三四五六七八九]五|时期|今后五年|未来五年|年均|20[0-9]{2}年前")
#: a sentence opening like these comments on the targets: the passage ends before it
_COMMENTARY = re.compile(r"^(?:上述|以上|这些|这样的|这一|提出|确定|实现上述|实现这些|实现今年|为实现|围绕|"
                         r"重点|具体|综合考虑|完成今年|经济增速)")


def find_passage(text: str) -> tuple[int, int] | None:
    """Start and end offsets of the main-target passage in ``text`` (after the colon), or None.

    Examples
    --------
    >>> text = "今年主要预期目标是：经济增长5%左右。上述目标积极稳妥。"
    >>> s, e = find_passage(text)
    >>> text[s:e]
    '经济增长5%左右。'
    """
    for marker in (_MARKER, _FALLBACK_MARKER):
        for m in marker.finditer(text):
            lead_start = max(text.rfind(c, 0, m.start()) for c in "。；;，,\n") + 1
            if _PLAN_LEAD_IN.search(text[lead_start:m.start()]):
                continue
            end = _paragraph_end(text, m.end())
            for sentence in re.finditer(r"[^。]+。?", text[m.end():end]):
                if sentence.start() > 0 and _COMMENTARY.match(sentence.group().lstrip()):
                    end = m.end() + sentence.start()
                    break
            return m.end(), end
    return None


def _paragraph_end(text: str, start: int) -> int:
    """End of the paragraph from ``start``; a line ending in a range dash (4.5%—) or right
    after the marker continues on the next line."""
    pos = start
    while True:
        newline = text.find("\n", pos)
        if newline < 0:
            return len(text)
        before = text[start:newline].rstrip()
        if before and before[-1] not in _RANGE_DASHES:
            return newline
        pos = newline + 1


# ----------------------------------------------------------------------------- the figures
_RANGE_DASHES = "—－-～~至"
_NUM = r"\d+(?:\.\d+)?"
_EXTRA_UNITS = ("万亿斤", "亿斤", "万斤", "斤", "微克/立方米", "万亿元")


def _unit_pattern() -> str:
    from .numerals import UNITS

    units = set(UNITS) | set(_EXTRA_UNITS) | {"万"}
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _figure_re() -> re.Pattern:
    unit = _unit_pattern()
    return re.compile(
        rf"(?<![A-Za-z\d.])(?P<value>{_NUM})(?P<unit>{unit})?"
        rf"(?:\s*(?:—{{1,2}}|－|-|～|~|至)\s*(?P<upper>{_NUM})(?P<unit2>{unit})?)?"
        r"(?P<qualifier>左右|以上|以内|以下)?"
        r"(?![\dA-Za-z年月日号]|\.\d)")  # not a code (5G), a year or a date


def _figures(body: str) -> list[re.Match]:
    return list(_figure_re().finditer(body))


_CHANGE_UP = ("同比增长", "增长", "涨幅", "上涨", "提高")
_CHANGE_DOWN = ("下降", "降低", "减少")
#: framing words between a metric and its figure (longest first)
_FRAMING = ("全年控制在", "控制在", "继续保持", "保持在", "达到", "完成", "达")
_PLACE_PREFIX = re.compile(r"^(?:其中|全省|全市|全区|全县)+")
#: how a 分别/均 list names its items
_LIST_PREFIXES = (("城镇和农村", ("城镇", "农村")), ("城乡", ("城镇", "农村")), ("一二三产", ("一产", "二产", "三产")))
_CLAUSE = re.compile(r"[^，；。,;]+")
_NOTE_CLAUSE = re.compile(r"^(?:在实际工作中|努力争取|全力争取|争取|力争)")
_CONTINUATION = re.compile(r"^(?:并|且|实现)")
_PREDICATE = re.compile(r"同步|平衡|改善|下降|增长|提升|提质|稳定|高于|低于|完成|达到|达|控制|防控|衔接|考核|弹性|"
                        r"纳入|优良|要求|扭转|升|保持|降低|减少")


def _split_change(prefix: str) -> tuple[str, str, str]:
    """(metric words, change word, direction) from the words before a figure."""
    words = prefix.strip()
    direction = change = ""
    for framing in _FRAMING:  # 粮食产量继续保持 / 城镇调查失业率全年控制在
        if words.endswith(framing):
            words = words[: -len(framing)]
            break
    for verb, d in [(v, "up") for v in _CHANGE_UP] + [(v, "down") for v in _CHANGE_DOWN]:
        if words.endswith(verb):
            words, change, direction = words[: -len(verb)], verb, d
            break
    return words, change, direction


def _kind(unit: str, change: str, metric: str) -> str:
    if unit in ("%", "个百分点") and change:
        return "growth_rate"
    if unit == "%":
        return "share"
    if unit.endswith("人") or (unit == "万" and "人口" in metric):
        return "count"
    return "level"


def _clauses(text: str, start: int, end: int):
    for m in _CLAUSE.finditer(text, start, end):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            yield (m.start() + lead, m.start() + lead + len(body)), body


def _numeric_rows(text: str, cs: int, body: str, previous_metric: str | None) -> list[dict]:
    figures = _figures(body)
    prefix = body[: figures[0].start()]
    aim = ""
    if "力争" in prefix:
        aim = "力争"
        prefix = prefix.replace("力争", "")
    words, change, direction = _split_change(prefix)
    arrange = words.endswith("按") and body[figures[0].end():].startswith("安排")  # 按增长5%安排
    if arrange:
        words = words[:-1]
    words = _PLACE_PREFIX.sub("", words)
    listed = re.search(r"(分别|均)$", words)
    items = [words]
    if listed:
        words = words[: listed.start()]
        for lead, parts in _LIST_PREFIXES:
            if words.startswith(lead):
                items = [p + words[len(lead):] for p in parts]
                break
        else:
            items = [w for w in re.split(r"、|和", words) if w] or [words]
        if len(figures) == 1:
            figures = figures * len(items)
    metrics = items if len(items) == len(figures) else [words] * len(figures)
    rows = []
    quote_from = 0  # a listed figure's quote starts after the figure before it (…分别增长7%|和8%左右)
    for i, (metric, f) in enumerate(zip(metrics, figures)):
        if i and f is not figures[i - 1]:
            quote_from = figures[i - 1].end()
        quote_start = quote_from + len(body[quote_from:]) - len(body[quote_from:].lstrip("、和"))
        metric = metric or previous_metric or ""
        unit = (f.group("unit") or f.group("unit2") or "").replace("％", "%")
        qualifier = f.group("qualifier") or ""
        fig_start, fig_end = f.start(), f.end()
        if arrange and i == 0:
            qualifier = "按…安排"
            fig_start = body.rfind("按", 0, f.start())
            fig_end = f.end() + len("安排")
        elif aim and not qualifier:
            qualifier = aim
        upper = float(f.group("upper")) if f.group("upper") else None
        rows.append({
            "metric": metric,
            "kind": _kind(unit, change, metric),
            "value": float(f.group("value")),
            "upper": upper,
            "unit": unit,
            "qualifier": qualifier,
            "bound": "range" if upper is not None else QUALIFIER_BOUNDS.get(qualifier, ""),
            "direction": direction,
            "figure": body[fig_start:fig_end].replace("％", "%"),  # one percent sign on every page (18％ -> 18%)
            "verbal": "",
            "note": "",
            "quote": body[quote_start:fig_end],
            "start": cs + quote_start,
            "end": cs + fig_end,
            "number_start": cs + f.start(),
            "number_end": cs + f.end(),
        })
    tail = body[max(f.end() for f in figures):].lstrip("、").strip()
    if tail.startswith("安排"):
        tail = tail[2:].lstrip("、，")
    if tail and rows:
        rows[-1]["note"] = tail
    _share_chain_qualifier(body, figures, rows)
    return rows


#: the bounding words a chain's last figure lends to the figures before it
_CHAIN_QUALIFIERS = ("左右", "以上", "以内", "以下")


def _share_chain_qualifier(body: str, figures: list[re.Match], rows: list[dict]) -> None:
    """``分别增长7%和8%左右``: 左右 after the last figure of a 和/、 chain covers every figure of it.

    Chinese writes the hedge once, after the last of the joined figures (the same rule as
    :func:`~guanxian_analysis.mentions.share_chain_qualifiers` for the indicators table).
    """
    end = len(figures)
    while end > 1:
        start = end - 1
        while start > 0 and figures[start - 1] is not figures[start] \
                and body[figures[start - 1].end(): figures[start].start()] in {"和", "、", "及", "与"}:
            start -= 1
        last = rows[end - 1]
        if start < end - 1 and last["qualifier"] in _CHAIN_QUALIFIERS:
            for row in rows[start: end - 1]:
                if row["qualifier"] in {"", "力争"}:
                    row["qualifier"], row["bound"] = last["qualifier"], last["bound"]
        end = start


def _passage_rows(text: str, start: int, end: int) -> list[dict]:
    rows: list[dict] = []
    pending: tuple[int, str] | None = None  # a verbal clause without a predicate, waiting for the next
    previous_metric = None
    for (cs, ce), body in _clauses(text, start, end):
        if _figures(body):
            new = _numeric_rows(text, cs, body, previous_metric)
            rows.extend(new)
            previous_metric = new[-1]["metric"]
            continue
        if _NOTE_CLAUSE.match(body) and rows:
            rows[-1]["note"] = "，".join(filter(None, [rows[-1]["note"], body]))
            continue
        if _CONTINUATION.match(body) and rows and rows[-1]["kind"] == "verbal":
            last = rows[-1]
            last["end"] = ce
            last["verbal"] = last["metric"] = last["quote"] = text[last["start"]:ce]
            continue
        if pending is not None:
            cs = pending[0]
            body = text[cs:ce]
        if not _PREDICATE.search(body):
            pending = (cs, body)
            continue
        pending = None
        rows.append({"metric": body, "kind": "verbal", "value": None, "upper": None, "unit": "",
                     "qualifier": "", "bound": "", "direction": "", "figure": "", "verbal": body, "note": "",
                     "quote": body, "start": cs, "end": ce, "number_start": None, "number_end": None})
    return rows


# ----------------------------------------------------------------------------- the tables
def _report_id(report) -> str:
    path = (report.meta or {}).get("source_path")
    if not path:
        return str(report.meta.get("place") or "report")
    stem = Path(path).stem
    if stem.startswith("guanxian"):
        return f"guanxian_{report.meta.get('year')}"
    return stem


def targets_from_text(text: str) -> pd.DataFrame:
    """The main targets of a plain text: :func:`main_targets` without the sentence columns.

    Offsets index into ``text``; ``attrs["passage"]`` holds the passage's (start, end), or None.

    Examples
    --------
    >>> t = targets_from_text("主要预期目标是：地区生产总值增长4.5%—\\n5%，城镇调查失业率5.5%以内。")
    >>> t[["metric", "value", "upper", "bound", "figure"]].values.tolist()
    [['地区生产总值', 4.5, 5.0, 'range', '4.5%—\\n5%'], ['城镇调查失业率', 5.5, nan, 'max', '5.5%以内']]
    """
    import pandas as pd

    span = find_passage(text)
    rows = _passage_rows(text, *span) if span else []
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in ("order", "sentence_id", "sentence")])
    frame.insert(0, "order", range(1, len(frame) + 1))
    for col in ("value", "upper"):
        frame[col] = frame[col].astype(float)
    for col in ("start", "end", "number_start", "number_end"):
        frame[col] = pd.array(frame[col], dtype="Int64")
    frame.attrs["passage"] = span
    return frame


def _one_report(report: Report) -> pd.DataFrame:
    import pandas as pd

    # read in the simplified script (the patterns are simplified; offsets are the same in both
    # scripts), quote in the report's own script
    frame = targets_from_text(report.text_simplified)
    span = frame.attrs["passage"]
    frame["quote"] = [report.text[s:e] for s, e in zip(frame["start"], frame["end"])]
    sentences = report.sentences
    ids, texts = [], []
    for s in frame["start"]:
        hit = sentences[(sentences["start"] <= s) & (sentences["end"] > s)]
        ids.append(hit["sentence_id"].iloc[0] if len(hit) else None)
        texts.append(hit["text"].iloc[0] if len(hit) else "")
    frame["sentence_id"] = pd.Series(ids, dtype=object)
    frame["sentence"] = texts
    frame = frame[COLUMNS]
    frame.attrs["passage"] = span
    frame.attrs["note"] = ""
    if span is None:
        frame.attrs["note"] = (f"no main-target passage (主要预期目标是：…) in {_report_id(report)}: "
                               "the report states no targets for the year")
    return frame


def main_targets(reports, *, metadata: dict | None = None) -> pd.DataFrame:
    """The year's main expected targets (主要预期目标), one row per target in the order written.

    Parameters
    ----------
    reports : Report, or an iterable of Reports (a corpus)
        A corpus object with a ``reports`` attribute works too.
    metadata : dict, optional
        For a corpus: ``report_id -> {"place": …, "level": …}`` for reports whose meta lacks them
        (``report_id`` is the file stem, e.g. ``national_2022``; Guanxian is ``guanxian_2022``).

    Returns
    -------
    DataFrame
        For one report: ``order, metric, kind, value, upper, unit, qualifier, bound, direction,
        figure, verbal, note, quote, start, end, number_start, number_end, sentence_id, sentence``.

        - ``metric``: the text's words before the figure without the change word (增长 …), framing
          verbs (达到, 控制在 …) or 全省/全市; a verbal target's whole clause.
        - ``kind``: growth_rate, level, share, count or verbal; ``direction``: up/down for a change.
        - ``value``/``upper``: the figure (``upper`` only for a range 5%—5.5%); ``unit`` as written.
        - ``qualifier`` as written (左右, 以上, 以内, 以下, 力争, 按…安排) and ``bound`` (approx, min, max,
          aim, range, or empty for a point figure).
        - ``figure``: the figure as written (``5%—5.5%``, ``5%左右``, ``按增长5%安排``).
        - ``verbal``: a target without a number; ``note``: add-ons such as 在实际工作中努力争取更好结果.
          ``metric``, ``figure``, ``verbal`` and ``note`` are in the simplified script whatever the
          report's script (so metrics match across reports), and ``figure`` has a half-width ``%``
          whatever the text writes (18％ reads 18%); ``quote`` and ``sentence`` are in the report's script.
        - ``start``/``end``: offsets of ``quote`` in ``report.text``; ``number_start``/``number_end``:
          of the figure's number (for joining with other tables); ``sentence_id``/``sentence``: the
          sentence it is in.

        For a corpus the same columns follow ``report_id, place, level, year``. A report without
        a main-target passage gives no rows; the frame's ``attrs["note"]`` says so (for a corpus,
        ``attrs["no_passage"]`` lists their report ids). The input is not modified.

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> t = ga.main_targets(ga.load_report())
    >>> t[["metric", "figure"]].head(2).values.tolist()
    [['生产总值', '6%左右'], ['一般公共预算收入', '6%左右']]
    >>> t.iloc[-1]["verbal"]
    '全面完成上级下达的约束性指标任务'
    """
    from .report import Report

    if isinstance(reports, Report):
        return _one_report(reports)
    import pandas as pd

    items: Iterable = getattr(reports, "reports", reports)
    frames, missing = [], []
    for report in items:
        frame = _one_report(report)
        rid = _report_id(report)
        extra = (metadata or {}).get(rid, {})
        if frame.attrs.get("passage") is None:
            missing.append(rid)
        frame.insert(0, "year", report.meta.get("year"))
        frame.insert(0, "level", extra.get("level", report.meta.get("level")))
        frame.insert(0, "place", extra.get("place", report.meta.get("place")))
        frame.insert(0, "report_id", rid)
        frame.attrs = {}
        frames.append(frame)
    columns = ["report_id", "place", "level", "year", *COLUMNS]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    out.attrs = {"no_passage": missing}
    return out[columns]


def common_metric(metric: str, kind: str) -> str | None:
    """The :data:`COMMON_METRICS` column a target belongs to, or None.

    >>> common_metric("经济", "growth_rate"), common_metric("地区生产总值", "level")
    ('GDP growth', None)
    """
    for column, kinds, pattern in COMMON_METRICS:
        if kind in kinds and re.search(pattern, metric or ""):
            return column
    return None


def target_table(targets: pd.DataFrame, *, by: str = "place") -> pd.DataFrame:
    """One row per place, one column per common metric, each cell the figure as written.

    Parameters
    ----------
    targets : DataFrame
        :func:`main_targets` of a corpus (or of one report).
    by : str
        Column naming the rows; where it is empty the report_id stands in.

    Returns
    -------
    DataFrame
        Index ``by``, columns the :data:`COMMON_METRICS` that occur (GDP growth, budget revenue,
        fixed investment, retail sales, income growth, urban jobs, unemployment rate, CPI, grain
        output), cells such as ``5%—5.5%``, ``5%左右``, ``1100万人以上`` or a verbal target
        (居民收入增长与经济增长同步); the first target of a metric in a passage wins. Rows keep the
        order of ``targets``.

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> ga.target_table(ga.main_targets([ga.load_report()]))[["GDP growth", "fixed investment"]]
           GDP growth fixed investment
    place
    冠县          6%左右            10%左右
    """
    import pandas as pd

    rows: dict[str, dict[str, str]] = {}
    for _, t in targets.iterrows():
        key = t.get(by) if by in t and pd.notna(t.get(by)) and t.get(by) else t.get("report_id", "report")
        cells = rows.setdefault(key, {})
        column = common_metric(t["metric"], t["kind"])
        if column and column not in cells:
            cells[column] = t["verbal"] if t["kind"] == "verbal" else t["figure"]
    order = [c for c, _, _ in COMMON_METRICS if any(c in cells for cells in rows.values())]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=order).fillna("")
    table.index.name = by
    return table
