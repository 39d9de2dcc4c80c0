"""How likely an event is right: a score in [0, 1] and the features it was computed from
(docs/events.md, Confidence). Events under ``events.min_confidence`` are left out of the output.

The score starts from what matched (``rule``: a hand-written seed pattern, a PETRARCH or user
pattern, a WordNet-derived verb, a modifier or clause rule, a quote) and moves with:

- **literal**: a verb of force whose object is abstract ("attacked his integrity", "battled the
  allegations", "fought cancer") is no act of force;
- **domain**: a sentence about sport, film and music, business, a disaster or accident, or ordinary
  crime, where an "attack", "battle", "strike" or a death is no political event unless a political
  actor does it;
- **actors**: a coded source (a state, its sectors, a known organisation) is surer than a generic
  group ("gunmen"), and a named source surer than none;
- **attacker**: a killing or blast with no named actor is an attack only when its sentence names a
  weapon or an armed perpetrator ("violence cues");
- **modality**: an act that did not happen (negated) or might (hypothetical) is less sure to be coded
  by a coder;
- **statement**: a plain statement (CAMEO 010) is an event only when the comment itself is the news,
  which a rule cannot tell: statements score under the default threshold;
- **political actor**: an act none of whose actors is a state or a political, armed or international
  body (a company, a person, a reporter) is no political event;
- **background noun**: an event noun that a verb of ending, avoiding or denying governs ("halt the
  strikes", "denies the charge") or that sits in a question names the act, it does not report it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from spacy.tokens import Doc, Token

from ...model import Actor, Article, Segment
from ...resources import word_list
from ..common import actor_at
from .args import country_of, is_country
from .hit import Hit
from .syntax import CIRCUMSTANCE, to_death
from .uses import (
    attraction,
    charged,
    cognition,
    habitual,
    lecture,
    manner,
    private,
    satisfied,
    warning,
)

#: Where the matched pattern came from -> base score.
RULE_BASE: Mapping[str, float] = MappingProxyType({
    "seed verb": 0.75, "seed noun": 0.7, "petrarch": 0.75, "user": 0.8, "wordnet": 0.55,
    "modifier": 0.7, "clause": 0.6, "quote": 0.7, "statement": 0.3, "appeal": 0.6,
})
#: The order decides between two domains' words: a crime or a disaster about goods or brands ("confiscated
#: counterfeit cosmetics of famous brands") is crime, not business, whoever acts; so is a crime or a disaster
#: at a match or a show ("arrested for running a betting racket on cricket matches", "a stampede at a concert").
DOMAINS = ("disaster", "crime", "sports", "entertainment", "business")
#: Types whose acts are material and can be figurative ("attacked his record") or off-topic.
MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "RETREAT", "AID", "COOPERATE"})
#: Sectors of political actors: their acts stay political in any domain.
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "INS", "IGO", "OPP", "LEG", "JUD", "SPY", "UAF", "PTY", "POL"})
ABSTRACT = word_list("events", "abstract_objects")
#: Verbs of force that also mean filming, and what they then take: images are captured or shot, not people.
FILMING = frozenset({"capture", "shoot", "take"})
IMAGES = frozenset({"footage", "image", "photo", "photograph", "picture", "video", "shot", "film", "scene"})
#: Prizes of a contest: a verb with one as its object ("defended his title") names no political act.
PRIZES = frozenset({"title", "crown", "trophy", "belt", "championship", "medal", "cup"})
#: A verb of force with an abstract object ("captured footage", "attacked his record") names no act.
NON_LITERAL = 0.5
#: Penalties of the precision rules (docs/events.md, Confidence).
NOT_POLITICAL = 0.4
#: sectors whose fights are contests (votes, markets, courts of opinion), not violence, unless weapons are named
CONTESTANTS = frozenset({"POL", "PTY", "LEG", "BUS", "MED", "EDU", "NGO", "SPT", "ELI"})
#: armed and police sectors: fighting them is violence
ARMED = frozenset({"MIL", "COP", "REB", "INS", "UAF", "SPY"})
#: ASSAULT modes whose act always has an attacker, named or not: sexual assault, and violent repression
#: (CAMEO 175, mode ``pro_autocracy`` in the table: a baton or lathi charge, tear-gassing) by the state's forces.
OWN_ATTACKER = frozenset({"sexual", "pro_autocracy"})
#: 0.45 (was 0.4: a contest between parties scored 0.5, at the threshold; tenth round)
CONTEST = 0.45
AUTHORLESS = 0.3
HOSTLESS = 0.4
ALONE = 0.4
#: a meeting that is only the setting of another act (:func:`setting`)
SETTING = 0.4
#: a struggle to do something, with no opponent (:func:`effort`)
EFFORT = 0.4
#: a "visit" by someone carried somewhere, or by a thing that arrives: no visit at all
CARRIED = 0.5
#: Verbs of receiving a visit: their subject is the host, who goes nowhere (no "carried" visitor).
HOSTING = frozenset({"host", "welcome", "receive", "entertain"})
#: 0.45 (was 0.4: soldiers "taking to the streets" scored 0.5, at the threshold; tenth round)
ARMED_PROTESTER = 0.45
#: Penalties of the readings that report no political act (:mod:`.uses`, tenth round).
READINGS = MappingProxyType({"charged": 0.45, "private": 0.45, "lecture": 0.45,
                             "cognition": 0.45, "warning": 0.45, "attraction": 0.5, "satisfied": 0.5,
                             "habitual": 0.45, "manner": 0.45})
#: a state's forces: they deploy, police or repress; they do not protest
STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
#: acts the text does not report as done: not done ("did not attack"), only supposed ("if X attacks",
#: "whether X will agree") or only asked for by others ("urged X to withdraw": the demand is the event,
#: coded REQUEST, not the withdrawal). A coder codes none of them; they stay in the output at
#: ``min_confidence`` 0 with their modality
UNREAL = {"negated": 0.45, "hypothetical": 0.45, "demanded": 0.45}
BACKGROUND = 0.4
QUESTION = 0.5
MENTION = 0.2
#: a bare plural event noun with no side and no date (:func:`generic`)
GENERIC = 0.4
#: Determiners that make an event noun a mention of an act told before ("the protests", "this crackdown").
#: Protest and force are political whoever acts (protesters, gunmen): the political-actor rule spares them.
VIOLENT = frozenset({"PROTEST", "ASSAULT", "COERCE"})
ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})


def rule_kind(hit: Hit) -> str:
    """What matched: ``seed verb``, ``seed noun``, ``wordnet``, ``petrarch``, ``user``, ``modifier``, ``clause``."""
    rule = hit.rule
    if rule.startswith("verbs.yaml:"):
        return "seed verb"
    if rule.startswith("nouns.yaml:"):
        return "seed noun" if hit.noun else "seed verb"
    if rule.startswith("verbs_wordnet.tsv:"):
        return "wordnet"
    if rule.startswith(("modifier:", "clause:")):
        return rule.split(":", 1)[0]
    return "petrarch" if hit.petrarch else "user"


#: Entity labels of names whose words say nothing of the sentence's domain: a unit, a company, a building,
#: a people ("the Hurricane Battalion", "the Fire Brigades Union", "Lightning Stadium").
NAMED_BODIES = frozenset({"ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})


def domain_of(doc: Doc) -> str:
    """The sentence's domain: the first of ``DOMAINS`` one of whose words it contains as a noun or an
    adjective ("a storm", not "to storm a residence", nor the name of a unit or a company: "the Storm
    Corps"), else ``politics``."""
    named = [t for t in doc if (t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.dep_ in {"amod", "compound"})
             and not sexual_gang(t) and t.ent_type_ not in NAMED_BODIES]
    words = {t.lower_ for t in named} | {t.lemma_.lower() for t in named}
    for name in DOMAINS:
        if words & word_list("events", f"domain_{name}"):
            return name
    return "politics"


#: Verbs of shooting or burning whose object "fire" is gunfire or arson, no disaster.
FIRING = frozenset({"open", "set", "exchange", "return", "cease", "hold", "draw", "trade", "come"})


def sexual_gang(tok: Token) -> bool:
    """A domain word that names political violence here: "gang" in "gang rape", "gang-raped" (sexual
    violence), "crimes" in "war crimes", "crimes against humanity", "fire" in "opened fire", "set on
    fire", "came under fire", "artillery fire"."""
    nxt = tok.doc[tok.i + 1: tok.i + 3]
    if tok.lower_ == "gang":
        return any(t.lower_.startswith("rap") for t in nxt)
    if tok.lemma_.lower() == "fire":  # "opened fire", "set on fire", "came under fire", "artillery fire"
        head = tok.head.head if tok.head.dep_ == "prep" else tok.head
        nxt_word = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        return head.lemma_.lower() in FIRING or tok.head.lower_ == "under" or nxt_word in {"at", "on"} \
            or any(c.dep_ in {"compound", "amod"} for c in tok.children)
    if tok.lemma_.lower() == "crime":
        prev = tok.doc[tok.i - 1].lower_ if tok.i else ""
        return prev == "war" or (len(nxt) == 2 and nxt[0].lower_ == "against" and nxt[1].lower_ == "humanity")
    return False


#: Perpetrators of mob violence: a lynching or a mob's attack is a riot (PLOVER ASSAULT or PROTEST),
#: even over an alleged crime ("a mob lynched a man accused of theft").
MOB = frozenset({"mob", "mobs", "vigilante", "vigilantes", "lynch", "lynched", "lynching", "lynchings", "rioters"})


def mob(doc: Doc) -> bool:
    """The sentence names a mob, vigilantes or a lynching."""
    return any(t.lower_ in MOB for t in doc)


#: Crowds of people: one that beats or stones someone to death is a mob.
CROWDS = frozenset({"crowd", "crowds", "villagers", "residents", "locals"})


def crowd_killing(trigger: Token) -> bool:
    """A crowd, villagers or residents who beat, stone or burn someone to death ("a crowd beat a suspected
    thief to death"): mob violence (ACLED), not ordinary crime."""
    return to_death(trigger) and any(c.dep_ == "nsubj" and c.lower_ in CROWDS for c in trigger.children)


def caused(trigger: Token) -> bool:
    """A passive act whose "by" phrase names no doer ("destroyed by an explosion"): damage, not an act."""
    return any(c.dep_ == "agent" for c in trigger.children)


def violent(doc: Doc) -> bool:
    """The sentence names a weapon or an armed perpetrator."""
    cues = word_list("events", "violence_cues")
    return any(t.lower_ in cues or t.lemma_.lower() in cues or air_strike(t) for t in doc)


#: Fights with firearms between two sides, by their very word.
FIREFIGHTS = frozenset({"gunfight", "shootout", "firefight", "gunbattle", "clash", "clashes", "skirmish"})


def armed_clash(article: Article, trigger: Token, source: list[str]) -> bool:
    """A gunfight, shootout or clash one of whose sides is a state's army or police ("police and cartel
    gunmen engaged in a gunfight"): an armed clash even in a story of crime (ACLED codes state forces'
    clashes with gangs and cartels as battles), no ordinary crime."""
    return trigger.lemma_.lower() in FIREFIGHTS and any(s in STATE_FORCES for s in sectors_of(article, source))


def air_strike(tok: Token) -> bool:
    """"air strike", "air raid", "drone strike" written as two words."""
    return tok.lemma_.lower() in {"strike", "raid"} and tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"air", "drone"}


def literal(trigger: Token, plover: str) -> bool:
    """False for a verb of force whose object (direct or after a preposition) is abstract."""
    if trigger.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in PRIZES
                                               for c in trigger.children):
        return False  # "defended his title", "retained the crown": a contest for a prize, any verb
    if plover not in MATERIAL or plover == "PROTEST" or trigger.pos_ not in {"VERB", "AUX"}:
        return True  # one protests against abstractions ("marched against corruption")
    objs = [c for c in trigger.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    objs += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"against", "over"}
             for g in c.children if g.dep_ == "pobj"]
    if trigger.lemma_.lower() in FILMING and any(o.lemma_.lower() in IMAGES for o in objs):
        return False  # "captured footage of the floods", "shot a video"
    if to_death(trigger):
        return True  # "beat a man to death over rumours": the "over" phrase is the reason, the act is literal
    return not any(o.lemma_.lower() in ABSTRACT or o.lower_ in ABSTRACT for o in objs)


#: Adjectives that make an event noun a standing state or a past act ("the existing sanctions").
STANDING = frozenset({"existing", "current", "previous", "past", "former", "earlier", "prior", "longstanding",
                      "long-standing"})


def background_noun(trigger: Token) -> bool:
    """An event noun governed (as object, directly or through a preposition) by a verb that ends,
    avoids or denies it ("moved to halt the strikes", "escaped arrest", "denies the accusation"), or
    that an adjective of standing or past marks ("existing tariffs", "previous attacks": found by
    reading the audit tune half)."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ == "amod" and c.lower_ in STANDING for c in trigger.children):
        return True  # "the existing tariffs", "previous attacks": a standing state or a past act, no new one
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in CIRCUMSTANCE:
            return False  # "dispersed the crowd during a clash": the clash is no object of the dispersal
        head = head.head
    if trigger.dep_ in {"compound", "amod"} and trigger.head.dep_ in {"dobj", "obj", "nsubjpass"}:
        head = trigger.head.head
    return head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in word_list("events", "background_verbs")


def mention(article: Article, seg: Segment, trigger: Token) -> bool:
    """An event noun with a definite or demonstrative determiner and no date in its phrase whose
    word an earlier sentence of the article already used ("Students protested ... The protests grew"):
    a later mention of an act told before, not its first report."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC for c in trigger.children):
        return False
    if any(t.ent_type_ in {"DATE", "TIME"} for t in trigger.subtree):
        return False
    lemma = trigger.lemma_.lower()
    return any(t.lemma_.lower() == lemma for s in article.segments if s.index < seg.index for t in s.doc)


#: Words of taking part whose "in"-phrase tells a history or a role ("involved in conflicts", "a veteran of wars").
PARTICIPATION = frozenset({"involve", "engage", "participate", "part", "role", "experience", "veteran", "history",
                           "record", "involvement", "participation"})
#: Prepositions that name the other side of an event noun ("clashes with police", "war between A and B").
SIDE_PREPS = frozenset({"with", "between", "against", "on", "by"})


def generic(trigger: Token) -> bool:
    """A bare plural event noun after a word of taking part, with neither a side nor a date in its phrase
    ("was involved in prolonged conflicts in X", "a veteran of wars abroad"): it names a history or a role,
    not one act reported."""
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NNS" or trigger.dep_ != "pobj":
        return False  # "Protests erupted in X", "carried out raids": a subject or a light verb's object reports it
    if any(c.dep_ in {"det", "poss", "nummod"} for c in trigger.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in SIDE_PREPS and any(g.dep_ == "pobj" for g in c.children)
           for c in trigger.children):
        return False
    word = trigger.head.head  # the word the preposition hangs on, and its phrase
    if word.lemma_.lower() not in PARTICIPATION:
        return False  # "killed in clashes", "arrested in raids": the act the report is about
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in word.subtree)


def question(seg: Segment) -> bool:
    """The sentence is a question ("What charges does he face?"): it asks about an act, it reports none."""
    return seg.doc.text.rstrip(" \"'”’»)").endswith("?")


#: Verbs of meeting that a body can do by itself (a cabinet "meets", a council "convenes").
SITTING = frozenset({"meet", "convene", "sit", "reconvene"})


def alone(trigger: Token) -> bool:
    """A verb of meeting with no one met ("the cabinet convened on Friday"): no object, no "with" phrase, and
    one singular subject (not "the two leaders met", "X and Y met")."""
    if trigger.pos_ not in {"VERB", "AUX"} or trigger.lemma_.lower() not in SITTING:
        return False
    if any(c.dep_ in {"dobj", "obj", "dative"} or (c.dep_ == "prep" and c.lower_ in {"with", "between"})
           for c in trigger.children):
        return False
    subj = [c for c in trigger.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].tag_ in {"NN", "NNP"} and not any(c.dep_ == "conj" for c in subj[0].children)


#: Verbs of fighting that also mean striving ("battled to save his life").
STRIVING = frozenset({"fight", "battle", "struggle"})


def effort(trigger: Token) -> bool:
    """A verb of fighting with no opponent (no object, no "with"/"against" phrase) and a "to" infinitive of
    what is striven for ("battled for hours to save the patient", "fought to free survivors")."""
    if trigger.pos_ not in {"VERB", "AUX"} or trigger.lemma_.lower() not in STRIVING:
        return False
    kids = list(trigger.children)
    if any(c.dep_ in {"dobj", "obj"} or (c.dep_ == "prep" and c.lower_ in {"with", "against"}) for c in kids):
        return False
    return any((c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"))
               or (c.dep_ == "prep" and c.lower_ == "to") for c in kids)


#: Prepositions of the place or time of another act: "at the summit", "during the meeting".
SETTING_PREPS = frozenset({"at", "during"})


def setting(trigger: Token) -> bool:
    """A meeting noun that is the setting of the clause's verb ("rejected the plan at the summit")."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj" or trigger.head.lower_ not in SETTING_PREPS:
        return False
    owner = trigger.head.head  # the verb, or its object the parser hung the phrase on ("traded barbs at")
    return owner.pos_ in {"VERB", "AUX"} or (owner.dep_ in {"dobj", "obj"} and owner.head.pos_ in {"VERB", "AUX"})


def certainty(article: Article, refs: list[str]) -> str:
    """``coded`` (a country or its sector, a known organisation), ``generic`` (an uncoded group,
    "NOUN.gunmen"), ``unknown`` (no actor)."""
    if not refs:
        return "unknown"
    for r in refs:
        actor = article.actor(r)
        if country_of(article, r) is not None or (actor is not None and actor.known):
            return "coded"
    return "generic"


def affiliations(article: Article, ref: str) -> Iterator[Actor]:
    """Actor ``ref``, then the body it is affiliated with, and so on (each actor once)."""
    actor, seen = article.actor(ref), set()
    while actor is not None and actor.id not in seen:
        yield actor
        seen.add(actor.id)
        actor = article.actor(actor.affiliation) if actor.affiliation else None


def political(article: Article, refs: list[str], teams: bool = False) -> bool:
    """One of ``refs`` is a state or a political, armed or international body, or a person affiliated
    with one ("the senator" of the legislature), or a nation or an ethnic group named by its people ("the
    Palestinians", "Bosnian Serbs": CAMEO and PLOVER code peoples and ethnic groups as actors). With
    ``teams`` (a sentence about sport) a country's bare name or people is none: in sport it names a
    team or an athlete's nationality ("India's bowlers", "the Senegalese champion")."""
    for a in (a for r in refs for a in affiliations(article, r)):
        if teams and nation(a):
            continue
        if nation(a) or a.sector in POLITICAL_SECTORS or a.sector == "ETH":
            return True
    return False


#: Organised labour: unions and workers' bodies, whose claims CAMEO codes as its labour sector's acts.
LABOUR = frozenset({"LAB"})


def labour_claim(article: Article, kind: str, source: list[str]) -> bool:
    """A demand or appeal of organised labour ("the unions demanded a pay rise"): CAMEO's labour sector
    makes claims on employers and governments as a political actor does, as it protests and strikes."""
    return kind == "REQUEST" and any(s in LABOUR for s in sectors_of(article, source))


def nation(actor: Actor) -> bool:
    """A country named by its name or its people ("India", "the Senegalese champion" resolved to Senegal)."""
    return actor.kind == "state" or (actor.kind == "group" and is_country(actor.id))


def sectors_of(article: Article, refs: list[str]) -> list[str | None]:
    """The sector of each of ``refs`` (a person's through the body it is affiliated with), None where
    none is known."""
    return [next((a.sector for a in affiliations(article, r) if a.sector is not None), None) for r in refs]


def contest(article: Article, doc: Doc, kind: str, source: list[str], target: list[str]) -> bool:
    """An ASSAULT whose sources are all parties, politicians, lawmakers, companies, media, schools or
    NGOs, against no armed or police body, in a sentence with no weapon or armed perpetrator: "both
    parties battle to win the vote", "the senator fought the bill" is a contest, not violence."""
    if kind != "ASSAULT" or not source:
        return False
    src = sectors_of(article, source)
    if not all(s in CONTESTANTS for s in src):
        return False
    return not any(s in ARMED for s in sectors_of(article, target)) and not violent(doc)


#: Clauses that tell another's words, not the act's reason ("arrested him, saying he stole").
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})


def crime_reason(trigger: Token) -> bool:
    """An arrest or seizure whose own phrase names an ordinary crime by its verb ("arrested for stealing
    a car", "caught while smuggling cigarettes over the border"), in a sentence with no weapon or armed man: crime,
    not a political event (crime verbs count only here; as sentence-wide domain words they cost the GSR)."""
    verbs = word_list("events", "crime_verbs")
    todo = [c for c in trigger.children if c.dep_ not in REPORTED_DEPS]
    while todo:
        t = todo.pop()
        if t.pos_ in {"VERB", "NOUN"} and t.lemma_.lower() in verbs:
            return not violent(trigger.doc)
        todo += [c for c in t.children if c.dep_ not in REPORTED_DEPS]
    return False


def paragraph_domain(article: Article, seg: Segment) -> str:
    """The domain of ``seg``, else of the other sentences of its paragraph (a disaster named once
    governs the rescue and evacuation sentences after it)."""
    domain = domain_of(seg.doc)
    if domain != "politics":
        return domain
    for s in article.segments:
        if s.paragraph == seg.paragraph and s.index != seg.index and (found := domain_of(s.doc)) != "politics":
            return found
    return domain


def score(article: Article, seg: Segment, trigger: Token, rule: str, plover: str | None, modality: str,
          hedged: bool, source: list[str], target: list[str], mode: str | None = None,
          implied: bool = False) -> tuple[float, dict[str, str | float]]:
    """The confidence of an event and its features (``mode``: the PLOVER mode, for the visit rule;
    ``implied``: the source is an author the act implies, no actor the text names, scored between a
    named and an unknown source)."""
    kind = plover or "STATEMENT"
    src, tgt = certainty(article, source), certainty(article, target)
    doc = seg.doc
    domain = paragraph_domain(article, seg)
    if domain == "politics" and kind == "COERCE" and crime_reason(trigger):
        domain = "crime"
    is_literal = literal(trigger, kind)
    value = RULE_BASE.get(rule, 0.6)
    if implied:  # "X was arrested": the police of the article's country, named by no word
        src = "implied"
    value += {"coded": 0.1, "generic": 0.0, "implied": 0.0, "unknown": -0.1}[src]
    value += 0.05 if tgt == "coded" else 0.0
    if not is_literal:
        value -= NON_LITERAL
    if domain in {"disaster", "crime"} and kind != "PROTEST" \
            and not (domain == "disaster" and kind in {"ASSAULT", "COERCE"} and violent(doc)) \
            and not (domain == "crime" and kind == "ASSAULT"
                     and (mob(doc) or crowd_killing(trigger) or armed_clash(article, trigger, source))):
        # a disaster's or a crime's deaths, blasts, arrests and appeals are no political event (a
        # protest over them is; so is violence with weapons or armed men in a disaster's paragraph)
        value -= 0.45 if kind in MATERIAL else 0.3
    elif domain in {"sports", "entertainment", "business"} \
            and not political(article, [*source, *target], teams=domain == "sports"):
        value -= 0.4  # "the striker attacked", "the studio fought back"
    if ((kind == "ASSAULT" and mode not in OWN_ATTACKER) or (kind == "COERCE" and mode == "seize" and caused(trigger))) \
            and src == "unknown" and not violent(doc):  # a rape always has an attacker, a repression its forces
        # "three died when a tanker exploded", "a school was destroyed by the blast": a death or damage
        # without an attacker or a weapon
        value -= 0.25
    if kind != "THREATEN":  # a threat is of an act not (yet) done: "threatened to halt aid if ..."
        value -= UNREAL.get(modality, 0.0)
    value -= 0.05 if hedged else 0.0
    features: dict[str, str | float] = {
        "rule": rule, "literal": 1.0 if is_literal else 0.0, "source": src, "target": tgt, "domain": domain,
    }
    value -= precision_rules(article, seg, trigger, kind, source, target, features, mode)
    return round(min(1.0, max(0.0, value)), 3), features


def precision_rules(article: Article, seg: Segment, trigger: Token, kind: str, source: list[str],
                    target: list[str], features: dict[str, str | float], mode: str | None = None) -> float:
    """The penalty of the rules on actors and sentence form, each recorded in ``features``:
    ``political_actor`` 0 (not a protest, assault or coercion; a named source, but no state or political, armed or international body on
    either side), ``background`` 1 (an event noun that a verb of ending, avoiding or denying governs),
    ``mention`` 1 (a definite event noun without a date whose word an earlier sentence used), ``question`` 1,
    ``authorless``, ``armed_protester``, ``contest`` (:func:`contest`), ``alone`` (:func:`alone`), ``hostless`` and
    ``carried``, ``setting`` and ``effort`` 1 (docs/events.md, Confidence)."""
    penalty = 0.0
    with_political = political(article, [*source, *target])
    if source and kind not in VIOLENT and not with_political and not labour_claim(article, kind, source):
        features["political_actor"] = 0.0
        penalty += NOT_POLITICAL
    if background_noun(trigger):
        features["background"] = 1.0
        penalty += BACKGROUND
    if mention(article, seg, trigger):
        features["mention"] = 1.0
        penalty += MENTION
    if question(seg):
        features["question"] = 1.0
        penalty += QUESTION
    if generic(trigger):
        features["generic"] = 1.0
        penalty += GENERIC
    if not source and kind not in MATERIAL and kind != "PROTEST" and trigger.pos_ in {"NOUN", "PROPN"}:
        # "the threat to the regime", "an investigation": a verbal act's noun with nobody who does it
        # names a danger or a topic; a coder codes a threat, demand or accusation only with its author
        features["authorless"] = 1.0
        penalty += AUTHORLESS
    if kind == "PROTEST" and source and all(s in STATE_FORCES for s in sectors_of(article, source)):
        # soldiers or police "taking to the streets" deploy, they do not protest; "police brutality
        # magnified the protests": the force is no protester
        features["armed_protester"] = 1.0
        penalty += ARMED_PROTESTER
    if contest(article, seg.doc, kind, source, target):
        features["contest"] = 1.0
        penalty += CONTEST
    if kind == "CONSULT" and not target and alone(trigger):
        # "the cabinet convened on Friday and adopted the budget": a body meeting by itself consults no one
        features["alone"] = 1.0
        penalty += ALONE
    if kind == "ASSAULT" and effort(trigger) and not any(s in ARMED for s in sectors_of(article, source)):
        # "doctors battled for hours to save his life", "rescuers fought to free survivors": a struggle to do
        # something, with no opponent, by no armed body, is an effort, no fight
        features["effort"] = 1.0
        penalty += EFFORT
    if kind == "CONSULT" and setting(trigger):
        # "vetoed a statement at the foreign ministers' meeting", "traded barbs at the summit": the meeting
        # is where the reported act took place, no consultation reported in its own right
        features["setting"] = 1.0
        penalty += SETTING
    if kind == "CONSULT" and mode == "visit" and not target:
        # "toured three states", "visited a stadium": a visit with no host to meet is travel, not a
        # consultation (PLOVER CONSULT: a visit is made to meet someone)
        features["hostless"] = 1.0
        penalty += HOSTLESS
    if kind == "CONSULT" and mode == "visit" and trigger.lemma_.lower() not in HOSTING and (
        any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
        or any(c.dep_ == "nsubj" and c.pos_ not in ("PRON", "PROPN") and actor_at(article, seg.index, c.i) is None
               for c in trigger.children)
    ):
        # "the minister was flown to Paris for treatment": someone carried somewhere makes no visit;
        # "aid from Russia arrived": a thing arriving makes none either (its sender is no visitor)
        features["carried"] = 1.0
        penalty += CARRIED
    for name in non_events(article, seg, trigger, kind, source, with_political):
        features[name] = 1.0
        penalty += READINGS[name]
    return penalty


def non_events(article: Article, seg: Segment, trigger: Token, kind: str, source: list[str],
               with_political: bool) -> list[str]:
    """The uses of :mod:`.uses` that hold for this trigger: each names a use that reports no
    political act (tenth round, found by reading the audit tune half's false events)."""
    tests = {
        "charged": charged(trigger, kind),
        "private": private(article, kind, source, with_political),
        "lecture": kind == "CONSULT" and lecture(trigger),
        "cognition": kind in {"SUPPORT", "AGREE", "CONCEDE"} and cognition(trigger),
        "warning": kind == "THREATEN" and warning(trigger),
        "attraction": kind == "REQUEST" and attraction(trigger),
        "satisfied": kind == "CONSULT" and satisfied(article, seg.index, trigger),
        "habitual": habitual(trigger),
        "manner": manner(trigger),
    }
    return [name for name, hit in tests.items() if hit]
