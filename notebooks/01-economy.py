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
# # 01 · Economy: industries, projects, finance and innovation
#
# How much of the report is about the economy, which words and numbers carry it, and how do last year's
# outcomes compare with the targets for the year ahead?
#
# The economy theme covers the paragraphs the report files under industry, projects and investment,
# opening up, finance, and science and innovation (see *00 · Overview* for how paragraphs get a theme).
# Every figure quoted below is computed from the report when the notebook runs.

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
profile = ga.theme_profile(report, "economy")  # one notebook per theme
Markdown(f"Report: **{nh.report_title(report)}**.")

# %% [markdown]
# ## How much of the report the economy takes, and where
#
# Shares are of the report's body text (the glossary of terms, “名词解释”, is left out).

# %%
Markdown(profile.overview())

# %%
nh.segment_display(report, profile.theme)

# %% [markdown]
# ## Top terms and distinctive terms
#
# Left: the most frequent words of the economy paragraphs, after removing stopwords (the layers are
# named below the chart: generic, government boilerplate such as “工作” work and “加强” strengthen, the place). Right: the words that set the economy apart from the rest of
# the report, by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); bars
# beyond the dashed lines are significant at the 5% level.

# %%
profile.plot_terms("Economy against the rest of the report");

# %%
Markdown(profile.terms_note())

# %%
profile.plot_wordcloud()

# %% [markdown]
# ## Industries
#
# The report names its industrial clusters: “钢板加工” (steel-plate processing), “纺织服装” (textiles and
# garments), “轴承” (bearings) and “纸制品” (paper products). Keyword in context (KWIC) shows every use with
# the section and theme of the paragraph it sits in.

# %%
profile.kwic(["钢板加工", "纺织服装", "轴承", "纸制品"], per_term=None)

# %% [markdown]
# ## Projects and investment
#
# “重点项目” (key projects) and “招商引资” (attracting investment) are the report's engine of growth; the
# economy figures that measure projects or investment give the scale (each with the outcome or target it pairs with).

# %%
indicators = profile.indicators
projects = nh.theme_indicators(indicators, "economy", terms=["项目", "投资", "招商", "外资"])
Markdown(f"**{len(projects)}** figures in the report measure projects or investment:")

# %%
nh.explore_table(nh.indicator_display(projects))

# %% [markdown]
# ## Finance, innovation and the digital economy
#
# Finance (“金融”, loans “贷款”), innovation (“科技创新”, “高新技术企业” high-tech enterprises, “专精特新”
# specialised and innovative SMEs) and the “数字经济” (digital economy) in context:

# %%
profile.kwic(["金融", "贷款", "科技创新", "高新技术企业", "专精特新", "数字经济"], per_term=4)

# %% [markdown]
# ## The economy's indicators
#
# Every quantitative indicator of the economy paragraphs, with the figure as written, what it measures, its
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
# What the targets say when read against last year's outcomes (every figure from the tables above):

# %%
Markdown(nh.target_findings(profile.indicators, profile.scoreboard, ga.main_targets(report)))

# %% [markdown]
# ### Where the county says it ranks
#
# Rank claims (“位居全市第2位”, second in the city) of the economy theme:

# %%
Markdown(profile.ranks_lines())

# %%
profile.plot_ranks()

# %% [markdown]
# ## Which words go together
#
# Terms that share sentences in the economy paragraphs: node size is the number of sentences with the term,
# edge width the number of sentences two terms share (a fixed layout seed gives the same picture each run).

# %%
profile.plot_cooccurrence()

# %% [markdown]
# ## Findings

# %%
Markdown(profile.findings(after_target_findings=True))

# %%
Markdown(nh.tables_note(written))
