"""Word segmentation tuned to the report: a package-owned jieba tokenizer (tokens only; no counting or analysis).

The package never touches ``jieba.dt`` (jieba's global tokenizer). It builds its own
:class:`jieba.Tokenizer` once, on first use, from jieba's bundled dictionary plus the
versioned user dictionary ``data/userdict.txt`` (glossary terms, policy terms and local
names, each with a frequency high enough to stay one token). The merged dictionary is
cached in ``paths.CACHE_DIR`` under a name that hashes jieba's dictionary, the user
dictionary and jieba's version, so editing ``userdict.txt`` rebuilds the cache and every
later process (or Jupyter kernel) loads it in a fraction of the build time.

Stopwords come in layers that can be switched separately:

``"generic"``
    the maintained Chinese list of the ``stopwordsiso`` package (的, 和, 我们 …), minus
    any word of the user dictionary;
``"boilerplate"``
    ``data/stopwords_boilerplate.txt``: government boilerplate (工作, 加强, 推进, 全面 …),
    hedges and rank phrases (左右, 预计, 位居, 前列 …), report furniture (全市, 人民 …) and
    units (亿元, 公里 …). The policy verbs are themselves a signal (see
    :func:`guanxian_analysis.terms.action_verbs`), so switch this layer off to keep them.
``"place"``
    the report's own place names, from its meta (:func:`place_names`: 冠县; 海拉尔区, 海拉尔,
    全区 for 呼伦贝尔市海拉尔区); empty unless the place is given (``places=``).

The report's own compounds stay whole: :func:`report_words` derives them from the report
(its glossary terms and the indicator table's metric names that pass a sanity filter), and
``tokenize(..., words=...)`` segments with the package dictionary plus those words (a copy of
the cached tokenizer, itself cached per word set; the on-disk cache is unchanged).

Examples
--------
>>> from guanxian_analysis import tokenize
>>> tokenize("全力突破乡村振兴，打造一批“专精特新”企业。")
['突破', '乡村振兴', '专精特新', '企业']
>>> tokenize("全力突破乡村振兴。", stopwords="generic")
['全力', '突破', '乡村振兴']
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import gc
import os
import pickle
import re
import tempfile
import threading
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from . import paths

__all__ = [
    "STOPWORD_LAYERS",
    "DEFAULT_STOPWORDS",
    "POS_GROUPS",
    "get_tokenizer",
    "get_pos_tokenizer",
    "stopword_layers",
    "tokenize",
    "tag",
    "stopword_set",
    "report_words",
    "place_names",
    "user_terms",
    "cache_path",
]

#: the stopword layers, in the order they are applied
STOPWORD_LAYERS = ("generic", "boilerplate", "place")
#: layers removed by default: content words only
DEFAULT_STOPWORDS = ("generic", "boilerplate", "place")
#: English description of each layer, for the pages that say which layers apply
STOPWORD_LAYER_NAMES = {
    "generic": "generic Chinese stopwords (stopwordsiso)",
    "boilerplate": "government boilerplate, hedges, report furniture and units",
    "place": "the report's own place names",
}
#: frequency of a derived word in the tokenizer's dictionary (as the user dictionary's entries)
DERIVED_FREQUENCY = 50000
#: a derived compound: Chinese characters only, 3 to 9 of them, no conjunction or 的 inside
_DERIVED_WORD = re.compile(r"[\u4e00-\u9fff]{3,9}")
_NOT_IN_COMPOUND = re.compile(r"[和及与或的]")
#: jieba tags a compound may not start with (a verb, adverb, preposition, conjunction, numeral …)
_NOT_FIRST_TAGS = frozenset({"v", "d", "p", "c", "m", "r", "q", "u"})
#: administrative units a place name ends with (冠县, 海拉尔区, 呼伦贝尔市 …)
_PLACE_UNITS = "省市县区旗镇乡州盟"
#: named part-of-speech groups -> jieba tag prefixes (``"n"`` matches n, nr, ns, nt, nz …)
POS_GROUPS = {
    "nouns": ("n",),
    "verbs": ("v",),
    "adjectives": ("a",),
    "adverbs": ("d",),
    "names": ("nr", "ns", "nt", "nz"),
}

#: bump when the cache payload changes shape
_CACHE_FORMAT = 2
_CACHE_PREFIX = "jieba-guanxian-"
#: a token made only of digits, decimal points, separators and percent signs
_NUMBER = re.compile(r"[0-9０-９.．,，%％+\-－·/]+")
#: a token without any letter, digit or CJK character (punctuation, whitespace)
_NO_WORD_CHAR = re.compile(r"[\W_]+")
_USERDICT_LINE = re.compile(r"^(?P<word>\S+)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[a-z]+))?$")

_lock = threading.RLock()
_state: dict[str, object] = {}


@contextlib.contextmanager
def _quiet_jieba():
    """Import jieba without its known noise: deprecation warnings raised by its
    ``pkg_resources`` import and its regex literals, the unclosed ``idf.txt`` of
    ``jieba.analyse``, and the "Building prefix dict …" log lines."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*pkg_resources", category=Warning)
        warnings.filterwarnings("ignore", category=SyntaxWarning, module=r"jieba")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"jieba|pkg_resources")
        warnings.filterwarnings("ignore", category=ResourceWarning)
        import jieba

        logger = logging.getLogger("jieba._compat")
        level = logger.level
        logger.setLevel(logging.WARNING)
        try:
            yield jieba
        finally:
            logger.setLevel(level)


def user_terms(path: Path | None = None) -> dict[str, tuple[int, str | None]]:
    """Read the user dictionary: word -> (frequency, tag).

    Lines are ``word frequency tag``; blank lines and lines starting with ``#`` are
    skipped. A frequency must be positive (jieba treats 0 as "always split").

    Examples
    --------
    >>> user_terms()["乡村振兴"]
    (50000, 'nz')
    """
    path = Path(path or paths.USER_DICT)
    entries: dict[str, tuple[int, str | None]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        match = _USERDICT_LINE.match(line)
        if match is None or match["freq"] is None or int(match["freq"]) <= 0:
            raise ValueError(f"{path}:{lineno}: expected 'word frequency [tag]' with frequency > 0, got {line!r}")
        entries[match["word"]] = (int(match["freq"]), match["tag"])
    return entries


def _dictionary_key(jieba, tokenizer, userdict: Path) -> str:
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{jieba.__version__}|".encode())
    with tokenizer.get_dict_file() as handle:
        digest.update(handle.read())
    digest.update(b"|")
    digest.update(userdict.read_bytes())
    return digest.hexdigest()[:16]


def cache_path() -> Path:
    """Where the merged dictionary of the current jieba + user dictionary is cached.

    Examples
    --------
    >>> cache_path().name.startswith("jieba-guanxian-")
    True
    """
    with _quiet_jieba() as jieba:
        key = _dictionary_key(jieba, jieba.Tokenizer(), paths.USER_DICT)
    return paths.CACHE_DIR / f"{_CACHE_PREFIX}{key}.cache"


def _build_tokenizer():
    with _quiet_jieba() as jieba:
        tokenizer = jieba.Tokenizer()  # jieba's bundled dictionary, package-owned instance
        key = _dictionary_key(jieba, tokenizer, paths.USER_DICT)
        cache = paths.CACHE_DIR / f"{_CACHE_PREFIX}{key}.cache"
        try:
            tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab = _read_cache(cache)
            tokenizer.initialized = True
            _state["cache_hit"] = True
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            with tokenizer.get_dict_file() as handle:
                tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(handle)
            tokenizer.initialized = True
            for word, (freq, tag) in user_terms().items():
                tokenizer.add_word(word, freq, tag)
            _write_cache(cache, (tokenizer.FREQ, tokenizer.total, dict(tokenizer.user_word_tag_tab)))
            _state["cache_hit"] = False
        _state["cache_path"] = cache
        return tokenizer


def _read_cache(cache: Path):
    """Load the cached (FREQ, total, user tags); the file is the package's own, written
    by :func:`_write_cache`. Pickle with the collector paused loads the 350 000-entry
    dictionary about three times faster than jieba's marshal cache."""
    data = cache.read_bytes()
    enabled = gc.isenabled()
    gc.disable()
    try:
        freq, total, tags = pickle.loads(data)
    finally:
        if enabled:
            gc.enable()
    if not isinstance(freq, dict) or not isinstance(tags, dict):
        raise ValueError(f"unexpected cache content in {cache}")
    return freq, total, tags


def _write_cache(cache: Path, payload) -> None:
    """Write atomically (temp file + rename) and drop caches of older dictionaries."""
    try:
        paths.ensure_dir(cache.parent)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-", suffix=".cache")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, cache)
        for stale in cache.parent.glob(f"{_CACHE_PREFIX}*.cache"):
            if stale != cache:
                stale.unlink(missing_ok=True)
    except OSError as exc:  # a read-only checkout still works, only slower
        warnings.warn(f"could not write the jieba cache {cache}: {exc}", RuntimeWarning, stacklevel=3)


def get_tokenizer(words: Iterable[str] = ()):
    """The package's :class:`jieba.Tokenizer`, built on first call and reused after.

    Loaded with jieba's dictionary and ``data/userdict.txt``; never ``jieba.dt``. With
    ``words`` (a report's own compounds, :func:`report_words`), a copy with those words added,
    cached per set of words; the package tokenizer itself is never changed.

    Examples
    --------
    >>> tok = get_tokenizer()
    >>> tok is get_tokenizer()
    True
    >>> "两不愁三保障" in tok.lcut("坚决守住“两不愁三保障”底线")
    True
    """
    tokenizer = _state.get("tokenizer")
    if tokenizer is None:
        with _lock:
            tokenizer = _state.get("tokenizer")
            if tokenizer is None:
                tokenizer = _state["tokenizer"] = _build_tokenizer()
    extra = _new_words(tokenizer, words)
    return _derived_tokenizer(extra) if extra else tokenizer


def _new_words(tokenizer, words: Iterable[str]) -> tuple[str, ...]:
    if isinstance(words, str):
        words = (words,)
    return tuple(sorted({w for w in words if w and not tokenizer.FREQ.get(w)}))


@lru_cache(maxsize=16)
def _derived_tokenizer(words: tuple[str, ...]):
    base = get_tokenizer()
    with _quiet_jieba() as jieba:
        tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = dict(base.FREQ), base.total
    tokenizer.user_word_tag_tab = dict(base.user_word_tag_tab)
    tokenizer.initialized = True
    for word in words:
        tokenizer.add_word(word, DERIVED_FREQUENCY, "nz")
    return tokenizer


@lru_cache(maxsize=16)
def _derived_pos_tokenizer(words: tuple[str, ...]):
    base = get_pos_tokenizer()
    pos = object.__new__(type(base))  # POSTokenizer without re-reading the dictionary file
    pos.tokenizer = _derived_tokenizer(words)
    pos.word_tag_tab = {**base.word_tag_tab, **{w: "nz" for w in words}}
    return pos


def get_pos_tokenizer(words: Iterable[str] = ()):
    """A :class:`jieba.posseg.POSTokenizer` over :func:`get_tokenizer` (built once; with
    ``words``, over the tokenizer with those words added, tagged ``nz``).

    Examples
    --------
    >>> [(p.word, p.flag) for p in get_pos_tokenizer().cut("冠县推进乡村振兴")]
    [('冠县', 'ns'), ('推进', 'v'), ('乡村振兴', 'nz')]
    """
    pos = _state.get("pos")
    if pos is None:
        with _lock:
            pos = _state.get("pos")
            if pos is None:
                tokenizer = get_tokenizer()
                with _quiet_jieba():
                    import jieba.posseg

                    pos = jieba.posseg.POSTokenizer(tokenizer)
                # posseg moves the tokenizer's user tags into its own table on first use;
                # set them explicitly so the tags never depend on that order.
                pos.word_tag_tab.update({w: t for w, (_, t) in user_terms().items() if t})
                _state["pos"] = pos
    extra = _new_words(get_tokenizer(), words)
    return _derived_pos_tokenizer(extra) if extra else pos


def _is_compound(word: str, boilerplate: frozenset[str]) -> bool:
    if not _DERIVED_WORD.fullmatch(word) or _NOT_IN_COMPOUND.search(word):
        return False
    tagged = tag(word, hmm=False)
    return (len(tagged) >= 2 and not any(w in boilerplate for w, _ in tagged)
            and tagged[0][1] not in _NOT_FIRST_TAGS)


def report_words(report) -> tuple[str, ...]:
    """The report's own compounds, to keep whole: its glossary terms and the indicator table's
    metric names that pass a sanity filter.

    A candidate is kept when it is 3 to 9 Chinese characters with no conjunction or 的 inside, the
    package tokenizer splits it into two words or more, none of them boilerplate (以上, 完成, 培育 …:
    新培育高新技术企业 is a clause, not a unit), and its first word is not a verb, adverb,
    preposition, numeral … (改造老旧小区 is an action, 老旧小区 a unit). Words already in the
    dictionary are left out.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> words = report_words(load_report())
    >>> [w in words for w in ("一般公共预算收入", "优良天数", "城镇调查失业率", "改造老旧小区")]
    [True, True, True, False]
    """
    from .indicator_extraction import indicators

    glossary = report.glossary
    candidates = [*glossary.get("term", []), *glossary.get("key", [])]
    candidates += [m for m in indicators(report)["metric"].dropna()]
    boilerplate = _layer_words("boilerplate")
    known = get_tokenizer().FREQ
    return tuple(sorted(w for w in dict.fromkeys(candidates)
                        if isinstance(w, str) and not known.get(w) and _is_compound(w, boilerplate)))


def place_names(place: str | None) -> tuple[str, ...]:
    """The words a report uses for its own place: each administrative unit of ``meta["place"]``, its
    name without the unit, and 全/我/本 + the last unit (全县, 我县).

    Examples
    --------
    >>> place_names("冠县")
    ('冠县', '全县', '我县', '本县')
    >>> place_names("呼伦贝尔市海拉尔区")
    ('呼伦贝尔市', '呼伦贝尔', '海拉尔区', '海拉尔', '全区', '我区', '本区')
    >>> place_names(None)
    ()
    """
    if not isinstance(place, str) or not place:
        return ()
    units = re.findall(rf"[^{_PLACE_UNITS}]+[{_PLACE_UNITS}]", place) or [place]
    names: list[str] = []
    for unit in units:
        names.append(unit)
        if len(unit) > 2:  # 冠县 without 县 would be one character
            names.append(unit[:-1])
    last = units[-1][-1]
    if last in _PLACE_UNITS:
        names += [f"全{last}", f"我{last}", f"本{last}"]
    return tuple(dict.fromkeys(names))


def stopword_layers(stopwords) -> tuple[str, ...]:
    """The stopword layers named by ``stopwords``, validated and in :data:`STOPWORD_LAYERS` order.

    >>> stopword_layers(("boilerplate", "generic")), stopword_layers(None)
    (('generic', 'boilerplate'), ())
    """
    if stopwords is None or stopwords is False:
        return ()
    if isinstance(stopwords, str):
        stopwords = (stopwords,)
    layers = tuple(stopwords)
    unknown = [layer for layer in layers if layer not in STOPWORD_LAYERS]
    if unknown:
        raise ValueError(f"unknown stopword layer(s) {unknown}; choose from {STOPWORD_LAYERS} or None")
    return tuple(layer for layer in STOPWORD_LAYERS if layer in layers)


@lru_cache(maxsize=None)
def _layer_words(layer: str) -> frozenset[str]:
    if layer == "place":  # the report's own: given with places= (stopword_set, tokenize)
        return frozenset()
    if layer == "generic":
        import stopwordsiso

        words = set(stopwordsiso.stopwords("zh"))
    else:
        words = set()
        for line in paths.BOILERPLATE_STOPWORDS.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line)
    # the report's own vocabulary is never a stopword
    return frozenset(words - set(user_terms()))


@lru_cache(maxsize=None)
def _stopwords_for(layers: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for layer in layers:
        words |= _layer_words(layer)
    return frozenset(words)


def stopword_set(stopwords=DEFAULT_STOPWORDS, *, places: Iterable[str] = ()) -> frozenset[str]:
    """The union of the chosen stopword layers.

    Parameters
    ----------
    stopwords : str, iterable of str or None
        Layer names from :data:`STOPWORD_LAYERS`; ``None`` for no stopwords.
    places : iterable of str
        The words of the ``"place"`` layer (:func:`place_names` of the report's place).

    Examples
    --------
    >>> "的" in stopword_set("generic"), "推进" in stopword_set("generic")
    (True, False)
    >>> "推进" in stopword_set(("generic", "boilerplate"))
    True
    >>> "冠县" in stopword_set(), "冠县" in stopword_set(places=place_names("冠县"))
    (False, True)
    """
    layers = stopword_layers(stopwords)
    words = _stopwords_for(layers)
    if "place" in layers and places:
        words = words | frozenset([places] if isinstance(places, str) else places)
    return words


def _pos_prefixes(pos) -> tuple[str, ...]:
    if isinstance(pos, str):
        pos = (pos,)
    prefixes: list[str] = []
    for item in pos:
        prefixes.extend(POS_GROUPS.get(item, (item,)))
    if not prefixes:
        raise ValueError("pos must name at least one tag or group")
    return tuple(prefixes)


def _keep(word: str, stop: frozenset[str], numbers: bool, min_length: int) -> bool:
    if word in stop or len(word) < min_length or _NO_WORD_CHAR.fullmatch(word):
        return False
    return numbers or not _NUMBER.fullmatch(word)


def tag(text: str, *, hmm: bool = True, words: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Segment ``text`` into (word, part-of-speech tag) pairs, nothing filtered.

    Examples
    --------
    >>> tag("加快南部新城建设")
    [('加快', 'v'), ('南部新城', 'ns'), ('建设', 'vn')]
    """
    return [(pair.word, pair.flag) for pair in get_pos_tokenizer(words).cut(text, HMM=hmm)]


def tokenize(
    text: str,
    *,
    stopwords=DEFAULT_STOPWORDS,
    pos=None,
    keep_numbers: bool = False,
    min_length: int = 1,
    hmm: bool = True,
    words: Iterable[str] = (),
    places: Iterable[str] = (),
) -> list[str]:
    """Segment ``text`` with the package tokenizer and filter the tokens.

    Parameters
    ----------
    text : str
        Clean (simplified or original-script) text.
    stopwords : str, iterable of str or None
        Stopword layers to remove, from ``("generic", "boilerplate")``; the default
        removes both, ``"generic"`` keeps the government policy verbs, ``None`` keeps
        every word.
    pos : str, iterable of str or None
        Keep only words whose jieba tag starts with one of these prefixes, or a named
        group from :data:`POS_GROUPS` (``"nouns"``, ``"verbs"``, ``"adjectives"``,
        ``"adverbs"``, ``"names"``). Uses ``jieba.posseg`` on the same tokenizer.
    keep_numbers : bool
        Keep pure numbers such as ``12.6`` or ``8%`` (dropped by default).
        Punctuation and whitespace are always dropped.
    min_length : int
        Drop shorter words (``2`` drops single characters such as 新, 位, 化).
    hmm : bool
        Let jieba's HMM join unknown words (jieba's default).
    words : iterable of str
        Extra dictionary words kept whole (a report's compounds, :func:`report_words`).
    places : iterable of str
        The ``"place"`` stopword layer's words (:func:`place_names`).

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokenize("预计全县生产总值增长8%。")      # 预计 is a hedge: the boilerplate layer
    ['生产总值', '增长']
    >>> tokenize("加快南部新城建设", stopwords=None, pos="nouns")
    ['南部新城']
    >>> tokenize("加快南部新城建设", stopwords=None, pos="verbs")
    ['加快', '建设']
    >>> tokenize("优良天数增加", words=["优良天数"])
    ['优良天数', '增加']
    """
    stop = stopword_set(stopwords, places=places)
    if pos is None:
        found = get_tokenizer(words).lcut(text, HMM=hmm)
    else:
        prefixes = _pos_prefixes(pos)
        found = [word for word, flag in tag(text, hmm=hmm, words=words) if flag.startswith(prefixes)]
    return [word for word in found if _keep(word, stop, keep_numbers, min_length)]
