"""README's guide to the notebook helpers lists every public function of the helper modules, with its docstring's
first line, so it cannot drift from the code.

To regenerate the table after adding, renaming or re-documenting a helper::

    .venv/bin/python tests/test_readme_helpers.py --write
"""
from __future__ import annotations

import importlib
import inspect
import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- helpers-table:start (tests/test_readme_helpers.py) -->", "<!-- helpers-table:end -->"
#: the modules the notebooks reach as ``nh`` (guanxian_analysis.notebook_helpers re-exports them), in reading order
MODULES = ("coverage", "profile", "findings", "display", "tables")
#: helpers whose docstring opens with an example instead of a summary line (the table shows their signature);
#: the test fails when one is fixed or another appears, so this list stays exact
WITHOUT_SUMMARY: set[str] = set()


def public_helpers(module_name: str) -> list[tuple[str, str]]:
    """``(name, first docstring line)`` of the functions and classes a module defines and does not hide (``_x``).

    A subpackage (``findings``) defines them in its modules and lists them in its ``__all__``.
    """
    module = importlib.import_module(f"guanxian_analysis.{module_name}")
    package = hasattr(module, "__path__")
    found = []
    for name, value in vars(module).items():
        if name.startswith("_") or not (inspect.isfunction(value) or inspect.isclass(value)):
            continue
        own = (value.__module__.startswith(module.__name__ + ".") and name in module.__all__) if package \
            else value.__module__ == module.__name__
        if not own:
            continue  # imported from elsewhere
        doc = (inspect.getdoc(value) or "").strip()
        first = doc.splitlines()[0] if doc else ""
        found.append((name, "" if first.startswith(">>>") else first))
    return found


def _markdown(line: str) -> str:
    """A docstring line for a Markdown table: Sphinx roles and double backquotes become code spans."""
    line = re.sub(r":\w+:`~?([\w.]+)`", lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", line)
    return line.replace("``", "`").replace("|", r"\|")


def helpers_table() -> str:
    lines = ["| helper | what it does | `ga.` | `nh.` |", "|---|---|---|---|"]
    import guanxian_analysis as ga
    from guanxian_analysis import notebook_helpers as nh

    for module_name in MODULES:
        module = importlib.import_module(f"guanxian_analysis.{module_name}")
        for name, line in public_helpers(module_name):
            value = getattr(module, name)
            at_root = "yes" if name in ga.__all__ and getattr(ga, name) is value else ""
            in_nh = "yes" if getattr(nh, name, None) is value else ""
            description = _markdown(line) if line else f"`{name}{str(inspect.signature(value)).replace(chr(39), '')}`"
            lines.append(f"| `{module_name}.{name}` | {description} | {at_root} | {in_nh} |")
    return "\n".join(lines)


def _readme_block(text: str) -> str:
    assert START in text and END in text, f"README.md lacks the {START} … {END} block"
    return text.split(START, 1)[1].split(END, 1)[0].strip("\n")


def test_every_helper_has_a_one_line_description():
    missing = {f"{m}.{name}" for m in MODULES for name, line in public_helpers(m) if not line}
    assert missing == WITHOUT_SUMMARY


def test_readme_lists_every_helper_as_the_code_says():
    block = _readme_block(README.read_text(encoding="utf-8"))
    expected = helpers_table()
    assert block == expected, ("README's helper table is out of date; regenerate it with "
                               "`.venv/bin/python tests/test_readme_helpers.py --write`")


def test_the_table_has_the_helpers_the_notebooks_use():
    table = helpers_table()
    for used in ("coverage.theme_indicators", "coverage.kwic_table", "findings.tables_note", "display.kwic_html",
                 "display.scroll_table", "profile.theme_profile", "tables.save_table", "tables.tables_note"):
        assert f"| `{used}` |" in table, used


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {sys.argv[0]} --write")
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{helpers_table()}\n{END}{tail}", encoding="utf-8")
    print(f"updated {README}")
