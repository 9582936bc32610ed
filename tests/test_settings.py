"""Every setting is documented, and Options defaults agree with the settings table."""

from __future__ import annotations

from pathlib import Path

from newsgraph.options import SETTINGS, Options

DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"| `{s.name}` |" not in text]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_settings_table_matches_options() -> None:
    assert [s.name for s in SETTINGS] == Options.names()
    defaults = Options()
    for s in SETTINGS:
        assert getattr(defaults, s.name) == s.default, s.name
