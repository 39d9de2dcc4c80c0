"""Configuration: defaults shipped in the package, a user TOML file layered on top, validated."""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NlpConfig(_Section):
    model: str
    batch_size: int = Field(gt=0)
    triage: bool
    max_sentence_tokens: int = Field(gt=10)
    max_chars: int = Field(gt=0)


class PipelineConfig(_Section):
    stage_timeout_s: float = Field(ge=0)
    article_timeout_s: float = Field(default=60.0, ge=0)


class InputConfig(_Section):
    max_bytes: int = Field(gt=0)
    encoding_fallback: bool


class CleanConfig(_Section):
    enabled: bool


class ActorsConfig(_Section):
    dictionaries: list[str]
    petrarch_actors: list[str]
    petrarch_agents: list[str]
    media_as_actors: bool


class EventsConfig(_Section):
    patterns: list[str]
    petrarch_verbs: list[str]
    petrarch_discards: list[str]
    max_sentence_chars: int = Field(gt=0)
    statements: bool = True
    min_confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class QuotesConfig(_Section):
    max_quote_chars: int = Field(gt=0)


class PlacesConfig(_Section):
    min_population: int = Field(ge=0)


class StoreConfig(_Section):
    batch_size: int = Field(gt=0)
    cluster_window_days: int = Field(ge=0)


#: Top-level tables whose keys are not fixed: ``[stages.<name>]``, one per stage, each validated
#: by that stage's own settings model when the pipeline is built.
OPEN_TABLES = frozenset({"stages"})

#: The key of a ``[stages.<name>]`` table that turns an added stage off while keeping its settings.
ENABLED_KEY = "enabled"

M = TypeVar("M", bound=BaseModel)


class Config(_Section):
    nlp: NlpConfig
    pipeline: PipelineConfig
    input: InputConfig
    clean: CleanConfig
    actors: ActorsConfig
    events: EventsConfig
    quotes: QuotesConfig
    places: PlacesConfig
    store: StoreConfig
    stages: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def stage_enabled(self, name: str) -> bool:
        """Whether a ``[stages.<name>]`` table turns an added stage on (its presence does)."""
        table = self.stages.get(name)
        return table is not None and table.get(ENABLED_KEY, True) is not False

    def stage_settings(self, name: str, model: type[M]) -> M:
        """The ``[stages.<name>]`` table validated by ``model`` (its defaults when there is none).

        Raises :class:`ConfigError` naming the table and key on an unknown key or a bad value.
        """
        table = {k: v for k, v in self.stages.get(name, {}).items() if k != ENABLED_KEY}
        try:
            return model.model_validate(table)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"invalid setting stages.{name}.{loc}: {first['msg']}", input=f"[stages.{name}]",
                              hint=f"see the documentation of the '{name}' stage for its settings") from None

    def with_overrides(self, **dotted: Any) -> Config:
        """A copy with ``section__key=value`` overrides (None values are ignored).

        ``stages__<name>={...}`` sets keys of the ``[stages.<name>]`` table of an added stage.
        """
        data = self.model_dump()
        for key, value in dotted.items():
            if value is None:
                continue
            section, _, name = key.partition("__")
            if section in OPEN_TABLES and name:
                if not isinstance(value, dict):
                    raise ConfigError(f"{section}.{name} must be a table (a dict of settings)", input="overrides")
                data[section][name] = {**data[section].get(name, {}), **value}
                continue
            if section not in data or name not in data[section]:
                raise ConfigError(f"unknown setting {section}.{name}")
            data[section][name] = value
        return _validate(data, "overrides")


def _defaults() -> dict[str, Any]:
    text = resources.files("newsgraph").joinpath("data/config.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], top: dict[str, Any], where: str, *, top_level: bool = True) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if top_level and key in OPEN_TABLES:
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"'{key}' must hold one table per stage, e.g. [{key}.my_stage]", input=where)
            merged = dict(base.get(key, {}))
            for name, table in value.items():
                merged[name] = {**merged.get(name, {}), **table}
            out[key] = merged
            continue
        if key not in base:
            raise ConfigError(f"unknown setting '{key}'", input=where)
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"'{key}' must be a table", input=where)
            out[key] = _merge(base[key], value, where, top_level=False)
        else:
            out[key] = value
    return out


def _validate(data: dict[str, Any], where: str) -> Config:
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid setting {loc}: {first['msg']}", input=where) from None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Defaults, then ``path`` (or ``$NEWSGRAPH_CONFIG``) layered on top."""
    data = _defaults()
    if path is None:
        path = os.environ.get("NEWSGRAPH_CONFIG") or None
    if path is not None:
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError("config file not found", input=str(p)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"not valid TOML: {exc}", input=str(p)) from None
        data = _merge(data, user, str(p))
    return _validate(data, str(path) if path else "defaults")


def default_config() -> Config:
    """The shipped defaults alone (no user file)."""
    return _validate(_defaults(), "defaults")
