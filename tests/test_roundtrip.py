"""Opening and saving a paired notebook through jupytext (as JupyterLab does) rewrites the .py byte for byte.

Works on a copy of ``notebooks/`` and ``jupytext.toml`` in a temporary folder; the checkout's notebooks are
checked to be unchanged afterwards.
"""
from __future__ import annotations

import asyncio
import hashlib
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from guanxian_analysis import paths

NOTEBOOKS = sorted(p.name for p in paths.NOTEBOOKS_DIR.glob("*.py"))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def checkout_before():
    before = _digest(paths.NOTEBOOKS_DIR)
    yield before
    assert _digest(paths.NOTEBOOKS_DIR) == before, "the test changed the checkout's notebooks"


@pytest.fixture()
def project(tmp_path, checkout_before) -> Path:
    """A copy of the notebooks and the jupytext configuration."""
    shutil.copytree(paths.NOTEBOOKS_DIR, tmp_path / "notebooks",
                    ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
    shutil.copy2(paths.PROJECT_ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    return tmp_path


def _as_after_a_run(model: dict) -> dict:
    """What a kernel run and JupyterLab add to a notebook: outputs, counts, language_info, cell UI metadata."""
    nb = model["content"]
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.2", "file_extension": ".py"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    count = 0
    for cell in nb.cells:
        cell.metadata["collapsed"] = False
        cell.metadata["jp-MarkdownHeadingCollapsed"] = True
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            cell.metadata["scrolled"] = True
            cell.metadata["execution"] = {"iopub.status.idle": "2026-11-27T09:00:00.000000Z"}
            cell.outputs = [{"output_type": "stream", "name": "stdout", "text": "冠县\n"}]
    return model


def test_every_notebook_is_checked():
    assert NOTEBOOKS == ["00-overview.py", "01-economy.py", "02-rural-revitalisation.py", "03-environment.py",
                         "04-livelihoods.py", "05-in-context.py", "06-a-county-over-time.py", "07-promises-and-money.py"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_open_and_save_keeps_the_py_byte_for_byte(project, name):
    import jupytext

    manager = jupytext.TextFileContentsManager(root_dir=str(project))
    path = f"notebooks/{name}"
    before = (project / path).read_bytes()
    manager.save(manager.get(path), path)
    assert (project / path).read_bytes() == before
    assert (project / path).with_suffix(".ipynb").is_file()  # the pair was written
    # saving the paired .ipynb after a run (outputs, language_info, cell UI state) leaves the .py as it was
    ipynb = path[:-3] + ".ipynb"
    manager.save(_as_after_a_run(manager.get(ipynb)), ipynb)
    assert (project / path).read_bytes() == before
    manager.save(_as_after_a_run(manager.get(path)), path)
    assert (project / path).read_bytes() == before


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_servers_async_contents_manager_keeps_the_py_too(project, name):
    """JupyterLab's server uses jupytext's manager derived from the async LargeFileManager."""
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(root_dir=str(project))
    path = f"notebooks/{name}"
    before = (project / path).read_bytes()

    async def round_trip():
        model = await manager.get(path)
        await manager.save(_as_after_a_run(model), path)

    # in a thread of its own: a session-wide Playwright (tests/test_build.py) may hold this thread's event loop
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, round_trip()).result()
    assert (project / path).read_bytes() == before


def test_without_the_filters_the_header_would_change(project):
    """The check can fail: with jupytext's default filters a save adds the version lines."""
    import jupytext

    (project / "jupytext.toml").write_text('formats = "ipynb,py:percent"\n', encoding="utf-8")
    manager = jupytext.TextFileContentsManager(root_dir=str(project))
    path = "notebooks/01-economy.py"
    before = (project / path).read_bytes()
    manager.save(manager.get(path), path)
    after = (project / path).read_text(encoding="utf-8")
    assert after.encode() != before and "jupytext_version:" in after
