"""What several formats share: fingerprints, severity mappings, grouping, and making input safe to show.

Output is data: every string a finding, waiver or run fact carries (file names, service ids, messages that quote
descriptor values, waiver fields, rule ids of custom policies) comes from the repository under check. `visible`
is the one place that turns such a string into text no consumer executes or misreads; each format then adds the
escaping its own syntax needs (XML, Markdown, workflow commands, URIs).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

from checker.i18n import plural, text
from checker.model import Enforcement, Finding, Report, Status

FINGERPRINT_VERSION = "cloudbeleid/v1"

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates (they reorder what a
# reviewer sees), the noncharacters U+FFFE/U+FFFF (forbidden in XML) and lone surrogates (a file name that is not
# UTF-8 decodes to them; they cannot be written as UTF-8 at all).
# controls, separators, bidi controls, lone surrogates and non-characters, and the invisible format characters
# (zero-width spaces and joiners, marks, the BOM, soft hyphen, Hangul fillers, the tag characters of "ASCII
# smuggling") that make text read otherwise than it is
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        "\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\ufffe\uffff"
                        "\ud800-\udfff\U000e0000-\U000e0fff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# CI runners execute a line whose first non-blank characters are '::' (GitHub Actions) and, anywhere in a line,
# '##[' (GitHub's older syntax) and '##vso[' (Azure Pipelines)
_COMMAND_START = re.compile(r"^(\s*):")
_COMMAND_ANYWHERE = re.compile(r"##(?=\[|vso\[)", re.IGNORECASE)


def _code(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def visible(text: Any) -> str:
    """`text` as one line of plain text that no terminal, log viewer or CI runner acts on.

    Control and other invisible characters are shown as escapes (\\n, \\x1b, \\u202e); a leading ':' that could
    start a workflow command and the '##' of '##[' or '##vso[' are shown as \\x3a and #\\x23.
    """
    shown = _INVISIBLE.sub(_code, str(text))
    shown = _COMMAND_START.sub(r"\1\\x3a", shown) if shown.lstrip().startswith("::") else shown
    return _COMMAND_ANYWHERE.sub("#\\\\x23", shown)


# characters a JSON string may hold raw that a terminal or a strict consumer may not take, and the first '#' of a
# runner command that acts anywhere in a line: escaped as \uXXXX, which every JSON parser reads back as the same
# character (lone surrogates as the same code unit). They can only occur inside strings, so the escape is safe.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]|#(?=#(?:\\[|vso\\[))", re.IGNORECASE)


def json_text(value: Any, **options: Any) -> str:
    """json.dumps with readable non-ASCII text, but never a raw control, bidi or lone surrogate character, nor '##['."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# where a CI system checked the repository out, for when git cannot say (no git, or a checkout git calls unsafe)
_CHECKOUT_VARIABLES = ("CI_PROJECT_DIR", "GITHUB_WORKSPACE", "BUILD_SOURCESDIRECTORY")


@functools.cache
def _root_of(cwd: str) -> str:
    from checker.vcs import toplevel

    top = toplevel(Path(cwd))
    if top is not None:
        return os.path.realpath(top)
    for name in _CHECKOUT_VARIABLES:
        checkout = os.environ.get(name)
        if checkout and (cwd + os.sep).startswith(os.path.realpath(checkout).rstrip(os.sep) + os.sep):
            return os.path.realpath(checkout)
    return cwd


def repository_root() -> str:
    """The root of the repository the run is in: git's work tree of the working directory, else the CI checkout
    that holds it, else the working directory itself. GitLab, GitHub and SARIF viewers name files from there."""
    return _root_of(os.path.realpath(os.getcwd()))


def _real_folder(file: str) -> str:
    """The folder of `file`, symlinks resolved; a name no file system can hold (a lone surrogate, which not even
    surrogateescape encodes, or a NUL) names no link, so its folder stays as written."""
    folder = os.path.dirname(os.path.abspath(file))
    try:
        return os.path.realpath(folder)
    except (UnicodeEncodeError, ValueError):
        return folder


def repository_path(file: str) -> str | None:
    """`file` as a normalised POSIX path relative to the repository's root, or None when it lies outside it.

    A relative name is taken from the working directory, as the run read it; run from a subfolder, it still comes
    out from the root (services/a.cloud.yaml, not a.cloud.yaml)."""
    root, cwd = repository_root(), os.path.realpath(os.getcwd())
    path = file.replace(os.sep, "/") if os.sep != "/" else file
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path) or root != cwd:
        # the file's folder resolved (a symlinked tmp or checkout), its own name kept as written
        absolute = os.path.join(_real_folder(file), os.path.basename(file))
        path = os.path.relpath(absolute, root).replace(os.sep, "/")
    path = posixpath.normpath(path)
    return None if path in (".", "..") or path.startswith("../") or path.startswith("/") else path


def file_uri_reference(file: str) -> tuple[str, bool]:
    """An RFC 3986 reference for `file`: (relative reference, True) under the run's root, else (file: URI, False).

    The bytes of the name are percent-encoded, so a space, '#', '?', '%', '|' or a name that is not UTF-8 keeps
    its identity; ':' is encoded too, as a relative reference's first segment must not hold one.
    """
    relative = repository_path(file)
    if relative is not None:
        return quote_from_bytes(_name_bytes(relative), safe="/"), True
    # one leading slash: POSIX keeps a path's two ('//x', which Linux reads as '/x'), and 'file:////x' would read
    # as a network share's path; a Windows drive gets one
    absolute = "/" + os.path.abspath(file).replace(os.sep, "/").lstrip("/")
    return "file://" + quote_from_bytes(_name_bytes(absolute), safe="/"), False


def _name_bytes(path: str) -> bytes:
    """The bytes of a file name: a name read from a directory decodes back to its own bytes; any other string to UTF-8."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate a directory listing cannot produce
        return path.encode("utf-8", "surrogatepass")


def fingerprint(finding: Finding) -> str:
    """Stable over reformatting: file, service, rule and JSON path; never line numbers."""
    key = "\0".join((finding.location.file, finding.service or "", finding.rule_id, finding.location.pointer))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def reported(finding: Finding) -> bool:
    """Findings a code-scanning or quality view shows: failures, errors and waived failures."""
    return finding.status in (Status.FAIL, Status.ERROR, Status.WAIVED)


def advisory(finding: Finding) -> bool:
    return finding.status is Status.FAIL and finding.enforcement is Enforcement.ADVISORY


def fails_gate(finding: Finding, report: Report) -> bool:
    """A failure that binds and is at or above its file's threshold: the findings that fail the run (Report.failing)."""
    return report.fails(finding)


def effect(finding: Finding, report: Report) -> str:
    """What a failing or error finding does to the run, the one distinction every view makes: 'error' (input not
    checked), 'mandatory' (fails the gate), 'below' (binds, but under the threshold), 'advisory' (never fails it)."""
    if finding.status is Status.ERROR:
        return "error"
    if finding.enforcement is not Enforcement.MANDATORY:
        return "advisory"
    return "mandatory" if fails_gate(finding, report) else "below"


# --- the run's own facts, in the words every format uses ------------------------------------------------------

DEVIATION_RULE = "CB-REFERENCE-DEVIATION"
SKIPPED_RULE = "CB-SKIPPED-FILE"
IGNORED_RULE = "CB-IGNORED-RULES"  # the rules --select/--ignore left out

def codes(values: Any) -> str:
    return ", ".join(str(v) for v in values or ())


def deviation_where(deviation: dict[str, Any]) -> str:
    return f"{deviation.get('file', '?')}:{deviation.get('line') or 1}"


def describe_deviation(deviation: dict[str, Any], lang: str, where: bool = True) -> str:
    """One deviation as a sentence (raw: each format makes it safe for its syntax)."""
    changes = ""
    if deviation.get("added"):
        changes += text(lang, "run.added", codes=codes(deviation["added"]))
    if deviation.get("removed"):
        changes += text(lang, "run.removed", codes=codes(deviation["removed"]))
    sentence = text(lang, "run.deviation",
                    where=deviation_where(deviation) if where else "", list=deviation.get("list", "?"), changes=changes,
                    reason=deviation_reason(deviation, lang), decision=deviation_decision(deviation, lang))
    return sentence.lstrip()


def deviation_reason(deviation: dict[str, Any], lang: str) -> str:
    return deviation.get("reason") or text(lang, "run.no_reason")


def deviation_decision(deviation: dict[str, Any], lang: str) -> str:
    return deviation.get("decision_ref") or text(lang, "run.no_decision")


def skipped_reason(entry: dict[str, Any], lang: str) -> str:
    reason = str(entry.get("reason", ""))
    return text(lang, f"run.reason.{reason}") if reason in ("case", "excluded", "not-included", "hidden") else reason


def skipped_summary(report: Report, lang: str) -> str | None:
    """'3 bestanden overgeslagen: 2 hoofdletters in de naam, 1 uitgesloten', or None when nothing was skipped."""
    if not report.skipped:
        return None
    by_reason: dict[str, int] = {}
    for entry in report.skipped:
        reason = skipped_reason(entry, lang)
        by_reason[reason] = by_reason.get(reason, 0) + 1
    count = len(report.skipped)
    return text(lang, "run.skipped", count=count, files=plural(lang, "run.files", count),
                reasons=", ".join(f"{n} {reason}" for reason, n in by_reason.items()))


def severity_word(severity: Any, lang: str) -> str:
    """A severity as the reader's language names it (the text view's lines and machine fields keep the id)."""
    value = getattr(severity, "value", severity)
    return text(lang, f"severity.{value}") if value in _SEVERITIES else str(value)


def threshold(report: Report, lang: str) -> str:
    """The gate's threshold in words: 'hoog', or 'per configuratie' when the configurations differ."""
    return severity_word(report.fail_on, lang)


_SEVERITIES = ("critical", "high", "medium", "low", "info", "per-configuration")


def server_line(report: Report, lang: str) -> str | None:
    return text(lang, "run.server", server=report.server) if report.server else None


def deviation_fingerprint(deviation: dict[str, Any]) -> str:
    key = "\0".join((str(deviation.get("file", "")), str(deviation.get("list", "")), codes(deviation.get("added")),
                     codes(deviation.get("removed"))))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def ignored_fingerprint(report: Report) -> str:
    key = "\0".join((IGNORED_RULE, *(str(entry["rule"]) for entry in report.ignored_rules)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def skipped_fingerprint(entry: dict[str, Any]) -> str:
    key = "\0".join((SKIPPED_RULE, str(entry.get("file", "")), str(entry.get("reason", ""))))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


# --- Markdown -------------------------------------------------------------------------------------------------

# the ASCII punctuation Markdown (CommonMark, GFM) gives a meaning inside a line: emphasis and strikethrough, code,
# links and images, raw HTML and entities, tables, math, emoji codes, scheme and e-mail autolinks; and a '.' inside a
# word, which a www. autolink needs. Cells and list items never start a line, so '-', '=' and digits need nothing.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&$@:]|\.(?=\S))")


def md_text(text: Any) -> str:
    """Input as Markdown that renders as exactly that text: no markup, no HTML, no links, no table breaks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))


def md_code(text: Any) -> str:
    """Input as a code span inside a table cell: any backticks inside cannot close it, '|' cannot split the row."""
    shown = visible(text).replace("|", "\\|")
    if not shown.strip(" "):
        return md_text(shown)  # a code span cannot be empty or blank
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown.startswith(("`", " ")) or shown.endswith(("`", " ")) else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def safe_link(url: Any) -> str | None:
    """An http(s) URL fit for an href or helpUri, or None: no javascript:, data: or other scheme from input."""
    if not isinstance(url, str) or not re.fullmatch(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", url):
        return None
    return url


def ignored_line(report: Report, lang: str) -> str:
    """The rules --select/--ignore left out, and the gate failures of theirs that stay (checker/selection.py)."""
    rules = ", ".join(str(entry["rule"]) for entry in report.ignored_rules)
    line = text(lang, "run.ignored", count=len(report.ignored_rules), rules=rules)
    kept = sum(int(entry.get("kept", 0)) for entry in report.ignored_rules)
    return line + (f"; {text(lang, 'run.ignored_kept', count=kept)}" if kept else "")
