"""Where every resource, input and output lives (the one module that knows paths); it reads no file.

Resources the code needs to do its job ship inside the package and are reached
through :mod:`importlib.resources`, so they are found the same way in a checkout, an
editable install and an installed wheel:

- ``guanxian_analysis/data/``: ``corrections.csv``, ``theme_lexicon.csv``,
  ``userdict.txt``, ``stopwords_boilerplate.txt``, ``glosses.csv``;
- ``guanxian_analysis/build/templates/``: the page template and CSS of the build;
- the default report and the notebooks are single-sourced in the repository
  (``data/raw/``, ``notebooks/``). A wheel gets a verbatim copy of each as package
  data (``guanxian_analysis/data/raw/``, ``guanxian_analysis/notebooks/``), made by the
  ``build_py`` hook in ``setup.py``; in a checkout they are read where they are.

Outputs and caches: in a checkout, ``reports/``, ``data/processed/`` and ``.cache/``
of the checkout (as before); from an installed package, ``reports/`` and
``data/processed/`` under the current directory and the user's cache directory
(platformdirs). Nothing is ever written inside the installed package.

The output and cache locations are computed on each access (PEP 562
``__getattr__``), so they follow the current directory; assigning the attribute
(``paths.CACHE_DIR = ...``) overrides it.
"""
from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

PACKAGE = "guanxian_analysis"
PACKAGE_DIR = Path(__file__).resolve().parent
#: the repository checkout, when the package runs from one (see :func:`in_checkout`)
PROJECT_ROOT = PACKAGE_DIR.parent

#: package data: rule files and word lists
RESOURCES_DIR = Path(str(files(PACKAGE).joinpath("data")))
#: found text -> replacement, with a reason; applied at load time
CORRECTIONS = RESOURCES_DIR / "corrections.csv"
#: theme -> keywords with weights, for paragraphs the section does not decide
THEME_LEXICON = RESOURCES_DIR / "theme_lexicon.csv"
#: jieba user dictionary (glossary, policy terms, local names)
USER_DICT = RESOURCES_DIR / "userdict.txt"
#: government boilerplate stopwords (a switchable layer)
BOILERPLATE_STOPWORDS = RESOURCES_DIR / "stopwords_boilerplate.txt"
#: English glosses of Chinese terms quoted in the notebooks
GLOSSES = RESOURCES_DIR / "glosses.csv"
#: the build's page template and style sheets
TEMPLATES_DIR = Path(str(files(PACKAGE).joinpath("build", "templates")))

#: file name of the default report (in data/raw/ of the repository, and in the wheel)
RAW_REPORT_NAME = "guanxian-2022-government-work-report.txt"
#: environment variable naming the folder notebooks write their tables to when ``tables_dir`` is None;
#: ``make lab`` sets it to ``.cache/lab/tables`` so interactive runs never overwrite the built reports
TABLES_DIR_ENV = "GUANXIAN_TABLES_DIR"
#: environment variable naming the team's shared data folder (default: ``../shared`` beside the checkout)
SHARED_DIR_ENV = "GUANXIAN_SHARED_DIR"
#: file name of the higher levels' 2022 targets and outcomes (``data/context/``, copied from ``../shared/context/``)
CONTEXT_TARGETS_NAME = "targets_2022.csv"

#: the bundled CJK font: Noto Sans CJK SC shipped by the ``mplfonts`` package
FONT_PACKAGE, FONT_FILE = "mplfonts", "fonts/NotoSansCJKsc-Regular.otf"

TESTS_DIR = PROJECT_ROOT / "tests"
FIXTURES_DIR = TESTS_DIR / "fixtures"

#: application name for the user cache directory (platformdirs)
APP_NAME = "guanxian-analysis"


def in_checkout() -> bool:
    """True when the package runs from the repository (editable install or source tree)."""
    return (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "data" / "raw").is_dir()


def bundled_font() -> Path:
    """The bundled CJK font file (``mplfonts``' Noto Sans CJK SC); the only place that locates it.

    Raises ``ModuleNotFoundError`` when ``mplfonts`` is not installed.
    """
    return Path(str(files(FONT_PACKAGE).joinpath(FONT_FILE)))


def _data_dir() -> Path:
    return PROJECT_ROOT / "data" if in_checkout() else Path.cwd() / "data"


def _computed(name: str) -> Path:
    if name == "RAW_DIR":
        return PROJECT_ROOT / "data" / "raw" if in_checkout() else RESOURCES_DIR / "raw"
    if name == "RAW_REPORT":
        return _computed("RAW_DIR") / RAW_REPORT_NAME
    if name == "NOTEBOOKS_DIR":
        return PROJECT_ROOT / "notebooks" if in_checkout() else PACKAGE_DIR / "notebooks"
    if name == "DATA_DIR":
        return _data_dir()
    if name == "PROCESSED_DIR":
        return _data_dir() / "processed"
    if name == "REPORTS_DIR":
        return (PROJECT_ROOT if in_checkout() else Path.cwd()) / "reports"
    if name == "BUILT_TABLES_DIR":  # where the build writes the notebooks' tables
        return _computed("REPORTS_DIR") / "data"
    if name == "REPORTS_DATA_DIR":  # the notebooks' default tables folder (see tables_dir)
        return tables_dir()
    if name == "SCREENSHOTS_DIR":
        return _computed("REPORTS_DIR") / "screenshots"
    if name == "SHARED_DIR":  # the team's shared data (corpus/, context/, other-reports/); not in this repository
        override = os.environ.get(SHARED_DIR_ENV)
        return Path(override).expanduser().resolve() if override else PROJECT_ROOT.parent / "shared"
    if name == "SHARED_CORPUS_DIR":
        return _computed("SHARED_DIR") / "corpus"
    if name == "CONTEXT_TARGETS":  # data/context/ of the checkout, else the same file in the shared folder
        if in_checkout():
            return PROJECT_ROOT / "data" / "context" / CONTEXT_TARGETS_NAME
        return _computed("SHARED_DIR") / "context" / CONTEXT_TARGETS_NAME
    if name == "CACHE_DIR":
        if in_checkout():
            return PROJECT_ROOT / ".cache"
        from platformdirs import user_cache_path

        return user_cache_path(APP_NAME, appauthor=False)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: names computed on access (see the module docstring)
COMPUTED = ("RAW_DIR", "RAW_REPORT", "NOTEBOOKS_DIR", "DATA_DIR", "PROCESSED_DIR", "REPORTS_DIR",
            "BUILT_TABLES_DIR", "REPORTS_DATA_DIR", "SCREENSHOTS_DIR", "CACHE_DIR", "SHARED_DIR",
            "SHARED_CORPUS_DIR", "CONTEXT_TARGETS")


def __getattr__(name: str) -> Path:
    """``RAW_REPORT``, ``NOTEBOOKS_DIR``, ``REPORTS_DIR``, ``PROCESSED_DIR``, ``CACHE_DIR``, … (see ``COMPUTED``)."""
    return _computed(name)


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
    return Path(override).expanduser().resolve() if override else _computed("BUILT_TABLES_DIR")


def shared_path(*parts: str) -> Path:
    """A file or folder in the team's shared data (``SHARED_DIR``), or FileNotFoundError saying what is missing.

    ``SHARED_DIR`` is ``$GUANXIAN_SHARED_DIR`` when set, else ``../shared`` beside the checkout. Nothing
    downloads it: get a copy from the team (see README, "First steps").

    Examples
    --------
    >>> shared_path("corpus", "national", "national_2022.txt").name      # doctest: +SKIP
    'national_2022.txt'
    """
    path = _computed("SHARED_DIR").joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: this needs the team's shared data folder ({_computed('SHARED_DIR')}, "
            f"or set ${SHARED_DIR_ENV}); it is not part of the repository and nothing downloads it")
    return path
