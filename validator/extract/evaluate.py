"""Evaluate extraction and checking on a corpus of real sentences.

    python -m validator.extract.evaluate [CORPUS] [--json]

CORPUS defaults to ../shared/corpus/realworld-dev.jsonl beside the repository.
Each item's article text is its ``quote`` followed by its ``context``
sentences; it is extracted and checked with :func:`check_article`.

Definitions (per item; then summed per kind and overall):

* Gold: the item's ``kind`` and its values G, each ``stated`` form read as a
  written number (the first number in it: "decreased 13.8%" is 13.8 percent;
  "2,909,135 + 2,907,351" gives both terms). Two written numbers are the
  same when they have the same value and kind (number, percent, points,
  multiple, fraction); qualifiers, signs, currency and nouns are ignored.
* A claim's linked numbers L are the stated figures of its fields (implied
  figures, which have no number, are not counted).
* Groups: an implied figure that a rate claim defines (its rate, from a
  stated total and amount) or a sum claim defines (its total, from stated
  parts) stands for the figures that define it. Claims that share such a
  figure are scored as one: a per-capita change between two implied rates
  and the two rate claims behind it; a share of an implied total and the sum
  that makes it. Each claim of a group matches when the group does, with the
  group's rules, linked numbers and levels.
* Scored claims: claims whose words lie in the quote (not in the context
  sentences, which the corpus gives only as figures for the comparison) and
  that are about G: one of the levels they relate (from, to, part, whole,
  larger, smaller) is in G, or, when they state no level, their one stated
  figure is. Other claims of the quote concern figures the item does not
  annotate (rw-043 lists three of six companies; their "1%" may equal an
  annotated "1%" by chance); they are counted as "unannotated", not scored.
* A scored claim matches when its rule corresponds to the kind (KIND_RULES),
  every number it links is in G, and it links at least two numbers of G (or
  all of G when G has fewer than two).
* Precision = matching claims / scored claims. Recall = items with at least
  one matching claim / items.
* Verdict agreement: the item's verdict equals the worst verdict of its
  matching claims; an item with no matching claim disagrees. An item the
  corpus marks ``borderline`` (its verdict depends on how the rounding of its
  figures is read) agrees as consistent or as doubtful, the checker's warning
  for a fit that needs a lenient reading of rounding.
* Consistent judged inconsistent: items whose verdict is consistent where a
  scored claim is judged inconsistent (the target is none). Inconsistent
  findings of other claims on consistent items are listed apart.
* Sentences per second: sentences of all item texts / seconds spent in
  extraction and checking.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from validator.extract import mentions as finder
from validator.extract.article import check_article, extract
from validator.extract.draft import LEVEL_FIELDS, _figs
from validator.numbers import Kind

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "corpus" / "realworld-dev.jsonl"

KIND_RULES = {
    "percent_change": {"percent-change", "from-to"},
    "prev_current_change": {"percent-change", "from-to"},
    "from_to_points": {"percentage-points", "percent-change", "from-to"},
    "multiple": {"multiple"},
    "share": {"share", "sum"},
    "sum_total": {"sum", "difference", "rate"},  # the corpus's totals include products: rate x amount
}
GROUP_FIELDS = {"rate": "rate", "sum": "total"}  # the implied figure each of these rules defines
ORDER = ["consistent", "unverifiable", "ambiguous", "doubtful", "inconsistent"]


def number_key(m) -> tuple:
    kind = m.written.kind
    return (abs(m.written.value), "percent" if kind is Kind.PERCENT else kind.value)


def gold_numbers(item: dict) -> set[tuple]:
    out = set()
    for v in item["values"].values():
        stated = str(v.get("stated", ""))
        found = [m for m in finder.find(stated) if m.is_amount]
        for m in found if "+" in stated else found[:1]:
            out.add(number_key(m))
    return out


def evaluate(path: Path) -> dict:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    seconds = 0.0
    sentences = 0
    for item in items:
        text = " ".join([item["quote"], *(item.get("context") or [])])
        t0 = time.perf_counter()
        draft = extract(text)
        report = check_article(text, item["id"])
        seconds += time.perf_counter() - t0
        sentences += len(draft.sentences)
        rows.append(_score(item, draft, report))
    return _summary(rows, sentences, seconds)


def groups(claims) -> dict[str, list]:
    """Each claim's group: the claims it shares an implied figure with that a rate or sum claim defines."""
    defined = {
        id(v)
        for c in claims
        if c.source is not None and c.rule in GROUP_FIELDS
        for v in _figs(c.source.fields.get(GROUP_FIELDS[c.rule]))
        if not isinstance(v, finder.Mention)
    }
    parent = {c.id: c.id for c in claims}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    owner: dict[int, str] = {}
    for c in claims:
        for value in c.source.fields.values() if c.source else []:
            for v in _figs(value):
                if id(v) in defined:
                    if id(v) in owner:
                        parent[root(c.id)] = root(owner[id(v)])
                    else:
                        owner[id(v)] = c.id
    out: dict[str, list] = {}
    for c in claims:
        out.setdefault(root(c.id), []).append(c)
    return {c.id: out[root(c.id)] for c in claims}


def _numbers(c, fields=None) -> set[tuple]:
    if c.source is None:
        return set()
    values = c.source.stated() if fields is None else [v for k in fields for v in _figs(c.source.fields.get(k))]
    return {number_key(v) for v in values if isinstance(v, finder.Mention) and v.written is not None}


def _score(item: dict, draft, report) -> dict:
    gold = gold_numbers(item)
    quote_end = len(item["quote"])
    verdicts = {f.claim: f.verdict.value for f in report.findings if f.verdict is not None}
    scored, matched, unannotated = [], [], []
    group_of = groups(draft.claims)
    for c in draft.claims:
        if c.span[0] >= quote_end:
            continue
        group = group_of[c.id]
        linked = set().union(*(_numbers(g) for g in group))
        levels = set().union(*(_numbers(g, (*LEVEL_FIELDS, "total", "amount")) for g in group))
        if not (levels & gold if levels else linked & gold):
            unannotated.append(c.id)
            continue
        scored.append(c.id)
        need = min(2, len(gold))
        rules = {g.rule for g in group}
        if rules & KIND_RULES[item["kind"]] and linked <= gold and len(linked & gold) >= need:
            matched.append(c.id)
    got = max((verdicts.get(c, "unverifiable") for c in matched), key=ORDER.index) if matched else None
    other_bad = [c.id for c in draft.claims if verdicts.get(c.id) == "inconsistent" and c.id not in scored]
    return {
        "id": item["id"],
        "kind": item["kind"],
        "verdict": item["verdict"],
        "got": got,
        "borderline": bool(item.get("borderline")),
        "scored": scored,
        "matched": matched,
        "unannotated": unannotated,
        "false_alarm": item["verdict"] == "consistent" and any(verdicts.get(c) == "inconsistent" for c in scored),
        "other_inconsistent": other_bad if item["verdict"] == "consistent" else [],
        "input_errors": [f.message for f in report.input_errors],
    }


def _agrees(r: dict) -> bool:
    if r["got"] == r["verdict"]:
        return True
    return r["borderline"] and r["verdict"] == "consistent" and r["got"] == "doubtful"


def _summary(rows: list[dict], sentences: int, seconds: float) -> dict:
    groups = defaultdict(list)
    for r in rows:
        groups[r["kind"]].append(r)
        groups["overall"].append(r)
    figures = {}
    for kind, rs in groups.items():
        scored = sum(len(r["scored"]) for r in rs)
        matched = sum(len(r["matched"]) for r in rs)
        found = sum(1 for r in rs if r["matched"])
        agree = sum(1 for r in rs if _agrees(r))
        figures[kind] = {
            "items": len(rs),
            "precision": round(matched / scored, 3) if scored else None,
            "recall": round(found / len(rs), 3),
            "verdict_agreement": round(agree / len(rs), 3),
            "scored_claims": scored,
            "matching_claims": matched,
        }
    return {
        "figures": figures,
        "consistent_judged_inconsistent": [r["id"] for r in rows if r["false_alarm"]],
        "other_inconsistent_on_consistent_items": {
            r["id"]: r["other_inconsistent"] for r in rows if r["other_inconsistent"]
        },
        "missed": [r["id"] for r in rows if not r["matched"]],
        "verdict_disagreements": {r["id"]: [r["verdict"], r["got"]] for r in rows if not _agrees(r)},
        "input_errors": {r["id"]: r["input_errors"] for r in rows if r["input_errors"]},
        "sentences": sentences,
        "seconds": round(seconds, 4),
        "sentences_per_second": round(sentences / seconds, 1) if seconds else None,
        "items": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m validator.extract.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = evaluate(Path(args.corpus))
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "items"}, indent=2))
        return 0
    print(f"{'kind':22} {'items':>5} {'precision':>9} {'recall':>6} {'verdicts':>8}")
    for kind, f in sorted(result["figures"].items(), key=lambda kv: (kv[0] == "overall", kv[0])):
        p = "-" if f["precision"] is None else f"{f['precision']:.3f}"
        print(f"{kind:22} {f['items']:>5} {p:>9} {f['recall']:>6.3f} {f['verdict_agreement']:>8.3f}")
    print(
        f"\nconsistent sentences judged inconsistent: {', '.join(result['consistent_judged_inconsistent']) or 'none'}"
    )
    for k, v in result["other_inconsistent_on_consistent_items"].items():
        print(f"  (not annotated) inconsistent claims on consistent item {k}: {', '.join(v)}")
    print(f"no matching claim: {', '.join(result['missed']) or 'none'}")
    for k, (want, got) in result["verdict_disagreements"].items():
        print(f"  verdict {k}: corpus {want}, extracted {got or 'no claim'}")
    if result["input_errors"]:
        print(f"drafts with input errors: {result['input_errors']}")
    print(
        f"\n{result['sentences']} sentences in {result['seconds']:.3f} s: {result['sentences_per_second']} sentences/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
