"""Fuzz the API with schemathesis, from the app's own OpenAPI schema: no server errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from apistore import build
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from newsgraph.api import create_app  # noqa: E402

DB = build(Path(__import__("tempfile").mkdtemp()) / "fuzz.db")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(DB))


@schema.parametrize()
@settings(max_examples=15, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_endpoint_answers_with_a_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: " \
                                       f"{response.status_code} {response.text[:200]}"
