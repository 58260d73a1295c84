"""The ``guanxian-analysis`` command line (argument parsing only; the work is in ``build`` and ``tables``).

``python -m guanxian_analysis`` is the same command. ``guanxian-analysis build``
runs every notebook (``notebooks/`` of the checkout, or the copies shipped in the
installed package) headless and writes the HTML reports, executed notebooks and
tables to ``reports/`` (of the checkout; ``./reports`` when installed; ``make
report`` calls it). Rerun on another report with ``--report`` (and
``--output-dir`` so the Guanxian pages are kept)::

    guanxian-analysis build
    guanxian-analysis build --report ../shared/other-reports/hailar-district-2019-government-work-report.txt \\
        --output-dir /tmp/hailar-reports
    guanxian-analysis build 01-economy -p top_n=30

``guanxian-analysis tables`` writes the report's structure tables, indicators and
number audit as CSV to ``data/processed/`` (of the checkout; ``./data/processed``
when installed; ``make report`` calls it first)::

    guanxian-analysis tables
    guanxian-analysis tables --report other.txt --output-dir /tmp/other-tables

Exit status: 0 when every notebook ran, 1 when a cell failed (its source and
traceback are printed), 2 for bad arguments.
"""
from __future__ import annotations

import argparse
import ast
import sys
import time
from pathlib import Path
from typing import Sequence


def _parameter(text: str) -> tuple[str, object]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip().isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    try:
        parsed: object = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        parsed = value  # a bare string
    return name.strip(), parsed


def make_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="guanxian-analysis", description="Run the analysis notebooks of a "
                                     "government work report and write HTML pages and tables.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="run the notebooks and write the HTML reports to reports/",
                            description="Run the notebooks headless and write HTML reports, executed notebooks, "
                                        "tables and an index.")
    b.add_argument("notebooks", nargs="*", metavar="NOTEBOOK",
                   help="notebooks to build (e.g. 01-economy); default: all of notebooks/NN-*.py")
    b.add_argument("--report", metavar="PATH", help="another report's text file (sets the report_path parameter)")
    b.add_argument("--script", choices=["simplified", "original"], help="script of the report text (parameter)")
    b.add_argument("-p", "--parameter", action="append", type=_parameter, default=[], metavar="NAME=VALUE",
                   help="set a notebook parameter (a Python literal or a bare string); repeatable")
    b.add_argument("-o", "--output-dir", metavar="DIR", help="where to write (default: reports/ of the checkout, or ./reports when installed)")
    b.add_argument("-j", "--jobs", type=int, metavar="N", help="notebooks run at once (default: number of CPUs)")
    b.add_argument("--force", action="store_true",
                   help="run every notebook, even those whose cached result is still valid (see README, Building)")
    b.add_argument("--timeout", type=int, default=600, metavar="SECONDS", help="longest a cell may run (default 600)")
    t = commands.add_parser("tables", help="write the report's tables as CSV to data/processed/",
                            description="Write parts, sections, paragraphs, sentences, glossary, cleaning, "
                                        "indicators and the number audit as CSV (UTF-8 with BOM).")
    t.add_argument("--report", metavar="PATH", help="another report's text file (default: the Guanxian 2022 report shipped with the package)")
    t.add_argument("--script", choices=["simplified", "original"], default="simplified")
    t.add_argument("-o", "--output-dir", metavar="DIR", help="where to write (default: data/processed/ of the checkout, or ./data/processed when installed)")
    return parser


def write_tables(report_path: str | None, script: str, output_dir: str | None) -> list[Path]:
    """Load a report and write its structure and indicator tables; return the files written."""
    from . import paths
    from .indicator_extraction import write_indicator_tables
    from .report import load_report
    from .tables import write_report_tables

    report = load_report(report_path, script=script)
    out = Path(output_dir) if output_dir else paths.PROCESSED_DIR
    return write_report_tables(report, out) + write_indicator_tables(report, out_dir=out)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``guanxian-analysis`` console script; returns the exit status."""
    args = make_parser().parse_args(argv)
    if args.command == "tables":
        from .errors import ReportFormatError

        try:
            written = write_tables(args.report, args.script, args.output_dir)
        except (FileNotFoundError, ReportFormatError) as exc:
            print(f"guanxian-analysis: {exc}", file=sys.stderr)
            return 2
        print(f"wrote {len(written)} tables to {written[0].parent}", file=sys.stderr)
        return 0
    from . import build as build_module

    parameters: dict[str, object] = {}
    if args.report:
        report = Path(args.report).expanduser().resolve()
        if not report.is_file():
            print(f"guanxian-analysis: no such report: {args.report}", file=sys.stderr)
            return 2
        parameters["report_path"] = str(report)
    if args.script:
        parameters["script"] = args.script
    parameters.update(dict(args.parameter))
    started = time.perf_counter()
    try:
        pages = build_module.build(args.notebooks or None, parameters=parameters, output_dir=args.output_dir,
                                   jobs=args.jobs, timeout=args.timeout, force=args.force)
    except build_module.BuildError as exc:
        print("\nBUILD FAILED\n", file=sys.stderr)
        for failure in exc.failures:
            print(failure, file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError) as exc:
        print(f"guanxian-analysis: {exc}", file=sys.stderr)
        return 2
    out = Path(args.output_dir) if args.output_dir else build_module.paths.REPORTS_DIR
    print(f"built {len(pages)} notebooks in {time.perf_counter() - started:.1f} s -> {out / 'index.html'}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
