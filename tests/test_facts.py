"""Every count a page states about the report, checked against the report's own text (issue 10, item 9).

The counts are recounted here from the text with patterns of their own (part headings 一、…, section
headings （一）…, glossary entries …（第N页）：), not read back from the tables that produced them.
"""
from __future__ import annotations

import re

import pytest

import guanxian_analysis as ga
from guanxian_analysis import display, findings, paths

_PART_LINE = re.compile(r"^([一二三四五六七八九十]+)、[^。]{1,38}$")
_SECTION = re.compile(r"^（[一二三四五六七八九十]+）")
_GLOSSARY_ENTRY = re.compile(r"^.+?（第\d+页）：")


def _lines(report):
    return report.text_simplified.split("\n")


def _stated(sentence: str, noun: str) -> int:
    match = re.search(rf"(\d[\d,]*) {noun}", sentence)
    assert match, (noun, sentence)
    return int(match.group(1).replace(",", ""))


@pytest.fixture(params=["guanxian", "hailar"])
def any_report(request, report, hailar):
    return {"guanxian": report, "hailar": hailar}[request.param]


def test_the_guanxian_report_has_four_numbered_parts(report):
    facts = findings.report_facts(report)
    assert [m.group(1) for line in _lines(report) if (m := _PART_LINE.match(line))] == ["一", "二", "三", "四"]
    assert "in 4 numbered parts with 17 numbered sections" in facts  # was "3 numbered parts"


def test_report_facts_counts_match_the_text(any_report):
    facts = findings.report_facts(any_report)
    lines = _lines(any_report)
    parts = [m.group(1) for line in lines if (m := _PART_LINE.match(line))]
    assert _stated(facts, "numbered parts?") == len(parts) == findings.numbered_parts(any_report)
    body_lines = lines[:next((i for i, line in enumerate(lines) if "名词解释" in line and len(line) <= 40),
                             len(lines))]
    sections = sum(1 for line in body_lines for piece in re.split(r"(?<=。)", line) if _SECTION.match(piece))
    assert _stated(facts, "numbered sections?") == sections
    entries = sum(1 for line in lines if _GLOSSARY_ENTRY.match(line))
    if entries:
        assert _stated(facts, "terms") == entries
        assert _stated(findings.glossary_facts(any_report, ga.numbered_phrases(any_report)), r"terms\*\*") == entries
    else:
        assert "glossary" not in facts
    body_text = "\n".join(body_lines)
    assert _stated(facts, r"characters\*\*") == len(body_text) - body_text.count("\n")


def test_parts_count_on_hailar_is_three(hailar):
    assert "in 3 numbered parts" in findings.report_facts(hailar)


def test_theme_overview_counts_match_the_paragraphs(report):
    text = findings.theme_overview(report, "environment")
    body = report.paragraphs[report.paragraphs.part != "glossary"]
    mine = int((body.theme == "environment").sum())
    assert f"**{mine} of {len(body)} paragraphs**" in text


# --------------------------------------------------------------------------- the glossary page's slogans
def _slogan_annotation() -> "pd.DataFrame":
    import pandas as pd

    return pd.read_csv(paths.PROJECT_ROOT / "tests" / "fixtures" / "numbered_slogans_annotated.csv")


def _body_and_glossary(report) -> tuple[str, list[str]]:
    lines = _lines(report)
    cut = next(i for i, line in enumerate(lines) if "名词解释" in line and len(line) <= 40)
    return "\n".join(lines[:cut]), lines[cut + 1:]


def test_the_numbered_slogan_count_on_the_glossary_page_is_the_annotated_one(report):
    """00-overview's glossary line against a hand annotation of every quoted (and three unquoted) numbered
    expressions of the body, written from the text: 47 slogans; a brand (聊胜一筹), a title, a planning term
    (多规合一), a motto and an idiom (四两拨千斤: four taels move a thousand jin) are not slogans."""
    annotated = _slogan_annotation()
    slogans = annotated[annotated.slogan == "yes"].phrase.tolist()
    body, glossary = _body_and_glossary(report)
    assert all(phrase in body for phrase in annotated.phrase)  # the annotation quotes the text
    text = findings.glossary_facts(report, ga.numbered_phrases(report))
    assert _stated(text, r"numbered slogans\*\*") == len(slogans) == 47
    # "N of them defined in the glossary": the slogans that head a glossary entry (“…”（第N页）：)
    keys = {m.group(1) for line in glossary if (m := re.match(r"^“([^”]+)”[^（]*（第\d+页）：", line))}
    assert f"{sum(s in keys for s in slogans)} of them defined in the glossary" in text
    assert f"{sum(s in keys for s in slogans)} of them" == "21 of them"
    # the most repeated, counted in the body text (uses overlap nothing here: each phrase found by str.count)
    uses = {s: body.count(s) for s in slogans}
    top = max(uses.values())
    most = sorted((s for s in slogans if uses[s] == top), key=body.find)  # in the order of first use
    assert f"each used {top} times: " + ", ".join(f"“{s}”" for s in most) in text
    assert f"the other {len(slogans) - len(most)} once." in text and set(uses.values()) == {1, top}


def test_the_slogan_table_lists_the_annotated_slogans_with_their_uses_in_the_text(report):
    annotated = _slogan_annotation()
    body, _ = _body_and_glossary(report)
    table = display.phrase_display(ga.numbered_phrases(report))
    assert table.phrase.tolist() == sorted(annotated[annotated.slogan == "yes"].phrase, key=body.find)
    assert dict(zip(table.phrase, table.uses)) == {p: body.count(p) for p in table.phrase}


def test_a_report_without_a_glossary_is_not_said_to_define_0_terms(hailar):
    text = findings.glossary_facts(hailar, ga.numbered_phrases(hailar))
    assert text.startswith("The report has no glossary. Its body uses **")
    assert "0 terms" not in text and "defined in the glossary" not in text


# --------------------------------------------------------------------------- paragraphs, sentences, themes
def _body_lines(report) -> list[str]:
    lines = _lines(report)
    cut = next((i for i, line in enumerate(lines) if "名词解释" in line and len(line) <= 40), len(lines))
    return [line for line in lines[:cut] if line.strip()]


def _sentences_in(line: str) -> int:
    """Sentences of one line: pieces ending in 。！？； (or the line's end), terminators inside “…” not counted."""
    outside = re.sub(r"“[^”]*”", "“”", line)
    return sum(1 for piece in re.split(r"(?<=[。！？；])", outside) if piece.strip())


def test_report_facts_paragraphs_and_sentences_match_the_text(any_report):
    facts = findings.report_facts(any_report)
    lines = _body_lines(any_report)
    assert _stated(facts, "paragraphs?") == len(lines)
    assert _stated(facts, "sentences?") == sum(_sentences_in(line) for line in lines)


def test_the_guanxian_report_has_89_paragraphs_and_420_sentences(report):
    assert "in 89 paragraphs and 420 sentences" in findings.report_facts(report)


def test_theme_shares_cover_every_body_paragraph(any_report):
    """The overview's theme list: the six themes' paragraph counts add up to the text's paragraphs, and each
    theme page's "N of M paragraphs" has the text's M."""
    lines = findings.theme_share_lines(ga.theme_share(any_report)).splitlines()
    stated = [_stated(line, "paragraphs?") for line in lines]
    assert len(lines) == 6 and sum(stated) == len(_body_lines(any_report))
    for theme in ("economy", "rural", "environment", "livelihoods", "urban", "governance"):
        assert re.search(rf"\*\*\d+ of {len(_body_lines(any_report))} paragraphs\*\*",
                         findings.theme_overview(any_report, theme)), theme


def test_the_kept_whole_count_names_the_reports_own_compounds(report):
    from guanxian_analysis.terms import report_vocabulary

    words, _ = report_vocabulary(report)
    note = findings.terms_note(report)
    # the compounds written in the text as they are: not 专精特新企业 (written “专精特新”企业) nor the put-together
    # metric name 县级重点项目总投资, which no token of the text can match (86 derived, 69 written)
    written = {w for w in words if w in report.text_simplified}
    assert "专精特新企业" in words and "专精特新企业" not in written and "棚户区改造项目" in written
    assert _stated(note, "compounds") == len(written) == 69


# --------------------------------------------------------------------------- numbers and ranks on the theme pages
THEMES = ("economy", "rural", "environment", "livelihoods", "urban", "governance")


def _annotated_indicators():
    import pandas as pd

    return pd.read_csv(paths.PROJECT_ROOT / "tests" / "fixtures" / "indicators_annotated.csv")


def test_audit_counts_match_the_text_and_the_annotation(report):
    """“The text holds N number mentions: I are indicators, E excluded”: I is the hand annotation's 208, every
    number written in digits is a mention (counted by a regex on the text), and N = I + E."""
    audit = ga.number_audit(report)
    text = findings.audit_facts(audit)
    total = _stated(text, r"number mentions\*\*")
    kept = int(re.search(r"\*\*(\d+)\*\* are indicators", text).group(1))
    excluded = int(re.search(r"\*\*(\d+)\*\* are excluded", text).group(1))
    assert kept == len(_annotated_indicators()) == 208 and total == kept + excluded
    digits = [m.start() for m in re.finditer(r"\d+(?:[.,]\d+)*", report.text_simplified)]
    assert sorted(audit[audit.text.str.contains(r"\d")].start) == digits
    assert total >= len(digits)


def test_theme_pages_number_lines_add_up_to_the_annotated_indicators(report):
    """Each theme page's "N indicators: o outcomes and t targets. e outcomes are only expected" (findings) and "N indicators, t of them
    targets" (indicator_count): over the six themes they are the hand annotation's indicators, by status."""
    annotated = _annotated_indicators()
    totals = {"all": 0, "actual": 0, "estimate": 0, "target": 0}
    for theme in THEMES:
        profile = ga.theme_profile(report, theme)
        line = next(l for l in profile.findings().splitlines() if "**Numbers.**" in l)
        m = re.search(r"(\d+) indicators?: (\d+) outcomes? and (\d+) targets?\.", line)
        assert m, line
        n, outcomes, target = map(int, m.groups())
        expected = re.search(r"(All|\d+ outcomes?) (?:are|is) only expected", line)
        estimate = 0 if expected is None else (
            outcomes if expected.group(1) == "All" else int(expected.group(1).split()[0]))
        actual = outcomes - estimate
        assert n == outcomes + target
        assert findings.indicator_count(profile.theme_indicators) == f"**{n}** indicators, {target} of them targets."
        for key, value in zip(totals, (n, actual, estimate, target)):
            totals[key] += value
    by_status = annotated.status.value_counts()
    assert totals == {"all": len(annotated), "actual": by_status["actual"], "estimate": by_status["estimate"],
                      "target": by_status["target"]}


#: a rank claim as the text writes it: a place (第2位; 第1、第2位 are two), or a scoped standing without one
_PLACE = re.compile(r"第(\d+)(?=、|位)")
_STANDING = re.compile(r"(?:全市|全省)(?:前列|最多|唯一|率先|领先|第一档)|全市前移")
#: a claim's label in the ranks finding, the claim as the text writes it: (全市第2位), (全省前列) …
_CLAIM_LABEL = re.compile(r"\((全[市省国县区][^()]*?)\):")


def test_theme_pages_rank_lines_add_up_to_the_claims_in_the_text(report):
    """The ranks finding's claims, grouped by label (2nd in the city (全市第2位): “A”, “B”): over the six themes, the claims a regex finds in
    the body (31: 12 places, 6 of them first, 19 standings); per theme, at least the claims of the paragraphs
    annotated with that theme alone and at most those annotated with it as first or second theme (a clause about
    air in a paragraph annotated rural, second theme environment, may be filed as environment)."""
    import pandas as pd

    annotation = pd.read_csv(paths.PROJECT_ROOT / "tests" / "fixtures" / "themes_annotated.csv").set_index("id")
    body = report.paragraphs[report.paragraphs.part != "glossary"]
    found = {"claims": 0, "places": 0, "first": 0}
    low, high = dict.fromkeys(THEMES, 0), dict.fromkeys(THEMES, 0)
    for p in body.itertuples():
        places = _PLACE.findall(p.text)
        n = len(places) + len(_STANDING.findall(p.text))
        found["claims"] += n
        found["places"] += len(places)
        found["first"] += places.count("1")
        main, second = annotation.loc[p.paragraph_id, ["theme", "second_theme"]]
        high[main] += n
        if isinstance(second, str):
            high[second] += n
        else:  # a paragraph an analyst files under one theme only: its claims are that theme's
            low[main] += n
    assert found == {"claims": 31, "places": 12, "first": 6}
    stated = {"claims": 0, "places": 0, "first": 0}
    for theme in THEMES:
        lines = [l for l in ga.theme_profile(report, theme).findings().splitlines() if "**Ranks" in l]
        claims = places = first = 0
        for line in lines:  # "2nd in the city (全市第2位): “A” (…), “B”; among the top … (全市前列): “C”"
            labels = list(_CLAIM_LABEL.finditer(line))
            assert labels, line
            for label, after in zip(labels, labels[1:] + [None]):
                group = line[label.end(): after.start() if after else len(line)]
                n = group.count("“")  # each claimed item is quoted once (quotes inside it are single: ‘三资’)
                claims += n
                place = re.fullmatch(r"全[市省国]第(\d+)位", label.group(1))
                places += n if place else 0
                first += n if place and place.group(1) == "1" else 0
        assert low[theme] <= claims <= high[theme], (theme, claims, low[theme], high[theme])
        for key, value in zip(stated, (claims, places, first)):
            stated[key] += value
    assert stated == found


# --------------------------------------------------------------------------- the promises page
#: where commitments() and the hand annotation (tests/fixtures/commitments_annotated.csv) differ, clause by
#: clause (bench_commitments: 339 of 340 found): (sentence, clause) -> what the extractor does differently
KNOWN_COMMITMENT_DIFFERENCES = {
    ("s0206", "分类分业施策"): "missed: the object comes before the verb 施策",
    ("s0280", "推动汇源乡村振兴产业园新上浓缩线、果浆线"): "found, but its two production lines are not named deliverables",
    ("s0336", "著力打造“无废城市”"): "found as improve, not a bid for the title 无废城市",
    ("s0259", "申报一批重点人才工程和科研平台"): "科研平台 taken as a named deliverable",
    ("s0364", "推进“百日无案辖区和零发案辖区”创建"): "the quoted title taken as a named deliverable",
    ("s0385", "用好“冠县就业”智慧平台"): "an existing platform taken as a named deliverable, so checkable",
}


def test_promises_page_counts_are_the_annotations_but_for_the_known_differences(report):
    """07's first paragraph (“holds N commitments … C of them can be checked: Q state a quantity, D a deadline,
    L name a deliverable and H bid for an honour”) recounted from the hand annotation, with the extractor's
    known differences applied clause by clause; the verb-class and theme lines add up to N."""
    import pandas as pd

    from guanxian_analysis import promise_findings

    a = pd.read_csv(paths.PROJECT_ROOT / "tests" / "fixtures" / "commitments_annotated.csv")
    promises = ga.commitments(report)
    found = set(zip(promises.sentence_id, promises.clause))
    annotated = set(zip(a.sentence_id, a.clause))
    assert annotated - found == {("s0206", "分类分业施策")} and found - annotated == set()
    differing = set(KNOWN_COMMITMENT_DIFFERENCES)
    mine = promises[[(s, c) not in differing for s, c in zip(promises.sentence_id, promises.clause)]]
    theirs = a[[(s, c) not in differing for s, c in zip(a.sentence_id, a.clause)]]
    # away from the known differences the two agree on every count the page states
    assert mine.checkable.astype(bool).sum() == theirs.checkable.astype(bool).sum()
    assert (mine.verb_class == "bid_honour").sum() == (theirs.verb_class == "bid_honour").sum()
    assert (mine.deliverables.fillna("").astype(str) != "").sum() == theirs.deliverables.notna().sum()
    text = promise_findings.commitment_facts(promises)
    n = len(a) - 1  # the one clause missed
    checkable = int(a.checkable.sum()) - 2 + 1  # s0280 and s0336 missed as checkable, s0385 taken as checkable
    assert _stated(text, r"commitments\*\*") == n == 339
    assert f"**{checkable}** of them" in text and checkable == 101
    assert f"{a.quantity.notna().sum()} state a quantity, {a.deadline.notna().sum()} a deadline" in text
    named = int(a.deliverables.notna().sum()) - 2 + 3  # s0280, s0336 not named; s0259, s0364, s0385 named
    assert f"{named} name a deliverable and {int((a.verb_class == 'bid_honour').sum()) - 1} bid for an honour" in text
    assert f"The other {n - checkable} give no checkable end." in text
    for by in ("verb_class", "theme"):
        lines = promise_findings.commitment_lines(ga.commitment_summary(promises, by=by)).splitlines()
        stated = [int(re.search(r": (\d+) commitments?", line).group(1)) for line in lines if re.search(r": \d+ commit", line)]
        assert sum(stated) == n, by


# --------------------------------------------------------------------------- the in-context page
def test_echo_counts_are_the_county_texts(report):
    """05's “Of the N policy phrases …, E are echoed word for word (“制造业” 4× …), 0 in other words and A not at
    all”: E is the phrases found by str.find in the county's body, each quoted count its str.count there."""
    from guanxian_analysis import comparison_findings as cf

    national = ga.load_report(paths.SHARED_CORPUS_DIR / "national" / "national_2022.txt")
    echo = ga.phrase_echo(national, report)
    text = report.text_simplified
    body = text[:text.index("2022年《政府工作报告》名词解释")]
    found = [p for p in echo.phrase if p in body]
    summary = cf.echo_summary(echo)
    assert _stated(summary, r"policy phrases\*\*") == len(echo)
    assert f"**{len(found)}** are echoed word for word" in summary and len(found) == 13
    assert f"**0** in other words and **{len(echo) - len(found)}** not at all" in summary
    for phrase, times in re.findall(r"“([^”]+)” (\d+)×", summary.split("not at all")[0]):
        assert body.count(phrase) == int(times), phrase


# --------------------------------------------------------------------------- the economy page's projects figures
def test_projects_and_investment_count_is_the_annotated_figures_about_them(report):
    """01's “N figures in the report measure projects or investment”: the hand-annotated indicators whose metric
    names a project, an investment, attracting investment or foreign capital, less housing and urban renewal
    (棚户区改造项目, 城市更新项目, 征收项目: filed under urban development, issue 10 item 5): 22, value for value."""
    annotated = _annotated_indicators()
    metric = annotated.metric.fillna("")
    about = annotated[metric.str.contains("项目|投资|招商|外资") & ~metric.str.contains("棚户区|城市更新|征收")]
    profile = ga.theme_profile(report, "economy")
    projects = ga.coverage.theme_indicators(profile.indicators, "economy", terms=["项目", "投资", "招商", "外资"])
    assert len(projects) == len(about) == 22
    assert sorted(zip(projects.value, projects.unit)) == sorted(zip(about.value.astype(float), about.unit))
