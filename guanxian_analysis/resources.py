"""Compiled patterns and small constant tables shared by the cleaning and structure steps (no functions that clean or parse).

Chinese numerals are read by :func:`guanxian_analysis.numerals.chinese_to_int` (the one numeral parser).

>>> bool(MEETING_LINE_RE.match("--2014年2月19日在海拉尔区第十四届人民代表大会第三次会议上"))
True
>>> PART_HEADING_RE.match("三、2022年重点目标任务").groups()
('三', '2022年重点目标任务')
"""
from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")

#: toned or plain pinyin letters, as a converter writes them after a character: 現(xiàn)
PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
PINYIN_ANNOTATION_RE = re.compile(f"(?<=[{HAN}])\\(([{PINYIN_LETTERS}]{{1,7}})\\)")

#: '?' standing for a lost space: alone on a line, or beside white space
PLACEHOLDER_LINE_RE = re.compile(r"^[ \t\u3000]*\?+[ \t\u3000]*$", re.M)
PLACEHOLDER_INLINE_RE = re.compile(r"(?<=[ \t\u3000])\?+|\?+(?=[ \t\u3000])")

# ASCII punctuation that becomes full-width when it stands beside Chinese text
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
CJK_CONTEXT = f"{HAN}\u3000-\u303f\uff00-\uffef“”‘’"
ASCII_PUNCT_RE = re.compile(r"[,:;!?()]")
FULL_WIDTH = _FULL_WIDTH

CHINESE_NUMERALS = "一二三四五六七八九十"
PART_HEADING_RE = re.compile(f"^([{CHINESE_NUMERALS}]{{1,3}})、(.+)$")
SECTION_HEADING_RE = re.compile(f"^（([{CHINESE_NUMERALS}]{{1,3}})）(.*)$")
SALUTATION_RE = re.compile(r"^各位代表[：！，:!,]")
GLOSSARY_HEADING_RE = re.compile(r"(?:名词解释|^注释)\s*$")
GLOSSARY_ENTRY_RE = re.compile(r"^(?P<label>.+?)（第(?P<page>\d+)页）：(?P<definition>.*)$")

#: lines of the web page around the report (links, QR-code prompts, print buttons)
FOOTER_RE = re.compile(r"^(图文解读|扫一扫|打印本页|关闭窗口|【|责任编辑|分享到|相关链接|上一篇|下一篇)")
#: a footer line after which nothing of the report follows (the rest of the page: links, related reports)
FOOTER_END_RE = re.compile(r"^(责任编辑|相关报道|相关附件|相关链接|扫一扫|打印本页|关闭窗口|上一篇|下一篇|分享到)")
#: an annex label after the closing line (附件1, 附件二：), the annex runs to the glossary or the end
ANNEX_RE = re.compile(r"^附件[0-9一二三四五六七八九十]*[：:]?$")
#: a speaker line, spaces removed: 冠县县长张志刚, 海拉尔区人民政府区长杜联合, 国务院总理李克强
SPEAKER_LINE_RE = re.compile(r"^\S{0,16}(?:[省市县区州旗]长|总理)\S{2,4}$")
MEETING_RE = re.compile(r"(?P<date>(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日)在(?P<meeting>.+?)(?:上)?$")
#: a meeting line, with or without its dash: ——2022年1月20日在…, —2018年…, --2014年…, ----2012年…, 2026年2月3日在…
MEETING_LINE_RE = re.compile(r"^(?:[-—－─―]+\s*|[（(])?\d{4}年\d{1,2}月\d{1,2}日在")
TITLE_RE = re.compile(r"(?P<year>\d{4})年?.*政府工作报告")
TIMESTAMP_RE = re.compile(r"^时间[：:]\s*(?P<ts>\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?)")
DATE_LINE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DOC_INDEX_RE = re.compile(r"^[0-9A-Z]{10,}/\d{4}-\d+$")
