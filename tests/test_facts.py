"""Every count a page states about the report, checked against the report's own text (issue 10, item 9).

The counts are recounted here from the text with patterns of their own (part headings 一、…, section
headings （一）…, glossary entries …（第N页）：), not read back from the tables that produced them.
"""
from __future__ import annotations

import re

import pytest

import guanxian_analysis as ga
from guanxian_analysis import findings

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
