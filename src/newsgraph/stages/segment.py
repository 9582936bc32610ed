"""Segment stage: tokenise, parse and split sentences with spaCy, honouring repair hints.

1. tokenise with the model's tokenizer;
2. split tokens at quotation marks and glued sentence boundaries found by repair, without
   changing the text (the Doc's text stays identical to the canonical text);
3. preset sentence starts at those boundaries, so the parser cannot merge them;
4. parse all articles of a batch in one ``nlp.pipe`` call.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH

from .. import nlp as nlp_mod
from ..options import Options
from ..pipeline import Stage
from ..records import Article, Span

# Batch size for nlp.pipe: larger batches gave no further speed-up on 2 cores.
PIPE_BATCH = 32
# The longest text parsed when no options say otherwise: the --max-chars default.
DEFAULT_MAX_CHARS = Options().max_chars


def cut_points(article: Article) -> tuple[set[int], set[int]]:
    """Offsets where a token must end, and offsets where a sentence must start."""
    cuts: set[int] = set()
    for mark in article.quote_marks or []:
        cuts.add(mark["offset"])
        cuts.add(mark["offset"] + mark.get("width", 1))
    starts = {h["offset"] for h in article.hints or [] if h["kind"] == "sentence_start"}
    starts |= {start for start, _ in article.paragraphs or []}  # no sentence spans a paragraph
    for zone in article.zones or []:
        if zone["kind"] != "body":
            starts.add(zone["start"])
            starts.add(zone["end"])
    cuts |= starts
    return cuts, starts


def make_doc(nlp: Any, article: Article) -> Any:
    """A tokenised Doc whose text equals the canonical text, split at the repair cuts.

    Tokens that contain a cut are split, and sentence starts are preset on the tokens at
    hint offsets; the text never changes.
    """
    doc = nlp.make_doc(article.text)
    cuts, starts = cut_points(article)
    if not cuts:
        return doc
    doc = _split_tokens(doc, sorted(cuts))
    _preset_sentences(doc, article, starts)
    return doc


def _split_tokens(doc: Any, cuts: list[int]) -> Any:
    """The doc, rebuilt with every token that a cut falls strictly inside split there.

    Most articles need no split (quotation marks are already tokens of their own), so the
    rebuild, which walks every token, only runs for the few that do.
    """
    from spacy.tokens import Doc

    arr = doc.to_array([IDX, LENGTH])
    idx, ends = arr[:, 0], arr[:, 0] + arr[:, 1]
    cut_arr = np.asarray(cuts)
    pos = np.searchsorted(idx, cut_arr, side="right") - 1
    inside = (pos >= 0) & (cut_arr > idx[pos.clip(min=0)]) & (cut_arr < ends[pos.clip(min=0)])
    if not inside.any():
        return doc
    by_token: dict[int, list[int]] = {}
    for tok_i, cut in zip(pos[inside].tolist(), cut_arr[inside].tolist(), strict=True):
        by_token.setdefault(tok_i, []).append(cut)
    words: list[str] = []
    spaces: list[bool] = []
    for tok in doc:
        bounds = [tok.idx, *sorted(by_token.get(tok.i, [])), tok.idx + len(tok.text)]
        for a, b in pairwise(bounds):
            words.append(tok.text[a - tok.idx: b - tok.idx])
            spaces.append(False)
        spaces[-1] = bool(tok.whitespace_)
    return Doc(doc.vocab, words=words, spaces=spaces)


def _preset_sentences(doc: Any, article: Article, starts: set[int]) -> None:
    """Sentence starts at hint offsets; never one right after an opening quotation mark."""
    idx = doc.to_array([IDX]).ravel()

    def token_at(offset: int) -> int | None:
        i = int(np.searchsorted(idx, offset))
        return i if 0 < i < len(idx) and idx[i] == offset else None

    for off in starts:
        i = token_at(off)
        if i is not None:
            doc[i].is_sent_start = True
    for mark in article.quote_marks or []:
        if mark["role"] == "open":
            i = token_at(mark["offset"] + mark.get("width", 1))
            if i is not None:  # never split an opening mark from the words it opens
                doc[i].is_sent_start = False


class SegmentStage(Stage):
    """spaCy parse with hint-aware tokens; adds the Doc and sentence spans."""

    name = "segment"
    requires = frozenset({"text", "quote_marks", "hints", "paragraphs", "zones"})
    assigns = frozenset({"doc", "sentences"})

    def __init__(self, model: str | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.model, self.max_chars = model, max_chars

    @property
    def nlp(self) -> Any:
        """The model, its length limit raised to ``max_chars`` so that every text this
        stage admits is parsed (spaCy refuses texts over its own limit with E088)."""
        nlp = nlp_mod.load(self.model)
        nlp.max_length = max(nlp.max_length, self.max_chars)
        return nlp

    def process(self, article: Article) -> None:
        self.process_batch([article])

    def process_batch(self, articles: Sequence[Article]) -> None:
        nlp = self.nlp
        todo = [a for a in articles if a.status == "ok"]
        docs = []
        for article in todo:
            if len(article.text) > self.max_chars:
                article.status = (f"failed: too_large {len(article.text)} characters is over "
                                  f"the limit of {self.max_chars} (max_chars)")
                continue
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
