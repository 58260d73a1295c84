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
# # 04 · Livelihoods: education, health, jobs, social security and safety
#
# How much of the report is about people's livelihoods (“民生”), and what does it report and promise for
# schools, health, jobs, social security and public safety?
#
# The livelihoods theme covers the paragraphs on public services and social policy (see *00 · Overview* for how
# paragraphs get a theme). Every figure quoted below is computed from the report when the notebook runs.

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
profile = ga.theme_profile(report, "livelihoods")  # one notebook per theme
Markdown(f"Report: **{nh.report_title(report)}**.")

# %% [markdown]
# ## How much of the report livelihoods takes, and where
#
# Shares are of the report's body text (the glossary of terms, “名词解释”, is left out).

# %%
Markdown(profile.overview())

# %%
nh.segment_display(report, profile.theme)

# %% [markdown]
# ## Top terms and distinctive terms
#
# Left: the most frequent words of the livelihoods paragraphs, after removing stopwords (the layers are
# named below the chart: generic, government boilerplate such as “工作” work and “加强” strengthen, the place). Right: the words that set livelihoods apart from the rest of
# the report, by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); bars
# beyond the dashed lines are significant at the 5% level.

# %%
profile.plot_terms("Livelihoods against the rest of the report");

# %%
Markdown(profile.terms_note())

# %%
profile.plot_wordcloud()

# %% [markdown]
# ## Education
#
# “教育” (education) from “义务教育” (compulsory education) to vocational schooling, and the glossary's
# “五心幸福教育” and “双减政策” (the “double reduction” of homework and private tutoring):

# %%
profile.kwic(["教育", "学校", "双减"], per_term=5)

# %% [markdown]
# ## Health
#
# “医疗” (medical care), “医保” (medical insurance), hospitals (“医院”) and “疫情防控” (epidemic prevention and
# control):

# %%
profile.kwic(["医疗", "医保", "医院", "疫情防控"], per_term=4)

# %% [markdown]
# ## Employment
#
# “就业” (employment): new urban jobs (“城镇新增就业”), the unemployment rate and start-up loans
# (“创业担保贷款”):

# %%
indicators = profile.indicators
Markdown(nh.indicator_lines(nh.theme_indicators(indicators, "livelihoods", terms=["就业", "失业", "创业"])))

# %% [markdown]
# ## Social security and public safety
#
# “社会保障” (social security), “养老” (elderly care), “低保” (minimum living allowance), and public safety:
# “安全生产” (work safety), “食品安全” (food safety) and “信访” (petitions). “信访” occurs only inside longer
# words (“信访件”, “信访工作”, “大信访”), so this table counts wherever the characters occur:

# %%
profile.kwic(["社会保障", "养老", "低保", "安全生产", "食品安全", "信访"], per_term=3,
                     match="substring")

# %% [markdown]
# ## The indicators of livelihoods
#
# Every quantitative indicator of the livelihoods paragraphs, with the figure as written, what it measures, its
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
# Rank claims (“位居全市第2位”, second in the city) of the livelihoods theme:

# %%
Markdown(profile.ranks_lines())

# %%
profile.plot_ranks()

# %% [markdown]
# ## Which words go together
#
# Terms that share sentences in the livelihoods paragraphs: node size is the number of sentences with the term,
# edge width the number of sentences two terms share (a fixed layout seed gives the same picture each run).

# %%
profile.plot_cooccurrence()

# %% [markdown]
# ## Findings

# %%
Markdown(profile.findings())

# %%
Markdown(nh.tables_note(written))
