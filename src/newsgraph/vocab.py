"""The one documented vocabulary of newsgraph: sectors, actor kinds, PLOVER types, modalities.

Sectors follow the CAMEO agent codes and the PLOVER actor conventions (see
docs/vocabulary.md); PLOVER types and quad classes follow the PLOVER codebook v0.8
(Open Event Data Alliance, CC BY-SA 4.0).
"""

from __future__ import annotations

from typing import Literal

#: Actor sectors. Keys are the codes used in output; values say what they mean.
SECTORS: dict[str, str] = {
    "GOV": "government, executive, head of state, ministries, diplomats",
    "MIL": "military, armed forces, defence ministry, military personnel",
    "PTY": "political party (alias kept for CAMEO users; output uses POL)",
    "POL": "politicians and political parties",
    "LEG": "legislature, parliament, lawmakers",
    "JUD": "judiciary, courts, prosecutors",
    "COP": "police and internal security forces",
    "SPY": "intelligence services",
    "REB": "rebels: armed groups fighting a government for territory or power",
    "INS": "insurgents, militants, terrorist organisations, jihadist groups",
    "OPP": "political opposition (non-violent)",
    "MED": "media, journalists, news agencies",
    "CVL": "civilians, residents, refugees, the public",
    "BUS": "business, companies, corporations",
    "NGO": "non-governmental organisations",
    "IGO": "inter-governmental organisations",
    "REL": "religious institutions and leaders",
    "ETH": "ethnic groups",
    "EDU": "education, universities, students",
    "HLH": "health, hospitals, medical workers",
    "LAB": "labour unions, workers",
    "CRM": "criminals, gangs, cartels",
    "REF": "refugees and displaced people",
    "ELI": "elites, former officials, notable persons",
    "SPT": "sports people and bodies",
    "UAF": "unidentified armed forces, gunmen",
}

Sector = str  # validated against SECTORS where records are built

ActorKind = Literal["state", "organization", "person", "group"]
ACTOR_KINDS: tuple[str, ...] = ("state", "organization", "person", "group")

#: The 16 PLOVER event types (codebook v0.8), with the CAMEO roots that map to them.
PLOVER_TYPES: dict[str, str] = {
    "AGREE": "agree to or express intent to cooperate (CAMEO 03)",
    "CONSULT": "meet, visit, negotiate, mediate (CAMEO 04)",
    "SUPPORT": "diplomatic cooperation, praise, endorse (CAMEO 05)",
    "CONCEDE": "verbal yielding: ease sanctions, accept demands (CAMEO 081-083)",
    "COOPERATE": "material cooperation: economic, military, intelligence (CAMEO 06)",
    "AID": "provide aid: economic, military, humanitarian, protection (CAMEO 07)",
    "RETREAT": "material yielding: withdraw, release, return, de-escalate (CAMEO 084-087)",
    "REQUEST": "demand, appeal, call for (CAMEO 02, 10)",
    "ACCUSE": "accuse, criticise, denounce, disapprove (CAMEO 11)",
    "REJECT": "reject, refuse, defy, veto (CAMEO 12)",
    "THREATEN": "threaten, warn of force or sanction (CAMEO 13)",
    "PROTEST": "demonstrate, strike, riot (CAMEO 14)",
    "SANCTION": "reduce relations, embargo, expel diplomats (CAMEO 16)",
    "MOBILIZE": "exhibit force posture, deploy, mobilise, alert (CAMEO 15)",
    "COERCE": "arrest, seize, repress, restrict, deport (CAMEO 17)",
    "ASSAULT": "use of force: attack, fight, bomb, kill (CAMEO 18, 19, 20)",
}
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

#: PLOVER quad classes (verbal/material x cooperation/conflict).
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}

Modality = Literal[
    "asserted", "intended", "demanded", "alleged", "announced", "hypothetical", "negated",
]
MODALITIES: tuple[str, ...] = (
    "asserted", "intended", "demanded", "alleged", "announced", "hypothetical", "negated",
)

QuoteKind = Literal["direct", "indirect", "partial"]

DatePrecision = Literal["day", "week", "month", "year", "range", "unknown"]

#: ``via`` of a place mention that names a place without using it as a location: its government or
#: people acting ("Russia said", "U.S. forces"), a place adjective ("Russian troops") or a place inside
#: an organisation's name ("the Oman Film Society")
PLACE_NAMED_ONLY: tuple[str, ...] = ("metonym", "adjective", "name")
