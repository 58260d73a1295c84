"""Names the package's docstring examples use (``pytest --doctest-modules`` runs them; see pyproject.toml), and
the figures every test and example opens closed after it (tests and doctests alike)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _doctest_names(doctest_namespace):
    """``ga``, ``load_report``, ``report`` (the default report) and ``plt`` (Agg backend) for every example."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import guanxian_analysis as ga

    doctest_namespace.update(ga=ga, load_report=ga.load_report, report=ga.load_report(), plt=plt)
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the figures a test or a docstring example opened, so none piles up across the run."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
