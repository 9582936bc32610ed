"""The web pages: server-rendered HTML over the same queries as the JSON API.

Each page names its JSON twin (the API call that feeds it) in a link and in the
``X-JSON-Twin`` header. Templates autoescape everything; the little JavaScript there is
lives in ``web/static`` (no inline scripts, no CDN), so the app works offline and the
Content-Security-Policy can forbid inline code.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from ..store import query as Q
from ..web import highlight
from .app import MAX_TEXT, Conn, Cursor, Text

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"
PAGE_SIZE = 25  # rows per HTML page: enough to scan, short enough to read
HEADLINE_CHARS = 200  # a first line longer than this is a paragraph, not a headline

ENV = Environment(loader=PackageLoader("newsgraph.web", "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True))
ENV.globals["event_title"] = highlight.event_title
ENV.globals["vote_title"] = highlight.vote_title
ENV.globals["party_names"] = highlight.party_names

# An HTML form sends its empty fields as "", so a page takes an empty date as no date.
Day = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")]
Month = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2})?$", description="YYYY-MM")]

router = APIRouter(include_in_schema=False)


def install(app: FastAPI) -> None:
    """Mount the pages, their static files and offline API docs at /docs on ``app``."""
    app.include_router(router)
    _add_html_errors(app)
    try:
        import swagger_ui_bundle  # Swagger UI's files from PyPI, served locally
    except ImportError:
        swagger_ui_bundle = None
    if swagger_ui_bundle is not None:  # mounted before /static, which would shadow it
        app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
                  name="swagger")
        _add_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


def _add_html_errors(app: FastAPI) -> None:
    """Unknown ids on a page are an HTML 404 page; under /api they stay JSON."""
    @app.exception_handler(Q.NotFound)
    async def not_found(request: Request, exc: Q.NotFound) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": str(exc)}, status_code=404)
        html = ENV.get_template("error.html").render(json_url="", message=str(exc))
        return HTMLResponse(html, status_code=404)


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the locally served bundle (the app works offline)."""
    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")


def _query(params: dict[str, Any]) -> str:
    """A query string of the parameters that are set, for links that keep the view."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _set(**params: str | None) -> dict[str, str | None]:
    """The parameters with empty form fields as None (not given)."""
    return {k: (v or None) for k, v in params.items()}


def _page(request: Request, name: str, json_url: str, **context: Any) -> HTMLResponse:
    html = ENV.get_template(name).render(request=request, json_url=json_url,
                                         link=_query, **context)
    return HTMLResponse(html, headers={"X-JSON-Twin": json_url})


@router.get("/", response_class=HTMLResponse)
def home() -> RedirectResponse:
    """The front page is the article list."""
    return RedirectResponse("/articles", status_code=307)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, conn: Conn, q: Text = None, date_from: Day = None,
                  date_to: Day = None, source: Text = None,
                  cursor: Cursor = None) -> HTMLResponse:
    """Articles newest first with a search box."""
    params = _set(q=q, date_from=date_from, date_to=date_to, source=source)
    page = Q.list_articles(conn, cursor=cursor, limit=PAGE_SIZE, **params)
    return _page(request, "articles.html", "/api/articles?" + _query({**params,
                 "cursor": cursor}), page=page, params=params)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def reader_page(request: Request, conn: Conn,
                article_id: Annotated[str, PathParam(min_length=1, max_length=MAX_TEXT)],
                ) -> HTMLResponse:
    """One article with its facts highlighted and listed beside it."""
    article = Q.get_article(conn, article_id)
    body = highlight.render(article["text"] or "", highlight.marks(article))
    colours = highlight.speaker_classes(article["quotes"])
    return _page(request, "reader.html", f"/api/articles/{article['id']}", article=article,
                 body=body, colours=colours, heading=_heading(article))


def _heading(article: dict[str, Any]) -> str:
    """The title, else the text's first line when it reads like a headline."""
    if article.get("title"):
        return str(article["title"])
    first = (article.get("text") or "").split("\n", 1)[0].strip()
    return first if 0 < len(first) <= HEADLINE_CHARS else f"Article {article['id']}"


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, conn: Conn, q: Text = None, speaker: Text = None,
                entity: Text = None, date_from: Day = None, date_to: Day = None,
                source: Text = None, month: Month = None,
                cursor: Cursor = None) -> HTMLResponse:
    """Quote search with facets by speaker, month and source, all kept in the URL."""
    if month:
        date_from, date_to = _month_range(month)
    params = _set(q=q, speaker=speaker, entity=entity, date_from=date_from,
                  date_to=date_to, source=source)
    page = Q.list_quotes(conn, cursor=cursor, limit=PAGE_SIZE, **params)
    facets = Q.quote_facets(conn, **params)  # type: ignore[arg-type]
    return _page(request, "quotes.html", "/api/quotes?" + _query({**params,
                 "cursor": cursor}), page=page, facets=facets, params=params,
                 facets_url="/api/quotes/facets?" + _query(params))


def _month_range(month: str) -> tuple[str, str]:
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}-01"
    last = date.fromisoformat(nxt) - timedelta(days=1)
    return f"{month}-01", last.isoformat()


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, date_from: Day = None, date_to: Day = None,
                 level: Literal["country", "actor"] = "country",
                 type: Text = None) -> HTMLResponse:
    """The actor network, drawn in the browser from /api/network."""
    params = _set(date_from=date_from, date_to=date_to, level=level, type=type)
    return _page(request, "network.html", "/api/network?" + _query(params), params=params)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, conn: Conn, by: Literal["day", "week"] = "day",
                  type: Text = None, actor: Text = None, date_from: Day = None,
                  date_to: Day = None) -> HTMLResponse:
    """Events per day or week by type, for one actor or all; a table and a chart."""
    params = _set(by=by, type=type, actor=actor, date_from=date_from, date_to=date_to)
    data = Q.timeline(conn, **params)  # type: ignore[arg-type]
    types = sorted({t for row in data["series"] for t in row["counts"]})
    return _page(request, "timeline.html", "/api/timeline?" + _query(params), data=data,
                 types=types, params=params)


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity_page(request: Request, conn: Conn,
                name: Annotated[str, PathParam(min_length=1, max_length=MAX_TEXT)],
                ) -> HTMLResponse:
    """One entity's quotes and events across articles."""
    data = Q.get_entity(conn, name, PAGE_SIZE)
    return _page(request, "entity.html", "/api/entities/" + _quote_path(name), data=data)


def _quote_path(value: str) -> str:
    return quote(value, safe="")
