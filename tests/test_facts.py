"""Every count a page states about the report, checked against the report's own text (issue 10, item 9).

The counts are recounted here from the text with patterns of their own (part headings 一、…, section
headings （一）…, glossary entries …（第N页）：), not read back from the tables that produced them.
"""
from __future__ import annotations

import re

import pytest

import guanxian_analysis as ga
from guanxian_analysis import display, findings, paths

_PART_LINE = re.compile(r"^([一二三四五六七八九十]+)、[^。]{1,38}$")
_SECTION = re.compile(r"^（[一二三四五六七八九十]+）")
_GLOSSARY_ENTRY = re.compile(r"^.+?（第\d+页）：")


def _lines(report):
    return report.text_simplified.split("\n")


def _stated(sentence: str, noun: str) -> int:
    match = re.search(rf"(\d[\d,]*) {noun}", sentence)
    assert match, (noun, sentence)
    return int(match.group(1).replace(",", ""))


@pytest.fixture(params=["guanxian", "hailar"])
def any_report(request, report, hailar):
    return {"guanxian": report, "hailar": hailar}[request.param]


def test_the_guanxian_report_has_four_numbered_parts(report):
    facts = findings.report_facts(report)
    assert [m.group(1) for line in _lines(report) if (m := _PART_LINE.match(line))] == ["一", "二", "三", "四"]
    assert "in 4 numbered parts with 17 numbered sections" in facts  # was "3 numbered parts"


def test_report_facts_counts_match_the_text(any_report):
    facts = findings.report_facts(any_report)
    lines = _lines(any_report)
    parts = [m.group(1) for line in lines if (m := _PART_LINE.match(line))]
    assert _stated(facts, "numbered parts?") == len(parts) == findings.numbered_parts(any_report)
    body_lines = lines[:next((i for i, line in enumerate(lines) if "名词解释" in line and len(line) <= 40),
                             len(lines))]
    sections = sum(1 for line in body_lines for piece in re.split(r"(?<=。)", line) if _SECTION.match(piece))
    assert _stated(facts, "numbered sections?") == sections
    entries = sum(1 for line in lines if _GLOSSARY_ENTRY.match(line))
    if entries:
        assert _stated(facts, "terms") == entries
        assert _stated(findings.glossary_facts(any_report, ga.numbered_phrases(any_report)), r"terms\*\*") == entries
    else:
        assert "glossary" not in facts
    body_text = "\n".join(body_lines)
    assert _stated(facts, r"characters\*\*") == len(body_text) - body_text.count("\n")


def test_parts_count_on_hailar_is_three(hailar):
    assert "in 3 numbered parts" in findings.report_facts(hailar)


def test_theme_overview_counts_match_the_paragraphs(report):
    text = findings.theme_overview(report, "environment")
    body = report.paragraphs[report.paragraphs.part != "glossary"]
    mine = int((body.theme == "environment").sum())
    assert f"**{mine} of {len(body)} paragraphs**" in text


# --------------------------------------------------------------------------- the glossary page's slogans
def _slogan_annotation() -> "pd.DataFrame":
    import pandas as pd

    return pd.read_csv(paths.PROJECT_ROOT / "tests" / "fixtures" / "numbered_slogans_annotated.csv")


def _body_and_glossary(report) -> tuple[str, list[str]]:
    lines = _lines(report)
    cut = next(i for i, line in enumerate(lines) if "名词解释" in line and len(line) <= 40)
    return "\n".join(lines[:cut]), lines[cut + 1:]


def test_the_numbered_slogan_count_on_the_glossary_page_is_the_annotated_one(report):
    """00-overview's glossary line against a hand annotation of every quoted (and three unquoted) numbered
    expressions of the body, written from the text: 47 slogans; a brand (聊胜一筹), a title, a planning term
    (多规合一), a motto and an idiom (四两拨千斤: four taels move a thousand jin) are not slogans."""
    annotated = _slogan_annotation()
    slogans = annotated[annotated.slogan == "yes"].phrase.tolist()
    body, glossary = _body_and_glossary(report)
    assert all(phrase in body for phrase in annotated.phrase)  # the annotation quotes the text
    text = findings.glossary_facts(report, ga.numbered_phrases(report))
    assert _stated(text, r"numbered slogans\*\*") == len(slogans) == 47
    # "N of them defined in the glossary": the slogans that head a glossary entry (“…”（第N页）：)
    keys = {m.group(1) for line in glossary if (m := re.match(r"^“([^”]+)”[^（]*（第\d+页）：", line))}
    assert f"{sum(s in keys for s in slogans)} of them defined in the glossary" in text
    assert f"{sum(s in keys for s in slogans)} of them" == "21 of them"
    # the most repeated, counted in the body text (uses overlap nothing here: each phrase found by str.count)
    uses = {s: body.count(s) for s in slogans}
    top = max(uses.values())
    most = sorted((s for s in slogans if uses[s] == top), key=body.find)  # in the order of first use
    assert f"each used {top} times: " + ", ".join(f"“{s}”" for s in most) in text
    assert f"the other {len(slogans) - len(most)} once." in text and set(uses.values()) == {1, top}


def test_the_slogan_table_lists_the_annotated_slogans_with_their_uses_in_the_text(report):
    annotated = _slogan_annotation()
    body, _ = _body_and_glossary(report)
    table = display.phrase_display(ga.numbered_phrases(report))
    assert table.phrase.tolist() == sorted(annotated[annotated.slogan == "yes"].phrase, key=body.find)
    assert dict(zip(table.phrase, table.uses)) == {p: body.count(p) for p in table.phrase}


def test_a_report_without_a_glossary_is_not_said_to_define_0_terms(hailar):
    text = findings.glossary_facts(hailar, ga.numbered_phrases(hailar))
    assert text.startswith("The report has no glossary. Its body uses **")
    assert "0 terms" not in text and "defined in the glossary" not in text
