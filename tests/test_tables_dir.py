"""Where notebooks write their tables: reports/data/ for the build, $GUANXIAN_TABLES_DIR when it is set (make lab)."""
from __future__ import annotations

import pandas as pd

from guanxian_analysis import notebook_helpers as nh
from guanxian_analysis import paths


def test_default_is_the_built_reports(monkeypatch):
    monkeypatch.delenv(paths.TABLES_DIR_ENV, raising=False)
    assert paths.REPORTS_DATA_DIR == paths.BUILT_TABLES_DIR == paths.PROJECT_ROOT / "reports" / "data"
    assert paths.tables_dir() == paths.BUILT_TABLES_DIR


def test_the_variable_redirects_the_notebooks_tables(monkeypatch, tmp_path):
    scratch = tmp_path / "scratch"
    monkeypatch.setenv(paths.TABLES_DIR_ENV, str(scratch))
    assert paths.REPORTS_DATA_DIR == scratch.resolve()          # read when used, not at import
    from guanxian_analysis.paths import REPORTS_DATA_DIR

    assert REPORTS_DATA_DIR == scratch.resolve()
    before = sorted(paths.BUILT_TABLES_DIR.glob("*")) if paths.BUILT_TABLES_DIR.exists() else []
    written = nh.save_table(pd.DataFrame({"term": ["教育"], "count": [10]}), "scratch-check")
    assert written == scratch.resolve() / "scratch-check.csv"
    assert written.read_bytes() == "\ufeffterm,count\n教育,10\n".encode("utf-8")
    after = sorted(paths.BUILT_TABLES_DIR.glob("*")) if paths.BUILT_TABLES_DIR.exists() else []
    assert after == before and not (paths.BUILT_TABLES_DIR / "scratch-check.csv").exists()


def test_an_explicit_tables_dir_still_wins(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.TABLES_DIR_ENV, str(tmp_path / "scratch"))
    written = nh.save_table(pd.DataFrame({"a": [1]}), "explicit", tmp_path / "mine")
    assert written == tmp_path / "mine" / "explicit.csv" and written.is_file()
    assert not (tmp_path / "scratch").exists()


def test_other_names_still_raise(monkeypatch):
    import pytest

    with pytest.raises(AttributeError, match="NO_SUCH_DIR"):
        paths.NO_SUCH_DIR  # noqa: B018
