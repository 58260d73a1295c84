"""Running notebooks: the page record, errors, progress lines and headless execution with nbclient; no HTML here."""
from __future__ import annotations

import copy
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence, TextIO

from .. import paths
from .alt_text import KERNEL_ARGUMENT as KERNEL_ALT_ARGUMENT, add_alt_text

#: the kernel every notebook runs in
KERNEL_NAME = "python3"
#: seconds a single cell may take before the build gives up
CELL_TIMEOUT = 600
#: environment for the kernels: fixed hash seed so set order cannot vary between runs
KERNEL_ENV = {"PYTHONHASHSEED": "0", "PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


# --------------------------------------------------------------------------- results and errors
@dataclass(frozen=True)
class Page:
    """One built notebook.

    Attributes
    ----------
    name : str
        The notebook's file stem, e.g. ``"01-economy"``.
    title, summary : str
        The notebook's first heading and the first sentence after it.
    reader_html, code_html, notebook : Path
        The reader page, the page with code, the executed ``.ipynb``.
    seconds : float
        Wall time of the execution.
    cells : int
        Number of cells executed.
    """

    name: str
    title: str
    summary: str
    reader_html: Path
    code_html: Path
    notebook: Path
    seconds: float
    cells: int


@dataclass
class CellFailure(Exception):
    """A cell raised: which notebook, which cell, its source and the error."""

    notebook: str
    cell_index: int
    source: str
    ename: str
    evalue: str
    traceback: str = ""

    def __str__(self) -> str:
        rule = "-" * 72
        return (
            f"notebook {self.notebook} failed in cell {self.cell_index}:\n{rule}\n{self.source}\n{rule}\n"
            f"{self.traceback.rstrip() or f'{self.ename}: {self.evalue}'}\n"
        )


class BuildError(Exception):
    """The build failed; ``failures`` holds one :class:`CellFailure` (or other error) per notebook."""

    def __init__(self, failures: Sequence[BaseException]):
        self.failures = list(failures)
        super().__init__("\n".join(str(f) for f in self.failures))


# --------------------------------------------------------------------------- progress
@dataclass
class Progress:
    """Say which notebook runs: a line per start and finish, a live cell count on a terminal."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    total: int = 0
    live: bool | None = None
    _cells: dict[str, tuple[int, int]] = field(default_factory=dict)
    _started: int = 0

    def __post_init__(self) -> None:
        if self.live is None:
            self.live = bool(getattr(self.stream, "isatty", lambda: False)())

    def _clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")

    def _status(self) -> None:
        if self.live and self._cells:
            running = " · ".join(f"{n} {i}/{t}" for n, (i, t) in sorted(self._cells.items()))
            self.stream.write(f"\r\x1b[2Krunning: {running}")
            self.stream.flush()

    def line(self, text: str) -> None:
        self._clear()
        self.stream.write(text + "\n")
        self._status()
        self.stream.flush()

    def start(self, name: str, cells: int) -> None:
        self._started += 1
        self._cells[name] = (0, cells)
        self.line(f"running {name} ({self._started}/{self.total}, {cells} cells) ...")

    def cell(self, name: str, index: int) -> None:
        if name in self._cells:
            self._cells[name] = (index + 1, self._cells[name][1])
            self._status()

    def finish(self, name: str, seconds: float, ok: bool = True) -> None:
        self._cells.pop(name, None)
        self.line(f"{'done' if ok else 'FAILED'} {name} in {seconds:.1f} s")




async def execute_notebook(nb, *, name: str, progress: Progress | None = None, timeout: int = CELL_TIMEOUT,
                           cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run ``nb`` top to bottom in a fresh kernel and return the executed copy.

    Raises
    ------
    CellFailure
        With the failing cell's index, source and traceback.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = copy.deepcopy(nb)
    failure: dict[str, Any] = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        if progress is not None:
            progress.cell(name, cell_index)

    def on_cell_error(cell, cell_index, execute_reply):
        failure["index"] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        record_timing=False,
        allow_errors=False,
        resources={"metadata": {"path": str(cwd or paths.NOTEBOOKS_DIR)}},
        on_cell_executed=on_cell_executed,
        on_cell_error=on_cell_error,
        extra_arguments=[KERNEL_ALT_ARGUMENT],  # figures carry alt text (build.alt_text)
    )
    # the build says where tables go (tables_dir, or reports/data/): a GUANXIAN_TABLES_DIR left in the caller's
    # shell (make lab's scratch folder) must not send the built tables elsewhere
    inherited = {k: v for k, v in os.environ.items() if k != paths.TABLES_DIR_ENV}
    env = {**inherited, **KERNEL_ENV, **(env or {})}
    # the kernel process's own stderr (startup notices, C-level warnings) goes to a log, not the build's output;
    # what the notebook prints or warns reaches its outputs over the kernel protocol as usual
    log_path = paths.ensure_dir(paths.CACHE_DIR / "build") / f"{name}.kernel.log"
    try:
        with open(log_path, "w", encoding="utf-8") as log:
            await client.async_execute(env=env, stderr=log)
    except CellExecutionError as exc:
        index = failure.get("index", -1)
        source = nb.cells[index].source if 0 <= index < len(nb.cells) else ""
        text = "\n".join(_ANSI.sub("", line) for line in (exc.traceback or "").splitlines())
        raise CellFailure(name, index, source, exc.ename, exc.evalue, text) from None
    except Exception as exc:  # the kernel died or would not start, a cell timed out, ...
        tail = "".join(log_path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)[-20:])
        raise RuntimeError(f"notebook {name} could not run: {exc!r}\nkernel log ({log_path}):\n{tail}") from exc
    return add_alt_text(normalise_notebook(nb))


def normalise_notebook(nb):
    """Drop what varies between runs (execution timestamps, jupytext and papermill bookkeeping)."""
    nb.metadata.pop("jupytext", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
    return nb


