"""A test stage for the worker-pool tests, importable by the worker processes (factory
``scale_stages:commands_pipeline``): no model, so a worker starts in about a second.

Its text commands: ``nap NNNms`` sleeps, ``HANG`` runs a regular expression whose backtracking
never ends inside C code (the GIL held, no signal handler runs: what SIGALRM could not stop),
``DIE`` kills its own process.
"""

from __future__ import annotations

import os
import re
import signal
import time

from newsgraph.config import Config
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline

#: Exponential backtracking: (a+)+$ against 'a' * 64 + 'b' tries about 2**64 ways.
RUNAWAY = re.compile(r"(a+)+$")


class Commands:
    name = "commands"
    requires = ("text",)
    assigns = ("stats",)

    def __call__(self, article: Article) -> Article:
        nap = re.search(r"nap (\d+)ms", article.text)
        if nap:
            time.sleep(int(nap.group(1)) / 1000)
        if "HANG" in article.text:
            RUNAWAY.match("a" * 64 + "b")
        if "DIE" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        article.stats["chars"] = len(article.text)
        article.stats["pid"] = os.getpid()
        return article


def commands_pipeline(config: Config) -> Pipeline:
    return Pipeline([Commands()], config)
