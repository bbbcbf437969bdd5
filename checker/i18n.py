"""Every word the reporters, the HTML portfolio and the dossier show: one message catalogue per language.

The catalogues are `checker/locale/<lang>.json`, flat objects from a dotted key to a message. A message is a
string with `{name}` placeholders (str.format), a list of strings (a table's column headers), or a plural entry
{"one": ..., "other": ...} chosen by a count. Both catalogues hold the same keys with the same placeholders
(tests/test_i18n.py), so a language can never fall back to another's words.

    text("nl", "run.skipped_file", reason="uitgesloten")   -> "niet gecontroleerd: uitgesloten"
    plural("nl", "markdown.services", 1)                   -> "1 dienst"

Error messages are made before anyone knows the language they will be read in (a descriptor's problem ends up in
a report in either language; a worker process raises what the parent prints), so they are built in both at once:

    message("loader.empty")                                 -> Text(nl="bestand bevat geen document ...", en=...)

A parameter that is itself a Text (a nested message, a word) is filled in per language. An error the CLI prints
is read in the run's language, `use(lang)`, set once the command knows it (`current()`; the default before).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.model import Text

LANGUAGES = ("nl", "en")
DEFAULT = "nl"  # the checker speaks Dutch unless asked otherwise

_LOCALE = Path(__file__).with_name("locale")


def language(lang: str | None) -> str:
    """`lang` when the checker has a catalogue for it, else the default."""
    return lang if lang in LANGUAGES else DEFAULT


@cache
def catalogue(lang: str) -> dict[str, Any]:
    return json.loads((_LOCALE / f"{language(lang)}.json").read_text(encoding="utf-8"))


def _entry(lang: str, key: str) -> Any:
    try:
        return catalogue(lang)[key]
    except KeyError:
        raise KeyError(f"message {key!r} is not in the {language(lang)} catalogue") from None


def text(lang: str, key: str, /, **params: Any) -> str:
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


def message(key: str, /, **params: Any) -> Text:
    """The message `key` in every language; a Text parameter is filled in in the language of the message."""
    try:  # the same message for thousands of findings (a rule that does not apply) is made once
        return _message(key, tuple((name, type(value), value) for name, value in params.items()))
    except TypeError:  # a parameter that is not hashable
        return _make(key, params)


@lru_cache(maxsize=4096)
def _message(key: str, params: tuple[tuple[str, type, Any], ...]) -> Text:  # by type too: 1 and True are equal keys
    return _make(key, {name: value for name, _, value in params})


def _make(key: str, params: dict[str, Any]) -> Text:
    from checker.model import Text

    nl, en = ({name: value.get(lang) if isinstance(value, Text) else value for name, value in params.items()}
              for lang in LANGUAGES)
    return Text(text("nl", key, **nl), text("en", key, **en))


_current = [DEFAULT]


def use(lang: str | None) -> None:
    """The language errors are printed in from now on (the CLI calls it once it knows the run's language)."""
    _current[0] = language(lang)


def current() -> str:
    return _current[0]


def clipped(text: str, limit: int = 120) -> Text | str:
    """A value as a message shows it: whole when short, else its start and its length (a 10 MB value is no message)."""
    return text if len(text) <= limit else message("value.clipped", start=text[:limit], length=len(text))


def os_reason(exc: OSError) -> Text | str:
    """Why the system refused a file, in the catalogue's words when it knows the error (os.<errno name>)."""
    import errno

    name = errno.errorcode.get(exc.errno) if exc.errno is not None else None
    key = f"os.{name}"
    return message(key) if name and key in catalogue("en") else (exc.strerror or str(exc))


def per_language(make: Callable[[str], str]) -> Text:
    """A Text made by `make(lang)` for each language (a list joined in each language's words)."""
    from checker.model import Text

    return Text(nl=make("nl"), en=make("en"))


# What Python's JSON decoder says (its msg), by its wording: the Dutch reader reads the catalogue's (json.*)
_DECODER = {"Expecting value": "expecting_value", "Expecting property name enclosed in double quotes": "expecting_name",
            "Expecting ',' delimiter": "expecting_comma", "Expecting ':' delimiter": "expecting_colon",
            "Unterminated string starting at": "unterminated", "Extra data": "extra_data",
            "Invalid control character at": "control", "Invalid \\escape": "escape"}


def decoder_says(said: str) -> Text | str:
    """A JSON decoder's message in both languages where the catalogue knows it, else as the decoder wrote it."""
    from checker.model import Text

    key = _DECODER.get(said)
    return Text(text("nl", f"json.{key}"), said) if key else said
