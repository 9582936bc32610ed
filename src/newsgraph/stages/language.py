"""Language stage: which language an article is in, before the English model reads it.

Every later stage (parse, entities, quotes, events, dates, places) is built for English.
Run on German or Spanish text they return confident nonsense, so:

1. the article's body text (captions and boilerplate left out) is sampled;
2. Latin-script prose that is a third English function words is English at once;
   otherwise ``langdetect`` (seeded, so the same text always gets the same answer) ranks
   languages;
3. its verdict must be borne out by the text's function words (spaCy's stop-word lists):
   a table of figures ("Shr 12 cts vs 9 cts  Net 3.4 mln") is "Swedish" at p=1.0 to
   langdetect but has no Swedish words in it;
4. the verdict is recorded as ``language`` ({code, probability, method});
5. a text that is clearly not English gets the status ``skipped: language:<code> ...``:
   it is stored with its text and language, and no English-only stage runs on it.

Too little text to tell (a headline, a one-line quote) is recorded as undetermined and
analysed as English: refusing short texts would lose more than it protects.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from functools import cache
from typing import Any

from ..pipeline import Stage
from ..records import Article

ENGLISH = "en"
UNDETERMINED = "und"  # ISO 639-2 code for "undetermined"
# Fewer letters than this and langdetect guesses wildly ("Obama said: 'Yes.'" comes out
# Estonian at p=0.99); 60 letters is about one full sentence.
MIN_LETTERS = 60
# An article is skipped only when another language is this sure; an English article full
# of Welsh or French names still ranks English first (BBC: 2,225 of 2,225 articles).
MIN_PROBABILITY = 0.90
# langdetect's cost grows with the text; the first few paragraphs decide as well as all.
SAMPLE_CHARS = 3000
BODY_ZONES = frozenset({"body", "subheading"})
# Running prose in any language is a quarter or more function words (English news about
# 0.4 by spaCy's list); below this share the text is a table or a list, not that language.
MIN_FUNCTION_SHARE = 0.15
# Letters outside the Latin blocks (Cyrillic, Arabic, CJK, ...): no English text is mostly
# written in them, so there langdetect is taken at its word.
LATIN_END = 0x250
# Prose uses many different function words; a table repeats a few ("Net", "in") that
# happen to be another language's. Counted only among words that are not English ones too.
MIN_DISTINCT_FOREIGN = 3
# Fewer different words than this ("x x x ...", a list of codes) is not prose in any
# language; langdetect still names one (Somali at p=1.0 for "x x x").
MIN_VOCABULARY = 10
# English prose is about 0.4 English function words; French, Spanish or German prose well
# under 0.1 (their words rarely are English ones). At this share, with this many different
# English function words, a Latin-script text is English without asking langdetect, the
# costliest step after the parser (about 4 ms an article).
ENGLISH_SURE_SHARE = 0.30
ENGLISH_SURE_DISTINCT = 15
_WORD = re.compile(r"[^\W\d_]+")


class LanguageStage(Stage):
    """Records the article's language; skips the English-only stages for other languages."""

    name = "language"
    requires = frozenset({"text", "zones"})
    assigns = frozenset({"language"})

    def __init__(self, check: bool = True) -> None:
        self.check = check

    def process(self, article: Article) -> None:
        verdict = detect(sample(article)) if self.check else assumed()
        article.extra["language"] = verdict
        if verdict["code"] not in (ENGLISH, UNDETERMINED):
            article.status = (f"skipped: language:{verdict['code']} English-only stages not "
                              f"run (detected with p={verdict['probability']})")


def sample(article: Article) -> str:
    """The start of the article's body text; the whole text when no zone is body."""
    text = article.text
    parts = [text[z["start"]:z["end"]] for z in article.zones or [] if z["kind"] in BODY_ZONES]
    joined = "\n".join(parts) if parts else text
    return joined[:SAMPLE_CHARS]


def detect(text: str) -> dict[str, Any]:
    """The most likely language of a text, or undetermined when it is too short to tell."""
    if _letters(text)[0] < MIN_LETTERS:
        return {"code": UNDETERMINED, "probability": None, "method": "too short to tell"}
    surely = plainly_english(text)
    if surely is not None:
        return surely
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random: seeded, it is deterministic
    try:
        best = detect_langs(text)[0]
    except LangDetectException:  # no letters it knows (digits, symbols, an unknown script)
        return {"code": UNDETERMINED, "probability": None, "method": "langdetect: no features"}
    code = best.lang.split("-")[0]  # "zh-cn" -> "zh": the code, not the variant
    if code != ENGLISH and best.prob < MIN_PROBABILITY:
        return {"code": UNDETERMINED, "probability": round(best.prob, 3),
                "method": f"langdetect: unsure ({best.lang} first)"}
    if code != ENGLISH and not borne_out(text, code):
        return {"code": UNDETERMINED, "probability": round(best.prob, 3),
                "method": f"langdetect said {best.lang}, but the text has too few of its words"}
    return {"code": code, "probability": round(best.prob, 3), "method": "langdetect"}


def plainly_english(text: str) -> dict[str, Any] | None:
    """The English verdict for Latin-script prose that is a third or more English function
    words of many kinds; None when that does not settle it (langdetect then decides)."""
    n_letters, non_latin = _letters(text)
    if non_latin > n_letters / 10:
        return None
    counts = _word_counts(text)
    english = stop_words(ENGLISH) or frozenset()
    n_words = sum(counts.values())
    share = sum(n for w, n in counts.items() if w in english) / n_words if n_words else 0.0
    if share < ENGLISH_SURE_SHARE or len(english.intersection(counts)) < ENGLISH_SURE_DISTINCT:
        return None
    return {"code": ENGLISH, "probability": None,
            "method": f"English function words ({share:.2f} of the words)"}


def borne_out(text: str, code: str) -> bool:
    """Whether the text's words back a non-English verdict: mostly non-Latin letters, or
    more of that language's function words than English ones, and enough to be prose."""
    letters = [c for c in text if c.isalpha()]
    if sum(ord(c) >= LATIN_END for c in letters) > len(letters) / 2:
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    theirs, english = stop_words(code), stop_words(ENGLISH) or frozenset()
    if len(set(words)) < MIN_VOCABULARY:  # one word repeated is no language at all
        return False
    if theirs is None:  # no list for the language: only English can be ruled out
        return _share(words, english) < MIN_FUNCTION_SHARE / 3
    share = _share(words, theirs)
    foreign = {w for w in words if w in theirs and w not in english}
    return (share >= MIN_FUNCTION_SHARE and share > _share(words, english)
            and len(foreign) >= MIN_DISTINCT_FOREIGN)


# Bytes that are not ASCII letters (str.isalpha of an ASCII character is [A-Za-z]).
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _letters(text: str) -> tuple[int, int]:
    """How many letters the text has, and how many of them are outside the Latin blocks:
    ASCII letters counted by deleting the other bytes, the rest one distinct character at
    a time (a per-character loop cost most of this stage)."""
    ascii_part = text.encode("ascii", "ignore")
    n_letters = len(ascii_part.translate(None, _ASCII_NON_LETTERS))
    non_latin = 0
    if len(ascii_part) == len(text):
        return n_letters, non_latin
    for c, n in Counter(_ASCII_RUNS.sub("", text)).items():
        if c.isalpha():
            n_letters += n
            if ord(c) >= LATIN_END:
                non_latin += n
    return n_letters, non_latin


def _word_counts(text: str) -> Counter[str]:
    """How often each lower-cased word occurs: ``[w.lower() for w in _WORD.findall(text)]``
    counted, lower-casing each distinct spelling once."""
    counts: Counter[str] = Counter()
    for w, n in Counter(_WORD.findall(text)).items():
        counts[w.lower()] += n
    return counts


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(w in vocabulary for w in words) / len(words)


@cache
def stop_words(code: str) -> frozenset[str] | None:
    """spaCy's stop words for a language code, or None where spaCy has no list."""
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        return None
    return frozenset(module.STOP_WORDS)


def assumed() -> dict[str, Any]:
    """The verdict when the user said every text is English (``--language en``)."""
    return {"code": ENGLISH, "probability": None, "method": "given with --language en"}


def is_skipped(status: str) -> bool:
    """Whether a status says the article was kept but not analysed (not a failure)."""
    return status.startswith("skipped:")
