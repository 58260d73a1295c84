"""Data and text analysis of the 冠县 2022年政府工作报告: the public names, imported lazily (nothing heavy at import).

Everything public is importable from the package root::

    >>> import guanxian_analysis as ga
    >>> report = ga.load_report()            # doctest: +SKIP
    >>> ga.indicators(report).head()          # doctest: +SKIP

Heavy libraries (pandas, jieba, matplotlib, OpenCC) are imported only when a
function that needs them is first used, so ``import guanxian_analysis`` is fast.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import ReportFormatError



def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("guanxian-analysis")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


# public name -> module that defines it (imported lazily, PEP 562)
_EXPORTS = {
    # loading and structure
    "Report": "report",
    "load_report": "report",
    "write_report_tables": "tables",
    # several reports
    "Corpus": "corpus",
    "load_reports": "corpus",
    "theme_shares": "corpus_tables",
    "term_trends": "corpus_tables",
    "new_terms": "corpus_tables",
    # indicators
    "indicators": "indicator_extraction",
    "number_audit": "indicator_extraction",
    "scoreboard": "pairing",
    "ranks": "indicator_extraction",
    "write_indicator_tables": "indicator_extraction",
    # promises and money
    "commitments": "commitment_extraction",
    "commitment_summary": "commitment_extraction",
    "named_deliverables": "commitment_extraction",
    "write_tracking_sheet": "tracking_sheet",
    "fiscal_picture": "fiscal",
    "explain_derived": "fiscal",
    "fiscal_amounts": "fiscal",
    # the year's main expected targets (主要预期目标)
    "main_targets": "main_target_extraction",
    "target_table": "main_target_extraction",
    # targets in context: beside other levels, beside the next year's outcomes
    "compare_targets": "comparison",
    "target_tracking": "comparison",
    "context_targets": "comparison",
    # coverage tables: how the text spreads over themes and parts
    "theme_share": "coverage",
    "theme_by_segment": "coverage",
    "theme_sections": "coverage",
    "theme_and_rest": "coverage",
    "theme_sentences": "coverage",
    "theme_indicators": "coverage",
    "structure_table": "coverage",
    "kwic_table": "coverage",
    "part_labels": "coverage",
    "theme_profile": "profile",
    "ThemeProfile": "profile",
    # text mining
    "tokenize": "tokenizer",
    "get_tokenizer": "tokenizer",
    "tag": "tokenizer",
    "term_frequencies": "terms",
    "keywords": "terms",
    "distinctive_terms": "terms",
    "kwic": "terms",
    "cooccurrence": "terms",
    "cooccurrence_graph": "terms",
    "action_verbs": "terms",
    "numbered_phrases": "terms",
    "report_vocabulary": "terms",
    "report_words": "tokenizer",
    "policy_phrases": "echo",
    "phrase_echo": "echo",
    # charts
    "use_theme": "style",
    "plot_top_terms": "plots",
    "plot_distinctive_terms": "plots",
    "plot_theme_map": "plots",
    "plot_scoreboard": "plots",
    "plot_ranks": "plots",
    "plot_cooccurrence": "plots",
    "plot_wordcloud": "plots",
    "plot_term_trends": "plots",
    "plot_growth_targets": "plots",
    "plot_commitments": "plots",
    "plot_fiscal_amounts": "plots",
    "plot_target_comparison": "plots",
    "plot_target_tracking": "plots",
}

__all__ = ["ReportFormatError", "__version__", *_EXPORTS]

#: the notebooks' helper modules, reachable as attributes (``ga.notebook_helpers``, ``ga.display`` …) without an
#: import of their own; each is imported on first use
_MODULES = ("notebook_helpers", "coverage", "findings", "display", "profile", "tables", "paths")


def __getattr__(name: str):
    if name == "__version__":  # read from the installed metadata on first use (importlib.metadata is slow to import)
        globals()["__version__"] = value = _version()
        return value
    if name in _MODULES:
        return import_module(f".{name}", __name__)  # the import system sets it as an attribute too
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'guanxian_analysis' has no attribute {name!r}") from None
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted([*__all__, *_MODULES])


if TYPE_CHECKING:  # pragma: no cover - for editors and type checkers only
    from .report import Report, load_report  # noqa: F401
