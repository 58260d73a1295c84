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


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
