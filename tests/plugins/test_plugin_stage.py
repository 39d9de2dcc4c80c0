"""A stage from another package: found through its entry point, configured by its own table.

The example package (``tests/plugins/hedges``) is made visible to ``importlib.metadata`` the way pip
would install it: a ``*.dist-info`` folder with its ``entry_points.txt`` on a temporary ``sys.path``
entry. Nothing is installed and nothing is fetched.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, ClassVar

import pytest

from newsgraph.config import default_config, load_config
from newsgraph.errors import ConfigError, PipelineError
from newsgraph.model import Article
from newsgraph.nlp import NlpStage
from newsgraph.pipeline import DEFAULT_STAGES, Pipeline
from newsgraph.stages import plugin_stages, register_stage

PACKAGE = Path(__file__).parent / "hedges"
TEXT = "Rebels reportedly seized the town of Homs on Monday.\n\nThe weather was mild and dry."


@pytest.fixture()
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example package on sys.path with the dist-info pip would write from its pyproject."""
    project = tomllib.loads((PACKAGE / "pyproject.toml").read_text("utf-8"))["project"]
    info = tmp_path / f"newsgraph_hedges-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", "utf-8")
    lines = ["[newsgraph.stages]"] + [f"{k} = {v}" for k, v in project["entry-points"]["newsgraph.stages"].items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.syspath_prepend(str(PACKAGE))
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_the_entry_point_names_the_stage(installed: Path) -> None:
    assert plugin_stages() == {"hedges": "newsgraph_hedges:HedgeStage"}


def test_installed_but_not_configured_stays_off(installed: Path) -> None:
    assert Pipeline.from_config().names == list(DEFAULT_STAGES)


def test_its_table_turns_it_on_after_the_stage_it_names(installed: Path) -> None:
    cfg = default_config().with_overrides(stages__hedges={"words": ["reportedly"]})
    pipe = Pipeline.from_config(cfg)
    assert pipe.names == [*DEFAULT_STAGES[:DEFAULT_STAGES.index("quotes") + 1], "hedges",
                          *DEFAULT_STAGES[DEFAULT_STAGES.index("quotes") + 1:]]
    art = pipe.extract_text(TEXT)
    assert art.stats["hedges"] == [{"word": "reportedly", "start": 7, "end": 17, "verb": "seized"}]
    assert TEXT[7:17] == "reportedly"


def test_its_cues_get_their_sentences_parsed(installed: Path) -> None:
    cfg = default_config().with_overrides(stages__hedges={"words": ["mild"]})
    pipe = Pipeline.from_config(cfg, stages=["clean", "nlp", "hedges"])
    art = Article(text=TEXT)
    for stage in pipe.stages:  # by hand, so that the segments stay on the article
        stage(art)
    assert [s.parsed for s in art.segments] == [False, True]


def test_a_user_file_configures_it(installed: Path, tmp_path: Path) -> None:
    user = tmp_path / "my.toml"
    user.write_text('[stages.hedges]\nwords = ["allegedly"]\n', "utf-8")
    cfg = load_config(user)
    assert cfg.stages["hedges"] == {"words": ["allegedly"]}
    assert "hedges" in Pipeline.from_config(cfg).names
    user.write_text('[stages.hedges]\nwords = ["allegedly"]\nenabled = false\n', "utf-8")
    assert "hedges" not in Pipeline.from_config(load_config(user)).names


def test_its_own_model_rejects_a_bad_key(installed: Path) -> None:
    cfg = default_config().with_overrides(stages__hedges={"colour": "red"})
    with pytest.raises(ConfigError, match=r"stages\.hedges\.colour"):
        Pipeline.from_config(cfg)
    cfg = default_config().with_overrides(stages__hedges={"words": []})
    with pytest.raises(ConfigError, match=r"stages\.hedges\.words"):
        Pipeline.from_config(cfg)


def test_a_table_for_no_installed_stage_is_an_error() -> None:
    cfg = default_config().with_overrides(stages__sentiment={"threshold": 0.5})
    with pytest.raises(ConfigError, match=r"\[stages\.sentiment\] names no installed stage"):
        Pipeline.from_config(cfg)


def test_a_built_in_stage_takes_no_table() -> None:
    cfg = default_config().with_overrides(stages__actors={"media_as_actors": True})
    with pytest.raises(ConfigError, match="stage 'actors' takes no settings"):
        Pipeline.from_config(cfg)


# -- in one process, without packaging ------------------------------------------------------------
class NoCues:
    """Reads the segments and declares no cues: every sentence must be parsed for it."""

    name: ClassVar[str] = "no_cues"
    requires: ClassVar[tuple[str, ...]] = ("segments",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        return article


class ReadsNoParse(NoCues):
    name: ClassVar[str] = "reads_no_parse"

    def triage_cues(self) -> frozenset[str]:
        return frozenset()


def parsed_flags(pipe: Pipeline, text: str) -> list[bool]:
    art = Article(text=text)
    for stage in pipe.stages:
        stage(art)
    return [s.parsed for s in art.segments]


def test_a_stage_without_cues_means_parse_everything() -> None:
    text = "The sky was blue over the lake.\n\nThe grass was green."
    assert parsed_flags(Pipeline([NlpStage(), ReadsNoParse()]), text) == [False, False]
    assert parsed_flags(Pipeline([NlpStage(), ReadsNoParse(), NoCues()]), text) == [True, True]


def test_add_stage_places_it_and_retells_the_cues() -> None:
    pipe = Pipeline([NlpStage(), ReadsNoParse()])
    text = "The sky was blue over the lake."
    assert parsed_flags(pipe, text) == [False]
    pipe.add_stage(NoCues(), after="nlp")
    assert pipe.names == ["nlp", "no_cues", "reads_no_parse"]
    assert parsed_flags(pipe, text) == [True]


def test_add_stage_checks_the_order() -> None:
    pipe = Pipeline([NlpStage()])
    with pytest.raises(PipelineError, match="requires segments"):
        Pipeline([]).add_stage(NoCues())
    with pytest.raises(PipelineError, match="already has a stage named 'nlp'"):
        pipe.add_stage(NlpStage())
    with pytest.raises(PipelineError, match="no stage named 'quotes'"):
        pipe.add_stage(NoCues(), after="quotes")
    assert pipe.names == ["nlp"]


def test_register_stage_checks_the_contract() -> None:
    with pytest.raises(PipelineError, match="no valid 'name'"):
        @register_stage()
        class Nameless:  # noqa: F841 - the decorator raises
            requires: ClassVar[tuple[str, ...]] = ()
            assigns: ClassVar[tuple[str, ...]] = ()

    with pytest.raises(PipelineError, match="from_config"):
        @register_stage()
        class NoFactory:  # noqa: F841
            name: ClassVar[str] = "no_factory"
            requires: ClassVar[tuple[str, ...]] = ()
            assigns: ClassVar[tuple[str, ...]] = ()

            def __call__(self, article: Any) -> Any:
                return article
