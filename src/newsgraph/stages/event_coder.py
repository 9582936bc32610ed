"""Clause coding: a trigger word, what it composes with, and who acts on whom.

For each verb (or standalone event noun) of a parsed sentence, ``code_token`` returns a
``Candidate``: the CAMEO code, the trigger tokens, actor and recipient head tokens, and
flags for negation, hypothetical and future. Rules:

* light verbs take their event from the object noun ("held talks", "imposed sanctions");
* frames compose with the action they govern: intent + cooperation -> AGREE, intent +
  conflict -> THREATEN, request -> REQUEST, refusal -> REJECT, threat -> THREATEN;
* future cooperation is AGREE, future material conflict is THREATEN (PLOVER 2.3, 3.1);
* "X said Y must/should do Z" is a REQUEST by X of Y; "X said Y is unacceptable" a REJECT;
* an action promised ("its commitment to cooperate") is AGREE; an expression offered
  ("offered condolences") is made; aid given to support someone is given to them; what
  is received "from" X is X's act;
* negation reaches an infinitive of purpose ("will not go to Moscow to meet him");
* actor: the subject (the agent in the passive), inherited through xcomp/conj; recipient:
  the object, the passive subject, or the object of to/with/against/on/at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import lexicons
from . import actors as act
from . import event_lexicon as lex
from .event_kinds import DEMONSTRATION, act_targets, disapproving, labelled, street_protest
from .event_kinds import conjuncts as _conj

SUBJ = frozenset({"nsubj", "csubj"})
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "at", "upon", "into", "toward",
                             "towards", "from"})
# The nouns of stances take their object with these too: "support for X", "praise of X".
ABOUT_PREPS = RECIPIENT_PREPS | {"for", "of"}
# ... and the nouns of feelings with these: "concern over X", "misgivings about X".
STANCE_PREPS = ABOUT_PREPS | {"over", "about", "at"}
FEELINGS = frozenset({"concern", "concerns", "dismay", "outrage", "anger", "disappointment",
                      "misgivings", "reservations", "alarm", "indignation", "displeasure",
                      "disapproval", "objection", "objections", "support", "solidarity",
                      "gratitude", "condolence", "condolences", "sympathy", "appreciation"})
# Objects of idioms that are part of the act, not its target: "joined forces with X",
# "shook hands with X".
IDIOM_OBJECTS = frozenset({"force", "forces", "hand", "hands"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# "is set to meet", "is due to visit": scheduled, i.e. future, actions.
FUTURE_HEADS = frozenset({"set", "due", "schedule", "slate", "poise", "expect"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must"})
OBLIGATION_AUX = frozenset({"must", "should"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# The conditions a refusal or threat sets on someone ("until X pays", "unless X leaves",
# "will not end the strike before X is sacked").
CONDITION_UNTIL = frozenset({"until", "unless", "till", "before"})
# Nouns whose to-clause or that-clause states something not (yet) done.
NONFACTIVE_NOUNS = frozenset({"decision", "plan", "proposal", "attempt", "effort", "bid",
                              "step", "threat", "demand", "call", "push", "way", "chance",
                              "right", "need", "readiness", "willingness", "intention",
                              "offer", "promise", "pledge", "warning", "request"})
# ...unless taken: "took steps to / the first step toward" reports the action as begun.
TAKEN_NOUNS = frozenset({"step"})
# "its commitment to collaborate", "a pledge to send aid": the action is promised (AGREE).
INTENT_NOUNS = frozenset({"commitment", "pledge", "promise", "readiness", "willingness",
                          "intention", "offer", "determination", "resolve", "vow"})
NONFACTIVE_VERBS = frozenset({"want", "try", "hope", "seek", "wish", "aim", "expect",
                              "consider", "mull", "weigh", "hesitate", "struggle"})
# Conjunctions that set a conjoined clause against the first ("did not X, but Y").
CONTRAST_WORDS = frozenset({"but", "yet", "though", "although", "whereas"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
# Verbs that carry an event noun through a preposition: "go on strike", "remain on alert".
PREP_LIGHT = frozenset({"go", "remain", "stay", "put", "place", "keep", "participate",
                        "engage", "embark", "join", "take", "lead", "be"})
# Reporting verbs that never carry their object's event ("reported the attack").
PLAIN_CUES = frozenset({"say", "tell", "report", "claim", "write", "add", "note", "state",
                        "describe", "quote", "mention", "confirm", "deny", "cite"})
# Event types whose noun's "from X" is where it moves from, not who acts ("the withdrawal
# from Afghanistan", "deportation from Britain"); otherwise "complaints from MPs", "aid from
# Japan" name the actor.
MOVES_FROM = frozenset({"RETREAT", "CONCEDE", "COERCE", "MOBILIZE"})
# "X said Y was responsible": the predicate adjectives that make an accusation.
BLAME_WORDS = frozenset({"responsible", "guilty", "culpable", "behind"})
# "X said Y was unacceptable": the predicates that make a rejection (PLOVER 3.10).
REFUSAL_WORDS = frozenset({"unacceptable", "inadmissible", "intolerable", "impossible"})
# Event nouns whose possessor undergoes the act: "demanded Navalny's release", "ordered the
# tanker's release", "the journalist's arrest" (the possessor of "Russia's strikes" acts).
UNDERGONE = frozenset({"release", "arrest", "detention", "extradition", "deportation",
                       "expulsion", "execution", "dismissal", "removal", "ouster",
                       "repatriation", "imprisonment", "freedom", "kidnapping", "abduction",
                       "compensation", "payout", "damages", "pardon", "asylum"})
# Verbs of reaching someone whose purpose clause is addressed to them ("called X to").
CONTACT_VERBS = frozenset({"call", "phone", "telephone", "ring", "visit", "meet", "write",
                           "contact", "summon", "receive", "host"})
# Nouns of growth or spread whose "in/of X" names the act itself ("an increase in aid").
CHANGE_NOUNS = frozenset({"increase", "boost", "expansion", "surge", "rise", "doubling",
                          "tripling", "extension", "escalation", "intensification"})
# Nouns that count acts: "a new round of joint exercises", "a wave of strikes" is those acts.
COUNTING_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "cycle", "flurry"})
# Subjects that stand for a clause after the predicate ("it was unacceptable for X to").
EXPLETIVES = frozenset({"it", "this", "that"})
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
# A thing handed over reaches the object of these: "returned artifacts to the embassy",
# "demanded an explanation from the magistrate", "withdrew troops from Iraq".
# CAMEO roots of stances towards someone or something (intent to cooperate, approval and
# praise): their nouns take what they are aimed at with "for" ("support for the deal").
STANCE_ROOTS = frozenset({"03", "05"})
# Whom something passed on reaches, in the passive ("was handed to the embassy").
RECEIVER_PREPS = frozenset({"to", "into", "toward", "towards"})
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
# Verbs whose subject undergoes the event noun ("faces sanctions"): never light verbs.
EXPERIENCER = frozenset({"face", "suffer", "undergo", "endure", "survive", "escape", "fear",
                         "risk", "avoid", "receive", "flee"})
# Crowds whose violence or coercion is protest (PLOVER PROTEST riot), and those roots.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "crowd",
                        "marcher", "protesters", "demonstrators", "rioters", "crowds"})
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})
# Objects of a violent verb that are the act, not its target: "opened fire on X".
VIOLENT_LIGHT_OBJECTS = frozenset({"fire", "attack", "strike", "raid", "offensive", "assault",
                                   "ceasefire", "truce"})
# Force on bodies and things (assault, fight, mass violence): its object is its target.
# Coercion (17) is left out: "closed its borders with X" acts on X, not on the borders.
FORCE_ROOTS = frozenset({"18", "19", "20"})
RIOT = "145"
# Verbs whose subject gets what the event gives: the giver is the "from" object.
RECEIVING_VERBS = frozenset({"receive", "get", "obtain"})
# "warned" with nobody warned and no action threatened is a caution, not a threat.
NEEDS_OBJECT = frozenset({"warn"})
# Climb at most this many heads looking for a clause's subject.
MAX_CLIMB = 6
# Material conflict (PLOVER QuadClass 4) and cooperation (1, 2), by quad number.
COOPERATION_QUADS = (1, 2)
CONFLICT_QUAD = 4
VERBAL_CONFLICT_QUAD = 3
MATERIAL_COOPERATION = 2


@dataclass
class Candidate:
    """One coded clause before actors are resolved to article entities."""

    cameo: str
    trigger: list[Any]
    head: Any  # the token whose clause is coded (frame verb when composed)
    actors: list[Any] = field(default_factory=list)
    recipients: list[Any] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    covered: set[int] = field(default_factory=set)
    inner: str | None = None  # the code of the action a frame governs ("agreed to send")
    actor_via: str | None = None  # how actors not named in the clause were found

    def coding(self, scheme: str = "2024") -> lex.Coding:
        return lex.coding(self.cameo, scheme)


def code_token(tok: Any) -> Candidate | None:
    """Code the clause headed by ``tok`` (a verb, frame adjective or event noun)."""
    if tok.pos_ in ("VERB", "AUX") or verbal_adjective(tok):
        cand = _code_verb(tok)
    elif tok.pos_ == "ADJ":
        cand = _code_adjective(tok)
    else:
        return None
    if cand is not None:
        _modality(cand)
        if cand.negated and _must_not(tok):
            cand.negated = False  # "said ministers should not cut X": a demand to refrain
    return cand


def _must_not(verb: Any) -> bool:
    """A reported "should not" / "must not": the demand itself is not negated."""
    return _reporting_cue(verb) is not None and any(
        c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children) and any(
        c.dep_ == "neg" for c in verb.children)


# Where a past form the tagger took for an adjective still heads a clause ("MPs pretended
# to juggle and jeered 'melons'", "jeered" tagged JJ): joined to a verb or heading one.
VERBAL_ADJ_DEPS = frozenset({"conj", "ROOT", "ccomp", "advcl"})


def verbal_adjective(tok: Any) -> bool:
    """An "-ed" word tagged as an adjective in a verb's place, with an object or a clause
    of its own: a past verb the tagger got wrong. Attributive uses ("the jeered
    minister") stay adjectives."""
    if tok.tag_ != "JJ" or not tok.lower_.endswith("ed") or tok.dep_ not in VERBAL_ADJ_DEPS:
        return False
    if tok.dep_ == "conj" and tok.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("dobj", "advcl", "nsubj") for c in tok.children)


def code_noun(noun: Any) -> Candidate | None:
    """A standalone event noun with its own actor: "Russia's missile strikes on Ukraine"."""
    row = lex.match(noun, "N")
    if row is None:
        return None
    actors = [c for c in noun.children if c.dep_ == "poss" and not _undergoes(c)]
    actors += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
               for o in c.children if o.dep_ == "pobj"]
    if not actors and lex.coding(row.cameo).type not in MOVES_FROM:
        # "criticism from the UN"; "faces claims ... from prisoners", where the parser
        # hangs "from" on the verb that faces it
        holders = [noun, noun.head] if _experiencers(noun) else [noun]
        actors = [o for h in holders for c in h.children if c.dep_ == "prep"
                  and c.lower_ == "from" for o in c.children
                  if o.dep_ == "pobj" and (is_agentive(o) or _is_group(o))]
    if not actors and row.cameo[:2] == CONSULT_ROOT:
        actors = _taking_part(noun)
    actors = _conj(actors)
    recipients = _experiencers(noun) or authors(_noun_recipients(noun))
    cand = Candidate(row.cameo, [noun], noun, actors,
                     [r for r in recipients if all(r.i != a.i for a in actors)])
    cand.negated = any(c.lower_ in NEG_WORDS for c in noun.children if c.dep_ in ("det", "neg"))
    return cand


# A meeting or visit the clause's subject takes part in: "said during a visit to
# Britain", "spoke after talks with X" (CAMEO root 04, consult).
CONSULT_ROOT = "04"
TAKING_PART_PREPS = frozenset({"during", "on", "after", "at", "before", "ahead"})


def _taking_part(noun: Any) -> list[Any]:
    """The subject of the verb a meeting noun's preposition hangs from ("X said during a
    visit to Y": X visits)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TAKING_PART_PREPS \
            or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    return _subjects(prep.head)


def _experiencers(noun: Any) -> list[Any]:
    """"Iran faces criticism from the UN", "the regime suffered sanctions": whoever faces
    or suffers the act is its target."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in EXPERIENCER:
        return []
    return _conj([c for c in verb.children if c.dep_ in SUBJ])


def _code_verb(verb: Any) -> Candidate | None:
    stance = _obligation(verb) or _label(verb)
    if stance is not None:
        return stance
    row = lex.first_row(verb, "V")
    if row is not None and row.cameo == lex.NO_EVENT:
        return None  # "took a one-off charge": no event, and no event noun carried
    if row is not None and row.frame == "feeling":
        return _feeling(verb, row)
    if row is not None and row.lemma in ASSERTING and _asserted(verb):
        return None  # "insisted the plan did not mean ...": a claim, not a demand
    if row is not None and row.lemma in ASKING and _question(verb):
        return None  # "asked why the government was agreeing": a question, no demand
    if row is not None and row.lemma in NEEDS_OBJECT and not any(
            c.dep_ in ("dobj", "dative", "xcomp")
            or c.dep_ == "ccomp" and _inner_code(c) is not None for c in verb.children):
        return None  # "warned that demand had dissipated": a forecast, not a threat
    noun = None
    if row is not None and row.frame == "intransitive" and any(
            c.dep_ == "dobj" for c in verb.children):
        row = None  # "demonstrates the US commitment" is no demonstration
    if row is None or row.frame == "light":
        noun, noun_row = _light_object(verb)
        if noun_row is None:
            return None
        row = noun_row
    trigger = [verb] + ([noun] if noun is not None else [])
    cand = Candidate(row.cameo, trigger, verb, _subjects(verb), _recipients(verb, noun))
    if row.lemma == "protest" and noun is None and street_protest(verb, cand.actors, _sector):
        cand.cameo = DEMONSTRATION
    if verb.lemma_.lower() in RECEIVING_VERBS:
        givers = _conj([o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                        for o in c.children if o.dep_ == "pobj"])
        if givers:  # "received support from the US military": the US military gave it
            cand.actors, cand.recipients = givers, cand.actors
    stance = _arg_object(verb, row)
    if noun is None and stance is not None:  # "expressed concern over X": X, not concern
        cand.covered.add(stance.i)
        cand.recipients = _prep_objects(stance, STANCE_PREPS) or [
            r for r in cand.recipients if r.i != stance.i] or _prep_objects(verb)
    if noun is not None:
        cand.covered.add(noun.i)
        found = _noun_recipients(noun)  # "the deployment of troops": the verb's "to X"
        given = found and all(is_means(f) and f.pos_ != "PROPN" for f in found)
        cand.recipients = (cand.recipients or found) if given else found or cand.recipients
    elif not cand.recipients and _verbal_conflict(row.cameo):
        cand.recipients = _condemned(verb, cand.trigger)
    elif not cand.recipients:  # "voiced his support of/for X": the object noun's X
        for obj in (c for c in verb.children if c.dep_ == "dobj" and lex.match(c, "N")):
            cand.recipients = _prep_objects(obj, ABOUT_PREPS)
    _apply_frame(cand, row, verb)
    if not cand.recipients and _verbal_conflict(cand.cameo):
        cand.recipients = _condemned(verb, cand.trigger) or conditioned(verb)
    if not any(is_agentive(r) for r in cand.recipients) \
            and lex.coding(cand.cameo).quad == MATERIAL_COOPERATION:
        _purpose_recipients(cand, verb)
    cand.recipients = authors(cand.recipients)
    if not any(_codable(r) for r in cand.recipients):
        cand.recipients = act_targets(cand.cameo, cand.trigger, _codable) or cand.recipients
    return cand


# Prepositions naming the cause of a feeling: "appalled by / at / with X".
CAUSE_PREPS = frozenset({"by", "at", "with", "over", "about"})


def _feeling(verb: Any, row: lex.Trigger) -> Candidate | None:
    """"The mayor was appalled by the decision", "the ruling angered farmers": whoever
    feels it criticises the cause (or its author); none felt by no one named is coded."""
    passive = verb.tag_ == "VBN" and (verb.dep_ in ("acomp", "amod", "xcomp") or any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children))
    if passive:
        feelers = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")] or (
            _subjects(verb.head) if verb.dep_ in ("acomp", "xcomp") else [])
        causes = _prep_objects(verb, CAUSE_PREPS) or [
            o for c in verb.children if c.dep_ == "agent" for o in c.children
            if o.dep_ == "pobj"]
    else:
        feelers = [c for c in verb.children if c.dep_ == "dobj"]
        causes = [c for c in verb.children if c.dep_ in SUBJ]
    feelers = [f for f in feelers if is_agentive(f) or _is_group(f) or f.pos_ == "PRON"]
    causes = [c for c in authors(_conj(causes)) if _blameable(c)]
    if not feelers or not causes:
        return None  # "shocked at the findings", "the storm shocked X": no one's doing
    cand = Candidate(row.cameo, [verb], verb, _conj(feelers), causes)
    cand.covered |= {t.i for t in verb.subtree} - {verb.i}
    return cand


def _blameable(tok: Any) -> bool:
    """Someone, or something someone did or proposed ("the decision", "the attacks", "his
    remarks"); not a finding or an event of nature."""
    lemma = tok.lemma_.lower()
    return is_agentive(tok) or _is_group(tok) or tok.pos_ == "PRON" \
        or lemma in AUTHORED | NONFACTIVE_NOUNS \
        or tok.pos_ == "NOUN" and lex.match(tok, "N") is not None \
        or any(c.dep_ == "poss" for c in tok.children)


# Demand verbs that also just assert: "insisted that X be freed" demands, "insisted the
# deal did not mean Y" claims.
ASSERTING = frozenset({"insist"})
PLEDGING_AUX = frozenset({"would", "will"})  # "insisted they would hold X to account"
INSIST_ON = frozenset({"on", "upon"})


# Request verbs that also ask questions: "asked X to leave" requests, "asked why X left"
# questions (what the question is about is coded on its own).
ASKING = frozenset({"ask", "question", "query", "wonder"})
QUESTION_WORDS = frozenset({"why", "whether", "how", "what", "when", "where", "who", "which",
                            "if"})


def _question(verb: Any) -> bool:
    """A clause of the verb opens with a question word and nothing asks anyone to act."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl")):
        first = clause.left_edge
        if first.lower_ in QUESTION_WORDS:
            return True
    return False


def _asserted(verb: Any) -> bool:
    """A that-clause stating a fact (no "should"/"must", not a bare subjunctive), and no
    "insist on X"."""
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in INSIST_ON and c.i > verb.i
           for c in verb.children):
        return False  # "insisted on a recount"; "On Monday X insisted ..." still claims
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(_subjunctive(c) or any(
        a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX | PLEDGING_AUX for a in c.children)
        for c in clauses)


def _subjunctive(clause: Any) -> bool:
    """"insisted that X be freed / resign": a base-form verb with no modal before it."""
    auxes = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if clause.tag_ == "VB" and not any(a.dep_ == "aux" for a in auxes):
        return True
    return any(a.tag_ == "VB" and a.lower_ == "be" for a in auxes) and not any(
        a.tag_ == "MD" for a in auxes)


def _arg_object(verb: Any, row: lex.Trigger) -> Any | None:
    """The feeling that made the trigger row match ("concern" in "expressed concern"): part
    of the trigger, not whom the event is aimed at (a summoned envoy still is)."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in row.args \
                and child.lower_ in FEELINGS | IDIOM_OBJECTS:
            return child
    return None


def _verbal_conflict(cameo: str) -> bool:
    """Whether a code is a demand, threat, rejection or accusation ("none" is no code: "fight
    poverty" is no event)."""
    return cameo != lex.NO_EVENT and lex.coding(cameo).quad == VERBAL_CONFLICT_QUAD


def _condemned(verb: Any, trigger: list[Any]) -> list[Any]:
    """"condemned Russia's attacks": criticism of an act is aimed at whoever did it, or at
    the act itself when no one is named ("condemned the attacks")."""
    own = {t.i for t in trigger}
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i not in own
                and lex.match(c, "N")):
        return _doers(obj) or [obj]
    return []


def conditioned(verb: Any) -> list[Any]:
    """"will not lift the blockade until the ministry meets its terms": whoever must act
    first is whom the refusal or threat is aimed at."""
    for tok in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
        for clause in (c for c in tok.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_UNTIL for m in c.children)):
            subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ != "PRON":
                return _conj(subj)
    return []


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
          for o in c.children if o.dep_ == "pobj" and (c.lower_ == "by" or is_agentive(o))]
    by += [o for c in tok.children if c.dep_ == "acl" for a in c.children
           if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    by += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
           for p in c.children if p.dep_ == "pobj" for b in p.children  # "offers for
           if b.dep_ == "prep" and b.lower_ == "by" for o in b.children  # talks by X"
           if o.dep_ == "pobj"]
    by += [c for c in tok.children if c.dep_ == "poss"  # "Argentine calls" may parse as
           or c.dep_ in ("compound", "amod", "nsubj") and c.ent_type_ in NAMED_ENTS]  # nsubj
    return _conj(by)


def _purpose_recipients(cand: Candidate, verb: Any) -> None:
    """"provided $1.7 billion in aid to support Syrian refugees": aid given for someone is
    given to them; the purpose clause is part of the giving, not a second event."""
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            objs = [o for o in child.children if o.dep_ == "dobj" and is_agentive(o)
                    or o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")]
            if objs:
                cand.recipients = _conj(objs)
                cand.covered |= {t.i for t in child.subtree}
                return


def _code_adjective(adj: Any) -> Candidate | None:
    """"ready/willing to X": an intent frame whose subject is the copula's."""
    row = lex.match(adj, "A")
    if row is None or adj.dep_ not in ("acomp", "amod", "ROOT", "advcl", "ccomp", "xcomp"):
        return None
    holder = adj.head if adj.dep_ == "acomp" else adj
    cand = Candidate(row.cameo, [adj], holder, _subjects(holder),
                     _prep_objects(adj, STANCE_PREPS) if row.prep else [])
    _apply_frame(cand, row, adj)  # "critical of X": X
    return cand


def _light_object(verb: Any) -> tuple[Any, lex.Trigger | None]:
    """The event noun a (non-reporting) verb carries: "hold talks", "go on strike"."""
    lemma = verb.lemma_.lower()
    if lemma in PLAIN_CUES or lemma in EXPERIENCER or lemma == "be":
        return None, None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            for noun in [child, *(g for g in child.children if g.dep_ == "compound"),
                         *_grown(child)]:
                row = lex.match(noun, "N")
                if row is not None:
                    return noun, row
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "into") \
                and lemma in PREP_LIGHT:
            for obj in child.children:
                row = lex.match(obj, "N") if obj.dep_ == "pobj" else None
                if row is not None:
                    return obj, row
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "sanctions imposed by the West"
        row = lex.match(verb.head, "N")
        if row is not None:
            return verb.head, row
    return None, None


def _grown(noun: Any) -> list[Any]:
    """"a sixfold increase in funding", "a new round of talks": a change in an act, or a
    count of acts, is that act."""
    if noun.lemma_.lower() not in CHANGE_NOUNS | COUNTING_NOUNS:
        return []
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for o in c.children if o.dep_ == "pobj"]


def _out_of_question(tok: Any) -> bool:
    """"is out of (the) question"."""
    return tok.dep_ == "prep" and tok.lower_ == "out" and any(
        o.lower_ == "question" for p in tok.children if p.lower_ == "of" for o in p.children)


def _reporting_cue(verb: Any) -> Any | None:
    """The speech verb whose reported clause this verb heads, or a clause under it
    ("says Blair was not worried because Mr X lacked a strategy": "says")."""
    clause = verb
    if verb.dep_ in ("advcl", "conj") and verb.head.dep_ in ("ccomp", "parataxis"):
        clause = verb.head
    cue = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or cue.lemma_.lower() not in lexicons.cues():
        return None
    return cue


def _obligation(verb: Any) -> Candidate | None:
    """"X said Y must/should do Z": a REQUEST by X of Y; "X said Y was responsible": an
    accusation; "X said Y is unacceptable / out of the question": a rejection."""
    cue = _reporting_cue(verb)
    if cue is None:
        return None
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children):
        code = "100"
    elif any(c.dep_ in ("acomp", "prep", "attr") and c.lower_ in BLAME_WORDS
             for c in verb.children):
        code = "112"
    elif any(c.dep_ in ("acomp", "attr") and c.lower_ in REFUSAL_WORDS or _out_of_question(c)
             for c in verb.children):
        code = "120"
    elif _disapproved(verb):
        code = "111"
    else:
        return None
    recipients = _split_name([c for c in verb.children if c.dep_ in SUBJ | {"nsubjpass"}])
    if all(r.lower_ in EXPLETIVES for r in recipients):  # "it was unacceptable for X to"
        recipients = [s for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp")
                      for s in c.children if s.dep_ in SUBJ] or recipients
    cand = Candidate(code, [verb], cue, _subjects(cue), _conj(recipients))
    own = [c for c in verb.children if _speaker_conjunct(c)]  # "... and urged": not covered
    cand.covered |= {t.i for t in verb.subtree} - {t.i for c in own for t in c.subtree}
    return cand


def _label(verb: Any) -> Candidate | None:
    """"The panel called this wholly unacceptable": criticism of what is labelled;
    "called the change pragmatic": praise of it."""
    code, target = CRITICISE, labelled(verb, lex.disapproval_words())
    if target is None:  # "called the change pragmatic": praise
        code, target = PRAISE, labelled(verb, lex.approval_words())
    if target is None:
        return None
    cand = Candidate(code, [verb], verb, _subjects(verb), _conj(target))
    cand.covered |= {t.i for t in verb.subtree} - {verb.i}
    return cand


def _split_name(subjects: list[Any]) -> list[Any]:
    """Subjects the parser split out of one hyphenated name ("UK e-Learning" parsed as
    "e", "-", "Learning") are that name, whose head is its last word."""
    words = [s for s in subjects if not s.is_punct]
    close = all(b.i - a.i <= 2 for a, b in zip(words, words[1:], strict=False))
    if len(words) > 1 and close and any(s.is_punct for s in subjects):
        return words[-1:]
    return words


# Light verbs whose object of disapproval is a fault of their subject: "said the minister
# had a bigger problem", "made a serious mistake", "committed a blunder".
FAULT_LIGHT_VERBS = frozenset({"have", "make", "commit"})


def _disapproved(verb: Any) -> bool:
    """"X said the scheme was a shocking waste", "says the mayor lacked a plan": a
    predicate of disapproval or a verb of fault whose subject is someone, or something
    someone did ("the decision was wrong"), is criticism; "the weather was terrible" is not."""
    words = lex.disapproval_words()
    light = verb.lemma_.lower() in FAULT_LIGHT_VERBS
    if verb.lemma_.lower() in words and lex.match(verb, "V") is not None:
        return False  # "said Russia violated the ceasefire": the violation is coded itself
    if verb.lemma_.lower() not in words and not any(
            (c.dep_ in ("acomp", "attr") or light and c.dep_ == "dobj")
            and (c.lemma_.lower() in words or c.dep_ == "attr" and disapproving(c, words))
            for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    return any(is_agentive(s) or _is_group(s) or s.lemma_.lower() in AUTHORED
               or s.dep_ == "csubj" and s.tag_ == "VBG" for s in subjects)


CRITICISE = "111"  # CAMEO: criticise or denounce
PRAISE = "051"  # CAMEO: praise or endorse
FRAME_CODES = {
    # frame -> {embedded CAMEO root -> composed code}; "" is the default.
    "intent": {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
               "14": "133", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138",
               "": "030"},
    # A call for sanctions or force against someone is coded as a threat (PLV's 2021
    # convention: "called for sanctions against X" is THREATEN).
    "request": {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "16": "131",
                "": "100"},
    "reject": {"04": "125", "06": "121", "07": "122", "08": "124", "": "120"},
    "threat": {"16": "131", "17": "132", "18": "138", "19": "138", "20": "138", "": "130"},
}


def _apply_frame(cand: Candidate, row: lex.Trigger, tok: Any) -> None:
    """Compose a frame with the action it governs; a purpose clause replaces the trigger."""
    if row.frame in FRAME_CODES:
        comp = _complement(tok)
        inner = _inner_code(comp) if comp is not None else None
        cand.inner = inner
        codes = FRAME_CODES[row.frame]
        if inner is not None and inner[:2] in ("09", "10", "11", "12", "13") \
                and row.frame == "intent":
            cand.cameo = inner  # "vowed to condemn" is the condemnation
        elif inner is not None and comp is not None and inner[:2] == "05" \
                and row.frame == "intent" and comp.pos_ == "NOUN":
            cand.cameo = inner  # "offered condolences": the expression is made, not promised
        elif inner is not None:
            cand.cameo = codes.get(inner[:2], codes[""])
        if comp is not None:
            cand.covered |= {t.i for t in comp.subtree}
            _frame_recipients(cand, tok, comp)
    elif row.frame == "purpose":
        _purpose(cand, tok)
    elif row.frame == "order":
        _order(cand, tok)


def _complement(tok: Any) -> Any | None:
    """The action a frame word governs: to-clause, that-clause or event noun."""
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "on", "of", "against"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and _inner_code(obj) is not None:
                    return obj
    for child in tok.children:
        if child.dep_ == "dobj" and _inner_code(child) is not None:
            return child
    return None


def _inner_code(tok: Any) -> str | None:
    """The CAMEO code of an embedded action, without its own frame."""
    if tok.pos_ in ("VERB", "AUX"):
        row = lex.match(tok, "V")
        if row is None:
            _, row = _light_object(tok)
        if row is not None and row.frame in FRAME_CODES:
            comp = _complement(tok)
            inner = _inner_code(comp) if comp is not None else None
            codes = FRAME_CODES[row.frame]
            return codes.get(inner[:2], codes[""]) if inner else row.cameo
        return row.cameo if row is not None else None
    row = lex.match(tok, "N")
    return row.cameo if row is not None else None


def _frame_recipients(cand: Candidate, tok: Any, comp: Any) -> None:
    """"urged X to", "called on X to", "demanded that X": X is the recipient."""
    if cand.recipients:
        return
    if comp.dep_ == "ccomp":
        cand.recipients = _conj([c for c in comp.children if c.dep_ in SUBJ | {"nsubjpass"}])
    if not cand.recipients and comp.pos_ in ("VERB", "AUX"):
        cand.recipients = _recipients(comp, None)
    if not cand.recipients and comp.pos_ == "VERB":
        inner = _code_verb(comp)  # "offered to send troops to help the army": the army
        cand.recipients = [r for r in inner.recipients if _codable(r)] if inner else []
    if not cand.recipients and comp.pos_ in ("NOUN", "PROPN"):
        cand.recipients = _noun_recipients(comp)


def _order(cand: Candidate, tok: Any) -> None:
    """"ordered X to hand over" is a REQUEST; "ordered an investigation" is the action, and
    so is an ordered coercion or use of force ("ordered nine ex-ministers jailed"): who
    orders an arrest arrests."""
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            cand.covered |= {t.i for t in child.subtree}
            _frame_recipients(cand, tok, child)
            inner = _inner_code(child)
            if inner is not None and lex.coding(inner).quad == CONFLICT_QUAD:
                cand.cameo = inner
            return
        if child.dep_ == "dobj" and _inner_code(child) is not None:
            cand.cameo = _inner_code(child) or cand.cameo
            cand.covered.add(child.i)
            if not any(is_agentive(r) for r in cand.recipients):  # "ordered the release
                cand.recipients = _noun_recipients(child) or cand.recipients  # of X"
            return
        if child.dep_ == "dobj":  # "ordered the ministers jailed / the prisoners freed"
            for done in (g for g in child.children if g.dep_ == "acl" and g.tag_ == "VBN"):
                inner = _inner_code(done)
                if inner is not None:
                    cand.cameo = inner
                    cand.recipients = _conj([child])
                    cand.covered |= {t.i for t in done.subtree}
                    return


def _purpose(cand: Candidate, tok: Any) -> None:
    """"summoned the ambassador to complain", "signed a decree granting": the purpose
    clause's code wins."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    for child in [*tok.children, *(g for o in objs for g in o.children)]:
        if child.dep_ in ("xcomp", "advcl", "acl") and child.pos_ == "VERB":
            inner = _inner_code(child)
            if inner is not None:
                cand.cameo = inner
                cand.covered |= {t.i for t in child.subtree}
                return


def _modality(cand: Candidate) -> None:
    """Negation, future and hypothetical marks of the coded clause."""
    head = cand.head
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    cand.negated = negated_chain(head) or any(
        c.dep_ == "neg" for t in cand.trigger for c in t.children) or _none_given(head)
    going = any(c.lower_ == "going" and c.dep_ == "aux" for c in head.children) \
        or head.head.lower_ == "going" and head.dep_ == "xcomp" \
        or head.dep_ == "xcomp" and head.head.lemma_.lower() in FUTURE_HEADS
    reported = head.dep_ in ("ccomp", "parataxis") and \
        head.head.lemma_.lower() in lexicons.cues()
    promised = head.dep_ == "acl" and head.head.lemma_.lower() in INTENT_NOUNS
    cand.future = bool(auxes & FUTURE_AUX) or going or ("would" in auxes and reported) \
        or promised
    cand.hypothetical = _hypothetical(head, auxes, reported)
    _refine(cand)
    coding = lex.coding(cand.cameo)
    conditional = bool(auxes & {"would", "could", "might"})
    if cand.future and coding.quad in COOPERATION_QUADS and coding.type != "AGREE":
        cand.cameo = FRAME_CODES["intent"].get(cand.cameo[:2], "030")
    elif (cand.future or conditional) and coding.quad == CONFLICT_QUAD:
        cand.cameo = FRAME_CODES["threat"].get(cand.cameo[:2], "130")


def _refine(cand: Candidate) -> None:
    """Military moves with several actors are joint (COOPERATE); deployments on a
    peacekeeping mission are AID (CAMEO 074); protesters' violence is a riot (PROTEST,
    CAMEO 145: "protesters burned the flag")."""
    if cand.cameo[:2] in VIOLENT_ROOTS and cand.actors and all(
            a.lemma_.lower() in PROTESTERS for a in cand.actors):
        cand.cameo = RIOT
        return
    if cand.cameo[:2] != "15":
        return
    if len(cand.actors) > 1:
        cand.cameo = "062"
    elif any(t.lower_.startswith("peacekeep") for t in cand.head.subtree):
        cand.cameo = "074"


def _none_given(head: Any) -> bool:
    """"gave no details", "offered no support", "held no talks": the object is none."""
    return any(c.dep_ == "dobj" and (c.lower_ in ("nothing", "none") or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in head.children)


def negated_chain(head: Any) -> bool:
    """A negation on the clause or on the frame it depends on ("would never be able to")."""
    tok = head
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj", "acomp") and not _purpose_clause(tok) \
                or tok.head.i == tok.i or tok.dep_ == "conj" and _own_clause(tok):
            return False
        tok = tok.head
    return False


def _own_clause(conj: Any) -> bool:
    """A conjoined verb that does not share its first conjunct's negation: it has its own
    subject, or is set against it ("would never be able to ..., but pledged")."""
    if any(c.dep_ in SUBJ | {"nsubjpass"} for c in conj.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and c.i < conj.i
               for c in conj.head.children)


def _purpose_clause(tok: Any) -> bool:
    """"will not go to Moscow to meet him": an infinitive of purpose shares its clause's
    negation."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in tok.children)


def _hypothetical(head: Any, auxes: set[str], reported: bool) -> bool:
    if auxes & HYPOTHETICAL_AUX and not reported:
        return True
    tok = head
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            return True
        if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in NONFACTIVE_NOUNS \
                and not _steps_taken(tok.head) and not _stance_decided(tok):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NONFACTIVE_VERBS:
            return True
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acl", "pcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# A decision to take a stance is the stance taken: "its decision to back the plans" backs
# them (CAMEO 05 endorse, 12 reject), unlike "a decision to send troops", not yet done.
DECIDED_NOUNS = frozenset({"decision", "choice"})
DECIDED_STANCES = frozenset({"05", "12"})


def _stance_decided(clause: Any) -> bool:
    """The to-clause of a decision whose verb is a stance ("decision to back/oppose X")."""
    row = lex.first_row(clause, "V") if clause.pos_ == "VERB" else None
    return clause.head.lemma_.lower() in DECIDED_NOUNS and row is not None \
        and row.cameo[:2] in DECIDED_STANCES


def _steps_taken(noun: Any) -> bool:
    """"took the first step toward providing aid": steps taken are done, not planned."""
    return noun.lemma_.lower() in TAKEN_NOUNS and noun.dep_ == "dobj" \
        and noun.head.lemma_.lower() == "take"


def _subjects(verb: Any) -> list[Any]:
    """The actor heads of a clause: subject, passive agent, or an inherited subject."""
    tok = verb
    for _ in range(MAX_CLIMB):
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
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj"):  # "passed a resolution
            tok = tok.head.head  # demanding": the resolution's author acts
            if tok.dep_ == "prep":
                tok = tok.head
            continue
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
            tok = tok.head
            continue
        break
    return []


def _speaker_conjunct(conj: Any) -> bool:
    """"Clarke said prosecutions were the first choice and promised to act": the parser
    hangs the second verb on the reported clause, whose subject cannot act; a past verb
    like the reporting one is then the speaker's own act."""
    clause = conj.head
    if conj.dep_ != "conj" or conj.tag_ != "VBD" or clause.dep_ != "ccomp" \
            or clause.head.lemma_.lower() not in PLAIN_CUES or clause.head.tag_ != "VBD":
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
    """A name that can act: not the name of a thing ("awarded the Freedom Order to X")."""
    return tok.ent_type_ in NAMED_ENTS or tok.pos_ == "PROPN" and tok.ent_type_ not in THING_ENTS


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
