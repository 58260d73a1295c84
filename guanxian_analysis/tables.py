"""The one table writer: every CSV the package writes goes through :func:`write_csv` (UTF-8 with BOM, LF, no index).

Holds no analysis; it only writes tables it is given (structure tables, notebook tables, indicator tables).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import quote

from . import paths

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .profile import ThemeProfile
    from .report import Report

#: floats in the indicator tables: up to 12 significant digits (1.26e+09 stays exact, no 0.30000000000000004)
FLOAT_FORMAT = "%.12g"
#: set by the build in each kernel: a file where :func:`write_csv` logs every table it writes
TABLES_LOG_ENV = "GUANXIAN_TABLES_LOG"
STRUCTURE_TABLES = ("parts", "sections", "paragraphs", "sentences", "glossary", "cleaning")


def write_csv(table: "pd.DataFrame", path: Path, *, float_format: str | None = None) -> Path:
    """Write ``table`` as UTF-8 CSV with a BOM (for Excel) and LF line ends, without the index.

    The bytes depend only on the table, so a rerun writes the same file.

    >>> import pandas as pd, tempfile, pathlib
    >>> out = write_csv(pd.DataFrame({"词": ["乡村振兴"]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> out.read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    paths.ensure_dir(path.parent)
    table.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n", float_format=float_format)
    log = os.environ.get(TABLES_LOG_ENV)
    if log:  # the build's kernels: say which file this notebook wrote, so a reused result can restore it
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{path.resolve()}\n")
    return path


def write_report_tables(report: "Report", out_dir: Path | None = None) -> list[Path]:
    """Write the structure tables (parts, sections, paragraphs, sentences, glossary, cleaning).

    Parameters
    ----------
    report : Report
    out_dir : Path, optional
        Default ``data/processed/``.

    Returns
    -------
    list of Path
        The files written, ``<table>.csv`` each.
    """
    out_dir = out_dir or paths.PROCESSED_DIR
    return [write_csv(getattr(report, name), out_dir / f"{name}.csv") for name in STRUCTURE_TABLES]


def save_table(table: "pd.DataFrame", name: str, tables_dir: str | Path | None = None) -> Path:
    """Write ``table`` as ``<tables_dir>/<name>.csv`` (UTF-8 with BOM, byte-identical on a rerun).

    ``tables_dir`` defaults to ``reports/data/``; the build points it elsewhere
    when it builds another report.

    Examples
    --------
    >>> save_table(ga.indicators(report), "indicators")             # doctest: +SKIP
    PosixPath('.../reports/data/indicators.csv')
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise ValueError(f"table name {name!r}: use lower-case letters, digits, - and _")
    directory = Path(tables_dir) if tables_dir is not None else paths.REPORTS_DATA_DIR
    return write_csv(table, directory / f"{name}.csv")


def save_indicator_tables(report: "Report", tables_dir: str | Path | None = None) -> list[Path]:
    """Write the whole report's ``indicators``, ``number_audit``, ``scoreboard`` and ``ranks`` tables as CSV.

    ``indicators.csv`` and ``number_audit.csv`` come from :func:`~guanxian_analysis.indicator_extraction.write_indicator_tables`.

    Examples
    --------
    >>> [p.name for p in save_indicator_tables(report, "/tmp/t")]     # doctest: +SKIP
    ['indicators.csv', 'number_audit.csv', 'scoreboard.csv', 'ranks.csv']
    """
    from .indicator_extraction import ranks, write_indicator_tables
    from .pairing import scoreboard

    board, claims = scoreboard(report), ranks(report)

    directory = Path(tables_dir) if tables_dir is not None else paths.REPORTS_DATA_DIR
    written = write_indicator_tables(report, out_dir=directory)
    return written + [save_table(board, "scoreboard", directory), save_table(claims, "ranks", directory)]


def save_theme_tables(profile: "ThemeProfile", tables_dir: str | Path | None = None) -> list[Path]:
    """Write a themed notebook's tables: ``<theme>-indicators.csv`` and ``<theme>-distinctive-terms.csv``.

    Parameters
    ----------
    profile : ThemeProfile
        Its :attr:`~guanxian_analysis.profile.ThemeProfile.theme_indicators` and
        :attr:`~guanxian_analysis.profile.ThemeProfile.distinctive_terms` are written.
    tables_dir : path, optional
        As for :func:`save_table`.

    Returns
    -------
    list of Path
        The files written, for :func:`tables_note`.

    Examples
    --------
    >>> import tempfile, guanxian_analysis as ga
    >>> profile = ga.theme_profile(ga.load_report(), "rural")
    >>> [p.name for p in save_theme_tables(profile, tempfile.mkdtemp())]
    ['rural-indicators.csv', 'rural-distinctive-terms.csv']
    """
    return [save_table(profile.theme_indicators, f"{profile.theme}-indicators", tables_dir),
            save_table(profile.distinctive_terms, f"{profile.theme}-distinctive-terms", tables_dir)]


def table_href(path: str | Path, start: str | Path | None = None) -> str:
    """A relative link to a written table, from ``start`` (default: the current directory).

    A notebook's kernel runs in the notebook's folder, in JupyterLab as in the build, so the default makes a link
    that resolves where the notebook is shown: JupyterLab opens ``../.cache/lab/tables/x.csv`` from
    ``notebooks/``; the build rebases such links from the notebook's folder to its page's folder
    (:func:`guanxian_analysis.build.pages.rebase_links`), giving ``data/x.csv`` beside the page.

    Examples
    --------
    >>> table_href("/project/.cache/lab/tables/economy-indicators.csv", start="/project/notebooks")
    '../.cache/lab/tables/economy-indicators.csv'
    """
    start = Path(start) if start is not None else Path.cwd()
    try:
        relative = os.path.relpath(Path(path).resolve(), start.resolve())
    except ValueError:  # another drive (Windows): no relative link exists
        return Path(path).resolve().as_uri()
    return quote(Path(relative).as_posix())


def tables_note(written: Iterable[str | Path], *, start: str | Path | None = None) -> str:
    """A Markdown line linking the CSV files a notebook wrote, each link relative to the notebook's folder.

    The notebooks end with ``Markdown(nh.tables_note(written))``; see :func:`table_href` for where the links
    resolve (JupyterLab, the built pages).

    Examples
    --------
    >>> tables_note(["/project/reports/data/economy-indicators.csv"], start="/project/notebooks")
    'Tables written: [economy-indicators.csv](../reports/data/economy-indicators.csv).'
    >>> tables_note([])
    'No tables written.'
    """
    links = ", ".join(f"[{Path(p).name}]({table_href(p, start)})" for p in written)
    return f"Tables written: {links}." if links else "No tables written."
