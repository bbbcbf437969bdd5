"""Output formats: each a pure function of the Report."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from checker.model import Report

Renderer = Callable[[Report, bool], str]

# format name -> module in this package; modules load only when their format is asked for
FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "markdown": "markdown",
}


def renderer(name: str) -> Renderer:
    return import_module(f"checker.reporters.{FORMATS[name]}").render
