"""Build the shipped event lexicon data files (run by maintainers, not by CI or users).

1. ``cameo.tsv``: CAMEO code -> PLOVER type, mode, Goldstein value, description. The PLOVER type
   and mode come from the OEDA CAMEO->PLOVER conversion table (PLOVER manual draft 0.8,
   ``CAMEO2PLOVER-2021.txt``); the Goldstein values are the CAMEO codebook's Goldstein (1992)
   scale per 3-digit code (4-digit codes inherit their parent's value).
2. ``verbs_wordnet.tsv``: the hand-written verb seeds of ``verbs.yaml`` expanded with their
   WordNet 3.0 synonyms (same synset, first senses only), so that users never need WordNet.
3. ``verb_forms.tsv``: irregular inflections (WordNet ``verb.exc``) of the shipped verbs, used for
   the triage cues ("sought" for "seek").

Usage: python tools/build_lexicon.py [--cameo2plover PATH] [--wordnet DIR]
(needs ``apt-get install wordnet-base`` for /usr/share/wordnet).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsgraph" / "stages" / "events" / "data"
sys.path.insert(0, str(ROOT / "src"))

#: Version of each file this tool writes (the events lexicon release that last changed its rows). Raise
#: it when a rebuild changes the rows; tools/build_manifest.py checks it against the manifest.
VERSIONS: dict[str, str] = {"cameo.tsv": "1.4", "verbs_wordnet.tsv": "1.2", "verb_forms.tsv": "1.2"}

#: Goldstein (1992) values of the CAMEO 3-digit codes (CAMEO codebook 1.1b3).
GOLDSTEIN: dict[str, float] = {
    "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0, "016": 3.4,
    "017": 0.0, "018": 3.4, "019": 3.4,
    "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0,
    "027": 4.0, "028": 4.0,
    "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "035": 7.0, "036": 4.0,
    "037": 5.0, "038": 7.0, "039": 5.0,
    "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0, "057": 8.0,
    "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0,
    "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0,
    "100": -5.0, "101": -5.0, "102": -4.9, "103": -4.5, "104": -5.0, "105": -5.0, "106": -5.0,
    "107": -5.0, "108": -5.0,
    "110": -2.0, "111": -2.0, "112": -2.0, "113": -2.0, "114": -2.0, "115": -2.0, "116": -2.0,
    "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -4.0, "125": -5.0, "126": -5.0,
    "127": -5.0, "128": -5.0, "129": -5.0,
    "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8, "136": -7.0,
    "137": -7.0, "138": -7.0, "139": -7.0,
    "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
    "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0, "165": -7.0, "166": -7.0,
    "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "180": -9.0, "181": -9.0, "182": -9.5, "183": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0, "196": -9.5,
    "200": -10.0, "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0,
}

#: CAMEO 02 (appeal) is not in the conversion table: PLOVER folds appeals into REQUEST.
APPEAL_ROWS = [
    ("02", "REQUEST", "", "Appeal"), ("020", "REQUEST", "", "Make an appeal or request"),
    ("021", "REQUEST", "assist", "Appeal for material cooperation"),
    ("022", "REQUEST", "assist", "Appeal for diplomatic cooperation"),
    ("023", "REQUEST", "assist", "Appeal for aid"), ("024", "REQUEST", "change", "Appeal for political reform"),
    ("025", "REQUEST", "yield", "Appeal to yield"), ("026", "REQUEST", "meet", "Appeal to others to meet"),
    ("027", "REQUEST", "meet", "Appeal to others to settle dispute"),
    ("028", "REQUEST", "meet", "Appeal to others to engage in mediation"),
]
#: Seeds whose first WordNet sense is not the CAMEO sense ("sanction" = authorise, "demonstrate" =
#: show, "apprehend" = understand ...): not expanded.
SKIP_SEEDS = frozenset({
    "sanction", "demonstrate", "call", "travel", "apprehend", "occupy", "engage", "beat", "secure",
    "justify", "dismiss", "free", "storm", "disperse", "pressure", "ask", "meet", "rally", "apologise",
    "apologize", "murder", "sprinkle", "besiege", "overrun", "ambush", "suppress", "hail", "equip",
    "pardon", "restrict", "lend", "trade", "sponsor", "veto", "defy", "patrol", "lambaste",
})
#: Expansions too common or too vague to trigger an event on their own.
SKIP_WORDS = frozenset({
    "have", "let", "blemish", "say", "come", "move", "name", "show", "present", "place", "point", "off", "o.k.", "okay",
    "negative", "busy", "plain", "loose", "action", "encounter", "discount", "warrant", "discourse",
    "locomote", "merchandise", "demo", "inhibit", "procure", "pursue", "hale", "clutch", "prehend",
    "grok", "savvy", "comprehend", "rationalize", "circumvent", "infest", "contribute",
    "cease", "discontinue", "emancipate", "guy", "wing", "lather", "welt", "trounce", "organise", "dethaw",
    "unthaw",
})
#: PLOVER 0.8 modes that refine the conversion table (195 aerial weapons).
MODE_OVERRIDES = {"195": "aerial"}
#: Rows where the PLOVER 0.8 manual's category text contradicts the conversion table: "International
#: (political or economic) sanctions are coded as [SANCTION] `discontinue'" (the table has 163 COERCE).
#: 1712 (destroy property) carries the table's own COERCE mode `seize` ("Seize or damage property",
#: 171, is COERCE) but an ASSAULT type: we keep the mode and code it COERCE like its parent 171.
#: 116 (find guilty or liable): the manual's SANCTION mode `convict` ("Find an entity or behavior guilty
#: ... in a court of law"), where the table has ACCUSE.
PLOVER_OVERRIDES = {"163": ("SANCTION", "discontinue"), "1712": ("COERCE", "seize"), "116": ("SANCTION", "convict")}


def goldstein(code: str) -> float:
    if len(code) == 2:
        return GOLDSTEIN[code + "0"]
    return GOLDSTEIN.get(code[:3], GOLDSTEIN.get(code[:2] + "0", 0.0))


def build_cameo(c2p: Path) -> int:
    rows: dict[str, tuple[str, str, str]] = {}
    for line in c2p.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$", line)
        if not m:
            continue
        code, plover, mode, _ctx, desc = m.groups()
        if code in rows:  # duplicate roots (08 CONCEDE/RETREAT): keep the first
            continue
        rows[code] = (plover, (mode or "").strip(), (desc or "").strip())
    for code, plover, mode, desc in APPEAL_ROWS:
        rows.setdefault(code, (plover, mode, desc))
    for code, mode in MODE_OVERRIDES.items():
        p, _m, d = rows[code]
        rows[code] = (p, mode, d)
    for code, (plover, mode) in PLOVER_OVERRIDES.items():
        rows[code] = (plover, mode, rows[code][2])
    out = [
        "# cameo: CAMEO code -> PLOVER type, mode, Goldstein value and description",
        f"# version: {VERSIONS['cameo.tsv']}",
        "# source: OEDA CAMEO->PLOVER conversion (PLOVER manual draft 0.8, 2021, CC BY-SA 4.0);",
        "# Goldstein values from the CAMEO 1.1b3 codebook (3-digit; 4-digit codes inherit).",
        "# Generated by tools/build_lexicon.py; do not edit by hand.",
        "code\tplover\tmode\tgoldstein\tdescription",
    ]
    for code in sorted(rows, key=lambda c: (c[:2], c)):
        p, mode, desc = rows[code]
        out.append(f"{code}\t{p}\t{mode}\t{goldstein(code):.1f}\t{desc}")
    (DATA / "cameo.tsv").write_text("\n".join(out) + "\n", "utf-8")
    return len(rows)


def _wordnet_synonyms(wndir: Path) -> tuple[dict[str, list[list[str]]], dict[str, str]]:
    """lemma -> its synsets (each a list of single-word lemmas) in sense order; lemma -> first sense."""
    offsets: dict[str, list[str]] = {}
    for line in (wndir / "index.verb").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, n_syn = parts[0], int(parts[2])
        n_ptr = int(parts[3])
        offs = parts[4 + n_ptr + 2:]
        offsets[lemma] = offs[:n_syn]
    data: dict[str, list[str]] = {}
    for line in (wndir / "data.verb").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        off, n_w = parts[0], int(parts[3], 16)
        words = [parts[4 + 2 * k].lower() for k in range(n_w)]
        data[off] = [w for w in words if "_" not in w and "-" not in w]
    first = {lemma: offs[0] for lemma, offs in offsets.items() if offs}
    return {lemma: [[*data.get(o, []), "#" + o] for o in offs] for lemma, offs in offsets.items()}, first


def build_wordnet(wndir: Path, senses: int = 1) -> int:
    from newsgraph.stages.events.lexicon import load_seed_verbs

    seeds = load_seed_verbs()
    synsets, first = _wordnet_synonyms(wndir)
    seeded = {s.lemma for s in seeds}
    added: dict[str, tuple[str, str]] = {}
    for s in seeds:
        if s.particle or s.objects or s.preps_required or s.lemma in SKIP_SEEDS:
            continue
        for synset in synsets.get(s.lemma, [])[:senses]:
            offset = synset[-1][1:]
            for w in synset[:-1]:
                if w in seeded or w in added or len(w) < 3 or w in SKIP_WORDS:
                    continue
                if first.get(w) != offset:  # keep a synonym only where this is its dominant sense
                    continue
                added[w] = (s.cameo, s.lemma)
    out = [
        "# verbs_wordnet: WordNet verb expansion of the event lexicon",
        f"# version: {VERSIONS['verbs_wordnet.tsv']}",
        "# source: verbs.yaml seeds expanded with WordNet 3.0 synonyms: words of the seed's first synset whose\n"
        "# own first sense is that synset (Princeton WordNet 3.0 licence).",
        "# Generated by tools/build_lexicon.py; do not edit by hand.",
        "lemma\tcameo\tseed",
    ]
    for w in sorted(added):
        out.append(f"{w}\t{added[w][0]}\t{added[w][1]}")
    (DATA / "verbs_wordnet.tsv").write_text("\n".join(out) + "\n", "utf-8")
    return len(added)


def build_forms(wndir: Path) -> int:
    """Irregular inflections (WordNet verb.exc) of every shipped verb lemma, for triage cues."""
    from newsgraph.stages.events.lexicon import build_lexicon

    lemmas = set(build_lexicon().verbs)
    rows: list[tuple[str, str]] = []
    for line in (wndir / "verb.exc").read_text("latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 2 and "_" not in parts[0]:
            for base in parts[1:]:
                if base in lemmas:
                    rows.append((base, parts[0]))
    out = [
        "# verb_forms: irregular verb forms of the event lexicon",
        f"# version: {VERSIONS['verb_forms.tsv']}",
        "# source: WordNet 3.0 verb.exc, restricted to the lemmas of the shipped lexicon (Princeton",
        "# WordNet 3.0 licence). Generated by tools/build_lexicon.py; do not edit by hand.",
        "lemma\tform",
        *(f"{b}\t{f}" for b, f in sorted(set(rows))),
    ]
    (DATA / "verb_forms.tsv").write_text("\n".join(out) + "\n", "utf-8")
    return len(set(rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cameo2plover", type=Path,
                    default=ROOT.parent / "shared" / "gold" / "plover_gsr_cameo" / "CAMEO2PLOVER-2021.txt")
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--skip-cameo", action="store_true")
    args = ap.parse_args()
    if not args.skip_cameo:
        print(f"cameo.tsv: {build_cameo(args.cameo2plover)} codes")
    print(f"verbs_wordnet.tsv: {build_wordnet(args.wordnet)} expanded verbs")
    print(f"verb_forms.tsv: {build_forms(args.wordnet)} irregular forms")


if __name__ == "__main__":
    main()
