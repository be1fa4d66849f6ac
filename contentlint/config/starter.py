"""The commented `.contentlint.yaml` that `contentlint init` writes."""

STARTER_CONFIG = """\
# contentlint configuration. Every key is optional; `contentlint rules` lists the rules.
extends: [default]                 # built-in rules; add folders with your team's own rule files
lang: en                           # default language of posts (Bengali posts are recognised by script)
default_channel: null              # channel for posts whose front matter names none
# The posts (patterns as in .gitignore): what `check` checks, and where repeats are looked for.
content: ["posts/**/*.md", "posts/**/*.txt"]
exclude: []                        # never posts, e.g. ["posts/archive/"]; git-ignored files are skipped too
front_matter: {fields: []}         # your own front matter keys, e.g. [author, status] (FM005 reports unknown ones)
# baseline: contentlint-baseline.yaml   # findings accepted at adoption: `contentlint check --write-baseline FILE`

brand:
  name: YourBrand                  # canonical spelling; other casings are flagged and fixable
  pillars:                         # what the brand stands for; a post should touch one
    quality: [durable, lasting, quality]
  terms:
    prefer: {e-mail: email}        # deprecated -> preferred (fixable)
    avoid: {}                      # banned term -> reason
    competitors: []

hashtags:
  brand: ["#YourBrand"]
  approved: []
  banned: []
  require_brand_on: [instagram]

audiences:                         # who a post is for, where they are reached, how hard to read
  customers: {channels: [instagram, facebook, x], max_grade: 8}

repetition: {window_days: 30, threshold: 0.6}

rules: {}                          # e.g. passive-voice: off, HT004: error, long-sentence: {max_words: 30}
fail_on: error                     # error | warning | suggestion | never
"""
