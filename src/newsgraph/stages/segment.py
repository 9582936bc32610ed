"""Segment stage: tokenise, parse and split sentences with spaCy, honouring repair hints.

1. tokenise with the model's tokenizer;
2. split tokens at quotation marks and glued sentence boundaries found by repair, without
   changing the text (the Doc's text stays identical to the canonical text);
3. preset sentence starts at those boundaries, so the parser cannot merge them;
4. parse all articles of a batch in one ``nlp.pipe`` call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import nlp as nlp_mod
from ..pipeline import Stage
from ..records import Article, Span

# Batch size for nlp.pipe: larger batches gave no further speed-up on 2 cores.
PIPE_BATCH = 32


def cut_points(article: Article) -> tuple[set[int], set[int]]:
    """Offsets where a token must end, and offsets where a sentence must start."""
    cuts: set[int] = set()
    for mark in article.quote_marks or []:
        cuts.add(mark["offset"])
        cuts.add(mark["offset"] + 1)
    starts = {h["offset"] for h in article.hints or [] if h["kind"] == "sentence_start"}
    starts |= {start for start, _ in article.paragraphs or []}  # no sentence spans a paragraph
    for zone in article.zones or []:
        if zone["kind"] != "body":
            starts.add(zone["start"])
            starts.add(zone["end"])
    cuts |= starts
    return cuts, starts


def make_doc(nlp: Any, article: Article) -> Any:
    """A tokenised Doc whose text equals the canonical text, split at the repair cuts."""
    from spacy.tokens import Doc

    doc = nlp.make_doc(article.text)
    cuts, starts = cut_points(article)
    if not cuts:
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[int] = []
    changed = False
    for tok in doc:
        lo, hi = tok.idx, tok.idx + len(tok.text)
        inner = sorted(c for c in cuts if lo < c < hi)
        bounds = [lo, *inner, hi]
        changed = changed or bool(inner)
        for a, b in zip(bounds, bounds[1:], strict=False):
            words.append(article.text[a:b])
            spaces.append(False)
            offsets.append(a)
        spaces[-1] = bool(tok.whitespace_)
    if not changed and not starts:
        return doc
    sent_starts: list[bool | int | None] = [True if off in starts else None for off in offsets]
    opening = {m["offset"] for m in article.quote_marks or [] if m["role"] == "open"}
    for i, off in enumerate(offsets[:-1]):
        if off in opening:  # never split an opening mark from the words it opens
            sent_starts[i + 1] = False
    if sent_starts:
        sent_starts[0] = True
    new = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    if new.text != article.text:  # defensive: never let offsets drift
        return doc
    return new


class SegmentStage(Stage):
    """spaCy parse with hint-aware tokens; adds the Doc and sentence spans."""

    name = "segment"
    requires = frozenset({"text", "quote_marks", "hints", "paragraphs", "zones"})
    assigns = frozenset({"doc", "sentences"})

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    @property
    def nlp(self) -> Any:
        return nlp_mod.load(self.model)

    def process(self, article: Article) -> None:
        self.process_batch([article])

    def process_batch(self, articles: Sequence[Article]) -> None:
        nlp = self.nlp
        todo = [a for a in articles if a.status == "ok"]
        docs = []
        for article in todo:
            try:
                docs.append(make_doc(nlp, article))
            except Exception as exc:  # noqa: BLE001
                article.status = f"failed: stage:{self.name} {type(exc).__name__}: {exc}"
        todo = [a for a in todo if a.status == "ok"]
        for article, doc in zip(todo, nlp.pipe(docs, batch_size=PIPE_BATCH), strict=True):
            article.doc = doc
            article.sentences = sentence_spans(doc)


def sentence_spans(doc: Any) -> list[Span]:
    """Character spans of the parsed sentences."""
    return [(s.start_char, s.end_char) for s in doc.sents]
