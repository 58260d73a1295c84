"""Commitment verbs and adverbs per theme, and the numbered policy slogans (两不愁三保障 …); no general counts."""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .counting import _as_terms, _body, _counts, _frame, _groups
from .vocabulary import report_vocabulary

__all__ = ["action_verbs", "numbered_phrases", "COMMITMENT_VERBS", "COMMITMENT_ADVERBS"]

#: commitment verbs: what the government says it will do
COMMITMENT_VERBS = (
    "推进", "加快", "实施", "打造", "深化", "确保", "推动", "加强", "完善", "健全", "强化",
    "落实", "提升", "提高", "巩固", "培育", "构建", "创建", "争创", "优化", "开展", "抓好",
    "做好", "守住", "坚持", "发展", "建设", "突破", "攻坚",
)
#: commitment adverbs: how hard it says it will try
COMMITMENT_ADVERBS = (
    "力争", "全力", "大力", "持续", "不断", "深入", "扎实", "切实", "著力", "着力", "积极",
    "努力", "全面", "坚决", "严格", "稳步", "有序", "进一步", "全力以赴", "千方百计",
)
_NUMERAL = "一二两三四五六七八九十百千万双零"
_QUOTED = re.compile(r"“([^”]{1,20})”")
_STARTS_NUMBERED = re.compile(rf"^(?:[{_NUMERAL}]|\d)")
_TWO_NUMERALS = re.compile(rf"[{_NUMERAL}].*[{_NUMERAL}]")
#: numbered slogans the report uses without quotation marks
_UNQUOTED_SLOGANS = ("三大攻坚战", "一镇一厂", "十四五")
#: set phrases (成语) a report may quote whose numerals are weights, manners or emphasis, not items counted:
#: “四两拨千斤” (four taels move a thousand jin, of the budget's leverage) is an idiom, not a numbered slogan
_NUMERAL_IDIOMS = frozenset({
    "四两拨千斤", "千方百计", "一马当先", "一以贯之", "一鼓作气", "一抓到底", "一举两得", "一石二鸟", "三心二意",
    "七上八下", "九牛一毛", "万无一失", "万众一心", "千家万户", "十全十美", "一心一意", "独一无二", "百尺竿头",
    "一往无前", "一张蓝图绘到底", "三令五申", "四面八方", "五湖四海", "千头万绪", "一丝不苟", "一针一线",
})


# --------------------------------------------------------------------------- verbs
def action_verbs(report, *, by: str = "theme", words: Iterable[str] | None = None) -> pd.DataFrame:
    """How often each theme commits to action: the commitment verbs and adverbs.

    Tokenizes with only the generic stopword layer (the boilerplate layer would remove
    exactly these words) and counts :data:`COMMITMENT_VERBS` and
    :data:`COMMITMENT_ADVERBS` (or ``words``: one word or a list) per group, as whole tokens
    outside the glossary (the counting rule's defaults).

    Returns
    -------
    DataFrame
        ``<by>, word, kind ("verb" | "adverb" | "word"), count, per_1000, rank``:
        ``per_1000`` per 1,000 tokens of the group; rank within group by count, ties
        by word. Words a group never uses are left out.

    Examples
    --------
    >>> v = action_verbs(report)                              # doctest: +SKIP
    >>> v[v.theme == "rural"].head(3)                         # doctest: +SKIP
    """
    if words is None:
        kinds = {**{w: "verb" for w in COMMITMENT_VERBS}, **{w: "adverb" for w in COMMITMENT_ADVERBS}}
    else:
        kinds = {w: "word" for w in _as_terms(words, "words")}
    table = _body(_frame(report))
    rows = []
    for value, texts in _groups(table, by):
        counts = _counts(texts, "generic", None, 1, report_vocabulary(report))
        total = sum(counts.values()) or 1
        found = sorted(((w, counts[w]) for w in kinds if counts[w]), key=lambda kv: (-kv[1], kv[0]))
        for rank, (word, count) in enumerate(found, 1):
            rows.append({by: value, "word": word, "kind": kinds[word], "count": count,
                         "per_1000": 1000 * count / total, "rank": rank})
    return pd.DataFrame(rows, columns=[by, "word", "kind", "count", "per_1000", "rank"])


# --------------------------------------------------------------------------- slogans
def _is_numbered(phrase: str) -> bool:
    return bool(_STARTS_NUMBERED.match(phrase) or _TWO_NUMERALS.search(phrase))


def numbered_phrases(report) -> pd.DataFrame:
    """The numbered policy slogans (三个走在前, 两不愁三保障, “1457” …) with their
    glossary definition where the report gives one.

    A phrase is a quoted expression (“…”; lists inside quotes such as
    “一网通办、一窗通办、一次办好” are split at 、 unless the glossary defines the
    whole) that starts with a numeral or digit or holds two numerals, plus a few slogans
    the report uses unquoted (三大攻坚战, 一镇一厂); a quoted idiom whose numerals count
    nothing (“四两拨千斤”) is not one. Occurrences are counted in the body (glossary
    excluded), quoted or not.

    Returns
    -------
    DataFrame
        ``phrase, count, first_start, first_paragraph_id, section, theme, paragraph_ids,
        in_glossary, definition``; in order of first appearance.

    Examples
    --------
    >>> numbered_phrases(report).set_index("phrase").loc["两不愁三保障", "definition"][:12]  # doctest: +SKIP
    '即稳定实现农村贫困人口不愁吃'
    """
    paragraphs = report.paragraphs
    body = _body(paragraphs)
    glossary = getattr(report, "glossary", None)
    definitions: dict[str, str] = {}
    if glossary is not None and len(glossary):
        key_column = "key" if "key" in glossary.columns else "term"
        definitions = dict(zip(glossary[key_column], glossary["definition"]))
    candidates: list[str] = []
    for text in body["text"]:
        for quoted in _QUOTED.findall(text):
            pieces = [quoted] if quoted in definitions else quoted.split("、")
            candidates.extend(p for p in pieces if p and _is_numbered(p) and p not in _NUMERAL_IDIOMS)
    candidates.extend(p for p in _UNQUOTED_SLOGANS if any(p in t for t in body["text"]))
    rows = []
    text = report.text
    for phrase in dict.fromkeys(candidates):
        starts = []
        for para in body.itertuples(index=False):
            at = para.text.find(phrase)
            while at >= 0:
                starts.append((int(para.start) + at, para))
                at = para.text.find(phrase, at + len(phrase))
        if not starts:
            continue
        starts.sort(key=lambda sp: sp[0])
        first, para = starts[0]
        assert text[first:first + len(phrase)] == phrase
        rows.append({
            "phrase": phrase,
            "count": len(starts),
            "first_start": first,
            "first_paragraph_id": para.paragraph_id,
            "section": getattr(para, "section", None),
            "theme": getattr(para, "theme", None),
            "paragraph_ids": ",".join(dict.fromkeys(p.paragraph_id for _, p in starts)),
            "in_glossary": phrase in definitions,
            "definition": definitions.get(phrase),
        })
    rows.sort(key=lambda r: (r["first_start"], r["phrase"]))
    return pd.DataFrame(rows, columns=["phrase", "count", "first_start", "first_paragraph_id", "section", "theme",
                                       "paragraph_ids", "in_glossary", "definition"])

