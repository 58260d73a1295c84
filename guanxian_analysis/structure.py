"""The report's structure: front matter, parts, segments, sections, paragraphs, sentences, glossary (no cleaning, no themes).

Pure functions over the cleaned lines. Patterns are matched on the simplified
script; texts are kept in both scripts with identical offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import resources as res
from .errors import ReportFormatError
from .numerals import chinese_to_int

SEGMENTS = (
    "opening", "review_five_years", "review_last_year", "review_summary", "plan_five_years",
    "year_ahead", "self_building", "other", "closing", "glossary",
)

_TERMINATORS = "。！？；"
_CLOSERS = "”’）》」』"
_INLINE_PUNCT = re.compile(r"[，、：；“”‘’（）《》,:;()0-9０-９%]")
_ENUMERATION = re.compile(f"^[{res.CHINESE_NUMERALS}]是")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


# --------------------------------------------------------------------------- front matter
_SPEAKER_RE = re.compile(r"^(?P<title>\S*?(?:代)?[省市县区州旗]长)\s*(?P<name>\S{2,4})$")
_PLACE_RE = re.compile(r"^(?P<place>.+?)第[一二三四五六七八九十]+届")


def parse_front_matter(header: list[str]) -> dict:
    """Read title, meeting, date, place and speaker from the page's header lines (simplified).

    >>> meta = parse_front_matter(["2022年政府工作报告", "——2022年1月20日在冠县第十八届",
    ...                            "人民代表大会第一次会议上", "冠县县长 张志刚"])
    >>> meta["meeting_date"], meta["place"], meta["speaker"]
    ('2022-01-20', '冠县', '张志刚')
    """
    meta: dict = {"title": None, "place": None, "year": None, "meeting_date": None, "meeting": None,
                  "speaker": None, "speaker_title": None, "published": None, "publisher": None, "doc_index": None,
                  "level": None, "year_source": None}
    meeting_lines: list[str] = []
    in_meeting = False
    for line in header:
        compact = re.sub(r"\s+", "", line)
        if m := res.TIMESTAMP_RE.match(line):
            meta["published"] = m.group("ts")
        elif res.DATE_LINE_RE.match(line):
            meta["published"] = meta["published"] or line
        elif res.DOC_INDEX_RE.match(line):
            meta["doc_index"] = line
        elif line.startswith("——") or res.MEETING_LINE_RE.match(compact) or in_meeting:
            meeting_lines.append(compact.lstrip("-—－─―（(").rstrip("）)"))
            in_meeting = not re.search(r"会议?上?$", compact)
        elif (m := res.TITLE_RE.search(compact)) and meta["title"] is None:
            meta["title"] = compact
        elif compact == "政府工作报告":
            meta["title"] = meta["title"] or compact
        elif m := _SPEAKER_RE.match(re.sub(r"\s+", " ", line)):
            meta["speaker_title"], meta["speaker"] = m.group("title"), m.group("name")
        elif compact.endswith("政府") and len(compact) <= 12:
            meta["publisher"] = compact
    if meeting_lines and (m := res.MEETING_RE.search("".join(meeting_lines))):
        meta["meeting_date"] = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
        meta["meeting"] = m.group("meeting")
        meta["year"], meta["year_source"] = int(m["y"]), "meeting line"
        if "全国人民代表大会" in m.group("meeting"):
            meta["place"] = "全国"
        elif p := _PLACE_RE.match(m.group("meeting")):
            meta["place"] = p.group("place")
    if meta["year"] is None and meta["title"] and (m := res.TITLE_RE.search(meta["title"])):
        meta["year"], meta["year_source"] = int(m.group("year")), "title"
    if meta["title"] and not re.search(r"(?:19|20)\d{2}", meta["title"]) and meta["year"]:
        meta["title"] = f"{meta['year']}年{meta['title']}"
    meta["level"] = place_level(meta["place"])
    return meta


_PROVINCIAL_CITIES = ("北京市", "天津市", "上海市", "重庆市")


def place_level(place: str | None) -> str | None:
    """The administrative level a place name implies: national, province, city or county.

    >>> place_level("全国"), place_level("四川省"), place_level("上海市"), place_level("呼伦贝尔市海拉尔区")
    ('national', 'province', 'province', 'county')
    >>> place_level("聊城市"), place_level("冠县"), place_level(None)
    ('city', 'county', None)
    """
    if not place:
        return None
    if place in ("全国", "中国", "国务院") or place.startswith("中华人民共和国"):
        return "national"
    if place.endswith(("省", "自治区")) or place in _PROVINCIAL_CITIES:
        return "province"
    if place.endswith(("县", "区", "旗", "自治县")):
        return "county"
    if place.endswith(("市", "州", "盟", "地区")):
        return "city"
    return None


# --------------------------------------------------------------------------- sentences
def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``: split after 。！？； outside quotes.

    Closing quotes and brackets after a terminator stay with its sentence. When the
    quotes of the text do not balance, quotes are ignored.

    >>> t = "他说：“好。走吧。”我们走了；完。"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['他说：“好。走吧。”', '我们走了；', '完。']
    """
    balanced = text.count("“") == text.count("”")
    spans, start, depth, i, n = [], 0, 0, 0, len(text)
    while i < n:
        ch = text[i]
        if balanced and ch == "“":
            depth += 1
        elif balanced and ch == "”":
            depth = max(depth - 1, 0)
        if ch in _TERMINATORS and depth == 0:
            j = i + 1
            while j < n and (text[j] in _CLOSERS or text[j] in _TERMINATORS):
                j += 1
            spans.append((start, j))
            start, i = j, j
            continue
        if ch in _TERMINATORS and depth > 0:
            # a terminator right before the closing quote ends the sentence after the quote
            j = i + 1
            while j < n and text[j] in _TERMINATORS:
                j += 1
            if j < n and text[j] == "”" and depth == 1:
                depth = 0
                j += 1
                while j < n and (text[j] in _CLOSERS or text[j] in _TERMINATORS):
                    j += 1
                if j >= n or text[j] not in "，、：":
                    spans.append((start, j))
                    start = j
                i = j
                continue
        i += 1
    if start < n and text[start:].strip():
        spans.append((start, n))
    return spans


# --------------------------------------------------------------------------- paragraphs
def _is_lead_phrase(sentence: str, *, limit: int) -> bool:
    """A short sentence that reads as a heading: 打造更具竞争力的制造业。"""
    if not sentence.endswith("。"):
        return False
    body = sentence[:-1]
    return 2 <= len(body) <= limit and not _ENUMERATION.match(body)


def split_lead_phrases(text: str) -> list[str]:
    """Split a line where a lead phrase (a short, bare sentence) opens a new topic.

    Scraping ran some paragraphs together: ``…完善…成效。发展的后劲更足。实施…`` holds
    the lead phrase 发展的后劲更足 of the next paragraph. A sentence of at most 12
    characters without inner punctuation, after some body text, starts a new paragraph.

    >>> split_lead_phrases("发展的质量更高。完善机制，成效明显。发展的后劲更足。实施项目72个。")
    ['发展的质量更高。完善机制，成效明显。', '发展的后劲更足。实施项目72个。']
    """
    spans = split_sentences(text)
    pieces, start, has_body = [], 0, False
    for k, (a, b) in enumerate(spans):
        sentence = text[a:b]
        bare = not _INLINE_PUNCT.search(sentence[:-1])
        is_lead = bare and _is_lead_phrase(sentence, limit=12) and k + 1 < len(spans)
        if is_lead and has_body:
            pieces.append(text[start:a])
            start, has_body = a, False
        elif not (is_lead and k == 0):
            has_body = True
    pieces.append(text[start:])
    return pieces


def lead_heading(text: str) -> str | None:
    """The heading a paragraph opens with, if any (without its 。).

    >>> lead_heading("打造更具竞争力的制造业。纵深推进“链长制”。")
    '打造更具竞争力的制造业'
    >>> lead_heading("这一年，我们加快动能转换，产业层次实现新提升。发展的质量更高。")
    '这一年，我们加快动能转换，产业层次实现新提升'
    >>> lead_heading("预计全县生产总值增长8%。") is None
    True

    A paragraph may be its heading alone (a topic line such as 这一年，我们聚力乡村振兴，三农工作迈出新步伐。).
    """
    spans = split_sentences(text)
    if not spans:
        return None
    first = text[spans[0][0]:spans[0][1]]
    if not _is_lead_phrase(first, limit=24) or re.search(r"[、：“”\d]", first):
        return None
    return first[:-1]


@dataclass
class Paragraph:
    """A paragraph before it becomes a row of ``Report.paragraphs``."""

    original: str
    simplified: str
    line: int
    part: str = "opening"
    segment: str = "opening"
    section: str | None = None
    section_title: str | None = None
    heading: str | None = None
    topic: str | None = None
    period: str | None = None


def part_heading(line: str) -> re.Match | None:
    """Match a part heading line (``一、过去五年和2021年工作回顾``): numeral, 、, a short title, no 。.

    >>> part_heading("三、2022年重点目标任务").groups(), part_heading("一、是要……。") is None
    (('三', '2022年重点目标任务'), True)
    """
    if "。" in line or len(line) > 40:
        return None
    return res.PART_HEADING_RE.match(line)


_FIVE_YEAR_PLAN_RE = re.compile(r"十[一二三四五六七八九]五")
_FIVE_YEARS_RE = re.compile(r"十[一二三四五六七八九]五|五年")
_REVIEW_TITLE_RE = re.compile(r"回顾|成就|成绩|新进展|主要工作和")
_SELF_BUILDING_RE = re.compile(r"自身建设|政府治理|服务型政府|法治政府|转作风")
_FIRST_YEAR_RE = re.compile(r"开好局|起好步|开局")
_YEAR_AHEAD_TITLE_RE = re.compile(r"目标任务|工作安排|重点工作|主要任务|主要工作|政府工作任务")
#: a paragraph that opens (perhaps after one short sentence) on the five years under review
_REVIEW_FIVE_YEARS_RE = re.compile(
    r"^(?:[^。！]{0,40}[。！])?(?:五年来|过去五年|过去的五年|这五年|回望“十|回顾“十|回顾过去的?五年|“十[一二三四五六七八九]五”(?:时期|以来|期间)(?:是|我们|，))")
#: a paragraph that opens on the five years ahead
_PLAN_FIVE_YEARS_RE = re.compile(r"^(?:[^。！]{0,40}[。！])?(?:今后五年|未来五年|“十[一二三四五六七八九]五”时期)")


def _names_plan_ahead(match: re.Match | None, year: int | None) -> bool:
    """Whether a matched lead (今后五年, “十五五”时期…) speaks of the years from ``year`` on."""
    if match is None:
        return False
    named = _FIVE_YEAR_PLAN_RE.search(match.group())
    if named is None:
        return not re.search(r"五年来|过去|这五年|回望|回顾", match.group())
    return year is not None and five_year_plan_span(named.group())[0] >= year


def five_year_plan_span(numeral: str) -> tuple[int, int]:
    """The years of a numbered five-year plan: 十四五 → 2021-2025, 十五五 → 2026-2030.

    >>> five_year_plan_span("十四五"), five_year_plan_span("十五五"), five_year_plan_span("十二五")
    ((2021, 2025), (2026, 2030), (2011, 2015))
    """
    n = chinese_to_int(numeral[:-1])  # 十四五 → 十四 → 14; from the 3rd plan (1966-1970) on, one every five years
    first = 1966 + 5 * (n - 3)
    return first, first + 4


def five_year_period(text: str, segment: str, year: int | None) -> str | None:
    """The span a five-year segment covers, from the plan the text names, else from the year.

    A review covers the named plan that ended before ``year`` (十四五 in a 2026 report:
    2021-2025), a plan the one that starts at ``year`` or later; without a named plan,
    the five years before (review) or from (plan) the report's year.

    >>> five_year_period("“十四五”时期发展成就和“十五五”时期主要目标任务", "plan_five_years", 2026)
    '2026-2030'
    >>> five_year_period("过去五年和2021年工作回顾", "review_five_years", 2022)
    '2017-2021'
    """
    if year is None or segment not in ("review_five_years", "plan_five_years"):
        return period_of(segment, year)
    for m in _FIVE_YEAR_PLAN_RE.finditer(text):
        first, last = five_year_plan_span(m.group())
        if (segment == "review_five_years" and last < year) or (segment == "plan_five_years" and first >= year):
            return f"{first}-{last}"
    return period_of(segment, year)


def _part_segment(title: str, year: int | None, preview: str = "") -> str:
    """The segment a part opens with, from its title, else from its first paragraph (``preview``).

    >>> _part_segment("过去五年和2021年工作回顾", 2022), _part_segment("2025年和“十四五”时期工作回顾", 2026)
    ('review_five_years', 'review_last_year')
    >>> _part_segment("一张蓝图绘到底，奋力谱写中国式现代化福建篇章", 2026, "“十五五”时期是基本实现…")
    'plan_five_years'
    """
    if _SELF_BUILDING_RE.search(title):
        return "self_building"
    if _REVIEW_TITLE_RE.search(title):
        five = _FIVE_YEARS_RE.search(title)
        last = re.search(f"{year - 1}年|一年" if year else "一年", title)
        return "review_five_years" if five and (not last or five.start() < last.start()) else "review_last_year"
    if _FIRST_YEAR_RE.search(title):
        return "year_ahead"
    if _FIVE_YEARS_RE.search(title):
        return "plan_five_years"
    if "今年" in title or (year and f"{year}年" in title) or _YEAR_AHEAD_TITLE_RE.search(title):
        return "year_ahead"
    if preview:
        if _PLAN_FIVE_YEARS_RE.search(preview):
            return "plan_five_years"
        if _starts_last_year(preview, year) or re.search(r"^(?:[^。]{0,40}。)?一年来", preview):
            return "review_last_year"
        if re.match(f"今年|{year}年" if year else "今年", preview):
            return "year_ahead"
    return "other"


def _starts_last_year(text: str, year: int | None, *, strict: bool = False) -> bool:
    """Whether a paragraph opens on last year; ``strict``: only as a topic (2025年是…, 一年来), not as a
    date inside a five-year review (2025年四大主导产业占GDP比重…)."""
    last = f"{year - 1}年" if year else "\0"
    if strict:
        return bool(re.search(f"刚刚过去的{last}|过去的一年|^一年来|^{last}(?:是|，|以来|我们)", text))
    return bool(re.search(f"刚刚过去的{last}|过去的一年|^一年来|^{last}", text))


def build_paragraphs(original: list[str], simplified: list[str], line_numbers: list[int],
                     year: int | None) -> tuple[list[Paragraph], list[dict]]:
    """Split body lines into paragraphs and tag each with part, segment and section.

    Returns the paragraphs and the sections found (dicts with id, part, numeral,
    number, title, subtitle).
    """
    paragraphs: list[Paragraph] = []
    sections: list[dict] = []
    numerals = [m.group(1) for line in simplified if (m := part_heading(line))]
    last_part = numerals[-1] if numerals else None
    part, segment, section, section_title, topic = "opening", "opening", None, None, None
    part_title, period = "", None
    seen_body_in_segment = False
    in_glossary = False
    for k, (orig_line, simple_line, line_no) in enumerate(zip(original, simplified, line_numbers)):
        if res.GLOSSARY_HEADING_RE.search(simple_line) and len(simple_line) <= 40:
            in_glossary, part, segment, section, section_title, topic = True, "glossary", "glossary", None, None, None
            paragraphs.append(Paragraph(orig_line, simple_line, line_no, part, segment, heading=simple_line))
            continue
        if not in_glossary and (m := part_heading(simple_line)):
            preview = simplified[k + 1] if k + 1 < len(simplified) else ""
            part, part_title = m.group(1), m.group(2)
            segment = _part_segment(part_title, year, preview)
            period = five_year_period(part_title, segment, year)
            section, section_title, topic, seen_body_in_segment = None, None, None, False
            paragraphs.append(Paragraph(orig_line, simple_line, line_no, part, segment, heading=m.group(2),
                                        period=period))
            continue
        pieces_s = [simple_line] if in_glossary else split_lead_phrases(simple_line)
        offset = 0
        for piece_s in pieces_s:
            piece_o = orig_line[offset:offset + len(piece_s)]
            offset += len(piece_s)
            heading = None
            if in_glossary:
                pass
            elif m := res.SECTION_HEADING_RE.match(piece_s):
                if segment == "review_summary" and _FIVE_YEARS_RE.search(part_title):
                    # numbered sections after a summary paragraph (回望过去五年…) review the five years
                    segment, seen_body_in_segment = "review_five_years", False
                    period = five_year_period(part_title, segment, year)
                number = chinese_to_int(m.group(1))
                first = m.group(2).split("。", 1)[0]
                title, _, subtitle = first.partition("，")
                section, section_title, heading, topic = f"{part}.{number}", title, title, None
                sections.append({"section_id": section, "part": part, "segment": segment, "numeral": m.group(1),
                                 "number": number, "title": title, "subtitle": subtitle or None})
            else:
                before = segment
                if piece_s.startswith("各位代表"):
                    section = section_title = topic = None
                    if segment.startswith("review") and _starts_last_year(piece_s, year):
                        segment = "review_last_year"
                    elif segment.startswith("review") and seen_body_in_segment:
                        segment = "review_summary"
                    elif segment in ("self_building", "year_ahead", "other") and seen_body_in_segment \
                            and part == last_part:
                        segment = "closing"
                elif segment.startswith("review") and _FIVE_YEARS_RE.search(part_title) \
                        and _names_plan_ahead(_PLAN_FIVE_YEARS_RE.search(piece_s), year):
                    segment = "plan_five_years"
                elif segment.startswith("review") and (m5 := _REVIEW_FIVE_YEARS_RE.search(piece_s)) \
                        and not _names_plan_ahead(m5, year):
                    segment = "review_five_years"
                elif segment.startswith("review") and _starts_last_year(piece_s, year, strict=segment != "review_summary"):
                    segment = "review_last_year"
                elif segment == "plan_five_years" and re.match(f"^(?:今年|{year}年)是" if year else "^今年是", piece_s):
                    segment = "year_ahead"
                if segment != before:
                    seen_body_in_segment, topic = False, None
                    period = five_year_period(piece_s[:40] + part_title, segment, year)
                heading = lead_heading(piece_s)
                if heading and "，" in heading:  # a two-clause lead (这一年，我们…) heads the paragraphs after it
                    topic = heading
            seen_body_in_segment = True
            paragraphs.append(Paragraph(piece_o, piece_s, line_no, part, segment, section, section_title, heading, topic,
                                        period))
    return paragraphs, sections


def period_of(segment: str, year: int | None) -> str | None:
    """The period a segment speaks of, from the report's own year.

    >>> period_of("review_five_years", 2022), period_of("plan_five_years", 2022), period_of("year_ahead", 2019)
    ('2017-2021', '2022-2026', '2019')
    """
    if year is None:
        return None
    return {
        "review_five_years": f"{year - 5}-{year - 1}",
        "review_last_year": f"{year - 1}",
        "plan_five_years": f"{year}-{year + 4}",
        "year_ahead": f"{year}",
    }.get(segment)


def infer_year(meta_year: int | None, simplified: list[str]) -> int:
    """The report's year: the meeting's, else the first year named in a part heading
    (plus one when that heading is a review: 一、2018年工作回顾 → 2019).

    Raises
    ------
    ReportFormatError
        When no year can be found anywhere.
    """
    headings = [m for line in simplified if (m := part_heading(line))]
    if not headings:
        raise ReportFormatError("this does not look like a government work report: expected numbered parts "
                                "such as '一、…工作回顾' and '二、…年工作安排', found none")
    if meta_year:
        return meta_year
    for m in headings:
        if y := _YEAR_RE.search(m.group(2)):
            return int(y.group(1)) + (1 if "回顾" in m.group(2) else 0)
    raise ReportFormatError("cannot tell the report's year: expected a dated meeting line (——2022年1月20日在…) "
                            "or a year in a part heading (一、2021年工作回顾)")


def check_is_work_report(paragraphs: list[Paragraph]) -> None:
    """Raise :class:`ReportFormatError` unless the text has a review or a plan part."""
    segments = {p.segment for p in paragraphs}
    if not segments & {"review_five_years", "review_last_year", "plan_five_years", "year_ahead"}:
        found = sorted({p.part for p in paragraphs} - {"opening"})
        raise ReportFormatError(
            "this does not look like a government work report: expected numbered parts with a review "
            f"('一、…工作回顾') and a plan ('二、…年工作安排'); found parts {found or 'none'}"
        )
