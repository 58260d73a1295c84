"""The report: ``load_report()`` reads, cleans and structures a government work report (no analysis here).

>>> from guanxian_analysis import load_report
>>> report = load_report()
>>> report.meta["place"], report.meta["year"]
('冠县', 2022)
>>> report.paragraphs.loc[0, "text"]
'各位代表：'
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import cleaning, paths, structure, themes
from .decoding import decode_report_bytes
from .errors import ReportFormatError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SCRIPTS = ("simplified", "original")

_CLEANING_STEPS = {
    "normalize_newlines": "line ends made LF (from CRLF/CR), stray BOM removed",
    "apply_corrections": "documented corrections applied (data/corrections.csv)",
    "strip_pinyin_annotations": "pinyin annotations removed after characters: 現(xiàn)在 → 現在",
    "remove_placeholders": "'?' placeholders for lost spaces removed",
    "normalize_digits": "full-width digits made ASCII: ２００９ → 2009",
    "normalize_punctuation": "ASCII punctuation beside Chinese made full-width",
    "strip_line_whitespace": "white space stripped at line ends",
    "split_page_furniture": "page header, footer and annex lines moved into meta",
    "drop_blank_lines": "blank lines dropped",
    "to_simplified": "characters converted to simplified script (OpenCC t2s)",
}


@dataclass(frozen=True, eq=False)
class Report:
    """A cleaned, structured government work report.

    Attributes
    ----------
    text : str
        Clean text in the chosen ``script``; paragraphs joined with ``"\\n"``. Every
        ``start``/``end`` in the tables indexes into it (and into ``text_original``
        and ``text_simplified``, which have the same length).
    script : {"simplified", "original"}
    meta : dict
        title, place, year (the year ahead), review_year, meeting_date, meeting,
        speaker, speaker_title, published, publisher, doc_index, source_path,
        source_sha256, encoding, header, footer, annexes, level, provenance, caller_overrides.
    cleaning : DataFrame
        ``step, description, count``: every kind of change the cleaner made.
    changes : DataFrame
        ``step, line, before, after``: every single change (raw line numbers).
    parts, sections, paragraphs, sentences, glossary : DataFrame
        The structure; see the README for their columns.

    Each ``load_report`` call returns its own Report (a copy-on-write copy of a
    cached one): editing its tables or ``meta`` never changes what the next caller gets.
    """

    text: str
    text_original: str
    text_simplified: str
    raw_text: str
    script: str
    meta: dict
    cleaning: "pd.DataFrame" = field(repr=False)
    changes: "pd.DataFrame" = field(repr=False)
    parts: "pd.DataFrame" = field(repr=False)
    sections: "pd.DataFrame" = field(repr=False)
    paragraphs: "pd.DataFrame" = field(repr=False)
    sentences: "pd.DataFrame" = field(repr=False)
    glossary: "pd.DataFrame" = field(repr=False)

    def __repr__(self) -> str:
        m = self.meta
        return (f"<Report {m.get('title')!r} {m.get('place')} {m.get('year')}: {len(self.parts)} parts, "
                f"{len(self.sections)} sections, {len(self.paragraphs)} paragraphs, "
                f"{len(self.sentences)} sentences, {len(self.glossary)} glossary entries ({self.script})>")

    def quote(self, start: int, end: int, *, context: int = 0) -> str:
        """The report's text between two offsets, with ``context`` characters either side.

        >>> load_report().quote(0, 5)
        '各位代表：'
        """
        return self.text[max(start - context, 0):end + context]


def load_report(path: str | os.PathLike | None = None, *, script: str = "simplified", year: int | None = None,
                place: str | None = None, level: str | None = None) -> Report:
    """Read, clean and structure a government work report.

    Parameters
    ----------
    path : path-like, optional
        A plain-text report (UTF-8 with or without BOM, GB18030/GBK or Big5; LF, CRLF
        or CR line ends). Default: the 冠县 2022 report in ``data/raw/``.
    script : {"simplified", "original"}
        Which script the tables and ``text`` carry. Both texts are kept.
    year, place, level : optional
        Metadata known to the caller, for texts without a meeting line (year of the
        report, i.e. the year ahead; place as written, e.g. ``"海拉尔区"``; level one of
        national, province, city, county). A value given here wins over the text's;
        ``meta["provenance"]`` says where each of year, place and level came from
        ("meeting line", "title", "part heading", "place name" or "caller") and
        ``meta["caller_overrides"]`` keeps any text value the caller replaced.

    Returns
    -------
    Report
        The parsed report is cached (same file, modification time and script), and each
        call returns a new Report over it: pandas copy-on-write copies of the tables and
        a copy of ``meta``, so a caller that edits a table cannot change what the next
        caller gets; a cached load stays cheap (no data is copied until written).

    Raises
    ------
    FileNotFoundError
        ``path`` does not exist.
    ReportFormatError
        The file is empty, binary, undecodable, or not a government work report.

    Examples
    --------
    >>> report = load_report()
    >>> report.sections.query("part == '三'").title.iloc[0]
    '在培强产业上攻坚突破'
    """
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {SCRIPTS}, not {script!r}")
    source = Path(path) if path is not None else paths.RAW_REPORT
    try:
        stat = source.stat()
    except FileNotFoundError:
        raise FileNotFoundError(f"report not found: {source}") from None
    if source.is_dir():
        raise ReportFormatError(f"expected a report file, got a directory: {source}")
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    if year is not None and not (isinstance(year, int) and 1949 <= year <= 2100):
        raise ValueError(f"year must be an int such as 2022, not {year!r}")
    return _private_copy(_load_cached(str(source.resolve()), stat.st_mtime_ns, stat.st_size, script, year, place, level))


#: the Report fields that are tables
TABLE_FIELDS = ("cleaning", "changes", "parts", "sections", "paragraphs", "sentences", "glossary")


def _private_copy(report: Report) -> Report:
    """A Report of the caller's own: shallow copy-on-write tables (pandas >= 3), a deep copy of ``meta``."""
    import copy
    from dataclasses import replace

    tables = {name: getattr(report, name).copy(deep=False) for name in TABLE_FIELDS}
    return replace(report, meta=copy.deepcopy(report.meta), **tables)


LEVELS = ("national", "province", "city", "county")


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime_ns: int, size: int, script: str, year, place, level) -> Report:
    data = Path(path).read_bytes()
    return parse_report(data, script=script, source_path=path, year=year, place=place, level=level)


def parse_report(data: bytes, *, script: str = "simplified", source_path: str | None = None,
                 year: int | None = None, place: str | None = None, level: str | None = None) -> Report:
    """Build a :class:`Report` from the bytes of a report file (no caching, no file access).

    >>> parse_report("什么都不是".encode())
    Traceback (most recent call last):
    ...
    guanxian_analysis.errors.ReportFormatError: this does not look like a government work report: expected a salutation '各位代表：' or numbered parts such as '一、…工作回顾', found neither
    """
    import pandas as pd

    raw_text, encoding = decode_report_bytes(data)
    log: list[cleaning.Change] = []
    text = cleaning.normalize_newlines(raw_text, log=log)
    text = cleaning.apply_corrections(text, cleaning.read_corrections(paths.CORRECTIONS), log=log)
    text = cleaning.strip_pinyin_annotations(text, log=log)
    text = cleaning.remove_placeholders(text, log=log)
    text = cleaning.normalize_digits(text, log=log)
    text = cleaning.normalize_punctuation(text, log=log)
    text = cleaning.strip_line_whitespace(text, log=log)

    lines = text.split("\n")
    simplified_lines = [cleaning.to_simplified(line) for line in lines]
    kept, furniture = cleaning.split_page_furniture(lines, simplified_lines, log=log)
    header = [simplified_lines[i] for i in furniture.header_index]  # the lines before the body starts (or front matter after the salutation)
    body_original = [lines[i] for i in kept]
    body_simplified = [simplified_lines[i] for i in kept]
    for i in kept:  # log the script conversion of the kept text, per character
        cleaning.log_conversion(lines[i], simplified_lines[i], line=i + 1, log=log)

    meta = structure.parse_front_matter(header)
    provenance = {"year": meta.pop("year_source"), "place": "meeting line" if meta["place"] else None,
                  "level": "place name" if meta["level"] else None}
    caller = {"year": year, "place": place, "level": level}
    overrides = {}
    for key, value in caller.items():
        if value is None:
            continue
        if meta[key] is not None and meta[key] != value:
            overrides[key] = meta[key]
        meta[key], provenance[key] = value, "caller"
    if place is not None and level is None and structure.place_level(place):
        meta["level"], provenance["level"] = structure.place_level(place), "place name"
    if meta["year"] is None:
        provenance["year"] = "part heading"
    year = structure.infer_year(meta["year"], body_simplified)
    meta.update(year=year, review_year=year - 1, provenance=provenance, caller_overrides=overrides,
                encoding=encoding, source_path=source_path,
                source_sha256=hashlib.sha256(data).hexdigest(),
                header=list(furniture.header), footer=list(furniture.footer),
                annexes=list(furniture.annexes))

    paragraphs, sections = structure.build_paragraphs(body_original, body_simplified,
                                                      [i + 1 for i in kept], year)
    structure.check_is_work_report(paragraphs)

    text_original = "\n".join(p.original for p in paragraphs)
    text_simplified = "\n".join(p.simplified for p in paragraphs)
    if len(text_original) != len(text_simplified):  # pragma: no cover - to_simplified keeps lengths
        raise AssertionError("script conversion changed the text's length")
    chosen = text_simplified if script == "simplified" else text_original

    para_df, sent_df = _paragraph_tables(paragraphs, chosen, year)
    changes = pd.DataFrame([vars(c) for c in log], columns=["step", "line", "before", "after"])
    report = Report(
        text=chosen,
        text_original=text_original,
        text_simplified=text_simplified,
        raw_text=raw_text,
        script=script,
        meta=meta,
        cleaning=_cleaning_summary(changes),
        changes=changes,
        parts=_parts_table(para_df),
        sections=_sections_table(sections, para_df),
        paragraphs=para_df,
        sentences=sent_df,
        glossary=_glossary_table(para_df, text_simplified, chosen),
    )
    # a theme's paragraphs (a filtered table) still name their report, so the term functions tokenize them
    # with the report's own vocabulary (terms.report_vocabulary)
    from .terms.vocabulary import remember_report

    remember_report(report)
    return report


def _paragraph_tables(paragraphs, chosen: str, year: int):
    import pandas as pd

    decided = [themes.paragraph_theme(p.simplified, heading=p.heading, section_title=p.section_title,
                                      segment=p.segment, topic=p.topic) for p in paragraphs]
    decided = _settle_themes(paragraphs, decided)
    rows, sentence_rows, offset = [], [], 0
    for number, (p, (theme, source, scores)) in enumerate(zip(paragraphs, decided), start=1):
        start, end = offset, offset + len(p.simplified)
        offset = end + 1
        pid = f"p{number:03d}"
        period = p.period if p.segment in ("review_five_years", "plan_five_years") and p.period \
            else structure.period_of(p.segment, year)
        rows.append({"paragraph_id": pid, "part": p.part, "segment": p.segment, "period": period,
                     "section": p.section, "section_title": p.section_title, "topic": p.topic,
                     "heading": p.heading,
                     "theme": theme, "theme_source": source,
                     **{f"score_{t}": scores[t] for t in themes.THEMES},
                     "text": chosen[start:end], "start": start, "end": end, "line": p.line})
        for a, b in structure.split_sentences(p.simplified):
            sentence_rows.append({"sentence_id": f"s{len(sentence_rows) + 1:04d}", "paragraph_id": pid,
                                  "part": p.part, "segment": p.segment, "period": period, "section": p.section,
                                  "theme": themes.sentence_theme(p.simplified[a:b], paragraph_theme=theme,
                                                                 paragraph_source=source),
                                  "text": chosen[start + a:start + b], "start": start + a, "end": start + b})
    return pd.DataFrame(rows), pd.DataFrame(sentence_rows)


def _settle_themes(paragraphs, decided):
    """The theme rules that need the whole report (themes module docstring): a section lead that no
    rule decided takes its section's theme; a glossary entry is themed from its definition, else from
    the body sentences that use its term."""
    from . import resources as res

    decided = list(decided)
    for i, (p, (theme, source, scores)) in enumerate(zip(paragraphs, decided)):
        if source == "default" and p.section and p.heading == p.section_title:
            members = [d[2] for q, d in zip(paragraphs, decided) if q.section == p.section]
            decided[i] = (themes.section_theme(p.section_title, members), "section_lead", scores)
    body = [(sentence, themes.sentence_theme(sentence, paragraph_theme=theme, paragraph_source=source))
            for p, (theme, source, _) in zip(paragraphs, decided) if p.segment != "glossary"
            for a, b in structure.split_sentences(p.simplified) for sentence in [p.simplified[a:b]]]
    for i, (p, (theme, source, scores)) in enumerate(zip(paragraphs, decided)):
        if p.segment == "glossary" and p.heading is None and (m := res.GLOSSARY_ENTRY_RE.match(p.simplified)):
            label = m.group("label")
            key = label[label.find("“") + 1:label.find("”")] if "“" in label else label
            usage = [t for sentence, t in body if key in sentence]
            decided[i] = (*themes.glossary_theme(p.simplified, usage=usage), scores)
    return decided


def _parts_table(para_df):
    grouped = para_df.groupby(["part", "segment"], sort=False)
    table = grouped.agg(period=("period", "first"), n_paragraphs=("paragraph_id", "size"),
                        start=("start", "min"), end=("end", "max")).reset_index()
    # a part's title is the heading of its first titled paragraph (its heading line); all its segments share it
    titles = para_df[para_df["heading"].notna()].groupby("part", sort=False)["heading"].first()
    table.insert(2, "title", table["part"].map(titles).where(table["part"] != "opening"))
    return table.sort_values("start", kind="stable").reset_index(drop=True)


def _sections_table(sections: list[dict], para_df):
    import pandas as pd

    columns = ["section_id", "part", "segment", "numeral", "number", "title", "subtitle", "theme",
               "n_paragraphs", "start", "end"]
    if not sections:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(sections)
    in_sections = para_df[para_df["section"].notna()]
    spans = in_sections.groupby("section").agg(
        start=("start", "min"), end=("end", "max"), n_paragraphs=("paragraph_id", "size"))
    # a section's theme: its title's, else the theme its paragraphs score highest on together
    totals = in_sections.groupby("section")[[f"score_{t}" for t in themes.THEMES]].sum()
    spans["theme"] = [themes.section_theme(title, [dict(zip(themes.THEMES, totals.loc[sid]))])
                      for sid, title in zip(spans.index, table.set_index("section_id").loc[spans.index, "title"])]
    return table.join(spans, on="section_id")[columns]


def _glossary_table(para_df, text_simplified: str, chosen: str):
    import pandas as pd

    from . import resources as res

    rows = []
    for row in para_df[(para_df["part"] == "glossary") & para_df["heading"].isna()].itertuples():
        simple = text_simplified[row.start:row.end]
        if m := res.GLOSSARY_ENTRY_RE.match(simple):
            label = chosen[row.start:row.start + len(m.group("label"))]
            key_s = m.group("label")
            key = key_s[key_s.find("“") + 1:key_s.find("”")] if "“" in key_s else key_s
            rows.append({"term": label.replace("“", "").replace("”", ""), "key": _in_script(key, key_s, label),
                         "label": label, "page": int(m.group("page")),
                         "definition": chosen[row.start + m.start("definition"):row.end], "theme": row.theme,
                         "paragraph_id": row.paragraph_id, "start": row.start, "end": row.end})
    return pd.DataFrame(rows, columns=["term", "key", "label", "page", "definition", "theme", "paragraph_id", "start",
                                       "end"])


def _in_script(key_simplified: str, label_simplified: str, label_chosen: str) -> str:
    i = label_simplified.find(key_simplified)
    return label_chosen[i:i + len(key_simplified)]


def _cleaning_summary(changes):
    import pandas as pd

    counts = changes.groupby("step", sort=False).size()
    return pd.DataFrame({"step": list(_CLEANING_STEPS), "description": list(_CLEANING_STEPS.values()),
                         "count": [int(counts.get(step, 0)) for step in _CLEANING_STEPS]})
