"""Every word the reporters, the HTML portfolio and the dossier show: one message catalogue per language.

The catalogues are `checker/locale/<lang>.json`, flat objects from a dotted key to a message. A message is a
string with `{name}` placeholders (str.format), a list of strings (a table's column headers), or a plural entry
{"one": ..., "other": ...} chosen by a count. Both catalogues hold the same keys with the same placeholders
(tests/test_i18n.py), so a language can never fall back to another's words.

    text("nl", "run.skipped_file", reason="uitgesloten")   -> "niet gecontroleerd: uitgesloten"
    plural("nl", "markdown.services", 1)                   -> "1 dienst"
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT = "nl"  # the checker speaks Dutch unless asked otherwise

_LOCALE = Path(__file__).with_name("locale")


def language(lang: str | None) -> str:
    """`lang` when the checker has a catalogue for it, else the default."""
    return lang if lang in LANGUAGES else DEFAULT


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, Any]:
    return json.loads((_LOCALE / f"{language(lang)}.json").read_text(encoding="utf-8"))


def _entry(lang: str, key: str) -> Any:
    try:
        return catalogue(lang)[key]
    except KeyError:
        raise KeyError(f"message {key!r} is not in the {language(lang)} catalogue") from None


def text(lang: str, key: str, **params: Any) -> str:
    """The message `key` in `lang`, its placeholders filled from `params`."""
    message = _entry(lang, key)
    if not isinstance(message, str):
        raise TypeError(f"message {key!r} is not a plain message")
    return message.format(**params) if params else message


def plural(lang: str, key: str, count: int, **params: Any) -> str:
    """The form of `key` for `count` ({n} in the message is the count)."""
    forms = _entry(lang, key)
    return forms["one" if count == 1 else "other"].format(n=count, **params)


def columns(lang: str, key: str) -> list[str]:
    """A list message: a table's column headers."""
    message = _entry(lang, key)
    if not isinstance(message, list):
        raise TypeError(f"message {key!r} is not a list")
    return list(message)


def group(lang: str, prefix: str) -> dict[str, Any]:
    """Every message under `prefix.` by the rest of its key: a word per state, status or kind."""
    start = prefix + "."
    return {key[len(start):]: value for key, value in catalogue(lang).items() if key.startswith(start)}
