"""The build itself: run the notebooks (several at a time), export the pages, write the index and tables."""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any, Sequence

from .. import paths
from .cache import TABLES_LOG_ENV, ResultCache, notebook_key, read_tables_log
from .execute import CELL_TIMEOUT, BuildError, Page, Progress, execute_notebook
from .fonts import embed_cjk_font
from .index import _existing_pages, render_index
from .notebooks import NOTEBOOK_GLOB, PARAMETERS_TAG, find_notebooks, inject_parameters, notebook_title, read_notebook
from .pages import export_html, page_file


def build(notebooks: Sequence[Path | str] | None = None, *, parameters: dict[str, Any] | None = None,
          output_dir: Path | str | None = None, jobs: int | None = None, timeout: int = CELL_TIMEOUT,
          progress: Progress | None = None, force: bool = False) -> list[Page]:
    """Run every notebook headless and write the HTML reports, executed notebooks and index.

    Parameters
    ----------
    notebooks : sequence of paths, optional
        ``py:percent`` notebooks; default every ``notebooks/NN-*.py``. Names
        without a directory are looked up in ``notebooks/``.
    parameters : dict, optional
        Values injected after each notebook's ``parameters`` cell, e.g.
        ``{"report_path": "...", "script": "original"}``.
    output_dir : path, optional
        Where to write; default ``paths.REPORTS_DIR`` (``reports/`` of the
        checkout, or ``./reports`` from an installed package). When it is not
        the checkout's ``reports/`` the notebooks' ``tables_dir`` parameter
        points into it too, so a run on another report does not overwrite
        ``reports/data/``.
    jobs : int, optional
        Notebooks run at the same time (default: the number of CPUs).
    timeout : int
        Seconds one cell may run.
    progress : Progress, optional
        Where to report; default a :class:`Progress` on stderr.
    force : bool
        Run every notebook even when an executed result with the same key is
        cached. Without it a notebook whose source, parameters, package files,
        report and pinned environment are unchanged since it last ran is not run
        again: its executed notebook and tables come from the cache
        (:mod:`~guanxian_analysis.build.cache`) and the progress says ``reused``.

    Returns
    -------
    list of Page

    Raises
    ------
    BuildError
        If any cell fails; the error lists each failing cell with its source
        and traceback. Pages of the notebooks that ran are still written.

    Examples
    --------
    >>> pages = build(["01-economy"])                       # doctest: +SKIP
    >>> pages[0].reader_html                                # doctest: +SKIP
    PosixPath('.../reports/01-economy.html')
    """
    return asyncio.run(build_async(notebooks, parameters=parameters, output_dir=output_dir, jobs=jobs,
                                   timeout=timeout, progress=progress, force=force))


def clean_outputs(out_dir: Path) -> None:
    """Remove the pages, executed notebooks and tables a build writes into ``out_dir`` (screenshots stay)."""
    for pattern in ("*.html", "notebooks/*.ipynb", "data/*.csv"):
        for path in out_dir.glob(pattern):
            path.unlink()


def _report_label(parameters: dict[str, Any]) -> str:
    """Name the report the notebooks ran on from its own meta (the index says which report it is)."""
    from ..report import load_report
    from .index import report_label

    report = load_report(parameters.get("report_path"), script=parameters.get("script", "simplified"))
    return report_label(report.meta)


def _resolve(notebooks: Sequence[Path | str] | None) -> list[Path]:
    if notebooks is None:
        found = find_notebooks()
        if not found:
            raise FileNotFoundError(f"no notebooks matching {NOTEBOOK_GLOB} in {paths.NOTEBOOKS_DIR}")
        return found
    resolved = []
    for item in notebooks:
        path = Path(item)
        if not path.suffix:
            path = path.with_suffix(".py")
        if not path.is_absolute() and not path.exists():
            path = paths.NOTEBOOKS_DIR / path.name
        if not path.is_file():
            raise FileNotFoundError(f"notebook not found: {item}")
        resolved.append(path)
    return resolved


async def build_async(notebooks: Sequence[Path | str] | None = None, *, parameters: dict[str, Any] | None = None,
                      output_dir: Path | str | None = None, jobs: int | None = None, timeout: int = CELL_TIMEOUT,
                      progress: Progress | None = None, force: bool = False) -> list[Page]:
    """:func:`build` as a coroutine (for callers that already run an event loop)."""
    import nbformat

    sources = _resolve(notebooks)
    out_dir = Path(output_dir) if output_dir is not None else paths.REPORTS_DIR
    parameters = dict(parameters or {})
    automatic: dict[str, Any] = {}
    in_checkout = paths.in_checkout()
    if (not in_checkout or out_dir.resolve() != paths.REPORTS_DIR.resolve()) and "tables_dir" not in parameters:
        automatic["tables_dir"] = str((out_dir / "data").resolve())
    paths.ensure_dir(out_dir)
    if notebooks is None:  # a full build owns these files: remove what an earlier build left
        clean_outputs(out_dir)
    paths.ensure_dir(out_dir / "notebooks")
    paths.ensure_dir(out_dir / "data")
    progress = progress or Progress()
    progress.total = len(sources)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(sources)))
    # the kernels' working directory: notebooks/ in a checkout, else the caller's (never site-packages)
    kernel_cwd = paths.NOTEBOOKS_DIR if in_checkout else Path.cwd()

    prepared = []
    for source in sources:
        nb = read_notebook(source)
        # the caller's parameters always (an error without a parameters cell); tables_dir only where there is one
        tagged = any(PARAMETERS_TAG in c.get("metadata", {}).get("tags", []) for c in nb.cells)
        nb = inject_parameters(nb, {**parameters, **automatic} if tagged else parameters)
        title, summary = notebook_title(nb)
        prepared.append((source.stem, nb, title, summary))
    listing = [(name, title) for name, _, title, _ in prepared]

    semaphore = asyncio.Semaphore(jobs)
    export_lock = asyncio.Lock()  # one export at a time (in a thread, so the kernels' messages keep flowing)
    failures: list[BaseException] = []
    done: dict[str, tuple[Page, dict[Path, str]]] = {}

    # what shapes a page besides the executed notebook: its name and title, the other pages it links to, and where
    # its table links are rebased from and to
    variant = hashlib.sha256(json.dumps([listing, str(kernel_cwd), str(out_dir)], ensure_ascii=False)
                             .encode("utf-8")).hexdigest()[:16]

    def export(name: str, title: str, summary: str, nb, seconds: float, key: str) -> tuple[Page, dict[Path, str]]:
        notebook_path = out_dir / "notebooks" / f"{name}.ipynb"
        notebook_path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        reader, code = out_dir / page_file(name, with_code=False), out_dir / page_file(name, with_code=True)
        # links the notebook made relative to its kernel's folder are rebased to the pages' folder
        links = {"links_from": kernel_cwd, "links_to": out_dir}
        kept = cache.get_pages(name, key, variant)
        if kept is None:
            kept = {"reader": export_html(nb, name=name, title=title, with_code=False, pages=listing, **links),
                    "code": export_html(nb, name=name, title=title, with_code=True, pages=listing, **links)}
            cache.put_pages(name, key, variant, kept)
        pages = {reader: kept["reader"], code: kept["code"]}
        page = Page(name, title, summary, reader, code, notebook_path, seconds,
                    sum(c.cell_type == "code" for c in nb.cells))
        return page, pages

    cache = ResultCache()
    reused: list[str] = []

    async def run(name: str, nb, title: str, summary: str) -> None:
        key = notebook_key(nb, parameters={**parameters, **automatic})
        cached = None if force else cache.get(name, key)
        if cached is not None:  # same source, parameters, package, report and environment: the same result
            for path, data in cached.tables.items():
                paths.ensure_dir(path.parent)
                path.write_bytes(data)
            result, seconds = cached.notebook, cached.seconds
            reused.append(name)
            progress.line(f"reused {name} (unchanged since it last ran; --force runs it again)")
        else:
            async with semaphore:
                started = time.perf_counter()
                progress.start(name, sum(c.cell_type == "code" for c in nb.cells))
                log = paths.ensure_dir(paths.CACHE_DIR / "build") / f"{name}.tables.log"
                log.unlink(missing_ok=True)
                try:
                    result = await execute_notebook(nb, name=name, progress=progress, timeout=timeout,
                                                    cwd=kernel_cwd, env={TABLES_LOG_ENV: str(log)})
                except Exception as exc:  # a failing cell (CellFailure), the kernel died, a timeout, ...
                    progress.finish(name, time.perf_counter() - started, ok=False)
                    failures.append(exc)
                    return
                seconds = time.perf_counter() - started
                progress.finish(name, seconds)
            cache.put(name, key, result, read_tables_log(log), seconds)
        # export after releasing the slot: the next notebook starts while this one is written
        async with export_lock:
            done[name] = await asyncio.to_thread(export, name, title, summary, result, seconds, key)

    await asyncio.gather(*(run(name, nb, title, summary) for name, nb, title, summary in prepared))

    pages: list[Page] = [done[name][0] for name, *_ in prepared if name in done]
    rendered: dict[Path, str] = {path: page for name, *_ in prepared if name in done
                                 for path, page in done[name][1].items()}
    if not failures and pages:
        index_pages = pages if notebooks is None else _existing_pages(out_dir, pages)
        rendered[out_dir / "index.html"] = render_index(index_pages, out_dir=out_dir, report=_report_label(parameters),
                                                        parameters={**parameters, **automatic})
    for path, page in embed_cjk_font(rendered).items():
        path.write_text(page, encoding="utf-8")
    if reused:
        progress.line(f"reused {len(reused)} of {len(prepared)} notebooks: {', '.join(sorted(reused))}")
    if failures:
        raise BuildError(failures)
    return pages
