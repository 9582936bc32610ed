"""The shared spaCy pipeline (``newsgraph.nlp``): what it adds to the model's tokenizer."""

from newsgraph.nlp import load


def test_hyphenated_co_words_stay_one_token_and_parse_as_verbs() -> None:
    """"will co-ordinate any action with other unions": one verb with its object
    (regression: "co", "-", "ordinate" left the clause without a verb)."""
    doc = load()("The union will co-ordinate any action with other unions.")
    verb = next(t for t in doc if t.text == "co-ordinate")
    assert verb.pos_ == "VERB" and [c.text for c in verb.children if c.dep_ == "dobj"] == \
        ["action"]
    assert "".join(t.text_with_ws for t in doc) == doc.text  # offsets into the same text


def test_a_capitalised_hyphenated_word_is_kept_whole_too() -> None:
    doc = load()("Co-operation with the police was good.")
    assert doc[0].text == "Co-operation"
