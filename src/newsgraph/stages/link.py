"""Link stage: the date and place the text ties to each quote.

1. a quote's date is a resolved date in the attribution outside the quoted words ("...,
   the General Staff said on Thursday"), nearest the cue; else the publication date,
   flagged ``"from": "published"``; else none;
2. its place is a resolved place in the attribution outside the quoted words ("In Kyiv,
   ... she told him").
The words inside a quote are the speaker's, so a date or place there is not where or when
the speaker spoke.
"""

from __future__ import annotations

from typing import Any

from ..pipeline import Stage
from ..records import Article, Quote, Span

# Prepositions that say where something was said or done.
LOCATIVE = frozenset({"in", "at", "from", "near", "outside", "inside"})


def _outside(span: Span, quote: Quote) -> bool:
    return all(span[1] <= s or span[0] >= e for s, e in quote.content)


def _attribution_window(article: Article, quote: Quote) -> Span | None:
    """The sentence(s) holding the cue and speaker, or None for a cue-less quote."""
    anchors = [s for s, _ in quote.cue] + [s for s, _ in quote.speaker.mention]
    if not anchors or not article.sentences:
        return None
    lo, hi = min(anchors), max(anchors)
    sents = [s for s in article.sentences if s[0] <= hi and lo < s[1]]
    return (min(s[0] for s in sents), max(s[1] for s in sents)) if sents else None


def _governor(doc: Any, start: int, end: int) -> Any | None:
    """The first verb above a span in the parse, and the word right above the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _date_of_cue(doc: Any, d: dict[str, Any], cue_i: int) -> bool:
    """A calendar value whose clause is the cue's own ("..., the Staff said on Thursday")."""
    value = str(d.get("value") or "")
    if not value[:4].isdigit():
        return False  # durations, sets and present references say nothing of the day
    gov = _governor(doc, d["start"], d["end"])
    return gov is not None and gov.i == cue_i


def _place_of_cue(doc: Any, p: dict[str, Any]) -> bool:
    """A named place in a locative phrase ("In Kyiv, ...", "at the summit in Tashkent")."""
    if p.get("mention") == "demonym":
        return False
    span = doc.char_span(p["start"], p["end"], alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE


def _nearest(items: list[dict[str, Any]], window: Span, quote: Quote) -> list[dict[str, Any]]:
    """Items inside the attribution window and outside the quoted words, nearest cue first."""
    cue = quote.cue[0][0] if quote.cue else window[0]
    inside = [d for d in items if window[0] <= d["start"] and d["end"] <= window[1]
              and _outside((d["start"], d["end"]), quote)]
    return sorted(inside, key=lambda d: abs(d["start"] - cue))


def link_quote(article: Article, quote: Quote) -> None:
    """Set ``quote.date`` and ``quote.place`` from the article's dates and places."""
    window = _attribution_window(article, quote)
    doc = article.doc
    found = place = None
    if window is not None and quote.cue and doc is not None:
        cue_i = doc.char_span(*quote.cue[0], alignment_mode="expand").root.i
        dates = _nearest(article.extra.get("dates", []), window, quote)
        found = next((d for d in dates if _date_of_cue(doc, d, cue_i)), None)
        places = _nearest(article.extra.get("places", []), window, quote)
        place = next((p for p in places if _place_of_cue(doc, p)), None)
    if found is not None:
        quote.date = {"value": found["value"], "start": found["start"], "end": found["end"],
                      "from": "text"}
    elif article.published is not None:
        quote.date = {"value": article.published.value, "from": "published"}
    if place is not None:
        quote.place = {"name": place.get("name"), "country": place.get("country"),
                       "start": place["start"], "end": place["end"]}


class LinkStage(Stage):
    """Dates and places of quotes (events get theirs in the events stage)."""

    name = "link"
    requires = frozenset({"doc", "quotes", "dates", "places", "sentences"})
    assigns = frozenset[str]()  # enriches the quote records already there

    def process(self, article: Article) -> None:
        for quote in article.quotes or []:
            link_quote(article, quote)
