"""Embedded SQLite store (WAL, FTS5) for analysed articles."""

from .db import Store

__all__ = ["Store"]
