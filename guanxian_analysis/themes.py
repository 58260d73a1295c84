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
5. ``lexicon``: its own text's scores (a 2021-review paragraph on 蓝天白云 → environment);
6. ``default``: governance, when no keyword occurs.

A sentence inherits its paragraph's theme when the heading, section or part
decided it, and otherwise is scored on its own.
"""
from __future__ import annotations

import csv
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
SCORE_COLUMNS = tuple(f"score_{t}" for t in THEMES)
_PART_THEMES = {"self_building": "governance", "opening": "governance", "closing": "governance"}


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
    if winner := clear_winner(scores):
        return winner, "lexicon", scores
    return "governance", "default", scores


def sentence_theme(text: str, *, paragraph_theme: str, paragraph_source: str) -> str:
    """Theme of a sentence: its paragraph's when structure decided it, else its own best.

    >>> sentence_theme("河流水质稳定达标。", paragraph_theme="economy", paragraph_source="lexicon")
    'environment'
    """
    if paragraph_source in ("section", "topic", "heading", "part"):
        return paragraph_theme
    return clear_winner(theme_scores(text)) or paragraph_theme
