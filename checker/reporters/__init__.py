"""Every view of a Report, one module each, all in one table.

A reporter's module has `render(report, colour) -> str` (or an iterator of str pieces): a pure function of the
Report, in the report's language, with every word from the message catalogue (checker/i18n.py). `check --format`
offers the formats that are a stream for a terminal, a pipeline or a file (STREAMS); the HTML portfolio and the
dossier are views of their own commands (`report`, `gate`), which call their modules with what they need besides
the Report (the descriptors, the stage, the configuration files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from checker.model import Report

Renderer = Callable[[Report, bool], str | Iterable[str]]

# format name -> module in this package, or "module:function" for a second view of one module (the text module's
# full and concise forms share its lines and summary); modules load only when their format is asked for
FORMATS = {
    "text": "text",
    "full": "text:render_full",
    "concise": "text:concise",
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
STREAMS = ("text", "full", "concise", "json", "sarif", "junit", "github", "gitlab", "markdown")

# the formats for a person at a terminal: coloured when written to a TTY and NO_COLOR is not set
COLOURED = ("text", "full", "concise")


def renderer(name: str) -> Renderer:
    module, _, function = FORMATS[name].partition(":")
    return getattr(import_module(f"checker.reporters.{module}"), function or "render")
