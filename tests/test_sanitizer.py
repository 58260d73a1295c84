"""The helpers' HTML under the two sanitizers a notebook meets (issue 12: raw <p>, <thead>, <mark class="gx-hit">).

- nbconvert's ``clean_html``, which File › Save and Export Notebook As › HTML applies when "Sanitize HTML output"
  is ticked: the very function, on the helpers' output for the real report;
- JupyterLab's sanitizer for untrusted outputs: its allow-lists (tags, attributes, CSS properties) are read from
  the JupyterLab installed in ``.venv`` (its ``jlab_core`` bundle), and the markup is checked against them.

In both, nothing may be shown as a tag, and each row must still read as one line of text.
"""
from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import guanxian_analysis as ga
from guanxian_analysis import display

LAB_STATIC = Path(sys.prefix) / "share" / "jupyter" / "lab" / "static"


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.elements


def style_properties(style: str) -> list[str]:
    return [part.split(":", 1)[0].strip() for part in style.split(";") if part.strip()]


def row_lines(markup: str) -> list[str]:
    """The text of each row once every tag's styles are gone (separators shown), as a sanitizer leaves it."""
    rows = re.findall(r'<div class="gx-row[^"]*"[^>]*>(.*?)</div>', markup, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", row)) for row in rows]


@pytest.fixture(scope="module")
def outputs(report, indicator_table) -> dict[str, str]:
    """What the notebooks display: KWIC lines, the indicator table, the numbered phrases (with an index)."""
    economy = ga.theme_indicators(indicator_table, "economy")
    return {
        "kwic": display.kwic_html(ga.kwic_table(report, ["河湖长制", "灵芝"], per_term=3)),
        "indicators": display.scroll_table(display.indicator_display(economy)),
        "phrases": display.scroll_table(display.phrase_display(ga.numbered_phrases(report)).set_index("phrase"),
                                        index=True),
    }


@pytest.fixture(scope="module")
def lab_allow_list() -> dict[str, set[str]]:
    bundles = sorted(LAB_STATIC.glob("jlab_core.*.js"))
    assert bundles, f"no JupyterLab bundle in {LAB_STATIC}"
    source = bundles[0].read_text(encoding="utf-8")
    # apputils' Sanitizer: the allow-list that has <canvas> in it, then its attributes for every tag ("*")
    found = re.search(r'allowedTags:\[([^\]]*"canvas"[^\]]*)\],allowedAttributes:\{"\*":\[([^\]]*)\]', source)
    assert found, "JupyterLab's sanitizer allow-list not found in its bundle"
    styles = re.search(r"allowedStyles:\{(.{0,12000}?)\}\}", source, re.S)
    assert styles
    return {"tags": set(re.findall(r'"([a-z0-9]+)"', found.group(1))),
            "attributes": set(re.findall(r'"([a-z-]+)"', found.group(2))),
            "styles": set(re.findall(r'"([a-z-]+)":\[', styles.group(1)))}


def test_the_allow_lists_are_the_ones_the_issue_is_about(lab_allow_list):
    from nbconvert.filters.strings import clean_html

    # nbconvert's list lacks the tags the issue saw as text; JupyterLab's has them
    assert clean_html("<p>x</p><mark>y</mark>") == "&lt;p&gt;x&lt;/p&gt;&lt;mark&gt;y&lt;/mark&gt;"
    assert {"p", "thead", "th", "mark", "div", "span", "strong"} <= lab_allow_list["tags"]
    assert {"class", "style"} <= lab_allow_list["attributes"]
    assert "display" not in lab_allow_list["styles"] and "text-align" in lab_allow_list["styles"]


@pytest.mark.parametrize("name", ["kwic", "indicators", "phrases"])
def test_nbconvert_sanitizer_shows_no_tag_as_text(outputs, name):
    from nbconvert.filters.strings import clean_html

    markup = outputs[name]
    cleaned = clean_html(markup)
    assert "&lt;" not in cleaned, cleaned[:300]
    # every element survives (only the style attributes go), so every row is still there
    assert [tag for tag, _ in elements(cleaned)] == [tag for tag, _ in elements(markup)]
    assert all(set(attrs) <= {"class"} for _, attrs in elements(cleaned))
    assert row_lines(cleaned) == row_lines(markup)


@pytest.mark.parametrize("name", ["kwic", "indicators", "phrases"])
def test_jupyterlab_sanitizer_keeps_every_tag_and_attribute(outputs, lab_allow_list, name):
    used = elements(outputs[name])
    assert {tag for tag, _ in used} <= lab_allow_list["tags"]
    assert {a for _, attrs in used for a in attrs} <= lab_allow_list["attributes"]
    properties = {p for _, attrs in used for p in style_properties(attrs.get("style", ""))}
    # layout (display; position and top for the sticky header) is what an untrusted notebook drops: it gets the
    # one-line-per-row fallback, as under nbconvert's sanitizer
    sticky = set() if name == "kwic" else {"position", "top"}
    assert properties - lab_allow_list["styles"] == {"display"} | sticky


def test_each_row_reads_as_one_line_without_styles(report, outputs):
    hits = ga.kwic_table(report, ["河湖长制", "灵芝"], per_term=3)
    lines = row_lines(outputs["kwic"])
    assert lines[0] == "left · term · right · section · theme · paragraph"
    first = hits.iloc[0]
    assert first.term == "河湖长制" and not isinstance(first.section, str)   # a hit outside a numbered section
    assert lines[1] == f"{first.left}河湖长制{first.right} · – · environment · {first.paragraph_id}"
    assert "河湖长制" in lines[1] and len(lines) == len(hits) + 1
    table = row_lines(outputs["indicators"])
    assert table[0] == "figure · metric · kind · period · status · section · source"
    assert any(line.startswith("6%左右 · 生产总值 · growth_rate · 2022 · target · ") for line in table), table[:5]
