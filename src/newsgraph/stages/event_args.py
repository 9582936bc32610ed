"""Who acts and on whom: the argument finders of a coded clause.

``event_coder`` decides what a clause codes; these functions find its actor heads (the
subject, the passive agent, a subject the parser misplaced or a clause inherits) and its
recipient heads (the object, the passive subject, a dative, a recipient preposition's
object, or the author of a proposal acted on), as spaCy tokens. What is given or used
("troops", "$2 million") is the means, never the target.
"""

from __future__ import annotations

from typing import Any

from ..lexicons import honorifics
from . import actors as act
from . import event_lexicon as lex
from .event_kinds import conjuncts as _conj

SUBJ = frozenset({"nsubj", "csubj"})
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "at", "upon", "into", "toward",
                             "towards", "from"})

# Reporting verbs that never carry their object's event ("reported the attack").
PLAIN_CUES = frozenset({"say", "tell", "report", "claim", "write", "add", "note", "state",
                        "describe", "quote", "mention", "confirm", "deny", "cite"})

# Event nouns whose possessor undergoes the act: "demanded Navalny's release", "ordered the
# tanker's release", "the journalist's arrest" (the possessor of "Russia's strikes" acts).
UNDERGONE = frozenset({"release", "arrest", "detention", "extradition", "deportation",
                       "expulsion", "execution", "dismissal", "removal", "ouster",
                       "repatriation", "imprisonment", "freedom", "kidnapping", "abduction",
                       "compensation", "payout", "damages", "pardon", "asylum"})

# Verbs of reaching someone whose purpose clause is addressed to them ("called X to").
CONTACT_VERBS = frozenset({"call", "phone", "telephone", "ring", "visit", "meet", "write",
                           "contact", "summon", "receive", "host"})

# Objects that are the means, not the target: "fired cruise missiles at a dam".
WEAPONS = frozenset({"missile", "rocket", "shell", "bullet", "shot", "round", "bomb", "drone",
                     "grenade", "mortar", "artillery", "weapon", "gun", "torpedo", "salvo"})

# What is sent, given or used, never whom it reaches: "sent troops to X", "gave $2 million
# to X", "used force against X"; the delivery's preposition names the recipient.
MEANS = WEAPONS | frozenset({"troop", "soldier", "force", "personnel", "aid", "money", "fund",
                             "assistance", "supply", "equipment", "ammunition", "food",
                             "medicine", "loan", "grant", "cash", "arm"})

# Possessives that make an object the actor's own ("its men", "their envoys").
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
MEASURE_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
DELIVERY_PREPS = frozenset({"to", "into", "for", "toward", "towards", "from", "against",
                            "on", "at"})

# CAMEO roots of stances towards someone or something (intent to cooperate, approval and
# praise): their nouns take what they are aimed at with "for" ("support for the deal").
STANCE_ROOTS = frozenset({"03", "05"})

# Whom something passed on reaches, in the passive ("was handed to the embassy").
RECEIVER_PREPS = frozenset({"to", "into", "toward", "towards"})
# A thing handed over reaches the object of these: "returned artifacts to the embassy",
# "demanded an explanation from the magistrate", "withdrew troops from Iraq".
TRANSFER_PREPS = frozenset({"to", "into", "toward", "towards", "from", "with"})

# Proposals, statements and acts whose author is the target of a stance taken on them:
# "rejected a request by X", "condemned the government's decision" (X, the government).
AUTHORED = frozenset({"request", "motion", "appeal", "offer", "proposal", "demand", "plan",
                      "decision", "bid", "call", "claim", "statement", "remark", "comment",
                      "accusation", "allegation", "move", "policy", "ruling", "order",
                      "action", "act", "conduct", "behaviour", "behavior", "threat",
                      "protest", "attack", "invasion", "aggression", "occupation",
                      "practice", "detention", "regime", "scheme", "legislation", "case",
                      "project", "handling", "response", "programme", "program", "strategy",
                      "approach", "reform", "bill", "law"})

# Entity labels of a name that can author something ("U.S. calls", "Russian aggression").
NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# Proper names of things, not of actors: awards, laws, wars, products, sums, dates.
THING_ENTS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE", "MONEY",
                        "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "DATE", "TIME"})

# Verbs whose small clause's subject is whom they act on: "allowed aid workers access".
CAUSATIVES = frozenset({"allow", "let", "permit", "help", "force", "make", "enable",
                        "compel", "cause"})

# Heads that pick out part of a group: "charged one of the Kremlin's critics".
PARTITIVES = frozenset({"one", "some", "many", "several", "most", "all", "each", "none",
                        "dozens", "hundreds", "thousands", "number", "group"})
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})

# Objects of a violent verb that are the act, not its target: "opened fire on X".
VIOLENT_LIGHT_OBJECTS = frozenset({"fire", "attack", "strike", "raid", "offensive", "assault",
                                   "ceasefire", "truce"})

# Force on bodies and things (assault, fight, mass violence): its object is its target.
# Coercion (17) is left out: "closed its borders with X" acts on X, not on the borders.
FORCE_ROOTS = frozenset({"18", "19", "20"})

# Climb at most this many heads looking for a clause's subject.
MAX_CLIMB = 6
VERBAL_CONFLICT_QUAD = 3


def _verbal_conflict(cameo: str) -> bool:
    """Whether a code is a demand, threat, rejection or accusation ("none" is no code: "fight
    poverty" is no event)."""
    return cameo != lex.NO_EVENT and lex.coding(cameo).quad == VERBAL_CONFLICT_QUAD


def _doers(noun: Any) -> list[Any]:
    """Who did what an event noun names: "Russia's strikes", "Russian strikes", "strikes
    by Russia"."""
    doers = [c for c in noun.children if c.dep_ == "poss" and is_agentive(c)
             or c.dep_ in ("compound", "amod") and c.ent_type_ in NAMED_ENTS]
    doers += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
              for o in c.children if o.dep_ == "pobj"]
    return _conj(doers)


def authors(heads: list[Any]) -> list[Any]:
    """Each head, or the author of a proposal, statement or act it names ("a request by
    X", "every offer made by X", "the government's decision")."""
    out: list[Any] = []
    for head in heads:
        head = _whole(head)
        out += _author(head) or [head]
    return out


def _whole(tok: Any) -> Any:
    """The group a partitive picks from ("one of the critics" -> "critics")."""
    if tok.pos_ != "NUM" and tok.lemma_.lower() not in PARTITIVES:
        return tok
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return tok


def _author(tok: Any) -> list[Any]:
    if is_agentive(tok) or tok.lemma_.lower() not in AUTHORED:
        return []
    by = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
          for o in c.children if o.dep_ == "pobj" and (c.lower_ == "by" or is_agentive(o)
                                                         or _is_group(o))]
    by += [o for c in tok.children if c.dep_ == "acl" for a in c.children
           if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    by += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
           for p in c.children if p.dep_ == "pobj" for b in p.children  # "offers for
           if b.dep_ == "prep" and b.lower_ in ("by", "from")  # talks by X", "calls for
           for o in b.children if o.dep_ == "pobj"  # an inquiry from the opposition"
           and (b.lower_ == "by" or is_agentive(o) or _is_group(o))]
    by += [c for c in tok.children if c.dep_ == "poss"  # "Argentine calls" may parse as
           or c.dep_ in ("compound", "amod", "nsubj") and c.ent_type_ in NAMED_ENTS]  # nsubj
    return _conj(by)


def _subjects(verb: Any) -> list[Any]:
    """The actor heads of a clause: subject, passive agent, or an inherited subject."""
    tok, below = verb, None
    for _ in range(MAX_CLIMB):
        if below is not None and _controls(tok, below):  # "X was urged by Y to help Z"
            return _conj([c for c in tok.children if c.dep_ == "nsubjpass"])
        agent = _agent(tok)
        if agent:
            return _conj(agent)
        subj = [s for c in tok.children if c.dep_ in SUBJ for s in _misparsed_subject(c)]
        if not subj and not any(c.dep_ in SUBJ | {"nsubjpass"} for c in tok.children):
            subj = _fronted_subject(tok)
        if subj:
            return _conj(subj)
        if tok.dep_ == "relcl" and tok.head.i != tok.i:
            return _conj([tok.head])
        owners = [c for c in tok.head.children if c.dep_ == "poss"] \
            if tok.dep_ == "acl" and tok.head.i != tok.i else []
        if owners:  # "its decision to back X", "Russia's pledge to help": the owner acts
            return _conj(owners)
        author = _named_author(tok.head) if tok.dep_ == "acl" and tok.tag_ == "VBG" else []
        if author:
            return author  # "found a Green Party leaflet opposing X"
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj"):  # "passed a resolution
            tok = tok.head.head  # demanding": the resolution's author acts
            if tok.dep_ == "prep":
                tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i < tok.i \
                and (is_agentive(tok.head) or _is_group(tok.head)):
            return _conj([tok.head])  # "Mr Straw, visiting Beijing, said": Mr Straw visits
        if tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children):
            break  # "pleaded guilty and will be sentenced": the passive's actor is unnamed
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            break  # "... continues after a suspect was freed": not the main clause's act
        if _speaker_conjunct(tok):
            tok = tok.head.head  # "said the plan was wrong and urged": the speaker urged
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in (
                "VERB", "AUX"):
            tok = tok.head.head  # "reached a view after holding talks": who reached it
            continue
        if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and tok.head.i != tok.i:
            tok, below = tok.head, tok
            continue
        break
    return []


# Names that can make a leaflet, a report or a plan: organisations and people.
AUTHOR_ENTS = frozenset({"ORG", "PERSON", "NORP"})


# Passives that bind their subject to the act they govern, even when the parser makes
# it a clause of purpose ("is bound by law to help Taiwan").
BINDING_VERBS = frozenset({"bind", "oblige", "obligate", "require", "compel", "force"})


def _controls(head: Any, comp: Any) -> bool:
    """A passive whose subject does its infinitive ("was asked to mediate", "is bound by
    law to help"): the subject acts, not the passive's agent."""
    return comp.dep_ in ("xcomp", "advcl") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children) \
        and any(c.dep_ == "nsubjpass" for c in head.children) \
        and (comp.dep_ == "xcomp" or head.lemma_.lower() in BINDING_VERBS)


def _named_author(thing: Any) -> list[Any]:
    """The name a thing is labelled with as its maker ("a Green Party leaflet", "a leaflet
    by the Green Party"), when the thing cannot act itself."""
    if is_agentive(thing) or _is_group(thing):
        return []
    named = [c for c in thing.children if c.dep_ == "compound"] + [
        o for c in thing.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
        if o.dep_ == "pobj"]
    return [c for c in named if is_agentive(c) and c.ent_type_ in AUTHOR_ENTS][-1:]


# Tenses of a speaker's own second verb: "said ... and promised", "says ... and wants".
SPEAKING_TENSES = frozenset({"VBD", "VBZ"})


def _speaker_conjunct(conj: Any) -> bool:
    """"Clarke said prosecutions were the first choice and promised to act": the parser
    hangs the second verb on the reported clause, whose subject cannot act; a past verb
    like the reporting one is then the speaker's own act."""
    clause = conj.head
    if conj.dep_ != "conj" or conj.tag_ not in SPEAKING_TENSES or clause.dep_ != "ccomp" \
            or clause.head.lemma_.lower() not in PLAIN_CUES or clause.head.tag_ != conj.tag_:
        return False
    subjects = [c for c in clause.children if c.dep_ in SUBJ | {"nsubjpass", "expl"}]
    return not any(is_agentive(s) or s.pos_ == "PRON" or _is_group(s) for s in subjects)


def _misparsed_subject(subj: Any) -> list[Any]:
    """A preposition parsed as subject ("In Paris, Anna Berg held talks": "In" nsubj,
    "Anna Berg" conjoined to "Paris") stands for the name conjoined inside its phrase:
    the phrase's own object is the fronted place or time."""
    if subj.pos_ != "ADP":
        return [subj]
    return _conjoined_name(subj)


def _fronted_subject(verb: Any) -> list[Any]:
    """"On a visit to Peru, President Lopez voiced ...": the parser may hang the
    subject as a conjunct inside the fronted phrase and leave the verb without one; a
    name before the verb may be left as a modifier ("USAID had announced")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.i < verb.i:
            found = _conjoined_name(child)
            if found:
                return found
        if child.dep_ in ("advmod", "npadvmod") and child.i < verb.i \
                and child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            return [child]
    return _inverted_speaker(verb)


def _inverted_speaker(verb: Any) -> list[Any]:
    """"X is wrong, President Lopez of Peru has said": the parser may hang the speaker as
    an apposition inside the fronted clause; a name whose phrase ends just before the
    reporting verb (or its auxiliaries) is its subject."""
    if verb.lemma_.lower() not in PLAIN_CUES:
        return []
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "neg")
                          and c.i < verb.i)])
    if first == 0:
        return []
    tok = verb.doc[first - 1]
    while tok.dep_ == "pobj" and tok.head.head.dep_ == "appos":  # "Lopez of Peru"
        tok = tok.head.head
    heads = [t for t in (tok, tok.head) if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
    return heads[:1] if heads and heads[0].i < verb.i else []


def _conjoined_name(prep: Any) -> list[Any]:
    """The last name conjoined to an object inside a prepositional phrase."""
    names = [t for t in prep.subtree if t.dep_ == "conj" and t.head.dep_ == "pobj"
             and t.pos_ in ("PROPN", "NOUN") and t.i > t.head.i]
    return names[-1:]


def _agent(tok: Any) -> list[Any]:
    """The passive's "by X"; also when the parser hangs it on the verb's object ("has been
    called a shameful mistake by senators")."""
    found = [o for c in tok.children if c.dep_ == "agent"
             for o in c.children if o.dep_ == "pobj"]
    if found or not any(c.dep_ == "auxpass" for c in tok.children):
        return found
    return [o for c in tok.children if c.dep_ in ("dobj", "oprd", "attr") for p in c.children
            if p.dep_ == "prep" and p.lower_ == "by" for o in p.children
            if o.dep_ == "pobj" and (is_agentive(o) or _is_group(o))]


def _recipients(verb: Any, noun: Any | None) -> list[Any]:
    """Object, passive subject, dative, or object of a recipient preposition."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    objects = [c for c in verb.children if c.dep_ == "dobj" and (noun is None or c.i != noun.i
                                                                  and c.i != noun.head.i)]
    if not passive and objects:
        found = _object_target(verb, objects[0])
        if found is not None:
            return found
    datives = _datives(verb)
    if passive:
        handed = _handed_over(verb, datives)
        if handed:
            return handed
    for dep in ("dobj", "dative", "nsubjpass") if not passive else ("nsubjpass", "dative"):
        if dep == "dative":
            heads = datives
        else:
            heads = [c for c in verb.children if c.dep_ == dep and (noun is None or c.i != noun.i)
                     and (noun is None or dep != "nsubjpass") and c.lemma_.lower() not in WEAPONS]
        if dep == "dobj" and heads and datives and not is_agentive(heads[0]):
            return _conj(datives)  # "provided billions of dollars to Taiwan": the receiver
        if dep == "dobj":  # "branded the plan a disaster": the second object is a label
            heads = heads[:1]
        if heads and not (dep == "dobj" and lex.match(heads[0], "N") and noun is None
                          and not is_agentive(heads[0])):
            return _conj(heads)
    return _small_clause_subject(verb) or _prep_objects(verb) or _contacted(verb)


def _handed_over(verb: Any, datives: list[Any]) -> list[Any]:
    """"The statue was handed back by French officials to Malian authorities": a thing passed
    on in the passive is not the target; whom it reaches is."""
    things = [c for c in verb.children if c.dep_ == "nsubjpass"
              and not is_agentive(c) and not _is_group(c) and c.pos_ in ("NOUN", "PROPN")]
    if not things:
        return []
    return _conj(datives) or _prep_objects(verb, RECEIVER_PREPS)


def _contacted(verb: Any) -> list[Any]:
    """"called Erdogan to apologise", "visited Kabul to express solidarity": a purpose
    clause with no one of its own is addressed to whom the visit or call reached."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in CONTACT_VERBS \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    return _conj([c for c in head.children if c.dep_ == "dobj" and is_agentive(c)][:1])


def _object_target(verb: Any, obj: Any) -> list[Any] | None:
    """Whom a verb with this object acts on, when the object is not it: the author of a
    proposal ("accepts the demands by protesters"), the receiver of what is sent or handed
    over ("sent troops to X", "returned artifacts to X"); None to read on."""
    author = _author(obj)
    if author:
        return author
    row = lex.first_row(verb, "V")
    if row is not None and _verbal_conflict(row.cameo) \
            and lex.match(obj, "N") and _doers(obj):
        return _doers(obj)  # "condemned Russia's strikes on Odesa": aimed at Russia
    violent = row is not None and row.cameo[:2] in VIOLENT_ROOTS
    if (is_means(obj) or _own_people(obj)) and not violent:  # or nobody named
        return _conj(_datives(verb)) or _prep_objects(verb, DELIVERY_PREPS)
    if row is not None and row.cameo[:2] in FORCE_ROOTS and not is_means(obj) \
            and obj.lemma_.lower() not in VIOLENT_LIGHT_OBJECTS:
        return _conj([obj])  # "tortured an inmate to death": force acts on its object
    if not is_agentive(obj) and not _is_group(obj):  # "opened fire on X", "denied entry
        return _conj(_datives(verb)) or _prep_objects(verb) \
            or _prep_objects(obj, TRANSFER_PREPS) or _party_within(obj) or None
    return None


# Nouns for whoever is on the other side of a relation: "met his counterparts" meets
# someone else, not the actor's own people.
OTHER_SIDE = frozenset({"counterpart", "rival", "opponent", "host", "successor",
                        "predecessor", "critic", "adversary", "enemy", "challenger"})


def _own_people(obj: Any) -> bool:
    """"mobilised its men to the area", "withdrew their staff": the actor's own people
    sent or moved are the means, not the target (force on "its own citizens" is not)."""
    return obj.pos_ == "NOUN" and obj.lemma_.lower() not in OTHER_SIDE and any(
        c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in obj.children)


def _party_within(obj: Any) -> list[Any]:
    """Whom a thing acted on concerns, when a party is named in it ("lifted restrictions on
    Cuba", "demanded the withdrawal of Vietminh forces", "ordered the release of Temer")."""
    found = _noun_recipients(obj)
    return found if found and _codable(found[0]) else []


def _codable(tok: Any) -> bool:
    """A name, a group, or a phrase naming a sector ("Indian television channels"); a
    thing with only a demonym ("Finnish timber exports") is no party."""
    if is_agentive(tok) or _is_group(tok):
        return True
    return act.code_tokens(act.phrase_tokens(tok), tok).sector is not None


def _sector(tok: Any) -> str | None:
    """The sector a common noun for people names ("students" -> EDU), None for a name."""
    return None if tok.pos_ == "PROPN" else act.lexicon().sector_of([tok.text])


def _is_group(tok: Any) -> bool:
    """A common noun for people or institutions ("officials", "prisoners", "the court")."""
    return act.lexicon().sector_of([tok.text]) is not None


def _small_clause_subject(verb: Any) -> list[Any]:
    """"found Barbarin guilty", "allowed aid workers expanded access": the subject of the
    verb's small clause is whom the verb acts on."""
    causative = verb.lemma_.lower() in CAUSATIVES
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "oprd") and (
                child.pos_ in ("ADJ", "NOUN") or causative and child.pos_ == "VERB"):
            subj = [c for c in child.children if c.dep_ == "nsubj"]
            if subj:
                return _conj(subj)
    return []


def _datives(verb: Any) -> list[Any]:
    """Indirect objects: "gave Kyiv arms", and "to Kyiv" when the parser calls it dative."""
    out = []
    for child in verb.children:
        if child.dep_ == "dative":
            out += [o for o in child.children if o.dep_ == "pobj"] if child.pos_ == "ADP" \
                else [child]
    return out


def is_means(tok: Any) -> bool:
    """What is sent or used ("troops", "$2 million", "13 tons of medicine"); a count of
    people is not ("dozens of activists"), a count of troops still is."""
    head = act.content_head(tok)
    if head is not tok:
        return is_means(head)
    return tok.lemma_.lower() in MEANS or tok.ent_type_ in MEASURE_ENTS


def is_agentive(tok: Any) -> bool:
    """A name that can act: not the name of a thing ("awarded the Freedom Order to X"),
    unless an honorific makes it a person's ("Mr Straw", tagged PRODUCT)."""
    return tok.ent_type_ in NAMED_ENTS or tok.pos_ == "PROPN" and (
        tok.ent_type_ not in THING_ENTS or titled(tok))


def titled(tok: Any) -> bool:
    """A name with an honorific before it ("Mr Straw"): a person, whatever its tag."""
    return any(c.dep_ == "compound" and c.lower_ in honorifics() for c in tok.children)


def _noun_recipients(noun: Any) -> list[Any]:
    """Targets of an event noun, or of the noun it modifies ("a mediation effort between
    X and Y"); "of" comes last, and a thing it names passes on its own target ("a
    suspension of aid to Egypt", "the withdrawal of troops from Iraq")."""
    for tok in [noun, noun.head] if noun.dep_ == "compound" else [noun]:
        party = _prep_objects(tok, frozenset({"of"}))
        if party and is_agentive(party[0]):  # "the withdrawal of X from Y": X withdraws
            return party
        preps = RECIPIENT_PREPS | {"between"} | ({"for"} if stance_noun(tok) else set())
        found = _prep_objects(tok, frozenset(preps))
        if found:
            return found
        if party:
            if not _is_group(party[0]):  # a thing: its own target, else the thing
                return _prep_objects(party[0], RECIPIENT_PREPS) or party
            return party
    return _conj([c for c in noun.children if _undergoes(c)])


def stance_noun(tok: Any) -> bool:
    """A noun of support or praise, whose "for X" is what it is aimed at ("declared its
    support for the Geneva accord"), unlike a verb's "for" ("called for calm")."""
    row = lex.match(tok, "N") if tok.pos_ == "NOUN" else None
    return row is not None and row.cameo[:2] in STANCE_ROOTS


def _undergoes(poss: Any) -> bool:
    """A possessor who undergoes its noun's act ("Navalny's release")."""
    return poss.dep_ == "poss" and poss.head.lemma_.lower() in UNDERGONE


def _prep_objects(tok: Any, preps: frozenset[str] = RECIPIENT_PREPS) -> list[Any]:
    """Objects of recipient prepositions after the word ("On a visit, X ..." is a frame)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i > tok.i:
            objs = [o for o in child.children if o.dep_ == "pobj"
                    and o.ent_type_ not in ("DATE", "TIME")]
            if objs and objs[0].lower_ == "behalf":  # "on behalf of X" is X's side
                return []
            if objs:
                return _conj(objs)
    return []
