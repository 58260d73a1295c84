"""Segmentation speed: the package's tokenize() against a bare jieba.lcut, and the cache.

Prints, for the whole report once both tokenizers are initialised, the best-of-N time of
``tokenize(report.text)`` (default stopword layers) and of ``jieba.lcut(report.text)``
(jieba's global tokenizer, default dictionary) and their ratio (target <= 1.3), then the
time a fresh process takes to build the package tokenizer with and without the cache.

Run: ``.venv/bin/python benchmarks/bench_tokenize.py [--repeat 15]``
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

_COLD = """
import time
t = time.perf_counter()
import guanxian_analysis.tokenizer as tok
tok.get_tokenizer()
print(time.perf_counter() - t, tok._state["cache_hit"])
"""


def _fresh_process(env_cache: Path | None = None) -> tuple[float, bool]:
    code = _COLD
    if env_cache is not None:  # point the package cache at an empty folder
        code = f"from guanxian_analysis import paths; paths.CACHE_DIR = __import__('pathlib').Path({str(env_cache)!r})\n" + code
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), out[1] == "True"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--target", type=float, default=1.3)
    args = parser.parse_args(argv)

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(60)
    from guanxian_analysis import load_report
    from guanxian_analysis.tokenizer import get_tokenizer, tokenize

    text = load_report().text
    get_tokenizer()
    jieba.initialize()
    tokenize(text), jieba.lcut(text)  # warm up both

    ours = min(timeit.repeat(lambda: tokenize(text), number=1, repeat=args.repeat))
    bare = min(timeit.repeat(lambda: jieba.lcut(text), number=1, repeat=args.repeat))
    ratio = ours / bare
    print(f"report: {len(text):,} characters, {len(tokenize(text, stopwords=None)):,} tokens")
    print(f"tokenize()     {ours * 1000:8.1f} ms (best of {args.repeat})")
    print(f"jieba.lcut()   {bare * 1000:8.1f} ms")
    print(f"ratio          {ratio:8.2f}x  (target <= {args.target}x: {'ok' if ratio <= args.target else 'FAIL'})")

    scratch = Path(tempfile.mkdtemp(prefix="guanxian-cache-"))
    try:
        cold, hit_cold = _fresh_process(scratch)
        warm, hit_warm = _fresh_process(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"new process, empty cache  {cold * 1000:8.1f} ms (cache hit: {hit_cold})")
    print(f"new process, cache reused {warm * 1000:8.1f} ms (cache hit: {hit_warm})")
    return 0 if ratio <= args.target and hit_warm and not hit_cold else 1


if __name__ == "__main__":
    sys.exit(main())
