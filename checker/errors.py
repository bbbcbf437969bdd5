"""The one place that says which failure gets which exit code (design.md, Exit codes)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    UNCHECKED = 2
    ENGINE = 3


class CheckerError(Exception):
    """An error the user can act on; the CLI prints it without a traceback."""

    exit_code: ExitCode = ExitCode.UNCHECKED

    def __init__(self, message: str, *, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def __reduce__(self) -> tuple:
        # keeps the location when the error crosses from a worker process (the default keeps only the message)
        return (_rebuild, (type(self), self.message, self.location))


def _rebuild(kind: type, message: str, location: str | None) -> CheckerError:
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
