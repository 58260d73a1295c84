"""Findings: Markdown sentences and formatted figures rendered from the data (no tables computed, no HTML, no files).

One module per kind of sentence; every name is reached as ``guanxian_analysis.findings.<name>``:

- :mod:`.wording` how a figure or a Chinese term reads in English (``gloss``, ``format_value``, ``plural`` …);
- :mod:`.facts` facts about the report's text and tables (``report_facts``, ``glossary_facts``, counts);
- :mod:`.notes` how a table or chart was made (``terms_note``, ``kwic_note``, ``counting_rule``);
- :mod:`.targets` outcomes beside targets and rank claims (``scoreboard_lines``, ``target_findings``, ``ranks_lines``);
- :mod:`.per_theme` a themed page's closing findings (``theme_findings``).

>>> format_value(6.0, "%", "左右")
'6%左右'
"""
from .facts import (audit_facts, glossary_facts, indicator_count, indicator_lines, numbered_parts, report_facts,
                    theme_overview, theme_share_lines)
from .notes import counting_rule, kwic_note, tables_note, terms_finding, terms_note
from .per_theme import theme_findings
from .targets import CLAIM_WORDS, ranks_lines, scoreboard_lines, target_findings
from .wording import (DIRECTIONS, format_share, format_value, gloss, glosses, ordinal, plural, report_title,
                      segment_label, shorten)

__all__ = [
    "glosses", "gloss", "report_title", "format_value", "format_share", "plural", "ordinal", "shorten",
    "segment_label", "DIRECTIONS",
    "theme_overview", "report_facts", "numbered_parts", "glossary_facts", "theme_share_lines", "audit_facts",
    "indicator_count", "indicator_lines",
    "tables_note", "terms_finding", "counting_rule", "terms_note", "kwic_note",
    "scoreboard_lines", "ranks_lines", "target_findings", "CLAIM_WORDS",
    "theme_findings",
]
