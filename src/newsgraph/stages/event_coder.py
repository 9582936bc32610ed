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
  the object, the passive subject, or the object of to/with/against/on/at (the argument
  finders are ``event_args``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import lexicons
from . import event_lexicon as lex
from .event_args import (
    AUTHORED,
    MAX_CLIMB,
    PLAIN_CUES,
    RECIPIENT_PREPS,
    SUBJ,
    VIOLENT_ROOTS,
    _codable,
    _doers,
    _is_group,
    _noun_recipients,
    _prep_objects,
    _recipients,
    _sector,
    _speaker_conjunct,
    _subjects,
    _undergoes,
    _verbal_conflict,
    authors,
    is_agentive,
    is_means,
)
from .event_kinds import DEMONSTRATION, act_targets, disapproving, labelled, street_protest
from .event_kinds import conjuncts as _conj

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
# ... and verbs that open or answer with one: "opened the forum with an attack on X",
# "responded with a call for talks".
OPENING_VERBS = frozenset({"open", "begin", "start", "launch", "close", "end", "respond",
                           "react", "reply", "retaliate", "counter"})
# Event types whose noun's "from X" is where it moves from, not who acts ("the withdrawal
# from Afghanistan", "deportation from Britain"); otherwise "complaints from MPs", "aid from
# Japan" name the actor.
MOVES_FROM = frozenset({"RETREAT", "CONCEDE", "COERCE", "MOBILIZE"})
# "X said Y was responsible": the predicate adjectives that make an accusation.
BLAME_WORDS = frozenset({"responsible", "guilty", "culpable", "behind"})
# "X said Y was unacceptable": the predicates that make a rejection (PLOVER 3.10).
REFUSAL_WORDS = frozenset({"unacceptable", "inadmissible", "intolerable", "impossible"})
# Nouns of growth or spread whose "in/of X" names the act itself ("an increase in aid").
CHANGE_NOUNS = frozenset({"increase", "boost", "expansion", "surge", "rise", "doubling",
                          "tripling", "extension", "escalation", "intensification"})
# Nouns that count acts: "a new round of joint exercises", "a wave of strikes" is those acts.
COUNTING_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "cycle", "flurry"})
# Subjects that stand for a clause after the predicate ("it was unacceptable for X to").
EXPLETIVES = frozenset({"it", "this", "that"})
# Verbs whose subject undergoes the event noun ("faces sanctions"): never light verbs.
EXPERIENCER = frozenset({"face", "suffer", "undergo", "endure", "survive", "escape", "fear",
                         "risk", "avoid", "receive", "flee"})
# Crowds whose violence or coercion is protest (PLOVER PROTEST riot), and those roots.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "crowd",
                        "marcher", "protesters", "demonstrators", "rioters", "crowds"})
RIOT = "145"
# Verbs whose subject gets what the event gives: the giver is the "from" object.
RECEIVING_VERBS = frozenset({"receive", "get", "obtain"})
# "warned" with nobody warned and no action threatened is a caution, not a threat.
NEEDS_OBJECT = frozenset({"warn"})
# Material conflict (PLOVER QuadClass 4) and cooperation (1, 2), by quad number.
COOPERATION_QUADS = (1, 2)
CONFLICT_QUAD = 4
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
    if cand is not None and not cand.actors and _promised_passive(tok, cand):
        cand.actors = _subjects(_reporting_cue(tok))  # "says unions will be consulted"
    if cand is not None:
        _modality(cand)
        if cand.negated and (_must_not(tok) or _distrusted(tok)):
            cand.negated = False  # "said ministers should not cut X": a demand to refrain;
            # "said X cannot be trusted": the negation is the criticism
    return cand


def _promised_passive(verb: Any, cand: Candidate) -> bool:
    """"The council says residents will be consulted": a reported future act of
    co-operation in the passive, with no agent, is the speaker's own pledge."""
    return verb.pos_ in ("VERB", "AUX") and _reporting_cue(verb) is not None \
        and lex.coding(cand.cameo).quad in COOPERATION_QUADS \
        and any(c.dep_ == "nsubjpass" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


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


# "came under fire / pressure from X": what the subject undergoes, from X. Words without
# a lexicon row of their own get these codes: under fire from anyone but the armed is
# criticism ("came under fire from residents over the plan"), from them it is force.
UNDER_CODES = {"fire": "111", "pressure": "100"}
FIRE = "190"
UNDER_NOUNS = frozenset(UNDER_CODES) | {"attack", "criticism"}  # these two have rows
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "SPY"})
UNDERGOING_VERBS = frozenset({"come", "be", "remain", "find"})


FORCE_THREAT = "138"  # CAMEO: threaten with military force
FORCE_NOUN = "force"  # "by force if necessary"
# Heads under which an act is wanted or vowed, not done: "wants to unite it by force".
INTENT_HEADS = frozenset({"want", "intend", "plan", "vow", "threaten", "seek", "aim",
                          "pledge", "promise", "prepare", "ready"})


def _by_force(noun: Any) -> Any | None:
    """The act "by force" qualifies when it is wanted, vowed, future or conditional ("by
    force if necessary"), i.e. a threat of force; an act done by force is coded itself."""
    prep = noun.head
    if noun.lower_ != FORCE_NOUN or noun.dep_ != "pobj" or prep.lower_ != "by" \
            or prep.head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "det" for c in noun.children):
        return None
    verb = prep.head
    wanted = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX
                 for c in verb.children)
    conditional = any(c.dep_ == "advcl" and c.lower_ == "necessary" for c in verb.children)
    return verb if wanted or future or conditional else None


def _under(noun: Any) -> bool:
    """"The council came under fire from residents": the noun of an "under" idiom."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" \
        and noun.lemma_.lower() in UNDER_NOUNS \
        and prep.head.lemma_.lower() in UNDERGOING_VERBS


def _under_code(noun: Any) -> str:
    """The code of an "under" idiom: fire from an armed group is force."""
    code = UNDER_CODES[noun.lemma_.lower()]
    froms = [o for h in (noun, noun.head.head) for c in h.children
             if c.dep_ == "prep" and c.lower_ == "from" for o in c.children]
    return FIRE if code == "111" and any(_sector(o) in ARMED_SECTORS for o in froms) else code


def code_noun(noun: Any) -> Candidate | None:
    """A standalone event noun with its own actor: "Russia's missile strikes on Ukraine"."""
    threatened = _by_force(noun)
    if threatened is not None:  # "wants to take the island by force if necessary"
        return Candidate(FORCE_THREAT, [noun], noun, _subjects(threatened),
                         _conj([c for c in threatened.children if c.dep_ == "dobj"]))
    row = lex.match(noun, "N")
    if _under(noun) and row is None:
        row = lex.Trigger(noun.lemma_.lower(), "N", frozenset(), "", _under_code(noun), "")
    if row is None:
        return None
    actors = [c for c in noun.children if c.dep_ == "poss" and not _undergoes(c)]
    actors += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
               for o in c.children if o.dep_ == "pobj"]
    if not actors and lex.coding(row.cameo).type not in MOVES_FROM:
        # "criticism from the UN"; "faces claims ... from prisoners", where the parser
        # hangs "from" on the verb that faces it
        holders = [noun, noun.head] if _experiencers(noun) or _received(noun) else [noun]
        holders += [noun.head.head] if _under(noun) else []
        actors = [o for h in holders for c in h.children if c.dep_ == "prep"
                  and c.lower_ == "from" for o in c.children
                  if o.dep_ == "pobj" and (is_agentive(o) or _is_group(o))]
    if not actors and row.cameo[:2] == CONSULT_ROOT:
        actors = _taking_part(noun)
    protesting = _protesting(noun)
    if not actors and protesting is not None:
        actors = _subjects(protesting)
    actors = _conj(actors)
    recipients = _experiencers(noun) or (_subjects(noun.head) if _received(noun) else []) \
        or authors(_noun_recipients(noun))
    if protesting is not None and not recipients:  # "held a vote on strikes in protest at X"
        recipients = authors([o for c in protesting.children if c.dep_ == "prep"
                              and c.i > noun.i and c.lower_ in PROTESTED_PREPS
                              for o in c.children if o.dep_ == "pobj"][:1])
    cand = Candidate(row.cameo, [noun], noun, actors,
                     [r for r in recipients if all(r.i != a.i for a in actors)])
    cand.negated = any(c.lower_ in NEG_WORDS for c in noun.children if c.dep_ in ("det", "neg"))
    return cand


# A meeting or visit the clause's subject takes part in: "said during a visit to
# Britain", "spoke after talks with X" (CAMEO root 04, consult).
CONSULT_ROOT = "04"
TAKING_PART_PREPS = frozenset({"during", "on", "after", "at", "before", "ahead"})


# Nouns of "in protest at X": the act they qualify is a protest by its doer.
PROTEST_NOUNS = frozenset({"protest"})
PROTESTED_PREPS = frozenset({"at", "against", "over"})
# Steps from "in protest" up to its verb: "hold [a vote [on [strikes [in protest]]]]".
PROTEST_CLIMB = 5


def _taking_part(noun: Any) -> list[Any]:
    """The subject of the verb a meeting noun's preposition hangs from ("X said during a
    visit to Y": X visits)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TAKING_PART_PREPS \
            or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    return _subjects(prep.head)


def _protesting(noun: Any) -> Any | None:
    """The act an "in protest" qualifies, whose doer protests ("blocked the road in protest
    at the tax", where the parser may hang "in" on the road): the nearest verb above."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in PROTEST_NOUNS \
            or noun.head.lower_ != "in":
        return None
    tok = noun.head.head
    for _ in range(PROTEST_CLIMB):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in ("dobj", "pobj", "prep", "attr"):
            return None
        tok = tok.head
    return None


def _received(noun: Any) -> bool:
    """"after receiving complaints from the public": the receiver is the target."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_VERBS


def _experiencers(noun: Any) -> list[Any]:
    """"Iran faces criticism from the UN", "the regime suffered sanctions": whoever faces
    or suffers the act is its target."""
    if _under(noun):  # "came under fire from X": the subject of "came"
        return _conj([c for c in noun.head.head.children if c.dep_ in SUBJ])
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in EXPERIENCER:
        return []
    return _conj([c for c in verb.children if c.dep_ in SUBJ])


def _code_verb(verb: Any) -> Candidate | None:
    stance = _obligation(verb) or _label(verb) or _judged(verb)
    if stance is not None:
        return stance
    row = lex.first_row(verb, "V")
    if row is not None and row.cameo == lex.NO_EVENT:
        return None  # "took a one-off charge": no event, and no event noun carried
    if row is not None and row.frame == "feeling":
        return _feeling(verb, row)
    if row is not None and row.lemma in ASSERTING and _asserted(verb):
        # "insisted the plan did not mean ...": a claim against another's, not a demand
        return Candidate(REBUTTAL, [verb], verb, _subjects(verb), [])
    if row is not None and row.lemma in ASKING and _question(verb):
        return _challenge(verb)  # "asked whether ...": a question, no demand
    if row is not None and row.lemma in NEEDS_OBJECT and not conditioned(verb) and not any(
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
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        givers = _conj([o for h in holders for c in h.children if c.dep_ == "prep"
                        and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"][:1])
        if givers:  # "received support from the US military": the US military gave it
            cand.actors, cand.recipients = givers, cand.actors
    stance = _arg_object(verb, row)
    if noun is None and stance is not None:  # "expressed concern over X": X, not concern
        cand.covered.add(stance.i)
        cand.recipients = _prep_objects(stance, STANCE_PREPS) or _feared(stance) or [
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
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)) \
        or verb.tag_ == "JJ" and verb.dep_ == "acomp"  # "I was shocked to see", tagged JJ
    if passive:
        feelers = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")] or (
            _subjects(verb.head) if verb.dep_ in ("acomp", "xcomp") else [])
        causes = _prep_objects(verb, CAUSE_PREPS) or [
            o for c in verb.children if c.dep_ == "agent" for o in c.children
            if o.dep_ == "pobj"] or _perceived(verb)
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


# "shocked to see the leaflet by X", "appalled to hear his remarks": what is perceived
# is the cause of the feeling.
PERCEIVING = frozenset({"see", "hear", "read", "learn", "find", "discover", "witness"})
MADE_BY = frozenset({"by", "from"})


def _perceived(verb: Any) -> list[Any]:
    """The objects of a feeling's infinitive of perception ("shocked to see X"), or who
    made them ("shocked to see a leaflet by X")."""
    seen = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in PERCEIVING]
    objs = [o for c in seen for o in c.children if o.dep_ == "dobj"]
    # the parser hangs "by X" on the object or on the verb of seeing
    makers = [m for o in objs + seen for m in _prep_objects(o, MADE_BY) + [
        p for a in o.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if is_agentive(m)]
    return makers or objs


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
REBUTTAL = "120"  # CAMEO: reject (PLOVER REJECT), as "deny" and "dismiss"
PLEDGING_AUX = frozenset({"would", "will"})  # "insisted they would hold X to account"
INSIST_ON = frozenset({"on", "upon"})


# Request verbs that also ask questions: "asked X to leave" requests, "asked why X left"
# questions (what the question is about is coded on its own).
ASKING = frozenset({"ask", "question", "query", "wonder"})
QUESTION_WORDS = frozenset({"why", "whether", "how", "what", "when", "where", "who", "which",
                            "if"})


# "asked why the council was closing the library": asking someone to account for what they
# do challenges them (CAMEO 111 criticise); "asked whether/how ..." only asks.
CHALLENGE_WORDS = frozenset({"why"})
CHALLENGE = "111"


def _challenge(verb: Any) -> Candidate | None:
    """The criticism in a why-question about someone's doing, aimed at its subject; None
    for any other question or a why-question about no one."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl")):
        if clause.left_edge.lower_ not in CHALLENGE_WORDS:
            continue
        doers = [c for c in clause.children if c.dep_ in SUBJ
                 and (is_agentive(c) or _is_group(c) or _sector(c))]
        if doers:
            # what is questioned stays an event of its own ("why X was agreeing to Y")
            return Candidate(CHALLENGE, [verb], verb, _subjects(verb), _conj(doers))
    return None


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
    # "warned there would be strikes unless the government ...": the warned-of clause too
    for tok in [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]:
        for clause in (c for c in tok.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_UNTIL for m in c.children)):
            subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] or [
                g for c in clause.children if c.dep_ == "attr" for g in c.children
                if g.dep_ in ("compound", "poss") and _codable(g)]  # "a government rethink"
            if subj and subj[0].pos_ != "PRON":
                return _conj(subj)
    return []


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


def _feared(stance: Any) -> list[Any]:
    """"voiced concern that conditions in China have not improved": the party the feared
    clause is about, its subject or a party named in the subject ("in China")."""
    for clause in stance.children:
        if clause.dep_ not in ("acl", "ccomp") or not any(
                c.dep_ == "mark" for c in clause.children):
            continue
        for subj in (c for c in clause.children if c.dep_ in SUBJ | {"nsubjpass"}):
            if is_agentive(subj) or _is_group(subj):
                return _conj([subj])
            named = [o for c in subj.children for o in ([c] if c.dep_ == "poss" else c.children)
                     if c.dep_ in ("poss", "prep") and o.dep_ in ("poss", "pobj")
                     and is_agentive(o)]
            if named:
                return named[:1]
    return []


def _code_adjective(adj: Any) -> Candidate | None:
    """"ready/willing to X": an intent frame whose subject is the copula's."""
    row = lex.match(adj, "A")
    if row is None and _perceived(adj):  # "I was shocked to see X", "shocked" tagged JJ
        felt = lex.first_row(adj, "V")
        return _feeling(adj, felt) if felt is not None and felt.frame == "feeling" else None
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
    opened = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
              and lemma in OPENING_VERBS for o in c.children if o.dep_ == "pobj"]
    for obj in opened:  # "opened the summit with an attack on X": the attack, not the summit
        row = lex.match(obj, "N")
        if row is not None:
            return obj, row
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            for noun in [child, *(g for g in child.children if g.dep_ == "compound"),
                         *_grown(child)]:
                row = lex.match(noun, "N")
                if row is not None:
                    return noun, row
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "into") and lemma in PREP_LIGHT:
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
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children) \
            or _needed(verb):
        code = "100"
    elif any(c.dep_ in ("acomp", "prep", "attr") and c.lower_ in BLAME_WORDS
             for c in verb.children):
        code = "112"
    elif any(c.dep_ in ("acomp", "attr") and c.lower_ in REFUSAL_WORDS or _out_of_question(c)
             for c in verb.children):
        code = "120"
    elif _disapproved(verb) or _failed(verb) or _distrusted(verb):
        code = "111"
    else:
        return None
    recipients = _relative_subject(verb, _split_name(
        [c for c in verb.children if c.dep_ in SUBJ | {"nsubjpass"}]))
    if all(r.lower_ in EXPLETIVES for r in recipients):  # "it was unacceptable for X to"
        recipients = [s for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp")
                      for s in c.children if s.dep_ in SUBJ] or recipients
    recipients = _addressed_owner(cue, recipients)
    cand = Candidate(code, [verb], cue, _subjects(cue), _conj(recipients))
    own = [c for c in verb.children if _speaker_conjunct(c)]  # "... and urged": not covered
    cand.covered |= {t.i for t in verb.subtree} - {t.i for c in own for t in c.subtree}
    return cand


# "said the council needs its own auditor / needs to act": a need of a body is a call on it.
NEEDING = frozenset({"need"})


# Possessives that, in what someone is told, may stand for the one told.
ADDRESSEE_POSSESSIVES = frozenset({"his", "her", "your", "their"})


def _addressed_owner(cue: Any, recipients: list[Any]) -> list[Any]:
    """"told the senator that his plan was a worrying issue": the plan of the one told,
    who is the target; other recipients stand."""
    told = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON"]
    if not told or cue.lemma_.lower() not in lexicons.cues():
        return recipients
    return [told[0] if any(p.dep_ == "poss" and p.lower_ in ADDRESSEE_POSSESSIVES
                           for p in r.children) else r for r in recipients]


def _needed(verb: Any) -> bool:
    """"said the council needs its own auditor", "... needs to act", "has to act": what a
    body is said to need is asked of it; a place's need ("the country needs rain") is not,
    unless it is to do something."""
    lemma = verb.lemma_.lower()
    to_do = any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                          for a in c.children) for c in verb.children)
    if not (lemma in NEEDING and (to_do or any(c.dep_ == "dobj" for c in verb.children))
            or lemma == "have" and to_do):
        return False
    return any(c.dep_ in SUBJ and (_is_group(c) or c.ent_type_ == "ORG" or to_do
                                   and is_agentive(c)) for c in verb.children)


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
    if verb.lemma_.lower() in words | HARM_VERBS and lex.match(verb, "V") is not None \
            and _acting_subject(verb):
        return False  # "said Russia violated the ceasefire": the violation is coded itself
    if verb.lemma_.lower() not in words and not _harmful(verb, words) and not any(
            (c.dep_ in ("acomp", "attr") or light and c.dep_ == "dobj")
            and (c.lemma_.lower() in words or c.dep_ in ("attr", "dobj") and disapproving(c, words))
            for c in verb.children):
        return False
    subjects = _relative_subject(verb, [c for c in verb.children
                                        if c.dep_ in SUBJ | {"nsubjpass"}])
    return any(is_agentive(s) or _is_group(s) or s.lemma_.lower() in AUTHORED
               or s.dep_ == "csubj" and s.tag_ == "VBG"
               or any(c.dep_ == "poss" for c in s.children) for s in subjects)


def _relative_subject(verb: Any, subjects: list[Any]) -> list[Any]:
    """"Chile, which he said had a terrible record", "Mr Kerr, who has wasted millions": a
    relative pronoun subject stands for the noun its clause (or the speech verb's) modifies."""
    clause = verb.head if verb.dep_ == "ccomp" else verb
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return subjects
    return [clause.head if s.lower_ in RELATIVE_PRONOUNS else s for s in subjects]


RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
QUOTED = "quote"  # actor_via: the speaker of the quotation the clause is in


def _judged(verb: Any) -> Candidate | None:
    """"... unlike Mr Kerr, who has wasted millions": a judgement of disapproval in a
    clause no speech verb reports is the criticism of whoever says it;
    the events stage keeps it only inside a quotation, whose speaker acts."""
    if _reporting_cue(verb) is not None or verb.dep_ not in ("relcl", "ROOT", "conj") \
            or lex.match(verb, "V") is not None or not (_disapproved(verb) or _failed(verb)):
        return None  # a trigger verb keeps its own coding
    subjects = _relative_subject(verb, [c for c in verb.children if c.dep_ in SUBJ])
    return Candidate(CRITICISE, [verb], verb, [], subjects, actor_via=QUOTED)


def _acting_subject(verb: Any) -> bool:
    """A subject who can do the act itself: a name or a group, not a plan."""
    return any(c.dep_ in SUBJ and (is_agentive(c) or _is_group(c)) for c in verb.children)


# Verbs of harm: "said the plans would damage the economy" blames the plans' authors;
# "cause" and passives of description blame only with a word of disapproval ("would
# cause economic failure", "had been marked by failure and waste").
HARM_VERBS = frozenset({"damage", "harm", "hurt", "wreck", "ruin", "undermine", "destroy",
                        "jeopardise", "jeopardize", "endanger", "betray"})
CAUSE_VERBS = frozenset({"cause", "bring", "mean", "lead", "mark", "characterise",
                         "characterize", "blight", "dog"})


def _harmful(verb: Any, words: frozenset[str]) -> bool:
    """A clause of harm done by its subject, or of disapproval it brings or is marked by."""
    lemma = verb.lemma_.lower()
    if lemma in HARM_VERBS:
        return any(c.dep_ == "dobj" for c in verb.children)
    if lemma not in CAUSE_VERBS:
        return False
    held = [o for c in verb.children if c.dep_ in ("dobj", "agent", "prep")
            for o in ([c] if c.dep_ == "dobj" else c.children) if o.dep_ in ("dobj", "pobj")]
    held += [c for o in held for c in o.conjuncts]  # "marked by lost trust and failure"
    return any(o.lemma_.lower() in words or disapproving(o, words) for o in held)


# "said Labour cannot be trusted on crime": someone said not to be trusted is criticised.
TRUST_VERBS = frozenset({"trust"})


def _distrusted(verb: Any) -> bool:
    """A negated passive of trust with a subject ("X could not be trusted")."""
    return verb.lemma_.lower() in TRUST_VERBS and any(c.dep_ == "neg" for c in verb.children) \
        and any(c.dep_ == "nsubjpass" for c in verb.children)


# Verbs of failing: reported of someone ("said the government had failed to act") they
# are the speaker's criticism, not the subject's refusal.
FAILING = frozenset({"fail"})


def _failed(verb: Any) -> bool:
    """A reported failure of someone, or of a group."""
    return verb.lemma_.lower() in FAILING and any(
        c.dep_ in SUBJ and (is_agentive(c) or _is_group(c)) for c in verb.children)


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


