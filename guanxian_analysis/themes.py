"""Themes: the one list of themes (keys, order, Chinese and English labels) and the rules that tag paragraphs and sentences.

Six themes: economy, rural, environment, livelihoods, urban, governance. The
lexicon (``data/theme_lexicon.csv``: theme, keyword, weight) scores any text as
the weighted count of its keywords. A paragraph takes its theme from, in order:

1. ``section``: the title of the numbered section it sits in, when the title has one
   clear best theme (在乡村振兴上攻坚突破 → rural; 在环境优化上攻坚突破 has none);
2. ``part``: government self-building (and the opening and closing words) → governance;
3. ``topic``: the two-clause lead that heads a run of paragraphs
   (这一年，我们聚力乡村振兴，三农工作迈出新步伐 → rural);
4. ``heading``: its own lead phrase (打造天蓝水清的生态环境 → environment);
5. ``general``: a text spread over five or more themes with none taking 30% of its score
   is about general aims (the “1457” work approach) → governance;
6. ``lexicon``: its own text's scores, when one theme leads and rests on more than one
   keyword (:func:`lexicon_winner`: one mention of 乡村振兴 among the aims of the 指导思想
   paragraph does not make it rural);
7. ``default``: governance, when no theme leads.

Two rules need the whole report, so :func:`guanxian_analysis.load_report` applies them after
the paragraphs are themed one by one:

- ``section_lead``: a section's lead paragraph that no rule above decided takes its section's
  theme (:func:`section_theme`: 在环境优化上攻坚突破 → environment, from the section's paragraphs);
- ``glossary``, ``glossary_general``, ``glossary_usage``, ``glossary_default``: a glossary entry
  (名词解释) is filed by what the defined term is about (:func:`glossary_theme`): its
  definition's scores, else the theme of the body sentences that use the term (四乱 →
  environment); governance only for general aims or when nothing decides.

A sentence inherits its paragraph's theme when structure (heading, section, part, section
lead, glossary entry) decided it, and otherwise is scored on its own by the same lexicon rule.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from . import paths

#: the six themes, in the order the notebooks and charts show them
THEMES = ("economy", "rural", "environment", "livelihoods", "urban", "governance")
#: Chinese label of each theme (charts)
THEME_NAMES_ZH = {"economy": "经济", "rural": "乡村", "environment": "环境", "livelihoods": "民生", "urban": "城市",
                  "governance": "政府"}
#: English label of each theme (notebook prose)
THEME_NAMES_EN = {"economy": "Economy", "rural": "Rural revitalisation", "environment": "Environment",
                  "livelihoods": "Livelihoods", "urban": "Urban development", "governance": "Governance"}
#: display name of each theme in charts and tables: Chinese label and key (``经济 economy``)
THEME_LABELS = {theme: f"{THEME_NAMES_ZH[theme]} {theme}" for theme in THEMES}
SCORE_COLUMNS = tuple(f"score_{t}" for t in THEMES)
_PART_THEMES = {"self_building": "governance", "opening": "governance", "closing": "governance"}
#: the theme of report furniture, general aims and anything no rule decides
DEFAULT_THEME = "governance"
#: a text scoring on at least this many of the six themes ...
GENERAL_MIN_THEMES = 5
#: ... with no theme above this share of its total score is about general aims
GENERAL_MAX_SHARE = 0.3
#: theme sources under which a sentence takes its paragraph's theme
_INHERITED_SOURCES = ("section", "topic", "heading", "part", "section_lead", "glossary", "glossary_general",
                      "glossary_usage", "glossary_default")


@lru_cache(maxsize=4)
def read_lexicon(path: Path = paths.THEME_LEXICON) -> tuple[tuple[str, str, float], ...]:
    """The theme lexicon as ``(theme, keyword, weight)`` rows.

    >>> ("rural", "乡村振兴", 4.0) in read_lexicon()
    True
    """
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple((r["theme"], r["keyword"], float(r["weight"])) for r in csv.DictReader(handle))


def theme_scores(text: str, lexicon=None) -> dict[str, float]:
    """Weighted keyword counts of ``text`` for each theme.

    Keywords are counted independently, so 乡村振兴 also counts as 乡村:

    >>> theme_scores("在乡村振兴上攻坚突破")["rural"]
    6.0
    """
    scores = dict.fromkeys(THEMES, 0.0)
    for theme, keyword, weight in lexicon or read_lexicon():
        if keyword in text:
            scores[theme] += weight * text.count(keyword)
    return scores


def clear_winner(scores: dict[str, float]) -> str | None:
    """The theme with the single highest positive score, or None on a tie or no score.

    >>> clear_winner({"economy": 2.0, "rural": 1.0}), clear_winner({"economy": 1.0, "rural": 1.0})
    ('economy', None)
    """
    best = max(scores.values(), default=0.0)
    leaders = [t for t, s in scores.items() if s == best]
    return leaders[0] if best > 0 and len(leaders) == 1 else None


def keyword_mentions(text: str, lexicon=None) -> dict[str, int]:
    """How many separate mentions of each theme's keywords ``text`` holds.

    Keywords of a theme that overlap in the text are one mention (乡村振兴 holds 乡村):

    >>> keyword_mentions("推进乡村振兴，建设美丽乡村")["rural"]
    2
    >>> keyword_mentions("打造乡村振兴先行区")["rural"]
    1
    """
    spans: dict[str, list[tuple[int, int]]] = {t: [] for t in THEMES}
    for theme, keyword, _ in lexicon or read_lexicon():
        spans[theme].extend((m.start(), m.end()) for m in re.finditer(re.escape(keyword), text))
    mentions = dict.fromkeys(THEMES, 0)
    for theme, found in spans.items():
        end = -1
        for a, b in sorted(found):
            if a >= end:
                mentions[theme] += 1
            end = max(end, b)
    return mentions


def lexicon_winner(text: str, scores: Mapping[str, float] | None = None) -> str | None:
    """The theme a text's own keywords decide, or None.

    The theme must have the single highest score (:func:`clear_winner`) and, when other themes
    score too, rest on more than one mention (:func:`keyword_mentions`): one keyword in a text
    that also speaks of other things does not decide what it is about.

    >>> lexicon_winner("全年PM2.5浓度下降，蓝天白云成为常态。")
    'environment'
    >>> lexicon_winner("以改革创新为根本动力，打造产业转型集聚区、乡村振兴先行区") is None
    True
    """
    scores = theme_scores(text) if scores is None else scores
    winner = clear_winner(dict(scores))
    if winner is None:
        return None
    others = any(s > 0 for t, s in scores.items() if t != winner)
    return winner if not others or keyword_mentions(text)[winner] > 1 else None


def is_general(scores: Mapping[str, float]) -> bool:
    """True when the scores spread over :data:`GENERAL_MIN_THEMES` themes or more and none takes
    :data:`GENERAL_MAX_SHARE` of the total: a text about general aims, not one theme.

    >>> is_general({"economy": 8, "rural": 6, "environment": 4, "livelihoods": 3, "urban": 6, "governance": 4})
    True
    >>> is_general({"economy": 2, "rural": 2, "environment": 2, "livelihoods": 1})   # 五个振兴: four themes
    False
    """
    total = sum(scores.values())
    themes = sum(1 for s in scores.values() if s > 0)
    return themes >= GENERAL_MIN_THEMES and max(scores.values()) < GENERAL_MAX_SHARE * total


def paragraph_theme(text: str, *, heading: str | None, section_title: str | None,
                    segment: str, topic: str | None = None) -> tuple[str, str, dict[str, float]]:
    """Theme of one paragraph, the rule that decided it, and the paragraph's own scores.

    >>> paragraph_theme("全年PM2.5浓度下降，蓝天白云成为常态。", heading=None, section_title=None,
    ...                 segment="review_last_year")[:2]
    ('environment', 'lexicon')
    """
    scores = theme_scores(text)
    if section_title and (winner := clear_winner(theme_scores(section_title))):
        return winner, "section", scores
    if segment in _PART_THEMES:
        return _PART_THEMES[segment], "part", scores
    for source, label in (("topic", topic), ("heading", heading)):
        if label and (winner := clear_winner(theme_scores(label))):
            return winner, source, scores
    if is_general(scores):
        return DEFAULT_THEME, "general", scores
    if winner := lexicon_winner(text, scores):
        return winner, "lexicon", scores
    return DEFAULT_THEME, "default", scores


def section_theme(title: str, paragraph_scores: Iterable[Mapping[str, float]]) -> str:
    """A numbered section's theme: its title's clear winner, else the clear winner of its
    paragraphs' summed scores, else governance.

    >>> section_theme("在环境优化上攻坚突破", [{"environment": 48, "economy": 6}, {"economy": 7, "governance": 13}])
    'environment'
    """
    if winner := clear_winner(theme_scores(title)):
        return winner
    totals = dict.fromkeys(THEMES, 0.0)
    for scores in paragraph_scores:
        for theme in THEMES:
            totals[theme] += float(scores.get(theme, 0.0))
    return clear_winner(totals) or DEFAULT_THEME


def glossary_theme(text: str, *, usage: Sequence[str] = ()) -> tuple[str, str]:
    """Theme of a glossary entry (its term and definition) and the rule that decided it.

    In order: ``glossary_general`` (the definition spans many themes, :func:`is_general`:
    governance); ``glossary`` (the definition's own keywords, :func:`lexicon_winner`);
    ``glossary_usage`` (the clear majority of ``usage``, the themes of the body sentences that
    use the term); ``glossary_default`` (governance).

    >>> glossary_theme("“三线一单”：即生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。")
    ('environment', 'glossary')
    >>> glossary_theme("“四乱”（第6页）：即乱占、乱采、乱堆、乱建。", usage=["environment"])
    ('environment', 'glossary_usage')
    """
    scores = theme_scores(text)
    if is_general(scores):
        return DEFAULT_THEME, "glossary_general"
    if winner := lexicon_winner(text, scores):
        return winner, "glossary"
    counts = dict.fromkeys(THEMES, 0.0)
    for theme in usage:
        if theme in counts:
            counts[theme] += 1
    if winner := clear_winner(counts):
        return winner, "glossary_usage"
    return DEFAULT_THEME, "glossary_default"


def sentence_theme(text: str, *, paragraph_theme: str, paragraph_source: str) -> str:
    """Theme of a sentence: its paragraph's when structure decided it, else its own
    (:func:`lexicon_winner`), else its paragraph's.

    >>> sentence_theme("河流水质稳定达标。", paragraph_theme="economy", paragraph_source="lexicon")
    'environment'
    """
    if paragraph_source in _INHERITED_SOURCES:
        return paragraph_theme
    return lexicon_winner(text) or paragraph_theme
