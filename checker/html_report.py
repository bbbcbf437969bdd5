"""Compatibility shim: the portfolio view is a reporter, checker/reporters/html.py.

`render(report, lang, descriptors)` is the full view (reporters.html.portfolio); the reporters' table renders it
through reporters.html.render(report, colour).
"""

from checker.reporters.html import (DUE_WITHIN_DAYS, INSTALL, Descriptor, add_months, escape, load_descriptors,
                                    portfolio as render)

__all__ = ["DUE_WITHIN_DAYS", "INSTALL", "Descriptor", "add_months", "escape", "load_descriptors", "render"]
