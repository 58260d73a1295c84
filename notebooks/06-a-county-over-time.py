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
# # 06 · A county over time: targets against outcomes, and words, year by year
#
# Did a county-level government meet the targets it set, year after year, and how did its vocabulary move?
#
# There is no series of Guanxian reports, so this notebook reads the next best thing in the shared corpus: the
# work reports of Hailar district (海拉尔区, Hulunbuir, Inner Mongolia), a county-level district like Guanxian,
# for 2012–2019. The 2017 report is missing; the notebook shows that year as missing and never fills it from
# its neighbours. Each year's targets come from that year's report; the outcome for the same year comes from
# the next year's report, because that is where a work report states it.

# %%
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import HTML, Markdown
import guanxian_analysis as ga
from guanxian_analysis import comparison_findings as cf
from guanxian_analysis import notebook_helpers as nh
from guanxian_analysis import paths

nh.setup_notebook()

# %% tags=["parameters"]
report_path = None  # None: the Hailar series; or one report's text file: the series is every report in its folder
script = "simplified"  # "simplified" or "original" (the script as published)
tables_dir = None  # None: reports/data/
series_dir = None  # a folder of one place's reports (wins over report_path); None: see report_path
metrics = ["GDP growth", "budget revenue", "urban income growth", "rural income growth"]  # charted by year
terms = ["改革", "生态", "脱贫", "旅游", "高质量", "新常态"]  # words followed over the years

# %%
folder = series_dir or (Path(report_path).parent if report_path else paths.shared_path("corpus", "hailar"))
with warnings.catch_warnings():  # tqdm warns at import inside a kernel without ipywidgets; no bar is shown
    warnings.simplefilter("ignore")
    corpus = ga.load_reports(folder, script=script, progress=False)
years = sorted(int(y) for y in corpus.meta["year"])
missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
Markdown(f"**{nh.plural(len(corpus), 'report')}** of {'、'.join(dict.fromkeys(corpus.meta['place']))}: "
         f"{', '.join(map(str, years))}; " + (f"**no report for {', '.join(map(str, missing))}**." if missing
                                              else "no year missing."))

# %% [markdown]
# ## Did the targets hold?
#
# For each year Y: the main expected target (“主要预期目标”) of the report of Y, beside the outcome for Y that
# the report of Y+1 gives. They are matched on the common metric (地区生产总值 growth with 地区生产总值 growth,
# never with its level in 亿元); an average over several years (“年均增长”) is not a one-year outcome and is
# left out. A growth target counts as met when the outcome reaches its figure (“左右” is not stretched).
# Hollow markers are targets, filled dots the outcomes: green met, red missed. A shaded year has no report.

# %%
tracking = ga.target_tracking(corpus)
written = [nh.save_table(tracking, "target-tracking", tables_dir)]
Markdown(cf.tracking_summary(tracking))

# %%
fig, axes = plt.subplots(2, 2, figsize=(12, 8.5), layout="constrained", squeeze=False)
for ax, metric in zip(axes.flat, metrics):
    ga.plot_target_tracking(tracking, metric=metric, ax=ax)

# %%
Markdown(cf.tracking_lines(tracking, metrics))

# %% [markdown]
# Every pair, with the sentence of each side (the target's report, the outcome's report and their words):

# %%
shown = tracking[tracking.metric.isin(metrics)]
HTML(nh.scroll_table(shown[["year", "metric", "target_figure", "outcome_figure", "verdict", "gap", "target_sentence",
                            "outcome_sentence", "note"]], height=380))

# %% [markdown]
# ## A level that drops between reports
#
# Beside each growth outcome the reports give the level reached (地区生产总值 in 亿元). Growth is stated at
# comparable prices against the previous year, so a level far below an earlier report's, with positive growth
# reported in between, points to a revision of the earlier figures rather than a fall of that size; the
# reports themselves do not say which.

# %%
fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
ga.plot_target_tracking(tracking, metric="GDP growth", value="level", ax=ax);

# %%
Markdown(cf.level_revision(tracking, "GDP growth") or "_No level falls by more than 10% between reports._")

# %% [markdown]
# ## How the vocabulary moved
#
# Each word's rate per 10,000 characters of the report's body, by year; the line breaks at a year without a
# report.

# %%
trends = ga.term_trends(corpus, terms)
written.append(nh.save_table(trends, "term-trends", tables_dir))
fig, ax = plt.subplots(figsize=(10, 5), layout="constrained")
ga.plot_term_trends(trends, ax=ax)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False);

# %%
Markdown(cf.trend_lines(trends))

# %% [markdown]
# ### Words used for the first time
#
# The words a report uses (at least three times) that no earlier report of the series used. After the missing
# year the comparison is with every earlier report there is, so 2018's list holds words that may first have
# appeared in 2017.

# %%
new = ga.new_terms(corpus, min_count=3)
written.append(nh.save_table(new, "new-terms", tables_dir))
Markdown(cf.new_term_lines(new))

# %%
Markdown(nh.tables_note(written))
