"""The pieces of the date grammar: regular expressions for month and weekday names, days, years
(digits or words), counts and calendar units, shared by the handler modules.

Each piece is a string (to be combined, then compiled by :func:`registry.rule`); pieces with a
named group say so (``MONTH`` captures ``mon``). Group names matter: handlers read them.
"""

from __future__ import annotations

from .vocabulary import DAY_WORDS, MONTHS, ORDINALS, PAPER_WORDS, TEEN_WORDS, TEN_WORDS, UNIT_WORDS, WEEKDAYS

NOT_AFTER_WORD = r"(?<![\w/])"  #: not inside a word or a numeric date
NOT_BEFORE_WORD = r"(?![\w/])"

#: a month name or abbreviation (group ``mon``), with an optional full stop
MONTH = (r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
         r"(?:(?<=jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.|(?<=sept)\.)?")  # "Dec." but not "December."
#: month abbreviations ("Jan", "Sept"), which take a full stop
MONTH_ABBREVIATIONS = frozenset(k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))
#: a full weekday name or a four-letter-plus abbreviation (group ``wd``)
WEEKDAY = r"(?P<wd>" + "|".join(sorted((k for k in WEEKDAYS if len(k) > 3), key=len, reverse=True)) + r")"
#: any weekday name or abbreviation (group ``wd``)
WEEKDAY_ANY = r"(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
#: a day of the month in words ("twenty-first", "thirty one"), no group
DAY_IN_WORDS = "|".join(k.replace(" ", r"[\s-]+") for k in sorted(DAY_WORDS, key=len, reverse=True))
#: a day of the month, digits with an optional ordinal suffix or words (group ``day``)
DAY = r"(?P<day>\d{1,2}(?:st|nd|rd|th)?|" + DAY_IN_WORDS + r")"
#: a day of the month, no group
DAY_NUMBER = r"(?:\d{1,2}(?:st|nd|rd|th)?|" + DAY_IN_WORDS + r")"
ORDINAL_DIGITS = r"\d{1,2}(?:st|nd|rd|th)"
#: an ordinal day: "21st", "twenty-first"
ORDINAL_DAY = r"(?:" + ORDINAL_DIGITS + "|" + DAY_IN_WORDS + ")"
TWO_DIGITS_IN_WORDS = (r"(?:(?:" + "|".join(TEN_WORDS) + r")(?:[\s-]+(?:" + "|".join(UNIT_WORDS) + r"))?|"
                       + "|".join(TEEN_WORDS) + ")")
#: a year in words: "two thousand and five", "nineteen ninety six", "seventeen hundred thirty three"
YEAR_IN_WORDS = (
    r"(?:two\s+thousand(?:(?:\s+and)?\s+(?:" + TWO_DIGITS_IN_WORDS + "|" + "|".join(UNIT_WORDS) + r"))?"
    r"|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+"
    r"(?:hundred(?:\s+and)?\s+(?:" + TWO_DIGITS_IN_WORDS + "|" + "|".join(UNIT_WORDS) + r")|"
    + TWO_DIGITS_IN_WORDS + r"))(?![\w-])"
)
#: a year from 1500 to 2199 in digits, or in words (group ``year``)
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d|21\d\d|" + YEAR_IN_WORDS + ")"
#: the same year under group ``yr`` (for patterns that also hold a month's ``year``)
YEAR_ALONE = YEAR.replace("<year>", "<yr>")
#: a second year (group ``year2``)
YEAR_SECOND = YEAR.replace("<year>", "<year2>")
#: a year, or two digits after "of" or an apostrophe ("April of 87", "July 4, '76"): groups ``year``,
#: ``yy``, ``yy2``
YEAR_OR_TWO_DIGITS = (r"(?:" + YEAR + r"|(?<=of )(?P<yy>\d\d)(?![\w%.,]\d|[\w%])(?!\s+[a-z])"
                      r"|['’](?P<yy2>\d\d)(?!\w))")
#: "in" or "of" before a year: "June 28 in 2020", "July 4th of 1995", "in the year 2000"
YEAR_OF = r"(?:(?:of|in)\s+(?:the\s+year\s+)?)?"
#: a count (group ``n``): digits, number words up to a hundred, "a few", "several", "a couple of"
COUNT_WORDS = (r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
               r"|thirty|forty|fifty|sixty|ninety|hundred|few|a few|several|a couple of|couple of|a couple|couple")
COUNT = r"(?P<n>" + COUNT_WORDS + ")"
#: a calendar unit, singular or plural (group ``unit``)
UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
#: a calendar unit up to years (group ``unit``)
UNIT_TO_YEAR = r"(?P<unit>day|week|fortnight|month|year)s?"
#: the n-th of a few (group ``nth``): "first" to "fifth", "1st" to "5th", "last"
NTH = r"(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
#: ordinal words ("first" to "thirtieth"), no group
ORDINAL_WORDS = "|".join(k for k in ORDINALS if k != "last")
#: any ordinal (group ``nth``): "12th", "twelfth", "last"
ORDINAL = r"(?P<nth>\d{1,2}(?:st|nd|rd|th)|last|" + ORDINAL_WORDS + r")"
#: a part of a period (group ``part``): "early", "mid", "the end of"
PART = r"(?P<part>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
#: a direction in time (group ``dir``)
DIRECTION = r"(?P<dir>last|past|previous|next|coming|following|upcoming)"
#: a month relative to the reference date (group ``rel``): "this month", "next month"
RELATIVE_MONTH = r"(?P<rel>this|next|last|previous|the|current)\s+month"
#: a period that holds parts: a month (and year), a year, or a relative month or year
#: (groups ``mon``, ``year``, ``yr``, ``crel``, ``cunit``)
CONTAINER = (r"(?:" + MONTH + r"(?:\s*,?\s*(?:of\s+)?" + YEAR + r")?|(?:the\s+year\s+)?" + YEAR_ALONE
             + r"|(?P<crel>this|next|last|previous|the|current|following)\s+(?P<cunit>month|year))")
#: a month with an optional year: "May", "May 2016", "May, of 2016"
MONTH_MAYBE_YEAR = MONTH + r"(?:\s*,?\s*" + YEAR + r")?"

#: after a capitalised month or season, the rest of a name: "the March of the Teachers", "Summer of Hope"
#: (not "May of 2016", "March of this year")
NAME_OF = r"\s+of\s+(?:the\s+)?[A-Z][a-z]"
#: after a capitalised weekday, the rest of a newspaper's name: "The Sunday Times", "Sunday Telegraph"
PAPER_NAME = r"\s+(?:" + "|".join(w.capitalize() for w in sorted(PAPER_WORDS)) + r")\b"
