"""The package tokenizer: golden segmentation on the real report, stopword layers, POS,
cache, and isolation from jieba's global tokenizer."""
from __future__ import annotations

import doctest
import subprocess
import sys
import warnings

import pytest

import guanxian_analysis as ga
import guanxian_analysis.tokenizer as tok
from guanxian_analysis import paths

# every term the issue lists, each must stay one token in every sentence that holds it
GOLDEN = [
    # policy terms
    "专精特新", "放管服", "乡村振兴", "高质量发展", "链长制", "田长制", "河湖长制", "三品一标", "碳达峰", "碳中和",
    "营商环境", "一网通办", "跨省通办", "新旧动能转换", "普惠金融", "内陆港", "黄河流域生态保护",
    # compounds the rural page showed split (地理 and 标志, 全程 and 托管 as distinctive words)
    "地理标志", "全程托管", "全程机械化",
    # local names
    "冠县", "清水", "店子镇", "烟庄街道", "冉海水库", "辛集", "定远寨", "柳林", "北馆陶", "南部新城",
    # numbered slogans and glossary terms
    "三个走在前", "两不愁三保障", "四个不摘", "三线一单", "五个振兴", "四好农村路", "1457", "瞪羚企业", "亩产效益",
]


def _sentences_with(report, term):
    body = report.sentences[report.sentences["part"] != "glossary"]
    return [s for s in body["text"] if term in s]


@pytest.mark.parametrize("term", GOLDEN)
def test_golden_term_is_one_token_in_its_real_sentences(report, term):
    sentences = _sentences_with(report, term)
    assert sentences, f"{term} does not occur in the report"
    for sentence in sentences:
        tokens = tok.tokenize(sentence, stopwords=None, keep_numbers=True)
        assert tokens.count(term) == sentence.count(term), (term, tokens)


def test_known_sentences_segment_as_expected():
    assert tok.tokenize("打造一批“链主”企业和“专精特新”中小企业", stopwords=None) == [
        "打造", "一批", "链主", "企业", "和", "专精特新", "中小企业"]
    assert "聊城" in tok.tokenize("全省黄河流域生态保护和高质量发展现场推进会聊城分会场设在我县", stopwords=None)
    # 聊城 stays inside the longer place name where the report writes it
    assert "聊城市" in tok.tokenize("成功入选聊城市四星级新型智慧城市建设试点", stopwords=None)


def test_every_user_dictionary_word_survives_in_the_report(report):
    """No user-dictionary word is split where it occurs, unless a longer entry covers it."""
    words = tok.user_terms()
    text = "\n".join(report.sentences["text"])
    tokens = tok.get_tokenizer().lcut(text)
    for word in words:
        longer = [w for w in words if word in w and w != word]
        expected = text.count(word) - sum(text.count(w) * w.count(word) for w in longer)
        assert tokens.count(word) == expected, word


def test_user_dictionary_is_read_with_frequencies_and_tags():
    words = tok.user_terms()
    assert words["乡村振兴"] == (50000, "nz")
    assert words["冠县"][1] == "ns"
    assert all(freq >= 50000 for freq, _ in words.values())
    assert not any(w.startswith("#") for w in words)


def test_the_tokenizer_is_the_package_own_not_jieba_dt():
    import jieba

    tokenizer = tok.get_tokenizer()
    assert tokenizer is tok.get_tokenizer()
    assert tokenizer is not jieba.dt
    assert "两不愁三保障" not in jieba.dt.FREQ  # jieba's global dictionary is untouched
    assert tokenizer.FREQ["两不愁三保障"] == 50000


def test_stopword_layers_are_separate_and_switchable():
    text = "我们要全力推进乡村振兴和营商环境建设"
    assert tok.tokenize(text, stopwords=None) == ["我们", "要", "全力", "推进", "乡村振兴", "和", "营商环境", "建设"]
    # the generic list drops function words, keeps the policy verbs
    assert tok.tokenize(text, stopwords="generic") == ["全力", "推进", "乡村振兴", "营商环境", "建设"]
    # the boilerplate layer alone drops the policy verbs but not the function words
    assert tok.tokenize(text, stopwords="boilerplate") == ["要", "乡村振兴", "和", "营商环境"]
    # default: both layers
    assert tok.tokenize(text) == ["乡村振兴", "营商环境"]
    assert tok.stopword_set(("boilerplate", "generic")) == tok.stopword_set()


def test_generic_layer_comes_from_stopwordsiso_and_boilerplate_from_the_data_file():
    import stopwordsiso

    generic = tok.stopword_set("generic")
    assert generic <= set(stopwordsiso.stopwords("zh"))
    assert len(generic) > 700
    boilerplate = tok.stopword_set("boilerplate")
    assert {"工作", "加强", "推进"} <= boilerplate
    listed = {line.split("#")[0].strip() for line in paths.BOILERPLATE_STOPWORDS.read_text(encoding="utf-8").splitlines()}
    assert boilerplate == listed - {""}


def test_dictionary_terms_are_never_stopwords():
    assert not set(tok.user_terms()) & tok.stopword_set()


def test_unknown_layer_is_refused():
    with pytest.raises(ValueError, match="unknown stopword layer"):
        tok.tokenize("冠县", stopwords="boiler")


def test_punctuation_whitespace_and_numbers_are_dropped_by_default():
    text = "一般公共预算收入12.6亿元、增长7%，税收占比75.1%。\n"
    assert tok.tokenize(text, stopwords=None) == ["一般", "公共", "预算", "收入", "亿元", "增长", "税收", "占", "比"]
    assert tok.tokenize(text, stopwords=None, keep_numbers=True) == [
        "一般", "公共", "预算", "收入", "12.6", "亿元", "增长", "7%", "税收", "占", "比", "75.1%"]
    assert "PM2.5" in tok.tokenize("全县PM2.5、PM10分别改善21.4%", stopwords=None)


def test_min_length_drops_single_characters():
    assert tok.tokenize("发展的质量更高", stopwords=None) == ["发展", "的", "质量", "更高"]
    assert tok.tokenize("发展的质量更高", stopwords=None, min_length=2) == ["发展", "质量", "更高"]


def test_pos_filters_use_posseg_on_the_same_tokenizer():
    text = "加快南部新城开发建设，推进乡村振兴"
    assert tok.tokenize(text, stopwords=None, pos="nouns") == ["南部新城", "乡村振兴"]
    assert tok.tokenize(text, stopwords=None, pos="verbs") == ["加快", "开发", "建设", "推进"]
    assert tok.tokenize(text, stopwords=None, pos="names") == ["南部新城", "乡村振兴"]
    assert tok.get_pos_tokenizer().tokenizer is tok.get_tokenizer()
    assert ("冠县", "ns") in tok.tag("冠县推进乡村振兴")


def test_cache_file_lives_in_the_project_cache_and_is_named_by_the_dictionaries():
    tok.get_tokenizer()
    cache = tok._state["cache_path"]
    assert cache.parent == paths.CACHE_DIR
    assert cache == tok.cache_path()
    assert cache.is_file()


def test_cache_key_changes_when_the_user_dictionary_changes(tmp_path, monkeypatch):
    import jieba

    original = tok._dictionary_key(jieba, jieba.Tokenizer(), paths.USER_DICT)
    edited = tmp_path / "userdict.txt"
    edited.write_text(paths.USER_DICT.read_text(encoding="utf-8") + "新词条 50000 nz\n", encoding="utf-8")
    assert tok._dictionary_key(jieba, jieba.Tokenizer(), edited) != original


def test_a_fresh_process_reuses_the_cache():
    tok.get_tokenizer()  # make sure the cache exists
    code = ("import guanxian_analysis.tokenizer as t; t.get_tokenizer(); "
            "print(t._state['cache_hit'], t._state['cache_path'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    hit, path = out.stdout.split()
    assert hit == "True" and path == str(tok.cache_path())
    assert out.stderr == ""  # jieba's "Building prefix dict" chatter is silenced


def test_importing_and_building_emit_no_warnings():
    code = ("import warnings; warnings.simplefilter('error'); import guanxian_analysis.tokenizer as t; "
            "t.get_tokenizer(); t.get_pos_tokenizer(); from guanxian_analysis.terms import counting; "
            "counting._textrank('冠县推进乡村振兴', top=3, stop=frozenset(), allow_pos=('ns', 'nz', 'v'))")
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


def test_package_level_tokenize_is_the_function_after_submodule_import():
    import guanxian_analysis as ga
    import guanxian_analysis.tokenizer  # noqa: F401  (binds the module as ga.tokenizer, not ga.tokenize)

    assert ga.tokenize("冠县乡村振兴") == ["冠县", "乡村振兴"]


def test_docstring_examples():
    result = doctest.testmod(tok, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------------------------ issue 10, item 8: compounds and boilerplate
COMPOUNDS = ["钢板加工", "纺织服装", "高新技术企业", "老旧小区", "回迁安置房", "优良天数", "城镇调查失业率",
             "一般公共预算收入"]


def test_the_reports_compounds_stay_one_token_in_every_table(report):
    """Listed in the user dictionary (钢板加工 … 回迁安置房) or derived from the report (优良天数, 城镇调查失业率,
    一般公共预算收入 are metric names of its indicator table)."""
    words = tok.report_words(report)
    assert {"优良天数", "城镇调查失业率", "一般公共预算收入", "社会消费品零售总额", "规模以上工业增加值"} <= set(words)
    assert not {"改造老旧小区", "新培育高新技术企业", "市级以上"} & set(words)  # actions and hedged names are not units
    freqs = ga.term_frequencies(report, min_length=1).set_index("term")["count"]
    for word in COMPOUNDS:
        assert freqs.get(word, 0) >= 1, word
        assert ga.tokenize(f"推进{word}建设", words=words) == [word], word
    pairs = ga.cooccurrence(report, pos=None, min_count=1)
    assert {"钢板加工", "纺织服装", "优良天数", "一般公共预算收入"} <= set(pairs.term_a) | set(pairs.term_b)
    for piece in ("钢板", "服装", "老旧", "优良", "天数", "失业率"):  # 纺织产业园, 回迁安置区 keep theirs
        assert piece not in freqs.index, piece


def test_glossary_terms_are_whole_tokens(report):
    words = tok.report_words(report)
    for entry in ("五心幸福教育", "亩产效益综合评价", "放管服改革"):
        assert entry in words
    assert ga.tokenize("打造五心幸福教育品牌", words=words) == ["五心幸福教育", "品牌"]


def test_a_theme_table_is_tokenized_with_its_reports_vocabulary(report):
    urban, _ = ga.theme_and_rest(report, "urban")
    assert urban.attrs["report_key"].startswith(report.meta["source_sha256"])
    counts = ga.term_frequencies(urban).set_index("term")["count"]
    assert counts["老旧小区"] == 4 and "老旧" not in counts.index


def test_hedges_furniture_and_the_place_are_not_distinctive(report, hailar):
    body = report.paragraphs[report.paragraphs.part != "glossary"]
    for theme in ("economy", "rural", "environment", "livelihoods", "urban", "governance"):
        distinct = ga.distinctive_terms(body[body.theme == theme], body[body.theme != theme])
        top = set(distinct[distinct.favours == "a"].head(15).term)
        assert not top & {"左右", "预计", "更具", "位居", "前列", "成功", "全市", "冠县", "人民", "全县"}, theme
    top = set(ga.term_frequencies(report, top=30).term)
    assert not top & {"冠县", "全市", "人民", "前列"}
    # the place layer comes from the report's meta, not a hard-coded 冠县
    assert ga.report_vocabulary(hailar)[1][:4] == ("呼伦贝尔市", "呼伦贝尔", "海拉尔区", "海拉尔")
    hailar_top = set(ga.term_frequencies(hailar, top=30).term)
    assert not hailar_top & {"海拉尔", "海拉尔区", "全区", "冠县"}
    assert "海拉尔" in set(ga.term_frequencies(hailar, stopwords=("generic", "boilerplate")).term)


def test_stopword_layers_are_named_for_the_page():
    assert tok.STOPWORD_LAYERS == ("generic", "boilerplate", "place") == tuple(tok.STOPWORD_LAYER_NAMES)
    assert {"左右", "预计", "更具", "位居", "前列", "成功", "全市", "人民"} <= tok.stopword_set("boilerplate")
    assert "冠县" not in tok.stopword_set() and "冠县" in tok.stopword_set(places=tok.place_names("冠县"))
