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
