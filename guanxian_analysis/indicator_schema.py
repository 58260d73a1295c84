"""The indicator tables' columns and the closed vocabularies of their values (constants only, no logic).

Plots, findings and tests read ``BOUNDS``, ``STATUSES``, ``MEASURES`` and ``CLAIMS`` from here, so a value the
extractor produces and a value a chart knows cannot drift apart.
"""
from __future__ import annotations

__all__ = ["INDICATOR_COLUMNS", "AUDIT_COLUMNS", "SCOREBOARD_COLUMNS", "RANK_COLUMNS", "BOUNDS", "STATUSES",
           "MEASURES", "CLAIMS"]

INDICATOR_COLUMNS = [
    "indicator_id", "value", "unit", "value_base", "base_unit", "kind", "direction", "qualifier",
    "bound", "metric", "period", "status", "theme", "part", "section", "paragraph_id",
    "sentence_id", "sentence", "start", "end", "measure", "figure", "upper",
]
AUDIT_COLUMNS = ["mention_id", "text", "start", "end", "status", "reason", "indicator_id", "sentence_id"]
SCOREBOARD_COLUMNS = [
    "metric", "theme", "kind", "measure", "outcome_period", "outcome_value", "outcome_unit", "outcome_qualifier",
    "outcome_status", "target_period", "target_value", "target_unit", "target_qualifier",
    "target_bound", "change", "outcome_sentence_id", "target_sentence_id", "outcome_id", "target_id",
    "outcome_figure", "target_figure",
]
RANK_COLUMNS = ["metric", "scope", "rank", "rank_text", "period", "theme", "sentence_id", "claim", "ranked"]
#: the values of ``claim`` in :func:`ranks`: only ``position`` (第N位) is a place; a tier (第一档) is a group
#: of places, a move (前移1个位次) a change of place, and the others say no place at all
CLAIMS = ("position", "tier", "move", "first_to_do", "only", "most", "leading", "among_top")
#: the values of ``bound`` (and ``target_bound``): what a qualifier means (左右 approx, 以上 min, 以内 max …)
BOUNDS = ("approx", "min", "max", "aim", "estimate", "from", "to", "range")
#: the values of ``measure``: what the figure counts, read from the verb or qualifier of its clause
#: (年均增长 annual_average, 累计 cumulative, 新开工 new_start, 完成/建成 completed, 新增/培育 new, 列入 listed,
#: 建设/实施/打造 … done_in_year, 达到/余额 stock); empty when the clause says nothing (an unqualified figure)
MEASURES = ("annual_average", "cumulative", "new_start", "new_build", "completed", "new", "listed",
            "done_in_year", "stock")
#: the values of ``status`` (and ``outcome_status``): 实际, 预计, 目标
STATUSES = ("actual", "estimate", "target")
