"""Every view of a Report, one module each, all in one table.

A reporter's module has `render(report, colour) -> str` (or an iterator of str pieces): a pure function of the
Report, in the report's language, with every word from the message catalogue (checker/i18n.py). `check --format`
offers the formats that are a stream for a terminal, a pipeline or a file (STREAMS); the HTML portfolio and the
dossier are views of their own commands (`report`, `gate`), which call their modules with what they need besides
the Report (the descriptors, the stage, the configuration files).
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable, Iterable, Union

from checker.model import Report

Renderer = Callable[[Report, bool], Union[str, Iterable[str]]]

# format name -> module in this package; modules load only when their format is asked for
FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "markdown": "markdown",
    "html": "html",
    "dossier": "dossier",
}

# the formats `check --format` writes
STREAMS = ("text", "json", "sarif", "junit", "github", "gitlab", "markdown")


def renderer(name: str) -> Renderer:
    return import_module(f"checker.reporters.{FORMATS[name]}").render
