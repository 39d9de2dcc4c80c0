"""Benchmark-only stand-in for the actors stage: spaCy entities -> crude actor ids.

Used by benchmarks/events.py only when the actors stage produced no mentions (while it is being
written), so that the event coder can be measured on its own. Never used by the library.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from newsgraph.model import Actor, Article
from newsgraph.stages.common import ACTOR_MENTIONS, TokenRef, add_refs

EXTRA = {
    "russian": "RUS", "chinese": "CHN", "british": "GBR", "america": "USA", "american": "USA",
    "turkish": "TUR", "moscow": "RUS", "washington": "USA", "beijing": "CHN", "london": "GBR",
    "tehran": "IRN", "damascus": "SYR", "kurds": None, "u.s": "USA", "u.s.": "USA", "french": "FRA",
    "german": "DEU", "saudi": "SAU", "afghan": "AFG", "iraqi": "IRQ", "pakistani": "PAK", "indian": "IND",
    "north korean": "PRK", "south korean": "KOR", "korean": "KOR", "dutch": "NLD", "swiss": "CHE",
    "egyptian": "EGY", "lebanese": "LBN", "jordanian": "JOR", "yemeni": "YEM", "libyan": "LBY",
    "ukrainian": "UKR", "european": None, "pentagon": "USA.MIL", "kremlin": "RUS.GOV",
}
MEDIA = {"newsweek", "afp", "reuters", "ap", "associated press", "bbc", "cnn", "xinhua", "tass", "itar-tass",
         "al jazeera", "interfax", "ria novosti", "new york times", "washington post"}
SECTOR_NOUNS = {
    "troop": "MIL", "force": "MIL", "soldier": "MIL", "warplane": "MIL", "army": "MIL", "military": "MIL",
    "jet": "MIL", "navy": "MIL", "official": "GOV", "government": "GOV", "minister": "GOV",
    "president": "GOV", "police": "COP", "policeman": "COP",
    "leader": "GOV", "diplomat": "GOV", "ally": "", "authority": "GOV", "administration": "GOV",
}
NONSTATE = {"militant": "INS", "rebel": "REB", "civilian": "CVL", "protester": "CVL", "insurgent": "INS",
            "militia": "INS", "terrorist": "INS", "fighter": "INS"}


@lru_cache(maxsize=4096)
def country(text: str) -> str | None:
    t = text.strip().lower().rstrip("'s").strip()
    if t.startswith("the "):
        t = t[4:]
    if t in EXTRA:
        return EXTRA[t]
    import country_converter as coco

    logging.disable(logging.WARNING)
    try:
        out = coco.convert(text, to="ISO3", not_found=None)
    finally:
        logging.disable(logging.NOTSET)
    return out if isinstance(out, str) and len(out) == 3 else None


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def fill_actors(art: Article) -> None:
    refs: list[TokenRef] = []
    actors: dict[str, Actor] = {}

    def add(ref: str, name: str, media: bool = False) -> None:
        if ref not in actors:
            cc = ref.split(".")[0]
            actors[ref] = Actor(id=ref, name=name, kind="group", media=media,
                                country=cc if len(cc) == 3 and cc.isupper() else None)

    for seg in art.segments:
        doc = seg.doc
        for ent in doc.ents:
            text = ent.text
            low = text.lower().removeprefix("the ")
            if low in MEDIA:
                ref = "ORG." + _slug(text)
                add(ref, text, media=True)
            elif ent.label_ in {"GPE", "NORP", "LOC"} or low in EXTRA:
                c = country(text)
                if c is None:
                    ref = ("ETH." if ent.label_ == "NORP" else "LOC.") + _slug(text)
                else:
                    ref = c
                add(ref, text)
            elif ent.label_ == "ORG":
                ref = "ORG." + _slug(text)
                add(ref, text)
            elif ent.label_ == "PERSON":
                ref = "PER." + _slug(text)
                add(ref, text)
            else:
                continue
            refs.append(TokenRef(seg.index, ent.start, ent.end, ref, "ner"))
        for tok in doc:
            lem = tok.lemma_.lower()
            if lem in SECTOR_NOUNS and tok.pos_ == "NOUN":
                cc = None
                for left in tok.lefts:
                    if left.ent_type_ in {"GPE", "NORP"} or left.lower_ in EXTRA:
                        cc = country(left.text)
                        if cc:
                            break
                if cc and "." not in cc:
                    sec = SECTOR_NOUNS[lem]
                    ref = f"{cc}.{sec}" if sec else cc
                    add(ref, tok.text)
                    refs.append(TokenRef(seg.index, tok.i, tok.i + 1, ref, "noun"))
            elif lem in NONSTATE and tok.pos_ == "NOUN":
                ref = f"{NONSTATE[lem]}.{lem}"
                add(ref, tok.text)
                refs.append(TokenRef(seg.index, tok.i, tok.i + 1, ref, "noun"))
    # noun refs first so "Syrian troops" -> SYR.MIL on the head
    refs.sort(key=lambda r: 0 if r.via == "noun" else 1)
    add_refs(art, ACTOR_MENTIONS, refs)
    art.actors = list(actors.values())
