"""The store the API tests read."""

from __future__ import annotations

from pathlib import Path

import pytest
from apistore import build


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return build(tmp_path / "api.db")
