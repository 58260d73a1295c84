"""Cleaning steps: small pure ``str -> str`` functions, one verb each (no structure, no analysis).

Every step takes the text and an optional ``log`` (a list) to which it appends
one :class:`Change` per edit, so that nothing the cleaner does goes unrecorded.
Line numbers in the log are those of the raw file: no step before
:func:`split_page_furniture` adds or removes a line.

The loader (:mod:`guanxian_analysis.report`) composes them in this order:
:func:`normalize_newlines`, :func:`apply_corrections`,
:func:`strip_pinyin_annotations`, :func:`remove_placeholders`,
:func:`normalize_digits`, :func:`normalize_punctuation`, :func:`strip_line_whitespace`, then, line by
line, :func:`split_page_furniture` and :func:`to_simplified`.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from . import resources as res
from .errors import ReportFormatError


@dataclass(frozen=True)
class Change:
    """One edit made by a cleaning step (``before`` became ``after`` on raw ``line``)."""

    step: str
    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Correction:
    """A documented fix from ``data/corrections.csv``."""

    found: str
    replacement: str
    reason: str


Log = list  # a list of Change, appended to by the steps


class _Lines:
    """Map a character offset of ``text`` to its 1-based line number."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, pos: int) -> int:
        return bisect_right(self.starts, pos)


def _sub_logged(pattern: re.Pattern, repl: Callable[[re.Match], str], text: str, step: str, log: Log | None) -> str:
    line_of = _Lines(text) if log is not None else None

    def _repl(match: re.Match) -> str:
        after = repl(match)
        if log is not None and after != match.group(0):
            log.append(Change(step, line_of(match.start()), match.group(0), after))
        return after

    return pattern.sub(_repl, text)


def normalize_newlines(text: str, *, log: Log | None = None) -> str:
    """Make every line end ``\\n`` (from CRLF or CR); drop a BOM left inside the text.

    >>> normalize_newlines("甲\\r\\n乙\\r丙")
    '甲\\n乙\\n丙'
    """
    text = _sub_logged(re.compile("\ufeff"), lambda m: "", text, "normalize_newlines", log)
    return _sub_logged(re.compile(r"\r\n?"), lambda m: "\n", text, "normalize_newlines", log)


@lru_cache(maxsize=4)
def read_corrections(path: Path) -> tuple[Correction, ...]:
    """Read a corrections file (CSV with columns ``found, replacement, reason``).

    >>> from guanxian_analysis import paths
    >>> read_corrections(paths.CORRECTIONS)[0].replacement
    '發展潛力大的企業'
    """
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise FileNotFoundError(f"corrections file not found: {path}") from None
    missing = {"found", "replacement", "reason"} - set(rows[0] if rows else {})
    if rows and missing:
        raise ReportFormatError(f"{path} lacks the column(s) {sorted(missing)}")
    return tuple(Correction(r["found"], r["replacement"], r["reason"]) for r in rows)


def apply_corrections(text: str, corrections: Iterable[Correction], *, log: Log | None = None) -> str:
    """Replace each documented ``found`` text by its ``replacement``.

    >>> apply_corrections("發展?jié)", [Correction("?jié)", "潛", "garbled")])
    '發展潛'
    """
    for fix in corrections:
        pattern = re.compile(re.escape(fix.found))
        text = _sub_logged(pattern, lambda m, r=fix.replacement: r, text, "apply_corrections", log)
    return text


def strip_pinyin_annotations(text: str, *, log: Log | None = None) -> str:
    """Remove the pinyin a converter left after characters: ``現(xiàn)在`` → ``現在``.

    Parentheses holding Chinese, digits or anything but pinyin stay:

    >>> strip_pinyin_annotations("現(xiàn)在 引黃(二期)灌區 鄉鎮(zhèn)(街道)")
    '現在 引黃(二期)灌區 鄉鎮(街道)'
    """
    return _sub_logged(res.PINYIN_ANNOTATION_RE, lambda m: "", text, "strip_pinyin_annotations", log)


def remove_placeholders(text: str, *, log: Log | None = None) -> str:
    """Remove the ``?`` that stands for a lost space: alone on a line or beside a space.

    >>> remove_placeholders("冠縣縣長 ?張志剛\\n?\\n各位代表")
    '冠縣縣長 張志剛\\n\\n各位代表'
    """
    text = _sub_logged(res.PLACEHOLDER_LINE_RE, lambda m: "", text, "remove_placeholders", log)
    return _sub_logged(res.PLACEHOLDER_INLINE_RE, lambda m: "", text, "remove_placeholders", log)


def normalize_punctuation(text: str, *, log: Log | None = None) -> str:
    """Make ASCII punctuation full-width where it stands beside Chinese text.

    Works left to right, so a mark after one just made full-width counts as beside
    Chinese: ``(第10頁):2021年`` → ``（第10頁）：2021年``. Punctuation between digits or
    Latin letters (``09:00``, ``1,000``) and ``%``/``.`` stay ASCII; a mark right after
    ``%`` ends a Chinese clause (``录取率47.2%,122名``) and becomes full-width.

    >>> normalize_punctuation("現在,我代表 (第10頁):2021年 09:00")
    '現在，我代表 （第10頁）：2021年 09:00'
    """
    cjk = re.compile(f"[{res.CJK_CONTEXT}]")
    line_of = _Lines(text) if log is not None else None
    out, last, previous = [], 0, ""
    for match in res.ASCII_PUNCT_RE.finditer(text):
        i = match.start()
        out.append(text[last:i])
        before = text[i - 1] if i > last else previous
        after = text[i + 1] if i + 1 < len(text) else ""
        mark = match.group()
        if cjk.match(before) or cjk.match(after) or before == "%":
            out.append(previous := res.FULL_WIDTH[mark])
            if log is not None:
                log.append(Change("normalize_punctuation", line_of(i), mark, res.FULL_WIDTH[mark]))
        else:
            out.append(previous := mark)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


_FULL_WIDTH_DIGITS_RE = re.compile("[\uff10-\uff19]+")


def normalize_digits(text: str, *, log: Log | None = None) -> str:
    """Make full-width digits ASCII (``２００９年`` → ``2009年``), keeping the length.

    >>> normalize_digits("２００９年增长１２％")
    '2009年增长12％'
    """
    to_ascii = str.maketrans("０１２３４５６７８９", "0123456789")
    return _sub_logged(_FULL_WIDTH_DIGITS_RE, lambda m: m.group().translate(to_ascii), text, "normalize_digits", log)


def strip_line_whitespace(text: str, *, log: Log | None = None) -> str:
    """Strip white space (and full-width spaces) at both ends of every line.

    >>> strip_line_whitespace("  甲 \\n\\u3000乙")
    '甲\\n乙'
    """
    edges = re.compile(r"^[ \t\u3000\xa0]+|[ \t\u3000\xa0]+$", re.M)
    return _sub_logged(edges, lambda m: "", text, "strip_line_whitespace", log)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str, *, log: Log | None = None, line: int = 0) -> str:
    """Convert to simplified script with OpenCC ``t2s``, keeping the length.

    OpenCC converts phrase by phrase; when a phrase would change the length (rare),
    the characters are converted one by one so that offsets stay valid in both scripts.

    >>> to_simplified("冠縣縣長張志剛")
    '冠县县长张志刚'
    """
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        converted = "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)
    if log is not None:
        log_conversion(text, converted, line=line, log=log)
    return converted


def log_conversion(original: str, converted: str, *, line: int, log: Log) -> None:
    """Append one ``to_simplified`` :class:`Change` per character that the conversion changed.

    >>> log = []; log_conversion("冠縣", "冠县", line=3, log=log); log
    [Change(step='to_simplified', line=3, before='縣', after='县')]
    """
    log.extend(Change("to_simplified", line, a, b) for a, b in zip(original, converted) if a != b)


@dataclass(frozen=True)
class Furniture:
    """Lines of the web page around the report, moved out of the text."""

    header: tuple[str, ...]
    footer: tuple[str, ...]
    annexes: tuple[str, ...] = ()
    header_index: tuple[int, ...] = ()  # positions of the header lines in ``lines``


def split_page_furniture(lines: list[str], simplified: list[str], *, log: Log | None = None,
                         line_numbers: list[int] | None = None) -> tuple[list[int], Furniture]:
    """Find the report's body among the page's lines.

    The body starts at the salutation (``各位代表：``) or, failing that, at the first
    part heading (``一、``); it ends before the page's footer links (``图文解读…``,
    ``扫一扫在手机打开当前页面``); from ``责任编辑``, ``相关报道：`` or ``打印本页`` on, every line is
    footer. An annex after the closing line (``附件1`` … up to a ``名词解释`` glossary) is kept
    apart too. Blank lines are dropped.

    Parameters
    ----------
    lines, simplified : list of str
        The lines in the original script and in simplified script (matched on).
    log : list, optional
        Receives one :class:`Change` per removed line.
    line_numbers : list of int, optional
        Raw line number of each line (default: position + 1).

    Returns
    -------
    (kept, furniture)
        Indices of the body lines, and the header, footer and annex lines (original script).

    Raises
    ------
    ReportFormatError
        Neither a salutation nor a numbered part heading was found.
    """
    numbers = line_numbers or list(range(1, len(lines) + 1))
    start = next((i for i, s in enumerate(simplified) if res.SALUTATION_RE.match(s)), None)
    if start is None:
        start = next((i for i, s in enumerate(simplified) if res.PART_HEADING_RE.match(s)), None)
    if start is None:
        raise ReportFormatError(
            "this does not look like a government work report: expected a salutation '各位代表：' "
            "or numbered parts such as '一、…工作回顾', found neither"
        )
    header, footer, annexes, kept, header_index = [], [], [], [], []
    ended = in_annex = False
    front = _front_matter_after(simplified, start)  # title, meeting and speaker written after the salutation
    for i, (line, simple) in enumerate(zip(lines, simplified)):
        if i >= start and res.FOOTER_END_RE.match(simple):
            ended = True
        if i >= start and not ended:
            if res.ANNEX_RE.match(simple) and kept:
                in_annex = True
            elif res.GLOSSARY_HEADING_RE.search(simple) and len(simple) <= 40:
                in_annex = False
        if not line.strip():
            step, bucket = "drop_blank_lines", None
        elif i < start or i in front:
            step, bucket = "split_page_furniture", header
            header_index.append(i)
        elif ended or res.FOOTER_RE.match(simple):
            step, bucket = "split_page_furniture", footer
        elif in_annex:
            step, bucket = "split_page_furniture", annexes
        else:
            kept.append(i)
            continue
        if bucket is not None:
            bucket.append(line)
        if log is not None:
            log.append(Change(step, numbers[i], line, ""))
    return kept, Furniture(tuple(header), tuple(footer), tuple(annexes), tuple(header_index))


def _front_matter_after(simplified: list[str], start: int) -> set[int]:
    """Lines right after the salutation that are the title, meeting line or speaker (各位代表：/2013政府工作报告/…)."""
    found: set[int] = set()
    for i in range(start + 1, len(simplified)):
        compact = re.sub(r"\s+", "", simplified[i])
        if not compact:
            continue
        if not (res.MEETING_LINE_RE.match(compact) or res.SPEAKER_LINE_RE.match(compact)
                or (len(compact) <= 30 and compact.endswith("政府工作报告"))):
            break
        found.add(i)
    return found
