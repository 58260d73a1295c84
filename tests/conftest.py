"""Shared fixtures: the real report, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from guanxian_analysis import paths

HAILAR = paths.PROJECT_ROOT.parent / "shared" / "other-reports" / "hailar-district-2019-government-work-report.txt"


@pytest.fixture(scope="session")
def report():
    from guanxian_analysis import load_report

    return load_report()


@pytest.fixture(scope="session")
def report_original():
    from guanxian_analysis import load_report

    return load_report(script="original")


@pytest.fixture(scope="session")
def hailar_path() -> Path:
    if not HAILAR.exists():  # a missing shared/ must fail, not skip: the check is part of the suite
        pytest.fail(f"the second report is missing: {HAILAR}")
    return HAILAR


@pytest.fixture(scope="session")
def hailar(hailar_path):
    from guanxian_analysis import load_report

    return load_report(hailar_path)


# --------------------------------------------------------------------------- small frames made by the real functions
# In seaborn's manner: each table once per session, from the package's own functions on the real report, with an
# empty variant (no rows, same columns) and a NaN variant (the numbers of the first two rows missing).
def _nan_variant(table):
    import numpy as np

    table = table.copy()
    numeric = [c for c in table.columns if table[c].dtype.kind == "f"]
    table.loc[table.index[:2], numeric] = np.nan
    return table


@pytest.fixture(scope="session")
def frequencies(report):
    from guanxian_analysis import term_frequencies

    return term_frequencies(report)


@pytest.fixture(scope="session")
def indicator_table(report):
    from guanxian_analysis import indicators

    return indicators(report)


@pytest.fixture(scope="session")
def board(indicator_table):
    from guanxian_analysis import scoreboard

    return scoreboard(indicator_table)


@pytest.fixture(scope="session")
def rank_table(report):
    from guanxian_analysis import ranks

    return ranks(report)


@pytest.fixture(scope="session")
def empty_tables(frequencies, board, rank_table):
    """The same tables with no rows."""
    return {"frequencies": frequencies.iloc[0:0], "board": board.iloc[0:0], "ranks": rank_table.iloc[0:0]}


@pytest.fixture(scope="session")
def nan_tables(frequencies, board, rank_table):
    """The same tables with the numbers of their first two rows missing."""
    return {"frequencies": _nan_variant(frequencies), "board": _nan_variant(board), "ranks": _nan_variant(rank_table)}
