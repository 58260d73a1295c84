"""Metric names: what a figure measures, in the text's own words (clause, lead phrase, list items).

Reads a sentence and its figures (:mod:`~guanxian_analysis.mentions`) and sets each figure's ``metric``;
never paraphrases, never returns a fragment starting with a function word, a doubled word or an empty name
where the sentence names something.

How a metric is named (the fixture ``tests/fixtures/indicators_annotated.csv``
follows the same rules): the phrase in front of the number within its clause,
without framing words (预计, 累计, 全年, 全县, 其中, 力争, 确保 …), generic action
verbs (实施, 建设, 完成, 新建改建, 打造, 铺设 …), the change verb (增长, 下降 …)
or the rank phrase (位居全市第 …). A number written first (``31个项目列入省重点``)
takes the phrase after it. A figure with no phrase of its own (``12.6亿元、增长7%``)
takes the metric of the figure before it; ``A、B分别…`` hands A and B out in
order, and ``城乡X分别…`` becomes 城镇X and 农村X.
"""
from __future__ import annotations

import re

from . import numerals as nb
from .mentions import (DELIMITERS, PEOPLE_NOUNS, Figure, followed_by_noun, is_threshold, sums_up_a_list,
                       threshold_group)

SCOPE_RE = re.compile(r"全市|全省|全国|全县|全区|全盟|全州")

#: metric cleaning: framing words and generic verbs at the start, predicates at the end
_LEAD_RE = re.compile(
    r"^(?:其中|预计|用于|(?:继续)?加快(?:推进|推动)?|举全[区县市省国]之力|进一步|我[区县市省][^的，]{0,6}的|累计|累积|(?:这)?五年(?:来|间)?|当年|全年|全县|全区|全市|今年|当年|年内|一年来|五年来|力争|确保|努力|全力|着力|依法|提供|已|共(?!享)|"
    r"新开工建设|开工建设|规划建设|新建改建|新建|改建|建设(?!工程)|建成(?!区)|实施|完成|实现|打造了?|"
    r"创建|修建|解决了?|铺设|投放|发放|办理|削减|精简|拟?安排(?=..)|办复(?!率)|办结(?!率)|开展|为)"
)
_TRAIL_RE = re.compile(
    r"(?:分别|(?:全年|年|月)?人均|平均|均|同比|年均|累计)?"
    r"(?:增长|递增|增加|提高|提升|上升|上涨|下降|降低|减少|压降|缩减|压减|回落|改善|达到|达|为|是|至|到|控制在|控制到|发展到|发展至|超过|约|近|完成|突破|实现|"
    r"增至|增加到|(?:提|上|跃|下)?[升降][至到]|超|共|(?:较|比)(?:\d{4}年|上年|“十[一二三四五六七八九]五”末)|(?:人均)?月增|稳定在|保持在|维持在|"
    r"由(?:每人每年|每人每月|每人|每年|每月)?|每人每年|每人每月|"
    r"(?:是|为)?(?:\d{4}年|“十[一二三四五]五”(?:时期|期间)?)的)$"
)
#: the rank phrase before 第 or 首位 (位居全市, 列, 在全市前移, 继续稳居全市, 连续16年位居全国)
_RANK_TRAIL_RE = re.compile(
    r"(?:均|分别|继续|连续\d+年)?(?:在)?(?:全市|全省|全国|全县|全区)?(?:前移|后移|稳居|位居|位列|跃居|居|列|排名|排|保持)"
    r"(?:全市|全省|全国|全县|全区)?$"
)
_TRAIL_ADVERB_RE = re.compile(r"(?:(?<=.)了|(?<=..)(?<![拥具享持所没占含])有|全面|分别|(?<![人平])均|平均|同比|年均|全部|已经|已|全年|实际|拟按|按|(?:全年|月|年)?人均)$")
_ROAD_EXAMPLE_RE = re.compile(r"[\u4e00-\u9fff]{2}路等")
#: names that say how money was spent but not on what: they take the clause subject, what it built or the lead
GENERIC_METRICS = frozenset({"投资", "总投资", "年度计划投资", "年度投资", "计划投资", "完成投资", "投入", "总投入", "资金投入"})
_GENERIC_METRICS = GENERIC_METRICS
_SPENDING_VERBS = {"投资", "投入"}
_ADVERBS_RE = re.compile(r"全部|均|已")
_AFTER_NOUN_STOP_RE = re.compile(r"启动实施|开工建设|建成投产|启动|投产|投入使用|全线贯通|实现|竣工|完工|建成|通车|"
                                 r"(?:当年|全年|累计)?完成投资|成功落地|全部|初具规模|新增|新接入")
#: the task words after a counted noun (65个年度重点项目建设任务, 7.89亿元政府隐性债务化解目标)
_TASK_RE = re.compile(r"(?:建设)?(?:任务|目标)$")
_SHARE_OF_RE = re.compile(r"^占(?P<whole>.+?)的$")
_URBAN_RURAL_RE = re.compile(r"^城乡(?P<rest>.+)$")

#: function words a metric must not start with (left over when a verb before them is stripped)
_FUNCTION_LEAD_RE = re.compile(r"^(?:将|把|对(?!外)|向(?!上)|从|由|和|及|并|的|了|等|而|且|也)")
#: a verb after the counted noun ends the noun (70%村卫生室实现…一体化管理 → 村卫生室)
_NOUN_VERB_STOP_RE = re.compile(r"实现|入选|成为|通过|进入|纳入|获得|获国家|达到|保持|迈上|突破|已|均|基本|取得|得到|"
                                r"投入使用|投入运营|正式运营|主体完工|完工|建成|开工建设|开工|竣工|稳步推进|全线贯通|完成|以及")
#: predicate words that end a clause's subject (国内生产总值达到…, 新农合参合率再创新高)
_SUBJECT_END_RE = re.compile(
    r"达到|达|再创|再次|创|稳步|持续|全面|完工|建成|开工|竣工|逐年|不断|进一步|显著|大幅|明显|保持|实现|迈上|突破|超过|连跨|跨上|增至|增长|提高|"
    r"提升|下降|降低|增加|减少|完成|为|是|位居|"
    r"(?:工作)?(?:进程|步伐)|初具|初步|取得|发生|成效|日趋|日臻|继续|再次|\d")
#: filler after a subject (老城区改造工作 → 老城区改造) and the quality a sum is not spent on (公共服务水平投入)
_SUBJECT_FILLER_RE = re.compile(r"(?<=..)(?:工作|的|了)$")
_QUALITY_RE = re.compile(r"(?<=..)(?:水平|面貌|质量)$")
#: a count of the focus of a task: 以…等6项内容为重点，<the task> (the task is what the count is the focus of)
_FOCUS_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,4}?)为重点[，,](?P<aim>[^，。；！？]{2,})")
_PEOPLE_RE = re.compile(rf"(?:{PEOPLE_NOUNS})")


#: units that count people (the base unit: 万人 is 人)
_PEOPLE_UNITS = {"人", "名", "人次"}


def _counts_people(text: str, fig: Figure) -> bool:
    """Whether a figure counts people (6069人, 1.2万人次, 近4万居民), not things done or built."""
    return (nb.to_base(1, fig.unit)[1] in _PEOPLE_UNITS
            or (fig.unit == "万" and _PEOPLE_RE.match(text, fig.span_end) is not None))


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
    phrase = re.sub(r"^为(.{2,12}?)(?:发放|提供|拨付)(?=..)", r"\1", phrase)  # 为困难家庭发放蔬菜价格补贴 → 困难家庭蔬菜价格补贴
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
        phrase = re.sub(r"(?<=.)各(?:类|项|种)(?=..)", "", phrase)  # 公开各类政府信息 → 公开政府信息
        phrase = phrase.strip("、， \u3000—")
    return "" if phrase in {"和", "及", "与", "并"} else phrase


def _noun_after(text: str, fig: Figure, figures: list[Figure], whole_list: bool = False) -> tuple[str, int]:
    """The phrase after a number written first: ``31个项目列入省重点`` -> 项目列入省重点.

    A 、 list after it is kept with its head: 1074户危旧房屋的新建、维修、拆除工作 → 危旧房屋新建、维修、拆除;
    a list of examples before a head (供水、供热、污水、雨水等管网改造) only with ``whole_list`` (what a sum bought).
    """
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
    if not cut and text[end: end + 1] == "、":  # 实施了供水、供热、污水、雨水等管网改造: the list and its head
        clause_end = min([s for s in (text.find(d, end) for d in "，；。：") if s >= 0] or [len(text)])
        tail = _LIST_TAIL_RE.fullmatch(_LIGHT_VERB_RE.sub("", text[end:clause_end]))
        inside = [f.span_start for f in figures if end <= f.span_start < clause_end]
        if whole_list and inside:  # 投资1.27亿元实施的主城区、两河圣山景区和东山组团绿化工程新增绿化面积66.3万平方米
            stop = _AFTER_NOUN_STOP_RE.search(text, end, inside[0])
            if stop is not None and not re.search(r"[，；。：\d]", text[end: stop.start()]):
                return text[pos: stop.start()], stop.start()
        clear = not inside
        if tail and (whole_list or tail.group("examples") is None) and clear:
            end = clause_end
        elif tail and clear and "的" in text[pos:end]:
            # 15个棚改区域的道路、供水、污水等配套基础设施项目 → 棚改区域配套基础设施项目: whose, and the head
            owner = text[pos: text.index("的", pos, end)]
            phrase = owner + tail.group("examples").rsplit("等", 1)[1]
            return phrase, clause_end
    phrase = text[pos:end]
    phrase = _LIGHT_VERB_RE.sub("", phrase)  # 对破损步道板进行修复 → 破损步道板修复
    phrase = re.sub(r"被[\u4e00-\u9fff]{1,8}?(?=列入|纳入|评为|命名|授予|认定|批准|确定为)", "", phrase)  # 被国务院列入 → 列入
    stop = _NOUN_VERB_STOP_RE.search(phrase)
    if stop and stop.start() == 2 and not cut and _SELECTED_RE.match(phrase, 2) and len(phrase) >= 6:
        # 11家企业入选…百强, 5家企业完成迁建工作: a bare noun is named by what happened to it
        stop = None
        phrase = re.sub(r"(?<=.{4})(?:工作|任务)$", "", phrase)
    if stop:  # a phrase that opens on a verb (1194公里全线贯通) names nothing
        phrase = phrase[: stop.start()] if stop.start() >= 2 else ""
        phrase = re.sub(r"(?<=..)(?:全面|圆满|顺利|按时|如期|基本|全部|正式)$", "", phrase)  # …实事全面完成
        if cut and stop.start() >= 2:  # what follows the noun is the next figure's clause
            end = pos + stop.start()
    phrase = _ADVERBS_RE.sub("", phrase).removesuffix("的")
    if "、" in phrase and phrase.endswith("工作") and len(phrase.rsplit("、", 1)[1]) >= 4:
        phrase = phrase.removesuffix("工作")  # 地面硬化、绿化修复工作 → 地面硬化、绿化修复
    phrase = re.sub(r"(?<=.)的(?=..)", "", phrase)  # 背街巷道的综合改造 → 背街巷道综合改造
    if len(_TASK_RE.sub("", phrase)) >= 4:  # 重点区域绿化工作任务 → 重点区域绿化工作
        phrase = _TASK_RE.sub("", phrase)
    phrase = re.sub(r"(?<=..)(?<=改造|整治|绿化|建设|拆迁|迁建)工作$", "", phrase)  # 村棚户区改造工作 → 村棚户区改造
    if cut:  # 建成4所学校运动场和2座风雨场馆: the conjunction belongs to the next item
        phrase = re.sub(r"(?<=..)[和及与、]$", "", phrase)
    if len(_TASK_RE.sub("", phrase)) >= 4:  # 年度重点项目建设任务, 政府隐性债务化解目标
        phrase = _TASK_RE.sub("", phrase)
    return phrase, end


#: the rest of a list after its first item: short items up to a head after 等 (、供热、污水、雨水等管网改造)
#: or short items that are all the head (的新建、维修、拆除工作, 地面硬化、绿化修复工作)
#: (the first only after a sum: 投资…实施了供水、供热…; after a count or size the figure is the first item's)
_LIST_TAIL_RE = re.compile(r"(?P<examples>(?:、[\u4e00-\u9fff]{1,6})*、?[\u4e00-\u9fff]{1,6}等[\u4e00-\u9fff]{2,8})"
                           r"|(?:、[\u4e00-\u9fff]{2,5})+(?:工作|工程|任务)?")
#: a light verb inside a noun phrase (对破损步道板进行修复 → 破损步道板修复, 环境实施了完善提升)
_LIGHT_VERB_RE = re.compile(r"(?<=.)(?:进行|实施了)(?=..)")


def name_metric(text, fig: Figure, previous: Figure | None, figures, items: list[str],
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
    threshold = is_threshold(fig, text[fig.span_end:])
    following = next((f for f in figures if f.span_start == fig.span_end), None)
    paired = next((f for f in figures if _one_group(text, fig, f)), None)  # 96户、183人: one group
    if previous is not None and (previous.span_end == fig.span_start or _one_group(text, previous, fig)) \
            and previous.metric and not threshold:
        metric, base = previous.metric, previous.base_metric  # 建档立卡贫困户301户611人: one group, two counts
    elif paired is not None:  # 农村贫困人口96户、183人全部稳定脱贫: the subject and what the group did
        own_words = _clean_metric(raw)
        metric = (own_words if len(own_words) >= 2 else "") + _noun_after(text, paired, figures)[0] or metric
    elif following is not None and is_threshold(following, text[following.span_end:]):
        metric = threshold_group(_noun_after(text, fig, figures)[0])  # 1467位80岁以上低收入老年人
    elif following is not None:  # 建档立卡贫困户301户611人全部脱贫: the subject and what the group did
        noun = _noun_after(text, fig, figures)[0]
        own_words = _clean_metric(raw)
        metric = (own_words if len(own_words) >= 2 else "") + noun or metric
    own = _clean_metric(raw)
    if own in _GENERIC_METRICS and metric == own:
        # 总投资 -> 县级重点项目总投资; without a named figure before it, the clause's subject or lead phrase
        # the base is the nearest earlier figure that counts things, not people (…13672户的年度改造任务，
        # 近4万居民的居住条件得到改善，完成投资55.2亿元: the money went to the 改造, not to the 居民)
        things = [f for f in figures[: figures.index(fig)] if not _counts_people(text, f)]
        before = things[-1].base_metric if things else ""
        if not before or before in _GENERIC_METRICS or before.endswith(own.removeprefix("完成")):
            before = (_subject_before(text, fig.span_start) or _what_it_built(text, fig.span_end, figures) or lead or "")
        if own.removeprefix("完成") in _SPENDING_VERBS or own.endswith("投资"):  # 公共服务水平 → 公共服务投入
            before = _QUALITY_RE.sub("", before)
        if before and not before.endswith(own.removeprefix("完成")):
            base, metric = before, before + own.removeprefix("完成")
    elif len(metric) < 2 or metric in _GENERIC_METRICS:  # 国内生产总值达到114万亿元，增长8.1%
        subject = _subject_before(text, fig.span_start) or lead
        if subject:
            metric = subject if len(metric) < 2 else subject + metric
    if threshold:  # the group it defines, after the clause's own words: 入境俄蒙8座以下小汽车 → 入境俄蒙小汽车
        own_words = re.split(r"[、，]", own)[-1]
        own_words = own_words if len(own_words) >= 2 and own_words not in metric else ""
        metric = own_words + threshold_group(metric)
    if fig.mention.chinese and "、" in raw and sums_up_a_list(text[: fig.mention.start]) \
            and not raw.endswith("等") and metric and not metric.startswith(own):
        metric = _clean_metric(_LEAD_VERB_RE.sub("", own)) + metric  # 水利、景观、市政三项建设 → 水利、景观、市政建设
    elif not fig.mention.chinese and _names_counted(own, fig.value) and metric and not metric.startswith(own):
        metric = own + metric  # 龙运华府小区、东方明珠小区2条棚改配套道路: the number counts the items listed
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}率", metric) and previous is not None:
        metric = _rate_of_listed(text, fig, figures) + metric  # 建议95件、提案136件，办结率均达100%
    if _TOTAL_RE.fullmatch(metric) and previous is not None and (metric != "规模" or previous.unit == fig.unit):
        # a bare 规模 is the size of what the figure before it, in the same unit, measured (not a rank's 规模稳居第4位)
        # 新增境内上市公司62家，总数186家; 建成西出口等31条公路，总里程达到79.46公里: the total of what was counted
        counted = _NEW_RE.sub("", previous.base_metric or previous.metric)
        if len(counted) >= 2 and not _MEASURE_END_RE.search(counted) and not counted.endswith(metric):
            metric = counted + metric
    if metric in _PLAN_NAMES and previous is not None and previous.noun_end == fig.span_start:
        metric = previous.base_metric + metric  # 完成今年66个重点项目54亿元的投资计划 → 重点项目投资计划
    topic = _opening_topic(text, fig.span_start)
    if metric in {"城镇", "农村", "城市"} and topic.startswith("城乡") and len(topic) >= 4:
        metric = metric + topic[2:]  # 城乡最低生活保障标准逐年提高，城镇年人均提高600元 → 城镇最低生活保障标准
    if 2 <= len(metric) <= 3:  # 政务服务水平大幅提升，全年办件6109件，办结率100% → 政务服务办件, 政务服务办结率
        if topic.endswith("水平") and len(topic) >= 4 and "、" not in topic and not metric.startswith(topic[:2]):
            metric = topic.removesuffix("水平") + metric
    grade = _GRADE_RE.fullmatch(metric)
    if grade and previous is not None and previous.unit == fig.unit:
        # 新培育省级以上“专精特新”企业2家、市级以上10家: the grade replaces the previous item's
        earlier = _GRADE_RE.search(previous.metric)
        if earlier and len(previous.metric) - earlier.end() >= 2:
            metric = metric + previous.metric[earlier.end():]
    task = _BARE_TASK_RE.fullmatch(metric)
    if task and fig.unit not in {"项", "个", "件"}:  # 43项改革任务 counts the tasks: their name is enough  # 继续推进棚户区改造，完成800户的改造任务 → 棚户区改造
        metric = _task_owner(text, fig.span_start, task.group("act") or task.group("bare"), lead) or metric
    metric = _trim_list_lead(metric)  # 引导企业主导或参与制定国家标准、行业标准、团体标准 → 国家标准、行业标准、团体标准
    focus = _FOCUS_RE.match(text, fig.span_end)
    if focus:  # 以“厕所革命”…等6项内容为重点，加快推进乡村振兴人居环境整治 → 乡村振兴人居环境整治重点内容
        aim = _clean_metric(_LEAD_VERB_RE.sub("", focus.group("aim")))
        metric = (aim if len(aim) >= 2 else lead or "") + "重点" + focus.group("noun")
    examples = _EXAMPLES_RE.match(metric)
    if examples and len(examples.group("head")) >= 4 \
            and max(len(item) for item in examples.group("examples").split("、")) > 2:  # 供水、供热等管网: kinds, kept  # 胜利大街、哈萨尔大街等城市主干道路 → 城市主干道路
        metric = examples.group("head")
    if not metric:  # 全区96户177人建档立卡贫困人口: the noun after the figures
        metric = _clean_metric(_noun_after(text, fig, figures)[0])
    metric = _DOUBLED_RE.sub(r"\1", metric)  # never a doubled word (投资投资)
    fig.metric, fig.base_metric = metric, base or metric
    return items


#: a total of nothing named (总数, 总量, 总里程, a bare 规模): the previous figure counts what it totals
_TOTAL_RE = re.compile(r"总(?:数|量|里程|产量|面积|规模|产值|投资额)|规模")  # 中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元
_NEW_RE = re.compile(r"^(?:新增|新登记|新设|新建|新培育|新开通|开通|建成)")
#: a name that is itself a measure (播种面积, 运营里程): a total after it is not its total
_MEASURE_END_RE = re.compile(r"(?:面积|里程|产量|规模|总量|总数|额|率|数|量|值|收入|人次)$")
_PLAN_NAMES = {"投资计划", "年度投资计划"}
#: a grade alone (市级以上, 国家级, 省级): the head noun is the previous item's
_GRADE_RE = re.compile(r"[省市县区国家]{1,2}级(?:以上|以下)?")
#: a task named by its activity only (年度改造任务, 绿化任务): the sentence or the lead says whose
_BARE_TASK_RE = re.compile(r"(?:年度|今年)(?P<act>[\u4e00-\u9fff]{2})(?:工作)?(?:任务)?"
                           r"|(?P<bare>[\u4e00-\u9fff]{2})(?:工作)?任务")


def _task_owner(text: str, pos: int, act: str, lead: str | None) -> str | None:
    """The work a bare task belongs to: the nearest earlier clause or the lead naming the activity, cut after it.

    >>> _task_owner("继续推进棚户区改造，完成800户的改造任务", 12, "改造", None)
    '棚户区改造'
    >>> _task_owner("进一步提高生态景观效应，年内完成16.9万平方米的绿化任务", 19, "绿化", "新区")
    '新区绿化任务'
    """
    for clause in reversed(re.split(r"[，；：]", text[:pos])[:-1] + [None]):
        words = lead if clause is None else clause
        at = (words or "").find(act)
        if at >= 2:
            owner = _clean_metric(_LEAD_VERB_RE.sub("", words[: at + len(act)]))
            if len(owner) > len(act) and not re.search(r"\d", owner):
                return owner
    # 年内完成16.9万平方米的绿化任务 under 二是全面加快新区建设: the place the lead names
    place = (lead or "").removesuffix("建设")
    return place + act + "任务" if 2 <= len(place) <= 8 and place.endswith(_PLACE_ENDS) else None


_PLACE_ENDS = ("区", "镇", "村", "乡", "县", "组团", "园区", "街道")


def _names_counted(own: str, value: float) -> bool:
    """Whether ``own`` is a 、 list of ``value`` names (no verb before the first) that a count sums up.

    >>> _names_counted("龙运华府小区、东方明珠小区", 2), _names_counted("挂牌建设金凤、嘉陵江、明月湖", 3)
    (True, False)
    """
    items = own.split("、")
    if len(items) < 2 or len(items) != value or min(len(item) for item in items) < 2:
        return False
    first, others = items[0], items[1:]
    return len(first) <= max(len(item) for item in others) + 1 and not _LIST_VERB_RE.match(first)


_LIST_VERB_RE = re.compile(r".{0,2}(?:建设|创建|启用|新增|打造|培育|设置|实施|推进|推动)")


_GROUP_UNITS = _PEOPLE_UNITS | {"户"}  # households and people


def _one_group(text: str, first: Figure, second: Figure) -> bool:
    """Two counts of one group written with a 、 between them (96户、183人): households and people."""
    return (second.span_start == first.span_end + 1 and text[first.span_end] == "、"
            and first.unit != second.unit and {first.unit, second.unit} <= _GROUP_UNITS)


def _trim_list_lead(metric: str) -> str:
    """A 、 list whose items share a suffix, without the verb phrase glued to its first item.

    >>> _trim_list_lead("引导企业主导或参与制定国家标准、行业标准、团体标准")
    '国家标准、行业标准、团体标准'
    """
    items = metric.split("、")
    if len(items) < 3:
        return metric
    size = len(items[1])
    suffix = items[1][-2:]
    if not all(len(item) == size and item.endswith(suffix) for item in items[1:]) or len(items[0]) <= size + 2:
        return metric
    lead = items[0][: -size]
    if not _LIST_LEAD_VERB_RE.search(lead):
        return metric
    return "、".join([items[0][-size:]] + items[1:])


_LIST_LEAD_VERB_RE = re.compile(r"制定|参与|引导|推动|支持|鼓励|开展|实施|组织|推进|建设|打造")


def _rate_of_listed(text: str, fig: Figure, figures: list[Figure]) -> str:
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


def lead_subject(sentence: str) -> str | None:
    """The subject of a paragraph's lead phrase (东山组团建设步伐加快。 → 东山组团), if it is one.

    >>> lead_subject("东山组团建设步伐加快。"), lead_subject("全年投资3.5亿元，完成5项。")
    ('东山组团', None)
    >>> lead_subject("大力推进棚户区改造工程。")
    '棚户区改造工程'

    """
    body = sentence.rstrip("。！").lstrip("—-")  # ——城市面貌发生巨变: a dash bullet
    if not (2 <= len(body) <= 20) or re.search(r"[，、：；\d“]", body):
        return None
    body = re.sub(r"^[一二三四五六七八九十]+是(?:(?:全面|全力|大力|着力)?加快)?", "", body)  # 二是全面加快新区建设
    body = _LEAD_VERB_RE.sub("", body)  # 大力推进棚户区改造工程 → 棚户区改造工程
    end = _LEAD_END_RE.search(body, 2)
    subject = _SUBJECT_FILLER_RE.sub("", _clean_metric(body[: end.start()] if end else body))
    return subject if 2 <= len(subject) <= 12 else None


_LEAD_VERB_RE = re.compile(r"^(?:.{0,8}?(?:推进|实施|推动|加强|开展|抓好|做好)|让)")
_LEAD_END_RE = re.compile(r"建设步伐|步伐|加快|取得|成效|发生|进程|初具|日趋|日臻|要|得到|更|稳步|持续|不断|全面|深入|扎实|有序|显著|明显|进一步|再上|迈出|"
                          r"实现|推进|提升|增强|改善|加强|优化|发展")


#: the verb a clause opens with when it says what a sum bought (建成西出口等31条公路, 统筹推进棚户区改造)
_BUILT_VERB_RE = re.compile(r"^(?:重点|共|先后|统筹|全面|集中)?(?:实施了?|建成了?|完成了?|新建|改造|建设|推进|推动|启动)")


def _what_it_built(text: str, end: int, figures: list[Figure]) -> str | None:
    """What a bare sum ending at ``end`` bought, from the clause after it (投资5.1亿元，建成西出口等31条公路 → 公路).

    >>> _what_it_built("全年计划投资15亿元，统筹推进棚户区改造和城市基础设施建设，重点解决供水问题", 10, [])
    '棚户区改造和城市基础设施建设'

    A task (完成1.8万户棚改任务) is not a thing bought: the lead phrase names those sums.
    """
    if not text[end:].startswith("，"):
        return None
    clause_end = min([i for i in (text.find(d, end + 1) for d in "，；。") if i >= 0] or [len(text)])
    clause = text[end + 1: clause_end]
    verb = _BUILT_VERB_RE.match(clause)
    if verb is None:
        return None
    inside = [f for f in figures if end < f.span_start < clause_end]
    if len(inside) > 1:  # 完成54栋住宅楼、14万平方米既有建筑节能改造: the clause without its figures
        words, at = [], end + 1 + verb.end()
        for f in inside:
            words.append(text[at: f.span_start])
            at = f.span_end
        noun = _clean_metric("".join(words) + text[at: clause_end])
    elif inside:  # 建成西出口等31条公路 → 公路; 实施重点商贸流通项目17个 → 重点商贸流通项目
        noun = (_clean_metric(_noun_after(text, inside[0], figures)[0])
                or _clean_metric(text[end + 1 + verb.end(): inside[0].span_start]))
    elif re.search(r"\d", clause):
        return None
    else:
        noun = _clean_metric(clause[verb.end():])
    if not (2 <= len(noun) <= 40) or _TASK_RE.search(noun):
        return None
    return noun


def _opening_topic(text: str, pos: int) -> str:
    """The subject of the sentence's opening clause when ``pos`` is after it, else "" (the topic the rest is about).

    >>> _opening_topic("东山组团城市框架初步形成，组团内9条主次干道实现通车", 16)
    '东山组团城市框架'
    """
    opening = len(re.split(r"[，；：]", text)[0]) + 1
    return (_subject_before(text, opening) or "") if pos > opening else ""


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
        subject = _SUBJECT_FILLER_RE.sub("", _clean_metric(clause[: end.start()] if end else clause))
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
        sized = next((f for f in figures if f.span_start == fig.span_end + 1 + len(noun)), None)
        if _CAPACITY_RE.search(noun) and sized is not None:  # 投资5642万元的日处理80吨污泥焚烧厂: the plant, not 日处理
            noun = _PHASE_RE.sub("", _AFTER_NOUN_STOP_RE.split(_noun_after(text, sized, figures)[0])[0])
        return noun + ("总投资" if raw.endswith("总投资") else "投资"), noun
    done = _SPENT_ON_RE.match(after) if metric in _SPENDING_VERBS else None
    counted = next((f for f in figures if done and f.span_start == fig.span_end + done.end()), None)
    if counted is not None:  # 投资650万元建成6座水冲式公厕: what the money built
        noun = _clean_metric(_noun_after(text, counted, figures)[0])
        if len(noun) >= 2:  # 投资2650万元改扩建15个社区党群服务中心 → 社区党群服务中心改扩建投资
            work = "" if done.group("generic") else done.group()
            return noun + work + metric, noun
    if "分别" in raw and items:  # PM2.5、PM10分别改善21.4%
        return items[0], None
    if fig.chain_head is not None and fig.chain_index < len(items):  # …、15.8%
        return items[fig.chain_index], None
    if not (followed_by_noun(after, fig) or len(metric) <= 1 or metric.endswith("等")):
        return metric, None
    if fig.chain_head is None and _chain_length(fig, figures) > 1 and items:  # 列全市第1、第2位
        return items[0], None
    if followed_by_noun(after.removeprefix("的"), fig):  # 31个项目列入省重点
        noun, fig.noun_end = _noun_after(text, fig, figures)
        then = next((f for f in figures if f.span_start == fig.noun_end), None)
        if len(noun) == 1 and noun not in "至到和或及与" and then is not None:  # 解决了9个村3.2万人的安全饮水: 村 is counted, 安全饮水 is what for
            noun = _noun_after(text, then, figures)[0]
        if not noun and len(metric) >= 2:  # 沿黄生态廊道1194公里全线贯通
            return metric, None
        if metric in _SPENDING_VERBS:  # 投资1100万元新建污水管线
            noun = _clean_metric(_noun_after(text, fig, figures, whole_list=True)[0])
            return noun + metric, noun
        capacity = _CAPACITY_RE.search(metric)
        if capacity:  # 建设日处理7万吨规模工业用水厂 → 工业用水厂日处理: the plant and what the figure measures
            plant = _PHASE_RE.sub("", noun.removeprefix("规模"))
            return _named_before(text, fig.span_start, _WORKS_RE.sub("", plant)) + capacity.group(), None
        if _NAME_BEFORE_RE.fullmatch(metric) and text[fig.span_start - 1] not in DELIMITERS \
                and nb.to_base(1, fig.unit)[1] in _CAPACITY_BASES and not _VERB_START_RE.match(metric) and not _LEAD_VERB_RE.match(metric):
            # 大唐700万吨露天矿, 奋斗镇4000平方米保鲜库: a physical size inside a name
            return metric + noun, None
        if metric in _MODIFIERS:  # 剩余9项问题 → 剩余问题
            return metric + noun, None
        if metric.endswith("内") and len(metric) >= 3:  # 东山组团城市框架初步形成，组团内9条主次干道: whose 组团
            topic, word = _opening_topic(text, fig.span_start), metric[:-1]
            at = topic.find(word)
            if at >= 1:
                return topic[: at + len(word)] + noun, None
        return noun, None
    if previous is not None and previous.noun_end == fig.span_start:
        # 为32家企业发放贷款5127万元: the count's phrase ran up to this figure; the sum is what was given
        given = _GIVEN_RE.search(previous.metric)
        if given and len(previous.metric) - given.end() >= 2:
            return previous.metric[given.end():], None
    if previous is not None:  # 12.6亿元、增长7%
        return previous.base_metric or previous.metric, None
    return "", None


#: the verb between a sum and the count it bought: a generic one (建成) is left out of the name, a specific one kept
_SPENT_ON_RE = re.compile(r"(?P<generic>(?:完成|建成|实施)了?)|改扩建|新建|改建|扩建|改造|维修改造|维修|新增")
#: what happens to counted things that names them when the noun alone is bare (企业入选…, 项目纳入…)
_SELECTED_RE = re.compile(r"入选|纳入|列入|进入|通过|获得|获评|完成")
#: words before a number that qualify the noun after it (剩余9项问题)
_MODIFIERS = {"剩余", "其余", "其他", "其它"}
#: verbs of giving between a count and a sum (32家企业发放贷款5127万元)
_GIVEN_RE = re.compile(r"发放|提供|拨付|兑现|落实|减免|退还")
#: a bare name written straight before a capacity (大唐, 奋斗镇, 红星美凯龙): no verb, no list
_NAME_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[^\W和及与并或等的]")
#: a capacity written before the plant it sizes (日处理80吨污泥焚烧厂, 日产500吨熟料生产线)
#: verbs and modals a name does not start with (要加快大唐700万吨露天矿, 严守18亿亩耕地红线)
_VERB_START_RE = re.compile(r"^(?:要|需|坚决|严守|守住|巩固|启动|关停|淘汰|确保|加快|推进|支持|使用|用好|增发|构建|保持|落地|.{0,2}做好)")
_CAPACITY_BASES = {"吨", "平方米", "立方米", "千瓦", "公里", "米", "亩"}
#: the works done to a plant after its name (水厂改扩建 → 水厂)
_WORKS_RE = re.compile(r"(?<=..)(?:改扩建|改造|扩建|新建|建设)(?:工程)?$")


def _named_before(text: str, pos: int, noun: str) -> str:
    """``noun`` with the name an earlier clause of the sentence gives it (水厂 → 黑羊站水厂), or ``noun``.

    >>> _named_before("加快推进黑羊站水厂改扩建工程，完成日处理3万吨水厂改扩建", 18, "水厂")
    '黑羊站水厂'
    """
    for clause in reversed(re.split(r"[，；：]", text[:pos])[:-1]):
        body = _LEAD_VERB_RE.sub("", clause)
        at = body.find(noun)
        if 2 <= at <= 8 and not re.search(r"[\d、]", body[:at]):
            return body[: at + len(noun)]
    return noun


#: a phase of a plant's works after its name (污泥焚烧厂土建工程): the capacity and the money are the plant's
_PHASE_RE = re.compile(r"(?<=..)(?:土建|主体)工程$")
_CAPACITY_RE = re.compile(r"[日年](?:处理|产|供水|供)$")


def _chain_length(fig: Figure, figures: list[Figure]) -> int:
    index = figures.index(fig)
    return 1 + sum(1 for f in figures if f.chain_head == index)


def _split_items(subject: str) -> list[str]:
    """``PM2.5、PM10`` -> two items; ``城乡低保标准`` -> 城镇低保标准, 农村低保标准.

    >>> _split_items("城镇和农村居民人均可支配收入")
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    """
    parts = [p for p in re.split(r"[、和及]" if "、" in subject else r"[和及与]", subject) if p]  # A与B: two, A、B与C: B与C one
    if len(parts) == 2 and parts[0] in {"城镇", "城市"} and parts[1].startswith("农村") and len(parts[1]) >= 4:
        return [parts[0] + parts[1][2:], parts[1]]  # 城镇和农村居民人均可支配收入: one head, two groups
    if len(parts) == 1:
        urban_rural = _URBAN_RURAL_RE.match(parts[0])
        if urban_rural:
            rest = urban_rural.group("rest")
            return [f"城镇{rest}", f"农村{rest}"]
    return parts


def _last_scope(phrase: str) -> str | None:
    found = SCOPE_RE.findall(phrase)
    return found[-1] if found else None
