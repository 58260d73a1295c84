"""`guanxian-analysis tables` (the first step of `make report`) writes the processed tables, byte-stable."""
from __future__ import annotations

from guanxian_analysis.cli import main

EXPECTED = ["cleaning.csv", "glossary.csv", "indicators.csv", "number_audit.csv", "paragraphs.csv", "parts.csv",
            "sections.csv", "sentences.csv"]


def test_tables_command_writes_every_table_identically_twice(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["tables", "--output-dir", str(first)]) == 0
    assert main(["tables", "--output-dir", str(second)]) == 0
    assert sorted(p.name for p in first.iterdir()) == EXPECTED
    for name in EXPECTED:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    sections = (first / "sections.csv").read_text(encoding="utf-8-sig")
    assert "三.7,三,year_ahead,七,7,在改善民生上攻坚突破,共享高质量发展成果" in sections


def test_tables_command_on_another_report_and_on_a_missing_one(tmp_path, hailar_path, capsys):
    assert main(["tables", "--report", str(hailar_path), "--output-dir", str(tmp_path)]) == 0
    assert "2019" in (tmp_path / "parts.csv").read_text(encoding="utf-8-sig")
    assert main(["tables", "--report", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_tables_are_byte_identical_to_the_pinned_checksums(tmp_path):
    """The tables of the default report, pinned by SHA-256 (tests/fixtures/tables.sha256, taken before the
    package was reorganised for #8/#16). A change that alters a table on purpose updates the checksum in
    the same commit and says why."""
    import hashlib

    from guanxian_analysis import paths

    assert main(["tables", "--output-dir", str(tmp_path)]) == 0
    pinned = dict(line.split()[::-1] for line in (paths.FIXTURES_DIR / "tables.sha256").read_text().splitlines())
    actual = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in EXPECTED}
    assert actual == pinned
