"""Every path the project uses, in one place.

Nothing here touches the file system at import time; directories are created
by the code that writes into them (``ensure_dir``).
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"

#: the report as scraped, byte for byte (see data/README.md)
RAW_REPORT = RAW_DIR / "guanxian-2022-government-work-report.txt"
#: found text -> replacement, with a reason; applied at load time
CORRECTIONS = DATA_DIR / "corrections.csv"
#: theme -> keywords with weights, for paragraphs the section does not decide
THEME_LEXICON = DATA_DIR / "theme_lexicon.csv"
#: jieba user dictionary (glossary, policy terms, local names)
USER_DICT = DATA_DIR / "userdict.txt"
#: government boilerplate stopwords (a switchable layer)
BOILERPLATE_STOPWORDS = DATA_DIR / "stopwords_boilerplate.txt"

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
#: where the build writes the notebooks' tables
BUILT_TABLES_DIR = REPORTS_DIR / "data"
#: environment variable naming the folder notebooks write their tables to when ``tables_dir`` is None;
#: ``make lab`` sets it to ``.cache/lab/tables`` so interactive runs never overwrite the built reports
TABLES_DIR_ENV = "GUANXIAN_TABLES_DIR"
SCREENSHOTS_DIR = REPORTS_DIR / "screenshots"

#: caches that may be deleted at any time (jieba's dictionary cache, …)
CACHE_DIR = PROJECT_ROOT / ".cache"

TESTS_DIR = PROJECT_ROOT / "tests"
FIXTURES_DIR = TESTS_DIR / "fixtures"


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path


def tables_dir() -> Path:
    """Where notebooks write their tables by default: ``$GUANXIAN_TABLES_DIR`` if set, else ``reports/data/``.

    ``REPORTS_DATA_DIR`` is this value, read from the environment each time it is used (not at import).

    Examples
    --------
    >>> tables_dir()                          # doctest: +SKIP
    PosixPath('/…/guanxian-analysis/reports/data')
    """
    override = os.environ.get(TABLES_DIR_ENV)
    return Path(override).expanduser().resolve() if override else BUILT_TABLES_DIR


def __getattr__(name: str):
    if name == "REPORTS_DATA_DIR":  # the notebooks' default tables folder (see tables_dir)
        return tables_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
