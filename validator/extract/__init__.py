"""Drafting fact sheets from article text, and checking articles directly.

    from validator.extract import extract, check_article
    draft = extract(open("article.txt").read())
    print(draft.to_yaml())                      # a fact sheet to correct and keep
    report = check_article(text, "article.txt")   # findings placed in the article

The steps, one module each: :mod:`.text` (plain text, Markdown, HTML),
:mod:`.sentences` (sentences with offsets), :mod:`.mentions` (every number
with its qualifier and noun), :mod:`.periods` (the period of each figure:
years, editions, relative periods), :mod:`.datefacts` (weekdays, durations,
editions and periods as DT01-DT04 claims), :mod:`.claims` (patterns within a
sentence), :mod:`.linking` (figures across sentences), :mod:`.draft` (the
fact sheet), :mod:`.article` (checking and placing findings).
"""

from validator.extract.article import check_article, extract
from validator.extract.draft import Draft

__all__ = ["Draft", "check_article", "extract"]
