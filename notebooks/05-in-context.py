# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · In context: the county beside the nation and the province
#
# How ambitious are the county's targets next to the nation's and the province's for the same year, which
# national policy phrases does it echo and which does it leave out, and how differently do the two reports
# spend their words?
#
# The county report is set beside the State Council's government work report of the same year (a full text
# in the team's shared corpus, read with the same package) and beside the province's published targets
# (`data/context/targets_2022.csv`: Shandong's 2022 targets, each row with its source page). Every figure
# quoted below is computed when the notebook runs.

# %%
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import HTML, Markdown, display

import guanxian_analysis as ga
from guanxian_analysis import comparison_findings as cf, notebook_helpers as nh, paths

nh.setup_notebook()

# %% tags=["parameters"]
report_path = None  # None: the Guanxian 2022 report in data/raw/; or the path of another report's text file
script = "simplified"  # "simplified" or "original" (the script as published)
tables_dir = None  # None: reports/data/
national_path = None  # None: the national report of the same year in the shared corpus (../shared/corpus/national/)
context_path = None  # None: data/context/targets_2022.csv (published higher-level targets; other years ignored)
provinces_dir = None  # None: the 16 provincial reports of 2026 in the shared corpus (../shared/corpus/provinces-2026/)

# %%
report = ga.load_report(report_path, script=script)
year = report.meta["year"]
national_file = national_path or paths.SHARED_CORPUS_DIR / "national" / f"national_{year}.txt"
# the national text of the same year, when the corpus has one and the report is not itself the national report
national = (ga.load_report(national_file, script=script)
            if report.meta.get("level") != "national" and Path(national_file).is_file() else None)
context = ga.context_targets(context_path, year=year)
context = context[context["level"] != report.meta.get("level")]  # only levels other than the report's own

# %%
Markdown(f"Report: **{nh.report_title(report)}**. Beside it: "
         + (f"the State Council's **{national.meta['title']}** and " if national is not None else
            f"no national report (none of {year} is in the corpus, or this is the national report itself), so the "
            "sections that need the national text say so and stop; ")
         + f"{nh.plural(len(context), 'published target')} of another level for {year} (data/context).")

# %% [markdown]
# ## How ambitious are the targets?
#
# The year's main expected targets (“主要预期目标”) of each level, one row per metric that at least two levels
# set: the county's and the nation's read from their texts, the province's from the published table. The
# margin is the county's figure minus the other level's, in percentage points; a range counts at its middle.
# For unemployment and prices the target is a ceiling, so a lower figure is the tighter one.

# %%
compared = ga.compare_targets(report, [national] if national is not None else [], context=context)
written = [nh.save_table(compared, "targets-in-context", tables_dir)]
Markdown(cf.comparison_lines(compared))

# %%
nh.chart(ga.plot_target_comparison, compared, row_height=0.75, empty="_No metric has a figure at two levels._")

# %%
Markdown(cf.comparison_summary(compared))

# %% [markdown]
# ## Words against the nation
#
# Which words set the county report apart from the national one, and the other way round: weighted log-odds
# with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), the same method as the theme notebooks;
# bars beyond the dashed lines are significant at the 5% level.

# %%
place = report.meta.get("place") or "county"
NO_NATION = f"_No national report of {year} to set this report against._"
if national is not None:
    keyness = ga.distinctive_terms(report.paragraphs, national.paragraphs, labels=(place, "全国"))
    written.append(nh.save_table(keyness, "keyness-against-the-nation", tables_dir))
    fig, ax = plt.subplots(figsize=(9, 6), layout="constrained")
    ga.plot_distinctive_terms(keyness, n=12, ax=ax)
    ax.set_title(f"{place} against the national report of {year}")
    plt.show()

# %%
Markdown(cf.keyness_summary(keyness) if national is not None else NO_NATION)

# %% [markdown]
# ## Which national policy phrases does the county echo?
#
# The national report's policy phrases are its quoted slogans (“六稳”, “放管服” …), its numbered slogans and its
# most distinctive terms of three characters or more. A phrase is **echoed** when the county's text contains
# it; **echoed in other words** when one county sentence holds all its parts (六稳 written out as 稳就业 …
# 稳预期; 碳达峰碳中和 as 碳达峰 and 碳中和; otherwise the phrase's own words); **absent** otherwise.

# %%
if national is not None:
    echo = ga.phrase_echo(national, report)
    written.append(nh.save_table(echo, "policy-phrase-echo", tables_dir))
    display(Markdown(cf.echo_summary(echo)))
    display(HTML(nh.scroll_table(echo[["phrase", "kind", "count_source", "count_target", "status", "example"]],
                                 height=360)))
else:
    display(Markdown(NO_NATION))

# %% [markdown]
# ## Where each report spends its words
#
# Each theme's share of the body text of the two reports (same theme rules for both), largest gap first.

# %%
if national is not None:
    shares = ga.theme_shares([report, national])
    display(Markdown(cf.share_lines(shares, dict(zip(shares.columns[2:], [place, "全国"])))))
else:
    display(Markdown(NO_NATION))

# %% [markdown]
# ## The provinces' growth targets for 2026
#
# The headline GDP growth target of each provincial report of 2026 in the shared corpus (“主要预期目标”), sorted,
# with ranges as bars and the qualifier as the marker (▶ 以上 at least, ◆ 左右 about). The corpus holds no
# national report of 2026, so the nation is not on this chart.

# %%
with warnings.catch_warnings():  # a report that does not load yet is listed below instead
    warnings.simplefilter("ignore")
    provinces = ga.load_reports(provinces_dir or paths.shared_path("corpus", "provinces-2026"), progress=False,
                                errors="collect")
growth = ga.main_targets(provinces, metadata=provinces.meta.set_index("report_id")[["place", "level"]].to_dict("index"))
written.append(nh.save_table(ga.target_table(growth).reset_index(), "province-targets-2026", tables_dir))
nh.chart(ga.plot_growth_targets, growth, width=8, height=7)

# %%
left_out = ", ".join(f"{p.rsplit('/', 1)[-1]} ({e})" for p, e in zip(provinces.errors.get("path", []),
                                                                    provinces.errors.get("error", [])))
Markdown(cf.growth_target_line(ga.target_table(growth)) + f" {nh.plural(len(provinces), 'provincial report')} loaded"
         + (f"; not loaded: {left_out}." if left_out else "."))

# %% [markdown]
# ## What could not be found
#
# - **No Liaocheng (聊城市) figures.** The prefecture between the county and the province published no
#   targets that could be found for 2022; the chart above has no city level rather than a guessed one.
# - **No Guanxian 2023 report.** A year's outcomes are reported only in the next year's report, which is
#   not in the corpus for the county: whether its targets were met is open (see below). *06 · A county over
#   time* makes this check on a series that has the next reports.

# %%
Markdown(f"Whether the {year} targets of **{place}** were met is open here: the outcomes would come from its "
         f"{year + 1} report, which this notebook is not given "
         f"({nh.plural(len(ga.main_targets(report)), 'main target')} unchecked).")

# %%
Markdown(nh.tables_note(written))
