"""The words that mark what a figure is in a claim: English, not any one article.

News copy links figures with a small, stable vocabulary: verbs and adverbs of
direction ("rose", "fell", "up"), nouns of change ("an increase of", "a 25
percent rise"), comparatives ("higher", "more ... than"), prepositions that
mark the earlier and later figure ("from", "to", "than", "compared with",
"versus"), and words of parts and wholes ("of", "or", "accounted for",
"in total"). Each list below is one of those classes, written as regular
expression alternatives; :mod:`validator.extract.roles` uses them to give
each figure its role from the words next to it.
"""

from __future__ import annotations

import re


def _alt(words: str) -> str:
    """Alternatives, longest first, with internal spaces matching any whitespace."""
    items = sorted({w.strip() for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


RISE_VERBS = _alt(
    "up|rose|rise|rises|rising|risen|grew|grow|grows|growing|grown|increased|increase|increases|increasing|"
    "climbed|climb|climbs|climbing|jumped|jump|jumps|jumping|gained|gain|gains|gaining|surged|surge|surges|"
    "surging|soared|soar|soars|soaring|advanced|advance|advances|advancing|added|adding|adds|expanded|expand|"
    "expands|expanding|leapt|leaped|leap|leaps|leaping|rebounded|rebound|rebounds|edged up|ticked up|went up|"
    "gone up|going up|goes up|picked up|spiked|lifted|boosted|raised|widened|widening|swelled|"
    "marked up|revised up|shot up|moved up|stepped up|higher"
)
FALL_VERBS = _alt(
    "down|fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|"
    "decreased|decrease|decreases|decreasing|slipped|slip|slips|slipping|slid|slide|slides|sliding|plunged|"
    "plunge|plunges|plunging|plummeted|plummets|plummeting|tumbled|tumble|tumbles|tumbling|sank|sink|sinks|"
    "sinking|shrank|shrunk|shrink|shrinks|shrinking|dipped|dip|dips|dipping|edged down|ticked down|eased|"
    "eases|easing|lost|lose|loses|losing|cut|cuts|cutting|reduced|reduces|reducing|narrowed|narrowing|"
    "contracted|contracting|went down|gone down|going down|goes down|retreated|slumped|slumps|slumping|"
    "lowered|marked down|revised down|haggled down|talked down|knocked down|brought down|lower"
)
RISE_NOUNS = _alt(
    "increase|increases|rise|rises|gain|gains|jump|jumps|growth|surge|climb|hike|uptick|boost|advance|upturn|"
    "improvement|expansion|rebound|leap|pickup|premium|markup"
)
FALL_NOUNS = _alt(
    "decrease|decreases|decline|declines|drop|drops|fall|falls|dip|loss|losses|cut|cuts|reduction|slide|slump|"
    "plunge|contraction|discount|markdown|downturn|shortfall"
)
CHANGE_NOUNS = f"(?:{RISE_NOUNS}|{FALL_NOUNS})"
DIRECTION_VERBS = f"(?:{RISE_VERBS}|{FALL_VERBS})"
# Phrasal verbs whose particle is no direction: "made up", "signed up", "set down", "turned up".
PHRASAL = frozenset(
    """made make makes making add adds set sets ended end ends sum sums summed turned show showed shows come came comes
    signed sign signs signing picked pick back took take takes laid lay broke broken shut sat stood step stepped
    wound wind winding wrapped wrap wraps follow followed catch caught cut bottomed topped sold wiped tied""".split()
)
# A word of direction ('rose', 'down'); directions() leaves out the particles of phrasal verbs.
DIRECTION = rf"\b{DIRECTION_VERBS}\b"
_DIRECTION = re.compile(DIRECTION, re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def is_particle(text: str, start: int, word: str) -> bool:
    """Whether 'up' or 'down' at ``start`` is the particle of a phrasal verb ('signed up', 'made up')."""
    if word.lower() not in ("up", "down"):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return bool(before and before.group(1).lower() in PHRASAL)


def directions(text: str) -> list[re.Match]:
    """The words of direction in ``text``, phrasal particles left out."""
    return [m for m in _DIRECTION.finditer(text) if not is_particle(text, m.start(), m.group())]


def has_direction(text: str) -> bool:
    return bool(directions(text))
MORE = _alt("more|higher|greater|larger|bigger|above|up|over|ahead|dearer|heavier|longer|stronger|better|extra")
LESS = _alt("less|fewer|lower|smaller|below|down|under|short|behind|cheaper|lighter|shorter|weaker|worse")
COMPARATIVES = f"(?:{MORE}|{LESS})"

# Words before a figure that make it the base a change or comparison is measured against.
BASE_MARKERS = _alt(
    "than|compared with|compared to|when compared with|when compared to|as compared with|versus|vs|vs.|"
    "against|as against|relative to|from|over|on|up from|down from|beat|beats|beating|surpassing|surpassed|"
    "surpasses|topped|tops|topping|exceeded|exceeds|exceeding|outstripped|outstrips|eclipsed|eclipsing"
)
# Words before a figure that make it the later level a change reaches.
TO_MARKERS = _alt("to|to reach|to hit|to stand at|to total|reaching|to a record|to an all-time")
# Words between two figures that say the second restates the first ("$6.92, or 4.1%").
RESTATE = r"(?:\s*,\s*or\s+|\s*\(\s*(?:or\s+|up\s+|down\s+)?|\s*[-\u2013\u2014]{1,3}\s*(?:or\s+|an?\s+(?:[a-z]+\s+)?)?|\s+or\s+)"

PERIOD_WORDS = _alt(
    "year|years|quarter|quarters|month|months|week|weeks|day|days|period|season|edition|half|fall|autumn|"
    "spring|summer|winter|decade|semester|term|session"
)
# Determiners and other words a role marker may stand before the figure with: "from the $21", "than its 2,300".
SKIP = r"(?:(?:the|a|an|its|their|his|her|our|this|that|these|those|some|all|each|only|just|a\s+further|another|about)\s+)*"


def direction_of(word: str) -> int | None:
    """+1 for a word of rising, -1 for a word of falling, None for neither."""
    low = " ".join(word.lower().split())
    if re.fullmatch(f"{RISE_VERBS}|{RISE_NOUNS}|{MORE}", low) or re.match(r"beat|top|exceed|surpass|outstrip|outpac|lead|led|won|win", low):
        return 1
    if re.fullmatch(f"{FALL_VERBS}|{FALL_NOUNS}|{LESS}", low) or re.match(r"trail|lost|lose", low):
        return -1
    return None
