"""Chart theme with a CJK font that is known to cover the characters drawn (no charts drawn here).

The font is chosen in this order:

1. an explicit path (``use_theme(font=...)``) or the environment variable
   ``GUANXIAN_CJK_FONT``;
2. an installed system font whose character map covers :data:`SAMPLE` (checked with
   fontTools, Noto/Source Han/WenQuanYi … tried first);
3. Noto Sans CJK SC shipped by the ``mplfonts`` package (``NotoSansCJKsc-Regular.otf``).

Nothing happens at import time. Notebooks call :func:`use_theme` once; plot helpers in
:mod:`guanxian_analysis.plots` also set the font on the text they draw, so they render
Chinese even without it.

Examples
--------
>>> from guanxian_analysis import use_theme
>>> theme = use_theme()                 # applies seaborn's theme globally
>>> theme.font_path.suffix in {".otf", ".ttf", ".ttc"}
True
>>> with use_theme(context="talk"):     # or only inside a block
...     pass
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["FONT_ENV", "SAMPLE", "Theme", "use_theme", "find_cjk_font", "font_family", "missing_glyphs",
           "apply_font", "theme_font"]

#: environment variable naming a font file to use
FONT_ENV = "GUANXIAN_CJK_FONT"
#: characters a candidate system font must cover
SAMPLE = "冠县政府工作报告高质量发展乡村振兴营商环境专精特新两不愁三保障聊城鲁西灵芝0123456789%（），。、“”"
_SYSTEM_HINTS = ("notosanscjk", "notoserifcjk", "sourcehan", "wqy", "wenquanyi", "droidsansfallback", "simhei",
                 "simsun", "msyh", "yahei", "pingfang", "hiragino", "heiti", "songti", "kaiti", "fangsong",
                 "arphic", "uming", "ukai", "cjk")
_IGNORED = frozenset("\n\r\t\u200b\ufeff")


@lru_cache(maxsize=64)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    kwargs = {"fontNumber": 0} if path.lower().endswith((".ttc", ".otc")) else {}
    with TTFont(path, lazy=True, **kwargs) as font:
        return frozenset(font.getBestCmap() or {})


def missing_glyphs(strings: Iterable[str] | str, font: str | os.PathLike | None = None) -> list[str]:
    """Characters of ``strings`` that ``font`` has no glyph for (checked with fontTools).

    Parameters
    ----------
    strings : str or iterable of str
        Everything that will be drawn (labels, titles, terms …).
    font : path, optional
        Font file; default the font :func:`find_cjk_font` picks.

    Returns
    -------
    list of str
        Sorted, unique missing characters; empty when the font covers everything.
        Line breaks and zero-width characters are ignored.

    Examples
    --------
    >>> missing_glyphs(["冠县乡村振兴", "增长8%"])
    []
    """
    if isinstance(strings, str):
        strings = [strings]
    path = str(font) if font is not None else str(find_cjk_font())
    covered = _cmap(path)
    chars = {ch for s in strings for ch in str(s)} - _IGNORED
    return sorted(ch for ch in chars if ord(ch) not in covered)


def _covers(path: str, sample: str) -> bool:
    try:
        return not missing_glyphs(sample, path)
    except Exception:  # unreadable or unsupported font file
        return False


def _bundled_font() -> Path:
    from . import paths

    return paths.bundled_font()


def _system_candidates() -> list[str]:
    from matplotlib import font_manager

    files = sorted(set(font_manager.findSystemFonts()))
    hinted = [f for f in files if any(h in Path(f).name.lower().replace("-", "").replace("_", "") for h in _SYSTEM_HINTS)]
    return hinted


def find_cjk_font(font: str | os.PathLike | None = None, *, sample: str = SAMPLE) -> Path:
    """The CJK font file to draw with, found in the documented order.

    Parameters
    ----------
    font : path, optional
        Use this file (it must exist and cover ``sample``).
    sample : str
        Characters the font must cover.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    FileNotFoundError
        An explicit or ``GUANXIAN_CJK_FONT`` path does not exist.
    ValueError
        An explicit font lacks characters of ``sample``.

    Examples
    --------
    >>> find_cjk_font().name                                  # doctest: +SKIP
    'NotoSansCJKsc-Regular.otf'
    """
    explicit = font if font is not None else os.environ.get(FONT_ENV) or None
    if explicit is not None:
        return _check_explicit(str(explicit), sample)
    return Path(_search(sample))


def _check_explicit(path: str, sample: str) -> Path:
    resolved = Path(path).expanduser()
    if not resolved.is_file():
        raise FileNotFoundError(f"CJK font not found: {resolved} (from the font argument or ${FONT_ENV})")
    missing = missing_glyphs(sample, resolved)
    if missing:
        raise ValueError(f"font {resolved} lacks glyphs for {''.join(missing)!r}")
    return resolved.resolve()


@lru_cache(maxsize=8)
def _search(sample: str) -> str:
    for candidate in _system_candidates():
        if _covers(candidate, sample):
            return candidate
    bundled = _bundled_font()
    if not bundled.is_file():
        raise FileNotFoundError(f"no CJK font: no system font covers the sample and {bundled} is missing "
                                f"(install mplfonts or set ${FONT_ENV})")
    return str(bundled)


@lru_cache(maxsize=16)
def _register(path: str) -> str:
    """Add the font file to matplotlib's font manager; return its family name."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def theme_font() -> Path:
    """The CJK font plot helpers draw with: the theme's, else the one found automatically.

    When the first family of matplotlib's ``font.family`` covers :data:`SAMPLE` (as after
    ``use_theme(font=...)``, or any CJK font the user set), that font; otherwise
    :func:`find_cjk_font`. So a helper never replaces the font the user chose.

    Examples
    --------
    >>> theme = use_theme()
    >>> theme_font() == theme.font_path
    True
    """
    import matplotlib as mpl

    family = mpl.rcParams["font.family"]
    first = family[0] if isinstance(family, (list, tuple)) and family else family or None
    path = _family_path(first) if isinstance(first, str) else None
    if path is not None and _covers_sample(path):
        return Path(path)
    return find_cjk_font()


@lru_cache(maxsize=32)
def _family_path(name: str) -> str | None:
    from matplotlib import font_manager

    try:
        return font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    except ValueError:
        return None


@lru_cache(maxsize=32)
def _covers_sample(path: str) -> bool:
    return _covers(path, SAMPLE)


def font_family(font: str | os.PathLike | None = None) -> list[str]:
    """Matplotlib ``font.family`` list: the CJK font first, DejaVu Sans as fallback for
    symbols it lacks. Without ``font``, the theme's font (:func:`theme_font`).

    Examples
    --------
    >>> font_family()[-1]
    'DejaVu Sans'
    """
    name = _register(str(find_cjk_font(font) if font is not None else theme_font()))
    return [name, "DejaVu Sans"]


def apply_font(artist, font: str | os.PathLike | None = None):
    """Set the CJK font on every text of ``artist`` (an Axes, Figure, Legend …); return it.

    Plot helpers call this so that they render Chinese whatever the global theme.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("冠县")
    >>> apply_font(ax) is ax
    True
    """
    from matplotlib.text import Text

    family = font_family(font)
    for text in artist.findobj(Text):
        text.set_fontfamily(family)
    return artist


class Theme:
    """What :func:`use_theme` applied; a context manager restoring the previous rcParams.

    Attributes
    ----------
    font_path : pathlib.Path
        The font file in use (also ``os.fspath(theme)``).
    font_name : str
        Its family name as matplotlib knows it.
    """

    def __init__(self, font_path: Path, font_name: str, previous: dict):
        self.font_path = font_path
        self.font_name = font_name
        self._previous = previous

    def __fspath__(self) -> str:
        return str(self.font_path)

    def __repr__(self) -> str:
        return f"Theme(font_name={self.font_name!r}, font_path={str(self.font_path)!r})"

    def __enter__(self) -> "Theme":
        return self

    def __exit__(self, *exc) -> None:
        self.restore()

    def restore(self) -> None:
        """Put back the rcParams that were in effect before :func:`use_theme`."""
        import matplotlib as mpl
        import warnings

        with warnings.catch_warnings():  # restoring deprecated keys warns
            warnings.simplefilter("ignore")
            mpl.rcParams.update(self._previous)


def use_theme(
    font: str | os.PathLike | None = None,
    *,
    context: str = "notebook",
    style: str = "whitegrid",
    palette: str = "deep",
    rc: dict | None = None,
) -> Theme:
    """Apply seaborn's theme with a CJK font.

    Call it once at the top of a notebook, or use it as a context manager to apply it to
    a block only (the previous rcParams come back on exit).

    Parameters
    ----------
    font : path, optional
        Font file; default: ``$GUANXIAN_CJK_FONT``, a system CJK font, then mplfonts'
        Noto Sans CJK SC (see :func:`find_cjk_font`).
    context, style, palette : str
        Passed to :func:`seaborn.set_theme`.
    rc : dict, optional
        Extra rcParams, applied last.

    Returns
    -------
    Theme
        ``theme.font_path`` is the font file; usable as ``with use_theme(): ...``.

    Examples
    --------
    >>> theme = use_theme()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["font.family"][0] == theme.font_name
    True
    """
    import matplotlib as mpl
    import seaborn as sns
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        previous = dict(mpl.rcParams)
    path = find_cjk_font(font)
    family = font_family(path)
    settings = {
        "font.family": family,
        "font.sans-serif": [*family, *mpl.rcParams["font.sans-serif"]],
        "axes.unicode_minus": 0x2212 in _cmap(str(path)),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
    }
    settings.update(rc or {})
    sns.set_theme(context=context, style=style, palette=palette, rc=settings)
    mpl.rcParams.update(settings)  # set_theme's font argument would override font.family
    return Theme(path, family[0], previous)
