"""Notebook sources: find the ``NN-name.py`` notebooks, read them, inject parameters (papermill), read titles."""
from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from .. import paths
from .execute import KERNEL_NAME

#: notebooks are ``NN-name.py`` files in ``notebooks/``
NOTEBOOK_GLOB = "[0-9][0-9]-*.py"
#: the cell whose variables the build overrides (papermill's convention)
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
#: the comment heading the injected cell
INJECTED_COMMENT = "Parameters (injected by guanxian-analysis build)"

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"[*_`#>]+")


def find_notebooks(directory: Path | None = None) -> list[Path]:
    """The ``NN-name.py`` notebooks in ``directory`` (default ``notebooks/``), in run order.

    Examples
    --------
    >>> [p.name for p in find_notebooks()][:1]              # doctest: +SKIP
    ['00-overview.py']
    """
    directory = Path(directory) if directory is not None else paths.NOTEBOOKS_DIR
    return sorted(directory.glob(NOTEBOOK_GLOB))


def read_notebook(path: Path):
    """Read a ``py:percent`` notebook into an ``nbformat`` notebook with numbered cell ids.

    Examples
    --------
    >>> nb = read_notebook(find_notebooks()[0])             # doctest: +SKIP
    >>> nb.cells[0].id                                      # doctest: +SKIP
    'cell-00'
    """
    import jupytext

    nb = jupytext.read(Path(path), fmt="py:percent")
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
    return _number_cells(nb)


def _number_cells(nb):
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:02d}"
    return nb


def inject_parameters(nb, parameters: dict[str, Any] | None):
    """Return a copy of ``nb`` with ``parameters`` set in a cell after the one tagged ``parameters``.

    Papermill's own injection (``papermill.parameterize.parameterize_notebook``):
    the new cell is tagged ``injected-parameters`` and assigns each value, so the
    notebook's own defaults stay visible above it. No parameters, no new cell.
    Paths are passed as strings.

    Raises
    ------
    ValueError
        If parameters are given and no cell is tagged ``parameters`` (papermill
        would put them at the top instead), a name is not an identifier, or a
        value has no Python literal.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
    >>> print(inject_parameters(nb, {"x": 2, "name": "乡村"}).cells[1].source)
    # Parameters (injected by guanxian-analysis build)
    x = 2
    name = "乡村"
    <BLANKLINE>
    """
    import ast

    from papermill.parameterize import parameterize_notebook

    nb = copy.deepcopy(nb)
    if not parameters:
        return nb
    if not any(PARAMETERS_TAG in c.get("metadata", {}).get("tags", []) for c in nb.cells):
        raise ValueError(f"no cell is tagged {PARAMETERS_TAG!r}, so parameters {sorted(parameters)} cannot be injected")
    values = {}
    for name, value in parameters.items():
        if not name.isidentifier():
            raise ValueError(f"parameter name {name!r} is not a Python identifier")
        value = str(value) if isinstance(value, Path) else value
        ast.literal_eval(repr(value))  # refuses values that would not round-trip
        values[name] = value
    untagged = [cell for cell in nb.cells if "tags" not in cell.metadata]
    for cell in untagged:  # papermill reads every cell's tags (its loader adds them); added here, removed after
        cell.metadata["tags"] = []
    nb.metadata.setdefault("papermill", {})
    nb = parameterize_notebook(nb, values, comment=INJECTED_COMMENT, kernel_name=KERNEL_NAME, language="python")
    nb.metadata.pop("papermill", None)
    for cell in untagged:
        del cell.metadata["tags"]
    return _number_cells(nb)


def notebook_title(nb) -> tuple[str, str]:
    """The first heading of the first markdown cell, and the first sentence of the prose after it.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Economy\\n\\nWhat grows? More.")])
    >>> notebook_title(nb)
    ('Economy', 'What grows?')
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if not lines:
            continue
        title = lines[0].lstrip("#").strip() if lines[0].startswith("#") else ""
        prose = " ".join(l.strip() for l in lines[1:] if l.strip() and not l.startswith("#"))
        prose = _MD_MARKUP.sub("", _MD_LINK.sub(r"\1", prose)).strip()
        summary = re.split(r"(?<=[.?!])\s", prose, maxsplit=1)[0] if prose else ""
        return title, summary
    return "", ""


