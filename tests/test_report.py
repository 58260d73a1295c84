"""The loader on the real report: cleaning, structure, themes, lossless accounting."""
from __future__ import annotations

import difflib
import re
from collections import Counter

import pandas as pd
import pytest

from guanxian_analysis import load_report, paths
from guanxian_analysis.resources import HAN_RE, PINYIN_ANNOTATION_RE

PART_THREE_TITLES = [
    "在培强产业上攻坚突破", "在项目建设上攻坚突破", "在科技创新上攻坚突破", "在乡村振兴上攻坚突破",
    "在城市更新上攻坚突破", "在环境优化上攻坚突破", "在改善民生上攻坚突破",
]


def test_raw_file_is_the_scrape_byte_for_byte(report):
    assert report.meta["source_sha256"] == "4dad023b4ad618643ef5424a52a53ea91c3529bd16b2a1727509bdba47f73fab"
    assert report.meta["encoding"] == "utf-8"


def test_meta_from_the_front_matter(report):
    meta = report.meta
    assert (meta["title"], meta["place"], meta["year"], meta["review_year"]) == ("2022年政府工作报告", "冠县", 2022, 2021)
    assert meta["meeting_date"] == "2022-01-20"
    assert meta["meeting"] == "冠县第十八届人民代表大会第一次会议"
    assert (meta["speaker_title"], meta["speaker"]) == ("冠县县长", "张志刚")
    assert meta["published"] == "2022-01-24 09:00"
    assert meta["footer"][-1] == "掃一掃在手機打開當前頁面"


def test_parts_and_the_five_year_last_year_split(report):
    parts = report.parts
    assert list(zip(parts.part, parts.segment, parts.period.fillna(""))) == [
        ("opening", "opening", ""),
        ("一", "review_five_years", "2017-2021"),
        ("一", "review_last_year", "2021"),
        ("一", "review_summary", ""),
        ("二", "plan_five_years", "2022-2026"),
        ("三", "year_ahead", "2022"),
        ("四", "self_building", ""),
        ("四", "closing", ""),
        ("glossary", "glossary", ""),
    ]
    assert parts.set_index("segment").loc["review_five_years", "title"] == "过去五年和2021年工作回顾"
    first_last_year = report.paragraphs.query("segment == 'review_last_year'").text.iloc[0]
    assert first_last_year.startswith("各位代表！刚刚过去的2021年")
    last_five_year = report.paragraphs.query("segment == 'review_five_years'").text.iloc[-1]
    assert last_five_year.startswith("五年奋斗，幸福指数大幅跃升")


def test_seven_sections_of_part_three(report):
    sections = report.sections.query("part == '三'")
    assert sections.title.tolist() == PART_THREE_TITLES
    assert sections.section_id.tolist() == [f"三.{n}" for n in range(1, 8)]
    assert sections.subtitle.iloc[0] == "筑牢高质量发展支撑"
    assert report.sections.groupby("part").size().to_dict() == {"二": 5, "三": 7, "四": 5}


def test_lead_phrases_head_their_paragraphs(report):
    paragraphs = report.paragraphs.set_index("heading")
    assert paragraphs.loc["打造更具竞争力的制造业", "section"] == "三.1"
    assert paragraphs.loc["发展的质量更高", "segment"] == "review_last_year"
    assert paragraphs.loc["发展的质量更高", "text"].startswith("发展的质量更高。完善“链长制”工作机制")
    assert paragraphs.loc["发展的后劲更足", "text"].startswith("发展的后劲更足。实施重点项目72个")
    assert len(report.paragraphs) == 115


def test_offsets_index_the_text(report, report_original):
    for table in (report.paragraphs, report.sentences):
        for row in table.itertuples():
            assert report.text[row.start:row.end] == row.text
    assert len(report.text_original) == len(report.text_simplified)
    sentence = report_original.sentences.iloc[0]
    assert report_original.text[sentence.start:sentence.end] == sentence.text == "各位代表："
    assert report_original.paragraphs.text.iloc[1].startswith("現在，我代表縣人民政府")


def test_sentences_split_on_terminators_and_keep_quotes(report):
    texts = report.sentences.text.tolist()
    assert "预计全县生产总值增长8%。" in texts
    assert "一般公共预算收入12.6亿元、增长7%，税收占比75.1%。" in texts
    assert all(t.count("“") == t.count("”") for t in texts)
    assert len(texts) == 456
    assert report.sentences.sentence_id.is_unique


def test_glossary_entries(report):
    glossary = report.glossary
    assert len(glossary) == 25
    assert (glossary.term.iloc[0], glossary.page.iloc[0]) == ("四好农村路", 2)
    assert (glossary.term.iloc[-1], glossary.page.iloc[-1]) == ("双随机、一公开", 23)
    assert glossary.set_index("key").loc["放管服", "label"] == "“放管服”改革"


def test_corrected_gazelle_entry(report, report_original):
    definition = report.glossary.set_index("key").loc["瞪羚企业", "definition"]
    assert definition == "即成长速度快、创新能力强、专业领域新、发展潜力大的企业，具有人才密集型、技术密集型等特征。"
    assert "发展潜力大的企业" in report.text
    assert "發展潛力大的企業" in report_original.text
    fix = report.changes.query("step == 'apply_corrections'")
    assert fix[["line", "before", "after"]].values.tolist() == [[107, "發(fā)展?jié)摿Υ蟮钠髽I(yè)", "發展潛力大的企業"]]


def test_no_pinyin_or_placeholders_left_and_real_parentheses_stay(report, report_original):
    assert not PINYIN_ANNOTATION_RE.search(report_original.text)
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", report.text)
    assert "?" not in report.text and "?" not in report_original.text
    for kept in ("引黄（二期）灌区", "乡镇（街道）", "党工委（管委会）", "（第2页）："):
        assert kept in report.text, kept
    counts = report.cleaning.set_index("step")["count"]
    # 1,306 annotations in the raw file: 1,304 stripped, 2 inside the garbled passage the correction replaces
    assert counts["strip_pinyin_annotations"] == 1304
    assert counts["remove_placeholders"] == 13
    assert counts["apply_corrections"] == 1
    assert counts["split_page_furniture"] == 12
    assert counts["drop_blank_lines"] == 12  # the lines that held only "?"


def test_punctuation_full_width_inside_chinese(report):
    assert "现在，我代表县人民政府" in report.text
    assert "（第10页）：2021年10月20日" in report.text
    assert not re.search(r"[,:;!()]", report.text)
    assert "PM2.5" in report.text and "75.1%" in report.text
    assert "录取率47.2%，122名孩子" in report.text


def test_every_han_character_survives_except_logged_removals(report):
    """Lossless accounting: align the Han characters of the raw text with those of the clean
    (original-script) text; whatever the alignment drops or inserts must be what the log says."""
    raw = "".join(HAN_RE.findall(report.raw_text))
    clean = "".join(HAN_RE.findall(report.text_original))
    log = report.changes[report.changes.step != "to_simplified"]
    logged_removed = Counter("".join(HAN_RE.findall("".join(log.before))))
    logged_added = Counter("".join(HAN_RE.findall("".join(log.after))))
    removed, added = Counter(), Counter()
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, raw, clean, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            removed.update(raw[a1:a2])
        if op in ("insert", "replace"):
            added.update(clean[b1:b2])
    assert removed - added == logged_removed - logged_added
    assert added - removed == logged_added - logged_removed
    assert sum(logged_removed.values()) > 100  # the header, footer and garbled passage really are logged


def test_simplified_conversion_uses_opencc_and_is_logged(report):
    assert "冠縣" in report.raw_text and "冠县" in report.text
    conversions = report.changes.query("step == 'to_simplified'")
    assert ("縣", "县") in set(zip(conversions.before, conversions.after))
    assert report.cleaning.set_index("step").loc["to_simplified", "count"] == len(conversions)


def test_themes_follow_sections_then_lexicon(report):
    p = report.paragraphs
    by_heading = p.set_index("heading")
    assert set(p.theme) == {"economy", "rural", "environment", "livelihoods", "urban", "governance"}
    assert (p[p.section == "三.4"].theme == "rural").all()
    assert (p[p.section == "三.4"].theme_source == "section").all()
    assert by_heading.loc["打造天蓝水清的生态环境", "theme"] == "environment"
    assert by_heading.loc["打造安定和谐的社会环境", "theme"] == "livelihoods"
    blue_sky = by_heading.loc["蓝天白云常见"]
    assert (blue_sky.theme, blue_sky.segment) == ("environment", "review_last_year")
    assert (p[p.part == "四"].theme == "governance").all()
    assert p.loc[p.score_rural.idxmax(), "section"] == "三.4"
    # a sentence in a paragraph the lexicon decided is scored on its own
    water = report.sentences[report.sentences.text.str.contains("河流水质稳定达标")].iloc[0]
    assert water.theme == "environment"


def test_load_is_cached_and_script_selects_the_text(report, report_original):
    again = load_report()
    assert again is not report and again.text is report.text  # parsed once, handed out as a copy
    pd.testing.assert_frame_equal(again.paragraphs, report.paragraphs)
    assert load_report(paths.RAW_REPORT, script="original").text == report_original.text
    assert report_original.script == "original" and report.script == "simplified"
    assert report_original.glossary.term.iloc[-1] == "雙隨機、一公開"


def test_a_caller_cannot_corrupt_the_report_for_the_next_caller():
    first = load_report()
    first.paragraphs.loc[0, "text"] = "changed"
    first.paragraphs["theme"] = "none"
    first.sections.loc[:, "title"] = ""
    first.meta["place"] = "elsewhere"
    second = load_report()
    assert second.paragraphs.loc[0, "text"] == "各位代表："
    assert second.paragraphs.theme.nunique() == 6 and second.sections.title.iloc[0] != ""
    assert second.meta["place"] == "冠县"


def test_structure_tables_are_written_byte_identically(report, tmp_path):
    from guanxian_analysis.tables import write_report_tables

    first = {p.name: p.read_bytes() for p in write_report_tables(report, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_report_tables(report, tmp_path / "b")}
    assert first == second
    assert sorted(first) == ["cleaning.csv", "glossary.csv", "paragraphs.csv", "parts.csv", "sections.csv",
                             "sentences.csv"]
    assert first["glossary.csv"].startswith(b"\xef\xbb\xbfterm,key,label,page")
    assert "四好农村路".encode() in first["glossary.csv"]
