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
# # 00 · Overview: the report's structure, themes, numbers and words
#
# What is in the report, how is it organised, which themes take the most space, which numbers does it give,
# and what does it say about the cities and about government itself?
#
# A county government work report (“政府工作报告”) is the county head's annual speech to the people's congress:
# a review of the past year (and, in a congress's first session, of the past five years), the plan for the
# next five years and the tasks for the year ahead, then a part on the government's own conduct. This notebook
# maps that structure and the whole report; notebooks 01–04 take one theme each. Every figure quoted below is
# computed from the report when the notebook runs.

# %%
import matplotlib.pyplot as plt
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
Markdown(nh.report_facts(report))

# %% [markdown]
# ## Structure
#
# The report's parts (“一、二、三、四”) and the segments the loader finds in them, with the period each covers
# and its share of the text:

# %%
nh.structure_display(report)

# %% [markdown]
# ## The glossary
#
# A report may end with a glossary (“名词解释”) of its slogans and policy terms, each defined in a sentence or
# two. The numbered slogans (“两不愁三保障”, “四个不摘” …) are counted in the body, with the glossary's
# definition where there is one:

# %%
phrases = ga.numbered_phrases(report)
Markdown(nh.glossary_facts(report, phrases))

# %%
nh.explore_table(nh.phrase_display(phrases))

# %% [markdown]
# ## The theme map
#
# Each paragraph gets one of six themes: from its numbered section where the section title decides, else from
# its lead phrase, else from a keyword lexicon (`data/theme_lexicon.csv`). The map shows where each theme sits
# across the parts.

# %%
shares = nh.theme_share(report)
Markdown(nh.theme_share_lines(shares))

# %%
fig, ax = plt.subplots(figsize=(9, 4.2))
ga.plot_theme_map(report, value="characters", ax=ax);

# %% [markdown]
# ## Keywords of the whole report
#
# TF-IDF (within the report's own paragraphs) and TextRank side by side; the word cloud weighs every term by its
# count after stopwords and government boilerplate are removed.

# %%
keywords = ga.keywords(report, by=None, top=15)
freqs = ga.term_frequencies(report)
keywords.set_index("rank")

# %%
fig, ax = plt.subplots(figsize=(9, 5.2))
ga.plot_wordcloud(freqs, ax=ax);

# %%
Markdown(nh.terms_note(report))

# %% [markdown]
# ## The scoreboard: last year's outcomes against this year's targets
#
# The main indicators pair the outcome of the year under review with the target for the year ahead (and the
# five-year review with the five-year plan where both give a figure):

# %%
board = ga.scoreboard(report)
Markdown(nh.scoreboard_lines(board))

# %%
rates = board[board.outcome_unit.eq("%") & board.target_unit.eq("%")]
nh.chart(ga.plot_scoreboard, rates, row_height=0.7)

# %% [markdown]
# ## Every number, audited
#
# The indicator extractor reads every number in the text. Each mention is either an indicator (a figure with a
# unit, period and metric) or excluded with a reason (a year, a page reference, a number inside a name such as
# “国道309”), so nothing is dropped silently.

# %%
audit = ga.number_audit(report)
Markdown(nh.audit_facts(audit))

# %%
nh.audit_summary(audit)

# %% [markdown]
# ## Rank claims
#
# Where the report says the county stands among its peers: a place (“位居全市第2位”, second in the city), a tier
# (“全市第一档”, first tier, not first place), a move (“前移1个位次”, up one place) or a standing without a place
# (“全市前列” among the top, “全省率先” first in the province to do it, “全市唯一”, “全市最多”):

# %%
ranks = ga.ranks(report)
Markdown(nh.ranks_lines(ranks))

# %%
nh.chart(ga.plot_ranks, ranks, row_height=0.4)

# %% [markdown]
# ## Urban development and governance
#
# Two themes have no notebook of their own. Urban development (“城市更新” urban renewal, “棚户区改造”
# shanty-town redevelopment, roads and housing) and governance (the government's own conduct, “放管服” reform,
# “营商环境” the business environment):

# %%
Markdown(nh.theme_overview(report, "urban") + "\n\n" + nh.theme_overview(report, "governance"))

# %%
urban = ga.distinctive_terms(*nh.theme_and_rest(report, "urban"), labels=("urban", "rest"))
governance = ga.distinctive_terms(*nh.theme_and_rest(report, "governance"), labels=("governance", "rest"))
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 5), layout="constrained")
ga.plot_distinctive_terms(urban, n=8, ax=left).set_title("Urban development against the rest")
ga.plot_distinctive_terms(governance, n=8, ax=right).set_title("Governance against the rest");

# %%
Markdown(nh.terms_finding(urban, side="urban", n=6) + "\n\n" + nh.terms_finding(governance, side="governance", n=6))

# %%
nh.kwic_view(nh.kwic_table(report, ["城市更新", "棚户区", "放管服", "营商环境"], per_term=3))

# %% [markdown]
# ## Tables
#
# The notebook exports the whole report's tables for use elsewhere: every indicator, the number audit, the
# scoreboard, the rank claims, keywords and term frequencies by theme.

# %%
written = nh.save_indicator_tables(report, tables_dir)
written.append(nh.save_table(keywords, "keywords", tables_dir))
written.append(nh.save_table(ga.term_frequencies(report, by="theme"), "term-frequencies-by-theme", tables_dir))
Markdown(nh.tables_note(written))
