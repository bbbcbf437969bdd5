"""The one place that says which failure gets which exit code (design.md, Exit codes)."""

from __future__ import annotations

from enum import IntEnum

from checker.model import Text


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    UNCHECKED = 2
    ENGINE = 3


class CheckerError(Exception):
    """An error the user can act on; the CLI prints it without a traceback.

    Its text is a catalogue message in both languages (i18n.message); it is printed in the run's language
    (i18n.use). A plain string is text no catalogue holds (an engine's own diagnostics), the same in both."""

    exit_code: ExitCode = ExitCode.UNCHECKED

    def __init__(self, message: Text | str, *, location: str | None = None) -> None:
        self.text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(self.text.en)
        self.location = location

    @property
    def message(self) -> str:
        from checker.i18n import current

        return self.text.get(current())

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def __reduce__(self) -> tuple:
        # keeps the location when the error crosses from a worker process (the default keeps only the message)
        return (_rebuild, (type(self), self.text, self.location))


def _rebuild(kind: type, message: Text, location: str | None) -> CheckerError:
    return kind(message, location=location)


class UsageError(CheckerError):
    """Bad options or arguments."""


class InputError(CheckerError):
    """A descriptor, configuration or waiver file that cannot be read or is invalid."""


class PolicyError(CheckerError):
    """A rule or its metadata is broken: the checker cannot vouch for any verdict."""

    exit_code = ExitCode.ENGINE


class EngineError(CheckerError):
    """The Rego engine failed, or answered something other than a report."""

    exit_code = ExitCode.ENGINE
