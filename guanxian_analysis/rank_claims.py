"""Rank claims: numbered places (第2位, 第一档, 前移1个位次) as rows, and claims without a number (全市率先 …).

Builds the rows :func:`~guanxian_analysis.ranks` returns; the numbered ones come from figures read by
:mod:`~guanxian_analysis.mentions`, the soft ones from the sentence text.
"""
from __future__ import annotations

import re

import pandas as pd

from .indicator_context import none_if_missing, period_for
from .indicator_schema import RANK_COLUMNS
from .mentions import CLAUSE_DELIMITERS, RANK_MOVE_RE, Figure

def rank_row(fig: Figure, record: dict, row: dict, ranked: str | None = None) -> dict:
    scope = fig.scope or ""
    if fig.unit == "位次":
        verb = RANK_MOVE_RE.search(record["text"][: fig.span_start])
        rank_text = f"{scope}{verb.group('verb') if verb else ''}{fig.mention.text}个位次"
        place, claim = None, "move"
    else:
        number = "首" if fig.mention.text == "首" else f"第{fig.mention.text}"  # 全市首位 (first place)
        rank_text = f"{scope}{number}{fig.unit}"
        place, claim = fig.value, "tier" if fig.unit == "档" else "position"
    return {"metric": row["metric"], "scope": fig.scope, "rank": place, "rank_text": rank_text,
            "period": row["period"], "theme": row["theme"], "sentence_id": row["sentence_id"],
            "claim": claim, "ranked": ranked or row["metric"]}


#: rank claims without a number (全市率先, 全省前列 …) and what each is
_SOFT_CLAIM_RE = re.compile(r"(?P<scope>全市|全省|全国|全县|全区)(?P<word>率先|唯一|最多|领先|前列)")
_SOFT_CLAIMS = {"率先": "first_to_do", "唯一": "only", "最多": "most", "领先": "leading", "前列": "among_top"}
_CLAIM_FRAME_RE = re.compile(r"(?:均|已|继续|始终)?(?:走在|位居|位列|跃居|居于|居|列|处于|保持|在)$")
_CLAIM_LEAD_RE = re.compile(r"^(?:其中|全县|同时|并且?|确保|力争)")


def ranked_figure(fig: Figure, figures: list[Figure], rows: list[dict]) -> str | None:
    """What a 第N位 ranks: the nearest figure of the same metric before it (PM2.5 第1位 ranks 改善21.4%)."""
    n = figures.index(fig)
    earlier = [(f, r) for f, r in zip(figures[:n], rows[:n])
               if f.kind not in {"rank", "threshold"} and r["metric"] == rows[n]["metric"]]
    if not earlier:
        return None
    return f"{earlier[-1][1]['metric']}: {earlier[-1][1]['figure']}"


def soft_claims(text: str, sentences: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rank claims without a number (全市最多, 全省率先, 全市前列 …), one row each."""
    rows = []
    for record in sentences.to_dict("records"):
        if record.get("segment") == "glossary":
            continue
        sentence = text[record["start"]: record["end"]]
        for m in _SOFT_CLAIM_RE.finditer(sentence):
            claim = _SOFT_CLAIMS[m.group("word")]
            if claim == "first_to_do":  # 在全市率先建设…: what is done first follows the claim
                after = re.split(rf"[{CLAUSE_DELIMITERS}]", sentence[m.end():], maxsplit=1)[0]
                subject = after
            else:
                start = max(sentence.rfind(d, 0, m.start()) for d in CLAUSE_DELIMITERS) + 1
                subject = _CLAIM_FRAME_RE.sub("", sentence[start: m.start()])
                if not subject.strip():  # ，全市最多: the claim is about the clause before
                    prev_end = start - 1
                    prev_start = max(sentence.rfind(d, 0, max(prev_end, 0)) for d in CLAUSE_DELIMITERS) + 1
                    subject = re.split(r"\d", sentence[prev_start: max(prev_end, 0)], maxsplit=1)[0]
            subject = _CLAIM_LEAD_RE.sub("", subject.strip()) or subject.strip()
            rows.append({"metric": subject, "scope": m.group("scope"), "rank": float("nan"),
                         "rank_text": m.group(), "period": period_for(record, year),
                         "theme": none_if_missing(record.get("theme")), "sentence_id": record["sentence_id"],
                         "claim": claim, "ranked": subject})
    return pd.DataFrame(rows, columns=RANK_COLUMNS)
