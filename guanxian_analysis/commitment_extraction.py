"""Commitments: what the report promises for the year ahead, one row per promise (a table; no prose, charts or files).

A commitment is a clause of the year-ahead part (segment ``year_ahead``) that commits
the government to an action. The rules are those of the hand annotation in
``tests/fixtures/commitments_annotated.csv`` (see ``tests/fixtures/README.md``):

1. headings (section titles, paragraph headings, 一是… sub-headings) and lead-in
   sentences ending in ``：`` hold no commitment;
2. a sentence splits into clauses at ，；：。！？ (never inside “…” or （…）); 、 does not split;
3. a clause is a commitment when its head verb, after adverbs, is in :data:`VERB_CLASSES`,
   or when it states a target for a figure (生产总值增长6%左右);
4. a clause without a verb of its own that only adds a figure (总投资345.9亿元) or starts
   with 其中 belongs to the commitment before it;
5. framing clauses (以…为依托, 围绕…, 按照…) and result tails (实现…, 让…, 确保… without a
   figure, after the first clause) are not commitments;
6. ``checkable`` is true when a quantity, an explicit deadline, a named deliverable or a
   bid for an honour makes the promise verifiable at the year's end.

The verb table lives here as a module constant (:data:`VERB_CLASSES`), the one home of the
rule; it is small enough to read and keeps ``data/`` free while that folder moves.

Examples
--------
>>> import guanxian_analysis as ga
>>> table = ga.commitments(ga.load_report())                      # doctest: +SKIP
>>> table.query("verb_class == 'bid_honour'")[["verb", "object"]]  # doctest: +SKIP
"""
from __future__ import annotations

import re
import pandas as pd

from .indicator_extraction import indicators
from .mentions import AFTER_RE, PRE_QUALIFIER_RE

__all__ = ["commitments", "commitment_summary", "named_deliverables", "VERB_CLASSES", "VERB_CLASS_LABELS",
           "COMMITMENT_COLUMNS"]

#: verb class -> the verbs that put a clause in it (one table; the longest match wins)
VERB_CLASSES: dict[str, tuple[str, ...]] = {
    # build or complete something countable or named
    "build_complete": (
        "建设", "新建", "改建", "新建改建", "扩建", "改扩建", "改造", "改造提升", "建成", "建成投用", "完成",
        "打造", "规划建设", "整合升级", "铺设", "建成使用", "完工",
    ),
    # start something: ground broken, work begun
    "start": ("启动", "新开工建设", "开工建设", "开工", "新上"),
    # launch a programme, a campaign, a pilot or a policy
    "launch_pilot": (
        "实施", "开展", "成立", "制定", "推出", "探索", "推广", "配备", "试点", "出台", "设立", "举办",
    ),
    # bid for an honour, a title or an approval that someone else grants
    "bid_honour": ("争创", "创建", "申报", "争取", "创成"),
    # strive for a figure
    "strive_figure": (
        "新增", "新培育", "确保", "发放", "达到", "增长", "控制在", "列入", "力争", "培训",
    ),
    # improve or strengthen: no checkable end
    "improve": (
        "推进", "推动", "加强", "强化", "提升", "优化", "深化", "健全", "完善", "加快", "坚持", "落实",
        "巩固", "发展", "发展壮大", "培育", "培育壮大", "培植", "支持", "引导", "抓好", "做好", "加大", "规范",
        "规范发展", "扩大", "保持", "守住", "守牢", "构建", "用好", "吸引", "培养", "引进", "引进培养",
        "招引", "承接", "整合", "整合挖掘", "挖掘", "讲好", "统筹", "统筹协调", "理顺", "发挥", "明确",
        "拓展", "拓展优化", "畅通", "打通", "投入", "限制", "严禁", "禁止", "打破", "打好", "遏制", "管控", "根治", "维护", "打击", "解决", "做强",
        "做优", "做实", "做强做优做大", "树立", "研究", "谋划", "谋划筛选储备", "搜集", "破解", "抓住",
        "实行", "施策", "搭起", "搭建", "延伸", "注重", "凸显", "纳入", "布局", "调整", "抑制", "清违清障",
        "治污治乱", "减", "践行", "办好", "唱响", "传播", "优化提升", "优化调整", "造就", "打响", "重视", "提倡", "倡导", "保护", "保障", "改善", "增强", "促进",
        "实现", "服务", "降低", "减少", "提高", "扶持", "鼓励", "严格", "严控", "防范", "化解", "整治",
        "治理", "监管", "清理", "建立", "建立健全", "开发", "争先",
    ),
}
#: clause heads that state a result when they follow another clause (rule 5)
RESULT_HEADS = (
    "实现", "让", "使", "为", "以", "更好", "确保", "促进", "带动", "撬动", "释放", "激发", "占据", "形成",
    "营造", "提高", "提升", "增强", "改善", "保障", "丰富", "擦亮", "做到", "有效", "真正", "努力实现",
    "加快实现", "基本实现", "全面激发", "全面增强", "全面提升", "全面提高", "不断提升",
)
#: framing clauses: the ground or aim the next clause acts under (rule 5)
FRAMING_RE = re.compile(r"^(?:以.*为|围绕|按照|聚焦|瞄准|突出|紧盯|坚持把|坚持在|坚持.*这一定位|立足|对标|依托|通过|结合|针对)")
#: adverbs and manner words that may precede the head verb
ADVERBS = (
    "全力以赴", "千方百计", "慎终如始", "全力", "大力", "积极", "深入", "持续", "扎实", "着力", "著力", "严格", "切实",
    "坚决", "全面", "纵深", "稳步", "有序", "主动", "精准", "常态化", "长效化", "不断", "努力", "力争", "适时",
    "尽快", "认真", "强力", "统筹", "全年", "牢固", "牢牢", "高质量", "科学合理", "科学", "合理", "及时",
    "依法", "严厉", "广泛", "创新", "坚定", "加快", "进一步", "继续", "重点", "优先", "同步", "再", "要", "将",
    "聚力", "着重", "务必", "抓紧", "今年", "年内", "今年要", "我们要", "我们将", "新",
)
#: a figure target without an action verb at the head: 生产总值增长6%左右
TARGET_RE = re.compile(r"(?P<verb>增长|下降|达到|控制在|提高到|提高至|降低到|降至|突破|保持在)(?:[^，；。]{0,3})\d")
#: clauses adding a figure to the commitment before them (rule 4)
ATTRIBUTE_RE = re.compile(r"^(?:其中|总投资|年度计划投资|计划投资|投资|总面积|总长|总里程|面积|长度|共计|合计)")
#: an explicit deadline
DEADLINE_RE = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}月(?:底|末|份)?|年底|年末|上半年|下半年|年内|年前)前?(?:完成|建成|投用|竣工)?"
    r"|到\d{4}年(?:底)?|\d{4}年(?:底|前)"
)
#: bids for an honour: a title at a level, a pilot, a demonstration, an approval
HONOUR_RE = re.compile(r"国家级|省级|全国|全省|国家|省|市级|试点|示范|获批|称号|“[^”]+”")
#: outcomes that someone else decides: 争取…落地 / 召开 / 获批 is a bid
BID_RE = re.compile(r"落地|召开|获批|批复|列为|命名")
#: words that end the subject of a figure target without belonging to it (城乡…收入分别增长, 失业率全年控制在)
SUBJECT_TAIL_RE = re.compile(r"(?:分别|全年|均|都|要|拟按|拟|按|约|近|超过|不低于|不少于|不超过|从[\d.]+%?|由[\d.]+%?)+$")
#: named-deliverable endings (projects, sites, facilities, programmes, titles)
DELIVERABLE_SUFFIX = (
    "项目", "工程", "行动", "计划", "产业园", "园区", "基地", "示范区", "中心", "净水厂", "处理厂", "用水厂",
    "档案馆", "图书馆新馆", "党校", "平台", "养护院", "教育带", "直通车", "总体规划", "前期规划",
    "控制性详规", "论坛", "示范县", "试点县", "模范县", "之乡", "示范区", "试点", "专项行动", "活动",
    "新城", "墓",
)
NAMED_LIST_RE = re.compile(r"(?P<names>[^，；。：]+?)(?<!高)等(?P<what>[^，；。：、]{0,10})")
#: what a list ending in 等 must name for its items to count as named deliverables
NAMED_LIST_WHAT_RE = re.compile(r"项目|道路|路")
#: objects of build verbs that are states, not things: 打造…新高地 is an improvement
ABSTRACT_RE = re.compile(r"(?:高地|风尚|环境|格局|城市|冠县|体系|生态|关系|氛围)(?:建设)?$")
#: 开展 a campaign with a name launches it; 开展 ongoing work improves
CAMPAIGN_RE = re.compile(r"(?:行动|活动|会战|招商|交易|整顿|试点)$")
#: a counted amount inside a phrase (a name holds none; 5G in 5G+智慧园区 is not a count)
COUNT_RE = re.compile(r"\d+(?:\.\d+)?(?:个|处|家|条|座|项|件|万|亿|公里|米|亩|人|套|%)")
GENERIC_RE = re.compile(r"^(?:涉及|有关|一批|一支|一个|更多|各类|各项|一系列|所有|重点|新一轮|系列|多部门|更高水平)")

COMMITMENT_COLUMNS = [
    "commitment_id", "verb", "verb_class", "object", "quantity", "indicator_ids", "value", "unit",
    "qualifier", "deadline", "deliverables", "checkable", "theme", "part", "section", "paragraph_id",
    "sentence_id", "clause", "sentence", "start", "end",
]

_VERB_TO_CLASS = {verb: cls for cls, verbs in VERB_CLASSES.items() for verb in verbs}
_VERBS_LONGEST = sorted(_VERB_TO_CLASS, key=len, reverse=True)
_ADVERBS_LONGEST = sorted(ADVERBS, key=len, reverse=True)
_SUBHEADING_RE = re.compile(r"^[一二三四五六七八九十]+是")
_SECTION_TITLE_RE = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_CLOSE = {"“": "”", "（": "）", "(": ")", "《": "》", "‘": "’"}
_BOUNDARY = "，；：。！？"


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans of ``sentence``: split at ，；：。！？ outside quotes and brackets."""
    spans, start, depth = [], 0, []
    for i, ch in enumerate(sentence):
        if ch in _CLOSE:
            depth.append(_CLOSE[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in _BOUNDARY and not depth:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans


def _head(clause: str) -> tuple[str, int]:
    """The head verb of a clause and where it starts (``("", -1)`` when none).

    Adverbs are stripped while what follows still starts with a verb or an adverb;
    an adverb that is itself a verb (加快, 力争) is the head when nothing verbal follows.
    """
    pos = 0
    while True:
        verb = next((v for v in _VERBS_LONGEST if clause.startswith(v, pos)), None)
        adverb = next((a for a in _ADVERBS_LONGEST if clause.startswith(a, pos)), None)
        if adverb and (verb is None or len(adverb) >= len(verb)):
            rest = pos + len(adverb)
            if any(clause.startswith(v, rest) for v in _VERBS_LONGEST) or any(
                    clause.startswith(a, rest) for a in _ADVERBS_LONGEST):
                pos = rest
                continue
            if adverb in _VERB_TO_CLASS:
                return adverb, pos
            return "", -1
        if verb:
            return verb, pos
        return "", -1


def _is_heading(row, headings: set[str]) -> bool:
    text = row.text.rstrip("。：:；")
    return (text in headings or bool(_SUBHEADING_RE.match(row.text))
            or bool(_SECTION_TITLE_RE.match(row.text)) or row.text.endswith(("：", ":")))


def _classify(verb: str, obj: str, clause: str, has_quantity: bool) -> str:
    """The verb class of a commitment: the verb's class in :data:`VERB_CLASSES`, then the few
    rules where the object decides (documented in ``tests/fixtures/README.md``, rule 7)."""
    cls = _VERB_TO_CLASS.get(verb, "strive_figure")
    if verb == "实施":
        return "build_complete" if has_quantity or obj.endswith("项目") else "launch_pilot"
    if verb == "开展":
        return "launch_pilot" if CAMPAIGN_RE.search(obj) else "improve"
    if verb in ("力争", "争取"):
        return "bid_honour" if (HONOUR_RE.search(clause) or BID_RE.search(clause)) else "strive_figure"
    if cls == "build_complete" and not has_quantity and ABSTRACT_RE.search(obj.replace("”", "")):
        return "improve"
    if cls == "improve" and "创建" in obj and "成果" not in obj and re.search(r"国家级|省级|全国|省|“", obj):
        return "bid_honour"
    if cls == "improve" and has_quantity:
        return "strive_figure"
    return cls


def _mask_quotes(text: str) -> str:
    """``text`` with every character inside “…” replaced by ``_`` (same length), so splits skip quotes."""
    return re.sub(r"“[^”]*”", lambda m: "“" + "_" * (len(m.group(0)) - 2) + "”", text)


def _split_spans(match: re.Match, separators: str) -> list[tuple[int, int]]:
    """Spans of the ``names`` group of ``match`` split at any of ``separators``."""
    start, end = match.span("names")
    spans, at = [], start
    for i in range(start, end):
        if match.string[i] in separators:
            spans.append((at, i))
            at = i + 1
    spans.append((at, end))
    return spans


def _outside_quotes(name: str) -> str:
    return re.sub(r"“[^”]*”", "", name)


def _deliverables(clause_after_verb: str, verb_class: str) -> list[str]:
    """Named projects, sites, programmes and titles in the words after the verb (rule 9)."""
    names: list[str] = []
    clause_after_verb = clause_after_verb.removeprefix("好")  # 实施好…, 完成好…: the complement of the verb
    for match in NAMED_LIST_RE.finditer(_mask_quotes(clause_after_verb)):
        items = [clause_after_verb[a:b].strip() for a, b in _split_spans(match, "、")]
        if NAMED_LIST_WHAT_RE.search(match.group("what")) or all(n.endswith(DELIVERABLE_SUFFIX) for n in items):
            names += [n for n in items if len(n) >= 3 and not GENERIC_RE.match(n) and not COUNT_RE.search(n)]
    if names:
        return names
    obj = re.sub(r"(?:建设|创建工作|建设工作|编制报批|创建|尽快落地|尽快获批|在我县召开)$", "", clause_after_verb)
    masked = _mask_quotes(obj)
    for a, b in _split_spans(re.fullmatch(r"(?P<names>.*)", masked, re.S), "、和"):
        part = obj[a:b].strip()
        bare = _outside_quotes(part)
        if len(part) < 3 or GENERIC_RE.match(part) or COUNT_RE.search(bare) or "的" in bare or "等" in bare \
                or re.search(r"新平台|新高地", bare):
            continue
        if _head(part)[0]:  # 做优企业、做实平台: a second action, not a name
            continue
        if part.rstrip("”").endswith(DELIVERABLE_SUFFIX) or verb_class == "bid_honour":
            names.append(part)
    return names


def _quantity_text(text: str, start: int, end: int) -> str:
    """A quantity as written: the number with its 约/超过 before and unit and 以上/左右 after."""
    match = AFTER_RE.match(text, end)
    stop = match.end() if match else end
    pre = PRE_QUALIFIER_RE.search(text[max(0, start - 3):start])
    return text[start - len(pre.group("q")) if pre else start:stop]


def _describes(text: str, start: int, end: int) -> bool:
    """True when the number at ``start:end`` is followed (after its unit) by 的: a description."""
    quantity = _quantity_text(text, start, end)
    stop = text.find(quantity, max(0, start - 3)) + len(quantity)
    return text[stop:stop + 1] == "的"


def _object(clause: str, head_end: int, quantity_spans: list[tuple[int, int]]) -> str:
    chars = list(clause)
    for a, b in quantity_spans:
        for i in range(max(a, 0), min(b, len(chars))):
            chars[i] = ""
    obj = "".join(chars[head_end:]).strip("、 ")
    obj = re.sub(r"、{2,}", "、", obj)
    return obj[:40]


def commitments(report) -> pd.DataFrame:
    """One row per commitment in the report's year-ahead part.

    Parameters
    ----------
    report : Report
        A loaded report (``ga.load_report(path)``); there is no default report.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COMMITMENT_COLUMNS`: ``verb`` (as written), ``verb_class``
        (build_complete, start, launch_pilot, bid_honour, strive_figure, improve),
        ``object``, ``quantity`` (as written, several joined by ``; ``), the linked
        indicators (``indicator_ids``, ``value``, ``unit``, ``qualifier``, joined by
        ``; ``), ``deadline``, ``deliverables`` (``; ``), ``checkable``, where it is
        (theme, part, section, paragraph_id, sentence_id) and ``start``/``end`` of the
        clause in ``report.text``.

    Examples
    --------
    >>> import guanxian_analysis as ga
    >>> table = ga.commitments(ga.load_report())
    >>> row = table[table.quantity == "2750套"].iloc[0]
    >>> row.verb, row.verb_class, row.object
    ('新开工建设', 'start', '回迁安置房')
    """
    text = report.text
    sentences = report.sentences[report.sentences.segment == "year_ahead"]
    inds = indicators(report)[["indicator_id", "value", "unit", "qualifier", "start", "end"]].to_dict("records")
    headings = set(report.paragraphs.heading.dropna().astype(str).str.rstrip("。：:；"))
    rows: list[dict] = []
    for sent in sentences.itertuples(index=False):
        if _is_heading(sent, headings):
            continue
        sent_inds = [i for i in inds if sent.start <= i["start"] < sent.end]
        current: dict | None = None
        for k, (a, b) in enumerate(_clauses(sent.text)):
            clause = sent.text[a:b]
            start, end = sent.start + a, sent.start + b
            # a figure that describes the object (投资10亿元以上的大项目) is not a promised quantity
            clause_inds = [i for i in sent_inds
                           if start <= i["start"] < end and not _describes(text, i["start"], i["end"])]
            has_quantity = bool(clause_inds)
            if ATTRIBUTE_RE.match(clause) and current is not None:
                current["end"] = end
                current["_inds"].append(clause_inds)
                current["clause"] = text[current["start"]:end]
                continue
            if sent.text[b:b + 1] in ("：", ":") or FRAMING_RE.match(clause):  # lead-in (…目标是：) or framing
                current = None
                continue
            verb, at = _head(clause)
            if not verb:
                if not has_quantity:
                    continue
                # a figure target without a head verb (rule 3): 生产总值增长6%左右, 培训1430人
                target = TARGET_RE.search(clause)
                first = min(i["start"] for i in clause_inds) - start
                before = next((v for v in _VERBS_LONGEST if clause[:first].endswith(v)), "")
                verb = target.group("verb") if target else before
                head_end = target.start() if target else (first - len(before) if before else 0)
                cls = "strive_figure"
                # the object is what the figure measures: the words before the change verb or the number
                subject = clause[:target.start() if target else first]
                while subject.startswith(tuple(_ADVERBS_LONGEST)):
                    subject = subject[next(len(a) for a in _ADVERBS_LONGEST if subject.startswith(a)):]
                subject = SUBJECT_TAIL_RE.sub("", subject.strip("、"))
            else:
                head_end = at + len(verb)
                if k > 0 and verb in RESULT_HEADS and not (verb == "确保" and has_quantity):
                    continue
                cls = _classify(verb, clause[head_end:], clause, has_quantity)
                subject = None
            current = {"verb": verb, "verb_class": cls, "clause": clause, "start": start, "end": end,
                       "_inds": [clause_inds], "_head_end": head_end, "sentence": sent, "_subject": subject,
                       "first_clause": clause}
            rows.append(current)
    out = []
    for i, row in enumerate(rows, 1):
        sent = row["sentence"]
        linked = [i for part in row["_inds"] for i in part]
        clause = row["clause"]
        offset = row["start"]
        q_spans, quantities = [], []
        for ind in linked:
            q = _quantity_text(text, ind["start"], ind["end"])
            qs = text.find(q, ind["start"] - 3)
            quantities.append(q)
            q_spans.append((qs - offset, qs - offset + len(q)))
        after_verb = clause[row["_head_end"]:]
        first_clause = len(row["first_clause"])
        obj = row["_subject"] or _object(clause[:first_clause], row["_head_end"],
                                         [q for q in q_spans if q[1] <= first_clause])
        deadline = "; ".join(m.group(0) for m in DEADLINE_RE.finditer(clause))
        deliverables = _deliverables(DEADLINE_RE.sub("", after_verb), row["verb_class"])
        previous = out[-1] if out else None
        bare = DEADLINE_RE.sub("", after_verb)
        if not row["_subject"] and (not re.sub(r"实施|工作", "", bare) or (len(bare) <= 4 and _head(bare)[0])) \
                and previous \
                and previous["sentence_id"] == sent.sentence_id:
            # 完成红旗路北延前期规划，力争尽快启动实施: the object is the one before
            obj, deliverables = previous["object"], previous["deliverables"].split("; ")
            deliverables = [d for d in deliverables if d]
        checkable = bool(quantities or deadline or deliverables or row["verb_class"] == "bid_honour")
        out.append({
            "commitment_id": f"c{i:03d}",
            "verb": row["verb"],
            "verb_class": row["verb_class"],
            "object": obj,
            "quantity": "; ".join(quantities),
            "indicator_ids": "; ".join(i["indicator_id"] for i in linked),
            "value": "; ".join(f"{i['value']:g}" for i in linked),
            "unit": "; ".join(str(i["unit"]) for i in linked),
            "qualifier": "; ".join("" if pd.isna(i["qualifier"]) else str(i["qualifier"]) for i in linked),
            "deadline": deadline,
            "deliverables": "; ".join(dict.fromkeys(deliverables)),
            "checkable": checkable,
            "theme": sent.theme,
            "part": sent.part,
            "section": sent.section,
            "paragraph_id": sent.paragraph_id,
            "sentence_id": sent.sentence_id,
            "clause": clause,
            "sentence": sent.text,
            "start": row["start"],
            "end": row["end"],
        })
    return pd.DataFrame(out, columns=COMMITMENT_COLUMNS)


def commitment_summary(commitments: pd.DataFrame, by: str | list[str] = "verb_class") -> pd.DataFrame:
    """How many commitments, and how many checkable, per group.

    Parameters
    ----------
    commitments : pandas.DataFrame
        The table from :func:`commitments` (not modified).
    by : str or list of str
        Grouping columns, e.g. ``"verb_class"``, ``"theme"`` or ``["theme", "verb_class"]``.

    Returns
    -------
    pandas.DataFrame
        ``by…, commitments, checkable, checkable_share``, largest groups first (ties by name).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"verb_class": ["start", "improve", "improve"], "checkable": [True, False, True]})
    >>> commitment_summary(table)
      verb_class  commitments  checkable  checkable_share
    0    improve            2          1              0.5
    1      start            1          1              1.0
    """
    keys = [by] if isinstance(by, str) else list(by)
    out = (commitments.groupby(keys, dropna=False)
           .agg(commitments=("checkable", "size"), checkable=("checkable", "sum"))
           .reset_index())
    out["checkable"] = out["checkable"].astype(int)
    out["checkable_share"] = (out["checkable"] / out["commitments"]).round(3)
    return out.sort_values(["commitments", *keys], ascending=[False, *[True] * len(keys)]).reset_index(drop=True)


#: verb class -> a short bilingual label for charts and tables (typical verbs, then the class in English)
VERB_CLASS_LABELS: dict[str, str] = {
    "build_complete": "建设/完成 build, complete",
    "start": "开工/启动 start",
    "launch_pilot": "实施/开展 launch, pilot",
    "bid_honour": "争创/申报 bid for an honour",
    "strive_figure": "新增/达到 reach a figure",
    "improve": "推进/加强 improve (no end)",
}


def named_deliverables(commitments: pd.DataFrame) -> pd.DataFrame:
    """One row per named deliverable (project, site, programme, title) of a :func:`commitments` table.

    A commitment naming several deliverables gives several rows; a name promised twice keeps its
    first commitment and counts the others in ``mentions``.

    Parameters
    ----------
    commitments : pandas.DataFrame
        The table from :func:`commitments` (not modified).

    Returns
    -------
    pandas.DataFrame
        ``deliverable, verb, verb_class, theme, section, commitment_id, mentions`` in text order.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"deliverables": ["档案馆; 新党校", "", "档案馆"], "verb": ["建成", "推进", "完成"],
    ...     "verb_class": ["build_complete", "improve", "build_complete"], "theme": ["urban"] * 3,
    ...     "section": ["三.5"] * 3, "commitment_id": ["c001", "c002", "c003"]})
    >>> named_deliverables(t)[["deliverable", "commitment_id", "mentions"]].values.tolist()
    [['档案馆', 'c001', 2], ['新党校', 'c001', 1]]
    """
    columns = ["deliverable", "verb", "verb_class", "theme", "section", "commitment_id", "mentions"]
    rows = commitments[commitments["deliverables"].fillna("") != ""]
    out = rows.assign(deliverable=rows["deliverables"].str.split("; ")).explode("deliverable")
    out = out[out["deliverable"].str.len() > 0]
    mentions = out.groupby("deliverable", sort=False).size()
    out = out.drop_duplicates("deliverable", keep="first").copy()
    out["mentions"] = out["deliverable"].map(mentions).astype(int)
    return out.reindex(columns=columns).reset_index(drop=True)
