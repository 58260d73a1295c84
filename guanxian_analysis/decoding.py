"""Turn the bytes of a report file into text, whatever the encoding it came in (no cleaning, no structure)."""
from __future__ import annotations

import codecs

from .errors import ReportFormatError

#: tried in this order; the first that decodes strictly *and* looks like Chinese prose wins
CANDIDATE_ENCODINGS = ("utf-8", "gb18030", "big5")

# characters frequent in any Chinese prose, in both scripts; mis-decoded bytes rarely produce them
_COMMON = frozenset("的是在和了年我一不有人这中大为上个国们以发展工作县区代表会")


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls > len(sample) * 0.01


def _chinese_score(text: str) -> float:
    if not text:
        return 0.0
    return sum(ch in _COMMON for ch in text) / len(text)


def decode_report_bytes(data: bytes) -> tuple[str, str]:
    """Decode a report's bytes and say which encoding was used.

    UTF-8 (with or without BOM), GB18030/GBK and Big5 are recognised. When
    several decode without error, the one whose text has the most common
    Chinese characters wins (Big5 bytes read as GB18030 give rare characters).

    Parameters
    ----------
    data : bytes
        The file's content.

    Returns
    -------
    (text, encoding) : tuple of str
        ``encoding`` is one of ``"utf-8-sig"``, ``"utf-8"``, ``"gb18030"``, ``"big5"``.

    Raises
    ------
    ReportFormatError
        The bytes are empty, binary, or decode in none of the encodings.

    Examples
    --------
    >>> decode_report_bytes("政府工作报告".encode("gbk"))
    ('政府工作报告', 'gb18030')
    """
    if not data.strip():
        raise ReportFormatError("the file is empty: expected the text of a government work report")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ReportFormatError(f"the file starts with a UTF-8 BOM but is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    if _looks_binary(data):
        raise ReportFormatError("the file looks binary (NUL or control bytes): expected a plain-text government work report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = []
    for encoding in CANDIDATE_ENCODINGS[1:]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded.append((_chinese_score(text), encoding, text))
    if not decoded:
        raise ReportFormatError(
            "the file could not be decoded as UTF-8, GB18030/GBK or Big5: expected a Chinese plain-text report"
        )
    _, encoding, text = max(decoded, key=lambda item: item[0])
    return text, encoding
