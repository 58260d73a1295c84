"""Notes that say how a table or chart was made.

The counting rule, stopword layers, keyword-in-context coverage, distinctive-term significance, files written.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable


if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..report import Report


def tables_note(written: Iterable[Path]) -> str:
    """A Markdown line linking the CSV files a notebook wrote (relative to the HTML page in ``reports/``).

    >>> tables_note([Path("reports/data/economy-indicators.csv")])
    'Tables written: [economy-indicators.csv](data/economy-indicators.csv).'
    """
    links = ", ".join(f"[{p.name}](data/{p.name})" for p in written)
    return f"Tables written: {links}." if links else "No tables written."


def terms_finding(distinct: "pd.DataFrame", *, side: str, n: int = 8, threshold: float = 1.96) -> str:
    """A Markdown finding from a :func:`~guanxian_analysis.distinctive_terms` table: the terms typical of ``side``.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"term": ["企业", "增长", "农村"], "z": [3.1, 2.0, -2.5], "favours": ["economy", "economy", "rest"]})
    >>> terms_finding(d, side="economy", n=5)
    "The words most typical of economy against the rest of the report (weighted log-odds, z-score in brackets): “企业” (3.1), “增长” (2.0); 2 of the theme's words clear z = 1.96."
    >>> terms_finding(d.assign(z=[3.1, 1.5, -2.5]), side="economy").rsplit("; ", 1)[1]
    'only “企业” clears z = 1.96.'
    """
    mine = distinct[distinct.favours == side].sort_values("z", ascending=False, kind="mergesort")
    top = mine.head(n)
    listed = ", ".join(f"“{t.term}” ({t.z:.1f})" for t in top.itertuples())
    strong = int((mine.z >= threshold).sum())
    # the count is of all the theme's words, not of the ones listed (9 may clear while 8 are listed)
    clear = (f"none of the theme's words clears z = {threshold:g}" if strong == 0
             else f"only “{mine.term.iloc[0]}” clears z = {threshold:g}" if strong == 1
             else f"{strong} of the theme's words clear z = {threshold:g}")
    from ..themes import THEME_NAMES_EN

    # the theme is named: the overview shows two of these lines one after the other
    name = THEME_NAMES_EN[side].lower() if side in THEME_NAMES_EN else "this theme"
    return (f"The words most typical of {name} against the rest of the report (weighted log-odds, z-score in "
            f"brackets): {listed}; {clear}.")


def counting_rule(match: str = "token", glossary: bool = False) -> str:
    """The counting rule of a count or KWIC table in words, for the page (terms.py's ``match``/``glossary``).

    >>> counting_rule()
    'counted as whole words, glossary (名词解释) left out'
    >>> counting_rule("substring", True)
    'counted wherever the characters occur (inside longer words too), glossary included'
    """
    words = "as whole words" if match == "token" else "wherever the characters occur (inside longer words too)"
    return f"counted {words}, " + ("glossary included" if glossary else "glossary (名词解释) left out")


def terms_note(report: "Report", *, stopwords=("generic", "boilerplate", "place"), match: str = "token",
               glossary: bool = False) -> str:
    """A Markdown line for a page's term counts, clouds and networks: the counting rule, the stopword layers
    removed (the place layer with the report's own place names) and the compounds kept whole.

    >>> print(terms_note(load_report()))                                  # doctest: +ELLIPSIS
    Words are counted as whole words, glossary (名词解释) left out. Stopword layers removed: generic Chinese stopwords (stopwordsiso); government boilerplate, hedges, report furniture and units; the report's own place names (“冠县”, “全县”, “我县”, “本县”). Kept whole: ... compounds of the report's own (its glossary terms and the indicator table's metric names, such as “一般公共预算收入”) besides the package's dictionary.
    """
    from ..terms import report_vocabulary
    from ..tokenizer import STOPWORD_LAYER_NAMES, stopword_layers

    words, places = report_vocabulary(report)
    layers = []
    for layer in stopword_layers(stopwords):
        name = STOPWORD_LAYER_NAMES[layer]
        if layer == "place":
            name += f" ({', '.join(f'“{p}”' for p in places)})" if places else " (none: the report names no place)"
        layers.append(name)
    text = f"Words are {counting_rule(match, glossary)}. Stopword layers removed: " + ("; ".join(layers) or "none") + "."
    # only the compounds written in the text as they are can be kept whole: a glossary term read without its
    # quotes (专精特新企业, written “专精特新”企业) or a metric name put together (县级重点项目总投资) cannot
    written = " ".join(report.paragraphs.text)
    words = [w for w in words if w in written]
    if words:
        example = "一般公共预算收入" if "一般公共预算收入" in words else words[0]
        text += (f" Kept whole: {len(words)} compounds of the report's own (its glossary terms and the indicator "
                 f"table's metric names, such as “{example}”) besides the package's dictionary.")
    return text


def kwic_note(hits: "pd.DataFrame") -> str:
    """A Markdown line for a :func:`~guanxian_analysis.kwic_table`: how many of each term's uses the table
    shows (every use, or the first N of M), terms with no use, and the counting rule. When the table is a
    fallback (``kwic_table(..., fallback_theme=...)``: none of the terms asked for occurs), a first sentence
    names them and says the report's own most frequent terms of the theme are shown instead.

    >>> import pandas as pd
    >>> hits = pd.DataFrame({"term": ["灵芝", "灵芝", "林果", "粮食"], "hits": [8, 8, 1, 0], "shown": [2, 2, 1, 0]})
    >>> hits.attrs.update(match="token", glossary=False)
    >>> kwic_note(hits)
    'Uses counted as whole words, glossary (名词解释) left out: “灵芝” first 2 of 8 uses shown; “林果” its 1 use; “粮食” no use.'
    >>> kwic_note(hits.assign(inside=[0, 0, 0, 1]))[-52:]
    '“粮食” no use as a whole word (1 inside longer words).'
    >>> hits.attrs["fallback"] = {"theme": "rural", "asked": ["钢板加工", "纺织服装"], "terms": ["灵芝", "林果", "粮食"]}
    >>> kwic_note(hits).split(" Uses")[0]
    'None of “钢板加工”, “纺织服装” occurs in this report; shown instead: the terms most frequent in its rural paragraphs.'
    """
    parts = []
    first = hits.drop_duplicates("term")
    inside = first["inside"] if "inside" in first else [0] * len(first)
    for term, n, shown, more in zip(first.term, first.hits, first.shown, inside):
        if n == 0:
            part = f"“{term}” no use" + (" as a whole word" if more else "")
        elif shown >= n:
            part = f"“{term}” its {n} use" if n == 1 else f"“{term}” all {n} uses"
        else:
            part = f"“{term}” first {shown} of {n} uses shown"
        if more:  # the characters inside longer words (棚户区 in 棚户区改造项目): never "no use" of a term the text holds
            part += f" ({more}{'' if n == 0 else ' more'} inside longer words)"
        parts.append(part)
    rule = counting_rule(hits.attrs.get("match", "token"), hits.attrs.get("glossary", False))
    note = f"Uses {rule}: " + "; ".join(parts) + "."
    fallback = hits.attrs.get("fallback")
    if fallback:
        asked = ", ".join(f"“{t}”" for t in fallback["asked"])
        note = (f"None of {asked} occurs in this report; shown instead: the terms most frequent in its {fallback['theme']} "
                f"paragraphs. " + note)
    return note
