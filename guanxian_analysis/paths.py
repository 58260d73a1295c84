"""Every path the project uses, in one place.

Nothing here touches the file system at import time; directories are created
by the code that writes into them (``ensure_dir``).
"""
from __future__ import annotations

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
REPORTS_DATA_DIR = REPORTS_DIR / "data"
SCREENSHOTS_DIR = REPORTS_DIR / "screenshots"

#: caches that may be deleted at any time (jieba's dictionary cache, …)
CACHE_DIR = PROJECT_ROOT / ".cache"

TESTS_DIR = PROJECT_ROOT / "tests"
FIXTURES_DIR = TESTS_DIR / "fixtures"


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
