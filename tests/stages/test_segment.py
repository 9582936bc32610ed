"""Segmentation: hint-aware tokens and sentences, with the Doc text equal to the article."""

from __future__ import annotations

from helpers import run_until


def test_doc_text_equals_canonical_text_after_splitting() -> None:
    text = "It was over, she said.Ukraine moved on.”We understand,” he said."
    article = run_until(text, "segment")
    assert article.doc.text == text


def test_glued_sentences_are_split() -> None:
    text = "The talks ended, she said.Ukraine became a candidate in June."
    article = run_until(text, "segment")
    starts = [s for s, _ in article.sentences or []]
    assert text.index("Ukraine") in starts


def test_no_sentence_spans_two_paragraphs() -> None:
    text = "Leaders warn of more rain\n\nEmergency services evacuated homes on Tuesday."
    article = run_until(text, "segment")
    for start, end in article.sentences or []:
        assert "\n\n" not in text[start:end].strip()


def test_opening_mark_stays_with_its_sentence() -> None:
    text = "He paused.”We understand your questions,” he said."
    article = run_until(text, "segment")
    starts = [s for s, _ in article.sentences or []]
    assert text.index("We understand") not in starts


def test_regression_split_tokens_keep_a_valid_parse() -> None:
    """Found by the property test: splitting tokens with the retokenizer left heads that
    the parser did not replace, and Span.root failed (E039)."""
    for text in ['0"1\'0Le3', "It was over.”We know,” he said.WestIt was", 'B"0']:
        article = run_until(text, "segment")
        for sent in article.doc.sents:
            assert sent.root.dep_ == "ROOT" or sent.root.head.i == sent.root.i
            assert all(t.dep_ for t in sent), [(t.text, t.dep_) for t in sent]
