"""Boilerplate and site-tail removal, and the dateline parser.

Cleaning works on whole lines (paragraphs): a line is cut only when the *whole line* is a
widget or site tail (comment form, share/subscribe prompt, newsletter sign-up, cookie notice,
"Advertisement", "Click here to ...", a "Related stories" header and the headline list under it).
Article sentences that merely mention comments or sharing are kept. What was cut is listed in
``article.removed`` (text + reason). The cleaned text becomes ``article.text``; ``raw_text`` keeps
the text as read.

One cut is inside a line: a run of over :data:`MAX_SYMBOL_RUN` characters none of which is a
letter, digit or space (a flood of quote marks, punctuation or emoji) keeps only its first
:data:`MAX_SYMBOL_RUN` characters (reason ``symbol-run``). No article has such a run, and spaCy's
tokenizer splits one character at a time off it, at a cost that grows with the square of its length
(100,000 quote marks: over ten minutes).

The dateline ("WASHINGTON (Reuters) -", "MOSCOW, Dec 6 (AFP) —") is parsed from the start of the
cleaned text into ``article.dateline`` and left in the text.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from .config import Config
from .errors import EmptyInputError
from .model import Article, Removed

# -- line patterns (each matched against a whole, stripped line, case-insensitive) --------------
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_SOCIAL = (
    r"share|tweet|e-?mail|print|pin(?: it)?|facebook|twitter|linkedin|whatsapp|reddit|telegram|"
    r"pinterest|copy(?: the)? link|flipboard|messenger|tumblr|pocket|bluesky|threads|mastodon|sms|comments?|"
    r"digg(?: this)?|stumbleupon|delicious"
)

_LINE_RULES: tuple[tuple[str, str], ...] = (
    # comment forms and comment-section chrome
    ("comment-form", r"be the first to comment(?: on (?:this|the) (?:article|story|post|item))?[.!]?"),
    ("comment-form", r"(?:leave|post|add|write|submit) (?:a |your )?(?:reply|comment|response)"
                     r"(?: cancel reply)?[.!:]?"),
    ("comment-form", r"cancel reply"),
    ("comment-form", r"your email address will not be published\.?(?: required fields are marked ?\*\.?)?"),
    ("comment-form", r"required fields are marked ?\*\.?"),
    ("comment-form", r"save my name,? e-?mail,? and website in this browser for the next time i comment\.?"),
    ("comment-form", r"notify me of (?:follow-?up comments|new posts|new comments)[\w ,]*(?:by|via) e-?mail\.?"),
    ("comment-form", r"this site uses akismet to reduce spam\.?(?: learn how your comment data is processed\.?)?"),
    ("comment-form", r"you must be (?:logged in|registered) to post a comment\.?"),
    ("comment-form", r"(?:log ?in|sign ?in) to (?:comment|reply|post a comment)\.?"),
    ("comment-form", r"comments? (?:are|is) (?:closed|disabled)\.?"),
    ("comment-form", r"(?:\d+|no) comments?(?: yet)?(?: so far)?[.!]?"),
    ("comment-form", r"(?:view|show|load|see|read) (?:all )?(?:the )?(?:\d+ )?comments?"),
    ("comment-form", r"join the (?:conversation|discussion)[.!]?"),
    ("comment-form", r"(?:what do you think|have your say)\?? ?(?:leave a comment(?: below)?\.?)?"),
    # share / follow prompts
    ("share-prompt", rf"(?:{_SOCIAL})\b(?:[\s:|/·•,-]+(?:{_SOCIAL}|x)\b){{0,12}}[\s:|/·•,-]*"),
    ("share-prompt", r"share (?:this|the) (?:article|story|post|page|video)(?: on \w+| with [\w ]+| via \w+)?[.!:]?"),
    ("share-prompt", r"share (?:on|via) \w+[.!:]?"),
    ("share-prompt", r"share (?:this|it)(?: with [\w ]{1,30})?[.!:]?"),
    ("share-prompt", r"click to (?:share|email|print)(?: (?:this )?(?:on|to) [\w ]+)?(?: \(opens in new window\))?"),
    ("share-prompt", r"follow us on [\w ,&]+[.!]?"),
    ("share-prompt", r"like us on facebook[\w ,&]*[.!]?"),
    # subscribe / newsletter
    ("newsletter", r"subscribe(?: now| today| here)?(?: to (?:our|the|this) [\w' -]{1,60})?[.!]?"),
    ("newsletter", r"(?:sign up|signup|register|subscribe) (?:for|to) (?:our|the|a) [\w' -]{0,60}"
                   r"(?:newsletter|e-?mails?|alerts?|briefing|digest)s?\b.{0,150}"),
    ("newsletter", r"(?:get|receive) (?:our|the) [\w' -]{0,60}(?:newsletter|alerts?|briefing|digest)\b.{0,150}"),
    ("newsletter", r"newsletter(?: sign[- ]?up)?[.!:]?"),
    ("newsletter", r"enter your e-?mail(?: address)?\b.{0,120}"),
    ("newsletter", r"by (?:signing up|subscribing|clicking [\w\" ]+),? you agree to .{0,250}"),
    ("newsletter", r"thank you for (?:signing up|subscribing)[.!]?.{0,120}"),
    # cookie notices
    ("cookie-notice", r"(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.{0,400}"),
    ("cookie-notice", r"by (?:using|continuing to (?:use|browse)) (?:this|our) (?:web)?site,? you "
                      r"(?:agree|consent) to (?:the|our) use of cookies\b.{0,300}"),
    ("cookie-notice", r"(?:accept|reject|manage) (?:all )?cookies|cookie (?:policy|settings|preferences)"),
    # advertisements
    ("advertisement", r"advertisements?|advert|ad|sponsored(?: content)?|paid content|"
                      r"(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|"
                      r"continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|"
                      r"skip advert(?:isement)?"),
    # click prompts and "read more" links
    ("click-prompt", r"click here(?: to| for)\b.{0,200}"),
    ("related-link", r"(?:read more|also read|related|see also|more|recommended|watch|listen)\s*:\s*.{0,200}"),
    ("related-link", r"(?:read|see) (?:more|the full (?:story|article))(?: here| at \S+)?[.!]?"),
    ("related-link", r"also on [\w.-]+\.[a-z]{2,}\b.{0,200}"),
    ("share-prompt", r"(?:like|enjoyed?|love) this (?:story|article|post)\?.{0,80}"),
    ("comment-form", r"tell us what you think.{0,40}"),
    # page furniture: tags, reprints, copyright, contact, timestamps, markup
    ("tags", r"(?:tags|tagged|topics|filed under|categories|keywords)(?:\s*:.{0,300})?"),
    ("page-furniture", r"(?:order reprints?|print (?:this )?article|text size|reprints? (?:&|and) permissions|"
                       r"this article has been sent to.{0,60}|an error has occurred,? please try again(?: later)?\.?|"
                       r"this copy is for your personal,? non-commercial use only\b.{0,400})"),
    ("copyright", r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|[\w&.,' -]{1,60}\d{4}).{0,160}"),
    ("copyright", r"all rights reserved\.?"),
    ("markup", r"\[\w+[^\]]*\].{0,200}\[/\w+\]"),
    ("markup", r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?|\|\s*\|"),
    ("contact", r"(?:write to|contact|email|e-mail|reach) [\w .'-]{1,60} (?:at|via|on) \S+@\S+"),
    ("timestamp", rf"(?:updated|last updated|published|posted|first published)"
                  rf"(?=.*(?:\d{{4}}|\d{{1,2}}:\d{{2}}|\b[ap]\.?m\b|\b{_MONTH}\b))(?: on| at)?:? "
                  rf"(?:{_MONTH}|{_WEEKDAY}|\d)[\w ,:./-]{{2,60}}"),
)
_LINE_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(rf"(?:{pat})", re.IGNORECASE)) for reason, pat in _LINE_RULES
)

#: Header of a list of links to other stories; the short headline lines under it go too.
_RELATED_HEADER = re.compile(
    r"(?:related|recommended|more|trending|popular|most (?:read|popular|viewed)|latest|top|further)"
    r"(?: (?:stories|articles|posts|news|content|coverage|reading|links|videos|headlines|in [\w ]{1,30}|"
    r"from [\w .'-]{1,40}|on this (?:story|topic)))?[.:]?|"
    r"(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|read (?:next|these next)|"
    r"what to read next|don'?t miss|more on this(?: story| topic)?|related topics)[.:]?",
    re.IGNORECASE,
)
#: Comment-form field labels, removed only inside a comment form.
_FORM_LABEL = re.compile(
    r"(?:name|e-?mail|website|url|comment|message|reply|post comment|submit|δ|\*)\s*\*?\s*(?:\(required\))?",
    re.IGNORECASE,
)
#: Header of a reader-comment section ("Comments", "12 Responses to ...", "3 thoughts on ...").
_COMMENTS_HEADER = re.compile(
    r"(?:(?:\d+|one|two|three|no)\s+(?:comments?|responses?|replies|reactions?|thoughts?)(?: (?:to|on) .{1,200})?|"
    r"(?:reader |user |readers'? )?(?:comments?|responses?|replies|trackbacks?|trackback pings|pingbacks?)"
    r"(?: ?\(\d+\))?)[.:]?",
    re.IGNORECASE,
)
#: The signature line of one reader comment ("Posted by: Ann at May 2, 2012 9:01 AM", "Ann says:").
_COMMENT_SIGNATURE = re.compile(
    r"(?:(?:posted|written|submitted) by:?\s*.{1,80}?\s(?:at|on|@|\||-)\s.{4,60}|"
    r"[\w .'@-]{1,60}\s(?:says|writes)\s*(?:on .{4,60})?:|"
    r"[\w .'@-]{1,60}\s(?:on|at)\s[^:]{0,30}\d[^:]{0,30}\s(?:said|wrote):|"
    r"(?:reply|report abuse|report comment|permalink|flag as inappropriate)(?: to .{1,60})?)",
    re.IGNORECASE,
)
_MAX_WIDGET_CHARS = 450
_HEADLINE_MAX = 160

#: The longest run of characters without a letter, digit or space that the cleaner keeps whole.
MAX_SYMBOL_RUN = 64
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN + 1},}}")


def cut_symbol_runs(text: str) -> tuple[str, list[Removed]]:
    """The text with every run of over MAX_SYMBOL_RUN non-word, non-space characters cut to its
    first MAX_SYMBOL_RUN, and what was cut (reason ``symbol-run``)."""
    cut: list[Removed] = []

    def keep(m: re.Match[str]) -> str:
        cut.append(Removed(text=m.group()[MAX_SYMBOL_RUN:], reason="symbol-run"))
        return m.group()[:MAX_SYMBOL_RUN]

    return _SYMBOL_RUN.sub(keep, text), cut


def _line_reason(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > _MAX_WIDGET_CHARS:
        return None
    for reason, rx in _LINE_RES:
        if rx.fullmatch(s):
            return reason
    return None


def _is_headline(line: str) -> bool:
    """A short link-like line: no sentence end, or ends with '...'."""
    s = line.strip()
    if not s or len(s) > _HEADLINE_MAX:
        return False
    if s.endswith(("...", "…")):
        return True
    if s[-1] in ".!\"”’'" and len(s.split()) > 6:
        return False
    return len(s.split()) <= 20


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def clean_text(text: str) -> tuple[str, list[Removed]]:
    """Cleaned text and the list of what was removed (in text order).

    Only whole lines are removed (and the tails of absurd symbol runs, :func:`cut_symbol_runs`);
    paragraph breaks are kept, runs of blank lines collapse to one.
    """
    text, runs = cut_symbol_runs(text)
    spans = _lines(text)
    reasons: list[str | None] = [None] * len(spans)
    cut = _comment_section(text, spans)
    if cut is not None:
        for j in range(cut, len(spans)):
            reasons[j] = "comments"
        spans_checked = spans[:cut]
    else:
        spans_checked = spans
    in_form = False
    related_from = -1
    for i, (a, b) in enumerate(spans_checked):
        line = text[a:b]
        s = line.strip()
        if not s:
            continue
        if in_form and len(s) <= 40 and _FORM_LABEL.fullmatch(s):
            reason: str | None = "comment-form"
        else:
            reason = _line_reason(line)
        if reason is None and len(s) <= 60 and _RELATED_HEADER.fullmatch(s) and _next_is_headline(text, spans_checked, i):
            reason = "related-list"
            related_from = i
        elif reason is None and related_from >= 0 and _is_headline(line):
            reason = "related-list"
        elif reason is None and i > 0 and _after_tags(text, spans, i, reasons) and _is_tag_list(s):
            reason = "tags"
        elif reason != "related-list" and reason != "related-link":
            related_from = -1
        if reason is not None:
            reasons[i] = reason
            in_form = in_form or reason == "comment-form"
        else:
            in_form = False
    if not any(reasons):
        return text, runs
    removed: list[Removed] = list(runs)
    kept: list[str] = []
    group_reason: str | None = None
    group_start = group_end = 0
    for (a, b), reason in zip(spans, reasons, strict=True):
        if reason is None:
            if text[a:b].strip():
                if group_reason is not None:
                    removed.append(Removed(text=text[group_start:group_end], reason=group_reason))
                    group_reason = None
            kept.append(text[a:b])
            continue
        if reason == group_reason:
            group_end = b
        else:
            if group_reason is not None:
                removed.append(Removed(text=text[group_start:group_end], reason=group_reason))
            group_reason, group_start, group_end = reason, a, b
    if group_reason is not None:
        removed.append(Removed(text=text[group_start:group_end], reason=group_reason))
    out = "\n".join(kept)
    out = re.sub(r"[ \t]+\n", "\n", out)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    for r in removed:
        r.text = r.text.strip()
    return out, removed


def _comment_section(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Index of the line where a reader-comment section starts: a comments header followed by
    at least two comment signatures. None when there is no such section."""
    lines = [text[a:b].strip() for a, b in spans]
    sig = [len(s) <= 200 and bool(_COMMENT_SIGNATURE.fullmatch(s)) for s in lines]
    after = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        after[i] = after[i + 1] + sig[i]
    for i, s in enumerate(lines):
        if s and len(s) <= 120 and after[i + 1] >= 2 and _COMMENTS_HEADER.fullmatch(s):
            return i
    return None


def _after_tags(text: str, spans: list[tuple[int, int]], i: int, reasons: list[str | None]) -> bool:
    for j in range(i - 1, -1, -1):
        a, b = spans[j]
        if text[a:b].strip():
            return reasons[j] == "tags"
    return False


def _is_tag_list(s: str) -> bool:
    """'a, b, c, d' with short items and no sentence end."""
    items = [x.strip() for x in re.split(r"[,|;·•]", s)]
    return (len(items) >= 3 and all(0 < len(x.split()) <= 6 for x in items)
            and not s.rstrip().endswith((".", "!", "?")))


def _next_is_headline(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    for a, b in spans[i + 1:]:
        line = text[a:b]
        if line.strip() and _line_reason(line) is None:
            return _is_headline(line)
    return True  # a header at the very end (or before other widgets only) is itself a tail


# -- dateline ---------------------------------------------------------------------------------
_CAPS_PLACE = r"[A-Z][A-Z.'\-]+(?:[ /][A-Z][A-Z.'\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3}"
_REGION = r"(?:,\s*(?!" + _MONTH + r"\s)[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2})?"
_DATE = r"(?:,?\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
_SOURCE = r"\s*\((?P<source>[A-Z][\w .&'/-]{0,40})\)"
_DASH = r"\s*(?P<dash>--|[-—–\ufffd]|:)"  # U+FFFD: a dash lost to a wrong decoding
_DATELINE_CAPS = re.compile(
    r"(?P<place>" + _CAPS_PLACE + _REGION + r")" + _DATE + r"(?:" + _SOURCE + r")?" + _DASH + r"\s"
)
_DATELINE_TITLE = re.compile(
    r"(?P<place>" + _TITLE_PLACE + _REGION + r")" + _DATE + _SOURCE + _DASH + r"\s"
)


def parse_dateline(text: str) -> dict[str, Any] | None:
    """The dateline at the start of ``text`` (offsets into ``text``), or None."""
    lead = len(text) - len(text.lstrip())
    head = text[lead:lead + 200]
    for rx in (_DATELINE_CAPS, _DATELINE_TITLE):
        m = rx.match(head)
        if m is None:
            continue
        place = m.group("place").strip()
        source = m.group("source")
        if rx is _DATELINE_CAPS and source is None and m.group("dash") == ":":
            continue  # "NOTE:", "UPDATE:" are not datelines
        if len(place.split(",")[0].replace(".", "")) < 2:
            continue
        out: dict[str, Any] = {
            "place": place,
            "source": source.strip() if source else None,
            "start": lead,
            "end": lead + m.end("dash"),
        }
        if m.group("date"):
            out["date"] = m.group("date")
        return out
    return None


class CleanStage:
    """Removes boilerplate lines (listing them in ``removed``) and parses the dateline."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("text", "removed")

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled

    @classmethod
    def from_config(cls, config: Config) -> CleanStage:
        return cls(enabled=config.clean.enabled)

    def __call__(self, article: Article) -> Article:
        if article.raw_text is None:
            article.raw_text = article.text
        if self.enabled:
            text, removed = clean_text(article.text)
            if removed and not text.strip():
                raise EmptyInputError(
                    "nothing is left after removing boilerplate", input=article.input or article.id or None,
                    hint="the text holds only site furniture (comment forms, share prompts ...); check the input",
                )
            if removed:
                article.text = text
                seen = {(r.text, r.reason) for r in article.removed}
                article.removed.extend(r for r in removed if (r.text, r.reason) not in seen)
        if article.dateline is None:
            article.dateline = parse_dateline(article.text)
        return article


__all__ = ["MAX_SYMBOL_RUN", "CleanStage", "clean_text", "cut_symbol_runs", "parse_dateline"]
