"""Context-free actor resolution of plain strings, for benchmarks, other stages and library users:
``Resolver(lexicon).resolve("Turkish Foreign Minister X", date="2021-05-01")``."""

from __future__ import annotations

from dataclasses import replace

from ...model import Actor
from .actor_types import Resolution
from .lexicon import Lexicon, is_caps, norm
from .resolution import combine
from .scan import scan, split_words
from .surnames import NOT_SURNAMES, middle_name_person, surname_person
from .tenure import parse_date


class Resolver:
    """Context-free actor resolution over one lexicon (a pipeline's, with its user dictionaries)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def resolution(self, text: str, context: str = "", date: str | None = None) -> Resolution | None:
        words = split_words(text)
        if not words:
            return None
        lex = self.lexicon
        when = parse_date(date)
        items = scan(words, lex)
        home = self._context_country(context, when) if context else None
        if home is not None:  # "the National Guard" in a Saudi story: the namesake of that country first
            for it in items:
                if it.kind == "entry" and len({e.country for e in it.entries}) > 1:
                    it.entries = sorted(it.entries, key=lambda e: e.country != home)
        res = combine(items, lex, when, words)
        if res is None:
            # a lone surname: accept it when one person in the who's-who carries it (not an acronym
            # in capitals, "The PAN", nor a pronoun, "He")
            key = norm(text)
            if (len(words) == 1 and is_caps(words[0]) and len(key) > 1) or key in NOT_SURNAMES:
                return None
            e, left = surname_person(lex, key, when)
            if e is None:  # "Hillary Rodham Clinton": a middle name the who's-who lacks
                e, left = middle_name_person(lex, words, when)
            if e is not None:
                return Resolution(entry=replace(e, sector="ELI") if left else e, role=e.role)
            return None
        if res.entry.country is None and res.entry.kind == "person" and context:
            ctx = combine(scan(split_words(context), lex), lex, when, split_words(context))
            if ctx is not None and ctx.entry.country:
                res.entry = replace(res.entry, country=ctx.entry.country)
        return res

    def _context_country(self, context: str, when: str | None) -> str | None:
        ctx_words = split_words(context)
        ctx = combine(scan(ctx_words, self.lexicon), self.lexicon, when, ctx_words) if ctx_words else None
        return ctx.entry.country if ctx is not None else None

    def resolve(self, text: str, context: str = "", date: str | None = None) -> Actor | None:
        """An :class:`Actor` (no mentions) for ``text``, or None when nothing in it is known."""
        res = self.resolution(text, context, date)
        if res is None:
            return None
        e = res.entry
        return Actor(
            id=e.id, name=e.name, country=e.country, sector=e.sector, kind=e.kind,  # type: ignore[arg-type]
            role=res.role or e.role, affiliation=e.affiliation, led_by=res.led_by, media=e.media,
            label="NOUN" if e.source == "noun" else None, known=e.source not in ("noun", "title"),
        )
