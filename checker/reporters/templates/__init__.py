"""The HTML reporters' Jinja2 templates and stylesheet, shipped in the wheel beside this module.

Every value a template writes is made visible (reporters.common.visible: no control, bidi or invisible character
survives) and then HTML-escaped by Jinja2's autoescaping; only Markup built by the checker itself is written as is.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


def _finalize(value: Any) -> Any:
    from markupsafe import Markup

    from checker.reporters.common import visible

    if value is None:
        return ""
    return value if isinstance(value, Markup) else visible(value)


@lru_cache(maxsize=1)
def environment() -> Any:
    try:
        import jinja2
    except ImportError:
        from checker.errors import UsageError
        from checker.i18n import message
        from checker.reporters.html import INSTALL

        raise UsageError(message("html.needs_extra", package="Jinja2", install=INSTALL)) from None
    return jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE), autoescape=True, finalize=_finalize,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              trim_blocks=True, lstrip_blocks=True)


def page(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values)


def resource(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")
