"""Numbers as written in Chinese text: numerals, units and their base values (the one numeral parser; no indicators).

Small pure helpers used by :mod:`guanxian_analysis.indicator_extraction` (the module is named
``numerals`` so that it never shadows the standard library's ``numbers``):

- :func:`chinese_to_int` turns a Chinese numeral (``"一千二百三十"``) into an int;
- :func:`parse_number` reads an Arabic or Chinese number as written;
- :func:`normalize_unit` maps a unit as written to its normal form (``"个小时"`` -> ``"小时"``);
- :func:`to_base` scales a value with a 万/亿 unit to its base unit
  (``12.6 亿元`` -> ``1.26e9 元``);
- :func:`unit_class` says whether a unit measures a level, a count, a duration or a fraction.

Examples
--------
>>> chinese_to_int("二十三")
23
>>> to_base(7.5, "万亩")
(75000.0, '亩')
"""
from __future__ import annotations

import re

__all__ = [
    "CHINESE_DIGITS",
    "UNITS",
    "UNIT_PATTERN",
    "chinese_to_int",
    "parse_number",
    "normalize_unit",
    "to_base",
    "unit_class",
]

#: Chinese digit characters and their values
CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
_LARGE_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(_SMALL_MULTIPLIERS) + "".join(_LARGE_MULTIPLIERS)

#: unit as written -> normal unit (a unit written with 万/亿 keeps it: 万亩, 亿元)
UNITS = {
    "个百分点": "个百分点", "百分点": "个百分点", "%": "%", "％": "%", "‰": "‰",
    "个位次": "位次", "位次": "位次",
    "个小时": "小时", "小时": "小时", "分钟": "分钟", "个月": "个月", "天": "天", "周": "周",
    "亿美元": "亿美元", "万美元": "万美元", "美元": "美元",
    "亿元": "亿元", "万元": "万元", "元": "元",
    "万平方公里": "万平方公里", "平方公里": "平方公里", "万平方米": "万平方米", "平方米": "平方米",
    "万立方米": "万立方米", "立方米": "立方米",
    "万亩": "万亩", "亩": "亩", "公顷": "公顷",
    "公里": "公里", "千米": "公里", "米": "米",
    "万吨": "万吨", "吨": "吨", "万公斤": "万公斤", "公斤": "公斤", "千克": "公斤",
    "万千瓦时": "万千瓦时", "千瓦时": "千瓦时", "万千瓦": "万千瓦", "千瓦": "千瓦",
    "万户": "万户", "户": "户", "万人次": "万人次", "人次": "人次", "万人": "万人", "人": "人", "名": "名",
    "万个": "万个", "个": "个", "万家": "万家", "家": "家", "项": "项", "处": "处", "所": "所", "套": "套",
    "件": "件", "辆": "辆", "栋": "栋", "条": "条", "座": "座", "台": "台", "张": "张", "间": "间",
    "万头（只）": "万头（只）", "头（只）": "头（只）", "头": "头", "只": "只", "株": "株", "棵": "棵", "批次": "批次", "批": "批", "次": "次", "场次": "场次", "场": "场", "期": "期",
    "倍": "倍", "位": "位", "档": "档",
    # larger scales and units met in the corpus (national and provincial reports)
    "万亿元": "万亿元", "万亿美元": "万亿美元", "亿人次": "亿人次", "亿人": "亿人", "亿千瓦时": "亿千瓦时",
    "亿千瓦": "亿千瓦", "亿吨": "亿吨", "亿平方米": "亿平方米", "亿亩": "亿亩", "万亿斤": "万亿斤", "亿斤": "亿斤",
    "万斤": "万斤", "斤": "斤", "万公里": "万公里", "万辆次": "万辆次", "辆次": "辆次", "万户次": "万户次", "户次": "户次",
    "万辆": "万辆", "万套": "万套",
    # sizes that bound a class of things (60岁以上老人, 10蒸吨及以下燃煤小锅炉)
    "周岁": "岁", "岁": "岁", "蒸吨": "蒸吨",
}
#: counted things in 万 and 亿 (5万张, 1.2万场, 16.4万头): every count unit takes both scales
_COUNT_UNITS = ("张", "间", "台", "座", "条", "场", "头", "只", "株", "棵", "件", "项", "处", "所", "辆", "栋", "名", "次",
                "场次", "户次", "架次", "艘", "吨公里")
UNITS.update({f"{scale}{unit}": f"{scale}{unit}" for scale in "万亿" for unit in _COUNT_UNITS})
UNITS.update({"架次": "架次", "艘": "艘"})
#: longest unit first, so "个百分点" wins over "个"
UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
#: units read only where the words after them say so (never part of ``UNIT_PATTERN``): 万 before a people
#: noun (近8万市民: no measure word after 万), 年 as a length of time (利用三年左右时间, 20年以上小区) and the
#: empty unit of a fraction (1/4, 三分之一), and 成 (tenths: 近八成 is about 80%)
UNITS.update({"万": "万", "年": "年", "": "", "成": "成"})

_SCALES = {"万": 1e4, "亿": 1e8}
_LEVEL_BASES = {"元", "美元", "亩", "公顷", "平方公里", "平方米", "立方米", "公里", "米", "吨", "千瓦", "千瓦时", "斤", "公斤",
                "蒸吨", "岁"}
_DURATION_UNITS = {"小时", "分钟", "个月", "天", "周", "年"}
#: a fraction as written: 1/4, 三分之一 (denominator first in Chinese)
FRACTION_RE = re.compile(rf"^(?:(?P<num>\d+)/(?P<den>\d+)|(?P<zden>[{CHINESE_NUMERAL_CHARS}]+)分之(?P<znum>[{CHINESE_NUMERAL_CHARS}]+))$")


def chinese_to_int(text: str) -> int:
    """Value of a Chinese numeral.

    Handles digits, 十/百/千 and 万/亿 sections, 两 and 〇/零, and digit strings
    written out (``"二〇二二"``).

    Examples
    --------
    >>> chinese_to_int("十四"), chinese_to_int("三千零五"), chinese_to_int("两万")
    (14, 3005, 20000)
    >>> chinese_to_int("二〇二二")
    2022
    """
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(ch in CHINESE_DIGITS for ch in text):
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in _SMALL_MULTIPLIERS:
            section += (1 if digit is None else digit) * _SMALL_MULTIPLIERS[ch]
            digit = None
        else:  # 万 / 亿 close a section
            section += digit or 0
            total = (total + section) * _LARGE_MULTIPLIERS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(text: str) -> float:
    """Value of a number as written: Arabic (``"12.6"``) or Chinese (``"十二"``).

    Examples
    --------
    >>> parse_number("12.6"), parse_number("第一".lstrip("第"))
    (12.6, 1.0)
    >>> parse_number("1/4"), parse_number("2×66"), parse_number("首"), round(parse_number("三分之一"), 4)
    (0.25, 132.0, 1.0, 0.3333)
    """
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    fraction = FRACTION_RE.match(text)
    if fraction and fraction.group("num"):
        return int(fraction.group("num")) / int(fraction.group("den"))
    if fraction:
        return chinese_to_int(fraction.group("znum")) / chinese_to_int(fraction.group("zden"))
    if "×" in text:  # 2×66 (万千瓦): two units of 66, 132 in all
        factors = text.split("×")
        if len(factors) == 2 and all(re.fullmatch(r"\d+(?:\.\d+)?", f) for f in factors):
            return float(factors[0]) * float(factors[1])
        raise ValueError(f"not a number: {text!r}")
    if text == "首":  # 首位: first place
        return 1.0
    return float(chinese_to_int(text))


def normalize_unit(unit: str) -> str:
    """The normal form of a unit as written.

    Examples
    --------
    >>> normalize_unit("个小时"), normalize_unit("千米"), normalize_unit("万亩")
    ('小时', '公里', '万亩')
    """
    try:
        return UNITS[unit]
    except KeyError:
        raise ValueError(f"unknown unit: {unit!r}") from None


def to_base(value: float, unit: str) -> tuple[float, str]:
    """Scale a value whose unit starts with 万 or 亿 to the unit without it.

    Examples
    --------
    >>> to_base(12.6, "亿元")
    (1260000000.0, '元')
    >>> to_base(5125, "万美元")
    (51250000.0, '美元')
    >>> to_base(8, "%")
    (8.0, '%')
    >>> to_base(114, "万亿元")
    (114000000000000.0, '元')
    >>> to_base(8, "成")
    (80.0, '%')
    """
    unit = normalize_unit(unit)
    if unit == "成":  # tenths: 八成 is 80%
        return float(value) * 10, "%"
    if unit in _SCALES:  # 近8万市民: 万 with no measure word
        return float(value) * _SCALES[unit], ""
    if len(unit) > 2 and unit.startswith("万亿"):
        return float(value) * 1e12, unit[2:]
    if len(unit) > 1 and unit[0] in _SCALES:
        return float(value) * _SCALES[unit[0]], unit[1:]
    return float(value), unit


def unit_class(unit: str) -> str:
    """``"level"``, ``"duration"``, ``"percent"``, ``"points"``, ``"rank"``, ``"ratio"`` or ``"count"``.

    Examples
    --------
    >>> unit_class("亿元"), unit_class("个"), unit_class("天")
    ('level', 'count', 'duration')
    >>> unit_class(""), unit_class("万")
    ('fraction', 'count')
    """
    if unit == "":
        return "fraction"  # 1/4: a share of a whole, like a percentage
    _, base = to_base(1, unit)
    if base in _LEVEL_BASES:
        return "level"
    if base in _DURATION_UNITS:
        return "duration"
    return {"%": "percent", "‰": "percent", "个百分点": "points", "位": "rank", "档": "rank",
            "位次": "rank", "倍": "ratio"}.get(base, "count")
