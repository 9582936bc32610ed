"""Events stage: who did what to whom, coded in PLOVER, each argument tied to its words.

1. skip sentences in caption, credit, subheading and boilerplate zones;
2. code every clause with a trigger (``event_scan`` finds them, ``event_coder`` codes
   them); drop hypothetical clauses, clauses embedded in another coded clause ("warned
   Washington ... any decision to supply" is one THREATEN, not also an AID) and negated
   ones ("did not meet"), except refusals: cooperation negated now or for the future
   ("will not accept refugees") is a REJECT;
3. code each actor and recipient (``actors``): the speaker for "we"/"I" inside a quote,
   the nearest country or organisation for "it"/"they", the entity for "he"/"she"; a
   person or named organisation acts even when no country or sector is known;
4. add date (a date of the ``dates`` stage inside the clause) and place ("in Kyiv");
5. fold a repeat with unnamed actors into the event just before it ("the two leaders met");
6. give an event still without a target the noun the learned model of
   ``recipient_model`` scores highest, marked ``via: "model"`` with its score.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from ..lexicons import cues
from ..pipeline import Stage
from ..records import Article, Entity, Quote
from . import actors as act
from . import event_lexicon as lex
from .event_antecedents import demonstrative_antecedent, earlier_author, reporting_role
from .event_args import VERBAL_CONFLICT_QUAD, is_agentive, is_means, stance_noun, titled
from .event_coder import (
    ASSERTING,
    CONFLICT_QUAD,
    COOPERATION_QUADS,
    FRAME_CODES,
    QUOTED,
    REBUTTAL,
    RELATIVE_PRONOUNS,
    Candidate,
    code_noun,
    code_token,
    conditioned,
)
from .event_scan import EventScan
from .figurative import FIGHTING_WORDS, NO_EVENT, figurative_code
from .recipient_model import MEASURE_ENTS, UNITS, best_target, wants_target
from .repair import QUOTE_TOKENS
from .speakers import SpeakerIndex, resolve

SKIP_ZONES = frozenset({"caption", "credit", "subheading", "boilerplate"})
FIRST_PERSON = frozenset({"we", "i", "our", "us", "my"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
# Nouns that, owned by a person ("his country", "her government"), are that person's state.
HOME_NOUNS = frozenset({"country", "nation", "government", "state"})
PLACE_PREPS = frozenset({"in", "at", "near"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A target's place may also come "on" it: "attacks on settlements on the Kharkiv frontline".
TARGET_PLACE_PREPS = frozenset({"on"})
# The clause-wide place search stops at its subject and at clauses of their own, and goes
# this many dependency levels down (verb > object > of > workers > in > Louisiana).
CLAUSE_PLACE_SKIP = frozenset({"nsubj", "nsubjpass", "csubj", "advcl", "ccomp", "relcl", "acl",
                               "parataxis", "conj", "appos", "mark"})
CLAUSE_PLACE_DEPTH = 6
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A repeat of an event with unnamed actors is folded into one this many sentences back.
MERGE_SENTENCES = 2
# Violence or military moves by a country named alone are its military's.
MILITARY_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
# QuadClasses, as event_coder numbers them: conflict, verbal conflict (demands, threats,
# rejections, accusations), cooperation.
MATERIAL_CONFLICT = CONFLICT_QUAD
VERBAL_CONFLICT = VERBAL_CONFLICT_QUAD
# Entities that are actors even when their country and sector are unknown: a person or a
# named organisation ("the ACLU filed a lawsuit") is who acted, coded or not.
NAMED_ACTORS = frozenset({"PERSON", "ORG"})
# A clause undated itself takes the date of the clause it depends on, climbing this many
# heads through these dependencies (participles, infinitives, objects, prepositions).
DATE_CLIMB = 4
DATE_THROUGH = frozenset({"acl", "xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "conj"})
# Mentions starting before a word that may still overlap it (as in ``SpeakerIndex``).
MENTION_LOOKBACK = 40
# Acts only a state does (arrest, detain, expel, free a prisoner): told in the passive with
# no agent ("was arrested in Niger"), their actor is the state where they happen, marked
# as read from the place (ICEWS and PLV code them so).
STATE_ACT_ROOTS = frozenset({"17"})
STATE_ACT_CODES = frozenset({"166", "174", "0841"})
# Expulsions name the state expelling with "from" ("were expelled from North Korea").
STATE_FROM_CODES = frozenset({"166", "174"})
# CAMEO roots placed by their code rather than type: an investigation (09, ACCUSE) is aimed
# at where it looks ("sent experts to Iran to investigate the crash").
PLACED_ROOTS = frozenset({"09"})
# A relative pronoun subject stands for the noun its clause modifies ("MAB, which opposed
# the war": MAB opposed it).
APPROVAL_ROOTS = frozenset({"05"})
# Lengths of an all-capital word read as an organisation's initials ("ICE", "UNHCR").
ACRONYM_LENGTH = (2, 6)
# Events whose target, when no one is named, is the country where they happen ("killed 48
# people in Afghanistan", "imposed a curfew in Kashmir", "sent troops to Syria"), as in
# ICEWS and PLV; a protest is aimed at the authorities where it is held and refuge is sought
# from the country giving it; a meeting or statement in a city is not addressed to its
# country.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "SANCTION", "RETREAT",
                                "CONCEDE", "PROTEST", "REQUEST"})


class Place(NamedTuple):
    """A place named in the text, with its ISO alpha-3 country when known."""

    text: str
    country: str | None
    start: int
    end: int


class EventsStage(Stage):
    """PLOVER events with actors, recipients, trigger, date and place."""

    name = "events"
    requires = frozenset({"doc", "entities", "quotes"})
    assigns = frozenset({"events"})

    def __init__(self, scheme: str = "2024", learned_targets: bool = True) -> None:
        self.scheme = scheme  # "2024": the PLOVER manual; "2021": the CAMEO crosswalk
        self.learned_targets = learned_targets  # off only to train the model itself

    def process(self, article: Article) -> None:
        article.extra["events"] = extract_events(article, self.scheme, self.learned_targets)


def extract_events(article: Article, scheme: str = "2024",
                   learned_targets: bool = True) -> list[dict[str, Any]]:
    """All events of an article (see the module docstring)."""
    with lex.per_doc(article.doc):  # rules look the same words up in the lexicon
        return _extract_events(article, scheme, learned_targets)


def _extract_events(article: Article, scheme: str,
                    learned_targets: bool) -> list[dict[str, Any]]:
    scan = EventScan(article.doc)
    heads = scan.by_sentence(scan.clause_heads)
    nouns = scan.by_sentence(scan.nouns)
    ctx: _Context | None = None
    events: list[dict[str, Any]] = []
    doc = article.doc
    for k in sorted(heads.keys() | nouns.keys()):
        cands = sentence_candidates(doc, heads.get(k, []), nouns.get(k, []))
        if not cands:
            continue
        ctx = ctx or _Context(article)
        sent = doc[scan.sent_starts[k]:scan.sent_ends[k]]
        for cand in cands:
            if ctx.skipped(cand.trigger[0].idx):
                continue  # a caption or subheading glued into the sentence states no event
            event = ctx.build(cand, sent, scheme)
            if event is not None:
                event["_sent"] = k
                events.append(event)
    events = merge_repeats(events)
    if ctx is not None and learned_targets:
        for event in events:
            ctx.learned_target(event)
    home = act.home_country(ctx.entities, ctx.entity_code) if ctx is not None and events \
        else None
    for event in events:
        act.fill_home(event["actor"] + event["recipient"], home)
    for n, event in enumerate(events):
        event.pop("_sent", None)
        event["id"] = f"ev{n + 1}"
    return events


def sentence_candidates(doc: Any, heads: list[int], nouns: list[int]) -> list[Candidate]:
    """Coded clauses of one sentence that state something done (or said) by someone.

    ``heads`` and ``nouns`` are the sentence's token indices that may carry an event
    (``EventScan``): clause heads first, then standalone event nouns not inside a clause."""
    cands = [c for c in (code_token(doc[i]) for i in heads) if c is not None]
    for coded in cands:
        refusal(coded)
        if not coded.actors and coded.actor_via is None:
            coded.actors = accuser_after(coded)
            coded.actor_via = "next sentence" if coded.actors else None
    keep = [c for c in cands if not any(c.head.i in o.covered for o in cands if o is not c)]
    keep = [c for c in keep if not c.negated and not c.hypothetical
            and (c.actors or c.actor_via == QUOTED or _agentless_state_act(c)
                 or unattributed_force(c))]
    covered = {i for c in cands for i in c.covered} | {t.i for c in cands for t in c.trigger}
    for i in nouns:
        if i not in covered:
            cand = code_noun(doc[i])
            # A noun with its own named author is an act of any QuadClass: "complaints
            # from MPs", "Beijing's criticism", "Russia's missile strikes on Ukraine".
            if cand and (cand.actors or unattributed_force(cand)) and not cand.negated:
                keep.append(cand)
    return sorted(keep, key=lambda c: c.trigger[0].i)


# Codes of accusation a news lede reports in the passive, naming the accuser in the
# next sentence: "X has been accused of ... . Tory spokesman Y told MPs ..." (CAMEO 111
# criticise, 112 accuse).
LEDE_ACCUSATIONS = frozenset({"111", "112"})
# ... and so are demands: "Ministers have been asked to explain X. The Tories said ..."
# (CAMEO 10 demand).
LEDE_DEMANDS = "10"


def accuser_after(cand: Candidate) -> list[Any]:
    """The accuser of an agentless passive accusation: the named subject of the next
    sentence's reporting verb, when that sentence reports speech; else nobody."""
    head = cand.head
    lede = cand.cameo[:3] in LEDE_ACCUSATIONS or cand.cameo[:2] == LEDE_DEMANDS
    if not lede or not any(
            c.dep_ == "auxpass" for c in head.children) \
            or any(c.dep_ == "agent" for c in head.children):
        return []
    doc, end = head.doc, head.sent.end
    if end >= len(doc):
        return []
    root = doc[end].sent.root
    if root.lemma_.lower() not in cues():
        return []
    subjects = [c for c in root.children if c.dep_ == "nsubj" and is_agentive(c)
                and c.ent_type_ in ("PERSON", "ORG", "NORP")]  # "The Tories said"
    return subjects[:1] if subjects and all(
        subjects[0].lower_ != r.lower_ for r in cand.recipients) else []


def refusal(cand: Candidate) -> None:
    """"will not accept refugees", "does not recognise the vote": cooperation refused for
    now or the future is a REJECT (PLOVER 3.10); a past "did not meet" stays no event."""
    if not cand.negated or lex.coding(cand.cameo).quad not in COOPERATION_QUADS:
        return
    present = any(c.dep_ == "aux" and c.lemma_ == "do" and c.tag_ in ("VBP", "VBZ")
                  for c in cand.head.children)
    if cand.future or present:
        cand.cameo = FRAME_CODES["reject"].get(cand.cameo[:2], FRAME_CODES["reject"][""])
        cand.negated = False
        if not any(is_agentive(r) for r in cand.recipients):
            cand.recipients = conditioned(cand.head) or cand.recipients


class _Context:
    """Per-article state: zones, quotes, entity index, dates and actor codes."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.doc = article.doc
        self.zones = [(z["start"], z["end"]) for z in article.zones or []
                      if z.get("kind") in SKIP_ZONES]
        self.quotes: list[Quote] = article.quotes or []
        self.entities: list[Entity] = article.entities or []
        self.mentions = sorted((m.start, m.end, e) for e in self.entities for m in e.mentions)
        self.mention_starts = [s for s, _, _ in self.mentions]
        self._index: SpeakerIndex | None = None
        self._ents: tuple[Any, ...] | None = None
        self.dates = [d for d in article.extra.get("dates", [])
                      if d.get("value") and ISO_DAY.match(str(d["value"]))]
        self.entity_codes: dict[str, act.Code] = {}
        self.places: list[dict[str, Any]] = article.extra.get("places", [])

    @property
    def index(self) -> SpeakerIndex:
        """The quotes stage's speaker index, built only when a pronoun needs resolving
        (it reads the whole text and every sentence of the Doc)."""
        if self._index is None:
            quoted = [s for q in self.quotes for s in q.content]
            self._index = SpeakerIndex(self.doc, self.entities, quoted)
        return self._index

    @property
    def ents(self) -> tuple[Any, ...]:
        """The Doc's named-entity spans, read once (``Doc.ents`` and ``Span.ents`` build
        a Span per entity of the whole Doc on every access)."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    def skipped(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.zones)

    def quote_at(self, offset: int) -> Quote | None:
        for quote in self.quotes:
            if any(s <= offset < e for s, e in quote.content):
                return quote
        return None

    def build(self, cand: Candidate, sent: Any, scheme: str) -> dict[str, Any] | None:
        """The event record of a candidate, or None when no actor can be coded."""
        coding = cand.coding(scheme)
        quote = self.quote_at(cand.trigger[0].idx)
        actors = [a for a in (self.actor(h, quote) for h in cand.actors) if a]
        if cand.actor_via == QUOTED:  # a judgement inside a quotation: its speaker's
            speaker = self._quote_speaker(quote) if quote is not None else None
            if speaker is None:
                return None
            actors = [speaker]
        if not actors and _agentless_state_act(cand):
            state = self.state_place(cand, sent)
            actors = [{**_place_record(state), "sector": "GOV"}] if state is not None else []
        if not actors and not unattributed_force(cand):
            return None
        for a in actors if cand.actor_via else ():
            a["via"] = cand.actor_via  # "X has been accused ... . Y told MPs": Y accuses
        named: set[int] = set()  # recipients that are names, kept even when uncoded
        recipients = []
        stance = coding.quad == VERBAL_CONFLICT or cand.cameo[:2] in APPROVAL_ROOTS
        for h in _targets(cand, coding.quad):
            via = "author"
            if stance:
                before = demonstrative_antecedent(h, sent, self.skipped)
                h, via = (before, "antecedent") if before is not None \
                    else (earlier_author(h, sent), "author")
            measure = act.content_head(h) is h and (h.lemma_.lower() in UNITS
                                                     or h.ent_type_ in MEASURE_ENTS)
            r = None if measure else self.actor(h, quote, wide=True, target=True)
            if r is not None and party_kind(r) == "thing":
                r = self._owner(h, quote) or r  # "critical of Mr Blair's failure": Blair
                if _act_noun(h) and self._owned_by(h, actors, quote):
                    continue  # "refused ... but his willingness": the actor's own act
            if r and h.i < sent.start:
                r["via"] = via  # named sentences before: the proposal's author, or who did
                # what "this" stands for
            if r:
                recipients.append(r)
                if h.pos_ == "PROPN" or _aimed_at(h, cand, coding.quad):
                    named.add(id(r))
        figure = figurative_code(cand, actors, recipients)
        if figure == NO_EVENT:
            return None  # "vowed to fight corruption": no one to code as the target
        if figure is not None:  # "the minister attacked the opposition": criticism
            cand.cameo, coding = figure, lex.coding(figure, scheme)
        # "declared a ceasefire in Tripoli": the light verb's noun carries the place too.
        place = self.place(cand.head, [*cand.recipients,
                                       *(t for t in cand.trigger if t is not cand.head)])
        if place is None and coding.quad == MATERIAL_CONFLICT:
            place = self.sentence_place(sent)  # attacks hit targets where the text says
        if place is not None and _within(place, actors):
            place = None  # "Moldova, a country in Eastern Europe, launched ...": the actor
        _military(actors, coding.type)
        unplaced = not any(r["country"] and not r.get("_borrowed") for r in recipients)
        if coding.quad == MATERIAL_CONFLICT or place is not None and place.text != sent.text:
            _fill_from_place(recipients, place, coding.quad == MATERIAL_CONFLICT)
        for r in recipients:
            r.pop("_kind", None)
        if coding.quad != MATERIAL_CONFLICT:  # only force has things for targets ("a dam")
            recipients = [r for r in recipients if not r.get("_borrowed")]
        for r in recipients + actors:
            r.pop("_borrowed", None)
        recipients = [r for r in recipients
                      if (r["country"] or r["sector"] or r["entity"] or id(r) in named)
                      and not any(_same(r, a) for a in actors)]
        where = place or self.clause_place(cand.head)
        where = None if where is not None and _within(where, actors) else where
        if unplaced and where is not None and where.country \
                and (_placed(coding.type, cand.inner) or cand.cameo[:2] in PLACED_ROOTS) \
                and not _overlaps(where.start, where.end, recipients):
            recipients.append(_place_record(where))
        place = self.place(cand.head, [*cand.recipients,
                                       *(t for t in cand.trigger if t is not cand.head)])
        start = min(t.idx for t in cand.trigger)
        end = max(t.idx + len(t.text) for t in cand.trigger)
        date: str | None = self.date(cand.head)
        date_from: str | None = "text"
        if date is None:  # the publication date, flagged as such (issue 6, item 3)
            published = self.article.published
            date, date_from = (published.value, "published") if published else (None, None)
        return {
            "type": coding.type, "mode": coding.mode or None, "context": coding.context or None,
            "actor": actors, "recipient": [{**r, "kind": party_kind(r)} for r in recipients],
            "trigger": [start, end],
            "sentence": [sent.start_char, _trim(self.article.text, sent)],
            "date": date, "date_from": date_from, "place": place.text if place else None,
            "cameo": cand.cameo, "cameo_root": cand.cameo[:2], "quad_class": coding.quad,
            "quote": quote.id if quote else None,
        }

    def learned_target(self, event: dict[str, Any]) -> None:
        """Give an event the rules left without a target the noun ``recipient_model``
        scores highest, marked ``via: "model"`` with its score; a joint act of several
        parties keeps none (each is the other's counterpart). A thing chosen so ("the
        attacks") is a target PLV would mark, but its modifiers give it no country."""
        if not wants_target(event) or _denied_claim(event, self.doc):
            return
        choice = best_target(event, self.doc)
        if choice is None or _quoted_words(choice.token):
            return
        quote = next((q for q in self.quotes if q.id == event["quote"]), None)
        record = self.actor(choice.token, quote, wide=True, target=True) or {
            "start": choice.start, "end": choice.end, "entity": None,
            "name": self.article.text[choice.start:choice.end], "country": None,
            "sector": None}
        thing = record.get("_borrowed") or record["entity"] is None and record["sector"] is None \
            and choice.token.pos_ == "NOUN"
        record = {k: v for k, v in record.items() if not k.startswith("_")}
        if thing:  # "an agreement on Finnish timber exports": a thing, not Finland
            record["country"] = None
        if not _overlaps(record["start"], record["end"], event["actor"]) \
                and not any(_same(record, a) for a in event["actor"]):
            event["recipient"] = [{**record, "kind": party_kind(record), "via": "model",
                                   "score": round(choice.score, 3)}]

    def actor(self, head: Any, quote: Quote | None, wide: bool = False,
              target: bool = False) -> dict[str, Any] | None:
        """Actor record for a head token, resolving pronouns; None when uncodable (a
        recipient may stay uncoded: its country can come from the event's place)."""
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            return self.actor(head.head.head, quote, wide, target)  # "MAB, which opposed"
        word = _pronoun(head)
        if word in FIRST_PERSON:
            return self._speaker(quote, head) if quote else None
        if word in PERSON_PRONOUNS:
            return self._person_pronoun(head)
        if word in GROUP_PRONOUNS:
            found = self._group_antecedent(head)
            record = self.actor(found, None) if found is not None else None
            if record is not None and record["entity"] is not None:
                # the words in this clause are the pronoun; the entity says who it is
                record = {**record, "start": head.idx, "end": head.idx + len(head.text)}
            return record
        return self._phrase(head, wide, target)

    def _phrase(self, head: Any, wide: bool, target: bool) -> dict[str, Any] | None:
        tokens = act.phrase_tokens(head)
        code = act.code_tokens(tokens, head)
        entity = self.entity_of(head) or self._named_before(head)
        if entity is not None:
            known = self.entity_code(entity)
            code.country = code.country or known.country
            code.sector = code.sector or known.sector
        if code.country is None:
            code.country = self.resolved_place(head)  # "annexed Crimea" (tagged ORG)
        if code.country is None and head.lemma_.lower() in HOME_NOUNS:
            code.country = self._home_country(head)  # "Putin said his country will ..."
        borrowed = False  # a thing coded only by the words around it ("aid to Egypt")
        if code.country is None and wide:
            code.country = act.code_tokens(act.phrase_tokens(head, wide=True)).country
            borrowed = code.country is not None and entity is None and code.sector is None \
                and head.pos_ == "NOUN"
        owner = self._entourage(head) if code.country is None and code.sector is None \
            and entity is None else None
        if owner is not None:  # "his team": his side, even when he has no code
            code.country, code.sector = owner["country"], owner["sector"]
        person = entity is not None and entity.label in NAMED_ACTORS or _acronym(head) \
            or owner is not None or titled(head)
        if code.country is None and code.sector is None and not person and not target:
            return None  # "the West", "the resolution": no actor PLOVER can code
        if self.skipped(head.idx):
            return None  # a dateline ("REYKJAVIK, 25 April —") parsed as the subject
        start, end = _edges([t for t in tokens if not self.skipped(t.idx)] or tokens)
        name = entity.name if entity else self.article.text[start:end]
        record = _record(start, end, entity, name, code)
        record["_borrowed"] = borrowed
        return record

    def _entourage(self, head: Any) -> dict[str, Any] | None:
        """Whoever "his team", "her aides", "Mr Lee's advisers" belong to: a group of
        someone's people acts for their side."""
        if head.lemma_.lower() not in ENTOURAGE:
            return None
        owners = [c for c in head.children if c.dep_ == "poss"]
        return self.actor(owners[0], None) if owners else None

    def _owner(self, head: Any, quote: Quote | None) -> dict[str, Any] | None:
        """The party whose thing a target is ("Tom Olsen's decision"), when its possessor
        is a name; None otherwise (a pronoun may stand for the actor itself)."""
        for poss in head.children:
            if poss.dep_ == "poss" and is_agentive(poss):  # not "their members"
                found = self.actor(poss, quote, target=True)
                if found is not None and party_kind(found) == "party":
                    return found
        return None

    def _owned_by(self, head: Any, actors: list[dict[str, Any]], quote: Quote | None) -> bool:
        """Whether a thing belongs to the event's own actor by a possessive pronoun ("his
        willingness")."""
        for poss in head.children:
            if poss.dep_ == "poss" and _pronoun(poss):
                found = self.actor(poss, quote)
                return found is not None and any(_same(found, a) for a in actors)
        return False

    def _home_country(self, head: Any) -> str | None:
        """The country of the person a possessive pronoun stands for ("his country")."""
        for poss in head.children:
            if poss.dep_ == "poss" and _pronoun(poss) in PERSON_PRONOUNS:
                found = self._person_pronoun(poss)
                return found["country"] if found else None
        return None

    def _speaker(self, quote: Quote, head: Any) -> dict[str, Any] | None:
        entity = next((e for e in self.entities if e.id == quote.speaker.entity), None)
        if entity is None:
            return None
        code = self.entity_code(entity)
        return _record(head.idx, head.idx + len(head.text), entity, entity.name, code)

    def _quote_speaker(self, quote: Quote) -> dict[str, Any] | None:
        """The resolved speaker of a quotation, at the words naming them."""
        entity = next((e for e in self.entities if e.id == quote.speaker.entity), None)
        if entity is None or not quote.speaker.mention:
            return None
        start, end = quote.speaker.mention[0]
        return _record(start, end, entity, entity.name, self.entity_code(entity))

    def _person_pronoun(self, head: Any) -> dict[str, Any] | None:
        reporter = reporting_role(head)
        if reporter is not None:  # "the party leader said he would resign"
            found = self._phrase(reporter, False, False)
            if found is not None:
                return found
        speaker = resolve(head, self.index)
        entity = next((e for e in self.entities if e.id == speaker.entity), None)
        if entity is None:
            return None
        return _record(head.idx, head.idx + len(head.text), entity, entity.name,
                       self.entity_code(entity))

    def _group_antecedent(self, head: Any, depth: int = 0) -> Any | None:
        """The nearest earlier subject or possessor before the pronoun's clause
        ("Russia's strikes ... after it fired"); a relative pronoun stands for its noun."""
        clause = head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        first = max(0, head.sent.start - 1)
        for _ in range(act.PRONOUN_SENTENCES - 1):
            first = max(0, self.doc[first].sent.start - 1)
        # a possessive may stand for its own clause's subject: "the party was split over
        # its decision"; another pronoun looks before its clause ("Russia ... after it fired")
        stop = head.i if head.dep_ == "poss" else min(head.i, clause.left_edge.i)
        before = [t for t in reversed(self.doc[first:stop])
                  if not self.skipped(t.idx) and t.dep_ in ("nsubj", "poss", "nsubjpass")]
        fallback = None  # the nearest subject of a subordinate clause, if no main one
        for tok in before:
            if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
                return tok.head.head
            main = _main_subject(tok)
            if _pronoun(tok) in GROUP_PRONOUNS | PERSON_PRONOUNS:
                if main and _pronoun(tok) in GROUP_PRONOUNS and depth < CHAIN_DEPTH:
                    return self._group_antecedent(tok, depth + 1)  # "They said they would"
                if main:
                    return None  # a main clause's pronoun we cannot follow further
                continue
            if main:  # "They said ... whether the Home Office would": not the office
                return tok
            fallback = fallback or tok
        return fallback

    def _named_before(self, head: Any) -> Entity | None:
        """"the executive" after "the Scottish Executive": a definite common noun that is
        the last word of an organisation named earlier stands for it (the latest such)."""
        if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                          for c in head.children):
            return None
        word = head.lower_
        earlier = self.mentions[:bisect_left(self.mention_starts, head.idx)]
        return next((ent for _, _, ent in reversed(earlier) if ent.label in BODY_LABELS
                     and len(ent.name.split()) > 1 and ent.name.split()[-1].lower() == word),
                    None)

    def entity_of(self, head: Any) -> Entity | None:
        """The entity with a mention overlapping the head word, persons first (as
        ``SpeakerIndex.entity_at``)."""
        start, end = head.idx, head.idx + len(head.text)
        i = bisect_right(self.mention_starts, end)
        hits = [ent for s, e, ent in self.mentions[max(0, i - MENTION_LOOKBACK):i]
                if s < end and start < e]
        hits.sort(key=lambda ent: ent.label != "PERSON")
        return hits[0] if hits else None

    def entity_code(self, entity: Entity) -> act.Code:
        if entity.id not in self.entity_codes:
            self.entity_codes[entity.id] = act.entity_code(entity, self.doc)
        return self.entity_codes[entity.id]

    def date(self, head: Any) -> str | None:
        """A day from the dates stage inside the clause, nearest the trigger; else one
        modifying the clause it depends on ("a panel on Tuesday voted to begin sending
        aid": the sending is dated by "on Tuesday")."""
        found = self._date_within([head], head)
        tok = head
        for _ in range(DATE_CLIMB):
            if found or tok.head.i == tok.i or tok.dep_ not in DATE_THROUGH:
                break
            child, tok = tok, tok.head
            if tok.pos_ in ("VERB", "AUX"):
                found = self._date_within([c for c in tok.children if c.i != child.i
                                            and c.dep_ in ("prep", "npadvmod")], head)
                break
        return found

    def _date_within(self, roots: list[Any], head: Any) -> str | None:
        inside = [d for r in roots for d in self.dates
                  if r.left_edge.idx <= d["start"]
                  and d["end"] <= r.right_edge.idx + len(r.right_edge.text)]
        if not inside:
            return None
        return str(min(inside, key=lambda d: abs(d["start"] - head.idx))["value"])

    def place(self, head: Any, targets: list[Any] | None = None) -> Place | None:
        """"in Kyiv", "near Kryvyi Rih": a place attached to the clause or to its target
        ("fired missiles at a dam near Kryvyi Rih", "attacks on the Kharkiv frontline"),
        and its country."""
        for tok in [head, *(targets or [])]:
            for child in tok.children:
                # "In Kyiv, X held talks": the parser may make the fronted "In" the subject.
                if child.dep_ not in ("prep", "nsubj") or child.lower_ not in PLACE_PREPS \
                        and not (tok is not head and child.lower_ in TARGET_PLACE_PREPS):
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    for named in [obj, *(c for c in obj.children if c.dep_ == "compound")]:
                        found = self._named_place(named)
                        if found is not None:
                            return found
        return None

    def state_place(self, cand: Candidate, sent: Any) -> Place | None:
        """The country where a state act told without its agent happened ("arrested in
        Niger", "detained at a prison in Leeds", "a suspect held in the UK was
        freed"), or that expelled ("expelled from North Korea")."""
        found = self.place(cand.head) or self.clause_place(cand.head)
        if found is None and cand.cameo in STATE_FROM_CODES:
            found = next((p for c in cand.head.children if c.dep_ == "prep"
                          and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"
                          for p in [self._named_place(o)] if p is not None), None)
        if found is None or not found.country:
            found = self.sentence_place(sent)
        return found if found is not None and found.country else None

    def clause_place(self, head: Any) -> Place | None:
        """A place anywhere in the clause's own phrases, nearest the head first ("set up
        field hospitals and a team of health workers in Louisiana"); not in its subject
        (where the actor is) nor in clauses of its own."""
        frontier = [c for c in head.children if c.dep_ not in CLAUSE_PLACE_SKIP]
        for _ in range(CLAUSE_PLACE_DEPTH):
            for tok in frontier:
                if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
                    continue
                for named in [tok, *_namings(tok)]:
                    found = self._named_place(named)  # "near the capital Damascus"
                    if found is not None:
                        return found
            frontier = [c for t in frontier for c in t.children
                        if c.dep_ not in CLAUSE_PLACE_SKIP]
        return None

    def _named_place(self, tok: Any) -> Place | None:
        """The place a word names: a place entity, or a name the places stage resolved
        (the small model tags "Kryvyi Rih" as a person)."""
        if tok.ent_type_ in PLACE_LABELS:
            span = _entity_span(tok, self.ents)
            return Place(span.text, self.place_code(span.start_char, span.end_char),
                         span.start_char, span.end_char)
        for p in self.places:
            if p["start"] <= tok.idx < p["end"] and p.get("country"):
                return Place(self.article.text[p["start"]:p["end"]], act.alpha3(p["country"]),
                             p["start"], p["end"])
        return None

    def resolved_place(self, head: Any) -> str | None:
        """ISO alpha-3 of the place the places stage found at this word, if any."""
        for p in self.places:
            if p["start"] <= head.idx < p["end"] and p.get("country"):
                return act.alpha3(p["country"])
        return None

    def place_code(self, start: int, end: int) -> str | None:
        """ISO alpha-3 of the place named at [start, end): as the places stage resolved it
        in the article's context, else from the name alone."""
        for p in self.places:
            if p["start"] < end and start < p["end"] and p.get("country"):
                return act.alpha3(p["country"])
        return act.place_country(self.article.text[start:end])

    def sentence_place(self, sent: Any) -> Place | None:
        """The first place named in the sentence whose country is known."""
        for ent in self.ents:
            if ent.start < sent.start or ent.end > sent.end:
                continue
            if ent.label_ in PLACE_LABELS and not self.skipped(ent.start_char):
                country = self.place_code(ent.start_char, ent.end_char)
                if country:
                    return Place(ent.text, country, ent.start_char, ent.end_char)
        return None


def _aimed_at(head: Any, cand: Candidate, quad: int) -> bool:
    """Whether an uncoded recipient stays as what the event is aimed at: anything a
    conflict targets ("rejected the referendum", "refused to allow the plane"), and in
    co-operation whoever is reached through a preposition ("returned it to its owner",
    "talks with East Asian countries"), never the thing agreed or signed ("a pact")."""
    if quad not in COOPERATION_QUADS:
        return True
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ != "pobj":
        return False
    prep = head.head
    return prep.lower_ not in ("of", "for") or prep.lower_ == "for" and stance_noun(prep.head)


# Groups of someone's own people, who act for that person's side: "his team", "her aides".
ENTOURAGE = frozenset({"team", "aide", "adviser", "advisor", "staff", "camp", "entourage",
                       "colleague", "ally", "lieutenant", "deputy"})


# Verbs that deny a claim: with a clause for their object ("denied his cabinet was split")
# what is denied is a proposition, and whoever the clause names is not the target.
DENIAL_VERBS = frozenset({"deny", "refute", "rebut", "dispute"})


def _denied_claim(event: dict[str, Any], doc: Any) -> bool:
    """A denial whose object is a clause: no party is its target, so the model picks none."""
    span = doc.char_span(*event["trigger"], alignment_mode="expand")
    rebuttal = event["cameo"] == REBUTTAL  # "insisted the code still applied"
    verbs = [t for t in span or [] if t.lemma_.lower() in DENIAL_VERBS
             or rebuttal and t.lemma_.lower() in ASSERTING]
    return any(c.dep_ == "ccomp" for v in verbs for c in v.children)


def party_kind(record: dict[str, Any]) -> str:
    """"party" for a recipient the coder can name (an entity, a country or a sector),
    "thing" for what an act is aimed at that is no one ("rejected the bill"): PLOVER
    coders mark both as targets, an actor network wants parties only."""
    return "party" if record["entity"] or record["country"] or record["sector"] else "thing"


def _record(start: int, end: int, entity: Entity | None, name: str,
            code: act.Code) -> dict[str, Any]:
    return {"start": start, "end": end, "entity": entity.id if entity else None,
            "name": name.strip(), "country": code.country, "sector": code.sector,
            "_kind": code.kind}


# Force whose doer the text does not name ("25,000 women were raped", "the assassination
# of a leader"): CAMEO roots 18 assault, 19 fight, 20 mass violence. The event is kept
# with no actor (``actor: []``) rather than lost or given a guessed one.
UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})


def unattributed_force(cand: Candidate) -> bool:
    """Force done to someone named, by no one named: a passive with no agent, or an
    event noun with a victim ("the killing of X")."""
    head = cand.head
    if cand.actors or cand.cameo[:2] not in UNATTRIBUTED_ROOTS or not cand.recipients:
        return False
    if any(t.lemma_.lower() in FIGHTING_WORDS for t in cand.trigger):
        return False  # "the minister was attacked": words or force, no one says which
    if head.pos_ == "NOUN":
        return any(r.head.head.i == head.i and r.head.lower_ == "of" for r in cand.recipients)
    return any(c.dep_ == "auxpass" for c in head.children) and not any(
        c.dep_ == "agent" for c in head.children)


def _agentless_state_act(cand: Candidate) -> bool:
    """A state act in the passive with no agent named ("was arrested on Monday")."""
    head = cand.head
    passive = any(c.dep_ == "auxpass" for c in head.children)
    agent = any(c.dep_ == "agent" for c in head.children)
    kind = cand.cameo[:2] in STATE_ACT_ROOTS or cand.cameo in STATE_ACT_CODES
    return passive and not agent and not cand.actors and kind


# Entity labels of bodies a later "the <last word>" may stand for ("the committee").
BODY_LABELS = frozenset({"ORG"})
# A pronoun standing for an earlier pronoun ("They said they would ...") is followed back
# this many times.
CHAIN_DEPTH = 3
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "parataxis"})


def _main_subject(tok: Any) -> bool:
    """A subject of a sentence's main clause, or of what its main verb reports; not one
    inside a subordinate clause ("whether the office could deliver")."""
    verb = tok.head
    for _ in range(3):
        if verb.dep_ == "ROOT":
            return True
        if verb.dep_ not in MAIN_CLAUSE_DEPS or any(
                c.dep_ == "mark" for c in verb.children):
            return False
        if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() not in cues():
            return False  # "hold ministers to account": not what anyone says
        verb = verb.head
    return False


def _within(place: Place, actors: list[dict[str, Any]]) -> bool:
    """Whether a place is named inside an actor's own phrase."""
    return _overlaps(place.start, place.end, actors)


def _overlaps(start: int, end: int, parties: list[dict[str, Any]]) -> bool:
    """Whether [start, end) shares a character with one of the parties' spans."""
    return any(p["start"] < end and start < p["end"] for p in parties)


def _acronym(head: Any) -> bool:
    """An initialism the tagger missed ("ICE returned the paintings", read as the noun
    "ice"): an organisation, unless its whole sentence is in capitals (a headline)."""
    text = head.text
    if not (ACRONYM_LENGTH[0] <= len(text) <= ACRONYM_LENGTH[1] and text.isalpha()
            and text.isupper()):
        return False
    letters = [c for c in head.sent.text if c.isalpha()]
    return sum(c.isupper() for c in letters) < len(letters) / 2


def _pronoun(head: Any) -> str:
    """The pronoun a word is, lower-cased, or "" ("US" and "IT" are names, not "us"/"it")."""
    if head.text.isupper() and head.text != "I" and head.pos_ != "PRON":
        return ""
    return head.lower_


def _same(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """The same actor twice ("Russia warned that it would ...": "it" is Russia again)."""
    return bool(one["entity"]) and one["entity"] == other["entity"] or \
        one["start"] == other["start"]


def _military(actors: list[dict[str, Any]], kind: str) -> None:
    """"Russia fired missiles": a country named alone acts through its military."""
    for a in actors:
        if kind in MILITARY_TYPES and a.pop("_kind", None) in ("country", "capital") \
                and a["sector"] in (None, "GOV"):
            a["sector"] = "MIL"
        a.pop("_kind", None)


def _placed(kind: str, inner: str | None) -> bool:
    """Whether an event with no one named is aimed at where it happens: by its own type,
    or by the action its frame governs ("agreed to send troops to Lebanon", "is ready to
    set up field hospitals in Louisiana")."""
    return kind in PLACE_TARGET_TYPES or inner is not None and inner != NO_EVENT \
        and lex.coding(inner).type in PLACE_TARGET_TYPES


def _namings(tok: Any) -> list[Any]:
    """Words that may name the place a noun stands for: "the capital Damascus", "the
    Kharkiv frontline", "the city of Aleppo"."""
    out = [c for c in tok.children if c.dep_ in ("compound", "appos")]
    return out + [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"]


def _targets(cand: Candidate, quad: int) -> list[Any]:
    """The candidate's recipient heads without the act's own noun, nor what is given in
    cooperation ("deployed 230 troops to Liberia": the troops are the means, Liberia the
    target); what is given to ("surrendered to Colombian forces") or attacked stays."""
    heads = [h for h in cand.recipients if (quad == VERBAL_CONFLICT or not _act_noun(h))
             and not _quoted_words(h)]
    if quad not in COOPERATION_QUADS:
        return heads
    return [h for h in heads if not (_given(h) and is_means(h))]


QUOTE_MARKS = QUOTE_TOKENS | {"'", "‘", "’"}  # the repair stage's marks, and single ones


def _quoted_words(tok: Any) -> bool:
    """An object in quotation marks is the words said ("jeered 'melons'", "shouted
    'traitor'"), not whom the act is aimed at."""
    if tok.dep_ not in ("dobj", "acomp", "attr", "oprd") or tok.pos_ == "PROPN" or any(
            c.dep_ == "det" for c in tok.children):
        return False  # "criticised the 'reform'": scare quotes on a named thing
    words = [t.i for t in tok.subtree if t.text not in QUOTE_MARKS]
    left, right = min(words), max(words)
    doc = tok.doc
    return left > 0 and right + 1 < len(doc) and doc[left - 1].text in QUOTE_MARKS \
        and doc[right + 1].text in QUOTE_MARKS


def _act_noun(tok: Any) -> bool:
    """An unnamed event noun ("declared a state of siege", "suspended aid deliveries"):
    the act itself, not whom it targets; what is condemned or rejected still is."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and lex.match(tok, "N") is not None


def _given(tok: Any) -> bool:
    """The object of giving, or what an event noun is "of" ("the deployment of troops")."""
    unnamed = tok.pos_ != "PROPN" and not tok.ent_type_
    return unnamed and (tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ == "of")


def _fill_from_place(recipients: list[dict[str, Any]], place: Place | None,
                     force: bool = True) -> None:
    """A target of force with no country of its own ("a gas pipeline") is in the event's
    country; outside force, a thing coded only by the place ("aid to promote development
    in Ethiopia") gives way to the place itself."""
    for k, r in enumerate(recipients):
        r.pop("_kind", None)
        if r["country"] is None and place and place.country:
            if force or r["entity"] or r["sector"]:
                r["country"] = place.country
            else:
                recipients[k] = _place_record(place)


def _place_record(place: Place) -> dict[str, Any]:
    """The country where an event happened as its target, marked as read from the place."""
    return {"start": place.start, "end": place.end, "entity": None, "name": place.text,
            "country": place.country, "sector": None, "via": "place"}


def _edges(tokens: list[Any]) -> tuple[int, int]:
    toks = [t for t in tokens if not t.is_punct and t.dep_ not in ("det", "case")] or tokens
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _entity_span(tok: Any, ents: tuple[Any, ...]) -> Any:
    for ent in ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return tok.doc[tok.i:tok.i + 1]


def _trim(text: str, sent: Any) -> int:
    end = sent.end_char
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    return end


def _capitalised(party: dict[str, Any]) -> bool:
    """Whether a party's words hold a name ("the Tories") rather than a description."""
    return any(w[:1].isupper() and w.lower() not in ("the", "a", "an")
               for w in party["name"].split())


def merge_repeats(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold an event whose actors are unnamed ("the two leaders met") into the same-type
    event just before it, keeping the first and adding the repeat's place and date."""
    out: list[dict[str, Any]] = []
    for event in events:
        prev = next((p for p in reversed(out) if p["type"] == event["type"]
                     and event["_sent"] - p["_sent"] <= MERGE_SENTENCES), None)
        unnamed = all(a["country"] is None and a["entity"] is None and not _capitalised(a)
                      for a in event["actor"])  # "the two leaders", not "the Tories"
        # a repeat aimed at others than the first is an act of its own
        other = bool(prev and prev["recipient"] and event["recipient"])
        if prev is not None and unnamed and not other:
            prev["place"] = prev["place"] or event["place"]
            prev["date"] = prev["date"] or event["date"]
            # "missiles fired by X struck a depot": the repeat may name what was hit
            prev["recipient"] = prev["recipient"] or event["recipient"]
            continue
        out.append(event)
    return out
