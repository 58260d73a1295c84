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
# # 03 · Environment: air, water, soil, supervision and carbon
#
# How much of the report is about the environment, what it reports on air, water and soil, and what it
# promises for pollution control and carbon?
#
# The environment theme covers the paragraphs on pollution control, ecology and green development (see
# *00 · Overview* for how paragraphs get a theme). Every figure quoted below is computed from the report when
# the notebook runs.

# %%
from IPython.display import Markdown

import guanxian_analysis as ga
from guanxian_analysis import notebook_helpers as nh

nh.setup_notebook()

# %% tags=["parameters"]
report_path = None  # None: the Guanxian 2022 report in data/raw/; or the path of another report's text file
script = "simplified"  # "simplified" or "original" (the script as published)
tables_dir = None  # None: reports/data/

# %%
report = ga.load_report(report_path, script=script)
profile = ga.theme_profile(report, "environment")  # one notebook per theme
Markdown(f"Report: **{nh.report_title(report)}**.")

# %% [markdown]
# ## How much of the report the environment takes, and where
#
# Shares are of the report's body text (the glossary of terms, “名词解释”, is left out).

# %%
Markdown(profile.overview())

# %%
nh.segment_display(report, profile.theme)

# %% [markdown]
# ## Top terms and distinctive terms
#
# Left: the most frequent words of the environment paragraphs, after removing stopwords (the layers are
# named below the chart: generic, government boilerplate such as “工作” work and “加强” strengthen, the place). Right: the words that set the environment apart from the rest of
# the report, by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); bars
# beyond the dashed lines are significant at the 5% level.

# %%
profile.plot_terms("The environment against the rest of the report");

# %%
Markdown(profile.terms_note())

# %%
profile.plot_wordcloud()

# %% [markdown]
# ## Air: PM2.5, PM10 and days of good air
#
# The report measures air quality by fine particles (“PM2.5”, “PM10”, the improvement rate of their
# concentration) and “优良天数” (days of good or excellent air quality):

# %%
indicators = profile.indicators
air = nh.theme_indicators(indicators, terms=["PM2.5", "PM10", "优良天数", "空气"])
Markdown(nh.indicator_lines(air))

# %%
profile.kwic(["PM2.5", "优良天数", "空气质量", "扬尘"], per_term=3)

# %% [markdown]
# ## Water: rivers, lakes and sewage
#
# “河湖长制” (the river and lake chief system: a named official answers for each river or lake), water quality
# (“水质”) and sewage (“污水”) treatment:

# %%
profile.kwic(["河湖长制", "水质", "污水"], per_term=5)

# %% [markdown]
# ## Soil, supervision and carbon
#
# Soil (“土壤”), the “啄木鸟智慧监管平台” (the “Woodpecker” smart supervision platform for environmental
# enforcement) and carbon: “碳达峰” (carbon peaking) and “碳中和” (carbon neutrality). “啄木鸟” is part of the
# platform's name, one word for the tokenizer, so this table counts wherever the characters occur:

# %%
profile.kwic(["土壤", "啄木鸟", "碳达峰", "碳中和", "清洁取暖"], per_term=4, match="substring")

# %% [markdown]
# ## The indicators of the environment
#
# Every quantitative indicator of the environment paragraphs, with the figure as written, what it measures, its
# period and whether it is an outcome (“actual”), an estimate (“预计”) or a target, and its source sentence.
# The full table, with offsets into the text, is exported as CSV.

# %%
written = nh.save_theme_tables(profile, tables_dir)
Markdown(nh.indicator_count(profile.theme_indicators))

# %%
nh.explore_table(nh.indicator_display(profile.theme_indicators))

# %% [markdown]
# ## Last year's outcomes against the year-ahead targets
#
# The scoreboard sets each metric's outcome for the year under review beside the target for the year ahead.
# The chart draws the pairs of rates in %; hollow dots are outcomes the report only expects (“预计”); a target's
# marker shows its bound: a diamond for “左右” (about), a triangle for “以上” (at least).

# %%
Markdown(profile.scoreboard_lines())

# %%
profile.plot_scoreboard()

# %% [markdown]
# ### Where the county says it ranks
#
# Rank claims (“位居全市第2位”, second in the city) of the environment theme:

# %%
Markdown(profile.ranks_lines())

# %%
profile.plot_ranks()

# %% [markdown]
# ## Which words go together
#
# Terms that share sentences in the environment paragraphs: node size is the number of sentences with the term,
# edge width the number of sentences two terms share (a fixed layout seed gives the same picture each run).

# %%
profile.plot_cooccurrence()

# %% [markdown]
# ## Findings

# %%
Markdown(profile.findings())

# %%
Markdown(nh.tables_note(written))
