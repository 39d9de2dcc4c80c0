"""Numbers in text: digits, number words, fractions, scales, percentages, money and measures.

Pure functions over strings (no spaCy), shared by the quantities stage and the benchmark:

- :func:`parse_number` reads one whole expression ("1,723", "twenty-one", "2.5 million", "a dozen").
- :func:`find_numbers` finds every number in a text with its character span.
- :func:`find_quantities` adds what is counted: percentages, currencies, measures, ranges
  ("between 200 and 300"), vague plurals ("hundreds of") and approximation cues ("around").

Absurd values (overflow, ``1e999``, NaN, more than :data:`MAX_ABS`) are rejected: the finders
skip them and append a reason to the ``rejected`` list the caller passes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType

from ..resources import word_list, word_map, word_sequence

#: Largest magnitude accepted as a real-world quantity (a quintillion).
MAX_ABS = 1e18

#: The stage whose ``data/words/`` folder holds the number words: the numbers serve the quantities stage
#: (and the dates stage's numerals), and their versions count in the quantities data fingerprint.
STAGE = "quantities"


@dataclass(frozen=True)
class NumberWords:
    """The words of the number grammar, read from ``stages/quantities/data/words/``."""

    #: number words zero .. nine, ten .. nineteen, twenty .. ninety -> value
    units: Mapping[str, int]
    teens: Mapping[str, int]
    tens: Mapping[str, int]
    #: scale words ("million", "lakh") -> multiplier
    scales: Mapping[str, float]
    dozen: frozenset[str]
    #: abbreviated multipliers written after digits ("10k", "1.2bn", "10 bln"); lower-case "m" is
    #: only a million in money ("$10m"), otherwise a metre
    suffix: Mapping[str, float]
    #: denominators: ordinal words as fractions ("two thirds", "a fifth")
    ordinal_denom: Mapping[str, float]
    #: vague plurals: "hundreds of" is at least two hundred
    vague: Mapping[str, float]
    #: approximation cues written right before a number ("around", "at least")
    approx_before: tuple[str, ...]
    #: every word that can be part of a cardinal
    all: frozenset[str]


def _int_map(name: str) -> Mapping[str, int]:
    return MappingProxyType({k: int(v) for k, v in word_map(STAGE, name).items()})


def _float_map(name: str) -> Mapping[str, float]:
    return MappingProxyType({k: float(v) for k, v in word_map(STAGE, name).items()})


@cache
def number_words() -> NumberWords:
    """The number words, read once per process. A loader, not import-time constants: reading the
    quantities stage's data imports that package, which imports this module."""
    units, teens, tens, scales = (_int_map("number_units"), _int_map("number_teens"), _int_map("number_tens"),
                                  _float_map("number_scales"))
    dozen = word_list(STAGE, "dozen_words")
    return NumberWords(
        units=units, teens=teens, tens=tens, scales=scales, dozen=dozen, suffix=_float_map("number_suffixes"),
        ordinal_denom=_float_map("ordinal_denominators"), vague=_float_map("vague_plurals"),
        approx_before=word_sequence(STAGE, "approx_before"),
        all=frozenset(units) | frozenset(teens) | frozenset(tens) | frozenset(scales) | dozen | {"hundred", "hundreds"},
    )


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    value: float
    kind: str = "number"  # number, percent, currency, dimension, range, vague
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False


class AbsurdNumber(ValueError):
    """A number that parses but cannot be a real quantity (overflow, NaN, too large)."""


def check_value(value: float, text: str = "") -> float:
    """``value`` if it is a finite, plausible quantity; :class:`AbsurdNumber` otherwise."""
    if math.isnan(value) or math.isinf(value):
        raise AbsurdNumber(f"not a finite number: {text!r}")
    if abs(value) > MAX_ABS:
        raise AbsurdNumber(f"implausibly large number {text!r} (> {MAX_ABS:g})")
    return value


# -- tokens --------------------------------------------------------------------------------
_DIGITS = (
    r"\d+(?:\.\d+)?\^[+-]*\d+"  # power 1.1^23
    r"|\d+(?:\.\d+)?[eE][+-]?\d+(?![\w])"  # scientific
    r"|(?<![\d/])\d+/\d+(?!/?\d)"  # fraction 3/4 (not a date 5/17/2018)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,.]?\d)"  # 1,234,567.5
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![,.]?\d)"  # Indian grouping 12,34,567
    r"|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d])"  # 1 234 567
    r"|\d+(?:\.\d+)?(?![.,]?\d)"
    r"|\d+,\d{1,2}(?![,.]?\d)"  # decimal comma 1,3 / 5,00
    r"|\d+(?!\d)"
    r"|(?<!\d)\.\d+"
    r"|[\u00bc-\u00be\u2150-\u215e]"  # vulgar fractions
)
_TOKEN = re.compile(rf"(?P<num>{_DIGITS})|(?P<word>[A-Za-z]+)|(?P<sym>\S)")


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # num, word, sym
    low: str


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        out.append(_Tok(m.group(), m.start(), m.end(), kind, m.group().lower()))
    return out


def digits_value(tok: str) -> float:
    """Value of one digit token ("1,234.5", "1e10", "3/4", "1.1^23", "1 234", "1,3")."""
    if len(tok) == 1 and not tok.isdigit():
        return float(unicodedata.numeric(tok))
    t = tok.replace("\u202f", "").replace("\u00a0", "")
    if "^" in t:
        base, _, exp = t.partition("^")
        neg = exp.count("-") % 2 == 1
        e = float(exp.lstrip("+-"))
        try:
            return float(float(base) ** (-e if neg else e))
        except OverflowError:
            return math.inf
    if "/" in t:
        a, _, b = t.partition("/")
        return float(a) / float(b) if float(b) else math.inf
    if re.fullmatch(r"\d+,\d{1,2}", t):
        return float(t.replace(",", "."))
    t = t.replace(",", "").replace(" ", "")
    return float(t)


# -- word numbers --------------------------------------------------------------------------
def _is_num_word(low: str) -> bool:
    words = number_words()
    return low in words.all


class _Cardinal:
    """Accumulates "two hundred and sixty-one thousand ..." left to right."""

    def __init__(self) -> None:
        self.total = 0.0
        self.group = 0.0  # below the last big scale
        self.small = 0.0  # below the last "hundred"
        self.last: str | None = None
        self.last_scale = 1.0
        self.seen = False

    @property
    def value(self) -> float:
        return self.total + self.group + self.small

    def can_take(self, kind: str) -> bool:
        last = self.last
        if kind == "unit":
            return last in (None, "tens", "hundred", "scale", "and")
        if kind in ("teen", "tens"):
            return last in (None, "hundred", "scale", "and")
        if kind == "digit":
            return last in (None, "scale", "and")
        if kind == "hundred":
            return last in (None, "unit", "teen", "tens", "digit")
        if kind == "scale":
            return last in ("unit", "teen", "tens", "digit", "hundred", "scale", "dozen")
        if kind == "dozen":
            return last in ("unit", "teen", "tens", "digit", "hundred")
        return False

    def take(self, kind: str, value: float) -> None:
        self.seen = True
        if kind in ("unit", "teen", "tens", "digit"):
            self.small += value
        elif kind == "hundred":
            self.group = (self.group + (self.small or 1)) * 100 if self.group else (self.small or 1) * 100
            self.small = 0
        elif kind == "dozen":
            self.small = (self.small or 1) * 12
        elif kind == "scale":
            below = self.group + self.small
            if self.last == "scale" and below == 0 and value > self.last_scale:
                self.total *= value  # "three lakh crore"
            else:
                self.total += (below or 1) * value
            self.group = self.small = 0
            self.last_scale = value
        self.last = kind


def _word_kind(low: str) -> tuple[str, float] | None:
    words = number_words()
    if low in words.units:
        return "unit", words.units[low]
    if low in words.teens:
        return "teen", words.teens[low]
    if low in words.tens:
        return "tens", words.tens[low]
    if low == "hundred":
        return "hundred", 100
    if low in words.scales:
        return "scale", words.scales[low]
    if low in words.dozen:
        return "dozen", 12
    return None


def _denominator(toks: list[_Tok], i: int) -> tuple[int, float] | None:
    """An ordinal used as a denominator at ``toks[i]`` ("fifths", "twenty-first"): (next, denom)."""
    words = number_words()
    if i >= len(toks) or toks[i].kind != "word":
        return None
    low = toks[i].low
    stem = low[:-1] if low.endswith("s") and low[:-1] in words.ordinal_denom else low
    if low == "halves":
        stem = "half"
    if stem in words.ordinal_denom and stem not in ("first", "second"):
        return i + 1, words.ordinal_denom[stem]
    return None


def _compound_denominator(toks: list[_Tok], i: int) -> tuple[int, float] | None:
    """ "twenty-fifths", "thirty fifths", "hundred fifth": a tens/hundred word then an ordinal."""
    words = number_words()
    if i >= len(toks) or toks[i].kind != "word":
        return None
    low = toks[i].low
    if low in words.tens or low == "hundred":
        j = i + 1
        if j < len(toks) and toks[j].text == "-":
            j += 1
        if j < len(toks) and toks[j].kind == "word":
            w = toks[j].low
            stem = w[:-1] if w.endswith("s") else w
            if stem in words.ordinal_denom and words.ordinal_denom[stem] < 10:
                base = words.tens.get(low, 100)
                return j + 1, base + words.ordinal_denom[stem]
    return None


def _gap_ok(toks: list[_Tok], i: int, text: str) -> bool:
    """Tokens i-1 and i are separated by spaces only (no line break, no other characters)."""
    gap = text[toks[i - 1].end:toks[i].start]
    return "\n" not in gap and gap.strip() == ""


@dataclass
class _Parsed:
    end_tok: int
    value: float


def _parse_cardinal(toks: list[_Tok], i: int, text: str, allow_digits: bool = True) -> _Parsed | None:
    """Longest cardinal at token ``i`` (words, or digits followed by scale words)."""
    card = _Cardinal()
    j = i
    end = i
    while j < len(toks):
        if j > i and not _gap_ok(toks, j, text):
            break
        tok = toks[j]
        if tok.kind == "num" and allow_digits and "/" not in tok.text and "^" not in tok.text:
            if not card.can_take("digit") or "e" in tok.low:
                if card.seen:
                    break
            if card.can_take("digit"):
                card.take("digit", digits_value(tok.text))
                j += 1
                end = j
                continue
            break
        if tok.kind == "word":
            low = tok.low
            if low == "a" and not card.seen and j + 1 < len(toks):
                nxt = toks[j + 1].low
                if nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "crore"):
                    card.take("unit", 1)
                    j += 1
                    end = j
                    continue
                break
            if low == "and" and card.last in ("hundred", "scale") and j + 1 < len(toks):
                nk = _word_kind(toks[j + 1].low)
                if (nk and nk[0] in ("unit", "teen", "tens")) or toks[j + 1].kind == "num":
                    if _parse_fraction_tail(toks, j + 1, text) is not None:
                        break  # "six million and two thirds": the fraction is parsed later
                    card.last = "and"
                    j += 1
                    continue
                break
            wk = _word_kind(low)
            if wk is None or not card.can_take(wk[0]):
                break
            # "one hundred thirty fifths" -> the tens word belongs to the denominator
            if wk[0] == "tens" and card.seen and card.last != "and":
                if _compound_denominator(toks, j) is not None:
                    break
            card.take(*wk)
            j += 1
            end = j
            continue
        if tok.text == "-" and card.last == "tens" and j + 1 < len(toks):
            nk = _word_kind(toks[j + 1].low)
            if nk and nk[0] == "unit":
                j += 1
                continue
        break
    if not card.seen:
        return None
    return _Parsed(end, card.value)


def _parse_point(toks: list[_Tok], i: int, text: str) -> tuple[int, str] | None:
    """Digits after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    words = number_words()
    digits = ""
    j = i
    while j < len(toks) and _gap_ok(toks, j, text) and toks[j].kind == "word":
        low = toks[j].low
        if low in words.units:
            digits += str(words.units[low])
            j += 1
        elif low in words.teens:
            digits += str(words.teens[low])
            j += 1
        elif low in words.tens:
            v = words.tens[low]
            j += 1
            k = j + 1 if j < len(toks) and toks[j].text == "-" else j
            if k < len(toks) and toks[k].low in words.units and words.units[toks[k].low] > 0:
                v += words.units[toks[k].low]
                j = k + 1
            digits += str(v)
        else:
            break
    return (j, digits) if digits else None


def _parse_fraction_tail(toks: list[_Tok], i: int, text: str) -> _Parsed | None:
    """ "a half", "three quarters", "two thirds", "one over three" starting at ``i``."""
    if i >= len(toks):
        return None
    if toks[i].low in ("a", "an", "one") and i + 1 < len(toks):
        d = _denominator(toks, i + 1) or _compound_denominator(toks, i + 1)
        if d is not None:
            return _Parsed(d[0], 1 / d[1])
    if toks[i].low in ("half", "quarter"):
        return _Parsed(i + 1, 0.5 if toks[i].low == "half" else 0.25)
    num = _parse_cardinal(toks, i, text, allow_digits=False)
    if num is not None and num.end_tok < len(toks):
        j = num.end_tok
        if toks[j].text == "-" and j + 1 < len(toks):
            j += 1
        d = _compound_denominator(toks, j) or _denominator(toks, j)
        if d is not None:
            return _Parsed(d[0], num.value / d[1])
    return None


def _parse_at(toks: list[_Tok], i: int, text: str) -> _Parsed | None:
    """The longest number expression starting at token ``i``."""
    words = number_words()
    tok = toks[i]
    sign = 1.0
    j = i
    if tok.low in ("minus", "negative") and j + 1 < len(toks):
        sign, j = -1.0, j + 1
    elif tok.text == "-" and j + 1 < len(toks) and toks[j + 1].kind == "num":
        prev_ok = i == 0 or not (toks[i - 1].kind in ("num", "word") and toks[i - 1].end == tok.start)
        if prev_ok:
            sign, j = -1.0, j + 1
    start = j
    t = toks[j]
    # fractions and halves first ("a half", "two thirds", "half a dozen", "half million")
    if t.low in ("a", "an") and j + 2 < len(toks) and toks[j + 1].low in ("half", "quarter"):
        j, t = j + 1, toks[j + 1]  # "a quarter million"
    if t.kind == "word" and t.low in ("half", "quarter", "quarters") and j + 1 < len(toks):
        k = j + 2 if toks[j + 1].low == "a" or toks[j + 1].text == "-" else j + 1  # "half a dozen", "half-dozen"
        if k < len(toks) and (toks[k].low in words.scales or toks[k].low in words.dozen):
            mult = words.scales.get(toks[k].low, 12.0)
            part = 0.5 if t.low == "half" else 0.25
            return _Parsed(k + 1, sign * part * mult)
    if t.kind == "word" and t.low in words.units and j + 2 < len(toks) and toks[j + 1].low in ("quarters", "thirds") \
            and toks[j + 2].low in words.scales:  # "three quarters billion"
        part = words.units[t.low] / (4 if toks[j + 1].low == "quarters" else 3)
        return _Parsed(j + 3, sign * part * words.scales[toks[j + 2].low])
    if t.kind == "word" and t.low not in words.all and t.low not in ("a", "an", "half", "quarter"):
        return None
    frac = _parse_fraction_tail(toks, start, text)
    card = _parse_cardinal(toks, start, text)
    if t.kind == "num" and ("/" in t.text or "^" in t.text or "e" in t.low):
        v = digits_value(t.text)
        return _Parsed(start + 1, sign * v)
    if card is None and frac is None:
        if t.low == "half":
            return _Parsed(start + 1, sign * 0.5)
        return None
    if frac is not None and (card is None or frac.end_tok > card.end_tok):
        value, j = frac.value, frac.end_tok
        # "two thirds of a million"
        if j + 2 < len(toks) and toks[j].low == "of" and toks[j + 1].low == "a" and toks[j + 2].low in words.scales:
            value *= words.scales[toks[j + 2].low]
            j += 3
        return _Parsed(j, sign * value)
    assert card is not None
    value, j = card.value, card.end_tok
    # digits + suffix ("10k", "2.33 k", "1.2b") or mixed fraction ("2 1/4")
    if toks[j - 1].kind == "num" and j < len(toks) and _gap_ok(toks, j, text):
        nxt = toks[j]
        if nxt.kind == "word" and nxt.text in words.suffix and (j + 1 >= len(toks) or toks[j + 1].text != "'"):
            if nxt.text not in ("b", "B") or nxt.start == toks[j - 1].end:
                value *= words.suffix[nxt.text]
                j += 1
        elif nxt.kind == "num" and "/" in nxt.text and j - 1 == start:
            value += digits_value(nxt.text)
            j += 1
        elif nxt.kind == "num" and len(nxt.text) == 1 and not nxt.text.isdigit() and j - 1 == start \
                and nxt.start == toks[j - 1].end and "." not in toks[j - 1].text:
            value += digits_value(nxt.text)  # "70½"
            j += 1
    # "point five"
    if j + 1 < len(toks) and toks[j].low == "point" and toks[j - 1].kind == "word":
        pt = _parse_point(toks, j + 1, text)
        if pt is not None:
            value = float(f"{int(value)}.{pt[1]}")
            j = pt[0]
    # "... and a half", "... and three quarters", "... and two thirds"
    while j + 1 < len(toks) and toks[j].low == "and":
        fr = _parse_fraction_tail(toks, j + 1, text)
        if fr is None:
            nxt_card = _parse_cardinal(toks, j + 1, text, allow_digits=False)
            after = nxt_card.end_tok if nxt_card else j + 1
            fr2 = _parse_fraction_tail(toks, after + 1, text) if nxt_card and after < len(toks) else None
            if nxt_card is not None and fr2 is not None and toks[after].low == "and" and card.value < 100:
                value += nxt_card.value + fr2.value  # "forty and two and two thirds"
                j = fr2.end_tok
                continue
            break
        scale = card.value if card.value >= 1e6 and toks[j - 1].low in words.scales else 1.0
        k = fr.end_tok
        if k < len(toks) and toks[k].low in words.scales:  # "two billion and a half million"
            scale = words.scales[toks[k].low]
            k += 1
            if value < 1000:  # "five and a half million"
                value, scale = value * scale, scale
        elif scale > 1:
            scale = next(words.scales[tk.low] for tk in reversed(toks[start:j]) if tk.low in words.scales)
        value += fr.value * scale
        j = k
    # "one over three", "1 out of 3"
    if j + 1 < len(toks) and toks[j].low in ("over", "out"):
        k = j + 1
        if toks[j].low == "out" and toks[k].low == "of":
            k += 1
        den = _parse_cardinal(toks, k, text) if k < len(toks) else None
        if den is not None and den.value and (den.end_tok == len(toks) or toks[den.end_tok].kind == "sym"):
            return _Parsed(den.end_tok, sign * value / den.value)
    return _Parsed(j, sign * value)


def _is_lonely_one(toks: list[_Tok], i: int, end: int) -> bool:
    """ "one" as a pronoun ("the one you mentioned", "which one") is not a number."""
    if end - i != 1 or toks[i].low != "one":
        return False
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev in ("the", "this", "that", "which", "each", "any", "no", "every", "another", "some", "last"):
        return True
    return nxt is not None and nxt.low in ("of", "another", "who", "which", "you", "is")


def find_numbers(text: str, rejected: list[str] | None = None) -> list[NumberMatch]:
    """Every number in ``text`` (longest match, left to right)."""
    words = number_words()
    toks = _tokens(text)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind == "word" and tok.low not in words.all and tok.low not in (
            "a", "an", "half", "quarter", "minus", "negative"
        ):
            i += 1
            continue
        if tok.kind == "sym" and tok.text != "-":
            i += 1
            continue
        # a digit glued to letters ("SCP-173" fine, "180ml" is a measure, handled by units)
        try:
            parsed = _parse_at(toks, i, text)
        except (ValueError, OverflowError, ZeroDivisionError):
            parsed = None
        if parsed is None or parsed.end_tok <= i or _is_lonely_one(toks, i, parsed.end_tok):
            i += 1
            continue
        s, e = toks[i].start, toks[parsed.end_tok - 1].end
        try:
            value = check_value(parsed.value, text[s:e])
        except AbsurdNumber as exc:
            if rejected is not None:
                rejected.append(str(exc))
            i = parsed.end_tok
            continue
        out.append(NumberMatch(s, e, text[s:e], value))
        i = parsed.end_tok
    return out


def parse_number(text: str) -> float | None:
    """Value of ``text`` when the whole of it is one number expression, else None.

    Raises :class:`AbsurdNumber` for overflow, NaN or values beyond :data:`MAX_ABS`.
    """
    toks = _tokens(text.strip())
    if not toks:
        return None
    try:
        parsed = _parse_at(toks, 0, text.strip())
    except (ValueError, OverflowError, ZeroDivisionError):
        raise AbsurdNumber(f"not a number: {text!r}") from None
    if parsed is None or parsed.end_tok != len(toks):
        if len(toks) == 1 and toks[0].kind == "num":
            return check_value(digits_value(toks[0].text), text)
        return None
    return check_value(parsed.value, text)


def with_approx(text: str, m: NumberMatch) -> NumberMatch:
    """Mark ``m`` approximate when an approximation cue stands right before it."""
    words = number_words()
    before = text[max(0, m.start - 20):m.start].lower()
    for cue in words.approx_before:
        if re.search(rf"(?:^|\W){re.escape(cue)}\s*\$?\s*$", before):
            return replace(m, approximate=True)
    return m


__all__ = [
    "AbsurdNumber", "MAX_ABS", "NumberMatch", "NumberWords", "number_words", "check_value", "digits_value", "find_numbers",
    "parse_number", "with_approx",
]
