"""Regression: a text over spaCy's length limit failed as 'stage:segment ValueError E088'
when analysed directly (analyze_text), not with the clear too_large status of the CLI."""

from newsgraph.analyze import analyze_text
from newsgraph.nlp import load
from newsgraph.options import Options


def test_a_text_over_max_chars_is_too_large_not_a_spacy_error() -> None:
    article = analyze_text("The minister spoke. " * 5, options=Options(max_chars=50))
    assert article.status.startswith("failed: too_large 100 characters")
    assert "E088" not in article.status


def test_default_limit_applies_to_direct_calls() -> None:
    article = analyze_text("word " * 210_000)  # 1,050,000 characters: over the default
    assert article.status.startswith("failed: too_large 1050000 characters")


def test_every_admitted_text_is_parseable() -> None:
    analyze_text("The minister spoke.", options=Options(max_chars=2_500_000))
    assert load().max_length >= 2_500_000


def test_the_default_model_is_loaded_once() -> None:
    # Regression: load() and load(None) were two cache keys, so two copies of the model,
    # and a length limit raised on one did not apply to the other.
    assert load() is load(None)
