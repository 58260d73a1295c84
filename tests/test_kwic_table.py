"""kwic_table (coverage.py) and its page sentence kwic_note (findings.py): issue 10, item 7."""
from __future__ import annotations

import pytest

import guanxian_analysis as ga
from guanxian_analysis import findings


def test_a_string_is_one_term_and_a_list_several(report):
    one = ga.kwic_table(report, "灵芝", per_term=None)
    assert set(one.term) == {"灵芝"} and set(one.match) == {"灵芝"} and len(one) == one.hits.iloc[0] == 8
    assert one.equals(ga.kwic_table(report, ["灵芝"], per_term=None))


@pytest.mark.parametrize("bad", [3, None, b"x", ["灵芝", 3], {"灵芝": 1}])
def test_other_term_types_raise_type_error(report, bad):
    with pytest.raises(TypeError, match="terms must be a string or a list of strings"):
        ga.kwic_table(report, bad)


def test_terms_with_no_hit_are_reported_not_dropped(report):
    """Whole tokens by default: 粮食 (only in 粮食安全), 啄木鸟 (in 啄木鸟智慧监管平台) and 信访 (信访件, 信访工作,
    大信访) have no hit of their own; with match="substring" they do."""
    table = ga.kwic_table(report, ["高标准农田", "粮食", "啄木鸟", "信访"])
    assert table.drop_duplicates("term").set_index("term").hits.to_dict() == {
        "高标准农田": 2, "粮食": 0, "啄木鸟": 0, "信访": 0}
    empty = table[table.hits == 0]
    assert empty.shown.eq(0).all() and empty.match.eq("").all() and empty.paragraph_id.isna().all()
    loose = ga.kwic_table(report, ["粮食", "啄木鸟", "信访"], match="substring", per_term=None)
    assert loose.groupby("term").size().to_dict() == {"粮食": 1, "啄木鸟": 2, "信访": 4}
    assert loose.attrs == {"match": "substring", "glossary": False, "per_term": None, "fallback": None}


@pytest.mark.parametrize("match", ["token", "substring"])
@pytest.mark.parametrize("glossary", [False, True])
def test_counts_follow_the_rule_term_frequencies_uses(report, match, glossary):
    """The same term has the same count in a KWIC table and a frequency table under the same rule."""
    freqs = ga.term_frequencies(report, match=match, glossary=glossary).set_index("term")["count"]
    table = ga.kwic_table(report, ["教育", "乡村振兴", "灵芝"], match=match, glossary=glossary, per_term=2)
    for term, hits in table.drop_duplicates("term")[["term", "hits"]].itertuples(index=False):
        assert hits == freqs[term] == len(ga.kwic(report, term, match=match, glossary=glossary)), term
    assert table.groupby("term").size().le(2).all()


def test_glossary_hits_are_counted_only_when_asked(report):
    body = ga.kwic_table(report, "四个不摘", per_term=None)
    everywhere = ga.kwic_table(report, "四个不摘", per_term=None, glossary=True)
    assert everywhere.hits.iloc[0] == body.hits.iloc[0] + 1  # the glossary's own entry
    assert "p110" in set(everywhere.paragraph_id) and "p110" not in set(body.paragraph_id)


def test_the_page_says_every_use_or_first_n_of_m_and_the_rule(report):
    note = findings.kwic_note(ga.kwic_table(report, ["钢板加工", "轴承", "粮食"], per_term=6))
    assert note == ("Uses counted as whole words, glossary (名词解释) left out: “钢板加工” all 3 uses; "
                    "“轴承” first 6 of 7 uses shown; “粮食” no use as a whole word (1 inside longer words).")
    note = findings.kwic_note(ga.kwic_table(report, ["粮食", "信访"], match="substring", glossary=True))
    assert note.startswith("Uses counted wherever the characters occur (inside longer words too), glossary included:")
    assert "“粮食” its 1 use" in note and "“信访” all 4 uses" in note


def test_bad_per_term_and_match_raise(report):
    with pytest.raises(ValueError, match="per_term"):
        ga.kwic_table(report, "灵芝", per_term=0)
    with pytest.raises(ValueError, match="match must be one of"):
        ga.kwic_table(report, "灵芝", match="fuzzy")


def test_guanxian_terms_absent_from_hailar_fall_back_to_its_own_theme_terms(hailar):
    """Issue 13, item 4: none of the economy notebook's clusters occurs in Hailar 2019, so the table shows the
    four terms most frequent in its economy paragraphs (term_frequencies by theme) and the note says why."""
    asked = ["钢板加工", "纺织服装", "轴承", "纸制品"]
    assert ga.kwic_table(hailar, asked).hits.eq(0).all()
    table = ga.kwic_table(hailar, asked, per_term=None, fallback_theme="economy")
    freqs = ga.term_frequencies(hailar, by="theme")
    assert freqs[freqs.theme == "economy"].sort_values("rank").term.head(4).tolist() == ["项目", "旅游", "企业", "改革"]
    assert table.attrs["fallback"] == {"theme": "economy", "asked": asked, "terms": ["项目", "旅游", "企业", "改革"]}
    assert table.term.drop_duplicates().tolist() == ["项目", "旅游", "企业", "改革"]
    assert (table.shown > 0).all() and (table.hits == table.shown).all()
    assert table.drop_duplicates("term").hits.tolist() == [len(ga.kwic(hailar, t)) for t in ["项目", "旅游", "企业", "改革"]]
    note = findings.kwic_note(table)
    assert note.startswith("None of “钢板加工”, “纺织服装”, “轴承”, “纸制品” occurs in this report; shown instead: "
                           "the terms most frequent in its economy paragraphs. Uses counted as whole words")
    # two terms asked, at least three shown; the rule (substring) carries over to the ranking and the hits
    rural = ga.kwic_table(hailar, ["灵芝", "林果"], per_term=8, fallback_theme="rural")
    assert rural.attrs["fallback"]["terms"] == ["农村", "乡村", "农业"]


def test_no_fallback_while_one_term_occurs_and_a_bad_theme_fails(hailar):
    table = ga.kwic_table(hailar, ["PM2.5", "扬尘"], fallback_theme="environment")
    assert table.attrs["fallback"] is None and table.term.drop_duplicates().tolist() == ["PM2.5", "扬尘"]
    assert "None of" not in findings.kwic_note(table)
    with pytest.raises(ValueError, match="no theme '经济'"):
        ga.kwic_table(hailar, ["项目"], fallback_theme="经济")


def test_a_term_held_only_inside_longer_words_is_never_said_to_have_no_use(report):
    """棚户区 occurs twice in the body, both times inside the metric compound 棚户区改造项目 that the tokenizer keeps
    whole: the page said "“棚户区” no use". Counted here in the raw text, not by kwic."""
    text = report.text_simplified
    body = text[:text.index("2022年《政府工作报告》名词解释")]
    table = ga.kwic_table(report, ["棚户区", "城市更新", "放管服"], per_term=3)
    first = table.drop_duplicates("term").set_index("term")
    for term in first.index:
        assert first.loc[term, "hits"] + first.loc[term, "inside"] == body.count(term), term
    assert body.count("棚户区") == 2 and first.loc["棚户区", "hits"] == 0
    note = findings.kwic_note(table)
    assert "“棚户区” no use as a whole word (2 inside longer words)" in note
    assert "“城市更新” all 2 uses (2 more inside longer words)" in note and note.endswith("“放管服” all 3 uses.")
    assert ga.kwic_table(report, "棚户区", match="substring").inside.eq(0).all()
