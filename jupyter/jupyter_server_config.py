"""JupyterLab configuration for ``make lab`` (``JUPYTER_CONFIG_DIR`` points at this folder).

What it does, and nothing else:

- ``LabApp.custom_css``: the page loads ``custom/custom.css`` (this folder's ``custom/``), which declares
  Noto Sans CJK SC with ``@font-face`` so Markdown, DataFrames and text outputs show Chinese on machines
  without a system CJK font;
- ``ServerApp.extra_static_paths``: the folder holding that font is served under ``/static/``; it is the
  bundled ``mplfonts`` file :mod:`guanxian_analysis.style` falls back to for the charts (found by the same
  function, ``paths.bundled_font``, not copied);
- ``app_settings_dir``: ``lab/settings/overrides.json`` makes jupytext's notebook view the default for ``.py``
  files (double-clicking ``notebooks/01-economy.py`` opens it as a notebook);
- terminals started inside JupyterLab drop ``GUANXIAN_TABLES_DIR``, so ``make report`` run from one writes the
  built tables to ``reports/data/`` as usual;
- ``ContentsManager.allow_hidden``: the tables a notebook writes go to ``.cache/lab/tables/`` and its "Tables
  written" links point there (relative to the notebook's folder); the server may open files under a dot-folder.
  The file browser still hides dot-files (its own "Show Hidden Files" setting, off by default).

Everything JupyterLab writes (user settings, workspaces, runtime files, kernel history) goes under ``.cache/lab/``:
the Makefile sets those directories; nothing is written to the home directory or to this folder.
"""
import os
from pathlib import Path

from guanxian_analysis import paths

HERE = Path(__file__).resolve().parent

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

c.LabApp.custom_css = True
c.LabApp.app_settings_dir = str(HERE / "lab" / "settings")
c.ServerApp.extra_static_paths = [str(paths.bundled_font().parent)]
c.ContentsManager.allow_hidden = True
c.ServerApp.terminado_settings = {
    "shell_command": ["env", "-u", "GUANXIAN_TABLES_DIR", os.environ.get("SHELL") or "/bin/sh"],
}
# jupyter-lsp would look for language servers by running npm, which writes logs to ~/.npm; none is installed.
c.LanguageServerManager.autodetect = False
