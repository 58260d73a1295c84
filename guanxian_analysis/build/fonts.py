"""The CJK font embedded in the pages: a deterministic subset of the bundled font (located by ``paths``)."""
from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import Iterable

from .. import paths

CJK_FONT_FAMILY = "Guanxian Noto Sans CJK SC"
_FONT_PLACEHOLDER = "/* guanxian:font-face */"
_TAG = re.compile(r"<[^>]+>")


def _page_characters(page: str) -> set[str]:
    text = html.unescape(_TAG.sub(" ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)))
    return {ch for ch in text if ord(ch) > 0x2000}


def cjk_font_face(characters: Iterable[str]) -> str:
    """A CSS ``@font-face`` rule embedding Noto Sans CJK SC cut down to ``characters`` (WOFF, base64).

    The subset is deterministic (no timestamp is recalculated), so the same
    characters give the same bytes. Returns ``""`` when the font is absent.

    Examples
    --------
    >>> cjk_font_face("冠县")[:11]                                    # doctest: +SKIP
    '@font-face '
    """
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    text = "".join(sorted(set(characters)))
    try:
        font_path = paths.bundled_font()
    except ModuleNotFoundError:
        return ""
    if not text or not font_path.is_file():
        return ""
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.name_IDs = [1, 2]
    options.layout_features = ["vert", "vrt2", "locl"]
    options.notdef_outline = True
    font = TTFont(str(font_path), recalcTimestamp=False, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'@font-face {{ font-family: "{CJK_FONT_FAMILY}"; font-style: normal; font-weight: 400; '
            f'font-display: block; src: url(data:font/woff;base64,{data}) format("woff"); }}')


def cached_cjk_font_face(characters: Iterable[str]) -> str:
    """:func:`cjk_font_face`, kept in ``paths.CACHE_DIR / "build" / "fonts"`` by a hash of the characters and font.

    Subsetting takes seconds; a rebuild whose pages use the same characters reads the rule back instead.
    """
    import hashlib

    text = "".join(sorted(set(characters)))
    try:
        font = paths.bundled_font()
        stat = font.stat()
    except (ModuleNotFoundError, OSError):
        return cjk_font_face(text)
    key = hashlib.sha256(f"{font}\0{stat.st_size}\0{stat.st_mtime_ns}\0{text}".encode("utf-8")).hexdigest()
    stored = paths.CACHE_DIR / "build" / "fonts" / f"{key}.css"
    if stored.is_file():
        return stored.read_text(encoding="utf-8")
    rule = cjk_font_face(text)
    paths.ensure_dir(stored.parent)
    partial = stored.with_suffix(".tmp")
    partial.write_text(rule, encoding="utf-8")
    partial.replace(stored)
    return rule


def embed_cjk_font(pages: dict[Path, str]) -> dict[Path, str]:
    """Put one shared CJK font subset (covering every page's characters) into each page's CSS."""
    characters: set[str] = set()
    for page in pages.values():
        characters |= _page_characters(page)
    rule = cached_cjk_font_face(characters)
    return {path: page.replace(_FONT_PLACEHOLDER, rule, 1) for path, page in pages.items()}


