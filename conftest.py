"""Names the package's docstring examples use (``pytest --doctest-modules`` runs them; see pyproject.toml)."""
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
