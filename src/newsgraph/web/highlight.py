"""Turn an article's stand-off facts into escaped, nested HTML marks over its text.

Facts overlap (a date inside a quote, a quote across a caption), and HTML elements must
nest, so a mark that crosses another is split into pieces that share its ``data-fact``;
only the first piece carries the anchor ``id``. Every character of the article goes
through :func:`markupsafe.escape`, so an article's ``<script>`` is shown, never run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

SPEAKER_COLOURS = 10  # classes sp-0 .. sp-9 in app.css; more speakers reuse colours
ZONE_CLASSES = {"caption", "subheading", "credit", "headline", "byline", "dateline"}


@dataclass(frozen=True)
class Mark:
    """One highlighted span: its classes, hover text, anchor id and the fact it shows."""

    start: int
    end: int
    cls: str
    title: str = ""
    anchor: str = ""
    fact: str = ""
    rank: int = 1  # at one start, lower ranks open first (outside): zones before facts


def speaker_classes(quotes: Iterable[dict[str, Any]]) -> dict[str, str]:
    """A colour class per speaker name, in order of first appearance."""
    out: dict[str, str] = {}
    for q in quotes:
        name = q.get("speaker_name") or ""
        if name and name not in out:
            out[name] = f"sp-{len(out) % SPEAKER_COLOURS}"
    return out


def marks(article: dict[str, Any]) -> list[Mark]:
    """Every mark of an article: zones, quotes (content, cue, speaker), events, votes,
    dates, places and quantities."""
    facts = article.get("facts") or {}
    colours = speaker_classes(article.get("quotes") or [])
    out = list(_zone_marks(facts.get("zones") or []))
    out += _quote_marks(article.get("quotes") or [], colours)
    out += _event_marks(facts.get("events") or [])
    out += _vote_marks(facts.get("votes") or [])
    out += _simple_marks(facts.get("dates") or [], "date", "d", _date_title)
    out += _simple_marks(facts.get("places") or [], "place", "p", _place_title)
    out += _simple_marks(facts.get("quantities") or [], "qty", "n", _quantity_title)
    return out


def _zone_marks(zones: list[dict[str, Any]]) -> Iterator[Mark]:
    for z in zones:
        kind = str(z.get("type") or "")
        if kind in ZONE_CLASSES and _valid(z.get("start"), z.get("end")):
            yield Mark(z["start"], z["end"], f"zone zone-{kind}", title=kind, rank=0)


def _quote_marks(quotes: list[dict[str, Any]], colours: dict[str, str]) -> Iterator[Mark]:
    for q in quotes:
        fact = f"q-{q['id']}"
        speaker = q.get("speaker_name") or "unknown speaker"
        title = f"{speaker} ({q.get('type') or 'quote'}): {q.get('quote_text') or ''}"
        cls = f"quote {colours.get(q.get('speaker_name') or '', 'sp-none')}"
        for i, (s, e) in enumerate(q.get("content") or []):
            yield Mark(s, e, cls, title=title, anchor=fact if i == 0 else "", fact=fact)
        for s, e in q.get("cue") or []:
            yield Mark(s, e, "cue", title=f"cue of {speaker}", fact=fact)
        for s, e in q.get("speaker_mention") or []:
            yield Mark(s, e, "speaker", title=f"speaker: {speaker}", fact=fact)


# How a party not named by the words of its clause was found, shown beside it so that a
# reader can tell a rule's reading from a guess (``via`` of the events stage).
VIA_LABELS = {"model": "guessed by the target model", "place": "read from the place",
              "author": "the proposal's author, named earlier",
              "antecedent": "who did what 'this' stands for",
              "next sentence": "the accuser the next sentence names",
              "quote": "the speaker of the quotation"}


def party_names(parties: list[dict[str, Any]] | None) -> str:
    """'Name (CTY), Name [how it was found]' for a list of event parties."""
    names = []
    for p in parties or []:
        inferred = ", by the article" if p.get("country_via") == "article" else ""
        country = f" ({p['country']}{inferred})" if p.get("country") else ""
        how = VIA_LABELS.get(str(p.get("via")), "") if isinstance(p.get("via"), str) else ""
        score = f" {p['score']:.2f}" if how and isinstance(p.get("score"), float) else ""
        names.append(f"{p.get('name') or '?'}{country}" + (f" [{how}{score}]" if how else ""))
    return ", ".join(names)


def event_title(ev: dict[str, Any]) -> str:
    """The one-line description of an event shown on hover and in lists."""
    who = party_names(ev.get("actor")) or "(no actor named)"  # "were raped": by whom?
    whom = party_names(ev.get("recipient"))
    arrow = f" → {whom}" if whom else ""
    when = f"; {ev['date']}" if ev.get("date") else ""
    return f"{ev.get('type')} (QuadClass {ev.get('quad_class')}): {who}{arrow}{when}"


def _event_marks(events: list[dict[str, Any]]) -> Iterator[Mark]:
    for ev in events:
        if _valid(ev.get("start"), ev.get("end")):
            fact = f"ev-{ev.get('id') or ev.get('idx')}"
            quad = ev.get("quad_class") or 0
            yield Mark(ev["start"], ev["end"], f"event quad-{quad}", title=event_title(ev),
                       anchor=fact, fact=fact)


def vote_title(v: dict[str, Any]) -> str:
    """'Body: 26 yes, 2 no, 7 abstain (passed)'."""
    tally = f"{v.get('yes')} yes, {v.get('no')} no, {v.get('abstain')} abstain"
    return f"{v.get('body') or 'vote'}: {tally} ({v.get('outcome') or 'outcome unknown'})"


def _vote_marks(votes: list[dict[str, Any]]) -> Iterator[Mark]:
    for v in votes:
        fact = f"v-{v.get('idx')}"
        title = vote_title(v)
        parts = [(part, span) for part, span in (v.get("spans") or {}).items()
                 if isinstance(span, list) and len(span) == 2 and _valid(*span)]
        for i, (part, span) in enumerate(sorted(parts, key=lambda kv: kv[1][0])):
            yield Mark(span[0], span[1], f"vote vote-{part}", title=f"{part} — {title}",
                       anchor=fact if i == 0 else "", fact=fact)


def _date_title(d: dict[str, Any]) -> str:
    rule = f" [{d['rule']}]" if d.get("rule") else ""
    return f"date {d.get('value') or 'unresolved'}{rule}"


def _place_title(p: dict[str, Any]) -> str:
    where = ", ".join(str(x) for x in (p.get("name"), p.get("admin1"), p.get("country")) if x)
    coords = f" ({p['lat']:.3f}, {p['lon']:.3f})" if p.get("lat") is not None else ""
    return f"place {where or 'unresolved'}{coords}"


def _quantity_title(n: dict[str, Any]) -> str:
    return f"quantity {n.get('value')} {n.get('unit') or ''}".rstrip()


def _simple_marks(facts: list[dict[str, Any]], cls: str, prefix: str,
                  title: Any) -> Iterator[Mark]:
    for f in facts:
        if _valid(f.get("start"), f.get("end")):
            fact = f"{prefix}-{f.get('idx')}"
            yield Mark(f["start"], f["end"], cls, title=title(f), anchor=fact, fact=fact)


def _valid(start: Any, end: Any) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end


def render(text: str, spans: Iterable[Mark]) -> Markup:
    """The text as escaped HTML with every mark as a ``<span>``, split where marks cross."""
    opening: dict[int, list[Mark]] = {}
    bounds = {0, len(text)}
    for m in spans:
        if m.end <= len(text):
            opening.setdefault(m.start, []).append(m)
            bounds.update((m.start, m.end))
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    pos = 0
    for b in sorted(bounds):
        out.append(str(escape(text[pos:b])))
        pos = b
        ending = [i for i, m in enumerate(stack) if m.end == b]
        reopen = []
        if ending:
            reopen = [m for m in stack[ending[0]:] if m.end != b]
            out.append("</span>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
        for m in sorted(reopen + opening.get(b, []), key=lambda m: (m.rank, -m.end)):
            out.append(_open(m, first=m not in opened))
            opened.add(m)
            stack.append(m)
    out.append("</span>" * len(stack))
    return Markup("".join(out))


def _open(m: Mark, first: bool) -> str:
    attrs = [f'class="{escape(m.cls)}"']
    if m.title:
        attrs.append(f'title="{escape(m.title)}"')
    if m.anchor and first:
        attrs.append(f'id="{escape(m.anchor)}"')
    if m.fact:
        attrs.append(f'data-fact="{escape(m.fact)}"')
    return f"<span {' '.join(attrs)}>"
