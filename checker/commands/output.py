"""What the commands print: in the run's language, input made visible, reports written to a file or standard output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import i18n
from checker.errors import UsageError

if TYPE_CHECKING:
    from rich.text import Text as RichText

def speak(lang: str | None) -> None:
    """Every message from now on is in `lang` (the guard's too, and every CheckerError's: i18n.use)."""
    i18n.use(lang)


def lang() -> str:
    """The run's language, once the options or the configuration have chosen it (i18n.current)."""
    return i18n.current()


def words(key: str, **params: Any) -> str:
    """A message of the catalogue in the run's language."""
    return i18n.text(lang(), key, **params)


def say(text: str, err: bool = False) -> None:
    """A line of output that holds input (paths, ids, messages): made visible, so it cannot start a runner command."""
    import typer

    from checker.reporters.common import visible

    typer.echo(visible(text), err=err)


def cell(value: object) -> RichText:
    """A rich table cell that holds input: plain text, never markup."""
    from rich.text import Text

    from checker.reporters.common import visible

    return Text(visible(value))


def colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def write(text: str | Iterable[str], output: Path | None) -> None:
    """Write a rendered report (text, or an iterator of pieces) to a file or standard output."""
    _write([text] if isinstance(text, str) else text, output, binary=False)


def write_bytes(blocks: Iterable[bytes], output: Path | None) -> None:
    """Write a report already rendered (block by block, checker/runcache.py) as write() does: to a file its bytes as
    they were written, to standard output the text they encode, through its own encoding, errors and line ends."""
    _write(blocks, output, binary=True)


def _write(pieces: Iterable[Any], output: Path | None, binary: bool) -> None:
    if output is None:
        try:
            if sys.stdout is None:
                raise ValueError(words("cli.closed"))
            for piece in _decoded(pieces) if binary else pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        except (OSError, ValueError) as exc:
            # what cannot be written was not reported: never a pass (checker/cli.py main keeps the interpreter's
            # own flush at exit from failing a second time)
            raise UsageError(words("cli.cannot_write_stdout", reason=reason(exc))) from None
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with (output.open("wb") if binary else output.open("w", encoding="utf-8")) as handle:
            for piece in pieces:
                handle.write(piece)
    except OSError as exc:
        raise UsageError(words("cli.cannot_write", path=output, reason=reason(exc))) from None


def _decoded(blocks: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 blocks as text, a character split between two blocks included."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    for block in blocks:
        yield decoder.decode(block)
    yield decoder.decode(b"", final=True)


def reason(exc: Exception) -> str:
    """Why a write failed, in the run's language where the catalogue knows the error (else the system's words)."""
    import errno

    from checker import i18n

    name = errno.errorcode.get(exc.errno or 0, "") if isinstance(exc, OSError) else ""
    if f"cli.os.{name}" in i18n.catalogue(lang()):
        return words(f"cli.os.{name}")
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
