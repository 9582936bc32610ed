"""Restate the CAMEO -> PLOVER code mapping as a compact table for newsgraph.

Reads the crosswalk (``../shared/data/events/CAMEO2PLOVER-2021.txt``; not shipped) and
writes ``src/newsgraph/data/events/cameo.tsv``: code, PLOVER type, mode, context, the type
under the 2024 manual, and the CAMEO QuadClass. Only the code facts are kept, no text.

    python scripts/derive_cameo_table.py [CROSSWALK]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "events" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "newsgraph" / "data" / "events" / "cameo.tsv"
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")
# The PLOVER manual (2.0, section 3.13) codes international sanctions as SANCTION
# 'discontinue'; the 2021 crosswalk still sends CAMEO 163 to COERCE.
MANUAL_2024 = {"163": ("SANCTION", "discontinue")}


def quad(code: str) -> int:
    """CAMEO QuadClass from the root: 01-05 verbal coop, 06-08 material coop,
    09-13 verbal conflict, 14-20 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def rows(text: str) -> list[list[str]]:
    out = []
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if not m or len(m.group(1)) == 2:
            continue
        code, kind = m.group(1), m.group(2)
        mode = (m.group(3) or "").strip().replace(" ", "")
        context = ";".join(c.strip() for c in (m.group(4) or "").split(";") if c.strip())
        kind24, mode24 = MANUAL_2024.get(code, (kind, mode))
        out.append([code, kind, mode, context, kind24, mode24, str(quad(code))])
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    body = rows(src.read_text(encoding="utf-8"))
    head = ["code", "type", "mode", "context", "type_2024", "mode_2024", "quad"]
    lines = ["# CAMEO code -> PLOVER (2021 crosswalk facts; type_2024 per the 2024 manual)",
             "\t".join(head), *("\t".join(r) for r in body)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(body)} codes to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
