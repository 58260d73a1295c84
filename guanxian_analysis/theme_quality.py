"""How the report's themes agree with a hand annotation (``tests/fixtures/themes_annotated.csv``); no theme rules.

A unit (a paragraph or a glossary entry) agrees when the package's theme is the annotated
``theme`` or the acceptable ``second_theme``. Rules of the annotation:
``tests/fixtures/README-themes.md``.

Examples
--------
>>> import pandas as pd
>>> annotated = pd.DataFrame({"unit": ["paragraph"], "id": ["p001"], "theme": ["governance"], "second_theme": [""]})
>>> theme_agreement(load_report(), annotated)[["id", "theme", "agrees"]].values.tolist()
[['p001', 'governance', True]]
"""
from __future__ import annotations

import pandas as pd

from . import paths

__all__ = ["ANNOTATIONS", "load_theme_annotations", "theme_agreement", "agreement_summary"]

#: the hand-annotated themes of every paragraph and glossary entry of the Guanxian report
ANNOTATIONS = paths.FIXTURES_DIR / "themes_annotated.csv"


def load_theme_annotations(path=None) -> pd.DataFrame:
    """The annotated themes as strings: ``unit, id, theme, second_theme, note``."""
    return pd.read_csv(path or ANNOTATIONS, dtype=str, keep_default_na=False)


def theme_agreement(report, annotated: pd.DataFrame) -> pd.DataFrame:
    """One row per annotated unit: the package's theme beside the annotation.

    Returns
    -------
    DataFrame
        ``unit, id, group, theme, source, annotated, second_theme, agrees``: ``group`` is
        ``body`` (paragraphs outside the glossary), ``glossary_paragraph`` or ``glossary``
        (the glossary's entries); ``source`` is the rule that decided the theme.
    """
    paragraphs = report.paragraphs.set_index("paragraph_id")
    glossary = report.glossary.set_index("term")
    rows = []
    for row in annotated.itertuples(index=False):
        if row.unit == "glossary":
            pid = glossary.loc[row.id, "paragraph_id"]
            theme, group = glossary.loc[row.id, "theme"], "glossary"
        else:
            pid = row.id
            theme = paragraphs.loc[pid, "theme"]
            group = "glossary_paragraph" if paragraphs.loc[pid, "part"] == "glossary" else "body"
        rows.append({"unit": row.unit, "id": row.id, "group": group, "theme": theme,
                     "source": paragraphs.loc[pid, "theme_source"], "annotated": row.theme,
                     "second_theme": row.second_theme or None,
                     "agrees": theme in {row.theme, row.second_theme} - {""}})
    return pd.DataFrame(rows, columns=["unit", "id", "group", "theme", "source", "annotated", "second_theme",
                                       "agrees"])


def agreement_summary(agreement: pd.DataFrame) -> dict[str, tuple[int, int, float]]:
    """``{name: (agreeing, units, share)}`` for ``overall`` (every unit), ``body`` (paragraphs outside the
    glossary), ``glossary`` (the glossary's entries) and ``glossary_paragraphs`` (the glossary part's
    paragraphs, its heading included).

    >>> agreement_summary(pd.DataFrame({"group": ["body", "glossary"], "agrees": [True, False]}))["glossary"]
    (0, 1, 0.0)
    """
    groups = {"overall": agreement, "body": agreement[agreement.group == "body"],
              "glossary": agreement[agreement.group == "glossary"],
              "glossary_paragraphs": agreement[agreement.group == "glossary_paragraph"]}
    return {name: (int(g.agrees.sum()), len(g), float(g.agrees.mean()) if len(g) else float("nan"))
            for name, g in groups.items()}
