"""The loader on other reports and on bad input: nothing tuned to one file, clear errors."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guanxian_analysis import ReportFormatError, load_report
from guanxian_analysis.report import parse_report

HEADER = "2022年政府工作报告\n——2022年1月20日在冠县第十八届\n人民代表大会第一次会议上\n冠县县长 张志刚\n"


def test_hailar_parts_year_and_sections(hailar):
    assert hailar.meta["year"] == 2019 and hailar.meta["review_year"] == 2018
    assert hailar.meta["meeting_date"] == "2019-03-04"
    assert hailar.meta["place"] == "呼伦贝尔市海拉尔区"
    assert hailar.meta["speaker"] == "萨国文"
    assert list(zip(hailar.parts.part, hailar.parts.segment, hailar.parts.period.fillna(""))) == [
        ("opening", "opening", ""),
        ("一", "review_last_year", "2018"),
        ("一", "review_summary", ""),
        ("二", "year_ahead", "2019"),
        ("三", "self_building", ""),
        ("三", "closing", ""),
    ]
    assert hailar.sections.groupby("part").size().to_dict() == {"一": 6, "二": 6, "三": 5}
    assert hailar.sections.set_index("section_id").loc["二.4", "title"] == "围绕乡村振兴战略"
    assert hailar.glossary.empty
    assert hailar.cleaning.set_index("step").loc["normalize_newlines", "count"] > 80  # CRLF line ends
    targets = hailar.sentences[hailar.sentences.text.str.startswith("经济社会发展的主要预期目标是")]
    assert targets.period.tolist() == ["2019"]


@pytest.fixture(scope="module")
def seed_variants(report, report_original, tmp_path_factory):
    """Files derived from the seed: clean simplified, GBK, Big5, BOM + CRLF, without glossary."""
    folder = tmp_path_factory.mktemp("variants")
    clean_simplified = HEADER + report.text_simplified
    no_glossary = HEADER + report.text_simplified[: report.parts.set_index("segment").loc["glossary", "start"]]
    big5_text = HEADER.replace("县", "縣") + report_original.text_original
    files = {
        "simplified": clean_simplified.encode("utf-8"),
        "gbk": clean_simplified.encode("gbk"),
        "big5": big5_text.encode("big5", errors="replace"),
        "bom_crlf": codecs.BOM_UTF8 + clean_simplified.replace("\n", "\r\n").encode("utf-8"),
        "no_glossary": no_glossary.encode("utf-8"),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_bytes(data)
    return paths


@pytest.mark.parametrize("variant, encoding", [
    ("simplified", "utf-8"), ("gbk", "gb18030"), ("big5", "big5"), ("bom_crlf", "utf-8-sig"),
])
def test_variants_of_the_seed_give_the_same_structure(report, seed_variants, variant, encoding):
    other = load_report(seed_variants[variant])
    assert other.meta["encoding"] == encoding
    assert other.meta["year"] == 2022
    assert other.sections.title.tolist() == report.sections.title.tolist()
    assert other.parts.segment.tolist() == report.parts.segment.tolist()
    assert len(other.glossary) == 25
    assert other.cleaning.set_index("step").loc["strip_pinyin_annotations", "count"] == 0


def test_variant_without_glossary(seed_variants):
    other = load_report(seed_variants["no_glossary"])
    assert other.glossary.empty
    assert "glossary" not in set(other.parts.segment)
    assert other.parts.segment.iloc[-1] == "closing"


def test_missing_path_names_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        load_report(missing)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"\xff\xfe\xff\xff\xfe\xff" * 10, "could not be decoded"),
    ("今天天气很好，我们去公园散步。".encode(), "does not look like a government work report"),
    ("各位代表：\n今天天气很好。\n".encode(), "does not look like a government work report"),
])
def test_bad_input_raises_report_format_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportFormatError, match=message):
        load_report(path)


def test_directory_and_bad_script(tmp_path):
    with pytest.raises(ReportFormatError, match="directory"):
        load_report(tmp_path)
    with pytest.raises(ValueError, match="script"):
        load_report(script="pinyin")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400),
                 st.text(max_size=400).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
                 st.text(alphabet="各位代表：一二三、（）。，\n年2019回顾工作安排?(xiàn)", max_size=200)
                 .map(lambda t: t.encode("utf-8"))))
def test_random_input_gives_a_report_or_a_report_format_error(data):
    try:
        report = parse_report(data)
    except ReportFormatError as error:
        assert str(error)
    else:
        assert report.text == "\n".join(report.paragraphs.text)
