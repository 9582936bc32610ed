"""Votes stage: body, motion, sponsors, counts and members of a reported vote.

General patterns of vote reporting, read around a tally sentence ("backed by 19 of the
27 member states", "by a vote of 12 to 3", "with 120 votes in favour"):
"X and Y voted against", "N countries — A, B, ... — abstained", "submitted by A and B",
"the Board ... passed a resolution demanding ...". Counts missing from the text are
taken from member lists; a vote is ``consistent`` when the counts add up to the body's
size (when the text gives it) and each list has as many members as its count.
"""

from __future__ import annotations

import re
from typing import Any

from ..pipeline import Stage
from ..records import Article
from .actors import lexicon

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUM = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"
NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
NAMES = rf"{NAME}(?:, {NAME})*(?:,? and {NAME})?"
TALLY = [
    # (?=[abprs]): the verbs' initials, so the alternation is tried only where one starts
    re.compile(rf"\b(?=[abprs])(?P<verb>approved|adopted|passed|backed|supported|rejected)"
               rf"\s+by\s+{NUM}"
               rf"\s+(?:of\s+the\s+{NUM}\s+)?(?:member\s+)?(?:states|countries|members|nations)",
               re.I),
    re.compile(rf"\bby\s+a\s+vote\s+of\s+{NUM}\s*(?:-|to)\s*{NUM}", re.I),
    re.compile(rf"\b{NUM}\s+votes?\s+(?:in\s+favou?r|for)\b", re.I),
]
# A word each tally pattern contains, checked before the (slower) pattern itself.
TALLY_HINTS = (None, "vote", "vote")
AGAINST = re.compile(rf"(?P<names>{NAMES})\s+voted\s+against")
AGAINST_N = re.compile(rf"\b{NUM}\s+(?:votes?\s+against|against)\b", re.I)
ABSTAIN = re.compile(rf"(?:(?P<n>{NUM})\s+(?:countries|states|members|nations)\s*[—–-]+\s*)?"
                     rf"(?P<names>{NAMES})\s*[—–-]*\s*abstained", re.I)
ABSTAIN_N = re.compile(rf"\b{NUM}\s+abstentions?\b", re.I)
SPONSORS = re.compile(rf"\b(?:submitted|sponsored|drafted|tabled|proposed|put forward)\s+by\s+"
                      rf"(?P<names>{NAMES})")
MOTION = re.compile(r"\b(?:passed|adopted|approved|rejected|voted on)\s+(?:a|an|the)\s+"
                    r"(?P<motion>(?:resolution|motion|bill|text|measure|amendment)\b[^.;]*)",
                    re.I)
BODY_SIZE = re.compile(rf"\b{NUM}-(?:nation|member|country|seat)\b", re.I)
BODY = re.compile(r"(?P<body>(?:[A-Z][\w’']*\s+)*(?:Board of Governors|Security Council|General "
                  r"Assembly|Council|Assembly|Parliament|Senate|House|Congress|Committee))")
# Sentences before and after a tally sentence that may name the body, motion and lists.
WINDOW = 2
# "passed" / "adopted": the motion carried; "rejected": it failed.
PASS_VERBS = frozenset({"approved", "adopted", "passed", "backed", "supported"})


def _int(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _names(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    return [p.strip() for p in parts if p.strip()]


class VotesStage(Stage):
    """Votes with tallies, member lists, sponsors, outcome and a consistency check."""

    name = "votes"
    requires = frozenset({"doc"})
    assigns = frozenset({"votes"})

    def process(self, article: Article) -> None:
        text = article.text
        lower = text.lower()
        if not any((hint is None or hint in lower) and p.search(text)
                   for p, hint in zip(TALLY, TALLY_HINTS, strict=True)):
            article.extra["votes"] = []  # no tally anywhere: no need for the sentences
            return
        sents = [(s.start_char, s.end_char) for s in article.doc.sents]
        dates = article.extra.get("dates", [])
        article.extra["votes"] = find_votes(text, sents, dates)


def find_votes(text: str, sents: list[tuple[int, int]],
               dates: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every vote whose tally the text reports."""
    votes = []
    for k, (start, end) in enumerate(sents):
        for pattern in TALLY:
            m = pattern.search(text, start, end)
            if m:
                lo = sents[max(0, k - WINDOW)][0]
                hi = sents[min(len(sents) - 1, k + WINDOW)][1]
                votes.append(_vote(text, m, (lo, hi), (start, end), dates or []))
                break
    return votes


def _vote(text: str, tally: re.Match[str], window: tuple[int, int], sent: tuple[int, int],
          dates: list[dict[str, Any]]) -> dict[str, Any]:
    groups = [g for g in tally.groups() if g and g.lower() not in PASS_VERBS | {"rejected"}]
    vote: dict[str, Any] = {"body": None, "motion": None, "date": None, "sponsors": [],
                            "yes": _int(groups[0]), "no": None, "abstain": None,
                            "yes_members": [], "no_members": [], "abstain_members": [],
                            "members": None, "outcome": None, "consistent": None,
                            "spans": {"tally": [tally.start(), tally.end()]}}
    if "vote of" in tally.group(0).lower() and len(groups) > 1:
        vote["no"] = _int(groups[1])
    elif len(groups) > 1:
        vote["members"] = _int(groups[1])
    chunk = text[window[0]:window[1]]
    _lists(vote, chunk, window[0])
    _body_and_motion(vote, text, window, sent)
    verb = (tally.groupdict().get("verb") or "").lower()
    vote["outcome"] = "rejected" if verb == "rejected" else "passed" if verb else (
        "passed" if vote["yes"] and vote["no"] is not None and vote["yes"] > vote["no"] else None)
    vote["date"] = next((d["value"] for d in dates if sent[0] <= d["start"] < sent[1]
                         and d.get("value")), None) or _date_near(vote, dates)
    vote["consistent"] = _consistent(vote)
    return vote


def _lists(vote: dict[str, Any], chunk: str, offset: int) -> None:
    """No, abstain and sponsor lists, with counts where the text gives none."""
    m = AGAINST.search(chunk)
    if m:
        vote["no_members"] = _countries(m.group("names"))
        vote["spans"]["no"] = [offset + m.start(), offset + m.end()]
    m = ABSTAIN.search(chunk)
    if m:
        vote["abstain_members"] = _countries(m.group("names"))
        vote["abstain"] = _int(m.group("n"))
        vote["spans"]["abstain"] = [offset + m.start(), offset + m.end()]
    m = SPONSORS.search(chunk)
    if m:
        vote["sponsors"] = _countries(m.group("names"))
        vote["spans"]["sponsors"] = [offset + m.start(), offset + m.end()]
    n = AGAINST_N.search(chunk)
    vote["no"] = vote["no"] if vote["no"] is not None else (
        _int(n.group(1)) if n else len(vote["no_members"]) or None)
    n = ABSTAIN_N.search(chunk)
    if vote["abstain"] is None:
        vote["abstain"] = _int(n.group(1)) if n else len(vote["abstain_members"]) or None


def _countries(names: str) -> list[str]:
    """Member names, keeping only those that name a country or organisation when any do."""
    out = _names(names)
    known = [n for n in out if lexicon().find(n.split())]
    return known or out


def _body_and_motion(vote: dict[str, Any], text: str, window: tuple[int, int],
                     sent: tuple[int, int]) -> None:
    """The voting body and the motion, from the sentence reporting the decision."""
    chunk = text[window[0]:sent[1]]
    motions = list(MOTION.finditer(chunk))
    if motions:
        m = motions[-1]
        vote["motion"] = m.group("motion").strip().split(",")[0].strip()
        vote["spans"]["motion"] = [window[0] + m.start("motion"),
                                   window[0] + m.start("motion") + len(vote["motion"])]
    bodies = list(BODY.finditer(chunk))
    if bodies:
        b = bodies[-1] if not motions else min(
            bodies, key=lambda x: abs(x.start() - motions[-1].start()))
        vote["body"] = _body_name(b.group("body"), chunk[:b.start()])
        vote["spans"]["body"] = [window[0] + b.start(), window[0] + b.end()]
    size = BODY_SIZE.search(chunk)
    if vote["members"] is None and size:
        vote["members"] = _int(size.group(1))


def _body_name(body: str, before: str) -> str:
    """"The UN nuclear watchdog's 13-member Board of Governors" -> "IAEA Board of
    Governors": an organisation named just before the body prefixes it."""
    words = re.sub(r"[’']s\b", " 's", before).replace("’", " ").split()[-8:]
    hits = [h for _, _, h in lexicon().find(words) if h.kind == "org" and h.code]
    prefix = hits[-1].code if hits else None
    body = re.sub(r"^(?:The|A)\s+", "", body.strip())
    return f"{prefix} {body}" if prefix and prefix not in body else body


def _date_near(vote: dict[str, Any], dates: list[dict[str, Any]]) -> str | None:
    span = vote["spans"].get("motion") or vote["spans"]["tally"]
    near = [d for d in dates if d.get("value") and abs(d["start"] - span[0]) < 200
            and re.match(r"^\d{4}-\d{2}-\d{2}$", str(d["value"]))]
    return str(min(near, key=lambda d: abs(d["start"] - span[0]))["value"]) if near else None


def _consistent(vote: dict[str, Any]) -> bool | None:
    """Counts add up to the body's size and lists match their counts."""
    checks = []
    if vote["members"] and vote["yes"] is not None:
        checks.append(vote["yes"] + (vote["no"] or 0) + (vote["abstain"] or 0) == vote["members"])
    for key in ("no", "abstain"):
        if vote[f"{key}_members"] and vote[key] is not None:
            checks.append(len(vote[f"{key}_members"]) == vote[key])
    return all(checks) if checks else None
