"""Numbers in a sentence read as figures: which mentions count, value, unit, qualifier, kind, direction, measure.

Works on one sentence's text at a time and knows nothing of reports, tables or metric names (those are
:mod:`~guanxian_analysis.metric_naming` and :mod:`~guanxian_analysis.indicator_extraction`). Every mention
that is not a figure gets a reason (year, date, quoted name …) for the audit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import numerals as nb

_NUM_CHARS = "零〇一二两三四五六七八九十百千"
_ZH_CLASSIFIERS = "个项家位档名人条处所次届批年件座户亩倍张"
#: 成 as tenths of a whole (八成以上, 近四成), not the verb or word (成为, 建成, 一成不变, 成员)
_TENTHS = r"成(?![不为员功立果本效长熟型绩就交群都套片批品规])"
#: a number mention: Arabic (with 2×66 units of a size and 1/4 fractions), a Chinese fraction (三分之一),
#: 首 of 首位 (first place), a Chinese ordinal (第一), a quoted Chinese numeral (“十四五”)
#: or a Chinese numeral before a classifier (三个, 五年)
MENTION_RE = re.compile(
    rf"\d+×\d+(?:\.\d+)?"
    rf"|(?<![\d/.])\d{{1,3}}/\d{{1,3}}(?![\d/.])"
    rf"|[{_NUM_CHARS}]+分之[{_NUM_CHARS}]+"
    rf"|首(?=位(?!度))"
    rf"|[一二三四五六七八九](?={_TENTHS})"
    rf"|\d+(?:\.\d+)?"
    rf"|(?<=第)[{_NUM_CHARS}]+"
    rf"|(?<=“)[{_NUM_CHARS}]+(?=”)"
    rf"|[{_NUM_CHARS}]+(?=[{_ZH_CLASSIFIERS}])"
)
#: the people a bare 万 counts (近8万市民, 近4万居民: no measure word after 万)
PEOPLE_NOUNS = (r"市民|居民|群众|困难群众|农牧民|农民工|农民|牧民|人口|脱贫人口|低收入人口|职工|学生|师生|老年人|老人|"
                r"儿童|游客|妇女|残疾人|患者|劳动力|就业人员|退休人员|特困人员|党员|干部|志愿者|家庭|高校毕业生|毕业生|"
                r"青年|员工|工人|\d+周?岁")  # 为390万65岁以上老年人
#: what may follow a number: 余/多, a unit, a bounding word; 年 only as a length of time (三年左右时间,
#: 20年以上小区), never a year or 五年来; 成 as tenths (超五成, 下降超3成), never 成为, 一成不变
AFTER_RE = re.compile(rf"(?P<mid>余|多)?(?P<unit>{nb.UNIT_PATTERN}|万(?={PEOPLE_NOUNS})|{_TENTHS}"
                      rf"|年(?=(?:左右)?时间|以上|以下|以内|及以上|及以下))(?P<post>左右|以上|以内|以下|及以上|及以下)?")
#: the bounding word after a fraction (占全国1/3以上)
FRACTION_POST_RE = re.compile(r"(?P<post>左右|以上|以内|以下)?")
#: "第1、第2位": the unit of a rank chain comes at its end
RANK_CHAIN_RE = re.compile(rf"(?:、第(?:\d+|[{_NUM_CHARS}]+))+(?P<unit>位|名|档)")
#: 超 alone: 增长超21%, 新增就业超700万人 (never 赶超, 高超: a word ending in 超)
PRE_QUALIFIER_RE = re.compile(r"(?P<q>约|近|超过|突破|不低于|不少于|不超过|(?<![赶高])超)$")
#: a stated year between the word and the figure (由2010年的162.4亿元, 增加到2015年的287.9亿元)
STATED_YEAR = r"(?:(?P<year>(?:19|20)\d{2})年(?:底|末)?的?)?"
FROM_RE = re.compile(rf"由{STATED_YEAR}(?:每人每年|每人每月|每人|每年|每月)?$")
TO_RE = re.compile(rf"(?P<verb>提高|发展|增加|提升|增长|上升|下降|降低|减少|压降|缩减|压减|跃升|降|增|升)(?P<to>至|到){STATED_YEAR}$")
CHANGE_VERB_RE = re.compile(r"(?P<verb>增长|递增|增加|提高|提升|上升|上涨|下降|降低|减少|压降|回落|改善|精简|削减|压减|缩减|压缩"
                            r"|(?<=[月年日])增)$")  # 人均月增200元: a rise per month
#: a cut written verb first, its object between verb and figure (削减审批事项62项, 减少区直部门5个, 压减时间58%):
#: a change of a stock, down (closures of things, 关停锅炉133座, are counts of things done)
CUT_OBJECT_RE = re.compile(rf"(?P<verb>削减|减少|精简|压减|缩减|压缩)[^\d{_NUM_CHARS}，；：。！？、和及与到至]{{1,10}}$")
RANK_MOVE_RE = re.compile(r"(?P<verb>前移|后移|上升|下降|提升)$")
DELIMITERS = "，；：。！？、"
CLAUSE_DELIMITERS = "，；：。！？"
#: what may follow a figure without being the thing counted
_NOT_A_NOUN_RE = re.compile(r"[和及与或等的并多余是]|(?:降|增|升|跃升)[至到]|为(?:全国|全省|全市|全区|全县|国内|首)|安排|增长|增加|提高|提升|上升|下降|降低|减少|压降|同比|比上年")
_DIRECTIONS = {"缩减": "down", "压减": "down", "精简": "down", "削减": "down", "压缩": "down", "增长": "up", "递增": "up", "发展": "up", "增加": "up", "提高": "up", "提升": "up", "上升": "up", "上涨": "up", "前移": "up",
               "下降": "down", "降低": "down", "减少": "down", "压降": "down", "回落": "down",
               "后移": "down", "改善": "improve", "跃升": "up", "降": "down", "增": "up", "升": "up"}
QUALIFIER_BOUNDS = {"左右": "approx", "约": "approx", "近": "approx", "以上": "min", "超过": "min", "余": "min",
           "多": "min", "不低于": "min", "不少于": "min", "以内": "max", "以下": "max", "不超过": "max",
           "及以上": "min", "及以下": "max", "超": "min",
           "力争": "aim", "预计": "estimate", "由": "from", "至": "to", "到": "to", "突破": "min"}
#: units that size a group rather than measure an amount when a noun follows (60岁以上老人, 10蒸吨及以下燃煤小锅炉);
#: with none they are an amount (人均预期寿命提高到80岁以上)
_THRESHOLD_UNITS = {"岁", "蒸吨"}
#: count units that count the members of the thing named after them, not the thing: 20户以上自然村 (villages of
#: 20 households or more), 8座以下小汽车 (cars of up to 8 seats), 100人以上企业; 5家以上企业 counts the firms
_MEMBER_UNITS = {"户", "人", "名", "座", "床"}
_CONTAINER_RE = re.compile(r"(?:农村|自然村|行政村|村|社区|小区|企业|单位|公司|医院|学校|机构|班级|小汽车|汽车|客车|货车|轿车|车辆)")


# --------------------------------------------------------------------------- data holders
@dataclass
class Mention:
    """One number mention, relative to its sentence."""

    text: str
    start: int  # in the sentence
    end: int
    chinese: bool


@dataclass
class Figure:
    """A mention accepted as an indicator, with what was read around it."""

    mention: Mention
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


def is_chinese(mention_text: str) -> bool:
    """Whether a mention is written in Chinese (三个, 首, 三分之一) rather than Arabic (12.6, 1/4, 2×66)."""
    return not mention_text.replace("×", "").isascii()


# --------------------------------------------------------------------------- exclusions
def exclusion_reason(text: str, m: Mention, segment) -> str | None:
    """Why a mention is not an indicator, or None when it may be one."""
    if m.chinese:
        reason = _chinese_exclusion(text, m)
        return "glossary" if segment == "glossary" and reason is None else reason
    reason = _arabic_exclusion(text, m)
    if reason is None and segment == "glossary":
        return "glossary"
    return reason


def _arabic_exclusion(text: str, m: Mention) -> str | None:
    before, after = text[: m.start], text[m.end:]
    if before.endswith("第") and after.startswith("页"):
        return "page reference"
    if m.text.isdigit() and len(m.text) == 4 and after.startswith("年") and 1900 <= int(m.text) <= 2100:
        return "year"
    if m.text.isdigit() and re.match(r"[月日号]", after) and int(m.text) <= 31:
        return "date"
    fraction = nb.FRACTION_RE.match(m.text)
    if fraction and (int(fraction.group("num")) >= int(fraction.group("den")) or re.match(r"[月日号]", after)):
        return "date, time or document number"
    if before.endswith("每"):  # 每10万人口: the base of a rate, not a figure
        return "base of a rate (每…)"
    if re.match(r"[条项](?:配套|实施)?规定", after):  # 自治区28条配套规定, like 中央八项规定
        return "name of a set of rules"
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


def _chinese_exclusion(text: str, m: Mention) -> str | None:
    before, after = text[: m.start], text[m.end:]
    if _inside_quotes(text, m):
        return "quoted name"
    if m.text == "首":  # 稳居全市首位 is first place; 放在首位, 首位产业 are not ranks
        clause = re.split(rf"[{CLAUSE_DELIMITERS}、]", before)[-1]
        return None if _FIRST_PLACE_RE.search(clause) and not after.startswith("位产业") else "set phrase (放在首位)"
    if "分之" in m.text:  # 压减三分之一以上; 零分之一, 三分之五 are no shares
        fraction = nb.FRACTION_RE.match(m.text)
        den, num = nb.chinese_to_int(fraction.group("zden")), nb.chinese_to_int(fraction.group("znum"))
        return None if 0 < num < den else "not a fraction of a whole"
    if re.match(r"年(?:左右)?时间", after):  # 利用三年左右时间: a length of time to do something in
        return None
    if re.match(_TENTHS, after):  # 近八成: a share in tenths
        return None
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
                 or (m.text in _LIST_COUNTS and after[0] in "个项处条座所家"
                     and sums_up_a_list(before, nb.chinese_to_int(m.text)))):
        return None
    return "Chinese numeral in a set phrase"


#: a rank verb before 首位, with the scope between (稳居全市首位, 居全国各城市首位, 保持全球城市首位)
_FIRST_PLACE_RE = re.compile(r"(?:居|列|排|保持)[^\d]{0,8}$")
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


#: a list of work items done (扎实做好…四项改革, 全面实施“…”六项计划), not principles, questions or aspects
#: held to (坚持“…”三项原则, 聚焦解决“…”四个问题, 从“…”四个方面发力)
_DOING_LIST_RE = re.compile(r"^(?:扎实|全面|深入|加快|大力|继续|重点|着力|积极|认真|统筹)*"
                            r"(?:实施|做好|抓好|推进|推动|开展|完成|建设|建成|新建|打造|创建|启动|深化|实行)")


def _listed_items(clause: str) -> int:
    """How many items a 、 list ending the clause has; a list in quotes closed right there counts inside them.

    >>> _listed_items("全面实施“创客逐梦、创业筑巢、融资畅通”"), _listed_items("做好产权制度、“三权”分置、利益联结")
    (3, 3)
    """
    if clause.endswith("”") and "“" in clause:
        return clause[clause.rfind("“") + 1: -1].count("、") + 1
    return re.sub(r"“[^”]*”", "", clause).count("、") + 1


def sums_up_a_list(before: str, numeral: int | None = None) -> bool:
    """Whether a numeral counts the items listed right before it (水利、景观、市政三项建设, 哈克…等三处).

    A list of work items after a doing verb, without figures, whose items number exactly ``numeral``
    is summed up whatever its items' length (扎实做好农村集体产权制度、土地确权、“三权”分置、农企利益联结
    四项改革; 全面实施“创客逐梦、…、返乡农牧民工创业”六项计划); 坚持“…”三项原则 is not work done.

    >>> sums_up_a_list("重点做好友联、友好"), sums_up_a_list("金星村等"), sums_up_a_list("形成")
    (True, True, False)
    >>> sums_up_a_list("扎实做好农村集体产权制度、土地确权、“三权”分置、农企利益联结", 4)
    True
    >>> sums_up_a_list("继续坚持“让利与民、阳光征收、做好群众工作”", 3)
    False
    """
    if before.endswith("等"):
        return True
    clause = re.split(r"[，；：。！？]", before)[-1]
    if numeral is not None and _DOING_LIST_RE.match(clause) and not re.search(r"\d", clause) \
            and _listed_items(clause) == numeral:
        return True
    # items without figures (学校3所、幼儿园两所 counts twice, sums nothing up); the last a short bare word:
    # not a quoted slogan, not a figure (7万亿、8万亿), not a verb phrase
    return "、" in clause and not _FIGURE_RE.search(clause) and re.fullmatch(rf"[^\d{_NUM_CHARS}“”、]{{1,4}}", clause.rsplit("、", 1)[1]) is not None


def _inside_quotes(text: str, m: Mention) -> bool:
    opening = text.rfind("“", 0, m.start)
    if opening < 0 or text.rfind("”", 0, m.start) > opening:
        return False
    closing = text.find("”", m.end)
    return closing >= 0 and closing - opening <= 16


def _is_background(text: str, m: Mention) -> bool:
    start = max(text.rfind(d, 0, m.start) for d in CLAUSE_DELIMITERS) + 1
    end = min([i for i in (text.find(d, m.end) for d in CLAUSE_DELIMITERS) if i >= 0] or [len(text)])
    clause = text[start:end]
    # 以3处森林康养基地为依托: what the work rests on; 以…等6项内容为重点 names the work itself
    return clause.startswith("以") and re.search(r"为(?:依托|基础|龙头|支撑)", clause) is not None


# --------------------------------------------------------------------------- reading a figure
def parse_figure(text: str, m: Mention) -> Figure | None:
    """Value, unit and adjacent qualifiers of a mention; None without a unit."""
    before = text[: m.start]
    rank = before.endswith("第") or m.text == "首"
    after = AFTER_RE.match(text, m.end)
    chain = RANK_CHAIN_RE.match(text, m.end) if before.endswith("第") else None
    if nb.FRACTION_RE.match(m.text):  # 1/4, 三分之一: no unit
        post = FRACTION_POST_RE.match(text, m.end)
        unit, span_end, qualifier = "", post.end(), post.group("post")
    elif chain is not None:
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
    span_start = m.start - 1 if rank and before.endswith("第") else m.start
    pre = PRE_QUALIFIER_RE.search(before)
    if qualifier is None and pre:
        qualifier = pre.group("q")
        span_start = pre.start()
    fig = Figure(m, nb.parse_number(m.text), unit, span_start, span_end, rank=rank or unit == "位次",
                  qualifier=qualifier)
    if qualifier is None and FROM_RE.search(before):
        fig.qualifier = "由"
    elif qualifier is None and TO_RE.search(before):
        fig.qualifier = TO_RE.search(before).group("to")
    return fig


def link_chains(text: str, figures: list[Figure]) -> None:
    """Mark figures joined by 、/和/及 (``21.4%、15.8%``, ``第1、第2位``) as one chain."""
    for n in range(1, len(figures)):
        gap = text[figures[n - 1].span_end: figures[n].span_start]
        if gap in {"、", "和", "及", "与"}:
            prev = figures[n - 1]
            head = prev.chain_head if prev.chain_head is not None else n - 1
            figures[n].chain_head = head
            figures[n].chain_index = prev.chain_index + 1


def sentence_qualifier(before: str) -> str | None:
    if "力争" in before:
        return "力争"
    if "预计" in before:
        return "预计"
    return None


def share_chain_qualifiers(figures: list[Figure]) -> None:
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


# --------------------------------------------------------------------------- kind
def set_kind(text: str, fig: Figure, figures: list[Figure]) -> None:
    before = text[: fig.span_start]
    after = text[fig.span_end:]
    unit_class = nb.unit_class(fig.unit)
    change = CHANGE_VERB_RE.search(before) or CUT_OBJECT_RE.search(re.split(rf"[{CLAUSE_DELIMITERS}]", before)[-1])
    head = figures[fig.chain_head] if fig.chain_head is not None else None
    if is_threshold(fig, after):
        fig.kind = "threshold"
    elif fig.rank:
        fig.kind = "rank"
        move = RANK_MOVE_RE.search(before) if fig.unit == "位次" else None
        fig.direction = _DIRECTIONS.get(move.group("verb")) if move else None
    elif unit_class == "points":
        fig.kind = "change_pp"
    elif unit_class == "ratio":
        fig.kind = "ratio"
    elif unit_class in {"percent", "fraction"}:
        if change:
            fig.kind = "growth_rate"
        elif head is not None and head.kind == "growth_rate":
            fig.kind, fig.direction = "growth_rate", head.direction
        elif re.search(r"(?:增速|增幅|涨幅|增长率)$", fig.metric or ""):  # 规模以上工业增加值增速达到11.1%
            fig.kind = "growth_rate"
            fig.metric = re.sub(r"(?:增速|增幅|涨幅|增长率)$", "", fig.metric) or fig.metric
        else:
            fig.kind = "share"
    elif unit_class == "duration" and (re.match(r"完成|内|就|即|时间", after)
                                       or re.search(r"实现|用时|仅用|历时", before[-4:])):
        fig.kind = "duration"
    elif change and unit_class == "count" and followed_by_noun(after, fig):
        fig.kind = "count"  # 改善7000多所义务教育学校办学条件: how many schools, not a change
    elif change:
        fig.kind = "change"
    else:
        fig.kind = "level" if unit_class == "level" or is_capacity(fig, after) else "count"
    if change and fig.kind in {"growth_rate", "change_pp", "change"}:
        fig.direction = _DIRECTIONS[change.group("verb")]
    to = TO_RE.search(before)
    if fig.qualifier in {"至", "到"} and to:
        fig.direction = _DIRECTIONS.get(to.group("verb"))


def threshold_group(noun: str) -> str:
    """The group a threshold sizes, without what is done for it (老人发放补贴 → 老人)."""
    return re.split(r"发放|提供|给予|享受|实施|开展|实现|建设|改造|拆除|淘汰|整治|延伸|覆盖|的|等|、", noun, maxsplit=1)[0] or noun


def is_threshold(fig: Figure, after: str) -> bool:
    """A size or age that defines a group of things (60岁以上老人, 10蒸吨及以下燃煤小锅炉), not an amount.

    A bound written straight before a noun sizes the noun (30亿元以上项目, 8座以下小汽车) unless the
    figure counts the noun itself: 5家以上企业 is at least five firms (a count bounded below), not firms of
    some size. A count unit sizes its noun only when it counts the noun's members (20户以上自然村).

    >>> from guanxian_analysis.mentions import Mention
    >>> def fig(unit, qualifier):
    ...     return Figure(Mention("5", 0, 1, False), 5.0, unit, 0, 3, qualifier=qualifier)
    >>> is_threshold(fig("家", "以上"), "企业入驻"), is_threshold(fig("户", "以上"), "自然村")
    (False, True)
    >>> is_threshold(fig("岁", "以上"), "老人"), is_threshold(fig("岁", "以上"), "，")
    (True, False)
    """
    if fig.unit in _THRESHOLD_UNITS:
        noun = after[1:] if after.startswith("的") else after  # 60岁以上的老人; not 从82.4岁提升至83.9岁
        return bool(re.match(r"[\u4e00-\u9fff“]", noun)) and not _NOT_A_NOUN_RE.match(noun)
    if fig.qualifier in {"及以上", "及以下"}:
        noun = bool(re.match(r"[\u4e00-\u9fff]", after))
    else:  # 入境俄蒙8座以下小汽车: a bound written straight before the noun it sizes
        noun = fig.qualifier in {"以上", "以下"} and not _NOT_A_NOUN_RE.match(after) \
            and bool(re.match(r"[\u4e00-\u9fff]", after))
    if not noun:
        return False
    unit_class = nb.unit_class(fig.unit)
    if unit_class == "count":
        return nb.to_base(1, fig.unit)[1] in _MEMBER_UNITS and _CONTAINER_RE.match(after) is not None
    return unit_class not in {"percent", "fraction"}


#: units that count goods, animals or machines, not facilities (3000台, 5万只, 3000辆)
_GOODS_UNITS = {"台", "辆", "套", "件", "只", "头", "头（只）", "张", "株", "棵", "艘"}
#: a facility named after the goods figure (…生产线, …项目, 养鸡场, …厂, …基地)
_FACILITY_RE = re.compile(r"[^，；：。！？、\d]{0,10}?(?:生产线|项目|场|厂|基地)")


def is_capacity(fig: Figure, after: str) -> bool:
    """Whether a count of goods sizes the facility named after it: a capacity, read as a level.

    ``蒙拓农机3000台牧业机械生产线`` is a line that makes 3000 machines, ``年产3000辆专用车项目``
    a works for 3000 vehicles a year, ``5万只现代化养鸡场`` a farm for 50,000 hens, as
    ``日处理7万吨…水厂`` is a plant's capacity; ``31个项目`` counts the projects themselves.

    >>> from guanxian_analysis.mentions import Mention
    >>> machines = Figure(Mention("3000", 0, 4, False), 3000.0, "台", 0, 5)
    >>> is_capacity(machines, "牧业机械生产线智能化升级改造项目"), is_capacity(machines, "农机具")
    (True, False)
    """
    return nb.to_base(1, fig.unit)[1] in _GOODS_UNITS and _FACILITY_RE.match(after) is not None


def audit_note(fig: Figure, text: str) -> str | None:
    """Why an indicator is a threshold or bounds a class, for the audit's reason column."""
    if fig.kind == "threshold":
        return f"threshold: {fig.mention.text}{fig.unit}{fig.qualifier or ''} defines a group (kind threshold)"
    if fig.qualifier in {"以上", "以下", "及以上", "及以下"} and text[fig.span_end:].startswith("的"):
        return f"bound of a class: {fig.qualifier}的… (bound {QUALIFIER_BOUNDS[fig.qualifier]})"
    return None


def followed_by_noun(after_text: str, fig: Figure) -> bool:
    """A number+unit followed directly by a noun counts that noun (``12个村庄获评…``)."""
    if fig.rank or _NOT_A_NOUN_RE.match(after_text):
        return False
    return bool(re.match(r"[\u4e00-\u9fff“]", after_text))


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


def figure_measure(text: str, fig: Figure) -> str | None:
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
