"""EventScan must find every token the clause coder can code (it only skips the others)."""

import json
from pathlib import Path

import pytest

from newsgraph.nlp import load
from newsgraph.stages.event_coder import code_noun, code_token
from newsgraph.stages.event_scan import EventScan

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpus" / "bbc.jsonl"
SENTENCES = [
    "The United States imposed sanctions on Iran.",  # verb trigger
    "Leaders held peace talks in Geneva.",  # light verb, compound of its object
    "Farmers organised a blockade of the port.",  # a verb outside the lexicon
    "The two leaders had talks in Rome.",
    "Workers went on strike in Paris.",  # light verb through a preposition
    "Sanctions imposed by the West hit Russia's economy.",  # participle under a noun
    "Moscow said Kyiv must withdraw its troops.",  # obligation in a reported clause
    "The minister said Israel was responsible for the blast.",  # blame word
    "Iran is ready to resume talks.",  # frame adjective
    "The Attack was condemned by Germany.",  # lemma keeps its capital
    "Russia's missile strikes on Ukraine continued.",  # standalone event noun
    "Iran condemned Israel. Police arrested a reporter. Japan will meet Korea.",
]


@pytest.fixture(scope="module")
def nlp():
    return load()


def _missed(doc) -> list[str]:
    scan = EventScan(doc)
    heads, nouns = set(scan.clause_heads), set(scan.nouns)
    out = []
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX", "ADJ") and code_token(tok) is not None \
                and tok.i not in heads:
            out.append(f"head {tok.text!r} in {tok.sent.text!r}")
        if tok.pos_ == "NOUN" and code_noun(tok) is not None and tok.i not in nouns:
            out.append(f"noun {tok.text!r} in {tok.sent.text!r}")
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_finds_every_codable_token(nlp, text):
    doc = nlp(text)
    assert _missed(doc) == []
    scan = EventScan(doc)
    assert scan.clause_heads or scan.nouns, "each sentence has a trigger"


def test_sentence_bounds_match_spacy(nlp):
    doc = nlp(SENTENCES[-1])
    scan = EventScan(doc)
    assert scan.sent_starts == [s.start for s in doc.sents]
    assert scan.sent_ends == [s.end for s in doc.sents]
    assert scan.sent_of[len(doc) - 1] == len(scan.sent_starts) - 1


def test_empty_doc(nlp):
    scan = EventScan(nlp(""))
    assert scan.clause_heads == [] and scan.nouns == [] and scan.sent_starts == []


def test_scan_on_bbc_articles(nlp):
    if not BBC.exists():
        pytest.skip(f"{BBC} absent: the BBC corpus is read from ../shared/data only")
    with BBC.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["body"] for _, line in zip(range(15), fh, strict=False)]
    for doc in nlp.pipe(texts):
        assert _missed(doc) == []
