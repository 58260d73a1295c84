"""Copies the single-sourced files into the wheel; all other metadata is in pyproject.toml.

The default report (``data/raw/*.txt``) and the notebooks (``notebooks/NN-*.py``) have one copy each in
the repository, where a reader finds them. ``build_py`` copies them byte for byte into the built package as
``guanxian_analysis/data/raw/`` and ``guanxian_analysis/notebooks/``, so an installed package has them as
package data (``guanxian_analysis.paths`` finds them there, or in the checkout).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: (source folder in the repository, glob, destination inside the package)
SINGLE_SOURCED = (
    ("data/raw", "*.txt", "data/raw"),
    ("notebooks", "[0-9][0-9]-*.py", "notebooks"),
)


class build_py_with_single_sourced(build_py):
    """``build_py`` that also copies the raw report and the notebooks, unedited, into the package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads them from the checkout
            return
        package = Path(self.build_lib) / "guanxian_analysis"
        for source, pattern, target in SINGLE_SOURCED:
            files = sorted((ROOT / source).glob(pattern))
            if not files:
                raise FileNotFoundError(f"nothing matches {source}/{pattern}: the package would be incomplete")
            destination = package / target
            destination.mkdir(parents=True, exist_ok=True)
            for path in files:
                shutil.copyfile(path, destination / path.name)  # bytes only: the copy is the file


setup(cmdclass={"build_py": build_py_with_single_sourced})
