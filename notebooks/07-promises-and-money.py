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
# # 07 · Promises and money: what the plan commits to, and the fiscal picture
#
# What exactly does the government promise for the year ahead, which of those promises can be checked at the
# year's end, and what does the report say about money: revenue, spending, transfers won from higher levels,
# bonds and debt?
#
# A commitment is a clause of the year-ahead part that commits the government to an action (“新开工建设回迁安置房”,
# start building resettlement homes). It is checkable when it states a quantity, a deadline or a named
# deliverable, or bids for an honour that someone else grants; “推进”, “加强”, “提升” (advance, strengthen,
# improve) without any of these give no end to check. Every figure quoted below is computed from the report when
# the notebook runs.

# %%
import matplotlib.pyplot as plt
from IPython.display import HTML, Markdown

import guanxian_analysis as ga
from guanxian_analysis import notebook_helpers as nh

nh.setup_notebook()

# %% tags=["parameters"]
report_path = None  # None: the Guanxian 2022 report in data/raw/; or the path of another report's text file
script = "simplified"  # "simplified" or "original" (the script as published)
tables_dir = None  # None: reports/data/

# %%
report = ga.load_report(report_path, script=script)
promises = ga.commitments(report)
Markdown(f"Report: **{nh.report_title(report)}**.")

# %% [markdown]
# ## How many commitments, and how many can be checked

# %%
Markdown(nh.commitment_facts(promises))

# %% [markdown]
# ### By verb class and by theme
#
# The verb class says what kind of action is promised: build or complete, start, launch a programme or pilot,
# bid for an honour, reach a figure, or improve with no checkable end. The filled part of each bar is the
# checkable commitments.

# %%
by_class = ga.commitment_summary(promises, by="verb_class")
by_theme = ga.commitment_summary(promises, by="theme")
fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 7.4), layout="constrained")
ga.plot_commitments(by_class, ax=top).set_title("By verb class")
ga.plot_commitments(by_theme, ax=bottom).set_title("By theme");

# %%
Markdown(nh.commitment_lines(by_class) + "\n\n" + nh.commitment_lines(by_theme))

# %% [markdown]
# ## The honours bid for
#
# Titles, pilots and approvals that a higher level grants: “争创” (strive to win), “创建” (set out to become),
# “申报” (apply for), or “争取” (try to obtain) followed by a title or an approval.

# %%
Markdown(nh.honour_lines(promises))

# %% [markdown]
# ## The named projects and deliverables
#
# Projects, sites, programmes and titles promised by name, each with the verb that promises it, in text order.

# %%
deliverables = ga.named_deliverables(promises)
Markdown(nh.deliverable_facts(deliverables, promises))

# %%
HTML(nh.scroll_table(nh.deliverable_display(deliverables), height=360))

# %% [markdown]
# ## The tracking sheet
#
# Every commitment as a row to follow through the year. The Excel workbook and the CSV have the same columns.

# %%
sheet = ga.write_tracking_sheet(promises, tables_dir)
Markdown(nh.tracking_sheet_note(sheet, promises))

# %% [markdown]
# ## The fiscal picture
#
# Every fiscal figure the report states (budget revenue and its growth, the tax share, spending on livelihoods,
# funds won from higher levels, special-purpose bonds, the deficit, debt), then the figures that follow from them.

# %%
money = ga.fiscal_picture(report)
written = [*sheet, nh.save_table(money, "fiscal-picture", tables_dir)]
Markdown(nh.fiscal_facts(money))

# %%
HTML(nh.scroll_table(nh.fiscal_display(money), height=760))

# %% [markdown]
# The amounts of money for a single year, in 亿元 (100 million yuan). Hatched bars are derived, not stated.

# %%
nh.chart(ga.plot_fiscal_amounts, ga.fiscal_amounts(money), row_height=0.5, width=8,
         empty="_The report states no amount of money for a single year._")

# %% [markdown]
# ### What the derived figures mean
#
# Each derived figure in one sentence, with the formula that gives it. These figures are not in the report.

# %%
Markdown(nh.derived_lines(money))

# %%
Markdown(nh.tables_note(written))
