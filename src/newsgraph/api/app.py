"""The JSON API: read-only FastAPI routes under /api over :mod:`newsgraph.store.query`.

Every request opens its own read-only connection, so no endpoint can write; query
parameters are bounded in length and page size; requests with a body are refused; unknown
ids are a JSON 404. The web pages (``api/pages.py``) are mounted on the same app and
find the store at ``request.app.state.db_path``.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from .. import __version__
from .. import export as exports
from ..store import query as Q

MAX_TEXT = 200  # longest search string or name accepted; longer is a 422, not a slow scan
MAX_CURSOR = 512  # cursors this module hands out are far shorter
DATE = r"^\d{4}-\d{2}-\d{2}$"

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# /docs starts Swagger UI (served from /static/swagger) with one inline script of
# FastAPI's; only that page may run inline code. Nothing is loaded from elsewhere.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Day = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD")]
Cursor = Annotated[str | None, Query(max_length=MAX_CURSOR,
                                     description="next_cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=Q.MAX_PAGE)]
ExportKind = Literal["articles", "quotes", "entities", "events", "dates", "places", "votes",
                     "quantities"]
ExportFormat = Literal["jsonl", "csv", "parquet", "gdelt", "annotation"]


def create_app(db_path: str | Path) -> FastAPI:
    """The app serving the store at ``db_path`` (which must exist; it is never written)."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no database at {db_path}")
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only access to analysed news: articles, quotes, "
                              "entities, events, networks, timelines and exports. Every "
                              "fact carries article_id, start, end and the exact text.")
    app.state.db_path = str(db_path)
    _add_middleware(app)
    _add_errors(app)
    _add_routes(app)
    from .pages import install  # imports this module, so not at the top

    install(app)
    return app


def _add_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def guard(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if (length and length.strip() != "0") or request.headers.get("transfer-encoding"):
            response: Response = JSONResponse({"error": "request bodies are not accepted"},
                                              status_code=413)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path in ("/docs", "/redoc"):
            response.headers["Content-Security-Policy"] = DOCS_CSP
        return response


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(Q.NotFound)
    async def not_found(request: Request, exc: Q.NotFound) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=404)

    @app.exception_handler(Q.BadCursor)
    async def bad_cursor(request: Request, exc: Q.BadCursor) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, closed after it."""
    conn = Q.connect(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def _add_routes(app: FastAPI) -> None:  # noqa: C901 - one flat list of routes
    @app.get("/api/articles", tags=["articles"])
    def articles(conn: Conn, q: Text = None, date_from: Day = None, date_to: Day = None,
                 source: Text = None, cursor: Cursor = None,
                 limit: Limit = Q.DEFAULT_PAGE) -> dict[str, Any]:
        """Articles newest first; q is a substring of the title or text."""
        return Q.list_articles(conn, q, date_from, date_to, source, cursor, limit).to_dict()

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(conn: Conn, article_id: Annotated[str, _path_id()]) -> dict[str, Any]:
        """One article: text, sources, entities, quotes and facts grouped by kind."""
        return Q.get_article(conn, article_id)

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(conn: Conn, speaker: Text = None, entity: Text = None,
               date_from: Day = None, date_to: Day = None, q: Text = None,
               source: Text = None, article_id: Text = None, cursor: Cursor = None,
               limit: Limit = Q.DEFAULT_PAGE) -> dict[str, Any]:
        """Quotes; speaker and q are full-text words (any case), entity an exact name."""
        return Q.list_quotes(conn, speaker, entity, date_from, date_to, q, source,
                             article_id, cursor, limit).to_dict()

    @app.get("/api/quotes/facets", tags=["quotes"])
    def quote_facets(conn: Conn, speaker: Text = None, entity: Text = None,
                     date_from: Day = None, date_to: Day = None, q: Text = None,
                     source: Text = None,
                     size: Annotated[int, Query(ge=1, le=100)] = Q.FACET_SIZE,
                     ) -> dict[str, Any]:
        """Counts of matching quotes by speaker, month and source."""
        return Q.quote_facets(conn, speaker, entity, date_from, date_to, q, source, size)

    @app.get("/api/entities", tags=["entities"])
    def entities(conn: Conn, q: Text = None, label: Text = None, cursor: Cursor = None,
                 limit: Limit = Q.DEFAULT_PAGE) -> dict[str, Any]:
        """Entities by name and label across articles, most articles first."""
        return Q.list_entities(conn, q, label, cursor, limit).to_dict()

    @app.get("/api/entities/{name}", tags=["entities"])
    def entity(conn: Conn, name: Annotated[str, _path_id()],
               limit: Limit = Q.DEFAULT_PAGE) -> dict[str, Any]:
        """One entity by its exact name, with its quotes and events."""
        return Q.get_entity(conn, name, limit)

    @app.get("/api/events", tags=["events"])
    def events(conn: Conn, type: Text = None, actor: Text = None, recipient: Text = None,
               country: Text = None,
               quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
               date_from: Day = None, date_to: Day = None, place: Text = None,
               article_id: Text = None, cursor: Cursor = None,
               limit: Limit = Q.DEFAULT_PAGE) -> dict[str, Any]:
        """Events (PLOVER type, CAMEO, QuadClass), newest first."""
        return Q.list_events(conn, type, actor, recipient, country, quad_class, date_from,
                             date_to, place, article_id, cursor, limit).to_dict()

    @app.get("/api/network", tags=["network"])
    def network(conn: Conn, date_from: Day = None, date_to: Day = None,
                level: Literal["country", "actor"] = "country", type: Text = None,
                max_edges: Annotated[int, Query(ge=1, le=5000)] = Q.NETWORK_EDGES,
                ) -> dict[str, Any]:
        """Actor network: nodes, edges with count, per-type counts and cooperation score."""
        return Q.network(conn, date_from, date_to, level, type, max_edges)

    @app.get("/api/network/edge", tags=["network"])
    def network_edge(conn: Conn, a: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
                     b: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
                     date_from: Day = None, date_to: Day = None,
                     level: Literal["country", "actor"] = "country", type: Text = None,
                     cursor: Cursor = None, limit: Limit = Q.DEFAULT_PAGE) -> dict[str, Any]:
        """The events behind one edge, oldest first, each with its sentence."""
        return Q.edge_events(conn, a, b, date_from, date_to, level, type, cursor,
                             limit).to_dict()

    @app.get("/api/timeline", tags=["events"])
    def timeline(conn: Conn, by: Literal["day", "week"] = "day", type: Text = None,
                 actor: Text = None, date_from: Day = None,
                 date_to: Day = None) -> dict[str, Any]:
        """Event counts per day or week, by type; actor is a name or country code."""
        return Q.timeline(conn, by, type, actor, date_from, date_to)

    @app.get("/api/export/{kind}", tags=["export"])
    def export(conn: Conn, kind: ExportKind, format: ExportFormat = "jsonl") -> Response:
        """All rows of a kind as JSON Lines, CSV, Parquet, GDELT-style TSV (events) or
        W3C Web Annotation JSON-LD (quotes)."""
        try:
            exports.check(kind, format)
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc
        media, suffix = exports.MEDIA[format]
        headers = {"Content-Disposition": f'attachment; filename="{kind}{suffix}"'}
        if format == "parquet":
            buf = io.BytesIO()
            exports.write(conn, kind, format, buf)
            return Response(buf.getvalue(), media_type=media, headers=headers)
        # Streamed on a connection of its own: the request's is closed once this returns.
        return StreamingResponse(exports.stream_text(app.state.db_path, kind, format),
                                 media_type=media, headers=headers)


def _path_id() -> Any:
    from fastapi import Path as PathParam

    return PathParam(min_length=1, max_length=MAX_TEXT)
