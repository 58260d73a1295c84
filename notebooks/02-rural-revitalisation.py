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
# # 02 · Rural revitalisation: farmland, lingzhi, villages and poverty gains
#
# How much of the report is about “乡村振兴” (rural revitalisation), what it promises for farmland, specialty
# crops and villages, and how it keeps the gains of poverty alleviation?
#
# The rural theme covers the paragraphs on agriculture, villages and the countryside (see *00 · Overview* for how
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
profile = ga.theme_profile(report, "rural")  # one notebook per theme
Markdown(f"Report: **{nh.report_title(report)}**.")

# %% [markdown]
# ## How much of the report rural revitalisation takes, and where
#
# Shares are of the report's body text (the glossary of terms, “名词解释”, is left out).

# %%
Markdown(profile.overview())

# %%
nh.segment_display(report, profile.theme)

# %% [markdown]
# ## Top terms and distinctive terms
#
# Left: the most frequent words of the rural revitalisation paragraphs, after removing stopwords (the layers are
# named below the chart: generic, government boilerplate such as “工作” work and “加强” strengthen, the place). Right: the words that set rural revitalisation apart from the rest of
# the report, by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); bars
# beyond the dashed lines are significant at the 5% level.

# %%
profile.plot_terms("Rural revitalisation against the rest of the report");

# %%
Markdown(profile.terms_note())

# %%
profile.plot_wordcloud()

# %% [markdown]
# ## Farmland and grain
#
# “高标准农田” (high-standard farmland: levelled, irrigated, machine-farmable fields) is the report's main
# farming target; its figures and its uses in context. “粮食” (grain) occurs only inside longer words
# (“粮食安全”, grain security), so these two terms are counted wherever their characters occur:

# %%
indicators = profile.indicators
Markdown(nh.indicator_lines(nh.theme_indicators(indicators, terms=["高标准农田", "粮食"])))

# %%
profile.kwic(["高标准农田", "粮食"], match="substring")

# %% [markdown]
# ## Lingzhi and orchards
#
# Two specialty crops the report promotes: “灵芝” (lingzhi, the reishi mushroom) and “林果” (orchards and
# forest fruit).

# %%
profile.kwic(["灵芝", "林果"], per_term=8)

# %% [markdown]
# ## Villages: living environment and the collective economy
#
# “人居环境” (the rural living environment: sanitation, clean heating, roads), “美丽乡村” (beautiful villages),
# and the village “集体经济” (collective economy) with the clean-up of village assets, “三资” (funds, assets and
# resources):

# %%
profile.kwic(["人居环境", "美丽乡村", "集体", "三资"], per_term=4)

# %% [markdown]
# ## Keeping the gains of poverty alleviation
#
# After “脱贫攻坚” (the battle against poverty) ended in 2020, the report promises “四个不摘” (the four
# “no removals”: of responsibility, policy, assistance and supervision) and “两不愁三保障” (no worries about
# food and clothing; guaranteed schooling, medical care and housing); the glossary's definitions where it has
# them:

# %%
phrases = ga.numbered_phrases(report)
phrases[phrases.phrase.isin(["四个不摘", "两不愁三保障", "五个振兴"])].set_index("phrase")[["count", "definition"]]

# %%
profile.kwic(["脱贫", "返贫"])

# %% [markdown]
# ## The indicators of rural revitalisation
#
# Every quantitative indicator of the rural revitalisation paragraphs, with the figure as written, what it measures, its
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
# Rank claims (“位居全市第2位”, second in the city) of the rural revitalisation theme:

# %%
Markdown(profile.ranks_lines())

# %%
profile.plot_ranks()

# %% [markdown]
# ## Which words go together
#
# Terms that share sentences in the rural revitalisation paragraphs: node size is the number of sentences with the term,
# edge width the number of sentences two terms share (a fixed layout seed gives the same picture each run).

# %%
profile.plot_cooccurrence()

# %% [markdown]
# ## Findings

# %%
Markdown(profile.findings())

# %%
Markdown(nh.tables_note(written))
