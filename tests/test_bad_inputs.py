"""The bad-input corpus (tests/bad_inputs/cases.yaml): never a traceback, never a pass, always located.

The cases run through the real command line, four at a time (each is a subprocess), once
per session; each case is then its own test. They run in English (`says` quotes the English
message) and again in Dutch, where no English sentence may reach the user (test_i18n's words).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR

CORPUS = Path(__file__).parent / "bad_inputs"
CASES: list[dict[str, Any]] = YAML(typ="safe").load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
NOT_DESTROYED = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")
TIMEOUT = 90  # a hang (a pipe, a runaway parse) fails the case instead of the whole run


# --- inputs that are generated, not committed -----------------------------------------------

def _file_of_50_mb(work: Path) -> None:
    line = b"# opvulling van een beschrijving die veel te groot is om er een te zijn\n"
    with open(work / "big.cloud.yaml", "wb") as handle:
        handle.write(VALID_DESCRIPTOR.encode())
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert (work / "big.cloud.yaml").stat().st_size > 50 * 1024 * 1024


def _nesting(depth: int) -> Callable[[Path], None]:
    def generate(work: Path) -> None:
        (work / "deep.cloud.yaml").write_text("schema_version: 1\nid: deep\nservice: " + "[" * depth + "]" * depth + "\n")
    return generate


def _too_many_values(work: Path) -> None:
    (work / "values.cloud.yaml").write_text("schema_version: 1\nid: values\nservice: [" + "1, " * 100_001 + "1]\n")


def _too_many_documents(work: Path) -> None:
    (work / "documents.cloud.yaml").write_text("---\nschema_version: 1\n" * 1_001)


def _symlink_loop(work: Path) -> None:
    (work / "loop.cloud.yaml").symlink_to("loop.cloud.yaml")


def _symlink_loop_in_a_folder(work: Path) -> None:
    (work / "svc").mkdir()
    (work / "svc" / "a.cloud.yaml").symlink_to("b.cloud.yaml")
    (work / "svc" / "b.cloud.yaml").symlink_to("a.cloud.yaml")


def _folder_with_a_link_to_itself(work: Path) -> None:
    (work / "svc" / "sub").mkdir(parents=True)
    (work / "svc" / "mail.cloud.yaml").write_text(NOT_DESTROYED)
    (work / "svc" / "sub" / "up").symlink_to("..", target_is_directory=True)
    (work / "svc" / "self").symlink_to(".", target_is_directory=True)


def _symlink_out_of_the_folder(work: Path) -> None:
    (work / "svc").mkdir()
    (work / "secret.yaml").write_text("password: hunter2\n")
    (work / "svc" / "leak.cloud.yaml").symlink_to("../secret.yaml")


def _unreadable_file(work: Path) -> None:
    (work / "svc").mkdir()
    target = work / "svc" / "mail.cloud.yaml"
    target.write_text(VALID_DESCRIPTOR)
    target.chmod(0)


def _named_pipe(work: Path) -> None:
    (work / "svc").mkdir()
    os.mkfifo(work / "svc" / "pipe.cloud.yaml")


def _names_that_are_commands(work: Path) -> None:
    """Descriptor names a CI runner or a terminal would act on if they were printed raw (git cannot keep them portably)."""
    (work / "svc").mkdir()
    (work / "svc" / "x\n::error file=x::INJECTED \x1b[31m.cloud.yaml").write_text(NOT_DESTROYED)


GENERATORS: dict[str, Callable[[Path], None]] = {
    "file-of-50-mb": _file_of_50_mb,
    "nesting-10000-deep": _nesting(10_000),
    "nesting-100000-deep": _nesting(100_000),
    "too-many-values": _too_many_values,
    "too-many-documents": _too_many_documents,
    "symlink-loop": _symlink_loop,
    "symlink-loop-in-a-folder": _symlink_loop_in_a_folder,
    "folder-with-a-link-to-itself": _folder_with_a_link_to_itself,
    "symlink-out-of-the-folder": _symlink_out_of_the_folder,
    "unreadable-file": _unreadable_file,
    "unreadable-file-named": _unreadable_file,
    "named-pipe": _named_pipe,
    "names-that-are-commands": _names_that_are_commands,
}

# Root reads a chmod-000 file anyway. Without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH in its
# bounding set, an exec'd process running as root honours the file mode like anyone else.
_DROP_DAC = (
    "import ctypes, os, sys\n"
    "libc = ctypes.CDLL(None, use_errno=True)\n"
    "for cap in (1, 2):\n"  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    "    if libc.prctl(24, cap, 0, 0, 0) != 0:\n"  # PR_CAPBSET_DROP
    "        sys.exit('cannot drop capability %d: %s' % (cap, os.strerror(ctypes.get_errno())))\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])\n"
)


@dataclass
class Outcome:
    code: int
    output: str
    work: Path
    skipped: str | None = None


def _prepare(case: dict[str, Any], work: Path) -> list[str]:
    (work / ".cloudbeleid.yaml").write_text(MINISTRY_CONFIG)
    for name in filter(None, (case.get("base"), case.get("input"))):
        source = CORPUS / name
        if source.is_dir():
            shutil.copytree(source, work, dirs_exist_ok=True, symlinks=True)
        else:
            shutil.copy2(source, work / source.name)
    if "generate" in case:
        GENERATORS[case["generate"]](work)
    return [str(a) for a in case.get("args", [case.get("input")])]


def _run(case: dict[str, Any], root: Path, lang: str = "en") -> Outcome:
    work = root / case["case"]
    work.mkdir()
    args = _prepare(case, work)
    lang = case.get("lang", lang)  # a case may say in which language its `says` is
    # the located, one-line-per-finding form: `where` and `also` name file:line:col
    command = [sys.executable, "-m", "checker", "check", "--lang", lang, "--as-of", AS_OF, "--format", "concise", *args]
    if str(case.get("generate")).startswith("unreadable-file"):
        try:
            (work / "svc" / "mail.cloud.yaml").read_bytes()
        except PermissionError:
            pass  # not root: the mode is enough
        else:
            probe = subprocess.run([sys.executable, "-c", _DROP_DAC, "-c", "open('svc/mail.cloud.yaml').read()"],
                                   cwd=work, capture_output=True, text=True)
            if "cannot drop capability" in probe.stderr:
                return Outcome(0, "", work, f"running as root and {probe.stderr.strip()}: no way to make the read fail")
            assert "PermissionError" in probe.stderr, f"the file stayed readable without DAC capabilities: {probe}"
            command = [sys.executable, "-c", _DROP_DAC, *command[1:]]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    try:
        result = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Outcome(-1, f"timed out after {TIMEOUT} s", work)
    return Outcome(result.returncode, result.stdout + result.stderr, work)


def _run_all(lang: str) -> Any:
    root = Path(tempfile.mkdtemp(prefix="cloudbeleid-bad-inputs-"))
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            done = dict(zip([c["case"] for c in CASES], pool.map(lambda case: _run(case, root, lang), CASES)))
        for outcome in done.values():  # the big files go now; the rest is small
            for big in outcome.work.glob("big.cloud.yaml"):
                big.unlink()
        yield done
    finally:
        for path in root.rglob("*"):
            if not path.is_symlink() and path.exists() and stat.S_IMODE(path.lstat().st_mode) == 0:
                path.chmod(0o600)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def outcomes() -> Any:
    yield from _run_all("en")


def test_the_corpus_is_large_and_each_case_is_named_once():
    names = [c["case"] for c in CASES]
    assert len(names) >= 40 and len(set(names)) == len(names)
    assert set(GENERATORS) <= {c.get("generate") for c in CASES}
    used = {c.get("input") for c in CASES} | {c.get("base") for c in CASES}
    committed = {p.name for p in CORPUS.iterdir() if p.name not in ("cases.yaml", ".gitattributes")}
    assert committed <= used, f"corpus files no case uses: {sorted(committed - used)}"


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_bad_input(case: dict[str, Any], outcomes: dict[str, Outcome]):
    outcome = outcomes[case["case"]]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    output = outcome.output
    assert "Traceback" not in output and "internal error" not in output, output
    assert outcome.code != 0, output
    assert outcome.code == case["exit"], output
    assert case["where"] in output, output
    assert case["says"] in output, output
    for text in case.get("also", []):
        assert text in output, output
    for text in case.get("absent", []):
        assert text not in output, output
    assert not (outcome.work / "pwned").exists()  # a tag never runs anything
