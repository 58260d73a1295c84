"""The package works as a new user gets it: built into a wheel and an sdist, installed into a fresh venv, run elsewhere.

One slow test (``-m "not slow"`` leaves it out; ``make test`` runs it). It builds both artifacts (``uv build``:
the sdist first, then the wheel from the sdist, so the sdist is complete), checks them with ``twine check``,
installs the wheel with the pinned constraints into a new virtual environment, and from a temporary folder
outside the checkout loads the default report and corpus reports, extracts indicators, tokenizes, draws a chart
with Chinese labels, runs ``guanxian-analysis tables`` and ``build`` on the Hailar 2019 report, and checks that
nothing was written inside the environment's ``site-packages``.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from guanxian_analysis import paths

pytestmark = pytest.mark.slow

CHECKOUT = paths.PROJECT_ROOT
SHARED = CHECKOUT.parent / "shared"
HAILAR_2019 = SHARED / "corpus" / "hailar" / "hailar_district_2019.txt"
NATIONAL_2022 = SHARED / "corpus" / "national"

# run by the installed interpreter, in a folder outside the checkout; prints one JSON line of facts
SCRIPT = r'''
import io, json, sys, warnings, pathlib
import guanxian_analysis as ga
from guanxian_analysis import paths

facts = {"file": ga.__file__, "version": ga.__version__, "in_checkout": paths.in_checkout()}
report = ga.load_report()
facts["default"] = [report.meta["place"], report.meta["year"], len(report.sections), len(report.glossary)]
facts["indicators"] = len(ga.indicators(report))
hailar = ga.load_report(sys.argv[1])
facts["hailar"] = [hailar.meta["place"], hailar.meta["year"], len(ga.indicators(hailar)) > 50]
national = ga.load_report(sys.argv[2])
facts["national_year"] = national.meta["year"]
facts["tokens"] = ga.tokenize("全力突破乡村振兴，打造一批“专精特新”企业。")
facts["cache"] = str(ga.get_tokenizer() and paths.CACHE_DIR)

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
ga.use_theme()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fig, ax = plt.subplots(figsize=(4, 3))
    freqs = ga.term_frequencies(report)
    returned = ga.plot_top_terms(freqs, n=8, ax=ax)
    fig.savefig(io.BytesIO(), format="png")
facts["same_axes"] = returned is ax
facts["labels"] = [t.get_text() for t in ax.get_yticklabels()] + [t.get_text() for t in ax.get_xticklabels()]
facts["top_terms"] = list(freqs.term[:8])
facts["glyph_warnings"] = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
print(json.dumps(facts, ensure_ascii=False))
'''


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return result


def _snapshot(directory: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(directory).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in directory.rglob("*") if p.is_file()}


def _uv() -> str:
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed for the install test (make .venv/.installed installs it from requirements.lock)")
    return uv


def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    for needed in (HAILAR_2019, NATIONAL_2022):
        if not needed.exists():  # part of the suite: a missing shared/ fails, locally and under CI=true
            pytest.fail(f"shared data missing: {needed}")
    national = sorted(NATIONAL_2022.glob("*2022*"))[0]
    uv = _uv()
    dist = tmp_path / "dist"
    _run([uv, "build", "--quiet", "--out-dir", dist, CHECKOUT], cwd=tmp_path)
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(dist.iterdir())
    _run([sys.executable, "-m", "twine", "check", "--strict", wheels[0], sdists[0]])

    # the wheel carries the resources, the verbatim raw report and the notebooks as package data
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
        raw = wheel.read(f"guanxian_analysis/data/raw/{paths.RAW_REPORT_NAME}")
    assert raw == paths.RAW_REPORT.read_bytes()
    for name in ["guanxian_analysis/data/corrections.csv", "guanxian_analysis/data/theme_lexicon.csv",
                 "guanxian_analysis/data/userdict.txt", "guanxian_analysis/data/stopwords_boilerplate.txt",
                 "guanxian_analysis/data/glosses.csv", "guanxian_analysis/build/templates/page.css",
                 "guanxian_analysis/build/templates/index.css", "guanxian_analysis/build/templates/page.html.j2",
                 "guanxian_analysis/build/templates/index.html", "guanxian_analysis/notebooks/00-overview.py"]:
        assert name in names, name
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("guanxian_analysis/notebooks/")}
    assert shipped == {p.name for p in sorted((CHECKOUT / "notebooks").glob("[0-9][0-9]-*.py"))}

    venv = tmp_path / "venv"
    _run([uv, "venv", "--quiet", "--python", sys.executable, venv])
    python = venv / "bin" / "python"
    _run([uv, "pip", "install", "--quiet", "--python", python, "--compile-bytecode",
          "-c", CHECKOUT / "requirements.lock", wheels[0]])
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    before = _snapshot(site)

    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), MPLCONFIGDIR=str(home / "mpl"),
               PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", PYTHONWARNINGS="ignore::DeprecationWarning",
               GUANXIAN_SHARED_DIR=str(SHARED))  # notebooks 05 and 06 read other reports from the shared folder
    facts = json.loads(_run([python, "-c", SCRIPT, HAILAR_2019, national], cwd=work, env=env).stdout.strip()
                       .splitlines()[-1])
    assert Path(facts["file"]).is_relative_to(site) and facts["in_checkout"] is False
    assert facts["version"] == "0.1.0"
    assert facts["default"] == ["冠县", 2022, 17, 25]
    assert facts["indicators"] == 208
    assert facts["hailar"] == ["呼伦贝尔市海拉尔区", 2019, True]
    assert facts["national_year"] == 2022
    assert facts["tokens"] == ["突破", "乡村振兴", "专精特新", "企业"]
    assert Path(facts["cache"]) == home / ".cache" / "guanxian-analysis"
    assert any(home.joinpath(".cache", "guanxian-analysis").glob("jieba-guanxian-*.cache"))
    assert facts["same_axes"] and set(facts["top_terms"]) <= set(facts["labels"])  # Chinese labels, drawn
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in term) for term in facts["top_terms"])
    assert facts["glyph_warnings"] == []

    # the command line, from the user's folder: tables to ./data/processed, the build to --output-dir
    assert _run([venv / "bin" / "guanxian-analysis", "--version"], cwd=work, env=env).stdout.strip() == \
        "guanxian-analysis 0.1.0"
    _run([venv / "bin" / "guanxian-analysis", "tables", "--report", HAILAR_2019], cwd=work, env=env)
    assert len(list((work / "data" / "processed").glob("*.csv"))) == 8
    out = tmp_path / "hailar-pages"
    _run([python, "-m", "guanxian_analysis", "build", "--report", HAILAR_2019, "--output-dir", out],
         cwd=work, env=env, timeout=900)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>呼伦贝尔市海拉尔区2019年政府工作报告: analysis notebooks</h1>" in index and "冠县" not in index
    notebooks = sorted(p.stem for p in (CHECKOUT / "notebooks").glob("[0-9][0-9]-*.py"))
    for name in notebooks:
        assert (out / f"{name}.html").is_file() and (out / f"{name}-code.html").is_file()
        assert (out / "notebooks" / f"{name}.ipynb").is_file()
    assert "海拉尔" in (out / "00-overview.html").read_text(encoding="utf-8")
    assert (out / "data" / "indicators.csv").is_file()

    after = _snapshot(site)
    assert after == before, sorted(set(after.items()) ^ set(before.items()))[:20]
