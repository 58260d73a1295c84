"""The notebooks' former helper module, kept so ``from guanxian_analysis import notebook_helpers as nh`` still works.

It holds no code of its own: every name comes from its one home, by concern:

- :mod:`guanxian_analysis.coverage`: tables of how the text spreads over themes and parts
  (``theme_share``, ``theme_by_segment``, ``theme_sections``, ``structure_table``, ``kwic_table`` …);
- :mod:`guanxian_analysis.findings`: Markdown sentences and formatted figures (``theme_overview``,
  ``scoreboard_lines``, ``theme_findings``, ``format_value``, ``gloss`` …);
- :mod:`guanxian_analysis.display`: HTML tables, chart sizing, notebook set-up (``kwic_html``,
  ``scroll_table``, ``chart``, ``setup_display`` …);
- :mod:`guanxian_analysis.tables`: the one table writer (``save_table``, ``save_indicator_tables``) and the
  note linking what it wrote (``tables_note``: links relative to the notebook's folder, so they resolve in
  JupyterLab; the build rebases them to its pages).

>>> from guanxian_analysis import notebook_helpers as nh
>>> nh.format_value(6.0, "%", "左右"), nh.theme_share is __import__("guanxian_analysis").theme_share
('6%左右', True)
"""
from __future__ import annotations

from .coverage import *  # noqa: F401,F403
from .coverage import _body  # noqa: F401
from .display import *  # noqa: F401,F403
from .findings import *  # noqa: F401,F403
# after findings' names: the notebooks' ``nh.tables_note`` is the table writer's, whose links resolve where the
# notebook runs (findings.tables_note, linking ``data/<name>`` from a page in reports/, is the older one)
from .tables import save_indicator_tables, save_table, save_theme_tables, table_href, tables_note  # noqa: F401
from .themes import THEME_NAMES_EN as THEMES  # noqa: F401
from .promise_display import *  # noqa: F401,F403
from .promise_findings import *  # noqa: F401,F403
