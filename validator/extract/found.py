"""What the reader finds: claims whose fields are stated figures or implied ones.

A :class:`Claim` names a rule of :mod:`rules` and fills that rule's fields
with :class:`~validator.extract.mentions.Mention` objects (figures the article
writes) or :class:`Implied` ones (figures a claim implies but the article
does not state, such as last year's value). ``certain`` says whether every
link the claim makes between its figures is marked by the article's own
words in one sentence (or by an explicit "That was ..." to the sentence
before); a claim that fails through an uncertain link is reported as
doubtful, naming the link (``link``), never as an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from validator.extract.mentions import Mention


@dataclass
class Implied:
    """A figure the claim implies but the article does not state (last year's value)."""

    noun: str | None = None
    period: str | None = None
    like: Mention | None = None  # the stated figure it is compared with, for its name
    role: str = ""
    base_words: str | None = None  # how the article names it: "2016's attendance", "the month before"


Figure = Mention | Implied


@dataclass
class Claim:
    rule: str
    fields: dict[str, Figure | list[Figure] | None]
    start: int  # span of the words the claim comes from, in the article
    end: int
    sentence: int
    wording: str | None = None
    confidence: float = 0.8
    label: str | None = None  # "for Goldman", "than planned": what a claim is about, to find its figures
    notes: list[str] = field(default_factory=list)
    of_rates: bool = False  # "a per-capita decrease": a change of rates the article does not state
    unlinked_is_nothing: bool = False  # "fell by 113": without its figures (found later, or not) it claims nothing
    subject: str | None = None  # the words before a change's verb in its clause: what changed ('Exports')
    certain: bool = True  # every link marked by the article's words
    link: str | None = None  # the link assumed, in plain words, when not certain

    def stated(self) -> list[Mention]:
        out = []
        for value in self.fields.values():
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, Mention):
                    out.append(v)
        return out

    def missing(self, *roles: str) -> bool:
        return all(not isinstance(self.fields.get(r), Mention) for r in roles)

    def assume(self, link: str) -> None:
        """Record a link the article's words do not mark."""
        self.certain = False
        self.link = f"{self.link}; {link}" if self.link else link
