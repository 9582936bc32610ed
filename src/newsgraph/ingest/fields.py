"""Turning one record of named fields (a JSON object, a CSV row) into a RawDocument.

Shared by the JSON Lines and CSV readers so that both take the same options:
``text_key``, ``title_key``, ``date_key``, ``url_key``, ``id_key``. Each may be a dotted path
into nested objects (``article.body``); unset, the defaults below are tried in order.
"""

from __future__ import annotations

from typing import Any

from .base import RawDocument, ReadResult
from .common import error, iso_date, too_large_message, unescape_entities

DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext"),  # maintext, date_publish: news-please
    "title": ("title", "headline"),
    "date": ("published", "date", "pubdate", "published_at", "date_publish"),
    "url": ("url", "link"),
    "id": ("id",),
}
FIELD_OPTIONS = tuple(f"{name}_key" for name in DEFAULT_KEYS)


def lookup(record: dict[str, Any], path: str) -> Any:
    """The value at a dotted path (``article.body``), or None when any step is missing."""
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def pick(record: dict[str, Any], name: str, options: dict[str, Any]) -> tuple[str | None, Any]:
    """(key used, value) for a field: the option's key if given, else the first default present."""
    chosen = options.get(f"{name}_key")
    candidates = (chosen,) if chosen else DEFAULT_KEYS[name]
    for key in candidates:
        value = lookup(record, key)
        if value is None or value == "" or (not chosen and isinstance(value, dict | list)):
            continue
        return key, value
    return None, None


def to_document(record: dict[str, Any], source: dict[str, Any], max_chars: int,
                options: dict[str, Any]) -> ReadResult:
    """A RawDocument from a record; keys not used for a field are kept in ``meta``."""
    text_key, text = pick(record, "text", options)
    if text_key is None:
        wanted = options.get("text_key") or " / ".join(DEFAULT_KEYS["text"])
        return error(source, "no_text", f"no text field (looked for {wanted}; set text_key)")
    if not isinstance(text, str) or not text.strip():
        return error(source, "empty", f"field '{text_key}' holds no text")
    if len(text) > max_chars:
        return error(source, "too_large", too_large_message(len(text), max_chars))
    values, meta = _split(record, text_key, options)
    text, decoded = unescape_entities(text)
    if decoded:
        meta["repairs"] = [{"step": "html_entities", "decoded": decoded}]
    title = _str_or_none(values.get("title"))
    if "id" in values:
        source = {**source, "id": values["id"]}
    published = iso_date(values.get("date"))
    if values.get("date") is not None and published is None:
        meta["date_raw"] = values["date"]
    evidence = f"input metadata ({source.get('format')} field)" if published else None
    return RawDocument(text=text, source=source,
                       title=unescape_entities(title)[0] if title else None,
                       url=_str_or_none(values.get("url")), published=published,
                       published_evidence=evidence, meta=meta)


def _split(record: dict[str, Any], text_key: str,
           options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(title/date/url/id values found, the rest of the record as meta)."""
    used = {text_key}
    values: dict[str, Any] = {}
    for name in ("title", "date", "url", "id"):
        key, value = pick(record, name, options)
        if key is not None:
            used.add(key)
            values[name] = value
    meta = without(record, used)
    for key in [k for keys in DEFAULT_KEYS.values() for k in keys]:
        if meta.get(key) in ("", None):
            meta.pop(key, None)  # an empty date or url cell is not metadata
    return values, meta


def without(record: dict[str, Any], paths: set[str]) -> dict[str, Any]:
    """A copy of the record minus the (dotted) paths used for fields; nested dicts copied."""
    out = dict(record)
    for path in paths:
        *parents, leaf = path.split(".")
        node = out
        for part in parents:
            if not isinstance(node.get(part), dict):
                break
            node[part] = dict(node[part])
            node = node[part]
        else:
            node.pop(leaf, None)
    return out


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
