"""The commitment tracking sheet: the commitments as CSV and as an Excel workbook to fill in (no extraction).

The workbook has one row per commitment, an empty ``status`` column with a drop-down
(:data:`STATUS_CHOICES`: done, partly, not done, unclear), an empty ``evidence`` column, a frozen header row, filters on every column, set
column widths, wrapped text and the source sentence in full. The CSV has the same columns
(UTF-8 with BOM, so Excel opens it in the right encoding). Both files depend only on the table:
the workbook's created/modified dates and its zip entries carry a fixed time
(:data:`FIXED_TIME`), so a rerun writes the same bytes, as the rest of the build does.

Examples
--------
>>> import guanxian_analysis as ga
>>> csv_path, xlsx_path = ga.write_tracking_sheet(ga.commitments(ga.load_report()))  # doctest: +SKIP
"""
from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pandas as pd

from . import paths
from .tables import write_csv

__all__ = ["write_tracking_sheet", "tracking_table", "STATUS_CHOICES", "TRACKING_COLUMNS", "COLUMN_WIDTHS"]

#: the time stamped in the workbook (document properties and zip entries), so a rerun writes the same bytes
FIXED_TIME = datetime.datetime(1980, 1, 1)
#: the values an analyst picks for ``status``
STATUS_CHOICES = ("done", "partly", "not done", "unclear")
#: the sheet's columns, in order: what was promised, the two columns to fill in, then the source
TRACKING_COLUMNS = [
    "commitment_id", "theme", "section", "verb_class", "verb", "object", "quantity", "deadline",
    "deliverables", "checkable", "status", "evidence", "clause", "sentence", "sentence_id",
]

#: column widths in the workbook (characters; CJK characters count about double)
COLUMN_WIDTHS = {
    "commitment_id": 10, "theme": 11, "section": 8, "verb_class": 14, "verb": 10, "object": 30,
    "quantity": 16, "deadline": 10, "deliverables": 28, "checkable": 10, "status": 11, "evidence": 40,
    "clause": 40, "sentence": 80, "sentence_id": 10,
}


def tracking_table(commitments: pd.DataFrame) -> pd.DataFrame:
    """The tracking sheet's rows: the commitments with empty ``status`` and ``evidence`` columns.

    Parameters
    ----------
    commitments : pandas.DataFrame
        The table from :func:`~guanxian_analysis.commitments` (not modified).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TRACKING_COLUMNS`.

    Examples
    --------
    >>> import pandas as pd
    >>> from guanxian_analysis.commitment_extraction import COMMITMENT_COLUMNS
    >>> tracking_table(pd.DataFrame(columns=COMMITMENT_COLUMNS)).columns[10:12].tolist()
    ['status', 'evidence']
    """
    table = commitments.copy()
    table["status"] = ""
    table["evidence"] = ""
    return table[TRACKING_COLUMNS].reset_index(drop=True)


def write_tracking_sheet(commitments: pd.DataFrame, out_dir: Path | str | None = None, *,
                         name: str = "commitments-tracking") -> tuple[Path, Path]:
    """Write the tracking sheet as ``<name>.csv`` (UTF-8 with BOM) and ``<name>.xlsx``.

    Parameters
    ----------
    commitments : pandas.DataFrame
        The table from :func:`~guanxian_analysis.commitments`.
    out_dir : path, optional
        Default ``reports/data/``.
    name : str
        File name without extension.

    Returns
    -------
    tuple of Path
        The CSV and the workbook.

    Examples
    --------
    >>> import tempfile, guanxian_analysis as ga
    >>> csv_path, xlsx_path = ga.write_tracking_sheet(ga.commitments(ga.load_report()), tempfile.mkdtemp())
    >>> xlsx_path.suffix, csv_path.read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    ('.xlsx', True)
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    out_dir = paths.ensure_dir(Path(out_dir) if out_dir is not None else paths.REPORTS_DATA_DIR)
    table = tracking_table(commitments)
    csv_path = write_csv(table, out_dir / f"{name}.csv")

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "commitments"
    sheet.append(list(table.columns))
    for row in table.itertuples(index=False):
        sheet.append([bool(v) if isinstance(v, bool) else ("" if pd.isna(v) else v) for v in row])
    last_row = max(sheet.max_row, 2)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(table.columns, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = COLUMN_WIDTHS.get(column, 14)
        if column in ("object", "deliverables", "evidence", "clause", "sentence"):
            for cell in sheet[letter][1:]:
                cell.alignment = wrap
    status_letter = get_column_letter(table.columns.get_loc("status") + 1)
    validation = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="status",
                                error="Choose one of: " + ", ".join(STATUS_CHOICES))
    validation.add(f"{status_letter}2:{status_letter}{last_row}")
    sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{last_row}"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx_path = out_dir / f"{name}.xlsx"
    xlsx_path.write_bytes(_fixed_zip_times(buffer.getvalue()))
    return csv_path, xlsx_path


def _fixed_zip_times(data: bytes) -> bytes:
    """The workbook ``data`` with every zip entry and the ``modified`` property dated :data:`FIXED_TIME`.

    openpyxl stamps both with the time of saving (``save_workbook`` resets ``properties.modified``).
    """
    import re

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                                 content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()
