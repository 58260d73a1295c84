"""Text analyses on the real report and on small hand-made cases."""
from __future__ import annotations

import doctest
import math

import pandas as pd
import pytest

import guanxian_analysis as ga
from guanxian_analysis import terms


# ------------------------------------------------------------------ log-odds by hand
def test_log_odds_matches_a_hand_computation():
    # a: x x y   b: y z   prior counts 1 each -> alpha_w = 1, alpha_0 = 3, n_a = 3, n_b = 2
    table = ga.distinctive_terms({"x": 2, "y": 1}, {"y": 1, "z": 1}, prior={"x": 1, "y": 1, "z": 1}).set_index("term")
    # x: log(3 / (3+3-2-1)) - log(1 / (2+3-0-1)) = log(1) - log(1/4)
    assert table.loc["x", "log_odds"] == pytest.approx(math.log(4))
    assert table.loc["x", "se"] == pytest.approx(math.sqrt(1 / 3 + 1 / 1))
    assert table.loc["x", "z"] == pytest.approx(math.log(4) / math.sqrt(4 / 3))
    # y: log(2/4) - log(2/3)
    assert table.loc["y", "log_odds"] == pytest.approx(math.log(0.5) - math.log(2 / 3))
    assert table.loc["y", "z"] == pytest.approx((math.log(0.5) - math.log(2 / 3)) / math.sqrt(0.5 + 0.5))
    # z: log(1/5) - log(2/3)
    assert table.loc["z", "log_odds"] == pytest.approx(math.log(0.2) - math.log(2 / 3))
    assert list(table.index) == ["x", "y", "z"]
    assert list(table["favours"]) == ["a", "b", "b"]


def test_log_odds_default_prior_is_the_pooled_counts_and_is_antisymmetric():
    a, b = {"x": 3, "y": 1}, {"x": 1, "y": 3}
    ab = ga.distinctive_terms(a, b).set_index("term")
    ba = ga.distinctive_terms(b, a).set_index("term")
    assert ab.loc["x", "prior"] == 4 and ab.loc["y", "prior"] == 4
    assert ab.loc["x", "z"] == pytest.approx(-ba.loc["x", "z"])
    assert ab.loc["x", "z"] == pytest.approx(-ab.loc["y", "z"])


def test_prior_scale_shrinks_towards_zero():
    loose = ga.distinctive_terms({"x": 5, "y": 1}, {"x": 1, "y": 5}, prior_scale=1).set_index("term")
    tight = ga.distinctive_terms({"x": 5, "y": 1}, {"x": 1, "y": 5}, prior_scale=1000).set_index("term")
    assert abs(tight.loc["x", "log_odds"]) < abs(loose.loc["x", "log_odds"])


def test_distinctive_terms_of_the_review_against_the_plan(report):
    p = report.paragraphs
    table = ga.distinctive_terms(p[p.segment == "review_last_year"], p[p.segment == "year_ahead"],
                                 labels=("2021", "2022"))
    # the review boasts of what was won (入选 …), no longer of 全市 (report furniture, a boilerplate
    # stopword since issue 10); the plan talks of talent and industry
    assert table.iloc[0]["term"] == "入选" and table.iloc[0]["favours"] == "2021"
    assert table.iloc[0]["count_a"] == 6
    assert not {"全市", "冠县", "前列", "位居"} & set(table.term)
    assert table.iloc[-1]["favours"] == "2022"
    assert "人才" in set(table.tail(5)["term"])
    assert table["z"].is_monotonic_decreasing


# ------------------------------------------------------------------ frequencies, keywords
def test_term_frequencies_by_theme(report):
    tf = ga.term_frequencies(report, by="theme")
    assert list(tf.columns) == ["theme", "term", "count", "share", "rank"]
    rural = tf[tf.theme == "rural"].set_index("term")
    # 9 in the rural body before issue 10; the 指导思想 paragraph (p039, one 乡村振兴) is governance now
    assert rural.loc["乡村振兴", "count"] == 8
    assert tf[(tf.theme == "governance") & (tf.term == "乡村振兴")]["count"].tolist() == [1]
    urban = tf[tf.theme == "urban"]
    # 17: 城市更新项目 and 城市口袋公园, the report's metric names, are one token each since issue 10 (19 before)
    assert urban.iloc[0]["term"] == "城市" and urban.iloc[0]["count"] == 17
    assert tf.groupby("theme")["share"].sum().round(9).eq(1).all()
    # ties broken by term
    for _, group in tf.groupby("theme"):
        keys = list(zip(-group["count"], group["term"]))
        assert keys == sorted(keys)


def test_term_frequencies_exclude_the_glossary_and_do_not_mutate(report):
    before = report.paragraphs.copy()
    tf = ga.term_frequencies(report, by="part")
    assert "glossary" not in set(tf["part"])
    pd.testing.assert_frame_equal(report.paragraphs, before)
    overall = ga.term_frequencies(report).set_index("term")
    assert "冠县" not in overall.index  # the report's place: the "place" stopword layer (issue 10)
    places = ga.term_frequencies(report, stopwords=("generic", "boilerplate")).set_index("term")
    assert places.loc["冠县", "count"] == 31


def test_keywords_side_by_side(report):
    kw = ga.keywords(report, by="theme", top=5)
    assert list(kw.columns) == ["theme", "rank", "tfidf_term", "tfidf_score", "textrank_term", "textrank_score"]
    assert kw.groupby("theme").size().eq(5).all()
    urban = kw[kw.theme == "urban"]
    assert urban.iloc[0]["tfidf_term"] == "城市" and urban.iloc[0]["textrank_term"] == "城市"
    assert "乡村振兴" in set(kw.loc[kw.theme == "rural", "tfidf_term"])
    assert kw.equals(ga.keywords(report, by="theme", top=5))  # deterministic


# ------------------------------------------------------------------ KWIC provenance
def test_kwic_provenance(report):
    hits = ga.kwic(report, "链长制", window=6)
    assert list(hits["paragraph_id"]) == ["p012", "p051"]
    assert list(hits["section"].fillna("-")) == ["-", "三.1"]
    assert list(hits["theme"]) == ["economy", "economy"]
    assert list(hits["segment"]) == ["review_last_year", "year_ahead"]
    for hit in hits.itertuples():
        assert report.text[hit.start:hit.end] == "链长制"
        assert report.text[hit.start - len(hit.left):hit.start] == hit.left
        assert report.text[hit.end:hit.end + len(hit.right)] == hit.right
        sentence = report.sentences.set_index("sentence_id").loc[hit.sentence_id]
        assert sentence.start <= hit.start < hit.end <= sentence.end
        paragraph = report.paragraphs.set_index("paragraph_id").loc[hit.paragraph_id]
        assert paragraph.start <= hit.start < hit.end <= paragraph.end
    assert hits.iloc[1]["left"] == "。纵深推进“"  # six characters


def test_kwic_offsets_hold_in_the_original_script(report, report_original):
    hits = ga.kwic(report_original, "鏈長制")
    assert len(hits) == 2
    assert [report.text[h.start:h.end] for h in hits.itertuples()] == ["链长制", "链长制"]


def test_kwic_whole_tokens_skip_hits_inside_longer_words(report):
    everywhere = ga.kwic(report, "振兴", match="substring")
    whole = ga.kwic(report, "振兴")  # match="token" is the default
    assert len(whole) < len(everywhere)
    assert any(h.left.endswith("乡村") for h in everywhere.itertuples())
    assert not any(h.left.endswith("乡村") for h in whole.itertuples())


def test_kwic_window_stops_at_the_paragraph_edge(report):
    hit = ga.kwic(report, "各位代表：", window=50).iloc[0]
    assert hit["left"] == "" and hit["paragraph_id"] == "p001"


def test_kwic_no_hit_gives_an_empty_table(report):
    assert ga.kwic(report, "不存在的词").empty


# ------------------------------------------------------------------ co-occurrence
def test_cooccurrence_table_and_graph(report):
    pairs = ga.cooccurrence(report, top=30)
    assert (pairs["term_a"] < pairs["term_b"]).all()
    first = pairs.iloc[0]
    # the seven headings "在…上攻坚突破，…高质量发展…" and two more sentences
    assert (first["term_a"], first["term_b"], first["count"]) == ("攻坚", "高质量发展", 9)
    keys = list(zip(-pairs["count"], pairs["term_a"], pairs["term_b"]))
    assert keys == sorted(keys)
    graph = terms.cooccurrence_graph(pairs)
    assert graph.number_of_edges() == 30
    assert graph.edges["攻坚", "高质量发展"]["weight"] == 9
    assert graph.nodes["产业"]["count"] == 32
    assert "全市" not in graph and "冠县" not in graph  # furniture and the place name are stopwords


def test_cooccurrence_counts_sentences_once():
    s = pd.DataFrame({"text": ["冠县冠县乡村振兴", "冠县乡村振兴", "冠县"]})
    pairs = ga.cooccurrence(s, stopwords=None, pos=None, min_count=1)
    assert pairs.to_dict("records")[0] == {"term_a": "乡村振兴", "term_b": "冠县", "count": 2, "count_a": 2,
                                           "count_b": 3, "jaccard": 2 / 3, "pmi": math.log2(2 * 3 / (2 * 3))}


# ------------------------------------------------------------------ verbs, slogans
def test_action_verbs_per_theme(report):
    verbs = ga.action_verbs(report)
    assert set(verbs["kind"]) == {"verb", "adverb"}
    environment = verbs[verbs.theme == "environment"].set_index("word")
    # 9 with p072 (强力推进环境革命), the lead of 在环境优化上攻坚突破, environment since issue 10 (8 before)
    assert environment.index[0] == "推进" and environment.loc["推进", "count"] == 9
    assert set(verbs["theme"]) == {"economy", "rural", "environment", "livelihoods", "urban", "governance"}


def test_numbered_phrases_with_glossary_definitions(report):
    phrases = ga.numbered_phrases(report).set_index("phrase")
    for phrase in ["三个走在前", "两不愁三保障", "四个不摘", "三线一单", "1457", "五个振兴"]:
        assert phrases.loc[phrase, "in_glossary"], phrase
    assert phrases.loc["两不愁三保障", "definition"].startswith("即稳定实现农村贫困人口不愁吃")
    assert phrases.loc["1457", "count"] == 2
    assert phrases.loc["1457", "first_paragraph_id"] == "p010"
    assert phrases.loc["七个攻坚突破", "in_glossary"] == False  # noqa: E712 - numbered, not glossed
    assert "专精特新" not in phrases.index  # glossed, but not numbered
    assert phrases["first_start"].is_monotonic_increasing


# ------------------------------------------------------------------ inputs
def test_bad_input_is_refused():
    with pytest.raises(TypeError):
        ga.term_frequencies(42)
    with pytest.raises(ValueError, match="cannot group"):
        ga.term_frequencies(pd.DataFrame({"text": ["冠县"]}), by="theme")


def test_docstring_examples(report):
    result = doctest.testmod(terms, extraglobs={"report": report},
                             optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------------------------ one counting rule, terms as str or list (issue 12)
def test_kwic_and_term_frequencies_count_education_alike_by_default(report):
    """The issue: kwic counted 教育 19 times (substrings, glossary in), term_frequencies 10."""
    freqs = ga.term_frequencies(report).set_index("term")["count"]
    # 9: the report's compound 红色教育圈 (a metric name) is one token since issue 10 (10 before)
    assert len(ga.kwic(report, "教育")) == freqs["教育"] == 9
    # the other rules, chosen with the same keywords in both functions
    assert len(ga.kwic(report, "教育", match="substring", glossary=True)) == report.text.count("教育") == 19
    assert len(ga.kwic(report, "教育", match="substring")) == 15
    for match, glossary in [("substring", True), ("substring", False), ("token", True)]:
        counted = ga.term_frequencies(report, match=match, glossary=glossary).set_index("term")["count"]
        assert counted["教育"] == len(ga.kwic(report, "教育", match=match, glossary=glossary)), (match, glossary)


def test_kwic_and_term_frequencies_agree_on_every_frequent_term(report):
    freqs = ga.term_frequencies(report, top=150)
    for term, count in zip(freqs["term"], freqs["count"]):
        assert len(ga.kwic(report, term)) == count, term


def test_kwic_takes_a_list_of_terms(report):
    """The issue: ga.kwic(report, ["教育", "养老"]) raised a TypeError from re."""
    hits = ga.kwic(report, ["教育", "养老"])
    assert hits.groupby("term").size().to_dict() == {"养老": 1, "教育": 9}
    assert list(hits["hit"]) == list(range(1, 11))
    assert hits["start"].is_monotonic_increasing           # text order, terms interleaved
    assert (hits["match"] == hits["term"]).all()
    alone = pd.concat([ga.kwic(report, "教育"), ga.kwic(report, "养老")]).sort_values("start")
    assert list(hits["start"]) == list(alone["start"])
    assert ga.kwic(report, ("教育",)).equals(ga.kwic(report, "教育"))


def test_kwic_searches_a_string_as_one_word_not_its_characters(report):
    """The issue: kwic_table(report, "教育") searched 教 and 育."""
    hits = ga.kwic(report, "教育")
    assert set(hits["match"]) == {"教育"} and set(hits["term"]) == {"教育"}


@pytest.mark.parametrize("bad", [3, None, b"\xe6\x95\x99", ["教育", 3], {"教育": 1}, 2.5])
def test_kwic_wrong_term_types_raise_type_error_saying_what_was_expected(report, bad):
    with pytest.raises(TypeError, match="term must be a string or a list of strings"):
        ga.kwic(report, bad)


def test_kwic_bad_values_raise_value_error(report):
    with pytest.raises(ValueError, match="must not be empty"):
        ga.kwic(report, "")
    with pytest.raises(ValueError, match="no terms"):
        ga.kwic(report, [])
    with pytest.raises(ValueError, match=r"match must be one of \('token', 'substring'\)"):
        ga.kwic(report, "教育", match="words")
    with pytest.raises(ValueError, match="match must be one of"):
        ga.term_frequencies(report, match="words")
    with pytest.raises(TypeError, match="glossary must be True or False"):
        ga.term_frequencies(report, glossary="yes")


def test_glossary_hits_only_when_asked(report):
    inside = ga.kwic(report, "两不愁三保障", glossary=True)
    outside = ga.kwic(report, "两不愁三保障")
    assert set(inside["part"]) - set(outside["part"]) == {"glossary"}
    assert "glossary" not in set(outside["part"])


def test_the_counting_rule_has_the_same_defaults_in_both_functions():
    import inspect

    kw = inspect.signature(ga.kwic).parameters
    tf = inspect.signature(ga.term_frequencies).parameters
    for name in ("match", "glossary"):
        assert kw[name].kind is inspect.Parameter.KEYWORD_ONLY and tf[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert kw[name].default == tf[name].default
    assert kw["match"].default == "token" and kw["glossary"].default is False


def test_action_verbs_take_one_word_or_a_list(report):
    one = ga.action_verbs(report, words="推进")
    assert set(one["word"]) == {"推进"}
    assert one.equals(ga.action_verbs(report, words=["推进"]))
    assert one.set_index("theme").loc["environment", "count"] == 9
    with pytest.raises(TypeError, match="words must be a string or a list of strings"):
        ga.action_verbs(report, words=5)
