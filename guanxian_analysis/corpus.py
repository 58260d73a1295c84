"""Several reports at once: ``load_reports()`` returns a :class:`Corpus` (loading and stacking; no analyses, no charts).

A corpus holds its :class:`~guanxian_analysis.report.Report` objects, ordered by place
and year, and gives the tables of one report stacked, with ``report_id, place, level,
year`` first. The analyses that need more than one report (theme shares side by side, term
rates by year, the terms new in each year of a place's series) are in
:mod:`guanxian_analysis.corpus_tables`.

=====================  ==============================================================
function               returns
=====================  ==============================================================
``load_reports``       a Corpus of every report in a folder or list of paths
``Corpus.paragraphs``  every report's paragraphs, stacked (``sentences`` likewise)
``Corpus.indicators``  ``ga.indicators(report)`` of every report, stacked
=====================  ==============================================================

Nothing heavy is imported at module import: worker processes of the pool import only
what loading a report needs.

Examples
--------
>>> import guanxian_analysis as ga
>>> corpus = ga.load_reports("../shared/corpus/hailar", progress=False)   # doctest: +SKIP
>>> corpus.meta[["report_id", "place", "level", "year"]].head(2)          # doctest: +SKIP
             report_id   place   level  year
0  hailar_district_2012  海拉尔区  county  2012
1  hailar_district_2013  海拉尔区  county  2013
"""
from __future__ import annotations

import os
import re
import sys
import warnings
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReportFormatError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report

__all__ = ["Corpus", "load_reports", "apply_metadata", "infer_level"]

#: the columns every stacked table starts with
KEY_COLUMNS = ("report_id", "place", "level", "year")
#: the columns of ``Corpus.meta``
META_COLUMNS = ("report_id", "path", "place", "level", "year", "title", "place_source", "level_source",
                "year_source", "place_as_written", "speaker_title", "meeting", "characters")
#: a county-level name written under its prefecture (呼伦贝尔市海拉尔区 → 海拉尔区)
_UNDER_PREFECTURE = re.compile(r"^\S+?(?:市|州|盟)(?P<county>\S+(?:县|区|旗))$")

#: failures that mean bad input (raised as ReportFormatError); any other is a bug, raised as RuntimeError
_INPUT_ERRORS = ("ReportFormatError", "FileNotFoundError", "IsADirectoryError", "PermissionError")
# reports loaded by load_reports in this process, keyed like load_report's own cache
_LOADED: OrderedDict[tuple, "Report"] = OrderedDict()
_LOADED_MAX = 128


# --------------------------------------------------------------------------- places and levels
def infer_level(place: str | None) -> str | None:
    """The administrative level a place name implies, or None when the name does not say.

    The loader's rule (:func:`guanxian_analysis.structure.place_level`), under the name
    this module has always exported.

    Examples
    --------
    >>> [infer_level(p) for p in ("全国", "山东省", "重庆市", "冠县", "呼伦贝尔市海拉尔区", "聊城市", None)]
    ['national', 'province', 'province', 'county', 'county', 'city', None]
    """
    from .structure import place_level

    return place_level(place)


def _short_place(place: str) -> str:
    """A county-level place without its prefecture, so that a series keeps one name."""
    m = _UNDER_PREFECTURE.match(place)
    return m.group("county") if m else place


def apply_metadata(report: "Report", row: dict | None = None) -> dict:
    """The place, level and year of a report, with the source of each value.

    The loader reads them from the text and says where it found each
    (``report.meta["provenance"]``: ``"meeting line"``, ``"title"``, ``"part heading"``,
    ``"place name"`` for a level implied by the place, ``"caller"``); values given in
    ``row`` (a row of the ``metadata`` table of :func:`load_reports`) win over the text,
    with source ``"metadata"``. A place given without a level gets the level its name
    implies (:func:`infer_level`). A county written under its prefecture
    (呼伦贝尔市海拉尔区) is shortened to the county (海拉尔区) so a series keeps one name;
    ``place_as_written`` keeps the original.

    Examples
    --------
    >>> from guanxian_analysis import load_report
    >>> v = apply_metadata(load_report(), {"level": "county"})
    >>> v["place"], v["place_source"], v["level"], v["level_source"], v["year"], v["year_source"]
    ('冠县', 'meeting line', 'county', 'metadata', 2022, 'meeting line')
    """
    from .report import LEVELS

    row = {k: v for k, v in (row or {}).items() if not _missing(v)}
    meta = report.meta
    provenance = meta.get("provenance") or {}

    def pick(name):
        if name in row:
            return row[name], "metadata"
        value = meta.get(name)
        return value, (provenance.get(name) or "text") if value is not None else None

    place_written, place_source = pick("place")
    place_written = str(place_written) if place_written is not None else None
    level, level_source = pick("level")
    if "level" in row and level not in LEVELS:
        raise ReportFormatError(f"metadata level {level!r} for {meta.get('source_path')}: expected one of {LEVELS}")
    if "place" in row and "level" not in row:
        level = infer_level(place_written)
        level_source = "place name" if level else None
    year, year_source = pick("year")
    return {"place": _short_place(place_written) if place_written else None, "place_source": place_source,
            "place_as_written": place_written, "level": level, "level_source": level_source,
            "year": int(year) if year is not None else None, "year_source": year_source}


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN
    except (TypeError, ValueError):  # pragma: no cover
        return False


# --------------------------------------------------------------------------- the corpus
@dataclass(frozen=True, eq=False)
class Corpus:
    """Several reports, ordered by place and year, with stacked tables.

    Attributes
    ----------
    reports : tuple of Report
        In the order of ``meta`` (by place, then year, then path).
    meta : DataFrame
        One row per report: ``report_id, path, place, level, year, title, place_source,
        level_source, year_source, place_as_written, speaker_title, meeting, characters``.
    errors : DataFrame
        ``path, error, message`` of the files that could not be loaded (only with
        ``load_reports(..., errors="collect")``; empty otherwise).

    Treat it as read-only, like a Report.
    """

    reports: tuple
    meta: "pd.DataFrame" = field(repr=False)
    errors: "pd.DataFrame" = field(repr=False)

    def __repr__(self) -> str:
        places = self.meta["place"].nunique()
        bad = f", {len(self.errors)} not loaded" if len(self.errors) else ""
        plural = "" if places == 1 else "s"
        return f"<Corpus {len(self.reports)} reports, {places} place{plural}{bad}>"

    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self):
        return iter(self.reports)

    def __getitem__(self, report_id: str) -> "Report":
        """The report with this ``report_id``."""
        try:
            return self.reports[self.report_ids.index(report_id)]
        except ValueError:
            raise KeyError(f"no report {report_id!r} in the corpus; it has {self.report_ids}") from None

    @property
    def report_ids(self) -> list[str]:
        """The ids of the reports, in order (the file name without extension)."""
        return list(self.meta["report_id"])

    def items(self):
        """``(meta row as dict, report)`` pairs, in order."""
        return zip(self.meta.to_dict("records"), self.reports)

    def _stack(self, tables: Iterable["pd.DataFrame"]) -> "pd.DataFrame":
        import pandas as pd

        pieces = []
        for row, table in zip(self.meta.to_dict("records"), tables):
            keyed = table.copy()
            for i, column in enumerate(KEY_COLUMNS):
                keyed.insert(i, column, row[column])
            pieces.append(keyed)
        if not pieces:
            return pd.DataFrame(columns=list(KEY_COLUMNS))
        return pd.concat(pieces, ignore_index=True)

    @property
    def paragraphs(self) -> "pd.DataFrame":
        """Every report's ``paragraphs`` stacked, ``report_id, place, level, year`` first."""
        return self._stack(r.paragraphs for r in self.reports)

    @property
    def sentences(self) -> "pd.DataFrame":
        """Every report's ``sentences`` stacked, ``report_id, place, level, year`` first."""
        return self._stack(r.sentences for r in self.reports)

    def indicators(self, *, errors: str = "raise") -> "pd.DataFrame":
        """``ga.indicators(report)`` for every report, stacked with the key columns first.

        Parameters
        ----------
        errors : {"raise", "collect"}
            ``"raise"``: if extraction fails on any report, raise a RuntimeError naming
            every failing report (all reports are tried first). ``"collect"``: return the
            table of the others, warn, and list the failures (``report_id, path, error,
            message``) in the result's ``attrs["errors"]``.
        """
        import pandas as pd

        from .indicator_extraction import indicators

        if errors not in ("raise", "collect"):
            raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
        tables, keep, failed = [], [], []
        for i, report in enumerate(self.reports):
            try:
                tables.append(indicators(report))
                keep.append(i)
            except Exception as exc:  # noqa: BLE001 - every failure is reported below
                row = self.meta.iloc[i]
                failed.append({"report_id": row.report_id, "path": row.path, "error": type(exc).__name__,
                               "message": str(exc)})
        message = "; ".join(f"{f['report_id']} ({f['path']}): {f['error']}: {f['message']}" for f in failed)
        if failed and errors == "raise":
            raise RuntimeError(f"indicator extraction failed for {len(failed)} report(s): {message}")
        sub = Corpus(tuple(self.reports[i] for i in keep), self.meta.iloc[keep].reset_index(drop=True), self.errors)
        table = sub._stack(tables)
        table.attrs["errors"] = pd.DataFrame(failed, columns=["report_id", "path", "error", "message"])
        if failed:
            warnings.warn(f"indicators left out for {len(failed)} report(s): {message}", stacklevel=2)
        return table


# --------------------------------------------------------------------------- loading
def _paths(paths_or_folder) -> list[Path]:
    if isinstance(paths_or_folder, (str, os.PathLike)):
        root = Path(paths_or_folder)
        if root.is_dir():
            found = sorted(p for p in root.rglob("*.txt") if p.is_file())
            if not found:
                raise FileNotFoundError(f"no .txt reports in {root}")
            return found
        return [root]
    return [Path(p) for p in paths_or_folder]


def _read_metadata(metadata) -> dict[str, dict]:
    """Metadata rows keyed by resolved path."""
    if metadata is None:
        return {}
    import pandas as pd

    table = metadata if isinstance(metadata, pd.DataFrame) else pd.read_csv(metadata, dtype={"place": str, "level": str})
    if "path" not in table.columns:
        raise ValueError("metadata needs a 'path' column (and any of place, level, year)")
    unknown = set(table.columns) - {"path", "place", "level", "year"}
    if unknown:
        raise ValueError(f"metadata columns {sorted(unknown)} are not understood; use path, place, level, year")
    base = Path(metadata).parent if not isinstance(metadata, pd.DataFrame) else Path.cwd()
    rows = {}
    for row in table.to_dict("records"):
        path = Path(row.pop("path"))
        rows[str((path if path.is_absolute() else base / path).resolve())] = row
    return rows


def _cache_key(path: Path, script: str) -> tuple:
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size, script)


def _load_one(path: str, script: str):
    """Worker: load one report; a failure comes back as (type name, message)."""
    from .report import load_report

    try:
        return load_report(path, script=script), None
    except Exception as exc:  # noqa: BLE001 - sent back and reported with the file's name
        return None, (type(exc).__name__, str(exc))


def _progress(total: int, progress: bool | None):
    """A tqdm bar, or a silent one; the notebook widget only where ipywidgets is installed.

    ``tqdm.auto`` warns on import in a kernel without ipywidgets ("IProgress not found"), so a
    quiet load does not import it and a shown bar falls back to the text bar there.
    """
    import importlib.util

    quiet = progress is False or (progress is None and not sys.stderr.isatty())
    if quiet or importlib.util.find_spec("ipywidgets") is None:
        from tqdm.std import tqdm
    else:
        from tqdm.auto import tqdm
    return tqdm(total=total, desc="loading reports", unit="report", disable=quiet)


def load_reports(
    paths_or_folder,
    *,
    metadata=None,
    script: str = "simplified",
    workers: int | None = None,
    progress: bool | None = None,
    errors: str = "raise",
) -> Corpus:
    """Load several reports into a :class:`Corpus`, in parallel across processes.

    Parameters
    ----------
    paths_or_folder : path-like or iterable of path-like
        A folder (every ``*.txt`` below it) or the report files.
    metadata : DataFrame or path-like of a CSV, optional
        Columns ``path`` (absolute, or relative to the CSV's folder / the working
        directory for a DataFrame) and any of ``place``, ``level``
        (national/province/city/county), ``year``: values the texts lack. A value given
        here wins over the text; ``meta`` says where each value came from (see
        :func:`apply_metadata`).
    script : {"simplified", "original"}
        As for :func:`~guanxian_analysis.load_report`.
    workers : int, optional
        Processes to load with; default the number of CPUs. ``1`` loads in this process
        (and fills ``load_report``'s own cache).
    progress : bool, optional
        Show a progress bar (tqdm). Default: only when stderr is a terminal.
    errors : {"raise", "collect"}
        ``"raise"``: after trying every file, raise one ReportFormatError naming every file
        that failed and why. ``"collect"``: return the reports that loaded, warn, and keep
        the failures in ``Corpus.errors``.

    Returns
    -------
    Corpus
        Reports ordered by place, year and path. Reports already loaded by an earlier
        call (same file, modification time, size and script) are reused, not re-read.

    Raises
    ------
    ReportFormatError
        A file is not a readable report (``errors="raise"``), or two files have the same
        name (their ids would clash).
    RuntimeError
        Loading failed with another exception (a bug in the loader); the message names
        every failing file with the exception's type and message.
    FileNotFoundError
        A path or the folder does not exist, or the folder holds no ``.txt`` file.

    Examples
    --------
    >>> corpus = load_reports("../shared/corpus/hailar", progress=False)   # doctest: +SKIP
    >>> corpus.report_ids[:2]                                              # doctest: +SKIP
    ['hailar_district_2012', 'hailar_district_2013']
    """
    import pandas as pd

    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    files = _paths(paths_or_folder)
    for path in files:
        if not path.exists():
            raise FileNotFoundError(f"report not found: {path}")
    rows_by_path = _read_metadata(metadata)
    keys = [_cache_key(p, script) for p in files]
    loaded: dict[int, "Report"] = {i: _LOADED[k] for i, k in enumerate(keys) if k in _LOADED}
    failures: dict[int, tuple[str, str]] = {}
    todo = [i for i in range(len(files)) if i not in loaded]
    n_workers = min(workers or os.cpu_count() or 1, max(len(todo), 1))
    with _progress(len(files), progress) as bar:
        bar.update(len(loaded))
        if n_workers <= 1:
            for i in todo:
                loaded[i], failure = _load_one(str(files[i]), script)
                if failure:
                    failures[i] = failure
                bar.update(1)
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(max_workers=n_workers) as pool:
                futures = {pool.submit(_load_one, str(files[i]), script): i for i in todo}
                for future in as_completed(futures):
                    i = futures[future]
                    loaded[i], failure = future.result()
                    if failure:
                        failures[i] = failure
                    bar.update(1)
    for i, key in enumerate(keys):
        if loaded.get(i) is not None:
            _LOADED[key] = loaded[i]
            _LOADED.move_to_end(key)
    while len(_LOADED) > _LOADED_MAX:
        _LOADED.popitem(last=False)

    error_table = pd.DataFrame([{"path": str(files[i]), "error": e, "message": m}
                                for i, (e, m) in sorted(failures.items())], columns=["path", "error", "message"])
    if failures:
        listing = "; ".join(f"{files[i]}: {m}" for i, (_, m) in sorted(failures.items()))
        if errors == "raise":
            if any(e not in _INPUT_ERRORS for e, _ in failures.values()):  # a loader bug, not bad input
                listing = "; ".join(f"{files[i]}: {e}: {m}" for i, (e, m) in sorted(failures.items()))
                raise RuntimeError(f"loading failed for {len(failures)} of {len(files)} report(s): {listing}")
            raise ReportFormatError(f"{len(failures)} of {len(files)} report(s) could not be loaded: {listing}")
        warnings.warn(f"{len(failures)} of {len(files)} report(s) not loaded: {listing}", stacklevel=2)

    records = []
    for i, path in enumerate(files):
        report = loaded.get(i)
        if report is None:
            continue
        values = apply_metadata(report, rows_by_path.get(str(path.resolve())))
        records.append({"report_id": path.stem, "path": str(path), **values, "title": report.meta.get("title"),
                        "speaker_title": report.meta.get("speaker_title"), "meeting": report.meta.get("meeting"),
                        "characters": len(report.text), "_report": report})
    ids = [r["report_id"] for r in records]
    clashes = sorted({i for i in ids if ids.count(i) > 1})
    if clashes:
        raise ReportFormatError(f"several files are named {clashes}; report ids come from file names and must differ")
    records.sort(key=lambda r: (r["place"] is None, r["place"] or "", r["year"] is None, r["year"] or 0, r["path"]))
    reports = tuple(r.pop("_report") for r in records)
    meta = pd.DataFrame(records, columns=list(META_COLUMNS))
    meta["year"] = meta["year"].astype("Int64")
    return Corpus(reports, meta, error_table)
