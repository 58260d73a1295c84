"""Reuse executed notebooks: a content-hash cache keyed on everything a notebook's result depends on.

A notebook's executed result (the ``.ipynb`` and the CSV tables it wrote) is a
function of: its source with the injected parameters, the package's code and data
files, the report's bytes, the pinned environment (``requirements.lock``), the
Python version and the kernel's environment. :func:`notebook_key` hashes all of
them; :class:`ResultCache` stores a result under its key in
``paths.CACHE_DIR / "build" / "results"`` and gives it back when the key matches.
Nothing else is trusted: no timestamps, no file names alone.

Examples
--------
>>> cache = ResultCache(Path("/tmp/gx-cache"))                       # doctest: +SKIP
>>> key = notebook_key(nb, parameters={})                           # doctest: +SKIP
>>> cache.get("01-economy", key) is None                            # doctest: +SKIP
True
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import paths
from ..tables import TABLES_LOG_ENV  # noqa: F401  (the kernels' tables log)

#: bump when the layout of a cache entry changes
CACHE_VERSION = "1"


def _hash_files(digest, root: Path, files: list[Path]) -> None:
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


@lru_cache(maxsize=None)
def _package_digest(root: Path, stamps: tuple) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    _hash_files(digest, root, files)
    return digest.hexdigest()


def package_digest() -> str:
    """SHA-256 of every code and data file of the installed ``guanxian_analysis`` package (paths and bytes).

    >>> len(package_digest())
    64
    """
    root = paths.PACKAGE_DIR
    # memoised per state of the tree (size and mtime of every file), so a long-lived process sees edits
    stamps = tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")
                          if p.is_file() and "__pycache__" not in p.parts))
    return _package_digest(root, stamps)


def environment_digest() -> str:
    """SHA-256 of the pinned environment (``requirements.lock`` when present), the Python version and the kernel env.

    >>> len(environment_digest())
    64
    """
    from .execute import KERNEL_ENV, KERNEL_NAME

    digest = hashlib.sha256()
    lock = paths.PROJECT_ROOT / "requirements.lock"
    if lock.is_file():
        digest.update(lock.read_bytes())
    else:  # an installed package: the versions of what is installed stand in for the lock
        from importlib.metadata import distributions

        digest.update("\n".join(sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())).encode())
    digest.update(sys.version.encode())
    digest.update(json.dumps([KERNEL_NAME, KERNEL_ENV], sort_keys=True).encode())
    return digest.hexdigest()


def report_digest(parameters: dict[str, Any]) -> str:
    """SHA-256 of the bytes of the report the notebooks read (``report_path``, default the packaged report)."""
    path = Path(parameters.get("report_path") or paths.RAW_REPORT)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing:" + str(path)


def notebook_key(nb, *, parameters: dict[str, Any]) -> str:
    """The cache key of one notebook run: a SHA-256 over everything its executed result depends on.

    ``nb`` is the notebook as it will run (parameters injected), so its source and
    parameters are both in it. The package files, report bytes and environment are
    added by :func:`package_digest`, :func:`report_digest` and :func:`environment_digest`.

    Examples
    --------
    >>> import nbformat
    >>> a = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    >>> b = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 2")])
    >>> notebook_key(a, parameters={}) == notebook_key(b, parameters={})
    False
    """
    import nbformat

    digest = hashlib.sha256(CACHE_VERSION.encode())
    for part in (nbformat.writes(nb), package_digest(), report_digest(parameters), environment_digest()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedResult:
    """An executed notebook and the tables it wrote (absolute path -> bytes)."""

    notebook: Any
    tables: dict[Path, bytes]
    seconds: float


class ResultCache:
    """Executed notebooks stored by key: ``<root>/<name>/<key>/notebook.ipynb``, ``tables.json`` and ``tables/``.

    The ``KEEP`` most recently used entries per notebook name are kept (the Guanxian build and a build on
    another report both stay warm), so the cache does not grow with every edit.
    """

    KEEP = 4

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else paths.CACHE_DIR / "build" / "results"

    def _entry(self, name: str, key: str) -> Path:
        return self.root / name / key

    def get(self, name: str, key: str) -> CachedResult | None:
        """The stored result of ``name`` under ``key``, or ``None``."""
        import nbformat

        entry = self._entry(name, key)
        try:
            manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
            nb = nbformat.reads((entry / "notebook.ipynb").read_text(encoding="utf-8"), as_version=4)
            tables = {Path(path): (entry / "tables" / stored).read_bytes() for path, stored in manifest["tables"]}
        except (OSError, ValueError, KeyError):
            return None
        os.utime(entry / "manifest.json")  # recently used: kept longest
        return CachedResult(nb, tables, float(manifest.get("seconds", 0.0)))

    def put(self, name: str, key: str, nb, tables: list[Path], seconds: float) -> None:
        """Store ``nb`` and a copy of each table file under ``key`` (replacing ``name``'s older entries)."""
        import nbformat

        self._evict(name, keep=self.KEEP - 1)
        shutil.rmtree(self._entry(name, key), ignore_errors=True)
        entry = paths.ensure_dir(self._entry(name, key) / "tables").parent
        stored = []
        for i, path in enumerate(dict.fromkeys(tables)):
            if path.is_file():
                copy = f"{i:03d}-{path.name}"
                shutil.copyfile(path, entry / "tables" / copy)
                stored.append([str(path), copy])
        (entry / "notebook.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
        # the manifest last: an entry without one (an interrupted write) is never read
        (entry / "manifest.json").write_text(json.dumps({"tables": stored, "seconds": seconds}), encoding="utf-8")


    def _evict(self, name: str, *, keep: int) -> None:
        def used(entry: Path) -> float:
            try:
                return (entry / "manifest.json").stat().st_mtime
            except OSError:
                return 0.0

        entries = sorted((e for e in (self.root / name).glob("*") if e.is_dir()), key=used, reverse=True)
        for entry in entries[keep:]:
            shutil.rmtree(entry, ignore_errors=True)

    def get_pages(self, name: str, key: str, variant: str) -> dict[str, str] | None:
        """Pages exported from the result under ``key`` for ``variant`` (a hash of what else shaped them)."""
        try:
            return json.loads((self._entry(name, key) / f"pages-{variant}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put_pages(self, name: str, key: str, variant: str, pages: dict[str, str]) -> None:
        """Keep the exported pages of the result under ``key`` (exporting takes about a second a page)."""
        entry = self._entry(name, key)
        if (entry / "manifest.json").is_file():
            (entry / f"pages-{variant}.json").write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")


def read_tables_log(path: Path) -> list[Path]:
    """The table files a kernel logged as written (one absolute path a line); ``[]`` when none were."""
    if not path.is_file():
        return []
    return [Path(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
