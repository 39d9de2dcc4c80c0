"""Word lists of the quotes stage, written for newsgraph from general English usage.

Speech and reporting verbs (by lemma), the verbs that introduce a reported *charge* (whose quoted
words are partial quotes of the subject), media words, and the media through
which something is said ("on Twitter", "in an interview with CNN"). News outlets are read from the
actors' media table, the one list of outlets.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ...resources import content_lines, read_text, stage_package, word_list, word_map

#: Verbs whose subject speaks and whose complement or adjacent quotation is what was said.
SPEECH_LEMMAS = word_list("quotes", "speech_verbs")

#: Speech verbs that introduce an indirect quote only with a finite complement clause ("X said that").
INDIRECT_LEMMAS = word_list("quotes", "indirect_speech_verbs")

#: Verbs of belief, knowledge, finding and asking: their finite complement clause is an indirect quote.
BELIEF_LEMMAS: frozenset[str] = word_list("quotes", "belief_verbs")

#: Verbs of wanting, planning, promising and urging: their to-infinitive complement is an indirect quote.
INTENTION_LEMMAS: frozenset[str] = word_list("quotes", "intention_verbs")

#: Verbs of stance, judgement and communication: their direct object is an indirect quote.
OBJECT_LEMMAS: frozenset[str] = word_list("quotes", "object_verbs")

#: Verbs of taking a side: their direct object is an indirect quote when a person holds it, or names one.
SIDE_LEMMAS: frozenset[str] = word_list("quotes", "side_verbs")

#: Verbs of seeing and picturing: their object with an "as" complement is an indirect quote.
AS_LEMMAS: frozenset[str] = word_list("quotes", "as_verbs")

#: Nouns of a count or a study: "In a new poll, X leads": the clause is the poll's finding.
FINDING_NOUNS: frozenset[str] = word_list("quotes", "finding_nouns")

#: Stance verbs that also name an act of force ("attacked the plan" / "attacked the town").
FORCE_LEMMAS: frozenset[str] = word_list("quotes", "force_verbs")

#: Sectors of the actors' agent nouns that bear arms (military, rebels, insurgents, armed groups, police,
#: criminals): their "attack" is an act, not a stance.
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF", "CRM", "COP"})


@lru_cache(maxsize=1)
def armed_nouns() -> frozenset[str]:
    """Agent nouns (lower case, last word) of the armed sectors (``actors/data/agents.tsv``)."""
    nouns: set[str] = set()
    for line in content_lines(read_text(stage_package("actors"), "data", "agents.tsv")):
        cells = line.split("\t")
        if len(cells) > 1 and cells[1].strip() in ARMED_SECTORS and cells[0].strip():
            nouns.add(cells[0].strip().lower().split()[-1])
    return frozenset(nouns)


#: Nouns of a thing said or held that a carrying verb's object heads ("offered a guarded response").
SPEECH_ACT_NOUNS: frozenset[str] = word_list("quotes", "speech_act_nouns")

#: Nouns of a stance or remark whose prepositional object is the quote ("her criticism of the plan"):
#: noun -> the prepositions.
STANCE_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split()) for noun, preps in word_map("quotes", "stance_nouns").items()}

#: Adjectives of feeling, readiness and judgement whose complement is held ("concerned about the plan",
#: "willing to run", "convinced that it will pass"): adjective -> its complements ("to", "that", prepositions).
STANCE_ADJECTIVES: dict[str, frozenset[str]] = {
    adj: frozenset(comps.split()) for adj, comps in word_map("quotes", "stance_adjectives").items()}

#: Nouns for one who takes a side ("a supporter of the plan", "a critic of the mayor"): noun -> prepositions.
STANCE_AGENTS: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split()) for noun, preps in word_map("quotes", "stance_agents").items()}

#: Verbs whose prepositional object is what is said or held: lemma -> the prepositions ("talk about").
PREPOSITION_LEMMAS: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split()) for verb, preps in word_map("quotes", "prepositional_verbs").items()}

#: Nouns of a view or a wording that make a prepositional cue ("in the view of X", "in her words"): noun -> prepositions.
VIEW_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split()) for noun, preps in word_map("quotes", "view_nouns").items()}

#: Nouns of saying, holding and intending whose "that" clause or to-infinitive is an indirect quote
#: ("her claim that …", "his plan to …"): noun -> say | hold | intend.
REPORT_NOUNS: Mapping[str, str] = word_map("quotes", "report_nouns")

#: Verbs of charging or naming: quoted words in their object are the subject's words ("accused X of
#: supporting “terrorism”", "called it a “disgrace”").
CHARGE_LEMMAS = word_list("quotes", "charge_verbs")

#: Verbs an outlet uses when the article cites it ("Newsweek reports/writes/notes/adds").
OUTLET_CUES = word_list("quotes", "outlet_verbs")

#: Surface forms from other languages seen in multilingual text (Spanish reporting verbs).
FOREIGN_CUES = word_list("quotes", "foreign_speech_verbs")

#: Thinking verbs: never cues (quoted words after them are scare quotes or titles).
COGNITION_LEMMAS = word_list("quotes", "cognition_verbs")

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"), "tweet": ("tweeted", "tweets", "tweeting"),
    "cry": ("cried", "cries", "crying"), "reply": ("replied", "replies", "replying"),
    "deny": ("denied", "denies", "denying"), "testify": ("testified", "testifies", "testifying"),
    "broadcast": ("broadcasts", "broadcasting"),
    "plead": ("pled", "pleaded", "pleads", "pleading"),
    "quip": ("quipped", "quips", "quipping"), "admit": ("admitted", "admits", "admitting"),
    "dub": ("dubbed", "dubs", "dubbing"), "slam": ("slammed", "slams", "slamming"),
    "signal": ("signalled", "signaled", "signals", "signalling", "signaling"),
    "label": ("labelled", "labeled", "labels", "labelling", "labeling"),
    "recall": ("recalled", "recalls", "recalling"), "air": ("aired", "airs", "airing"),
    "agree": ("agreed", "agrees", "agreeing"), "see": ("saw", "seen", "sees", "seeing"),
    "think": ("thought", "thinks", "thinking"), "know": ("knew", "known", "knows", "knowing"),
    "feel": ("felt", "feels", "feeling"), "understand": ("understood", "understands", "understanding"),
    "find": ("found", "finds", "finding"), "show": ("showed", "shown", "shows", "showing"),
    "hear": ("heard", "hears", "hearing"), "forget": ("forgot", "forgotten", "forgets", "forgetting"),
    "bet": ("bets", "betting"), "plan": ("planned", "plans", "planning"),
    "prefer": ("preferred", "prefers", "preferring"), "learn": ("learnt", "learned", "learns", "learning"),
    "speak": ("spoke", "spoken", "speaks", "speaking"), "come": ("came", "comes", "coming"),
    "lay": ("laid", "lays", "laying"), "seek": ("sought", "seeks", "seeking"),
    "beg": ("begged", "begs", "begging"), "brag": ("bragged", "brags", "bragging"),
    "refer": ("referred", "refers", "referring"),
}


def phrasal_lemmas() -> frozenset[str]:
    """The phrasal verbs of the verb lists, lemma and particle ("point out", "rule out", "weigh in")."""
    lists = (SPEECH_LEMMAS | INDIRECT_LEMMAS | BELIEF_LEMMAS | INTENTION_LEMMAS | OBJECT_LEMMAS | SIDE_LEMMAS
             | AS_LEMMAS | CHARGE_LEMMAS | frozenset(PREPOSITION_LEMMAS))
    return frozenset(lemma for lemma in lists if " " in lemma)


def _inflect(lemma: str) -> set[str]:
    if " " in lemma:  # a phrasal verb: the forms of its verb ("pointed" for "point out")
        return _inflect(lemma.split()[0])
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


@lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Lower-case inflected forms of every speech, charge and outlet verb, the report nouns (singular
    and plural), the finding nouns, the stance nouns, adjectives and agent nouns, the view nouns, plus
    'according'."""
    forms: set[str] = {"according"}
    lemmas = SPEECH_LEMMAS | CHARGE_LEMMAS | BELIEF_LEMMAS | INTENTION_LEMMAS | OBJECT_LEMMAS | SIDE_LEMMAS | AS_LEMMAS
    for lemma in lemmas | frozenset(PREPOSITION_LEMMAS) | (OUTLET_CUES - {"according"}):
        forms |= _inflect(lemma)
    forms |= FOREIGN_CUES
    forms |= {n for noun in REPORT_NOUNS for n in (noun, noun + "s")}
    forms |= FINDING_NOUNS | SPEECH_ACT_NOUNS | frozenset(STANCE_NOUNS) | frozenset(STANCE_ADJECTIVES)
    forms |= {n for noun in STANCE_AGENTS for n in (noun, noun + "s")}
    forms |= frozenset(VIEW_NOUNS)
    return frozenset(forms)


def outlet_names() -> frozenset[str]:
    """Outlets and agencies (lower case, as written): the names and aliases of the actors' media table
    (``actors/data/media.tsv``, the one list of outlets) and the few it leaves out
    (``data/words/outlets_beyond_media.txt``) — a fallback when the actors stage knows none."""
    names: set[str] = set()
    for line in content_lines(read_text(stage_package("actors"), "data", "media.tsv")):
        cells = line.split("\t")
        aliases = cells[3].split(",") if len(cells) > 3 else []
        names.update(n.strip().lower() for n in [cells[1], *aliases] if n.strip())
    return frozenset(names | word_list("quotes", "outlets_beyond_media"))


OUTLETS: frozenset[str] = outlet_names()


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Common nouns (lower-case lemmas) that can hold a view or make a statement: the actors' role titles
    (``actors/data/roles.tsv``) and group nouns (``actors/data/agents.tsv``), and ours
    (``speaker_nouns``, ``unnamed_people``, ``documents``)."""
    nouns: set[str] = set()
    for table in ("roles.tsv", "agents.tsv"):
        for line in content_lines(read_text(stage_package("actors"), "data", table)):
            word = line.split("\t")[0].strip().lower()
            if word:
                nouns.add(word.split()[-1])
    return frozenset(nouns | word_list("quotes", "speaker_nouns") | word_list("quotes", "unnamed_people")
                     | word_list("quotes", "documents"))

@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Common nouns (lower-case lemmas) of a person or people: the actors' role titles
    (``actors/data/roles.tsv``) and ours (``unnamed_people``), plus *voter*, *people* and the like."""
    nouns: set[str] = set()
    for line in content_lines(read_text(stage_package("actors"), "data", "roles.tsv")):
        word = line.split("\t")[0].strip().lower()
        if word and not any(f" {p} " in f" {word} " for p in ("of", "for", "to", "on")):
            nouns.add(word.split()[-1])  # "prime minister" -> minister; not "chief of army" -> army
    return frozenset(nouns | word_list("quotes", "unnamed_people"))

#: Head words that make an ORG-like name an outlet ("The Moscow Times", "Syrian state TV").
MEDIA_WORDS = word_list("quotes", "media_words")

#: Common nouns that make a noun phrase a media source ("state media", "the newspaper").
MEDIA_NOUNS = word_list("quotes", "media_nouns")

#: Platforms and forms through which something is said ("on Twitter", "in a statement").
PLATFORMS = word_list("quotes", "platforms")

VIA_NOUNS = word_list("quotes", "via_nouns")

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "him", "her", "them", "we", "i", "his", "their", "our",
                                      "its", "my"})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})


@lru_cache(maxsize=1)
def cue_lemmas() -> dict[str, str]:
    """Each inflected form of a verb of the lists (lower case) -> its lemma ("warned" -> warn)."""
    lists = (SPEECH_LEMMAS | INDIRECT_LEMMAS | BELIEF_LEMMAS | INTENTION_LEMMAS | OBJECT_LEMMAS | SIDE_LEMMAS
             | AS_LEMMAS | CHARGE_LEMMAS | frozenset(PREPOSITION_LEMMAS))
    return {form: lemma.split()[0] for lemma in sorted(lists, reverse=True) for form in _inflect(lemma)}
