"""Themes: agreement with the hand annotation (issue 10, item 6), the rules one by one, and the second report."""
from __future__ import annotations

import pytest

from guanxian_analysis import themes
from guanxian_analysis.theme_quality import agreement_summary, load_theme_annotations, theme_agreement


@pytest.fixture(scope="module")
def agreement(report):
    return theme_agreement(report, load_theme_annotations())


def test_agreement_with_the_hand_annotation_meets_the_measured_floor(agreement):
    """The figures benchmarks/bench_themes.py prints (before the rules of issue 10: overall 124/140 = 0.886,
    body 87/89, glossary entries 18/25)."""
    summary = agreement_summary(agreement)
    assert summary["overall"][:2] == (140, 140)
    assert summary["body"][:2] == (89, 89)
    assert summary["glossary"][:2] == (25, 25)
    assert summary["glossary_paragraphs"][:2] == (26, 26)
    assert len(agreement) == 140 and set(agreement.group) == {"body", "glossary", "glossary_paragraph"}


def test_the_issues_examples(report):
    paragraphs = report.paragraphs.set_index("paragraph_id")
    glossary = report.glossary.set_index("term")
    # p039, the 指导思想 paragraph: one mention of 乡村振兴 among three aims does not make it rural
    assert paragraphs.loc["p039", "text"].startswith("今后五年政府工作总的指导思想是")
    assert paragraphs.loc["p039", ["theme", "theme_source"]].tolist() == ["governance", "lexicon"]
    # the glossary is filed by what each term is about, not governance by default
    assert glossary.loc["四个不摘", "theme"] == "rural"
    assert glossary.loc["五个振兴", "theme"] == "rural"
    assert glossary.loc["四水四定", "theme"] == "environment"
    assert glossary.loc["四乱", "theme"] == "environment"
    assert glossary.loc["双一流高校", "theme"] == "livelihoods"
    assert glossary.loc["三线一单", "theme"] == "environment"
    # the general aims stay governance: the “1457” approach spans every theme, 三个走在前 is a directive
    assert glossary.loc["1457工作思路", "theme"] == "governance"
    assert paragraphs.loc[glossary.loc["1457工作思路", "paragraph_id"], "theme_source"] == "glossary_general"
    assert glossary.loc["三个走在前", "theme"] == "governance"
    # an entry and its glossary paragraph carry the same theme
    assert (glossary.theme == paragraphs.loc[glossary.paragraph_id, "theme"].to_numpy()).all()
    # p072, the lead of 在环境优化上攻坚突破, takes its section's theme (the sections table's)
    assert paragraphs.loc["p072", ["theme", "theme_source"]].tolist() == ["environment", "section_lead"]
    assert report.sections.set_index("section_id").loc["三.6", "theme"] == "environment"


def test_glossary_sentences_follow_their_entry(report):
    sentences = report.sentences[report.sentences.part == "glossary"]
    entry = report.paragraphs.set_index("paragraph_id").theme
    body_entries = sentences[sentences.paragraph_id != "p090"]
    assert (body_entries.theme == entry.loc[body_entries.paragraph_id].to_numpy()).all()


def test_glossary_table_has_a_theme_in_either_script(report, report_original):
    assert list(report.glossary.columns) == ["term", "key", "label", "page", "definition", "theme", "paragraph_id",
                                             "start", "end"]
    assert report.glossary.theme.isin(themes.THEMES).all()
    assert report_original.glossary.theme.tolist() == report.glossary.theme.tolist()


@pytest.mark.parametrize("text, expected", [
    ("推进乡村振兴，建设美丽乡村", 2),   # two separate mentions
    ("打造乡村振兴先行区", 1),           # 乡村 inside 乡村振兴 is the same mention
    ("城市管理", 0),
])
def test_keyword_mentions_counts_overlapping_keywords_once(text, expected):
    assert themes.keyword_mentions(text)["rural"] == expected


@pytest.mark.parametrize("text, expected", [
    ("全年PM2.5浓度下降，蓝天白云成为常态。", "environment"),      # only one theme scores
    ("高标准农田建设", "rural"),                                    # one mention, nothing else: decides
    ("以改革创新为根本动力，打造产业转型集聚区、乡村振兴先行区", None),  # one mention against others: no
    ("推进乡村振兴，发展农村集体经济，提升产业", "rural"),           # three mentions lead
    ("", None),
])
def test_lexicon_winner_needs_more_than_one_mention_against_other_themes(text, expected):
    assert themes.lexicon_winner(text) == expected


def test_general_texts_and_section_themes():
    assert themes.is_general({"economy": 8, "rural": 6, "environment": 4, "livelihoods": 3, "urban": 6,
                              "governance": 4})
    assert not themes.is_general({"economy": 2, "rural": 2, "environment": 2, "livelihoods": 1})
    assert not themes.is_general(dict.fromkeys(themes.THEMES, 0.0))
    assert themes.section_theme("在乡村振兴上攻坚突破", []) == "rural"
    assert themes.section_theme("在环境优化上攻坚突破", [{"environment": 3.0}, {"economy": 2.0}]) == "environment"
    assert themes.section_theme("在环境优化上攻坚突破", []) == "governance"


def test_glossary_theme_rules():
    assert themes.glossary_theme("“三资”（第4页）：即农村集体资金、资产、资源。") == ("rural", "glossary")
    assert themes.glossary_theme("“四乱”（第6页）：即乱占、乱采、乱堆、乱建。", usage=["environment"]) == (
        "environment", "glossary_usage")
    assert themes.glossary_theme("“四乱”（第6页）：即乱占、乱采、乱堆、乱建。", usage=["environment", "rural"]) == (
        "governance", "glossary_default")  # no majority among the uses
    assert themes.glossary_theme("“四乱”（第6页）：即乱占、乱采、乱堆、乱建。") == ("governance", "glossary_default")


def _theme_of(report, start: str) -> tuple[str, str]:
    rows = report.paragraphs[report.paragraphs.text.str.startswith(start)]
    assert len(rows) == 1, start
    return rows.theme.iloc[0], rows.theme_source.iloc[0]


def test_hailar_2019_themes_read_right(hailar):
    """Read on the second report: its general requirements are governance now (livelihoods before, from
    幸福感/安全感), its headline review paragraph stays economy, its work approach is governance (urban
    before, from 名城), and the sections keep their themes."""
    assert _theme_of(hailar, "今年政府工作的总体要求是") == ("governance", "lexicon")
    assert _theme_of(hailar, "过去的一年，在区委的坚强领导下")[0] == "economy"
    assert _theme_of(hailar, "为实现上述目标")[0] == "governance"
    assert _theme_of(hailar, "经济社会发展的主要预期目标是")[0] == "economy"
    assert _theme_of(hailar, "（二）城市建管水平有效提升") == ("urban", "section")
    assert _theme_of(hailar, "全力推进污染防治")[0] == "environment"
    assert _theme_of(hailar, "全力冲刺脱贫攻坚")[0] == "rural"
    assert len(hailar.glossary) == 0 and "theme" in hailar.glossary.columns
