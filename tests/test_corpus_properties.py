"""Property tests on real reports: mutated corpus texts give a report and indicators, or ReportFormatError.

Each example takes a real report from ../shared/corpus and damages it as scraped pages are damaged:
lines dropped, punctuation switched between full and half width, digits made full-width, page
furniture (controls, source lines, 相关报道 tails) inserted. Nothing but ReportFormatError may escape
loading and extraction, and when a report comes back its tables stay consistent with its text.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import guanxian_analysis as ga
from guanxian_analysis import ReportFormatError, paths
from guanxian_analysis.decoding import decode_report_bytes
from guanxian_analysis.report import parse_report

CORPUS = paths.PROJECT_ROOT.parent / "shared" / "corpus"
FILES = sorted(CORPUS.rglob("*.txt"))
HALF = dict(zip("，：；！？（）", ",:;!?()"))
FULL = {v: k for k, v in HALF.items()}
FURNITURE = ["下载", "打印", "【字号：大 中 小】", "来源：人民日报", "时间：2026-01-22 09:00", "相关报道：",
             "责任编辑：张三", "扫一扫在手机打开当前页", "第3页", "上一页 下一页", "附件1", "（完）"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    assert FILES, f"no corpus under {CORPUS}"  # fail, never skip
    return [decode_report_bytes(f.read_bytes())[0] for f in FILES]


@st.composite
def mutation(draw):
    return {
        "file": draw(st.integers(0, len(FILES) - 1)),
        "drop": draw(st.lists(st.floats(0, 1), max_size=8)),
        "width": draw(st.sampled_from(["keep", "half", "full"])),
        "digits": draw(st.booleans()),
        "furniture": draw(st.lists(st.tuples(st.floats(0, 1), st.sampled_from(FURNITURE)), max_size=5)),
        "cut": draw(st.one_of(st.none(), st.floats(0, 1))),
    }


def mutate(text: str, m: dict) -> str:
    lines = text.splitlines()
    for position in m["drop"]:
        if lines:
            del lines[int(position * (len(lines) - 1))]
    for position, line in m["furniture"]:
        lines.insert(int(position * len(lines)), line)
    out = "\n".join(lines)
    if m["width"] == "half":
        out = out.translate(str.maketrans(HALF))
    elif m["width"] == "full":
        out = out.translate(str.maketrans(FULL))
    if m["digits"]:
        out = out.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if m["cut"] is not None:
        out = out[: int(m["cut"] * len(out))]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(mutation())
def test_mutated_reports_load_or_raise_report_format_error(texts, m):
    text = mutate(texts[m["file"]], m)
    try:
        report = parse_report(text.encode("utf-8"))
    except ReportFormatError as exc:
        assert str(exc)  # a message saying what was expected
        return
    table = ga.indicators(report)
    assert report.meta["year"] is not None
    for row in report.sentences.itertuples():
        assert report.text[row.start:row.end] == row.text
    for row in table.itertuples():
        assert report.text[row.start:row.end] in report.sentences.set_index("sentence_id").loc[row.sentence_id, "text"]
    ga.number_audit(report)
    ga.scoreboard(report)


def test_full_width_digits_give_the_same_indicators(texts):
    """A report written with full-width digits yields the same values as the original."""
    original = parse_report(texts[FILES.index(CORPUS / "hailar/hailar_district_2019.txt")].encode())
    wide = parse_report(original.raw_text.translate(str.maketrans("0123456789", "０１２３４５６７８９")).encode())
    a, b = ga.indicators(original), ga.indicators(wide)
    assert len(a) == len(b) > 80
    assert a[["value", "unit", "metric", "period"]].equals(b[["value", "unit", "metric", "period"]])
