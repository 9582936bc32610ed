"""Quotes stage: quotation-mark quotes, their cues and speakers.

1. pair opening and closing marks (roles decided by repair) within each paragraph;
2. for each quoted segment look for a reporting verb right after it (``“...,” Mr Putin
   said``) and right before it (``Sadleir tweeted: “...”``); a quote inside a reported
   clause (``said they were the “first public sign”``) becomes a mixed quote whose content
   is the whole clause;
3. join a segment interrupted by its attribution (``“...,” he said, “...”``);
4. give a cue-less, sentence-like quote that follows an attributed one its speaker
   (continuation), and drop other cue-less segments (titles, scare quotes);
5. resolve each speaker (see ``speakers``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .. import lexicons
from ..pipeline import Stage
from ..records import Article, Quote, Span, Speaker
from .speakers import SpeakerIndex, resolve, subject_of

# Tokens a cue may sit after the closing mark: room for "Pavlo Kyrylenko, the Donetsk
# regional governor, said" but not for an unrelated clause later in the sentence.
AFTER_WINDOW = 16
# Tokens between a cue and the opening mark of a direct quote ("said in a statement:").
BEFORE_GAP = 8
# A continuation quote may follow its speaker's previous quote by this many sentences.
CONTINUATION_SENTENCES = 3
MIN_CONTINUATION_WORDS = 3
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "dobj", "parataxis", "conj", "acomp"})
MEDIA = ("twitter", "facebook", "instagram", "telegram", "x", "tiktok", "youtube", "linkedin")


@dataclass
class Segment:
    """Text between an opening mark and its closing mark (or the paragraph end)."""

    open: int
    close: int  # offset of the closing mark, or paragraph end when unclosed
    closed: bool

    @property
    def content(self) -> Span:
        return self.open + 1, self.close


def segments(article: Article) -> list[Segment]:
    """Pair marks into quoted segments, never across paragraphs."""
    out: list[Segment] = []
    paras = article.paragraphs or [(0, len(article.text))]
    pstarts = [p[0] for p in paras]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for mark in article.quote_marks or []:
        by_kind.setdefault(mark["kind"], []).append(mark)
    for marks in by_kind.values():
        pending: dict[str, Any] | None = None
        for mark in marks:
            para = paras[max(0, bisect_right(pstarts, mark["offset"]) - 1)]
            if pending is not None and pending["para"] != para:
                out.append(Segment(pending["offset"], pending["para"][1], False))
                pending = None
            if mark["role"] == "open":
                if pending is not None:  # unbalanced: the earlier mark never closed
                    pending = None
                pending = {"offset": mark["offset"], "para": para}
            elif pending is not None:
                out.append(Segment(pending["offset"], mark["offset"], True))
                pending = None
        if pending is not None:
            out.append(Segment(pending["offset"], pending["para"][1], False))
    out.sort(key=lambda s: s.open)
    # Single-mark segments inside a double-mark quote are quotes within quotes: drop them.
    return [s for s in out if not any(o is not s and o.open < s.open and s.close <= o.close
                                      for o in out)]


def is_cue(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicons.cues() \
        and tok.lemma_.lower() != "be"


class _Finder:
    """Per-article state: the parse, quoted spans and the speaker index."""

    def __init__(self, article: Article, segs: list[Segment]) -> None:
        self.article = article
        self.doc = article.doc
        self.text = article.text
        self.segs = segs
        self.tok_starts = [t.idx for t in self.doc]
        quoted = [(s.open, s.close + 1) for s in segs]
        self.index = SpeakerIndex(self.doc, article.entities or [], quoted)

    def tok(self, offset: int) -> Any:
        return self.doc[max(0, bisect_right(self.tok_starts, offset) - 1)]

    def inside_any(self, offset: int) -> bool:
        return self.index.in_quote(offset)

    def cue_after(self, seg: Segment) -> Any | None:
        """A cue verb just after the closing mark, in the same sentence."""
        if not seg.closed:
            return None
        close_tok = self.tok(seg.close)
        sent = close_tok.sent
        last = self.text[seg.close - 1] if seg.close > 0 else ""
        nxt = close_tok.nbor(1) if close_tok.i + 1 < len(self.doc) else None
        if nxt is None or nxt.i >= sent.end:
            return None
        if last == "." and not nxt.is_lower:  # "... position.” President Xi did not"
            return None
        for tok in self.doc[close_tok.i + 1: min(sent.end, close_tok.i + 1 + AFTER_WINDOW)]:
            if tok.text in "“”\"" and self.inside_any(tok.idx + 1):
                break
            if is_cue(tok):
                return tok
        return None

    def cue_before(self, seg: Segment) -> tuple[Any, bool] | None:
        """The nearest cue verb before the opening mark; True when the quote is direct."""
        open_tok = self.tok(seg.open)
        sent_start = open_tok.sent.start
        if open_tok.i == sent_start and open_tok.i > 0:
            prev = self.doc[open_tok.i - 1]
            if prev.text in (":", ","):
                sent_start = prev.sent.start
        for i in range(open_tok.i - 1, sent_start - 1, -1):
            tok = self.doc[i]
            if self.inside_any(tok.idx):
                return None
            if is_cue(tok):
                gap = self.doc[tok.i + 1: open_tok.i]
                direct = len(gap) <= BEFORE_GAP and (
                    not gap or gap[-1].text in (":", ",") or all(
                        t.dep_ in ("prep", "pobj", "det", "dobj", "dative", "amod", "compound",
                                   "punct", "poss", "advmod", "npadvmod") for t in gap))
                return tok, direct
        return None

    def clause_of(self, cue: Any, seg: Segment) -> Span:
        """The reported clause of a cue that contains the quoted segment (mixed quotes)."""
        for child in cue.children:
            if child.dep_ in CLAUSE_DEPS and child.i > cue.i:
                left, right = child.left_edge, child.right_edge
                if left.idx <= seg.open <= right.idx + len(right.text):
                    while left.dep_ == "mark" or left.is_punct and left.i < right.i:
                        left = self.doc[left.i + 1]
                    end = max(right.idx + len(right.text), seg.close + (1 if seg.closed else 0))
                    return left.idx, _trim_end(self.text, left.idx, end)
        sent_end = self.tok(seg.close).sent.end_char
        start = self.doc[cue.i + 1].idx
        return start, _trim_end(self.text, start, max(sent_end, seg.close))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n.,;:":
        end -= 1
    return end


class QuotesStage(Stage):
    """Direct and mixed quotes with cues and resolved speakers."""

    name = "quotes"
    requires = frozenset({"doc", "quote_marks", "paragraphs", "entities"})
    assigns = frozenset({"quotes"})

    def process(self, article: Article) -> None:
        article.quotes = extract_quotes(article)


def extract_quotes(article: Article) -> list[Quote]:
    """All quotation-mark quotes of an article (see the module docstring for the steps)."""
    segs = [s for s in segments(article) if article.text[s.open + 1: s.close].strip()]
    finder = _Finder(article, segs)
    quotes: list[Quote] = []
    used: set[int] = set()
    last: Quote | None = None
    for k, seg in enumerate(segs):
        if k in used:
            continue
        quote = _attribute(finder, seg, segs, k, used, len(quotes))
        if quote is None and last is not None:
            quote = _continuation(finder, seg, last, len(quotes))
        if quote is not None:
            quotes.append(quote)
            last = quote
    return quotes


def _attribute(f: _Finder, seg: Segment, segs: list[Segment], k: int, used: set[int],
               n: int) -> Quote | None:
    after = f.cue_after(seg)
    before = f.cue_before(seg)
    ends_with_comma = f.text[seg.close - 1: seg.close] in (",", "?", "!", "—")
    near_after = after is not None and after.i - f.tok(seg.close).i <= 3
    if after is not None and (ends_with_comma or near_after or before is None or not before[1]):
        cue, content, kind, rule = after, [seg.content], "direct", "cue_after"
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        if nxt is not None and _interrupted(f, seg, nxt, cue):
            content.append(nxt.content)
            used.add(k + 1)
            rule = "interrupted"
    elif before is not None:
        cue, direct = before
        if direct:
            content, kind, rule = [seg.content], "direct", "cue_before"
        else:
            content, kind, rule = [f.clause_of(cue, seg)], "mixed", "mixed_clause"
    else:
        return None
    head = subject_of(cue)
    if head is None:
        return None
    speaker = resolve(head, f.index)
    quote = Quote(f"q{n + 1}", kind, content, [(cue.idx, cue.idx + len(cue.text))],
                  speaker, rule)
    _addressee_and_medium(cue, quote)
    return quote


def _interrupted(f: _Finder, seg: Segment, nxt: Segment, cue: Any) -> bool:
    """“...,” he said, “...”: the next segment continues the same quote."""
    if not seg.closed or nxt.open <= cue.idx:
        return False
    gap = f.text[seg.close + 1: nxt.open]
    return gap.rstrip().endswith((",", ":")) and "\n" not in gap and len(gap) < 120


def _continuation(f: _Finder, seg: Segment, last: Quote, n: int) -> Quote | None:
    """A cue-less, sentence-like quote shortly after another gets the same speaker."""
    words = f.text[seg.open + 1: seg.close].split()
    if len(words) < MIN_CONTINUATION_WORDS or not words[0][:1].isupper():
        return None
    prev = f.text[:seg.open].rstrip()[-1:]
    if prev and prev not in ".!?”\"’:":
        return None  # a fragment inside a sentence: a title or a scare quote
    sent_now = f.index.sent_of_tok[f.tok(seg.open + 1).i]
    sent_last = f.index.sent_of_tok[f.tok(last.end - 1).i]
    if sent_now - sent_last > CONTINUATION_SENTENCES:
        return None
    s = last.speaker
    speaker = Speaker(list(s.mention), s.name, s.entity, "continuation")
    return Quote(f"q{n + 1}", "direct", [seg.content], [], speaker, "continuation")


def _addressee_and_medium(cue: Any, quote: Quote) -> None:
    """`told Mr Putin`, `told CNN`, `wrote on Twitter`, `in a Facebook post`, `tweeted`."""
    lemma = cue.lemma_.lower()
    if lemma == "tweet":
        quote.medium = "Twitter"
    for child in cue.children:
        if lemma == "tell" and child.dep_ in ("dobj", "dative") and child.i > cue.i:
            span = child.doc[child.left_edge.i: child.i + 1]
            if child.ent_type_ == "ORG":
                quote.medium = span.text
            else:
                quote.addressee = span.text
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "via"):
            for obj in child.subtree:
                if obj.lower_ in MEDIA or obj.lower_ in ("statement", "interview", "update",
                                                          "post", "tweet", "op-ed", "letter"):
                    quote.medium = quote.medium or (
                        obj.text if obj.lower_ in MEDIA else child.doc[
                            child.i + 1: child.right_edge.i + 1].text)
                    break
