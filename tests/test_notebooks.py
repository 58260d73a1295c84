"""The themed notebooks keep one skeleton, take their theme from their own file, and copy no logic."""
from __future__ import annotations

import re

import pytest

from guanxian_analysis import build

THEMED = {"01-economy": "economy", "02-rural-revitalisation": "rural", "03-environment": "environment",
          "04-livelihoods": "livelihoods"}
#: the shared sections every themed notebook has, in this order (theme-specific sections sit between them)
SKELETON = [
    r"## How much of the report .+ takes, and where",
    r"## Top terms and distinctive terms",
    r"## The (indicators of .+|.+'s indicators)",
    r"## Last year's outcomes against the year-ahead targets",
    r"### Where the county says it ranks",
    r"## Which words go together",
    r"## Findings",
]


def _notebook(name):
    return build.read_notebook(build.find_notebooks()[0].with_name(f"{name}.py"))


def _headings(nb) -> list[str]:
    return [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
            if line.startswith("#")]


@pytest.mark.parametrize("name", THEMED)
def test_each_themed_notebook_keeps_the_shared_skeleton_in_order(name):
    headings = _headings(_notebook(name))
    positions = []
    for pattern in SKELETON:
        found = [i for i, h in enumerate(headings) if re.fullmatch(pattern, h)]
        assert len(found) == 1, (name, pattern, headings)
        positions.append(found[0])
    assert positions == sorted(positions), (name, headings)


@pytest.mark.parametrize("name, theme", THEMED.items())
def test_the_theme_is_the_notebooks_own_not_a_parameter(name, theme):
    nb = _notebook(name)
    parameters = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1 and not re.search(r"^theme\s*=", parameters[0].source, re.M)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert sum(f'ga.theme_profile(report, "{theme}")' in c for c in code) == 1
    # the co-occurrence cell draws; it writes no table
    cooccurrence = [c for c in code if "plot_cooccurrence" in c]
    assert len(cooccurrence) == 1 and "save_table" not in cooccurrence[0]


def test_shared_cells_call_the_package_instead_of_repeating_steps():
    """No shared cell recomputes a table the theme profile holds, or repeats the steps of a section it shows:
    the figures, the KWIC note and lines, the tables written are one call each (profile, display, tables)."""
    for name in THEMED:
        code = "\n".join(c.source for c in _notebook(name).cells if c.cell_type == "code")
        for step in ("ga.term_frequencies(", "ga.distinctive_terms(", "nh.theme_and_rest(", "ga.scoreboard(",
                     "ga.ranks(", "ga.cooccurrence(", "ga.indicators(", "nh.theme_findings(",
                     "plt.", ".set_title(", "ga.plot_", "nh.chart(", "nh.kwic_table(", "nh.kwic_note(",
                     "nh.kwic_html(", "nh.save_table(", "nh.scoreboard_lines(", "nh.ranks_lines(", "nh.terms_finding(",
                     "ga.use_theme(", "nh.setup_display("):
            assert step not in code, (name, step)
        for section in ("profile.plot_terms(", "profile.terms_note()", "profile.plot_wordcloud()",
                        "nh.save_theme_tables(profile, tables_dir)", "profile.scoreboard_lines()",
                        "profile.plot_scoreboard()", "profile.ranks_lines()", "profile.plot_ranks()",
                        "profile.plot_cooccurrence()", "profile.findings(", "nh.setup_notebook()"):
            assert code.count(section) == 1, (name, section)
        assert code.count("profile.kwic(") >= 2, name
