"""The read-only JSON API (and, when present, the web pages) over a newsgraph store."""

from .app import create_app

__all__ = ["create_app"]
