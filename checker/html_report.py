"""Compatibility shim: the portfolio view is a reporter, checker/reporters/html.py.

`render(report, lang, descriptors)` is the full view (reporters.html.portfolio); the reporters' table renders it
through reporters.html.render(report, colour).
"""

from checker.reporters.html import DUE_WITHIN_DAYS, INSTALL, Deadline, Descriptor, add_months, deadline, docs_base_link, escape, load_descriptors, look_ahead, source_kind
from checker.reporters.html import portfolio as render

__all__ = ["DUE_WITHIN_DAYS", "INSTALL", "Deadline", "Descriptor", "add_months", "deadline", "docs_base_link", "escape", "load_descriptors", "look_ahead", "render", "source_kind"]
