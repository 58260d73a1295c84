"""Write the report's tables as CSV files that Excel opens correctly and that are identical on a rerun."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import paths

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .report import Report

STRUCTURE_TABLES = ("parts", "sections", "paragraphs", "sentences", "glossary", "cleaning")


def write_csv(table: "pd.DataFrame", path: Path) -> Path:
    """Write ``table`` as UTF-8 CSV with a BOM (for Excel) and LF line ends, without the index.

    The bytes depend only on the table, so a rerun writes the same file.

    >>> import pandas as pd, tempfile, pathlib
    >>> out = write_csv(pd.DataFrame({"词": ["乡村振兴"]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> out.read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    paths.ensure_dir(path.parent)
    table.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def write_report_tables(report: "Report", out_dir: Path | None = None) -> list[Path]:
    """Write the structure tables (parts, sections, paragraphs, sentences, glossary, cleaning).

    Parameters
    ----------
    report : Report
    out_dir : Path, optional
        Default ``data/processed/``.

    Returns
    -------
    list of Path
        The files written, ``<table>.csv`` each.
    """
    out_dir = out_dir or paths.PROCESSED_DIR
    return [write_csv(getattr(report, name), out_dir / f"{name}.csv") for name in STRUCTURE_TABLES]
