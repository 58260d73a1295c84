"""The package's surface: every exported name resolves, and importing it does no heavy work."""
from __future__ import annotations

import subprocess
import sys

import guanxian_analysis as ga


def test_every_exported_name_resolves():
    missing = [name for name in ga.__all__ if getattr(ga, name, None) is None]
    assert missing == []
    assert callable(ga.tokenize) and callable(ga.load_report)
    assert issubclass(ga.ReportFormatError, ValueError)


def test_import_loads_no_heavy_library_and_reads_no_file():
    code = ("import sys, guanxian_analysis; "
            "print(sorted(m for m in ('pandas', 'jieba', 'matplotlib', 'opencc', 'seaborn', 'networkx') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_exported_functions_stay_functions_whatever_is_imported_first():
    """No module shares a name with a function exported at the root (tokenize, indicators)."""
    code = ("import guanxian_analysis as ga; ga.scoreboard; import guanxian_analysis.tokenizer; "
            "from guanxian_analysis.indicator_extraction import ranks; "
            "print(type(ga.indicators).__name__, type(ga.tokenize).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["function", "function"]


def test_no_module_is_named_like_an_exported_name():
    """The same rule for every module, subpackages' too (plots.text_charts, terms.counting …): a module named
    like a function its package exports would shadow that function once the module is imported."""
    import pkgutil

    from guanxian_analysis import plots, terms

    modules = {m.name.rsplit(".", 1)[-1] for m in pkgutil.walk_packages(ga.__path__, "guanxian_analysis.")}
    assert len(modules) > 50
    assert modules & {*ga.__all__, *plots.__all__, *terms.__all__} == set()


def test_every_subpackage_ships_in_the_wheel():
    """pyproject.toml lists the packages setuptools puts in the wheel: a subpackage left out would import from
    this checkout and be missing from an installed copy (the install test would fail only in the slow suite)."""
    import tomllib

    from guanxian_analysis import paths

    listed = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(paths.PROJECT_ROOT).parts)
             for p in (paths.PACKAGE_DIR).rglob("__init__.py") if "__pycache__" not in p.parts}
    assert set(listed["packages"]) == found
