"""Policy phrases of the national 2022 report and how the Guanxian 2022 report echoes them.

Checked by reading both texts (national_2022.txt and the Guanxian report, simplified):
- the nation: 继续做好“六稳”、“六保”工作 (3 times each), 高质量共建“一带一路” (3 times), “放管服” (2),
  “专精特新” (1), 碳达峰碳中和 (1, unquoted), 市场主体 and 宏观政策 (8 times each);
- Guanxian: “放管服”改革全面深化 … (3 sentences in the body), 省级“专精特新”企业4家 (s0042),
  统筹推进碳达峰、碳中和 (s0183: the nation's phrase in other words); never 六稳, 六保, 一带一路,
  市场主体 or 宏观政策.
"""
from __future__ import annotations

import pandas as pd
import pytest

import guanxian_analysis as ga
from guanxian_analysis import paths
from guanxian_analysis.echo import ECHO_STATUSES, VARIANTS, _components

NATIONAL_2022 = paths.PROJECT_ROOT.parent / "shared" / "corpus" / "national" / "national_2022.txt"


@pytest.fixture(scope="module")
def nation():
    if not NATIONAL_2022.exists():
        pytest.fail(f"the national report is missing: {NATIONAL_2022}")
    return ga.load_report(NATIONAL_2022)


@pytest.fixture(scope="module")
def phrases(nation, report):
    return ga.policy_phrases(nation, report)


@pytest.fixture(scope="module")
def echo(nation, report):
    return ga.phrase_echo(nation, report).set_index("phrase")


def test_policy_phrases_of_the_nation(phrases):
    table = phrases.set_index("phrase")
    assert list(phrases.columns) == ["phrase", "kind", "count", "z", "first_sentence_id"]
    for phrase, count in {"六稳": 3, "六保": 3, "一带一路": 3, "放管服": 2, "专精特新": 1}.items():
        assert table.loc[phrase, "kind"] == "quoted"
        assert table.loc[phrase, "count"] == count
    # a quoted slogan with a list inside stays whole; a list of short items is split
    assert "资金、要素跟着项目走" in table.index and "资金" not in table.index
    assert {"港人治港", "澳人治澳"} <= set(table.index)
    # distinctive multi-character terms of the nation against the county, by z
    distinctive = phrases[phrases.kind == "distinctive"]
    assert len(distinctive) == 20
    assert (distinctive.z > 0).all() and distinctive.z.is_monotonic_decreasing
    assert (distinctive.phrase.str.len() >= 3).all()
    assert table.loc["市场主体", "count"] == 8 and table.loc["宏观政策", "count"] == 8
    assert "万亿元" not in table.index  # the nation's most distinctive "term" is a unit, not a phrase
    assert not phrases.phrase.duplicated().any()


def test_numbered_slogans_come_from_numbered_phrases(nation):
    table = ga.policy_phrases(nation).set_index("phrase")
    assert set(table.kind) <= {"quoted", "numbered"}  # no distinctive terms without a county
    numbered = set(ga.numbered_phrases(nation).phrase)
    assert {"两个毫不动摇", "九二共识", "四个自信"} <= numbered <= set(table.index)


def test_echoed_phrases(echo, report):
    assert set(echo.status) <= set(ECHO_STATUSES)
    # the README's figures: 31 quoted phrases + 20 distinctive terms; 13 echoed, 38 absent (12 and 39 before
    # issue 10: with hedges and furniture as stopwords the nation's distinctive terms take 制造业, echoed, in
    # place of 充分发挥)
    assert len(echo) == 51 and echo.status.value_counts().to_dict() == {"absent": 38, "echoed": 13}
    row = echo.loc["放管服"]
    assert (row.status, row.count_source, row.count_target) == ("echoed", 2, 3)
    row = echo.loc["专精特新"]
    assert row.status == "echoed" and row.target_sentence_ids.split(",")[0] == "s0042"
    assert row.example == "骨干企业带动能力显著增强，新增国家级高新技术企业14家、省级“专精特新”企业4家。"
    sentences = report.sentences.set_index("sentence_id")["text"]
    for phrase, ids in echo.loc[echo.status == "echoed", "target_sentence_ids"].items():
        assert all(phrase in sentences[i] for i in ids.split(","))


def test_absent_phrases(echo):
    for phrase in ("六稳", "六保", "一带一路", "市场主体", "宏观政策"):
        row = echo.loc[phrase]
        assert (row.status, row.count_target, row.target_sentence_ids) == ("absent", 0, ""), phrase
    assert echo.loc["六稳", "components"] == "稳就业+稳金融+稳外贸+稳外资+稳投资+稳预期"
    assert echo.loc["市场主体", "components"] == "市场+主体"


def test_echoed_in_other_words(nation, report):
    table = ga.phrase_echo(nation, report, phrases=["碳达峰碳中和", "一带一路"]).set_index("phrase")
    row = table.loc["碳达峰碳中和"]
    assert (row.count_source, row.count_target, row.status) == (1, 0, "echoed_in_other_words")
    assert row.components == "碳达峰+碳中和" and row.target_sentence_ids == "s0183"
    assert "统筹推进碳达峰、碳中和" in row.example
    assert table.loc["一带一路", "status"] == "absent"


def test_components_rule():
    assert _components("六稳") == VARIANTS["六稳"]
    assert _components("市场主体") == (("市场", "主体"),)
    assert _components("四风") == ()  # one word: echoed or absent, never "in other words"


def test_inputs_are_not_modified(nation, report, phrases):
    before = phrases.copy()
    paragraphs = report.paragraphs.copy()
    ga.phrase_echo(nation, report, phrases=phrases)
    pd.testing.assert_frame_equal(phrases, before)
    pd.testing.assert_frame_equal(report.paragraphs, paragraphs)
